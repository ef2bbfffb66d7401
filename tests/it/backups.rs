//! Backups: whole copies taken while the app runs, kept by the rotation, and taken only
//! when something changed.

use std::path::Path;

use chrono::NaiveDateTime;
use ladder_lib::infra::backups::{self, Reason};
use ladder_lib::infra::second_folder;
use ladder_lib::planning::plans::{self, PlanInput};

use crate::common::{self, day};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

async fn add_plan(pool: &sqlx::SqlitePool, title: &str) {
    plans::create(
        pool,
        PlanInput {
            title: title.into(),
            ..Default::default()
        },
        day("2026-11-26"),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_backup_is_a_whole_copy_named_for_when_and_why() {
    let t = common::db().await;
    add_plan(&t.pool, "Q4 2026 plan").await;
    let dir = t._dir.path().join("backups");
    let b = backups::create(&t.pool, &dir, Reason::BeforeImport, at("2026-12-01 09:30"))
        .await
        .unwrap();
    assert_eq!(b.file_name, "ladder-20261201-093000-before-import.sqlite3");
    assert_eq!(
        names(&dir),
        [b.file_name.as_str()],
        "no temporary file is left"
    );
    assert!(b.bytes > 0);
    backups::check_integrity(&dir.join(&b.file_name))
        .await
        .unwrap();
    let copy = ladder_lib::infra::db::connect(&dir.join(&b.file_name))
        .await
        .unwrap();
    let titles: Vec<String> = sqlx::query_scalar("SELECT title FROM plans")
        .fetch_all(&copy)
        .await
        .unwrap();
    assert_eq!(titles, ["Q4 2026 plan"]);
    // Two in the same second get distinct names and both are listed, newest first.
    let again = backups::create(&t.pool, &dir, Reason::BeforeImport, at("2026-12-01 09:30"))
        .await
        .unwrap();
    assert_eq!(
        again.file_name,
        "ladder-20261201-093000-before-import-2.sqlite3"
    );
    let listed = backups::list(&dir).unwrap();
    assert_eq!(listed.len(), 2);
    assert!(
        listed.iter().all(|b| b.reason == "before-import"),
        "{listed:?}"
    );
}

#[tokio::test]
async fn taking_a_backup_applies_the_rotation_and_touches_only_backups() {
    let t = common::db().await;
    let dir = t._dir.path().join("backups");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();
    std::fs::write(dir.join("ladder-old-copy.sqlite3"), "mine too").unwrap();
    for now in ["2026-11-01 10:00", "2026-11-01 11:00", "2026-11-20 10:00"] {
        backups::create(&t.pool, &dir, Reason::Daily, at(now))
            .await
            .unwrap();
    }
    backups::create(&t.pool, &dir, Reason::Manual, at("2026-12-01 10:00"))
        .await
        .unwrap();
    assert_eq!(
        names(&dir),
        [
            "ladder-20261101-110000-daily.sqlite3",
            "ladder-20261120-100000-daily.sqlite3",
            "ladder-20261201-100000-manual.sqlite3",
            "ladder-old-copy.sqlite3",
            "notes.txt",
        ],
        "the older backup of the week of Nov 1 goes; files not named like a backup stay"
    );
}

#[tokio::test]
async fn a_backup_is_due_only_when_the_file_changed_after_the_newest() {
    let t = common::db().await;
    let dir = t._dir.path().join("backups");
    let now = || chrono::Local::now().naive_local();
    assert!(
        backups::due(&dir, &t.path, chrono::Duration::zero(), now()),
        "none yet"
    );
    backups::create_now(&t.pool, &dir, Reason::Daily)
        .await
        .unwrap();
    assert!(
        !backups::due(&dir, &t.path, chrono::Duration::days(1), now()),
        "the newest is not a day old"
    );
    assert!(
        !backups::due(&dir, &t.path, chrono::Duration::zero(), now()),
        "nothing changed since"
    );
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    add_plan(&t.pool, "A change").await;
    assert!(backups::due(&dir, &t.path, chrono::Duration::zero(), now()));
}

#[tokio::test]
async fn a_missing_backup_folder_lists_nothing() {
    let t = common::db().await;
    assert!(backups::list(&t._dir.path().join("nowhere"))
        .unwrap()
        .is_empty());
}

/// The app's state over a test database, as the commands see it.
pub(crate) fn app_state(t: &common::TestDb) -> ladder_lib::commands::AppState {
    ladder_lib::commands::AppState {
        user: std::sync::RwLock::new(t.pool.clone()),
        example: std::sync::RwLock::new(None),
        problem: std::sync::RwLock::new(None),
        db_path: t.path.clone(),
        data_dir: t.path.parent().unwrap().to_path_buf(),
        csv: Default::default(),
        exchange: Default::default(),
    }
}

#[tokio::test]
async fn show_in_folder_opens_the_folder_the_upgrade_and_back_up_now_write_to() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join(ladder_lib::infra::db::DB_FILE);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    // A file from before the newest migration, so opening it writes a backup first.
    let oldest = ladder_lib::infra::db::migration_versions()[0];
    std::fs::copy(crate::golden::golden(oldest), &path).unwrap();
    let pool = ladder_lib::infra::db::connect(&path).await.unwrap();
    let t = common::TestDb {
        pool,
        path,
        _dir: dir,
    };
    let state = app_state(&t);
    // What back_up_now does.
    backups::create_now(&state.user(), &state.backup_dir(), Reason::Manual)
        .await
        .unwrap();

    // What show_backups_folder opens.
    let shown = state.backup_dir();
    assert_eq!(shown, t.path.parent().unwrap().join("backups"));
    let listed = backups::list(&shown).unwrap();
    assert_eq!(
        listed.iter().map(|b| b.reason.as_str()).collect::<Vec<_>>(),
        ["manual", "before-migration"]
    );
    let mut listed: Vec<String> = listed.into_iter().map(|b| b.file_name).collect();
    listed.sort();
    assert_eq!(
        names(&shown),
        listed,
        "the folder holds the listed backups, nothing else"
    );
}

async fn plan_titles(pool: &sqlx::SqlitePool) -> Vec<String> {
    sqlx::query_scalar("SELECT title FROM plans ORDER BY id")
        .fetch_all(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn restoring_a_backup_brings_its_data_back_and_keeps_the_file_it_replaced() {
    let t = common::db().await;
    let state = app_state(&t);
    add_plan(&t.pool, "Kept in the backup").await;
    let backup = backups::create_now(&t.pool, &state.backup_dir(), Reason::Manual)
        .await
        .unwrap();
    add_plan(&t.pool, "Made after the backup").await;

    let file = state.backup_dir().join(&backup.file_name);
    let outcome = ladder_lib::commands::backups::restore_file(&state, file)
        .await
        .unwrap();
    assert_eq!(plan_titles(&state.user()).await, ["Kept in the backup"]);
    assert_eq!(outcome.before.reason, "before-restore");

    // Going back: the copy taken before the restore holds both plans.
    let back = state.backup_dir().join(&outcome.before.file_name);
    ladder_lib::commands::backups::restore_file(&state, back)
        .await
        .unwrap();
    assert_eq!(
        plan_titles(&state.user()).await,
        ["Kept in the backup", "Made after the backup"]
    );
}

#[tokio::test]
async fn a_file_that_is_not_a_good_ladder_database_is_refused_and_nothing_changes() {
    let t = common::db().await;
    let state = app_state(&t);
    add_plan(&t.pool, "Mine").await;
    let dir = t._dir.path().join("others");
    std::fs::create_dir_all(&dir).unwrap();

    let text = dir.join("notes.sqlite3");
    std::fs::write(&text, "just some text, not SQLite").unwrap();

    let newer = dir.join("newer.sqlite3");
    let b = backups::create(&t.pool, &dir, Reason::Manual, at("2026-12-01 09:00"))
        .await
        .unwrap();
    std::fs::rename(dir.join(&b.file_name), &newer).unwrap();
    common::pretend_newer_ladder(&newer).await;

    let corrupt = dir.join("corrupt.sqlite3");
    let b = backups::create(&t.pool, &dir, Reason::Manual, at("2026-12-01 09:01"))
        .await
        .unwrap();
    let mut bytes = std::fs::read(dir.join(&b.file_name)).unwrap();
    // Whole pages from the middle, headers included: bytes in a page's free space alone
    // would not be damage that SQLite can see.
    let middle = bytes.len() / 2 / 4096 * 4096;
    for byte in &mut bytes[middle..middle + 8192] {
        *byte = 0x5a;
    }
    std::fs::write(&corrupt, bytes).unwrap();

    let plain = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(dir.join("plain.sqlite3"))
        .create_if_missing(true);
    let mut other = sqlx::ConnectOptions::connect(&plain).await.unwrap();
    sqlx::query("CREATE TABLE notes (body TEXT)")
        .execute(&mut other)
        .await
        .unwrap();
    drop(other);

    for (file, says) in [
        (text, "not a Ladder database"),
        (newer, "newer version of Ladder"),
        (corrupt, "damaged"),
        (dir.join("plain.sqlite3"), "not a Ladder database"),
        (dir.join("missing.sqlite3"), "no longer exists"),
    ] {
        let err = ladder_lib::commands::backups::restore_file(&state, file.clone())
            .await
            .expect_err("refused");
        assert!(err.to_string().contains(says), "{}: {err}", file.display());
        assert_eq!(plan_titles(&state.user()).await, ["Mine"]);
    }
    assert!(
        backups::list(&state.backup_dir()).unwrap().is_empty(),
        "a refused file takes no before-restore backup"
    );
}

/// A second folder outside the data folder, as an external drive would be; chosen.
async fn with_second_folder(t: &common::TestDb) -> std::path::PathBuf {
    let usb = t._dir.path().join("usb").join("ladder");
    std::fs::create_dir_all(&usb).unwrap();
    second_folder::choose(t.path.parent().unwrap(), &usb)
        .await
        .unwrap();
    usb
}

fn main_folder(t: &common::TestDb) -> std::path::PathBuf {
    backups::folder(t.path.parent().unwrap())
}

#[tokio::test]
async fn each_backup_is_copied_whole_and_private_to_the_second_folder() {
    let t = common::db().await;
    add_plan(&t.pool, "Q4 2026 plan").await;
    let first = backups::create(
        &t.pool,
        &main_folder(&t),
        Reason::Daily,
        at("2026-12-01 09:00"),
    )
    .await
    .unwrap();
    let usb = with_second_folder(&t).await;
    assert_eq!(
        names(&usb),
        [first.file_name.as_str()],
        "choosing the folder copies the newest backup at once"
    );

    let b = backups::create(
        &t.pool,
        &main_folder(&t),
        Reason::Manual,
        at("2026-12-01 09:30"),
    )
    .await
    .unwrap();
    assert_eq!(names(&usb), [first.file_name.clone(), b.file_name.clone()]);
    let (original, copy) = (main_folder(&t).join(&b.file_name), usb.join(&b.file_name));
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        std::fs::read(&original).unwrap()
    );
    backups::check_integrity(&copy).await.unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the copy is as private as the backup");
    }
    let status = second_folder::status(t.path.parent().unwrap());
    assert_eq!(status.folder.as_deref(), usb.to_str());
    let last = status.last_copy.expect("the copy is recorded");
    assert_eq!(
        (last.file_name.as_str(), last.error, last.at),
        (b.file_name.as_str(), None, at("2026-12-01 09:30"))
    );
}

#[tokio::test]
async fn the_second_folder_gets_the_same_rotation_and_its_other_files_stay() {
    let t = common::db().await;
    let usb = with_second_folder(&t).await;
    std::fs::write(usb.join("holiday.jpg"), "mine").unwrap();
    std::fs::write(usb.join("ladder-old-copy.sqlite3"), "mine too").unwrap();
    std::fs::create_dir(usb.join("ladder-20261101-090000-daily.sqlite3.d")).unwrap();
    for now in ["2026-11-01 10:00", "2026-11-01 11:00", "2026-11-20 10:00"] {
        backups::create(&t.pool, &main_folder(&t), Reason::Daily, at(now))
            .await
            .unwrap();
    }
    backups::create(
        &t.pool,
        &main_folder(&t),
        Reason::Manual,
        at("2026-12-01 10:00"),
    )
    .await
    .unwrap();
    let kept = [
        "ladder-20261101-110000-daily.sqlite3",
        "ladder-20261120-100000-daily.sqlite3",
        "ladder-20261201-100000-manual.sqlite3",
    ];
    assert_eq!(
        names(&usb),
        [
            "holiday.jpg",
            "ladder-20261101-090000-daily.sqlite3.d",
            kept[0],
            kept[1],
            kept[2],
            "ladder-old-copy.sqlite3",
        ],
        "the older backup of the week of Nov 1 goes; the user's own files stay"
    );
    assert_eq!(names(&main_folder(&t)), kept, "both folders keep the same");
}

#[tokio::test]
async fn an_unplugged_second_folder_leaves_the_backup_whole_and_says_so() {
    let t = common::db().await;
    let usb = with_second_folder(&t).await;
    let unplugged = usb.with_file_name("unplugged");
    std::fs::rename(&usb, &unplugged).unwrap();

    let b = backups::create(
        &t.pool,
        &main_folder(&t),
        Reason::Periodic,
        at("2026-12-01 10:00"),
    )
    .await
    .expect("the backup itself succeeds");
    backups::check_integrity(&main_folder(&t).join(&b.file_name))
        .await
        .unwrap();
    assert!(
        !usb.exists(),
        "the missing folder is not created in its place"
    );
    let status = second_folder::status(t.path.parent().unwrap());
    assert_eq!(status.folder.as_deref(), usb.to_str(), "the setting stays");
    let last = status.last_copy.expect("the failure is recorded");
    assert_eq!(last.file_name, b.file_name);
    assert!(
        last.error
            .as_deref()
            .is_some_and(|e| e.contains("not there")),
        "{last:?}"
    );

    // Plugged back in: the next backup is copied and the problem is gone.
    std::fs::rename(&unplugged, &usb).unwrap();
    let next = backups::create(
        &t.pool,
        &main_folder(&t),
        Reason::Periodic,
        at("2026-12-01 10:30"),
    )
    .await
    .unwrap();
    assert!(usb.join(&next.file_name).is_file());
    let last = second_folder::status(t.path.parent().unwrap())
        .last_copy
        .unwrap();
    assert_eq!((last.file_name, last.error), (next.file_name, None));
}

#[tokio::test]
async fn the_second_folder_is_this_computers_and_survives_restoring_an_older_backup() {
    let t = common::db().await;
    let state = app_state(&t);
    add_plan(&t.pool, "Kept in the backup").await;
    let older = backups::create_now(&t.pool, &state.backup_dir(), Reason::Manual)
        .await
        .unwrap();
    let usb = with_second_folder(&t).await;

    let outcome = ladder_lib::commands::backups::restore_file(
        &state,
        state.backup_dir().join(&older.file_name),
    )
    .await
    .unwrap();
    assert_eq!(plan_titles(&state.user()).await, ["Kept in the backup"]);
    let status = second_folder::status(&state.data_dir);
    assert_eq!(
        status.folder.as_deref(),
        usb.to_str(),
        "the backup from before the folder was chosen does not unset it"
    );
    assert!(
        usb.join(&outcome.before.file_name).is_file(),
        "the backup taken before the restore was copied too"
    );
}

#[tokio::test]
async fn a_second_folder_must_exist_be_writable_and_not_be_the_main_one() {
    let t = common::db().await;
    let data = t.path.parent().unwrap();
    std::fs::create_dir_all(main_folder(&t)).unwrap();
    let a_file = t._dir.path().join("a-file");
    std::fs::write(&a_file, "x").unwrap();
    for (folder, says) in [
        (t._dir.path().join("nowhere"), "not a folder that exists"),
        (a_file, "not a folder that exists"),
        (main_folder(&t), "main backups folder"),
        (
            backups::folder(&main_folder(&t).join("..")),
            "main backups folder",
        ),
    ] {
        let err = second_folder::choose(data, &folder)
            .await
            .expect_err("refused");
        assert!(
            err.to_string().contains(says),
            "{}: {err}",
            folder.display()
        );
        assert_eq!(err.field(), Some("folder"));
        assert_eq!(second_folder::status(data).folder, None, "nothing saved");
    }
    // Stopping keeps the copies: the folder is the user's drive.
    let usb = with_second_folder(&t).await;
    backups::create(
        &t.pool,
        &main_folder(&t),
        Reason::Manual,
        at("2026-12-01 10:00"),
    )
    .await
    .unwrap();
    let stopped = second_folder::clear(data).unwrap();
    assert_eq!((stopped.folder, stopped.last_copy), (None, None));
    backups::create(
        &t.pool,
        &main_folder(&t),
        Reason::Manual,
        at("2026-12-01 10:30"),
    )
    .await
    .unwrap();
    assert_eq!(names(&usb), ["ladder-20261201-100000-manual.sqlite3"]);
}
