//! Commands for read models across features: dashboard, search, a goal in full, a person's page, and drafting a 1:1 agenda.

use super::AppState;
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::one_on_ones::agenda::OneOnOneDetail;
use crate::views::agenda_draft;
use crate::views::goal_detail::{self, GoalDetail};
use crate::views::person_page::{self, PersonPage};
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip(state, query), err)]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    limit: i64,
) -> AppResult<Vec<crate::views::search::SearchHit>> {
    crate::views::search::search(&state.pool(), &query, limit).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn dashboard(
    state: State<'_, AppState>,
) -> AppResult<crate::views::dashboard::Dashboard> {
    crate::views::dashboard::dashboard(&state.pool(), clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn person_page(state: State<'_, AppState>, id: i64) -> AppResult<PersonPage> {
    person_page::page(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn goal_detail(state: State<'_, AppState>, id: i64) -> AppResult<GoalDetail> {
    goal_detail::detail(&state.pool(), id, clock::today()?).await
}

/// Drafts the agenda; returns the meeting and how many items were new.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn prepare_agenda(
    state: State<'_, AppState>,
    id: i64,
) -> AppResult<(OneOnOneDetail, usize)> {
    agenda_draft::prepare(&state.pool(), id, clock::today()?).await
}
