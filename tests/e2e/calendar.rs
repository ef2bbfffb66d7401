//! Settings → Calendar end to end: "Export calendar…" saves an .ics file (where
//! `LADDER_SAVE_DIR` says, as the save dialog would), the card says what went in, and
//! npm's ical.js reads the file; then the same for one plan's goals and milestones.

use std::path::Path;

use crate::harness::{App, TODAY};

/// Five years of quarters, with a little of everything, written before the app starts.
async fn seed(dir: &Path) -> String {
    use ladder_lib::demo::generator::{generate, Scale};
    let pool = ladder_lib::infra::db::connect(&dir.join("ladder.sqlite3"))
        .await
        .unwrap();
    let small = Scale {
        goals_per_plan: 6,
        milestones_per_goal: 4,
        check_ins_per_goal: 1,
        wins_per_plan: 1,
        resources_per_plan: 1,
        entries_per_resource: 1,
        people: 8,
        requests_per_plan: 10,
        one_on_ones: 24,
        conversations_per_plan: 0,
        opportunities_per_plan: 0,
        expectations: 0,
        ..Scale::STANDARD
    };
    generate(&pool, TODAY.parse().unwrap(), small)
        .await
        .unwrap();
    let active: String = sqlx::query_scalar("SELECT title FROM plans WHERE status = 'active'")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    active
}

/// The UIDs ical.js reads in `file`; the check fails the test on any problem it finds.
pub(crate) fn uids_read_by_ical_js(file: &Path) -> Vec<String> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/format-checks/ical.mjs");
    let out = std::process::Command::new("node")
        .arg(script)
        .arg(file)
        .output()
        .expect("node runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    assert!(out.status.success(), "ical.mjs: {report}");
    report["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["uid"].as_str().unwrap().to_owned())
        .collect()
}

/// A picture of the card, scrolled into view (it sits below Backups and Trash).
async fn picture(app: &App, name: &str) {
    let card = app.find("[data-testid=calendar-export]").await;
    app.client
        .execute(
            "arguments[0].scrollIntoView({ block: 'center' });",
            vec![serde_json::to_value(&card).unwrap()],
        )
        .await
        .unwrap();
    app.screenshot_page(name).await;
}

#[tokio::test]
async fn export_calendar_saves_a_file_ical_js_reads_and_says_what_is_in_it() {
    let data = tempfile::tempdir().unwrap();
    let active = seed(data.path()).await;
    let app = App::launch(data.path()).await;
    app.click("[data-testid=nav-settings]").await;
    app.find("[data-testid=calendar-export]").await;
    // The panels above it settle first, so the card stays where it was scrolled to.
    app.find("[data-testid=trash-empty]").await;
    app.find("[data-testid=no-backups], [data-testid=backup-row]")
        .await;
    app.choose("[data-testid=calendar-plan]", &active).await;
    app.click("[data-testid=calendar-all]").await;
    picture(&app, "settings-calendar").await;

    app.click("[data-testid=export-calendar]").await;
    let file = data.path().join("exports").join("ladder-calendar.ics");
    let summary = app.find("[data-testid=calendar-saved]").await;
    let text = summary.text().await.unwrap();
    let uids = uids_read_by_ical_js(&file);
    let head = format!("Saved {} events to {}: ", uids.len(), file.display());
    assert!(text.starts_with(&head), "{text}");
    for kind in [
        "milestone",
        "goal due date",
        "1:1s",
        "feedback request",
        "action item",
        "catch-up",
    ] {
        assert!(text.contains(kind), "{kind} in {text}");
    }
    picture(&app, "settings-calendar-saved").await;

    // One plan: its goals and milestones only, in a file named after it.
    app.click("[data-testid=calendar-one-plan]").await;
    app.click("[data-testid=export-calendar]").await;
    let slug = ladder_lib::commands::files::slug(&active);
    let file = data
        .path()
        .join("exports")
        .join(format!("ladder-{slug}.ics"));
    let to_file = format!(" to {}: ", file.display());
    let started = std::time::Instant::now();
    let text = loop {
        let shown = app.find("[data-testid=calendar-saved]").await.text().await;
        let text = shown.unwrap_or_default();
        if text.contains(&to_file) {
            break text;
        }
        assert!(started.elapsed().as_secs() < 20, "still {text}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let one = uids_read_by_ical_js(&file);
    assert!(!one.is_empty() && one.len() < uids.len(), "{text}");
    assert!(
        text.starts_with(&format!("Saved {} event", one.len())),
        "{text}"
    );
    assert!(
        !text.contains("1:1") && !text.contains("catch-up"),
        "{text}"
    );
    assert!(
        one.iter().all(|u| uids.contains(u)),
        "the same UIDs as in the full export"
    );
    picture(&app, "settings-calendar-one-plan").await;
    app.quit().await;
}
