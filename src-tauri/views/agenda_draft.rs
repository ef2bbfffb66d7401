//! The 1:1 agenda, drafted from what actually happened since the last 1:1 with the same
//! person (or the last 14 days before the first): wins, goals that moved, milestones
//! completed, learning, feedback, where help is needed, saved topics, follow-ups and a
//! career question. Drafting is deterministic: the same data and day give the same items
//! in the same order.
//!
//! Each drafted section keeps at most `PER_SECTION` items (the latest, or for help the
//! oldest overdue), so a busy fortnight still reads as an agenda, not a log. Each section
//! is one function below; they read planning, learning, feedback, wins and the activity
//! log, which is why drafting is a view and not part of the one-on-ones feature.
//!
//! Preparing stores what is new through `one_on_ones::agenda::store_drafts`, which keeps
//! the user's edits, order and removals.

use chrono::{Days, NaiveDate};
use sqlx::{FromRow, SqliteConnection, SqlitePool};

use crate::infra::activity::{Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::text::{long_date, one_line, trim_number as number};
use crate::learning::resources;
use crate::mobility::stages::Stage;
use crate::one_on_ones::agenda::{self, Draft, OneOnOneDetail, Section, SourceKind};
use crate::one_on_ones::schedule::{self, OneOnOne, OneOnOneStatus, Owner};
use crate::planning::goals;

const CAREER_PROMPTS: [&str; 4] = [
    "What should I focus on over the next quarter to be ready for the next step?",
    "Which of my strengths should I use more, and what is holding me back?",
    "Is there a project or a team coming up where I could stretch?",
    "How do you see my progress against what we agreed last quarter?",
];

/// Drafted items per section at most.
pub const PER_SECTION: usize = 8;

/// Longest quoted feedback in an item; the full text is one click away.
const SNIPPET: usize = 160;

/// The days a draft looks at: strictly after `since`, up to `today`.
#[derive(Debug, Clone, Copy)]
struct Window {
    since: NaiveDate,
    today: NaiveDate,
}

/// The last `PER_SECTION` rows of a chronological list, still in order.
fn latest<T>(mut rows: Vec<T>) -> Vec<T> {
    let cut = rows.len().saturating_sub(PER_SECTION);
    rows.drain(..cut);
    rows
}

fn snippet(text: &str) -> String {
    one_line(text, SNIPPET)
}

/// Drafts the agenda for `meeting` as of `today`, without storing anything.
pub async fn draft(
    conn: &mut SqliteConnection,
    meeting: &OneOnOne,
    today: NaiveDate,
) -> AppResult<Vec<Draft>> {
    let previous = agenda::previous_held(&mut *conn, meeting).await?;
    let w = Window {
        since: previous.map_or(today - Days::new(14), |(_, on)| on),
        today,
    };
    let mut out = wins(&mut *conn, w).await?;
    out.extend(goals_that_moved(&mut *conn, w).await?);
    out.extend(milestones_completed(&mut *conn, w).await?);
    out.extend(learning(&mut *conn, w).await?);
    out.extend(feedback(&mut *conn, w).await?);
    out.extend(overdue_milestones(&mut *conn, w).await?);
    out.extend(low_confidence(&mut *conn, w).await?);
    out.extend(topics(&mut *conn, meeting).await?);
    if let Some((previous_id, _)) = previous {
        let drafted: Vec<(SourceKind, i64)> = out.iter().filter_map(|d| d.source).collect();
        out.extend(left_over(&mut *conn, previous_id, &drafted).await?);
    }
    out.extend(open_actions(&mut *conn, meeting).await?);
    out.extend(pipeline(&mut *conn, meeting, w).await?);
    out.push(career(&mut *conn, meeting).await?);
    Ok(out)
}

/// Wins logged in the window, with their impact when one was measured.
async fn wins(conn: &mut SqliteConnection, w: Window) -> AppResult<Vec<Draft>> {
    #[derive(FromRow)]
    struct WinRow {
        id: i64,
        title: String,
        impact_metric: Option<String>,
        impact_before: Option<f64>,
        impact_after: Option<f64>,
        impact_unit: String,
    }
    let rows: Vec<WinRow> = sqlx::query_as(
        "SELECT a.id, a.title, a.impact_metric, a.impact_before, a.impact_after, a.impact_unit
         FROM achievements a
         WHERE a.id IN (SELECT entity_id FROM activity WHERE entity = ?3 AND action = ?4
                        AND occurred_on > ?1 AND occurred_on <= ?2)
         ORDER BY a.occurred_on, a.id",
    )
    .bind(w.since)
    .bind(w.today)
    .bind(Entity::Achievement)
    .bind(Action::Created)
    .fetch_all(conn)
    .await?;
    Ok(latest(rows)
        .into_iter()
        .map(|r| {
            let impact = match (r.impact_metric, r.impact_after) {
                (Some(m), Some(after)) => {
                    let from = r
                        .impact_before
                        .map(|b| format!("{} → ", number(b)))
                        .unwrap_or_default();
                    format!(" ({m}: {from}{} {})", number(after), r.impact_unit).replace(" )", ")")
                }
                _ => String::new(),
            };
            Draft::new(
                Section::Wins,
                format!("achievement:{}", r.id),
                Some((SourceKind::Achievement, r.id)),
                format!("{}{impact}", r.title),
            )
        })
        .collect())
}

/// Goals whose status changed or that got a check-in, with where they stand now.
async fn goals_that_moved(conn: &mut SqliteConnection, w: Window) -> AppResult<Vec<Draft>> {
    let moved: Vec<i64> = sqlx::query_scalar(
        "SELECT goal_id FROM (
             SELECT entity_id AS goal_id, occurred_on FROM activity
             WHERE entity = ?3 AND action = ?4 AND occurred_on > ?1 AND occurred_on <= ?2
             UNION ALL
             SELECT c.goal_id, v.occurred_on FROM activity v JOIN check_ins c ON c.id = v.entity_id
             WHERE v.entity = ?5 AND v.action = ?6 AND v.occurred_on > ?1 AND v.occurred_on <= ?2)
         WHERE goal_id IN (SELECT id FROM goals)
         GROUP BY goal_id ORDER BY min(occurred_on), goal_id",
    )
    .bind(w.since)
    .bind(w.today)
    .bind(Entity::Goal)
    .bind(Action::Status)
    .bind(Entity::CheckIn)
    .bind(Action::Created)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for id in latest(moved) {
        let g = goals::fetch(&mut *conn, id, w.today).await?;
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
    Ok(out)
}

async fn milestones_completed(conn: &mut SqliteConnection, w: Window) -> AppResult<Vec<Draft>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT m.id, m.title, g.title FROM milestones m JOIN goals g ON g.id = m.goal_id
         WHERE m.done_on IS NOT NULL AND m.id IN (
             SELECT entity_id FROM activity WHERE entity = ?3 AND action = ?4
             AND occurred_on > ?1 AND occurred_on <= ?2)
         ORDER BY m.done_on, m.id",
    )
    .bind(w.since)
    .bind(w.today)
    .bind(Entity::Milestone)
    .bind(Action::Completed)
    .fetch_all(conn)
    .await?;
    Ok(latest(rows)
        .into_iter()
        .map(|(id, title, goal)| {
            Draft::new(
                Section::Milestones,
                format!("milestone:{id}"),
                Some((SourceKind::Milestone, id)),
                format!("“{title}” ({goal})"),
            )
        })
        .collect())
}

/// Resources finished first, then the ones that moved, each in a stable order.
async fn learning(conn: &mut SqliteConnection, w: Window) -> AppResult<Vec<Draft>> {
    let learned: Vec<(i64, bool)> = sqlx::query_as(
        "SELECT r.id, max(v.action = ?4 AND r.status = 'completed') AS finished
         FROM activity v JOIN resources r ON r.id = v.entity_id
         WHERE v.entity = ?3 AND v.action IN (?4, ?5)
           AND v.occurred_on > ?1 AND v.occurred_on <= ?2
         GROUP BY r.id ORDER BY finished DESC, min(v.occurred_on), r.id",
    )
    .bind(w.since)
    .bind(w.today)
    .bind(Entity::Resource)
    .bind(Action::Completed)
    .bind(Action::Progress)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for (id, finished) in learned.into_iter().take(PER_SECTION) {
        let r = resources::fetch(&mut *conn, id).await?;
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
    Ok(out)
}

/// Answers to requests and feedback received unasked, as short quotes.
async fn feedback(conn: &mut SqliteConnection, w: Window) -> AppResult<Vec<Draft>> {
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
    .bind(w.since)
    .bind(w.today)
    .fetch_all(conn)
    .await?;
    Ok(latest(answers)
        .into_iter()
        .map(|(id, asked, person, about, said)| {
            if asked {
                return Draft::new(
                    Section::Feedback,
                    format!("feedback_request:{id}"),
                    Some((SourceKind::FeedbackRequest, id)),
                    format!("{person} on “{about}”: {}", snippet(&said)),
                );
            }
            // The same words as the Feedback screen's badges.
            let text = if about == "positive" {
                format!("Praise from {person}: {}", snippet(&said))
            } else {
                format!("To work on, from {person}: {}", snippet(&said))
            };
            Draft::new(
                Section::Feedback,
                format!("feedback_received:{id}"),
                Some((SourceKind::FeedbackReceived, id)),
                text,
            )
        })
        .collect())
}

/// Where help is needed, part one: open milestones past their date, oldest first.
async fn overdue_milestones(conn: &mut SqliteConnection, w: Window) -> AppResult<Vec<Draft>> {
    let overdue: Vec<(i64, String, NaiveDate, String)> = sqlx::query_as(
        // CROSS JOIN keeps this order: the few open plans first, not every overdue
        // milestone of every closed quarter.
        "SELECT m.id, m.title, m.due_on, g.title
         FROM plans p CROSS JOIN goals g ON g.plan_id = p.id CROSS JOIN milestones m ON m.goal_id = g.id
         WHERE p.status <> 'closed' AND g.status IN ('not_started', 'in_progress')
           AND m.done_on IS NULL AND m.due_on < ?1
         ORDER BY m.due_on, m.id",
    )
    .bind(w.today)
    .fetch_all(conn)
    .await?;
    Ok(overdue
        .into_iter()
        .take(PER_SECTION)
        .map(|(id, title, due, goal)| {
            Draft::new(
                Section::Help,
                format!("overdue:{id}"),
                Some((SourceKind::Milestone, id)),
                format!("“{title}” ({goal}) is overdue since {}", long_date(due)),
            )
        })
        .collect())
}

/// Where help is needed, part two: goals whose latest check-in in the window was unsure.
async fn low_confidence(conn: &mut SqliteConnection, w: Window) -> AppResult<Vec<Draft>> {
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
    .bind(w.since)
    .bind(w.today)
    .fetch_all(conn)
    .await?;
    Ok(latest(unsure)
        .into_iter()
        .map(|(id, goal, confidence, note)| {
            let note = if note.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", snippet(&note))
            };
            Draft::new(
                Section::Help,
                format!("check_in:{id}"),
                Some((SourceKind::CheckIn, id)),
                format!("Low confidence ({confidence}/5) on “{goal}”{note}"),
            )
        })
        .collect())
}

/// Topics saved for this person that no other agenda has taken.
async fn topics(conn: &mut SqliteConnection, meeting: &OneOnOne) -> AppResult<Vec<Draft>> {
    let rows: Vec<(i64, SourceKind, i64, String)> = sqlx::query_as(
        "SELECT id, source_kind, source_id, text FROM topics
         WHERE person_id = ? AND (one_on_one_id IS NULL OR one_on_one_id = ?) ORDER BY id",
    )
    .bind(meeting.person_id)
    .bind(meeting.id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, kind, source, text)| {
            Draft::new(
                Section::Topics,
                format!("topic:{id}"),
                Some((kind, source)),
                text,
            )
        })
        .collect())
}

/// Items of the previous 1:1 that were neither discussed nor removed, unless drafted
/// afresh above.
async fn left_over(
    conn: &mut SqliteConnection,
    previous_id: i64,
    drafted: &[(SourceKind, i64)],
) -> AppResult<Vec<Draft>> {
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
    .fetch_all(conn)
    .await?;
    Ok(left
        .into_iter()
        .filter(|l| {
            !l.source_kind
                .zip(l.source_id)
                .is_some_and(|s| drafted.contains(&s))
        })
        .map(|l| {
            // An item carried twice keeps the key of where it started. (Action items and
            // help are left out above: they are drafted again for as long as they hold.)
            let key = match l.source_key {
                Some(k) if k.starts_with("carried:") => k,
                _ => format!("carried:{}", l.id),
            };
            Draft::new(
                Section::FollowUps,
                key,
                l.source_kind.zip(l.source_id),
                l.text,
            )
        })
        .collect())
}

/// Action items from earlier 1:1s with this person that are still open.
async fn open_actions(conn: &mut SqliteConnection, meeting: &OneOnOne) -> AppResult<Vec<Draft>> {
    let open: Vec<(i64, String, Owner, Option<NaiveDate>)> = sqlx::query_as(
        "SELECT a.id, a.text, a.owner, a.due_on FROM action_items a
         JOIN one_on_ones o ON o.id = a.one_on_one_id
         WHERE o.person_id = ? AND o.meets_on < ? AND a.done_on IS NULL
         ORDER BY o.meets_on, a.id",
    )
    .bind(meeting.person_id)
    .bind(meeting.meets_on)
    .fetch_all(conn)
    .await?;
    Ok(open
        .into_iter()
        .map(|(id, text, owner, due)| {
            let who = match owner {
                Owner::Me => "me",
                Owner::Them => meeting.person_name.as_str(),
            };
            let due = due
                .map(|d| format!(" (due {})", long_date(d)))
                .unwrap_or_default();
            Draft::new(
                Section::FollowUps,
                format!("action:{id}"),
                Some((SourceKind::ActionItem, id)),
                format!("Action for {who}: {text}{due}"),
            )
        })
        .collect())
}

/// Openings the user chose to bring ("bring to my 1:1") whose stage changed in the
/// window, where each stands now. Only in 1:1s with the manager: the rest of the
/// pipeline, and every other agenda, says nothing of a job search. The key holds the
/// stage, so a later move is a new item and a removed one stays removed.
async fn pipeline(
    conn: &mut SqliteConnection,
    meeting: &OneOnOne,
    w: Window,
) -> AppResult<Vec<Draft>> {
    let with_manager: bool = sqlx::query_scalar(
        "SELECT coalesce((SELECT relationship = 'manager' FROM people WHERE id = ?), 0)",
    )
    .bind(meeting.person_id)
    .fetch_one(&mut *conn)
    .await?;
    if !with_manager {
        return Ok(Vec::new());
    }
    let rows: Vec<(i64, String, Stage, String)> = sqlx::query_as(
        "SELECT o.id, o.title, o.stage, o.next_step FROM opportunities o
         JOIN (SELECT opportunity_id, max(id) AS last FROM opportunity_stages
               WHERE changed_on > ?1 AND changed_on <= ?2 GROUP BY opportunity_id) s
           ON s.opportunity_id = o.id
         WHERE o.bring_to_one_on_one = 1
         ORDER BY s.last",
    )
    .bind(w.since)
    .bind(w.today)
    .fetch_all(&mut *conn)
    .await?;
    Ok(latest(rows)
        .into_iter()
        .map(|(id, title, stage, next_step)| {
            let next = match next_step.as_str() {
                "" => String::new(),
                step => format!("; next: {step}"),
            };
            Draft::new(
                Section::Career,
                format!("opportunity:{id}:{}", stage.label()),
                None,
                format!("Opening “{title}”: now {}{next}", stage.label()),
            )
        })
        .collect())
}

/// One career question, a different one each 1:1 in turn.
async fn career(conn: &mut SqliteConnection, meeting: &OneOnOne) -> AppResult<Draft> {
    let held: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM one_on_ones WHERE person_id = ? AND status = 'held' AND meets_on < ?",
    )
    .bind(meeting.person_id)
    .bind(meeting.meets_on)
    .fetch_one(conn)
    .await?;
    Ok(Draft::new(
        Section::Career,
        "career".into(),
        None,
        CAREER_PROMPTS[held as usize % CAREER_PROMPTS.len()].into(),
    ))
}

/// The draft for a stored 1:1, without storing it (the bench times this).
pub async fn preview(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Vec<Draft>> {
    let mut conn = pool.acquire().await?;
    let meeting = schedule::fetch(&mut conn, id).await?;
    draft(&mut conn, &meeting, today).await
}

/// Drafts the agenda and adds what is new to it; returns the 1:1 and how many items were
/// added.
pub async fn prepare(
    pool: &SqlitePool,
    id: i64,
    today: NaiveDate,
) -> AppResult<(OneOnOneDetail, usize)> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let meeting = schedule::fetch(&mut tx, id).await?;
    if meeting.status == OneOnOneStatus::Cancelled {
        return Err(AppError::conflict(
            Some("status"),
            "This 1:1 is cancelled; schedule it again to prepare it.",
        ));
    }
    let drafts = draft(&mut tx, &meeting, today).await?;
    let added = agenda::store_drafts(&mut tx, &meeting, &drafts, today).await?;
    let detail = agenda::detail_in(&mut tx, id).await?;
    tx.commit().await?;
    Ok((detail, added))
}
