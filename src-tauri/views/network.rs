//! Networking and mobility as the other screens see them: next steps and follow-ups coming
//! due, the pipeline by stage, the teams reached this year against the teams known, and
//! the mentoring sessions of a quarter offered as Leadership Qualities evidence.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use sqlx::{FromRow, SqlitePool};
use ts_rs::TS;

use crate::infra::error::AppResult;
use crate::infra::text::markdown_inline;
use crate::mobility::conversations::ConversationKind;
use crate::mobility::stages::Stage;
use crate::planning::{plans, review};

/// How far ahead "due this week" looks, as the dashboard's other panels do.
const SOON_DAYS: u64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum StepKind {
    /// An opportunity's next step.
    NextStep,
    /// A conversation's follow-up.
    FollowUp,
}

/// Something the user said they would do for an opening or after a conversation.
#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NetworkStep {
    pub kind: StepKind,
    /// The opportunity's or the conversation's id.
    #[ts(type = "number")]
    pub id: i64,
    /// What to do.
    pub text: String,
    /// What it is for: the opening's title or the conversation's topic.
    pub about: String,
    pub due_on: NaiveDate,
    pub overdue: bool,
}

/// Open next steps and follow-ups overdue or due within a week, soonest first.
pub async fn due_steps(
    pool: &SqlitePool,
    today: NaiveDate,
    limit: i64,
) -> AppResult<Vec<NetworkStep>> {
    Ok(sqlx::query_as::<_, NetworkStep>(
        "SELECT kind, id, text, about, due_on, due_on < ?1 AS overdue FROM (
             SELECT 'next_step' AS kind, id, next_step AS text, title AS about, next_step_on AS due_on
             FROM opportunities
             WHERE next_step_on <= ?2
               AND stage NOT IN ('accepted', 'declined', 'not_selected', 'withdrawn')
             UNION ALL
             SELECT 'follow_up', id, follow_up, topic, follow_up_on FROM conversations
             WHERE follow_up_on <= ?2 AND follow_up_done_on IS NULL)
         ORDER BY due_on, kind, id LIMIT ?3",
    )
    .bind(today)
    .bind(today + Days::new(SOON_DAYS))
    .bind(limit.clamp(1, 100))
    .fetch_all(pool)
    .await?)
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StageCount {
    pub stage: Stage,
    #[ts(type = "number")]
    pub count: i64,
}

/// How many opportunities stand at each stage: the way forward in order, then the
/// endings; a stage with none is there with 0, so the picture keeps its shape.
pub async fn pipeline(pool: &SqlitePool) -> AppResult<Vec<StageCount>> {
    let counted: Vec<(Stage, i64)> =
        sqlx::query_as("SELECT stage, count(*) FROM opportunities GROUP BY stage")
            .fetch_all(pool)
            .await?;
    Ok(Stage::all()
        .map(|stage| StageCount {
            stage,
            count: counted
                .iter()
                .find(|(s, _)| *s == stage)
                .map_or(0, |(_, n)| *n),
        })
        .collect())
}

/// A team or department, and how the user reached it this year.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TeamReach {
    pub team: String,
    /// Conversations this year that named the team or had someone from it.
    #[ts(type = "number")]
    pub conversations: i64,
    /// Wins this year that named the team.
    #[ts(type = "number")]
    pub wins: i64,
    /// People the user knows there.
    #[ts(type = "number")]
    pub people: i64,
    pub last_on: Option<NaiveDate>,
}

/// Every team known (from people, and from any conversation or win that named one),
/// with what reached it from 1 January of `today`'s year: reached ones first, the most
/// reached first; then the ones not reached, by name. Names match without case (ASCII,
/// as SQLite's NOCASE). Four grouped queries, joined here.
pub async fn teams(pool: &SqlitePool, today: NaiveDate) -> AppResult<Vec<TeamReach>> {
    let since = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let names: Vec<String> = sqlx::query_scalar(
        // Each branch reads its distinct names from its own partial index by team.
        "SELECT min(team) FROM (
             SELECT DISTINCT team COLLATE NOCASE AS team FROM people WHERE team <> ''
             UNION ALL SELECT DISTINCT team COLLATE NOCASE FROM conversations WHERE team <> ''
             UNION ALL SELECT DISTINCT team COLLATE NOCASE FROM achievements WHERE team <> '')
         GROUP BY team COLLATE NOCASE",
    )
    .fetch_all(pool)
    .await?;
    let talks: Vec<(String, i64, Option<NaiveDate>)> = sqlx::query_as(
        "SELECT team, count(DISTINCT id), max(held_on) FROM (
             SELECT team, id, held_on FROM conversations
             WHERE team <> '' AND held_on BETWEEN ?1 AND ?2
             UNION ALL
             SELECT p.team, c.id, c.held_on FROM conversations c
             JOIN conversation_people cp ON cp.conversation_id = c.id
             JOIN people p ON p.id = cp.person_id
             WHERE p.team <> '' AND c.held_on BETWEEN ?1 AND ?2)
         GROUP BY team COLLATE NOCASE",
    )
    .bind(since)
    .bind(today)
    .fetch_all(pool)
    .await?;
    let wins: Vec<(String, i64, Option<NaiveDate>)> = sqlx::query_as(
        "SELECT team, count(*), max(occurred_on) FROM achievements
         WHERE team <> '' AND occurred_on BETWEEN ?1 AND ?2 GROUP BY team COLLATE NOCASE",
    )
    .bind(since)
    .bind(today)
    .fetch_all(pool)
    .await?;
    let people: Vec<(String, i64)> = sqlx::query_as(
        "SELECT team, count(*) FROM people WHERE team <> '' AND archived_on IS NULL
         GROUP BY team COLLATE NOCASE",
    )
    .fetch_all(pool)
    .await?;
    Ok(join_teams(names, &talks, &wins, &people))
}

fn join_teams(
    names: Vec<String>,
    talks: &[(String, i64, Option<NaiveDate>)],
    wins: &[(String, i64, Option<NaiveDate>)],
    people: &[(String, i64)],
) -> Vec<TeamReach> {
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    let mut out: Vec<TeamReach> = names
        .into_iter()
        .map(|team| {
            let talk = talks.iter().find(|t| same(&t.0, &team));
            let won = wins.iter().find(|w| same(&w.0, &team));
            TeamReach {
                conversations: talk.map_or(0, |t| t.1),
                wins: won.map_or(0, |w| w.1),
                people: people.iter().find(|p| same(&p.0, &team)).map_or(0, |p| p.1),
                last_on: talk.and_then(|t| t.2).max(won.and_then(|w| w.2)),
                team,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        let (ra, rb) = (a.conversations + a.wins, b.conversations + b.wins);
        (ra == 0).cmp(&(rb == 0)).then(rb.cmp(&ra)).then_with(|| {
            a.team
                .to_ascii_lowercase()
                .cmp(&b.team.to_ascii_lowercase())
        })
    });
    out
}

/// One mentoring session, as evidence.
#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentoringSession {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: ConversationKind,
    pub held_on: NaiveDate,
    pub topic: String,
    /// Who it was with, names joined by commas.
    pub people: String,
}

/// A plan's quarter seen from the network: mentoring given and received (Leadership
/// Qualities evidence), and how many other conversations there were.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuarterNetwork {
    #[ts(type = "number")]
    pub mentoring_given: i64,
    #[ts(type = "number")]
    pub mentoring_received: i64,
    #[ts(type = "number")]
    pub other_conversations: i64,
    /// The sessions, oldest first.
    pub sessions: Vec<MentoringSession>,
}

pub async fn quarter(pool: &SqlitePool, plan_id: i64) -> AppResult<QuarterNetwork> {
    let plan = {
        let mut conn = pool.acquire().await?;
        plans::fetch(&mut conn, plan_id).await?
    };
    let sessions = sqlx::query_as::<_, MentoringSession>(
        "SELECT c.id, c.kind, c.held_on, c.topic,
                coalesce((SELECT group_concat(name, ', ') FROM (
                    SELECT p.name FROM conversation_people cp JOIN people p ON p.id = cp.person_id
                    WHERE cp.conversation_id = c.id ORDER BY p.name)), '') AS people
         FROM conversations c
         WHERE c.kind IN ('mentoring_given', 'mentoring_received')
           AND c.held_on BETWEEN ?1 AND ?2
         ORDER BY c.held_on, c.id",
    )
    .bind(plan.starts_on)
    .bind(plan.ends_on)
    .fetch_all(pool)
    .await?;
    let all: i64 =
        sqlx::query_scalar("SELECT count(*) FROM conversations WHERE held_on BETWEEN ?1 AND ?2")
            .bind(plan.starts_on)
            .bind(plan.ends_on)
            .fetch_one(pool)
            .await?;
    let given = sessions
        .iter()
        .filter(|s| s.kind == ConversationKind::MentoringGiven)
        .count() as i64;
    Ok(QuarterNetwork {
        mentoring_given: given,
        mentoring_received: sessions.len() as i64 - given,
        other_conversations: all - sessions.len() as i64,
        sessions,
    })
}

/// The review's Markdown with the quarter's mentoring after it, as Leadership Qualities
/// evidence (the review itself belongs to planning, which knows nothing of conversations).
pub async fn review_markdown(
    pool: &SqlitePool,
    plan_id: i64,
    today: NaiveDate,
) -> AppResult<String> {
    let review = review::review(pool, plan_id, today).await?;
    let q = quarter(pool, plan_id).await?;
    Ok(review::markdown(&review) + &mentoring_markdown(&q))
}

fn mentoring_markdown(q: &QuarterNetwork) -> String {
    if q.sessions.is_empty() {
        return String::new();
    }
    let mut md = format!(
        "\n## Mentoring (Leadership Qualities evidence)\n\n{} mentoring others, {} being mentored.\n\n",
        plural(q.mentoring_given, "session"),
        plural(q.mentoring_received, "session"),
    );
    for s in &q.sessions {
        let with = match s.people.as_str() {
            "" => String::new(),
            names => format!(", with {}", markdown_inline(names)),
        };
        let given = match s.kind {
            ConversationKind::MentoringGiven => "given",
            _ => "received",
        };
        md.push_str(&format!(
            "- {}: {} ({given}{with})\n",
            s.held_on,
            markdown_inline(&s.topic)
        ));
    }
    md
}

fn plural(n: i64, one: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {one}s"),
    }
}
