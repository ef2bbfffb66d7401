//! Global search over goals, milestones, learning resources, people, feedback, wins,
//! 1:1 notes, opportunities and conversations, through the FTS5 index the triggers keep
//! in step (migrations `_search` and `_mobility_search`).
//!
//! Whatever the user types is reduced to words and each word searched as a prefix, so
//! FTS5 syntax in the input (quotes, `*`, `NEAR`, `-`, parentheses) is plain text, never
//! an operator or an error. Matches come back as text segments flagged as hits, for the
//! UI to mark without ever treating user text as HTML.

use serde::Serialize;
use sqlx::{FromRow, SqlitePool};
use ts_rs::TS;

use crate::infra::error::AppResult;

/// Words searched at most; the rest of a long paste is ignored.
const MAX_WORDS: usize = 12;
const HIT_START: char = '\u{1}';
const HIT_END: char = '\u{2}';

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum SearchKind {
    Goal,
    Milestone,
    Resource,
    Person,
    FeedbackRequest,
    FeedbackReceived,
    Achievement,
    OneOnOne,
    Opportunity,
    Conversation,
    TargetRole,
    Expectation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    pub kind: SearchKind,
    #[ts(type = "number")]
    pub id: i64,
    pub title: Vec<Segment>,
    pub snippet: Vec<Segment>,
    /// Where the item opens: the plan of a goal or milestone, the person of feedback.
    #[ts(type = "number | null")]
    pub plan_id: Option<i64>,
    /// The goal to open in that plan (a milestone's own goal).
    #[ts(type = "number | null")]
    pub goal_id: Option<i64>,
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    /// The target role an expectation belongs to (a role's own id for a role).
    #[ts(type = "number | null")]
    pub role_id: Option<i64>,
    /// What tells two similar results apart: a milestone's goal, a goal's plan, who was
    /// asked, a course's provider, a win's day.
    pub context: Option<String>,
}

/// The FTS5 query for what the user typed: every word, as a prefix, all required.
/// `None` when there is no word to search for.
fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Splits FTS5 `highlight`/`snippet` output at its markers.
fn segments(marked: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut hit = false;
    for ch in marked.chars() {
        if ch == HIT_START || ch == HIT_END {
            if !text.is_empty() {
                out.push(Segment {
                    text: std::mem::take(&mut text),
                    hit,
                });
            }
            hit = ch == HIT_START;
        } else {
            text.push(ch);
        }
    }
    if !text.is_empty() {
        out.push(Segment { text, hit });
    }
    out
}

#[derive(FromRow)]
struct Row {
    kind: SearchKind,
    item_id: i64,
    title: String,
    snippet: String,
    plan_id: Option<i64>,
    goal_id: Option<i64>,
    person_id: Option<i64>,
    role_id: Option<i64>,
    context: Option<String>,
}

/// The best matches first (title words count four times body words), at most `limit`.
pub async fn search(pool: &SqlitePool, input: &str, limit: i64) -> AppResult<Vec<SearchHit>> {
    let Some(query) = fts_query(input) else {
        return Ok(Vec::new());
    };
    let rows = sqlx::query_as::<_, Row>(
        "SELECT s.kind, s.item_id,
                highlight(search_index, 2, char(1), char(2)) AS title,
                snippet(search_index, 3, char(1), char(2), '…', 14) AS snippet,
                CASE s.kind
                    WHEN 'goal' THEN (SELECT plan_id FROM goals WHERE id = s.item_id)
                    WHEN 'milestone' THEN (SELECT g.plan_id FROM milestones m JOIN goals g ON g.id = m.goal_id
                                           WHERE m.id = s.item_id)
                END AS plan_id,
                CASE s.kind
                    WHEN 'goal' THEN s.item_id
                    WHEN 'milestone' THEN (SELECT goal_id FROM milestones WHERE id = s.item_id)
                END AS goal_id,
                CASE s.kind
                    WHEN 'person' THEN s.item_id
                    WHEN 'feedback_request' THEN (SELECT person_id FROM feedback_requests WHERE id = s.item_id)
                    WHEN 'feedback_received' THEN (SELECT person_id FROM feedback_received WHERE id = s.item_id)
                    WHEN 'one_on_one' THEN (SELECT person_id FROM one_on_ones WHERE id = s.item_id)
                END AS person_id,
                CASE s.kind
                    WHEN 'target_role' THEN s.item_id
                    WHEN 'expectation' THEN (SELECT target_role_id FROM role_expectations WHERE id = s.item_id)
                END AS role_id,
                CASE s.kind
                    WHEN 'milestone' THEN (SELECT g.title FROM milestones m JOIN goals g ON g.id = m.goal_id
                                           WHERE m.id = s.item_id)
                    WHEN 'goal' THEN (SELECT p.title FROM goals g JOIN plans p ON p.id = g.plan_id
                                      WHERE g.id = s.item_id)
                    WHEN 'feedback_request' THEN (SELECT 'asked ' || p.name FROM feedback_requests r
                                                  JOIN people p ON p.id = r.person_id WHERE r.id = s.item_id)
                    WHEN 'resource' THEN (SELECT nullif(provider, '') FROM resources WHERE id = s.item_id)
                    WHEN 'achievement' THEN (SELECT occurred_on FROM achievements WHERE id = s.item_id)
                    WHEN 'person' THEN (SELECT nullif(role, '') FROM people WHERE id = s.item_id)
                    WHEN 'opportunity' THEN (SELECT nullif(team, '') FROM opportunities WHERE id = s.item_id)
                    WHEN 'conversation' THEN (SELECT held_on FROM conversations WHERE id = s.item_id)
                    WHEN 'target_role' THEN (SELECT nullif(level, '') FROM target_roles WHERE id = s.item_id)
                    WHEN 'expectation' THEN (SELECT r.title FROM role_expectations e
                                             JOIN target_roles r ON r.id = e.target_role_id WHERE e.id = s.item_id)
                END AS context
         FROM search_index s
         WHERE search_index MATCH ?1
         ORDER BY bm25(search_index, 0.0, 0.0, 4.0, 1.0), s.rowid
         LIMIT ?2",
    )
    .bind(&query)
    .bind(limit.clamp(1, 100))
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| SearchHit {
            kind: r.kind,
            id: r.item_id,
            title: segments(&r.title),
            snippet: segments(&r.snippet),
            plan_id: r.plan_id,
            goal_id: r.goal_id,
            person_id: r.person_id,
            role_id: r.role_id,
            context: r.context,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_becomes_prefix_words_and_syntax_is_plain_text() {
        assert_eq!(
            fts_query("hiring plan").as_deref(),
            Some("\"hiring\"* \"plan\"*")
        );
        assert_eq!(
            fts_query("\"quoted\" (unbalanced -minus NEAR* a*").as_deref(),
            Some("\"quoted\"* \"unbalanced\"* \"minus\"* \"NEAR\"* \"a\"*")
        );
        assert_eq!(fts_query("  *** () \" - "), None);
        assert_eq!(
            fts_query("Überprüfung café").as_deref(),
            Some("\"Überprüfung\"* \"café\"*")
        );
        let long = "word ".repeat(1_000);
        assert_eq!(fts_query(&long).unwrap().matches('*').count(), MAX_WORDS);
    }

    #[test]
    fn markers_become_hit_segments() {
        let s = segments("Run the \u{1}weekly\u{2} planning \u{1}meeting\u{2}");
        let flat: Vec<(&str, bool)> = s.iter().map(|x| (x.text.as_str(), x.hit)).collect();
        assert_eq!(
            flat,
            [
                ("Run the ", false),
                ("weekly", true),
                (" planning ", false),
                ("meeting", true)
            ]
        );
        assert!(segments("").is_empty());
    }
}
