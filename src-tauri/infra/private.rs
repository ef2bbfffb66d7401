//! The user's file is theirs alone: on Unix, folders Ladder creates are 0700 and the
//! files it writes (the database, its `-wal` and `-shm`, backups) are 0600. A folder that
//! already existed keeps its mode: `LADDER_DATA_DIR` may point at `~/Documents`.

use std::path::Path;

use crate::infra::error::AppResult;

/// Creates `dir` and any missing parents, private; an existing folder is left as it is.
pub fn create_dir(dir: &Path) -> AppResult<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    Ok(())
}

/// Makes a file Ladder wrote readable and writable by its owner only.
pub fn restrict_file(file: &Path) -> AppResult<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if file.exists() {
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// The database file and the two SQLite keeps beside it.
pub fn restrict_database(db: &Path) -> AppResult<()> {
    for suffix in ["", "-wal", "-shm"] {
        restrict_file(Path::new(&format!("{}{suffix}", db.display())))?;
    }
    Ok(())
}
