use ladder_lib::infra::db;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::common;

#[tokio::test]
async fn connect_creates_the_folder_and_applies_every_migration() {
    let t = common::db().await;
    assert!(
        t.path.exists(),
        "the database file should exist at {:?}",
        t.path
    );
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
            .fetch_all(&t.pool)
            .await
            .unwrap();
    assert_eq!(applied, db::migration_versions());
}

#[tokio::test]
async fn connect_sets_the_pragmas_it_promises() {
    let t = common::db().await;
    let mut conn = t.pool.acquire().await.unwrap();
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    let fks: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(journal, "wal");
    assert_eq!(fks, 1, "foreign keys must be enforced");
    assert_eq!(sync, 1, "synchronous should be NORMAL (1)");
    assert_eq!(busy, 5000);
}

#[tokio::test]
async fn a_new_database_and_an_up_to_date_one_get_no_backup() {
    let t = common::db().await;
    let backups = t.path.parent().unwrap().join("backups");
    assert!(!backups.exists(), "a brand-new database needs no backup");
    t.pool.close().await;
    let pool = db::connect(&t.path).await.unwrap();
    assert!(
        !backups.exists(),
        "nothing was pending, so nothing should be backed up"
    );
    pool.close().await;
}

#[tokio::test]
async fn an_older_database_is_backed_up_before_migrating() {
    // A database written before the current migrations: it has data and a migration
    // ledger that lacks them.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ladder.sqlite3");
    {
        let mut conn = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .connect()
            .await
            .unwrap();
        sqlx::query(
            "CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL,
                 installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL,
                 checksum BLOB NOT NULL, execution_time BIGINT NOT NULL)",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        sqlx::query("CREATE TABLE notes (body TEXT)")
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query("INSERT INTO notes VALUES ('written by an older Ladder')")
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
    }

    let pool = db::connect(&path).await.unwrap();

    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .expect("a backups folder next to the database")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1, "exactly one backup: {backups:?}");
    let name = backups[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    assert!(name.contains("before-migration"), "{name}");

    // The copy holds the old data and none of the new schema.
    let mut copy = SqliteConnectOptions::new()
        .filename(&backups[0])
        .connect()
        .await
        .unwrap();
    let note: String = sqlx::query_scalar("SELECT body FROM notes")
        .fetch_one(&mut copy)
        .await
        .unwrap();
    assert_eq!(note, "written by an older Ladder");
    let plans_tables: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sqlite_master WHERE name = 'plans'")
            .fetch_one(&mut copy)
            .await
            .unwrap();
    assert_eq!(
        plans_tables, 0,
        "the backup is taken before the migrations run"
    );

    // And the live database was migrated without losing the old row.
    assert_eq!(common::count(&pool, "notes").await, 1);
    assert_eq!(common::count(&pool, "focus_areas").await, 7);
}

#[tokio::test]
async fn every_table_keeps_created_and_updated_timestamps() {
    let t = common::db().await;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_sqlx%' ESCAPE '\\'
         -- The search index is derived from the tables it indexes, not data of its own.
         AND name NOT LIKE 'search\\_index%' ESCAPE '\\'",
    )
    .fetch_all(&t.pool)
    .await
    .unwrap();
    assert!(tables.len() >= 6, "{tables:?}");
    for table in tables {
        let cols: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT name FROM pragma_table_info('{table}')"
        )))
        .fetch_all(&t.pool)
        .await
        .unwrap();
        assert!(
            cols.contains(&"created_at".to_owned()),
            "{table} lacks created_at"
        );
        assert!(
            cols.contains(&"updated_at".to_owned()),
            "{table} lacks updated_at"
        );
    }
}

#[tokio::test]
async fn updating_a_row_moves_its_updated_at() {
    let t = common::db().await;
    sqlx::query("UPDATE settings SET updated_at = '2000-01-01T00:00:00.000Z'")
        .execute(&t.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE settings SET theme = 'dark'")
        .execute(&t.pool)
        .await
        .unwrap();
    let updated: String = sqlx::query_scalar("SELECT updated_at FROM settings")
        .fetch_one(&t.pool)
        .await
        .unwrap();
    assert!(
        updated.as_str() > "2026",
        "updated_at should be now, got {updated}"
    );
}

#[tokio::test]
async fn the_data_dir_override_wins_over_the_os_folder() {
    // Only this test touches LADDER_DATA_DIR in this binary.
    std::env::set_var(db::DATA_DIR_VAR, "/tmp/ladder-override");
    let chosen = db::data_dir(|| Some("/home/someone/.local/share/ladder".into()));
    std::env::remove_var(db::DATA_DIR_VAR);
    assert_eq!(
        chosen.unwrap(),
        std::path::PathBuf::from("/tmp/ladder-override")
    );
    let fallback = db::data_dir(|| Some("/os/default".into()));
    assert_eq!(fallback.unwrap(), std::path::PathBuf::from("/os/default"));
}

#[tokio::test]
async fn a_database_made_by_the_first_version_is_backed_up_then_upgraded() {
    // Build the database the first release would have written: only its migration.
    let dir = tempfile::tempdir().unwrap();
    let first_only = dir.path().join("first-migration");
    std::fs::create_dir_all(&first_only).unwrap();
    let migrations = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut files: Vec<_> = std::fs::read_dir(&migrations)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 2, "this test needs at least two migrations");
    std::fs::copy(&files[0], first_only.join(files[0].file_name().unwrap())).unwrap();

    let path = dir.path().join("data").join("ladder.sqlite3");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    {
        let pool = sqlx::SqlitePool::connect_with(
            SqliteConnectOptions::new()
                .filename(&path)
                .create_if_missing(true),
        )
        .await
        .unwrap();
        sqlx::migrate::Migrator::new(first_only.as_path())
            .await
            .unwrap()
            .run(&pool)
            .await
            .unwrap();
        sqlx::query("INSERT INTO plans (title, starts_on, ends_on) VALUES ('Kept', '2026-10-01', '2026-12-31')")
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    }

    let pool = db::connect(&path).await.unwrap();
    let backups: Vec<_> = std::fs::read_dir(path.parent().unwrap().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1);
    let mut copy = SqliteConnectOptions::new()
        .filename(&backups[0])
        .connect()
        .await
        .unwrap();
    let title: String = sqlx::query_scalar("SELECT title FROM plans")
        .fetch_one(&mut copy)
        .await
        .unwrap();
    assert_eq!(title, "Kept");
    let goals_in_copy: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sqlite_master WHERE name = 'goals'")
            .fetch_one(&mut copy)
            .await
            .unwrap();
    assert_eq!(goals_in_copy, 0, "the backup is the version-1 database");

    // The upgraded database has every migration and still the plan.
    let applied: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(applied as usize, db::migration_versions().len());
    assert_eq!(common::count(&pool, "plans").await, 1);
    assert_eq!(common::count(&pool, "goals").await, 0);
}

#[tokio::test]
async fn the_bundled_sqlite_has_the_wal_reset_fix() {
    // 3.7.0 to 3.51.2 can corrupt a WAL database when a checkpoint races a reset; the
    // fix is in 3.51.3, so the file Ladder keeps for years needs at least that.
    let t = common::db().await;
    let version: String = sqlx::query_scalar("SELECT sqlite_version()")
        .fetch_one(&t.pool)
        .await
        .unwrap();
    let parts: Vec<u32> = version.split('.').map(|p| p.parse().unwrap()).collect();
    assert!(
        parts.as_slice() >= [3, 51, 3].as_slice(),
        "SQLite {version} is older than 3.51.3"
    );
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[tokio::test]
async fn the_files_and_folders_ladder_creates_are_private_and_others_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    // A folder the user already has (their Documents, say) keeps its mode.
    let documents = root.path().join("Documents");
    std::fs::create_dir(&documents).unwrap();
    std::fs::set_permissions(&documents, std::fs::Permissions::from_mode(0o755)).unwrap();
    let ours = documents.join("ladder-data");
    let path = ours.join(db::DB_FILE);
    let pool = db::connect(&path).await.unwrap();
    let backup = ladder_lib::infra::backups::create_now(
        &pool,
        &ours.join("backups"),
        ladder_lib::infra::backups::Reason::Manual,
    )
    .await
    .unwrap();

    assert_eq!(mode(&documents), 0o755, "not Ladder's folder");
    assert_eq!(mode(&ours), 0o700);
    assert_eq!(mode(&ours.join("backups")), 0o700);
    for file in [
        path.clone(),
        ours.join("ladder.sqlite3-wal"),
        ours.join("ladder.sqlite3-shm"),
        ours.join("backups").join(&backup.file_name),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}
