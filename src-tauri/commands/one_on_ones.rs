//! Commands for one-on-ones: scheduling, agenda items, topics and action items.

use super::AppState;
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::infra::input;
use crate::infra::test_hooks::{self, Switch};
use crate::infra::trash::Trashed;
use crate::one_on_ones::agenda::{self, OneOnOneDetail, TopicAdded};
use crate::one_on_ones::schedule::{self, ActionItem, OneOnOne, OneOnOneDefaults, OneOnOneStatus};
use tauri::State;

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_one_on_ones(state: State<'_, AppState>) -> AppResult<Vec<OneOnOne>> {
    schedule::list(&state.pool(), None, None).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn one_on_one_defaults(
    state: State<'_, AppState>,
    person_id: Option<i64>,
) -> AppResult<OneOnOneDefaults> {
    schedule::defaults(&state.pool(), clock::today()?, person_id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn create_one_on_one(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<OneOnOne> {
    schedule::create(&state.pool(), input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_one_on_one(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<OneOnOne> {
    schedule::update(&state.pool(), id, input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn set_one_on_one_status(
    state: State<'_, AppState>,
    id: i64,
    status: OneOnOneStatus,
) -> AppResult<OneOnOne> {
    schedule::set_status(&state.pool(), id, status, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn save_one_on_one_notes(
    state: State<'_, AppState>,
    id: i64,
    notes: String,
) -> AppResult<OneOnOne> {
    slow_save().await;
    schedule::save_notes(&state.pool(), id, &notes).await
}

/// `LADDER_SLOW_SAVE_MS` holds each notes save back that long before it writes, so the
/// end-to-end tests can type while a save is in flight. Test builds only (the switch
/// reads as unset without `test-hooks`).
async fn slow_save() {
    let ms = test_hooks::switch_text(Switch::SlowSaveMs)
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u64>().ok());
    if let Some(ms) = ms {
        tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
    }
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_one_on_one(state: State<'_, AppState>, id: i64) -> AppResult<Trashed> {
    schedule::delete(&state.pool(), id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn one_on_one_detail(state: State<'_, AppState>, id: i64) -> AppResult<OneOnOneDetail> {
    agenda::detail(&state.pool(), id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn add_agenda_item(
    state: State<'_, AppState>,
    id: i64,
    text: String,
) -> AppResult<OneOnOneDetail> {
    agenda::add_item(&state.pool(), id, &text).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn edit_agenda_item(
    state: State<'_, AppState>,
    item_id: i64,
    text: String,
) -> AppResult<OneOnOneDetail> {
    agenda::edit_item(&state.pool(), item_id, &text).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn set_agenda_item_discussed(
    state: State<'_, AppState>,
    item_id: i64,
    discussed: bool,
) -> AppResult<OneOnOneDetail> {
    agenda::set_discussed(&state.pool(), item_id, discussed).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn remove_agenda_item(
    state: State<'_, AppState>,
    item_id: i64,
) -> AppResult<OneOnOneDetail> {
    agenda::remove_item(&state.pool(), item_id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn restore_agenda_item(
    state: State<'_, AppState>,
    item_id: i64,
) -> AppResult<OneOnOneDetail> {
    agenda::restore_item(&state.pool(), item_id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn reorder_agenda(
    state: State<'_, AppState>,
    id: i64,
    ids: Vec<i64>,
) -> AppResult<OneOnOneDetail> {
    agenda::reorder(&state.pool(), id, &ids).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn add_topic(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<TopicAdded> {
    agenda::add_topic(&state.pool(), input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn add_action_item(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<ActionItem> {
    schedule::add_action(&state.pool(), id, input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_action_item(
    state: State<'_, AppState>,
    action_id: i64,
    input: serde_json::Value,
) -> AppResult<ActionItem> {
    schedule::update_action(&state.pool(), action_id, input::parse(input)?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn set_action_item_done(
    state: State<'_, AppState>,
    action_id: i64,
    done: bool,
) -> AppResult<ActionItem> {
    schedule::set_action_done(&state.pool(), action_id, done, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_action_item(state: State<'_, AppState>, action_id: i64) -> AppResult<()> {
    schedule::delete_action(&state.pool(), action_id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn agenda_markdown(state: State<'_, AppState>, id: i64) -> AppResult<String> {
    Ok(agenda::markdown(&agenda::detail(&state.pool(), id).await?))
}

/// Saves the agenda and notes as a Markdown file; returns where, or `None` when cancelled.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn save_agenda_markdown(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> AppResult<Option<String>> {
    let detail = agenda::detail(&state.pool(), id).await?;
    let name = format!(
        "1-1-{}-{}.md",
        super::files::slug(&detail.meeting.person_name),
        detail.meeting.meets_on
    );
    let Some(path) = super::files::choose_save_path(&app, &name, ("Markdown", &["md"])).await?
    else {
        return Ok(None);
    };
    super::files::write_atomically(&path, &agenda::markdown(&detail)).await?;
    Ok(Some(path.display().to_string()))
}

/// The date to propose for the next 1:1 with a person, or `None` when one is already
/// scheduled.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn propose_one_on_one_date(
    state: State<'_, AppState>,
    person_id: i64,
) -> AppResult<Option<chrono::NaiveDate>> {
    let today = clock::today()?;
    let mut conn = state.pool().acquire().await?;
    if schedule::next_scheduled(&mut conn, Some(person_id), today)
        .await?
        .is_some()
    {
        return Ok(None);
    }
    Ok(Some(
        schedule::next_date(&mut conn, person_id, today).await?,
    ))
}
