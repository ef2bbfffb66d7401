//! What the oracle reads from the database files, opened read-only beside the running
//! app: a hash of every table's rows (so a refused call can be shown to have changed
//! nothing), the ids there are (for plausible calls), and the integrity checks.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::Path;

use sqlx::{Connection, Row};

/// table → (rows, hash of the sorted rows), for each database file that exists.
pub type Snapshot = BTreeMap<String, (usize, u64)>;

pub async fn snapshot(files: &[&Path], ids: &mut BTreeMap<String, Vec<i64>>) -> Snapshot {
    let mut out = Snapshot::new();
    ids.clear();
    for file in files.iter().filter(|f| f.exists()) {
        let Ok(mut conn) = try_open(file).await else {
            continue;
        };
        let tables: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'",
        )
        .fetch_all(&mut conn)
        .await
        .unwrap_or_default();
        for table in tables {
            let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
                .bind(&table)
                .fetch_all(&mut conn)
                .await
                .unwrap_or_default();
            let row = columns
                .iter()
                .map(|c| format!("quote(\"{c}\")"))
                .collect::<Vec<_>>()
                .join(" || char(31) || ");
            let mut rows: Vec<String> =
                // Names read from the schema itself, quoted.
                sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT {row} FROM \"{table}\"")))
                    .fetch_all(&mut conn)
                    .await
                    .unwrap_or_default();
            rows.sort();
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            rows.hash(&mut hasher);
            let name = format!("{}:{table}", file.file_name().unwrap().to_string_lossy());
            out.insert(name, (rows.len(), hasher.finish()));
            if columns.iter().any(|c| c == "id") {
                let found: Vec<i64> =
                    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT id FROM \"{table}\"")))
                        .fetch_all(&mut conn)
                        .await
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|r| r.try_get::<i64, _>(0).ok())
                        .collect();
                ids.entry(table.clone()).or_default().extend(found);
            }
        }
        let _ = conn.close().await;
    }
    out
}

async fn try_open(file: &Path) -> Result<sqlx::SqliteConnection, sqlx::Error> {
    use sqlx::sqlite::SqliteConnectOptions;
    use sqlx::ConnectOptions;
    SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .connect()
        .await
}

/// What `integrity_check` and `foreign_key_check` say about `file`: empty when all is well.
pub async fn problems(file: &Path) -> Vec<String> {
    let mut conn = match try_open(file).await {
        Ok(c) => c,
        Err(e) => return vec![format!("{}: does not open: {e}", file.display())],
    };
    let mut out = Vec::new();
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await
        .unwrap_or_else(|e| vec![e.to_string()]);
    if integrity != ["ok"] {
        out.push(format!(
            "{}: integrity_check: {integrity:?}",
            file.display()
        ));
    }
    let dangling = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&mut conn)
        .await
        .map(|r| r.len())
        .unwrap_or(usize::MAX);
    if dangling != 0 {
        out.push(format!(
            "{}: foreign_key_check: {dangling} rows",
            file.display()
        ));
    }
    let _ = conn.close().await;
    out
}

/// Tables whose rows differ between two snapshots.
pub fn changed(before: &Snapshot, after: &Snapshot) -> Vec<String> {
    let mut names: Vec<&String> = before.keys().chain(after.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|n| before.get(*n) != after.get(*n))
        .map(|n| {
            let rows = |s: &Snapshot| s.get(n).map_or(0, |v| v.0);
            format!("{n} ({} → {} rows)", rows(before), rows(after))
        })
        .collect()
}

/// A cheap way to tell that nothing was committed since the last full snapshot: the same
/// file (inode) and the same `PRAGMA data_version` on a connection kept open, which
/// SQLite changes whenever another connection commits.
pub struct Watch {
    marks: Vec<Option<(u64, i64)>>,
    conns: Vec<Option<sqlx::SqliteConnection>>,
}

impl Watch {
    pub async fn new(files: &[&Path]) -> Watch {
        let mut w = Watch {
            marks: Vec::new(),
            conns: Vec::new(),
        };
        w.reset(files).await;
        w
    }

    /// Opens the files afresh and records where they stand.
    pub async fn reset(&mut self, files: &[&Path]) {
        for conn in self.conns.drain(..).flatten() {
            let _ = conn.close().await;
        }
        for file in files {
            let conn = if file.exists() {
                try_open(file).await.ok()
            } else {
                None
            };
            self.conns.push(conn);
        }
        self.marks = self.read(files).await;
    }

    async fn read(&mut self, files: &[&Path]) -> Vec<Option<(u64, i64)>> {
        use std::os::unix::fs::MetadataExt;
        let mut out = Vec::new();
        for (file, conn) in files.iter().zip(self.conns.iter_mut()) {
            let inode = std::fs::metadata(file).ok().map(|m| m.ino());
            let version = match conn {
                Some(c) => sqlx::query_scalar::<_, i64>("PRAGMA data_version")
                    .fetch_one(c)
                    .await
                    .ok(),
                None => None,
            };
            out.push(inode.zip(version));
        }
        out
    }

    /// Whether nothing can have changed since the last reset.
    pub async fn unchanged(&mut self, files: &[&Path]) -> bool {
        let now = self.read(files).await;
        now == self.marks
            && now
                .iter()
                .zip(files)
                .all(|(m, f)| m.is_some() == f.exists())
    }
}
