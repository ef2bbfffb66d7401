//! The user's preferences: one row, typed columns.

use serde::{Deserialize, Serialize};
use sqlx::{FromRow, SqlitePool};
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
#[ts(export)]
pub enum Theme {
    Light,
    Dark,
    /// Follow the operating system (a headless display always reports light).
    System,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    pub theme: Theme,
    /// 1 = January: the month the user's fiscal year starts; quarters count from it.
    pub fiscal_year_start_month: u32,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct SettingsInput {
    #[ts(optional)]
    pub theme: Option<Theme>,
    #[ts(optional, type = "number")]
    pub fiscal_year_start_month: Option<i64>,
}

pub async fn get(pool: &SqlitePool) -> AppResult<Settings> {
    Ok(sqlx::query_as::<_, Settings>(
        "SELECT theme, fiscal_year_start_month FROM settings WHERE id = 1",
    )
    .fetch_one(pool)
    .await?)
}

pub async fn update(pool: &SqlitePool, input: SettingsInput) -> AppResult<Settings> {
    if let Some(month) = input.fiscal_year_start_month {
        if !(1..=12).contains(&month) {
            return Err(AppError::invalid(
                "fiscalYearStartMonth",
                "Pick a month from January to December.",
            ));
        }
    }
    sqlx::query(
        "UPDATE settings SET theme = coalesce(?, theme),
             fiscal_year_start_month = coalesce(?, fiscal_year_start_month)
         WHERE id = 1",
    )
    .bind(input.theme)
    .bind(input.fiscal_year_start_month)
    .execute(pool)
    .await?;
    get(pool).await
}
