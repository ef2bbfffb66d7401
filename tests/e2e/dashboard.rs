//! The dashboard and search end to end: the example plan comes and goes, changes made in
//! other screens show on the dashboard, and search finds an item by a word in its notes.

use crate::harness::{App, CTRL, ENTER, ESCAPE, RELEASE};
use crate::plans_db;

#[tokio::test]
async fn the_example_plan_loads_and_is_removed_without_a_trace() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir(data.path().join("example")).unwrap();
    std::fs::write(
        data.path().join("example").join("mine.txt"),
        "the user's own file",
    )
    .unwrap();
    let app = App::launch(data.path()).await;

    app.find("[data-testid=dashboard-welcome]").await;
    app.screenshot("dashboard-first-run").await;
    app.click("[data-testid=load-example]").await;
    app.find("[data-testid=example-banner]").await;
    app.find("[data-testid=dashboard-plan]").await;
    let areas = app.texts("[data-testid=dashboard-area] th").await;
    assert_eq!(areas.len(), 7, "{areas:?}");
    app.find("[data-testid=dashboard-next]").await;
    app.screenshot("dashboard-example").await;
    // The user's own folder named "example" is left alone.
    assert!(data
        .path()
        .join("ladder-example")
        .join("ladder.sqlite3")
        .exists());

    // Only looked at, not changed: it goes without a question.
    app.click("[data-testid=remove-example]").await;
    app.find("[data-testid=dashboard-welcome]").await;
    app.gone("[data-testid=example-banner]").await;
    app.gone("dialog[open]").await;
    assert!(!data.path().join("ladder-example").exists());
    assert_eq!(
        std::fs::read_to_string(data.path().join("example").join("mine.txt")).unwrap(),
        "the user's own file"
    );
    assert!(
        plans_db(data.path()).await.is_empty(),
        "the user's file has no plan"
    );
    app.quit().await;
}

#[tokio::test]
async fn the_dashboard_follows_the_other_screens_and_search_opens_what_it_finds() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;

    // From the first screen straight into a new plan.
    app.find("[data-testid=dashboard-welcome]").await;
    app.click_text("[data-testid=dashboard-welcome] button", "Create my plan")
        .await;
    app.create_first_plan().await;
    app.add_goal(2, "Run the weekly planning meeting").await;
    app.type_into("[data-testid=milestone-input]", "Draft the agenda template")
        .await;
    app.press("[data-testid=milestone-input]", ENTER).await;
    app.find_text(
        "[data-testid=milestone] .title",
        "Draft the agenda template",
    )
    .await;
    // Give it a due date this week through the edit form.
    app.click("[aria-label='Edit Draft the agenda template']")
        .await;
    app.set_date("input[id^=edit-ms-due]", "2026-11-30").await;
    app.click_text("[data-testid=milestone] button", "Save")
        .await;
    app.find_text("[data-testid=milestone] .meta", "due Nov 30, 2026")
        .await;

    // A course with a note, and a win.
    app.click("[data-testid=nav-learning]").await;
    app.click("[data-testid=add-resource]").await;
    app.type_into("#res-title", "Rust for leads").await;
    app.type_into(
        "#res-notes",
        "Recommended by Dana for the offsite preparation",
    )
    .await;
    app.click("[data-testid=save-resource]").await;
    app.gone("dialog[open]").await;
    app.press("body", "w").await;
    app.type_into("#win-title-input", "Cut failed releases")
        .await;
    app.click("dialog[open] [data-testid=save-win]").await;
    app.gone("dialog[open]").await;

    app.click("[data-testid=nav-dashboard]").await;
    app.find_text("[data-testid=days-left]", "35 days left")
        .await;
    app.find_text(
        "[data-testid=dashboard-due] button",
        "Draft the agenda template",
    )
    .await;
    app.find_text("[data-testid=dashboard-wins] button", "Cut failed releases")
        .await;
    let gaps = app.texts("[data-testid=dashboard-area].gap th").await;
    assert_eq!(gaps.len(), 6, "Leadership Qualities has a goal: {gaps:?}");
    assert!(!gaps.contains(&"Leadership Qualities".to_owned()));
    app.screenshot("dashboard-filled").await;

    // The milestone opens its plan with its goal's panel.
    app.click_text(
        "[data-testid=dashboard-due] button",
        "Draft the agenda template",
    )
    .await;
    app.find("[data-testid=plan-progress]").await;
    app.find_text(
        "[data-testid=goal-panel-title]",
        "Run the weekly planning meeting",
    )
    .await;

    // Ctrl+K, a word from the course's notes, Enter: the Learning screen.
    app.press("body", &format!("{CTRL}k{RELEASE}")).await;
    app.type_into("#search-input", "offsite").await;
    // (The title line may be cut with an ellipsis, which WebDriver reads as no text.)
    app.find("[data-testid=search-hit]").await;
    let found = app
        .client
        .execute(
            "return [...document.querySelectorAll('[data-testid=search-hit]')].map(h =>
                [h.querySelector('.title').textContent, [...h.querySelectorAll('mark')].map(m => m.textContent)])",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(found, serde_json::json!([["Rust for leads", ["offsite"]]]));
    app.screenshot("search").await;
    app.press("#search-input", ENTER).await;
    app.gone("[data-testid=search-dialog][open]").await;
    // The course itself is open, not just its screen.
    app.find_text("#res-panel-title", "Rust for leads").await;
    let current = app.texts("nav [aria-current=page] span").await;
    assert_eq!(current, ["Learning"]);

    // Nothing found says so, and odd input is just text.
    app.press("body", &format!("{CTRL}k{RELEASE}")).await;
    app.type_into("#search-input", "\"(NEAR -zzz*").await;
    app.find("[data-testid=search-none]").await;
    app.press("#search-input", ESCAPE).await;
    app.gone("[data-testid=search-dialog][open]").await;

    // ? lists every shortcut, from the same table the keys use (cells read without a gap).
    app.press("body", "?").await;
    app.find("[data-testid=help-dialog][open] tr").await;
    let rows = app.texts("[data-testid=help-dialog] tr").await;
    assert!(rows.contains(&"Ctrl+1Dashboard".to_owned()), "{rows:?}");
    assert!(
        rows.contains(&"Ctrl+KSearch everything".to_owned()),
        "{rows:?}"
    );
    app.quit().await;
}

#[tokio::test]
async fn removing_an_example_the_user_changed_asks_first_and_says_what_goes() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.click("[data-testid=load-example]").await;
    app.find("[data-testid=example-banner]").await;

    // Something typed into the example: a win logged on its wins screen.
    app.click("[data-testid=nav-wins]").await;
    app.click("[data-testid=log-win]").await;
    app.type_into("#win-title-input", "Typed into the example")
        .await;
    app.click("dialog[open] [data-testid=save-win]").await;
    app.gone("dialog[open]").await;

    app.click("[data-testid=remove-example]").await;
    app.find_text(
        "dialog[open] h2",
        "Remove the example and your changes to it?",
    )
    .await;
    app.find_text(
        "[data-testid=example-changes-count]",
        "You made 1 change in the example since it was loaded. Removing it deletes it for good:",
    )
    .await;
    let listed = app.texts("[data-testid=example-changes] li").await;
    assert!(
        listed.len() == 1 && listed[0].contains("Typed into the example"),
        "{listed:?}"
    );
    app.screenshot_page("example-remove-changed").await;

    // Cancel keeps it, and what was typed.
    app.click_text("dialog[open] button", "Cancel").await;
    app.gone("dialog[open]").await;
    app.find("[data-testid=example-banner]").await;
    assert!(data.path().join("ladder-example").exists());

    // Asked again and confirmed, it goes.
    app.click("[data-testid=remove-example]").await;
    app.click("dialog[open] [data-testid=confirm]").await;
    app.find("[data-testid=dashboard-welcome]").await;
    app.gone("[data-testid=example-banner]").await;
    assert!(!data.path().join("ladder-example").exists());
    app.quit().await;
}
