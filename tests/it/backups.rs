//! Backups: whole copies taken while the app runs, kept by the rotation, and taken only
//! when something changed.

use std::path::Path;

use chrono::NaiveDateTime;
use ladder_lib::infra::backups::{self, Reason};
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
