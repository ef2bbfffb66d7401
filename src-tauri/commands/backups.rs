//! Commands for backups and restore. The WebView names a backup by the file name the
//! list gave it, or asks Rust to pick a file; it never sends a path.

use std::path::PathBuf;

use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

use super::files;
use super::AppState;
use crate::infra::backups::{self, Backup, Reason};
use crate::infra::error::{AppError, AppResult};
use crate::infra::restore;
use crate::infra::second_folder::{self, SecondFolder};

/// What a restore did: the copy of the file it replaced, to go back to.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RestoreOutcome {
    pub before: Backup,
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_backups(state: State<'_, AppState>) -> AppResult<Vec<Backup>> {
    backups::list(&state.backup_dir())
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn back_up_now(state: State<'_, AppState>) -> AppResult<Backup> {
    backups::create_now(&state.user(), &state.backup_dir(), Reason::Manual).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn show_backups_folder(app: AppHandle, state: State<'_, AppState>) -> AppResult<()> {
    files::show_folder(&app, &state.backup_dir())
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn restore_backup(
    state: State<'_, AppState>,
    file_name: String,
) -> AppResult<RestoreOutcome> {
    let file = listed_backup(&state, &file_name)?;
    restore_file(&state, file).await
}

/// Restores any Ladder file picked from disk (a copy from another computer, say);
/// `None` when the user cancels the dialog.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn restore_from_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> AppResult<Option<RestoreOutcome>> {
    match files::choose_open_path(&app, ("Ladder database", &["sqlite3", "sqlite", "db"])).await? {
        None => Ok(None),
        Some(file) => restore_file(&state, file).await.map(Some),
    }
}

/// The second folder, if any, and how the last copy there went.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn second_backup_folder(state: State<'_, AppState>) -> AppResult<SecondFolder> {
    Ok(second_folder::status(&state.data_dir))
}

/// Asks for a second folder and copies the newest backup there; `None` when the user
/// cancels the dialog.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn choose_second_backup_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> AppResult<Option<SecondFolder>> {
    match files::choose_folder(&app, "A second folder for Ladder's backups").await? {
        None => Ok(None),
        Some(folder) => second_folder::choose(&state.data_dir, &folder)
            .await
            .map(Some),
    }
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn clear_second_backup_folder(state: State<'_, AppState>) -> AppResult<SecondFolder> {
    second_folder::clear(&state.data_dir)
}

/// The path of a backup the list shows; any other name is refused.
pub fn listed_backup(state: &AppState, file_name: &str) -> AppResult<PathBuf> {
    let dir = state.backup_dir();
    backups::list(&dir)?
        .into_iter()
        .find(|b| b.file_name == file_name)
        .map(|b| dir.join(b.file_name))
        .ok_or_else(|| AppError::invalid("fileName", "There is no such backup any more."))
}

/// Check, back up what is there, swap in. Nothing changes when the check fails.
pub async fn restore_file(state: &AppState, file: PathBuf) -> AppResult<RestoreOutcome> {
    if state.showing_example() {
        return Err(AppError::conflict(
            None,
            "Remove the example first: a restore replaces your own data.",
        ));
    }
    restore::check(&file).await?;
    let before =
        backups::create_now(&state.user(), &state.backup_dir(), Reason::BeforeRestore).await?;
    let pool = restore::swap_in(state.user(), &file, &state.db_path).await?;
    state.set_user(pool);
    Ok(RestoreOutcome { before })
}
