//! Commands for planning: plans, goals, milestones, check-ins, self-assessments and the quarter review.

use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::infra::input;
use crate::infra::trash::Trashed;
use crate::planning::assessments::{self, Assessment};
use crate::planning::checkins::{self, CheckIn};
use crate::planning::goals::{self, Goal, GoalStatus};
use crate::planning::milestones::{self, Milestone};
use crate::planning::plan_view::{self, PlanDetail};
use crate::planning::plans::{self, Plan, PlanDefaults, PlanStatus};

use super::AppState;
use crate::infra::backups::Reason;
use crate::planning::review::{self, CloseOutcome, QuarterReview};
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn plan_detail(state: State<'_, AppState>, plan_id: i64) -> AppResult<PlanDetail> {
    plan_view::detail(&state.pool(), plan_id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn create_goal(
    state: State<'_, AppState>,
    plan_id: i64,
    input: serde_json::Value,
) -> AppResult<Goal> {
    goals::create(
        &state.pool(),
        plan_id,
        input::parse(input)?,
        clock::today()?,
    )
    .await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_goal(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Goal> {
    goals::update(&state.pool(), id, input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn set_goal_status(
    state: State<'_, AppState>,
    id: i64,
    status: serde_json::Value,
) -> AppResult<Goal> {
    let status: GoalStatus = input::parse(status)?;
    goals::set_status(&state.pool(), id, status, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_goal(state: State<'_, AppState>, id: i64) -> AppResult<Trashed> {
    goals::delete(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn add_check_in(
    state: State<'_, AppState>,
    goal_id: i64,
    input: serde_json::Value,
) -> AppResult<CheckIn> {
    checkins::add(
        &state.pool(),
        goal_id,
        input::parse(input)?,
        clock::today()?,
    )
    .await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_check_in(state: State<'_, AppState>, id: i64) -> AppResult<()> {
    checkins::delete(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn add_milestone(
    state: State<'_, AppState>,
    goal_id: i64,
    input: serde_json::Value,
) -> AppResult<Milestone> {
    milestones::add(
        &state.pool(),
        goal_id,
        input::parse(input)?,
        clock::today()?,
    )
    .await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_milestone(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Milestone> {
    milestones::update(&state.pool(), id, input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn set_milestone_done(
    state: State<'_, AppState>,
    id: i64,
    done: bool,
) -> AppResult<Milestone> {
    milestones::set_done(&state.pool(), id, done, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn reorder_milestones(
    state: State<'_, AppState>,
    goal_id: i64,
    ids: Vec<i64>,
) -> AppResult<Vec<Milestone>> {
    milestones::reorder(&state.pool(), goal_id, ids, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_milestone(state: State<'_, AppState>, id: i64) -> AppResult<Trashed> {
    milestones::delete(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn save_opening_assessment(
    state: State<'_, AppState>,
    plan_id: i64,
    entries: serde_json::Value,
) -> AppResult<Vec<Assessment>> {
    assessments::save_opening(&state.pool(), plan_id, input::parse(entries)?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn quarter_review(state: State<'_, AppState>, plan_id: i64) -> AppResult<QuarterReview> {
    review::review(&state.pool(), plan_id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn review_markdown(state: State<'_, AppState>, plan_id: i64) -> AppResult<String> {
    crate::views::network::review_markdown(&state.pool(), plan_id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn close_quarter(
    state: State<'_, AppState>,
    plan_id: i64,
    input: serde_json::Value,
) -> AppResult<CloseOutcome> {
    let input = input::parse(input)?;
    state.back_up_before(Reason::BeforeClosingQuarter).await?;
    review::close_quarter(&state.pool(), plan_id, input, clock::today()?).await
}

/// Saves the review as a Markdown file; returns where, or `None` when cancelled.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn save_review_markdown(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    plan_id: i64,
) -> AppResult<Option<String>> {
    let review = review::review(&state.pool(), plan_id, clock::today()?).await?;
    let name = format!(
        "quarter-review-{}.md",
        super::files::slug(&review.detail.plan.title)
    );
    let Some(path) = super::files::choose_save_path(&app, &name, ("Markdown", &["md"])).await?
    else {
        return Ok(None);
    };
    let markdown =
        crate::views::network::review_markdown(&state.pool(), plan_id, clock::today()?).await?;
    super::files::write_atomically(&path, &markdown).await?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn plan_defaults(state: State<'_, AppState>) -> AppResult<PlanDefaults> {
    plans::defaults(&state.pool(), clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_plans(state: State<'_, AppState>) -> AppResult<Vec<Plan>> {
    plans::list(&state.pool()).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn create_plan(state: State<'_, AppState>, input: serde_json::Value) -> AppResult<Plan> {
    plans::create(&state.pool(), input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_plan(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Plan> {
    plans::update(&state.pool(), id, input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn set_plan_status(
    state: State<'_, AppState>,
    id: i64,
    status: serde_json::Value,
) -> AppResult<Plan> {
    let status: PlanStatus = input::parse(status)?;
    plans::set_status(&state.pool(), id, status, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_plan(state: State<'_, AppState>, id: i64) -> AppResult<Trashed> {
    state.back_up_before(Reason::BeforeDeletingPlan).await?;
    plans::delete(&state.pool(), id, clock::today()?).await
}
