//! Commands for people and feedback.

use super::AppState;
use crate::infra::backups::Reason;
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::infra::input;
use crate::people::feedback::{self, FeedbackReceived, FeedbackRequest};
use crate::people::person::{self, Person, Removal};
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_people(
    state: State<'_, AppState>,
    include_archived: bool,
) -> AppResult<Vec<Person>> {
    person::list(&state.pool(), include_archived).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn create_person(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<Person> {
    person::create(&state.pool(), input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_person(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Person> {
    person::update(&state.pool(), id, input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn remove_person(state: State<'_, AppState>, id: i64) -> AppResult<Removal> {
    state.back_up_before(Reason::BeforeRemovingPerson).await?;
    person::remove(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn restore_person(state: State<'_, AppState>, id: i64) -> AppResult<Person> {
    person::restore(&state.pool(), id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_feedback_requests(
    state: State<'_, AppState>,
    limit: i64,
) -> AppResult<Vec<FeedbackRequest>> {
    feedback::list_requests(&state.pool(), clock::today()?, None, limit).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_feedback_received(
    state: State<'_, AppState>,
    limit: i64,
) -> AppResult<Vec<FeedbackReceived>> {
    feedback::list_received(&state.pool(), None, limit).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn create_feedback_request(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<FeedbackRequest> {
    feedback::create_request(&state.pool(), input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn set_request_message(
    state: State<'_, AppState>,
    id: i64,
    message: String,
) -> AppResult<FeedbackRequest> {
    feedback::set_message(&state.pool(), id, &message, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn set_request_due(
    state: State<'_, AppState>,
    id: i64,
    due_on: Option<String>,
) -> AppResult<FeedbackRequest> {
    feedback::set_due(&state.pool(), id, due_on.as_deref(), clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn mark_request_asked(state: State<'_, AppState>, id: i64) -> AppResult<FeedbackRequest> {
    feedback::mark_asked(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn record_feedback_response(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<FeedbackRequest> {
    feedback::record_response(&state.pool(), id, input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn count_long_overdue_requests(state: State<'_, AppState>) -> AppResult<i64> {
    feedback::count_long_overdue(&state.pool(), clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn decline_long_overdue_requests(state: State<'_, AppState>) -> AppResult<u64> {
    feedback::decline_long_overdue(&state.pool(), clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn decline_feedback_request(
    state: State<'_, AppState>,
    id: i64,
) -> AppResult<FeedbackRequest> {
    feedback::decline(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_feedback_draft(state: State<'_, AppState>, id: i64) -> AppResult<()> {
    feedback::delete_draft(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn add_feedback_received(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<FeedbackReceived> {
    feedback::add_received(&state.pool(), input::parse(input)?, clock::today()?).await
}
