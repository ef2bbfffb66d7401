//! Ladder: a private, offline career development planner.
//!
//! This file only assembles the Tauri app: plugins, state and the command list. The code
//! is laid out in layers, and each layer imports only from the layers before it:
//!
//! ```text
//! infra  ←  framework, planning, learning, people, one_on_ones, wins, readiness  ←  views, workflows  ←  demo  ←  commands  ←  lib.rs
//! ```
//!
//! - `infra`: the one connection to SQLite, backups, clock, the error type, input and
//!   limits, the activity log, text helpers. It knows no feature.
//! - the features: their entities, rules and queries over a `&SqlitePool`, with no Tauri
//!   in them. A feature may use another feature that sits below it, never one that uses
//!   it: no cycles, inside a folder or between folders.
//! - `views` join several features for one screen (dashboard, a goal in full, a person's
//!   page, search, the drafted 1:1 agenda); `workflows` write across features in one
//!   transaction (a feedback takeaway becomes a goal).
//! - `demo`: the data generator and the example plan, built from everything above.
//! - `commands`: thin `#[tauri::command]` wrappers, one file per folder above.
//!
//! `make test` runs `tools/architecture.mjs`, which fails on a cycle or on an import
//! against this order, and prints the module graph.

// Defines `with_commands!`, the one list of commands (shared with build.rs).
include!("command_list.rs");

pub mod commands;
pub mod demo;
pub mod framework;
pub mod infra;
pub mod learning;
pub mod mobility;
pub mod one_on_ones;
pub mod people;
pub mod planning;
pub mod readiness;
pub mod views;
pub mod wins;
pub mod workflows;

use std::path::PathBuf;

use tauri::Manager;

use crate::commands::AppState;
use crate::demo::example;
use crate::infra::{backups, db, startup};

macro_rules! handler {
    ($($module:ident::$name:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {
        tauri::generate_handler![$(commands::$module::$name),*]
    };
}

pub fn run() {
    let data_dir = db::app_data_dir();
    crate::infra::logs::init(data_dir.as_deref());
    tauri::Builder::default()
        // First, so that a second launch hands over to this one before it opens anything.
        .plugin(tauri_plugin_single_instance::init(|app, _, _| {
            commands::app::second_launch(app)
        }))
        // Size, position and maximised, not visibility: a start at login stays hidden.
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        // Opened from Rust only (commands::files); the web view gets no dialog permission.
        .plugin(tauri_plugin_dialog::init())
        // Used from Rust only, for http(s) addresses the user stored.
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let dir = data_dir
                .ok_or("could not find a folder for the app's data; set LADDER_DATA_DIR")?;
            let state = open_state(dir)?;
            let (db_path, backup_dir) = (state.db_path.clone(), state.backup_dir());
            // No schedule over a file that did not open: it would back up the empty
            // placeholder and push the good backups down the list.
            let opened = state.problem.read().map(|p| p.is_none()).unwrap_or(false);
            app.manage(state);
            if opened {
                let handle = app.handle().clone();
                // Asks for the pool each round: a restore replaces it.
                let user = move || handle.state::<AppState>().user();
                tauri::async_runtime::spawn(backups::keep_backing_up(user, db_path, backup_dir));
            }
            Ok(())
        })
        // Arguments are checked first, so a refusal is an AppError naming the argument.
        .invoke_handler({
            let handler: fn(tauri::ipc::Invoke) -> bool = with_commands!(handler);
            move |invoke| commands::args::checked(invoke, &handler)
        })
        .run(tauri::generate_context!())
        .expect("error while running Ladder");
}

/// Opens the user's database (migrating it) and the example's, if one was left loaded.
/// When the user's cannot be opened, the app still starts, on a screen that says why.
fn open_state(dir: PathBuf) -> Result<AppState, Box<dyn std::error::Error>> {
    let db_path = dir.join(db::DB_FILE);
    let backup_dir = backups::folder(&dir);
    let (user, problem) = match tauri::async_runtime::block_on(db::connect(&db_path)) {
        Ok(pool) => {
            tracing::info!(path = %db_path.display(), "database ready");
            (pool, None)
        }
        Err(e) => {
            tracing::error!(path = %db_path.display(), error = ?e, "database did not open");
            let problem =
                tauri::async_runtime::block_on(startup::diagnose(&e, &db_path, &backup_dir));
            // The pool spawns its upkeep on the runtime, so it is made inside it.
            let placeholder = tauri::async_runtime::block_on(async { db::placeholder() })?;
            (placeholder, Some(problem))
        }
    };
    let example = tauri::async_runtime::block_on(example::open_or_discard(&dir));
    Ok(AppState {
        user: std::sync::RwLock::new(user),
        example: std::sync::RwLock::new(example),
        problem: std::sync::RwLock::new(problem),
        db_path,
        data_dir: dir,
        csv: Default::default(),
        exchange: Default::default(),
    })
}
