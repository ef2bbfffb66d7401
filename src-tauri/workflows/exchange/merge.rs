//! Decides, record by record, what an import does (docs/export-format.md, "Importing"):
//! a new uid is added; the same uid takes the side with the newer `updatedAt`; a
//! tombstone newer than the record deletes it. What that rule cannot decide, or what
//! would break a rule of the database, is a conflict with a stated outcome. Nothing is
//! written here: `apply` carries the plan out.

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use sqlx::SqliteConnection;

use super::document::{Document, Record, Tombstone};
use super::layout::Table;
use super::report::{a, label, ImportMode, Outcome, Tally};
use crate::infra::error::{AppError, AppResult};

/// The rows built into every database: the same uids everywhere.
const BUILT_IN: &[&str] = &["focus_areas", "facets", "principles", "settings", "profile"];

/// A trash entry of this computer, by the uid of what it deleted.
struct LocalTomb {
    trash_id: i64,
    deleted_at: String,
}

pub(crate) struct Local {
    live: HashMap<String, HashMap<String, Record>>,
    tombs: HashMap<String, LocalTomb>,
    tomb_uids: HashSet<String>,
}

impl Local {
    pub async fn read(conn: &mut SqliteConnection, tables: &[Table]) -> AppResult<Local> {
        let mut live = HashMap::new();
        for table in tables {
            let mut rows = HashMap::new();
            for text in super::export::rows(conn, table).await? {
                let record: Record = serde_json::from_str(&text)
                    .map_err(|e| AppError::Io(std::io::Error::other(e.to_string())))?;
                let uid = record
                    .get("uid")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                rows.insert(uid.to_owned(), record);
            }
            live.insert(table.name.clone(), rows);
        }
        let trash: Vec<(i64, Option<String>, String, Option<String>)> =
            sqlx::query_as("SELECT id, uid, deleted_at, record_uid FROM trash")
                .fetch_all(&mut *conn)
                .await?;
        let mut tombs = HashMap::new();
        let mut tomb_uids = HashSet::new();
        for (trash_id, uid, deleted_at, record_uid) in trash {
            tomb_uids.extend(uid);
            if let Some(record_uid) = record_uid {
                tombs.insert(
                    record_uid,
                    LocalTomb {
                        trash_id,
                        deleted_at,
                    },
                );
            }
        }
        Ok(Local {
            live,
            tombs,
            tomb_uids,
        })
    }

    /// Nothing of the user's yet: only the built-in rows are here.
    pub fn is_empty(&self) -> bool {
        self.tombs.is_empty()
            && self
                .live
                .iter()
                .all(|(t, rows)| rows.is_empty() || BUILT_IN.contains(&t.as_str()))
    }

    fn record(&self, table: &str, uid: &str) -> Option<&Record> {
        self.live.get(table)?.get(uid)
    }
}

/// A record deleted by a tombstone of the file.
pub(crate) struct Deletion {
    pub tombstone: Tombstone,
    pub title: String,
}

pub(crate) struct Plan {
    pub mode: ImportMode,
    /// Table → records to add and records to update, parents' tables first.
    pub adds: Vec<(String, Vec<Record>)>,
    pub updates: Vec<(String, Vec<Record>)>,
    pub deletions: Vec<Deletion>,
    /// Tombstones of records this computer never had.
    pub new_tombstones: Vec<Tombstone>,
    /// Trash entries whose record comes back from the file (changed there after it was
    /// deleted here).
    pub revived: Vec<i64>,
    pub tally: Tally,
}

pub(crate) fn plan(doc: Document, local: &Local, tables: &[Table]) -> AppResult<Plan> {
    let mode = if local.is_empty() {
        ImportMode::Replace
    } else {
        ImportMode::Merge
    };
    let in_file = doc
        .records
        .iter()
        .map(|(t, rows)| {
            (
                t.clone(),
                rows.iter().map(|r| text(r, "uid").to_owned()).collect(),
            )
        })
        .collect();
    let mut planner = Planner {
        mode,
        local,
        skipped: HashSet::new(),
        written: HashMap::new(),
        in_file,
        tally: Tally::default(),
        revived: Vec::new(),
    };
    let mut records = doc.records;
    let mut adds = Vec::new();
    let mut updates = Vec::new();
    for table in tables {
        let Some(rows) = records.remove(&table.name) else {
            continue;
        };
        let (a, u) = planner.table(table, rows)?;
        adds.push((table.name.clone(), a));
        updates.push((table.name.clone(), u));
    }
    planner.one_of(
        &mut adds,
        &mut updates,
        "plans",
        "status",
        "active",
        "draft",
    );
    planner.one_of(&mut adds, &mut updates, "people", "isMyManager", 1, 0);
    planner.one_of(&mut adds, &mut updates, "target_roles", "isCurrent", 1, 0);
    let (deletions, new_tombstones) = planner.tombstones(doc.tombstones)?;
    Ok(Plan {
        mode,
        adds,
        updates,
        deletions,
        new_tombstones,
        revived: planner.revived,
        tally: planner.tally,
    })
}

struct Planner<'a> {
    mode: ImportMode,
    local: &'a Local,
    /// Uids of the file's records left out (and so their children too).
    skipped: HashSet<String>,
    /// Uids the import writes, by table (added or updated).
    written: HashMap<String, HashSet<String>>,
    /// Every uid of the file, by table, for reference checks.
    in_file: HashMap<String, HashSet<String>>,
    tally: Tally,
    revived: Vec<i64>,
}

enum Decision {
    Add,
    Update,
    Keep,
    Skip,
}

impl Planner<'_> {
    fn table(&mut self, table: &Table, rows: Vec<Record>) -> AppResult<(Vec<Record>, Vec<Record>)> {
        let mut adds = Vec::new();
        let mut updates = Vec::new();
        let mut names = Names::new(self.local, table);
        for mut record in rows {
            let uid = text(&record, "uid").to_owned();
            let decision = self.decide(table, &record, &uid)?;
            if matches!(decision, Decision::Add | Decision::Update) {
                names.check(&mut self.tally, table, &mut record, &uid);
            }
            match decision {
                Decision::Add => {
                    self.tally.count(&table.name, Outcome::Added);
                    adds.push(record);
                }
                Decision::Update => {
                    self.tally.count(&table.name, Outcome::Updated);
                    updates.push(record);
                }
                Decision::Keep => self.tally.count(&table.name, Outcome::Unchanged),
                Decision::Skip => {
                    self.skipped.insert(uid.clone());
                    self.tally.count(&table.name, Outcome::Skipped);
                }
            }
        }
        let written = self.written.entry(table.name.clone()).or_default();
        written.extend(
            adds.iter()
                .chain(&updates)
                .map(|r| text(r, "uid").to_owned()),
        );
        Ok((adds, updates))
    }

    fn decide(&mut self, table: &Table, record: &Record, uid: &str) -> AppResult<Decision> {
        if self.parent_left_out(table, record)? {
            return Ok(Decision::Skip);
        }
        match self.local.record(&table.name, uid) {
            Some(mine) => Ok(self.same_uid(table, record, mine)),
            None => Ok(self.new_uid(table, record, uid)),
        }
    }

    /// True when a record this one points at is left out (so it is too); an error when
    /// it points at a record neither the file nor this computer has.
    fn parent_left_out(&self, table: &Table, record: &Record) -> AppResult<bool> {
        for column in table.refs() {
            let Some(target) = record.get(&column.key).and_then(Value::as_str) else {
                continue;
            };
            if self.skipped.contains(target) {
                return Ok(true);
            }
            let parent = column.parent.as_deref().unwrap_or_default();
            let in_file = self.in_file.get(parent).is_some_and(|s| s.contains(target));
            let here = self.local.record(parent, target).is_some();
            if !in_file && !here {
                return Err(AppError::invalid(
                    "file",
                    format!(
                        "{} of this export (uid {}) points at {} (uid {target}) that is neither in the file nor on this computer: the file is incomplete.",
                        a(label(&table.name).0),
                        text(record, "uid"),
                        a(label(parent).0).to_lowercase(),
                    ),
                ));
            }
        }
        Ok(false)
    }

    fn same_uid(&mut self, table: &Table, theirs: &Record, mine: &Record) -> Decision {
        if same(theirs, mine) {
            return Decision::Keep;
        }
        if self.mode == ImportMode::Replace {
            return Decision::Update;
        }
        let (t, m) = (text(theirs, "updatedAt"), text(mine, "updatedAt"));
        match t.cmp(m) {
            std::cmp::Ordering::Greater => Decision::Update,
            std::cmp::Ordering::Less => Decision::Keep,
            std::cmp::Ordering::Equal => {
                self.tally.conflict(
                    &table.name,
                    title(theirs),
                    "changed on both computers at the same moment",
                    "This computer's version is kept.".into(),
                );
                Decision::Keep
            }
        }
    }

    fn new_uid(&mut self, table: &Table, record: &Record, uid: &str) -> Decision {
        if let Some(tomb) = self.local.tombs.get(uid) {
            if text(record, "updatedAt") > tomb.deleted_at.as_str() {
                self.revived.push(tomb.trash_id);
                return Decision::Add;
            }
            return Decision::Skip;
        }
        match self.taken(table, record) {
            None => Decision::Add,
            Some(Taken::SameLink) => Decision::Keep,
            Some(Taken::Slot(what)) => {
                self.tally.conflict(
                    &table.name,
                    title(record),
                    &format!("this computer already has {what}"),
                    "This computer's is kept; the file's is left out.".into(),
                );
                Decision::Skip
            }
        }
    }

    /// A local record that already fills the place a new record would take: the same
    /// link between two records, the same drafted agenda item, a second story of a win, a second self-assessment of an
    /// area in a plan's phase.
    fn taken(&self, table: &Table, record: &Record) -> Option<Taken> {
        let (keys, what): (&[&str], &str) = match table.name.as_str() {
            "goal_links" => (&["goalUid", "url"], ""),
            // The same drafted item (same source) in the same 1:1's agenda.
            "agenda_items" if record.get("sourceKey").is_some_and(|k| !k.is_null()) => {
                (&["oneOnOneUid", "sourceKey"], "")
            }
            "achievement_links" => (&["achievementUid", "url"], ""),
            // The same record linked as evidence for the same expectation.
            "expectation_evidence" => (
                &[
                    "expectationUid",
                    "achievementUid",
                    "storyUid",
                    "feedbackUid",
                    "resourceUid",
                    "goalUid",
                    "conversationUid",
                ],
                "",
            ),
            "stories" => (&["achievementUid"], "a STAR story for this win"),
            "self_assessments" => (
                &["planUid", "focusAreaUid", "phase"],
                "a self-assessment of this area for this plan",
            ),
            _ if table.is_link => (&[], ""),
            _ => return None,
        };
        let keys: Vec<String> = if keys.is_empty() {
            table.link_keys.clone()
        } else {
            keys.iter().map(|k| (*k).to_owned()).collect()
        };
        let mine = self.local.live.get(&table.name)?;
        let found = mine
            .values()
            .any(|m| keys.iter().all(|k| m.get(k) == record.get(k)));
        match (found, what.is_empty()) {
            (false, _) => None,
            (true, true) => Some(Taken::SameLink),
            (true, false) => Some(Taken::Slot(what.to_owned())),
        }
    }

    /// At most one plan is active, one person is the manager and one target role is
    /// current: when the file would
    /// make a second, this computer's stays and the file's loses the mark.
    fn one_of(
        &mut self,
        adds: &mut [(String, Vec<Record>)],
        updates: &mut [(String, Vec<Record>)],
        table: &str,
        key: &str,
        on: impl Into<Value>,
        off: impl Into<Value>,
    ) {
        let (on, off) = (on.into(), off.into());
        let updated: HashMap<String, bool> = updates
            .iter()
            .filter(|(t, _)| t == table)
            .flat_map(|(_, rows)| rows)
            .map(|r| (text(r, "uid").to_owned(), r.get(key) == Some(&on)))
            .collect();
        let mut holder: Option<String> = self.local.live.get(table).and_then(|rows| {
            rows.values()
                .find(|r| r.get(key) == Some(&on))
                .map(|r| text(r, "uid").to_owned())
                .filter(|uid| updated.get(uid).copied().unwrap_or(true))
        });
        for (t, rows) in adds.iter_mut().chain(updates.iter_mut()) {
            if t != table {
                continue;
            }
            for record in rows.iter_mut().filter(|r| r.get(key) == Some(&on)) {
                let uid = text(record, "uid").to_owned();
                match &holder {
                    None => holder = Some(uid),
                    Some(h) if *h == uid => {}
                    Some(_) => {
                        record.insert(key.to_owned(), off.clone());
                        let (problem, resolution) = match table {
                            "plans" => (
                                "another plan is active on this computer",
                                "It comes in as a draft.",
                            ),
                            "target_roles" => (
                                "another target role is current on this computer",
                                "It comes in as one you are not working toward now.",
                            ),
                            _ => (
                                "someone else is your manager on this computer",
                                "It comes in without the manager mark.",
                            ),
                        };
                        self.tally
                            .conflict(table, title(record), problem, resolution.into());
                    }
                }
            }
        }
    }

    fn tombstones(&mut self, tombs: Vec<Tombstone>) -> AppResult<(Vec<Deletion>, Vec<Tombstone>)> {
        let mut deletions = Vec::new();
        let mut fresh = Vec::new();
        for t in tombs {
            let table = t.kind.table();
            if self
                .written
                .get(table)
                .is_some_and(|s| s.contains(&t.record_uid))
            {
                return Err(AppError::invalid(
                    "file",
                    format!(
                        "This export both holds the {} {} and says it was deleted: the file is inconsistent.",
                        t.kind.noun(),
                        t.record_uid
                    ),
                ));
            }
            if self.local.tomb_uids.contains(&t.uid) || self.local.tombs.contains_key(&t.record_uid)
            {
                self.tally.count("trash", Outcome::Unchanged);
                continue;
            }
            match self.local.record(table, &t.record_uid) {
                Some(mine)
                    if self.mode == ImportMode::Replace
                        || t.deleted_at.as_str() > text(mine, "updatedAt") =>
                {
                    self.tally.count(table, Outcome::Deleted);
                    deletions.push(Deletion {
                        title: title(mine),
                        tombstone: t,
                    });
                }
                Some(_) => self.tally.count("trash", Outcome::Skipped),
                None => {
                    self.tally.count("trash", Outcome::Added);
                    fresh.push(t);
                }
            }
        }
        Ok((deletions, fresh))
    }
}

enum Taken {
    SameLink,
    Slot(String),
}

/// Principle names are unique (ignoring case): a principle of the file whose name this
/// computer gives to another one comes in under a new name.
struct Names {
    taken: HashMap<String, String>,
}

impl Names {
    fn new(local: &Local, table: &Table) -> Names {
        let mut taken = HashMap::new();
        if table.name == "principles" {
            for r in local
                .live
                .get("principles")
                .into_iter()
                .flat_map(|m| m.values())
            {
                taken.insert(text(r, "name").to_lowercase(), text(r, "uid").to_owned());
            }
        }
        Names { taken }
    }

    fn check(&mut self, tally: &mut Tally, table: &Table, record: &mut Record, uid: &str) {
        if table.name != "principles" {
            return;
        }
        let name = text(record, "name").to_owned();
        let holder = self.taken.get(&name.to_lowercase()).cloned();
        if holder.is_some_and(|h| h != uid) {
            let mut n = 2;
            let renamed = loop {
                let candidate = format!("{name} ({n})");
                if !self.taken.contains_key(&candidate.to_lowercase()) {
                    break candidate;
                }
                n += 1;
            };
            tally.conflict(
                "principles",
                name.clone(),
                "this computer has another principle of that name",
                format!("It comes in as \"{renamed}\"."),
            );
            record.insert("name".into(), Value::String(renamed.clone()));
            self.taken.insert(renamed.to_lowercase(), uid.to_owned());
        } else {
            self.taken.insert(name.to_lowercase(), uid.to_owned());
        }
    }
}

fn text<'r>(record: &'r Record, key: &str) -> &'r str {
    record.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// The record's name for a person: its title, name, text or question.
fn title(record: &Record) -> String {
    [
        "title", "name", "text", "question", "summary", "what", "onDate", "meetsOn",
    ]
    .iter()
    .find_map(|k| {
        record
            .get(*k)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    })
    .map(|s| s.chars().take(120).collect())
    .unwrap_or_else(|| text(record, "uid").to_owned())
}

/// The same content: every field equal, numbers by value (1 and 1.0 are the same).
fn same(a: &Record, b: &Record) -> bool {
    a.len() == b.len()
        && a.iter().all(|(k, v)| match (v, b.get(k)) {
            (Value::Number(x), Some(Value::Number(y))) => x.as_f64() == y.as_f64(),
            (x, Some(y)) => x == y,
            (_, None) => false,
        })
}
