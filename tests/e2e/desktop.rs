//! Ladder as a desktop app: a second launch brings the running window forward instead of
//! opening another, and the window's size comes back on the next start.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::App;
use crate::window;

/// Starts the binary again, as a second click on its icon would, in the first one's
/// session and data folder; returns whether it quit on its own, and how fast.
fn launch_again(app: &App, data: &Path) -> Option<Duration> {
    let xdg = data.join("xdg");
    let mut second = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .env("LADDER_DATA_DIR", data)
        .env("DBUS_SESSION_BUS_ADDRESS", app.bus_address())
        .env("XDG_DATA_HOME", xdg.join("data"))
        .env("XDG_CACHE_HOME", xdg.join("cache"))
        .env("XDG_CONFIG_HOME", xdg.join("config"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the app binary");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(15) {
        if let Ok(Some(status)) = second.try_wait() {
            assert!(status.success(), "the second launch failed: {status}");
            return Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    // Still running: it opened a window of its own. Stop it so the display stays clean.
    let _ = second.kill();
    let _ = second.wait();
    None
}

#[tokio::test]
async fn a_second_launch_brings_the_running_window_forward_and_opens_no_other() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.find("[data-testid=nav-dashboard]").await;
    let quit = launch_again(&app, data.path());
    assert!(
        quit.is_some(),
        "the second launch stayed running instead of handing over"
    );
    // The running app heard of it and says so where the user looks.
    app.find_containing(".banner", "Ladder was already open")
        .await;
    assert_eq!(
        window::count_titled("Ladder", &app.processes()),
        1,
        "still the one window"
    );
    // The About box names the version, this data folder and the licence.
    app.click("[data-testid=open-about]").await;
    app.find_text(
        "#about-title",
        concat!("Ladder ", env!("CARGO_PKG_VERSION")),
    )
    .await;
    app.find_text(
        "[data-testid=about-data-folder]",
        &data.path().display().to_string(),
    )
    .await;
    app.find_containing("[data-testid=about-licence]", "MIT")
        .await;
    app.screenshot("about").await;
    app.quit().await;
}

fn saved_state(data: &Path) -> serde_json::Value {
    let file = data.join("xdg/config/app.ladder.planner/.window-state.json");
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{} should hold the window's state: {e}", file.display()));
    serde_json::from_str(&text).expect("the window state is JSON")
}

/// Closes the window as a person does (its ✕), which lets the app save and quit.
async fn close_window(app: &App) {
    let pids = app.processes();
    window::request_close("Ladder", &pids);
    let closing = Instant::now();
    while window::count_titled("Ladder", &pids) > 0 {
        assert!(
            closing.elapsed() < Duration::from_secs(15),
            "the window did not close"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_window_comes_back_at_the_size_it_was_closed_at() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.find("[data-testid=nav-dashboard]").await;
    app.client.set_window_size(960, 680).await.unwrap();
    let started = Instant::now();
    while app.client.get_window_size().await.unwrap() != (960, 680) {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the window did not resize"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    close_window(&app).await;
    app.quit().await;

    let state = saved_state(data.path());
    let main = &state["main"];
    assert_eq!(
        (main["width"].as_u64(), main["height"].as_u64()),
        (Some(960), Some(680)),
        "{state}"
    );

    let again = App::launch(data.path()).await;
    again.find("[data-testid=nav-dashboard]").await;
    assert_eq!(again.client.get_window_size().await.unwrap(), (960, 680));
    again.quit().await;
}
