//! What an import will do (before it runs) or did: counts per kind of record and every
//! conflict with what Ladder does about it.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

/// How many conflicts a report lists one by one; the count covers all of them.
const CONFLICTS_LISTED: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportMode {
    /// This computer held nothing of the user's yet: the file is taken whole.
    Replace,
    /// Both sides have records: merged by uid, the newer side winning.
    Merge,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Counts {
    #[ts(type = "number")]
    pub added: u64,
    #[ts(type = "number")]
    pub updated: u64,
    #[ts(type = "number")]
    pub deleted: u64,
    #[ts(type = "number")]
    pub unchanged: u64,
    /// Left out: deleted on this computer after its last change in the file, or part of
    /// a record that was left out.
    #[ts(type = "number")]
    pub skipped: u64,
    #[ts(type = "number")]
    pub conflicts: u64,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.added += other.added;
        self.updated += other.updated;
        self.deleted += other.deleted;
        self.unchanged += other.unchanged;
        self.skipped += other.skipped;
        self.conflicts += other.conflicts;
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KindCounts {
    /// The file's table ("goals", "goal_checkins", …): unique, so the UI keys rows by it.
    pub table: String,
    /// "goals", "check-ins", …
    pub label: String,
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Conflict {
    /// "goal", "principle", …
    pub kind: String,
    /// The record's title or name as the file has it.
    pub title: String,
    pub problem: String,
    /// What Ladder does about it.
    pub resolution: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    pub mode: ImportMode,
    pub totals: Counts,
    /// Kinds of record with anything in the file, in the order of the file's tables.
    pub kinds: Vec<KindCounts>,
    /// The first conflicts (`totals.conflicts` counts all).
    pub conflicts: Vec<Conflict>,
}

#[derive(Default)]
pub(crate) struct Tally {
    by_table: BTreeMap<String, Counts>,
    order: Vec<String>,
    conflicts: Vec<Conflict>,
    conflict_count: u64,
}

#[derive(Clone, Copy)]
pub(crate) enum Outcome {
    Added,
    Updated,
    Deleted,
    Unchanged,
    Skipped,
}

impl Tally {
    fn entry(&mut self, table: &str) -> &mut Counts {
        if !self.by_table.contains_key(table) {
            self.order.push(table.to_owned());
        }
        self.by_table.entry(table.to_owned()).or_default()
    }

    pub fn count(&mut self, table: &str, outcome: Outcome) {
        let c = self.entry(table);
        match outcome {
            Outcome::Added => c.added += 1,
            Outcome::Updated => c.updated += 1,
            Outcome::Deleted => c.deleted += 1,
            Outcome::Unchanged => c.unchanged += 1,
            Outcome::Skipped => c.skipped += 1,
        }
    }

    pub fn conflict(&mut self, table: &str, title: String, problem: &str, resolution: String) {
        self.entry(table).conflicts += 1;
        self.conflict_count += 1;
        if self.conflicts.len() < CONFLICTS_LISTED {
            self.conflicts.push(Conflict {
                kind: label(table).0.to_owned(),
                title,
                problem: problem.to_owned(),
                resolution,
            });
        }
    }

    pub fn finish(self, mode: ImportMode) -> ImportReport {
        let mut totals = Counts::default();
        let kinds = self
            .order
            .iter()
            .map(|t| {
                let counts = self.by_table[t].clone();
                totals.add(&counts);
                KindCounts {
                    table: t.clone(),
                    label: label(t).1.to_owned(),
                    counts,
                }
            })
            .collect();
        ImportReport {
            mode,
            totals,
            kinds,
            conflicts: self.conflicts,
        }
    }
}

/// "A goal", "An agenda item", "A 1:1".
pub(crate) fn a(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "An"
    } else {
        "A"
    };
    format!("{article} {noun}")
}

/// The words for a table's records, one and many.
pub(crate) fn label(table: &str) -> (&'static str, &'static str) {
    LABELS
        .iter()
        .find(|(t, ..)| *t == table)
        .map(|(_, one, many)| (*one, *many))
        .unwrap_or(("record", "other records"))
}

pub(crate) const LABELS: &[(&str, &str, &str)] = &[
    ("focus_areas", "focus area", "focus areas"),
    ("facets", "facet", "facets"),
    ("principles", "principle", "principles"),
    ("settings", "setting", "settings"),
    ("profile", "profile", "profile"),
    ("plans", "plan", "plans"),
    ("goals", "goal", "goals"),
    ("goal_facets", "facet tag", "facet tags"),
    (
        "goal_principles",
        "principle tag",
        "principle tags of goals",
    ),
    ("goal_links", "link", "links of goals"),
    ("check_ins", "check-in", "check-ins"),
    ("milestones", "milestone", "milestones"),
    ("self_assessments", "self-assessment", "self-assessments"),
    ("achievements", "win", "wins"),
    (
        "achievement_principles",
        "principle tag",
        "principle tags of wins",
    ),
    ("achievement_links", "link", "links of wins"),
    ("stories", "STAR story", "STAR stories"),
    ("resources", "learning resource", "learning resources"),
    ("resource_goals", "learning link", "learning links"),
    ("progress_entries", "progress entry", "progress entries"),
    ("people", "person", "people"),
    ("feedback_requests", "feedback request", "feedback requests"),
    (
        "feedback_received",
        "feedback received",
        "feedback received",
    ),
    ("feedback_actions", "feedback action", "feedback actions"),
    ("one_on_ones", "1:1", "1:1s"),
    ("agenda_items", "agenda item", "agenda items"),
    ("topics", "saved topic", "saved topics"),
    ("action_items", "action item", "action items"),
    ("activity", "activity entry", "activity entries"),
    ("conversations", "conversation", "conversations"),
    (
        "conversation_people",
        "conversation's person",
        "people in conversations",
    ),
    ("opportunities", "opportunity", "opportunities"),
    ("opportunity_stages", "stage change", "stage changes"),
    (
        "opportunity_people",
        "opportunity's person",
        "people of opportunities",
    ),
    (
        "opportunity_focus_areas",
        "focus area of an opportunity",
        "focus areas of opportunities",
    ),
    (
        "opportunity_principles",
        "principle of an opportunity",
        "principles of opportunities",
    ),
    ("target_roles", "target role", "target roles"),
    ("role_expectations", "expectation", "expectations"),
    ("expectation_ratings", "rating", "ratings"),
    ("expectation_evidence", "evidence link", "evidence links"),
    ("trash", "deleted record", "deleted records"),
];
