//! Preparing for a 1:1 end to end: log a win, complete a course, hear feedback, save a
//! goal for the next 1:1, prepare the agenda, reorder it, add an action item and export
//! the Markdown file.

use crate::harness::{App, CTRL, ENTER, RELEASE};

const GOAL: &str = "Run the weekly planning meeting";

#[tokio::test]
async fn a_one_on_one_agenda_is_prepared_reordered_and_exported() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;

    // No manager yet: the 1:1s screen says where to start.
    app.click("[data-testid=nav-one-on-ones]").await;
    app.find("[data-testid=one-on-ones-empty]").await;

    // Dana is my manager.
    app.click("[data-testid=nav-feedback]").await;
    app.click("[data-testid=add-person]").await;
    app.type_into("#person-name", "Dana Kim").await;
    app.choose("#person-relationship", "Manager").await;
    app.click("[data-testid=person-manager]").await;
    app.click("[data-testid=person-dialog-submit]").await;
    app.gone("dialog[open]").await;

    // A goal saved for the next 1:1 in one click.
    app.click("[data-testid=nav-plans]").await;
    app.click("[data-testid=new-plan]").await;
    app.create_first_plan().await;
    app.add_goal(2, GOAL).await;
    app.click(".panel [data-testid=add-to-next]").await;
    app.find_text(
        "[data-testid=banner] span, [data-testid=banner] p",
        "Saved for your next 1:1 with Dana Kim.",
    )
    .await;

    // A win, from anywhere with W.
    app.press("body", "w").await;
    app.type_into("#win-title-input", "Cut failed releases")
        .await;
    app.click("dialog[open] [data-testid=save-win]").await;
    app.gone("dialog[open]").await;

    // A two-lesson course, finished.
    app.click("[data-testid=nav-learning]").await;
    app.click("[data-testid=add-resource]").await;
    app.type_into("#res-title", "Rust for leads").await;
    app.type_into("#res-total", "2").await;
    app.click("[data-testid=save-resource]").await;
    app.gone("dialog[open]").await;
    app.click("[data-testid=resource-row]").await;
    app.type_into("[data-testid=log-amount]", "2").await;
    app.click("[data-testid=log-save]").await;
    app.find_text("[data-testid=resource-row] .status", "Completed")
        .await;

    // Praise from Dana, noted in one step.
    app.click("[data-testid=nav-feedback]").await;
    app.click("[data-testid=note-feedback]").await;
    app.choose("#rec-person", "Dana Kim").await;
    app.type_into("#rec-what", "Great facilitation on Tuesday.")
        .await;
    app.click("dialog[open] input[value=positive]").await;
    app.click("[data-testid=received-dialog-submit]").await;
    app.gone("dialog[open]").await;

    // Schedule: Dana and today are proposed; the saved topic waits.
    app.click("[data-testid=nav-one-on-ones]").await;
    app.click("[data-testid=schedule-one-on-one]").await;
    app.find_text("#meet-person option:checked", "Dana Kim (my manager)")
        .await;
    let on = app.find("#meet-on").await.prop("value").await.unwrap();
    assert_eq!(on.as_deref(), Some("2026-11-26"));
    app.click("[data-testid=schedule-dialog-submit]").await;
    app.gone("dialog[open]").await;
    app.find("[data-testid=topics-waiting]").await;
    app.click("[data-testid=prepare]").await;
    app.gone("[data-testid=topics-waiting]").await;
    let agenda = app.texts("[data-testid=agenda-text]").await;
    assert_eq!(
        agenda,
        [
            "Cut failed releases",
            "Finished “Rust for leads”",
            "Praise from Dana Kim: Great facilitation on Tuesday.",
            GOAL,
            "What should I focus on over the next quarter to be ready for the next step?",
        ]
    );
    app.screenshot("one-on-one-prepared").await;

    // The saved goal goes first (one step up at a time); an action item is agreed.
    loop {
        let at = goal_index(&app).await;
        if at == 0 {
            break;
        }
        let items = app
            .client
            .find_all(fantoccini::Locator::Css("[data-testid=agenda-item]"))
            .await
            .unwrap();
        items[at]
            .find(fantoccini::Locator::Css("[data-testid=move-up]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let started = std::time::Instant::now();
        while goal_index(&app).await == at {
            assert!(started.elapsed().as_secs() < 20, "the item did not move up");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
    // Moved to the top: the first item, after its section's label.
    app.find_text(
        "[data-testid=agenda] li:nth-child(2) [data-testid=agenda-text]",
        GOAL,
    )
    .await;
    // Removing is one click; Undo in the notice brings it back in its place.
    let before = app.texts("[data-testid=agenda-text]").await;
    app.click("[aria-label='Remove “Cut failed releases”']")
        .await;
    app.find_text(
        "[data-testid=banner] span",
        "Removed “Cut failed releases” from the agenda.",
    )
    .await;
    app.gone("[aria-label='Remove “Cut failed releases”']")
        .await;
    app.screenshot("agenda-undo").await;
    app.click("[data-testid=banner-action]").await;
    app.find("[aria-label='Remove “Cut failed releases”']")
        .await;
    assert_eq!(app.texts("[data-testid=agenda-text]").await, before);
    // The same with Ctrl+Z.
    app.click("[aria-label='Remove “Cut failed releases”']")
        .await;
    app.find("[data-testid=banner-action]").await;
    app.press("body", &format!("{CTRL}z{RELEASE}")).await;
    app.gone("[data-testid=banner-action]").await;
    app.find("[aria-label='Remove “Cut failed releases”']")
        .await;
    assert_eq!(app.texts("[data-testid=agenda-text]").await, before);

    app.type_into("#action-text", "Send the hiring plan").await;
    app.press("#action-text", ENTER).await;
    app.find_text("[data-testid=actions] strong", "Me:").await;

    app.click("[data-testid=export-markdown]").await;
    let saved = data
        .path()
        .join("exports")
        .join("1-1-dana-kim-2026-11-26.md");
    let started = std::time::Instant::now();
    while !saved.exists() {
        assert!(
            started.elapsed().as_secs() < 20,
            "no file at {}",
            saved.display()
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let md = std::fs::read_to_string(&saved).unwrap();
    assert!(
        md.starts_with("# 1:1 with Dana Kim — Nov 26, 2026\n\nScheduled.\n\n## Agenda\n\n### Topics I saved\n\n- [ ] Run the weekly planning meeting\n\n### Wins\n\n- [ ] Cut failed releases\n"),
        "{md}"
    );
    assert!(
        md.ends_with("## Action items\n\n- [ ] Me: Send the hiring plan\n"),
        "{md}"
    );
    app.screenshot("one-on-one-exported").await;

    // Held: the next one is proposed two weeks on, and the open action comes with it.
    app.click("[data-testid=mark-held]").await;
    app.find_text("[data-testid=meeting-status]", "Held").await;
    let next = app.find("[data-testid=schedule-next]").await;
    let text = next.text().await.unwrap();
    assert!(text.contains("Dec 10, 2026"), "{text}");
    app.click_text("[data-testid=schedule-next] button", "Schedule it")
        .await;
    app.find_text("[data-testid=meeting-status]", "Scheduled")
        .await;
    app.click("[data-testid=prepare]").await;
    app.find_text(
        "[data-testid=agenda-text]",
        "Action for me: Send the hiring plan",
    )
    .await;

    // Dana's page lists both 1:1s and the held one in her history; removing her would
    // archive her, and the dialog says what it keeps.
    app.click("[data-testid=nav-feedback]").await;
    app.click("[data-testid=tab-people]").await;
    app.click("[data-testid=person-row]").await;
    app.find_text("[data-testid=person-name]", "Dana Kim My manager")
        .await;
    let rows = app
        .texts("[data-testid=person-one-on-ones] [data-testid=meeting-row] strong")
        .await;
    assert_eq!(rows, vec!["Dec 10, 2026", "Nov 26, 2026"]);
    let history = app.texts("[data-testid=person-history] li").await;
    assert!(
        history.iter().any(|h| h.contains("1:1 held")),
        "{history:?}"
    );
    app.screenshot("person-one-on-ones").await;
    app.click_text("[data-testid=remove-person]", "Archive")
        .await;
    let dialog = app.find("dialog[open]").await.text().await.unwrap();
    assert!(
        dialog.contains("Ladder keeps 1 piece of feedback and 2 one-on-ones with Dana Kim"),
        "{dialog}"
    );
    app.click_text("dialog[open] button", "Cancel").await;
    app.gone("dialog[open]").await;
    app.quit().await;
}

/// Where the saved goal stands among the agenda items.
async fn goal_index(app: &App) -> usize {
    app.texts("[data-testid=agenda-text]")
        .await
        .iter()
        .position(|t| t == GOAL)
        .expect("the saved goal is on the agenda")
}
