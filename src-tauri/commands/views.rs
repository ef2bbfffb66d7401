//! Commands for read models across features: dashboard, search, a goal in full, a person's page, drafting a 1:1 agenda, the résumé and the calendar exports.

use super::AppState;
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::infra::input;
use crate::one_on_ones::agenda::OneOnOneDetail;
use crate::views::agenda_draft;
use crate::views::calendar::{self, CalendarSaved};
use crate::views::goal_detail::{self, GoalDetail};
use crate::views::keywords::{self, Keywords};
use crate::views::network;
use crate::views::person_page::{self, PersonPage};
use crate::views::resume::{self, ResumeChoice, ResumeDraft, ResumeSaved};
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    limit: i64,
) -> AppResult<Vec<crate::views::search::SearchHit>> {
    crate::views::search::search(&state.pool(), &query, limit).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn dashboard(
    state: State<'_, AppState>,
) -> AppResult<crate::views::dashboard::Dashboard> {
    crate::views::dashboard::dashboard(&state.pool(), clock::today()?).await
}

/// The teams known and how each was reached this year.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn network_teams(state: State<'_, AppState>) -> AppResult<Vec<network::TeamReach>> {
    network::teams(&state.pool(), clock::today()?).await
}

/// Mentoring and conversations in a plan's quarter, for its review.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn quarter_network(
    state: State<'_, AppState>,
    plan_id: i64,
) -> AppResult<network::QuarterNetwork> {
    network::quarter(&state.pool(), plan_id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn person_page(state: State<'_, AppState>, id: i64) -> AppResult<PersonPage> {
    person_page::page(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn goal_detail(state: State<'_, AppState>, id: i64) -> AppResult<GoalDetail> {
    goal_detail::detail(&state.pool(), id, clock::today()?).await
}

/// Drafts the agenda; returns the meeting and how many items were new.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn prepare_agenda(
    state: State<'_, AppState>,
    id: i64,
) -> AppResult<(OneOnOneDetail, usize)> {
    agenda_draft::prepare(&state.pool(), id, clock::today()?).await
}

/// What the résumé preview offers.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn resume_draft(state: State<'_, AppState>) -> AppResult<ResumeDraft> {
    resume::draft(&state.pool()).await
}

/// Saves the résumé (JSON Resume) of the profile and the picks in `choice`; returns where
/// and what went in, or `None` when cancelled. A choice that is refused is refused before
/// the dialog asks where.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn save_resume(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    choice: serde_json::Value,
) -> AppResult<Option<ResumeSaved>> {
    let choice: ResumeChoice = input::parse(choice)?;
    let resume = resume::document(&state.pool(), &choice).await?;
    let filter = ("JSON Resume", &["json"][..]);
    let Some(path) = super::files::choose_save_path(&app, "resume.json", filter).await? else {
        return Ok(None);
    };
    super::files::write_atomically(&path, &resume.text()?).await?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Some(ResumeSaved {
        path: path.display().to_string(),
        file_name,
        counts: resume.counts,
    }))
}

/// Saves the dated items (all, or one plan's goals and milestones; opportunities' next
/// steps only with `pipeline`) as an iCalendar file;
/// returns where and how many of each kind, or `None` when cancelled.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn save_calendar(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    plan_id: Option<i64>,
    pipeline: bool,
) -> AppResult<Option<CalendarSaved>> {
    let scope = calendar::Scope { plan_id, pipeline };
    let found = calendar::gather(&state.pool(), scope, clock::today()?).await?;
    let name = match &found.plan {
        Some(plan) => format!("ladder-{}.ics", super::files::slug(&plan.title)),
        None => "ladder-calendar.ics".to_owned(),
    };
    let Some(path) = super::files::choose_save_path(&app, &name, ("iCalendar", &["ics"])).await?
    else {
        return Ok(None);
    };
    super::files::write_atomically(&path, &calendar::ics(&found)).await?;
    Ok(Some(CalendarSaved::new(path.display().to_string(), &found)))
}

/// The words of a pasted job posting that the record shows, and those it lacks.
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn resume_keywords(state: State<'_, AppState>, text: String) -> AppResult<Keywords> {
    keywords::for_text(&state.pool(), &text).await
}

/// The same for an opportunity's posting: its title and notes.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn opportunity_keywords(
    state: State<'_, AppState>,
    opportunity_id: i64,
) -> AppResult<Keywords> {
    keywords::for_opportunity(&state.pool(), opportunity_id).await
}
