//! Child rows written as a whole set: a goal's facets, principles and links, a win's
//! principles and links. Saving the owner replaces the set, so one function does it.

use sqlx::{AssertSqlSafe, Encode, Sqlite, SqliteConnection, Type};

use crate::infra::error::AppResult;

/// Replaces the rows of `table` that belong to `owner` with one row per value.
/// `table` and the column names are constants of the caller, never user input.
pub(crate) async fn replace<T>(
    conn: &mut SqliteConnection,
    table: &'static str,
    owner_column: &'static str,
    owner: i64,
    value_column: &'static str,
    values: &[T],
) -> AppResult<()>
where
    T: for<'q> Encode<'q, Sqlite> + Type<Sqlite> + Clone + Send + 'static,
{
    sqlx::query(AssertSqlSafe(format!(
        "DELETE FROM {table} WHERE {owner_column} = ?"
    )))
    .bind(owner)
    .execute(&mut *conn)
    .await?;
    let insert = format!("INSERT INTO {table} ({owner_column}, {value_column}) VALUES (?, ?)");
    for value in values {
        sqlx::query(AssertSqlSafe(insert.as_str()))
            .bind(owner)
            .bind(value)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
