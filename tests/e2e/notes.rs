//! Typed text is never lost: a 1:1's notes typed while a save is slow (the app built with
//! `--features test-hooks` and `LADDER_SLOW_SAVE_MS`) are all in the file afterwards, after
//! leaving the screen right after the last keystroke, and after closing the window the
//! way a person does right after it.

use std::time::{Duration, Instant};

use crate::harness::{App, ENTER};
use crate::window;

/// Each save waits this long before it writes: longer than the 800 ms pause that starts
/// one, so typing goes on while a save is in flight and a second pause comes before it ends.
const SLOW_SAVE_MS: &str = "1500";

async fn stored_notes(dir: &std::path::Path) -> String {
    let mut conn = crate::open_db(dir).await;
    let notes = sqlx::query_scalar("SELECT notes FROM one_on_ones")
        .fetch_one(&mut conn)
        .await
        .unwrap_or_default();
    let _ = sqlx::Connection::close(conn).await;
    notes
}

/// Waits until the file holds `want` as the meeting's notes; returns what it held last.
async fn wait_for_notes(dir: &std::path::Path, want: &str, patience: Duration) -> String {
    let started = Instant::now();
    loop {
        let got = stored_notes(dir).await;
        if got == want || started.elapsed() > patience {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn schedule_with_my_manager(app: &App) {
    app.click("[data-testid=nav-feedback]").await;
    app.click("[data-testid=add-person]").await;
    app.type_into("#person-name", "Dana Kim").await;
    app.choose("#person-relationship", "Manager").await;
    app.click("[data-testid=person-manager]").await;
    app.click("[data-testid=person-dialog-submit]").await;
    app.gone("dialog[open]").await;
    app.click("[data-testid=nav-one-on-ones]").await;
    app.click("[data-testid=schedule-one-on-one]").await;
    app.click("[data-testid=schedule-dialog-submit]").await;
    app.gone("dialog[open]").await;
    app.find("#meeting-notes").await;
}

/// Opens the meeting again from the 1:1s list; its box shows exactly what was saved.
async fn reopen_showing(app: &App, want: &str) {
    app.click("[data-testid=nav-one-on-ones]").await;
    app.click("[data-testid=meeting-row]").await;
    let shown = app
        .find("#meeting-notes")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(shown.as_deref(), Some(want));
}

#[tokio::test]
async fn notes_typed_during_a_slow_save_are_all_in_the_file() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch_with(
        data.path(),
        &[("LADDER_SLOW_SAVE_MS", std::ffi::OsStr::new(SLOW_SAVE_MS))],
        std::process::Stdio::null(),
    )
    .await;
    schedule_with_my_manager(&app).await;

    // A pause starts a save; more is typed while it is in flight, with a second pause
    // before it ends; the last words come just before it ends, and then nothing more.
    let parts = [
        "Agreed: I run the planning meeting. ",
        "Dana sponsors the lead role, with a mentor. ",
        "Follow up in two weeks.",
    ];
    app.press("#meeting-notes", parts[0]).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    app.press("#meeting-notes", parts[1]).await;
    tokio::time::sleep(Duration::from_millis(900)).await;
    app.press("#meeting-notes", parts[2]).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    app.click("[data-testid=nav-dashboard]").await;
    let mut want = parts.concat();
    assert_eq!(
        wait_for_notes(data.path(), &want, Duration::from_secs(10)).await,
        want,
        "every character typed during the slow saves"
    );

    // Back to the meeting: what was saved is shown; more typed and the screen left at once.
    reopen_showing(&app, &want).await;
    app.press("#meeting-notes", " Book the room.").await;
    app.click("[data-testid=nav-dashboard]").await;
    want.push_str(" Book the room.");
    assert_eq!(
        wait_for_notes(data.path(), &want, Duration::from_secs(10)).await,
        want,
        "every character, after leaving the screen right after typing"
    );

    // More typed right before the window is closed is in the file when the app has gone.
    reopen_showing(&app, &want).await;
    app.press(
        "#meeting-notes",
        &format!("{ENTER}Next: ask about the budget."),
    )
    .await;
    let more = "\nNext: ask about the budget.";
    let closing = Instant::now();
    let pids = app.processes();
    window::request_close("Ladder", &pids);
    while window::count_titled("Ladder", &pids) > 0 {
        assert!(
            closing.elapsed() < Duration::from_secs(15),
            "the window did not close after its last save"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let waited = closing.elapsed();
    app.quit().await;
    let want = format!("{want}{more}");
    assert_eq!(
        stored_notes(data.path()).await,
        want,
        "every character, after closing"
    );
    // The close waited for the slow save rather than dropping it.
    assert!(
        waited >= Duration::from_millis(1400),
        "closed after {waited:?}"
    );
}
