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
    app.click_text("dialog[open] button", "Cancel").await;
    app.gone("dialog[open]").await;

    app.click("[data-testid=close-quarter]").await;
    app.find("[data-testid=review-goals]").await;
    app.screenshot("tour-review").await;
    app.click("[data-testid=show-markdown]").await;
    app.find("dialog[open] [data-testid=markdown]").await;
    app.screenshot("tour-markdown").await;
    app.click_text("dialog[open] button", "Done").await;

    app.click("[data-testid=nav-learning]").await;
    app.click("[data-testid=resource-row]").await;
    app.find("[data-testid=resource-panel]").await;
    app.find("[data-testid=chart-quarters] canvas").await;
    app.screenshot("tour-learning").await;

    app.click("[data-testid=nav-feedback]").await;
    app.click("[data-testid=request-row]").await;
    app.find("[data-testid=request-panel]").await;
    app.screenshot("tour-feedback").await;
    // Years of unanswered requests: one step gives up on those a month past their date.
    let line = app
        .find("[data-testid=long-overdue]")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        line.contains("requests have waited more than a month"),
        "{line}"
    );
    app.click("[data-testid=give-up]").await;
    app.find("dialog[open]").await;
    app.screenshot("look-give-up").await;
    app.click_text("dialog[open] button", "Mark as no answer")
        .await;
    let notice = app
        .find("[data-testid=banner] span")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        notice.starts_with("Marked ") && notice.ends_with(" requests as declined (no answer)."),
        "{notice}"
    );
    app.gone("[data-testid=long-overdue]").await;
    app.screenshot("look-given-up").await;
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
    tour_network(&app).await;
    app.click("[data-testid=nav-settings]").await;
    app.find("[data-testid=principles-editor]").await;
    app.screenshot("tour-settings").await;

    // A narrow window: side panels slide over their list instead of squeezing it.
    app.client.set_window_size(900, 700).await.unwrap();
    app.click("[data-testid=nav-plans]").await;
    app.click("[data-testid=plan-list-current] [data-testid=plan-title]")
        .await;
    app.click("[data-testid=goal-row]").await;
    app.find("[data-testid=goal-panel-title]").await;
    let position = app
        .client
        .execute(
            "return getComputedStyle(document.querySelector('[data-testid=goal-panel]')).position",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        position,
        serde_json::json!("fixed"),
        "the panel is a drawer"
    );
    app.screenshot("look-narrow-plan").await;
    app.click("[data-testid=nav-learning]").await;
    app.click("[data-testid=resource-row]").await;
    app.find("[data-testid=resource-panel]").await;
    app.screenshot("look-narrow-learning").await;
    app.click("[data-testid=nav-feedback]").await;
    app.click("[data-testid=tab-people]").await;
    app.click("[data-testid=person-row]").await;
    app.find("[data-testid=person-history]").await;
    app.screenshot("look-narrow-person").await;
    app.quit().await;
}

/// The dialogs and smaller screens, on the example plan, for people to look at.
/// The Network & mobility screen's three tabs, with an opportunity and a conversation open.
async fn tour_network(app: &App) {
    app.click("[data-testid=nav-network]").await;
    app.find("[data-testid=pipeline-board]").await;
    app.screenshot("tour-network").await;
    app.click("[data-testid=pipeline-board] [data-testid^=pipeline-card-]")
        .await;
    app.find("[data-testid=opportunity-panel]").await;
    app.screenshot("tour-opportunity").await;
    // Years of ended openings: a page of them, more on demand, and a filter through all.
    app.click("[data-testid=pipeline-ended] summary").await;
    app.click("[data-testid=pipeline-more-ended]").await;
    app.screenshot("tour-ended").await;
    app.type_into("[data-testid=pipeline-filter]", "Team 3")
        .await;
    // The filter settles a moment after the last key, then Rust counts the ended matches.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    app.screenshot("tour-ended-filtered").await;
    app.click("[data-testid=tab-conversations]").await;
    app.click("[data-testid^=conversation-row-]").await;
    app.find("[data-testid=conversation-panel]").await;
    app.screenshot("tour-conversations").await;
    app.click("[data-testid=tab-teams]").await;
    app.find("[data-testid=teams-view]").await;
    app.screenshot("tour-teams").await;
}

#[tokio::test]
#[ignore = "run by `make screenshots`"]
async fn dialog_tour() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.click("[data-testid=load-example]").await;
    app.find("[data-testid=dashboard-plan]").await;

    app.press("body", "?").await;
    app.find("[data-testid=help-dialog][open] tr").await;
    app.screenshot("look-help").await;
    app.click_text("dialog[open] button", "Done").await;

    app.click("[data-testid=nav-one-on-ones]").await;
    app.find("[data-testid=meeting-row]").await;
    app.screenshot("look-one-on-ones").await;
    app.click("[data-testid=schedule-one-on-one]").await;
    app.find("dialog[open] #meet-on").await;
    app.screenshot("look-schedule").await;
    app.click_text("dialog[open] button", "Cancel").await;

    app.click("[data-testid=nav-feedback]").await;
    app.click("[data-testid=note-feedback]").await;
    app.find("dialog[open] #rec-what").await;
    app.screenshot("look-received-dialog").await;
    app.click_text("dialog[open] button", "Cancel").await;
    app.click("[data-testid=add-person]").await;
    app.find("dialog[open] #person-name").await;
    app.screenshot("look-person-dialog").await;
    app.click_text("dialog[open] button", "Cancel").await;
    app.click("[data-testid=tab-received]").await;
    app.click("[data-testid=received-row]").await;
    app.find("[data-testid=received-panel]").await;
    app.screenshot("look-received").await;
    app.click("[data-testid=tab-people]").await;
    app.click("[data-testid=person-row]").await;
    app.find("[data-testid=person-name]").await;
    // Scheduling from a person's page is with them, on their cadence.
    app.click("[data-testid=person-schedule]").await;
    app.find("dialog[open] #meet-on").await;
    let with = app.texts("#meet-person option:checked").await;
    assert!(with[0].starts_with("Priya Raman"), "{with:?}");
    app.screenshot("look-person-schedule").await;
    app.click_text("dialog[open] button", "Cancel").await;
    app.gone("dialog[open]").await;
    app.click("[data-testid=remove-person]").await;
    app.find("dialog[open]").await;
    app.screenshot("look-archive-confirm").await;
    app.click_text("dialog[open] button", "Archive").await;
    app.find("[data-testid=restore-person]").await;
    app.screenshot("look-person-archived").await;

    app.click("[data-testid=nav-settings]").await;
    // Settings name the file being shown: the example's.
    let path = app
        .find("[data-testid=db-path]")
        .await
        .text()
        .await
        .unwrap();
    assert!(path.ends_with("example/ladder.sqlite3"), "{path}");
    app.screenshot("look-settings-example").await;
    app.quit().await;
}
