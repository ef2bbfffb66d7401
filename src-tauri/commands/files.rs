//! The one place that picks file paths for the user.
//!
//! Native dialogs cannot be driven by WebDriver, so when `LADDER_SAVE_DIR` is set (the
//! end-to-end run sets it) files are saved there under their suggested name instead of
//! asking, and `LADDER_OPEN_FILE` names the file to open. The dialog is opened from Rust, so the web view needs no dialog permission.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::infra::error::{AppError, AppResult};

pub const SAVE_DIR_VAR: &str = "LADDER_SAVE_DIR";
pub const OPEN_FILE_VAR: &str = "LADDER_OPEN_FILE";

/// Asks which file to open; `None` when the user cancels. `LADDER_OPEN_FILE`, set by
/// the end-to-end run, answers instead.
pub async fn choose_open_path<R: Runtime>(
    app: &AppHandle<R>,
    filter: (&str, &[&str]),
) -> AppResult<Option<PathBuf>> {
    if let Some(file) = std::env::var_os(OPEN_FILE_VAR).filter(|f| !f.is_empty()) {
        return Ok(Some(PathBuf::from(file)));
    }
    let (name, extensions) = filter;
    let dialog = app.dialog().file().add_filter(name, extensions);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(|e| AppError::Io(std::io::Error::other(e.to_string())))?;
    match picked {
        None => Ok(None),
        Some(path) => path
            .into_path()
            .map(Some)
            .map_err(|e| AppError::Io(std::io::Error::other(e.to_string()))),
    }
}

/// Asks where to save a file; `None` when the user cancels.
pub async fn choose_save_path<R: Runtime>(
    app: &AppHandle<R>,
    suggested: &str,
    filter: (&str, &[&str]),
) -> AppResult<Option<PathBuf>> {
    if let Some(dir) = std::env::var_os(SAVE_DIR_VAR).filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir)?;
        return Ok(Some(dir.join(suggested)));
    }
    let (name, extensions) = filter;
    let dialog = app
        .dialog()
        .file()
        .set_file_name(suggested)
        .add_filter(name, extensions);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| AppError::Io(std::io::Error::other(e.to_string())))?;
    match picked {
        None => Ok(None),
        Some(path) => path
            .into_path()
            .map(Some)
            .map_err(|e| AppError::Io(std::io::Error::other(e.to_string()))),
    }
}

/// A file name made of the letters and digits of `title`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for ch in title.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "ladder".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(slug("Q4 2026 growth plan"), "q4-2026-growth-plan");
        assert_eq!(slug("  Ünïcode / plan!  "), "ünïcode-plan");
        assert_eq!(slug("***"), "ladder");
    }
}
