//! Commands for facts about this installation.

use super::AppState;
use crate::infra::clock;
use crate::infra::error::AppResult;
use chrono::NaiveDate;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

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
            crate::demo::example::path(&state.data_dir)
                .display()
                .to_string()
        } else {
            state.db_path.display().to_string()
        },
        today: clock::today()?,
        example: state.showing_example(),
    })
}
