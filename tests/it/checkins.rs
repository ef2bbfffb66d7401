use ladder_lib::infra::error::ErrorKind;
use ladder_lib::planning::checkins::{self, CheckIn, CheckInInput};
use ladder_lib::planning::goals::{self, GoalStatus};
use sqlx::SqlitePool;

use crate::common::{self, day, done_goal, goal_tables, metric_goal, today, PERFORMANCE};

pub fn reading(on: &str, value: Option<f64>) -> CheckInInput {
    CheckInInput {
        on_date: Some(on.to_owned()),
        value,
        confidence: 3,
        note: None,
    }
}

pub async fn check_in(pool: &SqlitePool, goal_id: i64, on: &str, value: Option<f64>) -> CheckIn {
    checkins::add(pool, goal_id, reading(on, value), today())
        .await
        .expect("check in")
}

#[tokio::test]
async fn the_latest_check_in_is_the_current_value_and_history_is_kept() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        metric_goal("Cut escaped defects", PERFORMANCE, 20.0, 5.0),
        today(),
    )
    .await
    .unwrap();
    check_in(&t.pool, goal.id, "2026-11-15", Some(11.0)).await;
    // Entered later but dated earlier: history, not the current value.
    check_in(&t.pool, goal.id, "2026-10-20", Some(17.0)).await;
    let d = ladder_lib::views::goal_detail::detail(&t.pool, goal.id, today())
        .await
        .unwrap();
    assert_eq!(d.goal.current_value, Some(11.0));
    assert_eq!(
        d.goal.progress_pct,
        Some(60),
        "from 20 toward 5, 11 is 60 %"
    );
    let dates: Vec<_> = d.check_ins.iter().map(|c| c.on_date).collect();
    assert_eq!(
        dates,
        [day("2026-10-20"), day("2026-11-15")],
        "oldest first for the chart"
    );
}

#[tokio::test]
async fn the_first_check_in_starts_the_goal_and_both_are_logged() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        metric_goal("Cut escaped defects", PERFORMANCE, 20.0, 5.0),
        today(),
    )
    .await
    .unwrap();
    let c = check_in(&t.pool, goal.id, "2026-11-20", Some(14.5)).await;
    let goal = ladder_lib::views::goal_detail::detail(&t.pool, goal.id, today())
        .await
        .unwrap()
        .goal;
    assert_eq!(goal.status, GoalStatus::InProgress);
    let log = ladder_lib::infra::activity::for_entity(
        &t.pool,
        ladder_lib::infra::activity::Entity::CheckIn,
        c.id,
    )
    .await
    .unwrap();
    assert_eq!(
        log[0].summary,
        "Checked in on \"Cut escaped defects\": 14.5 defects, confidence 3"
    );
    assert_eq!(
        log[0].occurred_on,
        day("2026-11-20"),
        "logged on the day it describes"
    );
    let status = ladder_lib::infra::activity::for_entity(
        &t.pool,
        ladder_lib::infra::activity::Entity::Goal,
        goal.id,
    )
    .await
    .unwrap();
    assert!(status
        .iter()
        .any(|a| a.summary.ends_with("not started → in progress")));
}

#[tokio::test]
async fn a_done_goal_checks_in_without_a_value() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        done_goal("Lead the offsite", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    let c = check_in(&t.pool, goal.id, "2026-11-20", Some(99.0)).await;
    assert_eq!(
        c.value, None,
        "a value means nothing for a done/not-done goal"
    );
}

#[tokio::test]
async fn bad_check_ins_are_refused_and_nothing_is_written() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        metric_goal("Cut escaped defects", PERFORMANCE, 20.0, 5.0),
        today(),
    )
    .await
    .unwrap();
    let before = goal_tables(&t.pool).await;
    let cases = [
        (
            CheckInInput {
                confidence: 0,
                ..reading("2026-11-20", Some(10.0))
            },
            "confidence",
        ),
        (
            CheckInInput {
                confidence: 6,
                ..reading("2026-11-20", Some(10.0))
            },
            "confidence",
        ),
        (reading("2026-11-27", Some(10.0)), "onDate"),
        (reading("2026-11-31", Some(10.0)), "onDate"),
        (reading("2026-11-20", None), "value"),
        (reading("2026-11-20", Some(f64::INFINITY)), "value"),
        (
            CheckInInput {
                note: Some("n".repeat(20_001)),
                ..reading("2026-11-20", Some(10.0))
            },
            "note",
        ),
    ];
    for (input, field) in cases {
        let err = checkins::add(&t.pool, goal.id, input, today())
            .await
            .unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Invalid, Some(field)),
            "{err}"
        );
    }
    let err = checkins::add(&t.pool, 999, reading("2026-11-20", Some(1.0)), today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(goal_tables(&t.pool).await, before, "nothing written");
    assert_eq!(
        ladder_lib::views::goal_detail::detail(&t.pool, goal.id, today())
            .await
            .unwrap()
            .goal
            .status,
        GoalStatus::NotStarted
    );
}
