//! The principles framework: the leadership principles the user measures themselves by,
//! in their order, and how they edit it.
//!
//! Principles are never deleted: a retired one keeps its place in history (wins tagged
//! with it stay tagged) but leaves the pickers and the coverage grid. Restoring the
//! defaults brings back the sixteen seeded principles with their names, descriptions and
//! order, and retires the ones the user added.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};
use crate::infra::limits;

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Principle {
    #[ts(type = "number")]
    pub id: i64,
    pub position: i64,
    pub name: String,
    pub description: String,
    pub retired_on: Option<NaiveDate>,
}

/// The principles in the user's order; retired ones only when asked for.
pub async fn list(pool: &SqlitePool, include_retired: bool) -> AppResult<Vec<Principle>> {
    Ok(sqlx::query_as::<_, Principle>(
        "SELECT id, position, name, description, retired_on FROM principles
         WHERE ? OR retired_on IS NULL ORDER BY position, id",
    )
    .bind(include_retired)
    .fetch_all(pool)
    .await?)
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct PrincipleInput {
    pub name: String,
    #[ts(optional)]
    pub description: Option<String>,
}

async fn fetch(conn: &mut SqliteConnection, id: i64) -> AppResult<Principle> {
    sqlx::query_as::<_, Principle>(
        "SELECT id, position, name, description, retired_on FROM principles WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(AppError::NotFound {
        entity: "Principle",
        id,
    })
}

async fn check_name(conn: &mut SqliteConnection, name: &str, except: i64) -> AppResult<String> {
    let name = limits::title("name", name)?;
    let clash: Option<String> =
        sqlx::query_scalar("SELECT name FROM principles WHERE name = ? COLLATE NOCASE AND id <> ?")
            .bind(&name)
            .bind(except)
            .fetch_optional(conn)
            .await?;
    if let Some(other) = clash {
        return Err(AppError::conflict(
            Some("name"),
            format!("There is already a principle called \"{other}\"."),
        ));
    }
    Ok(name)
}

pub async fn add(pool: &SqlitePool, input: PrincipleInput) -> AppResult<Principle> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let name = check_name(&mut tx, &input.name, 0).await?;
    let description = limits::long_text("description", input.description.as_deref().unwrap_or(""))?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO principles (position, name, description)
         VALUES ((SELECT coalesce(max(position), 0) + 1 FROM principles), ?, ?) RETURNING id",
    )
    .bind(&name)
    .bind(&description)
    .fetch_one(&mut *tx)
    .await?;
    let p = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(p)
}

/// Renames a principle or changes its description.
pub async fn update(pool: &SqlitePool, id: i64, input: PrincipleInput) -> AppResult<Principle> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let current = fetch(&mut tx, id).await?;
    let name = check_name(&mut tx, &input.name, id).await?;
    let description = match input.description {
        Some(text) => limits::long_text("description", &text)?,
        None => current.description,
    };
    sqlx::query("UPDATE principles SET name = ?, description = ? WHERE id = ?")
        .bind(&name)
        .bind(&description)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let p = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(p)
}

/// Retires a principle (kept for history) or brings it back.
pub async fn set_retired(
    pool: &SqlitePool,
    id: i64,
    retired: bool,
    today: NaiveDate,
) -> AppResult<Principle> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch(&mut tx, id).await?;
    sqlx::query("UPDATE principles SET retired_on = ? WHERE id = ?")
        .bind(retired.then_some(today))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let p = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(p)
}

/// Puts the active principles in the given order; `ids` must list each exactly once.
pub async fn reorder(pool: &SqlitePool, ids: Vec<i64>) -> AppResult<Vec<Principle>> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let mut active: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM principles WHERE retired_on IS NULL")
            .fetch_all(&mut *tx)
            .await?;
    let mut wanted = ids.clone();
    active.sort_unstable();
    wanted.sort_unstable();
    if active != wanted {
        return Err(AppError::invalid(
            "order",
            "The new order must list each active principle once.",
        ));
    }
    for (i, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE principles SET position = ? WHERE id = ?")
            .bind(i as i64 + 1)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    list(pool, false).await
}

/// Brings back the seeded framework; principles the user added are retired, not deleted.
pub async fn restore_defaults(pool: &SqlitePool, today: NaiveDate) -> AppResult<Vec<Principle>> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    // Names are unique, so park every name first; the final ones are written after.
    sqlx::query("UPDATE principles SET name = '#' || id || ' ' || name")
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE principles SET name = default_name, description = default_description,
             position = default_position, retired_on = NULL
         WHERE default_name IS NOT NULL",
    )
    .execute(&mut *tx)
    .await?;
    // The user's own principles: original names back, unless a default now holds it.
    let custom: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, name FROM principles WHERE default_name IS NULL ORDER BY position, id",
    )
    .fetch_all(&mut *tx)
    .await?;
    for (i, (id, parked)) in custom.iter().enumerate() {
        let original = parked.split_once(' ').map(|(_, n)| n).unwrap_or(parked);
        let taken: Option<i64> =
            sqlx::query_scalar("SELECT id FROM principles WHERE name = ? COLLATE NOCASE")
                .bind(original)
                .fetch_optional(&mut *tx)
                .await?;
        let name = if taken.is_some() {
            format!("{original} (mine)")
        } else {
            original.to_owned()
        };
        sqlx::query(
            "UPDATE principles SET name = ?, position = ?, retired_on = coalesce(retired_on, ?) WHERE id = ?",
        )
        .bind(name)
        .bind(100 + i as i64)
        .bind(today)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    list(pool, true).await
}
