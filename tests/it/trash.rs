//! The trash: a delete takes a record and all that goes with it out of every screen and
//! search, and restoring brings back exactly what went, on a real file.

use ladder_lib::demo::generator::{self, Scale};
use ladder_lib::framework::principles::{self, PrincipleInput};
use ladder_lib::infra::trash::{self, TrashKind};
use ladder_lib::learning::resources;
use ladder_lib::learning::resources::ResourceInput;
use ladder_lib::people::person::{self, PersonInput, Removal};
use ladder_lib::planning::{goals, plans, plans::PlanStatus};
use ladder_lib::views::search;
use ladder_lib::wins::win;
use ladder_lib::wins::win::WinInput;
use ladder_lib::workflows::trash as restoring;
use sqlx::SqlitePool;

use crate::common::{self, today};

const SMALL: Scale = Scale {
    goals_per_plan: 4,
    milestones_per_goal: 2,
    check_ins_per_goal: 2,
    wins_per_plan: 3,
    resources_per_plan: 2,
    entries_per_resource: 2,
    people: 5,
    requests_per_plan: 2,
    one_on_ones: 12,
    conversations_per_plan: 0,
    opportunities_per_plan: 0,
    expectations: 0,
    ..Scale::STANDARD
};

/// Every row of every table the user's record lives in, as text, so two states of the
/// file can be compared. The log, the trash itself and `updated_at` (a relinked row is
/// touched) are left out.
async fn everything(pool: &SqlitePool) -> Vec<String> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE 'trash%' AND name NOT LIKE 'search_index%'
           AND name NOT IN ('activity', '_sqlx_migrations') ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let columns: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM pragma_table_info(?) WHERE name <> 'updated_at' ORDER BY cid",
        )
        .bind(&table)
        .fetch_all(pool)
        .await
        .unwrap();
        let pairs: Vec<String> = columns.iter().map(|c| format!("'{c}', \"{c}\"")).collect();
        let sql = format!(
            "SELECT '{table} ' || json_object({}) FROM \"{table}\" ORDER BY rowid",
            pairs.join(", ")
        );
        let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_all(pool)
            .await
            .unwrap();
        out.extend(rows);
    }
    out
}

/// Fails naming only the rows that differ, not the thousands that match.
fn assert_same(now: &[String], before: &[String], what: &str) {
    let missing: Vec<&String> = before.iter().filter(|r| !now.contains(r)).collect();
    let extra: Vec<&String> = now.iter().filter(|r| !before.contains(r)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: missing {missing:#?}\nextra {extra:#?}"
    );
    assert_eq!(now.len(), before.len(), "{what}: no row twice");
}

async fn search_rows(pool: &SqlitePool) -> Vec<(String, i64, String)> {
    sqlx::query_as("SELECT kind, item_id, title FROM search_index ORDER BY rowid")
        .fetch_all(pool)
        .await
        .unwrap()
}

async fn goal_of(pool: &SqlitePool, id: i64) -> goals::Goal {
    let mut conn = pool.acquire().await.unwrap();
    goals::fetch(&mut conn, id, today()).await.unwrap()
}

async fn win_goal(pool: &SqlitePool, id: i64) -> Option<i64> {
    let mut conn = pool.acquire().await.unwrap();
    win::fetch(&mut conn, id).await.unwrap().goal_id
}

async fn standard(pool: &SqlitePool) {
    generator::generate(pool, today(), SMALL).await.unwrap();
}

#[tokio::test]
async fn a_closed_plan_comes_back_whole_with_every_row_that_went_with_it() {
    let t = common::db().await;
    standard(&t.pool).await;
    let before = everything(&t.pool).await;
    let searched = search_rows(&t.pool).await;
    let old = plans::list(&t.pool).await.unwrap()[3].clone();
    assert_eq!(old.status, PlanStatus::Closed);
    let goals_before = common::count(&t.pool, "goals").await;

    let trashed = plans::delete(&t.pool, old.id, today()).await.unwrap();
    assert!(
        trashed.contents.contains("goals") && trashed.contents.contains("self-assessments"),
        "the notice names what went: {}",
        trashed.contents
    );
    assert!(common::count(&t.pool, "goals").await < goals_before);
    let gone: i64 = sqlx::query_scalar("SELECT count(*) FROM goals WHERE plan_id = ?")
        .bind(old.id)
        .fetch_one(&t.pool)
        .await
        .unwrap();
    assert_eq!(gone, 0, "no goal of a trashed plan is left to show");
    assert_ne!(everything(&t.pool).await, before);

    let back = restoring::restore(&t.pool, trashed.trash_id, today())
        .await
        .unwrap();
    assert_eq!((back.kind, back.record_id), (TrashKind::Plan, old.id));
    assert_same(
        &everything(&t.pool).await,
        &before,
        "every row is back as it was",
    );
    assert_eq!(search_rows(&t.pool).await, searched, "and findable again");
    assert_eq!(common::count(&t.pool, "trash").await, 0);
    assert_eq!(common::count(&t.pool, "trash_rows").await, 0);
}

#[tokio::test]
async fn each_kind_leaves_every_screen_and_comes_back() {
    let t = common::db().await;
    standard(&t.pool).await;
    let before = everything(&t.pool).await;
    let kinds = [
        (TrashKind::Goal, "goals"),
        (TrashKind::Milestone, "milestones"),
        (TrashKind::Win, "achievements"),
        (TrashKind::Resource, "resources"),
        (TrashKind::OneOnOne, "one_on_ones"),
    ];
    for (kind, table) in kinds {
        let id: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT max(id) FROM {table}")))
                .fetch_one(&t.pool)
                .await
                .unwrap();
        let mut conn = t.pool.acquire().await.unwrap();
        let trashed = trash::put(&mut conn, kind, id, "x").await.unwrap();
        drop(conn);
        let left: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT count(*) FROM {table} WHERE id = {id}"
        )))
        .fetch_one(&t.pool)
        .await
        .unwrap();
        assert_eq!(left, 0, "{kind:?} left its table");
        restoring::restore(&t.pool, trashed.trash_id, today())
            .await
            .unwrap();
        assert_same(
            &everything(&t.pool).await,
            &before,
            &format!("{kind:?} came back whole"),
        );
    }
}

#[tokio::test]
async fn a_deleted_goal_leaves_search_and_its_win_and_both_come_back() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        common::done_goal("Mentor Priya weekly", common::LEADERSHIP_QUALITIES),
        today(),
    )
    .await
    .unwrap();
    crate::milestones::add_named(&t.pool, goal.id, "First session").await;
    let input = WinInput {
        title: "Priya shipped".into(),
        goal_id: Some(goal.id),
        ..Default::default()
    };
    let w = win::create(&t.pool, input, today()).await.unwrap();
    let found = |q: &'static str| {
        let pool = t.pool.clone();
        async move { search::search(&pool, q, 20).await.unwrap().len() }
    };
    assert_eq!(found("Priya").await, 2);

    let trashed = goals::delete(&t.pool, goal.id, today()).await.unwrap();
    assert_eq!(trashed.contents, "1 milestone");
    assert_eq!(found("Priya").await, 1, "only the win is still findable");
    assert_eq!(win_goal(&t.pool, w.id).await, None);

    restoring::restore(&t.pool, trashed.trash_id, today())
        .await
        .unwrap();
    assert_eq!(found("Priya").await, 2);
    assert_eq!(
        win_goal(&t.pool, w.id).await,
        Some(goal.id),
        "the win points at it again"
    );
}

#[tokio::test]
async fn a_confirmation_can_name_all_that_goes_and_all_that_is_unlinked() {
    let t = common::db().await;
    standard(&t.pool).await;
    let goal: i64 = sqlx::query_scalar(
        "SELECT g.id FROM goals g WHERE EXISTS (SELECT 1 FROM achievements a WHERE a.goal_id = g.id)
           AND EXISTS (SELECT 1 FROM milestones m WHERE m.goal_id = g.id) LIMIT 1",
    )
    .fetch_one(&t.pool)
    .await
    .unwrap();
    let mut conn = t.pool.acquire().await.unwrap();
    let impact = trash::impact(&mut conn, TrashKind::Goal, goal)
        .await
        .unwrap();
    assert!(
        impact.goes.iter().any(|w| w.ends_with("milestones")),
        "{impact:?}"
    );
    assert!(
        impact.unlinks.iter().any(|w| w.contains("win")),
        "{impact:?}"
    );
    let missing = trash::impact(&mut conn, TrashKind::Goal, 999_999).await;
    assert!(
        missing.is_err(),
        "a record that is not there has no impact to name"
    );
}

#[tokio::test]
async fn an_id_taken_meanwhile_gives_the_restored_record_a_new_one_and_its_rows_follow() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        common::done_goal("Old", common::PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    crate::milestones::add_named(&t.pool, goal.id, "Old step").await;
    let trashed = goals::delete(&t.pool, goal.id, today()).await.unwrap();
    // SQLite hands the freed largest id out again.
    let newer = goals::create(
        &t.pool,
        plan.id,
        common::done_goal("New", common::PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    crate::milestones::add_named(&t.pool, newer.id, "New step").await;
    assert_eq!(newer.id, goal.id);

    let back = restoring::restore(&t.pool, trashed.trash_id, today())
        .await
        .unwrap();
    assert_ne!(back.record_id, goal.id);
    let steps: Vec<(i64, String)> =
        sqlx::query_as("SELECT goal_id, title FROM milestones ORDER BY title")
            .fetch_all(&t.pool)
            .await
            .unwrap();
    assert_eq!(
        steps,
        vec![
            (newer.id, "New step".into()),
            (back.record_id, "Old step".into())
        ]
    );
}

#[tokio::test]
async fn a_goal_of_a_trashed_plan_waits_for_its_plan() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q3 stretch").await;
    let goal = goals::create(
        &t.pool,
        plan.id,
        common::done_goal("Speak", common::NETWORKING),
        today(),
    )
    .await
    .unwrap();
    let goal_trash = goals::delete(&t.pool, goal.id, today()).await.unwrap();
    let plan_trash = plans::delete(&t.pool, plan.id, today()).await.unwrap();

    let refused = restoring::restore(&t.pool, goal_trash.trash_id, today()).await;
    let message = refused.unwrap_err().to_string();
    assert!(
        message.contains("\"Q3 stretch\", which is in the trash too"),
        "{message}"
    );
    assert_eq!(
        common::count(&t.pool, "goals").await,
        0,
        "nothing half restored"
    );
    assert_eq!(common::count(&t.pool, "trash").await, 2);

    restoring::restore(&t.pool, plan_trash.trash_id, today())
        .await
        .unwrap();
    restoring::restore(&t.pool, goal_trash.trash_id, today())
        .await
        .unwrap();
    assert_eq!(goal_of(&t.pool, goal.id).await.plan_id, plan.id);
}

#[tokio::test]
async fn an_active_plan_comes_back_as_a_draft_when_another_is_active() {
    let t = common::db().await;
    let first = common::plan(&t.pool, "Q4").await;
    plans::set_status(&t.pool, first.id, PlanStatus::Active, today())
        .await
        .unwrap();
    let trashed = plans::delete(&t.pool, first.id, today()).await.unwrap();
    let second = common::plan(&t.pool, "Q4 again").await;
    plans::set_status(&t.pool, second.id, PlanStatus::Active, today())
        .await
        .unwrap();

    let back = restoring::restore(&t.pool, trashed.trash_id, today())
        .await
        .unwrap();
    assert!(back.note.contains("draft"), "{}", back.note);
    let statuses: Vec<(String, String)> =
        sqlx::query_as("SELECT title, status FROM plans ORDER BY title")
            .fetch_all(&t.pool)
            .await
            .unwrap();
    assert_eq!(
        statuses,
        vec![
            ("Q4".into(), "draft".into()),
            ("Q4 again".into(), "active".into())
        ]
    );
}

#[tokio::test]
async fn a_person_without_history_goes_to_the_trash_and_comes_back() {
    let t = common::db().await;
    let input = PersonInput {
        name: "Sam Lee".into(),
        ..Default::default()
    };
    let id = person::create(&t.pool, input).await.unwrap().id;
    let Removal::Deleted { trashed } = person::remove(&t.pool, id, today()).await.unwrap() else {
        panic!("a person with no history is deleted, not archived");
    };
    assert_eq!(common::count(&t.pool, "people").await, 0);
    restoring::restore(&t.pool, trashed.trash_id, today())
        .await
        .unwrap();
    let mut conn = t.pool.acquire().await.unwrap();
    assert_eq!(person::fetch(&mut conn, id).await.unwrap().name, "Sam Lee");
}

#[tokio::test]
async fn the_trash_lists_newest_first_and_empties_for_good() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    for title in ["One", "Two"] {
        let g = goals::create(
            &t.pool,
            plan.id,
            common::done_goal(title, common::PERFORMANCE),
            today(),
        )
        .await
        .unwrap();
        goals::delete(&t.pool, g.id, today()).await.unwrap();
    }
    let r = resources::create(
        &t.pool,
        ResourceInput {
            title: "Coaching 101".into(),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap();
    resources::delete(&t.pool, r.id, today()).await.unwrap();
    let mut conn = t.pool.acquire().await.unwrap();
    let listed: Vec<(TrashKind, String)> = trash::list(&mut conn)
        .await
        .unwrap()
        .into_iter()
        .map(|i| (i.kind, i.title))
        .collect();
    assert_eq!(
        listed,
        vec![
            (TrashKind::Resource, "Coaching 101".into()),
            (TrashKind::Goal, "Two".into()),
            (TrashKind::Goal, "One".into()),
        ]
    );
    let first = trash::list(&mut conn).await.unwrap()[0].id;
    trash::discard(&mut conn, first).await.unwrap();
    assert_eq!(trash::list(&mut conn).await.unwrap().len(), 2);
    assert_eq!(trash::empty(&mut conn).await.unwrap(), 2);
    assert!(trash::list(&mut conn).await.unwrap().is_empty());
    assert_eq!(
        common::count(&t.pool, "trash_rows").await,
        0,
        "nothing of it is kept"
    );
    drop(conn);
    let gone = restoring::restore(&t.pool, first, today()).await;
    assert!(gone.is_err(), "an emptied item cannot be restored");
}

#[tokio::test]
async fn a_tag_on_a_principle_deleted_meanwhile_is_left_out_and_the_rest_comes_back() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let principle = principles::add(
        &t.pool,
        PrincipleInput {
            name: "Bias for clarity".into(),
            description: None,
        },
    )
    .await
    .unwrap()
    .id;
    let mut input = common::done_goal("Write the memo", common::PERFORMANCE);
    input.principle_ids = Some(vec![principle]);
    let goal = goals::create(&t.pool, plan.id, input, today())
        .await
        .unwrap();
    let trashed = goals::delete(&t.pool, goal.id, today()).await.unwrap();
    // Principles are only ever retired; this stands for any owner a tag pointed at that
    // went while the goal was in the trash.
    sqlx::query("DELETE FROM principles WHERE id = ?")
        .bind(principle)
        .execute(&t.pool)
        .await
        .unwrap();

    restoring::restore(&t.pool, trashed.trash_id, today())
        .await
        .unwrap();
    assert_eq!(goal_of(&t.pool, goal.id).await.title, "Write the memo");
    assert_eq!(common::count(&t.pool, "goal_principles").await, 0);
}

#[tokio::test]
async fn a_trash_written_by_an_earlier_build_restores_in_this_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join(ladder_lib::infra::db::DB_FILE);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::copy(crate::golden::golden(20261202000001), &path).unwrap();
    let pool = ladder_lib::infra::db::connect(&path).await.unwrap();

    let back = restoring::restore(&pool, 1, today()).await.unwrap();
    assert_eq!((back.kind, back.record_id), (TrashKind::Goal, 90));
    let steps: Vec<String> = sqlx::query_scalar("SELECT title FROM milestones WHERE goal_id = 90")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(steps, ["Book a room"]);
    assert_eq!(
        win_goal(&pool, 1).await,
        Some(90),
        "the win is linked again"
    );
    let found = search::search(&pool, "brown-bag", 10).await.unwrap();
    assert_eq!(found.len(), 1, "and the goal is findable");
}
