//! Backups of the database: consistent snapshots taken while the app runs, kept by the
//! rotation rule in `rotation`.
//!
//! A snapshot is written with `VACUUM INTO` (never a plain copy, which can catch a WAL
//! database half-way) to a hidden temporary file, synced, checked with
//! `integrity_check`, and only then renamed into place: a backup that exists is whole.
//! The file name carries the moment and the reason (`ladder-20261201-093000-daily.sqlite3`),
//! so the list needs no index and a person browsing the folder can read it.
//!
//! Backups live in `backups/` in the data folder. When this computer's local settings
//! (in that data folder) name a second folder, an external drive say, each new backup is
//! copied there too and the same rotation applies; a copy that fails never fails the
//! backup, it is recorded for Settings to show.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::SystemTime;

use chrono::{Local, NaiveDateTime};
use serde::Serialize;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, SqlitePool};
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};
use crate::infra::local_settings::{self, LastCopy};
use crate::infra::private;
use crate::infra::rotation;

const DIR: &str = "backups";

const PREFIX: &str = "ladder-";
const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// Why a backup was taken; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The first start of a day with changes since the last backup.
    Daily,
    /// Every half hour while there are changes.
    Periodic,
    /// The user asked for it.
    Manual,
    BeforeMigration,
    BeforeClosingQuarter,
    BeforeDeletingPlan,
    BeforeRemovingPerson,
    BeforeImport,
    BeforeRestore,
    BeforeEmptyingTrash,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Daily => "daily",
            Reason::Periodic => "periodic",
            Reason::Manual => "manual",
            Reason::BeforeMigration => "before-migration",
            Reason::BeforeClosingQuarter => "before-closing-quarter",
            Reason::BeforeDeletingPlan => "before-deleting-plan",
            Reason::BeforeRemovingPerson => "before-removing-person",
            Reason::BeforeImport => "before-import",
            Reason::BeforeRestore => "before-restore",
            Reason::BeforeEmptyingTrash => "before-emptying-trash",
        }
    }
}

/// One backup file, as the Settings screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Backup {
    pub file_name: String,
    /// Local time the snapshot was taken.
    #[ts(type = "string")]
    pub taken_at: NaiveDateTime,
    /// Why: "daily", "manual", "before-import", ...
    pub reason: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Reads `ladder-YYYYMMDD-HHMMSS-<reason>[-n].sqlite3`; anything else is not ours.
fn parse_name(name: &str) -> Option<(NaiveDateTime, String)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, reason) = (rest.get(..15)?, rest.get(16..)?);
    let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    let reason = reason.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
    (!reason.is_empty()).then(|| (taken, reason.to_owned()))
}

/// The folder that holds the backups of the database in `data_dir`. Every writer (the
/// upgrade in `db::connect`, the schedule, "Back up now") and every reader (the list,
/// "Show in folder", the startup screen) resolves it here, so they cannot drift apart.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(DIR)
}

/// The backups in `dir`, newest first; an absent folder has none.
pub fn list(dir: &Path) -> AppResult<Vec<Backup>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if let Some((taken_at, reason)) = parse_name(&file_name) {
            out.push(Backup {
                bytes: entry.metadata()?.len(),
                file_name,
                taken_at,
                reason,
            });
        }
    }
    out.sort_by(|a, b| {
        b.taken_at
            .cmp(&a.taken_at)
            .then(b.file_name.cmp(&a.file_name))
    });
    Ok(out)
}

/// Takes a snapshot of `pool`'s database into `dir` as of `now`, then applies the
/// rotation. Returns the new backup.
pub async fn create(
    pool: &SqlitePool,
    dir: &Path,
    reason: Reason,
    now: NaiveDateTime,
) -> AppResult<Backup> {
    private::create_dir(dir)?;
    let target = free_name(dir, now, reason);
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{file_name}.tmp"));
    let _ = std::fs::remove_file(&temp);
    let written = snapshot_to(pool, &temp).await;
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    std::fs::rename(&temp, &target)?;
    private::sync_dir(dir);
    prune(dir, now)?;
    let backup = Backup {
        bytes: std::fs::metadata(&target)?.len(),
        file_name,
        taken_at: now,
        reason: reason.as_str().to_owned(),
    };
    copy_to_second_folder(dir, &backup.file_name, now).await;
    Ok(backup)
}

/// Copies the backup `file_name` in `dir` to the second folder named by the local
/// settings of the data folder that holds `dir`, when there is one, then applies the
/// rotation there. Returns how it went, as recorded for Settings; `None` when there is no
/// second folder.
pub(crate) async fn copy_to_second_folder(
    dir: &Path,
    file_name: &str,
    now: NaiveDateTime,
) -> Option<LastCopy> {
    let data_dir = dir.parent()?;
    let folder = local_settings::read(data_dir).second_backup_folder?;
    let (from, to) = (dir.join(file_name), PathBuf::from(&folder));
    // An external drive can be slow: the copy and its fsync run off the async workers.
    let copied = tokio::task::spawn_blocking(move || copy_and_prune(&from, &to, now))
        .await
        .unwrap_or_else(|e| Err(std::io::Error::other(e.to_string())));
    if let Err(e) = &copied {
        tracing::warn!(error = ?e.kind(), "copy to the second folder failed");
    }
    let copy = LastCopy {
        error: copied.err().map(|e| copy_problem(&e)),
        folder,
        file_name: file_name.to_owned(),
        at: now,
    };
    if let Err(e) = local_settings::record_copy(data_dir, copy.clone()) {
        tracing::warn!(error = ?e, "could not record how the copy went");
    }
    Some(copy)
}

/// A copy of `from` in `folder` under the same name, whole or not at all and private,
/// then the rotation. The folder is never created: a missing one is an unplugged drive,
/// and making it would fill the disk under its mount point instead.
fn copy_and_prune(from: &Path, folder: &Path, now: NaiveDateTime) -> std::io::Result<()> {
    if !folder.is_dir() {
        return Err(std::io::ErrorKind::NotFound.into());
    }
    let name = from.file_name().unwrap_or_default();
    let mut source = std::fs::File::open(from)?;
    private::write_whole(&folder.join(name), |out| {
        std::io::copy(&mut source, out).map(|_| ())
    })?;
    prune(folder, now).map_err(|e| match e {
        AppError::Io(io) => io,
        other => std::io::Error::other(other.to_string()),
    })?;
    Ok(())
}

/// Why a copy failed, as Settings shows it after "could not be written: ".
fn copy_problem(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "the folder is not there (is the drive plugged in?)".into(),
        ErrorKind::PermissionDenied => "Ladder is not allowed to write there".into(),
        ErrorKind::StorageFull => "the drive is full".into(),
        ErrorKind::ReadOnlyFilesystem => "the drive is read-only".into(),
        ErrorKind::NotADirectory => "that is not a folder".into(),
        _ => e.to_string(),
    }
}

/// A backup as of the local clock; what the app calls.
pub async fn create_now(pool: &SqlitePool, dir: &Path, reason: Reason) -> AppResult<Backup> {
    create(pool, dir, reason, Local::now().naive_local()).await
}

fn free_name(dir: &Path, now: NaiveDateTime, reason: Reason) -> PathBuf {
    let base = format!("{PREFIX}{}-{}", now.format(STAMP), reason.as_str());
    let mut target = dir.join(format!("{base}{SUFFIX}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!("{base}-{n}{SUFFIX}"));
    }
    target
}

/// `VACUUM INTO` the file, sync it, and check it reads back whole.
async fn snapshot_to(pool: &SqlitePool, file: &Path) -> AppResult<()> {
    sqlx::query("VACUUM INTO ?")
        .bind(file.to_string_lossy().as_ref())
        .execute(pool)
        .await?;
    private::restrict_file(file)?;
    std::fs::File::open(file)?.sync_all()?;
    check_integrity(file).await
}

/// Opens `file` read-only and runs `integrity_check`.
pub async fn check_integrity(file: &Path) -> AppResult<()> {
    let mut conn = SqliteConnectOptions::from_str("sqlite:")?
        .filename(file)
        .read_only(true)
        .connect()
        .await?;
    integrity(&mut conn).await
}

/// `integrity_check` on an open connection.
pub(crate) async fn integrity(conn: &mut sqlx::SqliteConnection) -> AppResult<()> {
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut *conn)
        .await?;
    if verdict != "ok" {
        return Err(AppError::conflict(
            None,
            format!("The copy did not pass SQLite's integrity check: {verdict}"),
        ));
    }
    Ok(())
}

/// Deletes the backups the rotation does not keep. Only files named like ours are
/// touched.
pub fn prune(dir: &Path, now: NaiveDateTime) -> AppResult<usize> {
    let backups = list(dir)?;
    let taken: Vec<NaiveDateTime> = backups.iter().map(|b| b.taken_at).collect();
    let mut removed = 0;
    for (b, keep) in backups.iter().zip(rotation::keep(&taken, now)) {
        if !keep {
            std::fs::remove_file(dir.join(&b.file_name))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// When the database file (or its write-ahead log) last changed.
pub fn last_change(db_path: &Path) -> Option<SystemTime> {
    let wal = PathBuf::from(format!("{}-wal", db_path.display()));
    [db_path.to_path_buf(), wal]
        .iter()
        .filter_map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
        .max()
}

/// Whether a backup is due: there is none yet, or the newest is older than `max_age` and
/// the database changed after it was taken.
pub fn due(dir: &Path, db_path: &Path, max_age: chrono::Duration, now: NaiveDateTime) -> bool {
    let newest = match list(dir).ok().and_then(|l| l.into_iter().next()) {
        Some(b) => b,
        None => return last_change(db_path).is_some(),
    };
    if now - newest.taken_at < max_age {
        return false;
    }
    let taken: chrono::DateTime<Local> = match newest.taken_at.and_local_timezone(Local) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => t,
        chrono::LocalResult::None => return true,
    };
    // File names keep whole seconds, and the snapshot itself may touch the log in its
    // second: only a change a second past the newest counts.
    let after = SystemTime::from(taken) + std::time::Duration::from_secs(1);
    last_change(db_path).is_some_and(|changed| changed > after)
}

/// How often the running app looks for changes to back up.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(30 * 60);

/// Runs for as long as the app does: a daily backup at start when the newest is over a
/// day old and the file changed since, then one every half hour while there are changes.
/// Failures are logged, never fatal: the next round tries again.
pub async fn keep_backing_up(pool: impl Fn() -> SqlitePool, db_path: PathBuf, dir: PathBuf) {
    let mut reason = Reason::Daily;
    let mut max_age = chrono::Duration::days(1);
    loop {
        if due(&dir, &db_path, max_age, Local::now().naive_local()) {
            match create_now(&pool(), &dir, reason).await {
                Ok(b) => tracing::info!(file = %b.file_name, "backup taken"),
                Err(e) => tracing::warn!(error = ?e, "backup failed"),
            }
        }
        tokio::time::sleep(EVERY).await;
        reason = Reason::Periodic;
        max_age = chrono::Duration::minutes(30);
    }
}
