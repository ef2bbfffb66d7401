//! A person's page: who they are, what the user asked them, what they said, the 1:1s
//! with them, and a dated history of the contact, newest first.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::infra::error::AppResult;
use crate::mobility::conversations::{self, Conversation};
use crate::mobility::opportunities::PersonRole;
use crate::mobility::stages::Stage;
use crate::one_on_ones::schedule::{self, OneOnOne, OneOnOneStatus};
use crate::people::feedback::{self, FeedbackReceived, FeedbackRequest, RequestStatus, Tone};
use crate::people::person::{self, Person};

/// Enough for a page; older items stay in the database and on the Feedback screen.
const PAGE: i64 = 200;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HistoryItem {
    pub on: NaiveDate,
    pub text: String,
}

/// An opportunity the person is part of, and how.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonOpportunity {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub stage: Stage,
    /// Their part: hiring manager, referrer, interviewer; `None` when they are only where
    /// the user heard of it.
    pub role: Option<PersonRole>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonPage {
    pub person: Person,
    pub requests: Vec<FeedbackRequest>,
    pub received: Vec<FeedbackReceived>,
    pub one_on_ones: Vec<OneOnOne>,
    pub conversations: Vec<Conversation>,
    pub opportunities: Vec<PersonOpportunity>,
    pub history: Vec<HistoryItem>,
    /// Whether removing them archives them (something refers to them) or deletes them.
    pub removal_archives: bool,
}

pub async fn page(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<PersonPage> {
    let (person, removal_archives) = {
        let mut conn = pool.acquire().await?;
        let person = person::fetch(&mut conn, id).await?;
        (person, person::is_referred_to(&mut conn, id).await?)
    };
    let requests = feedback::list_requests(pool, today, Some(id), PAGE).await?;
    let received = feedback::list_received(pool, Some(id), PAGE).await?;
    let one_on_ones = schedule::list(pool, Some(id), Some(PAGE)).await?;
    let conversations = conversations::list(pool, Some(id), PAGE).await?;
    let opportunities = opportunities_of(pool, id).await?;
    let mut history = history(&requests, &received, &one_on_ones);
    add_conversations(&mut history, &conversations);
    Ok(PersonPage {
        person,
        requests,
        received,
        one_on_ones,
        conversations,
        opportunities,
        history,
        removal_archives,
    })
}

/// The contact events the requests, feedback and held 1:1s record, newest first; on the
/// same day an answer comes after the question that led to it.
fn history(
    requests: &[FeedbackRequest],
    received: &[FeedbackReceived],
    meetings: &[OneOnOne],
) -> Vec<HistoryItem> {
    let mut items: Vec<(NaiveDate, u8, String)> = Vec::new();
    for r in requests {
        if let Some(asked) = r.asked_on {
            items.push((asked, 0, format!("You asked: {}", r.question)));
        }
        if let (RequestStatus::Received, Some(on)) = (r.status, r.received_on) {
            items.push((on, 1, format!("They answered: {}", r.question)));
        }
    }
    for f in received {
        let kind = match f.tone {
            Tone::Positive => "Praise",
            Tone::Constructive => "Constructive feedback",
        };
        items.push((f.received_on, 1, format!("{kind}: {}", f.what)));
    }
    for m in meetings.iter().filter(|m| m.status == OneOnOneStatus::Held) {
        let text = match m.notes.lines().map(str::trim).find(|l| !l.is_empty()) {
            Some(first) => format!("1:1 held: {}", crate::infra::text::one_line(first, 120)),
            None => "1:1 held".to_owned(),
        };
        items.push((m.meets_on, 0, text));
    }
    items.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    items
        .into_iter()
        .map(|(on, _, text)| HistoryItem { on, text })
        .collect()
}

/// The openings they are part of or where the user heard of one from them, open ones
/// first, each once (with their first part in it).
async fn opportunities_of(pool: &SqlitePool, id: i64) -> AppResult<Vec<PersonOpportunity>> {
    Ok(sqlx::query_as::<_, PersonOpportunity>(
        "SELECT o.id, o.title, o.stage,
                (SELECT role FROM opportunity_people op WHERE op.opportunity_id = o.id
                 AND op.person_id = ?1 ORDER BY role LIMIT 1) AS role
         FROM opportunities o
         WHERE o.source_person_id = ?1
            OR o.id IN (SELECT opportunity_id FROM opportunity_people WHERE person_id = ?1)
         ORDER BY o.stage IN ('accepted', 'declined', 'not_selected', 'withdrawn'), o.updated_at DESC, o.id DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await?)
}

/// Conversations join the dated history, keeping it newest first.
fn add_conversations(history: &mut Vec<HistoryItem>, conversations: &[Conversation]) {
    for c in conversations {
        let at = history.partition_point(|h| h.on > c.held_on);
        history.insert(
            at,
            HistoryItem {
                on: c.held_on,
                text: format!("Conversation: {}", c.topic),
            },
        );
    }
}
