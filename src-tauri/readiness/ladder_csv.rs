//! Importing a career ladder from CSV, with a header row: one expectation a row.
//!
//! Columns, matched by name in any order and case (`focus_area` and `Focus area` alike):
//! focus area, competency and expected are required; role and level are optional and
//! name the target role a row belongs to (made when no role of that title and level
//! exists yet). A row with no role goes to the role chosen for the import. The file is
//! read like the learning import reads its own (`learning::csv_read`: the file chosen in
//! Rust, its size and row count limited), each row checked with problems by row and
//! column, and nothing is written unless every row is clean; then all of it is written
//! in one transaction.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

use super::expectations;
use super::roles::{self, TargetRoleInput};
use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::limits;
use crate::learning::csv_read;
use crate::learning::csv_rows::{column_letter, focus_area_by_name, normalise, RowProblem};

/// The columns a ladder file may have; the first three are required.
pub const COLUMNS: [&str; 5] = ["focus area", "competency", "expected", "role", "level"];
const REQUIRED: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LadderRow {
    /// The row number a spreadsheet shows (the header is row 1).
    #[ts(type = "number")]
    pub row: u64,
    /// The role and level it belongs to (the chosen role's when the row names none).
    pub role: String,
    pub level: String,
    #[ts(type = "number | null")]
    pub focus_area_id: Option<i64>,
    pub competency: String,
    pub expected: String,
    pub problems: Vec<RowProblem>,
}

/// A role the file fills, and whether it exists already.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LadderRole {
    pub title: String,
    pub level: String,
    /// The existing role the rows go to; None when the import makes it.
    #[ts(type = "number | null")]
    pub existing_id: Option<i64>,
    #[ts(type = "number")]
    pub expectations: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LadderPreview {
    /// The first `PREVIEW_FIRST_ROWS` rows, then later rows with a problem up to
    /// `PREVIEW_PROBLEM_ROWS` of them.
    pub rows: Vec<LadderRow>,
    #[ts(type = "number")]
    pub total_rows: usize,
    #[ts(type = "number")]
    pub with_problems: usize,
    /// The roles the clean rows go to, in the order the file first names them.
    pub roles: Vec<LadderRole>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LadderOutcome {
    #[ts(type = "number")]
    pub roles_created: usize,
    #[ts(type = "number")]
    pub expectations_created: usize,
    /// Every role the file filled, in order: the screen opens the first.
    #[ts(type = "number[]")]
    pub role_ids: Vec<i64>,
}

struct Columns {
    at: [Option<usize>; COLUMNS.len()],
    width: usize,
    header: Vec<String>,
}

impl Columns {
    fn find(header: Vec<String>) -> AppResult<Columns> {
        let names: Vec<String> = header.iter().map(|h| normalise(h)).collect();
        let at = COLUMNS.map(|c| names.iter().position(|n| *n == c));
        let missing: Vec<&str> = COLUMNS[..REQUIRED]
            .iter()
            .zip(&at)
            .filter(|(_, at)| at.is_none())
            .map(|(c, _)| *c)
            .collect();
        if !missing.is_empty() {
            return Err(AppError::invalid(
                "file",
                format!(
                    "Row 1: no {} column. The first row must name the columns focus_area, competency and expected (and may add role and level).",
                    missing.iter().map(|m| format!("\"{m}\"")).collect::<Vec<_>>().join(" or ")
                ),
            ));
        }
        Ok(Columns {
            at,
            width: header.len(),
            header,
        })
    }

    fn cell<'a>(&self, cells: &'a [String], name: &str) -> &'a str {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|i| self.at[i])
            .and_then(|i| cells.get(i))
            .map_or("", |c| c.trim())
    }

    /// The header's own words for a column, for naming it in a problem.
    fn label(&self, name: &str) -> String {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|i| self.at[i])
            .and_then(|i| self.header.get(i))
            .map_or_else(|| name.to_owned(), |h| h.trim().to_owned())
    }
}

fn check_row(columns: &Columns, line: u64, cells: &[String], has_default: bool) -> LadderRow {
    let mut problems = Vec::new();
    let mut problem =
        |column: String, message: String| problems.push(RowProblem { column, message });
    let n = cells.len();
    if n != columns.width {
        problem(
            column_letter(n.min(columns.width)),
            format!(
                "This row has {n} fields but the header row names {} columns. A comma inside a field needs the field in double quotes.",
                columns.width
            ),
        );
    }
    let area_text = columns.cell(cells, "focus area");
    let focus_area_id = focus_area_by_name(area_text);
    if focus_area_id.is_none() {
        let message = if area_text.is_empty() {
            "Name the focus area this expectation belongs to.".to_owned()
        } else {
            format!("\"{area_text}\" is not one of the seven focus areas.")
        };
        problem(columns.label("focus area"), message);
    }
    let mut text = |name: &str, check: fn(&str, &str) -> AppResult<String>| {
        let raw = columns.cell(cells, name);
        check(name, raw).unwrap_or_else(|e| {
            problem(columns.label(name), e.to_string());
            raw.to_owned()
        })
    };
    let competency = text("competency", |f, v| limits::optional_title(f, Some(v)));
    let expected = text("expected", |f, v| {
        let t = limits::long_text(f, v)?;
        if t.is_empty() {
            return Err(AppError::invalid(f, "Say what is expected."));
        }
        Ok(t)
    });
    let role = text("role", |f, v| limits::optional_title(f, Some(v)));
    let level = text("level", |f, v| limits::optional_title(f, Some(v)));
    if role.is_empty() && !has_default {
        let column = if columns.at[3].is_some() {
            columns.label("role")
        } else {
            "role".to_owned()
        };
        problem(
            column,
            "Name the role this row belongs to, or choose a role to import into.".to_owned(),
        );
    }
    LadderRow {
        row: line,
        role,
        level,
        focus_area_id,
        competency,
        expected,
        problems,
    }
}

/// Title and level folded for matching a role ("Engineering manager" is "Engineering Manager").
fn key(title: &str, level: &str) -> (String, String) {
    (title.trim().to_lowercase(), level.trim().to_lowercase())
}

/// The roles the rows go to, in the file's order: the chosen role for rows without one.
async fn targets(
    conn: &mut SqliteConnection,
    rows: &[LadderRow],
    into: Option<&roles::TargetRole>,
) -> AppResult<Vec<LadderRole>> {
    let stored: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, title, level FROM target_roles ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    let by_key: HashMap<(String, String), i64> = stored
        .into_iter()
        .map(|(id, t, l)| (key(&t, &l), id))
        .collect();
    let mut out: Vec<LadderRole> = Vec::new();
    for row in rows.iter().filter(|r| r.problems.is_empty()) {
        let k = key(&row.role, &row.level);
        let existing_id = match into {
            Some(r) if key(&r.title, &r.level) == k => Some(r.id),
            _ => by_key.get(&k).copied(),
        };
        match out.iter_mut().find(|r| key(&r.title, &r.level) == k) {
            Some(r) => r.expectations += 1,
            None => out.push(LadderRole {
                title: row.role.clone(),
                level: row.level.clone(),
                existing_id,
                expectations: 1,
            }),
        }
    }
    Ok(out)
}

async fn check_all(
    conn: &mut SqliteConnection,
    bytes: &[u8],
    into: Option<i64>,
) -> AppResult<(Vec<LadderRow>, Vec<LadderRole>)> {
    let into = match into {
        Some(id) => Some(roles::fetch(conn, id).await?),
        None => None,
    };
    let table = csv_read::read(bytes)?;
    let columns = Columns::find(table.header)?;
    let rows: Vec<LadderRow> = table
        .rows
        .iter()
        .map(|raw| {
            let mut row = check_row(&columns, raw.line, &raw.fields, into.is_some());
            if let (true, Some(r)) = (row.role.is_empty(), &into) {
                (row.role, row.level) = (r.title.clone(), r.level.clone());
            }
            row
        })
        .collect();
    let targets = targets(conn, &rows, into.as_ref()).await?;
    Ok((rows, targets))
}

/// Reads and checks the file; writes nothing.
pub async fn preview(
    pool: &SqlitePool,
    bytes: &[u8],
    into: Option<i64>,
) -> AppResult<LadderPreview> {
    let (rows, roles) = check_all(&mut *pool.acquire().await?, bytes, into).await?;
    let total_rows = rows.len();
    let with_problems = rows.iter().filter(|r| !r.problems.is_empty()).count();
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
    Ok(LadderPreview {
        rows: shown,
        total_rows,
        with_problems,
        roles,
    })
}

/// Imports every row in one transaction, or nothing when any row has a problem.
pub async fn import(
    pool: &SqlitePool,
    bytes: &[u8],
    into: Option<i64>,
    today: NaiveDate,
) -> AppResult<LadderOutcome> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let (rows, targets) = check_all(&mut tx, bytes, into).await?;
    if let Some(row) = rows.iter().find(|r| !r.problems.is_empty()) {
        let p = &row.problems[0];
        return Err(AppError::invalid(
            "file",
            format!("Row {}, column {}: {}", row.row, p.column, p.message),
        ));
    }
    let mut role_ids = Vec::new();
    let mut roles_created = 0;
    for t in &targets {
        let id = match t.existing_id {
            Some(id) => id,
            None => {
                roles_created += 1;
                let input = TargetRoleInput {
                    title: t.title.clone(),
                    level: Some(t.level.clone()),
                    notes: None,
                };
                roles::create_in(&mut tx, &input, today).await?
            }
        };
        role_ids.push(id);
    }
    for row in &rows {
        let k = key(&row.role, &row.level);
        let at = targets
            .iter()
            .position(|t| key(&t.title, &t.level) == k)
            .unwrap_or(0);
        let checked =
            expectations::check_text(row.focus_area_id, Some(&row.competency), &row.expected)?;
        expectations::insert_row(&mut tx, role_ids[at], &checked).await?;
    }
    let summary = format!(
        "Imported {} expectations from a career ladder CSV ({} new roles)",
        rows.len(),
        roles_created
    );
    activity::record(
        &mut tx,
        today,
        Entity::TargetRole,
        role_ids.first().copied().unwrap_or(0),
        Action::Imported,
        &summary,
    )
    .await?;
    tx.commit().await?;
    Ok(LadderOutcome {
        roles_created,
        expectations_created: rows.len(),
        role_ids,
    })
}
