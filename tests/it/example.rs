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
