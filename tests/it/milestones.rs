use ladder_lib::infra::error::ErrorKind;
use ladder_lib::planning::goals;
use ladder_lib::planning::milestones::{self, Milestone, MilestoneInput};
use sqlx::SqlitePool;

use crate::common::{self, day, done_goal, goal_tables, today, PERFORMANCE};

pub fn named(title: &str) -> MilestoneInput {
    MilestoneInput {
        title: title.to_owned(),
        due_on: None,
    }
}

pub async fn add_named(pool: &SqlitePool, goal_id: i64, title: &str) -> Milestone {
    milestones::add(pool, goal_id, named(title), today())
        .await
        .expect("add a milestone")
}

async fn titles(pool: &SqlitePool, goal_id: i64) -> Vec<String> {
    let mut conn = pool.acquire().await.unwrap();
    milestones::list(&mut conn, goal_id, today())
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.title)
        .collect()
}

#[tokio::test]
async fn milestones_are_added_in_order_and_reordered() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        done_goal("Ship the playbook", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    let a = add_named(&t.pool, goal.id, "Draft").await;
    let b = add_named(&t.pool, goal.id, "Review").await;
    let c = add_named(&t.pool, goal.id, "Publish").await;
    assert_eq!(
        titles(&t.pool, goal.id).await,
        ["Draft", "Review", "Publish"]
    );
    milestones::reorder(&t.pool, goal.id, vec![c.id, a.id, b.id], today())
        .await
        .unwrap();
    assert_eq!(
        titles(&t.pool, goal.id).await,
        ["Publish", "Draft", "Review"]
    );

    let before = goal_tables(&t.pool).await;
    for bad in [
        vec![a.id, b.id],
        vec![a.id, b.id, c.id, c.id],
        vec![a.id, b.id, 999],
    ] {
        let err = milestones::reorder(&t.pool, goal.id, bad, today())
            .await
            .unwrap_err();
        assert_eq!(err.field(), Some("order"));
    }
    assert_eq!(
        titles(&t.pool, goal.id).await,
        ["Publish", "Draft", "Review"]
    );
    assert_eq!(goal_tables(&t.pool).await, before);
}

#[tokio::test]
async fn completing_keeps_the_day_and_reopening_clears_it() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        done_goal("Ship the playbook", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    let m = add_named(&t.pool, goal.id, "Draft").await;
    add_named(&t.pool, goal.id, "Publish").await;
    let done = milestones::set_done(&t.pool, m.id, true, today())
        .await
        .unwrap();
    assert_eq!(done.done_on, Some(today()));
    // Completing again keeps the first day.
    let again = milestones::set_done(&t.pool, m.id, true, day("2026-11-30"))
        .await
        .unwrap();
    assert_eq!(again.done_on, Some(today()));
    let goal_now = ladder_lib::views::goal_detail::detail(&t.pool, goal.id, today())
        .await
        .unwrap()
        .goal;
    assert_eq!(
        (goal_now.milestones_done, goal_now.progress_pct),
        (1, Some(50))
    );
    assert_eq!(
        goal_now.status,
        ladder_lib::planning::goals::GoalStatus::InProgress,
        "a finished step starts the goal"
    );

    let reopened = milestones::set_done(&t.pool, m.id, false, today())
        .await
        .unwrap();
    assert_eq!(reopened.done_on, None);
    let actions: Vec<String> = ladder_lib::infra::activity::for_entity(
        &t.pool,
        ladder_lib::infra::activity::Entity::Milestone,
        m.id,
    )
    .await
    .unwrap()
    .into_iter()
    .map(|a| a.action)
    .collect();
    assert_eq!(actions, ["created", "completed", "reopened"]);
}

#[tokio::test]
async fn a_milestone_past_its_due_date_is_overdue_until_done() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        done_goal("Ship the playbook", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    let late = milestones::add(
        &t.pool,
        goal.id,
        MilestoneInput {
            title: "Draft".into(),
            due_on: Some("2026-11-25".into()),
        },
        today(),
    )
    .await
    .unwrap();
    let due_today = milestones::add(
        &t.pool,
        goal.id,
        MilestoneInput {
            title: "Review".into(),
            due_on: Some("2026-11-26".into()),
        },
        today(),
    )
    .await
    .unwrap();
    assert!(late.overdue);
    assert!(!due_today.overdue, "due today is not yet overdue");
    assert_eq!(
        ladder_lib::views::goal_detail::detail(&t.pool, goal.id, today())
            .await
            .unwrap()
            .goal
            .milestones_overdue,
        1
    );
    let done = milestones::set_done(&t.pool, late.id, true, today())
        .await
        .unwrap();
    assert!(!done.overdue);
}

#[tokio::test]
async fn a_milestone_moves_only_within_its_plan() {
    let t = common::db().await;
    let q4 = common::plan(&t.pool, "Q4").await;
    let other = common::plan(&t.pool, "Other").await;
    let a = goals::create(&t.pool, q4.id, done_goal("A", PERFORMANCE), today())
        .await
        .unwrap();
    let b = goals::create(&t.pool, q4.id, done_goal("B", PERFORMANCE), today())
        .await
        .unwrap();
    let elsewhere = goals::create(&t.pool, other.id, done_goal("C", PERFORMANCE), today())
        .await
        .unwrap();
    let m = add_named(&t.pool, a.id, "Step").await;

    let before = goal_tables(&t.pool).await;
    let err = milestones::move_to(&t.pool, m.id, elsewhere.id, today())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::Invalid, Some("goalId"))
    );
    let err = milestones::move_to(&t.pool, m.id, 31337, today())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("goalId"));
    assert_eq!(goal_tables(&t.pool).await, before);
    assert_eq!(titles(&t.pool, a.id).await, ["Step"]);

    let moved = milestones::move_to(&t.pool, m.id, b.id, today())
        .await
        .unwrap();
    assert_eq!(moved.goal_id, b.id);
}

#[tokio::test]
async fn milestone_titles_and_dates_are_checked() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(&t.pool, plan.id, done_goal("G", PERFORMANCE), today())
        .await
        .unwrap();
    let before = goal_tables(&t.pool).await;
    let err = milestones::add(&t.pool, goal.id, named(" "), today())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("title"));
    let err = milestones::add(&t.pool, goal.id, named(&"m".repeat(201)), today())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("title"));
    let bad_date = MilestoneInput {
        title: "Ok".into(),
        due_on: Some("someday".into()),
    };
    let err = milestones::add(&t.pool, goal.id, bad_date, today())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("dueOn"));
    let err = milestones::add(&t.pool, 777, named("Ok"), today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(goal_tables(&t.pool).await, before);
}
