//! The activity log: every meaningful change appends a row here, in the same transaction
//! as the change. The 1:1 agenda, the dashboard and the quarterly review read from it.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::{FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::error::AppResult;

/// What kind of thing an activity row is about. Stored as the snake_case name; readers
/// bind it as a parameter, so renaming a variant cannot silently empty a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Entity {
    Plan,
    Goal,
    Milestone,
    CheckIn,
    Achievement,
    Resource,
    Feedback,
    OneOnOne,
    Opportunity,
    Conversation,
    TargetRole,
    Expectation,
}

/// What happened to it. Stored as the snake_case name (today's strings, so old rows read
/// the same); every writer and every reader of the activity table uses this enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Action {
    Created,
    Edited,
    Deleted,
    /// Taken back out of the trash.
    Restored,
    /// A plan became the active one.
    Activated,
    /// An active plan went back to draft.
    Drafted,
    /// A quarter was closed.
    Closed,
    /// An open goal was carried into the next quarter.
    Carried,
    /// A goal's status changed.
    Status,
    /// A milestone or a learning resource was completed.
    Completed,
    /// A completed milestone was opened again.
    Reopened,
    /// Progress was logged on a learning resource.
    Progress,
    /// Resources came in from a CSV file.
    Imported,
    /// A feedback request was answered.
    Received,
    /// Feedback arrived without being asked for.
    ReceivedUnasked,
    /// A win's STAR story was written.
    Story,
    /// A one-on-one took place.
    Held,
    /// An expectation of a target role was rated.
    Rated,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Activity {
    #[ts(type = "number")]
    pub id: i64,
    pub occurred_on: NaiveDate,
    pub entity: String,
    #[ts(type = "number")]
    pub entity_id: i64,
    pub action: String,
    pub summary: String,
    pub created_at: String,
}

/// Appends one row; call it inside the transaction that made the change.
pub async fn record(
    conn: &mut SqliteConnection,
    on: NaiveDate,
    entity: Entity,
    entity_id: i64,
    action: Action,
    summary: &str,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO activity (occurred_on, entity, entity_id, action, summary) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(on)
    .bind(entity)
    .bind(entity_id)
    .bind(action)
    .bind(summary)
    .execute(conn)
    .await?;
    Ok(())
}

/// The newest rows first.
pub async fn recent(pool: &SqlitePool, limit: i64) -> AppResult<Vec<Activity>> {
    Ok(sqlx::query_as::<_, Activity>(
        "SELECT id, occurred_on, entity, entity_id, action, summary, created_at
         FROM activity ORDER BY occurred_on DESC, id DESC LIMIT ?",
    )
    .bind(limit.clamp(1, 500))
    .fetch_all(pool)
    .await?)
}

/// The rows about one entity, oldest first.
pub async fn for_entity(pool: &SqlitePool, entity: Entity, id: i64) -> AppResult<Vec<Activity>> {
    Ok(sqlx::query_as::<_, Activity>(
        "SELECT id, occurred_on, entity, entity_id, action, summary, created_at
         FROM activity WHERE entity = ? AND entity_id = ? ORDER BY occurred_on, id",
    )
    .bind(entity)
    .bind(id)
    .fetch_all(pool)
    .await?)
}
