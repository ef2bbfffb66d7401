//! Choosing and dropping the second backup folder, and what Settings shows about it.
//! The copies themselves are made by `backups`, after each backup.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::infra::backups;
use crate::infra::error::{AppError, AppResult};
use crate::infra::local_settings::{self, LastCopy};

/// The second folder as Settings → Backups shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SecondFolder {
    /// `None` when backups are kept in the main folder only.
    pub folder: Option<String>,
    pub last_copy: Option<LastCopy>,
}

pub fn status(data_dir: &Path) -> SecondFolder {
    let settings = local_settings::read(data_dir);
    SecondFolder {
        folder: settings.second_backup_folder,
        last_copy: settings.last_copy,
    }
}

/// Makes `folder` the second folder once it proves writable, and copies the newest
/// backup there right away, so it is not empty until the next backup.
pub async fn choose(data_dir: &Path, folder: &Path) -> AppResult<SecondFolder> {
    let text = usable(data_dir, folder)?;
    local_settings::update(data_dir, |s| {
        s.second_backup_folder = Some(text.clone());
        s.last_copy = None;
    })?;
    let primary = backups::folder(data_dir);
    if let Some(newest) = backups::list(&primary)?.first() {
        let now = chrono::Local::now().naive_local();
        backups::copy_to_second_folder(&primary, &newest.file_name, now).await;
    }
    Ok(status(data_dir))
}

/// Stops copying; the copies already in the folder stay (it is the user's drive).
pub fn clear(data_dir: &Path) -> AppResult<SecondFolder> {
    local_settings::update(data_dir, |s| {
        s.second_backup_folder = None;
        s.last_copy = None;
    })?;
    Ok(status(data_dir))
}

/// The folder's path as text, when it can hold the copies: it exists, it is not the
/// main backups folder, and Ladder can write a file there.
fn usable(data_dir: &Path, folder: &Path) -> AppResult<String> {
    let invalid = |message: String| AppError::invalid("folder", message);
    let text = folder.to_str().ok_or_else(|| {
        invalid("Ladder can only use a folder whose path is valid text (UTF-8).".into())
    })?;
    if !folder.is_absolute() || !folder.is_dir() {
        return Err(invalid(format!("{text} is not a folder that exists.")));
    }
    let primary = backups::folder(data_dir);
    if let (Ok(a), Ok(b)) = (folder.canonicalize(), primary.canonicalize()) {
        if a == b {
            return Err(invalid(
                "That is the main backups folder already: choose one on another drive.".into(),
            ));
        }
    }
    // A file of Ladder's own name, gone at once: the folder holds the user's files too.
    let probe = folder.join(".ladder-write-check.tmp");
    let written = std::fs::write(&probe, b"");
    let _ = std::fs::remove_file(&probe);
    written.map_err(|e| {
        AppError::conflict(
            Some("folder"),
            format!("Ladder cannot write to {text}: {e}."),
        )
    })?;
    Ok(text.to_owned())
}
