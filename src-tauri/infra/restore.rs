//! Putting a backup (or a Ladder file from another computer) in place of the database
//! while the app runs. The file is checked first and nothing changes when it fails;
//! the caller backs up the current file before the swap, so a restore can be reverted.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, SqliteConnection, SqlitePool};

use crate::infra::backups;
use crate::infra::db;
use crate::infra::error::{AppError, AppResult};

async fn open_read_only(file: &Path) -> AppResult<SqliteConnection> {
    let not_ladder = || {
        AppError::invalid(
            "file",
            "This file is not a Ladder database (SQLite could not read it).",
        )
    };
    let mut conn = SqliteConnectOptions::from_str("sqlite:")?
        .filename(file)
        .read_only(true)
        .connect()
        .await
        .map_err(|_| not_ladder())?;
    // Opening is lazy: the first read tells whether the bytes are SQLite at all.
    sqlx::query("SELECT count(*) FROM sqlite_master")
        .execute(&mut conn)
        .await
        .map_err(|_| not_ladder())?;
    Ok(conn)
}

/// Refuses a file that is not SQLite, fails `integrity_check`, or was upgraded by a
/// Ladder this build does not know.
pub async fn check(file: &Path) -> AppResult<()> {
    if !file.is_file() {
        return Err(AppError::invalid("file", "That file no longer exists."));
    }
    let mut conn = open_read_only(file).await?;
    db::check_migrations(&mut conn).await?;
    drop(conn);
    backups::check_integrity(file)
        .await
        .map_err(|e| AppError::invalid("file", format!("This file is damaged: {e}")))
}

/// Closes `current`, writes a copy of `from` over the database at `db_path` (through a
/// temporary file and a rename, so a failure leaves the old file), and opens it again
/// through `connect`, which brings an older file's schema up to date.
pub async fn swap_in(current: SqlitePool, from: &Path, db_path: &Path) -> AppResult<SqlitePool> {
    let temp = PathBuf::from(format!("{}.restoring", db_path.display()));
    let _ = std::fs::remove_file(&temp);
    let mut source = open_read_only(from).await?;
    sqlx::query("VACUUM INTO ?")
        .bind(temp.to_string_lossy().as_ref())
        .execute(&mut source)
        .await?;
    drop(source);
    std::fs::File::open(&temp)?.sync_all()?;
    current.close().await;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db_path.display()));
    }
    std::fs::rename(&temp, db_path)?;
    db::connect(db_path).await
}

/// Moves a database that did not open (with its `-wal` and `-shm`) to
/// `<file>.unopened-<when>` beside it, for whoever wants to look into it; returns where.
pub fn set_aside(db_path: &Path) -> AppResult<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let aside = PathBuf::from(format!("{}.unopened-{stamp}", db_path.display()));
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", db_path.display()));
        if file.exists() {
            std::fs::rename(&file, format!("{}{suffix}", aside.display()))?;
        }
    }
    Ok(aside)
}
