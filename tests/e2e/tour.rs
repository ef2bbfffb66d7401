//! A screenshot tour of the app on the standard data set, for the README and for people
//! to look at. Not part of `make test`: run it with `make screenshots`.

use crate::harness::App;

#[tokio::test]
#[ignore = "run by `make screenshots` on a generated data set"]
async fn screenshot_tour() {
    let source =
        std::env::var("LADDER_TOUR_DB").expect("LADDER_TOUR_DB names a generated ladder.sqlite3");
    let data = tempfile::tempdir().unwrap();
    std::fs::copy(&source, data.path().join("ladder.sqlite3")).unwrap();
    let app = App::launch(data.path()).await;

    app.find("[data-testid=dashboard-plan]").await;
    app.screenshot("tour-dashboard").await;
    app.click("[data-testid=nav-plans]").await;
    app.find("[data-testid=plan-title]").await;
    app.screenshot("tour-plans").await;

    app.click("[data-testid=plan-list-current] [data-testid=plan-title]")
        .await;
    app.find("[data-testid=plan-progress]").await;
    app.screenshot("tour-plan").await;

    app.click("[data-testid=goal-row]").await;
    app.find("[data-testid=goal-panel-title]").await;
    app.screenshot("tour-goal").await;

    app.click("[data-testid=open-assessment]").await;
    app.find("dialog[open] [data-testid=save-assessment]").await;
    app.screenshot("tour-assessment").await;
    app.find_text("dialog[open] button", "Cancel")
        .await
        .click()
        .await
        .unwrap();
    app.gone("dialog[open]").await;

    app.click("[data-testid=close-quarter]").await;
    app.find("[data-testid=review-goals]").await;
    app.screenshot("tour-review").await;
    app.click("[data-testid=show-markdown]").await;
    app.find("dialog[open] [data-testid=markdown]").await;
    app.screenshot("tour-markdown").await;
    app.find_text("dialog[open] button", "Done")
        .await
        .click()
        .await
        .unwrap();

    app.click("[data-testid=nav-learning]").await;
    app.click("[data-testid=resource-row]").await;
    app.find("[data-testid=resource-panel]").await;
    app.find("[data-testid=chart-quarters] canvas").await;
    app.screenshot("tour-learning").await;

    app.click("[data-testid=nav-feedback]").await;
    app.click("[data-testid=request-row]").await;
    app.find("[data-testid=request-panel]").await;
    app.screenshot("tour-feedback").await;
    app.click("[data-testid=tab-people]").await;
    app.find("[data-testid=person-row]").await;
    app.screenshot("tour-people").await;
    app.click("[data-testid=person-row]").await;
    app.find("[data-testid=person-history]").await;
    app.screenshot("tour-person").await;

    app.click("[data-testid=nav-one-on-ones]").await;
    app.find("[data-testid=meeting-row]").await;
    app.screenshot("tour-one-on-ones").await;
    app.click("[data-testid=prepare-row]").await;
    app.find("[data-testid=agenda-item]").await;
    app.screenshot("tour-meeting").await;

    app.click("[data-testid=nav-wins]").await;
    app.find("[data-testid=win-row]").await;
    app.click("[data-testid=win-row]").await;
    app.find("[data-testid=win-panel]").await;
    app.screenshot("tour-wins").await;
    app.click("[data-testid=tab-coverage]").await;
    app.find("[data-testid=coverage-row]").await;
    app.screenshot("tour-coverage").await;
    app.click("[data-testid=tab-prep]").await;
    app.screenshot("tour-prep").await;
    app.click("[data-testid=nav-settings]").await;
    app.find("[data-testid=principles-editor]").await;
    app.screenshot("tour-settings").await;
    app.quit().await;
}
