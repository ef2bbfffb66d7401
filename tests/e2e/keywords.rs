//! Pictures of résumé keywords and of "where I stand" on a 1:1's agenda, taken from the
//! real app showing the example plan, for a person to look at. Not part of `make test`:
//! `cargo test --features test-hooks --test e2e keywords_screenshots -- --ignored`.

use crate::harness::App;

const POSTING: &str = "Engineering Manager, Platform. You will lead a team of eight engineers \
and own delivery of the platform roadmap. Stakeholder management across product and finance. \
Hiring and growing engineers; coaching and mentoring. Incident reviews and on-call health. \
Roadmap planning with product managers; data analysis of delivery metrics. \
Kubernetes and cloud cost budgets. Stakeholder management and clear written communication.";

#[tokio::test]
#[ignore = "pictures for a person to look at"]
async fn keywords_screenshots() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.click("[data-testid=load-example]").await;
    app.find("[data-testid=dashboard-plan]").await;

    app.click("[data-testid=nav-readiness]").await;
    app.click("[data-testid=tab-keywords]").await;
    app.find("[data-testid=posting-text]").await;
    app.screenshot("keywords-empty").await;
    app.type_into("[data-testid=posting-text]", POSTING).await;
    app.click("[data-testid=check-words]").await;
    app.find("[data-testid=keywords-result]").await;
    app.screenshot_page("keywords-result").await;
    // The first opening of the example, whatever its title.
    app.client
        .execute(
            "const s = document.querySelector('[data-testid=keywords-from]'); \
             s.selectedIndex = 1; s.dispatchEvent(new Event('change'));",
            vec![],
        )
        .await
        .unwrap();
    app.click("[data-testid=check-words]").await;
    app.find("[data-testid=keywords-result]").await;
    app.screenshot_page("keywords-opening").await;

    app.click("[data-testid=nav-one-on-ones]").await;
    app.click("[data-testid=prepare-row]").await;
    app.find("[data-testid=add-standing]").await;
    app.client
        .execute(
            "document.querySelector('[data-testid=add-standing]').scrollIntoView({block: 'nearest'})",
            vec![],
        )
        .await
        .unwrap();
    app.screenshot_page("standing-button").await;
    app.click("[data-testid=add-standing]").await;
    app.gone("[data-testid=add-standing]").await;
    app.screenshot_page("standing-added").await;
    app.quit().await;
}
