//! Where conversations and opportunities show outside their own screen: the dashboard,
//! a person's page, the 1:1 agenda, search, the calendar, the teams view and the review.

use ladder_lib::mobility::conversations::{self, ConversationInput, ConversationKind};
use ladder_lib::mobility::opportunities::{self, OpportunityInput, OpportunityPerson, PersonRole};
use ladder_lib::mobility::stages::Stage;
use ladder_lib::one_on_ones::agenda::Section;
use ladder_lib::people::person::{self, PersonInput, Relationship};
use ladder_lib::views::network::{self, StepKind};
use ladder_lib::views::search::{self, SearchKind};
use ladder_lib::views::{agenda_draft, calendar, dashboard, person_page};
use ladder_lib::wins::win::{self, WinInput};
use sqlx::SqlitePool;

use crate::common::{self, day, today};

async fn someone(pool: &SqlitePool, name: &str, team: &str, manager: bool) -> i64 {
    person::create(
        pool,
        PersonInput {
            name: name.into(),
            team: Some(team.into()),
            relationship: Some(if manager {
                Relationship::Manager
            } else {
                Relationship::Peer
            }),
            is_my_manager: Some(manager),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

fn talk(kind: ConversationKind, on: &str, topic: &str, people: Vec<i64>) -> ConversationInput {
    ConversationInput {
        kind,
        held_on: on.into(),
        topic: topic.into(),
        discussed: None,
        learned: None,
        team: None,
        follow_up: None,
        follow_up_on: None,
        person_ids: people,
    }
}

fn opening(title: &str) -> OpportunityInput {
    OpportunityInput {
        title: title.into(),
        team: Some("Payments".into()),
        level: Some("L6".into()),
        url: None,
        source: None,
        source_person_id: None,
        heard_on: None,
        notes: None,
        next_step: None,
        next_step_on: None,
        bring_to_one_on_one: None,
        people: None,
        target_role_id: None,
    }
}

async fn open(pool: &SqlitePool, title: &str, next: Option<(&str, &str)>) -> i64 {
    let mut input = opening(title);
    if let Some((step, on)) = next {
        input.next_step = Some(step.into());
        input.next_step_on = Some(on.into());
    }
    opportunities::create(pool, input, day("2026-11-01"))
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn the_dashboard_lists_steps_due_this_week_and_the_pipeline_by_stage() {
    let t = common::db().await;
    let pool = &t.pool;
    let mei = someone(pool, "Mei", "Platform", false).await;
    // today() is 26 Nov: due by 3 Dec counts, 4 Dec does not, done or ended never.
    let mut chat = talk(
        ConversationKind::CoffeeChat,
        "2026-11-20",
        "Coffee with Mei",
        vec![mei],
    );
    chat.follow_up = Some("Send the write-up".into());
    chat.follow_up_on = Some("2026-11-25".into());
    let overdue = conversations::create(pool, chat.clone(), today())
        .await
        .unwrap();
    chat.follow_up_on = Some("2026-12-04".into());
    conversations::create(pool, chat.clone(), today())
        .await
        .unwrap();
    chat.follow_up_on = Some("2026-11-27".into());
    let done = conversations::create(pool, chat, today()).await.unwrap();
    conversations::set_follow_up_done(pool, done.id, Some(today()))
        .await
        .unwrap();
    let soon = open(
        pool,
        "Lead, Payments",
        Some(("Ask Dana for a referral", "2026-12-03")),
    )
    .await;
    let ended = open(pool, "EM, Search", Some(("Prepare", "2026-11-27"))).await;
    opportunities::move_stage(pool, ended, Stage::Withdrawn, today())
        .await
        .unwrap();
    let applied = open(pool, "EM, Data", None).await;
    opportunities::move_stage(pool, applied, Stage::Applied, today())
        .await
        .unwrap();

    let d = dashboard::dashboard(pool, today()).await.unwrap();
    let steps: Vec<(StepKind, i64, bool)> =
        d.steps.iter().map(|s| (s.kind, s.id, s.overdue)).collect();
    assert_eq!(
        steps,
        [
            (StepKind::FollowUp, overdue.id, true),
            (StepKind::NextStep, soon, false)
        ]
    );
    assert_eq!(d.steps[1].text, "Ask Dana for a referral");
    assert_eq!(d.steps[1].about, "Lead, Payments");
    let counts: Vec<(Stage, i64)> = d.pipeline.iter().map(|c| (c.stage, c.count)).collect();
    assert_eq!(counts.len(), 10, "every stage, even with none");
    assert_eq!(counts[0], (Stage::Spotted, 1));
    assert_eq!(counts[3], (Stage::Applied, 1));
    assert_eq!(counts[9], (Stage::Withdrawn, 1));
    assert_eq!(counts.iter().map(|c| c.1).sum::<i64>(), 3);
}

#[tokio::test]
async fn a_persons_page_lists_their_conversations_and_opportunities_and_dates_them() {
    let t = common::db().await;
    let pool = &t.pool;
    let mei = someone(pool, "Mei", "Platform", false).await;
    let dana = someone(pool, "Dana", "Payments", false).await;
    conversations::create(
        pool,
        talk(
            ConversationKind::CoffeeChat,
            "2026-11-03",
            "Coffee",
            vec![mei],
        ),
        today(),
    )
    .await
    .unwrap();
    conversations::create(
        pool,
        talk(
            ConversationKind::SkipLevel,
            "2026-11-10",
            "Skip-level",
            vec![mei, dana],
        ),
        today(),
    )
    .await
    .unwrap();
    conversations::create(
        pool,
        talk(ConversationKind::Event, "2026-11-12", "Meetup", vec![dana]),
        today(),
    )
    .await
    .unwrap();
    let mut input = opening("Lead, Platform");
    input.people = Some(vec![OpportunityPerson {
        person_id: mei,
        role: PersonRole::HiringManager,
    }]);
    let lead = opportunities::create(pool, input, today()).await.unwrap();
    let mut heard = opening("EM, Data");
    heard.source_person_id = Some(mei);
    heard.source = Some(opportunities::Source::Person);
    let data = opportunities::create(pool, heard, today()).await.unwrap();
    open(pool, "Nobody's", None).await;

    let page = person_page::page(pool, mei, today()).await.unwrap();
    let topics: Vec<&str> = page
        .conversations
        .iter()
        .map(|c| c.topic.as_str())
        .collect();
    assert_eq!(
        topics,
        ["Skip-level", "Coffee"],
        "theirs only, newest first"
    );
    assert_eq!(page.conversations[0].person_ids.len(), 2);
    let opps: Vec<(i64, Option<PersonRole>)> =
        page.opportunities.iter().map(|o| (o.id, o.role)).collect();
    assert!(opps.contains(&(lead.id, Some(PersonRole::HiringManager))));
    assert!(
        opps.contains(&(data.id, None)),
        "where I heard of it counts too"
    );
    assert_eq!(opps.len(), 2);
    let history = common::history(&page);
    assert_eq!(
        history,
        [
            (
                "2026-11-10".to_owned(),
                "Conversation: Skip-level".to_owned()
            ),
            ("2026-11-03".to_owned(), "Conversation: Coffee".to_owned()),
        ]
    );
}

#[tokio::test]
async fn the_list_of_conversations_carries_everyones_people_in_two_queries() {
    let t = common::db().await;
    let pool = &t.pool;
    let a = someone(pool, "A", "", false).await;
    let b = someone(pool, "B", "", false).await;
    // Ids out of date order, so the id range of the page holds another's links.
    for (on, people) in [
        ("2026-11-05", vec![a, b]),
        ("2026-11-01", vec![b]),
        ("2026-11-09", vec![a]),
    ] {
        conversations::create(
            pool,
            talk(ConversationKind::Other, on, "t", people),
            today(),
        )
        .await
        .unwrap();
    }
    let all = conversations::list(pool, None, 10).await.unwrap();
    let seen: Vec<(String, Vec<i64>)> = all
        .iter()
        .map(|c| (c.held_on.to_string(), c.person_ids.clone()))
        .collect();
    assert_eq!(
        seen,
        [
            ("2026-11-09".to_owned(), vec![a]),
            ("2026-11-05".to_owned(), vec![a, b]),
            ("2026-11-01".to_owned(), vec![b]),
        ]
    );
    let page = conversations::list(pool, None, 2).await.unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!(page[1].person_ids, vec![a, b]);
    let bs = conversations::list(pool, Some(b), 10).await.unwrap();
    assert_eq!(
        bs.iter().map(|c| c.held_on.to_string()).collect::<Vec<_>>(),
        ["2026-11-05", "2026-11-01"]
    );
}

#[tokio::test]
async fn only_openings_marked_for_the_one_on_one_reach_the_agenda_and_only_the_managers() {
    let t = common::db().await;
    let pool = &t.pool;
    let dana = someone(pool, "Dana", "Eng", true).await;
    let priya = someone(pool, "Priya", "Eng", false).await;
    let brought = open(pool, "Lead, Payments", None).await;
    let quiet = open(pool, "EM, Search", None).await;
    opportunities::set_bring_to_one_on_one(pool, brought, true)
        .await
        .unwrap();
    opportunities::update(pool, brought, {
        let mut i = opening("Lead, Payments");
        i.next_step = Some("Book the system design loop".into());
        i.next_step_on = Some("2026-12-01".into());
        i
    })
    .await
    .unwrap();
    for id in [brought, quiet] {
        opportunities::move_stage(pool, id, Stage::Applied, day("2026-11-20"))
            .await
            .unwrap();
        opportunities::move_stage(pool, id, Stage::Interviewing, day("2026-11-24"))
            .await
            .unwrap();
    }

    let with_manager = common::one_on_one(pool, Some(dana), "2026-11-27").await;
    let drafts = agenda_draft::preview(pool, with_manager, today())
        .await
        .unwrap();
    let pipeline: Vec<&str> = drafts
        .iter()
        .filter(|d| d.key.starts_with("opportunity:"))
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(
        pipeline,
        ["Opening “Lead, Payments”: now interviewing; next: Book the system design loop"],
        "one item for the marked one, where it stands now; the other stays private"
    );
    let item = drafts
        .iter()
        .find(|d| d.key.starts_with("opportunity:"))
        .unwrap();
    assert_eq!(item.section, Section::Career);
    assert!(!drafts.iter().any(|d| d.text.contains("EM, Search")));

    let with_peer = common::one_on_one(pool, Some(priya), "2026-11-27").await;
    let drafts = agenda_draft::preview(pool, with_peer, today())
        .await
        .unwrap();
    assert!(
        !drafts.iter().any(|d| d.key.starts_with("opportunity:")),
        "a 1:1 with a peer says nothing of the pipeline"
    );

    // Unmarking takes it off the next draft.
    opportunities::set_bring_to_one_on_one(pool, brought, false)
        .await
        .unwrap();
    let drafts = agenda_draft::preview(pool, with_manager, today())
        .await
        .unwrap();
    assert!(!drafts.iter().any(|d| d.key.starts_with("opportunity:")));
}

#[tokio::test]
async fn search_finds_opportunities_ended_ones_included_and_conversations() {
    let t = common::db().await;
    let pool = &t.pool;
    let mei = someone(pool, "Mei", "", false).await;
    let ended = open(pool, "Staff engineer, Observability", None).await;
    opportunities::move_stage(pool, ended, Stage::NotSelected, today())
        .await
        .unwrap();
    let mut chat = talk(
        ConversationKind::CoffeeChat,
        "2026-11-03",
        "Coffee with Mei",
        vec![mei],
    );
    chat.learned = Some("Observability is hiring a lead next quarter".into());
    let c = conversations::create(pool, chat, today()).await.unwrap();

    let hits = search::search(pool, "observab", 10).await.unwrap();
    let kinds: Vec<(SearchKind, i64)> = hits.iter().map(|h| (h.kind, h.id)).collect();
    assert_eq!(
        kinds,
        [
            (SearchKind::Opportunity, ended),
            (SearchKind::Conversation, c.id)
        ],
        "the title match ranks first"
    );
    assert_eq!(hits[0].context.as_deref(), Some("Payments"));
    assert_eq!(hits[1].context.as_deref(), Some("2026-11-03"));

    // An edit is followed, and a deletion takes it out.
    let mut renamed = opening("Staff engineer, Tracing");
    renamed.notes = Some("no longer about the o-word".into());
    opportunities::update(pool, ended, renamed).await.unwrap();
    assert_eq!(search::search(pool, "observab", 10).await.unwrap().len(), 1);
    conversations::delete(pool, c.id, today()).await.unwrap();
    assert!(search::search(pool, "observab", 10)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn the_calendar_has_open_follow_ups_and_only_when_asked_the_next_steps() {
    let t = common::db().await;
    let pool = &t.pool;
    let mei = someone(pool, "Mei", "", false).await;
    let mut chat = talk(
        ConversationKind::CoffeeChat,
        "2026-11-20",
        "Coffee with Mei",
        vec![mei],
    );
    chat.follow_up = Some("Send the write-up".into());
    chat.follow_up_on = Some("2026-11-30".into());
    conversations::create(pool, chat.clone(), today())
        .await
        .unwrap();
    let done = conversations::create(pool, chat, today()).await.unwrap();
    conversations::set_follow_up_done(pool, done.id, Some(today()))
        .await
        .unwrap();
    open(
        pool,
        "Lead, Payments",
        Some(("Ask for a referral", "2026-12-02")),
    )
    .await;
    let ended = open(pool, "EM, Search", Some(("Prepare", "2026-12-03"))).await;
    opportunities::move_stage(pool, ended, Stage::Declined, today())
        .await
        .unwrap();

    let quiet = calendar::gather(pool, calendar::Scope::default(), today())
        .await
        .unwrap();
    let summaries: Vec<&str> = quiet.events.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(summaries, ["Follow up: Send the write-up"]);
    assert_eq!(quiet.events[0].on, day("2026-11-30"));
    assert!(quiet.events[0].uid.ends_with("-follow-up@ladder"));

    let scope = calendar::Scope {
        plan_id: None,
        pipeline: true,
    };
    let all = calendar::gather(pool, scope, today()).await.unwrap();
    let summaries: Vec<&str> = all.events.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(
        summaries,
        ["Follow up: Send the write-up", "Ask for a referral"]
    );
    let counts = calendar::counts(&all.events);
    assert_eq!((counts.follow_ups, counts.next_steps), (1, 1));
}

#[tokio::test]
async fn the_teams_view_shows_who_was_reached_this_year_against_every_team_known() {
    let t = common::db().await;
    let pool = &t.pool;
    let mei = someone(pool, "Mei", "Platform", false).await;
    someone(pool, "Ola", "Design", false).await;
    someone(pool, "Ken", "platform", false).await;
    conversations::create(
        pool,
        talk(
            ConversationKind::CoffeeChat,
            "2026-03-01",
            "Coffee",
            vec![mei],
        ),
        today(),
    )
    .await
    .unwrap();
    let mut named = talk(
        ConversationKind::ProjectCheckIn,
        "2026-06-01",
        "Check-in",
        vec![mei],
    );
    named.team = Some("Finance".into());
    conversations::create(pool, named, today()).await.unwrap();
    // Last year's contact makes the team known but not reached this year.
    let mut old = talk(
        ConversationKind::Event,
        "2025-10-01",
        "Old meetup",
        vec![mei],
    );
    old.team = Some("Legal".into());
    conversations::create(pool, old, today()).await.unwrap();
    for (on, team) in [("2026-04-01", "Design"), ("2025-05-01", "Legal")] {
        let input = WinInput {
            title: "Shipped the shared design tokens".into(),
            occurred_on: Some(on.into()),
            team: Some(team.into()),
            ..Default::default()
        };
        win::create(pool, input, today()).await.unwrap();
    }
    let long = WinInput {
        title: "Too long a team".into(),
        team: Some("x".repeat(201)),
        ..Default::default()
    };
    let err = win::create(pool, long, today()).await.unwrap_err();
    assert_eq!(err.field(), Some("team"));

    let teams = network::teams(pool, today()).await.unwrap();
    let seen: Vec<(&str, i64, i64, i64)> = teams
        .iter()
        .map(|t| (t.team.as_str(), t.conversations, t.wins, t.people))
        .collect();
    assert_eq!(
        seen,
        [
            ("Platform", 2, 0, 2),
            ("Design", 0, 1, 1),
            ("Finance", 1, 0, 0),
            ("Legal", 0, 0, 0)
        ],
        "reached first, the most reached first; names match without case"
    );
    assert_eq!(teams[0].last_on, Some(day("2026-06-01")));
    assert_eq!(teams[1].last_on, Some(day("2026-04-01")));
    assert_eq!(teams[3].last_on, None, "last year's win does not count");
}

#[tokio::test]
async fn a_quarter_counts_mentoring_given_and_received_as_evidence() {
    let t = common::db().await;
    let pool = &t.pool;
    let plan = common::plan(pool, "Q4 2026").await;
    let junior = someone(pool, "Sam", "", false).await;
    let mentor = someone(pool, "Ada", "", false).await;
    let start = plan.starts_on.to_string();
    for (kind, people) in [
        (ConversationKind::MentoringGiven, vec![junior]),
        (ConversationKind::MentoringGiven, vec![junior, mentor]),
        (ConversationKind::MentoringReceived, vec![mentor]),
        (ConversationKind::CoffeeChat, vec![mentor]),
    ] {
        conversations::create(pool, talk(kind, &start, "Session", people), today())
            .await
            .unwrap();
    }
    // Before the quarter: not counted.
    let before = (plan.starts_on - chrono::Days::new(1)).to_string();
    conversations::create(
        pool,
        talk(
            ConversationKind::MentoringGiven,
            &before,
            "Earlier",
            vec![junior],
        ),
        today(),
    )
    .await
    .unwrap();

    let q = network::quarter(pool, plan.id).await.unwrap();
    assert_eq!(
        (
            q.mentoring_given,
            q.mentoring_received,
            q.other_conversations
        ),
        (2, 1, 1)
    );
    assert_eq!(q.sessions.len(), 3);
    assert_eq!(q.sessions[1].people, "Ada, Sam", "names in order");
    assert!(network::quarter(pool, 99_999).await.is_err());

    let md = network::review_markdown(pool, plan.id, today())
        .await
        .unwrap();
    assert!(md.starts_with("# Quarter review: Q4 2026"), "{md}");
    let section = md
        .split("\n## Mentoring (Leadership Qualities evidence)\n\n")
        .nth(1)
        .expect("a mentoring section");
    assert!(section.starts_with("2 sessions mentoring others, 1 session being mentored."));
    assert!(
        section.contains("- 2026-10-01: Session (given, with Ada, Sam)"),
        "{section}"
    );
    assert!(!section.contains("Earlier"), "only this quarter's");
}

#[tokio::test]
async fn removing_someone_from_a_conversation_or_an_opening_archives_them() {
    let t = common::db().await;
    let pool = &t.pool;
    let mei = someone(pool, "Mei", "", false).await;
    let dana = someone(pool, "Dana", "", false).await;
    let ola = someone(pool, "Ola", "", false).await;
    let lone = someone(pool, "Lone", "", false).await;
    conversations::create(
        pool,
        talk(
            ConversationKind::CoffeeChat,
            "2026-11-03",
            "Coffee",
            vec![mei],
        ),
        today(),
    )
    .await
    .unwrap();
    let mut with_people = opening("Lead, Payments");
    with_people.people = Some(vec![OpportunityPerson {
        person_id: dana,
        role: PersonRole::Interviewer,
    }]);
    opportunities::create(pool, with_people, today())
        .await
        .unwrap();
    let mut told = opening("EM, Data");
    told.source = Some(opportunities::Source::Person);
    told.source_person_id = Some(ola);
    opportunities::create(pool, told, today()).await.unwrap();

    for id in [mei, dana, ola] {
        let removal = person::remove(pool, id, today()).await.unwrap();
        assert!(
            matches!(removal, person::Removal::Archived),
            "{id} is archived"
        );
    }
    assert_eq!(
        common::count(pool, "conversation_people").await,
        1,
        "the conversation keeps Mei"
    );
    assert_eq!(common::count(pool, "opportunity_people").await, 1);
    let removal = person::remove(pool, lone, today()).await.unwrap();
    assert!(
        matches!(removal, person::Removal::Deleted { .. }),
        "nobody refers to Lone"
    );
}

#[tokio::test]
async fn the_board_loads_every_opening_on_the_way_and_only_the_newest_ended_ones() {
    let page = |offset, limit| opportunities::EndedPage { offset, limit };
    let t = common::db().await;
    let pool = &t.pool;
    let mut ended = Vec::new();
    for (title, end) in [
        ("EM, Search", Stage::Withdrawn),
        ("EM, Ads", Stage::Declined),
        ("EM, Maps", Stage::NotSelected),
    ] {
        let id = open(pool, title, None).await;
        opportunities::move_stage(pool, id, end, today())
            .await
            .unwrap();
        ended.push(id);
    }
    let accepted = open(pool, "Lead, Data", None).await;
    opportunities::move_stage(pool, accepted, Stage::Accepted, today())
        .await
        .unwrap();
    let spotted = open(pool, "Lead, Payments", None).await;
    // The first ended one is touched last, so it is the newest.
    sqlx::query("UPDATE opportunities SET updated_at = '2030-01-01T00:00:00.000Z' WHERE id = ?")
        .bind(ended[0])
        .execute(pool)
        .await
        .unwrap();

    let ids =
        |p: &opportunities::Pipeline| p.opportunities.iter().map(|o| o.id).collect::<Vec<_>>();
    let first = opportunities::list(pool, page(0, 1), "").await.unwrap();
    assert_eq!(first.ended_total, 3);
    // Accepted is on the way (a column of the board), not folded away with the endings.
    assert_eq!(ids(&first), [spotted, accepted, ended[0]]);
    assert_eq!(
        first.opportunities[2].history.len(),
        2,
        "spotted, then withdrawn"
    );

    let none = opportunities::list(pool, page(0, 0), "").await.unwrap();
    assert_eq!((ids(&none), none.ended_total), (vec![spotted, accepted], 3));
    let all = opportunities::list(pool, page(0, i64::MAX), "")
        .await
        .unwrap();
    assert_eq!(ids(&all), [spotted, accepted, ended[0], ended[2], ended[1]]);
    let fewer = opportunities::list(pool, page(-1, -5), "").await.unwrap();
    assert_eq!(ids(&fewer), ids(&none), "a negative page is an empty one");

    // A filter pages through the ended ones it matches (title, team or notes, any case);
    // those on the way all come, for the board filters them itself.
    let maps = opportunities::list(pool, page(0, 20), " mAPS ")
        .await
        .unwrap();
    assert_eq!(
        (ids(&maps), maps.ended_total),
        (vec![spotted, accepted, ended[2]], 1)
    );
    let team = opportunities::list(pool, page(0, 2), "payments")
        .await
        .unwrap();
    assert_eq!(team.ended_total, 3, "every opening here is in Payments");
    assert_eq!(ids(&team), [spotted, accepted, ended[0], ended[2]]);
    // "Show older" reads the next page on its own.
    let older = opportunities::list(pool, page(2, 2), "payments")
        .await
        .unwrap();
    assert_eq!(
        (ids(&older), older.ended_total),
        (vec![spotted, accepted, ended[1]], 3)
    );
    let nothing = opportunities::list(pool, page(0, 20), "Kitchen")
        .await
        .unwrap();
    assert_eq!(
        (ids(&nothing), nothing.ended_total),
        (vec![spotted, accepted], 0)
    );
}
