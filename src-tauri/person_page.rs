//! A person's page: who they are, what the user asked them, what they said, and a
//! dated history of the contact, newest first.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::error::AppResult;
use crate::feedback::{self, FeedbackReceived, FeedbackRequest, RequestStatus, Tone};
use crate::people::{self, Person};

/// Enough for a page; older items stay in the database and on the Feedback screen.
const PAGE: i64 = 200;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HistoryItem {
    pub on: NaiveDate,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonPage {
    pub person: Person,
    pub requests: Vec<FeedbackRequest>,
    pub received: Vec<FeedbackReceived>,
    pub history: Vec<HistoryItem>,
}

pub async fn page(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<PersonPage> {
    let person = {
        let mut conn = pool.acquire().await?;
        people::fetch(&mut conn, id).await?
    };
    let requests = feedback::list_requests(pool, today, Some(id), PAGE).await?;
    let received = feedback::list_received(pool, Some(id), PAGE).await?;
    let history = history(&requests, &received);
    Ok(PersonPage {
        person,
        requests,
        received,
        history,
    })
}

/// The contact events the requests and feedback record, newest first; on the same day an
/// answer comes after the question that led to it.
pub fn history(requests: &[FeedbackRequest], received: &[FeedbackReceived]) -> Vec<HistoryItem> {
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
    items.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    items
        .into_iter()
        .map(|(on, _, text)| HistoryItem { on, text })
        .collect()
}
