//! Importing learning resources from CSV (RFC 4180, with a header row).
//!
//! Columns, matched by name in any order and case: title, kind, provider, url,
//! total units, unit, focus area, status, target date. Only title is required; unknown
//! columns are ignored. A UTF-8 byte-order mark is skipped and `;` is accepted as the
//! delimiter when the header uses it. The preview lists every row with its problems and
//! whether it duplicates a resource already in the library (same title and provider,
//! ignoring case); the import writes nothing unless every row is clean, and writes it
//! all in one transaction.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::limits;
use crate::learning::resources::{self, LearningStatus, ResourceKind, Unit};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RowProblem {
    pub column: String,
    pub message: String,
}

/// One data row as read, with what is wrong with it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportRow {
    /// The row number a spreadsheet shows (the header is row 1).
    #[ts(type = "number")]
    pub row: u64,
    pub title: String,
    pub kind: Option<ResourceKind>,
    pub provider: String,
    pub url: Option<String>,
    pub total_units: Option<f64>,
    pub unit: Option<Unit>,
    #[ts(type = "number | null")]
    pub focus_area_id: Option<i64>,
    pub status: Option<LearningStatus>,
    pub target_on: Option<NaiveDate>,
    pub problems: Vec<RowProblem>,
    #[ts(type = "number | null")]
    pub duplicate_of: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
    #[ts(type = "number")]
    pub with_problems: usize,
    #[ts(type = "number")]
    pub duplicates: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OnDuplicate {
    #[default]
    Skip,
    /// Fill in the existing resource with the row's non-empty fields.
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

const COLUMNS: [&str; 9] = [
    "title",
    "kind",
    "provider",
    "url",
    "total units",
    "unit",
    "focus area",
    "status",
    "target date",
];

fn file_error(message: impl Into<String>) -> AppError {
    AppError::invalid("file", message)
}

/// The header's name for a column, normalised: "Total_Units" → "total units".
fn normalise(name: &str) -> String {
    name.trim()
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Finds a quote that is never closed; returns the line it opens on.
fn unterminated_quote(text: &str) -> Option<usize> {
    let mut in_quotes = false;
    let mut line = 1;
    let mut opened_on = 0;
    let mut prev = None;
    for ch in text.chars() {
        match ch {
            '"' => {
                in_quotes = !in_quotes;
                // A doubled quote inside a field closes and reopens: the opening line stays.
                if in_quotes && prev != Some('"') {
                    opened_on = line;
                }
            }
            '\n' => line += 1,
            _ => {}
        }
        prev = Some(ch);
    }
    in_quotes.then_some(opened_on)
}

/// A data row as read: its row number and its cells.
type RawRow = (u64, Vec<String>);

/// Reads the file into the normalised header and the data rows; file-level problems are
/// errors.
fn read(bytes: &[u8]) -> AppResult<(Vec<String>, Vec<RawRow>)> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        file_error(format!(
            "Row {line}: the file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again."
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(file_error(
            "The file is empty: it needs a header row and at least one row of data.",
        ));
    }
    if let Some(line) = unterminated_quote(text) {
        return Err(file_error(format!(
            "Row {line}: a quoted field is opened but never closed."
        )));
    }
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| file_error(format!("The header row cannot be read: {e}")))?
        .iter()
        .map(normalise)
        .collect();
    if !header.iter().any(|h| h == "title") {
        return Err(file_error(format!(
            "Row 1: no \"title\" column. The first row must name the columns: {}.",
            COLUMNS.join(", ")
        )));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            file_error(format!("Row {line}: {e}"))
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push((line, record.iter().map(str::to_owned).collect()));
    }
    if rows.is_empty() {
        return Err(file_error("The file has a header row but no data."));
    }
    Ok((header, rows))
}

/// One row's cells by column name, and the problems found in them so far.
struct RowCheck<'a> {
    header: &'a [String],
    cells: &'a [String],
    problems: Vec<RowProblem>,
}

impl<'a> RowCheck<'a> {
    /// The trimmed cell under `name`, or None when the column is missing or the cell empty.
    fn cell(&self, name: &str) -> Option<&'a str> {
        self.header
            .iter()
            .position(|h| h == name)
            .and_then(|i| self.cells.get(i))
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
    }

    fn problem<T>(&mut self, column: &str, message: String) -> Option<T> {
        self.problems.push(RowProblem {
            column: column.to_owned(),
            message,
        });
        None
    }
}

fn check_row(header: &[String], line: u64, cells: &[String]) -> ImportRow {
    let mut c = RowCheck {
        header,
        cells,
        problems: Vec::new(),
    };
    let title = check_title(&mut c);
    let kind = c.cell("kind").and_then(|k| {
        ResourceKind::parse(k).or_else(|| c.problem("kind", format!("\"{k}\" is not a kind Ladder knows (course, book, certification, workshop, article, video, podcast, conference).")))
    });
    let provider = check_provider(&mut c);
    let url = c.cell("url").and_then(|u| match limits::url("url", u) {
        Ok(u) => Some(u),
        Err(e) => c.problem("url", e.to_string()),
    });
    let total_units = check_total_units(&mut c);
    let unit = c.cell("unit").and_then(|u| {
        Unit::parse(u).or_else(|| {
            c.problem(
                "unit",
                format!("\"{u}\" is not a unit Ladder knows (lessons, hours, pages, chapters)."),
            )
        })
    });
    let focus_area_id = c.cell("focus area").and_then(|f| {
        focus_area_by_name(f).or_else(|| {
            c.problem(
                "focus area",
                format!("\"{f}\" is not one of the seven focus areas."),
            )
        })
    });
    let status = check_status(&mut c);
    let target_on = check_target_date(&mut c);
    ImportRow {
        row: line,
        title,
        kind,
        provider,
        url,
        total_units,
        unit,
        focus_area_id,
        status,
        target_on,
        problems: c.problems,
        duplicate_of: None,
    }
}

/// The title, or the text as it was (with a problem) so the preview can show the row.
fn check_title(c: &mut RowCheck) -> String {
    let raw = c.cell("title").unwrap_or("");
    match limits::title("title", raw) {
        Ok(t) => t,
        Err(e) => {
            c.problem::<()>("title", e.to_string());
            raw.to_owned()
        }
    }
}

fn check_provider(c: &mut RowCheck) -> String {
    let provider = c.cell("provider").unwrap_or("").to_owned();
    if provider.chars().count() > limits::TITLE_MAX {
        c.problem::<()>(
            "provider",
            format!("Keep this to {} characters or fewer.", limits::TITLE_MAX),
        );
    }
    provider
}

/// A decimal comma is read as a point: spreadsheets in many languages write one.
fn check_total_units(c: &mut RowCheck) -> Option<f64> {
    let t = c.cell("total units")?;
    match t.replace(',', ".").parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Some(v),
        Ok(_) => c.problem(
            "total units",
            format!("\"{t}\" must be a number above zero."),
        ),
        Err(_) => c.problem("total units", format!("\"{t}\" is not a number.")),
    }
}

fn check_status(c: &mut RowCheck) -> Option<LearningStatus> {
    let s = c.cell("status")?;
    match normalise(s).as_str() {
        "planned" => Some(LearningStatus::Planned),
        "in progress" => Some(LearningStatus::InProgress),
        "completed" | "done" => Some(LearningStatus::Completed),
        "dropped" => Some(LearningStatus::Dropped),
        _ => c.problem(
            "status",
            format!("\"{s}\" is not a status (planned, in progress, completed, dropped)."),
        ),
    }
}

fn check_target_date(c: &mut RowCheck) -> Option<NaiveDate> {
    let d = c.cell("target date")?;
    match crate::infra::input::date("targetOn", d) {
        Ok(d) => Some(d),
        Err(_) => c.problem(
            "target date",
            format!("\"{d}\" is not a date like 2026-12-31 between 1970 and 2100."),
        ),
    }
}

/// The seeded focus areas by name or number (ids are fixed by the first migration).
fn focus_area_by_name(text: &str) -> Option<i64> {
    const NAMES: [&str; 7] = [
        "performance excellence",
        "leadership qualities",
        "leadership principles",
        "internal mobility",
        "networking",
        "skill development",
        "continuous learning",
    ];
    let t = normalise(text);
    if let Ok(n) = t.parse::<i64>() {
        return (1..=7).contains(&n).then_some(n);
    }
    NAMES.iter().position(|n| *n == t).map(|i| i as i64 + 1)
}

/// Reads and checks the file; writes nothing.
pub async fn preview(pool: &SqlitePool, bytes: &[u8]) -> AppResult<ImportPreview> {
    let (header, raw) = read(bytes)?;
    let existing: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, lower(title), lower(provider) FROM resources")
            .fetch_all(pool)
            .await?;
    let index: std::collections::HashMap<(String, String), i64> = existing
        .into_iter()
        .map(|(id, t, p)| ((t, p), id))
        .collect();
    let rows: Vec<ImportRow> = raw
        .iter()
        .map(|(line, cells)| {
            let mut row = check_row(&header, *line, cells);
            row.duplicate_of = index
                .get(&(row.title.to_lowercase(), row.provider.to_lowercase()))
                .copied();
            row
        })
        .collect();
    Ok(ImportPreview {
        with_problems: rows.iter().filter(|r| !r.problems.is_empty()).count(),
        duplicates: rows.iter().filter(|r| r.duplicate_of.is_some()).count(),
        rows,
    })
}

/// Imports every row in one transaction, or nothing when any row has a problem.
/// `progress(done, total)` is called as rows are written.
pub async fn import(
    pool: &SqlitePool,
    bytes: &[u8],
    on_duplicate: OnDuplicate,
    today: NaiveDate,
    mut progress: impl FnMut(usize, usize),
) -> AppResult<ImportOutcome> {
    let preview = preview(pool, bytes).await?;
    if let Some(row) = preview.rows.iter().find(|r| !r.problems.is_empty()) {
        let p = &row.problems[0];
        return Err(file_error(format!(
            "Row {}, column {}: {}",
            row.row, p.column, p.message
        )));
    }
    let total = preview.rows.len();
    let mut outcome = ImportOutcome::default();
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    for (i, row) in preview.rows.iter().enumerate() {
        write_row(&mut tx, row, on_duplicate, today, &mut outcome).await?;
        if (i + 1) % 250 == 0 || i + 1 == total {
            progress(i + 1, total);
        }
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

/// Writes one checked row: skipped, merged into the resource it duplicates, or created.
async fn write_row(
    tx: &mut SqliteConnection,
    row: &ImportRow,
    on_duplicate: OnDuplicate,
    today: NaiveDate,
    outcome: &mut ImportOutcome,
) -> AppResult<()> {
    match (row.duplicate_of, on_duplicate) {
        (Some(_), OnDuplicate::Skip) => outcome.skipped += 1,
        (Some(id), OnDuplicate::Merge) => {
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
            resources::recompute(&mut *tx, id, today).await?;
            outcome.merged += 1;
        }
        (None, _) => {
            let c = resources::Checked {
                kind: row.kind.unwrap_or(ResourceKind::Course),
                title: row.title.clone(),
                provider: row.provider.clone(),
                url: row.url.clone(),
                focus_area_id: row.focus_area_id,
                total_units: row.total_units,
                unit: row.unit.unwrap_or(Unit::Lessons),
                target_on: row.target_on,
                certificate_url: None,
                notes: String::new(),
                goal_ids: Vec::new(),
            };
            let id = resources::insert_new(&mut *tx, &c).await?;
            set_imported_status(&mut *tx, id, row.status, today).await?;
            outcome.created += 1;
        }
    }
    Ok(())
}

/// Completed and dropped rows are recorded as set by hand (there is no log to show it).
async fn set_imported_status(
    conn: &mut SqliteConnection,
    id: i64,
    status: Option<LearningStatus>,
    today: NaiveDate,
) -> AppResult<()> {
    let manual = match status {
        Some(LearningStatus::Completed) => Some("completed"),
        Some(LearningStatus::Dropped) => Some("dropped"),
        _ => None,
    };
    // Without a hand-set status there is nothing to derive that the row does not hold.
    let Some(manual) = manual else { return Ok(()) };
    sqlx::query("UPDATE resources SET manual_status = ?, manual_on = ? WHERE id = ?")
        .bind(manual)
        .bind(today)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    resources::recompute(conn, id, today).await
}
