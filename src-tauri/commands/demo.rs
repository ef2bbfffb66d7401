//! Commands for the example plan.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use super::AppState;
use crate::demo::example;
use crate::demo::example_changes::ExampleChanges;
use crate::infra::clock;
use crate::infra::error::AppResult;

/// Generates the example plan into its own file and shows it.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn load_example(state: State<'_, AppState>) -> AppResult<()> {
    if state.showing_example() {
        return Ok(());
    }
    let pool = crate::demo::example::load(&state.data_dir, clock::today()?).await?;
    *state.example.write().unwrap_or_else(|e| e.into_inner()) = Some(pool);
    Ok(())
}

/// What `remove_example` did: removed it, or kept it because the user changed it and has
/// not confirmed yet.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum ExampleRemoval {
    Removed,
    Changed(ExampleChanges),
}

/// Goes back to the user's own data and deletes the example. When something was changed
/// in the example since it was loaded, nothing is removed until `confirmed` says the user
/// saw what would be lost.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn remove_example(
    state: State<'_, AppState>,
    confirmed: bool,
) -> AppResult<ExampleRemoval> {
    let shown = state
        .example
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let Some(pool) = shown else {
        return Ok(ExampleRemoval::Removed);
    };
    if !confirmed {
        if let Some(changes) = example::changes(&state.data_dir, &pool).await? {
            return Ok(ExampleRemoval::Changed(changes));
        }
    }
    let taken = state
        .example
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    if let Some(pool) = taken {
        example::remove(&state.data_dir, pool).await?;
    }
    Ok(ExampleRemoval::Removed)
}
