//! Commands for operations that write across features.

use super::AppState;
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::infra::input;
use crate::workflows::takeaway::{self, ActionTarget};
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
