//! People: whom the user asks for feedback, meets in 1:1s and keeps in touch with.
//!
//! A person who has any feedback or 1:1s is archived instead of deleted, so nothing they
//! said or agreed is ever lost by accident; the foreign keys (RESTRICT) back that up.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};
use crate::infra::limits;
use crate::infra::trash::{self, TrashKind, Trashed};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum Relationship {
    Manager,
    SkipLevel,
    Peer,
    DirectReport,
    Mentor,
    Mentee,
    Stakeholder,
    Other,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Person {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub role: String,
    pub team: String,
    pub relationship: Relationship,
    pub notes: String,
    #[ts(type = "number | null")]
    pub cadence_days: Option<i64>,
    pub last_contact_on: Option<NaiveDate>,
    pub is_my_manager: bool,
    pub archived_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct PersonInput {
    pub name: String,
    #[ts(optional)]
    pub role: Option<String>,
    #[ts(optional)]
    pub team: Option<String>,
    #[ts(optional)]
    pub relationship: Option<Relationship>,
    #[ts(optional)]
    pub notes: Option<String>,
    #[ts(optional, type = "number | null")]
    pub cadence_days: Option<i64>,
    #[ts(optional)]
    pub is_my_manager: Option<bool>,
}

/// What removing a person did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "how", rename_all = "snake_case")]
#[ts(export)]
pub enum Removal {
    /// Moved to the trash.
    Deleted { trashed: Trashed },
    /// Kept, hidden from lists, because they have feedback.
    Archived,
}

const SELECT: &str =
    "SELECT id, name, role, team, relationship, notes, cadence_days, last_contact_on,
        is_my_manager, archived_on FROM people";

pub async fn list(pool: &SqlitePool, include_archived: bool) -> AppResult<Vec<Person>> {
    Ok(sqlx::query_as::<_, Person>(AssertSqlSafe(format!(
        "{SELECT} WHERE ? OR archived_on IS NULL ORDER BY is_my_manager DESC, name COLLATE NOCASE"
    )))
    .bind(include_archived)
    .fetch_all(pool)
    .await?)
}

pub async fn fetch(conn: &mut SqliteConnection, id: i64) -> AppResult<Person> {
    sqlx::query_as::<_, Person>(AssertSqlSafe(format!("{SELECT} WHERE id = ?")))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound {
            entity: "Person",
            id,
        })
}

struct Checked {
    name: String,
    role: String,
    team: String,
    relationship: Relationship,
    notes: String,
    cadence_days: Option<i64>,
    is_my_manager: bool,
}

fn single_line(field: &str, value: Option<&str>) -> AppResult<String> {
    limits::optional_title(field, value)
}

fn check(input: PersonInput) -> AppResult<Checked> {
    if let Some(days) = input.cadence_days {
        if !(1..=365).contains(&days) {
            return Err(AppError::invalid(
                "cadenceDays",
                "Catch up every 1 to 365 days, or leave it empty.",
            ));
        }
    }
    Ok(Checked {
        name: limits::title("name", &input.name)?,
        role: single_line("role", input.role.as_deref())?,
        team: single_line("team", input.team.as_deref())?,
        relationship: input.relationship.unwrap_or(Relationship::Peer),
        notes: limits::long_text("notes", input.notes.as_deref().unwrap_or(""))?,
        cadence_days: input.cadence_days,
        is_my_manager: input.is_my_manager.unwrap_or(false),
    })
}

async fn write(conn: &mut SqliteConnection, id: Option<i64>, c: &Checked) -> AppResult<i64> {
    if c.is_my_manager {
        // One person is "my manager"; choosing another moves the mark.
        sqlx::query("UPDATE people SET is_my_manager = 0 WHERE is_my_manager = 1 AND id IS NOT ?")
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    let id: i64 = match id {
        Some(id) => id,
        None => {
            sqlx::query_scalar("INSERT INTO people (name) VALUES (?) RETURNING id")
                .bind(&c.name)
                .fetch_one(&mut *conn)
                .await?
        }
    };
    sqlx::query(
        "UPDATE people SET name = ?, role = ?, team = ?, relationship = ?, notes = ?, cadence_days = ?,
             is_my_manager = ? WHERE id = ?",
    )
    .bind(&c.name)
    .bind(&c.role)
    .bind(&c.team)
    .bind(c.relationship)
    .bind(&c.notes)
    .bind(c.cadence_days)
    .bind(c.is_my_manager)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn create(pool: &SqlitePool, input: PersonInput) -> AppResult<Person> {
    let c = check(input)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let id = write(&mut tx, None, &c).await?;
    let p = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(p)
}

pub async fn update(pool: &SqlitePool, id: i64, input: PersonInput) -> AppResult<Person> {
    let c = check(input)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch(&mut tx, id).await?;
    write(&mut tx, Some(id), &c).await?;
    let p = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(p)
}

/// Moves a person with no feedback and no 1:1s to the trash; archives one who has some.
pub async fn remove(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Removal> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let person = fetch(&mut tx, id).await?;
    let removal = if is_referred_to(&mut tx, id).await? {
        sqlx::query("UPDATE people SET archived_on = ?, is_my_manager = 0 WHERE id = ?")
            .bind(today)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        Removal::Archived
    } else {
        let trashed = trash::put(&mut tx, TrashKind::Person, id, &person.name).await?;
        Removal::Deleted { trashed }
    };
    tx.commit().await?;
    Ok(removal)
}

/// Whether feedback, 1:1s, saved topics, conversations or openings name the person, so
/// that removing them archives instead of deleting.
pub(crate) async fn is_referred_to(conn: &mut SqliteConnection, id: i64) -> AppResult<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM feedback_requests WHERE person_id = ?1)
             OR EXISTS (SELECT 1 FROM feedback_received WHERE person_id = ?1)
             OR EXISTS (SELECT 1 FROM one_on_ones WHERE person_id = ?1)
             OR EXISTS (SELECT 1 FROM topics WHERE person_id = ?1)
             OR EXISTS (SELECT 1 FROM conversation_people WHERE person_id = ?1)
             OR EXISTS (SELECT 1 FROM opportunity_people WHERE person_id = ?1)
             OR EXISTS (SELECT 1 FROM opportunities WHERE source_person_id = ?1)",
    )
    .bind(id)
    .fetch_one(conn)
    .await?)
}

/// Brings an archived person back.
pub async fn restore(pool: &SqlitePool, id: i64) -> AppResult<Person> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch(&mut tx, id).await?;
    sqlx::query("UPDATE people SET archived_on = NULL WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let p = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(p)
}

/// The name of a person who can be asked, met or given a topic: one who exists and is
/// not archived. Errors name the `personId` field.
pub(crate) async fn require_active(conn: &mut SqliteConnection, id: i64) -> AppResult<String> {
    let row: Option<(String, Option<NaiveDate>)> =
        sqlx::query_as("SELECT name, archived_on FROM people WHERE id = ?")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    match row {
        Some((name, None)) => Ok(name),
        Some((name, Some(_))) => Err(AppError::invalid(
            "personId",
            format!("{name} is archived; bring them back first."),
        )),
        None => Err(AppError::invalid(
            "personId",
            format!("Person {id} does not exist."),
        )),
    }
}

/// Records contact on `on`, keeping the latest date; the caller holds the transaction.
pub(crate) async fn touch(conn: &mut SqliteConnection, id: i64, on: NaiveDate) -> AppResult<()> {
    sqlx::query(
        "UPDATE people SET last_contact_on = ?1 WHERE id = ?2 AND (last_contact_on IS NULL OR last_contact_on < ?1)",
    )
    .bind(on)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}
