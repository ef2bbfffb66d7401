//! Commands for the example plan.

use super::AppState;
use crate::infra::clock;
use crate::infra::error::AppResult;
use tauri::State;

/// Generates the example plan into its own file and shows it.
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn load_example(state: State<'_, AppState>) -> AppResult<()> {
    if state.showing_example() {
        return Ok(());
    }
    let pool = crate::demo::example::load(&state.data_dir, clock::today()?).await?;
    *state.example.write().unwrap_or_else(|e| e.into_inner()) = Some(pool);
    Ok(())
}

/// Goes back to the user's own data and deletes the example.
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn remove_example(state: State<'_, AppState>) -> AppResult<()> {
    let pool = state
        .example
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    match pool {
        Some(pool) => crate::demo::example::remove(&state.data_dir, pool).await,
        None => Ok(()),
    }
}
