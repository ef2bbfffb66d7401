//! Importing learning resources from CSV, with a header row.
//!
//! Columns, matched by name in any order and case: title, kind, provider, url,
//! total units, unit, focus area, status, target date. Only title is required; unknown
//! columns are ignored. The file is read as Python's `csv` module reads it
//! (`csv_read`), each row is checked (`csv_rows`), and a row is a duplicate when a
//! resource in the library, or an earlier row of the file, has the same title and
//! provider (ignoring case). The preview sends the first rows, every row with a problem
//! (up to a cap) and the counts; the import writes nothing unless every row is clean,
//! and writes it all in one transaction.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::limits;
use crate::learning::csv_read;
use crate::learning::csv_rows::{check_row, Columns};
pub use crate::learning::csv_rows::{ImportRow, RowProblem};
use crate::learning::resources::{self, LearningStatus, ResourceKind, Unit};

/// What the preview sends: not every row of a large file, but every count.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    /// The first `PREVIEW_FIRST_ROWS` rows, then the later rows with a problem until
    /// `PREVIEW_PROBLEM_ROWS` rows with a problem are in, in the file's order.
    pub rows: Vec<ImportRow>,
    /// Every data row of the file.
    #[ts(type = "number")]
    pub total_rows: usize,
    #[ts(type = "number")]
    pub with_problems: usize,
    /// Rows already in the library or earlier in the file.
    #[ts(type = "number")]
    pub duplicates: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OnDuplicate {
    #[default]
    Skip,
    /// Fill in the existing resource (or the one made from the earlier row) with the
    /// row's non-empty fields.
    Merge,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportOutcome {
    #[ts(type = "number")]
    pub created: usize,
    #[ts(type = "number")]
    pub merged: usize,
    #[ts(type = "number")]
    pub skipped: usize,
}

fn file_error(message: impl Into<String>) -> AppError {
    AppError::invalid("file", message)
}

/// What makes two rows the same resource.
fn key(title: &str, provider: &str) -> (String, String) {
    (title.trim().to_lowercase(), provider.trim().to_lowercase())
}

/// Reads and checks every row, marking duplicates; writes nothing. Case is folded in
/// Rust, not by SQLite's `lower`, which leaves letters outside ASCII alone.
async fn check_all(conn: &mut SqliteConnection, bytes: &[u8]) -> AppResult<Vec<ImportRow>> {
    let table = csv_read::read(bytes)?;
    let columns = Columns::find(table.header)?;
    let existing: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, title, provider FROM resources")
            .fetch_all(&mut *conn)
            .await?;
    let library: HashMap<(String, String), i64> = existing
        .into_iter()
        .map(|(id, t, p)| (key(&t, &p), id))
        .collect();
    let mut first_seen: HashMap<(String, String), u64> = HashMap::new();
    let rows = table
        .rows
        .iter()
        .map(|raw| {
            let mut row = check_row(&columns, raw.line, &raw.fields);
            if !row.title.trim().is_empty() {
                let k = key(&row.title, &row.provider);
                row.duplicate_of = library.get(&k).copied();
                if row.duplicate_of.is_none() {
                    row.duplicate_of_row = Some(*first_seen.entry(k).or_insert(row.row))
                        .filter(|first| *first != row.row);
                }
            }
            row
        })
        .collect();
    Ok(rows)
}

fn is_duplicate(row: &ImportRow) -> bool {
    row.duplicate_of.is_some() || row.duplicate_of_row.is_some()
}

/// Reads and checks the file; writes nothing.
pub async fn preview(pool: &SqlitePool, bytes: &[u8]) -> AppResult<ImportPreview> {
    let rows = check_all(&mut *pool.acquire().await?, bytes).await?;
    let total_rows = rows.len();
    let with_problems = rows.iter().filter(|r| !r.problems.is_empty()).count();
    let duplicates = rows.iter().filter(|r| is_duplicate(r)).count();
    let mut problems_sent = 0;
    let shown = rows
        .into_iter()
        .enumerate()
        .filter(|(i, r)| {
            let bad = !r.problems.is_empty();
            let send = *i < limits::PREVIEW_FIRST_ROWS
                || (bad && problems_sent < limits::PREVIEW_PROBLEM_ROWS);
            problems_sent += usize::from(send && bad);
            send
        })
        .map(|(_, r)| r)
        .collect();
    Ok(ImportPreview {
        rows: shown,
        total_rows,
        with_problems,
        duplicates,
    })
}

/// What an import writes, decided before it starts: the rows to create (a duplicate
/// later in the file already folded into its first row when merging), the rows to merge
/// into resources already in the library, and how many rows are skipped.
#[derive(Default)]
struct Writes {
    creates: Vec<ImportRow>,
    merges: Vec<(i64, ImportRow)>,
    outcome: ImportOutcome,
}

fn plan(rows: Vec<ImportRow>, on_duplicate: OnDuplicate) -> Writes {
    let mut w = Writes::default();
    let mut created_from: HashMap<u64, usize> = HashMap::new();
    for row in rows {
        match (row.duplicate_of, row.duplicate_of_row, on_duplicate) {
            (None, None, _) => {
                created_from.insert(row.row, w.creates.len());
                w.creates.push(row);
            }
            (_, _, OnDuplicate::Skip) => w.outcome.skipped += 1,
            (Some(id), _, OnDuplicate::Merge) => {
                w.merges.push((id, row));
                w.outcome.merged += 1;
            }
            (None, Some(first), OnDuplicate::Merge) => match created_from.get(&first) {
                Some(&i) => {
                    fill_in(&mut w.creates[i], row);
                    w.outcome.merged += 1;
                }
                None => w.creates.push(row),
            },
        }
    }
    w.outcome.created = w.creates.len();
    w
}

/// A later row's non-empty fields over an earlier one's, as merging into a resource in
/// the library does.
fn fill_in(earlier: &mut ImportRow, later: ImportRow) {
    earlier.kind = later.kind.or(earlier.kind);
    earlier.url = later.url.or(earlier.url.take());
    earlier.total_units = later.total_units.or(earlier.total_units);
    earlier.unit = later.unit.or(earlier.unit);
    earlier.focus_area_id = later.focus_area_id.or(earlier.focus_area_id);
    earlier.status = later.status.or(earlier.status);
    earlier.target_on = later.target_on.or(earlier.target_on);
}

/// Calls `progress(done, total)` when 5 % more rows are written or 100 ms have passed
/// since the last call, and at the end: each call is an event the window takes in, and
/// thousands of them cost more than the rows.
struct Throttle<F> {
    progress: F,
    total: usize,
    step: usize,
    last_done: usize,
    last_at: Instant,
}

impl<F: FnMut(usize, usize)> Throttle<F> {
    fn new(total: usize, mut progress: F) -> Self {
        progress(0, total);
        Throttle {
            progress,
            total,
            step: (total / 20).max(1),
            last_done: 0,
            last_at: Instant::now(),
        }
    }

    fn tick(&mut self, done: usize) {
        if done == self.total
            || done - self.last_done >= self.step
            || self.last_at.elapsed() >= Duration::from_millis(100)
        {
            (self.progress)(done, self.total);
            self.last_done = done;
            self.last_at = Instant::now();
        }
    }
}

/// Imports every row in one transaction, or nothing when any row has a problem.
/// `progress(done, total)` is called as rows are written, throttled.
pub async fn import(
    pool: &SqlitePool,
    bytes: &[u8],
    on_duplicate: OnDuplicate,
    today: NaiveDate,
    progress: impl FnMut(usize, usize),
) -> AppResult<ImportOutcome> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let rows = check_all(&mut tx, bytes).await?;
    if let Some(row) = rows.iter().find(|r| !r.problems.is_empty()) {
        let p = &row.problems[0];
        return Err(file_error(format!(
            "Row {}, column {}: {}",
            row.row, p.column, p.message
        )));
    }
    let Writes {
        creates,
        merges,
        outcome,
    } = plan(rows, on_duplicate);
    let mut throttle = Throttle::new(creates.len() + merges.len(), progress);
    let mut done = 0;
    for chunk in creates.chunks(ROWS_PER_INSERT) {
        create_many(&mut tx, chunk, today).await?;
        done += chunk.len();
        throttle.tick(done);
    }
    for (id, row) in merges {
        merge(&mut tx, id, &row, today).await?;
        done += 1;
        throttle.tick(done);
    }
    let summary = format!(
        "Imported {} resources from CSV ({} merged, {} skipped)",
        outcome.created, outcome.merged, outcome.skipped
    );
    activity::record(
        &mut tx,
        today,
        Entity::Resource,
        0,
        Action::Imported,
        &summary,
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Rows per INSERT statement: one round trip to SQLite's thread for hundreds of rows
/// instead of one a row (10 values a row, far under SQLite's 32,766). Every full chunk
/// has the same text, so its prepared statement is reused.
const ROWS_PER_INSERT: usize = 250;

/// How an imported status is recorded: completed and dropped as set by hand on the day
/// of the import (there is no log to show it); the others follow the log.
fn manual_status(status: Option<LearningStatus>) -> Option<&'static str> {
    match status {
        Some(LearningStatus::Completed) => Some("completed"),
        Some(LearningStatus::Dropped) => Some("dropped"),
        _ => None,
    }
}

/// Creates the resources clean rows describe, in one statement. Rows with a status set
/// by hand are recomputed after; they are found by title and provider, unique among the
/// rows created (duplicates were skipped or folded in), since SQLite returns inserted
/// rows in no set order.
async fn create_many(
    tx: &mut SqliteConnection,
    rows: &[ImportRow],
    today: NaiveDate,
) -> AppResult<()> {
    let by_hand: std::collections::HashSet<(&str, &str)> = rows
        .iter()
        .filter(|r| manual_status(r.status).is_some())
        .map(|r| (r.title.as_str(), r.provider.as_str()))
        .collect();
    let mut sql = String::from(
        "INSERT INTO resources (kind, title, provider, url, focus_area_id, total_units, unit,
             target_on, manual_status, manual_on) VALUES ",
    );
    for i in 0..rows.len() {
        sql.push_str(if i == 0 { "" } else { ", " });
        sql.push_str("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    sql.push_str(" RETURNING id, title, provider");
    let mut insert = sqlx::query_as::<_, (i64, String, String)>(sqlx::AssertSqlSafe(sql));
    for r in rows {
        let manual = manual_status(r.status);
        insert = insert
            .bind(r.kind.unwrap_or(ResourceKind::Course))
            .bind(&r.title)
            .bind(&r.provider)
            .bind(&r.url)
            .bind(r.focus_area_id)
            .bind(r.total_units)
            .bind(r.unit.unwrap_or(Unit::Lessons))
            .bind(r.target_on)
            .bind(manual)
            .bind(manual.map(|_| today));
    }
    let created = insert.fetch_all(&mut *tx).await?;
    for (id, title, provider) in created {
        if by_hand.contains(&(title.as_str(), provider.as_str())) {
            resources::recompute(&mut *tx, id, today).await?;
        }
    }
    Ok(())
}

/// Fills in a resource of the library with the row's non-empty fields.
async fn merge(
    tx: &mut SqliteConnection,
    id: i64,
    row: &ImportRow,
    today: NaiveDate,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE resources SET kind = coalesce(?, kind), url = coalesce(?, url),
             total_units = coalesce(?, total_units), unit = coalesce(?, unit),
             focus_area_id = coalesce(?, focus_area_id), target_on = coalesce(?, target_on)
         WHERE id = ?",
    )
    .bind(row.kind)
    .bind(&row.url)
    .bind(row.total_units)
    .bind(row.unit)
    .bind(row.focus_area_id)
    .bind(row.target_on)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    set_imported_status(&mut *tx, id, row.status, today).await?;
    // A merged total can finish or reopen what the log holds.
    resources::recompute(&mut *tx, id, today).await
}

/// Records a merged row's completed or dropped status as set by hand.
async fn set_imported_status(
    conn: &mut SqliteConnection,
    id: i64,
    status: Option<LearningStatus>,
    today: NaiveDate,
) -> AppResult<()> {
    // Without a hand-set status there is nothing to derive that the row does not hold.
    let Some(manual) = manual_status(status) else {
        return Ok(());
    };
    sqlx::query("UPDATE resources SET manual_status = ?, manual_on = ? WHERE id = ?")
        .bind(manual)
        .bind(today)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    resources::recompute(conn, id, today).await
}
