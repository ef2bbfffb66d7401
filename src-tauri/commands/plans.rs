use tauri::State;

use super::AppState;
use crate::clock;
use crate::error::AppResult;
use crate::input;
use crate::plans::{self, Plan, PlanDefaults, PlanStatus};

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn plan_defaults(state: State<'_, AppState>) -> AppResult<PlanDefaults> {
    plans::defaults(&state.pool(), clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn list_plans(state: State<'_, AppState>) -> AppResult<Vec<Plan>> {
    plans::list(&state.pool()).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn create_plan(state: State<'_, AppState>, input: serde_json::Value) -> AppResult<Plan> {
    plans::create(&state.pool(), input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state, input), err)]
pub async fn update_plan(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Plan> {
    plans::update(&state.pool(), id, input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state, status), err)]
pub async fn set_plan_status(
    state: State<'_, AppState>,
    id: i64,
    status: serde_json::Value,
) -> AppResult<Plan> {
    let status: PlanStatus = input::parse(status)?;
    plans::set_status(&state.pool(), id, status, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn delete_plan(state: State<'_, AppState>, id: i64) -> AppResult<()> {
    plans::delete(&state.pool(), id, clock::today()?).await
}
