//! The first job end to end: plan a quarter, track it, close it carrying a goal forward.

use fantoccini::Locator;

use crate::harness::{App, ENTER};
use crate::plans_db;

async fn open_goal(app: &App, title: &str) {
    app.click_text("[data-testid=goal-title]", title).await;
    app.find_text("[data-testid=goal-panel-title]", title).await;
}

async fn check_in(app: &App, value: &str) {
    app.type_into("[data-testid=check-in-value]", value).await;
    app.click("[data-testid=check-in]").await;
}

#[tokio::test]
async fn a_quarter_is_planned_tracked_and_closed_with_a_goal_carried_forward() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    // The app opens on the dashboard; plans are one click away.
    app.click("[data-testid=nav-plans]").await;

    // A plan for this quarter, then its page.
    app.click("[data-testid=new-plan]").await;
    app.create_first_plan().await;
    app.find("[data-testid=plan-progress]").await;
    assert_eq!(
        app.texts("[data-testid=area-1] .gap-chip").await,
        ["Gap: no goal yet"]
    );

    // Goals in three focus areas, added in place with the keyboard.
    app.add_goal(1, "Cut escaped defects").await;
    app.add_goal(2, "Mentor two engineers").await;
    app.add_goal(5, "Coffee with a skip-level").await;
    assert!(
        app.texts("[data-testid=area-1] .gap-chip").await.is_empty(),
        "the gap is filled"
    );

    // The first becomes a metric goal with a decreasing target.
    open_goal(&app, "Cut escaped defects").await;
    app.click("[data-testid=edit-goal]").await;
    app.click("[data-testid=measure-metric]").await;
    app.type_into("#goal-metric", "Escaped defects").await;
    app.type_into("#goal-unit", "defects").await;
    app.type_into("#goal-baseline", "20").await;
    // A target equal to the start is refused at the field.
    app.type_into("#goal-target", "20").await;
    app.click("[data-testid=save-goal]").await;
    app.find_text(
        "#goal-target-error",
        "The target must differ from the starting value.",
    )
    .await;
    app.type_into("#goal-target", "5").await;
    app.click("[data-testid=save-goal]").await;
    app.find("[data-testid=check-in-value]").await;

    // Two check-ins: 14, then 11 defects. From 20 toward 5, 11 is 60 %.
    check_in(&app, "14").await;
    app.find_text("[data-testid=goal-panel] [data-testid=pct]", "40 %")
        .await;
    check_in(&app, "11").await;
    app.find_text("[data-testid=goal-panel] [data-testid=pct]", "60 %")
        .await;
    app.find_text("[data-testid=status-in_progress]", "In progress")
        .await;

    // Milestones on the second goal; completing one of two is 50 %.
    open_goal(&app, "Mentor two engineers").await;
    for step in ["Pick two mentees", "Hold the first sessions"] {
        app.press("[data-testid=milestone-input]", &format!("{step}{ENTER}"))
            .await;
        app.find_text("[data-testid=milestone] .title", step).await;
    }
    // Edit one in place; Enter saves.
    app.click("[aria-label='Edit Hold the first sessions']")
        .await;
    app.type_into("[data-testid=milestone-edit-title]", "Hold the first 1:1s")
        .await;
    app.press("[data-testid=milestone-edit-title]", ENTER).await;
    app.find_text("[data-testid=milestone] .title", "Hold the first 1:1s")
        .await;
    app.click("[data-testid=milestone-done]").await;
    app.find_text("[data-testid=goal-panel] [data-testid=pct]", "50 %")
        .await;

    // Deleting a goal says what goes with it; cancelling keeps everything.
    open_goal(&app, "Cut escaped defects").await;
    app.click("[data-testid=delete-goal]").await;
    app.find_text("[data-testid=delete-impact]", "With it go 2 check-ins.")
        .await;
    app.click_text("dialog[open] button", "Cancel").await;
    app.gone("dialog[open]").await;

    // The plan's progress is the mean of its goals: (60 + 50 + 0) / 3.
    app.find_text("[data-testid=plan-progress] [data-testid=pct]", "37 %")
        .await;
    app.screenshot("quarter-plan").await;

    // Close the quarter, carrying the unstarted goal into the next one.
    app.click("[data-testid=close-quarter]").await;
    app.find("[data-testid=review-goals]").await;
    let carry = app
        .client
        .wait()
        .for_element(Locator::XPath(
            "//tr[@data-testid='review-goal'][td[1][normalize-space()='Coffee with a skip-level']]//input",
        ))
        .await
        .unwrap();
    carry.click().await.unwrap();
    app.screenshot("quarter-review").await;
    app.click("[data-testid=close-plan]").await;
    app.click("dialog[open] [data-testid=confirm]").await;

    // The app moves to the next quarter's plan, which holds the carried goal.
    app.find_text("#plan-heading", "Q1 2027 plan").await;
    app.find_text("[data-testid=goal-title]", "Coffee with a skip-level")
        .await;
    app.screenshot("quarter-next").await;
    app.click("[data-testid=nav-plans]").await;

    // The closed quarter's review saves as a Markdown file.
    app.click("[data-testid=plan-list-history] [data-testid=plan-title]")
        .await;
    app.click("[data-testid=open-review]").await;
    app.click("[data-testid=show-markdown]").await;
    app.click("dialog[open] [data-testid=save-markdown]").await;
    let saved = data
        .path()
        .join("exports")
        .join("quarter-review-q4-2026-plan.md");
    app.find_text(
        "[data-testid=export-status]",
        &format!("Saved to {}", saved.display()),
    )
    .await;
    let md = std::fs::read_to_string(&saved).unwrap();
    assert!(
        md.starts_with(
            "# Quarter review: Q4 2026 plan\n\n2026-10-01 to 2026-12-31, closed on 2026-11-26."
        ),
        "{md}"
    );
    assert!(md.contains("- **Cut escaped defects**: in progress, 60 %; Escaped defects: 20 defects → 11 defects (target 5 defects)"), "{md}");
    assert!(
        md.ends_with("## Carried into the next quarter\n\n- Coffee with a skip-level\n"),
        "{md}"
    );
    app.click_text("dialog[open] button", "Done").await;

    // Deleting the closed plan would take its goals, milestones and check-ins: the dialog says so.
    app.click("[data-testid=nav-plans]").await;
    app.find("[data-testid=plan-list-history]").await;
    app.click("[data-testid=plan-list-history] [data-testid=delete]")
        .await;
    app.find_text(
        "[data-testid=delete-impact]",
        "With it go 3 goals, 2 milestones, 2 check-ins and 7 self-assessments.",
    )
    .await;
    app.find_text(
        "[data-testid=delete-impact]",
        "1 goal will no longer be linked to it.",
    )
    .await;
    // A closed quarter is history: it asks a second time, and cancelling keeps it.
    app.click("dialog[open] [data-testid=confirm]").await;
    app.find_text("dialog[open] h2", "Really delete “Q4 2026 plan”?")
        .await;
    app.click_text("dialog[open] button", "Cancel").await;
    app.gone("dialog[open]").await;
    app.quit().await;

    let plans = plans_db(data.path()).await;
    assert_eq!(
        plans
            .iter()
            .map(|p| (p.0.as_str(), p.2.as_str()))
            .collect::<Vec<_>>(),
        [("Q4 2026 plan", "closed"), ("Q1 2027 plan", "active")]
    );
    let mut conn = crate::open_db(data.path()).await;
    let values: Vec<f64> = sqlx::query_scalar("SELECT value FROM check_ins ORDER BY id")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert_eq!(values, [14.0, 11.0]);
    let done: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT title, done_on FROM milestones ORDER BY id")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    assert_eq!(
        done,
        [
            ("Pick two mentees".to_owned(), Some("2026-11-26".to_owned())),
            ("Hold the first 1:1s".to_owned(), None)
        ]
    );
    let carried: (String, String, i64) = sqlx::query_as(
        "SELECT g.title, p.title, o.plan_id FROM goals g JOIN plans p ON p.id = g.plan_id
         JOIN goals o ON o.id = g.carried_from_goal_id",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(
        carried,
        (
            "Coffee with a skip-level".to_owned(),
            "Q1 2027 plan".to_owned(),
            1
        )
    );
    let goals: i64 = sqlx::query_scalar("SELECT count(*) FROM goals")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(
        goals, 4,
        "three goals kept in the closed plan, one copy in the next"
    );

    // Closing the quarter was backed up first, and the copy holds the open plan.
    let backups = ladder_lib::infra::backups::list(&data.path().join("backups")).unwrap();
    let before = backups
        .iter()
        .find(|b| b.reason == "before-closing-quarter")
        .unwrap_or_else(|| panic!("no backup before closing: {backups:?}"));
    let copy = data.path().join("backups").join(&before.file_name);
    ladder_lib::infra::backups::check_integrity(&copy)
        .await
        .unwrap();
    let mut old = crate::open_db_file(&copy).await;
    let status: String =
        sqlx::query_scalar("SELECT status FROM plans WHERE title = 'Q4 2026 plan'")
            .fetch_one(&mut old)
            .await
            .unwrap();
    assert_eq!(
        status, "active",
        "the copy was taken before the plan closed"
    );
}
