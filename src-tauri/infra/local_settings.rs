//! What belongs to this computer rather than to the user's record: the second backup
//! folder (an external drive's mount path means nothing on another computer) and how the
//! last copy there went. It lives in `local-settings.json` in the data folder, outside
//! the database, so restoring a backup (or, later, taking in another computer's record)
//! never changes it, and it needs no migration.

use std::path::Path;
use std::sync::Mutex;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::infra::error::AppResult;
use crate::infra::private;

/// The file, inside the data folder.
pub const FILE: &str = "local-settings.json";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LocalSettings {
    /// A folder that gets a copy of each backup; `None` when there is none.
    pub second_backup_folder: Option<String>,
    pub last_copy: Option<LastCopy>,
    /// Keys this build does not know (a newer Ladder's), written back as they were.
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

/// How the last copy of a backup to the second folder went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LastCopy {
    pub folder: String,
    pub file_name: String,
    /// Local time of the copy.
    #[ts(type = "string")]
    pub at: NaiveDateTime,
    /// Why it could not be written, in the user's words; `None` when it was.
    pub error: Option<String>,
}

/// The automatic backups and the Settings screen both change the file; a read, change,
/// write under this lock never loses the other's change (a folder just chosen reverting
/// to the one a backup was copying to, say).
static WRITING: Mutex<()> = Mutex::new(());

/// This computer's settings; none yet, or a file that does not read, gives the defaults
/// (a damaged settings file must not stop backups).
pub fn read(data_dir: &Path) -> LocalSettings {
    let file = data_dir.join(FILE);
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return LocalSettings::default(),
        Err(e) => {
            tracing::warn!(file = %file.display(), error = %e, "local settings unreadable");
            return LocalSettings::default();
        }
    };
    serde_json::from_str(&text).unwrap_or_else(|e| {
        tracing::warn!(file = %file.display(), error = %e, "local settings are not valid JSON");
        LocalSettings::default()
    })
}

/// Changes the settings with `change` and writes them whole, private; returns them.
pub fn update(
    data_dir: &Path,
    change: impl FnOnce(&mut LocalSettings),
) -> AppResult<LocalSettings> {
    let _held = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    let mut settings = read(data_dir);
    change(&mut settings);
    let json = serde_json::to_vec_pretty(&settings).map_err(std::io::Error::other)?;
    private::create_dir(data_dir)?;
    private::write_whole(&data_dir.join(FILE), |f| {
        std::io::Write::write_all(f, &json)
    })?;
    Ok(settings)
}

/// Records how a copy to `copy.folder` went, unless the second folder changed meanwhile
/// (the record would be about a folder no longer used).
pub fn record_copy(data_dir: &Path, copy: LastCopy) -> AppResult<()> {
    update(data_dir, |s| {
        if s.second_backup_folder.as_deref() == Some(copy.folder.as_str()) {
            s.last_copy = Some(copy);
        }
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_file_reads_as_the_defaults_and_a_write_is_private() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()), LocalSettings::default());
        update(dir.path(), |s| {
            s.second_backup_folder = Some("/media/usb".into())
        })
        .unwrap();
        assert_eq!(
            read(dir.path()).second_backup_folder.as_deref(),
            Some("/media/usb")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names,
            [std::ffi::OsString::from(FILE)],
            "no temporary file left"
        );
    }

    #[test]
    fn keys_a_newer_ladder_wrote_survive_a_write() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE),
            r#"{"secondBackupFolder": "/media/usb", "syncPeer": {"name": "laptop"}}"#,
        )
        .unwrap();
        update(dir.path(), |s| s.second_backup_folder = None).unwrap();
        let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["syncPeer"]["name"], "laptop");
        assert!(json["secondBackupFolder"].is_null());
    }

    #[test]
    fn a_damaged_file_reads_as_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), "{ not json").unwrap();
        assert_eq!(read(dir.path()), LocalSettings::default());
    }

    #[test]
    fn a_copy_about_a_folder_no_longer_chosen_is_not_recorded() {
        let dir = tempfile::tempdir().unwrap();
        update(dir.path(), |s| {
            s.second_backup_folder = Some("/media/new".into())
        })
        .unwrap();
        let copy = |folder: &str| LastCopy {
            folder: folder.into(),
            file_name: "ladder-20261201-093000-daily.sqlite3".into(),
            at: chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
                .unwrap()
                .and_hms_opt(9, 30, 0)
                .unwrap(),
            error: None,
        };
        record_copy(dir.path(), copy("/media/old")).unwrap();
        assert_eq!(read(dir.path()).last_copy, None);
        record_copy(dir.path(), copy("/media/new")).unwrap();
        assert_eq!(read(dir.path()).last_copy, Some(copy("/media/new")));
    }
}
