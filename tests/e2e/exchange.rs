//! Moving to a new computer: export everything from Settings, start the app on an empty
//! data folder, import the file there, and find everything back — in the UI and, table
//! by table, in the new SQLite file.

use std::path::Path;

use crate::harness::App;
use crate::open_db;

async fn seed(dir: &Path) {
    use ladder_lib::demo::generator::{generate, Scale};
    let pool = ladder_lib::infra::db::connect(&dir.join("ladder.sqlite3"))
        .await
        .unwrap();
    let small = Scale {
        plans: 3,
        goals_per_plan: 5,
        milestones_per_goal: 2,
        check_ins_per_goal: 2,
        wins_per_plan: 3,
        resources_per_plan: 3,
        entries_per_resource: 2,
        people: 5,
        requests_per_plan: 2,
        one_on_ones: 4,
        conversations_per_plan: 2,
        opportunities_per_plan: 1,
        expectations: 6,
    };
    generate(&pool, crate::harness::TODAY.parse().unwrap(), small)
        .await
        .unwrap();
    pool.close().await;
}

/// Rows per table that has a uid, with every uid, so two files can be compared.
async fn uids_by_table(dir: &Path) -> Vec<(String, Vec<String>)> {
    let mut conn = open_db(dir).await;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name <> 'trash'
         AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'uid') ORDER BY m.name",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let sql = format!("SELECT uid FROM \"{t}\" ORDER BY uid");
        let uids: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut conn)
            .await
            .unwrap();
        out.push((t, uids));
    }
    out
}

/// The UIDs of the calendar the old computer's own file gives.
async fn expected_calendar(dir: &Path) -> Vec<String> {
    use ladder_lib::views::calendar;
    let pool = ladder_lib::infra::db::connect(&dir.join("ladder.sqlite3"))
        .await
        .unwrap();
    let today = crate::harness::TODAY.parse().unwrap();
    let found = calendar::gather(&pool, calendar::Scope::default(), today)
        .await
        .unwrap();
    let text = calendar::ics(&found);
    pool.close().await;
    text.lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(|u| u.trim_end().to_owned())
        .collect()
}

async fn wait_for_text(app: &App, css: &str, part: &str) -> String {
    let started = std::time::Instant::now();
    loop {
        let shown = app.texts(css).await;
        if let Some(s) = shown.iter().find(|s| s.contains(part)) {
            return s.clone();
        }
        assert!(
            started.elapsed().as_secs() < 30,
            "{css} says {shown:?}, not {part:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
}

#[tokio::test]
async fn everything_moves_to_a_new_computer_through_one_export_file() {
    let old = tempfile::tempdir().unwrap();
    seed(old.path()).await;
    let app = App::launch(old.path()).await;
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=export-everything]").await;
    let summary = wait_for_text(&app, "[data-testid=export-summary]", "Exported").await;
    app.screenshot_page("exchange-exported").await;
    app.quit().await;
    let exports: Vec<_> = std::fs::read_dir(old.path().join("exports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(exports.len(), 1, "{exports:?}");
    let file = &exports[0];
    assert!(summary.contains(&file.display().to_string()), "{summary}");
    assert!(file
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("ladder-export-"));

    // The new computer: an empty data folder, the file chosen in the import dialog.
    let new = tempfile::tempdir().unwrap();
    let app = App::launch_with(
        new.path(),
        &[("LADDER_OPEN_FILE", file.as_os_str())],
        std::process::Stdio::null(),
    )
    .await;
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=import-everything]").await;
    let preview = wait_for_text(&app, "[data-testid=everything-import-summary]", "added").await;
    let mode = app.texts("dialog[open] .muted").await.join(" ");
    assert!(mode.contains("nothing of yours yet"), "{mode}");
    app.screenshot_page("exchange-import-preview").await;
    app.click("[data-testid=run-everything-import]").await;
    app.gone("dialog[open][data-testid=everything-import]")
        .await;
    let banner = wait_for_text(&app, "[data-testid=banner]", "Imported").await;
    assert!(banner.contains("added"), "{banner} (preview: {preview})");

    // The calendar exported there reads in ical.js with the events the old computer's
    // record gives, UID for UID.
    app.click("[data-testid=calendar-all]").await;
    app.click("[data-testid=export-calendar]").await;
    app.find("[data-testid=calendar-saved]").await;
    let ics = new.path().join("exports").join("ladder-calendar.ics");
    let mut read = crate::calendar::uids_read_by_ical_js(&ics);
    let mut expected = expected_calendar(old.path()).await;
    read.sort();
    expected.sort();
    assert!(expected.len() > 10, "{expected:?}");
    assert_eq!(read, expected);

    // Found back in the UI: the plans list holds the old computer's plans.
    // (The list loads after the screen shows: wait for it.)
    app.click("[data-testid=nav-plans]").await;
    app.find("[data-testid=plan-title]").await;
    let started = std::time::Instant::now();
    let mut titles = app.texts("[data-testid=plan-title]").await;
    while titles.len() < 3 && started.elapsed().as_secs() < 10 {
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        titles = app.texts("[data-testid=plan-title]").await;
    }
    app.quit().await;
    assert_eq!(titles.len(), 3, "{titles:?}");

    // And in the file, every record of every table, by uid.
    let before = uids_by_table(old.path()).await;
    let after = uids_by_table(new.path()).await;
    for ((t, a), (t2, b)) in before.iter().zip(&after) {
        assert_eq!(t, t2);
        assert_eq!(a, b, "the records of {t}");
    }
    assert!(before.iter().map(|(_, u)| u.len()).sum::<usize>() > 300);
}
