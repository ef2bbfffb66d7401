//! Readiness for a target role end to end: import a career ladder from CSV, rate three
//! expectations, link a win as evidence, turn a gap into a goal, then check the file.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Stdio;

use chrono::NaiveDate;
use ladder_lib::planning::plans::{self, PlanInput};
use ladder_lib::wins::win::{self, WinInput};

use crate::harness::{App, TODAY};

const LADDER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sample-ladder.csv");
const DELIVERS: &str = "Delivers the team's quarterly commitments, and says early when one slips";
const GROWS: &str = "Grows two engineers to the next level within a year";
const FEEDBACK: &str = "Gives clear, timely feedback, positive and constructive";
const WIN: &str = "Shipped the billing migration with zero downtime";

/// An active plan for the quarter and one win with a number, as a user would have them.
async fn seed(dir: &Path) {
    let pool = ladder_lib::infra::db::connect(&dir.join("ladder.sqlite3"))
        .await
        .unwrap();
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let plan = PlanInput {
        title: "Q4 2026".into(),
        ..Default::default()
    };
    plans::create(&pool, plan, today).await.unwrap();
    let input = WinInput {
        title: WIN.into(),
        occurred_on: Some("2026-11-10".into()),
        focus_area_id: Some(1),
        impact_metric: Some("Downtime".into()),
        impact_unit: Some("minutes".into()),
        impact_before: Some(45.0),
        impact_after: Some(0.0),
        higher_is_better: Some(false),
        ..Default::default()
    };
    win::create(&pool, input, today).await.unwrap();
    pool.close().await;
}

async fn import_the_ladder(app: &App) {
    app.click("[data-testid=nav-readiness]").await;
    app.find("[data-testid=roles-empty]").await;
    app.screenshot("readiness-empty").await;
    app.click("[data-testid=import-ladder]").await;
    app.find_containing("[data-testid=ladder-summary]", "13 rows")
        .await;
    app.screenshot("readiness-import").await;
    app.click("[data-testid=run-ladder-import]").await;
    app.gone("dialog[open]").await;
    app.find_containing("[data-testid=role-card] h2", "Engineering Manager, L6")
        .await;
    app.find_containing(
        "[data-testid=readiness-summary]",
        "0 of 13 expectations met",
    )
    .await;
}

/// Rates the expectation that says `text`.
async fn rate(app: &App, text: &str, rating: &str, note: &str) {
    app.click_text("[data-testid=expectation-row] .text", text)
        .await;
    app.find_text("#expectation-panel-title", text).await;
    app.click(&format!("[data-testid=rate-{rating}]")).await;
    app.type_into("[data-testid=rating-note]", note).await;
    app.click("[data-testid=save-rating]").await;
    app.find_containing("[data-testid=expectation-panel]", "Last rated")
        .await;
}

async fn link_the_win(app: &App) {
    app.click("[data-testid=link-evidence]").await;
    app.find("[data-testid=evidence-picker]").await;
    app.type_into("[data-testid=evidence-filter]", "billing")
        .await;
    app.find_containing("[data-testid=evidence-picker] li", WIN)
        .await;
    app.click("[data-testid=link-candidate]").await;
    app.find_containing("[data-testid=evidence-picker] li", "Linked")
        .await;
    app.click("[data-testid=evidence-done]").await;
    app.gone("dialog[open]").await;
    app.find_containing("[data-testid=evidence-list]", WIN)
        .await;
}

async fn gap_to_goal(app: &App) {
    app.click_text("[data-testid=expectation-row] .text", GROWS)
        .await;
    app.click("[data-testid=gap-to-goal]").await;
    app.find("[data-testid=open-gap-goal]").await;
}

async fn check_the_file(dir: &Path) {
    let pool = ladder_lib::infra::db::connect(&dir.join("ladder.sqlite3"))
        .await
        .unwrap();
    let ratings: Vec<(String, String)> = sqlx::query_as(
        "SELECT e.expected, r.rating FROM expectation_ratings r
         JOIN role_expectations e ON e.id = r.expectation_id ORDER BY r.id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let rated: Vec<&str> = ratings.iter().map(|(_, r)| r.as_str()).collect();
    assert_eq!(rated, ["consistently", "partly", "beyond"], "{ratings:?}");
    let linked: Vec<String> = sqlx::query_scalar(
        "SELECT a.title FROM expectation_evidence v JOIN achievements a ON a.id = v.achievement_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(linked, [WIN]);
    let goal: (String, i64) = sqlx::query_as(
        "SELECT g.title, g.focus_area_id FROM role_expectations e JOIN goals g ON g.id = e.goal_id
         WHERE e.expected = ?",
    )
    .bind(GROWS)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(goal.0.contains("Grows two engineers"), "{goal:?}");
    assert_eq!(goal.1, 2, "the goal sits in Leadership Qualities");
    pool.close().await;
}

#[tokio::test]
async fn a_ladder_imported_rated_and_linked_shows_readiness_and_turns_a_gap_into_a_goal() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path()).await;
    let envs: [(&str, &OsStr); 1] = [("LADDER_OPEN_FILE", OsStr::new(LADDER))];
    let app = App::launch_with(data.path(), &envs, Stdio::null()).await;

    import_the_ladder(&app).await;
    rate(
        &app,
        DELIVERS,
        "consistently",
        "Hit all three Q3 commitments",
    )
    .await;
    link_the_win(&app).await;
    rate(&app, GROWS, "partly", "One promoted so far").await;
    rate(&app, FEEDBACK, "beyond", "Peers ask me to review theirs").await;
    app.find_containing(
        "[data-testid=readiness-summary]",
        "2 of 13 expectations met",
    )
    .await;
    gap_to_goal(&app).await;
    app.screenshot("readiness-rated").await;
    app.quit().await;

    check_the_file(data.path()).await;
}
