//! A 1:1's agenda as stored: its items in sections, the topics saved for it, and its
//! Markdown export. Drafting the items from the rest of the plan is `views::agenda`.
//!
//! Preparing again only adds items whose key is new, so the user's edits, order and
//! removals stay (a removed item is kept hidden, so a drafted one does not come back and
//! a removal can be undone).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};
use crate::infra::limits;
use crate::infra::text::{long_date, markdown_inline, one_line};
use crate::one_on_ones::schedule::{self, ActionItem, OneOnOne, OneOnOneStatus, Owner};

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
    /// Every section in the order drafted items come in.
    pub const ALL: [Section; 10] = [
        Section::Wins,
        Section::Goals,
        Section::Milestones,
        Section::Learning,
        Section::Feedback,
        Section::Help,
        Section::Topics,
        Section::FollowUps,
        Section::Career,
        Section::Mine,
    ];

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
    /// What the item was drafted or added from ("career", "readiness:3"), which keeps it
    /// from being added twice; None for items typed in.
    pub source_key: Option<String>,
    /// The plan and goal a goal, milestone or check-in belongs to, for the link to it.
    #[ts(type = "number | null")]
    pub plan_id: Option<i64>,
    #[ts(type = "number | null")]
    pub goal_id: Option<i64>,
}

/// An item as drafted (by `views::agenda`), before it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub section: Section,
    pub text: String,
    pub source: Option<(SourceKind, i64)>,
    pub key: String,
}

impl Draft {
    pub(crate) fn new(
        section: Section,
        key: String,
        source: Option<(SourceKind, i64)>,
        text: String,
    ) -> Self {
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
pub struct OneOnOneDetail {
    pub meeting: OneOnOne,
    pub agenda: Vec<AgendaItem>,
    pub actions: Vec<ActionItem>,
    /// The previous held 1:1 with this person, which the agenda starts from.
    pub since: Option<NaiveDate>,
    /// Topics saved for the next 1:1 with this person that no agenda has taken yet.
    #[ts(type = "number")]
    pub topics_waiting: i64,
}

/// The previous held 1:1 with the same person: where drafting starts from.
pub(crate) async fn previous_held(
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

const SELECT_ITEM: &str = "SELECT id, section, text, source_kind, source_id, discussed, edited, source_key,
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
    Ok(sqlx::query_as::<_, AgendaItem>(AssertSqlSafe(format!(
        "{SELECT_ITEM} WHERE one_on_one_id = ? AND removed = 0 ORDER BY position, id"
    )))
    .bind(meeting_id)
    .fetch_all(conn)
    .await?)
}

pub async fn detail(pool: &SqlitePool, id: i64) -> AppResult<OneOnOneDetail> {
    let mut conn = pool.acquire().await?;
    detail_in(&mut conn, id).await
}

pub(crate) async fn detail_in(conn: &mut SqliteConnection, id: i64) -> AppResult<OneOnOneDetail> {
    let meeting = schedule::fetch(&mut *conn, id).await?;
    let agenda = items(&mut *conn, id).await?;
    let actions = schedule::actions_for(&mut *conn, &meeting).await?;
    let since = previous_held(&mut *conn, &meeting).await?.map(|(_, on)| on);
    let topics_waiting = sqlx::query_scalar(
        "SELECT count(*) FROM topics WHERE person_id = ? AND one_on_one_id IS NULL",
    )
    .bind(meeting.person_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(OneOnOneDetail {
        meeting,
        agenda,
        actions,
        since,
        topics_waiting,
    })
}

/// Adds the drafts whose key is new, each after the last item of its section, and marks
/// the 1:1 prepared. Returns how many were added. The user's edits, order and removals
/// stay: a removed item keeps its key, so a drafted one does not come back.
pub(crate) async fn store_drafts(
    tx: &mut SqliteConnection,
    meeting: &OneOnOne,
    drafts: &[Draft],
    today: NaiveDate,
) -> AppResult<usize> {
    let id = meeting.id;
    let added = place_drafts(&mut *tx, id, drafts).await?;
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
    Ok(added)
}

/// Inserts the drafts whose key is new, each after the last item of its section;
/// returns how many.
async fn place_drafts(tx: &mut SqliteConnection, id: i64, drafts: &[Draft]) -> AppResult<usize> {
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
    let order = merged_order(&stored, &fresh);
    write_order(&mut *tx, id, &order).await?;
    Ok(fresh.len())
}

/// What [`add_keyed`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keyed {
    Added,
    /// An item with the key had been removed: it shows again, with the new text.
    Restored,
    /// An item with the key is on the agenda already; nothing changed.
    AlreadyThere,
}

/// One item the user asks for (not drafted), after the last item of its section; its
/// key makes asking twice harmless. Leaves the 1:1's prepared day alone.
pub(crate) async fn add_keyed(
    tx: &mut SqliteConnection,
    meeting_id: i64,
    draft: &Draft,
) -> AppResult<Keyed> {
    let text = item_text(&draft.text)?;
    let found: Option<(i64, bool)> = sqlx::query_as(
        "SELECT id, removed FROM agenda_items WHERE one_on_one_id = ? AND source_key = ?",
    )
    .bind(meeting_id)
    .bind(&draft.key)
    .fetch_optional(&mut *tx)
    .await?;
    match found {
        Some((_, false)) => Ok(Keyed::AlreadyThere),
        Some((item, true)) => {
            sqlx::query(
                "UPDATE agenda_items SET text = ?, removed = 0, edited = 0, discussed = 0 WHERE id = ?",
            )
            .bind(&text)
            .bind(item)
            .execute(&mut *tx)
            .await?;
            Ok(Keyed::Restored)
        }
        None => {
            let d = Draft {
                text,
                ..draft.clone()
            };
            place_drafts(tx, meeting_id, std::slice::from_ref(&d)).await?;
            Ok(Keyed::Added)
        }
    }
}

/// Stored rows (id, section) and new drafts, in their new order: each new item goes after
/// the last item of its section, or before the first item of a later section.
fn merged_order<'d>(
    stored: &[(i64, Section, Option<String>)],
    fresh: &[&'d Draft],
) -> Vec<(Option<i64>, Section, Option<&'d Draft>)> {
    let mut order: Vec<(Option<i64>, Section, Option<&Draft>)> = stored
        .iter()
        .map(|(id, section, _)| (Some(*id), *section, None))
        .collect();
    for d in fresh {
        let at = match order.iter().rposition(|(_, s, _)| *s == d.section) {
            Some(i) => i + 1,
            None => order
                .iter()
                .position(|(_, s, _)| *s > d.section)
                .unwrap_or(order.len()),
        };
        order.insert(at, (None, d.section, Some(*d)));
    }
    order
}

/// Renumbers the stored rows and inserts the new ones at their place.
async fn write_order(
    tx: &mut SqliteConnection,
    id: i64,
    order: &[(Option<i64>, Section, Option<&Draft>)],
) -> AppResult<()> {
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
    Ok(())
}

fn item_text(text: &str) -> AppResult<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    limits::single_line("text", &text)?;
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
pub async fn add_item(pool: &SqlitePool, meeting_id: i64, text: &str) -> AppResult<OneOnOneDetail> {
    let text = item_text(text)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    schedule::fetch(&mut tx, meeting_id).await?;
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

pub async fn edit_item(pool: &SqlitePool, item_id: i64, text: &str) -> AppResult<OneOnOneDetail> {
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
) -> AppResult<OneOnOneDetail> {
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
pub async fn remove_item(pool: &SqlitePool, item_id: i64) -> AppResult<OneOnOneDetail> {
    set_removed(pool, item_id, true).await
}

/// Undoes `remove_item`: the item shows again where it was (at the end if the agenda
/// was reordered meanwhile), with its text and checkbox as they were.
pub async fn restore_item(pool: &SqlitePool, item_id: i64) -> AppResult<OneOnOneDetail> {
    set_removed(pool, item_id, false).await
}

async fn set_removed(pool: &SqlitePool, item_id: i64, removed: bool) -> AppResult<OneOnOneDetail> {
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
pub async fn reorder(pool: &SqlitePool, meeting_id: i64, ids: &[i64]) -> AppResult<OneOnOneDetail> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    schedule::fetch(&mut tx, meeting_id).await?;
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
        None => schedule::my_manager(&mut tx).await?.ok_or_else(|| {
            AppError::invalid(
                "personId",
                "Mark someone as your manager first (Feedback → People), or choose a person.",
            )
        })?,
    };
    let person = crate::people::person::require_active(&mut tx, person_id).await?;
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
pub fn markdown(d: &OneOnOneDetail) -> String {
    let m = &d.meeting;
    let mut out = format!(
        "# 1:1 with {} — {}\n\n",
        markdown_inline(&m.person_name),
        long_date(m.meets_on)
    );
    let status = match m.status {
        OneOnOneStatus::Scheduled => "Scheduled",
        OneOnOneStatus::Held => "Held",
        OneOnOneStatus::Cancelled => "Cancelled",
    };
    out.push_str(&format!("{status}."));
    if let Some(since) = d.since {
        out.push_str(&format!(
            " Covers what happened since {}.",
            long_date(since)
        ));
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
        out.push_str(&format!("- [{mark}] {}\n", markdown_inline(&item.text)));
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
            .map(|d| format!(" (due {})", long_date(d)))
            .unwrap_or_default();
        let from = if a.one_on_one_id != m.id {
            format!(" — from {}", long_date(a.agreed_on))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "- [{mark}] {}: {}{due}{from}\n",
            markdown_inline(&who),
            markdown_inline(&a.text)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Section;

    #[test]
    fn export_bindings_section_headings() {
        let entries: Vec<(Section, &str)> =
            Section::ALL.iter().map(|s| (*s, s.heading())).collect();
        crate::infra::labels::export("Section", "SECTION_HEADINGS", &entries);
    }
}
