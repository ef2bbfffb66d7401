//! A database that does not open at start is named for what is wrong with it, so the
//! app can say so on its own screen and offer the newest good backup.

use std::path::Path;

use ladder_lib::infra::backups::{self, Reason};
use ladder_lib::infra::db;
use ladder_lib::infra::startup::{self, ProblemKind};
use sqlx::{ConnectOptions, SqliteConnection};

async fn raw(path: &Path) -> SqliteConnection {
    sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .connect()
        .await
        .unwrap()
}

/// Opens `path` as the app does and names the failure.
async fn problem(path: &Path) -> startup::StartupProblem {
    let err = db::connect(path).await.expect_err("the file must not open");
    startup::diagnose(&err, path, &path.parent().unwrap().join("backups")).await
}

/// A good database at `path`, closed again.
async fn good_file(path: &Path) {
    let pool = db::connect(path).await.unwrap();
    pool.close().await;
}

#[tokio::test]
async fn a_file_from_a_newer_ladder_says_so_and_offers_the_newest_good_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(db::DB_FILE);
    let pool = db::connect(&path).await.unwrap();
    let backup = backups::create_now(&pool, &dir.path().join("backups"), Reason::Daily)
        .await
        .unwrap();
    pool.close().await;
    crate::common::pretend_newer_ladder(&path).await;

    let p = problem(&path).await;
    assert_eq!(p.kind, ProblemKind::NewerVersion);
    assert!(
        p.message.contains("newer version of Ladder"),
        "{}",
        p.message
    );
    assert_eq!(p.database_path, path.display().to_string());
    assert_eq!(p.good_backup.map(|b| b.file_name), Some(backup.file_name));
}

#[tokio::test]
async fn an_upgrade_whose_text_changed_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(db::DB_FILE);
    good_file(&path).await;
    let mut conn = raw(&path).await;
    sqlx::query("UPDATE _sqlx_migrations SET checksum = x'00' WHERE version = (SELECT min(version) FROM _sqlx_migrations)")
        .execute(&mut conn)
        .await
        .unwrap();
    drop(conn);
    let p = problem(&path).await;
    assert_eq!(p.kind, ProblemKind::ChangedUpgrade);
    assert!(p.good_backup.is_none(), "there is no backup to offer");
}

#[tokio::test]
async fn a_file_that_is_not_sqlite_is_not_a_ladder_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(db::DB_FILE);
    std::fs::write(&path, "a shopping list, not a database ".repeat(200)).unwrap();
    let p = problem(&path).await;
    assert_eq!(p.kind, ProblemKind::NotLadder, "{}", p.message);
}

#[tokio::test]
async fn a_damaged_file_is_named_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(db::DB_FILE);
    good_file(&path).await;
    let mut bytes = std::fs::read(&path).unwrap();
    // Page 1 past the 100-byte header holds the schema's b-tree.
    for byte in &mut bytes[100..4096] {
        *byte = 0xa5;
    }
    std::fs::write(&path, bytes).unwrap();
    let p = problem(&path).await;
    assert_eq!(p.kind, ProblemKind::Damaged, "{}", p.message);
}

#[tokio::test]
async fn a_data_folder_that_cannot_be_made_is_named_not_writable() {
    // Root ignores permissions, so the folder is made impossible instead: its parent is
    // a regular file.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-file"), "x").unwrap();
    let path = dir.path().join("a-file").join("data").join(db::DB_FILE);
    let p = problem(&path).await;
    assert_eq!(p.kind, ProblemKind::NotWritable, "{}", p.message);
}

/// A file as an older Ladder left it: only the first upgrade applied, one plan in it,
/// closed (so its write-ahead log is folded in) and with no free pages, so the next
/// upgrade has to grow the file.
async fn older_ladder_file(path: &Path) {
    let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .connect()
        .await
        .unwrap();
    let first = db::migration_versions()[0];
    sqlx::migrate!().run_to(first, &mut conn).await.unwrap();
    sqlx::query(
        "INSERT INTO plans (title, intent, starts_on, ends_on, status)
         VALUES ('Mine', '', '2026-10-01', '2026-12-31', 'draft')",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    sqlx::query("VACUUM").execute(&mut conn).await.unwrap();
    sqlx::Connection::close(conn).await.unwrap();
}

#[tokio::test]
async fn a_full_disk_during_the_upgrade_at_start_says_so_and_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(db::DB_FILE);
    older_ladder_file(&path).await;
    let before = std::fs::read(&path).unwrap();

    // A cap below the file's size holds it at its size: the upgrade cannot add a page,
    // and SQLite answers SQLITE_FULL as it does when the disk itself is full.
    let err = db::connect_adjusted(&path, |o| o.pragma("max_page_count", "1"))
        .await
        .expect_err("the upgrade must not fit");
    let p = startup::diagnose(&err, &path, &dir.path().join("backups")).await;

    assert_eq!(p.kind, ProblemKind::DiskFull, "{err}");
    assert!(p.message.contains("disk"), "{}", p.message);
    assert!(p.message.contains("is full"), "{}", p.message);
    assert!(
        p.message.contains(&dir.path().display().to_string()),
        "the message names the folder whose disk is full: {}",
        p.message
    );
    assert_eq!(p.database_path, path.display().to_string());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
    let mut conn = raw(&path).await;
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(verdict, "ok");
    let titles: Vec<String> = sqlx::query_scalar("SELECT title FROM plans")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert_eq!(titles, ["Mine"]);
    let applied: Vec<i64> = sqlx::query_scalar("SELECT version FROM _sqlx_migrations")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert_eq!(
        applied,
        db::migration_versions()[..1],
        "no upgrade half-applied"
    );
    // The copy taken before the upgrade is whole and offered.
    assert_eq!(
        p.good_backup.map(|b| b.reason),
        Some("before-migration".to_owned())
    );
}
