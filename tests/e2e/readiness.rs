//! Readiness for a target role end to end: import a career ladder from CSV, rate three
//! expectations, link a win as evidence, turn a gap into a goal, export the quarter's
//! promotion packet, then check the file and the packet's Markdown.

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
    app.screenshot("readiness-picker").await;
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

/// Exports this quarter's packet (the tab's default range) and returns its Markdown.
async fn export_the_packet(app: &App, dir: &Path) -> String {
    app.click("[data-testid=tab-packet]").await;
    app.find("[data-testid=packet-section-wins]").await;
    app.find("[data-testid=range-this-quarter][aria-pressed=true]")
        .await;
    app.screenshot("readiness-packet").await;
    app.click("[data-testid=packet-export]").await;
    app.find_containing(".banner", "Saved the packet as").await;
    let file = dir.join("exports/promotion-packet-2026-10-01-2026-12-31.md");
    let markdown =
        std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    // Kept beside the screenshots for a person to read.
    let keep =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots/readiness-packet.md");
    let _ = std::fs::write(keep, &markdown);
    markdown
}

/// The packet read by an independent CommonMark parser: its headings, and the text of
/// each list item.
fn read_packet(markdown: &str) -> (Vec<String>, Vec<String>) {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let (mut headings, mut items) = (Vec::new(), Vec::new());
    let mut text: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. } | Tag::Item) => text = Some(String::new()),
            Event::Text(t) => {
                if let Some(open) = text.as_mut() {
                    open.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(text.take()),
            Event::End(TagEnd::Item) => items.extend(text.take()),
            _ => {}
        }
    }
    (headings, items)
}

fn check_the_packet(markdown: &str) {
    let (headings, items) = read_packet(markdown);
    assert_eq!(
        headings[0], "Promotion packet: Engineering Manager, L6",
        "{markdown}"
    );
    for section in ["Wins and their impact", "Readiness for the target role"] {
        assert!(
            headings.iter().any(|h| h == section),
            "{section}: {headings:?}"
        );
    }
    assert!(
        items.iter().any(|i| i.contains(WIN) && i.contains("45")),
        "the win with its number: {items:?}"
    );
    assert!(
        items.iter().any(|i| i.contains("2 of 13")),
        "readiness as rated today: {items:?}"
    );
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
async fn a_ladder_imported_rated_and_linked_shows_readiness_and_makes_the_quarters_packet() {
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
    let markdown = export_the_packet(&app, data.path()).await;
    // An opening can name the role now that one exists.
    app.click("[data-testid=nav-network]").await;
    app.click("[data-testid=new-opportunity]").await;
    app.find("[data-testid=opportunity-target-role]").await;
    app.screenshot("opportunity-target-role").await;
    app.click_text("dialog[open] button", "Cancel").await;
    app.gone("dialog[open]").await;
    app.quit().await;

    check_the_packet(&markdown);
    check_the_file(data.path()).await;
}
