//! One-on-ones: meetings with a person (the manager by default), their notes, topics
//! saved for the next one, and action items that stay open until done. The agenda itself
//! is stored in `agenda` and drafted in `views::agenda_draft`.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::text::long_date;
use crate::infra::trash::{self, TrashKind, Trashed};
use crate::{infra::input, infra::limits};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
#[ts(export)]
pub enum OneOnOneStatus {
    Scheduled,
    Held,
    Cancelled,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OneOnOne {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    pub person_name: String,
    pub meets_on: NaiveDate,
    pub status: OneOnOneStatus,
    pub notes: String,
    pub prepared_on: Option<NaiveDate>,
    /// Agenda items still on the list (not removed).
    #[ts(type = "number")]
    pub items: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct OneOnOneInput {
    /// Empty: the person marked as my manager.
    #[ts(optional, type = "number | null")]
    pub person_id: Option<i64>,
    pub meets_on: String,
}

/// What the "new 1:1" form starts with.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OneOnOneDefaults {
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    pub meets_on: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
#[ts(export)]
pub enum Owner {
    Me,
    Them,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionItem {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub one_on_one_id: i64,
    /// The day of the 1:1 it was agreed in.
    pub agreed_on: NaiveDate,
    pub text: String,
    pub owner: Owner,
    pub due_on: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct ActionInput {
    pub text: String,
    #[ts(optional)]
    pub owner: Option<Owner>,
    #[ts(optional)]
    pub due_on: Option<String>,
}

const SELECT: &str = "SELECT o.id, o.person_id, p.name AS person_name, o.meets_on, o.status, o.notes,
        o.prepared_on,
        (SELECT count(*) FROM agenda_items a WHERE a.one_on_one_id = o.id AND a.removed = 0) AS items
    FROM one_on_ones o JOIN people p ON p.id = o.person_id";

/// 1:1s newest first, with anyone (`None`) or one person, at most `limit` or all (a few
/// a month: years fit in one list).
pub async fn list(
    pool: &SqlitePool,
    person_id: Option<i64>,
    limit: Option<i64>,
) -> AppResult<Vec<OneOnOne>> {
    Ok(sqlx::query_as::<_, OneOnOne>(AssertSqlSafe(format!(
        "{SELECT} WHERE ?1 IS NULL OR o.person_id = ?1 ORDER BY o.meets_on DESC, o.id DESC LIMIT coalesce(?2, -1)"
    )))
    .bind(person_id)
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// The first 1:1 still to be held, today or later, with anyone (`None`) or one person.
pub async fn next_scheduled(
    conn: &mut SqliteConnection,
    person_id: Option<i64>,
    today: NaiveDate,
) -> AppResult<Option<OneOnOne>> {
    Ok(sqlx::query_as::<_, OneOnOne>(AssertSqlSafe(format!(
        "{SELECT} WHERE o.status = 'scheduled' AND o.meets_on >= ?1 AND (?2 IS NULL OR o.person_id = ?2)
         ORDER BY o.meets_on, o.id LIMIT 1"
    )))
    .bind(today)
    .bind(person_id)
    .fetch_optional(conn)
    .await?)
}

pub async fn fetch(conn: &mut SqliteConnection, id: i64) -> AppResult<OneOnOne> {
    sqlx::query_as::<_, OneOnOne>(AssertSqlSafe(format!("{SELECT} WHERE o.id = ?")))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound {
            entity: "One-on-one",
            id,
        })
}

pub(crate) async fn my_manager(conn: &mut SqliteConnection) -> AppResult<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT id FROM people WHERE is_my_manager = 1 AND archived_on IS NULL")
            .fetch_optional(conn)
            .await?,
    )
}

/// The next date for a 1:1 with a person: their cadence after the latest 1:1 (or two
/// weeks without one), and never before today.
pub async fn next_date(
    conn: &mut SqliteConnection,
    person_id: i64,
    today: NaiveDate,
) -> AppResult<NaiveDate> {
    let row: Option<(Option<NaiveDate>, Option<i64>)> = sqlx::query_as(
        "SELECT (SELECT max(meets_on) FROM one_on_ones WHERE person_id = p.id AND status <> 'cancelled'),
                p.cadence_days
         FROM people p WHERE p.id = ?",
    )
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((last, cadence)) = row else {
        return Ok(today);
    };
    let step = Days::new(cadence.unwrap_or(14).max(1) as u64);
    Ok(match last {
        Some(last) => (last + step).max(today),
        None => today,
    })
}

/// What a new 1:1 starts with: the given person (else my manager) and their next date by
/// cadence after their latest 1:1, scheduled ones included.
pub async fn defaults(
    pool: &SqlitePool,
    today: NaiveDate,
    person: Option<i64>,
) -> AppResult<OneOnOneDefaults> {
    let mut conn = pool.acquire().await?;
    let person_id = match person {
        Some(id) => Some(id),
        None => my_manager(&mut conn).await?,
    };
    let meets_on = match person_id {
        Some(id) => next_date(&mut conn, id, today).await?,
        None => today,
    };
    Ok(OneOnOneDefaults {
        person_id,
        meets_on,
    })
}

async fn person_for(conn: &mut SqliteConnection, person_id: Option<i64>) -> AppResult<i64> {
    let id = match person_id {
        Some(id) => id,
        None => my_manager(&mut *conn).await?.ok_or_else(|| {
            AppError::invalid(
                "personId",
                "Choose whom you meet (or mark someone as your manager).",
            )
        })?,
    };
    crate::people::person::require_active(&mut *conn, id).await?;
    Ok(id)
}

pub async fn create(pool: &SqlitePool, input: OneOnOneInput) -> AppResult<OneOnOne> {
    let meets_on = input::date("meetsOn", &input.meets_on)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let person_id = person_for(&mut tx, input.person_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO one_on_ones (person_id, meets_on) VALUES (?, ?) RETURNING id",
    )
    .bind(person_id)
    .bind(meets_on)
    .fetch_one(&mut *tx)
    .await?;
    let o = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(o)
}

/// Moves a 1:1 to another day or person.
pub async fn update(pool: &SqlitePool, id: i64, input: OneOnOneInput) -> AppResult<OneOnOne> {
    let meets_on = input::date("meetsOn", &input.meets_on)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch(&mut tx, id).await?;
    let person_id = person_for(&mut tx, input.person_id).await?;
    sqlx::query("UPDATE one_on_ones SET person_id = ?, meets_on = ? WHERE id = ?")
        .bind(person_id)
        .bind(meets_on)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let o = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(o)
}

/// Held, cancelled, or back to scheduled. Holding one counts as contact with the person;
/// a 1:1 that has not happened yet cannot be held (the next agenda would start after it).
pub async fn set_status(
    pool: &SqlitePool,
    id: i64,
    status: OneOnOneStatus,
    today: NaiveDate,
) -> AppResult<OneOnOne> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let o = fetch(&mut tx, id).await?;
    if status == OneOnOneStatus::Held && o.meets_on > today {
        return Err(AppError::conflict(
            Some("status"),
            "This 1:1 is still ahead; move it to today to mark it held.",
        ));
    }
    sqlx::query("UPDATE one_on_ones SET status = ? WHERE id = ?")
        .bind(status)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if status == OneOnOneStatus::Held {
        // The meeting is over, so is the chance to undo a removal: what the user typed and
        // then removed goes for good (drafted items stay hidden so they do not come back).
        sqlx::query(
            "DELETE FROM agenda_items WHERE one_on_one_id = ? AND removed = 1 AND source_key IS NULL",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    if status == OneOnOneStatus::Held && o.status != OneOnOneStatus::Held {
        crate::people::person::touch(&mut tx, o.person_id, o.meets_on).await?;
        let summary = format!("Held a 1:1 with {}", o.person_name);
        activity::record(
            &mut tx,
            o.meets_on,
            Entity::OneOnOne,
            id,
            Action::Held,
            &summary,
        )
        .await?;
    }
    let o = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(o)
}

pub async fn save_notes(pool: &SqlitePool, id: i64, notes: &str) -> AppResult<OneOnOne> {
    let notes = limits::long_text("notes", notes)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch(&mut tx, id).await?;
    sqlx::query("UPDATE one_on_ones SET notes = ? WHERE id = ?")
        .bind(&notes)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let o = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(o)
}

/// Moves a 1:1 to the trash with its agenda and action items; topics it had taken wait
/// again (and are taken back if it is restored).
pub async fn delete(pool: &SqlitePool, id: i64) -> AppResult<Trashed> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let o = fetch(&mut tx, id).await?;
    let title = format!("1:1 with {} on {}", o.person_name, long_date(o.meets_on));
    let trashed = trash::put(&mut tx, TrashKind::OneOnOne, id, &title).await?;
    tx.commit().await?;
    Ok(trashed)
}

const SELECT_ACTION: &str =
    "SELECT a.id, a.one_on_one_id, o.meets_on AS agreed_on, a.text, a.owner,
        a.due_on, a.done_on
    FROM action_items a JOIN one_on_ones o ON o.id = a.one_on_one_id";

/// This 1:1's action items, and the ones still open from earlier 1:1s with the same person.
pub(crate) async fn actions_for(
    conn: &mut SqliteConnection,
    meeting: &OneOnOne,
) -> AppResult<Vec<ActionItem>> {
    Ok(sqlx::query_as::<_, ActionItem>(AssertSqlSafe(format!(
        "{SELECT_ACTION} WHERE a.one_on_one_id = ?1
            OR (o.person_id = ?2 AND a.done_on IS NULL AND o.meets_on < ?3)
         ORDER BY a.done_on IS NOT NULL, o.meets_on, a.id"
    )))
    .bind(meeting.id)
    .bind(meeting.person_id)
    .bind(meeting.meets_on)
    .fetch_all(conn)
    .await?)
}

async fn fetch_action(conn: &mut SqliteConnection, id: i64) -> AppResult<ActionItem> {
    sqlx::query_as::<_, ActionItem>(AssertSqlSafe(format!("{SELECT_ACTION} WHERE a.id = ?")))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound {
            entity: "Action item",
            id,
        })
}

fn check_action(input: &ActionInput) -> AppResult<(String, Owner, Option<NaiveDate>)> {
    let text = limits::title("text", &input.text)?;
    let due = match input
        .due_on
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        Some(d) => Some(input::date("dueOn", d)?),
        None => None,
    };
    Ok((text, input.owner.unwrap_or(Owner::Me), due))
}

pub async fn add_action(
    pool: &SqlitePool,
    one_on_one_id: i64,
    input: ActionInput,
) -> AppResult<ActionItem> {
    let (text, owner, due) = check_action(&input)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch(&mut tx, one_on_one_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO action_items (one_on_one_id, text, owner, due_on) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(one_on_one_id)
    .bind(&text)
    .bind(owner)
    .bind(due)
    .fetch_one(&mut *tx)
    .await?;
    let a = fetch_action(&mut tx, id).await?;
    tx.commit().await?;
    Ok(a)
}

pub async fn update_action(
    pool: &SqlitePool,
    id: i64,
    input: ActionInput,
) -> AppResult<ActionItem> {
    let (text, owner, due) = check_action(&input)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch_action(&mut tx, id).await?;
    sqlx::query("UPDATE action_items SET text = ?, owner = ?, due_on = ? WHERE id = ?")
        .bind(&text)
        .bind(owner)
        .bind(due)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let a = fetch_action(&mut tx, id).await?;
    tx.commit().await?;
    Ok(a)
}

pub async fn set_action_done(
    pool: &SqlitePool,
    id: i64,
    done: bool,
    today: NaiveDate,
) -> AppResult<ActionItem> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch_action(&mut tx, id).await?;
    sqlx::query("UPDATE action_items SET done_on = ? WHERE id = ?")
        .bind(done.then_some(today))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let a = fetch_action(&mut tx, id).await?;
    tx.commit().await?;
    Ok(a)
}

pub async fn delete_action(pool: &SqlitePool, id: i64) -> AppResult<()> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch_action(&mut tx, id).await?;
    sqlx::query("DELETE FROM action_items WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
