//! The 1:1 agenda, drafted from what actually happened since the last 1:1 with the same
//! person (or the last 14 days before the first): wins, goals that moved, milestones
//! completed, learning, feedback, where help is needed, saved topics, follow-ups and a
//! career question. Drafting is deterministic: the same data and day give the same items
//! in the same order.
//!
//! Each drafted section keeps at most `PER_SECTION` items (the latest, or for help the
//! oldest overdue), so a busy fortnight still reads as an agenda, not a log.
//!
//! Preparing again only adds items whose key is new, so the user's edits, order and
//! removals stay (a removed item is kept hidden, so a drafted one does not come back and
//! a removal can be undone).

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::error::{AppError, AppResult};
use crate::markdown::inline;
use crate::one_on_ones::{self, ActionItem, MeetingStatus, OneOnOne, Owner};

/// Where an item sits; drafted items come in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum Section {
    Wins,
    Goals,
    Milestones,
    Learning,
    Feedback,
    Help,
    Topics,
    FollowUps,
    Career,
    Mine,
}

impl Section {
    pub fn heading(self) -> &'static str {
        match self {
            Section::Wins => "Wins",
            Section::Goals => "Goals that moved",
            Section::Milestones => "Milestones completed",
            Section::Learning => "Learning",
            Section::Feedback => "Feedback received",
            Section::Help => "Where I need help",
            Section::Topics => "Topics I saved",
            Section::FollowUps => "Follow-ups from last time",
            Section::Career => "Career",
            Section::Mine => "Also",
        }
    }
}

/// What an item came from, for the link back to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum SourceKind {
    Goal,
    Milestone,
    CheckIn,
    Achievement,
    Resource,
    FeedbackRequest,
    FeedbackReceived,
    ActionItem,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgendaItem {
    #[ts(type = "number")]
    pub id: i64,
    pub section: Section,
    pub text: String,
    pub source_kind: Option<SourceKind>,
    #[ts(type = "number | null")]
    pub source_id: Option<i64>,
    pub discussed: bool,
    pub edited: bool,
    /// The plan and goal a goal, milestone or check-in belongs to, for the link to it.
    #[ts(type = "number | null")]
    pub plan_id: Option<i64>,
    #[ts(type = "number | null")]
    pub goal_id: Option<i64>,
}

/// An item as drafted, before it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub section: Section,
    pub text: String,
    pub source: Option<(SourceKind, i64)>,
    pub key: String,
}

impl Draft {
    fn new(section: Section, key: String, source: Option<(SourceKind, i64)>, text: String) -> Self {
        Draft {
            section,
            text,
            source,
            key,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MeetingDetail {
    pub meeting: OneOnOne,
    pub agenda: Vec<AgendaItem>,
    pub actions: Vec<ActionItem>,
    /// The previous held 1:1 with this person, which the agenda starts from.
    pub since: Option<NaiveDate>,
    /// Topics saved for the next 1:1 with this person that no agenda has taken yet.
    #[ts(type = "number")]
    pub topics_waiting: i64,
}

const CAREER_PROMPTS: [&str; 4] = [
    "What should I focus on over the next quarter to be ready for the next step?",
    "Which of my strengths should I use more, and what is holding me back?",
    "Is there a project or a team coming up where I could stretch?",
    "How do you see my progress against what we agreed last quarter?",
];

/// Drafted items per section at most.
pub const PER_SECTION: usize = 8;

/// The last `PER_SECTION` rows of a chronological list, still in order.
fn latest<T>(mut rows: Vec<T>) -> Vec<T> {
    let cut = rows.len().saturating_sub(PER_SECTION);
    rows.drain(..cut);
    rows
}

/// Longest quoted feedback in an item; the full text is one click away.
const SNIPPET: usize = 160;

fn snippet(text: &str) -> String {
    one_line(text, SNIPPET)
}

/// `text` on one line, cut to `max` characters with an ellipsis.
pub fn one_line(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

fn day(d: NaiveDate) -> String {
    d.format("%b %-d, %Y").to_string()
}

fn number(v: f64) -> String {
    crate::checkins::trim_number(v)
}

async fn previous_held(
    conn: &mut SqliteConnection,
    meeting: &OneOnOne,
) -> AppResult<Option<(i64, NaiveDate)>> {
    Ok(sqlx::query_as(
        "SELECT id, meets_on FROM one_on_ones
         WHERE person_id = ? AND status = 'held' AND id <> ? AND meets_on < ?
         ORDER BY meets_on DESC, id DESC LIMIT 1",
    )
    .bind(meeting.person_id)
    .bind(meeting.id)
    .bind(meeting.meets_on)
    .fetch_optional(conn)
    .await?)
}

/// Drafts the agenda for `meeting` as of `today`, without storing anything.
pub async fn draft(
    conn: &mut SqliteConnection,
    meeting: &OneOnOne,
    today: NaiveDate,
) -> AppResult<Vec<Draft>> {
    let previous = previous_held(&mut *conn, meeting).await?;
    // Activity strictly after `since`, up to today.
    let since = match previous {
        Some((_, on)) => on,
        None => today - Days::new(14),
    };
    let mut out = Vec::new();

    #[derive(FromRow)]
    struct WinRow {
        id: i64,
        title: String,
        impact_metric: Option<String>,
        impact_before: Option<f64>,
        impact_after: Option<f64>,
        impact_unit: String,
    }
    let wins: Vec<WinRow> =
        sqlx::query_as(
            "SELECT a.id, a.title, a.impact_metric, a.impact_before, a.impact_after, a.impact_unit
             FROM achievements a
             WHERE a.id IN (SELECT entity_id FROM activity WHERE entity = 'achievement' AND action = 'created'
                            AND occurred_on > ?1 AND occurred_on <= ?2)
             ORDER BY a.occurred_on, a.id",
        )
        .bind(since)
        .bind(today)
        .fetch_all(&mut *conn)
        .await?;
    for WinRow {
        id,
        title,
        impact_metric,
        impact_before: before,
        impact_after,
        impact_unit: unit,
    } in latest(wins)
    {
        let impact = match (impact_metric, impact_after) {
            (Some(m), Some(after)) => {
                let from = before
                    .map(|b| format!("{} → ", number(b)))
                    .unwrap_or_default();
                format!(" ({m}: {from}{} {unit})", number(after)).replace(" )", ")")
            }
            _ => String::new(),
        };
        out.push(Draft::new(
            Section::Wins,
            format!("achievement:{id}"),
            Some((SourceKind::Achievement, id)),
            format!("{title}{impact}"),
        ));
    }

    let moved: Vec<i64> = sqlx::query_scalar(
        "SELECT goal_id FROM (
             SELECT entity_id AS goal_id, occurred_on FROM activity
             WHERE entity = 'goal' AND action = 'status' AND occurred_on > ?1 AND occurred_on <= ?2
             UNION ALL
             SELECT c.goal_id, v.occurred_on FROM activity v JOIN check_ins c ON c.id = v.entity_id
             WHERE v.entity = 'check_in' AND v.action = 'created' AND v.occurred_on > ?1 AND v.occurred_on <= ?2)
         WHERE goal_id IN (SELECT id FROM goals)
         GROUP BY goal_id ORDER BY min(occurred_on), goal_id",
    )
    .bind(since)
    .bind(today)
    .fetch_all(&mut *conn)
    .await?;
    for id in latest(moved) {
        let g = crate::goals::fetch(&mut *conn, id, today).await?;
        let state = match g.progress_pct {
            Some(p) => format!("{}, {p} %", g.status.label()),
            None => g.status.label().to_owned(),
        };
        out.push(Draft::new(
            Section::Goals,
            format!("goal:{id}"),
            Some((SourceKind::Goal, id)),
            format!("{}: {state}", g.title),
        ));
    }

    let milestones: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT m.id, m.title, g.title FROM milestones m JOIN goals g ON g.id = m.goal_id
         WHERE m.done_on IS NOT NULL AND m.id IN (
             SELECT entity_id FROM activity WHERE entity = 'milestone' AND action = 'completed'
             AND occurred_on > ?1 AND occurred_on <= ?2)
         ORDER BY m.done_on, m.id",
    )
    .bind(since)
    .bind(today)
    .fetch_all(&mut *conn)
    .await?;
    for (id, title, goal) in latest(milestones) {
        out.push(Draft::new(
            Section::Milestones,
            format!("milestone:{id}"),
            Some((SourceKind::Milestone, id)),
            format!("“{title}” ({goal})"),
        ));
    }

    // Completed first, then the ones that moved, each in a stable order.
    let learned: Vec<(i64, bool)> = sqlx::query_as(
        "SELECT r.id, max(v.action = 'completed' AND r.status = 'completed') AS finished
         FROM activity v JOIN resources r ON r.id = v.entity_id
         WHERE v.entity = 'resource' AND v.action IN ('completed', 'progress')
           AND v.occurred_on > ?1 AND v.occurred_on <= ?2
         GROUP BY r.id ORDER BY finished DESC, min(v.occurred_on), r.id",
    )
    .bind(since)
    .bind(today)
    .fetch_all(&mut *conn)
    .await?;
    for (id, finished) in learned.into_iter().take(PER_SECTION) {
        let r = crate::learning::fetch(&mut *conn, id).await?;
        let text = if finished {
            format!("Finished “{}”", r.title)
        } else {
            match r.percent {
                Some(p) => format!("“{}”: {p} % done", r.title),
                None => format!(
                    "“{}”: {} {} so far",
                    r.title,
                    number(r.units_done),
                    r.unit.plural()
                ),
            }
        };
        out.push(Draft::new(
            Section::Learning,
            format!("resource:{id}"),
            Some((SourceKind::Resource, id)),
            text,
        ));
    }

    let answers: Vec<(i64, bool, String, String, String)> = sqlx::query_as(
        "SELECT id, kind, person, about, said FROM (
             SELECT r.id, 1 AS kind, p.name AS person, r.question AS about, r.response AS said,
                    r.received_on AS on_day
             FROM feedback_requests r JOIN people p ON p.id = r.person_id
             WHERE r.status = 'received' AND r.received_on > ?1 AND r.received_on <= ?2
             UNION ALL
             SELECT f.id, 0, p.name, f.tone, f.what, f.received_on
             FROM feedback_received f JOIN people p ON p.id = f.person_id
             WHERE f.received_on > ?1 AND f.received_on <= ?2)
         ORDER BY on_day, kind DESC, id",
    )
    .bind(since)
    .bind(today)
    .fetch_all(&mut *conn)
    .await?;
    for (id, asked, person, about, said) in latest(answers) {
        let (key, kind, text) = if asked {
            (
                format!("feedback_request:{id}"),
                SourceKind::FeedbackRequest,
                format!("{person} on “{about}”: {}", snippet(&said)),
            )
        } else {
            // The same words as the Feedback screen's badges.
            let text = if about == "positive" {
                format!("Praise from {person}: {}", snippet(&said))
            } else {
                format!("To work on, from {person}: {}", snippet(&said))
            };
            (
                format!("feedback_received:{id}"),
                SourceKind::FeedbackReceived,
                text,
            )
        };
        out.push(Draft::new(Section::Feedback, key, Some((kind, id)), text));
    }

    let overdue: Vec<(i64, String, NaiveDate, String)> = sqlx::query_as(
        // CROSS JOIN keeps this order: the few open plans first, not every overdue
        // milestone of every closed quarter.
        "SELECT m.id, m.title, m.due_on, g.title
         FROM plans p CROSS JOIN goals g ON g.plan_id = p.id CROSS JOIN milestones m ON m.goal_id = g.id
         WHERE p.status <> 'closed' AND g.status IN ('not_started', 'in_progress')
           AND m.done_on IS NULL AND m.due_on < ?1
         ORDER BY m.due_on, m.id",
    )
    .bind(today)
    .fetch_all(&mut *conn)
    .await?;
    for (id, title, due, goal) in overdue.into_iter().take(PER_SECTION) {
        out.push(Draft::new(
            Section::Help,
            format!("overdue:{id}"),
            Some((SourceKind::Milestone, id)),
            format!("“{title}” ({goal}) is overdue since {}", day(due)),
        ));
    }
    let unsure: Vec<(i64, String, i64, String)> = sqlx::query_as(
        "SELECT c.id, g.title, c.confidence, c.note FROM check_ins c JOIN goals g ON g.id = c.goal_id
         WHERE c.id IN (
             SELECT (SELECT c2.id FROM check_ins c2
                     WHERE c2.goal_id = c1.goal_id AND c2.on_date > ?1 AND c2.on_date <= ?2
                     ORDER BY c2.on_date DESC, c2.id DESC LIMIT 1)
             FROM check_ins c1 WHERE c1.on_date > ?1 AND c1.on_date <= ?2)
           AND c.confidence <= 2
         ORDER BY c.on_date, c.id",
    )
    .bind(since)
    .bind(today)
    .fetch_all(&mut *conn)
    .await?;
    for (id, goal, confidence, note) in latest(unsure) {
        let note = if note.trim().is_empty() {
            String::new()
        } else {
            format!(": {}", snippet(&note))
        };
        out.push(Draft::new(
            Section::Help,
            format!("check_in:{id}"),
            Some((SourceKind::CheckIn, id)),
            format!("Low confidence ({confidence}/5) on “{goal}”{note}"),
        ));
    }

    let topics: Vec<(i64, SourceKind, i64, String)> = sqlx::query_as(
        "SELECT id, source_kind, source_id, text FROM topics
         WHERE person_id = ? AND (one_on_one_id IS NULL OR one_on_one_id = ?) ORDER BY id",
    )
    .bind(meeting.person_id)
    .bind(meeting.id)
    .fetch_all(&mut *conn)
    .await?;
    for (id, kind, source, text) in topics {
        out.push(Draft::new(
            Section::Topics,
            format!("topic:{id}"),
            Some((kind, source)),
            text,
        ));
    }

    let drafted: Vec<(SourceKind, i64)> = out.iter().filter_map(|d| d.source).collect();
    if let Some((previous_id, _)) = previous {
        #[derive(FromRow)]
        struct Left {
            id: i64,
            text: String,
            source_kind: Option<SourceKind>,
            source_id: Option<i64>,
            source_key: Option<String>,
        }
        let left: Vec<Left> = sqlx::query_as(
            "SELECT id, text, source_kind, source_id, source_key FROM agenda_items
                 WHERE one_on_one_id = ? AND removed = 0 AND discussed = 0
                   AND section NOT IN ('career', 'help') AND source_kind IS NOT 'action_item'
                 ORDER BY position, id",
        )
        .bind(previous_id)
        .fetch_all(&mut *conn)
        .await?;
        for Left {
            id,
            text,
            source_kind: kind,
            source_id: source,
            source_key: key,
        } in left
        {
            // What this agenda drafts afresh is not carried as well.
            if kind.zip(source).is_some_and(|s| drafted.contains(&s)) {
                continue;
            }
            // An item carried twice keeps the key of where it started. (Action items and
            // help are left out above: they are drafted again for as long as they hold.)
            let key = match key {
                Some(k) if k.starts_with("carried:") => k,
                _ => format!("carried:{id}"),
            };
            out.push(Draft::new(Section::FollowUps, key, kind.zip(source), text));
        }
    }
    let open: Vec<(i64, String, Owner, Option<NaiveDate>)> = sqlx::query_as(
        "SELECT a.id, a.text, a.owner, a.due_on FROM action_items a
         JOIN one_on_ones o ON o.id = a.one_on_one_id
         WHERE o.person_id = ? AND o.meets_on < ? AND a.done_on IS NULL
         ORDER BY o.meets_on, a.id",
    )
    .bind(meeting.person_id)
    .bind(meeting.meets_on)
    .fetch_all(&mut *conn)
    .await?;
    for (id, text, owner, due) in open {
        let who = match owner {
            Owner::Me => "me".to_owned(),
            Owner::Them => meeting.person_name.clone(),
        };
        let due = due
            .map(|d| format!(" (due {})", day(d)))
            .unwrap_or_default();
        out.push(Draft::new(
            Section::FollowUps,
            format!("action:{id}"),
            Some((SourceKind::ActionItem, id)),
            format!("Action for {who}: {text}{due}"),
        ));
    }

    let held: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM one_on_ones WHERE person_id = ? AND status = 'held' AND meets_on < ?",
    )
    .bind(meeting.person_id)
    .bind(meeting.meets_on)
    .fetch_one(&mut *conn)
    .await?;
    out.push(Draft::new(
        Section::Career,
        "career".into(),
        None,
        CAREER_PROMPTS[held as usize % CAREER_PROMPTS.len()].into(),
    ));
    Ok(out)
}

/// The draft for a stored 1:1, without storing it (the bench times this).
pub async fn preview(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Vec<Draft>> {
    let mut conn = pool.acquire().await?;
    let meeting = one_on_ones::fetch(&mut conn, id).await?;
    draft(&mut conn, &meeting, today).await
}

const SELECT_ITEM: &str = "SELECT id, section, text, source_kind, source_id, discussed, edited,
        CASE source_kind
            WHEN 'goal' THEN (SELECT plan_id FROM goals WHERE id = source_id)
            WHEN 'milestone' THEN (SELECT g.plan_id FROM milestones m JOIN goals g ON g.id = m.goal_id
                                   WHERE m.id = source_id)
            WHEN 'check_in' THEN (SELECT g.plan_id FROM check_ins c JOIN goals g ON g.id = c.goal_id
                                  WHERE c.id = source_id)
        END AS plan_id,
        CASE source_kind
            WHEN 'goal' THEN source_id
            WHEN 'milestone' THEN (SELECT goal_id FROM milestones WHERE id = source_id)
            WHEN 'check_in' THEN (SELECT goal_id FROM check_ins WHERE id = source_id)
        END AS goal_id
    FROM agenda_items";

async fn items(conn: &mut SqliteConnection, meeting_id: i64) -> AppResult<Vec<AgendaItem>> {
    Ok(sqlx::query_as::<_, AgendaItem>(&format!(
        "{SELECT_ITEM} WHERE one_on_one_id = ? AND removed = 0 ORDER BY position, id"
    ))
    .bind(meeting_id)
    .fetch_all(conn)
    .await?)
}

pub async fn detail(pool: &SqlitePool, id: i64) -> AppResult<MeetingDetail> {
    let mut conn = pool.acquire().await?;
    detail_in(&mut conn, id).await
}

async fn detail_in(conn: &mut SqliteConnection, id: i64) -> AppResult<MeetingDetail> {
    let meeting = one_on_ones::fetch(&mut *conn, id).await?;
    let agenda = items(&mut *conn, id).await?;
    let actions = one_on_ones::actions_for(&mut *conn, &meeting).await?;
    let since = previous_held(&mut *conn, &meeting).await?.map(|(_, on)| on);
    let topics_waiting = sqlx::query_scalar(
        "SELECT count(*) FROM topics WHERE person_id = ? AND one_on_one_id IS NULL",
    )
    .bind(meeting.person_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(MeetingDetail {
        meeting,
        agenda,
        actions,
        since,
        topics_waiting,
    })
}

/// Drafts the agenda and adds what is new to it; returns the meeting and how many items
/// were added.
pub async fn prepare(
    pool: &SqlitePool,
    id: i64,
    today: NaiveDate,
) -> AppResult<(MeetingDetail, usize)> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let meeting = one_on_ones::fetch(&mut tx, id).await?;
    if meeting.status == MeetingStatus::Cancelled {
        return Err(AppError::conflict(
            Some("status"),
            "This 1:1 is cancelled; schedule it again to prepare it.",
        ));
    }
    let drafts = draft(&mut tx, &meeting, today).await?;
    // Every stored row, hidden ones included, in order: (id, section, key).
    let stored: Vec<(i64, Section, Option<String>)> = sqlx::query_as(
        "SELECT id, section, source_key FROM agenda_items WHERE one_on_one_id = ? ORDER BY position, id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let known: std::collections::HashSet<&str> =
        stored.iter().filter_map(|(_, _, k)| k.as_deref()).collect();
    let fresh: Vec<&Draft> = drafts
        .iter()
        .filter(|d| !known.contains(d.key.as_str()))
        .collect();
    // The new order: each new item goes after the last item of its section, or before the
    // first item of a later section.
    let mut order: Vec<(Option<i64>, Section, Option<&Draft>)> = stored
        .iter()
        .map(|(id, section, _)| (Some(*id), *section, None))
        .collect();
    for d in &fresh {
        let at = match order.iter().rposition(|(_, s, _)| *s == d.section) {
            Some(i) => i + 1,
            None => order
                .iter()
                .position(|(_, s, _)| *s > d.section)
                .unwrap_or(order.len()),
        };
        order.insert(at, (None, d.section, Some(d)));
    }
    for (position, (row, _, d)) in order.iter().enumerate() {
        match (row, d) {
            (Some(row), _) => {
                sqlx::query("UPDATE agenda_items SET position = ? WHERE id = ? AND position <> ?")
                    .bind(position as i64)
                    .bind(row)
                    .bind(position as i64)
                    .execute(&mut *tx)
                    .await?;
            }
            (None, Some(d)) => {
                sqlx::query(
                    "INSERT INTO agenda_items (one_on_one_id, position, section, text, source_kind, source_id, source_key)
                     VALUES (?, ?, ?, ?, ?, ?, ?)",
                )
                .bind(id)
                .bind(position as i64)
                .bind(d.section)
                .bind(&d.text)
                .bind(d.source.map(|(k, _)| k))
                .bind(d.source.map(|(_, i)| i))
                .bind(&d.key)
                .execute(&mut *tx)
                .await?;
            }
            (None, None) => unreachable!("every new row carries its draft"),
        }
    }
    // The topics this agenda took no longer wait for another 1:1.
    sqlx::query(
        "UPDATE topics SET one_on_one_id = ?1 WHERE person_id = ?2 AND one_on_one_id IS NULL
           AND 'topic:' || id IN (SELECT source_key FROM agenda_items WHERE one_on_one_id = ?1)",
    )
    .bind(id)
    .bind(meeting.person_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE one_on_ones SET prepared_on = ? WHERE id = ?")
        .bind(today)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let detail = detail_in(&mut tx, id).await?;
    tx.commit().await?;
    Ok((detail, fresh.len()))
}

fn item_text(text: &str) -> AppResult<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(AppError::invalid(
            "text",
            "Write what you want to bring up.",
        ));
    }
    if text.chars().count() > 2_000 {
        return Err(AppError::invalid(
            "text",
            "Keep an agenda item under 2,000 characters; put the rest in the notes.",
        ));
    }
    Ok(text)
}

/// The 1:1 of a visible item (or, with `removed`, of a hidden one).
async fn meeting_of_item(
    conn: &mut SqliteConnection,
    item_id: i64,
    removed: bool,
) -> AppResult<i64> {
    sqlx::query_scalar("SELECT one_on_one_id FROM agenda_items WHERE id = ? AND removed = ?")
        .bind(item_id)
        .bind(removed)
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound {
            entity: "Agenda item",
            id: item_id,
        })
}

/// An item the user types in, at the end of the agenda.
pub async fn add_item(pool: &SqlitePool, meeting_id: i64, text: &str) -> AppResult<MeetingDetail> {
    let text = item_text(text)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    one_on_ones::fetch(&mut tx, meeting_id).await?;
    sqlx::query(
        "INSERT INTO agenda_items (one_on_one_id, position, section, text)
         VALUES (?1, (SELECT coalesce(max(position), -1) + 1 FROM agenda_items WHERE one_on_one_id = ?1), 'mine', ?2)",
    )
    .bind(meeting_id)
    .bind(&text)
    .execute(&mut *tx)
    .await?;
    let d = detail_in(&mut tx, meeting_id).await?;
    tx.commit().await?;
    Ok(d)
}

pub async fn edit_item(pool: &SqlitePool, item_id: i64, text: &str) -> AppResult<MeetingDetail> {
    let text = item_text(text)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let meeting_id = meeting_of_item(&mut tx, item_id, false).await?;
    sqlx::query("UPDATE agenda_items SET text = ?, edited = 1 WHERE id = ?")
        .bind(&text)
        .bind(item_id)
        .execute(&mut *tx)
        .await?;
    let d = detail_in(&mut tx, meeting_id).await?;
    tx.commit().await?;
    Ok(d)
}

pub async fn set_discussed(
    pool: &SqlitePool,
    item_id: i64,
    discussed: bool,
) -> AppResult<MeetingDetail> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let meeting_id = meeting_of_item(&mut tx, item_id, false).await?;
    sqlx::query("UPDATE agenda_items SET discussed = ? WHERE id = ?")
        .bind(discussed)
        .bind(item_id)
        .execute(&mut *tx)
        .await?;
    let d = detail_in(&mut tx, meeting_id).await?;
    tx.commit().await?;
    Ok(d)
}

/// Takes an item off the agenda. It stays hidden rather than deleted: preparing again
/// does not bring a drafted item back, and `restore_item` can undo the removal until the
/// 1:1 is held (then typed items removed are deleted).
pub async fn remove_item(pool: &SqlitePool, item_id: i64) -> AppResult<MeetingDetail> {
    set_removed(pool, item_id, true).await
}

/// Undoes `remove_item`: the item shows again where it was (at the end if the agenda
/// was reordered meanwhile), with its text and checkbox as they were.
pub async fn restore_item(pool: &SqlitePool, item_id: i64) -> AppResult<MeetingDetail> {
    set_removed(pool, item_id, false).await
}

async fn set_removed(pool: &SqlitePool, item_id: i64, removed: bool) -> AppResult<MeetingDetail> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let meeting_id = meeting_of_item(&mut tx, item_id, !removed).await?;
    sqlx::query("UPDATE agenda_items SET removed = ? WHERE id = ?")
        .bind(removed)
        .bind(item_id)
        .execute(&mut *tx)
        .await?;
    let d = detail_in(&mut tx, meeting_id).await?;
    tx.commit().await?;
    Ok(d)
}

/// Puts the visible items in the given order; `ids` must name each of them once.
pub async fn reorder(pool: &SqlitePool, meeting_id: i64, ids: &[i64]) -> AppResult<MeetingDetail> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    one_on_ones::fetch(&mut tx, meeting_id).await?;
    let mut current: Vec<i64> = items(&mut tx, meeting_id)
        .await?
        .into_iter()
        .map(|i| i.id)
        .collect();
    let mut given = ids.to_vec();
    current.sort_unstable();
    given.sort_unstable();
    if current != given {
        return Err(AppError::invalid(
            "ids",
            "The agenda changed meanwhile; reload it and try again.",
        ));
    }
    for (position, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE agenda_items SET position = ? WHERE id = ?")
            .bind(position as i64)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    // Hidden rows go after the visible ones, keeping their relative order.
    sqlx::query(
        "UPDATE agenda_items SET position = position + ? WHERE one_on_one_id = ? AND removed = 1",
    )
    .bind(ids.len() as i64 + 1_000_000)
    .bind(meeting_id)
    .execute(&mut *tx)
    .await?;
    let d = detail_in(&mut tx, meeting_id).await?;
    tx.commit().await?;
    Ok(d)
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct TopicInput {
    pub kind: SourceKind,
    #[ts(type = "number")]
    pub id: i64,
    /// Empty: the next 1:1 with my manager.
    #[ts(optional, type = "number | null")]
    pub person_id: Option<i64>,
}

/// Who the topic waits for, for the confirmation.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TopicAdded {
    pub person_name: String,
    pub text: String,
}

/// "Add to next 1:1": saves a goal, check-in, feedback, win or milestone as a topic for
/// the next 1:1 with the person.
pub async fn add_topic(pool: &SqlitePool, input: TopicInput) -> AppResult<TopicAdded> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let person_id = match input.person_id {
        Some(id) => id,
        None => one_on_ones::my_manager(&mut tx).await?.ok_or_else(|| {
            AppError::invalid(
                "personId",
                "Mark someone as your manager first (Feedback → People), or choose a person.",
            )
        })?,
    };
    let person = crate::people::require_active(&mut tx, person_id).await?;
    let sql = match input.kind {
        SourceKind::Goal => "SELECT title FROM goals WHERE id = ?",
        SourceKind::Milestone => {
            "SELECT 'Milestone “' || m.title || '” (' || g.title || ')' FROM milestones m
             JOIN goals g ON g.id = m.goal_id WHERE m.id = ?"
        }
        SourceKind::CheckIn => {
            "SELECT 'Check-in on “' || g.title || '” (confidence ' || c.confidence || '/5)'
                    || CASE WHEN c.note <> '' THEN ': ' || c.note ELSE '' END
             FROM check_ins c JOIN goals g ON g.id = c.goal_id WHERE c.id = ?"
        }
        SourceKind::Achievement => "SELECT 'Win: ' || title FROM achievements WHERE id = ?",
        SourceKind::Resource => "SELECT title FROM resources WHERE id = ?",
        SourceKind::FeedbackRequest => {
            "SELECT 'Feedback from ' || p.name || ' on “' || r.question || '”'
             FROM feedback_requests r JOIN people p ON p.id = r.person_id WHERE r.id = ?"
        }
        SourceKind::FeedbackReceived => {
            "SELECT 'Feedback from ' || p.name || ': ' || f.what
             FROM feedback_received f JOIN people p ON p.id = f.person_id WHERE f.id = ?"
        }
        SourceKind::ActionItem => {
            return Err(AppError::invalid(
                "kind",
                "Open action items come back on their own.",
            ))
        }
    };
    let text: String = sqlx::query_scalar(sql)
        .bind(input.id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| AppError::invalid("id", "That item no longer exists."))?;
    let text = one_line(&text, 300);
    let waiting: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM topics WHERE person_id = ? AND source_kind = ? AND source_id = ? AND one_on_one_id IS NULL",
    )
    .bind(person_id)
    .bind(input.kind)
    .bind(input.id)
    .fetch_optional(&mut *tx)
    .await?;
    if waiting.is_some() {
        return Err(AppError::conflict(
            None,
            format!("This is already waiting for your next 1:1 with {person}."),
        ));
    }
    sqlx::query("INSERT INTO topics (person_id, source_kind, source_id, text) VALUES (?, ?, ?, ?)")
        .bind(person_id)
        .bind(input.kind)
        .bind(input.id)
        .bind(&text)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(TopicAdded {
        person_name: person,
        text,
    })
}

/// The agenda, notes and action items as CommonMark, in the user's order.
pub fn markdown(d: &MeetingDetail) -> String {
    let m = &d.meeting;
    let mut out = format!(
        "# 1:1 with {} — {}\n\n",
        inline(&m.person_name),
        day(m.meets_on)
    );
    let status = match m.status {
        MeetingStatus::Scheduled => "Scheduled",
        MeetingStatus::Held => "Held",
        MeetingStatus::Cancelled => "Cancelled",
    };
    out.push_str(&format!("{status}."));
    if let Some(since) = d.since {
        out.push_str(&format!(" Covers what happened since {}.", day(since)));
    }
    out.push_str("\n\n## Agenda\n");
    if d.agenda.is_empty() {
        out.push_str("\nNothing on the agenda yet.\n");
    }
    let mut section = None;
    for item in &d.agenda {
        if section != Some(item.section) {
            section = Some(item.section);
            out.push_str(&format!("\n### {}\n\n", item.section.heading()));
        }
        let mark = if item.discussed { "x" } else { " " };
        out.push_str(&format!("- [{mark}] {}\n", inline(&item.text)));
    }
    out.push_str("\n## Notes\n\n");
    if m.notes.trim().is_empty() {
        out.push_str("No notes.\n");
    } else {
        // Notes are the user's own Markdown; they go in as written.
        out.push_str(m.notes.trim_end());
        out.push('\n');
    }
    out.push_str("\n## Action items\n\n");
    if d.actions.is_empty() {
        out.push_str("None.\n");
    }
    for a in &d.actions {
        let mark = if a.done_on.is_some() { "x" } else { " " };
        let who = match a.owner {
            Owner::Me => "Me".to_owned(),
            Owner::Them => m.person_name.clone(),
        };
        let due = a
            .due_on
            .map(|d| format!(" (due {})", day(d)))
            .unwrap_or_default();
        let from = if a.one_on_one_id != m.id {
            format!(" — from {}", day(a.agreed_on))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "- [{mark}] {}: {}{due}{from}\n",
            inline(&who),
            inline(&a.text)
        ));
    }
    out
}
