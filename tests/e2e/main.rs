//! End-to-end journeys through the real app binary in its real WebView, checked in the UI
//! and then in the SQLite file. Run them one at a time (`--test-threads=1`).

mod backups;
mod calendar;
mod dashboard;
mod desktop;
mod exchange;
mod feedback;
mod fuzz;
mod harness;
mod keywords;
mod learning;
mod logs;
mod network;
mod notes;
mod one_on_ones;
mod quarter;
mod readiness;
mod readme;
mod resume;
mod tour;
mod trash;
mod window;
mod wins;

use harness::App;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

/// Opens the app's database file read-only.
pub async fn open_db(dir: &std::path::Path) -> sqlx::SqliteConnection {
    open_db_file(&dir.join("ladder.sqlite3")).await
}

/// Any Ladder file (the database, a backup), read-only.
pub async fn open_db_file(file: &std::path::Path) -> sqlx::SqliteConnection {
    SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .connect()
        .await
        .expect("a Ladder database file")
}

/// (title, intent, status, starts_on) of every plan, oldest first.
pub async fn plans_db(dir: &std::path::Path) -> Vec<(String, String, String, String)> {
    let mut conn = open_db(dir).await;
    let rows = sqlx::query_as("SELECT title, intent, status, starts_on FROM plans ORDER BY id")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    rows
}

#[tokio::test]
async fn a_plan_created_in_the_app_is_there_after_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    // The app opens on the dashboard; plans are one click away.
    app.click("[data-testid=nav-plans]").await;

    app.find("[data-testid=plans-empty]").await;
    app.click("[data-testid=new-plan]").await;
    // The form opens on the current quarter.
    let starts = app.find("#plan-starts").await;
    assert_eq!(
        starts.prop("value").await.unwrap().as_deref(),
        Some("2026-10-01")
    );
    app.type_into("#plan-title", "Become the team lead").await;
    app.type_into(
        "#plan-intent",
        "Run the on-call rotation and the hiring loop.",
    )
    .await;
    app.click("[data-testid=save-plan]").await;

    // One step: the first plan for this quarter opens, already active.
    app.find_text("#plan-heading", "Become the team lead").await;
    app.find_text("[data-testid=plan-screen-status]", "Active")
        .await;
    app.find("[data-testid=plan-progress]").await;
    app.screenshot_page("first-plan-opened").await;
    app.click("[data-testid=nav-plans]").await;
    app.find_text("[data-testid=plan-status]", "Active").await;
    assert!(
        app.client
            .find_all(fantoccini::Locator::Css("[data-testid=activate]"))
            .await
            .unwrap()
            .is_empty(),
        "no \"Make active\" left to click"
    );
    app.screenshot("plans-after-create").await;
    app.quit().await;

    assert_eq!(
        plans_db(data.path()).await,
        vec![(
            "Become the team lead".to_owned(),
            "Run the on-call rotation and the hiring loop.".to_owned(),
            "active".to_owned(),
            "2026-10-01".to_owned()
        )]
    );

    let app = App::launch(data.path()).await;
    app.click("[data-testid=nav-plans]").await;
    app.find_text("[data-testid=plan-title]", "Become the team lead")
        .await;

    // Least privilege: no global Tauri object, and core commands the app does not use
    // are refused by the capability.
    let global = app
        .client
        .execute("return typeof window.__TAURI__", vec![])
        .await
        .unwrap();
    assert_eq!(global, "undefined");
    let refused = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.__TAURI_INTERNALS__.invoke('plugin:app|version')
               .then(() => done('allowed'), (e) => done('refused: ' + e));",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        refused.as_str().is_some_and(|r| r.starts_with("refused")),
        "{refused}"
    );
    app.find_text("[data-testid=plan-status]", "Active").await;
    app.quit().await;
}

#[tokio::test]
async fn bad_input_shows_at_the_field_and_deleting_asks_first() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.click("[data-testid=nav-plans]").await;

    // An empty title is refused next to the title input, and nothing is written.
    app.click("[data-testid=new-plan]").await;
    app.type_into("#plan-title", " ").await;
    app.click("[data-testid=save-plan]").await;
    app.find_text("#plan-title-error", "This cannot be empty.")
        .await;
    app.screenshot("plan-form-error").await;
    assert!(plans_db(data.path()).await.is_empty());

    // Fixing it saves the plan, which opens (it is the first); back to the list.
    app.type_into("#plan-title", "Q4 growth").await;
    app.click("[data-testid=save-plan]").await;
    app.find_text("#plan-heading", "Q4 growth").await;
    app.click("[data-testid=nav-plans]").await;
    app.find_text("[data-testid=plan-title]", "Q4 growth").await;

    // Editing keeps the dates and changes the title.
    app.click("[data-testid=edit]").await;
    app.type_into("#plan-title", "Q4 growth, revised").await;
    app.click("[data-testid=save-plan]").await;
    app.find_text("[data-testid=plan-title]", "Q4 growth, revised")
        .await;

    // Delete asks first; cancelling keeps the plan.
    app.click("[data-testid=delete]").await;
    app.find_text("dialog[open] h2", "Delete this plan?").await;
    app.screenshot("plan-delete-confirm").await;
    app.click_text("dialog[open] button", "Cancel").await;
    app.gone("dialog[open]").await;
    assert_eq!(plans_db(data.path()).await.len(), 1);

    app.click("[data-testid=delete]").await;
    app.click("dialog[open] [data-testid=confirm]").await;
    app.find("[data-testid=plans-empty]").await;
    assert!(plans_db(data.path()).await.is_empty());

    // The focus areas page lists all seven, and the principles.
    app.click("[data-testid=nav-focus-areas]").await;
    app.find_text("[data-testid=area-name]", "Continuous Learning")
        .await;
    assert_eq!(
        app.texts("[data-testid=principles] li strong").await.len(),
        16
    );
    app.screenshot("focus-areas").await;

    // Settings shows where the data lives.
    app.click("[data-testid=nav-settings]").await;
    let db_path = data.path().join("ladder.sqlite3").display().to_string();
    app.find_text("[data-testid=db-path]", &db_path).await;
    app.screenshot("settings").await;

    // The dark theme applies at once and is remembered.
    app.click("input[name=theme][value=dark]").await;
    let started = std::time::Instant::now();
    loop {
        let theme = app
            .client
            .execute("return document.documentElement.dataset.theme", vec![])
            .await
            .unwrap();
        if theme == "dark" {
            break;
        }
        assert!(
            started.elapsed().as_secs() < 10,
            "the page never turned dark: {theme}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.screenshot("settings-dark").await;
    app.quit().await;
    let mut conn = SqliteConnectOptions::new()
        .filename(data.path().join("ladder.sqlite3"))
        .connect()
        .await
        .unwrap();
    let theme: String = sqlx::query_scalar("SELECT theme FROM settings")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(theme, "dark");
}
