//! When to catch up with someone: the one rule the dashboard's "Catch-ups due" and the
//! calendar export both follow, so the two never disagree about a person.
//!
//! A person not archived who has a cadence is due for a catch-up `cadence_days` after the
//! last contact, or today when they have never been met.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{FromRow, SqliteConnection};

use crate::infra::error::AppResult;

/// A person to keep in touch with and the day the next catch-up falls due.
#[derive(Debug, Clone, FromRow)]
pub struct CatchUp {
    pub id: i64,
    pub uid: String,
    pub name: String,
    pub last_contact_on: Option<NaiveDate>,
    pub cadence_days: i64,
    pub due_on: NaiveDate,
    /// When the person's row last changed.
    pub updated_at: DateTime<Utc>,
}

/// Which catch-ups to list.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    /// Only those due on or before this day; `None` for everyone with a cadence.
    pub due_by: Option<NaiveDate>,
    /// At most this many; `None` for all.
    pub limit: Option<i64>,
}

/// Catch-ups in `window`, as of `today`: never-met people first, then the longest
/// overdue, then by name.
pub async fn list(
    conn: &mut SqliteConnection,
    today: NaiveDate,
    window: Window,
) -> AppResult<Vec<CatchUp>> {
    Ok(sqlx::query_as::<_, CatchUp>(
        "SELECT id, uid, name, last_contact_on, cadence_days, due_on, updated_at FROM (
             SELECT id, uid, name, last_contact_on, cadence_days, updated_at,
                    coalesce(date(last_contact_on, '+' || cadence_days || ' days'), ?1) AS due_on
             FROM people WHERE archived_on IS NULL AND cadence_days IS NOT NULL)
         WHERE ?2 IS NULL OR due_on <= ?2
         ORDER BY last_contact_on IS NOT NULL, due_on, name, id
         LIMIT ?3",
    )
    .bind(today)
    .bind(window.due_by)
    // SQLite reads a negative LIMIT as none.
    .bind(window.limit.unwrap_or(-1))
    .fetch_all(conn)
    .await?)
}
