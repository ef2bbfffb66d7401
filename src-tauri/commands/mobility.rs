//! Commands for conversations and the opportunities pipeline.

use super::AppState;
use crate::infra::clock;
use crate::infra::error::{AppError, AppResult};
use crate::infra::input;
use crate::infra::trash::Trashed;
use crate::mobility::conversations::{self, Conversation};
use crate::mobility::opportunities::{self, EndedPage, Opportunity, Pipeline};
use crate::mobility::stages::Stage;
use tauri::{AppHandle, State};

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_conversations(
    state: State<'_, AppState>,
    person: Option<i64>,
    limit: i64,
) -> AppResult<Vec<Conversation>> {
    conversations::list(&state.pool(), person, limit).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn log_conversation(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<Conversation> {
    conversations::create(&state.pool(), input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_conversation(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Conversation> {
    conversations::update(&state.pool(), id, input::parse(input)?).await
}

/// Ticks the follow-up off today, or (`done` false) opens it again.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn set_follow_up_done(
    state: State<'_, AppState>,
    id: i64,
    done: bool,
) -> AppResult<Conversation> {
    let on = if done { Some(clock::today()?) } else { None };
    conversations::set_follow_up_done(&state.pool(), id, on).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_conversation(state: State<'_, AppState>, id: i64) -> AppResult<Trashed> {
    conversations::delete(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_opportunities(
    state: State<'_, AppState>,
    ended_offset: i64,
    ended_limit: i64,
    matching: String,
) -> AppResult<Pipeline> {
    let page = EndedPage {
        offset: ended_offset,
        limit: ended_limit,
    };
    opportunities::list(&state.pool(), page, &matching).await
}

/// One opportunity in full: one the board has not loaded (an older ended one that
/// search or the dashboard asks for).
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn get_opportunity(state: State<'_, AppState>, id: i64) -> AppResult<Opportunity> {
    let mut conn = state.pool().acquire().await?;
    opportunities::fetch(&mut conn, id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn create_opportunity(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<Opportunity> {
    opportunities::create(&state.pool(), input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_opportunity(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Opportunity> {
    opportunities::update(&state.pool(), id, input::parse(input)?).await
}

/// One step from a conversation that mentioned an opening.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn opportunity_from_conversation(
    state: State<'_, AppState>,
    conversation_id: i64,
    input: serde_json::Value,
) -> AppResult<Opportunity> {
    let input = input::parse(input)?;
    opportunities::create_from_conversation(&state.pool(), conversation_id, input, clock::today()?)
        .await
}

/// Moves an opportunity to `stage` today.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn move_opportunity(
    state: State<'_, AppState>,
    id: i64,
    stage: serde_json::Value,
) -> AppResult<Opportunity> {
    let stage: Stage = input::parse(stage)?;
    opportunities::move_stage(&state.pool(), id, stage, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn undo_opportunity_move(state: State<'_, AppState>, id: i64) -> AppResult<Opportunity> {
    opportunities::undo_last_change(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn reopen_opportunity(state: State<'_, AppState>, id: i64) -> AppResult<Opportunity> {
    opportunities::reopen(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn bring_opportunity_to_one_on_one(
    state: State<'_, AppState>,
    id: i64,
    bring: bool,
) -> AppResult<Opportunity> {
    opportunities::set_bring_to_one_on_one(&state.pool(), id, bring).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_opportunity(state: State<'_, AppState>, id: i64) -> AppResult<Trashed> {
    opportunities::delete(&state.pool(), id, clock::today()?).await
}

/// Opens an opportunity's posting in the system browser: its stored address, checked
/// again here (http and https only), never one the page passes in.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn open_opportunity_url(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> AppResult<()> {
    let mut conn = state.pool().acquire().await?;
    let url = opportunities::fetch(&mut conn, id)
        .await?
        .url
        .ok_or_else(|| AppError::invalid("url", "This opportunity has no web address."))?;
    let url = crate::infra::limits::url("url", &url)?;
    super::files::open_url(&app, url)
}
