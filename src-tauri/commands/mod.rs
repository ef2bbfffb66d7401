//! Thin `#[tauri::command]` wrappers: take the state, parse the input, call the domain.
//! Every command is async so that none runs on the main thread and freezes the window.

pub mod app;
pub mod feedback;
pub mod files;
pub mod framework;
pub mod goals;
pub mod learning;
pub mod one_on_ones;
pub mod plans;
pub mod wins;

use std::path::PathBuf;

use sqlx::SqlitePool;

/// What every command can reach.
pub struct AppState {
    pub pool: SqlitePool,
    pub db_path: PathBuf,
}
