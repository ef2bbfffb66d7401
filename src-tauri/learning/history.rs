//! Completion history: items completed per quarter and minutes spent per week, for the
//! Learning screen's charts.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::infra::clock;
use crate::infra::error::AppResult;

const QUARTERS: u32 = 8;
const WEEKS: u64 = 12;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuarterCount {
    pub label: String,
    pub starts_on: NaiveDate,
    #[ts(type = "number")]
    pub completed: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WeekMinutes {
    /// The Monday the week starts on.
    pub week_of: NaiveDate,
    #[ts(type = "number")]
    pub minutes: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LearningHistory {
    /// The last eight quarters, oldest first, including empty ones.
    pub completed_per_quarter: Vec<QuarterCount>,
    /// The last twelve weeks, oldest first, including empty ones.
    pub minutes_per_week: Vec<WeekMinutes>,
}

pub async fn history(
    pool: &SqlitePool,
    today: NaiveDate,
    fiscal_start_month: u32,
) -> AppResult<LearningHistory> {
    let (current_start, _) = clock::quarter_of(today, fiscal_start_month);
    let first_start = current_start - Months::new(3 * (QUARTERS - 1));
    let mut completed_per_quarter: Vec<QuarterCount> = (0..QUARTERS)
        .map(|i| {
            let starts_on = first_start + Months::new(3 * i);
            QuarterCount {
                label: clock::quarter_label(starts_on, fiscal_start_month),
                starts_on,
                completed: 0,
            }
        })
        .collect();
    let done: Vec<NaiveDate> = sqlx::query_scalar(
        "SELECT completed_on FROM resources WHERE completed_on >= ? AND completed_on <= ?",
    )
    .bind(first_start)
    .bind(today)
    .fetch_all(pool)
    .await?;
    for day in done {
        if let Some(q) = completed_per_quarter
            .iter_mut()
            .rev()
            .find(|q| q.starts_on <= day)
        {
            q.completed += 1;
        }
    }

    let this_monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let first_monday = this_monday - Days::new(7 * (WEEKS - 1));
    let mut minutes_per_week: Vec<WeekMinutes> = (0..WEEKS)
        .map(|i| WeekMinutes {
            week_of: first_monday + Days::new(7 * i),
            minutes: 0,
        })
        .collect();
    let days: Vec<(NaiveDate, i64)> = sqlx::query_as(
        "SELECT on_date, sum(minutes) FROM progress_entries WHERE on_date >= ? AND on_date <= ? GROUP BY on_date",
    )
    .bind(first_monday)
    .bind(today)
    .fetch_all(pool)
    .await?;
    for (day, minutes) in days {
        let index = ((day - first_monday).num_days() / 7) as usize;
        if let Some(week) = minutes_per_week.get_mut(index) {
            week.minutes += minutes;
        }
    }
    Ok(LearningHistory {
        completed_per_quarter,
        minutes_per_week,
    })
}
