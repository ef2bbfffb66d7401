//! What to tell the user when their database cannot be opened at start, instead of the
//! app vanishing: what happened, in their words, and where the file is. The app then
//! shows this on its own screen and offers the newest good backup.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::infra::backups;
use crate::infra::error::AppError;
use crate::infra::restore;

/// Why the database did not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProblemKind {
    /// Written by a newer Ladder.
    NewerVersion,
    /// An applied upgrade's text differs from this build's.
    ChangedUpgrade,
    /// SQLite found the file damaged.
    Damaged,
    /// Not a Ladder database (not SQLite, or some other program's).
    NotLadder,
    /// The folder or the file cannot be written.
    NotWritable,
    /// The disk is full.
    DiskFull,
    Other,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StartupProblem {
    pub kind: ProblemKind,
    pub message: String,
    pub database_path: String,
    /// The newest backup that passes the restore check, if any.
    pub good_backup: Option<backups::Backup>,
}

/// Names the failure `error` from opening `db_path`, looking at the file when the error
/// alone does not say.
pub async fn diagnose(error: &AppError, db_path: &Path, backup_dir: &Path) -> StartupProblem {
    let (kind, message) = classify(error, db_path).await;
    StartupProblem {
        kind,
        message,
        database_path: db_path.display().to_string(),
        good_backup: newest_good_backup(backup_dir).await,
    }
}

async fn classify(error: &AppError, db_path: &Path) -> (ProblemKind, String) {
    if let Some(kind) = sqlite_kind(error) {
        return (kind, describe(kind, error, db_path));
    }
    if let AppError::Io(io) = error {
        let kind = match io.kind() {
            std::io::ErrorKind::StorageFull => ProblemKind::DiskFull,
            _ => ProblemKind::NotWritable,
        };
        return (kind, describe(kind, error, db_path));
    }
    if db_path.is_file() {
        if let Err(found) = restore::check(db_path).await {
            let message = found.to_string();
            let kind = if message.contains("newer version") {
                ProblemKind::NewerVersion
            } else if message.contains("differs") {
                ProblemKind::ChangedUpgrade
            } else if message.contains("damaged") {
                ProblemKind::Damaged
            } else {
                ProblemKind::NotLadder
            };
            return (kind, message);
        }
    }
    (
        ProblemKind::Other,
        format!("Ladder could not open its database: {error}"),
    )
}

/// What SQLite's own error code says, when there is one.
fn sqlite_kind(error: &AppError) -> Option<ProblemKind> {
    let migrate = match error {
        AppError::Migration(m) => m,
        AppError::Database(sqlx::Error::Database(db)) => return code_kind(db.code()?.as_ref()),
        _ => return None,
    };
    match migrate {
        sqlx::migrate::MigrateError::VersionMissing(_) => Some(ProblemKind::NewerVersion),
        sqlx::migrate::MigrateError::VersionMismatch(_) => Some(ProblemKind::ChangedUpgrade),
        // Execute: the ledger's own queries; ExecuteMigration: an upgrade's SQL.
        sqlx::migrate::MigrateError::Execute(sqlx::Error::Database(db))
        | sqlx::migrate::MigrateError::ExecuteMigration(sqlx::Error::Database(db), _) => {
            code_kind(db.code()?.as_ref())
        }
        _ => None,
    }
}

/// SQLite's primary result codes (the low byte of an extended one).
fn code_kind(code: &str) -> Option<ProblemKind> {
    match code.parse::<i32>().ok()? & 0xff {
        8 | 14 => Some(ProblemKind::NotWritable), // READONLY, CANTOPEN
        11 => Some(ProblemKind::Damaged),         // CORRUPT
        13 => Some(ProblemKind::DiskFull),        // FULL
        26 => Some(ProblemKind::NotLadder),       // NOTADB
        _ => None,
    }
}

fn describe(kind: ProblemKind, error: &AppError, db_path: &Path) -> String {
    match kind {
        ProblemKind::NewerVersion => {
            "This file was written by a newer version of Ladder; update Ladder to open it.".into()
        }
        ProblemKind::ChangedUpgrade => {
            "This file was upgraded by a different build of Ladder, so it cannot be opened safely."
                .into()
        }
        ProblemKind::Damaged => "SQLite found this file damaged.".into(),
        ProblemKind::NotLadder => "This file is not a Ladder database.".into(),
        ProblemKind::NotWritable => format!("Ladder cannot write to its folder or file ({error})."),
        // Which disk matters: the data folder may be on another drive than the system.
        ProblemKind::DiskFull => format!(
            "The disk that holds {} is full: free some space on it and start Ladder again.",
            db_path.parent().unwrap_or(db_path).display()
        ),
        ProblemKind::Other => format!("Ladder could not open its database: {error}"),
    }
}

/// The newest backup that would restore: checked one by one, newest first.
pub async fn newest_good_backup(dir: &Path) -> Option<backups::Backup> {
    for b in backups::list(dir).ok()? {
        if restore::check(&dir.join(&b.file_name)).await.is_ok() {
            return Some(b);
        }
    }
    None
}
