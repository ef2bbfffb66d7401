//! Target roles: the roles the user is growing toward, one of them current. The first
//! role made is current; another becomes current only by `set_current`, which moves the
//! flag in one transaction (the schema allows one current role at most).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::limits;
use crate::infra::trash::{self, TrashKind, Trashed};

#[derive(Debug, Clone, PartialEq, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TargetRole {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub level: String,
    pub notes: String,
    pub is_current: bool,
    #[ts(type = "number")]
    pub expectation_count: i64,
}

impl TargetRole {
    /// "Engineering Manager, L6", or the title alone.
    pub fn name(&self) -> String {
        if self.level.is_empty() {
            self.title.clone()
        } else {
            format!("{}, {}", self.title, self.level)
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct TargetRoleInput {
    pub title: String,
    #[ts(optional)]
    pub level: Option<String>,
    #[ts(optional)]
    pub notes: Option<String>,
}

struct Checked {
    title: String,
    level: String,
    notes: String,
}

fn check(input: &TargetRoleInput) -> AppResult<Checked> {
    Ok(Checked {
        title: limits::title("title", &input.title)?,
        level: limits::optional_title("level", input.level.as_deref())?,
        notes: limits::long_text("notes", input.notes.as_deref().unwrap_or(""))?,
    })
}

const SELECT: &str = "SELECT r.id, r.title, r.level, r.notes, r.is_current,
        (SELECT count(*) FROM role_expectations e WHERE e.target_role_id = r.id) AS expectation_count
    FROM target_roles r";

pub(crate) async fn fetch(conn: &mut SqliteConnection, id: i64) -> AppResult<TargetRole> {
    sqlx::query_as::<_, TargetRole>(AssertSqlSafe(format!("{SELECT} WHERE r.id = ?")))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(AppError::NotFound {
            entity: "target role",
            id,
        })
}

pub async fn get(pool: &SqlitePool, id: i64) -> AppResult<TargetRole> {
    fetch(&mut *pool.acquire().await?, id).await
}

/// Adds a role; the first one (or any made while none is current) becomes current.
pub async fn create(
    pool: &SqlitePool,
    input: TargetRoleInput,
    today: NaiveDate,
) -> AppResult<TargetRole> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let id = create_in(&mut tx, &input, today).await?;
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

/// Checks and adds a role inside the caller's transaction (the ladder import uses it).
pub(crate) async fn create_in(
    conn: &mut SqliteConnection,
    input: &TargetRoleInput,
    today: NaiveDate,
) -> AppResult<i64> {
    let c = check(input)?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO target_roles (title, level, notes, is_current)
         VALUES (?, ?, ?, NOT EXISTS (SELECT 1 FROM target_roles WHERE is_current = 1))
         RETURNING id",
    )
    .bind(&c.title)
    .bind(&c.level)
    .bind(&c.notes)
    .fetch_one(&mut *conn)
    .await?;
    let summary = format!("Added the target role \"{}\"", c.title);
    activity::record(
        conn,
        today,
        Entity::TargetRole,
        id,
        Action::Created,
        &summary,
    )
    .await?;
    Ok(id)
}

pub async fn update(pool: &SqlitePool, id: i64, input: TargetRoleInput) -> AppResult<TargetRole> {
    let c = check(&input)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch(&mut tx, id).await?;
    sqlx::query("UPDATE target_roles SET title = ?, level = ?, notes = ? WHERE id = ?")
        .bind(&c.title)
        .bind(&c.level)
        .bind(&c.notes)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

/// Makes `id` the current role; the one that was current stops being it.
pub async fn set_current(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<TargetRole> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let role = fetch(&mut tx, id).await?;
    if !role.is_current {
        sqlx::query("UPDATE target_roles SET is_current = 0 WHERE is_current = 1")
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE target_roles SET is_current = 1 WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let summary = format!("Now working toward \"{}\"", role.name());
        activity::record(
            &mut tx,
            today,
            Entity::TargetRole,
            id,
            Action::Activated,
            &summary,
        )
        .await?;
    }
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

/// Moves the role, its expectations, their ratings and evidence links into the trash.
pub async fn delete(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Trashed> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let role = fetch(&mut tx, id).await?;
    let trashed = trash::put(&mut tx, TrashKind::TargetRole, id, &role.name()).await?;
    let summary = format!("Deleted the target role \"{}\"", role.name());
    activity::record(
        &mut tx,
        today,
        Entity::TargetRole,
        id,
        Action::Deleted,
        &summary,
    )
    .await?;
    tx.commit().await?;
    Ok(trashed)
}

/// Every role, the current one first, then by title.
pub async fn list(pool: &SqlitePool) -> AppResult<Vec<TargetRole>> {
    Ok(sqlx::query_as::<_, TargetRole>(AssertSqlSafe(format!(
        "{SELECT} ORDER BY r.is_current DESC, r.title, r.id"
    )))
    .fetch_all(pool)
    .await?)
}

/// The current role, if there is one.
pub async fn current(pool: &SqlitePool) -> AppResult<Option<TargetRole>> {
    Ok(
        sqlx::query_as::<_, TargetRole>(AssertSqlSafe(format!("{SELECT} WHERE r.is_current = 1")))
            .fetch_optional(pool)
            .await?,
    )
}
