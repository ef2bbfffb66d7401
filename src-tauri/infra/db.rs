//! The one place that opens the SQLite database.
//!
//! The app, the tests and the benchmark all call [`connect`], so they run on the same
//! pragmas and the same migrations. Before a migration touches an existing database, a
//! copy of it is written to `backups/` next to it: a failed or unwanted upgrade can
//! always be undone by hand.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use crate::infra::backups;
use crate::infra::error::{AppError, AppResult};
use crate::infra::private;

pub const DATA_DIR_VAR: &str = "LADDER_DATA_DIR";
pub const DB_FILE: &str = "ladder.sqlite3";

static MIGRATOR: Migrator = sqlx::migrate!();

/// Tauri's bundle identifier, which names the OS data folder (`tauri.conf.json`).
pub const IDENTIFIER: &str = "app.ladder.planner";

/// Where the data lives: `LADDER_DATA_DIR` when set, otherwise the OS app-data folder
/// the caller passes in.
pub fn data_dir(os_default: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
    match std::env::var_os(DATA_DIR_VAR) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => os_default(),
    }
}

/// The app's data (and log) folder: [`data_dir`] over the OS data folder under the
/// identifier, which is what Tauri's `app_data_dir` gives. Worked out here, without
/// Tauri, because the log starts before Tauri is up and must land in the same folder.
pub fn app_data_dir() -> Option<PathBuf> {
    data_dir(|| dirs::data_dir().map(|d| d.join(IDENTIFIER)))
}

/// Opens (creating when missing) the database at `path` and brings its schema up to date.
pub async fn connect(path: &Path) -> AppResult<SqlitePool> {
    connect_adjusted(path, |options| options).await
}

/// [`connect`] with its connection options changed just before the pool opens. Only
/// tests call it: a full disk cannot be made in a temporary folder, but SQLite's
/// `max_page_count` caps a file as a full disk would, and it lives on each connection
/// (it is not stored in the file), so it has to come in here to reach the connections
/// that the backup before migrating and the migrations use.
#[doc(hidden)]
pub async fn connect_adjusted(
    path: &Path,
    adjust: impl FnOnce(SqliteConnectOptions) -> SqliteConnectOptions,
) -> AppResult<SqlitePool> {
    if let Some(dir) = path.parent() {
        private::create_dir(dir)?;
    }
    // SQLite gives the -wal and -shm files the database file's mode, so a new database
    // starts as an empty private file.
    if !path.exists() {
        std::fs::File::create(path)?;
    }
    private::restrict_file(path)?;
    let options = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .create_if_missing(true)
        // WAL lets the UI read while a write is in flight.
        .journal_mode(SqliteJournalMode::Wal)
        // NORMAL under WAL: a committed change survives the app being killed; only a
        // power cut can lose the last moments, which FULL would cost an fsync per write.
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(adjust(options))
        .await?;

    if needs_backup_before_migrating(&pool).await? {
        let dir = backups::folder(path.parent().unwrap_or(Path::new(".")));
        backups::create_now(&pool, &dir, backups::Reason::BeforeMigration).await?;
    }
    MIGRATOR.run(&pool).await?;
    private::restrict_database(path)?;
    Ok(pool)
}

/// True when the database already holds data and some migration has not been applied.
async fn needs_backup_before_migrating(pool: &SqlitePool) -> AppResult<bool> {
    let tables: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .fetch_one(pool)
    .await?;
    if tables == 0 {
        return Ok(false);
    }
    let has_ledger: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(pool)
    .await?;
    let applied: HashSet<i64> = if has_ledger == 0 {
        HashSet::new()
    } else {
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = 1")
            .fetch_all(pool)
            .await?
            .into_iter()
            .collect()
    };
    Ok(MIGRATOR
        .iter()
        .any(|m| !m.migration_type.is_down_migration() && !applied.contains(&m.version)))
}

/// The versions of the migrations this build knows, oldest first.
pub fn migration_versions() -> Vec<i64> {
    MIGRATOR.iter().map(|m| m.version).collect()
}

/// Whether a database file can be opened by this build: every migration it has applied
/// must be one of ours, with the same text. A file from a newer Ladder (a version we do
/// not know) or with an edited migration is refused with a message that says which.
pub async fn check_migrations(conn: &mut sqlx::SqliteConnection) -> AppResult<()> {
    let has_ledger: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(&mut *conn)
    .await?;
    if has_ledger == 0 {
        return Err(AppError::invalid(
            "file",
            "This file is not a Ladder database: it has no record of Ladder's upgrades.",
        ));
    }
    let applied: Vec<(i64, Vec<u8>)> =
        sqlx::query_as("SELECT version, checksum FROM _sqlx_migrations WHERE success = 1")
            .fetch_all(&mut *conn)
            .await?;
    for (version, checksum) in applied {
        match MIGRATOR.iter().find(|m| m.version == version) {
            None => {
                return Err(AppError::invalid(
                    "file",
                    "This file was written by a newer version of Ladder; update Ladder to open it.",
                ))
            }
            Some(m) if *m.checksum != *checksum => {
                return Err(AppError::invalid(
                    "file",
                    format!("This file's upgrade {version} differs from this Ladder's, so it cannot be opened safely."),
                ))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// An empty in-memory pool for the app to hold while the user's file cannot be opened
/// (the startup screen uses no data).
pub fn placeholder() -> AppResult<SqlitePool> {
    Ok(SqlitePoolOptions::new().connect_lazy("sqlite::memory:")?)
}
