// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK turns LANG into navigator.language; the C/POSIX locale becomes "C", which
    // is not a language tag, and Intl (used by the chart library) then throws. A locale of
    // "no preference" gets English instead.
    #[cfg(target_os = "linux")]
    {
        let lang = std::env::var("LC_ALL")
            .ok()
            .filter(|v| !v.is_empty())
            .or_else(|| std::env::var("LANG").ok())
            .unwrap_or_default();
        let base = lang.split('.').next().unwrap_or("");
        if matches!(base, "" | "C" | "POSIX") {
            std::env::set_var("LANG", "en_US.UTF-8");
            std::env::remove_var("LC_ALL");
        }
    }
    ladder_lib::run();
}
