use tauri::State;

use super::AppState;
use crate::error::AppResult;
use crate::framework::{self, FocusArea, Principle};

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn list_focus_areas(state: State<'_, AppState>) -> AppResult<Vec<FocusArea>> {
    framework::focus_areas(&state.pool()).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn list_principles(
    state: State<'_, AppState>,
    include_retired: bool,
) -> AppResult<Vec<Principle>> {
    framework::principles(&state.pool(), include_retired).await
}
