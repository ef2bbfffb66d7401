use ladder_lib::generator::{self, Scale};
use ladder_lib::plans::{self, PlanStatus};

use crate::common::{self, day, today};

#[tokio::test]
async fn the_standard_set_is_five_years_of_quarterly_plans() {
    let t = common::db().await;
    generator::generate(&t.pool, today(), Scale::STANDARD)
        .await
        .unwrap();
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
}

#[tokio::test]
async fn the_generator_is_deterministic() {
    let a = common::db().await;
    let b = common::db().await;
    generator::generate(&a.pool, today(), Scale { plans: 6 })
        .await
        .unwrap();
    generator::generate(&b.pool, today(), Scale { plans: 6 })
        .await
        .unwrap();
    let strip = |ps: Vec<plans::Plan>| {
        ps.into_iter()
            .map(|p| (p.title, p.intent, p.starts_on, p.status))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        strip(plans::list(&a.pool).await.unwrap()),
        strip(plans::list(&b.pool).await.unwrap())
    );
}
