// The command names come from the one list in command_list.rs; build.rs cannot import
// the crate, so it includes the list. tauri-build makes an `allow-<name>` permission for
// each, and `capabilities/default.json` grants them; a command missing from either is
// refused.
include!("command_list.rs");

macro_rules! names {
    ($($module:ident::$name:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {
        &[$(stringify!($name)),*]
    };
}

const COMMANDS: &[&str] = with_commands!(names);

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=src-tauri/command_list.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
