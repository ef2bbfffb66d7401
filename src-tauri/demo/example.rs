//! The example plan a new user can load from the first screen to see Ladder with data
//! in it. It lives in its own database file next to the user's, so loading and removing
//! it can never touch the user's own data; while it is shown, the app says so.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sqlx::SqlitePool;

use crate::demo::example_changes::{self, ExampleChanges};
use crate::demo::generator::{self, Scale};
use crate::infra::db;
use crate::infra::error::AppResult;

/// A year of light use: enough to fill every screen, quick to generate.
pub const SCALE: Scale = Scale {
    plans: 4,
    goals_per_plan: 10,
    milestones_per_goal: 4,
    check_ins_per_goal: 6,
    wins_per_plan: 8,
    resources_per_plan: 4,
    entries_per_resource: 6,
    people: 12,
    requests_per_plan: 4,
    one_on_ones: 24,
    conversations_per_plan: 6,
    opportunities_per_plan: 1,
    expectations: 14,
};

/// The example's own folder. Its name is one only Ladder uses, since removing the
/// example deletes the folder and `LADDER_DATA_DIR` may point at a folder full of the
/// user's own files (`~/Documents/example/` must never go).
pub const DIR: &str = "ladder-example";

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(DIR).join(db::DB_FILE)
}

pub fn exists(data_dir: &Path) -> bool {
    path(data_dir).exists()
}

/// Opens the example left from an earlier run, if any.
pub async fn open(data_dir: &Path) -> AppResult<Option<SqlitePool>> {
    if !exists(data_dir) {
        return Ok(None);
    }
    Ok(Some(db::connect(&path(data_dir)).await?))
}

/// Opens the example left from an earlier run. One that cannot be opened (damaged, or
/// from another build) is thrown away and made again: it holds nothing of the user's.
pub async fn open_or_discard(data_dir: &Path) -> Option<SqlitePool> {
    match open(data_dir).await {
        Ok(pool) => pool,
        Err(e) => {
            tracing::warn!(error = ?e, "the example did not open; making it again");
            let today = crate::infra::clock::today().ok()?;
            load(data_dir, today).await.ok()
        }
    }
}

/// Generates a fresh example and opens it; a half-written one is removed.
pub async fn load(data_dir: &Path, today: NaiveDate) -> AppResult<SqlitePool> {
    let dir = data_dir.join(DIR);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    let pool = db::connect(&path(data_dir)).await?;
    let generated = async {
        generator::generate(&pool, today, SCALE).await?;
        example_changes::record_baseline(&pool, &path(data_dir)).await
    };
    if let Err(err) = generated.await {
        pool.close().await;
        let _ = std::fs::remove_dir_all(&dir);
        return Err(err);
    }
    Ok(pool)
}

/// What removing the example now would lose: `None` when it is as it was loaded.
pub async fn changes(data_dir: &Path, pool: &SqlitePool) -> AppResult<Option<ExampleChanges>> {
    example_changes::since_load(pool, &path(data_dir)).await
}

/// Closes the example and deletes its folder.
pub async fn remove(data_dir: &Path, pool: SqlitePool) -> AppResult<()> {
    pool.close().await;
    let dir = data_dir.join(DIR);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    Ok(())
}
