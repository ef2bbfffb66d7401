//! The expectations of a target role: what the ladder asks for in a focus area (and a
//! competency within it), in the ladder's order. Each carries the rating in force on the
//! day it is read, and the goal or resource made from it when it was a gap.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use super::ratings::Rating;
use super::roles;
use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::trash::{self, TrashKind, Trashed};
use crate::infra::{limits, text};

#[derive(Debug, Clone, PartialEq, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Expectation {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub target_role_id: i64,
    #[ts(type = "number")]
    pub focus_area_id: i64,
    pub competency: String,
    pub expected: String,
    #[ts(type = "number")]
    pub position: i64,
    /// The goal made from this expectation as a gap.
    #[ts(type = "number | null")]
    pub goal_id: Option<i64>,
    /// The learning resource made from it.
    #[ts(type = "number | null")]
    pub resource_id: Option<i64>,
    /// The rating in force on the day asked for, if any.
    pub rating: Option<Rating>,
    pub rated_on: Option<NaiveDate>,
    pub rating_note: Option<String>,
    #[ts(type = "number")]
    pub evidence_count: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct ExpectationInput {
    /// Required; optional here so a missing one is refused at its field.
    #[ts(optional, type = "number | null")]
    pub focus_area_id: Option<i64>,
    #[ts(optional)]
    pub competency: Option<String>,
    pub expected: String,
}

pub(crate) struct Checked {
    pub focus_area_id: i64,
    pub competency: String,
    pub expected: String,
}

/// The rules of an expectation that need no database (the ladder import's preview uses
/// them row by row).
pub(crate) fn check_text(
    focus_area_id: Option<i64>,
    competency: Option<&str>,
    expected: &str,
) -> AppResult<Checked> {
    let focus_area_id = focus_area_id.ok_or_else(|| {
        AppError::invalid(
            "focusAreaId",
            "Choose the focus area this expectation belongs to.",
        )
    })?;
    let expected = limits::long_text("expected", expected.trim())?;
    if expected.is_empty() {
        return Err(AppError::invalid("expected", "Say what is expected."));
    }
    Ok(Checked {
        focus_area_id,
        competency: limits::optional_title("competency", competency)?,
        expected,
    })
}

async fn check(conn: &mut SqliteConnection, input: &ExpectationInput) -> AppResult<Checked> {
    let c = check_text(
        input.focus_area_id,
        input.competency.as_deref(),
        &input.expected,
    )?;
    let known: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM focus_areas WHERE id = ?)")
        .bind(c.focus_area_id)
        .fetch_one(&mut *conn)
        .await?;
    if !known {
        return Err(AppError::invalid(
            "focusAreaId",
            "That focus area does not exist.",
        ));
    }
    Ok(c)
}

/// "Runs the team's planning…": the first words of an expectation, for a log line.
pub(crate) fn short(expected: &str) -> String {
    text::one_line(expected, 80)
}

/// The expectation with the rating in force on `?1`.
const SELECT: &str = "SELECT e.id, e.target_role_id, e.focus_area_id, e.competency, e.expected,
        e.position, e.goal_id, e.resource_id, r.rating, r.rated_on, r.note AS rating_note,
        (SELECT count(*) FROM expectation_evidence v WHERE v.expectation_id = e.id) AS evidence_count
    FROM role_expectations e
    LEFT JOIN expectation_ratings r ON r.id = (
        SELECT x.id FROM expectation_ratings x WHERE x.expectation_id = e.id AND x.rated_on <= ?1
        ORDER BY x.rated_on DESC, x.id DESC LIMIT 1)";

pub(crate) async fn fetch(
    conn: &mut SqliteConnection,
    id: i64,
    on: NaiveDate,
) -> AppResult<Expectation> {
    sqlx::query_as::<_, Expectation>(AssertSqlSafe(format!("{SELECT} WHERE e.id = ?2")))
        .bind(on)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(AppError::NotFound {
            entity: "expectation",
            id,
        })
}

/// NotFound unless the expectation exists.
pub(crate) async fn exists(conn: &mut SqliteConnection, id: i64) -> AppResult<()> {
    let found: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM role_expectations WHERE id = ?)")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    if found {
        Ok(())
    } else {
        Err(AppError::NotFound {
            entity: "expectation",
            id,
        })
    }
}

/// A role's expectations in the ladder's order, each with the rating in force on `on`.
pub async fn list(pool: &SqlitePool, role_id: i64, on: NaiveDate) -> AppResult<Vec<Expectation>> {
    let mut conn = pool.acquire().await?;
    roles::fetch(&mut conn, role_id).await?;
    list_in(&mut conn, role_id, on).await
}

pub(crate) async fn list_in(
    conn: &mut SqliteConnection,
    role_id: i64,
    on: NaiveDate,
) -> AppResult<Vec<Expectation>> {
    Ok(sqlx::query_as::<_, Expectation>(AssertSqlSafe(format!(
        "{SELECT} WHERE e.target_role_id = ?2 ORDER BY e.position, e.id"
    )))
    .bind(on)
    .bind(role_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn create(
    pool: &SqlitePool,
    role_id: i64,
    input: ExpectationInput,
    today: NaiveDate,
) -> AppResult<Expectation> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    roles::fetch(&mut tx, role_id).await?;
    let c = check(&mut tx, &input).await?;
    let id = insert(&mut tx, role_id, &c, today).await?;
    let out = fetch(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(out)
}

/// Adds a checked expectation at the end of the role's list, and logs it.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    role_id: i64,
    c: &Checked,
    today: NaiveDate,
) -> AppResult<i64> {
    let id = insert_row(conn, role_id, c).await?;
    let summary = format!("Added the expectation \"{}\"", short(&c.expected));
    activity::record(
        conn,
        today,
        Entity::Expectation,
        id,
        Action::Created,
        &summary,
    )
    .await?;
    Ok(id)
}

/// Adds a checked expectation at the end of the role's list, unlogged (an import logs
/// itself once).
pub(crate) async fn insert_row(
    conn: &mut SqliteConnection,
    role_id: i64,
    c: &Checked,
) -> AppResult<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO role_expectations (target_role_id, focus_area_id, competency, expected, position)
         VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position), 0) + 1 FROM role_expectations
                                  WHERE target_role_id = ?1))
         RETURNING id",
    )
    .bind(role_id)
    .bind(c.focus_area_id)
    .bind(&c.competency)
    .bind(&c.expected)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn update(
    pool: &SqlitePool,
    id: i64,
    input: ExpectationInput,
    today: NaiveDate,
) -> AppResult<Expectation> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    exists(&mut tx, id).await?;
    let c = check(&mut tx, &input).await?;
    sqlx::query(
        "UPDATE role_expectations SET focus_area_id = ?, competency = ?, expected = ? WHERE id = ?",
    )
    .bind(c.focus_area_id)
    .bind(&c.competency)
    .bind(&c.expected)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let out = fetch(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(out)
}

/// Moves the expectation, its ratings and its evidence links into the trash.
pub async fn delete(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Trashed> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let e = fetch(&mut tx, id, today).await?;
    let title = short(&e.expected);
    let trashed = trash::put(&mut tx, TrashKind::Expectation, id, &title).await?;
    let summary = format!("Deleted the expectation \"{title}\"");
    activity::record(
        &mut tx,
        today,
        Entity::Expectation,
        id,
        Action::Deleted,
        &summary,
    )
    .await?;
    tx.commit().await?;
    Ok(trashed)
}

/// Puts a role's expectations in the order of `ids`, which must name each of them once.
pub async fn reorder(
    pool: &SqlitePool,
    role_id: i64,
    ids: Vec<i64>,
    today: NaiveDate,
) -> AppResult<Vec<Expectation>> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    roles::fetch(&mut tx, role_id).await?;
    let mut stored: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM role_expectations WHERE target_role_id = ? ORDER BY id")
            .bind(role_id)
            .fetch_all(&mut *tx)
            .await?;
    let mut given = ids.clone();
    given.sort_unstable();
    stored.sort_unstable();
    if given != stored {
        return Err(AppError::invalid(
            "ids",
            "Give every expectation of this role once, in the new order.",
        ));
    }
    for (position, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE role_expectations SET position = ? WHERE id = ?")
            .bind(position as i64 + 1)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let out = list_in(&mut tx, role_id, today).await?;
    tx.commit().await?;
    Ok(out)
}
