use ladder_lib::framework::principles::{self, PrincipleInput};
use ladder_lib::infra::error::{AppError, ErrorKind};
use ladder_lib::planning::goals;
use ladder_lib::wins::coverage;
use ladder_lib::wins::story::{self, Story};
use ladder_lib::wins::win::{self, WinInput};
use sqlx::SqlitePool;

use crate::common::{self, day, done_goal, today, PERFORMANCE};

async fn principle(pool: &SqlitePool, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM principles WHERE name = ?")
        .bind(name)
        .fetch_one(pool)
        .await
        .unwrap()
}

fn win(title: &str) -> WinInput {
    WinInput {
        title: title.to_owned(),
        occurred_on: Some("2026-11-20".into()),
        ..Default::default()
    }
}

fn star(result: &str) -> Story {
    Story {
        situation: "Releases failed one in five times.".into(),
        task: "Make them reliable before peak season.".into(),
        action: "Wrote a checklist and automated the smoke tests.".into(),
        result: result.into(),
    }
}

async fn win_tables(pool: &SqlitePool) -> Vec<i64> {
    let mut counts = Vec::new();
    for t in [
        "achievements",
        "achievement_principles",
        "achievement_links",
        "stories",
        "principles",
        "activity",
    ] {
        counts.push(common::count(pool, t).await);
    }
    counts
}

fn assert_field(err: AppError, kind: ErrorKind, field: &str) {
    assert_eq!((err.kind(), err.field()), (kind, Some(field)), "{err}");
}

#[tokio::test]
async fn a_win_keeps_its_numbers_principles_goal_and_links() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        done_goal("Fix releases", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    let ownership = principle(&t.pool, "Ownership").await;
    let input = WinInput {
        description: Some("Cut failed releases by writing the checklist.".into()),
        focus_area_id: Some(PERFORMANCE),
        goal_id: Some(goal.id),
        impact_metric: Some("Failed releases".into()),
        impact_unit: Some("per month".into()),
        impact_before: Some(8.0),
        impact_after: Some(1.0),
        higher_is_better: Some(false),
        principle_ids: Some(vec![ownership, ownership]),
        links: Some(vec!["https://wiki.example.com/release-checklist".into()]),
        ..win("  Release checklist  ")
    };
    let a = win::create(&t.pool, input, today()).await.unwrap();
    assert_eq!(a.title, "Release checklist");
    assert_eq!(
        (a.impact_before, a.impact_after, a.higher_is_better),
        (Some(8.0), Some(1.0), false)
    );
    assert_eq!(a.principle_ids, vec![ownership]);
    assert_eq!(a.goal_title.as_deref(), Some("Fix releases"));
    let d = ladder_lib::wins::detail::detail(&t.pool, a.id)
        .await
        .unwrap();
    assert_eq!(d.links, ["https://wiki.example.com/release-checklist"]);
    assert!(d.story.is_none());

    // The goal panel lists it; the log is written on the day of the win.
    let g = ladder_lib::views::goal_detail::detail(&t.pool, goal.id, today())
        .await
        .unwrap();
    assert_eq!(g.wins.iter().map(|w| w.id).collect::<Vec<_>>(), [a.id]);
    let log = ladder_lib::infra::activity::for_entity(
        &t.pool,
        ladder_lib::infra::activity::Entity::Achievement,
        a.id,
    )
    .await
    .unwrap();
    assert_eq!(
        (log[0].summary.as_str(), log[0].occurred_on),
        ("Logged a win: \"Release checklist\"", day("2026-11-20"))
    );

    // Deleting the goal keeps the win.
    goals::delete(&t.pool, goal.id, today()).await.unwrap();
    assert_eq!(
        ladder_lib::wins::detail::detail(&t.pool, a.id)
            .await
            .unwrap()
            .win
            .goal_id,
        None
    );
}

#[tokio::test]
async fn the_brag_log_is_newest_first_and_paged() {
    let t = common::db().await;
    for (title, on) in [
        ("Old", "2025-01-10"),
        ("New", "2026-11-01"),
        ("Mid", "2026-03-05"),
    ] {
        let input = WinInput {
            occurred_on: Some(on.into()),
            ..win(title)
        };
        win::create(&t.pool, input, today()).await.unwrap();
    }
    let titles =
        |v: Vec<ladder_lib::wins::win::Win>| v.into_iter().map(|a| a.title).collect::<Vec<_>>();
    assert_eq!(
        titles(win::list(&t.pool, 10, 0).await.unwrap()),
        ["New", "Mid", "Old"]
    );
    assert_eq!(
        titles(win::list(&t.pool, 2, 1).await.unwrap()),
        ["Mid", "Old"]
    );
}

#[tokio::test]
async fn bad_wins_are_refused_at_their_field_and_nothing_is_written() {
    let t = common::db().await;
    let before = win_tables(&t.pool).await;
    let cases: Vec<(WinInput, &str)> = vec![
        (win(""), "title"),
        (win(&"t".repeat(201)), "title"),
        (
            WinInput {
                description: Some("d".repeat(20_001)),
                ..win("Ok")
            },
            "description",
        ),
        (
            WinInput {
                occurred_on: Some("2026-11-27".into()),
                ..win("Ok")
            },
            "occurredOn",
        ),
        (
            WinInput {
                focus_area_id: Some(0),
                ..win("Ok")
            },
            "focusAreaId",
        ),
        (
            WinInput {
                goal_id: Some(404),
                ..win("Ok")
            },
            "goalId",
        ),
        (
            WinInput {
                principle_ids: Some(vec![999]),
                ..win("Ok")
            },
            "principleIds",
        ),
        (
            WinInput {
                impact_metric: Some("Latency".into()),
                ..win("Ok")
            },
            "impactAfter",
        ),
        (
            WinInput {
                impact_after: Some(3.0),
                ..win("Ok")
            },
            "impactMetric",
        ),
        (
            WinInput {
                impact_metric: Some("Latency".into()),
                impact_after: Some(f64::NAN),
                ..win("Ok")
            },
            "impactAfter",
        ),
        (
            WinInput {
                impact_metric: Some("Latency".into()),
                impact_before: Some(f64::INFINITY),
                impact_after: Some(2.0),
                ..win("Ok")
            },
            "impactBefore",
        ),
        (
            WinInput {
                links: Some(vec!["file:///etc/passwd".into()]),
                ..win("Ok")
            },
            "links",
        ),
    ];
    for (input, field) in cases {
        assert_field(
            win::create(&t.pool, input, today()).await.unwrap_err(),
            ErrorKind::Invalid,
            field,
        );
    }
    assert_eq!(win_tables(&t.pool).await, before, "nothing written");
}

#[tokio::test]
async fn a_star_story_belongs_to_an_existing_win_and_can_be_rewritten() {
    let t = common::db().await;
    let before = win_tables(&t.pool).await;
    let err = story::save(&t.pool, 777, star("Zero failed releases."), today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(win_tables(&t.pool).await, before);

    let a = win::create(&t.pool, win("Release checklist"), today())
        .await
        .unwrap();
    story::save(&t.pool, a.id, star("One failure in three months."), today())
        .await
        .unwrap();
    story::save(&t.pool, a.id, star("Zero failed releases."), today())
        .await
        .unwrap();
    let d = ladder_lib::wins::detail::detail(&t.pool, a.id)
        .await
        .unwrap();
    assert_eq!(d.story.unwrap().result, "Zero failed releases.");
    assert!(d.win.has_story);
    assert_eq!(common::count(&t.pool, "stories").await, 1);

    let long = Story {
        action: "a".repeat(20_001),
        ..star("x")
    };
    let err = story::save(&t.pool, a.id, long, today()).await.unwrap_err();
    assert_field(err, ErrorKind::Invalid, "action");
    let unknown = ladder_lib::infra::input::parse::<Story>(
        serde_json::json!({"situation": "", "task": "", "action": "", "result": "", "lesson": ""}),
    );
    assert_field(unknown.unwrap_err(), ErrorKind::Invalid, "lesson");
}

#[tokio::test]
async fn principles_are_renamed_added_retired_and_reordered() {
    let t = common::db().await;
    let ownership = principle(&t.pool, "Ownership").await;
    let renamed = principles::update(
        &t.pool,
        ownership,
        PrincipleInput {
            name: "Owner mindset".into(),
            description: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(renamed.name, "Owner mindset");
    assert!(!renamed.description.is_empty(), "the description stays");

    let before = win_tables(&t.pool).await;
    let dup = principles::update(
        &t.pool,
        ownership,
        PrincipleInput {
            name: "frugality".into(),
            description: None,
        },
    )
    .await;
    assert_field(dup.unwrap_err(), ErrorKind::Conflict, "name");
    let dup = principles::add(
        &t.pool,
        PrincipleInput {
            name: "  DIVE DEEP ".into(),
            description: None,
        },
    )
    .await;
    assert_field(dup.unwrap_err(), ErrorKind::Conflict, "name");
    let empty = principles::add(
        &t.pool,
        PrincipleInput {
            name: " ".into(),
            description: None,
        },
    )
    .await;
    assert_field(empty.unwrap_err(), ErrorKind::Invalid, "name");
    assert_eq!(win_tables(&t.pool).await, before, "nothing written");

    let added = principles::add(
        &t.pool,
        PrincipleInput {
            name: "Security first".into(),
            description: Some("Safety before speed.".into()),
        },
    )
    .await
    .unwrap();
    assert_eq!(added.position, 17);
    let frugality = principle(&t.pool, "Frugality").await;
    principles::set_retired(&t.pool, frugality, true, today())
        .await
        .unwrap();
    let active = principles::list(&t.pool, false).await.unwrap();
    assert_eq!(active.len(), 16);
    assert!(active.iter().all(|p| p.name != "Frugality"));

    let mut ids: Vec<i64> = active.iter().map(|p| p.id).collect();
    ids.rotate_right(1);
    let reordered = principles::reorder(&t.pool, ids.clone()).await.unwrap();
    assert_eq!(reordered[0].name, "Security first");
    let err = principles::reorder(&t.pool, ids[1..].to_vec())
        .await
        .unwrap_err();
    assert_field(err, ErrorKind::Invalid, "order");
}

#[tokio::test]
async fn restoring_the_defaults_undoes_edits_and_retires_additions() {
    let t = common::db().await;
    let ownership = principle(&t.pool, "Ownership").await;
    let frugality = principle(&t.pool, "Frugality").await;
    principles::update(
        &t.pool,
        ownership,
        PrincipleInput {
            name: "Owner mindset".into(),
            description: Some("Mine.".into()),
        },
    )
    .await
    .unwrap();
    // A name swap that a naive restore would trip over (names are unique).
    principles::update(
        &t.pool,
        frugality,
        PrincipleInput {
            name: "Ownership".into(),
            description: None,
        },
    )
    .await
    .unwrap();
    principles::set_retired(
        &t.pool,
        principle(&t.pool, "Dive Deep").await,
        true,
        today(),
    )
    .await
    .unwrap();
    let mine = principles::add(
        &t.pool,
        PrincipleInput {
            name: "Security first".into(),
            description: None,
        },
    )
    .await
    .unwrap();

    let all = principles::restore_defaults(&t.pool, today())
        .await
        .unwrap();
    let active = principles::list(&t.pool, false).await.unwrap();
    assert_eq!(active.len(), 16);
    assert_eq!(active[1].name, "Ownership");
    assert_eq!(active[9].name, "Frugality");
    assert!(active.iter().any(|p| p.name == "Dive Deep"));
    assert!(active[1].description.starts_with("Act for the long term"));
    let kept = all.iter().find(|p| p.id == mine.id).unwrap();
    assert_eq!(
        (kept.name.as_str(), kept.retired_on),
        ("Security first", Some(today())),
        "kept but retired"
    );
}

#[tokio::test]
async fn coverage_counts_stories_per_active_principle_and_follows_renames() {
    let t = common::db().await;
    let ownership = principle(&t.pool, "Ownership").await;
    let dive = principle(&t.pool, "Dive Deep").await;
    let tagged = |ids: Vec<i64>, title: &str| WinInput {
        principle_ids: Some(ids),
        ..win(title)
    };
    let a = win::create(
        &t.pool,
        tagged(vec![ownership, dive], "Release checklist"),
        today(),
    )
    .await
    .unwrap();
    let b = win::create(&t.pool, tagged(vec![ownership], "On-call rota"), today())
        .await
        .unwrap();
    // A win without a story is not evidence in the grid yet.
    win::create(&t.pool, tagged(vec![ownership], "No story"), today())
        .await
        .unwrap();
    story::save(&t.pool, a.id, star("Zero failed releases."), today())
        .await
        .unwrap();
    story::save(&t.pool, b.id, star("Pages halved."), today())
        .await
        .unwrap();

    let grid = coverage::coverage(&t.pool).await.unwrap();
    assert_eq!(grid.len(), 16);
    let row = |name: &str| grid.iter().find(|r| r.principle.name == name).unwrap();
    assert_eq!(row("Ownership").story_count, 2);
    assert!(!row("Ownership").needs_more);
    let named: Vec<&str> = row("Dive Deep")
        .recent
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(named, ["Release checklist"]);
    let prep = coverage::stories_for(&t.pool, ownership).await.unwrap();
    let results: Vec<&str> = prep.iter().map(|s| s.result.as_str()).collect();
    assert_eq!(
        results,
        ["Pages halved.", "Zero failed releases."],
        "newest first"
    );
    assert!(row("Dive Deep").needs_more);
    assert!(row("Frugality").needs_more && row("Frugality").story_count == 0);

    principles::update(
        &t.pool,
        ownership,
        PrincipleInput {
            name: "Owner mindset".into(),
            description: None,
        },
    )
    .await
    .unwrap();
    principles::set_retired(&t.pool, dive, true, today())
        .await
        .unwrap();
    let grid = coverage::coverage(&t.pool).await.unwrap();
    assert_eq!(grid.len(), 15, "retired principles leave the grid");
    let renamed = grid
        .iter()
        .find(|r| r.principle.name == "Owner mindset")
        .unwrap();
    assert_eq!(renamed.story_count, 2);
}

#[tokio::test]
async fn the_grid_names_the_three_newest_stories_and_counts_the_rest() {
    let t = common::db().await;
    let ownership = principle(&t.pool, "Ownership").await;
    for day_of_month in 1..=5 {
        let input = WinInput {
            occurred_on: Some(format!("2026-11-0{day_of_month}")),
            principle_ids: Some(vec![ownership]),
            // Quotes, a backslash and a non-ASCII mark travel through the grid's JSON intact.
            ..win(&format!("Win {day_of_month} \"A\\B\" ✓"))
        };
        let a = win::create(&t.pool, input, today()).await.unwrap();
        story::save(&t.pool, a.id, star("Done."), today())
            .await
            .unwrap();
    }
    let grid = coverage::coverage(&t.pool).await.unwrap();
    let row = grid.iter().find(|r| r.principle.id == ownership).unwrap();
    assert_eq!(row.story_count, 5);
    let named: Vec<&str> = row.recent.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        named,
        ["Win 5 \"A\\B\" ✓", "Win 4 \"A\\B\" ✓", "Win 3 \"A\\B\" ✓"]
    );
    assert_eq!(row.recent[0].occurred_on, day("2026-11-05"));
}
