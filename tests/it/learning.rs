use ladder_lib::infra::error::{AppError, ErrorKind};
use ladder_lib::infra::input;
use ladder_lib::learning::resources::{
    self, EntryInput, LearningStatus, ResourceFilter, ResourceInput, ResourceKind, ResourceSort,
    Unit,
};
use sqlx::SqlitePool;

use crate::common::{self, day, today};

fn course(title: &str, total: Option<f64>, unit: Unit) -> ResourceInput {
    ResourceInput {
        kind: Some(ResourceKind::Course),
        title: title.to_owned(),
        provider: Some("Coursely".into()),
        total_units: total,
        unit: Some(unit),
        ..Default::default()
    }
}

fn did(units: f64, on: &str) -> EntryInput {
    EntryInput {
        units: Some(units),
        on_date: Some(on.into()),
        minutes: Some(30),
        ..Default::default()
    }
}

async fn tables(pool: &SqlitePool) -> Vec<i64> {
    let mut v = Vec::new();
    for t in [
        "resources",
        "resource_goals",
        "progress_entries",
        "activity",
    ] {
        v.push(common::count(pool, t).await);
    }
    v
}

fn assert_invalid(err: AppError, field: &str) {
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::Invalid, Some(field)),
        "{err}"
    );
}

#[tokio::test]
async fn a_twelve_lesson_course_goes_from_planned_to_completed_through_its_log() {
    let t = common::db().await;
    let r = resources::create(
        &t.pool,
        course("People management basics", Some(12.0), Unit::Lessons),
        today(),
    )
    .await
    .unwrap();
    assert_eq!((r.status, r.percent), (LearningStatus::Planned, Some(0)));
    let r = resources::log_progress(&t.pool, r.id, did(3.0, "2026-11-02"), today())
        .await
        .unwrap();
    assert_eq!(
        (r.status, r.percent),
        (LearningStatus::InProgress, Some(25))
    );
    let r = resources::log_progress(&t.pool, r.id, did(3.0, "2026-11-09"), today())
        .await
        .unwrap();
    assert_eq!(r.percent, Some(50));
    let r = resources::log_progress(&t.pool, r.id, did(6.0, "2026-11-20"), today())
        .await
        .unwrap();
    assert_eq!(
        (r.status, r.percent, r.completed_on),
        (
            LearningStatus::Completed,
            Some(100),
            Some(day("2026-11-20"))
        )
    );
    assert_eq!((r.units_done, r.minutes_spent), (12.0, 90));
    let log = ladder_lib::infra::activity::for_entity(
        &t.pool,
        ladder_lib::infra::activity::Entity::Resource,
        r.id,
    )
    .await
    .unwrap();
    let completed: Vec<_> = log.iter().filter(|a| a.action == "completed").collect();
    assert_eq!(completed.len(), 1);
    assert_eq!(
        (completed[0].occurred_on, completed[0].summary.as_str()),
        (day("2026-11-20"), "Completed \"People management basics\"")
    );
}

#[tokio::test]
async fn saying_where_you_are_records_the_difference() {
    let t = common::db().await;
    let r = resources::create(&t.pool, course("Book", Some(300.0), Unit::Pages), today())
        .await
        .unwrap();
    resources::log_progress(&t.pool, r.id, did(40.0, "2026-11-01"), today())
        .await
        .unwrap();
    let at = EntryInput {
        at: Some(100.0),
        ..Default::default()
    };
    let r = resources::log_progress(&t.pool, r.id, at, today())
        .await
        .unwrap();
    let d = resources::detail(&t.pool, r.id).await.unwrap();
    assert_eq!(
        d.entries.iter().map(|e| e.units).collect::<Vec<_>>(),
        [40.0, 60.0]
    );
    assert_eq!(d.entries[1].on_date, today(), "today by default");
    assert_eq!(r.percent, Some(33));
    let back = EntryInput {
        at: Some(90.0),
        ..Default::default()
    };
    assert_invalid(
        resources::log_progress(&t.pool, r.id, back, today())
            .await
            .unwrap_err(),
        "at",
    );
}

#[tokio::test]
async fn countable_units_cannot_pass_the_total_but_hours_can() {
    let t = common::db().await;
    let lessons = resources::create(
        &t.pool,
        course("Lessons", Some(12.0), Unit::Lessons),
        today(),
    )
    .await
    .unwrap();
    resources::log_progress(&t.pool, lessons.id, did(10.0, "2026-11-01"), today())
        .await
        .unwrap();
    let before = tables(&t.pool).await;
    let err = resources::log_progress(&t.pool, lessons.id, did(3.0, "2026-11-02"), today())
        .await
        .unwrap_err();
    assert_invalid(err, "units");
    let err = resources::log_progress(
        &t.pool,
        lessons.id,
        EntryInput {
            at: Some(13.0),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap_err();
    assert_invalid(err, "at");
    assert_eq!(tables(&t.pool).await, before, "nothing written");

    let hours = resources::create(
        &t.pool,
        course("Workshop", Some(10.0), Unit::Hours),
        today(),
    )
    .await
    .unwrap();
    let r = resources::log_progress(&t.pool, hours.id, did(8.0, "2026-11-01"), today())
        .await
        .unwrap();
    assert_eq!(r.percent, Some(80));
    let r = resources::log_progress(&t.pool, hours.id, did(5.0, "2026-11-03"), today())
        .await
        .unwrap();
    assert_eq!(
        (r.units_done, r.percent, r.status),
        (13.0, Some(100), LearningStatus::Completed)
    );
}

#[tokio::test]
async fn editing_or_deleting_an_entry_recomputes_everything() {
    let t = common::db().await;
    let r = resources::create(
        &t.pool,
        course("Course", Some(12.0), Unit::Lessons),
        today(),
    )
    .await
    .unwrap();
    resources::log_progress(&t.pool, r.id, did(6.0, "2026-11-01"), today())
        .await
        .unwrap();
    resources::log_progress(&t.pool, r.id, did(6.0, "2026-11-08"), today())
        .await
        .unwrap();
    let d = resources::detail(&t.pool, r.id).await.unwrap();
    assert_eq!(d.resource.status, LearningStatus::Completed);

    let r = resources::edit_entry(&t.pool, d.entries[1].id, did(2.0, "2026-11-08"), today())
        .await
        .unwrap();
    assert_eq!(
        (r.status, r.percent, r.completed_on),
        (LearningStatus::InProgress, Some(67), None)
    );
    // The edited entry may grow again up to the total, not past it.
    let err = resources::edit_entry(&t.pool, d.entries[1].id, did(7.0, "2026-11-08"), today())
        .await
        .unwrap_err();
    assert_invalid(err, "units");
    let r = resources::delete_entry(&t.pool, d.entries[1].id, today())
        .await
        .unwrap();
    assert_eq!((r.units_done, r.percent), (6.0, Some(50)));
    let r = resources::delete_entry(&t.pool, d.entries[0].id, today())
        .await
        .unwrap();
    assert_eq!(
        (r.status, r.last_activity_on),
        (LearningStatus::Planned, None)
    );
}

#[tokio::test]
async fn completed_or_dropped_by_hand_overrides_the_log_until_cleared() {
    let t = common::db().await;
    let r = resources::create(&t.pool, course("Talk", None, Unit::Hours), today())
        .await
        .unwrap();
    assert_eq!(r.percent, None, "no total, no percentage");
    let r = resources::set_manual_status(&t.pool, r.id, Some(LearningStatus::Completed), today())
        .await
        .unwrap();
    assert_eq!(
        (r.status, r.percent, r.completed_on, r.manual),
        (LearningStatus::Completed, Some(100), Some(today()), true)
    );
    let r = resources::set_manual_status(&t.pool, r.id, Some(LearningStatus::Dropped), today())
        .await
        .unwrap();
    assert_eq!((r.status, r.completed_on), (LearningStatus::Dropped, None));
    let r = resources::set_manual_status(&t.pool, r.id, None, today())
        .await
        .unwrap();
    assert_eq!(r.status, LearningStatus::Planned);
    let err =
        resources::set_manual_status(&t.pool, r.id, Some(LearningStatus::InProgress), today())
            .await
            .unwrap_err();
    assert_invalid(err, "status");
}

#[tokio::test]
async fn bad_resources_and_entries_are_refused_at_their_field() {
    let t = common::db().await;
    let r = resources::create(
        &t.pool,
        course("Course", Some(12.0), Unit::Lessons),
        today(),
    )
    .await
    .unwrap();
    resources::log_progress(&t.pool, r.id, did(5.0, "2026-11-01"), today())
        .await
        .unwrap();
    let before = tables(&t.pool).await;
    let cases: Vec<(ResourceInput, &str)> = vec![
        (course(" ", None, Unit::Lessons), "title"),
        (
            ResourceInput {
                url: Some("javascript:alert(1)".into()),
                ..course("C", None, Unit::Lessons)
            },
            "url",
        ),
        (
            ResourceInput {
                url: Some("file:///etc/hosts".into()),
                ..course("C", None, Unit::Lessons)
            },
            "url",
        ),
        (
            ResourceInput {
                certificate_url: Some("ftp://x".into()),
                ..course("C", None, Unit::Lessons)
            },
            "certificateUrl",
        ),
        (course("C", Some(-3.0), Unit::Lessons), "totalUnits"),
        (course("C", Some(0.0), Unit::Lessons), "totalUnits"),
        (course("C", Some(f64::NAN), Unit::Lessons), "totalUnits"),
        (
            ResourceInput {
                focus_area_id: Some(12),
                ..course("C", None, Unit::Lessons)
            },
            "focusAreaId",
        ),
        (
            ResourceInput {
                goal_ids: Some(vec![5]),
                ..course("C", None, Unit::Lessons)
            },
            "goalIds",
        ),
        (
            ResourceInput {
                target_on: Some("soon".into()),
                ..course("C", None, Unit::Lessons)
            },
            "targetOn",
        ),
    ];
    for (input, field) in cases {
        assert_invalid(
            resources::create(&t.pool, input, today())
                .await
                .unwrap_err(),
            field,
        );
    }
    let shrink = resources::update(
        &t.pool,
        r.id,
        course("Course", Some(4.0), Unit::Lessons),
        today(),
    )
    .await
    .unwrap_err();
    assert_invalid(shrink, "totalUnits");
    let entries: Vec<(EntryInput, &str)> = vec![
        (did(-1.0, "2026-11-02"), "units"),
        (did(f64::INFINITY, "2026-11-02"), "units"),
        (did(1.0, "2026-11-27"), "onDate"),
        (
            EntryInput {
                minutes: Some(1_441),
                ..did(1.0, "2026-11-02")
            },
            "minutes",
        ),
        (
            EntryInput {
                at: Some(6.0),
                ..did(1.0, "2026-11-02")
            },
            "at",
        ),
        (EntryInput::default(), "units"),
    ];
    for (input, field) in entries {
        assert_invalid(
            resources::log_progress(&t.pool, r.id, input, today())
                .await
                .unwrap_err(),
            field,
        );
    }
    assert_eq!(tables(&t.pool).await, before, "nothing written");
    let err = input::parse::<ResourceInput>(serde_json::json!({"title": "x", "kind": "lecture"}))
        .unwrap_err();
    assert_invalid(err, "kind");
    let err = input::parse::<EntryInput>(serde_json::json!({"units": "three"})).unwrap_err();
    assert_invalid(err, "units");
}

#[tokio::test]
async fn the_library_filters_and_sorts() {
    let t = common::db().await;
    let a = resources::create(
        &t.pool,
        ResourceInput {
            target_on: Some("2027-02-01".into()),
            ..course("Beta", Some(5.0), Unit::Lessons)
        },
        today(),
    )
    .await
    .unwrap();
    let b = resources::create(
        &t.pool,
        ResourceInput {
            kind: Some(ResourceKind::Book),
            target_on: Some("2026-12-01".into()),
            ..course("alpha", Some(100.0), Unit::Pages)
        },
        today(),
    )
    .await
    .unwrap();
    resources::log_progress(&t.pool, a.id, did(1.0, "2026-11-20"), today())
        .await
        .unwrap();
    let ids = |v: Vec<ladder_lib::learning::resources::Resource>| {
        v.into_iter().map(|r| r.id).collect::<Vec<_>>()
    };
    let by = |sort| ResourceFilter {
        sort: Some(sort),
        ..Default::default()
    };
    assert_eq!(
        ids(resources::list(&t.pool, by(ResourceSort::Title))
            .await
            .unwrap()),
        [b.id, a.id]
    );
    assert_eq!(
        ids(resources::list(&t.pool, by(ResourceSort::Target))
            .await
            .unwrap()),
        [b.id, a.id]
    );
    assert_eq!(
        ids(resources::list(&t.pool, by(ResourceSort::Recent))
            .await
            .unwrap()),
        [a.id, b.id]
    );
    let in_progress = ResourceFilter {
        status: Some(LearningStatus::InProgress),
        ..Default::default()
    };
    assert_eq!(
        ids(resources::list(&t.pool, in_progress).await.unwrap()),
        [a.id]
    );
    let books = ResourceFilter {
        kind: Some(ResourceKind::Book),
        ..Default::default()
    };
    assert_eq!(ids(resources::list(&t.pool, books).await.unwrap()), [b.id]);
}

#[tokio::test]
async fn history_counts_completions_per_quarter_and_minutes_per_week() {
    let t = common::db().await;
    let a = resources::create(&t.pool, course("A", Some(1.0), Unit::Lessons), today())
        .await
        .unwrap();
    let b = resources::create(&t.pool, course("B", Some(1.0), Unit::Lessons), today())
        .await
        .unwrap();
    let c = resources::create(&t.pool, course("C", Some(10.0), Unit::Lessons), today())
        .await
        .unwrap();
    resources::log_progress(
        &t.pool,
        a.id,
        EntryInput {
            minutes: Some(45),
            ..did(1.0, "2026-11-23")
        },
        today(),
    )
    .await
    .unwrap();
    resources::log_progress(
        &t.pool,
        b.id,
        EntryInput {
            minutes: Some(20),
            ..did(1.0, "2026-08-10")
        },
        today(),
    )
    .await
    .unwrap();
    resources::log_progress(
        &t.pool,
        c.id,
        EntryInput {
            minutes: Some(15),
            ..did(1.0, "2026-11-26")
        },
        today(),
    )
    .await
    .unwrap();
    resources::log_progress(
        &t.pool,
        c.id,
        EntryInput {
            minutes: Some(60),
            ..did(1.0, "2026-11-16")
        },
        today(),
    )
    .await
    .unwrap();

    let h = ladder_lib::learning::history::history(&t.pool, today(), 1)
        .await
        .unwrap();
    assert_eq!(h.completed_per_quarter.len(), 8);
    let last_two: Vec<(&str, i64)> = h.completed_per_quarter[6..]
        .iter()
        .map(|q| (q.label.as_str(), q.completed))
        .collect();
    assert_eq!(last_two, [("Q3 2026", 1), ("Q4 2026", 1)]);
    assert_eq!(h.completed_per_quarter[0].label, "Q1 2025");
    assert_eq!(h.minutes_per_week.len(), 12);
    let last = h.minutes_per_week.last().unwrap();
    assert_eq!(
        (last.week_of, last.minutes),
        (day("2026-11-23"), 60),
        "45 on Monday + 15 on Thursday"
    );
    assert_eq!(h.minutes_per_week[10].minutes, 60);
    assert_eq!(
        h.minutes_per_week.iter().map(|w| w.minutes).sum::<i64>(),
        120,
        "August is outside the twelve weeks"
    );
}

#[tokio::test]
async fn the_library_comes_a_page_at_a_time() {
    let t = common::db().await;
    for i in 0..5 {
        resources::create(
            &t.pool,
            course(&format!("Course {i}"), None, Unit::Lessons),
            today(),
        )
        .await
        .unwrap();
    }
    let page = |offset| ResourceFilter {
        sort: Some(ResourceSort::Title),
        limit: Some(2),
        offset: Some(offset),
        ..Default::default()
    };
    let titles = |v: Vec<ladder_lib::learning::resources::Resource>| {
        v.into_iter().map(|r| r.title).collect::<Vec<_>>()
    };
    assert_eq!(
        titles(resources::list(&t.pool, page(0)).await.unwrap()),
        ["Course 0", "Course 1"]
    );
    assert_eq!(
        titles(resources::list(&t.pool, page(4)).await.unwrap()),
        ["Course 4"]
    );
    assert_eq!(
        resources::list(&t.pool, ResourceFilter::default())
            .await
            .unwrap()
            .len(),
        5,
        "100 by default"
    );
}

#[tokio::test]
async fn the_goal_panel_lists_the_resources_linked_to_the_goal() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = ladder_lib::planning::goals::create(
        &t.pool,
        plan.id,
        common::done_goal("Grow as a manager", 2),
        today(),
    )
    .await
    .unwrap();
    let input = ResourceInput {
        goal_ids: Some(vec![goal.id, goal.id]),
        ..course("Course", Some(4.0), Unit::Lessons)
    };
    let r = resources::create(&t.pool, input, today()).await.unwrap();
    resources::log_progress(&t.pool, r.id, did(1.0, "2026-11-20"), today())
        .await
        .unwrap();
    let d = ladder_lib::views::goal_detail::detail(&t.pool, goal.id, today())
        .await
        .unwrap();
    assert_eq!(
        d.resources
            .iter()
            .map(|r| (r.title.as_str(), r.percent))
            .collect::<Vec<_>>(),
        [("Course", Some(25))]
    );
    assert_eq!(
        resources::detail(&t.pool, r.id).await.unwrap().goal_ids,
        [goal.id]
    );
    // Deleting the goal unlinks the resource and keeps it.
    ladder_lib::planning::goals::delete(&t.pool, goal.id, today())
        .await
        .unwrap();
    assert!(resources::detail(&t.pool, r.id)
        .await
        .unwrap()
        .goal_ids
        .is_empty());
}
