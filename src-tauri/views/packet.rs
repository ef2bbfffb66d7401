//! The promotion packet: the case for the next role, assembled from the record of a date
//! range so the user starts from their own evidence instead of a blank page. A view
//! because it reads planning, wins, people, learning, mobility and readiness at once.
//!
//! The range counts both its edges: a win on `from` or on `to` is in. What dates an item:
//! a goal, the day it was last marked done (the end of its quarter when no change was
//! recorded); a win and its story, the day it happened; feedback, the day it was received;
//! a course or certification, the day it was completed; a mentoring session, the day it
//! was held. Readiness is read for the role on the range's last day, or today when the
//! range runs on past it (ratings from the future do not exist yet).
//!
//! Every item has a stable key (`kind:id`) so the UI keeps the user's picks and edits
//! while it reloads. Feedback starts left out: what the user quotes is their choice.
//! Turning the user's draft into Markdown is `views::packet_markdown`.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::input;
use crate::infra::text::long_date;
use crate::readiness::roles;
use crate::readiness::score::{self, Readiness};
use crate::views::resume_json::{self, Highlight, Impact};

/// The longest range a packet covers: a promotion case rests on a few years at most.
pub const RANGE_MAX_MONTHS: u32 = 60;
/// Items listed per section at most, the oldest first; `total` says how many there were.
pub const ITEMS_MAX: i64 = 500;

/// The sections of a packet, in their default order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SectionKind {
    Goals,
    Wins,
    Principles,
    Stories,
    Feedback,
    Learning,
    Mentoring,
    Readiness,
}

impl SectionKind {
    pub const ALL: [SectionKind; 8] = [
        SectionKind::Goals,
        SectionKind::Wins,
        SectionKind::Principles,
        SectionKind::Stories,
        SectionKind::Feedback,
        SectionKind::Learning,
        SectionKind::Mentoring,
        SectionKind::Readiness,
    ];

    /// The section's heading in the packet and in the Markdown.
    pub fn heading(self) -> &'static str {
        match self {
            SectionKind::Goals => "Goals achieved",
            SectionKind::Wins => "Wins and their impact",
            SectionKind::Principles => "Principles shown",
            SectionKind::Stories => "STAR stories",
            SectionKind::Feedback => "What others said",
            SectionKind::Learning => "Courses and certifications",
            SectionKind::Mentoring => "Mentoring given",
            SectionKind::Readiness => "Readiness for the target role",
        }
    }
}

/// One thing the packet may say: offered by `assemble`, sent back edited in a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct PacketItem {
    /// `kind:id`, stable across reloads ("win:12", "readiness:area:3").
    pub key: String,
    /// The default wording, or the user's edit of it.
    pub text: String,
    /// A second line: the numbers, dates and names behind the text.
    pub detail: Option<String>,
    /// The sub-heading the item is listed under (a focus area; praise or advice).
    pub group: Option<String>,
    pub included: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PacketSection {
    pub kind: SectionKind,
    pub heading: String,
    pub items: Vec<PacketItem>,
    /// How many the range holds; more than `items` when the list was cut at `ITEMS_MAX`.
    #[ts(type = "number")]
    pub total: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Packet {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The target role readiness is read against; `None` when there is none.
    pub role_name: Option<String>,
    /// The default title of the document.
    pub title: String,
    /// Every section, in the default order, even those with nothing in them.
    pub sections: Vec<PacketSection>,
    /// True when the range holds nothing but readiness.
    pub empty: bool,
}

/// The range `from`..=`to` as typed: each a date (refused at its field), `to` not before
/// `from`, and at most `RANGE_MAX_MONTHS` long (both refused at "to").
pub fn range(from: &str, to: &str) -> AppResult<(NaiveDate, NaiveDate)> {
    let from = input::date("from", from)?;
    let to = input::date("to", to)?;
    if to < from {
        return Err(AppError::invalid("to", "The range ends before it starts."));
    }
    let longest = from.checked_add_months(Months::new(RANGE_MAX_MONTHS));
    if longest.is_none_or(|last| to >= last) {
        return Err(AppError::invalid(
            "to",
            format!(
                "A packet covers at most {} years; pick a shorter range.",
                RANGE_MAX_MONTHS / 12
            ),
        ));
    }
    Ok((from, to))
}

/// The packet for `from`..=`to` (both included), against `role_id` or else the current
/// target role. All reads in one transaction, so the sections agree with each other.
pub async fn assemble(
    pool: &SqlitePool,
    from: &str,
    to: &str,
    role_id: Option<i64>,
    today: NaiveDate,
) -> AppResult<Packet> {
    let (from, to) = range(from, to)?;
    let role = match role_id {
        Some(id) => Some(roles::get(pool, id).await?),
        None => roles::current(pool).await?,
    };
    let readiness = match role {
        Some(role) => Some(score::readiness_of(pool, role, to.min(today)).await?),
        None => None,
    };
    let mut tx = pool.begin().await?;
    let r = (from, to);
    let mut sections = vec![
        section(SectionKind::Goals, goals(&mut tx, r).await?),
        section(SectionKind::Wins, wins(&mut tx, r).await?),
        section(SectionKind::Principles, principles(&mut tx, r).await?),
        section(SectionKind::Stories, stories(&mut tx, r).await?),
        section(SectionKind::Feedback, feedback(&mut tx, r).await?),
        section(SectionKind::Learning, learning(&mut tx, r).await?),
        section(SectionKind::Mentoring, mentoring(&mut tx, r).await?),
    ];
    tx.commit().await?;
    let empty = sections.iter().all(|s| s.items.is_empty());
    let ready = readiness.as_ref().map(readiness_items).unwrap_or_default();
    sections.push(section(SectionKind::Readiness, (ready, 0)));
    if let Some(s) = sections.last_mut() {
        s.total = s.items.len() as i64;
    }
    let role_name = readiness.map(|r| r.role_name);
    let title = match &role_name {
        Some(name) => format!("Promotion packet: {name}"),
        None => "Promotion packet".to_owned(),
    };
    Ok(Packet {
        from,
        to,
        role_name,
        title,
        sections,
        empty,
    })
}

fn section(kind: SectionKind, (items, total): (Vec<PacketItem>, i64)) -> PacketSection {
    PacketSection {
        kind,
        heading: kind.heading().to_owned(),
        items,
        total,
    }
}

fn item(key: String, text: String, detail: Option<String>, group: Option<String>) -> PacketItem {
    PacketItem {
        key,
        text,
        detail: detail.filter(|d| !d.is_empty()),
        group,
        included: true,
    }
}

type Range = (NaiveDate, NaiveDate);
type Found = (Vec<PacketItem>, i64);

/// The rows of a section cut at `ITEMS_MAX`, and how many there were.
fn capped(items: Vec<PacketItem>) -> Found {
    let total = items.len() as i64;
    (items.into_iter().take(ITEMS_MAX as usize).collect(), total)
}

#[derive(FromRow)]
struct GoalRow {
    id: i64,
    title: String,
    metric_name: Option<String>,
    metric_unit: String,
    baseline: Option<f64>,
    target: Option<f64>,
    reached: Option<f64>,
    area: String,
    done_on: NaiveDate,
}

/// Done goals whose last change to done falls in the range, by focus area.
async fn goals(conn: &mut SqliteConnection, (from, to): Range) -> AppResult<Found> {
    let rows: Vec<GoalRow> = sqlx::query_as(
        "WITH marked AS (
             SELECT entity_id AS goal_id, max(occurred_on) AS on_day FROM activity
             WHERE entity = ?3 AND action = ?4 GROUP BY entity_id)
         SELECT * FROM (
             SELECT g.id, g.title, g.metric_name, g.metric_unit, g.baseline, g.target,
                    (SELECT c.value FROM check_ins c WHERE c.goal_id = g.id AND c.value IS NOT NULL
                     ORDER BY c.on_date DESC, c.id DESC LIMIT 1) AS reached,
                    f.name AS area, f.position AS area_position,
                    coalesce(m.on_day, p.ends_on) AS done_on
             FROM goals g JOIN plans p ON p.id = g.plan_id
             JOIN focus_areas f ON f.id = g.focus_area_id
             LEFT JOIN marked m ON m.goal_id = g.id
             WHERE g.status = 'done')
         WHERE done_on BETWEEN ?1 AND ?2
         ORDER BY area_position, done_on, id",
    )
    .bind(from)
    .bind(to)
    .bind(Entity::Goal)
    .bind(Action::Status)
    .fetch_all(conn)
    .await?;
    Ok(capped(
        rows.into_iter()
            .map(|g| {
                let when = format!("done {}", long_date(g.done_on));
                let detail = match measure_text(&g) {
                    Some(measure) => format!("{measure} · {when}"),
                    None => when,
                };
                item(
                    format!("goal:{}", g.id),
                    g.title,
                    Some(detail),
                    Some(g.area),
                )
            })
            .collect(),
    ))
}

/// A metric goal's numbers as the quarter review words them: "Escaped defects: 12 → 3
/// defects (target 4)"; the value reached is the last checked in, else the target.
fn measure_text(g: &GoalRow) -> Option<String> {
    let (name, baseline, target) = (g.metric_name.as_ref()?, g.baseline?, g.target?);
    let impact = Impact {
        metric: name.clone(),
        unit: g.metric_unit.clone(),
        before: Some(baseline),
        after: g.reached.unwrap_or(target),
    };
    Some(format!(
        "{} (target {})",
        resume_json::impact_text(&impact),
        resume_json::amount(target, &g.metric_unit, true)
    ))
}

#[derive(FromRow)]
struct WinRow {
    id: i64,
    title: String,
    occurred_on: NaiveDate,
    area: Option<String>,
    impact_metric: Option<String>,
    impact_unit: String,
    impact_before: Option<f64>,
    impact_after: Option<f64>,
    principles: Option<String>,
}

/// Wins in the range by focus area (those with none last), each with its numbers.
async fn wins(conn: &mut SqliteConnection, (from, to): Range) -> AppResult<Found> {
    let rows: Vec<WinRow> = sqlx::query_as(
        "SELECT a.id, a.title, a.occurred_on, f.name AS area, a.impact_metric, a.impact_unit,
                a.impact_before, a.impact_after,
                (SELECT group_concat(name, ', ') FROM (
                    SELECT p.name FROM achievement_principles ap
                    JOIN principles p ON p.id = ap.principle_id
                    WHERE ap.achievement_id = a.id ORDER BY p.position, p.id)) AS principles
         FROM achievements a LEFT JOIN focus_areas f ON f.id = a.focus_area_id
         WHERE a.occurred_on BETWEEN ?1 AND ?2
         ORDER BY f.position IS NULL, f.position, a.occurred_on, a.id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(capped(rows.into_iter().map(win_item).collect()))
}

fn win_item(w: WinRow) -> PacketItem {
    let impact = match (w.impact_metric, w.impact_after) {
        (Some(metric), Some(after)) => Some(Impact {
            metric,
            unit: w.impact_unit,
            before: w.impact_before,
            after,
        }),
        _ => None,
    };
    let text = resume_json::sentence(&Highlight {
        title: w.title,
        impact,
    });
    let mut detail = long_date(w.occurred_on);
    if let Some(principles) = w.principles.filter(|p| !p.is_empty()) {
        detail.push_str(&format!(" · {principles}"));
    }
    item(
        format!("win:{}", w.id),
        text,
        Some(detail),
        Some(w.area.unwrap_or_else(|| "No focus area".to_owned())),
    )
}

/// The principles the range's wins show, in the user's order, each with its wins.
async fn principles(conn: &mut SqliteConnection, (from, to): Range) -> AppResult<Found> {
    let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
        "SELECT p.id, p.name, count(*),
                group_concat(a.title, '; ' ORDER BY a.occurred_on, a.id)
         FROM achievement_principles ap
         JOIN achievements a ON a.id = ap.achievement_id
         JOIN principles p ON p.id = ap.principle_id
         WHERE a.occurred_on BETWEEN ?1 AND ?2
         GROUP BY p.id ORDER BY p.position, p.id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(capped(
        rows.into_iter()
            .map(|(id, name, n, titles)| {
                let wins = if n == 1 {
                    "1 win".into()
                } else {
                    format!("{n} wins")
                };
                item(
                    format!("principle:{id}"),
                    format!("{name}: {wins}"),
                    Some(titles),
                    None,
                )
            })
            .collect(),
    ))
}

#[derive(FromRow)]
struct StoryRow {
    id: i64,
    title: String,
    situation: String,
    task: String,
    action: String,
    result: String,
}

/// The STAR stories of the range's wins that say something.
async fn stories(conn: &mut SqliteConnection, (from, to): Range) -> AppResult<Found> {
    let rows: Vec<StoryRow> = sqlx::query_as(
        "SELECT s.id, a.title, s.situation, s.task, s.action, s.result
         FROM stories s JOIN achievements a ON a.id = s.achievement_id
         WHERE a.occurred_on BETWEEN ?1 AND ?2
           AND trim(s.situation || s.task || s.action || s.result) <> ''
         ORDER BY a.occurred_on, a.id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(capped(
        rows.into_iter()
            .map(|s| {
                let parts = [
                    ("Situation", s.situation),
                    ("Task", s.task),
                    ("Action", s.action),
                    ("Result", s.result),
                ];
                let detail: Vec<String> = parts
                    .into_iter()
                    .filter(|(_, text)| !text.trim().is_empty())
                    .map(|(label, text)| format!("{label}: {}", text.trim()))
                    .collect();
                item(
                    format!("story:{}", s.id),
                    s.title,
                    Some(detail.join("\n")),
                    None,
                )
            })
            .collect(),
    ))
}

/// Feedback received in the range, praise first; left out until the user picks it.
async fn feedback(conn: &mut SqliteConnection, (from, to): Range) -> AppResult<Found> {
    let rows: Vec<(i64, String, String, String, String, NaiveDate)> = sqlx::query_as(
        "SELECT r.id, r.what, r.tone, p.name, p.role, r.received_on
         FROM feedback_received r JOIN people p ON p.id = r.person_id
         WHERE r.received_on BETWEEN ?1 AND ?2
         ORDER BY r.tone = 'constructive', r.received_on, r.id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(capped(
        rows.into_iter()
            .map(|(id, what, tone, name, role, on)| {
                let who = match role.trim() {
                    "" => name,
                    role => format!("{name}, {role}"),
                };
                let group = match tone.as_str() {
                    "positive" => "Praise",
                    _ => "Something to work on",
                };
                PacketItem {
                    included: false,
                    ..item(
                        format!("feedback:{id}"),
                        what.trim().to_owned(),
                        Some(format!("{who} · {}", long_date(on))),
                        Some(group.to_owned()),
                    )
                }
            })
            .collect(),
    ))
}

/// Courses, workshops and certifications completed in the range.
async fn learning(conn: &mut SqliteConnection, (from, to): Range) -> AppResult<Found> {
    let rows: Vec<(i64, String, String, String, NaiveDate)> = sqlx::query_as(
        "SELECT id, title, kind, provider, completed_on FROM resources
         WHERE status = 'completed' AND kind IN ('course', 'workshop', 'certification')
           AND completed_on BETWEEN ?1 AND ?2
         ORDER BY completed_on, id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(capped(
        rows.into_iter()
            .map(|(id, title, kind, provider, on)| {
                let mut detail = match kind.as_str() {
                    "certification" => "Certification".to_owned(),
                    "workshop" => "Workshop".to_owned(),
                    _ => "Course".to_owned(),
                };
                if !provider.trim().is_empty() {
                    detail.push_str(&format!(" · {}", provider.trim()));
                }
                detail.push_str(&format!(" · completed {}", long_date(on)));
                item(format!("resource:{id}"), title, Some(detail), None)
            })
            .collect(),
    ))
}

/// Mentoring the user gave (not received) in the range: sessions held as the mentor.
async fn mentoring(conn: &mut SqliteConnection, (from, to): Range) -> AppResult<Found> {
    let rows: Vec<(i64, String, NaiveDate, String)> = sqlx::query_as(
        "SELECT c.id, c.topic, c.held_on,
                coalesce((SELECT group_concat(name, ', ') FROM (
                    SELECT p.name FROM conversation_people cp JOIN people p ON p.id = cp.person_id
                    WHERE cp.conversation_id = c.id ORDER BY p.name)), '') AS people
         FROM conversations c
         WHERE c.kind = 'mentoring_given' AND c.held_on BETWEEN ?1 AND ?2
         ORDER BY c.held_on, c.id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(capped(
        rows.into_iter()
            .map(|(id, topic, on, people)| {
                let detail = match people.as_str() {
                    "" => long_date(on),
                    names => format!("with {names} · {}", long_date(on)),
                };
                item(format!("conversation:{id}"), topic, Some(detail), None)
            })
            .collect(),
    ))
}

/// The role as a whole, then each focus area, then the largest gap.
fn readiness_items(r: &Readiness) -> Vec<PacketItem> {
    let pct = |share: f64| (share * 100.0).round() as i64;
    if r.total == 0 {
        let text = format!("{}: no expectations written down yet", r.role_name);
        return vec![item("readiness:role".to_owned(), text, None, None)];
    }
    let mut items = vec![item(
        "readiness:role".to_owned(),
        format!(
            "{}: {} of {} expectations met ({} %)",
            r.role_name,
            r.met,
            r.total,
            pct(r.share)
        ),
        Some(format!("as rated on {}", long_date(r.on))),
        None,
    )];
    for area in &r.areas {
        items.push(item(
            format!("readiness:area:{}", area.focus_area_id),
            format!("{}: {} of {} met", area.name, area.met, area.total),
            None,
            None,
        ));
    }
    if let Some(gap) = &r.largest_gap {
        let lacking: Vec<&str> = gap.unmet.iter().map(|u| u.expected.as_str()).collect();
        items.push(item(
            "readiness:gap".to_owned(),
            format!(
                "Largest gap: {} ({} of {} met)",
                gap.name, gap.met, gap.total
            ),
            Some(format!("Still to show: {}", lacking.join("; "))),
            None,
        ));
    }
    items
}
