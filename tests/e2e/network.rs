//! Internal mobility end to end: a coffee chat that mentions an opening is logged with C,
//! the opening goes on the pipeline from it in one step and moves through three stages,
//! is marked for the 1:1, and shows on the dashboard, in the manager 1:1's agenda (while
//! an opening not marked stays out of it) and on the person's page; then the SQLite file
//! holds the dated stage history and the person's last contact.

use std::path::Path;

use ladder_lib::people::person::{self, PersonInput, Relationship};

use crate::harness::{App, TODAY};

const TOPIC: &str = "Coffee with Mei about Payments";
const LEARNED: &str = "Payments is hiring a lead";
const FOLLOW_UP: &str = "Send Mei my platform write-up";
const FOLLOW_UP_ON: &str = "2026-11-28";
/// The day before TODAY: last contact moves to it, the stage changes are dated TODAY.
const HELD_ON: &str = "2026-11-25";
const TITLE: &str = "Payments engineering lead";
const NEXT_STEP: &str = "Ask the hiring manager about the interview loop";
const NEXT_STEP_ON: &str = "2026-12-01";
/// An opening left off the 1:1: its moves must not reach the agenda.
const PRIVATE: &str = "Platform staff engineer";
/// The three moves, skipping nothing: (stage, its label in the panel).
const MOVES: [(&str, &str); 3] = [
    ("researching", "Researching"),
    ("talked_to_hiring_manager", "Talked to the hiring manager"),
    ("applied", "Applied"),
];

/// An opportunity in the file: id, stage, next step's day, brought to the 1:1, the
/// conversation it came from.
type OpeningRow = (i64, String, Option<String>, bool, Option<i64>);

struct Seeded {
    mei: i64,
    dana: i64,
}

/// A manager with a 1:1 on Monday (four days after TODAY, a Thursday) and two other people.
async fn seed(dir: &Path) -> Seeded {
    use ladder_lib::one_on_ones::schedule::{self, OneOnOneInput};
    let pool = ladder_lib::infra::db::connect(&dir.join("ladder.sqlite3"))
        .await
        .unwrap();
    let add = |name: &str, team: &str, relationship, manager| PersonInput {
        name: name.into(),
        team: Some(team.into()),
        relationship: Some(relationship),
        is_my_manager: Some(manager),
        ..Default::default()
    };
    let sam = person::create(
        &pool,
        add("Sam Rivera", "Platform", Relationship::Manager, true),
    )
    .await
    .unwrap();
    let mei = person::create(&pool, add("Mei Lin", "Payments", Relationship::Peer, false))
        .await
        .unwrap();
    let dana = person::create(&pool, add("Dana Ortiz", "", Relationship::Mentor, false))
        .await
        .unwrap();
    schedule::create(
        &pool,
        OneOnOneInput {
            person_id: Some(sam.id),
            meets_on: "2026-11-30".into(),
        },
    )
    .await
    .unwrap();
    pool.close().await;
    Seeded {
        mei: mei.id,
        dana: dana.id,
    }
}

/// The number at the end of the `data-testid` of the element matching `css`.
async fn testid_number(app: &App, css: &str) -> i64 {
    let testid = app
        .find(css)
        .await
        .attr("data-testid")
        .await
        .unwrap()
        .unwrap_or_default();
    let digits = testid.rsplit('-').next().unwrap_or_default();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("{css} has no id in {testid:?}"))
}

/// C on the dashboard, the coffee chat with Mei filled in and logged.
async fn log_coffee_chat(app: &App, s: &Seeded) {
    app.find("[data-testid=dashboard-next]").await;
    app.press("body", "c").await;
    app.find("[data-testid=conversation-dialog][open]").await;
    // The form starts on today; the chat was yesterday.
    let held = app.find("#conversation-date").await.prop("value").await;
    assert_eq!(held.unwrap().as_deref(), Some(TODAY));
    app.set_date("#conversation-date", HELD_ON).await;
    app.type_into("#conversation-topic", TOPIC).await;
    app.choose("#conversation-kind", "Coffee chat").await;
    app.click(&format!("[data-testid=conversation-person-{}]", s.mei))
        .await;
    app.type_into("#conversation-learned", LEARNED).await;
    app.type_into("#conversation-follow-up", FOLLOW_UP).await;
    app.set_date("#conversation-follow-up-on", FOLLOW_UP_ON)
        .await;
    app.screenshot_page("network-coffee-chat-dialog").await;
    app.click("[data-testid=conversation-dialog-submit]").await;
    app.gone("dialog[open]").await;
    app.find_text(
        "[data-testid=banner] span",
        &format!("Logged “{TOPIC}”. Follow-up: {FOLLOW_UP}."),
    )
    .await;
}

/// The conversation opened on the Network screen, and the opening created from it.
/// Returns the opportunity's id.
async fn opening_from_the_chat(app: &App) -> i64 {
    app.click("[data-testid=nav-network]").await;
    app.click("[data-testid=tab-conversations]").await;
    let conversation = testid_number(app, "[data-testid^=conversation-row-]").await;
    app.click(&format!("[data-testid=conversation-row-{conversation}]"))
        .await;
    app.find_text("#conversation-panel-title", TOPIC).await;
    app.find_text("[data-testid=conversation-panel] .learned", LEARNED)
        .await;
    app.screenshot_page("network-conversation-panel").await;

    app.click("[data-testid=opportunity-from-conversation]")
        .await;
    app.find("[data-testid=from-conversation-dialog][open]")
        .await;
    app.type_into("#from-conversation-title", TITLE).await;
    app.type_into("#from-conversation-team", "Payments").await;
    app.screenshot_page("network-from-conversation-dialog")
        .await;
    app.click("[data-testid=from-conversation-dialog-submit]")
        .await;
    app.gone("dialog[open]").await;

    app.click("[data-testid=tab-pipeline]").await;
    let id = testid_number(app, "[data-testid^=pipeline-card-]").await;
    app.click(&format!("[data-testid=pipeline-card-{id}]"))
        .await;
    app.find_text("#opportunity-panel-title", TITLE).await;
    app.find_text("[data-testid=opportunity-stage]", "Spotted")
        .await;
    // Linked to the conversation, with its day, and Mei brought along.
    app.find_text(
        "[data-testid=opportunity-panel] dd",
        &format!("From the conversation “{TOPIC}”, Nov 25, 2026"),
    )
    .await;
    app.find_text("[data-testid=opportunity-people] button", "Mei Lin")
        .await;
    id
}

/// Moves the open opportunity to `stage` and waits for the panel and the board to say so.
async fn move_to(app: &App, id: i64, stage: &str, label: &str) {
    app.click("[data-testid=move-to]").await;
    app.click(&format!("[data-testid=move-to-{stage}]")).await;
    app.find_text("[data-testid=opportunity-stage]", label)
        .await;
    app.find(&format!(
        "[data-testid=pipeline-column-{stage}] [data-testid=pipeline-card-{id}]"
    ))
    .await;
}

/// Three stages, a next step due this week, and "Bring to my 1:1" ticked.
async fn pursue(app: &App, id: i64) {
    for (stage, label) in MOVES {
        move_to(app, id, stage, label).await;
    }
    app.click("[data-testid=edit-opportunity]").await;
    app.find("[data-testid=opportunity-dialog][open]").await;
    app.type_into("#opportunity-next-step", NEXT_STEP).await;
    app.set_date("#opportunity-next-step-on", NEXT_STEP_ON)
        .await;
    app.click("[data-testid=opportunity-dialog-submit]").await;
    app.gone("dialog[open]").await;
    app.find_text("[data-testid=opportunity-panel] .next p", NEXT_STEP)
        .await;
    app.find_text("[data-testid=opportunity-stage]", "Applied")
        .await;

    app.click("[data-testid=bring-to-one-on-one]").await;
    app.find(&format!("[data-testid=pipeline-card-{id}] .badge.one"))
        .await;
    let ticked = app.find("[data-testid=bring-to-one-on-one]").await;
    assert!(ticked.is_selected().await.unwrap());
    app.screenshot_page("network-pipeline-applied").await;
}

/// A second opening, added by hand and moved once, not marked for the 1:1.
async fn private_opening(app: &App, first: i64) -> i64 {
    app.click("[data-testid=new-opportunity]").await;
    app.find("[data-testid=opportunity-dialog][open]").await;
    app.type_into("#opportunity-title", PRIVATE).await;
    app.click("[data-testid=opportunity-dialog-submit]").await;
    app.gone("dialog[open]").await;
    app.find_text("#opportunity-panel-title", PRIVATE).await;
    let card = format!("[data-testid^=pipeline-card-]:not([data-testid=pipeline-card-{first}])");
    let id = testid_number(app, &card).await;
    move_to(app, id, "researching", "Researching").await;
    let box_ = app.find("[data-testid=bring-to-one-on-one]").await;
    assert!(!box_.is_selected().await.unwrap(), "off by default");
    app.gone(&format!("[data-testid=pipeline-card-{id}] .badge.one"))
        .await;
    id
}

/// The dashboard's pipeline by stage and this week's steps, soonest first.
async fn dashboard_shows_it(app: &App) {
    app.click("[data-testid=nav-dashboard]").await;
    app.find_text("[data-testid=pipeline-stage-applied] strong", "1")
        .await;
    app.find_text("[data-testid=pipeline-stage-researching] strong", "1")
        .await;
    app.gone("[data-testid=pipeline-stage-spotted]").await;
    app.find_text("[data-testid=dashboard-steps] li button", NEXT_STEP)
        .await;
    let steps = app.texts("[data-testid=dashboard-steps] li").await;
    assert_eq!(steps.len(), 2, "{steps:?}");
    assert!(
        steps[0].starts_with(FOLLOW_UP)
            && steps[0].contains("due Nov 28, 2026")
            && steps[0].contains(TOPIC),
        "{steps:?}"
    );
    assert!(
        steps[1].starts_with(NEXT_STEP)
            && steps[1].contains("due Dec 1, 2026")
            && steps[1].contains(TITLE),
        "{steps:?}"
    );
    app.find_text(
        "[data-testid=dashboard-next]",
        "Nov 30, 2026 with Sam Rivera",
    )
    .await;
    app.screenshot_page("network-dashboard").await;
}

/// Prepared from the dashboard, the manager 1:1 names the marked opening and not the other.
async fn agenda_brings_only_the_marked_opening(app: &App) {
    app.click("[data-testid=dashboard-prepare]").await;
    let item = format!("Opening “{TITLE}”: now applied; next: {NEXT_STEP}");
    app.find_text("[data-testid=agenda-text]", &item).await;
    let agenda = app.texts("[data-testid=agenda-text]").await;
    assert_eq!(
        agenda.iter().filter(|t| t.contains("Opening")).count(),
        1,
        "{agenda:?}"
    );
    assert!(
        !agenda.iter().any(|t| t.contains(PRIVATE)),
        "the opening not marked is on the agenda: {agenda:?}"
    );
    app.screenshot_page("network-one-on-one-agenda").await;
}

/// Mei's page, reached from the opening's people: the chat and the opening are there.
async fn meis_page_lists_both(app: &App, s: &Seeded, id: i64) {
    app.click("[data-testid=nav-network]").await;
    app.click(&format!("[data-testid=pipeline-card-{id}]"))
        .await;
    app.click_text("[data-testid=opportunity-people] button", "Mei Lin")
        .await;
    app.find_text("[data-testid=person-conversations] button", TOPIC)
        .await;
    let hash = app
        .client
        .execute("return location.hash", vec![])
        .await
        .unwrap();
    assert_eq!(hash, format!("#/person/{}", s.mei));
    let chats = app.texts("[data-testid=person-conversations] li").await;
    assert!(
        chats.len() == 1 && chats[0].contains("Follow-up due Nov 28, 2026"),
        "{chats:?}"
    );
    app.find_text("[data-testid=person-opportunities] button", TITLE)
        .await;
    let openings = app.texts("[data-testid=person-opportunities] li").await;
    assert!(
        openings.len() == 1 && openings[0].contains("Applied"),
        "only the opening Mei is on: {openings:?}"
    );
    app.screenshot_page("network-person-page").await;
}

/// What the file holds once the app is gone.
async fn check_the_file(dir: &Path, s: &Seeded, id: i64, private: i64) {
    let pool = ladder_lib::infra::db::connect(&dir.join("ladder.sqlite3"))
        .await
        .unwrap();
    let history: Vec<(Option<String>, String, String)> = sqlx::query_as(
        "SELECT from_stage, to_stage, changed_on FROM opportunity_stages
         WHERE opportunity_id = ? ORDER BY id",
    )
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap();
    let day =
        |from: Option<&str>, to: &str| (from.map(str::to_owned), to.to_owned(), TODAY.to_owned());
    // Spotted on the day of the conversation that mentioned it, moved today.
    assert_eq!(
        history,
        vec![
            (None, "spotted".to_owned(), HELD_ON.to_owned()),
            day(Some("spotted"), "researching"),
            day(Some("researching"), "talked_to_hiring_manager"),
            day(Some("talked_to_hiring_manager"), "applied"),
        ]
    );
    let opened: Vec<OpeningRow> = sqlx::query_as(
        "SELECT id, stage, next_step_on, bring_to_one_on_one, source_conversation_id
         FROM opportunities ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let chat: (i64, String) = sqlx::query_as("SELECT id, held_on FROM conversations")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        opened,
        vec![
            (
                id,
                "applied".into(),
                Some(NEXT_STEP_ON.into()),
                true,
                Some(chat.0)
            ),
            (private, "researching".into(), None, false, None),
        ]
    );
    let last_contact = |who: i64| {
        sqlx::query_scalar::<_, Option<String>>("SELECT last_contact_on FROM people WHERE id = ?")
            .bind(who)
            .fetch_one(&pool)
    };
    assert_eq!(last_contact(s.mei).await.unwrap(), Some(chat.1.clone()));
    assert_eq!(chat.1, HELD_ON);
    assert_eq!(
        last_contact(s.dana).await.unwrap(),
        None,
        "Dana was not there"
    );
    pool.close().await;
}

#[tokio::test]
async fn a_coffee_chat_becomes_an_opening_that_reaches_the_dashboard_the_one_on_one_and_the_person()
{
    let data = tempfile::tempdir().unwrap();
    let seeded = seed(data.path()).await;
    let app = App::launch(data.path()).await;

    log_coffee_chat(&app, &seeded).await;
    let id = opening_from_the_chat(&app).await;
    pursue(&app, id).await;
    let private = private_opening(&app, id).await;
    dashboard_shows_it(&app).await;
    agenda_brings_only_the_marked_opening(&app).await;
    meis_page_lists_both(&app, &seeded, id).await;
    app.quit().await;

    check_the_file(data.path(), &seeded, id, private).await;
}
