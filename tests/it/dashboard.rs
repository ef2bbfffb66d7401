use ladder_lib::learning::resources::{self, EntryInput, ResourceInput};
use ladder_lib::one_on_ones::schedule::{self, ActionInput, OneOnOneStatus};
use ladder_lib::people::feedback::{self, RequestInput};
use ladder_lib::people::person::{self, PersonInput};
use ladder_lib::planning::goals::{self, GoalStatus};
use ladder_lib::planning::milestones::{self, MilestoneInput};
use ladder_lib::planning::plans::{self, PlanStatus};
use ladder_lib::views::dashboard;
use ladder_lib::wins::win::{self, WinInput};
use sqlx::SqlitePool;

use crate::common::{self, day, done_goal, today, LEADERSHIP_QUALITIES, NETWORKING, PERFORMANCE};

async fn active_plan(pool: &SqlitePool) -> i64 {
    let plan = common::plan(pool, "Q4").await;
    plans::set_status(pool, plan.id, PlanStatus::Active, today())
        .await
        .unwrap();
    plan.id
}

async fn person(pool: &SqlitePool, name: &str, cadence: Option<i64>) -> i64 {
    person::create(
        pool,
        PersonInput {
            name: name.into(),
            cadence_days: cadence,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

#[tokio::test]
async fn the_plan_panel_counts_days_left_and_finds_gaps() {
    let t = common::db().await;
    assert!(dashboard::standing(&t.pool, today())
        .await
        .unwrap()
        .is_none());
    let plan = active_plan(&t.pool).await;
    goals::create(
        &t.pool,
        plan,
        done_goal("Lead the planning", LEADERSHIP_QUALITIES),
        today(),
    )
    .await
    .unwrap();
    // A win in Networking this quarter is evidence; one last quarter is not.
    for (area, on) in [(NETWORKING, "2026-11-03"), (PERFORMANCE, "2026-09-30")] {
        win::create(
            &t.pool,
            WinInput {
                title: "Spoke at the guild".into(),
                occurred_on: Some(on.into()),
                focus_area_id: Some(area),
                ..Default::default()
            },
            today(),
        )
        .await
        .unwrap();
    }
    let s = dashboard::standing(&t.pool, today())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.detail.plan.id, plan);
    assert_eq!(s.days_left, 35, "26 Nov to 31 Dec");
    assert_eq!(s.gaps, [1, 3, 4, 6, 7]);
}

#[tokio::test]
async fn due_soon_lists_overdue_and_next_week_of_open_goals_only() {
    let t = common::db().await;
    let plan = active_plan(&t.pool).await;
    let g = goals::create(&t.pool, plan, done_goal("Hire two", PERFORMANCE), today())
        .await
        .unwrap();
    let dropped = goals::create(&t.pool, plan, done_goal("Dropped", PERFORMANCE), today())
        .await
        .unwrap();
    let add = |goal: i64, title: &'static str, due: &'static str| {
        let pool = t.pool.clone();
        async move {
            milestones::add(
                &pool,
                goal,
                MilestoneInput {
                    title: title.into(),
                    due_on: Some(due.into()),
                },
                day("2026-11-01"),
            )
            .await
            .unwrap()
            .id
        }
    };
    add(g.id, "Next week", "2026-12-03").await;
    add(g.id, "Too far", "2026-12-04").await;
    add(g.id, "Late", "2026-11-20").await;
    let done = add(g.id, "Done already", "2026-11-21").await;
    milestones::set_done(&t.pool, done, true, today())
        .await
        .unwrap();
    add(dropped.id, "Of a dropped goal", "2026-11-22").await;
    goals::set_status(&t.pool, dropped.id, GoalStatus::Dropped, today())
        .await
        .unwrap();
    let due = dashboard::due_milestones(&t.pool, today()).await.unwrap();
    let got: Vec<(&str, bool)> = due.iter().map(|m| (m.title.as_str(), m.overdue)).collect();
    assert_eq!(got, [("Late", true), ("Next week", false)]);
    assert_eq!(due[0].plan_id, plan);
}

#[tokio::test]
async fn people_panels_show_waiting_answers_and_overdue_catch_ups() {
    let t = common::db().await;
    let ana = person(&t.pool, "Ana", Some(14)).await;
    let ben = person(&t.pool, "Ben", Some(30)).await;
    person(&t.pool, "Cleo", Some(7)).await; // never contacted
    person(&t.pool, "Dev", None).await; // no cadence, never listed
    let ask = |who: i64, q: &'static str, due: Option<&'static str>| {
        let pool = t.pool.clone();
        async move {
            let r = feedback::create_request(
                &pool,
                RequestInput {
                    person_id: who,
                    focus_area_id: 2,
                    question: q.into(),
                    due_on: due.map(Into::into),
                    ..Default::default()
                },
                day("2026-11-01"),
            )
            .await
            .unwrap();
            feedback::mark_asked(&pool, r.id, day("2026-11-01"))
                .await
                .unwrap();
        }
    };
    ask(ana, "On time?", Some("2026-12-20")).await;
    ask(ben, "Late one", Some("2026-11-10")).await;
    feedback::create_request(
        &t.pool,
        RequestInput {
            person_id: ana,
            focus_area_id: 2,
            question: "Still a draft".into(),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap();
    let waiting = dashboard::awaiting_feedback(&t.pool, today())
        .await
        .unwrap();
    let got: Vec<(&str, bool)> = waiting
        .iter()
        .map(|w| (w.question.as_str(), w.overdue))
        .collect();
    assert_eq!(got, [("Late one", true), ("On time?", false)]);

    // Asking on 1 Nov was contact: Ana (14 days) is overdue, Ben (30) is not yet.
    let due: Vec<String> = dashboard::catch_ups(&t.pool, today())
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(due, ["Cleo", "Ana"]);
}

#[tokio::test]
async fn meeting_and_learning_panels() {
    let t = common::db().await;
    person(&t.pool, "Dana", Some(14)).await;
    sqlx::query("UPDATE people SET is_my_manager = 1")
        .execute(&t.pool)
        .await
        .unwrap();
    let past = common::one_on_one(&t.pool, None, "2026-11-12").await;
    let cancelled = common::one_on_one(&t.pool, None, "2026-11-27").await;
    schedule::set_status(&t.pool, cancelled, OneOnOneStatus::Cancelled, today())
        .await
        .unwrap();
    let next = common::one_on_one(&t.pool, None, "2026-12-03").await;
    common::one_on_one(&t.pool, None, "2026-12-17").await;
    assert_eq!(
        dashboard::next_one_on_one(&t.pool, today())
            .await
            .unwrap()
            .map(|m| m.id),
        Some(next)
    );
    for (text, due) in [
        ("Later", Some("2026-12-20")),
        ("Late", Some("2026-11-20")),
        ("Whenever", None),
        ("Done", None),
    ] {
        let a = schedule::add_action(
            &t.pool,
            past,
            ActionInput {
                text: text.into(),
                owner: None,
                due_on: due.map(Into::into),
            },
        )
        .await
        .unwrap();
        if text == "Done" {
            schedule::set_action_done(&t.pool, a.id, true, today())
                .await
                .unwrap();
        }
    }
    let actions: Vec<(String, bool)> = dashboard::open_actions(&t.pool, today())
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.text, a.overdue))
        .collect();
    assert_eq!(
        actions,
        [
            ("Late".into(), true),
            ("Later".into(), false),
            ("Whenever".into(), false)
        ]
    );

    for (title, units) in [("Half done", 2.0), ("Not started", 0.0), ("Finished", 4.0)] {
        let r = resources::create(
            &t.pool,
            ResourceInput {
                title: title.into(),
                total_units: Some(4.0),
                ..Default::default()
            },
            today(),
        )
        .await
        .unwrap();
        if units > 0.0 {
            resources::log_progress(
                &t.pool,
                r.id,
                EntryInput {
                    units: Some(units),
                    ..Default::default()
                },
                today(),
            )
            .await
            .unwrap();
        }
    }
    let courses: Vec<(String, Option<i64>)> = dashboard::courses(&t.pool)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.title, r.percent))
        .collect();
    assert_eq!(courses, [("Half done".to_owned(), Some(50))]);

    let all = dashboard::dashboard(&t.pool, today()).await.unwrap();
    assert!(all.standing.is_none());
    assert!(!all.has_plans);
    common::draft_plan(&t.pool, "A draft").await;
    let all = dashboard::dashboard(&t.pool, today()).await.unwrap();
    assert!(
        all.has_plans && all.standing.is_none(),
        "a draft is a plan, not active"
    );
    assert_eq!(all.actions.len(), 3);
    assert_eq!(
        all.next_one_on_one.map(|m| m.meets_on),
        Some(day("2026-12-03"))
    );
}
