//! Commands for operations that write across features.

use super::AppState;
use crate::infra::backups::Reason;
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::infra::input;
use crate::infra::limits;
use crate::infra::trash::{self, Impact, TrashItem, TrashKind};
use crate::one_on_ones::agenda::OneOnOneDetail;
use crate::readiness::expectations::Expectation;
use crate::workflows::exchange::{self, ImportReport};
use crate::workflows::gap;
use crate::workflows::standing;
use crate::workflows::takeaway::{self, ActionTarget};
use crate::workflows::{self, trash::Restored};
use tauri::State;

/// Turns an unmet expectation into a goal (in the active plan unless one is named) or a
/// resource to learn, linked back to it.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn plan_gap(
    state: State<'_, AppState>,
    expectation_id: i64,
    step: serde_json::Value,
) -> AppResult<Expectation> {
    gap::plan_gap(
        &state.pool(),
        expectation_id,
        input::parse(step)?,
        clock::today()?,
    )
    .await
}

/// Puts "where I stand against <role>" (the current target role) on a 1:1's agenda.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn add_readiness_to_agenda(
    state: State<'_, AppState>,
    one_on_one_id: i64,
) -> AppResult<OneOnOneDetail> {
    standing::add_to_agenda(&state.pool(), one_on_one_id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
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
#[tracing::instrument(skip_all, err(Debug))]
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
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_trash(state: State<'_, AppState>) -> AppResult<Vec<TrashItem>> {
    let mut conn = state.pool().acquire().await?;
    trash::list(&mut conn).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn restore_from_trash(state: State<'_, AppState>, trash_id: i64) -> AppResult<Restored> {
    workflows::trash::restore(&state.pool(), trash_id, clock::today()?).await
}

/// Deletes for good, so a backup is taken first.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn discard_from_trash(state: State<'_, AppState>, trash_id: i64) -> AppResult<()> {
    state.back_up_before(Reason::BeforeEmptyingTrash).await?;
    let mut conn = state.pool().acquire().await?;
    trash::discard(&mut conn, trash_id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn empty_trash(state: State<'_, AppState>) -> AppResult<u64> {
    state.back_up_before(Reason::BeforeEmptyingTrash).await?;
    let mut conn = state.pool().acquire().await?;
    trash::empty(&mut conn).await
}

/// What "Export everything" wrote.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportSaved {
    pub path: String,
    #[ts(type = "number")]
    pub records: u64,
    #[ts(type = "number")]
    pub tombstones: u64,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Writes the whole record as a JSON export where the user chooses; `None` when they
/// cancel. Emits `exchange-progress` (done, total) as tables are written.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn export_everything(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> AppResult<Option<ExportSaved>> {
    use tauri::Emitter;
    let name = format!("ladder-export-{}.json", clock::today()?);
    let filter = ("Ladder export", &["json"][..]);
    let Some(path) = super::files::choose_save_path(&app, &name, filter).await? else {
        return Ok(None);
    };
    let now = chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string();
    let exported = exchange::export(&state.pool(), env!("CARGO_PKG_VERSION"), &now, |d, t| {
        let _ = app.emit("exchange-progress", (d, t));
    })
    .await?;
    super::files::write_atomically(&path, &exported.text).await?;
    Ok(Some(ExportSaved {
        path: path.to_string_lossy().into_owned(),
        records: exported.records,
        tombstones: exported.tombstones,
        bytes: exported.text.len() as u64,
    }))
}

/// An export file chosen and previewed: the token that imports it, its name, and what
/// the import would do. Its path stays in Rust.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChosenExport {
    pub token: String,
    pub file_name: String,
    pub report: ImportReport,
}

/// Asks for an export file (the dialog runs in Rust), reads it within the limits and
/// reports what importing it would do; nothing is written. `None` when the user cancels.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn preview_everything_import(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> AppResult<Option<ChosenExport>> {
    let filter = ("Ladder export", &["json"][..]);
    let Some(path) = super::files::choose_open_path(&app, filter).await? else {
        return Ok(None);
    };
    let (file_name, bytes) = super::files::read_chosen(path, limits::read_export_file).await?;
    let report = exchange::preview(&state.pool(), &bytes, clock::today()?).await?;
    let token = state.exchange.hold(bytes);
    Ok(Some(ChosenExport {
        token,
        file_name,
        report,
    }))
}

/// Imports the export the preview with this token read, after a backup, in one
/// transaction. Emits `exchange-progress` as tables are written. The token is used up,
/// unless the import failed on something other than the file.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn import_everything(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    token: String,
) -> AppResult<ImportReport> {
    use tauri::Emitter;
    let bytes = state.exchange.take(&token)?;
    let imported = async {
        state.back_up_before(Reason::BeforeImport).await?;
        exchange::import(&state.pool(), &bytes, clock::today()?, |d, t| {
            let _ = app.emit("exchange-progress", (d, t));
        })
        .await
    }
    .await;
    if matches!(&imported, Err(e) if e.field() != Some("file")) {
        state.exchange.put_back(token, bytes);
    }
    imported
}
