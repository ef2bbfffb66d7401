//! Commands for facts about this installation.

use super::AppState;
use crate::infra::clock;
use crate::infra::error::{AppError, AppResult};
use crate::infra::restore;
use crate::infra::startup::{self, StartupProblem};
use chrono::NaiveDate;
use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

/// Facts about this installation that the Settings screen shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    /// The folder of the database, its backups and the log (the About box shows it).
    pub data_folder: String,
    pub database_path: String,
    pub today: NaiveDate,
    /// True while the example plan is shown instead of the user's data.
    pub example: bool,
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn app_info(state: State<'_, AppState>) -> AppResult<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_folder: state.data_dir.display().to_string(),
        // The file the screens read and write: the example's while it is shown.
        database_path: if state.showing_example() {
            crate::demo::example::path(&state.data_dir)
                .display()
                .to_string()
        } else {
            state.db_path.display().to_string()
        },
        today: clock::today()?,
        example: state.showing_example(),
    })
}

/// What a second launch tells the running app's page, which says so to the user.
pub const SECOND_LAUNCH: &str = "second-launch";

/// Someone started Ladder again while it runs: the second copy has already handed over
/// and quit (the single-instance plugin), so this window comes to the front instead.
pub fn second_launch<R: tauri::Runtime>(app: &AppHandle<R>) {
    use tauri::{Emitter, Manager};
    if let Some(window) = app.get_webview_window("main") {
        // Only what is needed: showing a window that is already shown made WebKit stop
        // painting it under Xvfb. Each step may fail on a desktop that refuses it.
        if window.is_visible().is_ok_and(|shown| !shown) {
            let _ = window.show();
        }
        if window.is_minimized().unwrap_or(false) {
            let _ = window.unminimize();
        }
        let _ = window.set_focus();
    }
    if let Err(e) = app.emit(SECOND_LAUNCH, ()) {
        tracing::warn!(error = %e, "could not tell the page about a second launch");
    }
}

/// Why the user's database did not open at start, when it did not.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn startup_problem(state: State<'_, AppState>) -> AppResult<Option<StartupProblem>> {
    Ok(state
        .problem
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone())
}

/// From the startup screen: puts the newest good backup in place of the file that did not
/// open, which is kept beside it, renamed, for whoever wants to look into it.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn restore_newest_backup(state: State<'_, AppState>) -> AppResult<()> {
    let backup = startup::newest_good_backup(&state.backup_dir())
        .await
        .ok_or_else(|| AppError::conflict(None, "There is no backup that opens."))?;
    restore::set_aside(&state.db_path)?;
    let from = state.backup_dir().join(&backup.file_name);
    let pool = restore::swap_in(state.user(), &from, &state.db_path).await?;
    state.set_user(pool);
    *state.problem.write().unwrap_or_else(|e| e.into_inner()) = None;
    Ok(())
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn show_data_folder(app: AppHandle, state: State<'_, AppState>) -> AppResult<()> {
    super::files::show_folder(&app, &state.data_dir)
}

/// Opens the folder of the log files, to look at or attach to a bug report.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn show_log_folder(app: AppHandle, state: State<'_, AppState>) -> AppResult<()> {
    let folder = crate::infra::logs::folder(&state.data_dir);
    std::fs::create_dir_all(&folder)?;
    super::files::show_folder(&app, &folder)
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn quit_app(app: AppHandle) -> AppResult<()> {
    app.exit(0);
    Ok(())
}
