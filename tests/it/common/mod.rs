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
    let path = dir.path().join("data").join(ladder_lib::db::DB_FILE);
    let pool = ladder_lib::db::connect(&path).await.expect("connect");
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
    sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
        .fetch_one(pool)
        .await
        .expect("count rows")
}
