//! The CSV file as the import commands see it: read in Rust within the limits, held
//! under a one-time token, never named by the web view.

use std::io::Write;
use std::time::{Duration, Instant};

use ladder_lib::commands::learning::{import_held, preview_file};
use ladder_lib::infra::limits::{self, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS};
use ladder_lib::learning::csv_import::{self, OnDuplicate};

use crate::backups::app_state;
use crate::common::{self, today};

const LIMITS: &str = "Ladder imports files of up to 20 MB and 50,000 rows.";

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    // Sparse: 20 MB and one byte on the file's size, nothing on the disk.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(IMPORT_MAX_BYTES + 1).unwrap();
    let err = limits::read_import_file(&path).unwrap_err();
    assert_eq!(err.field(), Some("file"));
    assert!(
        err.to_string().starts_with("This file is 20.0 MB: "),
        "{err}"
    );
    assert!(err.to_string().contains(LIMITS), "{err}");

    file.set_len(IMPORT_MAX_BYTES).unwrap();
    assert_eq!(
        limits::read_import_file(&path).unwrap().len() as u64,
        IMPORT_MAX_BYTES,
        "the limit itself is allowed"
    );
}

#[test]
fn devices_pipes_and_folders_are_refused_without_reading() {
    let started = Instant::now();
    for path in ["/dev/zero", "/dev/urandom", "/tmp"] {
        let err = limits::read_import_file(std::path::Path::new(path)).unwrap_err();
        assert!(
            err.to_string().starts_with("This is not a regular file"),
            "{path}: {err}"
        );
    }
    // A pipe with no writer: opening it for reading would wait forever.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let err = limits::read_import_file(&fifo).unwrap_err();
    assert!(
        err.to_string().starts_with("This is not a regular file"),
        "{err}"
    );
    // A link to a device is judged by what it points to.
    let link = dir.path().join("zero.csv");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    assert!(limits::read_import_file(&link).is_err());
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "refused at once, not after reading"
    );
}

#[tokio::test]
async fn a_file_with_too_many_rows_is_refused_at_the_first_row_past_the_limit() {
    let t = common::db().await;
    let mut text = String::from("title\n");
    for i in 0..IMPORT_MAX_ROWS {
        text.push_str(&format!("Course {i}\n"));
    }
    let at_limit = csv_import::preview(&t.pool, text.as_bytes()).await.unwrap();
    assert_eq!(at_limit.total_rows, IMPORT_MAX_ROWS);

    // One row more, then a quote never closed: reading stops before it.
    text.push_str("One too many\n\"never closed\n");
    let err = csv_import::preview(&t.pool, text.as_bytes())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("file"));
    assert!(
        err.to_string()
            .starts_with("This file has more than 50,000 rows: "),
        "{err}"
    );
    assert!(err.to_string().contains(LIMITS), "{err}");
    let err = csv_import::import(
        &t.pool,
        text.as_bytes(),
        OnDuplicate::Skip,
        today(),
        |_, _| {},
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains(LIMITS), "{err}");
    assert_eq!(common::count(&t.pool, "resources").await, 0);
}

#[tokio::test]
async fn a_file_that_is_not_utf8_is_refused_with_the_way_to_save_it() {
    let t = common::db().await;
    let state = app_state(&t);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "latin1.csv", b"title\nFine\nCaf\xe9 course\n");
    let err = preview_file(&state, path).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "Row 3: the file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again."
    );
}

#[tokio::test]
async fn only_the_token_of_the_preview_imports_and_only_once() {
    let t = common::db().await;
    let state = app_state(&t);
    let dir = tempfile::tempdir().unwrap();
    let chosen = write(dir.path(), "chosen.csv", b"title\nChosen course\n");
    let other = write(dir.path(), "other.csv", b"title\nOther course\n");

    let picked = preview_file(&state, chosen.clone()).await.unwrap();
    assert_eq!(picked.file_name, "chosen.csv");
    assert_eq!(picked.preview.total_rows, 1);
    assert!(
        !picked.token.contains('/') && picked.token.len() >= 32,
        "a token, not a path: {}",
        picked.token
    );

    // A page script passing a path, or anything else, gets nothing read or written.
    for forged in [
        other.display().to_string(),
        chosen.display().to_string(),
        "/dev/zero".to_owned(),
        String::new(),
        picked.token.to_uppercase(),
    ] {
        let err = import_held(&state, &forged, OnDuplicate::Skip, today(), |_, _| {})
            .await
            .unwrap_err();
        assert_eq!(err.field(), Some("token"), "{forged}");
        assert_eq!(common::count(&t.pool, "resources").await, 0, "{forged}");
    }

    // What is imported is what was previewed, even if the file changed since.
    std::fs::File::options()
        .append(true)
        .open(&chosen)
        .unwrap()
        .write_all(b"Added later\n")
        .unwrap();
    let outcome = import_held(&state, &picked.token, OnDuplicate::Skip, today(), |_, _| {})
        .await
        .unwrap();
    assert_eq!(outcome.created, 1);
    let titles: Vec<String> = sqlx::query_scalar("SELECT title FROM resources")
        .fetch_all(&t.pool)
        .await
        .unwrap();
    assert_eq!(titles, ["Chosen course"]);

    let again = import_held(&state, &picked.token, OnDuplicate::Skip, today(), |_, _| {})
        .await
        .unwrap_err();
    assert_eq!(again.field(), Some("token"), "a token is used once");
    assert_eq!(common::count(&t.pool, "resources").await, 1);
}

#[tokio::test]
async fn a_new_preview_replaces_the_one_before() {
    let t = common::db().await;
    let state = app_state(&t);
    let dir = tempfile::tempdir().unwrap();
    let first = preview_file(&state, write(dir.path(), "a.csv", b"title\nA\n"))
        .await
        .unwrap();
    let second = preview_file(&state, write(dir.path(), "b.csv", b"title\nB\n"))
        .await
        .unwrap();
    assert!(
        import_held(&state, &first.token, OnDuplicate::Skip, today(), |_, _| {})
            .await
            .is_err()
    );
    import_held(&state, &second.token, OnDuplicate::Skip, today(), |_, _| {})
        .await
        .unwrap();
    let titles: Vec<String> = sqlx::query_scalar("SELECT title FROM resources")
        .fetch_all(&t.pool)
        .await
        .unwrap();
    assert_eq!(titles, ["B"]);
}

#[test]
fn no_command_takes_a_path_from_the_web_view() {
    use ladder_lib::commands::COMMANDS;
    let import = COMMANDS.iter().find(|c| c.name == "import_csv").unwrap();
    let names: Vec<&str> = import.args.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, ["token", "on_duplicate"]);
    // The one file name a command takes is a backup's, matched against the listing of
    // the backups folder (tests/it/backups.rs), never joined to a path as given.
    for c in COMMANDS {
        for (arg, _) in c.args {
            let pathlike = ["path", "file", "dir", "folder"]
                .iter()
                .any(|w| arg.contains(w));
            assert!(
                !pathlike || (c.name, *arg) == ("restore_backup", "file_name"),
                "{}({arg}) looks like a path from the UI",
                c.name
            );
        }
    }
}

#[tokio::test]
async fn a_backup_is_named_only_from_the_backups_listing() {
    let t = common::db().await;
    let state = app_state(&t);
    let taken = ladder_lib::infra::backups::create_now(
        &t.pool,
        &state.backup_dir(),
        ladder_lib::infra::backups::Reason::Manual,
    )
    .await
    .unwrap();
    let listed = ladder_lib::commands::backups::listed_backup(&state, &taken.file_name).unwrap();
    assert_eq!(listed, state.backup_dir().join(&taken.file_name));
    let db = t.path.display().to_string();
    for forged in [
        "../ladder.sqlite3",
        db.as_str(),
        "/etc/passwd",
        &format!("../backups/{}", taken.file_name),
    ] {
        let err = ladder_lib::commands::backups::listed_backup(&state, forged).unwrap_err();
        assert_eq!(err.field(), Some("fileName"), "{forged}");
    }
}
