//! A Ladder killed in the middle of a write loses nothing it had finished writing. The
//! test runs this test binary again as a child that writes through the domain functions
//! and reports each write once it has committed; the parent kills it with SIGKILL at
//! random moments, again and again on the same file, and after each kill every reported
//! write must be in the file and the file must pass `integrity_check`. The child starts
//! on the file the last one was killed over, so it also recovers a dead process's WAL.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use ladder_lib::infra::db;
use ladder_lib::planning::goals;
use ladder_lib::wins::win::{self, WinInput};
use sqlx::{ConnectOptions, SqliteConnection};

use crate::common::{self, done_goal, today, PERFORMANCE};

/// Set to the database path, it makes [`child_writer_for_the_kill_test`] write.
const CHILD_VAR: &str = "LADDER_KILL_CHILD";
const CHILD_TEST: &str = "killed::child_writer_for_the_kill_test";
/// Set to a seed printed by a failed run, it repeats that run's kill moments.
const SEED_VAR: &str = "LADDER_KILL_SEED";
const KILLS: usize = 60;
/// A child that outlives this (its parent gone) stops by itself.
const CHILD_LIFETIME: Duration = Duration::from_secs(20);

/// A write the child reported as committed: the table, the row's id and its title.
#[derive(Debug, Clone, PartialEq)]
struct Written {
    table: String,
    id: i64,
    title: String,
}

impl Written {
    fn line(&self) -> String {
        format!("WROTE {} {} {}\n", self.table, self.id, self.title)
    }

    /// Only whole lines count: one cut off by the kill was never reported.
    fn parse(line: &str) -> Option<Written> {
        let mut parts = line
            .strip_suffix('\n')?
            .strip_prefix("WROTE ")?
            .splitn(3, ' ');
        Some(Written {
            table: parts.next()?.to_owned(),
            id: parts.next()?.parse().ok()?,
            title: parts.next()?.to_owned(),
        })
    }
}

/// The child's side: a no-op in a normal test run (the variable is unset).
#[tokio::test]
async fn child_writer_for_the_kill_test() {
    let Some(path) = std::env::var_os(CHILD_VAR) else {
        return;
    };
    let pool = db::connect(Path::new(&path)).await.expect("connect");
    let run = std::process::id();
    let plan = common::plan(&pool, &format!("Run {run}")).await;
    report(&Written {
        table: "plans".into(),
        id: plan.id,
        title: plan.title,
    });
    let started = Instant::now();
    for i in 0.. {
        if started.elapsed() > CHILD_LIFETIME {
            return;
        }
        let title = format!("Run {run} write {i}");
        let (table, id) = if i % 2 == 0 {
            let goal = done_goal(&title, PERFORMANCE);
            let goal = goals::create(&pool, plan.id, goal, today()).await;
            ("goals", goal.expect("a goal").id)
        } else {
            let input = WinInput {
                title: title.clone(),
                ..Default::default()
            };
            (
                "achievements",
                win::create(&pool, input, today()).await.expect("a win").id,
            )
        };
        report(&Written {
            table: table.into(),
            id,
            title,
        });
    }
}

fn report(w: &Written) {
    let mut out = std::io::stdout().lock();
    out.write_all(w.line().as_bytes()).expect("report");
    out.flush().expect("flush");
}

/// xorshift64: enough to spread the kills, and repeatable from its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn seed() -> u64 {
    std::env::var(SEED_VAR)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
            now.as_nanos() as u64 | 1
        })
}

/// Kills the child when the parent's test fails half-way, so none is left writing.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts a child on `path`, kills it (SIGKILL) at a moment `rng` picks, and returns the
/// writes it reported.
fn run_and_kill(path: &Path, rng: &mut Rng) -> Vec<Written> {
    let log = path.with_extension("child-stderr");
    let stderr = std::fs::File::create(&log).expect("the child's stderr");
    let mut child = Running(
        Command::new(std::env::current_exe().expect("the test binary"))
            .args(["--exact", CHILD_TEST, "--nocapture", "--test-threads=1"])
            .env(CHILD_VAR, path)
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("start the child"),
    );
    let stdout = child.0.stdout.take().expect("the child's stdout");
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout);
        let mut line = String::new();
        while lines.read_line(&mut line).is_ok_and(|n| n > 0) {
            if let Some(w) = Written::parse(&line) {
                let _ = tx.send(w);
            }
            line.clear();
        }
    });
    let mut written = Vec::new();
    // One kill in four lands anywhere, start-up and migrations included; the others
    // wait for the first write and land among the later ones.
    if rng.below(4) == 0 {
        std::thread::sleep(Duration::from_micros(rng.below(80_000)));
    } else if let Ok(w) = rx.recv_timeout(Duration::from_secs(10)) {
        written.push(w);
        std::thread::sleep(Duration::from_micros(rng.below(25_000)));
    }
    // A child that stopped on its own could not open or write the file.
    if let Some(status) = child.0.try_wait().expect("poll the child") {
        let said = std::fs::read_to_string(&log).unwrap_or_default();
        panic!("the child stopped by itself ({status}) instead of writing until killed:\n{said}");
    }
    child.0.kill().expect("SIGKILL the child");
    child.0.wait().expect("reap the child");
    reader.join().expect("read the child's reports");
    written.extend(rx.try_iter());
    written
}

/// Read-only, so closing it does not checkpoint: the next child finds the WAL as the
/// killed one left it.
async fn read_only(path: &Path) -> SqliteConnection {
    sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await
        .expect("open the file the child was killed over")
}

async fn check(conn: &mut SqliteConnection, reported: &[Written], why: &str) {
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await
        .expect("integrity_check");
    assert_eq!(integrity, ["ok"], "{why}");
    for w in reported {
        let title: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT title FROM {} WHERE id = ?",
            w.table
        )))
        .bind(w.id)
        .fetch_optional(&mut *conn)
        .await
        .expect("look the write up");
        assert_eq!(
            title.as_deref(),
            Some(w.title.as_str()),
            "{why}: {w:?} was reported written"
        );
    }
}

#[tokio::test]
async fn a_writer_killed_at_random_moments_loses_no_write_it_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(db::DB_FILE);
    let seed = seed();
    let mut rng = Rng(seed);
    let mut reported: Vec<Written> = Vec::new();
    let mut killed_mid_loop = 0;
    for kill in 1..=KILLS {
        let written = run_and_kill(&path, &mut rng);
        killed_mid_loop += usize::from(written.len() > 1);
        reported.extend(written);
        if path.exists() {
            let why = format!("after kill {kill} ({SEED_VAR}={seed})");
            check(&mut read_only(&path).await, &reported, &why).await;
        }
    }
    println!(
        "{KILLS} kills ({killed_mid_loop} among writes), {} writes reported, {SEED_VAR}={seed}",
        reported.len()
    );
    assert!(
        killed_mid_loop >= KILLS / 2,
        "only {killed_mid_loop} of {KILLS} children were killed among their writes"
    );
    // Once more as the app opens it, which also checks the search index its triggers kept.
    let pool = db::connect(&path).await.expect("the file opens");
    let mut conn = pool.acquire().await.unwrap();
    check(&mut conn, &reported, "opened by the app").await;
    sqlx::query("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
        .execute(&mut *conn)
        .await
        .expect("the search index matches its rows");
}
