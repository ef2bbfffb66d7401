//! Carries out an import's plan inside the caller's transaction. Rows go in per table
//! with one statement over `json_each` (SQLite reads the values from the JSON text, so
//! numbers land exactly as written); when a statement fails, the rows are tried one by
//! one to name the record that broke the rule.

use serde_json::Value;
use sqlx::{AssertSqlSafe, SqliteConnection};

use super::document::{Record, Tombstone};
use super::layout::{Column, Kind, Table, POLYMORPHIC};
use super::merge::{Deletion, Plan};
use super::report::{a, label};
use crate::infra::error::{AppError, AppResult};
use crate::infra::trash;

pub(crate) async fn apply(
    conn: &mut SqliteConnection,
    tables: &[Table],
    plan: &Plan,
    mut progress: impl FnMut(usize, usize),
) -> AppResult<()> {
    sqlx::query("PRAGMA defer_foreign_keys = ON")
        .execute(&mut *conn)
        .await?;
    for trash_id in &plan.revived {
        sqlx::query("DELETE FROM trash WHERE id = ?")
            .bind(trash_id)
            .execute(&mut *conn)
            .await?;
    }
    let total = tables.len() + 1;
    for (i, table) in tables.iter().enumerate() {
        if let Some(rows) = rows_of(&plan.adds, &table.name) {
            insert(conn, table, rows).await?;
        }
        if let Some(rows) = rows_of(&plan.updates, &table.name) {
            update(conn, table, rows).await?;
        }
        progress(i + 1, total);
    }
    for deletion in &plan.deletions {
        delete(conn, deletion).await?;
    }
    for tombstone in &plan.new_tombstones {
        add_tombstone(conn, tombstone).await?;
    }
    check_references(conn).await?;
    progress(total, total);
    Ok(())
}

fn rows_of<'p>(list: &'p [(String, Vec<Record>)], table: &str) -> Option<&'p [Record]> {
    list.iter()
        .find(|(t, rows)| t == table && !rows.is_empty())
        .map(|(_, rows)| rows.as_slice())
}

/// The SQL value of field `key` of the JSON row `v.value`; a reference becomes the id
/// of the record with that uid. A field
/// the file leaves out takes `fallback`: the column's default on insert, its current
/// value on update.
fn value_sql(c: &Column, fallback: Option<String>) -> String {
    let raw = format!("v.value ->> '$.{}'", c.key);
    let value = match (&c.kind, &c.parent) {
        (Kind::Uid, Some(p)) => format!("(SELECT p.id FROM \"{p}\" p WHERE p.uid = {raw})"),
        _ => raw,
    };
    match fallback {
        Some(fallback) => format!(
            "CASE WHEN json_type(v.value, '$.{}') IS NULL THEN {fallback} ELSE {value} END",
            c.key
        ),
        None => value,
    }
}

async fn insert(conn: &mut SqliteConnection, table: &Table, rows: &[Record]) -> AppResult<()> {
    let mut names: Vec<String> = table
        .columns
        .iter()
        .map(|c| format!("\"{}\"", c.name))
        .collect();
    let mut values: Vec<String> = table
        .columns
        .iter()
        .map(|c| value_sql(c, c.default.clone()))
        .collect();
    if let Some(p) = POLYMORPHIC.iter().find(|p| p.table == table.name) {
        names.push(format!("\"{}\"", p.id_column));
        values.push(p.id_sql());
    }
    let sql = format!(
        "INSERT INTO \"{}\" ({}) SELECT {} FROM json_each(?) v",
        table.name,
        names.join(", "),
        values.join(", ")
    );
    if table
        .refs()
        .any(|c| c.parent.as_deref() == Some(&table.name))
    {
        // A row pointing at another of the same table (a goal carried from a goal) must
        // find it in: one statement each, the pointed-at first. Setting the reference
        // afterwards would be an update, which moves `updated_at`.
        for row in own_parents_first(table, rows) {
            each_or_one(conn, table, &sql, std::slice::from_ref(row)).await?;
        }
        return Ok(());
    }
    each_or_one(conn, table, &sql, rows).await
}

fn own_parents_first<'r>(table: &Table, rows: &'r [Record]) -> Vec<&'r Record> {
    let keys: Vec<&str> = table
        .refs()
        .filter(|c| c.parent.as_deref() == Some(&table.name))
        .map(|c| c.key.as_str())
        .collect();
    let uid = |r: &Record| {
        r.get("uid")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let mut placed: std::collections::HashSet<String> = std::collections::HashSet::new();
    let waiting: std::collections::HashSet<String> = rows.iter().map(uid).collect();
    let mut left: Vec<&Record> = rows.iter().collect();
    let mut out = Vec::with_capacity(rows.len());
    while !left.is_empty() {
        let before = left.len();
        left.retain(|r| {
            let ready = keys
                .iter()
                .all(|k| match r.get(*k).and_then(Value::as_str) {
                    Some(parent) => placed.contains(parent) || !waiting.contains(parent),
                    None => true,
                });
            if ready {
                placed.insert(uid(r));
                out.push(*r);
            }
            !ready
        });
        if left.len() == before {
            // A cycle: what is left goes in as it is (the references check catches it).
            out.append(&mut left);
        }
    }
    out
}

async fn update(conn: &mut SqliteConnection, table: &Table, rows: &[Record]) -> AppResult<()> {
    let sets: Vec<String> = table
        .columns
        .iter()
        .filter(|c| c.key != "uid")
        .map(|c| {
            let keep = format!("\"{}\".\"{}\"", table.name, c.name);
            format!("\"{}\" = {}", c.name, value_sql(c, Some(keep)))
        })
        .collect();
    let mut sets = sets;
    if let Some(p) = POLYMORPHIC.iter().find(|p| p.table == table.name) {
        sets.push(format!("\"{}\" = {}", p.id_column, p.id_sql()));
    }
    let sql = format!(
        "UPDATE \"{t}\" SET {} FROM json_each(?) v WHERE \"{t}\".uid = v.value ->> '$.uid'",
        sets.join(", "),
        t = table.name
    );
    each_or_one(conn, table, &sql, rows).await
}

/// Runs `sql` over all `rows` at once; if that fails, row by row to find the one.
async fn each_or_one(
    conn: &mut SqliteConnection,
    table: &Table,
    sql: &str,
    rows: &[Record],
) -> AppResult<()> {
    let all = Value::Array(rows.iter().cloned().map(Value::Object).collect()).to_string();
    let Err(first) = sqlx::query(AssertSqlSafe(sql.to_owned()))
        .bind(all)
        .execute(&mut *conn)
        .await
    else {
        return Ok(());
    };
    for row in rows {
        let one = Value::Array(vec![Value::Object(row.clone())]).to_string();
        if let Err(e) = sqlx::query(AssertSqlSafe(sql.to_owned()))
            .bind(one)
            .execute(&mut *conn)
            .await
        {
            return Err(broken(table, row, &e));
        }
    }
    Err(broken(table, &rows[0], &first))
}

fn broken(table: &Table, row: &Record, e: &sqlx::Error) -> AppError {
    let why = e
        .as_database_error()
        .map(|d| d.message().to_owned())
        .unwrap_or_else(|| e.to_string());
    let uid = row.get("uid").and_then(Value::as_str).unwrap_or_default();
    AppError::invalid(
        "file",
        format!(
            "{} of this export (uid {uid}) breaks a rule of Ladder's database ({}): nothing was imported.",
            a(label(&table.name).0),
            why.chars().take(300).collect::<String>()
        ),
    )
}

/// Moves the record into the trash, under the tombstone's own uid and time, so the same
/// file imported again finds nothing to do.
async fn delete(conn: &mut SqliteConnection, deletion: &Deletion) -> AppResult<()> {
    let t = &deletion.tombstone;
    let table = t.kind.table();
    let sql = format!("SELECT id FROM \"{table}\" WHERE uid = ?");
    let Some(id): Option<i64> = sqlx::query_scalar(AssertSqlSafe(sql))
        .bind(&t.record_uid)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(());
    };
    let trashed = trash::put(conn, t.kind, id, &deletion.title).await?;
    sqlx::query("UPDATE trash SET uid = ?, deleted_at = ? WHERE id = ?")
        .bind(&t.uid)
        .bind(&t.deleted_at)
        .bind(trashed.trash_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn add_tombstone(conn: &mut SqliteConnection, t: &Tombstone) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO trash (uid, kind, record_id, record_uid, title, contents, deleted_at, discarded_at)
         VALUES (?, ?, 0, ?, '', '', ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    )
    .bind(&t.uid)
    .bind(t.kind)
    .bind(&t.record_uid)
    .bind(&t.deleted_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Deferred foreign keys are only checked at COMMIT, which a preview never reaches:
/// ask SQLite now, so the preview refuses what the import would.
async fn check_references(conn: &mut SqliteConnection) -> AppResult<()> {
    let broken: Vec<(String,)> =
        sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1")
            .fetch_all(&mut *conn)
            .await?;
    match broken.first() {
        None => Ok(()),
        Some((table,)) => Err(AppError::invalid(
            "file",
            format!(
                "Some {} of this export point at records that are not there: nothing was imported.",
                label(table).1
            ),
        )),
    }
}
