//! Self-assessments: a 1–5 rating and a note per focus area, taken when a quarter opens
//! and again when it closes, so "where do I stand" has a reference point.

use serde::{Deserialize, Serialize};
use sqlx::{FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};
use crate::{infra::limits, planning::plans};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
#[ts(export)]
pub enum Phase {
    Opening,
    Closing,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FromRow, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct Assessment {
    #[ts(type = "number")]
    pub focus_area_id: i64,
    #[ts(type = "number")]
    pub rating: i64,
    #[serde(default)]
    pub note: String,
}

pub async fn list(
    conn: &mut SqliteConnection,
    plan_id: i64,
    phase: Phase,
) -> AppResult<Vec<Assessment>> {
    Ok(sqlx::query_as::<_, Assessment>(
        "SELECT focus_area_id, rating, note FROM self_assessments
         WHERE plan_id = ? AND phase = ? ORDER BY focus_area_id",
    )
    .bind(plan_id)
    .bind(phase)
    .fetch_all(conn)
    .await?)
}

/// Replaces the plan's assessment for `phase`; the caller holds the transaction and has
/// checked that the plan may change.
pub(crate) async fn write(
    conn: &mut SqliteConnection,
    plan_id: i64,
    phase: Phase,
    entries: &[Assessment],
) -> AppResult<()> {
    let mut seen = Vec::new();
    for e in entries {
        if !(1..=5).contains(&e.rating) {
            return Err(AppError::invalid("rating", "Rate each area from 1 to 5."));
        }
        limits::long_text("note", &e.note)?;
        if seen.contains(&e.focus_area_id) || !(1..=7).contains(&e.focus_area_id) {
            return Err(AppError::invalid(
                "focusAreaId",
                "Rate each of the seven focus areas at most once.",
            ));
        }
        seen.push(e.focus_area_id);
    }
    sqlx::query("DELETE FROM self_assessments WHERE plan_id = ? AND phase = ?")
        .bind(plan_id)
        .bind(phase)
        .execute(&mut *conn)
        .await?;
    for e in entries {
        sqlx::query(
            "INSERT INTO self_assessments (plan_id, focus_area_id, phase, rating, note) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(plan_id)
        .bind(e.focus_area_id)
        .bind(phase)
        .bind(e.rating)
        .bind(e.note.trim_end())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Saves the opening self-assessment of an open plan.
pub async fn save_opening(
    pool: &SqlitePool,
    plan_id: i64,
    entries: Vec<Assessment>,
) -> AppResult<Vec<Assessment>> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    plans::fetch_open(&mut tx, plan_id).await?;
    write(&mut tx, plan_id, Phase::Opening, &entries).await?;
    let saved = list(&mut tx, plan_id, Phase::Opening).await?;
    tx.commit().await?;
    Ok(saved)
}
