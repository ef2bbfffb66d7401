//! The user's file is theirs alone: on Unix, folders Ladder creates are 0700 and the
//! files it writes (the database, its `-wal` and `-shm`, backups, their copies in a second
//! folder, the settings of this computer) are 0600. A folder that already existed keeps
//! its mode: `LADDER_DATA_DIR` may point at `~/Documents`.

use std::io::Write;
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

/// Writes `target` whole or not at all, private from its first byte: `fill` writes a
/// new 0600 temporary file beside it, which is synced and renamed over `target`, and the
/// folder is synced so the rename survives a power cut. A failure leaves `target` as it
/// was and no temporary file behind.
pub fn write_whole(
    target: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = target.with_file_name(format!(".{name}.tmp"));
    let _ = std::fs::remove_file(&temp);
    let written = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&temp)?;
        fill(&mut file)?;
        file.flush()?;
        file.sync_all()?;
        std::fs::rename(&temp, target)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written?;
    if let Some(dir) = target.parent() {
        sync_dir(dir);
    }
    Ok(())
}

/// Makes a rename in `dir` durable where the platform allows opening a folder.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
