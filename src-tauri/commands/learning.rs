//! Commands for learning: resources, progress, CSV import and history.

use super::AppState;
use crate::framework::settings;
use crate::infra::backups::Reason;
use crate::infra::clock;
use crate::infra::error::{AppError, AppResult};
use crate::infra::input;
use crate::infra::limits;
use crate::infra::trash::Trashed;
use crate::learning::csv_import::{self, ImportOutcome, ImportPreview, OnDuplicate};
use crate::learning::history::{self, LearningHistory};
use crate::learning::resources::{self, LearningStatus, Resource, ResourceDetail};
use tauri::{AppHandle, Emitter, State};

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn list_resources(
    state: State<'_, AppState>,
    filter: serde_json::Value,
) -> AppResult<Vec<Resource>> {
    resources::list(&state.pool(), input::parse(filter)?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn resource_detail(state: State<'_, AppState>, id: i64) -> AppResult<ResourceDetail> {
    resources::detail(&state.pool(), id).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn create_resource(
    state: State<'_, AppState>,
    input: serde_json::Value,
) -> AppResult<Resource> {
    resources::create(&state.pool(), input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn update_resource(
    state: State<'_, AppState>,
    id: i64,
    input: serde_json::Value,
) -> AppResult<Resource> {
    resources::update(&state.pool(), id, input::parse(input)?, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_resource(state: State<'_, AppState>, id: i64) -> AppResult<Trashed> {
    resources::delete(&state.pool(), id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn set_resource_status(
    state: State<'_, AppState>,
    id: i64,
    status: serde_json::Value,
) -> AppResult<Resource> {
    let status: Option<LearningStatus> = input::parse(status)?;
    resources::set_manual_status(&state.pool(), id, status, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn log_progress(
    state: State<'_, AppState>,
    resource_id: i64,
    input: serde_json::Value,
) -> AppResult<Resource> {
    resources::log_progress(
        &state.pool(),
        resource_id,
        input::parse(input)?,
        clock::today()?,
    )
    .await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn edit_progress(
    state: State<'_, AppState>,
    entry_id: i64,
    input: serde_json::Value,
) -> AppResult<Resource> {
    resources::edit_entry(
        &state.pool(),
        entry_id,
        input::parse(input)?,
        clock::today()?,
    )
    .await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn delete_progress(state: State<'_, AppState>, entry_id: i64) -> AppResult<Resource> {
    resources::delete_entry(&state.pool(), entry_id, clock::today()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn learning_history(state: State<'_, AppState>) -> AppResult<LearningHistory> {
    let month = settings::get(&state.pool()).await?.fiscal_year_start_month;
    history::history(&state.pool(), clock::today()?, month).await
}

/// A CSV file chosen and previewed: the token that imports it, and its name to show.
/// Its path stays in Rust.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChosenCsv {
    pub token: String,
    pub file_name: String,
    pub preview: ImportPreview,
}

/// Asks for a CSV file (the dialog runs in Rust) and previews it; `None` when the user
/// cancels. The file's bytes stay in the state under the token the preview returns.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn preview_csv(
    app: AppHandle,
    state: State<'_, AppState>,
) -> AppResult<Option<ChosenCsv>> {
    match super::files::choose_open_path(&app, ("CSV", &["csv", "txt"])).await? {
        None => Ok(None),
        Some(path) => preview_file(&state, path).await.map(Some),
    }
}

/// Reads the file at `path` (chosen in Rust, never by the web view) within the import
/// limits, previews it and holds it for the import.
pub async fn preview_file(state: &AppState, path: std::path::PathBuf) -> AppResult<ChosenCsv> {
    let (file_name, bytes) = super::files::read_chosen(path, limits::read_import_file).await?;
    let preview = csv_import::preview(&state.pool(), &bytes).await?;
    let token = state.csv.hold(bytes);
    Ok(ChosenCsv {
        token,
        file_name,
        preview,
    })
}

/// Imports the file the preview with this token read; emits `import-progress` events
/// as rows are written.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn import_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    token: String,
    on_duplicate: serde_json::Value,
) -> AppResult<ImportOutcome> {
    let on_duplicate: OnDuplicate = input::parse(on_duplicate)?;
    import_held(
        &state,
        &token,
        on_duplicate,
        clock::today()?,
        |done, total| {
            let _ = app.emit("import-progress", (done, total));
        },
    )
    .await
}

/// Imports the bytes held under `token`. The token is used up, unless the import failed
/// on something other than the file (the database was busy, say): then it can be retried.
pub async fn import_held(
    state: &AppState,
    token: &str,
    on_duplicate: OnDuplicate,
    today: chrono::NaiveDate,
    progress: impl FnMut(usize, usize),
) -> AppResult<ImportOutcome> {
    let bytes = state.csv.take(token)?;
    let imported = async {
        state.back_up_before(Reason::BeforeImport).await?;
        csv_import::import(&state.pool(), &bytes, on_duplicate, today, progress).await
    }
    .await;
    if matches!(&imported, Err(e) if e.field() != Some("file")) {
        state.csv.put_back(token.to_owned(), bytes);
    }
    imported
}

/// Opens a resource's web address (or its certificate's) in the system browser. Only
/// http and https addresses are opened; they are checked again here, not trusted.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub async fn open_resource_url(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    certificate: bool,
) -> AppResult<()> {
    let mut conn = state.pool().acquire().await?;
    let resource = resources::fetch(&mut conn, id).await?;
    let url = if certificate {
        resource.certificate_url
    } else {
        resource.url
    };
    let url = url.ok_or_else(|| AppError::invalid("url", "This resource has no web address."))?;
    let url = crate::infra::limits::url("url", &url)?;
    super::files::open_url(&app, url)
}
