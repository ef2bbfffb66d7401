//! STAR stories: situation, task, action and result, told about one win, ready
//! to rehearse for an interview or a promotion case.

use serde::{Deserialize, Serialize};
use sqlx::{FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::AppResult;
use crate::infra::limits;
use crate::wins::win;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FromRow, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct Story {
    pub situation: String,
    pub task: String,
    pub action: String,
    pub result: String,
}

pub async fn fetch(conn: &mut SqliteConnection, win_id: i64) -> AppResult<Option<Story>> {
    Ok(sqlx::query_as::<_, Story>(
        "SELECT situation, task, action, result FROM stories WHERE achievement_id = ?",
    )
    .bind(win_id)
    .fetch_optional(conn)
    .await?)
}

/// Writes (or replaces) the story of a win.
pub async fn save(
    pool: &SqlitePool,
    win_id: i64,
    input: Story,
    today: chrono::NaiveDate,
) -> AppResult<Story> {
    let story = Story {
        situation: limits::long_text("situation", &input.situation)?,
        task: limits::long_text("task", &input.task)?,
        action: limits::long_text("action", &input.action)?,
        result: limits::long_text("result", &input.result)?,
    };
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let win = win::fetch(&mut tx, win_id).await?;
    sqlx::query(
        "INSERT INTO stories (achievement_id, situation, task, action, result) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (achievement_id) DO UPDATE SET situation = excluded.situation, task = excluded.task,
             action = excluded.action, result = excluded.result",
    )
    .bind(win_id)
    .bind(&story.situation)
    .bind(&story.task)
    .bind(&story.action)
    .bind(&story.result)
    .execute(&mut *tx)
    .await?;
    let summary = format!("Wrote the STAR story of \"{}\"", win.title);
    activity::record(
        &mut tx,
        today,
        Entity::Achievement,
        win_id,
        Action::Story,
        &summary,
    )
    .await?;
    tx.commit().await?;
    Ok(story)
}
