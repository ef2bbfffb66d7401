//! The JSON Schema of the export format, made from the same layout the export is, so
//! the committed `docs/export-format.schema.json` cannot drift from what Ladder writes
//! (a test compares them).

use serde_json::{json, Map, Value};
use sqlx::SqliteConnection;

use super::layout::{self, Kind};
use super::FORMAT_VERSION;
use crate::infra::error::AppResult;

const UID: &str = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

/// The schema as pretty JSON text, ending in a newline.
pub async fn json_schema(conn: &mut SqliteConnection) -> AppResult<String> {
    let mut tables = layout::read(conn).await?;
    tables.sort_by(|a, b| a.key.cmp(&b.key));
    let records: Map<String, Value> = tables
        .iter()
        .map(|t| (t.key.clone(), records_schema(t)))
        .collect();
    let kinds: Vec<Value> = crate::infra::trash::TrashKind::ALL
        .iter()
        .map(|k| serde_json::to_value(k).unwrap_or(Value::Null))
        .collect();
    let schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://ladder.invalid/export-format.schema.json",
        "title": "Ladder export",
        "description": format!("The whole record of a Ladder database, format version {FORMAT_VERSION}. See docs/export-format.md."),
        "type": "object",
        "additionalProperties": false,
        "required": ["format", "formatVersion", "appVersion", "exportedAt", "records", "tombstones"],
        "properties": {
            "format": { "const": "ladder-export" },
            "formatVersion": { "type": "integer", "minimum": 1, "maximum": FORMAT_VERSION },
            "appVersion": { "type": "string" },
            "exportedAt": { "type": "string" },
            "records": { "type": "object", "additionalProperties": false, "properties": records },
            "tombstones": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["uid", "kind", "recordUid", "deletedAt"],
                    "properties": {
                        "uid": { "type": "string", "pattern": UID },
                        "kind": { "enum": kinds },
                        "recordUid": { "type": "string", "pattern": UID },
                        "deletedAt": { "type": "string" }
                    }
                }
            }
        }
    });
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    Ok(text)
}

/// The name a table's records have in the file (`check_ins` → `checkIns`).
pub fn key_of(table: &str) -> String {
    layout::camel(table, false)
}

/// The schema of one table's list of records.
fn records_schema(table: &layout::Table) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for c in &table.columns {
        let mut types = vec![match c.kind {
            Kind::Text | Kind::Uid => "string",
            Kind::Integer => "integer",
            Kind::Real => "number",
        }];
        if c.nullable && c.key != "uid" {
            types.push("null");
        }
        let mut p = Map::new();
        let kind = if types.len() == 1 {
            json!(types[0])
        } else {
            json!(types)
        };
        p.insert("type".into(), kind);
        if c.kind == Kind::Uid || c.key == "uid" {
            p.insert("pattern".into(), json!(UID));
        }
        if let Some(parent) = &c.parent {
            let what = format!(
                "the uid of a record of \"{}\"",
                layout::camel(parent, false)
            );
            p.insert("description".into(), json!(what));
        }
        properties.insert(c.key.clone(), Value::Object(p));
        if !c.optional || c.key == "uid" {
            required.push(json!(c.key));
        }
    }
    json!({
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": false,
            "required": required,
            "properties": properties,
        }
    })
}
