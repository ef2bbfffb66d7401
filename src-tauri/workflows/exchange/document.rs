//! Reads an export file and refuses, before anything is written, what is not one:
//! broken JSON, nesting past serde_json's limit (128 levels), a newer format, fields of
//! the wrong type, unknown fields, text past the limits, duplicate uids.
//! References are checked later, against the file and this computer together.

use std::collections::{BTreeMap, HashSet};

use serde_json::{Map, Value};

use super::layout::{Kind, Table};
use super::FORMAT_VERSION;
use crate::infra::error::{AppError, AppResult};
use crate::infra::trash::TrashKind;

/// The longest text any column holds.
const TEXT_MAX: usize = 20_000;

pub(crate) type Record = Map<String, Value>;

pub(crate) struct Document {
    /// Table name → its records, in the file's order.
    pub records: BTreeMap<String, Vec<Record>>,
    pub tombstones: Vec<Tombstone>,
}

#[derive(Debug, Clone)]
pub(crate) struct Tombstone {
    pub uid: String,
    pub kind: TrashKind,
    pub record_uid: String,
    pub deleted_at: String,
}

fn refuse(message: impl Into<String>) -> AppError {
    AppError::invalid("file", message)
}

pub(crate) fn parse(bytes: &[u8], tables: &[Table]) -> AppResult<Document> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        let why = crate::infra::input::unexpected(e.to_string());
        refuse(format!(
            "This is not a Ladder export: it is not valid JSON ({why})."
        ))
    })?;
    let Value::Object(mut top) = value else {
        return Err(refuse(
            "This is not a Ladder export: it holds no JSON object.",
        ));
    };
    header(&top)?;
    for key in top.keys() {
        if ![
            "format",
            "formatVersion",
            "appVersion",
            "exportedAt",
            "records",
            "tombstones",
        ]
        .contains(&key.as_str())
        {
            return Err(refuse(format!(
                "This export holds a field \"{}\" that Ladder does not know.",
                short(key)
            )));
        }
    }
    let records = records(top.remove("records"), tables)?;
    let tombstones = tombstones(top.remove("tombstones"))?;
    Ok(Document {
        records,
        tombstones,
    })
}

fn header(top: &Map<String, Value>) -> AppResult<()> {
    if top.get("format").and_then(Value::as_str) != Some("ladder-export") {
        return Err(refuse(
            "This is not a Ladder export (its \"format\" is not \"ladder-export\").",
        ));
    }
    let version = top
        .get("formatVersion")
        .and_then(Value::as_i64)
        .filter(|v| *v >= 1)
        .ok_or_else(|| refuse("This export has no format version Ladder can read."))?;
    if version > FORMAT_VERSION {
        let written_by = top
            .get("appVersion")
            .and_then(Value::as_str)
            .map(short)
            .unwrap_or_else(|| "a newer version".into());
        return Err(refuse(format!(
            "This export was written by Ladder {written_by} in format {version}; this Ladder ({}) reads format {FORMAT_VERSION}. Install Ladder {written_by} or newer to import it.",
            env!("CARGO_PKG_VERSION")
        )));
    }
    for key in ["appVersion", "exportedAt"] {
        if !top.get(key).is_some_and(Value::is_string) {
            return Err(refuse(format!("This export has no \"{key}\".")));
        }
    }
    Ok(())
}

/// A name quoted from the file, cut so a hostile one cannot fill the message.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}

fn records(value: Option<Value>, tables: &[Table]) -> AppResult<BTreeMap<String, Vec<Record>>> {
    let Some(Value::Object(map)) = value else {
        return Err(refuse("This export has no \"records\" object."));
    };
    let mut out = BTreeMap::new();
    for (key, list) in map {
        let table = tables.iter().find(|t| t.key == key).ok_or_else(|| {
            refuse(format!(
                "This export holds \"{}\" records, which this Ladder does not know.",
                short(&key)
            ))
        })?;
        let Value::Array(items) = list else {
            return Err(refuse(format!("\"records.{key}\" is not a list.")));
        };
        let mut seen = HashSet::with_capacity(items.len());
        let mut rows = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let at = format!("records.{key}[{i}]");
            let Value::Object(record) = item else {
                return Err(refuse(format!("{at} is not an object.")));
            };
            check_record(&record, table, &at)?;
            let uid = record["uid"].as_str().unwrap_or_default().to_owned();
            if !seen.insert(uid.clone()) {
                return Err(refuse(format!("{at}: the uid {uid} is there twice.")));
            }
            rows.push(record);
        }
        out.insert(table.name.clone(), rows);
    }
    Ok(out)
}

fn check_record(record: &Record, table: &Table, at: &str) -> AppResult<()> {
    for key in record.keys() {
        if table.column(key).is_none() {
            return Err(refuse(format!(
                "{at} has a field \"{}\" that a {} record does not have.",
                short(key),
                table.key
            )));
        }
    }
    for column in &table.columns {
        let at = format!("{at}.{}", column.key);
        match record.get(&column.key) {
            None if column.key == "uid" => return Err(refuse(format!("{at} is missing."))),
            None if column.optional => {}
            None => return Err(refuse(format!("{at} is missing."))),
            Some(Value::Null) if column.nullable && column.key != "uid" => {}
            Some(value) => check_value(value, column.kind, &column.name, &at)?,
        }
    }
    Ok(())
}

fn check_value(value: &Value, kind: Kind, name: &str, at: &str) -> AppResult<()> {
    let ok = match (kind, value) {
        (Kind::Uid, Value::String(s)) => is_uid(s),
        (Kind::Text, Value::String(s)) if name == "uid" => is_uid(s),
        (Kind::Text, Value::String(s)) if name.ends_with("_at") => is_timestamp(s),
        (Kind::Text, Value::String(s)) => return check_text(s, at),
        (Kind::Integer, Value::Number(n)) => n.is_i64(),
        (Kind::Real, Value::Number(n)) => n
            .as_f64()
            .is_some_and(|f| f.is_finite() && f.abs() <= crate::infra::limits::NUMBER_MAX),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(refuse(format!("{at} is not {}.", expected(kind, name))))
    }
}

fn expected(kind: Kind, name: &str) -> &'static str {
    match kind {
        Kind::Uid => "a uid",
        Kind::Text if name == "uid" => "a uid",
        Kind::Text if name.ends_with("_at") => "a UTC time such as 2026-12-02T09:30:00.000Z",
        Kind::Text => "text",
        Kind::Integer => "a whole number",
        Kind::Real => "a number between -1,000,000,000,000 and 1,000,000,000,000",
    }
}

fn check_text(text: &str, at: &str) -> AppResult<()> {
    let count = text.chars().count();
    if count > TEXT_MAX {
        return Err(refuse(format!(
            "{at} is {count} characters long; Ladder keeps texts of up to {TEXT_MAX}."
        )));
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        return Err(refuse(format!(
            "{at} holds a control character (such as NUL) that no Ladder text has."
        )));
    }
    Ok(())
}

/// A UUID as Ladder writes them: lowercase hex, 8-4-4-4-12.
pub(crate) fn is_uid(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(c),
        })
}

/// `2026-12-02T09:30:00.000Z`, the form SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ')` writes.
fn is_timestamp(text: &str) -> bool {
    text.len() <= 40
        && text.ends_with('Z')
        && chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.fZ").is_ok()
}

fn tombstones(value: Option<Value>) -> AppResult<Vec<Tombstone>> {
    let items = match value {
        None => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(refuse("\"tombstones\" is not a list.")),
    };
    let mut seen = HashSet::new();
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("tombstones[{i}]");
            let t = tombstone(item).ok_or_else(|| {
                refuse(format!(
                    "{at} is not a tombstone (uid, kind, recordUid and deletedAt)."
                ))
            })?;
            if !seen.insert(t.uid.clone()) {
                return Err(refuse(format!("{at}: the uid {} is there twice.", t.uid)));
            }
            Ok(t)
        })
        .collect()
}

fn tombstone(item: Value) -> Option<Tombstone> {
    let Value::Object(map) = item else {
        return None;
    };
    if map.len() != 4 {
        return None;
    }
    let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_owned);
    let kind: TrashKind = serde_json::from_value(map.get("kind")?.clone()).ok()?;
    let t = Tombstone {
        uid: text("uid").filter(|u| is_uid(u))?,
        kind,
        record_uid: text("recordUid").filter(|u| is_uid(u))?,
        deleted_at: text("deletedAt").filter(|t| is_timestamp(t))?,
    };
    Some(t)
}
