use ladder_lib::infra::error::ErrorKind;
use ladder_lib::planning::assessments::{self, Assessment};
use ladder_lib::planning::goals::{self, GoalStatus};
use ladder_lib::planning::milestones;
use ladder_lib::planning::plan_view;
use ladder_lib::planning::plans::{self, PlanInput, PlanStatus};
use ladder_lib::planning::review::{self, CloseInput};

use crate::checkins::check_in;
use crate::common::{
    self, day, done_goal, goal_tables, metric_goal, today, LEADERSHIP_QUALITIES, NETWORKING,
    PERFORMANCE,
};
use crate::milestones::add_named;

fn rate(area: i64, rating: i64) -> Assessment {
    Assessment {
        focus_area_id: area,
        rating,
        note: String::new(),
    }
}

#[tokio::test]
async fn the_plan_view_groups_goals_by_area_with_their_progress_and_gaps() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let defects = goals::create(
        &t.pool,
        plan.id,
        metric_goal("Cut defects", PERFORMANCE, 20.0, 5.0),
        today(),
    )
    .await
    .unwrap();
    check_in(&t.pool, defects.id, "2026-11-10", Some(11.0)).await; // 60 %
    let deadlines = goals::create(
        &t.pool,
        plan.id,
        done_goal("Hit every deadline", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    goals::set_status(&t.pool, deadlines.id, GoalStatus::Done, today())
        .await
        .unwrap(); // 100 %
    let mentor = goals::create(
        &t.pool,
        plan.id,
        done_goal("Mentor two engineers", LEADERSHIP_QUALITIES),
        today(),
    )
    .await
    .unwrap();
    let m = add_named(&t.pool, mentor.id, "Pick mentees").await;
    add_named(&t.pool, mentor.id, "First sessions").await;
    add_named(&t.pool, mentor.id, "Review with manager").await;
    milestones::set_done(&t.pool, m.id, true, today())
        .await
        .unwrap(); // 33 %
    let dropped = goals::create(&t.pool, plan.id, done_goal("Old idea", NETWORKING), today())
        .await
        .unwrap();
    goals::set_status(&t.pool, dropped.id, GoalStatus::Dropped, today())
        .await
        .unwrap();
    assessments::save_opening(
        &t.pool,
        plan.id,
        vec![rate(PERFORMANCE, 3), rate(NETWORKING, 2)],
    )
    .await
    .unwrap();

    let d = plan_view::detail(&t.pool, plan.id, today()).await.unwrap();
    assert_eq!(d.areas.len(), 7);
    let perf = &d.areas[0];
    assert_eq!(perf.progress_pct, Some(80), "mean of 60 % and 100 %");
    assert_eq!(perf.opening.as_ref().map(|a| a.rating), Some(3));
    assert_eq!(d.areas[1].progress_pct, Some(33));
    assert_eq!(
        d.areas[4].progress_pct, None,
        "only a dropped goal: still a gap"
    );
    assert_eq!(d.areas[4].goals.len(), 1);
    assert!(d.areas[6].goals.is_empty() && d.areas[6].progress_pct.is_none());
    // (0.6 + 1.0 + 1/3) / 3 = 64.4 %
    assert_eq!(d.progress_pct, Some(64));
}

#[tokio::test]
async fn self_assessments_are_checked() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let before = goal_tables(&t.pool).await;
    let err = assessments::save_opening(&t.pool, plan.id, vec![rate(PERFORMANCE, 6)])
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("rating"));
    let err = assessments::save_opening(&t.pool, plan.id, vec![rate(PERFORMANCE, 0)])
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("rating"));
    let err = assessments::save_opening(
        &t.pool,
        plan.id,
        vec![rate(PERFORMANCE, 3), rate(PERFORMANCE, 4)],
    )
    .await
    .unwrap_err();
    assert_eq!(err.field(), Some("focusAreaId"));
    let err = assessments::save_opening(&t.pool, plan.id, vec![rate(8, 3)])
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("focusAreaId"));
    assert_eq!(goal_tables(&t.pool).await, before);
    // Saving again replaces the earlier answers.
    assessments::save_opening(&t.pool, plan.id, vec![rate(PERFORMANCE, 2)])
        .await
        .unwrap();
    let saved = assessments::save_opening(&t.pool, plan.id, vec![rate(PERFORMANCE, 4)])
        .await
        .unwrap();
    assert_eq!(saved, vec![rate(PERFORMANCE, 4)]);
}

#[tokio::test]
async fn closing_a_quarter_carries_chosen_goals_forward_and_deletes_nothing() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    plans::set_status(&t.pool, plan.id, PlanStatus::Active, today())
        .await
        .unwrap();
    let defects = goals::create(
        &t.pool,
        plan.id,
        metric_goal("Cut defects", PERFORMANCE, 20.0, 5.0),
        today(),
    )
    .await
    .unwrap();
    check_in(&t.pool, defects.id, "2026-11-10", Some(11.0)).await;
    let done_step = add_named(&t.pool, defects.id, "Triage the backlog").await;
    milestones::set_done(&t.pool, done_step.id, true, today())
        .await
        .unwrap();
    add_named(&t.pool, defects.id, "Fix the top five").await;
    for (title, due) in [
        ("Write the playbook", "2026-12-01"),
        ("Present it", "2027-01-20"),
    ] {
        let input = milestones::MilestoneInput {
            title: title.into(),
            due_on: Some(due.into()),
        };
        milestones::add(&t.pool, defects.id, input, today())
            .await
            .unwrap();
    }
    let left = goals::create(
        &t.pool,
        plan.id,
        done_goal("Start a book club", NETWORKING),
        today(),
    )
    .await
    .unwrap();

    let r = review::review(&t.pool, plan.id, today()).await.unwrap();
    assert_eq!(r.next.title, "Q1 2027 plan");
    assert_eq!(
        (r.next.starts_on, r.next.ends_on),
        (day("2027-01-01"), day("2027-03-31"))
    );
    assert_eq!(r.next.existing_plan_id, None);

    let before_goals = common::count(&t.pool, "goals").await;
    let outcome = review::close_quarter(
        &t.pool,
        plan.id,
        CloseInput {
            carry_goal_ids: vec![defects.id],
            closing: vec![rate(PERFORMANCE, 4)],
        },
        day("2026-12-31"),
    )
    .await
    .unwrap();
    assert_eq!(outcome.carried, 1);
    assert_eq!(outcome.closed.status, PlanStatus::Closed);
    assert_eq!(outcome.closed.closed_on, Some(day("2026-12-31")));

    // The old plan and everything in it are still there.
    assert_eq!(common::count(&t.pool, "goals").await, before_goals + 1);
    let old = ladder_lib::views::goal_detail::detail(&t.pool, defects.id, today())
        .await
        .unwrap();
    assert_eq!(old.milestones.len(), 4);
    assert!(old.plan_closed);
    assert!(
        ladder_lib::views::goal_detail::detail(&t.pool, left.id, today())
            .await
            .is_ok()
    );

    // The new plan holds a copy with its open milestone and the last value as baseline.
    let next_id = outcome.next_plan_id.unwrap();
    let next = plans::get(&t.pool, next_id).await.unwrap();
    assert_eq!(
        (next.title.as_str(), next.starts_on),
        ("Q1 2027 plan", day("2027-01-01"))
    );
    assert_eq!(
        next.status,
        PlanStatus::Active,
        "the next plan takes over as active"
    );
    let detail = plan_view::detail(&t.pool, next_id, today()).await.unwrap();
    let copy = &detail.areas[0].goals[0];
    assert_eq!(copy.title, "Cut defects");
    assert_eq!(
        (copy.baseline, copy.target, copy.current_value),
        (Some(11.0), Some(5.0), None)
    );
    assert_eq!(copy.carried_from_goal_id, Some(defects.id));
    assert_eq!(copy.status, GoalStatus::NotStarted);
    let copy_detail = ladder_lib::views::goal_detail::detail(&t.pool, copy.id, today())
        .await
        .unwrap();
    let titles: Vec<_> = copy_detail
        .milestones
        .iter()
        .map(|m| m.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["Fix the top five", "Write the playbook", "Present it"]
    );
    let dues: Vec<_> = copy_detail.milestones.iter().map(|m| m.due_on).collect();
    assert_eq!(
        dues,
        [None, None, Some(day("2027-01-20"))],
        "passed due dates are cleared"
    );
    assert_eq!(copy_detail.carried_from.as_deref(), Some("Cut defects"));

    let closing = plan_view::detail(&t.pool, plan.id, today()).await.unwrap();
    assert_eq!(closing.areas[0].closing.as_ref().map(|a| a.rating), Some(4));
    assert_eq!(
        review::review(&t.pool, plan.id, today())
            .await
            .unwrap()
            .carried,
        ["Cut defects"]
    );
}

#[tokio::test]
async fn carrying_into_an_existing_next_plan_reuses_it() {
    let t = common::db().await;
    let plan = common::draft_plan(&t.pool, "Q4").await;
    let next = plans::create(
        &t.pool,
        PlanInput {
            title: "My Q1".into(),
            starts_on: Some("2027-01-01".into()),
            ends_on: Some("2027-03-31".into()),
            intent: None,
        },
        today(),
    )
    .await
    .unwrap();
    let g = goals::create(
        &t.pool,
        plan.id,
        done_goal("Carry me", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    let r = review::review(&t.pool, plan.id, today()).await.unwrap();
    assert_eq!(r.next.existing_plan_id, Some(next.id));
    let out = review::close_quarter(
        &t.pool,
        plan.id,
        CloseInput {
            carry_goal_ids: vec![g.id],
            closing: vec![],
        },
        today(),
    )
    .await
    .unwrap();
    assert_eq!(out.next_plan_id, Some(next.id));
    assert_eq!(common::count(&t.pool, "plans").await, 2, "no third plan");
    assert_eq!(
        plans::get(&t.pool, next.id).await.unwrap().status,
        PlanStatus::Draft,
        "the closed plan was a draft"
    );
}

#[tokio::test]
async fn only_this_plans_unfinished_goals_can_be_carried() {
    let t = common::db().await;
    let plan = common::draft_plan(&t.pool, "Q4").await;
    let other = common::plan(&t.pool, "Other").await;
    let done = goals::create(
        &t.pool,
        plan.id,
        done_goal("Finished", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    goals::set_status(&t.pool, done.id, GoalStatus::Done, today())
        .await
        .unwrap();
    let foreign = goals::create(
        &t.pool,
        other.id,
        done_goal("Not mine", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    let before = goal_tables(&t.pool).await;
    for (ids, closing) in [
        (vec![done.id], vec![]),
        (vec![foreign.id], vec![]),
        (vec![], vec![rate(PERFORMANCE, 9)]),
    ] {
        let err = review::close_quarter(
            &t.pool,
            plan.id,
            CloseInput {
                carry_goal_ids: ids,
                closing,
            },
            today(),
        )
        .await
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
    }
    assert_eq!(goal_tables(&t.pool).await, before, "nothing written");
    assert_eq!(
        plans::get(&t.pool, plan.id).await.unwrap().status,
        PlanStatus::Draft
    );
    // Closing twice is refused.
    review::close_quarter(&t.pool, plan.id, CloseInput::default(), today())
        .await
        .unwrap();
    let err = review::close_quarter(&t.pool, plan.id, CloseInput::default(), today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
}

#[tokio::test]
async fn the_review_exports_as_commonmark() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4 *stretch*").await;
    let defects = goals::create(
        &t.pool,
        plan.id,
        metric_goal("Cut defects", PERFORMANCE, 20.0, 5.0),
        today(),
    )
    .await
    .unwrap();
    check_in(&t.pool, defects.id, "2026-11-10", Some(11.0)).await;
    let s = add_named(&t.pool, defects.id, "Triage").await;
    milestones::set_done(&t.pool, s.id, true, today())
        .await
        .unwrap();
    add_named(&t.pool, defects.id, "Fix").await;
    let talk = goals::create(
        &t.pool,
        plan.id,
        done_goal("Give a <talk> on [ops]", LEADERSHIP_QUALITIES),
        today(),
    )
    .await
    .unwrap();
    goals::set_status(&t.pool, talk.id, GoalStatus::Done, today())
        .await
        .unwrap();
    assessments::save_opening(&t.pool, plan.id, vec![rate(PERFORMANCE, 2)])
        .await
        .unwrap();
    review::close_quarter(
        &t.pool,
        plan.id,
        CloseInput {
            carry_goal_ids: vec![defects.id],
            closing: vec![rate(PERFORMANCE, 4)],
        },
        day("2026-12-31"),
    )
    .await
    .unwrap();

    let md = review::markdown(&review::review(&t.pool, plan.id, today()).await.unwrap());
    let expected = "# Quarter review: Q4 \\*stretch\\*

2026-10-01 to 2026-12-31, closed on 2026-12-31.

Overall progress: 80 %.

## Performance Excellence (60 %)

Self-assessment: 2/5 at the start, 4/5 at the close.

- **Cut defects**: in progress, 60 %; Escaped defects: 20 defects → 11 defects (target 5 defects); milestones 1 of 2 done

## Leadership Qualities (100 %)

- **Give a \\<talk\\> on \\[ops\\]**: done, 100 %

## Leadership Principles

No goals in this area.

## Internal Mobility

No goals in this area.

## Networking

No goals in this area.

## Skill Development

No goals in this area.

## Continuous Learning

No goals in this area.

## Carried into the next quarter

- Cut defects
";
    assert_eq!(md, expected);
}
