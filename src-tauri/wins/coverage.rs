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
    total: i64,
    /// The newest stories as a JSON array of `[win id, title, day]`.
    recent: String,
}

/// Per active principle, its story count and the newest few as JSON. The newest are found
/// by walking wins newest first (`achievements_by_day`) until enough carry the principle
/// and a story, so a large brag log costs a few index steps per principle, not a sort of
/// every story (a window function over all of them took 6x longer on the standard set).
const COVERAGE: &str = "SELECT p.id AS principle_id,
        (SELECT count(*) FROM achievement_principles ap
         JOIN stories s ON s.achievement_id = ap.achievement_id WHERE ap.principle_id = p.id) AS total,
        (SELECT json_group_array(json_array(id, title, occurred_on)) FROM (
            SELECT a.id, a.title, a.occurred_on FROM achievements a
            WHERE EXISTS (SELECT 1 FROM achievement_principles ap
                          WHERE ap.achievement_id = a.id AND ap.principle_id = p.id)
              AND EXISTS (SELECT 1 FROM stories s WHERE s.achievement_id = a.id)
            ORDER BY a.occurred_on DESC, a.id DESC LIMIT ?)) AS recent
    FROM principles p WHERE p.retired_on IS NULL";

/// Each active principle with the number of STAR stories whose wins carry it, and the
/// newest few by name. The stories' text stays out: `stories_for` fetches it.
pub async fn coverage(pool: &SqlitePool) -> AppResult<Vec<CoverageRow>> {
    let principles = principles::list(pool, false).await?;
    let hits = sqlx::query_as::<_, CoverageHit>(COVERAGE)
        .bind(RECENT)
        .fetch_all(pool)
        .await?;
    principles
        .into_iter()
        .map(|principle| {
            let hit = hits.iter().find(|h| h.principle_id == principle.id);
            let story_count = hit.map(|h| h.total).unwrap_or(0);
            let recent: Vec<(i64, String, NaiveDate)> = match hit {
                Some(h) => {
                    serde_json::from_str(&h.recent).map_err(|e| sqlx::Error::Decode(Box::new(e)))?
                }
                None => Vec::new(),
            };
            Ok(CoverageRow {
                recent: recent
                    .into_iter()
                    .map(|(win_id, title, occurred_on)| StoryRef {
                        win_id,
                        title,
                        occurred_on,
                    })
                    .collect(),
                needs_more: story_count < STORIES_WANTED,
                story_count,
                principle,
            })
        })
        .collect()
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
