//! Commands for target roles, their expectations, ratings, evidence and readiness.

use super::AppState;
use crate::framework::settings;
use crate::infra::backups::Reason;
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::infra::input;
use crate::infra::limits;
use crate::infra::trash::Trashed;
use crate::readiness::evidence::{self, Candidate, Evidence, EvidenceKind};
use crate::readiness::expectations::{self, Expectation};
use crate::readiness::ladder_csv::{self, LadderOutcome, LadderPreview};
use crate::readiness::ratings::{self, RatingEntry};
use crate::readiness::roles::{self, TargetRole};
use crate::readiness::score::{self, QuarterPoint, Readiness};
use tauri::{AppHandle, State};

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_target_roles(state: State<'_, AppState>) -> AppResult<Vec<TargetRole>> {
    roles::list(&state.pool()).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn create_target_role(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<TargetRole> {
    roles::create(&state.pool(), input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_target_role(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<TargetRole> {
    roles::update(&state.pool(), id, input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn set_current_target_role(state: State<'_, AppState>, id: i64) -> AppResult<TargetRole> {
    roles::set_current(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_target_role(state: State<'_, AppState>, id: i64) -> AppResult<Trashed> {
    roles::delete(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
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
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_expectation(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Expectation> {
    expectations::update(&state.pool(), id, input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_expectation(state: State<'_, AppState>, id: i64) -> AppResult<Trashed> {
    expectations::delete(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn reorder_expectations(
    state: State<'_, AppState>,
    role_id: i64,
    ids: Vec<i64>,
) -> AppResult<Vec<Expectation>> {
    expectations::reorder(&state.pool(), role_id, ids, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
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
#[tracing::instrument(skip_all, err(Debug))]
pub async fn rating_history(
    state: State<'_, AppState>,
    expectation_id: i64,
) -> AppResult<Vec<RatingEntry>> {
    ratings::history(&state.pool(), expectation_id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
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
#[tracing::instrument(skip_all, err(Debug))]
pub async fn unlink_evidence(state: State<'_, AppState>, evidence_id: i64) -> AppResult<()> {
    evidence::unlink(&state.pool(), evidence_id).await
}

/// Records of a kind that could be linked as evidence, filtered by their words.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn evidence_candidates(
    state: State<'_, AppState>,
    kind: serde_json::Value,
    matching: String,
) -> AppResult<Vec<Candidate>> {
    evidence::candidates(&state.pool(), EvidenceKind::parse(kind)?, &matching).await
}

/// The evidence of every expectation of the role.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn role_evidence(state: State<'_, AppState>, role_id: i64) -> AppResult<Vec<Evidence>> {
    evidence::of_role(&state.pool(), role_id).await
}

/// Readiness today: per area, for the role, the largest gap, and every expectation.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn role_readiness(state: State<'_, AppState>, role_id: i64) -> AppResult<Readiness> {
    score::readiness(&state.pool(), role_id, clock::today()?).await
}

/// Readiness at the end of each past quarter, for the chart.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn readiness_by_quarter(
    state: State<'_, AppState>,
    role_id: i64,
) -> AppResult<Vec<QuarterPoint>> {
    let pool = state.pool();
    let month = settings::get(&pool).await?.fiscal_year_start_month;
    score::by_quarter(&pool, role_id, clock::today()?, month).await
}

/// A career-ladder CSV chosen and previewed: the token that imports it, and its name.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChosenLadder {
    pub token: String,
    pub file_name: String,
    pub preview: LadderPreview,
}

/// Asks for a career-ladder CSV (the dialog runs in Rust) and previews it for the role
/// `role_id` (rows that name no role go there); `None` when the user cancels.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn preview_ladder_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    role_id: Option<i64>,
) -> AppResult<Option<ChosenLadder>> {
    match super::files::choose_open_path(&app, ("CSV", &["csv", "txt"])).await? {
        None => Ok(None),
        Some(path) => preview_ladder_file(&state, path, role_id).await.map(Some),
    }
}

/// Reads the file at `path` within the import limits, previews it and holds it.
pub async fn preview_ladder_file(
    state: &AppState,
    path: std::path::PathBuf,
    role_id: Option<i64>,
) -> AppResult<ChosenLadder> {
    let (file_name, bytes) = super::files::read_chosen(path, limits::read_import_file).await?;
    let preview = ladder_csv::preview(&state.pool(), &bytes, role_id).await?;
    let token = state.csv.hold(bytes);
    Ok(ChosenLadder {
        token,
        file_name,
        preview,
    })
}

/// Imports the ladder the preview with this token read (after a backup), all or nothing.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn import_ladder_csv(
    state: State<'_, AppState>,
    token: String,
    role_id: Option<i64>,
) -> AppResult<LadderOutcome> {
    let bytes = state.csv.take(&token)?;
    let today = clock::today()?;
    let imported = async {
        state.back_up_before(Reason::BeforeImport).await?;
        ladder_csv::import(&state.pool(), &bytes, role_id, today).await
    }
    .await;
    if matches!(&imported, Err(e) if e.field() != Some("file")) {
        state.csv.put_back(token, bytes);
    }
    imported
}
