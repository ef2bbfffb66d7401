//! The one place that picks file paths for the user.
//!
//! Native dialogs cannot be driven by WebDriver, so in a build with the `test-hooks`
//! feature (`infra::test_hooks`) `LADDER_SAVE_DIR` makes files save there under their
//! suggested name instead of asking, `LADDER_OPEN_FILE` names the file to open and
//! `LADDER_OPEN_FOLDER` the folder to pick; a released build always asks. The dialog is
//! opened from Rust, so the web view needs no dialog permission.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, FilePath};

use crate::infra::error::{AppError, AppResult};
use crate::infra::test_hooks::{switch, Switch};

/// Asks which file to open; `None` when the user cancels. A test build's
/// `LADDER_OPEN_FILE` answers instead.
pub async fn choose_open_path<R: Runtime>(
    app: &AppHandle<R>,
    filter: (&str, &[&str]),
) -> AppResult<Option<PathBuf>> {
    if let Some(file) = switch(Switch::OpenFile) {
        return Ok(Some(PathBuf::from(file)));
    }
    let (name, extensions) = filter;
    let dialog = app.dialog().file().add_filter(name, extensions);
    run_dialog(move || dialog.blocking_pick_file()).await
}

/// The name and bytes of a file the user chose, read by `read` (which applies an
/// importer's limits) off the async workers.
pub async fn read_chosen(
    path: PathBuf,
    read: fn(&std::path::Path) -> AppResult<Vec<u8>>,
) -> AppResult<(String, Vec<u8>)> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = tauri::async_runtime::spawn_blocking(move || read(&path))
        .await
        .map_err(|e| AppError::Io(std::io::Error::other(e.to_string())))??;
    Ok((file_name, bytes))
}

/// Asks which folder to use; `None` when the user cancels. A test build's
/// `LADDER_OPEN_FOLDER` answers instead.
pub async fn choose_folder<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
) -> AppResult<Option<PathBuf>> {
    if let Some(dir) = switch(Switch::OpenFolder) {
        return Ok(Some(PathBuf::from(dir)));
    }
    let dialog = app.dialog().file().set_title(title);
    run_dialog(move || dialog.blocking_pick_folder()).await
}

/// Asks where to save a file; `None` when the user cancels.
pub async fn choose_save_path<R: Runtime>(
    app: &AppHandle<R>,
    suggested: &str,
    filter: (&str, &[&str]),
) -> AppResult<Option<PathBuf>> {
    if let Some(dir) = switch(Switch::SaveDir) {
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
    run_dialog(move || dialog.blocking_save_file()).await
}

/// Runs a native dialog off the async workers (it blocks until the user answers) and
/// returns the path chosen, or `None` when the user cancelled.
async fn run_dialog(
    dialog: impl FnOnce() -> Option<FilePath> + Send + 'static,
) -> AppResult<Option<PathBuf>> {
    let io = |e: String| AppError::Io(std::io::Error::other(e));
    let picked = tauri::async_runtime::spawn_blocking(dialog)
        .await
        .map_err(|e| io(e.to_string()))?;
    picked
        .map(|path| path.into_path().map_err(|e| io(e.to_string())))
        .transpose()
}

/// "Show in folder" and web addresses open nothing when the end-to-end run says so, so a
/// test (the fuzzer above all) never starts a file manager or a browser.
fn opening_disabled() -> bool {
    switch(Switch::NoOpen).is_some()
}

/// Opens `dir` (created first when missing) in the system's file manager.
pub fn show_folder<R: Runtime>(app: &AppHandle<R>, dir: &std::path::Path) -> AppResult<()> {
    use tauri_plugin_opener::OpenerExt;
    crate::infra::private::create_dir(dir)?;
    if opening_disabled() {
        return Ok(());
    }
    app.opener()
        .open_path(dir.to_string_lossy(), None::<&str>)
        .map_err(|e| AppError::Io(std::io::Error::other(e.to_string())))
}

/// Opens a web address, already checked to be http(s), in the system's browser.
pub fn open_url<R: Runtime>(app: &AppHandle<R>, url: String) -> AppResult<()> {
    use tauri_plugin_opener::OpenerExt;
    if opening_disabled() {
        return Ok(());
    }
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| AppError::Io(std::io::Error::other(e.to_string())))
}

/// Longest slug, in characters: file names stay well inside every file system's limit
/// (255 bytes) with room for a date and an extension.
const SLUG_MAX: usize = 60;

/// Writes `contents` to `path` whole or not at all: a temporary file beside it, synced,
/// then renamed over it, so a crash never leaves half an export.
pub async fn write_atomically(path: &std::path::Path, contents: &str) -> AppResult<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let temp = path.with_file_name(format!(".{name}.tmp"));
    let written = async {
        tokio::fs::write(&temp, contents).await?;
        tokio::fs::File::open(&temp).await?.sync_all().await?;
        tokio::fs::rename(&temp, path).await
    }
    .await;
    if written.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    Ok(written?)
}

/// A file name made of the letters and digits of `title`, at most `SLUG_MAX` characters.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for ch in title.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let capped: String = out.chars().take(SLUG_MAX).collect();
    let trimmed = capped.trim_end_matches('-');
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

    #[test]
    fn a_long_title_makes_a_short_file_name() {
        let long = "Lead the platform migration and report to the skip-level ".repeat(8);
        let s = slug(&long);
        assert!(s.chars().count() <= super::SLUG_MAX, "{s}");
        assert!(!s.ends_with('-'));
        assert!(s.starts_with("lead-the-platform-migration"));
    }

    #[tokio::test]
    async fn an_export_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.md");
        std::fs::write(&path, "old").unwrap();
        super::write_atomically(&path, "# new\n").await.unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# new\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [std::ffi::OsString::from("review.md")]);
    }
}
