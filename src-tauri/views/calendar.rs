//! The calendar export: what in Ladder falls on a day, as all-day events for the user's
//! own calendar app (RFC 5545, written by `infra::ical`).
//!
//! In it goes what a user wants to see coming: open milestones and open goals with a due
//! date in plans not closed, 1:1s scheduled or held, feedback asked for and still awaited
//! with a wanted-by date, open action items with a due date, and the next catch-up with
//! each person who has a cadence, open follow-ups of conversations, and (only when asked)
//! the next steps of open opportunities. With one plan chosen, only that plan's goals and
//! milestones. Everything is read in one transaction, so the file is one moment's data.
//!
//! Each event's UID comes from its record's `uid` and its DTSTAMP from the record's
//! `updated_at`, so exporting again updates events instead of repeating them, and two
//! exports of unchanged data are the same bytes.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sqlx::{FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};
use crate::infra::ical::{AllDayEvent, Writer};
use crate::infra::text::long_date;
use crate::one_on_ones::schedule::{OneOnOneStatus, Owner};
use crate::people::catch_up::{self, Window};
use crate::planning::plans::{self, Plan, PlanStatus};

/// What an event is about, in the order events of one day are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventKind {
    Milestone,
    GoalDue,
    OneOnOne,
    FeedbackDue,
    ActionItem,
    CatchUp,
    FollowUp,
    NextStep,
}

/// One all-day event of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub kind: EventKind,
    /// The iCalendar UID: the record's uid and `@ladder`.
    pub uid: String,
    pub on: NaiveDate,
    /// The record's `updated_at`.
    pub stamp: DateTime<Utc>,
    pub summary: String,
    pub description: String,
}

/// The events of one export, and the plan they were limited to, if any.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub plan: Option<Plan>,
    pub events: Vec<Event>,
}

/// How many events of each kind a saved calendar holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventCounts {
    #[ts(type = "number")]
    pub milestones: i64,
    #[ts(type = "number")]
    pub goals: i64,
    #[ts(type = "number")]
    pub one_on_ones: i64,
    #[ts(type = "number")]
    pub feedback: i64,
    #[ts(type = "number")]
    pub action_items: i64,
    #[ts(type = "number")]
    pub catch_ups: i64,
    #[ts(type = "number")]
    pub follow_ups: i64,
    #[ts(type = "number")]
    pub next_steps: i64,
}

/// What "Export calendar…" wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CalendarSaved {
    pub path: String,
    /// The plan's title when the export was limited to one plan.
    pub plan_title: Option<String>,
    #[ts(type = "number")]
    pub total: i64,
    pub counts: EventCounts,
}

impl CalendarSaved {
    pub fn new(path: String, calendar: &Calendar) -> Self {
        CalendarSaved {
            path,
            plan_title: calendar.plan.as_ref().map(|p| p.title.clone()),
            total: calendar.events.len() as i64,
            counts: counts(&calendar.events),
        }
    }
}

/// What goes into one export.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    /// Only the goals and milestones of this plan (which must not be closed).
    pub plan_id: Option<i64>,
    /// The next steps of open opportunities too. Off unless asked: the calendar may be
    /// one the employer can see, and a job search need not be.
    pub pipeline: bool,
}

/// The dated items as of `today` that `scope` asks for. Sorted by day, kind and UID.
pub async fn gather(pool: &SqlitePool, scope: Scope, today: NaiveDate) -> AppResult<Calendar> {
    let plan_id = scope.plan_id;
    let mut tx = pool.begin().await?;
    let plan = match plan_id {
        Some(id) => Some(open_plan(&mut tx, id).await?),
        None => None,
    };
    let mut events = milestones(&mut tx, plan_id).await?;
    events.extend(goals(&mut tx, plan_id).await?);
    if plan.is_none() {
        events.extend(one_on_ones(&mut tx).await?);
        events.extend(feedback(&mut tx).await?);
        events.extend(action_items(&mut tx).await?);
        events.extend(catch_ups(&mut tx, today).await?);
        events.extend(follow_ups(&mut tx).await?);
        if scope.pipeline {
            events.extend(next_steps(&mut tx).await?);
        }
    }
    tx.commit().await?;
    events.sort_by(|a, b| (a.on, a.kind, &a.uid).cmp(&(b.on, b.kind, &b.uid)));
    Ok(Calendar { plan, events })
}

/// The calendar as an `.ics` file's text.
pub fn ics(calendar: &Calendar) -> String {
    let prodid = format!("-//Ladder//Ladder {}//EN", env!("CARGO_PKG_VERSION"));
    let name = match &calendar.plan {
        Some(plan) => format!("Ladder: {}", plan.title),
        None => "Ladder".to_owned(),
    };
    let mut w = Writer::calendar(&prodid, &name);
    for e in &calendar.events {
        w.all_day_event(&AllDayEvent {
            uid: &e.uid,
            stamp: e.stamp,
            on: e.on,
            summary: &e.summary,
            description: &e.description,
        });
    }
    w.finish()
}

pub fn counts(events: &[Event]) -> EventCounts {
    let mut c = EventCounts::default();
    for e in events {
        *match e.kind {
            EventKind::Milestone => &mut c.milestones,
            EventKind::GoalDue => &mut c.goals,
            EventKind::OneOnOne => &mut c.one_on_ones,
            EventKind::FeedbackDue => &mut c.feedback,
            EventKind::ActionItem => &mut c.action_items,
            EventKind::CatchUp => &mut c.catch_ups,
            EventKind::FollowUp => &mut c.follow_ups,
            EventKind::NextStep => &mut c.next_steps,
        } += 1;
    }
    c
}

/// The chosen plan; a closed one is refused, as its unfinished goals have moved on.
async fn open_plan(conn: &mut SqliteConnection, id: i64) -> AppResult<Plan> {
    let plan = plans::fetch(conn, id).await?;
    if plan.status == PlanStatus::Closed {
        return Err(AppError::conflict(
            Some("planId"),
            format!(
                "\"{}\" is closed: its unfinished goals went on to the next quarter, so it has no dates ahead.",
                plan.title
            ),
        ));
    }
    Ok(plan)
}

fn event(
    kind: EventKind,
    uid: String,
    on: NaiveDate,
    stamp: DateTime<Utc>,
    summary: String,
    description: String,
) -> Event {
    Event {
        kind,
        uid,
        on,
        stamp,
        summary,
        description,
    }
}

#[derive(FromRow)]
struct MilestoneRow {
    uid: String,
    due_on: NaiveDate,
    updated_at: DateTime<Utc>,
    title: String,
    goal_title: String,
    plan_title: String,
}

/// Open milestones with a due date, of open goals in plans not closed.
async fn milestones(conn: &mut SqliteConnection, plan_id: Option<i64>) -> AppResult<Vec<Event>> {
    let rows = sqlx::query_as::<_, MilestoneRow>(
        "SELECT m.uid, m.due_on, m.updated_at, m.title, g.title AS goal_title, p.title AS plan_title
         FROM plans p JOIN goals g ON g.plan_id = p.id JOIN milestones m ON m.goal_id = g.id
         WHERE p.status <> 'closed' AND (?1 IS NULL OR p.id = ?1)
           AND g.status IN ('not_started', 'in_progress')
           AND m.done_on IS NULL AND m.due_on IS NOT NULL",
    )
    .bind(plan_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let description = format!("Goal: {}\nPlan: {}", r.goal_title, r.plan_title);
            let summary = format!("Milestone: {}", r.title);
            let uid = format!("{}@ladder", r.uid);
            event(
                EventKind::Milestone,
                uid,
                r.due_on,
                r.updated_at,
                summary,
                description,
            )
        })
        .collect())
}

#[derive(FromRow)]
struct GoalRow {
    uid: String,
    due_on: NaiveDate,
    updated_at: DateTime<Utc>,
    title: String,
    plan_title: String,
}

/// Open goals with a due date, in plans not closed.
async fn goals(conn: &mut SqliteConnection, plan_id: Option<i64>) -> AppResult<Vec<Event>> {
    let rows = sqlx::query_as::<_, GoalRow>(
        "SELECT g.uid, g.due_on, g.updated_at, g.title, p.title AS plan_title
         FROM plans p JOIN goals g ON g.plan_id = p.id
         WHERE p.status <> 'closed' AND (?1 IS NULL OR p.id = ?1)
           AND g.status IN ('not_started', 'in_progress') AND g.due_on IS NOT NULL",
    )
    .bind(plan_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let description = format!("Plan: {}", r.plan_title);
            let uid = format!("{}-due@ladder", r.uid);
            let summary = format!("Goal due: {}", r.title);
            event(
                EventKind::GoalDue,
                uid,
                r.due_on,
                r.updated_at,
                summary,
                description,
            )
        })
        .collect())
}

#[derive(FromRow)]
struct MeetingRow {
    uid: String,
    meets_on: NaiveDate,
    updated_at: DateTime<Utc>,
    person_name: String,
    status: OneOnOneStatus,
}

/// 1:1s scheduled or held; cancelled ones stay out.
async fn one_on_ones(conn: &mut SqliteConnection) -> AppResult<Vec<Event>> {
    let rows = sqlx::query_as::<_, MeetingRow>(
        "SELECT o.uid, o.meets_on, o.updated_at, p.name AS person_name, o.status
         FROM one_on_ones o JOIN people p ON p.id = o.person_id
         WHERE o.status IN ('scheduled', 'held')",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let description = match r.status {
                OneOnOneStatus::Held => "Held.",
                _ => "",
            };
            let summary = format!("1:1 with {}", r.person_name);
            let uid = format!("{}@ladder", r.uid);
            let (on, stamp) = (r.meets_on, r.updated_at);
            event(
                EventKind::OneOnOne,
                uid,
                on,
                stamp,
                summary,
                description.into(),
            )
        })
        .collect())
}

#[derive(FromRow)]
struct RequestRow {
    uid: String,
    due_on: NaiveDate,
    updated_at: DateTime<Utc>,
    person_name: String,
    question: String,
    asked_on: Option<NaiveDate>,
}

/// Feedback asked for, not yet answered, with a wanted-by date.
async fn feedback(conn: &mut SqliteConnection) -> AppResult<Vec<Event>> {
    let rows = sqlx::query_as::<_, RequestRow>(
        "SELECT r.uid, r.due_on, r.updated_at, p.name AS person_name, r.question, r.asked_on
         FROM feedback_requests r JOIN people p ON p.id = r.person_id
         WHERE r.status = 'asked' AND r.due_on IS NOT NULL",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let asked = match r.asked_on {
                Some(on) => format!("You asked on {}: {}", long_date(on), r.question),
                None => format!("You asked: {}", r.question),
            };
            let summary = format!("Feedback due from {}", r.person_name);
            let uid = format!("{}@ladder", r.uid);
            event(
                EventKind::FeedbackDue,
                uid,
                r.due_on,
                r.updated_at,
                summary,
                asked,
            )
        })
        .collect())
}

#[derive(FromRow)]
struct ActionRow {
    uid: String,
    due_on: NaiveDate,
    updated_at: DateTime<Utc>,
    text: String,
    owner: Owner,
    person_name: String,
    meets_on: NaiveDate,
}

/// Action items not done yet, with a due date.
async fn action_items(conn: &mut SqliteConnection) -> AppResult<Vec<Event>> {
    let rows = sqlx::query_as::<_, ActionRow>(
        "SELECT a.uid, a.due_on, a.updated_at, a.text, a.owner, p.name AS person_name, o.meets_on
         FROM action_items a JOIN one_on_ones o ON o.id = a.one_on_one_id
         JOIN people p ON p.id = o.person_id
         WHERE a.done_on IS NULL AND a.due_on IS NOT NULL",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let met = long_date(r.meets_on);
            let description = match r.owner {
                Owner::Me => format!("Yours, from the 1:1 with {} on {met}.", r.person_name),
                Owner::Them => format!("{}'s, from your 1:1 on {met}.", r.person_name),
            };
            let summary = format!("Action item: {}", r.text);
            let uid = format!("{}@ladder", r.uid);
            event(
                EventKind::ActionItem,
                uid,
                r.due_on,
                r.updated_at,
                summary,
                description,
            )
        })
        .collect())
}

/// The next catch-up with everyone who has a cadence (`people::catch_up`'s rule).
async fn catch_ups(conn: &mut SqliteConnection, today: NaiveDate) -> AppResult<Vec<Event>> {
    let everyone = Window {
        due_by: None,
        limit: None,
    };
    let due = catch_up::list(conn, today, everyone).await?;
    Ok(due
        .into_iter()
        .map(|c| {
            let contact = match c.last_contact_on {
                Some(on) => format!("last contact {}", long_date(on)),
                None => "you have not been in touch yet".to_owned(),
            };
            let every = match c.cadence_days {
                1 => "Every day".to_owned(),
                n => format!("Every {n} days"),
            };
            let description = format!("{every}; {contact}.");
            let summary = format!("Catch up with {}", c.name);
            let uid = format!("{}-catch-up@ladder", c.uid);
            event(
                EventKind::CatchUp,
                uid,
                c.due_on,
                c.updated_at,
                summary,
                description,
            )
        })
        .collect())
}

#[derive(FromRow)]
struct FollowUpRow {
    uid: String,
    follow_up_on: NaiveDate,
    updated_at: DateTime<Utc>,
    follow_up: String,
    topic: String,
    held_on: NaiveDate,
}

/// Follow-ups of conversations not ticked off yet, with a due date.
async fn follow_ups(conn: &mut SqliteConnection) -> AppResult<Vec<Event>> {
    let rows = sqlx::query_as::<_, FollowUpRow>(
        "SELECT uid, follow_up_on, updated_at, follow_up, topic, held_on FROM conversations
         WHERE follow_up_on IS NOT NULL AND follow_up_done_on IS NULL",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let description = format!("From \"{}\" on {}.", r.topic, long_date(r.held_on));
            let summary = format!("Follow up: {}", r.follow_up);
            let uid = format!("{}-follow-up@ladder", r.uid);
            event(
                EventKind::FollowUp,
                uid,
                r.follow_up_on,
                r.updated_at,
                summary,
                description,
            )
        })
        .collect())
}

#[derive(FromRow)]
struct NextStepRow {
    uid: String,
    next_step_on: NaiveDate,
    updated_at: DateTime<Utc>,
    next_step: String,
    title: String,
}

/// The next step of every opportunity still open, with a date.
async fn next_steps(conn: &mut SqliteConnection) -> AppResult<Vec<Event>> {
    let rows = sqlx::query_as::<_, NextStepRow>(
        "SELECT uid, next_step_on, updated_at, next_step, title FROM opportunities
         WHERE next_step_on IS NOT NULL
           AND stage NOT IN ('accepted', 'declined', 'not_selected', 'withdrawn')",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let description = format!("The next step for the opening \"{}\".", r.title);
            let uid = format!("{}-next-step@ladder", r.uid);
            event(
                EventKind::NextStep,
                uid,
                r.next_step_on,
                r.updated_at,
                r.next_step,
                description,
            )
        })
        .collect())
}
