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
use std::sync::RwLock;

use sqlx::SqlitePool;

/// What every command can reach.
pub struct AppState {
    /// The user's own database, always open.
    pub user: SqlitePool,
    /// The example database while the user is looking at it.
    pub example: RwLock<Option<SqlitePool>>,
    pub db_path: PathBuf,
    pub data_dir: PathBuf,
}

impl AppState {
    /// The database the screens show: the example while it is loaded, else the user's.
    pub fn pool(&self) -> SqlitePool {
        self.example
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .unwrap_or_else(|| self.user.clone())
    }

    pub fn showing_example(&self) -> bool {
        self.example
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }
}
