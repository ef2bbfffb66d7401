//! Wins and stories end to end: log a win with a number, tell its STAR story, watch the
//! coverage grid change, rename the principle and see the grid follow.

use crate::harness::App;

async fn coverage_of(app: &App, name: &str) -> String {
    app.click("[data-testid=tab-coverage]").await;
    let started = std::time::Instant::now();
    loop {
        for row in app
            .client
            .find_all(fantoccini::Locator::Css("[data-testid=coverage-row]"))
            .await
            .unwrap()
        {
            let label = row
                .find(fantoccini::Locator::Css("[data-testid=coverage-name]"))
                .await
                .unwrap();
            if label.text().await.unwrap().trim() == name {
                let count = row
                    .find(fantoccini::Locator::Css("[data-testid=coverage-count]"))
                    .await
                    .unwrap();
                return count.text().await.unwrap();
            }
        }
        assert!(
            started.elapsed().as_secs() < 20,
            "no coverage row for {name}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_win_with_a_story_fills_the_coverage_grid_and_follows_a_rename() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    // The app opens on the dashboard; plans are one click away.
    app.click("[data-testid=nav-plans]").await;

    // W opens the quick capture from any screen; Cancel leaves nothing behind.
    app.find("[data-testid=plans-empty]").await;
    app.press("body", "w").await;
    app.find("dialog[open] [data-testid=save-win]").await;
    app.click_text("dialog[open] button", "Cancel").await;
    app.gone("dialog[open]").await;

    app.click("[data-testid=nav-wins]").await;
    app.find("[data-testid=wins-empty]").await;
    assert_eq!(coverage_of(&app, "Ownership").await, "0");

    app.click("[data-testid=log-win]").await;
    app.type_into("#win-title-input", "Cut failed releases")
        .await;
    app.type_into("#win-metric", "Failed releases").await;
    app.type_into("#win-before", "8").await;
    app.type_into("#win-after", "1").await;
    app.type_into("#win-unit", "per month").await;
    app.click_text("dialog[open] .choices label", "Lower is better")
        .await;
    app.click("dialog[open] [data-testid=win-principle][data-name='Ownership']")
        .await;
    app.click("dialog[open] [data-testid=save-win]").await;
    app.gone("dialog[open]").await;

    // Logged, but without a story it is not evidence yet.
    app.find_text("[data-testid=tab-coverage]", "Coverage 16")
        .await;
    assert_eq!(coverage_of(&app, "Ownership").await, "0");

    // Tell the STAR story.
    app.click_text("[role=tab]", "Brag log").await;
    app.click_text("[data-testid=win-title]", "Cut failed releases")
        .await;
    app.find_text(
        "[data-testid=win-panel] .impact",
        "Failed releases: 8 → 1 per month (88 % better)",
    )
    .await;
    app.type_into("textarea[id^=star-s-]", "One release in five failed.")
        .await;
    app.type_into(
        "textarea[id^=star-t-]",
        "Make releases dependable before peak.",
    )
    .await;
    app.type_into(
        "textarea[id^=star-a-]",
        "Wrote the checklist, automated smoke tests.",
    )
    .await;
    app.type_into(
        "textarea[id^=star-r-]",
        "Failures fell from 8 to 1 a month.",
    )
    .await;
    app.click("[data-testid=save-story]").await;
    app.find_text("[data-testid=win-panel] [role=status]", "Story saved.")
        .await;
    app.screenshot("wins-log").await;

    assert_eq!(coverage_of(&app, "Ownership").await, "1");
    app.screenshot("wins-coverage").await;

    // Rename the principle in Settings; the grid follows.
    app.click("[data-testid=nav-settings]").await;
    app.click("[aria-label='Rename Ownership']").await;
    app.type_into("[data-testid=principle-name]", "Owner mindset")
        .await;
    app.click("[data-testid=save-principle]").await;
    app.find_text("[data-testid=principle-label]", "Owner mindset")
        .await;
    app.click("[data-testid=nav-wins]").await;
    assert_eq!(coverage_of(&app, "Owner mindset").await, "1");
    assert!(!app
        .texts("[data-testid=coverage-name]")
        .await
        .contains(&"Ownership".to_owned()));
    app.quit().await;

    let mut conn = crate::open_db(data.path()).await;
    let win: (String, f64, f64, bool) = sqlx::query_as(
        "SELECT title, impact_before, impact_after, higher_is_better FROM achievements",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(win, ("Cut failed releases".to_owned(), 8.0, 1.0, false));
    let tagged: String = sqlx::query_scalar(
        "SELECT p.name FROM achievement_principles ap JOIN principles p ON p.id = ap.principle_id",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(tagged, "Owner mindset");
    let result: String = sqlx::query_scalar("SELECT result FROM stories")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(result, "Failures fell from 8 to 1 a month.");
}
