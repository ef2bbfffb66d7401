//! The ratings of an expectation, kept as a history: a new rating never replaces an old
//! one, so readiness can be worked out as it stood on any past day. The rating in force
//! on a day is the latest rated on or before it (then the last one written).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::{input, limits, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum Rating {
    NotYet,
    Partly,
    Consistently,
    Beyond,
}

impl Rating {
    pub const ALL: [Rating; 4] = [
        Rating::NotYet,
        Rating::Partly,
        Rating::Consistently,
        Rating::Beyond,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Rating::NotYet => "not yet",
            Rating::Partly => "partly",
            Rating::Consistently => "consistently",
            Rating::Beyond => "beyond",
        }
    }

    /// Whether the expectation counts as met: shown consistently, or beyond it.
    pub fn is_met(self) -> bool {
        matches!(self, Rating::Consistently | Rating::Beyond)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RatingEntry {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub expectation_id: i64,
    pub rating: Rating,
    pub note: String,
    pub rated_on: NaiveDate,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct RatingInput {
    pub rating: Rating,
    #[ts(optional)]
    pub note: Option<String>,
    /// The day the rating is for; today when absent.
    #[ts(optional)]
    pub rated_on: Option<String>,
}

/// Rates an expectation (on `rated_on`, or today), keeping every earlier rating.
pub async fn rate(
    pool: &SqlitePool,
    expectation_id: i64,
    input: RatingInput,
    today: NaiveDate,
) -> AppResult<RatingEntry> {
    let note = limits::long_text("note", input.note.as_deref().unwrap_or(""))?;
    let rated_on = input::optional_date("ratedOn", input.rated_on.as_deref())?.unwrap_or(today);
    if rated_on > today {
        return Err(AppError::invalid(
            "ratedOn",
            "A rating is for a day that has come: today or earlier.",
        ));
    }
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let expected = expected(&mut tx, expectation_id).await?;
    let entry = sqlx::query_as::<_, RatingEntry>(
        "INSERT INTO expectation_ratings (expectation_id, rating, note, rated_on)
         VALUES (?, ?, ?, ?) RETURNING id, expectation_id, rating, note, rated_on",
    )
    .bind(expectation_id)
    .bind(input.rating)
    .bind(&note)
    .bind(rated_on)
    .fetch_one(&mut *tx)
    .await?;
    let summary = format!(
        "Rated \"{}\": {}",
        text::one_line(&expected, 80),
        input.rating.label()
    );
    activity::record(
        &mut tx,
        rated_on,
        Entity::Expectation,
        expectation_id,
        Action::Rated,
        &summary,
    )
    .await?;
    tx.commit().await?;
    Ok(entry)
}

/// What the expectation expects, or NotFound. (Read here rather than through
/// `expectations`, which uses this module's `Rating`.)
async fn expected(conn: &mut SqliteConnection, expectation_id: i64) -> AppResult<String> {
    sqlx::query_scalar("SELECT expected FROM role_expectations WHERE id = ?")
        .bind(expectation_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(AppError::NotFound {
            entity: "expectation",
            id: expectation_id,
        })
}

/// Every rating of an expectation, newest first.
pub async fn history(pool: &SqlitePool, expectation_id: i64) -> AppResult<Vec<RatingEntry>> {
    let mut conn = pool.acquire().await?;
    expected(&mut conn, expectation_id).await?;
    Ok(sqlx::query_as::<_, RatingEntry>(
        "SELECT id, expectation_id, rating, note, rated_on FROM expectation_ratings
         WHERE expectation_id = ? ORDER BY rated_on DESC, id DESC",
    )
    .bind(expectation_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// Every rating of a role's expectations, oldest first: what `score` works the ratings
/// in force on any day out of.
pub(crate) async fn of_role(pool: &SqlitePool, role_id: i64) -> AppResult<Vec<RatingEntry>> {
    Ok(sqlx::query_as::<_, RatingEntry>(
        "SELECT r.id, r.expectation_id, r.rating, r.note, r.rated_on
         FROM expectation_ratings r JOIN role_expectations e ON e.id = r.expectation_id
         WHERE e.target_role_id = ? ORDER BY r.rated_on, r.id",
    )
    .bind(role_id)
    .fetch_all(pool)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::Rating;

    #[test]
    fn export_bindings_rating_labels() {
        let entries: Vec<(Rating, &str)> = Rating::ALL.iter().map(|r| (*r, r.label())).collect();
        crate::infra::labels::export("Rating", "RATING_LABELS", &entries);
    }
}
