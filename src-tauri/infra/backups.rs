//! File-level copies of the database, taken with `VACUUM INTO` so they are consistent
//! even while the app is writing.

use std::path::{Path, PathBuf};

use sqlx::SqlitePool;

use crate::infra::error::AppResult;

/// The folder, inside the data folder, that holds backups.
pub const DIR: &str = "backups";

/// Writes a copy of the database to `dir` and returns its path. `reason` becomes part of
/// the file name so a person browsing the folder knows why each copy exists.
pub(crate) async fn create(pool: &SqlitePool, dir: &Path, reason: &str) -> AppResult<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    let mut target = dir.join(format!("ladder-{stamp}-{reason}.sqlite3"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!("ladder-{stamp}-{reason}-{n}.sqlite3"));
    }
    sqlx::query("VACUUM INTO ?")
        .bind(target.to_string_lossy().as_ref())
        .execute(pool)
        .await?;
    Ok(target)
}
