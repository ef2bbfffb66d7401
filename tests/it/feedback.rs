use ladder_lib::infra::error::{AppError, ErrorKind};
use ladder_lib::people::feedback::{
    self, ReceivedInput, RequestInput, RequestStatus, ResponseInput, Tone,
};
use ladder_lib::people::person::{self, PersonInput, Relationship, Removal};
use ladder_lib::workflows::takeaway;
use sqlx::SqlitePool;

use crate::common::{self, day, done_goal, today, LEADERSHIP_QUALITIES, PERFORMANCE};

async fn person(pool: &SqlitePool, name: &str) -> i64 {
    person::create(
        pool,
        PersonInput {
            name: name.into(),
            relationship: Some(Relationship::Peer),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

async fn facet(pool: &SqlitePool, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM facets WHERE name = ?")
        .bind(name)
        .fetch_one(pool)
        .await
        .unwrap()
}

fn ask(person_id: i64, question: &str) -> RequestInput {
    RequestInput {
        person_id,
        focus_area_id: LEADERSHIP_QUALITIES,
        question: question.into(),
        ..Default::default()
    }
}

async fn tables(pool: &SqlitePool) -> Vec<i64> {
    let mut v = Vec::new();
    for t in [
        "people",
        "feedback_requests",
        "feedback_received",
        "activity",
    ] {
        v.push(common::count(pool, t).await);
    }
    v
}

fn assert_field(err: AppError, kind: ErrorKind, field: &str) {
    assert_eq!((err.kind(), err.field()), (kind, Some(field)), "{err}");
}

#[tokio::test]
async fn a_request_goes_from_draft_to_an_answer_and_touches_the_person() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = ladder_lib::planning::goals::create(
        &t.pool,
        plan.id,
        done_goal("Run the planning meeting", LEADERSHIP_QUALITIES),
        today(),
    )
    .await
    .unwrap();
    let priya = person(&t.pool, "Priya Raman").await;
    let input = RequestInput {
        facet_id: Some(facet(&t.pool, "Communication").await),
        goal_id: Some(goal.id),
        due_on: Some("2026-12-10".into()),
        ..ask(
            priya,
            "What one thing would make my planning updates clearer?",
        )
    };
    let r = feedback::create_request(&t.pool, input, today())
        .await
        .unwrap();
    assert_eq!(r.status, RequestStatus::Draft);
    assert_eq!(
        r.message,
        "Hi Priya,\n\nI'm working on leadership qualities (especially communication), and in particular on \"Run the planning meeting\". I'd value your honest view on one question:\n\nWhat one thing would make my planning updates clearer?\n\nA few lines whenever it suits you is plenty. Thank you!"
    );
    let r = feedback::mark_asked(&t.pool, r.id, today()).await.unwrap();
    assert_eq!(
        (r.status, r.asked_on),
        (RequestStatus::Asked, Some(today()))
    );
    let answer = ResponseInput {
        response: "Lead with the decision you need.".into(),
        received_on: None,
        takeaways: Some("Decision first".into()),
    };
    let r = feedback::record_response(&t.pool, r.id, answer, day("2026-11-28"))
        .await
        .unwrap();
    assert_eq!(
        (r.status, r.received_on),
        (RequestStatus::Received, Some(day("2026-11-28")))
    );
    let p = person::list(&t.pool, false).await.unwrap();
    assert_eq!(p[0].last_contact_on, Some(day("2026-11-28")));
    let log = ladder_lib::infra::activity::for_entity(
        &t.pool,
        ladder_lib::infra::activity::Entity::Feedback,
        r.id,
    )
    .await
    .unwrap();
    assert_eq!(log[0].action, "received");
}

#[tokio::test]
async fn overdue_requests_are_flagged_and_listed_first() {
    let t = common::db().await;
    let p = person(&t.pool, "Sam").await;
    let late = feedback::create_request(
        &t.pool,
        RequestInput {
            due_on: Some("2026-11-30".into()),
            ..ask(p, "Late?")
        },
        today(),
    )
    .await
    .unwrap();
    feedback::create_request(&t.pool, ask(p, "Draft"), today())
        .await
        .unwrap();
    feedback::mark_asked(&t.pool, late.id, today())
        .await
        .unwrap();
    let later = day("2026-12-05");
    let list = feedback::list_requests(&t.pool, later, None, 100)
        .await
        .unwrap();
    assert_eq!(list[0].id, late.id);
    assert!(list[0].overdue);
}

#[tokio::test]
async fn only_requests_a_month_past_their_date_are_given_up_in_one_step() {
    let t = common::db().await;
    let p = person(&t.pool, "Sam").await;
    // Asked on Oct 1 with various wanted-by dates; "today" is Nov 26, so the cut-off is
    // Oct 27: only dates before it count.
    let mut asked = Vec::new();
    for (question, due) in [
        ("Long ago", "2026-10-01"),
        ("Just over", "2026-10-26"),
        ("Exactly a month", "2026-10-27"),
        ("Recent", "2026-11-20"),
    ] {
        let r = feedback::create_request(
            &t.pool,
            RequestInput {
                due_on: Some(due.into()),
                ..ask(p, question)
            },
            day("2026-10-01"),
        )
        .await
        .unwrap();
        feedback::mark_asked(&t.pool, r.id, day("2026-10-01"))
            .await
            .unwrap();
        asked.push(r.id);
    }
    // A draft with a passed date and an answered request are not "waiting for an answer".
    feedback::create_request(
        &t.pool,
        RequestInput {
            due_on: Some("2026-09-01".into()),
            ..ask(p, "Never sent")
        },
        day("2026-08-01"),
    )
    .await
    .unwrap();
    let answered = feedback::create_request(
        &t.pool,
        RequestInput {
            due_on: Some("2026-09-01".into()),
            ..ask(p, "Answered late")
        },
        day("2026-08-01"),
    )
    .await
    .unwrap();
    feedback::mark_asked(&t.pool, answered.id, day("2026-08-01"))
        .await
        .unwrap();
    feedback::record_response(
        &t.pool,
        answered.id,
        ResponseInput {
            response: "Fine.".into(),
            received_on: Some("2026-11-01".into()),
            takeaways: None,
        },
        today(),
    )
    .await
    .unwrap();

    assert_eq!(
        feedback::count_long_overdue(&t.pool, today())
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        feedback::decline_long_overdue(&t.pool, today())
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        feedback::count_long_overdue(&t.pool, today())
            .await
            .unwrap(),
        0
    );
    let statuses: Vec<(String, String)> =
        sqlx::query_as("SELECT question, status FROM feedback_requests ORDER BY id")
            .fetch_all(&t.pool)
            .await
            .unwrap();
    let statuses: Vec<(&str, &str)> = statuses
        .iter()
        .map(|(q, s)| (q.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("Long ago", "declined"),
            ("Just over", "declined"),
            ("Exactly a month", "asked"),
            ("Recent", "asked"),
            ("Never sent", "draft"),
            ("Answered late", "received"),
        ]
    );
    // Nothing left to give up on: a second run changes nothing.
    assert_eq!(
        feedback::decline_long_overdue(&t.pool, today())
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn bad_feedback_input_is_refused_and_nothing_is_written() {
    let t = common::db().await;
    let p = person(&t.pool, "Sam").await;
    let draft = feedback::create_request(&t.pool, ask(p, "Fine question"), today())
        .await
        .unwrap();
    let before = tables(&t.pool).await;
    let cases: Vec<(RequestInput, &str)> = vec![
        (ask(p, "   "), "question"),
        (ask(p, &"q".repeat(20_001)), "question"),
        (ask(999, "Q"), "personId"),
        (
            RequestInput {
                goal_id: Some(999),
                ..ask(p, "Q")
            },
            "goalId",
        ),
        (
            RequestInput {
                facet_id: Some(facet(&t.pool, "Exceeding KPIs").await),
                ..ask(p, "Q")
            },
            "facetId",
        ),
        (
            RequestInput {
                focus_area_id: 99,
                ..ask(p, "Q")
            },
            "focusAreaId",
        ),
        (
            RequestInput {
                due_on: Some("tomorrow".into()),
                ..ask(p, "Q")
            },
            "dueOn",
        ),
    ];
    for (input, field) in cases {
        assert_field(
            feedback::create_request(&t.pool, input, today())
                .await
                .unwrap_err(),
            ErrorKind::Invalid,
            field,
        );
    }
    // A response on a draft is refused.
    let answer = ResponseInput {
        response: "Yes".into(),
        ..Default::default()
    };
    assert_field(
        feedback::record_response(&t.pool, draft.id, answer, today())
            .await
            .unwrap_err(),
        ErrorKind::Conflict,
        "status",
    );
    assert_eq!(tables(&t.pool).await, before, "nothing written");
    // A due date before the day it is asked is refused when asking.
    let early = feedback::create_request(
        &t.pool,
        RequestInput {
            due_on: Some("2026-11-20".into()),
            ..ask(p, "Q")
        },
        today(),
    )
    .await
    .unwrap();
    assert_field(
        feedback::mark_asked(&t.pool, early.id, today())
            .await
            .unwrap_err(),
        ErrorKind::Invalid,
        "dueOn",
    );
    let bad_received = ReceivedInput {
        person_id: p,
        what: "Nice".into(),
        tone: None,
        ..Default::default()
    };
    assert_field(
        feedback::add_received(&t.pool, bad_received, today())
            .await
            .unwrap_err(),
        ErrorKind::Invalid,
        "tone",
    );
}

#[tokio::test]
async fn feedback_received_without_asking_is_captured_in_one_step() {
    let t = common::db().await;
    let p = person(&t.pool, "Ana").await;
    let input = ReceivedInput {
        person_id: p,
        what: "Your incident write-up was the clearest we've had.".into(),
        tone: Some(Tone::Positive),
        focus_area_id: Some(PERFORMANCE),
        ..Default::default()
    };
    let f = feedback::add_received(&t.pool, input, today())
        .await
        .unwrap();
    assert_eq!(
        (f.person_name.as_str(), f.tone, f.received_on),
        ("Ana", Tone::Positive, today())
    );
    assert_eq!(
        feedback::list_received(&t.pool, None, 100)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn a_person_with_feedback_is_archived_not_deleted() {
    let t = common::db().await;
    let quiet = person(&t.pool, "Quiet").await;
    let talker = person(&t.pool, "Talker").await;
    feedback::create_request(&t.pool, ask(talker, "Q"), today())
        .await
        .unwrap();
    assert!(matches!(
        person::remove(&t.pool, quiet, today()).await.unwrap(),
        Removal::Deleted { trashed } if trashed.title == "Quiet"
    ));
    assert_eq!(
        person::remove(&t.pool, talker, today()).await.unwrap(),
        Removal::Archived
    );
    assert!(person::list(&t.pool, false).await.unwrap().is_empty());
    let all = person::list(&t.pool, true).await.unwrap();
    assert_eq!((all.len(), all[0].archived_on), (1, Some(today())));
    assert_eq!(
        common::count(&t.pool, "feedback_requests").await,
        1,
        "their feedback stays"
    );
    // New requests to an archived person are refused until they are brought back.
    assert_field(
        feedback::create_request(&t.pool, ask(talker, "Q"), today())
            .await
            .unwrap_err(),
        ErrorKind::Invalid,
        "personId",
    );
    person::restore(&t.pool, talker).await.unwrap();
    assert!(feedback::create_request(&t.pool, ask(talker, "Q"), today())
        .await
        .is_ok());
    // The database refuses a raw delete too.
    assert!(sqlx::query("DELETE FROM people WHERE id = ?")
        .bind(talker)
        .execute(&t.pool)
        .await
        .is_err());
}

#[tokio::test]
async fn one_person_is_my_manager() {
    let t = common::db().await;
    let a = person::create(
        &t.pool,
        PersonInput {
            name: "Dana".into(),
            is_my_manager: Some(true),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let b = person::create(
        &t.pool,
        PersonInput {
            name: "Eli".into(),
            is_my_manager: Some(true),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let all = person::list(&t.pool, false).await.unwrap();
    assert_eq!(
        all.iter()
            .filter(|p| p.is_my_manager)
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        [b.id]
    );
    assert!(all.iter().any(|p| p.id == a.id && !p.is_my_manager));
    let err = person::create(
        &t.pool,
        PersonInput {
            name: "X".into(),
            cadence_days: Some(0),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_field(err, ErrorKind::Invalid, "cadenceDays");
    let err = person::create(
        &t.pool,
        PersonInput {
            name: " ".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_field(err, ErrorKind::Invalid, "name");
}

#[tokio::test]
async fn a_takeaway_becomes_a_milestone_goal_or_resource_linked_back() {
    use takeaway::{ActionTarget, FeedbackSource, TakeawayAction};
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = ladder_lib::planning::goals::create(
        &t.pool,
        plan.id,
        done_goal("Run the planning meeting", LEADERSHIP_QUALITIES),
        today(),
    )
    .await
    .unwrap();
    let p = person(&t.pool, "Priya").await;
    let r = feedback::create_request(&t.pool, ask(p, "How do my updates land?"), today())
        .await
        .unwrap();
    feedback::mark_asked(&t.pool, r.id, today()).await.unwrap();
    let answer = ResponseInput {
        response: "Lead with the decision.".into(),
        ..Default::default()
    };
    feedback::record_response(&t.pool, r.id, answer, today())
        .await
        .unwrap();

    let milestone = TakeawayAction::Milestone {
        goal_id: goal.id,
        milestone: ladder_lib::planning::milestones::MilestoneInput {
            title: "Open each update with the decision".into(),
            due_on: None,
        },
    };
    let target = takeaway::act_on(&t.pool, FeedbackSource::Request(r.id), milestone, today())
        .await
        .unwrap();
    assert!(matches!(target, ActionTarget::Milestone(_)));
    let d = ladder_lib::views::goal_detail::detail(&t.pool, goal.id, today())
        .await
        .unwrap();
    assert_eq!(
        d.milestones.last().unwrap().title,
        "Open each update with the decision"
    );
    assert_eq!(
        d.feedback
            .iter()
            .map(|f| (f.person_name.as_str(), f.text.as_str()))
            .collect::<Vec<_>>(),
        [("Priya", "Lead with the decision.")]
    );

    let praise = feedback::add_received(
        &t.pool,
        ReceivedInput {
            person_id: p,
            what: "Great demo".into(),
            tone: Some(Tone::Positive),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap();
    let new_goal = TakeawayAction::Goal {
        plan_id: plan.id,
        goal: done_goal("Demo every sprint", PERFORMANCE),
    };
    let ActionTarget::Goal(gid) = takeaway::act_on(
        &t.pool,
        FeedbackSource::Received(praise.id),
        new_goal,
        today(),
    )
    .await
    .unwrap() else {
        panic!("expected a goal");
    };
    let d = ladder_lib::views::goal_detail::detail(&t.pool, gid, today())
        .await
        .unwrap();
    assert_eq!(d.feedback[0].text, "Great demo");
    let course = TakeawayAction::Resource {
        resource: ladder_lib::learning::resources::ResourceInput {
            title: "Presenting with impact".into(),
            ..Default::default()
        },
    };
    assert!(matches!(
        takeaway::act_on(
            &t.pool,
            FeedbackSource::Received(praise.id),
            course,
            today()
        )
        .await
        .unwrap(),
        ActionTarget::Resource(_)
    ));
    assert_eq!(common::count(&t.pool, "feedback_actions").await, 3);

    // A bad takeaway writes nothing at all: no milestone and no link.
    let before = (
        common::count(&t.pool, "milestones").await,
        common::count(&t.pool, "feedback_actions").await,
    );
    let bad = TakeawayAction::Milestone {
        goal_id: goal.id,
        milestone: ladder_lib::planning::milestones::MilestoneInput {
            title: " ".into(),
            due_on: None,
        },
    };
    assert_field(
        takeaway::act_on(&t.pool, FeedbackSource::Request(r.id), bad, today())
            .await
            .unwrap_err(),
        ErrorKind::Invalid,
        "title",
    );
    let missing = TakeawayAction::Milestone {
        goal_id: goal.id,
        milestone: ladder_lib::planning::milestones::MilestoneInput {
            title: "Ok".into(),
            due_on: None,
        },
    };
    let err = takeaway::act_on(&t.pool, FeedbackSource::Request(4040), missing, today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(
        before,
        (
            common::count(&t.pool, "milestones").await,
            common::count(&t.pool, "feedback_actions").await
        )
    );
}

#[tokio::test]
async fn a_due_date_moves_but_never_before_the_ask_and_only_drafts_are_deleted() {
    let t = common::db().await;
    let ana = person(&t.pool, "Ana Lima").await;
    let r = feedback::create_request(&t.pool, ask(ana, "How did my demo land?"), today())
        .await
        .unwrap();
    // A due date already in the past blocks asking until it is moved.
    feedback::set_due(&t.pool, r.id, Some("2026-11-20"), today())
        .await
        .unwrap();
    let err = feedback::mark_asked(&t.pool, r.id, today())
        .await
        .unwrap_err();
    assert_field(err, ErrorKind::Invalid, "dueOn");
    feedback::set_due(&t.pool, r.id, Some("2026-12-04"), today())
        .await
        .unwrap();
    let asked = feedback::mark_asked(&t.pool, r.id, today()).await.unwrap();
    assert_eq!(asked.status, RequestStatus::Asked);

    let before = tables(&t.pool).await;
    let err = feedback::set_due(&t.pool, r.id, Some("2026-11-25"), today())
        .await
        .unwrap_err();
    assert_field(err, ErrorKind::Invalid, "dueOn");
    let err = feedback::set_due(&t.pool, r.id, Some("2026-13-01"), today())
        .await
        .unwrap_err();
    assert_field(err, ErrorKind::Invalid, "dueOn");
    let err = feedback::delete_draft(&t.pool, r.id, today())
        .await
        .unwrap_err();
    assert_field(err, ErrorKind::Conflict, "status");
    assert_eq!(tables(&t.pool).await, before);
    let kept = feedback::list_requests(&t.pool, today(), None, 10)
        .await
        .unwrap();
    assert_eq!(kept[0].due_on, Some(day("2026-12-04")));

    // Clearing the due date is allowed; a draft goes away for good.
    let cleared = feedback::set_due(&t.pool, r.id, None, today())
        .await
        .unwrap();
    assert_eq!(cleared.due_on, None);
    let draft = feedback::create_request(&t.pool, ask(ana, "Anything else?"), today())
        .await
        .unwrap();
    feedback::delete_draft(&t.pool, draft.id, today())
        .await
        .unwrap();
    assert_eq!(common::count(&t.pool, "feedback_requests").await, 1);
}

#[tokio::test]
async fn a_persons_page_holds_only_their_feedback_and_a_dated_history() {
    let t = common::db().await;
    let ana = person(&t.pool, "Ana Lima").await;
    let ben = person(&t.pool, "Ben Ode").await;
    let mine =
        feedback::create_request(&t.pool, ask(ana, "Was the plan clear?"), day("2026-11-02"))
            .await
            .unwrap();
    feedback::mark_asked(&t.pool, mine.id, day("2026-11-02"))
        .await
        .unwrap();
    feedback::record_response(
        &t.pool,
        mine.id,
        ResponseInput {
            response: "Mostly; lead with the decision.".into(),
            received_on: Some("2026-11-09".into()),
            takeaways: None,
        },
        today(),
    )
    .await
    .unwrap();
    feedback::create_request(&t.pool, ask(ben, "Not Ana's"), today())
        .await
        .unwrap();
    feedback::add_received(
        &t.pool,
        ReceivedInput {
            person_id: ana,
            received_on: Some("2026-11-20".into()),
            what: "Great facilitation today.".into(),
            tone: Some(Tone::Positive),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap();

    let page = ladder_lib::views::person_page::page(&t.pool, ana, today())
        .await
        .unwrap();
    assert_eq!(page.person.name, "Ana Lima");
    assert_eq!(page.person.last_contact_on, Some(day("2026-11-20")));
    assert_eq!(page.requests.len(), 1);
    assert_eq!(page.requests[0].question, "Was the plan clear?");
    assert_eq!(page.received.len(), 1);
    let history = common::history(&page);
    assert_eq!(
        history,
        vec![
            (
                "2026-11-20".into(),
                "Praise: Great facilitation today.".into()
            ),
            (
                "2026-11-09".into(),
                "They answered: Was the plan clear?".into()
            ),
            ("2026-11-02".into(), "You asked: Was the plan clear?".into()),
        ]
    );
    let err = ladder_lib::views::person_page::page(&t.pool, 999, today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn the_ui_sends_takeaway_actions_in_camel_case_and_typos_are_named() {
    let action: takeaway::TakeawayAction = ladder_lib::infra::input::parse(serde_json::json!({
        "kind": "milestone", "goalId": 3, "milestone": { "title": "Practise the opening" }
    }))
    .unwrap();
    assert!(matches!(
        action,
        takeaway::TakeawayAction::Milestone { goal_id: 3, .. }
    ));
    let err = ladder_lib::infra::input::parse::<takeaway::TakeawayAction>(serde_json::json!({
        "kind": "milestone", "goal_id": 3, "milestone": { "title": "x" }
    }))
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
}
