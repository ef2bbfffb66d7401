//! Feedback: requests the user makes (draft → asked → received or declined) and
//! feedback received without asking. The app drafts the request message; the user sends
//! it themselves.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::people::person;
use crate::{infra::input, infra::limits};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
#[ts(export)]
pub enum RequestStatus {
    Draft,
    Asked,
    Received,
    Declined,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FeedbackRequest {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    pub person_name: String,
    #[ts(type = "number")]
    pub focus_area_id: i64,
    #[ts(type = "number | null")]
    pub facet_id: Option<i64>,
    #[ts(type = "number | null")]
    pub goal_id: Option<i64>,
    pub question: String,
    pub message: String,
    pub status: RequestStatus,
    pub asked_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub response: String,
    pub received_on: Option<NaiveDate>,
    pub takeaways: String,
    /// Asked, not answered, and past its due date.
    pub overdue: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct RequestInput {
    #[ts(type = "number")]
    pub person_id: i64,
    #[ts(type = "number")]
    pub focus_area_id: i64,
    #[ts(optional, type = "number | null")]
    pub facet_id: Option<i64>,
    #[ts(optional, type = "number | null")]
    pub goal_id: Option<i64>,
    pub question: String,
    #[ts(optional)]
    pub due_on: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
#[ts(export)]
pub enum Tone {
    Positive,
    Constructive,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FeedbackReceived {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    pub person_name: String,
    pub received_on: NaiveDate,
    pub what: String,
    pub tone: Tone,
    #[ts(type = "number | null")]
    pub focus_area_id: Option<i64>,
    #[ts(type = "number | null")]
    pub goal_id: Option<i64>,
    pub takeaways: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct ReceivedInput {
    #[ts(type = "number")]
    pub person_id: i64,
    #[ts(optional)]
    pub received_on: Option<String>,
    pub what: String,
    pub tone: Option<Tone>,
    #[ts(optional, type = "number | null")]
    pub focus_area_id: Option<i64>,
    #[ts(optional, type = "number | null")]
    pub goal_id: Option<i64>,
    #[ts(optional)]
    pub takeaways: Option<String>,
}

const SELECT_REQUEST: &str = "SELECT r.id, r.person_id, p.name AS person_name, r.focus_area_id, r.facet_id,
        r.goal_id, r.question, r.message, r.status, r.asked_on, r.due_on, r.response, r.received_on, r.takeaways,
        (r.status = 'asked' AND r.due_on IS NOT NULL AND r.due_on < ?1) AS overdue
    FROM feedback_requests r JOIN people p ON p.id = r.person_id";

/// Requests (all, or one person's), overdue first, then by status (draft, asked,
/// received, declined), newest first; at most `limit` of them (years of answered requests
/// need not load at once). The order is worked out on the ids and sort keys alone, then
/// only the rows shown are read in full: sorting whole rows (messages, answers) took
/// half as long again on the standard set.
pub async fn list_requests(
    pool: &SqlitePool,
    today: NaiveDate,
    person_id: Option<i64>,
    limit: i64,
) -> AppResult<Vec<FeedbackRequest>> {
    Ok(sqlx::query_as::<_, FeedbackRequest>(
        "WITH top AS (
             SELECT r.id, (r.status = 'asked' AND r.due_on IS NOT NULL AND r.due_on < ?1) AS o,
                    CASE r.status WHEN 'draft' THEN 0 WHEN 'asked' THEN 1 WHEN 'received' THEN 2 ELSE 3 END AS s,
                    coalesce(r.received_on, r.asked_on, substr(r.created_at, 1, 10)) AS d
             FROM feedback_requests r WHERE ?3 IS NULL OR r.person_id = ?3
             ORDER BY o DESC, s, d DESC, r.id DESC LIMIT ?2)
         SELECT r.id, r.person_id, p.name AS person_name, r.focus_area_id, r.facet_id, r.goal_id,
                r.question, r.message, r.status, r.asked_on, r.due_on, r.response, r.received_on,
                r.takeaways, top.o AS overdue
         FROM top JOIN feedback_requests r ON r.id = top.id JOIN people p ON p.id = r.person_id
         ORDER BY top.o DESC, top.s, top.d DESC, top.id DESC",
    )
    .bind(today)
    .bind(limit.clamp(1, 1_000))
    .bind(person_id)
    .fetch_all(pool)
    .await?)
}

async fn fetch_request(
    conn: &mut SqliteConnection,
    id: i64,
    today: NaiveDate,
) -> AppResult<FeedbackRequest> {
    sqlx::query_as::<_, FeedbackRequest>(AssertSqlSafe(format!("{SELECT_REQUEST} WHERE r.id = ?2")))
        .bind(today)
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound {
            entity: "Feedback request",
            id,
        })
}

async fn check_refs(
    conn: &mut SqliteConnection,
    person_id: i64,
    focus_area_id: Option<i64>,
    facet_id: Option<i64>,
    goal_id: Option<i64>,
) -> AppResult<(String, Option<String>, Option<String>, Option<String>)> {
    let person = person::require_active(&mut *conn, person_id).await?;
    let area = match focus_area_id {
        Some(id) => Some(
            sqlx::query_scalar::<_, String>("SELECT name FROM focus_areas WHERE id = ?")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?
                .ok_or_else(|| {
                    AppError::invalid("focusAreaId", "Pick one of the seven focus areas.")
                })?,
        ),
        None => None,
    };
    let facet = match facet_id {
        Some(id) => {
            let row: Option<(String, i64)> =
                sqlx::query_as("SELECT name, focus_area_id FROM facets WHERE id = ?")
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await?;
            match row {
                Some((name, area_id)) if Some(area_id) == focus_area_id => Some(name),
                _ => {
                    return Err(AppError::invalid(
                        "facetId",
                        "Pick a facet of the chosen focus area.",
                    ))
                }
            }
        }
        None => None,
    };
    let goal = match goal_id {
        Some(id) => Some(
            sqlx::query_scalar::<_, String>("SELECT title FROM goals WHERE id = ?")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?
                .ok_or_else(|| AppError::invalid("goalId", format!("Goal {id} does not exist.")))?,
        ),
        None => None,
    };
    Ok((person, area, facet, goal))
}

/// A short, polite request the user can paste into mail or chat.
fn compose(
    person: &str,
    question: &str,
    area: &str,
    facet: Option<&str>,
    goal: Option<&str>,
) -> String {
    let first_name = person.split_whitespace().next().unwrap_or(person);
    let topic = match facet {
        Some(f) => format!("{} (especially {})", area.to_lowercase(), f.to_lowercase()),
        None => area.to_lowercase(),
    };
    let mut text = format!("Hi {first_name},\n\nI'm working on {topic}");
    if let Some(goal) = goal {
        text.push_str(&format!(", and in particular on \"{goal}\""));
    }
    text.push_str(&format!(
        ". I'd value your honest view on one question:\n\n{}\n\nA few lines whenever it suits you is plenty. Thank you!",
        question.trim()
    ));
    text
}

pub async fn create_request(
    pool: &SqlitePool,
    input: RequestInput,
    today: NaiveDate,
) -> AppResult<FeedbackRequest> {
    let question = limits::long_text("question", &input.question)?;
    if question.trim().is_empty() {
        return Err(AppError::invalid(
            "question",
            "Write the question you want answered.",
        ));
    }
    let due_on = input::optional_date("dueOn", input.due_on.as_deref())?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let (person, area, facet, goal) = check_refs(
        &mut tx,
        input.person_id,
        Some(input.focus_area_id),
        input.facet_id,
        input.goal_id,
    )
    .await?;
    let message = compose(
        &person,
        &question,
        area.as_deref().unwrap_or(""),
        facet.as_deref(),
        goal.as_deref(),
    );
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO feedback_requests (person_id, focus_area_id, facet_id, goal_id, question, message, due_on)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(input.person_id)
    .bind(input.focus_area_id)
    .bind(input.facet_id)
    .bind(input.goal_id)
    .bind(question.trim())
    .bind(&message)
    .bind(due_on)
    .fetch_one(&mut *tx)
    .await?;
    let r = fetch_request(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(r)
}

/// Saves the message as the user edited it.
pub async fn set_message(
    pool: &SqlitePool,
    id: i64,
    message: &str,
    today: NaiveDate,
) -> AppResult<FeedbackRequest> {
    let message = limits::long_text("message", message)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch_request(&mut tx, id, today).await?;
    sqlx::query("UPDATE feedback_requests SET message = ? WHERE id = ?")
        .bind(&message)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let r = fetch_request(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(r)
}

/// The user sent the message today.
pub async fn mark_asked(
    pool: &SqlitePool,
    id: i64,
    today: NaiveDate,
) -> AppResult<FeedbackRequest> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let r = fetch_request(&mut tx, id, today).await?;
    if r.status != RequestStatus::Draft {
        return Err(AppError::conflict(
            Some("status"),
            "Only a draft can be marked as asked.",
        ));
    }
    if let Some(due) = r.due_on {
        if due < today {
            return Err(AppError::invalid(
                "dueOn",
                "The due date is before the day you ask; move it later first.",
            ));
        }
    }
    sqlx::query("UPDATE feedback_requests SET status = 'asked', asked_on = ? WHERE id = ?")
        .bind(today)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    person::touch(&mut tx, r.person_id, today).await?;
    let r = fetch_request(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(r)
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct ResponseInput {
    pub response: String,
    #[ts(optional)]
    pub received_on: Option<String>,
    #[ts(optional)]
    pub takeaways: Option<String>,
}

/// Records the answer to an asked request.
pub async fn record_response(
    pool: &SqlitePool,
    id: i64,
    input: ResponseInput,
    today: NaiveDate,
) -> AppResult<FeedbackRequest> {
    let response = limits::long_text("response", &input.response)?;
    if response.trim().is_empty() {
        return Err(AppError::invalid("response", "Write down what they said."));
    }
    let takeaways = limits::long_text("takeaways", input.takeaways.as_deref().unwrap_or(""))?;
    let received_on = match input.received_on.as_deref() {
        Some(d) => input::date("receivedOn", d)?,
        None => today,
    };
    if received_on > today {
        return Err(AppError::invalid(
            "receivedOn",
            "An answer cannot arrive in the future.",
        ));
    }
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let r = fetch_request(&mut tx, id, today).await?;
    match r.status {
        RequestStatus::Asked => {}
        RequestStatus::Draft => {
            return Err(AppError::conflict(
                Some("status"),
                "This request is still a draft: mark it asked first.",
            ))
        }
        _ => {
            return Err(AppError::conflict(
                Some("status"),
                "This request is already closed.",
            ))
        }
    }
    if r.asked_on.is_some_and(|asked| received_on < asked) {
        return Err(AppError::invalid(
            "receivedOn",
            "The answer cannot arrive before you asked.",
        ));
    }
    sqlx::query(
        "UPDATE feedback_requests SET status = 'received', response = ?, received_on = ?, takeaways = ? WHERE id = ?",
    )
    .bind(&response)
    .bind(received_on)
    .bind(&takeaways)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    person::touch(&mut tx, r.person_id, received_on).await?;
    let summary = format!("Feedback from {} on \"{}\"", r.person_name, r.question);
    activity::record(
        &mut tx,
        received_on,
        Entity::Feedback,
        id,
        Action::Received,
        &summary,
    )
    .await?;
    let r = fetch_request(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(r)
}

/// The person said no, or never answered.
pub async fn decline(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<FeedbackRequest> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let r = fetch_request(&mut tx, id, today).await?;
    if r.status != RequestStatus::Asked {
        return Err(AppError::conflict(
            Some("status"),
            "Only an asked request can be declined.",
        ));
    }
    sqlx::query("UPDATE feedback_requests SET status = 'declined' WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let r = fetch_request(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(r)
}

/// How many days past its wanted-by date an asked request may wait before the Feedback
/// screen offers to give up on it with the others.
const GIVE_UP_AFTER_DAYS: u64 = 30;

const LONG_OVERDUE: &str =
    "status = 'asked' AND due_on IS NOT NULL AND due_on < date(?, '-' || ? || ' days')";

/// Asked requests more than `GIVE_UP_AFTER_DAYS` past their wanted-by date.
pub async fn count_long_overdue(pool: &SqlitePool, today: NaiveDate) -> AppResult<i64> {
    Ok(sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT count(*) FROM feedback_requests WHERE {LONG_OVERDUE}"
    )))
    .bind(today)
    .bind(GIVE_UP_AFTER_DAYS as i64)
    .fetch_one(pool)
    .await?)
}

/// Declines ("no answer") every request `count_long_overdue` counts, in one step; drafts,
/// answers and recently overdue requests stay as they are. Returns how many changed.
pub async fn decline_long_overdue(pool: &SqlitePool, today: NaiveDate) -> AppResult<u64> {
    let done = sqlx::query(AssertSqlSafe(format!(
        "UPDATE feedback_requests SET status = 'declined' WHERE {LONG_OVERDUE}"
    )))
    .bind(today)
    .bind(GIVE_UP_AFTER_DAYS as i64)
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

/// Moves (or clears) the due date of an open request.
pub async fn set_due(
    pool: &SqlitePool,
    id: i64,
    due_on: Option<&str>,
    today: NaiveDate,
) -> AppResult<FeedbackRequest> {
    let due_on = match due_on.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => Some(input::date("dueOn", d)?),
        None => None,
    };
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let r = fetch_request(&mut tx, id, today).await?;
    if !matches!(r.status, RequestStatus::Draft | RequestStatus::Asked) {
        return Err(AppError::conflict(
            Some("dueOn"),
            "This request is already closed.",
        ));
    }
    if let (Some(due), Some(asked)) = (due_on, r.asked_on) {
        if due < asked {
            return Err(AppError::invalid(
                "dueOn",
                "The due date cannot be before the day you asked.",
            ));
        }
    }
    sqlx::query("UPDATE feedback_requests SET due_on = ? WHERE id = ?")
        .bind(due_on)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let r = fetch_request(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(r)
}

/// Deletes a request that was never sent; anything asked is kept, as it involves someone else.
pub async fn delete_draft(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<()> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let r = fetch_request(&mut tx, id, today).await?;
    if r.status != RequestStatus::Draft {
        return Err(AppError::conflict(
            Some("status"),
            "Only a draft can be deleted; decline an asked request instead.",
        ));
    }
    sqlx::query("DELETE FROM feedback_requests WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

const SELECT_RECEIVED: &str =
    "SELECT f.id, f.person_id, p.name AS person_name, f.received_on, f.what, f.tone,
        f.focus_area_id, f.goal_id, f.takeaways
    FROM feedback_received f JOIN people p ON p.id = f.person_id";

/// Feedback received without asking (all, or one person's), newest first, at most `limit`.
pub async fn list_received(
    pool: &SqlitePool,
    person_id: Option<i64>,
    limit: i64,
) -> AppResult<Vec<FeedbackReceived>> {
    Ok(sqlx::query_as::<_, FeedbackReceived>(AssertSqlSafe(format!(
        "{SELECT_RECEIVED} WHERE ?1 IS NULL OR f.person_id = ?1
         ORDER BY f.received_on DESC, f.id DESC LIMIT ?2"
    )))
    .bind(person_id)
    .bind(limit.clamp(1, 1_000))
    .fetch_all(pool)
    .await?)
}

/// Captures feedback heard without asking, in one step.
pub async fn add_received(
    pool: &SqlitePool,
    input: ReceivedInput,
    today: NaiveDate,
) -> AppResult<FeedbackReceived> {
    let what = limits::long_text("what", &input.what)?;
    if what.trim().is_empty() {
        return Err(AppError::invalid("what", "Write down what they said."));
    }
    let tone = input
        .tone
        .ok_or_else(|| AppError::invalid("tone", "Was it praise or something to work on?"))?;
    let takeaways = limits::long_text("takeaways", input.takeaways.as_deref().unwrap_or(""))?;
    let received_on = match input.received_on.as_deref() {
        Some(d) => input::date("receivedOn", d)?,
        None => today,
    };
    if received_on > today {
        return Err(AppError::invalid(
            "receivedOn",
            "Feedback cannot arrive in the future.",
        ));
    }
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let (person, _, _, _) = check_refs(
        &mut tx,
        input.person_id,
        input.focus_area_id,
        None,
        input.goal_id,
    )
    .await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO feedback_received (person_id, received_on, what, tone, focus_area_id, goal_id, takeaways)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(input.person_id)
    .bind(received_on)
    .bind(what.trim())
    .bind(tone)
    .bind(input.focus_area_id)
    .bind(input.goal_id)
    .bind(&takeaways)
    .fetch_one(&mut *tx)
    .await?;
    person::touch(&mut tx, input.person_id, received_on).await?;
    let kind = match tone {
        Tone::Positive => "Praise",
        Tone::Constructive => "Constructive feedback",
    };
    let summary = format!("{kind} from {person}");
    activity::record(
        &mut tx,
        received_on,
        Entity::Feedback,
        id,
        Action::ReceivedUnasked,
        &summary,
    )
    .await?;
    let f = sqlx::query_as::<_, FeedbackReceived>(AssertSqlSafe(format!(
        "{SELECT_RECEIVED} WHERE f.id = ?"
    )))
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(f)
}

/// Feedback related to a goal: asked about it, received about it, or that led to it or
/// to one of its milestones. Newest first, as one-line summaries for the goal panel.
#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalFeedback {
    pub on: Option<NaiveDate>,
    pub person_name: String,
    pub text: String,
}

pub(crate) async fn for_goal(
    conn: &mut SqliteConnection,
    goal_id: i64,
) -> AppResult<Vec<GoalFeedback>> {
    Ok(sqlx::query_as::<_, GoalFeedback>(
        "SELECT coalesce(r.received_on, r.asked_on) AS \"on\", p.name AS person_name,
                CASE WHEN r.response <> '' THEN r.response ELSE r.question END AS text
         FROM feedback_requests r JOIN people p ON p.id = r.person_id
         WHERE r.goal_id = ?1 OR r.id IN (
             SELECT a.feedback_request_id FROM feedback_actions a
             LEFT JOIN milestones m ON m.id = a.milestone_id
             WHERE a.goal_id = ?1 OR m.goal_id = ?1)
         UNION ALL
         SELECT f.received_on, p.name, f.what
         FROM feedback_received f JOIN people p ON p.id = f.person_id
         WHERE f.goal_id = ?1 OR f.id IN (
             SELECT a.feedback_received_id FROM feedback_actions a
             LEFT JOIN milestones m ON m.id = a.milestone_id
             WHERE a.goal_id = ?1 OR m.goal_id = ?1)
         ORDER BY 1 DESC",
    )
    .bind(goal_id)
    .fetch_all(conn)
    .await?)
}
