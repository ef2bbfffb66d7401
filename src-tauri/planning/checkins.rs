//! Check-ins: a dated reading of how a goal is going, with a confidence from 1 to 5.
//! A metric goal's current value is its latest check-in; the rest are its history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::text::trim_number;
use crate::planning::goals::{self, GoalStatus, MeasureKind};
use crate::{infra::input, infra::limits};

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckIn {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub goal_id: i64,
    pub on_date: NaiveDate,
    pub value: Option<f64>,
    #[ts(type = "number")]
    pub confidence: i64,
    pub note: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct CheckInInput {
    /// `YYYY-MM-DD`; today when missing.
    #[ts(optional)]
    pub on_date: Option<String>,
    /// Required for metric goals, ignored for done/not-done goals.
    #[ts(optional)]
    pub value: Option<f64>,
    #[ts(type = "number")]
    pub confidence: i64,
    #[ts(optional)]
    pub note: Option<String>,
}

pub async fn list(conn: &mut SqliteConnection, goal_id: i64) -> AppResult<Vec<CheckIn>> {
    Ok(sqlx::query_as::<_, CheckIn>(
        "SELECT id, goal_id, on_date, value, confidence, note FROM check_ins
         WHERE goal_id = ? ORDER BY on_date, id",
    )
    .bind(goal_id)
    .fetch_all(conn)
    .await?)
}

/// Records a check-in. The first one moves a not-started goal to in progress.
pub async fn add(
    pool: &SqlitePool,
    goal_id: i64,
    input: CheckInInput,
    today: NaiveDate,
) -> AppResult<CheckIn> {
    let on_date = match input.on_date.as_deref() {
        Some(text) => input::date("onDate", text)?,
        None => today,
    };
    if on_date > today {
        return Err(AppError::invalid(
            "onDate",
            "A check-in cannot be dated in the future.",
        ));
    }
    if !(1..=5).contains(&input.confidence) {
        return Err(AppError::invalid(
            "confidence",
            "Confidence goes from 1 (low) to 5 (high).",
        ));
    }
    let note = limits::long_text("note", input.note.as_deref().unwrap_or(""))?;

    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let goal = goals::fetch_open(&mut tx, goal_id, today).await?;
    let value = match goal.measure {
        MeasureKind::Metric => {
            let v = input
                .value
                .ok_or_else(|| AppError::invalid("value", "Enter today's value of the metric."))?;
            Some(limits::number("value", v)?)
        }
        MeasureKind::Done => None,
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO check_ins (goal_id, on_date, value, confidence, note) VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(goal_id)
    .bind(on_date)
    .bind(value)
    .bind(input.confidence)
    .bind(&note)
    .fetch_one(&mut *tx)
    .await?;
    let reading = match value {
        Some(v) => format!("{} {}", trim_number(v), goal.metric_unit)
            .trim_end()
            .to_owned(),
        None => "no value".to_owned(),
    };
    let summary = format!(
        "Checked in on \"{}\": {reading}, confidence {}",
        goal.title, input.confidence
    );
    activity::record(
        &mut tx,
        on_date,
        Entity::CheckIn,
        id,
        Action::Created,
        &summary,
    )
    .await?;
    if goal.status == GoalStatus::NotStarted {
        goals::write_status(&mut tx, &goal, GoalStatus::InProgress, today).await?;
    }
    let check_in = sqlx::query_as::<_, CheckIn>(
        "SELECT id, goal_id, on_date, value, confidence, note FROM check_ins WHERE id = ?",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(check_in)
}

pub async fn delete(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<()> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let goal_id: i64 = sqlx::query_scalar("SELECT goal_id FROM check_ins WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound {
            entity: "Check-in",
            id,
        })?;
    let goal = goals::fetch_open(&mut tx, goal_id, today).await?;
    sqlx::query("DELETE FROM check_ins WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let summary = format!("Deleted a check-in on \"{}\"", goal.title);
    activity::record(
        &mut tx,
        today,
        Entity::CheckIn,
        id,
        Action::Deleted,
        &summary,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
