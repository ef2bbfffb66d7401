//! Deleting by mistake, end to end: a goal goes with its milestone, Undo in the notice
//! brings both back; deleted again, it waits in Settings → Trash and comes back from
//! there.

use crate::harness::App;

async fn goal_rows(dir: &std::path::Path) -> Vec<(String, i64)> {
    let mut conn = crate::open_db(dir).await;
    sqlx::query_as(
        "SELECT g.title, (SELECT count(*) FROM milestones m WHERE m.goal_id = g.id)
         FROM goals g ORDER BY g.id",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap()
}

async fn delete_goal(app: &App, title: &str) {
    app.click_text("[data-testid=goal-title]", title).await;
    app.find_text("[data-testid=goal-panel-title]", title).await;
    app.click("[data-testid=delete-goal]").await;
    app.find_text("[data-testid=delete-impact]", "With it go 1 milestone.")
        .await;
    app.screenshot("trash-delete-goal").await;
    app.click("dialog[open] [data-testid=confirm]").await;
    app.gone("[data-testid=goal-panel]").await;
}

#[tokio::test]
async fn a_goal_deleted_by_mistake_comes_back_with_undo_and_from_the_trash() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.click("[data-testid=nav-plans]").await;
    app.click("[data-testid=new-plan]").await;
    app.create_first_plan().await;
    app.add_goal(2, "Mentor two engineers").await;
    app.click_text("[data-testid=goal-title]", "Mentor two engineers")
        .await;
    app.press(
        "[data-testid=milestone-input]",
        &format!("First pairing session{}", crate::harness::ENTER),
    )
    .await;
    app.find_text("[data-testid=milestone] .title", "First pairing session")
        .await;
    app.click("[aria-label='Close the goal panel']").await;
    let want = vec![("Mentor two engineers".to_owned(), 1)];
    assert_eq!(goal_rows(data.path()).await, want);

    delete_goal(&app, "Mentor two engineers").await;
    app.find_text(
        "[data-testid=banner] span",
        "Moved “Mentor two engineers” with 1 milestone to the trash.",
    )
    .await;
    app.screenshot("trash-undo-notice").await;
    assert!(goal_rows(data.path()).await.is_empty());
    app.click("[data-testid=banner-action]").await;
    app.find_text("[data-testid=goal-title]", "Mentor two engineers")
        .await;
    assert_eq!(
        goal_rows(data.path()).await,
        want,
        "Undo brings the milestone too"
    );

    // Deleted again and the notice let go: Settings → Trash has it.
    delete_goal(&app, "Mentor two engineers").await;
    app.click("[aria-label='Dismiss message']").await;
    app.click("[data-testid=nav-settings]").await;
    app.find_text("[data-testid=trash-row] .title", "Mentor two engineers")
        .await;
    app.screenshot("trash-panel").await;
    app.click("[aria-label='Restore Mentor two engineers']")
        .await;
    app.find("[data-testid=trash-empty]").await;
    assert_eq!(goal_rows(data.path()).await, want);
    app.quit().await;
}
