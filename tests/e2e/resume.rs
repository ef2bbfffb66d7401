//! The résumé end to end: the profile typed in Settings is saved field by field (a bad
//! email refused at its field); the preview of a generated history ticks the newest wins
//! with numbers; one is moved up with Alt+↑ and one unticked; Export writes the file
//! (into LADDER_SAVE_DIR), the card says what went in, and the file holds the picks in
//! that order and passes the JSON Resume check.

use std::time::Duration;

use ladder_lib::demo::generator::{self, Scale};
use serde_json::Value;

use crate::harness::{App, RELEASE, TODAY};

const TAB: &str = "\u{E004}";
const ALT: &str = "\u{E00A}";
const ARROW_UP: &str = "\u{E013}";

/// Two years of history to pick from, written before the app starts.
async fn history(dir: &std::path::Path) {
    let pool = ladder_lib::infra::db::connect(&dir.join("ladder.sqlite3"))
        .await
        .unwrap();
    let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let scale = Scale {
        plans: 8,
        goals_per_plan: 7,
        milestones_per_goal: 1,
        check_ins_per_goal: 2,
        wins_per_plan: 4,
        resources_per_plan: 10,
        entries_per_resource: 3,
        people: 3,
        requests_per_plan: 1,
        one_on_ones: 4,
        conversations_per_plan: 0,
        opportunities_per_plan: 0,
        expectations: 0,
    };
    generator::generate(&pool, today, scale).await.unwrap();
    pool.close().await;
}

async fn fill(app: &App, field: &str, text: &str) {
    app.type_into(&format!("#profile-{field}"), text).await;
    app.press(&format!("#profile-{field}"), TAB).await;
}

async fn scroll_to(app: &App, css: &str) {
    let el = app.find(css).await;
    app.client
        .execute(
            "arguments[0].scrollIntoView({ block: 'start' });",
            vec![serde_json::to_value(&el).unwrap()],
        )
        .await
        .unwrap();
}

async fn stored_profile(dir: &std::path::Path) -> (String, String, String) {
    let mut conn = crate::open_db(dir).await;
    sqlx::query_as("SELECT name, title, email FROM profile")
        .fetch_one(&mut conn)
        .await
        .unwrap()
}

/// The texts of the highlight rows that are ticked, in order.
async fn ticked_wins(app: &App) -> Vec<String> {
    let mut out = Vec::new();
    let rows = app
        .client
        .find_all(fantoccini::Locator::Css(
            "[data-testid=resume-section-wins] [data-testid=resume-pick]",
        ))
        .await
        .unwrap();
    for row in rows {
        let check = row
            .find(fantoccini::Locator::Css("input[type=checkbox]"))
            .await
            .unwrap();
        if check.prop("checked").await.unwrap().as_deref() == Some("true") {
            let text = row.find(fantoccini::Locator::Css(".text")).await.unwrap();
            out.push(text.text().await.unwrap());
        }
    }
    out
}

#[tokio::test]
async fn a_resume_is_previewed_ordered_and_exported_from_settings() {
    let data = tempfile::tempdir().unwrap();
    history(data.path()).await;
    let app = App::launch(data.path()).await;
    app.click("[data-testid=nav-settings]").await;
    scroll_to(&app, "[data-testid=profile]").await;
    fill(&app, "name", "Ana Lind").await;
    fill(&app, "title", "Senior Software Engineer").await;
    fill(&app, "company", "Northwind Logistics").await;
    fill(&app, "location", "Lyon, France").await;
    fill(&app, "email", "ana at example").await;
    app.find("#profile-email-error").await;
    app.screenshot_page("resume-profile-refused").await;
    fill(&app, "email", "ana.lind@example.com").await;
    app.gone("#profile-email-error").await;
    app.find_text("[data-testid=profile] .head p", "Saved.")
        .await;
    let started = std::time::Instant::now();
    while stored_profile(data.path()).await.2.is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the email was not saved"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        stored_profile(data.path()).await,
        (
            "Ana Lind".to_owned(),
            "Senior Software Engineer".to_owned(),
            "ana.lind@example.com".to_owned()
        )
    );
    scroll_to(&app, "[data-testid=profile]").await;
    app.screenshot_page("resume-settings").await;

    app.click("[data-testid=export-resume]").await;
    app.find("[data-testid=resume-section-wins] [data-testid=resume-pick]")
        .await;
    let ticked = ticked_wins(&app).await;
    assert_eq!(ticked.len(), 5, "the newest five with numbers: {ticked:?}");
    app.screenshot_page("resume-preview").await;
    app.client
        .execute(
            "const s = document.querySelector('[data-testid=resume-section-skills]');
             s.parentElement.scrollTop = s.offsetTop - s.parentElement.offsetTop - 12;",
            vec![],
        )
        .await
        .unwrap();
    app.screenshot_page("resume-preview-skills").await;

    // The second highlight moves up with the keyboard; the third is left out.
    let second = app
        .client
        .find_all(fantoccini::Locator::Css(
            "[data-testid=resume-section-wins] input[type=checkbox]",
        ))
        .await
        .unwrap()
        .remove(1);
    second
        .send_keys(&format!("{ALT}{ARROW_UP}{RELEASE}"))
        .await
        .unwrap();
    let started = std::time::Instant::now();
    while ticked_wins(&app).await.first() != Some(&ticked[1]) {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "Alt+↑ did not move it"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let third = app
        .client
        .find_all(fantoccini::Locator::Css(
            "[data-testid=resume-section-wins] input[type=checkbox]",
        ))
        .await
        .unwrap()
        .remove(2);
    third.click().await.unwrap();
    let want = vec![
        ticked[1].clone(),
        ticked[0].clone(),
        ticked[3].clone(),
        ticked[4].clone(),
    ];
    assert_eq!(ticked_wins(&app).await, want);

    app.click("[data-testid=resume-export-submit]").await;
    let saved = app.find("[data-testid=resume-saved]").await;
    let said = saved.text().await.unwrap();
    assert!(
        said.starts_with("Saved resume.json with 4 highlights, "),
        "{said}"
    );
    app.gone("dialog[open]").await;
    scroll_to(&app, "[data-testid=resume]").await;
    app.screenshot_page("resume-saved").await;

    let file = data.path().join("exports").join("resume.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let highlights: Vec<&str> = doc["work"][0]["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap())
        .collect();
    assert_eq!(highlights.len(), 4);
    for (sentence, title) in highlights.iter().zip(&want) {
        assert!(sentence.starts_with(title.as_str()), "{sentence} / {title}");
    }
    assert_eq!(doc["basics"]["name"], "Ana Lind");
    let check = std::process::Command::new("node")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/ui/format-checks/resume.mjs"
        ))
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    app.quit().await;
}

#[tokio::test]
async fn with_nothing_yet_the_preview_says_what_to_log_and_the_profile_alone_exports() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.click("[data-testid=nav-settings]").await;
    app.click("[data-testid=export-resume]").await;
    app.find("[data-testid=resume-empty]").await;
    app.find("[data-testid=resume-no-name]").await;
    app.screenshot_page("resume-preview-empty").await;
    app.click("[data-testid=resume-export-submit]").await;
    let said = app
        .find("[data-testid=resume-saved]")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        said.starts_with("Saved resume.json with your profile only."),
        "{said}"
    );
    let file = data.path().join("exports").join("resume.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(doc["basics"], serde_json::json!({}));
    assert!(doc.get("work").is_none());
    app.quit().await;
}
