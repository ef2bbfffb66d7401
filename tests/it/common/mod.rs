//! Shared helpers: every test gets its own SQLite file in a temp dir, opened through the
//! same `connect` and migrations as the app.

use std::path::PathBuf;

use chrono::NaiveDate;
use sqlx::SqlitePool;
use tempfile::TempDir;

pub struct TestDb {
    pub pool: SqlitePool,
    pub path: PathBuf,
    // Held so the folder lives as long as the test.
    pub _dir: TempDir,
}

pub async fn db() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("data").join(ladder_lib::infra::db::DB_FILE);
    let pool = ladder_lib::infra::db::connect(&path)
        .await
        .expect("connect");
    TestDb {
        pool,
        path,
        _dir: dir,
    }
}

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a valid test date")
}

/// The day most tests pretend it is.
pub fn today() -> NaiveDate {
    day("2026-11-26")
}

pub async fn count(pool: &SqlitePool, table: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table}")))
        .fetch_one(pool)
        .await
        .expect("count rows")
}

/// The focus areas by id, as seeded.
pub const PERFORMANCE: i64 = 1;
pub const LEADERSHIP_QUALITIES: i64 = 2;
pub const NETWORKING: i64 = 5;

pub async fn plan(pool: &SqlitePool, title: &str) -> ladder_lib::planning::plans::Plan {
    ladder_lib::planning::plans::create(
        pool,
        ladder_lib::planning::plans::PlanInput {
            title: title.to_owned(),
            ..Default::default()
        },
        today(),
    )
    .await
    .expect("create a plan")
}

/// A plan for the current quarter kept a draft (a first plan for today starts active).
pub async fn draft_plan(pool: &SqlitePool, title: &str) -> ladder_lib::planning::plans::Plan {
    use ladder_lib::planning::plans::{self, PlanStatus};
    let created = plan(pool, title).await;
    plans::set_status(pool, created.id, PlanStatus::Draft, today())
        .await
        .expect("move the plan to draft")
}

pub fn done_goal(title: &str, area: i64) -> ladder_lib::planning::goals::GoalInput {
    ladder_lib::planning::goals::GoalInput {
        title: title.to_owned(),
        focus_area_id: area,
        ..Default::default()
    }
}

pub fn metric_goal(
    title: &str,
    area: i64,
    baseline: f64,
    target: f64,
) -> ladder_lib::planning::goals::GoalInput {
    ladder_lib::planning::goals::GoalInput {
        title: title.to_owned(),
        focus_area_id: area,
        measure: Some(ladder_lib::planning::goals::MeasureKind::Metric),
        metric_name: Some("Escaped defects".to_owned()),
        metric_unit: Some("defects".to_owned()),
        baseline: Some(baseline),
        target: Some(target),
        ..Default::default()
    }
}

/// Row counts of every table a goal write touches, to prove a refused write left
/// nothing behind.
pub async fn goal_tables(pool: &SqlitePool) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in [
        "plans",
        "goals",
        "goal_facets",
        "goal_principles",
        "goal_links",
        "milestones",
        "check_ins",
        "self_assessments",
        "activity",
    ] {
        counts.push(count(pool, table).await);
    }
    counts
}

/// A person's page history as (day, text) pairs, to compare whole.
pub fn history(page: &ladder_lib::views::person_page::PersonPage) -> Vec<(String, String)> {
    page.history
        .iter()
        .map(|h| (h.on.to_string(), h.text.clone()))
        .collect()
}

/// A 1:1 on `on` with `person_id`, or with the person marked as my manager.
pub async fn one_on_one(pool: &SqlitePool, person_id: Option<i64>, on: &str) -> i64 {
    ladder_lib::one_on_ones::schedule::create(
        pool,
        ladder_lib::one_on_ones::schedule::OneOnOneInput {
            person_id,
            meets_on: on.into(),
        },
    )
    .await
    .unwrap()
    .id
}

/// Marks the database file at `path` as upgraded by a Ladder newer than this build: it
/// records a migration this build does not have.
pub async fn pretend_newer_ladder(path: &std::path::Path) {
    use sqlx::ConnectOptions;
    let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .connect()
        .await
        .expect("open the file");
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (29991231000001, 'from the future', 1, x'00', 0)",
    )
    .execute(&mut conn)
    .await
    .expect("record a future migration");
}
