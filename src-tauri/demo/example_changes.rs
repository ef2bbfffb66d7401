//! What the user changed in the example since it was loaded, so that removing it can ask
//! first when there is something to lose.
//!
//! At load, a fingerprint of every row of every table (and the newest activity id) is
//! written next to the example's file; removing compares. The activity log alone would
//! miss writes it does not record (1:1 notes, settings, ratings), so the fingerprint
//! decides whether anything changed and the activity log only says what.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqlitePool};
use ts_rs::TS;

use crate::infra::error::AppResult;

/// What removing the example would throw away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExampleChanges {
    /// Rows of the activity log written since the example was loaded.
    #[ts(type = "number")]
    pub logged: i64,
    /// The newest of them, newest first (at most `RECENT`).
    pub recent: Vec<LoggedChange>,
}

/// One row of the activity log, as the question lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, FromRow, TS)]
#[ts(export)]
pub struct LoggedChange {
    #[ts(type = "number")]
    pub id: i64,
    pub summary: String,
}

/// How many of the logged changes the question lists.
const RECENT: i64 = 5;

/// The state of the example right after it was generated.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
struct Baseline {
    last_activity_id: i64,
    fingerprint: String,
}

fn baseline_path(example_db: &Path) -> PathBuf {
    example_db.with_file_name("loaded.json")
}

/// Records the example as generated; called once its data is in.
pub async fn record_baseline(pool: &SqlitePool, example_db: &Path) -> AppResult<()> {
    let baseline = Baseline {
        last_activity_id: last_activity_id(pool).await?,
        fingerprint: fingerprint(pool).await?,
    };
    let json = serde_json::to_vec(&baseline).map_err(std::io::Error::other)?;
    std::fs::write(baseline_path(example_db), json)?;
    Ok(())
}

/// `None` when the example is as it was loaded; otherwise what changed. An example with
/// no readable baseline (left by an older build, or damaged) counts as changed: asking
/// once too often costs a click, not asking could cost the user's typing.
pub async fn since_load(pool: &SqlitePool, example_db: &Path) -> AppResult<Option<ExampleChanges>> {
    let baseline: Option<Baseline> = std::fs::read(baseline_path(example_db))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok());
    if let Some(b) = &baseline {
        if b.fingerprint == fingerprint(pool).await? {
            return Ok(None);
        }
    }
    let after = baseline.map_or(i64::MAX, |b| b.last_activity_id);
    let logged: i64 = sqlx::query_scalar("SELECT count(*) FROM activity WHERE id > ?")
        .bind(after)
        .fetch_one(pool)
        .await?;
    let recent =
        sqlx::query_as("SELECT id, summary FROM activity WHERE id > ? ORDER BY id DESC LIMIT ?")
            .bind(after)
            .bind(RECENT)
            .fetch_all(pool)
            .await?;
    Ok(Some(ExampleChanges { logged, recent }))
}

async fn last_activity_id(pool: &SqlitePool) -> AppResult<i64> {
    Ok(
        sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM activity")
            .fetch_one(pool)
            .await?,
    )
}

/// A hash of every row of every table the app writes. The search index is left out: the
/// triggers rebuild it from those rows, and its internal pages may change on their own.
pub(crate) async fn fingerprint(pool: &SqlitePool) -> AppResult<String> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master
         WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
           AND name <> '_sqlx_migrations' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
           AND NOT EXISTS (
             SELECT 1 FROM sqlite_master AS v
             WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'
               AND sqlite_master.name LIKE v.name || '\\_%' ESCAPE '\\')
         ORDER BY name",
    )
    .fetch_all(pool)
    .await?;
    let mut hash = Fnv::default();
    for table in tables {
        hash.add(table.as_bytes());
        for row in table_rows(pool, &table).await? {
            hash.add(row.as_bytes());
        }
    }
    Ok(format!("{:016x}", hash.0))
}

/// Each row of `table` as one text of quoted values, in rowid order.
async fn table_rows(pool: &SqlitePool, table: &str) -> AppResult<Vec<String>> {
    let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
        .bind(table)
        .fetch_all(pool)
        .await?;
    let quoted: Vec<String> = columns
        .iter()
        .map(|c| format!("quote(\"{}\")", c.replace('"', "\"\"")))
        .collect();
    let sql = format!(
        "SELECT {} FROM \"{}\" ORDER BY rowid",
        quoted.join(" || ',' || "),
        table.replace('"', "\"\"")
    );
    // The names come from the schema itself, quoted as identifiers.
    Ok(sqlx::query_scalar(AssertSqlSafe(sql))
        .fetch_all(pool)
        .await?)
}

/// FNV-1a, 64 bits: stable across builds (std's hasher is not), and plenty to tell "as
/// loaded" from "changed". Each value ends with a byte no text holds, so ("ab","c") and
/// ("a","bc") differ.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes.iter().chain(&[0xff]) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
