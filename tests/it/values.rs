//! Values that make sense: numbers within ±10^12, no control characters in text (none at
//! all in a single line; line breaks and tabs only in notes), and a link kept once. Each
//! test feeds what a hostile or careless caller could send and checks the typed error at
//! the field and that nothing was written.

use ladder_lib::infra::error::{AppError, ErrorKind};
use ladder_lib::infra::input;
use ladder_lib::learning::resources::{self, EntryInput, ResourceInput};
use ladder_lib::one_on_ones::{agenda, schedule};
use ladder_lib::people::person::{self, PersonInput};
use ladder_lib::planning::checkins::{self, CheckInInput};
use ladder_lib::planning::goals::{self, GoalInput};
use ladder_lib::planning::plans::{self, PlanInput};
use ladder_lib::wins::win::{self, WinInput};
use serde_json::json;
use sqlx::SqlitePool;

use crate::common::{self, count, done_goal, goal_tables, metric_goal, today, PERFORMANCE};

#[track_caller]
fn refused_at<T: std::fmt::Debug>(result: Result<T, AppError>, field: &str) -> String {
    let err = result.expect_err(&format!("{field} should be refused"));
    assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
    assert_eq!(err.field(), Some(field), "{err}");
    err.to_string()
}

const TOO_BIG: f64 = 1e12 + 1.0;

#[tokio::test]
async fn goal_numbers_beyond_a_trillion_are_refused_at_their_field() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let before = goal_tables(&t.pool).await;
    let cases = [
        (metric_goal("Big", PERFORMANCE, TOO_BIG, 1.0), "baseline"),
        (metric_goal("Big", PERFORMANCE, 1.0, -1e13), "target"),
        (
            metric_goal("Big", PERFORMANCE, 0.0, f64::INFINITY),
            "target",
        ),
        (metric_goal("Big", PERFORMANCE, f64::NAN, 1.0), "baseline"),
    ];
    for (input, field) in cases {
        let message = refused_at(goals::create(&t.pool, plan.id, input, today()).await, field);
        assert!(
            message.contains("1,000,000,000,000") || message.contains("Enter a number"),
            "{message}"
        );
    }
    assert_eq!(goal_tables(&t.pool).await, before, "nothing was written");

    // The limit itself is a value like any other, and progress stays a number.
    let edge = goals::create(
        &t.pool,
        plan.id,
        metric_goal("Edge", PERFORMANCE, -1e12, 1e12),
        today(),
    )
    .await
    .expect("±10^12 is allowed");
    assert_eq!(edge.progress_pct, Some(0));
    let refused = goals::update(
        &t.pool,
        edge.id,
        GoalInput {
            target: Some(-1e13),
            ..metric_goal("Edge", PERFORMANCE, -1e12, 1e12)
        },
        today(),
    )
    .await;
    refused_at(refused, "target");
    let target: f64 = sqlx::query_scalar("SELECT target FROM goals WHERE id = ?")
        .bind(edge.id)
        .fetch_one(&t.pool)
        .await
        .unwrap();
    assert_eq!(target, 1e12, "the refused update changed nothing");

    let check_in = CheckInInput {
        value: Some(TOO_BIG),
        confidence: 3,
        ..Default::default()
    };
    refused_at(
        checkins::add(&t.pool, edge.id, check_in, today()).await,
        "value",
    );
    assert_eq!(count(&t.pool, "check_ins").await, 0);
}

#[tokio::test]
async fn win_impacts_and_course_units_beyond_a_trillion_are_refused() {
    let t = common::db().await;
    let impact = |before: Option<f64>, after: Option<f64>| WinInput {
        title: "Faster builds".into(),
        impact_metric: Some("Build time".into()),
        impact_unit: Some("s".into()),
        impact_before: before,
        impact_after: after,
        ..Default::default()
    };
    refused_at(
        win::create(&t.pool, impact(Some(-1e13), Some(1.0)), today()).await,
        "impactBefore",
    );
    refused_at(
        win::create(&t.pool, impact(Some(1.0), Some(TOO_BIG)), today()).await,
        "impactAfter",
    );
    assert_eq!(count(&t.pool, "achievements").await, 0);

    let course = |total: f64| ResourceInput {
        title: "Rust for leads".into(),
        total_units: Some(total),
        ..Default::default()
    };
    refused_at(
        resources::create(&t.pool, course(TOO_BIG), today()).await,
        "totalUnits",
    );
    assert_eq!(count(&t.pool, "resources").await, 0);
    let r = resources::create(&t.pool, course(1e12), today())
        .await
        .unwrap();
    let entry = |units: Option<f64>, at: Option<f64>| EntryInput {
        units,
        at,
        ..Default::default()
    };
    refused_at(
        resources::log_progress(&t.pool, r.id, entry(Some(TOO_BIG), None), today()).await,
        "units",
    );
    refused_at(
        resources::log_progress(&t.pool, r.id, entry(None, Some(1e15)), today()).await,
        "at",
    );
    assert_eq!(count(&t.pool, "progress_entries").await, 0);
}

/// JSON has no NaN or infinity: `1e309` does not parse (serde_json says "number out of
/// range" instead of rounding it to infinity), and JavaScript's `JSON.stringify` sends
/// both as `null`, which is "no value". What does arrive is checked by the rules above.
#[tokio::test]
async fn json_cannot_smuggle_an_infinite_number() {
    for text in [
        r#"{"baseline": 1e309}"#,
        r#"{"baseline": -1e309}"#,
        r#"{"baseline": NaN}"#,
    ] {
        let parsed = serde_json::from_str::<serde_json::Value>(text);
        assert!(parsed.is_err(), "{text} parsed as {parsed:?}");
    }
    assert_eq!(json!(f64::INFINITY), serde_json::Value::Null);

    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let sent = json!({
        "title": "Big", "focusAreaId": PERFORMANCE, "measure": "metric",
        "metricName": "Revenue", "baseline": 0, "target": 1e300
    });
    let input: GoalInput = input::parse(sent).expect("a well-formed goal");
    refused_at(
        goals::create(&t.pool, plan.id, input, today()).await,
        "target",
    );
}

async fn manager_meeting(pool: &SqlitePool) -> i64 {
    let dana = person::create(
        pool,
        PersonInput {
            name: "Dana Kim".into(),
            is_my_manager: Some(true),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let input = schedule::OneOnOneInput {
        person_id: Some(dana.id),
        meets_on: "2026-11-26".into(),
    };
    schedule::create(pool, input).await.unwrap().id
}

#[tokio::test]
async fn single_line_text_refuses_control_characters_everywhere() {
    let t = common::db().await;
    let plan_input = |title: &str| PlanInput {
        title: title.into(),
        ..Default::default()
    };
    refused_at(
        plans::create(&t.pool, plan_input("Q4\0"), today()).await,
        "title",
    );
    assert_eq!(count(&t.pool, "plans").await, 0);

    let plan = common::plan(&t.pool, "Q4").await;
    let before = goal_tables(&t.pool).await;
    let message = refused_at(
        goals::create(
            &t.pool,
            plan.id,
            done_goal("Ship\tit", PERFORMANCE),
            today(),
        )
        .await,
        "title",
    );
    assert!(message.contains("a tab"), "{message}");
    let mut unit = metric_goal("Defects", PERFORMANCE, 20.0, 5.0);
    unit.metric_unit = Some("\u{1b}[31mred".into());
    refused_at(
        goals::create(&t.pool, plan.id, unit, today()).await,
        "metricUnit",
    );
    let mut link = done_goal("Linked", PERFORMANCE);
    link.links = Some(vec!["https://e.com/\u{0}x".into()]);
    refused_at(
        goals::create(&t.pool, plan.id, link, today()).await,
        "links",
    );
    assert_eq!(goal_tables(&t.pool).await, before, "nothing was written");

    let named = |name: &str| PersonInput {
        name: name.into(),
        ..Default::default()
    };
    let message = refused_at(person::create(&t.pool, named("Dana\0Kim")).await, "name");
    assert!(message.contains("NUL"), "{message}");
    refused_at(person::create(&t.pool, named("Del\u{7f}")).await, "name");
    assert_eq!(count(&t.pool, "people").await, 0);

    let provider = ResourceInput {
        title: "Course".into(),
        provider: Some("Acme\u{7}".into()),
        ..Default::default()
    };
    refused_at(
        resources::create(&t.pool, provider, today()).await,
        "provider",
    );

    let meeting = manager_meeting(&t.pool).await;
    refused_at(
        agenda::add_item(&t.pool, meeting, "Raise\0this").await,
        "text",
    );
    assert_eq!(count(&t.pool, "agenda_items").await, 0);
}

#[tokio::test]
async fn notes_keep_line_breaks_and_tabs_but_refuse_other_controls() {
    let t = common::db().await;
    let meeting = manager_meeting(&t.pool).await;
    let saved = schedule::save_notes(&t.pool, meeting, "Agreed:\n\t- hiring plan")
        .await
        .unwrap();
    assert_eq!(saved.notes, "Agreed:\n\t- hiring plan");
    for bad in ["a\0b", "bell\u{7}", "esc\u{1b}"] {
        refused_at(schedule::save_notes(&t.pool, meeting, bad).await, "notes");
    }
    let notes: String = sqlx::query_scalar("SELECT notes FROM one_on_ones WHERE id = ?")
        .bind(meeting)
        .fetch_one(&t.pool)
        .await
        .unwrap();
    assert_eq!(
        notes, "Agreed:\n\t- hiring plan",
        "refused notes changed nothing"
    );
}

async fn links(pool: &SqlitePool, table: &str, owner: &str, id: i64) -> Vec<String> {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT url FROM {table} WHERE {owner} = ? ORDER BY id"
    )))
    .bind(id)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// The same link twice in one save is kept once (where it first appeared): a list of
/// links is a set, and refusing the save over a harmless copy would only cost the user a
/// search for it.
#[tokio::test]
async fn the_same_link_twice_is_kept_once() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let (a, b) = ("https://a.example/doc", "https://b.example/doc");
    let mut input = done_goal("Linked", PERFORMANCE);
    input.links = Some(vec![b.into(), a.into(), format!(" {b} ")]);
    let goal = goals::create(&t.pool, plan.id, input.clone(), today())
        .await
        .unwrap();
    assert_eq!(
        links(&t.pool, "goal_links", "goal_id", goal.id).await,
        [b, a]
    );
    input.links = Some(vec![a.into(), a.into()]);
    goals::update(&t.pool, goal.id, input, today())
        .await
        .unwrap();
    assert_eq!(links(&t.pool, "goal_links", "goal_id", goal.id).await, [a]);

    let w = win::create(
        &t.pool,
        WinInput {
            title: "Shipped".into(),
            links: Some(vec![a.into(), a.into(), b.into()]),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap();
    assert_eq!(
        links(&t.pool, "achievement_links", "achievement_id", w.id).await,
        [a, b]
    );
}
