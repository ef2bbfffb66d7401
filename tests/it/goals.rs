use ladder_lib::infra::activity::{self, Entity};
use ladder_lib::infra::error::{AppError, ErrorKind};
use ladder_lib::planning::goals::{self, GoalInput, GoalStatus, MeasureKind, Priority};
use ladder_lib::planning::plans;

use crate::common::{
    self, day, done_goal, goal_tables, metric_goal, today, LEADERSHIP_QUALITIES, PERFORMANCE,
};

fn assert_invalid(err: AppError, field: &str) {
    assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
    assert_eq!(err.field(), Some(field), "{err}");
}

#[tokio::test]
async fn a_goal_takes_sensible_defaults() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        done_goal("  Run the weekly ops review  ", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    assert_eq!(goal.title, "Run the weekly ops review");
    assert_eq!(
        (goal.status, goal.priority, goal.measure),
        (GoalStatus::NotStarted, Priority::Medium, MeasureKind::Done)
    );
    assert_eq!(goal.progress_pct, Some(0));
    let log = activity::for_entity(&t.pool, Entity::Goal, goal.id)
        .await
        .unwrap();
    assert_eq!(log[0].summary, "Added goal \"Run the weekly ops review\"");
}

#[tokio::test]
async fn a_goal_keeps_its_tags_links_and_due_date() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let communication: i64 =
        sqlx::query_scalar("SELECT id FROM facets WHERE name = 'Communication'")
            .fetch_one(&t.pool)
            .await
            .unwrap();
    let ownership: i64 = sqlx::query_scalar("SELECT id FROM principles WHERE name = 'Ownership'")
        .fetch_one(&t.pool)
        .await
        .unwrap();
    let input = GoalInput {
        why: Some("My manager named it in my review.".into()),
        due_on: Some("2026-12-15".into()),
        priority: Some(Priority::High),
        facet_ids: Some(vec![communication, communication]),
        principle_ids: Some(vec![ownership]),
        links: Some(vec![
            "https://wiki.example.com/ops-review".into(),
            "  ".into(),
        ]),
        ..done_goal("Present the ops review", LEADERSHIP_QUALITIES)
    };
    let goal = goals::create(&t.pool, plan.id, input, today())
        .await
        .unwrap();
    let d = ladder_lib::views::goal_detail::detail(&t.pool, goal.id, today())
        .await
        .unwrap();
    assert_eq!(d.facet_ids, vec![communication], "duplicates collapse");
    assert_eq!(d.principle_ids, vec![ownership]);
    assert_eq!(d.links, vec!["https://wiki.example.com/ops-review"]);
    assert_eq!(d.goal.due_on, Some(day("2026-12-15")));

    // An update that sends only the title keeps everything else; an empty due date clears it.
    let edited = goals::update(
        &t.pool,
        goal.id,
        GoalInput {
            due_on: Some(String::new()),
            ..done_goal("Present the ops review monthly", LEADERSHIP_QUALITIES)
        },
        today(),
    )
    .await
    .unwrap();
    assert_eq!(edited.due_on, None);
    assert_eq!(edited.priority, Priority::High);
    let d = ladder_lib::views::goal_detail::detail(&t.pool, goal.id, today())
        .await
        .unwrap();
    assert_eq!((d.facet_ids.len(), d.links.len()), (1, 1));

    // Moving to another area drops the facets that belonged to the old one.
    goals::update(
        &t.pool,
        goal.id,
        done_goal("Present the ops review monthly", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    assert!(
        ladder_lib::views::goal_detail::detail(&t.pool, goal.id, today())
            .await
            .unwrap()
            .facet_ids
            .is_empty()
    );
}

#[tokio::test]
async fn metric_goals_need_a_name_a_baseline_and_a_different_target() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let before = goal_tables(&t.pool).await;
    let no_target = GoalInput {
        target: None,
        ..metric_goal("Cut defects", PERFORMANCE, 20.0, 5.0)
    };
    assert_invalid(
        goals::create(&t.pool, plan.id, no_target, today())
            .await
            .unwrap_err(),
        "target",
    );
    let same = metric_goal("Cut defects", PERFORMANCE, 20.0, 20.0);
    assert_invalid(
        goals::create(&t.pool, plan.id, same, today())
            .await
            .unwrap_err(),
        "target",
    );
    let no_name = GoalInput {
        metric_name: None,
        ..metric_goal("Cut defects", PERFORMANCE, 20.0, 5.0)
    };
    assert_invalid(
        goals::create(&t.pool, plan.id, no_name, today())
            .await
            .unwrap_err(),
        "metricName",
    );
    let no_baseline = GoalInput {
        baseline: None,
        ..metric_goal("Cut defects", PERFORMANCE, 20.0, 5.0)
    };
    assert_invalid(
        goals::create(&t.pool, plan.id, no_baseline, today())
            .await
            .unwrap_err(),
        "baseline",
    );
    let nan = metric_goal("Cut defects", PERFORMANCE, f64::NAN, 5.0);
    assert_invalid(
        goals::create(&t.pool, plan.id, nan, today())
            .await
            .unwrap_err(),
        "baseline",
    );
    assert_eq!(goal_tables(&t.pool).await, before, "nothing written");
}

#[tokio::test]
async fn bad_goal_fields_are_refused_at_their_field() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let exceeding_kpis: i64 =
        sqlx::query_scalar("SELECT id FROM facets WHERE name = 'Exceeding KPIs'")
            .fetch_one(&t.pool)
            .await
            .unwrap();
    let before = goal_tables(&t.pool).await;
    let cases: Vec<(GoalInput, &str)> = vec![
        (done_goal("", PERFORMANCE), "title"),
        (done_goal(&"x".repeat(201), PERFORMANCE), "title"),
        (done_goal("Valid", 99), "focusAreaId"),
        (
            GoalInput {
                why: Some("w".repeat(20_001)),
                ..done_goal("Valid", PERFORMANCE)
            },
            "why",
        ),
        (
            GoalInput {
                facet_ids: Some(vec![exceeding_kpis]),
                ..done_goal("Valid", LEADERSHIP_QUALITIES)
            },
            "facetIds",
        ),
        (
            GoalInput {
                principle_ids: Some(vec![999]),
                ..done_goal("Valid", PERFORMANCE)
            },
            "principleIds",
        ),
        (
            GoalInput {
                links: Some(vec!["javascript:alert(1)".into()]),
                ..done_goal("Valid", PERFORMANCE)
            },
            "links",
        ),
        (
            GoalInput {
                due_on: Some("2026-13-01".into()),
                ..done_goal("Valid", PERFORMANCE)
            },
            "dueOn",
        ),
    ];
    for (input, field) in cases {
        let err = goals::create(&t.pool, plan.id, input, today())
            .await
            .unwrap_err();
        assert_invalid(err, field);
    }
    let err = goals::create(&t.pool, 4242, done_goal("Valid", PERFORMANCE), today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(goal_tables(&t.pool).await, before, "nothing written");
}

#[tokio::test]
async fn status_changes_are_logged() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        done_goal("Mentor two engineers", LEADERSHIP_QUALITIES),
        today(),
    )
    .await
    .unwrap();
    let done = goals::set_status(&t.pool, goal.id, GoalStatus::Done, today())
        .await
        .unwrap();
    assert_eq!(done.progress_pct, Some(100));
    let dropped = goals::set_status(&t.pool, goal.id, GoalStatus::Dropped, today())
        .await
        .unwrap();
    assert_eq!(dropped.progress_pct, None);
    let summaries: Vec<String> = activity::for_entity(&t.pool, Entity::Goal, goal.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.action == "status")
        .map(|a| a.summary)
        .collect();
    assert_eq!(
        summaries,
        [
            "Goal \"Mentor two engineers\": not started → done",
            "Goal \"Mentor two engineers\": done → dropped"
        ]
    );
}

#[tokio::test]
async fn deleting_a_goal_takes_its_milestones_and_check_ins() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        metric_goal("Cut defects", PERFORMANCE, 20.0, 5.0),
        today(),
    )
    .await
    .unwrap();
    let keep = goals::create(&t.pool, plan.id, done_goal("Keep me", PERFORMANCE), today())
        .await
        .unwrap();
    for title in ["Triage", "Fix top 5"] {
        crate::milestones::add_named(&t.pool, goal.id, title).await;
    }
    crate::milestones::add_named(&t.pool, keep.id, "Mine").await;
    crate::checkins::check_in(&t.pool, goal.id, "2026-11-01", Some(15.0)).await;
    let impact = goals::delete(&t.pool, goal.id, today()).await.unwrap();
    assert_eq!(impact.contents, "2 milestones and 1 check-in");
    assert_eq!(
        common::count(&t.pool, "milestones").await,
        1,
        "the other goal's milestone stays"
    );
    assert_eq!(common::count(&t.pool, "check_ins").await, 0);
    assert_eq!(common::count(&t.pool, "goal_links").await, 0);
}

#[tokio::test]
async fn deleting_a_plan_takes_its_goals_and_says_how_many() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        metric_goal("Cut defects", PERFORMANCE, 20.0, 5.0),
        today(),
    )
    .await
    .unwrap();
    crate::milestones::add_named(&t.pool, goal.id, "Triage").await;
    crate::checkins::check_in(&t.pool, goal.id, "2026-11-01", Some(15.0)).await;
    crate::checkins::check_in(&t.pool, goal.id, "2026-11-08", Some(12.0)).await;
    let impact = plans::impact(&t.pool, plan.id).await.unwrap();
    assert_eq!(
        (impact.goals, impact.milestones, impact.check_ins),
        (1, 1, 2)
    );
    plans::delete(&t.pool, plan.id, today()).await.unwrap();
    for table in ["goals", "milestones", "check_ins"] {
        assert_eq!(
            common::count(&t.pool, table).await,
            0,
            "{table} should cascade"
        );
    }
    let log = activity::for_entity(&t.pool, Entity::Plan, plan.id)
        .await
        .unwrap();
    assert_eq!(
        log.last().unwrap().summary,
        "Deleted plan \"Q4\" with 1 goals, 1 milestones and 2 check-ins"
    );
}

#[tokio::test]
async fn a_closed_plan_refuses_every_change() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q3").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        metric_goal("Cut defects", PERFORMANCE, 20.0, 5.0),
        today(),
    )
    .await
    .unwrap();
    let m = crate::milestones::add_named(&t.pool, goal.id, "Triage").await;
    plans::close(&t.pool, plan.id, today()).await.unwrap();
    let before = goal_tables(&t.pool).await;

    let conflicts = [
        goals::create(&t.pool, plan.id, done_goal("Late", PERFORMANCE), today())
            .await
            .err(),
        goals::update(&t.pool, goal.id, done_goal("Renamed", PERFORMANCE), today())
            .await
            .err(),
        goals::set_status(&t.pool, goal.id, GoalStatus::Done, today())
            .await
            .err(),
        goals::delete(&t.pool, goal.id, today()).await.err(),
        ladder_lib::planning::milestones::add(
            &t.pool,
            goal.id,
            crate::milestones::named("New"),
            today(),
        )
        .await
        .err(),
        ladder_lib::planning::milestones::set_done(&t.pool, m.id, true, today())
            .await
            .err(),
        ladder_lib::planning::milestones::delete(&t.pool, m.id, today())
            .await
            .err(),
        ladder_lib::planning::checkins::add(
            &t.pool,
            goal.id,
            crate::checkins::reading("2026-11-20", Some(9.0)),
            today(),
        )
        .await
        .err(),
        ladder_lib::planning::assessments::save_opening(&t.pool, plan.id, vec![])
            .await
            .err(),
    ];
    for err in conflicts {
        let err = err.expect("a change to a closed plan should be refused");
        assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
        assert!(err.to_string().contains("closed"), "{err}");
    }
    assert_eq!(goal_tables(&t.pool).await, before, "nothing written");
}
