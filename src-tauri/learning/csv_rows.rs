//! Checking the rows of an imported CSV file: each cell read into a resource's field, or
//! a problem naming the row and the column, in words the user can act on.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};
use crate::infra::limits;
use crate::learning::resources::{LearningStatus, ResourceKind, Unit};

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
    /// The resource already in the library with the same title and provider.
    #[ts(type = "number | null")]
    pub duplicate_of: Option<i64>,
    /// The earlier row of the same file with the same title and provider.
    #[ts(type = "number | null")]
    pub duplicate_of_row: Option<u64>,
}

pub(crate) const COLUMNS: [&str; 9] = [
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

/// The header's name for a column, normalised: "Total_Units" → "total units".
pub(crate) fn normalise(name: &str) -> String {
    name.trim()
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where each known column is in the header (the first of that name wins).
pub(crate) struct Columns {
    at: [Option<usize>; COLUMNS.len()],
    /// The header as written, for naming a column in a problem.
    header: Vec<String>,
}

impl Columns {
    /// The columns of a header row; refused when it has no title column.
    pub(crate) fn find(header: Vec<String>) -> AppResult<Columns> {
        let names: Vec<String> = header.iter().map(|h| normalise(h)).collect();
        let at = COLUMNS.map(|c| names.iter().position(|n| n == c));
        if at[0].is_none() {
            return Err(AppError::invalid(
                "file",
                format!(
                    "Row 1: no \"title\" column. The first row must name the columns: {}.",
                    COLUMNS.join(", ")
                ),
            ));
        }
        Ok(Columns { at, header })
    }

    /// The name the header gives the column at `index` (0-based), or its letter.
    fn name(&self, index: usize) -> String {
        match self.header.get(index).map(|h| h.trim()) {
            Some(h) if !h.is_empty() => h.to_owned(),
            _ => column_letter(index),
        }
    }
}

/// A spreadsheet's name for the column at `index` (0-based): A, B, ..., Z, AA, ...
pub(crate) fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// One row's cells by column name, and the problems found in them so far.
struct RowCheck<'a> {
    columns: &'a Columns,
    cells: &'a [String],
    problems: Vec<RowProblem>,
}

impl<'a> RowCheck<'a> {
    /// The trimmed cell under `name`, or None when the column is missing or the cell empty.
    fn cell(&self, name: &str) -> Option<&'a str> {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|i| self.columns.at[i])
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

    /// A row with more or fewer fields than the header names columns: its fields may
    /// sit under the wrong names (a comma that needed quotes), so it is not imported.
    fn check_width(&mut self) {
        let (n, width) = (self.cells.len(), self.columns.header.len());
        if n > width {
            let column = column_letter(width);
            self.problem::<()>(
                &column,
                format!(
                    "This row has {n} fields but the header row names {width} columns. A comma inside a field needs the field in double quotes."
                ),
            );
        } else if n < width {
            let column = self.columns.name(n);
            self.problem::<()>(
                &column,
                format!(
                    "This row has {n} fields but the header row names {width} columns: it ends before \"{column}\"."
                ),
            );
        }
    }
}

/// Reads one data row's cells into a resource, with every problem it has.
pub(crate) fn check_row(columns: &Columns, line: u64, cells: &[String]) -> ImportRow {
    let mut c = RowCheck {
        columns,
        cells,
        problems: Vec::new(),
    };
    c.check_width();
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
        duplicate_of_row: None,
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
    } else if let Err(e) = limits::single_line("provider", &provider) {
        // The same rule as a provider typed into the form.
        c.problem::<()>("provider", e.to_string());
    }
    provider
}

/// A decimal comma is read as a point: spreadsheets in many languages write one.
fn check_total_units(c: &mut RowCheck) -> Option<f64> {
    let t = c.cell("total units")?;
    match t.replace(',', ".").parse::<f64>() {
        // The form's rule (finite, within ±10^12), and above zero.
        Ok(v) if v > 0.0 && limits::units("total units", v).is_ok() => Some(v),
        Ok(v) if v > 0.0 => c.problem(
            "total units",
            limits::units("total units", v)
                .err()
                .map_or_else(String::new, |e| e.to_string()),
        ),
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
pub(crate) fn focus_area_by_name(text: &str) -> Option<i64> {
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
