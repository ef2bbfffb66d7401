use ladder_lib::framework::settings::{self, SettingsInput};
use ladder_lib::infra::activity::{self, Entity};
use ladder_lib::infra::error::{AppError, ErrorKind};
use ladder_lib::infra::input;
use ladder_lib::planning::plans::{self, PlanInput, PlanStatus};
use serde_json::json;
use sqlx::SqlitePool;

use crate::common::{self, day, today};

fn titled(title: &str) -> PlanInput {
    PlanInput {
        title: title.to_owned(),
        ..PlanInput::default()
    }
}

fn quarter(title: &str, starts: &str, ends: &str) -> PlanInput {
    PlanInput {
        title: title.to_owned(),
        intent: None,
        starts_on: Some(starts.to_owned()),
        ends_on: Some(ends.to_owned()),
    }
}

/// Rows in the tables a plan write touches, to prove a refused write left nothing behind.
async fn snapshot(pool: &SqlitePool) -> (i64, i64, Vec<(i64, String, String)>) {
    let rows = sqlx::query_as("SELECT id, title, status FROM plans ORDER BY id")
        .fetch_all(pool)
        .await
        .unwrap();
    (
        common::count(pool, "plans").await,
        common::count(pool, "activity").await,
        rows,
    )
}

fn assert_invalid(err: AppError, field: &str) {
    assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
    assert_eq!(err.field(), Some(field), "{err}");
}

#[tokio::test]
async fn a_new_plan_defaults_to_the_current_quarter_and_the_first_starts_active() {
    let t = common::db().await;
    let plan = plans::create(&t.pool, titled("  Q4 push  "), today())
        .await
        .unwrap();
    assert_eq!(plan.title, "Q4 push", "titles are trimmed");
    assert_eq!(plan.starts_on, day("2026-10-01"));
    assert_eq!(plan.ends_on, day("2026-12-31"));
    assert_eq!(
        plan.status,
        PlanStatus::Active,
        "the first plan for the current period needs no \"Make active\""
    );
    assert_eq!(plan.intent, "");

    let log = activity::for_entity(&t.pool, Entity::Plan, plan.id)
        .await
        .unwrap();
    let actions: Vec<_> = log.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(actions, ["created", "activated"]);
    assert!(log.iter().all(|a| a.occurred_on == today()));
}

async fn status_of_new(pool: &SqlitePool, starts: &str, ends: &str) -> PlanStatus {
    plans::create(pool, quarter(starts, starts, ends), today())
        .await
        .unwrap()
        .status
}

#[tokio::test]
async fn a_plan_starts_active_only_when_its_period_holds_today() {
    // today() is 2026-11-26.
    for (starts, ends, expected) in [
        ("2026-07-01", "2026-09-30", PlanStatus::Draft),
        ("2026-07-01", "2026-11-25", PlanStatus::Draft),
        ("2026-11-27", "2027-02-28", PlanStatus::Draft),
        ("2027-01-01", "2027-03-31", PlanStatus::Draft),
        ("2026-11-26", "2026-11-26", PlanStatus::Active),
        ("2026-07-01", "2026-11-26", PlanStatus::Active),
        ("2026-11-26", "2027-02-28", PlanStatus::Active),
    ] {
        let t = common::db().await;
        let status = status_of_new(&t.pool, starts, ends).await;
        assert_eq!(status, expected, "a plan from {starts} to {ends}");
        let activated: i64 =
            sqlx::query_scalar("SELECT count(*) FROM activity WHERE action = 'activated'")
                .fetch_one(&t.pool)
                .await
                .unwrap();
        assert_eq!(activated, i64::from(expected == PlanStatus::Active));
    }
}

#[tokio::test]
async fn a_plan_made_while_another_is_active_stays_a_draft() {
    let t = common::db().await;
    let first = plans::create(&t.pool, titled("First"), today())
        .await
        .unwrap();
    assert_eq!(first.status, PlanStatus::Active);
    let second = plans::create(&t.pool, titled("Second"), today())
        .await
        .unwrap();
    assert_eq!(second.status, PlanStatus::Draft, "the active plan is kept");
    assert_eq!(
        plans::get(&t.pool, first.id).await.unwrap().status,
        PlanStatus::Active
    );

    // A past plan the user adds later does not take the slot either, even once it is free.
    plans::set_status(&t.pool, first.id, PlanStatus::Draft, today())
        .await
        .unwrap();
    let past = status_of_new(&t.pool, "2026-04-01", "2026-06-30").await;
    assert_eq!(past, PlanStatus::Draft);
    // With the slot free, the next plan for today does.
    let third = plans::create(&t.pool, titled("Third"), today())
        .await
        .unwrap();
    assert_eq!(third.status, PlanStatus::Active);
}

#[tokio::test]
async fn a_closed_plan_does_not_keep_the_next_one_from_starting_active() {
    let t = common::db().await;
    let old = plans::create(&t.pool, quarter("Q3", "2026-07-01", "2026-09-30"), today())
        .await
        .unwrap();
    plans::set_status(&t.pool, old.id, PlanStatus::Active, today())
        .await
        .unwrap();
    plans::close(&t.pool, old.id, today()).await.unwrap();
    let next = plans::create(&t.pool, titled("Q4"), today()).await.unwrap();
    assert_eq!(next.status, PlanStatus::Active);
}

#[tokio::test]
async fn defaults_follow_the_fiscal_year_setting() {
    let t = common::db().await;
    let d = plans::defaults(&t.pool, today()).await.unwrap();
    assert_eq!(d.title, "Q4 2026");
    settings::update(
        &t.pool,
        SettingsInput {
            fiscal_year_start_month: Some(2),
            ..SettingsInput::default()
        },
    )
    .await
    .unwrap();
    let d = plans::defaults(&t.pool, today()).await.unwrap();
    assert_eq!(
        (d.starts_on, d.ends_on),
        (day("2026-11-01"), day("2027-01-31"))
    );
    assert_eq!(d.title, "Q4 2027");
}

#[tokio::test]
async fn the_list_shows_the_active_plan_first_then_the_newest() {
    let t = common::db().await;
    let old = plans::create(&t.pool, quarter("Old", "2026-01-01", "2026-03-31"), today())
        .await
        .unwrap();
    let mid = plans::create(&t.pool, quarter("Mid", "2026-04-01", "2026-06-30"), today())
        .await
        .unwrap();
    let new = plans::create(&t.pool, quarter("New", "2026-07-01", "2026-09-30"), today())
        .await
        .unwrap();
    plans::set_status(&t.pool, old.id, PlanStatus::Active, today())
        .await
        .unwrap();
    let ids: Vec<i64> = plans::list(&t.pool)
        .await
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ids, vec![old.id, new.id, mid.id]);
}

#[tokio::test]
async fn editing_changes_what_was_sent_and_keeps_the_rest() {
    let t = common::db().await;
    let plan = plans::create(
        &t.pool,
        PlanInput {
            intent: Some("Lead the migration".into()),
            ..titled("Q4")
        },
        today(),
    )
    .await
    .unwrap();
    let edited = plans::update(
        &t.pool,
        plan.id,
        PlanInput {
            ends_on: Some("2027-01-15".into()),
            ..titled("Q4, stretched")
        },
        today(),
    )
    .await
    .unwrap();
    assert_eq!(edited.title, "Q4, stretched");
    assert_eq!(
        edited.intent, "Lead the migration",
        "an absent intent is kept"
    );
    assert_eq!(edited.starts_on, day("2026-10-01"));
    assert_eq!(edited.ends_on, day("2027-01-15"));
    assert_eq!(
        plans::get(&t.pool, plan.id).await.unwrap().title,
        "Q4, stretched"
    );
    let actions: Vec<String> = activity::for_entity(&t.pool, Entity::Plan, plan.id)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(actions, ["created", "activated", "edited"]);
}

#[tokio::test]
async fn only_one_plan_can_be_active() {
    let t = common::db().await;
    let a = plans::create(&t.pool, titled("A"), today()).await.unwrap();
    let b = plans::create(&t.pool, titled("B"), today()).await.unwrap();
    plans::set_status(&t.pool, a.id, PlanStatus::Active, today())
        .await
        .unwrap();
    let before = snapshot(&t.pool).await;

    let err = plans::set_status(&t.pool, b.id, PlanStatus::Active, today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(err.field(), Some("status"));
    assert!(
        err.to_string().contains("\"A\" is already the active plan"),
        "{err}"
    );
    assert_eq!(snapshot(&t.pool).await, before, "nothing written");

    // Moving A back to draft frees the slot.
    plans::set_status(&t.pool, a.id, PlanStatus::Draft, today())
        .await
        .unwrap();
    let b = plans::set_status(&t.pool, b.id, PlanStatus::Active, today())
        .await
        .unwrap();
    assert_eq!(b.status, PlanStatus::Active);
}

#[tokio::test]
async fn the_database_itself_refuses_a_second_active_plan() {
    let t = common::db().await;
    let a = plans::create(&t.pool, titled("A"), today()).await.unwrap();
    let b = plans::create(&t.pool, titled("B"), today()).await.unwrap();
    plans::set_status(&t.pool, a.id, PlanStatus::Active, today())
        .await
        .unwrap();
    let raw = sqlx::query("UPDATE plans SET status = 'active' WHERE id = ?")
        .bind(b.id)
        .execute(&t.pool)
        .await;
    assert!(raw.is_err(), "the partial unique index should refuse it");
}

#[tokio::test]
async fn activating_an_active_plan_changes_nothing() {
    let t = common::db().await;
    let a = plans::create(&t.pool, titled("A"), today()).await.unwrap();
    plans::set_status(&t.pool, a.id, PlanStatus::Active, today())
        .await
        .unwrap();
    let before = snapshot(&t.pool).await;
    plans::set_status(&t.pool, a.id, PlanStatus::Active, today())
        .await
        .unwrap();
    assert_eq!(snapshot(&t.pool).await, before, "no second activity row");
}

#[tokio::test]
async fn deleting_a_plan_removes_it_and_keeps_its_history() {
    let t = common::db().await;
    let plan = plans::create(&t.pool, titled("Doomed"), today())
        .await
        .unwrap();
    plans::delete(&t.pool, plan.id, today()).await.unwrap();
    let err = plans::get(&t.pool, plan.id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let actions: Vec<String> = activity::for_entity(&t.pool, Entity::Plan, plan.id)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.summary)
        .collect();
    assert_eq!(
        actions,
        [
            "Created plan \"Doomed\"",
            "Made \"Doomed\" the active plan",
            "Deleted plan \"Doomed\" with 0 goals, 0 milestones and 0 check-ins"
        ]
    );
}

#[tokio::test]
async fn empty_or_blank_titles_are_refused() {
    let t = common::db().await;
    for title in ["", "   ", "\t\n"] {
        let err = plans::create(&t.pool, titled(title), today())
            .await
            .unwrap_err();
        assert_invalid(err, "title");
    }
    assert_eq!(snapshot(&t.pool).await.0, 0);
    assert_eq!(
        snapshot(&t.pool).await.1,
        0,
        "no activity for refused writes"
    );
}

#[tokio::test]
async fn over_long_titles_and_intents_are_refused() {
    let t = common::db().await;
    let err = plans::create(&t.pool, titled(&"x".repeat(201)), today())
        .await
        .unwrap_err();
    assert_invalid(err, "title");
    let exactly = plans::create(&t.pool, titled(&"x".repeat(200)), today())
        .await
        .unwrap();
    let before = snapshot(&t.pool).await;
    let long_intent = PlanInput {
        intent: Some("y".repeat(20_001)),
        ..titled("fine")
    };
    let err = plans::update(&t.pool, exactly.id, long_intent, today())
        .await
        .unwrap_err();
    assert_invalid(err, "intent");
    assert_eq!(snapshot(&t.pool).await, before);
}

#[tokio::test]
async fn a_plan_cannot_end_before_it_starts() {
    let t = common::db().await;
    let err = plans::create(
        &t.pool,
        quarter("Backwards", "2026-12-31", "2026-10-01"),
        today(),
    )
    .await
    .unwrap_err();
    assert_invalid(err, "endsOn");
    // Nor by moving only the start past the stored end.
    let plan = plans::create(&t.pool, titled("Q4"), today()).await.unwrap();
    let before = snapshot(&t.pool).await;
    let err = plans::update(
        &t.pool,
        plan.id,
        PlanInput {
            starts_on: Some("2027-02-01".into()),
            ..titled("Q4")
        },
        today(),
    )
    .await
    .unwrap_err();
    assert_invalid(err, "endsOn");
    assert_eq!(snapshot(&t.pool).await, before);
    assert_eq!(
        plans::get(&t.pool, plan.id).await.unwrap().starts_on,
        day("2026-10-01")
    );
}

#[tokio::test]
async fn malformed_and_out_of_range_dates_are_refused() {
    let t = common::db().await;
    for (starts, field) in [
        ("2026-02-30", "startsOn"),
        ("next monday", "startsOn"),
        ("1969-12-31", "startsOn"),
    ] {
        let err = plans::create(&t.pool, quarter("Q", starts, "2026-12-31"), today())
            .await
            .unwrap_err();
        assert_invalid(err, field);
    }
    let err = plans::create(&t.pool, quarter("Q", "2100-10-01", "2101-01-01"), today())
        .await
        .unwrap_err();
    assert_invalid(err, "endsOn");
    assert_eq!(snapshot(&t.pool).await.0, 0);
}

#[tokio::test]
async fn unknown_ids_are_not_found_and_write_nothing() {
    let t = common::db().await;
    plans::create(&t.pool, titled("Real"), today())
        .await
        .unwrap();
    let before = snapshot(&t.pool).await;
    let missing = 9_999;
    let errors = [
        plans::get(&t.pool, missing).await.unwrap_err(),
        plans::update(&t.pool, missing, titled("x"), today())
            .await
            .unwrap_err(),
        plans::set_status(&t.pool, missing, PlanStatus::Active, today())
            .await
            .unwrap_err(),
        plans::delete(&t.pool, missing, today()).await.unwrap_err(),
    ];
    for err in errors {
        assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
        assert!(err.to_string().contains("Plan 9999"), "{err}");
    }
    assert_eq!(snapshot(&t.pool).await, before);
}

#[tokio::test]
async fn unknown_fields_in_plan_input_are_refused_by_name() {
    let err = input::parse::<PlanInput>(json!({"title": "Q4", "owner": "me"})).unwrap_err();
    assert_invalid(err, "owner");
    let err = input::parse::<PlanInput>(json!({"title": 7})).unwrap_err();
    assert_invalid(err, "title");
    let ok = input::parse::<PlanInput>(json!({"title": "Q4", "startsOn": "2026-10-01"})).unwrap();
    assert_eq!(ok.starts_on.as_deref(), Some("2026-10-01"));
    // A status outside the enum is refused too.
    let err = input::parse::<PlanStatus>(json!("archived")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
}

#[tokio::test]
async fn closed_plans_are_read_only_and_cannot_be_closed_directly() {
    let t = common::db().await;
    let plan = plans::create(&t.pool, titled("Q3"), today()).await.unwrap();
    let err = plans::set_status(&t.pool, plan.id, PlanStatus::Closed, today())
        .await
        .unwrap_err();
    assert_invalid(err, "status");

    plans::close(&t.pool, plan.id, today()).await.unwrap();
    let before = snapshot(&t.pool).await;
    let err = plans::update(&t.pool, plan.id, titled("Rewritten"), today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    let err = plans::set_status(&t.pool, plan.id, PlanStatus::Active, today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(snapshot(&t.pool).await, before);
    let stored = plans::get(&t.pool, plan.id).await.unwrap();
    assert_eq!(
        (stored.status, stored.closed_on),
        (PlanStatus::Closed, Some(today()))
    );
}

#[tokio::test]
async fn check_constraints_back_the_rules() {
    let t = common::db().await;
    for sql in [
        "INSERT INTO plans (title, starts_on, ends_on) VALUES ('', '2026-01-01', '2026-03-31')",
        "INSERT INTO plans (title, starts_on, ends_on) VALUES (' padded ', '2026-01-01', '2026-03-31')",
        "INSERT INTO plans (title, starts_on, ends_on) VALUES ('Q', '2026-03-31', '2026-01-01')",
        "INSERT INTO plans (title, starts_on, ends_on) VALUES ('Q', '2026-02-30', '2026-03-31')",
        "INSERT INTO plans (title, starts_on, ends_on, status) VALUES ('Q', '2026-01-01', '2026-03-31', 'paused')",
    ] {
        assert!(sqlx::query(sql).execute(&t.pool).await.is_err(), "should be refused: {sql}");
    }
    assert_eq!(common::count(&t.pool, "plans").await, 0);
}
