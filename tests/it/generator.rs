use ladder_lib::demo::generator::{self, Scale};
use ladder_lib::planning::plans::{self, PlanStatus};

use crate::common::{self, day, today};

#[tokio::test]
async fn the_standard_set_is_five_years_of_quarterly_plans() {
    let t = common::db().await;
    // The standard set's twenty quarters, with fewer goals each to keep the test quick.
    let scale = Scale {
        goals_per_plan: 8,
        milestones_per_goal: 2,
        check_ins_per_goal: 2,
        wins_per_plan: 3,
        resources_per_plan: 2,
        entries_per_resource: 3,
        people: 5,
        requests_per_plan: 2,
        one_on_ones: 40,
        conversations_per_plan: 5,
        opportunities_per_plan: 2,
        ..Scale::STANDARD
    };
    generator::generate(&t.pool, today(), scale).await.unwrap();
    let plans = plans::list(&t.pool).await.unwrap();
    assert_eq!(plans.len(), 20);
    assert_eq!(plans[0].status, PlanStatus::Active);
    assert_eq!(
        (plans[0].starts_on, plans[0].ends_on),
        (day("2026-10-01"), day("2026-12-31"))
    );
    assert!(plans[1..].iter().all(|p| p.status == PlanStatus::Closed));
    // Consecutive quarters, no gaps or overlaps.
    for pair in plans.windows(2) {
        assert_eq!(pair[1].ends_on.succ_opt().unwrap(), pair[0].starts_on);
    }
    assert_eq!(plans[19].starts_on, day("2022-01-01"));
    // One target role with the standard 40 expectations, rated, with evidence, one gap
    // already a goal.
    assert_eq!(common::count(&t.pool, "target_roles").await, 1);
    assert_eq!(common::count(&t.pool, "role_expectations").await, 40);
    assert!(common::count(&t.pool, "expectation_ratings").await >= 40);
    let kinds: i64 = sqlx::query_scalar("SELECT count(DISTINCT kind) FROM expectation_evidence")
        .fetch_one(&t.pool)
        .await
        .unwrap();
    assert_eq!(kinds, 6, "evidence of every kind");
    let planned: i64 =
        sqlx::query_scalar("SELECT count(*) FROM role_expectations WHERE goal_id IS NOT NULL")
            .fetch_one(&t.pool)
            .await
            .unwrap();
    assert_eq!(planned, 1);
    // Every plan holds its share of goals, some carried from the quarter just before.
    let per_plan: Vec<i64> = sqlx::query_scalar("SELECT count(*) FROM goals GROUP BY plan_id")
        .fetch_all(&t.pool)
        .await
        .unwrap();
    // The current plan also holds the goal made from a readiness gap.
    let mut shares = vec![8; 20];
    shares[19] += 1;
    assert_eq!(per_plan, shares);
    let carried: Vec<(String, String)> = sqlx::query_as(
        "SELECT op.ends_on, np.starts_on FROM goals g
         JOIN goals o ON o.id = g.carried_from_goal_id
         JOIN plans op ON op.id = o.plan_id JOIN plans np ON np.id = g.plan_id",
    )
    .fetch_all(&t.pool)
    .await
    .unwrap();
    assert!(
        carried.len() >= 19,
        "most quarters carry goals: {}",
        carried.len()
    );
    for (old_end, new_start) in &carried {
        let next_day = day(old_end).succ_opt().unwrap().to_string();
        assert_eq!(&next_day, new_start, "carried into the following quarter");
    }
    let fresh = 20 * 8 - carried.len() as i64;
    assert_eq!(common::count(&t.pool, "check_ins").await, fresh * 2);
    assert_eq!(
        common::count(&t.pool, "self_assessments").await,
        20 * 7 + 19 * 7
    );
    // Two 1:1s a quarter, all prepared and held up to today; later ones still scheduled.
    let meetings: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, count(*) FROM one_on_ones GROUP BY status ORDER BY status")
            .fetch_all(&t.pool)
            .await
            .unwrap();
    assert_eq!(meetings.iter().map(|(_, n)| n).sum::<i64>(), 40);
    assert!(meetings
        .iter()
        .all(|(s, _)| s == "held" || s == "scheduled"));
    let unprepared: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM one_on_ones WHERE status = 'held' AND prepared_on IS NULL",
    )
    .fetch_one(&t.pool)
    .await
    .unwrap();
    assert_eq!(unprepared, 0);
    assert!(common::count(&t.pool, "agenda_items").await >= 40 * 2);
    // Five conversations and two openings a quarter; only the current quarter's are open.
    assert_eq!(common::count(&t.pool, "conversations").await, 100);
    assert_eq!(common::count(&t.pool, "opportunities").await, 40);
    let open_outside_now: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM opportunities o JOIN plans p ON o.heard_on BETWEEN p.starts_on AND p.ends_on
         WHERE p.status = 'closed' AND o.stage NOT IN ('declined', 'not_selected', 'withdrawn')",
    )
    .fetch_one(&t.pool)
    .await
    .unwrap();
    assert_eq!(open_outside_now, 0, "past quarters' openings have ended");
    let history_in_order: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM opportunity_stages a JOIN opportunity_stages b
         ON a.opportunity_id = b.opportunity_id AND b.id > a.id WHERE b.changed_on < a.changed_on",
    )
    .fetch_one(&t.pool)
    .await
    .unwrap();
    assert_eq!(history_in_order, 0, "stage changes are dated in order");
}

#[tokio::test]
async fn the_generator_is_deterministic() {
    let a = common::db().await;
    let b = common::db().await;
    generator::generate(
        &a.pool,
        today(),
        Scale {
            plans: 3,
            goals_per_plan: 5,
            milestones_per_goal: 2,
            check_ins_per_goal: 2,
            wins_per_plan: 2,
            resources_per_plan: 1,
            entries_per_resource: 2,
            people: 3,
            requests_per_plan: 1,
            one_on_ones: 4,
            conversations_per_plan: 2,
            opportunities_per_plan: 1,
            expectations: 6,
        },
    )
    .await
    .unwrap();
    generator::generate(
        &b.pool,
        today(),
        Scale {
            plans: 3,
            goals_per_plan: 5,
            milestones_per_goal: 2,
            check_ins_per_goal: 2,
            wins_per_plan: 2,
            resources_per_plan: 1,
            entries_per_resource: 2,
            people: 3,
            requests_per_plan: 1,
            one_on_ones: 4,
            conversations_per_plan: 2,
            opportunities_per_plan: 1,
            expectations: 6,
        },
    )
    .await
    .unwrap();
    let strip = |ps: Vec<plans::Plan>| {
        ps.into_iter()
            .map(|p| (p.title, p.intent, p.starts_on, p.status, p.closed_on))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        strip(plans::list(&a.pool).await.unwrap()),
        strip(plans::list(&b.pool).await.unwrap())
    );
}
