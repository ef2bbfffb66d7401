//! The trash: deleting a record moves it, and every row that goes with it, out of the
//! live tables into `trash_rows`; restoring puts them back.
//!
//! What goes with a record is read from the schema's own foreign keys (`ON DELETE
//! CASCADE` rows go, `ON DELETE SET NULL` references are noted), so a table added by a
//! later migration is covered without a line here. Trashed rows leave the live tables,
//! so every screen, the search and the dashboard stop showing them without a filter
//! that a query could forget.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};

/// What can be deleted and taken back. Stored as the snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type, TS)]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TrashKind {
    Plan,
    Goal,
    Milestone,
    Win,
    Resource,
    Person,
    OneOnOne,
    Opportunity,
    Conversation,
    TargetRole,
    Expectation,
}

impl TrashKind {
    pub const ALL: [TrashKind; 11] = [
        TrashKind::Plan,
        TrashKind::Goal,
        TrashKind::Milestone,
        TrashKind::Win,
        TrashKind::Resource,
        TrashKind::Person,
        TrashKind::OneOnOne,
        TrashKind::Opportunity,
        TrashKind::Conversation,
        TrashKind::TargetRole,
        TrashKind::Expectation,
    ];

    pub fn table(self) -> &'static str {
        match self {
            TrashKind::Plan => "plans",
            TrashKind::Goal => "goals",
            TrashKind::Milestone => "milestones",
            TrashKind::Win => "achievements",
            TrashKind::Resource => "resources",
            TrashKind::Person => "people",
            TrashKind::OneOnOne => "one_on_ones",
            TrashKind::Opportunity => "opportunities",
            TrashKind::Conversation => "conversations",
            TrashKind::TargetRole => "target_roles",
            TrashKind::Expectation => "role_expectations",
        }
    }

    fn from_table(table: &str) -> Option<TrashKind> {
        TrashKind::ALL.into_iter().find(|k| k.table() == table)
    }

    pub fn noun(self) -> &'static str {
        match self {
            TrashKind::Plan => "plan",
            TrashKind::Goal => "goal",
            TrashKind::Milestone => "milestone",
            TrashKind::Win => "win",
            TrashKind::Resource => "resource",
            TrashKind::Person => "person",
            TrashKind::OneOnOne => "1:1",
            TrashKind::Opportunity => "opportunity",
            TrashKind::Conversation => "conversation",
            TrashKind::TargetRole => "target role",
            TrashKind::Expectation => "expectation",
        }
    }
}

/// A row of the trash as the Trash screen lists it.
#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrashItem {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: TrashKind,
    #[ts(type = "number")]
    pub record_id: i64,
    pub title: String,
    /// What went with it, in words ("3 goals, 5 milestones and 2 check-ins").
    pub contents: String,
    pub deleted_at: String,
}

/// What a delete tells the screen: the trash item to restore for Undo, and in words
/// what went.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Trashed {
    #[ts(type = "number")]
    pub trash_id: i64,
    pub title: String,
    /// "3 goals and 2 check-ins", or "" when nothing went with it.
    pub contents: String,
}

/// What deleting a record takes with it and which other records lose their link to
/// it, in words, so a confirmation can name all of it.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Impact {
    /// "3 goals", "1 self-assessment", … (counts of each kind of row that goes).
    pub goes: Vec<String>,
    /// "2 wins", … (rows that stay but stop pointing at it).
    pub unlinks: Vec<String>,
}

impl Impact {
    /// "with 3 goals and 2 check-ins", or "" when nothing goes with it.
    pub fn with_words(&self) -> String {
        if self.goes.is_empty() {
            String::new()
        } else {
            format!(" with {}", join_words(&self.goes))
        }
    }
}

fn join_words(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One foreign key of the schema, as `pragma_foreign_key_list` tells it.
#[derive(Debug, Clone, FromRow)]
struct ForeignKey {
    table_name: String,
    column_name: String,
    parent: String,
    parent_column: Option<String>,
    on_delete: String,
}

struct Schema {
    keys: Vec<ForeignKey>,
    columns: HashMap<String, Vec<String>>,
}

impl Schema {
    async fn read(conn: &mut SqliteConnection) -> AppResult<Schema> {
        let keys = sqlx::query_as::<_, ForeignKey>(
            "SELECT m.name AS table_name, f.\"from\" AS column_name, f.\"table\" AS parent,
                    f.\"to\" AS parent_column, f.on_delete
             FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
             WHERE m.type = 'table' AND m.name NOT LIKE 'trash%'
             ORDER BY m.name, f.id, f.seq",
        )
        .fetch_all(&mut *conn)
        .await?;
        let names: Vec<(String, String)> = sqlx::query_as(
            "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
             WHERE m.type = 'table' ORDER BY m.name, c.cid",
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut columns: HashMap<String, Vec<String>> = HashMap::new();
        for (table, column) in names {
            columns.entry(table).or_default().push(column);
        }
        Ok(Schema { keys, columns })
    }

    fn children_of<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a ForeignKey> {
        self.keys.iter().filter(move |k| k.parent == parent)
    }

    fn keys_of<'a>(&'a self, table: &'a str) -> impl Iterator<Item = &'a ForeignKey> {
        self.keys.iter().filter(move |k| k.table_name == table)
    }

    fn has_id(&self, table: &str) -> bool {
        self.columns
            .get(table)
            .is_some_and(|c| c.iter().any(|n| n == "id"))
    }

    /// `json_object('a', "a", 'b', "b", …)` over every column of `table`.
    fn row_json(&self, table: &str) -> String {
        let pairs: Vec<String> = self.columns[table]
            .iter()
            .map(|c| format!("'{c}', \"{c}\""))
            .collect();
        format!("json_object({})", pairs.join(", "))
    }
}

/// A row that goes: its table, rowid and columns as JSON text straight from SQLite (so
/// no value passes through a Rust float).
struct Row {
    table: String,
    row_id: i64,
    data: String,
}

struct Link {
    table: String,
    row_id: i64,
    column: String,
    value: i64,
}

/// Everything deleting one record takes with it.
struct Gathered {
    rows: Vec<Row>,
    links: Vec<Link>,
}

/// Reads every row that deleting `kind` `id` would take (owners first) and every
/// reference it would clear, without changing anything.
async fn gather(conn: &mut SqliteConnection, kind: TrashKind, id: i64) -> AppResult<Gathered> {
    let schema = Schema::read(conn).await?;
    let mut found = Gathered {
        rows: Vec::new(),
        links: Vec::new(),
    };
    let mut seen = HashSet::new();
    let mut queue = vec![(kind.table().to_owned(), "rowid".to_owned(), id)];
    while let Some((table, column, value)) = queue.pop() {
        let sql = format!(
            "SELECT rowid, {} FROM \"{table}\" WHERE \"{column}\" = ? ORDER BY rowid",
            schema.row_json(&table)
        );
        let rows: Vec<(i64, String)> = sqlx::query_as(AssertSqlSafe(sql))
            .bind(value)
            .fetch_all(&mut *conn)
            .await?;
        for (row_id, data) in rows {
            if !seen.insert((table.clone(), row_id)) {
                continue;
            }
            let values: serde_json::Value = serde_json::from_str(&data)
                .map_err(|e| AppError::conflict(None, format!("a row could not be read: {e}")))?;
            for key in schema.children_of(&table) {
                let referenced = key.parent_column.as_deref().unwrap_or("id");
                let Some(target) = values.get(referenced).and_then(|v| v.as_i64()) else {
                    continue;
                };
                match key.on_delete.as_str() {
                    "CASCADE" => {
                        queue.push((key.table_name.clone(), key.column_name.clone(), target))
                    }
                    "SET NULL" => note_links(conn, key, target, &mut found.links).await?,
                    _ => {}
                }
            }
            found.rows.push(Row {
                table: table.clone(),
                row_id,
                data,
            });
        }
    }
    // A reference from a row that goes anyway needs no restoring.
    found
        .links
        .retain(|l| !seen.contains(&(l.table.clone(), l.row_id)));
    Ok(found)
}

async fn note_links(
    conn: &mut SqliteConnection,
    key: &ForeignKey,
    value: i64,
    links: &mut Vec<Link>,
) -> AppResult<()> {
    let sql = format!(
        "SELECT rowid FROM \"{}\" WHERE \"{}\" = ?",
        key.table_name, key.column_name
    );
    let ids: Vec<i64> = sqlx::query_scalar(AssertSqlSafe(sql))
        .bind(value)
        .fetch_all(&mut *conn)
        .await?;
    links.extend(ids.into_iter().map(|row_id| Link {
        table: key.table_name.clone(),
        row_id,
        column: key.column_name.clone(),
        value,
    }));
    Ok(())
}

/// What deleting `kind` `id` takes with it, in words.
pub async fn impact(conn: &mut SqliteConnection, kind: TrashKind, id: i64) -> AppResult<Impact> {
    let found = gather(conn, kind, id).await?;
    found.impact(kind, id)
}

impl Gathered {
    fn impact(&self, kind: TrashKind, id: i64) -> AppResult<Impact> {
        if self.rows.is_empty() {
            return Err(AppError::NotFound {
                entity: kind.noun(),
                id,
            });
        }
        let goes = count_words(self.rows.iter().skip(1).map(|r| r.table.as_str()));
        let mut unlinked: Vec<(&str, i64)> = self
            .links
            .iter()
            .map(|l| (l.table.as_str(), l.row_id))
            .collect();
        unlinked.sort();
        unlinked.dedup();
        let unlinks = count_words(unlinked.into_iter().map(|(t, _)| t));
        Ok(Impact { goes, unlinks })
    }
}

/// "3 goals", "1 check-in", … in the order of `NOUNS`.
fn count_words<'a>(tables: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut counts = [0usize; NOUNS.len()];
    for table in tables {
        // Tables named alike (a goal's and a win's links) count as one.
        if let Some((_, one, _)) = NOUNS.iter().find(|(t, _, _)| *t == table) {
            let first = NOUNS.iter().position(|(_, o, _)| o == one).unwrap_or(0);
            counts[first] += 1;
        }
    }
    NOUNS
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|((_, one, many), n)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect()
}

/// How a confirmation names a row of each table, biggest things first. Rows of a table
/// not named here are ones a person never sees by themselves.
const NOUNS: &[(&str, &str, &str)] = &[
    ("goals", "goal", "goals"),
    ("milestones", "milestone", "milestones"),
    ("check_ins", "check-in", "check-ins"),
    ("self_assessments", "self-assessment", "self-assessments"),
    ("achievements", "win", "wins"),
    ("stories", "STAR story", "STAR stories"),
    ("resources", "resource", "resources"),
    ("progress_entries", "progress entry", "progress entries"),
    ("feedback_requests", "feedback request", "feedback requests"),
    (
        "feedback_received",
        "piece of feedback",
        "pieces of feedback",
    ),
    ("feedback_actions", "feedback action", "feedback actions"),
    ("one_on_ones", "1:1", "1:1s"),
    ("agenda_items", "agenda item", "agenda items"),
    ("action_items", "action item", "action items"),
    ("topics", "topic", "topics"),
    ("goal_facets", "facet tag", "facet tags"),
    ("goal_principles", "principle tag", "principle tags"),
    ("achievement_principles", "principle tag", "principle tags"),
    ("goal_links", "link", "links"),
    ("achievement_links", "link", "links"),
    ("resource_goals", "learning link", "learning links"),
    ("role_expectations", "expectation", "expectations"),
    ("expectation_ratings", "rating", "ratings"),
    ("expectation_evidence", "evidence link", "evidence links"),
];

/// Moves `kind` `id` and all that goes with it into the trash, inside the caller's
/// transaction.
pub async fn put(
    conn: &mut SqliteConnection,
    kind: TrashKind,
    id: i64,
    title: &str,
) -> AppResult<Trashed> {
    let found = gather(conn, kind, id).await?;
    let contents = join_words(&found.impact(kind, id)?.goes);
    let sql = format!(
        "INSERT INTO trash (kind, record_id, record_uid, title, contents)
         VALUES (?, ?, (SELECT uid FROM \"{}\" WHERE rowid = ?), ?, ?) RETURNING id",
        kind.table()
    );
    let trash_id: i64 = sqlx::query_scalar(AssertSqlSafe(sql))
        .bind(kind)
        .bind(id)
        .bind(id)
        .bind(title)
        .bind(&contents)
        .fetch_one(&mut *conn)
        .await?;
    for (position, row) in found.rows.iter().enumerate() {
        sqlx::query(
            "INSERT INTO trash_rows (trash_id, position, table_name, row_id, data)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(trash_id)
        .bind(position as i64)
        .bind(&row.table)
        .bind(row.row_id)
        .bind(&row.data)
        .execute(&mut *conn)
        .await?;
    }
    for link in &found.links {
        sqlx::query(
            "INSERT INTO trash_links (trash_id, table_name, row_id, column_name, value)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(trash_id)
        .bind(&link.table)
        .bind(link.row_id)
        .bind(&link.column)
        .bind(link.value)
        .execute(&mut *conn)
        .await?;
    }
    // The schema's cascades delete the rest, exactly the rows gathered above.
    let sql = format!("DELETE FROM \"{}\" WHERE rowid = ?", kind.table());
    sqlx::query(AssertSqlSafe(sql))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(Trashed {
        trash_id,
        title: title.to_owned(),
        contents,
    })
}

pub async fn list(conn: &mut SqliteConnection) -> AppResult<Vec<TrashItem>> {
    Ok(sqlx::query_as::<_, TrashItem>(
        "SELECT id, kind, record_id, title, contents, deleted_at FROM trash
         WHERE discarded_at IS NULL ORDER BY deleted_at DESC, id DESC",
    )
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn fetch(conn: &mut SqliteConnection, trash_id: i64) -> AppResult<TrashItem> {
    sqlx::query_as::<_, TrashItem>(
        "SELECT id, kind, record_id, title, contents, deleted_at FROM trash
         WHERE id = ? AND discarded_at IS NULL",
    )
    .bind(trash_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound {
        entity: "trash item",
        id: trash_id,
    })
}

/// Empties the trash for good; returns how many items went. What was deleted stays as a
/// tombstone (kind, uid, when; no title, no rows), so importing an older export or
/// merging another computer's record does not bring it back.
pub async fn empty(conn: &mut SqliteConnection) -> AppResult<u64> {
    throw_away(conn, None).await
}

/// Deletes one item from the trash for good, leaving its tombstone.
pub async fn discard(conn: &mut SqliteConnection, trash_id: i64) -> AppResult<()> {
    fetch(conn, trash_id).await?;
    throw_away(conn, Some(trash_id)).await.map(|_| ())
}

/// Throws away one item of the trash (`Some`) or all of it (`None`), three statements
/// whatever the count; returns how many items went.
async fn throw_away(conn: &mut SqliteConnection, trash_id: Option<i64>) -> AppResult<u64> {
    let which =
        "trash_id IN (SELECT id FROM trash WHERE discarded_at IS NULL AND (?1 IS NULL OR id = ?1))";
    for table in ["trash_rows", "trash_links"] {
        sqlx::query(AssertSqlSafe(format!("DELETE FROM {table} WHERE {which}")))
            .bind(trash_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(sqlx::query(
        "UPDATE trash SET title = '', contents = '',
                discarded_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE discarded_at IS NULL AND (?1 IS NULL OR id = ?1)",
    )
    .bind(trash_id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// Puts a trashed record and all that went with it back, inside the caller's
/// transaction; returns the record's id (a new one if its old id was taken meanwhile).
pub async fn restore(conn: &mut SqliteConnection, trash_id: i64) -> AppResult<(TrashItem, i64)> {
    let item = fetch(conn, trash_id).await?;
    let schema = Schema::read(conn).await?;
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT table_name, row_id, data FROM trash_rows WHERE trash_id = ? ORDER BY position",
    )
    .bind(trash_id)
    .fetch_all(&mut *conn)
    .await?;
    if rows.is_empty() {
        return Err(AppError::conflict(None, "This item of the trash is empty."));
    }
    // Rows come back owners first, but a row owned twice over (a feedback action of a
    // goal and of its milestone) may come before one of its owners: check at commit.
    sqlx::query("PRAGMA defer_foreign_keys = ON")
        .execute(&mut *conn)
        .await?;
    let mut moved = Moved::default();
    let mut placed = Vec::with_capacity(rows.len());
    for (table, row_id, data) in &rows {
        let data = moved.rewrite(conn, &schema, table, data).await?;
        let new_id = insert_row(conn, &schema, table, *row_id, &data).await?;
        if new_id != *row_id {
            moved.ids.insert((table.clone(), *row_id), new_id);
        }
        placed.push((table.as_str(), new_id));
    }
    moved.fix_late_owners(conn, &schema, &placed).await?;
    check_owners(conn, &schema, &placed).await?;
    relink(conn, &schema, trash_id, &moved).await?;
    sqlx::query("DELETE FROM trash WHERE id = ?")
        .bind(trash_id)
        .execute(&mut *conn)
        .await?;
    let record_id = moved.id(item.kind.table(), item.record_id);
    // Restoring is a change made now: an export that still holds the tombstone must
    // not delete the record again on import.
    let sql = format!(
        "UPDATE \"{}\" SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = ?",
        item.kind.table()
    );
    sqlx::query(AssertSqlSafe(sql))
        .bind(record_id)
        .execute(&mut *conn)
        .await?;
    Ok((item, record_id))
}

/// Old rowid → new rowid for rows whose id had been taken while they were in the trash.
#[derive(Default)]
struct Moved {
    ids: HashMap<(String, i64), i64>,
}

impl Moved {
    fn id(&self, table: &str, old: i64) -> i64 {
        *self.ids.get(&(table.to_owned(), old)).unwrap_or(&old)
    }

    /// The row's JSON with each reference to a moved row pointed at its new id.
    async fn rewrite(
        &self,
        conn: &mut SqliteConnection,
        schema: &Schema,
        table: &str,
        data: &str,
    ) -> AppResult<String> {
        let mut data = data.to_owned();
        if self.ids.is_empty() {
            return Ok(data);
        }
        let values: serde_json::Value = serde_json::from_str(&data)
            .map_err(|e| AppError::conflict(None, format!("a row could not be read: {e}")))?;
        for key in schema.keys_of(table) {
            let Some(old) = values.get(&key.column_name).and_then(|v| v.as_i64()) else {
                continue;
            };
            let new = self.id(&key.parent, old);
            if new != old {
                let path = format!("$.\"{}\"", key.column_name);
                data = sqlx::query_scalar("SELECT json_set(?, ?, ?)")
                    .bind(&data)
                    .bind(path)
                    .bind(new)
                    .fetch_one(&mut *conn)
                    .await?;
            }
        }
        Ok(data)
    }

    /// Points references at owners that were restored after the row and got a new id.
    async fn fix_late_owners(
        &self,
        conn: &mut SqliteConnection,
        schema: &Schema,
        placed: &[(&str, i64)],
    ) -> AppResult<()> {
        if self.ids.is_empty() {
            return Ok(());
        }
        for (table, row_id) in placed {
            for key in schema.keys_of(table) {
                for ((parent, old), new) in &self.ids {
                    if *parent != key.parent {
                        continue;
                    }
                    let sql = format!(
                        "UPDATE \"{table}\" SET \"{0}\" = ? WHERE rowid = ? AND \"{0}\" = ?",
                        key.column_name
                    );
                    sqlx::query(AssertSqlSafe(sql))
                        .bind(new)
                        .bind(row_id)
                        .bind(old)
                        .execute(&mut *conn)
                        .await?;
                }
            }
        }
        Ok(())
    }
}

/// Inserts one row from its JSON; returns its rowid. A row whose id was taken while it
/// was in the trash gets a new one.
async fn insert_row(
    conn: &mut SqliteConnection,
    schema: &Schema,
    table: &str,
    row_id: i64,
    data: &str,
) -> AppResult<i64> {
    let taken = schema.has_id(table) && {
        let sql = format!("SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE id = ?)");
        sqlx::query_scalar::<_, bool>(AssertSqlSafe(sql))
            .bind(row_id)
            .fetch_one(&mut *conn)
            .await?
    };
    // A column added by a migration after the delete is not in the row: it takes its
    // default, as it did for the rows that stayed.
    let stored: serde_json::Map<String, serde_json::Value> = serde_json::from_str(data)
        .map_err(|e| AppError::conflict(None, format!("a row could not be read: {e}")))?;
    let columns: Vec<&String> = schema.columns[table]
        .iter()
        .filter(|c| stored.contains_key(c.as_str()) && !(taken && c.as_str() == "id"))
        .collect();
    let names: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
    let values: Vec<String> = columns
        .iter()
        .map(|c| format!("?1 ->> '$.\"{c}\"'"))
        .collect();
    let sql = format!(
        "INSERT INTO \"{table}\" ({}) SELECT {}",
        names.join(", "),
        values.join(", ")
    );
    let done = sqlx::query(AssertSqlSafe(sql))
        .bind(data)
        .execute(&mut *conn)
        .await?;
    Ok(done.last_insert_rowid())
}

/// Links rows that lost their reference to a trashed one back to it, when they are
/// still there and still unlinked.
async fn relink(
    conn: &mut SqliteConnection,
    schema: &Schema,
    trash_id: i64,
    moved: &Moved,
) -> AppResult<()> {
    let links: Vec<(String, i64, String, i64)> = sqlx::query_as(
        "SELECT table_name, row_id, column_name, value FROM trash_links WHERE trash_id = ?",
    )
    .bind(trash_id)
    .fetch_all(&mut *conn)
    .await?;
    for (table, row_id, column, value) in links {
        let Some(key) = schema.keys_of(&table).find(|k| k.column_name == column) else {
            continue;
        };
        let sql = format!(
            "UPDATE \"{table}\" SET \"{column}\" = ? WHERE rowid = ? AND \"{column}\" IS NULL"
        );
        sqlx::query(AssertSqlSafe(sql))
            .bind(moved.id(&key.parent, value))
            .bind(row_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Every restored row's references must lead somewhere. When one leads to a record
/// that went meanwhile: the record itself is refused (its plan is gone, say), naming
/// what is missing and whether it is in the trash; a reference the schema lets go is
/// cleared (a win's goal); a row of what went with it that cannot stand is left out (a
/// tag of a principle deleted since).
async fn check_owners(
    conn: &mut SqliteConnection,
    schema: &Schema,
    placed: &[(&str, i64)],
) -> AppResult<()> {
    for (position, (table, row_id)) in placed.iter().enumerate() {
        for key in schema.keys_of(table) {
            let Some(missing) = missing_owner(conn, key, table, *row_id).await? else {
                continue;
            };
            let sql = if key.on_delete == "SET NULL" {
                format!(
                    "UPDATE \"{table}\" SET \"{}\" = NULL WHERE rowid = ?",
                    key.column_name
                )
            } else if position == 0 {
                return Err(owner_gone(conn, &key.parent, missing).await?);
            } else {
                format!("DELETE FROM \"{table}\" WHERE rowid = ?")
            };
            sqlx::query(AssertSqlSafe(sql))
                .bind(row_id)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

/// The value of `key` in the row when it leads to no row of its parent table.
async fn missing_owner(
    conn: &mut SqliteConnection,
    key: &ForeignKey,
    table: &str,
    row_id: i64,
) -> AppResult<Option<i64>> {
    let column = key.parent_column.as_deref().unwrap_or("id");
    let sql = format!(
        "SELECT t.\"{0}\" FROM \"{table}\" t WHERE t.rowid = ? AND t.\"{0}\" IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM \"{1}\" p WHERE p.\"{column}\" = t.\"{0}\")",
        key.column_name, key.parent
    );
    Ok(sqlx::query_scalar(AssertSqlSafe(sql))
        .bind(row_id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Reads one column of the record at the top of a trash item (a plan's status, say),
/// so a feature can adjust it before restoring.
pub async fn root_value(
    conn: &mut SqliteConnection,
    trash_id: i64,
    column: &str,
) -> AppResult<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT CAST(data ->> ('$.\"' || ? || '\"') AS TEXT) FROM trash_rows WHERE trash_id = ? AND position = 0",
    )
    .bind(column)
    .bind(trash_id)
    .fetch_optional(&mut *conn)
    .await?
    .flatten())
}

/// Changes one column of the record at the top of a trash item before it is restored
/// (a plan that was active comes back as a draft when another plan is active now).
pub async fn set_root_value(
    conn: &mut SqliteConnection,
    trash_id: i64,
    column: &str,
    value: &str,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE trash_rows SET data = json_set(data, '$.\"' || ? || '\"', json(?))
         WHERE trash_id = ? AND position = 0",
    )
    .bind(column)
    .bind(value)
    .bind(trash_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn owner_gone(conn: &mut SqliteConnection, table: &str, id: i64) -> AppResult<AppError> {
    let noun = TrashKind::from_table(table).map_or("record", TrashKind::noun);
    let in_trash: Option<String> =
        match TrashKind::from_table(table) {
            Some(kind) => sqlx::query_scalar(
                "SELECT title FROM trash WHERE kind = ? AND record_id = ? AND discarded_at IS NULL
                 ORDER BY id DESC",
            )
            .bind(kind)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?,
            None => None,
        };
    Ok(AppError::conflict(
        None,
        match in_trash {
            Some(title) => format!(
                "It belonged to the {noun} \"{title}\", which is in the trash too: restore that first."
            ),
            None => format!("It belonged to a {noun} that no longer exists, so it cannot come back."),
        },
    ))
}
