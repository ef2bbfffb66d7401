//! Commands for operations that write across features.

use super::AppState;
use crate::infra::backups::Reason;
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::infra::input;
use crate::infra::trash::{self, Impact, TrashItem, TrashKind};
use crate::workflows::takeaway::{self, ActionTarget};
use crate::workflows::{self, trash::Restored};
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip(state, action), err)]
pub async fn act_on_feedback(
    state: State<'_, AppState>,
    source: serde_json::Value,
    action: serde_json::Value,
) -> AppResult<ActionTarget> {
    takeaway::act_on(
        &state.pool(),
        input::parse(source)?,
        input::parse(action)?,
        clock::today()?,
    )
    .await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn deletion_impact(
    state: State<'_, AppState>,
    kind: serde_json::Value,
    id: i64,
) -> AppResult<Impact> {
    let kind: TrashKind = input::parse(kind)?;
    let mut conn = state.pool().acquire().await?;
    trash::impact(&mut conn, kind, id).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_trash(state: State<'_, AppState>) -> AppResult<Vec<TrashItem>> {
    let mut conn = state.pool().acquire().await?;
    trash::list(&mut conn).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn restore_from_trash(state: State<'_, AppState>, trash_id: i64) -> AppResult<Restored> {
    workflows::trash::restore(&state.pool(), trash_id, clock::today()?).await
}

/// Deletes for good, so a backup is taken first.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn discard_from_trash(state: State<'_, AppState>, trash_id: i64) -> AppResult<()> {
    state.back_up_before(Reason::BeforeEmptyingTrash).await?;
    let mut conn = state.pool().acquire().await?;
    trash::discard(&mut conn, trash_id).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn empty_trash(state: State<'_, AppState>) -> AppResult<u64> {
    state.back_up_before(Reason::BeforeEmptyingTrash).await?;
    let mut conn = state.pool().acquire().await?;
    trash::empty(&mut conn).await
}
