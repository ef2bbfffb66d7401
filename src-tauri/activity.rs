//! The activity log: every meaningful change appends a row here, in the same transaction
//! as the change. The 1:1 agenda, the dashboard and the quarterly review read from it.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::{FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::error::AppResult;

/// What kind of thing an activity row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Plan,
    Goal,
    Milestone,
    CheckIn,
    Achievement,
    Resource,
    Feedback,
    OneOnOne,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Plan => "plan",
            Entity::Goal => "goal",
            Entity::Milestone => "milestone",
            Entity::CheckIn => "check_in",
            Entity::Achievement => "achievement",
            Entity::Resource => "resource",
            Entity::Feedback => "feedback",
            Entity::OneOnOne => "one_on_one",
        }
    }
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
    action: &str,
    summary: &str,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO activity (occurred_on, entity, entity_id, action, summary) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(on)
    .bind(entity.as_str())
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
    .bind(entity.as_str())
    .bind(id)
    .fetch_all(pool)
    .await?)
}
