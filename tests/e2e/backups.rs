//! Backups end to end: back up, delete a plan by mistake, restore the backup from
//! Settings and find the plan again, then go back to the file from before the restore;
//! a second folder that gets a copy of each backup, until its drive is unplugged.

use crate::harness::App;
use crate::plans_db;

/// Creates a plan for this quarter from the plans list and comes back to the list: the
/// first one opens (it starts active), a later one stays a draft in the list.
async fn new_plan(app: &App, title: &str, first: bool) {
    app.click("[data-testid=new-plan]").await;
    app.type_into("#plan-title", title).await;
    app.click("[data-testid=save-plan]").await;
    if first {
        app.find_text("#plan-heading", title).await;
        app.click("[data-testid=nav-plans]").await;
    }
    app.find_text("[data-testid=plan-title]", title).await;
}

#[tokio::test]
async fn a_deleted_plan_comes_back_from_a_backup_and_the_restore_can_be_undone() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.click("[data-testid=nav-plans]").await;
    new_plan(&app, "Become the team lead", true).await;

    // Back up now from Settings: the list shows it.
    app.click("[data-testid=nav-settings]").await;
    app.find("[data-testid=backups]").await;
    app.click("[data-testid=back-up-now]").await;
    row_with(&app, "Backed up by you").await;

    // A second plan, then the first is deleted (which backs up first, too).
    app.click("[data-testid=nav-plans]").await;
    new_plan(&app, "Made after the backup", false).await;
    app.click("[aria-label='Delete Become the team lead']")
        .await;
    app.click("dialog[open] [data-testid=confirm]").await;
    wait_for_titles(&app, &["Made after the backup"]).await;

    // Restore the manual backup: the deleted plan is back, the later one is not.
    app.click("[data-testid=nav-settings]").await;
    let rows = app.texts("[data-testid=backup-row]").await;
    assert!(
        rows.iter().any(|r| r.contains("Before deleting a plan")),
        "{rows:?}"
    );
    let manual = row_with(&app, "Backed up by you").await;
    app.click(&format!(
        "[data-testid=backup-row]:nth-child({manual}) button"
    ))
    .await;
    app.click("dialog[open] [data-testid=confirm]").await;
    banner_says(&app, "Restored the backup of").await;
    row_with(&app, "Before a restore").await;
    app.find("[data-testid=restore-undo]").await;
    app.screenshot("backups-restored").await;
    let titles: Vec<String> = plans_db(data.path())
        .await
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(
        titles,
        ["Become the team lead"],
        "the file now is the backup"
    );
    app.click("[data-testid=nav-plans]").await;
    wait_for_titles(&app, &["Become the team lead"]).await;

    // Settings still offers to go back to the file from before the restore.
    app.click("[data-testid=nav-settings]").await;
    app.click_text("[data-testid=restore-undo] button", "Go back to it")
        .await;
    banner_says(&app, "Restored the file from before").await;
    app.gone("[data-testid=restore-undo]").await;
    app.click("[data-testid=nav-plans]").await;
    wait_for_titles(&app, &["Made after the backup"]).await;
    app.quit().await;

    let titles: Vec<String> = plans_db(data.path())
        .await
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(titles, ["Made after the backup"]);
}

#[tokio::test]
async fn a_second_folder_gets_each_backup_and_an_unplugged_one_is_reported_in_settings() {
    let data = tempfile::tempdir().unwrap();
    // Where the harness's folder dialog answers; outside the backups folder, as a drive is.
    let second = data.path().join("second-backups");
    std::fs::create_dir(&second).unwrap();
    let app = App::launch(data.path()).await;
    app.click("[data-testid=nav-settings]").await;
    app.find_text("[data-testid=second-folder-path]", "None")
        .await;
    app.click("[data-testid=back-up-now]").await;
    row_with(&app, "Backed up by you").await;

    // Chosen: the newest backup is copied there at once.
    app.click("[data-testid=choose-second-folder]").await;
    app.find_text("[data-testid=second-folder-path]", second.to_str().unwrap())
        .await;
    status_says(&app, "Last copied").await;
    let manual: Vec<String> = file_names(&data.path().join("backups"))
        .into_iter()
        .filter(|n| n.contains("-manual"))
        .collect();
    assert_eq!(
        file_names(&second),
        manual,
        "the second folder holds a copy of the newest backup (the start's daily one is older)"
    );

    // Unplugged: Back up now still works, and Settings says what happened to the copy.
    let unplugged = data.path().join("unplugged");
    std::fs::rename(&second, &unplugged).unwrap();
    app.click("[data-testid=back-up-now]").await;
    banner_says(&app, "Backed up").await;
    status_says(&app, "Last copy to").await;
    let shown = app.texts("[data-testid=second-folder-status]").await;
    assert!(
        shown[0].contains("could not be written") && shown[0].contains("main folder is fine"),
        "{shown:?}"
    );
    assert!(!second.exists(), "the missing folder is not made");
    let manual_now = file_names(&data.path().join("backups"))
        .into_iter()
        .filter(|n| n.contains("-manual"))
        .count();
    assert_eq!(manual_now, 2, "the backup in the main folder was taken");

    app.click("[data-testid=stop-second-folder]").await;
    app.find_text("[data-testid=second-folder-path]", "None")
        .await;
    app.gone("[data-testid=second-folder-status]").await;
    app.quit().await;
    assert_eq!(
        file_names(&unplugged).len(),
        1,
        "stopping leaves the copies"
    );
    let local = std::fs::read_to_string(data.path().join("local-settings.json")).unwrap();
    let local: serde_json::Value = serde_json::from_str(&local).unwrap();
    assert!(local["secondBackupFolder"].is_null(), "{local}");
}

fn file_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Waits until the second folder's status line starts with `start`.
async fn status_says(app: &App, start: &str) {
    let started = std::time::Instant::now();
    loop {
        let shown = app.texts("[data-testid=second-folder-status]").await;
        if shown.iter().any(|s| s.starts_with(start)) {
            return;
        }
        assert!(
            started.elapsed().as_secs() < 20,
            "the second folder's status says {shown:?}, not {start:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Waits until the plans list shows exactly these titles.
async fn wait_for_titles(app: &App, want: &[&str]) {
    let started = std::time::Instant::now();
    loop {
        let titles = app.texts("[data-testid=plan-title]").await;
        if titles == want {
            return;
        }
        assert!(
            started.elapsed().as_secs() < 20,
            "plans {titles:?}, want {want:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// The 1-based position of the first backup row that mentions `text`, once there is one.
async fn row_with(app: &App, text: &str) -> usize {
    let started = std::time::Instant::now();
    loop {
        let rows = app.texts("[data-testid=backup-row]").await;
        if let Some(i) = rows.iter().position(|r| r.contains(text)) {
            return i + 1;
        }
        assert!(
            started.elapsed().as_secs() < 20,
            "no backup row says {text:?}: {rows:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn banner_says(app: &App, start: &str) {
    let started = std::time::Instant::now();
    loop {
        let shown = app.texts("[data-testid=banner]").await;
        if shown.iter().any(|s| s.starts_with(start)) {
            return;
        }
        assert!(
            started.elapsed().as_secs() < 20,
            "the banner says {shown:?}, not {start:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_file_that_does_not_open_gets_its_own_screen_and_the_newest_good_backup() {
    let data = tempfile::tempdir().unwrap();
    let db_path = data.path().join("ladder.sqlite3");
    let pool = ladder_lib::infra::db::connect(&db_path).await.unwrap();
    sqlx::query(
        "INSERT INTO plans (title, intent, starts_on, ends_on, status)
         VALUES ('Kept in the backup', '', '2026-10-01', '2026-12-31', 'draft')",
    )
    .execute(&pool)
    .await
    .unwrap();
    ladder_lib::infra::backups::create_now(
        &pool,
        &data.path().join("backups"),
        ladder_lib::infra::backups::Reason::Manual,
    )
    .await
    .unwrap();
    pool.close().await;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db_path.display()));
    }
    std::fs::write(&db_path, "not a database at all ".repeat(300)).unwrap();

    let app = App::launch(data.path()).await;
    app.find("[data-testid=startup-problem]").await;
    let message = app.texts("[data-testid=startup-message]").await;
    assert_eq!(message, ["This file is not a Ladder database."]);
    app.screenshot("startup-problem").await;
    app.click("[data-testid=restore-newest]").await;
    app.find("[data-testid=nav-plans]").await;
    app.click("[data-testid=nav-plans]").await;
    wait_for_titles(&app, &["Kept in the backup"]).await;
    app.quit().await;

    let aside: Vec<String> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("ladder.sqlite3.unopened-"))
        .collect();
    assert_eq!(
        aside.len(),
        1,
        "the file that did not open is kept: {aside:?}"
    );
    let kept = std::fs::read_to_string(data.path().join(&aside[0])).unwrap();
    assert!(kept.starts_with("not a database at all"));
}
