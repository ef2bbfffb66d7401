use ladder_lib::framework::settings::{self, SettingsInput};
use ladder_lib::wins::win::{self, WinInput};
use ladder_lib::{demo::example, infra::db, planning::plans};

use crate::common::{self, today};

#[tokio::test]
async fn the_example_comes_and_goes_without_touching_the_users_data() {
    let dir = tempfile::tempdir().unwrap();
    let user = db::connect(&dir.path().join(db::DB_FILE)).await.unwrap();
    common::plan(&user, "My own plan").await;
    let before = dump(&user).await;

    assert!(example::open(dir.path()).await.unwrap().is_none());
    let shown = example::load(dir.path(), today()).await.unwrap();
    assert_eq!(
        plans::list(&shown).await.unwrap().len(),
        example::SCALE.plans
    );
    let meetings: i64 = sqlx::query_scalar("SELECT count(*) FROM one_on_ones")
        .fetch_one(&shown)
        .await
        .unwrap();
    assert_eq!(meetings, example::SCALE.one_on_ones as i64);
    // A restart finds it again.
    shown.close().await;
    let shown = example::open(dir.path())
        .await
        .unwrap()
        .expect("still there");

    example::remove(dir.path(), shown).await.unwrap();
    assert!(!example::exists(dir.path()));
    assert!(!dir.path().join(example::DIR).exists());
    assert_eq!(dump(&user).await, before);
    assert_eq!(plans::list(&user).await.unwrap()[0].title, "My own plan");
}

#[tokio::test]
async fn an_example_just_loaded_is_unchanged_even_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let shown = example::load(dir.path(), today()).await.unwrap();
    assert_eq!(example::changes(dir.path(), &shown).await.unwrap(), None);
    // Reading what the screens read writes nothing that counts.
    ladder_lib::views::dashboard::dashboard(&shown, today())
        .await
        .unwrap();
    shown.close().await;
    let shown = example::open(dir.path()).await.unwrap().unwrap();
    assert_eq!(example::changes(dir.path(), &shown).await.unwrap(), None);
}

#[tokio::test]
async fn a_change_in_the_example_is_reported_with_what_the_log_says() {
    let dir = tempfile::tempdir().unwrap();
    let shown = example::load(dir.path(), today()).await.unwrap();
    for title in ["Typed into the example", "And a second win"] {
        let input = WinInput {
            title: title.into(),
            ..Default::default()
        };
        win::create(&shown, input, today()).await.unwrap();
    }
    let changes = example::changes(dir.path(), &shown)
        .await
        .unwrap()
        .expect("two wins were added");
    assert_eq!(changes.logged, 2);
    let summaries: Vec<_> = changes.recent.iter().map(|c| c.summary.as_str()).collect();
    assert_eq!(summaries.len(), 2, "{summaries:?}");
    assert!(
        summaries[0].contains("And a second win"),
        "newest first: {summaries:?}"
    );
    assert!(
        summaries[1].contains("Typed into the example"),
        "{summaries:?}"
    );
    // Still changed after a restart: the baseline is on disk, not in memory.
    shown.close().await;
    let shown = example::open(dir.path()).await.unwrap().unwrap();
    let again = example::changes(dir.path(), &shown).await.unwrap();
    assert_eq!(again, Some(changes));
}

#[tokio::test]
async fn a_change_the_activity_log_does_not_record_still_counts() {
    let dir = tempfile::tempdir().unwrap();
    let shown = example::load(dir.path(), today()).await.unwrap();
    let fiscal = SettingsInput {
        fiscal_year_start_month: Some(4),
        ..SettingsInput::default()
    };
    settings::update(&shown, fiscal).await.unwrap();
    let changes = example::changes(dir.path(), &shown).await.unwrap();
    let changes = changes.expect("a setting changed");
    assert_eq!((changes.logged, changes.recent.len()), (0, 0));

    // So does a single character typed into a 1:1's notes, written straight to the file.
    let dir = tempfile::tempdir().unwrap();
    let shown = example::load(dir.path(), today()).await.unwrap();
    sqlx::query(
        "UPDATE one_on_ones SET notes = notes || 'x' WHERE id = (SELECT min(id) FROM one_on_ones)",
    )
    .execute(&shown)
    .await
    .unwrap();
    assert!(example::changes(dir.path(), &shown)
        .await
        .unwrap()
        .is_some());
}

#[tokio::test]
async fn an_example_whose_baseline_is_missing_or_damaged_counts_as_changed() {
    for damage in [
        None,
        Some("{not json"),
        Some(r#"{"lastActivityId":0,"fingerprint":"0"}"#),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let shown = example::load(dir.path(), today()).await.unwrap();
        let baseline = example::path(dir.path()).with_file_name("loaded.json");
        assert!(baseline.exists(), "the load wrote its baseline");
        match damage {
            None => std::fs::remove_file(&baseline).unwrap(),
            Some(text) => std::fs::write(&baseline, text).unwrap(),
        }
        let changes = example::changes(dir.path(), &shown).await.unwrap();
        assert!(changes.is_some(), "{damage:?}: ask rather than lose typing");
    }
}

/// Every row of every table, as text.
async fn dump(pool: &sqlx::SqlitePool) -> Vec<String> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE 'search_index%' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let n: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM \"{t}\"")))
                .fetch_one(pool)
                .await
                .unwrap();
        let changed: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT max(updated_at) FROM \"{t}\""
        )))
        .fetch_one(pool)
        .await
        .unwrap_or(None);
        out.push(format!("{t}:{n}:{changed:?}"));
    }
    out
}
