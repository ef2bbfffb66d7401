//! Golden databases: for every version of the schema, a file as a user of that version
//! would have it, with rows in every table, committed under `tests/golden/` beside the
//! script that filled it. Each is upgraded through the app's own `connect` and must come
//! out as a fresh database would, with none of its rows lost and its search index what
//! the triggers make. A migration cannot land without the golden of the version before
//! it, so every upgrade a user's file can take has run on real data first.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use ladder_lib::infra::backups;
use ladder_lib::infra::db;
use sqlx::{AssertSqlSafe, ConnectOptions, Row, SqliteConnection};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

pub(crate) fn golden(version: i64) -> PathBuf {
    golden_dir().join(format!("{version}.sqlite"))
}

fn script(version: i64) -> PathBuf {
    golden_dir().join(format!("{version}.sql"))
}

/// The versions that have a golden database, oldest first.
fn goldens() -> Vec<i64> {
    let mut versions: Vec<i64> = std::fs::read_dir(golden_dir())
        .expect("tests/golden exists")
        .filter_map(|e| {
            let name = e.expect("a readable entry").file_name();
            let name = name.to_string_lossy();
            name.strip_suffix(".sqlite")?.parse().ok()
        })
        .collect();
    versions.sort();
    versions
}

/// A plain connection: no migrations, no backups, so what is read is the file as it is.
async fn raw(path: &Path) -> SqliteConnection {
    sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .connect()
        .await
        .unwrap_or_else(|e| panic!("open {}: {e}", path.display()))
}

/// A golden copied into a temp dir as the user's file, so the test never changes it.
struct Copy {
    dir: tempfile::TempDir,
    before: PathBuf,
    path: PathBuf,
}

fn copy_of(version: i64) -> Copy {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("data dir");
    let path = data.join(db::DB_FILE);
    std::fs::copy(golden(version), &path).expect("copy the golden");
    let before = dir.path().join("before.sqlite");
    std::fs::copy(golden(version), &before).expect("copy the golden");
    Copy { dir, before, path }
}

/// A database made by `connect` on an empty folder, as a new user gets it.
async fn fresh(dir: &Path) -> PathBuf {
    let path = dir.join("fresh").join(db::DB_FILE);
    db::connect(&path)
        .await
        .expect("a fresh database")
        .close()
        .await;
    path
}

/// The tables that hold data, by kind: "table" for ordinary ones, "virtual" for the search
/// index. FTS5's shadow tables are left out: they are how the index stores itself.
async fn tables(conn: &mut SqliteConnection, kind: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = ?
         AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .bind(kind)
    .fetch_all(conn)
    .await
    .expect("list tables")
}

async fn count(conn: &mut SqliteConnection, table: &str) -> i64 {
    sqlx::query_scalar(AssertSqlSafe(format!("SELECT count(*) FROM \"{table}\"")))
        .fetch_one(conn)
        .await
        .expect("count rows")
}

/// Every object of the schema: type, name, table and the SQL that made it.
async fn schema(conn: &mut SqliteConnection) -> Vec<(String, String, String, Option<String>)> {
    sqlx::query_as("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
        .fetch_all(conn)
        .await
        .expect("read the schema")
}

type Column = (String, String, i64, Option<String>, i64);

/// Each column of a table as `pragma table_info` gives it: name, type, not null,
/// default, primary key position.
async fn columns(conn: &mut SqliteConnection, table: &str) -> Vec<Column> {
    sqlx::query_as(
        "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid",
    )
    .bind(table)
    .fetch_all(conn)
    .await
    .expect("read the columns")
}

/// Every column of every table, in order: (table, position, column).
async fn columns_of_every_table(conn: &mut SqliteConnection) -> Vec<(String, usize, Column)> {
    let mut all = Vec::new();
    for kind in ["table", "virtual", "shadow"] {
        for table in tables(conn, kind).await {
            for (position, column) in columns(conn, &table).await.into_iter().enumerate() {
                all.push((table.clone(), position, column));
            }
        }
    }
    all.sort();
    all
}

/// What only one side has, one line each, instead of two whole schemas to compare by eye.
fn differences<T: Ord + std::fmt::Debug>(
    upgraded: impl IntoIterator<Item = T>,
    fresh: impl IntoIterator<Item = T>,
) -> String {
    let (upgraded, fresh): (BTreeSet<T>, BTreeSet<T>) =
        (upgraded.into_iter().collect(), fresh.into_iter().collect());
    let only = |a: &BTreeSet<T>, b: &BTreeSet<T>, side: &str| {
        a.difference(b)
            .map(|x| format!("only {side}: {x:?}"))
            .collect::<Vec<_>>()
    };
    [
        only(&upgraded, &fresh, "upgraded"),
        only(&fresh, &upgraded, "fresh"),
    ]
    .concat()
    .join("\n")
}

#[test]
fn every_migration_after_the_first_has_a_golden_of_the_version_before_it() {
    let versions = db::migration_versions();
    let missing: Vec<String> = versions
        .windows(2)
        .filter(|w| !golden(w[0]).exists() || !script(w[0]).exists())
        .map(|w| {
            format!(
                "migration {} upgrades version {}, which has no golden database: write \
                 tests/golden/{}.sql (rows in every table of that version) and run `make goldens`",
                w[1], w[0], w[0]
            )
        })
        .collect();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[tokio::test]
async fn every_golden_is_a_full_database_of_the_version_it_is_named_for() {
    let versions = db::migration_versions();
    let goldens = goldens();
    assert!(!goldens.is_empty(), "no golden databases in tests/golden");
    let known: Vec<(i64, Vec<u8>)> = sqlx::migrate!()
        .iter()
        .map(|m| (m.version, m.checksum.to_vec()))
        .collect();
    for version in goldens {
        let upto = versions.iter().position(|v| *v == version);
        let upto = upto.unwrap_or_else(|| panic!("golden {version} is named for no migration"));
        assert!(
            script(version).exists(),
            "golden {version} has no fill script"
        );
        let copy = copy_of(version);
        let mut conn = raw(&copy.before).await;
        let applied: Vec<(i64, Vec<u8>)> = sqlx::query_as(
            "SELECT version, checksum FROM _sqlx_migrations WHERE success = 1 ORDER BY version",
        )
        .fetch_all(&mut conn)
        .await
        .expect("read the migration ledger");
        assert_eq!(
            applied,
            known[..=upto],
            "golden {version} must hold exactly the migrations up to it, with today's texts"
        );
        for kind in ["table", "virtual"] {
            for table in tables(&mut conn, kind).await {
                let rows = count(&mut conn, &table).await;
                assert!(rows > 0, "golden {version}: table {table} has no rows");
            }
        }
    }
}

#[tokio::test]
async fn every_golden_upgrades_to_the_schema_of_a_fresh_database() {
    let newest = *db::migration_versions().last().expect("a migration");
    for version in goldens() {
        let copy = copy_of(version);
        db::connect(&copy.path)
            .await
            .unwrap_or_else(|e| panic!("golden {version} does not open: {e}"))
            .close()
            .await;
        let mut upgraded = raw(&copy.path).await;
        let mut new = raw(&fresh(copy.dir.path()).await).await;
        let (got, want) = (
            columns_of_every_table(&mut upgraded).await,
            columns_of_every_table(&mut new).await,
        );
        assert!(
            got == want,
            "golden {version} upgraded: tables or columns differ from a fresh database\n{}",
            differences(got, want)
        );
        let (got, want) = (schema(&mut upgraded).await, schema(&mut new).await);
        assert!(
            got == want,
            "golden {version} upgraded: tables, indexes or triggers differ from a fresh database\n{}",
            differences(got, want)
        );
        let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(&mut upgraded)
            .await
            .unwrap();
        assert_eq!(integrity, ["ok"], "golden {version} upgraded");
        let broken = sqlx::query("PRAGMA foreign_key_check")
            .fetch_all(&mut upgraded)
            .await
            .unwrap();
        assert!(
            broken.is_empty(),
            "golden {version} upgraded: {} rows point nowhere",
            broken.len()
        );
        let taken = backups::list(&backups::folder(copy.path.parent().unwrap())).unwrap();
        assert_eq!(
            taken.iter().map(|b| b.reason.as_str()).collect::<Vec<_>>(),
            if version < newest {
                vec!["before-migration"]
            } else {
                vec![]
            },
            "golden {version}: a backup before upgrading, and only then"
        );
    }
}

#[tokio::test]
async fn an_upgraded_golden_keeps_every_row_it_had() {
    for version in goldens() {
        let copy = copy_of(version);
        db::connect(&copy.path).await.unwrap().close().await;
        let mut conn = raw(&copy.path).await;
        sqlx::query("ATTACH DATABASE ? AS before")
            .bind(copy.before.to_string_lossy().into_owned())
            .execute(&mut conn)
            .await
            .unwrap();
        let mut old = raw(&copy.before).await;
        for table in tables(&mut old, "table").await {
            let lost = lost_rows(&mut conn, &mut old, &table).await;
            assert_eq!(
                lost, 0,
                "golden {version}: {lost} rows of {table} lost or changed by the upgrade"
            );
            let (was, is) = (
                count(&mut old, &table).await,
                count(&mut conn, &table).await,
            );
            assert!(
                is >= was,
                "golden {version}: {table} had {was} rows, has {is}"
            );
        }
    }
}

/// Rows of `table` in the attached `before` file with no identical row in the upgraded
/// one, over the columns both have (a migration may add some). `updated_at` is left out:
/// a migration that fills a new column updates each row, and the touch trigger moves it.
async fn lost_rows(conn: &mut SqliteConnection, old: &mut SqliteConnection, table: &str) -> i64 {
    let now: BTreeSet<String> = columns(conn, table)
        .await
        .into_iter()
        .map(|c| c.0)
        .collect();
    assert!(!now.is_empty(), "the upgrade dropped the table {table}");
    let kept: Vec<String> = columns(old, table)
        .await
        .into_iter()
        .map(|c| c.0)
        .filter(|c| now.contains(c) && c != "updated_at")
        .map(|c| format!("\"{c}\""))
        .collect();
    let cols = kept.join(", ");
    sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT count(*) FROM (SELECT {cols} FROM before.\"{table}\" EXCEPT SELECT {cols} FROM main.\"{table}\")"
    )))
    .fetch_one(conn)
    .await
    .expect("compare rows")
}

#[tokio::test]
async fn the_search_index_of_an_upgraded_golden_is_what_the_triggers_make() {
    for version in goldens() {
        let copy = copy_of(version);
        db::connect(&copy.path).await.unwrap().close().await;
        let rebuilt = fresh(copy.dir.path()).await;
        let mut conn = raw(&rebuilt).await;
        refill_from(&mut conn, &copy.path).await;
        let expected = search_rows(&mut conn).await;
        let upgraded = search_rows(&mut raw(&copy.path).await).await;
        assert_eq!(
            upgraded, expected,
            "golden {version} upgraded: the search index differs from one its triggers build"
        );
        if version >= db::migration_versions()[1] {
            assert!(
                !upgraded.is_empty(),
                "golden {version}: its goals must be searchable"
            );
        }
    }
}

type SearchRow = (i64, String, i64, String, String);

async fn search_rows(conn: &mut SqliteConnection) -> Vec<SearchRow> {
    sqlx::query("SELECT rowid, kind, item_id, title, body FROM search_index ORDER BY rowid")
        .fetch_all(conn)
        .await
        .expect("read the search index")
        .into_iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
        .collect()
}

/// Replaces every row of a fresh database with the rows of `source`, inserting parents
/// before children, so the fresh database's insert triggers index each row as the app
/// would have when it was written.
async fn refill_from(conn: &mut SqliteConnection, source: &Path) {
    sqlx::query("PRAGMA foreign_keys = OFF")
        .execute(&mut *conn)
        .await
        .unwrap();
    sqlx::query("ATTACH DATABASE ? AS source")
        .bind(source.to_string_lossy().into_owned())
        .execute(&mut *conn)
        .await
        .unwrap();
    let order = parents_first(conn).await;
    // Twice: a delete trigger may write into a table already emptied.
    for _ in 0..2 {
        for table in order.iter().rev() {
            sqlx::query(AssertSqlSafe(format!("DELETE FROM main.\"{table}\"")))
                .execute(&mut *conn)
                .await
                .unwrap();
        }
    }
    for table in &order {
        let cols: Vec<String> = columns(conn, table)
            .await
            .into_iter()
            .map(|c| format!("\"{}\"", c.0))
            .collect();
        let cols = cols.join(", ");
        // OR REPLACE: an insert trigger may already have written the row being copied.
        sqlx::query(AssertSqlSafe(format!(
            "INSERT OR REPLACE INTO main.\"{table}\" ({cols}) SELECT {cols} FROM source.\"{table}\""
        )))
        .execute(&mut *conn)
        .await
        .unwrap_or_else(|e| panic!("copy {table}: {e}"));
    }
}

/// The data tables (not the migration ledger), each after the tables it refers to.
async fn parents_first(conn: &mut SqliteConnection) -> Vec<String> {
    let mut left: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for table in tables(conn, "table").await {
        if table == "_sqlx_migrations" {
            continue;
        }
        let parents: BTreeSet<String> =
            sqlx::query_scalar("SELECT \"table\" FROM pragma_foreign_key_list(?)")
                .bind(&table)
                .fetch_all(&mut *conn)
                .await
                .unwrap()
                .into_iter()
                .filter(|p: &String| *p != table)
                .collect();
        left.insert(table, parents);
    }
    let mut order = Vec::new();
    while !left.is_empty() {
        let ready: Vec<String> = left
            .iter()
            .filter(|(_, parents)| parents.iter().all(|p| !left.contains_key(p)))
            .map(|(t, _)| t.clone())
            .collect();
        assert!(!ready.is_empty(), "foreign keys in a cycle: {left:?}");
        for t in ready {
            left.remove(&t);
            order.push(t);
        }
    }
    order
}

/// Writes `tests/golden/<version>.sqlite` for every fill script that has none: exactly
/// the migrations up to that version, as sqlx records them, then the script. An existing
/// golden is never rewritten; delete it first to make it again.
#[tokio::test]
#[ignore = "writes into tests/golden; run with `make goldens`"]
async fn write_missing_goldens() {
    for version in db::migration_versions() {
        if script(version).exists() && !golden(version).exists() {
            write_golden(version).await;
            println!("wrote {}", golden(version).display());
        }
    }
}

async fn write_golden(version: i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(dir.path().join(db::DB_FILE))
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .foreign_keys(true)
        .connect()
        .await
        .unwrap();
    sqlx::migrate!().run_to(version, &mut conn).await.unwrap();
    let fill = std::fs::read_to_string(script(version)).unwrap();
    let mut tx = sqlx::Connection::begin(&mut conn).await.unwrap();
    sqlx::raw_sql(AssertSqlSafe(fill))
        .execute(&mut *tx)
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", script(version).display()));
    tx.commit().await.unwrap();
    let broken = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert!(
        broken.is_empty(),
        "the fill script leaves rows pointing nowhere"
    );
    // VACUUM INTO writes a compact copy with no WAL beside it.
    sqlx::query("VACUUM INTO ?")
        .bind(golden(version).to_string_lossy().into_owned())
        .execute(&mut conn)
        .await
        .unwrap();
}

/// Versions before unique links let a goal or a win hold the same address twice (and the
/// trash keep such a pair). The upgrade keeps the first of each, leaves the same address
/// on another owner alone, and a trashed goal with a pair still restores.
#[tokio::test]
async fn links_stored_twice_are_kept_once_by_the_upgrade() {
    const WIKI: &str = "https://wiki.example.com/releases/rollback-review-2026-q3";
    const CANARY: &str = "https://ci.example.com/pipelines/release/canary";
    let copy = copy_of(20261202000001);
    let mut conn = raw(&copy.path).await;
    let fill = std::fs::read_to_string(golden_dir().join("duplicate-links.sql")).unwrap();
    sqlx::raw_sql(AssertSqlSafe(fill))
        .execute(&mut conn)
        .await
        .expect("the old schema takes links twice");
    sqlx::Connection::close(conn).await.unwrap();

    let pool = db::connect(&copy.path).await.expect("the upgrade runs");
    let links = |table: &'static str, owner: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_as::<_, (i64, i64, String)>(AssertSqlSafe(format!(
                "SELECT id, {owner}, url FROM {table} ORDER BY id"
            )))
            .fetch_all(&pool)
            .await
            .unwrap()
        }
    };
    let wiki_upper = "https://wiki.example.com/releases/Rollback-Review-2026-q3";
    assert_eq!(
        links("goal_links", "goal_id").await,
        [
            (1, 1, WIKI.to_owned()),
            (
                2,
                4,
                "https://docs.example.com/on-call/redesign-proposal".to_owned()
            ),
            (103, 2, WIKI.to_owned()),
            (104, 1, wiki_upper.to_owned()),
        ]
    );
    assert_eq!(
        links("achievement_links", "achievement_id").await,
        [
            (1, 1, CANARY.to_owned()),
            (
                2,
                2,
                "https://wiki.example.com/incidents/2026-11-04-payments".to_owned()
            ),
            (202, 3, CANARY.to_owned()),
        ]
    );
    let trashed: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM trash_rows WHERE table_name = 'goal_links'")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(trashed, [301], "one of the trashed pair is kept");

    let copy_again = sqlx::query("INSERT INTO goal_links (goal_id, url) VALUES (1, ?)")
        .bind(WIKI)
        .execute(&pool)
        .await
        .expect_err("the database refuses a link twice now");
    assert!(copy_again.to_string().contains("UNIQUE"), "{copy_again}");

    let mut conn = pool.acquire().await.unwrap();
    ladder_lib::infra::trash::restore(&mut conn, 1)
        .await
        .expect("the trashed goal with its pair restores");
    let restored: Vec<String> = sqlx::query_scalar("SELECT url FROM goal_links WHERE goal_id = 90")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    assert_eq!(restored, ["https://docs.example.com/brown-bag"]);
}
