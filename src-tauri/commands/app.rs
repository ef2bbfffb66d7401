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
    /// True while the example plan is shown instead of the user's data.
    pub example: bool,
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn app_info(state: State<'_, AppState>) -> AppResult<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        // The file the screens read and write: the example's while it is shown.
        database_path: if state.showing_example() {
            crate::example::path(&state.data_dir).display().to_string()
        } else {
            state.db_path.display().to_string()
        },
        today: clock::today()?,
        example: state.showing_example(),
    })
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn get_settings(state: State<'_, AppState>) -> AppResult<Settings> {
    settings::get(&state.pool()).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn update_settings(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<Settings> {
    let input: SettingsInput = input::parse(input)?;
    settings::update(&state.pool(), input).await
}

#[tauri::command]
#[tracing::instrument(skip(state, query), err)]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    limit: i64,
) -> AppResult<Vec<crate::search::SearchHit>> {
    crate::search::search(&state.pool(), &query, limit).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn dashboard(state: State<'_, AppState>) -> AppResult<crate::dashboard::Dashboard> {
    crate::dashboard::dashboard(&state.pool(), clock::today()?).await
}

/// Generates the example plan into its own file and shows it.
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn load_example(state: State<'_, AppState>) -> AppResult<()> {
    if state.showing_example() {
        return Ok(());
    }
    let pool = crate::example::load(&state.data_dir, clock::today()?).await?;
    *state.example.write().unwrap_or_else(|e| e.into_inner()) = Some(pool);
    Ok(())
}

/// Goes back to the user's own data and deletes the example.
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn remove_example(state: State<'_, AppState>) -> AppResult<()> {
    let pool = state
        .example
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    match pool {
        Some(pool) => crate::example::remove(&state.data_dir, pool).await,
        None => Ok(()),
    }
}
