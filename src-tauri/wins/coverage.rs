//! How well the user's STAR stories cover the principles framework: the coverage grid and
//! the stories behind one principle, for interview and promotion preparation.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::{FromRow, SqlitePool};
use ts_rs::TS;

use crate::framework::principles::{self, Principle};
use crate::infra::error::AppResult;

/// Fewer stories than this and a principle is flagged in the coverage grid.
const STORIES_WANTED: i64 = 2;

/// A story named in the coverage grid.
#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StoryRef {
    #[ts(type = "number")]
    pub win_id: i64,
    pub title: String,
    pub occurred_on: NaiveDate,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CoverageRow {
    pub principle: Principle,
    /// How many STAR stories evidence it.
    #[ts(type = "number")]
    pub story_count: i64,
    /// The newest few of them.
    pub recent: Vec<StoryRef>,
    /// Fewer than two stories: worth finding another.
    pub needs_more: bool,
}

/// How many stories the grid names per principle; the rest are counted.
const RECENT: i64 = 3;

#[derive(FromRow)]
struct CoverageHit {
    principle_id: i64,
    win_id: i64,
    title: String,
    occurred_on: NaiveDate,
    total: i64,
}

/// Each active principle with the number of STAR stories whose wins carry it, and the
/// newest few by name. The stories' text stays out: `stories_for` fetches it.
pub async fn coverage(pool: &SqlitePool) -> AppResult<Vec<CoverageRow>> {
    let principles = principles::list(pool, false).await?;
    let hits = sqlx::query_as::<_, CoverageHit>(
        "SELECT principle_id, win_id, title, occurred_on, total FROM (
             SELECT ap.principle_id, a.id AS win_id, a.title, a.occurred_on,
                    row_number() OVER (PARTITION BY ap.principle_id ORDER BY a.occurred_on DESC, a.id DESC) AS rank,
                    count(*) OVER (PARTITION BY ap.principle_id) AS total
             FROM achievement_principles ap
             JOIN achievements a ON a.id = ap.achievement_id
             JOIN stories s ON s.achievement_id = a.id
             JOIN principles p ON p.id = ap.principle_id AND p.retired_on IS NULL
         ) WHERE rank <= ? ORDER BY principle_id, rank",
    )
    .bind(RECENT)
    .fetch_all(pool)
    .await?;
    Ok(principles
        .into_iter()
        .map(|principle| {
            let mine: Vec<&CoverageHit> = hits
                .iter()
                .filter(|h| h.principle_id == principle.id)
                .collect();
            let story_count = mine.first().map(|h| h.total).unwrap_or(0);
            CoverageRow {
                recent: mine
                    .iter()
                    .map(|h| StoryRef {
                        win_id: h.win_id,
                        title: h.title.clone(),
                        occurred_on: h.occurred_on,
                    })
                    .collect(),
                needs_more: story_count < STORIES_WANTED,
                story_count,
                principle,
            }
        })
        .collect())
}

/// A STAR story in full, for rehearsing.
#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StoryCard {
    #[ts(type = "number")]
    pub win_id: i64,
    pub title: String,
    pub occurred_on: NaiveDate,
    pub situation: String,
    pub task: String,
    pub action: String,
    pub result: String,
}

/// The stories evidencing one principle, newest first: the interview-prep view.
pub async fn stories_for(pool: &SqlitePool, principle_id: i64) -> AppResult<Vec<StoryCard>> {
    Ok(sqlx::query_as::<_, StoryCard>(
        "SELECT a.id AS win_id, a.title, a.occurred_on, s.situation, s.task, s.action, s.result
         FROM achievement_principles ap
         JOIN achievements a ON a.id = ap.achievement_id
         JOIN stories s ON s.achievement_id = a.id
         WHERE ap.principle_id = ?
         ORDER BY a.occurred_on DESC, a.id DESC",
    )
    .bind(principle_id)
    .fetch_all(pool)
    .await?)
}
