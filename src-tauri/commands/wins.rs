use tauri::State;

use super::AppState;
use crate::achievements::{self, Achievement, AchievementDetail};
use crate::clock;
use crate::error::AppResult;
use crate::framework::Principle;
use crate::input;
use crate::principles::{self, CoverageRow, StoryCard};
use crate::stories::{self, Story};

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_wins(
    state: State<'_, AppState>,
    limit: i64,
    offset: i64,
) -> AppResult<Vec<Achievement>> {
    achievements::list(&state.pool(), limit, offset).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn win_detail(state: State<'_, AppState>, id: i64) -> AppResult<AchievementDetail> {
    achievements::detail(&state.pool(), id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn create_win(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<Achievement> {
    achievements::create(&state.pool(), input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state, input), err)]
pub async fn update_win(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Achievement> {
    achievements::update(&state.pool(), id, input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn delete_win(state: State<'_, AppState>, id: i64) -> AppResult<()> {
    achievements::delete(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state, story), err)]
pub async fn save_story(
    state: State<'_, AppState>,
    achievement_id: i64,
    story: serde_json::Value,
) -> AppResult<Story> {
    stories::save(
        &state.pool(),
        achievement_id,
        input::parse(story)?,
        clock::today()?,
    )
    .await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn add_principle(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<Principle> {
    principles::add(&state.pool(), input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip(state, input), err)]
pub async fn update_principle(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Principle> {
    principles::update(&state.pool(), id, input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_principle_retired(
    state: State<'_, AppState>,
    id: i64,
    retired: bool,
) -> AppResult<Principle> {
    principles::set_retired(&state.pool(), id, retired, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn reorder_principles(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> AppResult<Vec<Principle>> {
    principles::reorder(&state.pool(), ids).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn restore_principles(state: State<'_, AppState>) -> AppResult<Vec<Principle>> {
    principles::restore_defaults(&state.pool(), clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn principle_coverage(state: State<'_, AppState>) -> AppResult<Vec<CoverageRow>> {
    principles::coverage(&state.pool()).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn principle_stories(
    state: State<'_, AppState>,
    principle_id: i64,
) -> AppResult<Vec<StoryCard>> {
    principles::stories_for(&state.pool(), principle_id).await
}
