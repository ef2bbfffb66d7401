//! The README's screenshots, taken from the real app showing the example plan. Not part
//! of `make test`: `make screenshots` runs it and copies the pictures to docs/screenshots.

use crate::harness::App;

#[tokio::test]
#[ignore = "run by `make screenshots`"]
async fn readme_screenshots() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.click("[data-testid=load-example]").await;
    app.find("[data-testid=dashboard-plan]").await;
    app.screenshot("readme-dashboard").await;

    app.click("[data-testid=nav-plans]").await;
    app.click("[data-testid=plan-list-current] [data-testid=plan-title]")
        .await;
    app.click("[data-testid=goal-row]").await;
    app.find("[data-testid=goal-panel-title]").await;
    app.screenshot("readme-plan").await;

    app.click("[data-testid=nav-learning]").await;
    app.click("[data-testid=resource-row]").await;
    app.find("[data-testid=resource-panel]").await;
    app.screenshot("readme-learning").await;

    app.click("[data-testid=nav-one-on-ones]").await;
    app.click("[data-testid=prepare-row]").await;
    app.find("[data-testid=agenda-item]").await;
    app.screenshot("readme-one-on-one").await;

    app.click("[data-testid=nav-feedback]").await;
    app.click("[data-testid=request-row]").await;
    app.find("[data-testid=request-panel]").await;
    app.screenshot("readme-feedback").await;

    app.click("[data-testid=nav-readiness]").await;
    app.find("[data-testid=readiness-picture]").await;
    app.screenshot("readme-readiness").await;
    app.quit().await;
}
