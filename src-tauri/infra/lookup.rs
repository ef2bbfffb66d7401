//! Checks that ids the UI sends point at real rows, shared by every domain module.

use sqlx::{AssertSqlSafe, SqliteConnection};

use crate::infra::error::{AppError, AppResult};

/// Whether `table` (a constant of the caller, never user input) holds a row with `id`.
pub(crate) async fn exists(
    conn: &mut SqliteConnection,
    table: &'static str,
    id: i64,
) -> AppResult<bool> {
    let found: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT id FROM {table} WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// The ids, sorted and without repeats, once each is found in `table`; otherwise an error
/// at `field` such as "Principle 9 does not exist."
pub(crate) async fn existing_ids(
    conn: &mut SqliteConnection,
    table: &'static str,
    field: &str,
    noun: &str,
    mut ids: Vec<i64>,
) -> AppResult<Vec<i64>> {
    ids.sort_unstable();
    ids.dedup();
    for id in &ids {
        if !exists(conn, table, *id).await? {
            return Err(AppError::invalid(
                field,
                format!("{noun} {id} does not exist."),
            ));
        }
    }
    Ok(ids)
}
