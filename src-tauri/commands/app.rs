use chrono::NaiveDate;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use super::AppState;
use crate::clock;
use crate::error::AppResult;
use crate::input;
use crate::settings::{self, Settings, SettingsInput};

/// Facts about this installation that the Settings screen shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
    pub today: NaiveDate,
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn app_info(state: State<'_, AppState>) -> AppResult<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database_path: state.db_path.display().to_string(),
        today: clock::today()?,
    })
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn get_settings(state: State<'_, AppState>) -> AppResult<Settings> {
    settings::get(&state.pool).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn update_settings(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<Settings> {
    let input: SettingsInput = input::parse(input)?;
    settings::update(&state.pool, input).await
}

#[tauri::command]
#[tracing::instrument(skip(state, query), err)]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    limit: i64,
) -> AppResult<Vec<crate::search::SearchHit>> {
    crate::search::search(&state.pool, &query, limit).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn dashboard(state: State<'_, AppState>) -> AppResult<crate::dashboard::Dashboard> {
    crate::dashboard::dashboard(&state.pool, clock::today()?).await
}
