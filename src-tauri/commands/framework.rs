//! Commands for the framework: focus areas, principles, settings and the profile.

use super::AppState;
use crate::framework::focus_areas::{self, FocusArea};
use crate::framework::principles::{self, Principle};
use crate::framework::profile::{self, Profile, ProfileInput};
use crate::framework::settings::{self, Settings, SettingsInput};
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::infra::input;
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn get_settings(state: State<'_, AppState>) -> AppResult<Settings> {
    settings::get(&state.pool()).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_settings(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<Settings> {
    let input: SettingsInput = input::parse(input)?;
    settings::update(&state.pool(), input).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn get_profile(state: State<'_, AppState>) -> AppResult<Profile> {
    profile::get(&state.pool()).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn save_profile(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<Profile> {
    let input: ProfileInput = input::parse(input)?;
    profile::save(&state.pool(), input).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_focus_areas(state: State<'_, AppState>) -> AppResult<Vec<FocusArea>> {
    focus_areas::list(&state.pool()).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_principles(
    state: State<'_, AppState>,
    include_retired: bool,
) -> AppResult<Vec<Principle>> {
    principles::list(&state.pool(), include_retired).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn add_principle(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<Principle> {
    principles::add(&state.pool(), input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_principle(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Principle> {
    principles::update(&state.pool(), id, input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn set_principle_retired(
    state: State<'_, AppState>,
    id: i64,
    retired: bool,
) -> AppResult<Principle> {
    principles::set_retired(&state.pool(), id, retired, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn reorder_principles(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> AppResult<Vec<Principle>> {
    principles::reorder(&state.pool(), ids).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn restore_principles(state: State<'_, AppState>) -> AppResult<Vec<Principle>> {
    principles::restore_defaults(&state.pool(), clock::today()?).await
}
