//! Writes the whole record as one JSON document (docs/export-format.md).
//!
//! Each record is built by SQLite's `json_object`, so no value passes through a Rust
//! float, and records are sorted by uid, so the same data gives the same file on any
//! computer. One record per line keeps the file readable and diffable.

use sqlx::{AssertSqlSafe, SqliteConnection};

use super::layout::{Kind, Table};
use super::FORMAT_VERSION;
use crate::infra::error::AppResult;

/// The text of the document, with how many records and tombstones it holds.
/// `progress(done, total)` is called after each table.
pub(crate) async fn document(
    conn: &mut SqliteConnection,
    tables: &[Table],
    app_version: &str,
    exported_at: &str,
    mut progress: impl FnMut(usize, usize),
) -> AppResult<(String, u64, u64)> {
    let mut records = 0u64;
    let mut out = String::with_capacity(1 << 20);
    out.push_str("{\n  \"format\": \"ladder-export\",\n");
    out.push_str(&format!("  \"formatVersion\": {FORMAT_VERSION},\n"));
    out.push_str(&format!("  \"appVersion\": {},\n", quoted(app_version)));
    out.push_str(&format!("  \"exportedAt\": {},\n", quoted(exported_at)));
    out.push_str("  \"records\": {");
    let total = tables.len() + 1;
    let mut sorted: Vec<&Table> = tables.iter().collect();
    sorted.sort_by(|a, b| a.key.cmp(&b.key));
    for (i, table) in sorted.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&format!("    {}: ", quoted(&table.key)));
        let rows = rows(conn, table).await?;
        records += rows.len() as u64;
        push_array(&mut out, &rows, "    ");
        progress(i + 1, total);
    }
    out.push_str("\n  },\n  \"tombstones\": ");
    let tombstones = tombstones(conn).await?;
    push_array(&mut out, &tombstones, "  ");
    out.push_str("\n}\n");
    progress(total, total);
    Ok((out, records, tombstones.len() as u64))
}

fn quoted(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

fn push_array(out: &mut String, items: &[String], indent: &str) {
    if items.is_empty() {
        out.push_str("[]");
        return;
    }
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(indent);
        out.push_str("  ");
        out.push_str(item);
    }
    out.push('\n');
    out.push_str(indent);
    out.push(']');
}

/// `json_object(…)` of one table's row `t`, references written as the uid they point at.
pub(crate) fn record_sql(table: &Table) -> String {
    let pairs: Vec<String> = table
        .columns
        .iter()
        .map(|c| match (c.kind, &c.parent) {
            (Kind::Uid, Some(parent)) => format!(
                "'{}', (SELECT p.uid FROM \"{parent}\" p WHERE p.id = t.\"{}\")",
                c.key, c.name
            ),
            _ => format!("'{}', t.\"{}\"", c.key, c.name),
        })
        .collect();
    format!("json_object({})", pairs.join(", "))
}

/// Every record of `table` as JSON text, by uid.
pub(crate) async fn rows(conn: &mut SqliteConnection, table: &Table) -> AppResult<Vec<String>> {
    let sql = format!(
        "SELECT {} FROM \"{}\" t ORDER BY t.uid",
        record_sql(table),
        table.name
    );
    Ok(sqlx::query_scalar(AssertSqlSafe(sql))
        .fetch_all(&mut *conn)
        .await?)
}

/// What was deleted, and when: every trash entry that knows its record's uid, in the
/// trash or already thrown away. Titles stay out: an emptied trash keeps none.
pub(crate) async fn tombstones(conn: &mut SqliteConnection) -> AppResult<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT json_object('uid', uid, 'kind', kind, 'recordUid', record_uid, 'deletedAt', deleted_at)
         FROM trash WHERE record_uid IS NOT NULL ORDER BY uid",
    )
    .fetch_all(&mut *conn)
    .await?)
}
