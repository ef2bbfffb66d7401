use ladder_lib::infra::error::{AppError, ErrorKind};
use ladder_lib::learning::resources::{self, EntryInput, ResourceInput, Unit};
use ladder_lib::one_on_ones::agenda::{self, Section, SourceKind, TopicInput};
use ladder_lib::one_on_ones::schedule::{self, ActionInput, OneOnOneInput, OneOnOneStatus, Owner};
use ladder_lib::people::feedback::{self, ReceivedInput, RequestInput, ResponseInput, Tone};
use ladder_lib::people::person::{self, PersonInput, Relationship};
use ladder_lib::planning::checkins::{self, CheckInInput};
use ladder_lib::planning::goals;
use ladder_lib::planning::milestones::{self, MilestoneInput};
use ladder_lib::views::agenda_draft;
use ladder_lib::wins::win::{self, WinInput};
use sqlx::SqlitePool;

use crate::common::{self, day, done_goal, metric_goal, today, LEADERSHIP_QUALITIES, PERFORMANCE};

async fn person(pool: &SqlitePool, name: &str, manager: bool) -> i64 {
    person::create(
        pool,
        PersonInput {
            name: name.into(),
            relationship: Some(if manager {
                Relationship::Manager
            } else {
                Relationship::Peer
            }),
            cadence_days: manager.then_some(14),
            is_my_manager: Some(manager),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

async fn win(pool: &SqlitePool, title: &str, on: &str) -> i64 {
    win::create(
        pool,
        WinInput {
            title: title.into(),
            occurred_on: Some(on.into()),
            impact_metric: Some("Failed releases".into()),
            impact_unit: Some("per month".into()),
            impact_before: Some(8.0),
            impact_after: Some(2.0),
            ..Default::default()
        },
        day(on),
    )
    .await
    .unwrap()
    .id
}

fn texts(d: &agenda::OneOnOneDetail) -> Vec<(Section, String)> {
    d.agenda
        .iter()
        .map(|i| (i.section, i.text.clone()))
        .collect()
}

async fn resource(pool: &SqlitePool, title: &str, total: f64, unit: Unit) -> i64 {
    resources::create(
        pool,
        ResourceInput {
            title: title.into(),
            total_units: Some(total),
            unit: Some(unit),
            ..Default::default()
        },
        day("2026-11-01"),
    )
    .await
    .unwrap()
    .id
}

async fn progress(pool: &SqlitePool, id: i64, units: f64, on: &str) {
    resources::log_progress(
        pool,
        id,
        EntryInput {
            on_date: Some(on.into()),
            units: Some(units),
            ..Default::default()
        },
        day(on),
    )
    .await
    .unwrap();
}

/// A fortnight of real work between two 1:1s with the manager.
#[tokio::test]
async fn the_agenda_is_drafted_from_what_happened_since_the_last_one_on_one() {
    let t = common::db().await;
    let pool = &t.pool;
    let dana = person(pool, "Dana Kim", true).await;
    let priya = person(pool, "Priya Raman", false).await;

    // The previous 1:1, held on 12 Nov, left an item and an action open.
    let first = common::one_on_one(pool, None, "2026-11-12").await;
    agenda::add_item(pool, first, "Ask about the offsite")
        .await
        .unwrap();
    schedule::add_action(
        pool,
        first,
        ActionInput {
            text: "Send the hiring plan".into(),
            owner: Some(Owner::Me),
            due_on: Some("2026-11-20".into()),
        },
    )
    .await
    .unwrap();
    schedule::set_status(pool, first, OneOnOneStatus::Held, today())
        .await
        .unwrap();

    let plan = common::plan(pool, "Q4").await;
    let meeting_goal = goals::create(
        pool,
        plan.id,
        done_goal("Run the weekly planning meeting", LEADERSHIP_QUALITIES),
        day("2026-11-02"),
    )
    .await
    .unwrap();
    let defects = goals::create(
        pool,
        plan.id,
        metric_goal("Cut escaped defects", PERFORMANCE, 20.0, 5.0),
        day("2026-11-02"),
    )
    .await
    .unwrap();
    let mut ids = Vec::new();
    for (title, due) in [
        ("Draft the agenda template", "2026-11-20"),
        ("Run it twice", "2026-11-30"),
        ("Share notes", "2026-11-10"),
    ] {
        let m = milestones::add(
            pool,
            meeting_goal.id,
            MilestoneInput {
                title: title.into(),
                due_on: Some(due.into()),
            },
            day("2026-11-02"),
        )
        .await
        .unwrap();
        ids.push(m.id);
    }
    milestones::set_done(pool, ids[0], true, day("2026-11-18"))
        .await
        .unwrap();
    checkins::add(
        pool,
        defects.id,
        CheckInInput {
            on_date: Some("2026-11-20".into()),
            value: Some(14.0),
            confidence: 2,
            note: Some("Two releases slipped".into()),
        },
        day("2026-11-20"),
    )
    .await
    .unwrap();
    win(pool, "Cut failed releases", "2026-11-19").await;
    win(pool, "Before the last 1:1", "2026-11-05").await;
    let course = resource(pool, "Rust for leads", 4.0, Unit::Lessons).await;
    progress(pool, course, 4.0, "2026-11-21").await;
    let book = resource(pool, "The Manager's Path", 10.0, Unit::Chapters).await;
    progress(pool, book, 3.0, "2026-11-22").await;
    let asked = feedback::create_request(
        pool,
        RequestInput {
            person_id: priya,
            focus_area_id: LEADERSHIP_QUALITIES,
            question: "What one thing would make my updates clearer?".into(),
            ..Default::default()
        },
        day("2026-11-15"),
    )
    .await
    .unwrap();
    feedback::mark_asked(pool, asked.id, day("2026-11-15"))
        .await
        .unwrap();
    feedback::record_response(
        pool,
        asked.id,
        ResponseInput {
            response: "Lead with the decision.".into(),
            received_on: Some("2026-11-16".into()),
            takeaways: None,
        },
        day("2026-11-16"),
    )
    .await
    .unwrap();
    feedback::add_received(
        pool,
        ReceivedInput {
            person_id: dana,
            received_on: Some("2026-11-24".into()),
            what: "Great facilitation on Tuesday.".into(),
            tone: Some(Tone::Positive),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap();
    let added = agenda::add_topic(
        pool,
        TopicInput {
            kind: SourceKind::Goal,
            id: meeting_goal.id,
            person_id: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(added.person_name, "Dana Kim");

    let next = common::one_on_one(pool, None, "2026-11-26").await;
    let (detail, added) = agenda_draft::prepare(pool, next, today()).await.unwrap();
    use Section::*;
    let expected: Vec<(Section, String)> = vec![
        (Wins, "Cut failed releases (Failed releases: 8 → 2 per month)"),
        (Goals, "Run the weekly planning meeting: in progress, 33 %"),
        (Goals, "Cut escaped defects: in progress, 40 %"),
        (Milestones, "“Draft the agenda template” (Run the weekly planning meeting)"),
        (Learning, "Finished “Rust for leads”"),
        (Learning, "“The Manager's Path”: 30 % done"),
        (Feedback, "Priya Raman on “What one thing would make my updates clearer?”: Lead with the decision."),
        (Feedback, "Praise from Dana Kim: Great facilitation on Tuesday."),
        (Help, "“Share notes” (Run the weekly planning meeting) is overdue since Nov 10, 2026"),
        (Help, "Low confidence (2/5) on “Cut escaped defects”: Two releases slipped"),
        (Topics, "Run the weekly planning meeting"),
        (FollowUps, "Ask about the offsite"),
        (FollowUps, "Action for me: Send the hiring plan (due Nov 20, 2026)"),
        (Career, "Which of my strengths should I use more, and what is holding me back?"),
    ]
    .into_iter()
    .map(|(s, t)| (s, t.to_owned()))
    .collect();
    assert_eq!(texts(&detail), expected);
    assert_eq!(added, expected.len());
    assert_eq!(detail.since, Some(day("2026-11-12")));
    assert_eq!(detail.topics_waiting, 0, "the agenda took the topic");
    // Every drafted item names its source, except the career question.
    let sources: Vec<Option<SourceKind>> = detail.agenda.iter().map(|i| i.source_kind).collect();
    assert_eq!(sources[0], Some(SourceKind::Achievement));
    assert_eq!(sources[9], Some(SourceKind::CheckIn));
    assert_eq!(sources[12], Some(SourceKind::ActionItem));
    assert_eq!(sources[13], None);
    // The action item open from the last 1:1 shows among this one's actions too.
    assert_eq!(detail.actions.len(), 1);

    // Drafting is deterministic: the same day gives the same items.
    let mut conn = pool.acquire().await.unwrap();
    let m = schedule::fetch(&mut conn, next).await.unwrap();
    let again = agenda_draft::draft(&mut conn, &m, today()).await.unwrap();
    let again: Vec<(Section, String)> = again.into_iter().map(|d| (d.section, d.text)).collect();
    assert_eq!(again, expected);
}

#[tokio::test]
async fn the_first_agenda_covers_the_last_fourteen_days() {
    let t = common::db().await;
    person(&t.pool, "Dana Kim", true).await;
    win(&t.pool, "Fifteen days ago", "2026-11-11").await;
    win(&t.pool, "Fourteen days ago", "2026-11-12").await;
    win(&t.pool, "Thirteen days ago", "2026-11-13").await;
    let first = common::one_on_one(&t.pool, None, "2026-11-27").await;
    let (detail, _) = agenda_draft::prepare(&t.pool, first, today())
        .await
        .unwrap();
    let wins: Vec<String> = detail
        .agenda
        .iter()
        .filter(|i| i.section == Section::Wins)
        .map(|i| i.text.split(" (").next().unwrap().to_owned())
        .collect();
    assert_eq!(wins, ["Thirteen days ago"]);
    assert_eq!(detail.since, None);
    assert_eq!(
        detail.agenda.last().unwrap().text,
        "What should I focus on over the next quarter to be ready for the next step?"
    );
}

#[tokio::test]
async fn preparing_again_adds_what_is_new_and_keeps_the_users_edits() {
    let t = common::db().await;
    let pool = &t.pool;
    person(pool, "Dana Kim", true).await;
    win(pool, "Shipped the migration", "2026-11-20").await;
    win(pool, "Ran the retro", "2026-11-21").await;
    let m = common::one_on_one(pool, None, "2026-11-27").await;
    let (d, _) = agenda_draft::prepare(pool, m, day("2026-11-25"))
        .await
        .unwrap();
    assert_eq!(d.agenda.len(), 3);
    let (shipped, retro, career) = (d.agenda[0].id, d.agenda[1].id, d.agenda[2].id);

    agenda::edit_item(pool, shipped, "Shipped the migration a week early")
        .await
        .unwrap();
    agenda::remove_item(pool, career).await.unwrap();
    agenda::add_item(pool, m, "Ask about the budget")
        .await
        .unwrap();
    let d = agenda::detail(pool, m).await.unwrap();
    let mine = d.agenda[2].id;
    agenda::reorder(pool, m, &[retro, mine, shipped])
        .await
        .unwrap();

    // A new win arrives; preparing again adds it next to the other wins, and only it.
    win(pool, "Hired a new engineer", "2026-11-26").await;
    let (d, added) = agenda_draft::prepare(pool, m, today()).await.unwrap();
    assert_eq!(added, 1);
    let got: Vec<&str> = d.agenda.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        got,
        [
            "Ran the retro (Failed releases: 8 → 2 per month)",
            "Ask about the budget",
            "Shipped the migration a week early",
            "Hired a new engineer (Failed releases: 8 → 2 per month)",
        ]
    );
    assert!(d.agenda[2].edited);
    // Preparing a third time changes nothing.
    let (d2, added) = agenda_draft::prepare(pool, m, today()).await.unwrap();
    assert_eq!(added, 0);
    assert_eq!(texts(&d2), texts(&d));
}

#[tokio::test]
async fn a_removed_item_comes_back_where_it_was_on_undo() {
    let t = common::db().await;
    let pool = &t.pool;
    person(pool, "Dana Kim", true).await;
    win(pool, "Shipped the migration", "2026-11-20").await;
    let m = common::one_on_one(pool, None, "2026-11-27").await;
    let (d, _) = agenda_draft::prepare(pool, m, day("2026-11-25"))
        .await
        .unwrap();
    let (shipped, career) = (d.agenda[0].id, d.agenda[1].id);
    agenda::edit_item(pool, shipped, "Shipped it early")
        .await
        .unwrap();
    agenda::set_discussed(pool, shipped, true).await.unwrap();
    agenda::add_item(pool, m, "Ask about the budget")
        .await
        .unwrap();
    let mine = agenda::detail(pool, m).await.unwrap().agenda[2].id;

    // Drafted and typed items alike: gone from the agenda, back on undo, edits kept.
    for id in [shipped, mine] {
        let d = agenda::remove_item(pool, id).await.unwrap();
        assert!(d.agenda.iter().all(|i| i.id != id));
        assert_eq!(d.meeting.items, 2);
        let d = agenda::restore_item(pool, id).await.unwrap();
        let ids: Vec<i64> = d.agenda.iter().map(|i| i.id).collect();
        assert_eq!(ids, vec![shipped, career, mine]);
    }
    let d = agenda::detail(pool, m).await.unwrap();
    assert_eq!(d.agenda[0].text, "Shipped it early");
    assert!(d.agenda[0].discussed && d.agenda[0].edited);

    // Undo after a reorder puts it at the end; a hidden item cannot be edited, and only
    // a hidden one can be restored.
    agenda::remove_item(pool, career).await.unwrap();
    agenda::reorder(pool, m, &[mine, shipped]).await.unwrap();
    let err = agenda::edit_item(pool, career, "Sneaky").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let d = agenda::restore_item(pool, career).await.unwrap();
    let ids: Vec<i64> = d.agenda.iter().map(|i| i.id).collect();
    assert_eq!(ids, vec![mine, shipped, career]);
    let err = agenda::restore_item(pool, career).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = agenda::restore_item(pool, 9_999).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    // Restoring does not make preparing again add a second copy.
    let (_, added) = agenda_draft::prepare(pool, m, today()).await.unwrap();
    assert_eq!(added, 0);

    // Once a 1:1 is held, typed items the user removed are deleted for good; removed
    // drafted ones stay hidden so they are not drafted again.
    let held = common::one_on_one(pool, None, "2026-11-26").await;
    let (d, _) = agenda_draft::prepare(pool, held, today()).await.unwrap();
    let drafted = d.agenda[0].id;
    agenda::add_item(pool, held, "Private aside").await.unwrap();
    let typed = agenda::detail(pool, held)
        .await
        .unwrap()
        .agenda
        .last()
        .unwrap()
        .id;
    agenda::remove_item(pool, typed).await.unwrap();
    agenda::remove_item(pool, drafted).await.unwrap();
    schedule::set_status(pool, held, OneOnOneStatus::Held, today())
        .await
        .unwrap();
    let left: Vec<(i64, bool)> = sqlx::query_as(
        "SELECT id, removed FROM agenda_items WHERE one_on_one_id = ? AND removed = 1",
    )
    .bind(held)
    .fetch_all(pool)
    .await
    .unwrap();
    assert_eq!(left, vec![(drafted, true)]);
    let err = agenda::restore_item(pool, typed).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn undiscussed_items_and_open_actions_carry_over_across_three_meetings() {
    let t = common::db().await;
    let pool = &t.pool;
    person(pool, "Dana Kim", true).await;
    let action = |text: &str| ActionInput {
        text: text.into(),
        owner: Some(Owner::Them),
        due_on: None,
    };

    let one = common::one_on_one(pool, None, "2026-10-29").await;
    agenda::add_item(pool, one, "Team offsite budget")
        .await
        .unwrap();
    let a1 = schedule::add_action(pool, one, action("Share the org chart"))
        .await
        .unwrap();
    let done_later = schedule::add_action(pool, one, action("Book the room"))
        .await
        .unwrap();
    schedule::set_status(pool, one, OneOnOneStatus::Held, today())
        .await
        .unwrap();

    let two = common::one_on_one(pool, None, "2026-11-12").await;
    let (d, _) = agenda_draft::prepare(pool, two, day("2026-11-12"))
        .await
        .unwrap();
    let follow: Vec<&str> = d
        .agenda
        .iter()
        .filter(|i| i.section == Section::FollowUps)
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(
        follow,
        [
            "Team offsite budget",
            "Action for Dana Kim: Share the org chart",
            "Action for Dana Kim: Book the room",
        ]
    );
    // In the second: one new item is discussed, the carried one is not; one action is done.
    let d = agenda::add_item(pool, two, "Promotion timeline")
        .await
        .unwrap();
    let promo = d
        .agenda
        .iter()
        .find(|i| i.text == "Promotion timeline")
        .unwrap()
        .id;
    agenda::set_discussed(pool, promo, true).await.unwrap();
    schedule::set_action_done(pool, done_later.id, true, day("2026-11-12"))
        .await
        .unwrap();
    let a2 = schedule::add_action(pool, two, action("Intro to the platform lead"))
        .await
        .unwrap();
    schedule::set_status(pool, two, OneOnOneStatus::Held, today())
        .await
        .unwrap();

    let three = common::one_on_one(pool, None, "2026-11-26").await;
    let (d, _) = agenda_draft::prepare(pool, three, today()).await.unwrap();
    let follow: Vec<&str> = d
        .agenda
        .iter()
        .filter(|i| i.section == Section::FollowUps)
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(
        follow,
        [
            "Team offsite budget",
            "Action for Dana Kim: Share the org chart",
            "Action for Dana Kim: Intro to the platform lead",
        ]
    );
    let open: Vec<i64> = d.actions.iter().map(|a| a.id).collect();
    assert_eq!(open, [a1.id, a2.id]);
    // A third meeting counts two held before it: the third career question.
    assert_eq!(
        d.agenda.last().unwrap().text,
        "Is there a project or a team coming up where I could stretch?"
    );
}

#[tokio::test]
async fn the_markdown_export_is_the_agenda_notes_and_actions() {
    let t = common::db().await;
    let pool = &t.pool;
    person(pool, "Dana Kim", true).await;
    win(pool, "Cut *flaky* tests", "2026-11-20").await;
    let m = common::one_on_one(pool, None, "2026-11-26").await;
    let (d, _) = agenda_draft::prepare(pool, m, today()).await.unwrap();
    agenda::set_discussed(pool, d.agenda[0].id, true)
        .await
        .unwrap();
    agenda::add_item(pool, m, "Ask about the budget")
        .await
        .unwrap();
    schedule::save_notes(pool, m, "Dana will check the budget.\n\n- Offsite in March")
        .await
        .unwrap();
    schedule::add_action(
        pool,
        m,
        ActionInput {
            text: "Draft the offsite agenda".into(),
            owner: None,
            due_on: Some("2026-12-04".into()),
        },
    )
    .await
    .unwrap();
    schedule::set_status(pool, m, OneOnOneStatus::Held, today())
        .await
        .unwrap();
    let text = agenda::markdown(&agenda::detail(pool, m).await.unwrap());
    assert_eq!(
        text,
        "# 1:1 with Dana Kim — Nov 26, 2026

Held.

## Agenda

### Wins

- [x] Cut \\*flaky\\* tests (Failed releases: 8 → 2 per month)

### Career

- [ ] What should I focus on over the next quarter to be ready for the next step?

### Also

- [ ] Ask about the budget

## Notes

Dana will check the budget.

- Offsite in March

## Action items

- [ ] Me: Draft the offsite agenda (due Dec 4, 2026)
"
    );
}

async fn tables(pool: &SqlitePool) -> Vec<i64> {
    let mut v = Vec::new();
    for t in ["one_on_ones", "agenda_items", "action_items", "topics"] {
        v.push(common::count(pool, t).await);
    }
    v
}

fn assert_field(err: AppError, field: &str) {
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::Invalid, Some(field)),
        "{err}"
    );
}

#[tokio::test]
async fn bad_one_on_one_input_is_refused_and_nothing_is_written() {
    let t = common::db().await;
    let pool = &t.pool;
    let before = tables(pool).await;
    // No person given and no manager marked.
    let err = schedule::create(
        pool,
        OneOnOneInput {
            person_id: None,
            meets_on: "2026-12-01".into(),
        },
    )
    .await
    .unwrap_err();
    assert_field(err, "personId");
    let err = schedule::create(
        pool,
        OneOnOneInput {
            person_id: Some(999),
            meets_on: "2026-12-01".into(),
        },
    )
    .await
    .unwrap_err();
    assert_field(err, "personId");
    person(pool, "Dana Kim", true).await;
    for bad in ["2101-01-01", "1969-12-31", "2026-02-30", "soon"] {
        let err = schedule::create(
            pool,
            OneOnOneInput {
                person_id: None,
                meets_on: bad.into(),
            },
        )
        .await
        .unwrap_err();
        assert_field(err, "meetsOn");
    }
    assert_eq!(tables(pool).await, before);

    let m = common::one_on_one(pool, None, "2026-12-01").await;
    let before = tables(pool).await;
    for text in ["", "   "] {
        let err = schedule::add_action(
            pool,
            m,
            ActionInput {
                text: text.into(),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
        assert_field(err, "text");
    }
    let err = schedule::add_action(
        pool,
        m,
        ActionInput {
            text: "x".repeat(201),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_field(err, "text");
    let err = agenda::add_item(pool, m, &"y".repeat(2_001))
        .await
        .unwrap_err();
    assert_field(err, "text");
    let err = agenda::add_item(pool, m, " \n ").await.unwrap_err();
    assert_field(err, "text");
    let err = schedule::save_notes(pool, m, &"n".repeat(20_001))
        .await
        .unwrap_err();
    assert_field(err, "notes");
    for kind in [
        SourceKind::Goal,
        SourceKind::Achievement,
        SourceKind::FeedbackReceived,
    ] {
        let err = agenda::add_topic(
            pool,
            TopicInput {
                kind,
                id: 4242,
                person_id: None,
            },
        )
        .await
        .unwrap_err();
        assert_field(err, "id");
    }
    let err = agenda::reorder(pool, m, &[1, 2, 3]).await.unwrap_err();
    assert_field(err, "ids");
    assert_eq!(tables(pool).await, before);
    let err = agenda::edit_item(pool, 777, "x").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn a_topic_waits_once_and_the_next_date_follows_the_cadence() {
    let t = common::db().await;
    let pool = &t.pool;
    let dana = person(pool, "Dana Kim", true).await;
    let plan = common::plan(pool, "Q4").await;
    let g = goals::create(
        pool,
        plan.id,
        done_goal("Hire two engineers", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    let topic = TopicInput {
        kind: SourceKind::Goal,
        id: g.id,
        person_id: None,
    };
    agenda::add_topic(pool, topic.clone()).await.unwrap();
    let err = agenda::add_topic(pool, topic).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);

    // No 1:1 yet: today. After one on 20 Nov with a 14-day cadence: 4 Dec.
    let d = schedule::defaults(pool, today(), None).await.unwrap();
    assert_eq!((d.person_id, d.meets_on), (Some(dana), today()));
    common::one_on_one(pool, None, "2026-11-20").await;
    let d = schedule::defaults(pool, today(), None).await.unwrap();
    assert_eq!(d.meets_on, day("2026-12-04"));
    // For someone else (from their page): their own cadence, after their own latest 1:1,
    // even one still ahead.
    let lee = person(pool, "Lee Park", false).await;
    common::one_on_one(pool, Some(lee), "2026-12-01").await;
    let d = schedule::defaults(pool, today(), Some(lee)).await.unwrap();
    assert_eq!((d.person_id, d.meets_on), (Some(lee), day("2026-12-15")));
    // A cadence long past proposes today, never a day gone by.
    common::one_on_one(pool, None, "2026-01-05").await;
    let mut conn = pool.acquire().await.unwrap();
    sqlx::query("DELETE FROM one_on_ones WHERE meets_on = '2026-11-20'")
        .execute(&mut *conn)
        .await
        .unwrap();
    let next = schedule::next_date(&mut conn, dana, today()).await.unwrap();
    assert_eq!(next, today());
}

#[tokio::test]
async fn a_busy_fortnight_keeps_the_latest_items_of_each_section() {
    let t = common::db().await;
    person(&t.pool, "Dana Kim", true).await;
    for n in 1..=11 {
        win(
            &t.pool,
            &format!("Win {n}"),
            &format!("2026-11-{:02}", 13 + n),
        )
        .await;
    }
    let m = common::one_on_one(&t.pool, None, "2026-11-26").await;
    let (d, _) = agenda_draft::prepare(&t.pool, m, today()).await.unwrap();
    let wins: Vec<String> = d
        .agenda
        .iter()
        .filter(|i| i.section == Section::Wins)
        .map(|i| i.text.split(" (").next().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = (4..=11).map(|n| format!("Win {n}")).collect();
    assert_eq!(wins, expected);
    assert_eq!(agenda_draft::PER_SECTION, 8);
}

#[tokio::test]
async fn removing_a_person_with_one_on_ones_archives_them() {
    let t = common::db().await;
    let dana = person(&t.pool, "Dana Kim", true).await;
    let m = common::one_on_one(&t.pool, None, "2026-11-20").await;
    schedule::save_notes(&t.pool, m, "Agreed the offsite plan.")
        .await
        .unwrap();
    // Her page says so before the user confirms, though she has no feedback.
    let page = ladder_lib::views::person_page::page(&t.pool, dana, today())
        .await
        .unwrap();
    assert!(page.removal_archives);
    assert!(page.requests.is_empty() && page.received.is_empty());
    let removal = person::remove(&t.pool, dana, today()).await.unwrap();
    assert_eq!(removal, person::Removal::Archived);
    let detail = agenda::detail(&t.pool, m).await.unwrap();
    assert_eq!(detail.meeting.notes, "Agreed the offsite plan.");
    assert_eq!(detail.meeting.person_name, "Dana Kim");
}

#[tokio::test]
async fn the_example_agenda_reads_as_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let pool = ladder_lib::demo::example::load(dir.path(), today())
        .await
        .unwrap();
    let next: i64 = sqlx::query_scalar(
        "SELECT id FROM one_on_ones WHERE status = 'scheduled' ORDER BY meets_on LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let (detail, added) = agenda_draft::prepare(&pool, next, today()).await.unwrap();
    assert!(
        added >= 5,
        "a realistic fortnight drafts several items: {added}"
    );
    let text = agenda::markdown(&detail);
    // Printed for people to read: `cargo test --test it example_agenda -- --nocapture`.
    println!("{text}");
    assert!(text.starts_with("# 1:1 with "));
    for heading in ["## Agenda", "### Career", "## Notes", "## Action items"] {
        assert!(text.contains(heading), "{heading} missing from\n{text}");
    }
    assert!(text.matches("- [ ] ").count() >= added);
}

#[tokio::test]
async fn what_is_drafted_again_is_not_carried_twice() {
    let t = common::db().await;
    let pool = &t.pool;
    person(pool, "Dana Kim", true).await;
    let plan = common::plan(pool, "Q4").await;
    let g = goals::create(
        pool,
        plan.id,
        done_goal("Hire two engineers", PERFORMANCE),
        day("2026-11-01"),
    )
    .await
    .unwrap();
    milestones::add(
        pool,
        g.id,
        MilestoneInput {
            title: "Open the role".into(),
            due_on: Some("2026-11-05".into()),
        },
        day("2026-11-01"),
    )
    .await
    .unwrap();
    let topic = TopicInput {
        kind: SourceKind::Goal,
        id: g.id,
        person_id: None,
    };
    agenda::add_topic(pool, topic.clone()).await.unwrap();
    let first = common::one_on_one(pool, None, "2026-11-12").await;
    agenda_draft::prepare(pool, first, day("2026-11-12"))
        .await
        .unwrap();
    schedule::set_status(pool, first, OneOnOneStatus::Held, today())
        .await
        .unwrap();
    // Saved again for the next one, and still overdue: each shows once, in its section.
    agenda::add_topic(pool, topic).await.unwrap();
    let next = common::one_on_one(pool, None, "2026-11-26").await;
    let (d, _) = agenda_draft::prepare(pool, next, today()).await.unwrap();
    let got: Vec<(Section, String)> = texts(&d)
        .into_iter()
        .filter(|(s, _)| *s != Section::Career)
        .collect();
    assert_eq!(
        got,
        [
            (
                Section::Help,
                "“Open the role” (Hire two engineers) is overdue since Nov 5, 2026".to_owned()
            ),
            (Section::Topics, "Hire two engineers".to_owned()),
        ]
    );
}

#[tokio::test]
async fn a_one_on_one_still_ahead_cannot_be_held() {
    let t = common::db().await;
    person(&t.pool, "Dana Kim", true).await;
    let ahead = common::one_on_one(&t.pool, None, "2026-12-03").await;
    let err = schedule::set_status(&t.pool, ahead, OneOnOneStatus::Held, today())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::Conflict, Some("status"))
    );
    let mut conn = t.pool.acquire().await.unwrap();
    let m = schedule::fetch(&mut conn, ahead).await.unwrap();
    assert_eq!(m.status, OneOnOneStatus::Scheduled);
    // On the day it is fine.
    schedule::set_status(&t.pool, ahead, OneOnOneStatus::Held, day("2026-12-03"))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_persons_page_lists_their_one_on_ones_and_the_held_ones_in_the_history() {
    let t = common::db().await;
    let dana = person(&t.pool, "Dana Kim", true).await;
    let lee = person(&t.pool, "Lee Park", false).await;
    let held = common::one_on_one(&t.pool, None, "2026-11-12").await;
    schedule::save_notes(&t.pool, held, "\n  Talked about the offsite.\nMore detail.")
        .await
        .unwrap();
    schedule::set_status(&t.pool, held, OneOnOneStatus::Held, today())
        .await
        .unwrap();
    let bare = common::one_on_one(&t.pool, None, "2026-11-19").await;
    schedule::set_status(&t.pool, bare, OneOnOneStatus::Held, today())
        .await
        .unwrap();
    let cancelled = common::one_on_one(&t.pool, None, "2026-11-05").await;
    schedule::set_status(&t.pool, cancelled, OneOnOneStatus::Cancelled, today())
        .await
        .unwrap();
    let ahead = common::one_on_one(&t.pool, None, "2026-12-03").await;
    common::one_on_one(&t.pool, Some(lee), "2026-11-20").await;

    let page = ladder_lib::views::person_page::page(&t.pool, dana, today())
        .await
        .unwrap();
    let ids: Vec<i64> = page.one_on_ones.iter().map(|m| m.id).collect();
    assert_eq!(ids, vec![ahead, bare, held, cancelled]);
    let history = common::history(&page);
    assert_eq!(
        history,
        vec![
            ("2026-11-19".into(), "1:1 held".into()),
            (
                "2026-11-12".into(),
                "1:1 held: Talked about the offsite.".into()
            ),
        ]
    );

    // Someone with nothing that refers to them would be deleted.
    let page = ladder_lib::views::person_page::page(
        &t.pool,
        person(&t.pool, "New Face", false).await,
        today(),
    )
    .await
    .unwrap();
    assert!(!page.removal_archives && page.one_on_ones.is_empty() && page.history.is_empty());
}
