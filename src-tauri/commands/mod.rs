//! Thin `#[tauri::command]` wrappers: take the state, parse the input, call the domain.
//! Every command is async so that none runs on the main thread and freezes the window.

pub mod app;
pub mod args;
pub mod backups;
pub mod demo;
pub mod files;
pub mod framework;
pub mod learning;
pub mod mobility;
pub mod one_on_ones;
pub mod packet;
pub mod people;
pub mod planning;
pub mod readiness;
pub mod views;
pub mod wins;
pub mod workflows;

use std::path::PathBuf;
use std::sync::RwLock;

use sqlx::SqlitePool;

use crate::infra::backups::{create_now, folder as backup_folder, Reason};
use crate::infra::error::AppResult;
use crate::infra::pending::PendingFile;
use crate::infra::startup::StartupProblem;

/// What every command can reach.
pub struct AppState {
    /// The user's own database, always open; replaced when a backup is restored.
    pub user: RwLock<SqlitePool>,
    /// Why the user's database did not open at start, until it is restored.
    pub problem: RwLock<Option<StartupProblem>>,
    /// The example database while the user is looking at it.
    pub example: RwLock<Option<SqlitePool>>,
    pub db_path: PathBuf,
    pub data_dir: PathBuf,
    /// The CSV file the last preview read, until it is imported.
    pub csv: PendingFile,
    /// The export file the last import preview read, until it is imported.
    pub exchange: PendingFile,
}

impl AppState {
    /// The database the screens show: the example while it is loaded, else the user's.
    pub fn pool(&self) -> SqlitePool {
        self.example
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .unwrap_or_else(|| self.user())
    }

    /// The user's own database, whatever the screens show.
    pub fn user(&self) -> SqlitePool {
        self.user.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Puts a freshly opened database in place of the user's (after a restore).
    pub fn set_user(&self, pool: SqlitePool) {
        *self.user.write().unwrap_or_else(|e| e.into_inner()) = pool;
    }

    /// Where the user's backups go: the folder "Show in folder" opens.
    pub fn backup_dir(&self) -> PathBuf {
        backup_folder(&self.data_dir)
    }

    /// A backup of the user's database before an operation that is hard to take back.
    /// While the example is shown, its throwaway file is what changes, so none is taken.
    pub async fn back_up_before(&self, reason: Reason) -> AppResult<()> {
        if !self.showing_example() {
            create_now(&self.user(), &self.backup_dir(), reason).await?;
        }
        Ok(())
    }

    pub fn showing_example(&self) -> bool {
        self.example
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }
}

/// One command as the UI calls it: where it lives and the arguments it takes, by their
/// Rust names and types. Generated from the one list in `command_list.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    /// The file in `commands/` that defines it.
    pub module: &'static str,
    pub name: &'static str,
    pub args: &'static [(&'static str, &'static str)],
}

macro_rules! specs {
    ($($module:ident::$name:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {
        &[$(CommandSpec {
            module: stringify!($module),
            name: stringify!($name),
            args: &[$((stringify!($arg), stringify!($ty))),*],
        }),*]
    };
}

/// Every command the app registers, in the order of `command_list.rs`.
pub const COMMANDS: &[CommandSpec] = with_commands!(specs);
