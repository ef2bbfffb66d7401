use ladder_lib::infra::db;
use ladder_lib::one_on_ones::schedule;
use ladder_lib::people::person::{self, PersonInput};
use ladder_lib::planning::goals::{self, GoalInput};
use ladder_lib::views::search::{self, SearchHit, SearchKind};
use ladder_lib::wins::win::{self, WinInput};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::SqlitePool;

use crate::common::{self, done_goal, today, LEADERSHIP_QUALITIES};

fn found(hits: &[SearchHit]) -> Vec<(SearchKind, String)> {
    hits.iter()
        .map(|h| {
            (
                h.kind,
                h.title.iter().map(|s| s.text.as_str()).collect::<String>(),
            )
        })
        .collect()
}

async fn win(pool: &SqlitePool, title: &str, description: &str) -> i64 {
    win::create(
        pool,
        WinInput {
            title: title.into(),
            description: Some(description.into()),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap()
    .id
}

#[tokio::test]
async fn a_word_in_the_title_ranks_above_the_same_word_in_the_text() {
    let t = common::db().await;
    win(&t.pool, "Ran the budget review", "").await;
    win(
        &t.pool,
        "Shipped the importer",
        "It saved the budget review two days.",
    )
    .await;
    let plan = common::plan(&t.pool, "Q4").await;
    goals::create(
        &t.pool,
        plan.id,
        done_goal("Own the budget", LEADERSHIP_QUALITIES),
        today(),
    )
    .await
    .unwrap();
    let hits = search::search(&t.pool, "budget review", 10).await.unwrap();
    assert_eq!(
        found(&hits),
        [
            (SearchKind::Achievement, "Ran the budget review".to_owned()),
            (SearchKind::Achievement, "Shipped the importer".to_owned()),
        ]
    );
    // The match is marked in the title, and in the snippet of the text.
    let marked: Vec<&str> = hits[0]
        .title
        .iter()
        .filter(|s| s.hit)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(marked, ["budget", "review"]);
    assert!(hits[1].snippet.iter().any(|s| s.hit && s.text == "budget"));
    // Prefixes match: "budg" finds all three, the goal carrying its plan for the link.
    let hits = search::search(&t.pool, "budg", 10).await.unwrap();
    assert_eq!(hits.len(), 3);
    let goal = hits.iter().find(|h| h.kind == SearchKind::Goal).unwrap();
    assert_eq!(goal.plan_id, Some(plan.id));
    assert_eq!(goal.context.as_deref(), Some("Q4"), "a goal names its plan");
    assert_eq!(goal.goal_id, Some(goal.id), "and opens itself in it");
}

#[tokio::test]
async fn the_index_follows_edits_and_deletes() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let g = goals::create(
        &t.pool,
        plan.id,
        GoalInput {
            why: Some("The quarterly offsite needs an owner".into()),
            ..done_goal("Plan the offsite", LEADERSHIP_QUALITIES)
        },
        today(),
    )
    .await
    .unwrap();
    assert_eq!(search::search(&t.pool, "owner", 5).await.unwrap().len(), 1);
    goals::update(
        &t.pool,
        g.id,
        GoalInput {
            why: Some("Nobody else volunteered".into()),
            ..done_goal("Run the offsite", LEADERSHIP_QUALITIES)
        },
        today(),
    )
    .await
    .unwrap();
    assert!(search::search(&t.pool, "owner", 5)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        found(&search::search(&t.pool, "volunteered", 5).await.unwrap()),
        [(SearchKind::Goal, "Run the offsite".to_owned())]
    );
    goals::delete(&t.pool, g.id, today()).await.unwrap();
    assert!(search::search(&t.pool, "offsite", 5)
        .await
        .unwrap()
        .is_empty());

    // 1:1 notes and people are found too, and point at the person.
    let dana = person::create(
        &t.pool,
        PersonInput {
            name: "Dana Kim".into(),
            is_my_manager: Some(true),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let m = common::one_on_one(&t.pool, None, "2026-11-26").await;
    schedule::save_notes(&t.pool, m, "Agreed to pilot the rotation in January.")
        .await
        .unwrap();
    let hits = search::search(&t.pool, "rotation", 5).await.unwrap();
    assert_eq!(
        found(&hits),
        [(
            SearchKind::OneOnOne,
            "1:1 with Dana Kim, 2026-11-26".to_owned()
        )]
    );
    assert_eq!(hits[0].person_id, Some(dana.id));

    // Renaming the person renames the 1:1 in the results.
    person::update(
        &t.pool,
        dana.id,
        PersonInput {
            name: "Dana Okafor".into(),
            is_my_manager: Some(true),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        found(&search::search(&t.pool, "rotation", 5).await.unwrap()),
        [(
            SearchKind::OneOnOne,
            "1:1 with Dana Okafor, 2026-11-26".to_owned()
        )]
    );
    assert_eq!(search::search(&t.pool, "okafor", 5).await.unwrap().len(), 2);
}

#[tokio::test]
async fn any_input_is_searched_as_words_without_an_error() {
    let t = common::db().await;
    win(
        &t.pool,
        "NEAR the finish line",
        "A (bracketed) note with \"quotes\" and a-dash",
    )
    .await;
    for input in [
        "\"",
        "\"quotes",
        "*",
        "finish*",
        "NEAR",
        "NEAR(finish line)",
        "-dash",
        "a-dash",
        "((bracketed",
        "bracketed)",
        "AND OR NOT",
        "^finish",
        "title:finish",
        "",
        "   ",
        "🙂",
    ] {
        let hits = search::search(&t.pool, input, 10).await;
        assert!(hits.is_ok(), "{input:?}: {hits:?}");
    }
    let words = |q: &str| {
        let pool = t.pool.clone();
        let q = q.to_owned();
        async move { search::search(&pool, &q, 10).await.unwrap().len() }
    };
    assert_eq!(words("\"quotes").await, 1);
    assert_eq!(words("NEAR(finish line)").await, 1);
    assert_eq!(words("-dash").await, 1);
    assert_eq!(words("((bracketed").await, 1);
    assert_eq!(words("finish*").await, 1);
    assert_eq!(words("*").await, 0);
    assert_eq!(
        words("title:finish").await,
        0,
        "no column filter: 'title' is a word here"
    );
    let long = "finish ".repeat(715) + "x";
    assert!(long.len() >= 5_000);
    assert_eq!(
        words(&long).await,
        1,
        "only the first words of a long paste count"
    );
}

#[tokio::test]
async fn upgrading_indexes_what_was_already_there() {
    let dir = tempfile::tempdir().unwrap();
    let before_search = dir.path().join("migrations");
    std::fs::create_dir_all(&before_search).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with("_search.sql"))
        .collect();
    files.sort();
    for f in &files {
        std::fs::copy(f, before_search.join(f.file_name().unwrap())).unwrap();
    }
    let path = dir.path().join("ladder.sqlite3");
    {
        let pool = SqlitePool::connect_with(
            SqliteConnectOptions::new()
                .filename(&path)
                .create_if_missing(true),
        )
        .await
        .unwrap();
        sqlx::migrate::Migrator::new(before_search.as_path())
            .await
            .unwrap()
            .run(&pool)
            .await
            .unwrap();
        sqlx::query("INSERT INTO achievements (occurred_on, title) VALUES ('2026-11-02', 'Kept the lights on')")
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    }
    let pool = db::connect(&path).await.unwrap();
    assert_eq!(
        found(&search::search(&pool, "lights", 5).await.unwrap()),
        [(SearchKind::Achievement, "Kept the lights on".to_owned())]
    );
}
