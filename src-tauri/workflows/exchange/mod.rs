//! The whole record in an open format: one JSON document (docs/export-format.md, with a
//! JSON Schema beside it) that another Ladder imports, into an empty database whole and
//! into one with data by merging on uids.
//!
//! An import is planned and carried out in one transaction. A preview does exactly the
//! same and rolls back, so what the user confirms is what the database would accept: a
//! rule of SQLite's that the file breaks is found before they say yes, not after.

mod apply;
mod document;
mod export;
mod layout;
mod merge;
mod report;
pub mod schema;

use chrono::NaiveDate;
use sqlx::SqlitePool;

pub use report::{Conflict, Counts, ImportMode, ImportReport, KindCounts};

use crate::infra::error::AppResult;

/// The version of the format this Ladder writes, and the newest it reads. Raise it when
/// a field changes meaning or goes away; a field or table added with a default does not
/// need it (an older file simply lacks it).
pub const FORMAT_VERSION: i64 = 1;

/// What an export wrote.
pub struct Exported {
    pub text: String,
    pub records: u64,
    pub tombstones: u64,
}

/// The export document of everything in `pool`, read in one transaction (a consistent
/// snapshot). `exported_at` is a UTC time as `2026-12-02T09:30:00.000Z`.
pub async fn export(
    pool: &SqlitePool,
    app_version: &str,
    exported_at: &str,
    progress: impl FnMut(usize, usize),
) -> AppResult<Exported> {
    let mut tx = pool.begin().await?;
    let tables = layout::read(&mut tx).await?;
    let (text, records, tombstones) =
        export::document(&mut tx, &tables, app_version, exported_at, progress).await?;
    tx.rollback().await?;
    Ok(Exported {
        text,
        records,
        tombstones,
    })
}

/// What importing `bytes` would do; nothing is kept.
pub async fn preview(pool: &SqlitePool, bytes: &[u8], today: NaiveDate) -> AppResult<ImportReport> {
    run(pool, bytes, today, false, |_, _| {}).await
}

/// Imports `bytes` (the caller has made a backup first).
pub async fn import(
    pool: &SqlitePool,
    bytes: &[u8],
    today: NaiveDate,
    progress: impl FnMut(usize, usize),
) -> AppResult<ImportReport> {
    run(pool, bytes, today, true, progress).await
}

async fn run(
    pool: &SqlitePool,
    bytes: &[u8],
    today: NaiveDate,
    keep: bool,
    progress: impl FnMut(usize, usize),
) -> AppResult<ImportReport> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let tables = layout::read(&mut tx).await?;
    let doc = document::parse(bytes, &tables)?;
    let local = merge::Local::read(&mut tx, &tables).await?;
    let plan = merge::plan(doc, &local, &tables)?;
    apply::apply(&mut tx, &tables, &plan, progress).await?;
    if plan.mode == ImportMode::Merge {
        recompute_learning(&mut tx, &plan, today).await?;
    }
    let report = plan.tally.finish(plan.mode);
    if keep {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    Ok(report)
}

/// A resource's status and percent come from its log: after a merge brought log entries
/// for a resource the file did not bring itself, they are worked out again.
async fn recompute_learning(
    conn: &mut sqlx::SqliteConnection,
    plan: &merge::Plan,
    today: NaiveDate,
) -> AppResult<()> {
    let brought: std::collections::HashSet<&str> = plan
        .adds
        .iter()
        .chain(&plan.updates)
        .filter(|(t, _)| t == "resources")
        .flat_map(|(_, rows)| rows)
        .filter_map(|r| r.get("uid").and_then(serde_json::Value::as_str))
        .collect();
    let mut resources: Vec<&str> = plan
        .adds
        .iter()
        .chain(&plan.updates)
        .filter(|(t, _)| t == "progress_entries")
        .flat_map(|(_, rows)| rows)
        .filter_map(|r| r.get("resourceUid").and_then(serde_json::Value::as_str))
        .filter(|uid| !brought.contains(uid))
        .collect();
    resources.sort_unstable();
    resources.dedup();
    for uid in resources {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM resources WHERE uid = ?")
            .bind(uid)
            .fetch_optional(&mut *conn)
            .await?;
        if let Some(id) = id {
            crate::learning::resources::recompute(conn, id, today).await?;
        }
    }
    Ok(())
}
