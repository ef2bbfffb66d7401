//! Feedback end to end: add a peer, ask them about Leadership Qualities / communication for
//! a goal, copy the message, mark it asked, record the answer, turn a takeaway into a
//! milestone and find it on the goal; then archive the person without losing a word.

use crate::harness::{App, ENTER};
use crate::open_db;

const GOAL: &str = "Run the weekly planning meeting";

async fn value_of(app: &App, css: &str) -> String {
    app.find(css)
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

#[tokio::test]
async fn a_feedback_request_goes_from_draft_to_a_milestone_on_the_goal() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    // The app opens on the dashboard; plans are one click away.
    app.click("[data-testid=nav-plans]").await;

    // An active plan with one Leadership Qualities goal.
    app.click("[data-testid=new-plan]").await;
    app.create_first_plan().await;
    app.add_goal(2, GOAL).await;

    // No one to ask yet: the screen says to add a person first.
    app.click("[data-testid=nav-feedback]").await;
    app.find("[data-testid=feedback-empty]").await;
    app.click("[data-testid=add-person]").await;
    app.type_into("#person-name", "Priya Raman").await;
    app.type_into("#person-role", "Staff engineer").await;
    app.choose("#person-relationship", "Peer").await;
    app.click("[data-testid=person-dialog-submit]").await;
    app.gone("dialog[open]").await;

    // An empty question is refused at the field and nothing is written.
    app.click("[data-testid=ask-feedback]").await;
    app.choose("#req-person", "Priya Raman — Staff engineer")
        .await;
    app.choose("#req-goal", GOAL).await;

    // Choosing the goal fills in its focus area.
    assert_eq!(
        app.find("#req-area option:checked")
            .await
            .text()
            .await
            .unwrap(),
        "Leadership Qualities"
    );
    app.choose("#req-facet", "Communication").await;
    app.click("[data-testid=request-dialog-submit]").await;
    let error = app.find("#req-question-error").await.text().await.unwrap();
    assert!(error.contains("Write the question"), "{error}");
    app.type_into(
        "#req-question",
        "What one thing would make my planning updates clearer?",
    )
    .await;
    app.screenshot("feedback-ask").await;
    app.click("[data-testid=request-dialog-submit]").await;
    app.gone("dialog[open]").await;

    // The draft's message is written for the user, who copies and sends it themselves.
    app.find_text("[data-testid=request-status]", "Draft").await;
    let message = value_of(&app, "[data-testid=request-message]").await;
    assert!(message.starts_with("Hi Priya,"), "{message}");
    assert!(
        message.contains("leadership qualities (especially communication)")
            && message.contains(GOAL)
            && message.contains("What one thing would make my planning updates clearer?"),
        "{message}"
    );
    app.screenshot("feedback-draft").await;

    // An edit to the message survives setting the due date, and is what gets stored.
    app.press("[data-testid=request-message]", " Thanks, Sam")
        .await;
    app.set_date("#request-due", "2026-12-04").await;
    app.click_text("[data-testid=request-panel] button", "Save date")
        .await;
    app.find_text(
        "[data-testid=request-panel] .muted",
        "Not sent yet · wanted by Dec 4, 2026",
    )
    .await;
    let kept = value_of(&app, "[data-testid=request-message]").await;
    assert!(kept.ends_with("Thank you! Thanks, Sam"), "{kept}");
    app.click("[data-testid=copy-message]").await;
    app.find_text(
        "[data-testid=banner] span",
        "Message copied. Paste it into mail or chat, then mark the request as asked.",
    )
    .await;
    app.click("[data-testid=mark-asked]").await;
    app.find_text("[data-testid=request-status]", "Asked — waiting")
        .await;
    app.click("[data-testid=record-answer]").await;
    app.type_into(
        "#resp-text",
        "Lead with the decision you need, then the detail.",
    )
    .await;
    app.type_into(
        "#resp-takeaways",
        &format!("Open each update with the decision{ENTER}Keep it to five lines"),
    )
    .await;
    app.click("[data-testid=response-dialog-submit]").await;
    app.gone("dialog[open]").await;
    app.find_text("[data-testid=request-status]", "Answered")
        .await;
    app.find_text(
        "[data-testid=request-response]",
        "Lead with the decision you need, then the detail.",
    )
    .await;

    // The takeaway becomes a milestone on the goal the request was about.
    app.click("[data-testid=turn-into-action]").await;
    // The dialog loads the goals, then chooses the request's own.
    app.find_text("#take-goal option:checked", GOAL).await;
    assert!(app
        .find("[data-testid=takeaway-milestone]")
        .await
        .prop("checked")
        .await
        .unwrap()
        .is_some_and(|c| c == "true"));
    assert_eq!(
        value_of(&app, "#take-title").await,
        "Open each update with the decision"
    );
    app.screenshot("feedback-takeaway").await;
    app.click("[data-testid=takeaway-dialog-submit]").await;
    app.gone("dialog[open]").await;
    app.find_text(
        "[data-testid=banner] span",
        &format!("Milestone added to “{GOAL}”."),
    )
    .await;
    app.screenshot("feedback-answered").await;

    // On the goal: the milestone, and the answer under Feedback.
    app.click("[data-testid=nav-plans]").await;
    app.click("[data-testid=plan-title]").await;
    app.click_text("[data-testid=goal-title]", GOAL).await;
    app.find_text("[data-testid=goal-panel-title]", GOAL).await;
    app.find_text(
        "[data-testid=milestone] .title",
        "Open each update with the decision",
    )
    .await;
    let feedback = app.texts("[data-testid=goal-feedback] li").await.join(" ");
    assert!(
        feedback.contains("Priya Raman") && feedback.contains("Lead with the decision"),
        "{feedback}"
    );
    app.screenshot("feedback-on-goal").await;

    // Her page keeps the history; removing her archives instead of deleting.
    app.click("[data-testid=nav-feedback]").await;
    app.click("[data-testid=tab-people]").await;
    app.click("[data-testid=person-row]").await;
    app.find_text("[data-testid=person-name]", "Priya Raman")
        .await;
    let history = app.texts("[data-testid=person-history] li").await;
    assert_eq!(history.len(), 2, "{history:?}");
    assert!(history[0].contains("They answered"), "{history:?}");
    app.screenshot("feedback-person").await;
    app.click_text("[data-testid=remove-person]", "Archive")
        .await;
    let dialog = app.find("dialog[open]").await.text().await.unwrap();
    assert!(
        dialog.contains("Ladder keeps 1 request with Priya Raman"),
        "{dialog}"
    );
    app.click_text("dialog[open] button", "Archive").await;
    app.find("[data-testid=restore-person]").await;

    // In the file: one answered request, its link to the milestone, the person kept.

    let mut db = open_db(data.path()).await;
    let (status, response, message): (String, String, String) =
        sqlx::query_as("SELECT status, response, message FROM feedback_requests")
            .fetch_one(&mut db)
            .await
            .unwrap();
    assert!(
        message.ends_with("Thanks, Sam"),
        "the edited message is stored: {message}"
    );
    assert_eq!(
        (status.as_str(), response.as_str()),
        (
            "received",
            "Lead with the decision you need, then the detail."
        )
    );
    let milestone: String = sqlx::query_scalar(
        "SELECT m.title FROM feedback_actions a JOIN milestones m ON m.id = a.milestone_id
         WHERE a.feedback_request_id IS NOT NULL",
    )
    .fetch_one(&mut db)
    .await
    .unwrap();
    assert_eq!(milestone, "Open each update with the decision");
    let archived: Option<String> = sqlx::query_scalar("SELECT archived_on FROM people")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(archived.as_deref(), Some("2026-11-26"));
    let logged: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM activity WHERE entity = 'feedback' AND action = 'received'",
    )
    .fetch_one(&mut db)
    .await
    .unwrap();
    assert_eq!(logged, 1);
    drop(db);

    // Archived people leave the forms; bringing her back is one click.
    app.click("[data-testid=restore-person]").await;
    app.find("[data-testid=person-ask]").await;

    app.quit().await;
}
