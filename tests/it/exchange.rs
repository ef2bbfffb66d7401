//! The export format: lossless into an empty database, merged by uid into one with data,
//! and every broken or hostile file refused with nothing written.

use std::collections::BTreeSet;

use ladder_lib::demo::generator::{self, Scale};
use ladder_lib::infra::limits;
use ladder_lib::workflows::exchange::{self, ImportMode, ImportReport};
use serde_json::{json, Value};
use sqlx::SqlitePool;

use crate::common::{self, today};

const AT: &str = "2026-11-26T12:00:00.000Z";

/// A few quarters of everything, some of it in the trash and some thrown away.
async fn filled() -> common::TestDb {
    let t = common::db().await;
    let scale = Scale {
        plans: 3,
        goals_per_plan: 6,
        milestones_per_goal: 2,
        check_ins_per_goal: 2,
        wins_per_plan: 4,
        resources_per_plan: 3,
        entries_per_resource: 3,
        people: 6,
        requests_per_plan: 3,
        one_on_ones: 6,
        conversations_per_plan: 3,
        opportunities_per_plan: 1,
        expectations: 6,
    };
    generator::generate(&t.pool, today(), scale).await.unwrap();
    let goals: Vec<i64> = sqlx::query_scalar(
        "SELECT g.id FROM goals g JOIN plans p ON p.id = g.plan_id WHERE p.status = 'active' ORDER BY g.id LIMIT 2",
    )
        .fetch_all(&t.pool)
        .await
        .unwrap();
    ladder_lib::planning::goals::delete(&t.pool, goals[0], today())
        .await
        .unwrap();
    let kept = ladder_lib::planning::goals::delete(&t.pool, goals[1], today())
        .await
        .unwrap();
    let mut conn = t.pool.acquire().await.unwrap();
    ladder_lib::infra::trash::discard(&mut conn, kept.trash_id)
        .await
        .unwrap();
    t
}

async fn export(pool: &SqlitePool) -> String {
    exchange::export(pool, "0.1.0", AT, |_, _| {})
        .await
        .unwrap()
        .text
}

async fn import(pool: &SqlitePool, text: &str) -> ImportReport {
    exchange::import(pool, text.as_bytes(), today(), |_, _| {})
        .await
        .unwrap()
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// Every row of every table but the search index and the trash's stored rows, as text.
async fn snapshot(pool: &SqlitePool) -> Vec<String> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%'
         AND name NOT LIKE '_sqlx%' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let sql = format!("SELECT count(*) || ':' || coalesce(sum(length(CAST(t.rowid AS TEXT) || quote(t.rowid))), 0) FROM \"{t}\" t");
        let digest: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(pool)
            .await
            .unwrap();
        let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT json_array(t.*) FROM (SELECT * FROM \"{t}\") t"
        )))
        .fetch_all(pool)
        .await
        .unwrap_or_default();
        out.push(format!("{t} {digest} {}", rows.join("|")));
    }
    out
}

fn without_time(text: &str) -> String {
    text.lines()
        .filter(|l| !l.contains("\"exportedAt\""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn export_import_export_into_an_empty_database_gives_the_same_document() {
    let a = filled().await;
    let first = export(&a.pool).await;
    let b = common::db().await;
    let report = import(&b.pool, &first).await;
    assert_eq!(report.mode, ImportMode::Replace);
    assert_eq!(report.totals.conflicts, 0, "{:?}", report.conflicts);
    assert!(report.totals.added > 500, "{:?}", report.totals);
    let second = exchange::export(&b.pool, "0.1.0", "2027-01-01T00:00:00.000Z", |_, _| {})
        .await
        .unwrap()
        .text;
    assert_ne!(first, second, "the export time differs");
    let (a_text, b_text) = (without_time(&first), without_time(&second));
    let diff = a_text.lines().zip(b_text.lines()).find(|(x, y)| x != y);
    assert!(diff.is_none(), "first difference:\n{diff:?}");
    assert_eq!(a_text.lines().count(), b_text.lines().count());
    // Both tombstones came along; the ids the activity log points at are this
    // computer's own.
    assert_eq!(parse(&second)["tombstones"].as_array().unwrap().len(), 2);
    let dangling: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM activity a WHERE a.entity = 'goal'
         AND EXISTS (SELECT 1 FROM goals g WHERE g.uid = a.entity_uid)
         AND NOT EXISTS (SELECT 1 FROM goals g WHERE g.id = a.entity_id AND g.uid = a.entity_uid)",
    )
    .fetch_one(&b.pool)
    .await
    .unwrap();
    let sample: Vec<(String, i64, Option<String>, String)> = sqlx::query_as(
        "SELECT a.action, a.entity_id, a.entity_uid, a.summary FROM activity a WHERE a.entity = 'goal'
         AND EXISTS (SELECT 1 FROM goals g WHERE g.uid = a.entity_uid)
         AND NOT EXISTS (SELECT 1 FROM goals g WHERE g.id = a.entity_id AND g.uid = a.entity_uid) LIMIT 3",
    )
    .fetch_all(&b.pool)
    .await
    .unwrap();
    assert_eq!(dangling, 0, "{sample:?}");
    let pointing: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM activity a JOIN goals g ON g.id = a.entity_id AND g.uid = a.entity_uid
         WHERE a.entity = 'goal'",
    )
    .fetch_one(&b.pool)
    .await
    .unwrap();
    assert!(
        pointing > 10,
        "the activity points at the imported goals ({pointing})"
    );
}

#[tokio::test]
async fn every_table_with_a_uid_is_in_the_export() {
    let a = filled().await;
    let doc = parse(&export(&a.pool).await);
    let exported: BTreeSet<String> = doc["records"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let with_uid: Vec<String> = sqlx::query_scalar(
        "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name <> 'trash'
         AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'uid')",
    )
    .fetch_all(&a.pool)
    .await
    .unwrap();
    assert!(with_uid.len() >= 29, "{with_uid:?}");
    // The preview names each kind once in words of its own (the UI keys its rows by them).
    let empty = common::db().await;
    let text = export(&a.pool).await;
    let report = exchange::preview(&empty.pool, text.as_bytes(), today())
        .await
        .unwrap();
    let labels: Vec<&str> = report.kinds.iter().map(|k| k.label.as_str()).collect();
    let unique: BTreeSet<&str> = labels.iter().copied().collect();
    assert_eq!(unique.len(), labels.len(), "{labels:?}");
    assert!(!labels.contains(&"other records"), "{labels:?}");
    for table in with_uid {
        let camel = ladder_lib::workflows::exchange::schema::key_of(&table);
        assert!(
            exported.contains(&camel),
            "{table} ({camel}) is not exported"
        );
        let n = common::count(&a.pool, &table).await;
        assert_eq!(
            doc["records"][&camel].as_array().unwrap().len() as i64,
            n,
            "{table}"
        );
    }
}

#[tokio::test]
async fn every_row_has_a_uid_and_the_seeds_have_the_same_ones_everywhere() {
    let a = filled().await;
    let b = common::db().await;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT m.name FROM sqlite_master m WHERE m.type = 'table'
         AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'uid')",
    )
    .fetch_all(&a.pool)
    .await
    .unwrap();
    for t in &tables {
        let sql = format!("SELECT count(*) FROM \"{t}\" WHERE uid IS NULL OR length(uid) <> 36");
        let missing: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(&a.pool)
            .await
            .unwrap();
        assert_eq!(missing, 0, "{t}");
    }
    for t in ["focus_areas", "facets", "settings", "profile"] {
        let sql = format!("SELECT group_concat(uid) FROM (SELECT uid FROM \"{t}\" ORDER BY id)");
        let ua: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone()))
            .fetch_one(&a.pool)
            .await
            .unwrap();
        let ub: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(&b.pool)
            .await
            .unwrap();
        assert_eq!(ua, ub, "{t}");
    }
    let defaults = "SELECT group_concat(uid) FROM (SELECT uid FROM principles WHERE default_name IS NOT NULL ORDER BY default_position)";
    let pa: String = sqlx::query_scalar(defaults)
        .fetch_one(&a.pool)
        .await
        .unwrap();
    let pb: String = sqlx::query_scalar(defaults)
        .fetch_one(&b.pool)
        .await
        .unwrap();
    assert_eq!(pa, pb);
    assert_eq!(pa.split(',').count(), 16);
}

#[tokio::test]
async fn importing_the_same_file_again_changes_nothing() {
    let a = filled().await;
    let text = export(&a.pool).await;
    let before = snapshot(&a.pool).await;
    let report = import(&a.pool, &text).await;
    assert_eq!(report.mode, ImportMode::Merge);
    let t = &report.totals;
    assert_eq!(
        (t.added, t.updated, t.deleted, t.conflicts),
        (0, 0, 0, 0),
        "{t:?}"
    );
    assert!(t.unchanged > 500);
    assert_eq!(snapshot(&a.pool).await, before);
}

/// The first record of `key` in the document.
fn first<'d>(doc: &'d mut Value, key: &str) -> &'d mut serde_json::Map<String, Value> {
    doc["records"][key][0].as_object_mut().unwrap()
}

async fn goal_title(pool: &SqlitePool, uid: &str) -> String {
    sqlx::query_scalar("SELECT title FROM goals WHERE uid = ?")
        .bind(uid)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_newer_side_wins_and_equal_times_are_a_conflict() {
    let a = filled().await;
    let mut doc = parse(&export(&a.pool).await);
    let goals = doc["records"]["goals"].as_array_mut().unwrap();
    let uids: Vec<String> = goals
        .iter()
        .take(3)
        .map(|g| g["uid"].as_str().unwrap().to_owned())
        .collect();
    let old_titles: Vec<String> = goals
        .iter()
        .take(3)
        .map(|g| g["title"].as_str().unwrap().to_owned())
        .collect();
    goals[0]["title"] = json!("Newer in the file");
    goals[0]["updatedAt"] = json!("2099-01-01T00:00:00.000Z");
    goals[1]["title"] = json!("Older in the file");
    goals[1]["updatedAt"] = json!("2000-01-01T00:00:00.000Z");
    goals[2]["title"] = json!("Same moment, other words");
    let report = import(&a.pool, &doc.to_string()).await;
    assert_eq!(report.totals.updated, 1);
    assert_eq!(goal_title(&a.pool, &uids[0]).await, "Newer in the file");
    assert_eq!(goal_title(&a.pool, &uids[1]).await, old_titles[1]);
    assert_eq!(goal_title(&a.pool, &uids[2]).await, old_titles[2]);
    assert_eq!(report.totals.conflicts, 1);
    assert_eq!(report.conflicts[0].title, "Same moment, other words");
    assert!(report.conflicts[0]
        .resolution
        .contains("This computer's version is kept"));
}

#[tokio::test]
async fn a_new_record_is_added_with_its_references() {
    let a = filled().await;
    let mut doc = parse(&export(&a.pool).await);
    let mut goal = first(&mut doc, "goals").clone();
    goal["uid"] = json!("01a23500-0000-7000-8000-000000000001");
    goal["title"] = json!("Brought by the file");
    goal["carriedFromGoalUid"] = Value::Null;
    doc["records"]["goals"]
        .as_array_mut()
        .unwrap()
        .push(Value::Object(goal.clone()));
    let mut milestone = first(&mut doc, "milestones").clone();
    milestone["uid"] = json!("01a23500-0000-7000-8000-000000000002");
    milestone["goalUid"] = goal["uid"].clone();
    milestone["title"] = json!("Its first step");
    doc["records"]["milestones"]
        .as_array_mut()
        .unwrap()
        .push(Value::Object(milestone));
    let report = import(&a.pool, &doc.to_string()).await;
    assert_eq!(report.totals.added, 2, "{:?}", report.kinds);
    let parent: String = sqlx::query_scalar(
        "SELECT g.title FROM milestones m JOIN goals g ON g.id = m.goal_id WHERE m.uid = ?",
    )
    .bind("01a23500-0000-7000-8000-000000000002")
    .fetch_one(&a.pool)
    .await
    .unwrap();
    assert_eq!(parent, "Brought by the file");
    let found: i64 =
        sqlx::query_scalar("SELECT count(*) FROM search_index WHERE search_index MATCH 'Brought'")
            .fetch_one(&a.pool)
            .await
            .unwrap();
    assert_eq!(found, 1, "the search index has the new goal");
}

#[tokio::test]
async fn a_tombstone_newer_than_the_record_puts_it_in_the_trash_and_an_older_one_does_not() {
    let a = filled().await;
    let mut doc = parse(&export(&a.pool).await);
    let goals = doc["records"]["goals"].as_array().unwrap().clone();
    let (gone, stays) = (&goals[2], &goals[3]);
    let tombs = doc["tombstones"].as_array_mut().unwrap();
    tombs.push(
        json!({"uid": "01a23500-0000-7000-8000-0000000000a1", "kind": "goal",
        "recordUid": gone["uid"], "deletedAt": "2099-01-01T00:00:00.000Z"}),
    );
    tombs.push(
        json!({"uid": "01a23500-0000-7000-8000-0000000000a2", "kind": "goal",
        "recordUid": stays["uid"], "deletedAt": "2000-01-01T00:00:00.000Z"}),
    );
    let mut doc2 = doc.clone();
    doc2["records"]["goals"]
        .as_array_mut()
        .unwrap()
        .retain(|g| g["uid"] != gone["uid"] && g["uid"] != stays["uid"]);
    // Children of the deleted goals are not in the file either, as an export would have it.
    for key in [
        "milestones",
        "checkIns",
        "goalFacets",
        "goalPrinciples",
        "goalLinks",
        "resourceGoals",
        "feedbackActions",
    ] {
        doc2["records"][key]
            .as_array_mut()
            .unwrap()
            .retain(|r| r["goalUid"] != gone["uid"] && r["goalUid"] != stays["uid"]);
    }
    let report = import(&a.pool, &doc2.to_string()).await;
    assert_eq!(report.totals.deleted, 1, "{:?}", report.kinds);
    let in_trash: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM trash WHERE record_uid = ? AND uid = '01a23500-0000-7000-8000-0000000000a1' AND discarded_at IS NULL",
    )
    .bind(gone["uid"].as_str())
    .fetch_one(&a.pool)
    .await
    .unwrap();
    assert_eq!(
        in_trash, 1,
        "the deleted goal can be restored from the trash"
    );
    assert_eq!(
        common::count(
            &a.pool,
            &format!("goals WHERE uid = '{}'", stays["uid"].as_str().unwrap())
        )
        .await,
        1
    );
    assert_eq!(
        common::count(
            &a.pool,
            &format!("goals WHERE uid = '{}'", gone["uid"].as_str().unwrap())
        )
        .await,
        0
    );
}

#[tokio::test]
async fn a_second_active_plan_comes_in_as_a_draft_and_a_second_manager_unmarked() {
    let a = filled().await;
    let mut doc = parse(&export(&a.pool).await);
    let plans = doc["records"]["plans"].as_array_mut().unwrap();
    let other = plans.iter_mut().find(|p| p["status"] != "active").unwrap();
    other["status"] = json!("active");
    other["closedOn"] = Value::Null;
    other["updatedAt"] = json!("2099-01-01T00:00:00.000Z");
    let other_uid = other["uid"].as_str().unwrap().to_owned();
    let people = doc["records"]["people"].as_array_mut().unwrap();
    let someone = people.iter_mut().find(|p| p["isMyManager"] == 0).unwrap();
    someone["isMyManager"] = json!(1);
    someone["updatedAt"] = json!("2099-01-01T00:00:00.000Z");
    let mut principle = doc["records"]["principles"][0].clone();
    principle["uid"] = json!("01a23500-0000-7000-8000-0000000000b1");
    principle["name"] = json!(principle["name"].as_str().unwrap().to_uppercase());
    principle["defaultName"] = Value::Null;
    principle["defaultDescription"] = Value::Null;
    principle["defaultPosition"] = Value::Null;
    doc["records"]["principles"]
        .as_array_mut()
        .unwrap()
        .push(principle.clone());
    let report = import(&a.pool, &doc.to_string()).await;
    let problems: Vec<&str> = report
        .conflicts
        .iter()
        .map(|c| c.problem.as_str())
        .collect();
    assert_eq!(report.totals.conflicts, 3, "{problems:?}");
    assert!(problems.contains(&"another plan is active on this computer"));
    assert!(problems.contains(&"someone else is your manager on this computer"));
    assert!(problems.contains(&"this computer has another principle of that name"));
    let status: String = sqlx::query_scalar("SELECT status FROM plans WHERE uid = ?")
        .bind(&other_uid)
        .fetch_one(&a.pool)
        .await
        .unwrap();
    assert_eq!(status, "draft");
    assert_eq!(
        common::count(&a.pool, "plans WHERE status = 'active'").await,
        1
    );
    assert_eq!(
        common::count(&a.pool, "people WHERE is_my_manager = 1").await,
        1
    );
    let renamed: String = sqlx::query_scalar(
        "SELECT name FROM principles WHERE uid = '01a23500-0000-7000-8000-0000000000b1'",
    )
    .fetch_one(&a.pool)
    .await
    .unwrap();
    assert_eq!(
        renamed,
        format!("{} (2)", principle["name"].as_str().unwrap())
    );
}

#[tokio::test]
async fn a_preview_reports_what_the_import_does_and_writes_nothing() {
    let a = filled().await;
    let mut doc = parse(&export(&a.pool).await);
    first(&mut doc, "goals")["title"] = json!("Changed later");
    first(&mut doc, "goals")["updatedAt"] = json!("2099-01-01T00:00:00.000Z");
    let text = doc.to_string();
    let before = snapshot(&a.pool).await;
    let preview = exchange::preview(&a.pool, text.as_bytes(), today())
        .await
        .unwrap();
    assert_eq!(snapshot(&a.pool).await, before);
    let report = import(&a.pool, &text).await;
    assert_eq!(preview, report);
    assert_eq!(report.totals.updated, 1);
}

/// One way to break a good document.
type Change = Box<dyn Fn(&mut Value)>;

async fn refused(pool: &SqlitePool, bytes: &[u8]) -> String {
    let before = snapshot(pool).await;
    let err = exchange::import(pool, bytes, today(), |_, _| {})
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("file"), "{err:?}");
    assert_eq!(snapshot(pool).await, before, "nothing is written");
    err.to_string()
}

#[tokio::test]
async fn broken_and_hostile_files_are_refused_with_nothing_written() {
    let a = filled().await;
    let good = parse(&export(&a.pool).await);
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert!(refused(&a.pool, b"not json at all")
        .await
        .contains("not valid JSON"));
    assert!(refused(&a.pool, deep.as_bytes())
        .await
        .contains("not valid JSON"));
    assert!(refused(&a.pool, b"[1, 2]").await.contains("no JSON object"));
    assert!(refused(&a.pool, br#"{"format": "other"}"#)
        .await
        .contains("not a Ladder export"));
    let cases: Vec<(&str, Change)> = vec![
        (
            "Install Ladder 9.0.0 or newer",
            Box::new(|d| {
                d["formatVersion"] = json!(2);
                d["appVersion"] = json!("9.0.0");
            }),
        ),
        (
            "is not text",
            Box::new(|d| {
                d["records"]["goals"][0]["title"] = json!(42);
            }),
        ),
        (
            "is not a whole number",
            Box::new(|d| {
                d["records"]["checkIns"][0]["confidence"] = json!(2.5);
            }),
        ),
        (
            "is not a number between",
            Box::new(|d| {
                d["records"]["goals"][0]["target"] = json!(1e300);
            }),
        ),
        (
            "does not have",
            Box::new(|d| {
                d["records"]["goals"][0]["__proto__"] = json!({});
            }),
        ),
        (
            "is missing",
            Box::new(|d| {
                d["records"]["goals"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("uid");
            }),
        ),
        (
            "is not a uid",
            Box::new(|d| {
                d["records"]["goals"][0]["planUid"] = json!("../../etc");
            }),
        ),
        (
            "there twice",
            Box::new(|d| {
                let g = d["records"]["goals"][0].clone();
                d["records"]["goals"].as_array_mut().unwrap().push(g);
            }),
        ),
        (
            "neither in the file nor on this computer",
            Box::new(|d| {
                d["records"]["goals"][0]["planUid"] = json!("01a23500-0000-7000-8000-00000000dead");
            }),
        ),
        (
            "Ladder keeps texts of up to",
            Box::new(|d| {
                d["records"]["goals"][0]["why"] = json!("x".repeat(20_001));
            }),
        ),
        (
            "control character",
            Box::new(|d| {
                d["records"]["goals"][0]["why"] = json!("a\u{0}b");
            }),
        ),
        (
            "breaks a rule of Ladder's database",
            Box::new(|d| {
                d["records"]["goals"][0]["title"] = json!("t".repeat(300));
                d["records"]["goals"][0]["updatedAt"] = json!("2099-01-01T00:00:00.000Z");
            }),
        ),
        (
            "does not know",
            Box::new(|d| {
                d["records"]["secrets"] = json!([]);
            }),
        ),
        (
            "is not a tombstone",
            Box::new(|d| {
                d["tombstones"] = json!([{"uid": 1}]);
            }),
        ),
        (
            "is not a UTC time",
            Box::new(|d| {
                d["records"]["goals"][0]["updatedAt"] = json!("yesterday");
            }),
        ),
    ];
    for (expected, change) in cases {
        let mut doc = good.clone();
        change(&mut doc);
        let message = refused(&a.pool, doc.to_string().as_bytes()).await;
        assert!(
            message.contains(expected),
            "expected {expected:?} in {message:?}"
        );
    }
}

#[tokio::test]
async fn an_export_file_past_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(limits::EXPORT_MAX_BYTES + 1).unwrap();
    let err = limits::read_export_file(&path).unwrap_err();
    assert!(err.to_string().contains("256 MB"), "{err}");
}

#[tokio::test]
async fn the_committed_json_schema_is_the_one_ladder_makes() {
    let t = common::db().await;
    let mut conn = t.pool.acquire().await.unwrap();
    let made = exchange::schema::json_schema(&mut conn).await.unwrap();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/export-format.schema.json");
    if std::env::var_os("LADDER_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &made).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == made,
        "docs/export-format.schema.json is stale: run `LADDER_WRITE_SCHEMA=1 cargo test --test it exchange::the_committed_json_schema` and commit it"
    );
}

#[tokio::test]
async fn an_export_is_valid_against_its_json_schema_by_an_independent_validator() {
    let a = filled().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.json");
    std::fs::write(&file, export(&a.pool).await).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |target: &std::path::Path| {
        std::process::Command::new("node")
            .arg(root.join("ui/format-checks/export.mjs"))
            .arg(root.join("docs/export-format.schema.json"))
            .arg(target)
            .output()
            .expect("node runs")
    };
    let out = run(&file);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let mut broken = parse(&std::fs::read_to_string(&file).unwrap());
    broken["records"]["goals"][0]["title"] = json!(7);
    std::fs::write(&file, broken.to_string()).unwrap();
    let out = run(&file);
    assert!(!out.status.success(), "the validator can fail");
    assert!(String::from_utf8_lossy(&out.stdout).contains("title"));
}

/// The merge knows each rule that makes two records collide (merge.rs: `taken`, `one_of`,
/// `Names`); a new unique index needs a line there, and here.
#[tokio::test]
async fn every_unique_rule_of_the_schema_is_one_the_merge_knows() {
    let t = common::db().await;
    let found: Vec<(String, String)> = sqlx::query_as(
        "SELECT m.name, group_concat(i.name, ',') FROM sqlite_master m
         JOIN pragma_index_list(m.name) l JOIN pragma_index_info(l.name) i
         WHERE m.type = 'table' AND l.\"unique\" = 1 AND l.origin <> 'pk'
           AND m.name NOT LIKE 'trash%' AND m.name NOT LIKE '_sqlx%' AND i.name <> 'uid'
         GROUP BY l.name ORDER BY 1, 2",
    )
    .fetch_all(&t.pool)
    .await
    .unwrap();
    let known: Vec<(&str, &str)> = vec![
        ("achievement_links", "achievement_id,url"),
        ("agenda_items", "one_on_one_id,source_key"),
        ("expectation_evidence", "expectation_id,achievement_id"),
        ("expectation_evidence", "expectation_id,conversation_id"),
        ("expectation_evidence", "expectation_id,feedback_id"),
        ("expectation_evidence", "expectation_id,goal_id"),
        ("expectation_evidence", "expectation_id,resource_id"),
        ("expectation_evidence", "expectation_id,story_id"),
        ("facets", "focus_area_id,name"),
        ("focus_areas", "name"),
        ("focus_areas", "position"),
        ("goal_links", "goal_id,url"),
        ("people", "is_my_manager"),
        ("plans", "status"),
        ("principles", "name"),
        ("self_assessments", "plan_id,focus_area_id,phase"),
        ("stories", "achievement_id"),
        ("target_roles", "is_current"),
    ];
    let found: Vec<(&str, &str)> = found
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(found, known);
}

#[tokio::test]
async fn the_same_link_or_drafted_agenda_item_under_another_uid_is_not_added_twice() {
    let a = filled().await;
    let mut doc = parse(&export(&a.pool).await);
    let mut fresh = 0;
    let mut seen = Vec::new();
    for key in [
        "agendaItems",
        "goalFacets",
        "goalPrinciples",
        "achievementPrinciples",
    ] {
        let list = doc["records"][key].as_array_mut().unwrap();
        let Some(item) = list
            .iter()
            .find(|r| key != "agendaItems" || !r["sourceKey"].is_null())
        else {
            continue;
        };
        let mut copy = item.clone();
        seen.push(key);
        fresh += 1;
        copy["uid"] = json!(format!("01a23500-0000-7000-8000-0000000001{fresh:02}"));
        list.push(copy);
    }
    assert!(fresh >= 2, "the data set has such rows: {seen:?}");
    let before = common::count(&a.pool, "agenda_items").await;
    let report = import(&a.pool, &doc.to_string()).await;
    assert_eq!(report.totals.added, 0, "{:?}", report.kinds);
    assert_eq!(common::count(&a.pool, "agenda_items").await, before);
}

#[tokio::test]
async fn a_second_current_target_role_comes_in_not_current_and_evidence_is_not_linked_twice() {
    let a = filled().await;
    let mut doc = parse(&export(&a.pool).await);
    let roles = doc["records"]["targetRoles"].as_array_mut().unwrap();
    assert_eq!(roles.len(), 1, "the generator makes one role");
    let mut other = roles[0].clone();
    assert_eq!(other["isCurrent"], json!(1));
    other["uid"] = json!("01a23500-0000-7000-8000-0000000002a1");
    other["title"] = json!("Staff Engineer");
    roles.push(other);
    let links = doc["records"]["expectationEvidence"]
        .as_array_mut()
        .unwrap();
    let mut copy = links[0].clone();
    copy["uid"] = json!("01a23500-0000-7000-8000-0000000002a2");
    links.push(copy);
    let evidence = common::count(&a.pool, "expectation_evidence").await;
    let report = import(&a.pool, &doc.to_string()).await;
    let problems: Vec<&str> = report
        .conflicts
        .iter()
        .map(|c| c.problem.as_str())
        .collect();
    assert_eq!(
        problems,
        vec!["another target role is current on this computer"]
    );
    assert_eq!(
        report.totals.added, 1,
        "the role, not the link: {:?}",
        report.kinds
    );
    assert_eq!(
        common::count(&a.pool, "target_roles WHERE is_current = 1").await,
        1
    );
    assert_eq!(common::count(&a.pool, "target_roles").await, 2);
    assert_eq!(
        common::count(&a.pool, "expectation_evidence").await,
        evidence
    );
}
