//! Commands for wins, their STAR stories and principle coverage.

use super::AppState;
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::infra::input;
use crate::infra::trash::Trashed;
use crate::wins::coverage::{self, CoverageRow, StoryCard};
use crate::wins::detail::{self, WinDetail};
use crate::wins::story::{self, Story};
use crate::wins::win::{self, Win};
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_wins(state: State<'_, AppState>, limit: i64, offset: i64) -> AppResult<Vec<Win>> {
    win::list(&state.pool(), limit, offset).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn win_detail(state: State<'_, AppState>, id: i64) -> AppResult<WinDetail> {
    detail::detail(&state.pool(), id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn create_win(state: State<'_, AppState>, input: serde_json::Value) -> AppResult<Win> {
    win::create(&state.pool(), input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_win(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Win> {
    win::update(&state.pool(), id, input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_win(state: State<'_, AppState>, id: i64) -> AppResult<Trashed> {
    win::delete(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn save_story(
    state: State<'_, AppState>,
    win_id: i64,
    story: serde_json::Value,
) -> AppResult<Story> {
    story::save(&state.pool(), win_id, input::parse(story)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn principle_coverage(state: State<'_, AppState>) -> AppResult<Vec<CoverageRow>> {
    coverage::coverage(&state.pool()).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn principle_stories(
    state: State<'_, AppState>,
    principle_id: i64,
) -> AppResult<Vec<StoryCard>> {
    coverage::stories_for(&state.pool(), principle_id).await
}
