//! Commands for target roles, their expectations, ratings, evidence and readiness.

use super::AppState;
use crate::framework::settings;
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::infra::input;
use crate::infra::trash::Trashed;
use crate::readiness::evidence::{self, Evidence};
use crate::readiness::expectations::{self, Expectation};
use crate::readiness::ratings::{self, RatingEntry};
use crate::readiness::roles::{self, TargetRole};
use crate::readiness::score::{self, QuarterPoint, Readiness};
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_target_roles(state: State<'_, AppState>) -> AppResult<Vec<TargetRole>> {
    roles::list(&state.pool()).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn create_target_role(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<TargetRole> {
    roles::create(&state.pool(), input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state, input), err)]
pub async fn update_target_role(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<TargetRole> {
    roles::update(&state.pool(), id, input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_current_target_role(state: State<'_, AppState>, id: i64) -> AppResult<TargetRole> {
    roles::set_current(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn delete_target_role(state: State<'_, AppState>, id: i64) -> AppResult<Trashed> {
    roles::delete(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state, input), err)]
pub async fn add_expectation(
    state: State<'_, AppState>,
    role_id: i64,
    input: serde_json::Value,
) -> AppResult<Expectation> {
    expectations::create(
        &state.pool(),
        role_id,
        input::parse(input)?,
        clock::today()?,
    )
    .await
}

#[tauri::command]
#[tracing::instrument(skip(state, input), err)]
pub async fn update_expectation(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Expectation> {
    expectations::update(&state.pool(), id, input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn delete_expectation(state: State<'_, AppState>, id: i64) -> AppResult<Trashed> {
    expectations::delete(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn reorder_expectations(
    state: State<'_, AppState>,
    role_id: i64,
    ids: Vec<i64>,
) -> AppResult<Vec<Expectation>> {
    expectations::reorder(&state.pool(), role_id, ids, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state, input), err)]
pub async fn rate_expectation(
    state: State<'_, AppState>,
    expectation_id: i64,
    input: serde_json::Value,
) -> AppResult<RatingEntry> {
    ratings::rate(
        &state.pool(),
        expectation_id,
        input::parse(input)?,
        clock::today()?,
    )
    .await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn rating_history(
    state: State<'_, AppState>,
    expectation_id: i64,
) -> AppResult<Vec<RatingEntry>> {
    ratings::history(&state.pool(), expectation_id).await
}

#[tauri::command]
#[tracing::instrument(skip(state, evidence), err)]
pub async fn link_evidence(
    state: State<'_, AppState>,
    expectation_id: i64,
    evidence: serde_json::Value,
) -> AppResult<Evidence> {
    evidence::link(
        &state.pool(),
        expectation_id,
        input::parse(evidence)?,
        clock::today()?,
    )
    .await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn unlink_evidence(state: State<'_, AppState>, evidence_id: i64) -> AppResult<()> {
    evidence::unlink(&state.pool(), evidence_id).await
}

/// The evidence of every expectation of the role.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn role_evidence(state: State<'_, AppState>, role_id: i64) -> AppResult<Vec<Evidence>> {
    evidence::of_role(&state.pool(), role_id).await
}

/// Readiness today: per area, for the role, the largest gap, and every expectation.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn role_readiness(state: State<'_, AppState>, role_id: i64) -> AppResult<Readiness> {
    score::readiness(&state.pool(), role_id, clock::today()?).await
}

/// Readiness at the end of each past quarter, for the chart.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn readiness_by_quarter(
    state: State<'_, AppState>,
    role_id: i64,
) -> AppResult<Vec<QuarterPoint>> {
    let pool = state.pool();
    let month = settings::get(&pool).await?.fiscal_year_start_month;
    score::by_quarter(&pool, role_id, clock::today()?, month).await
}
