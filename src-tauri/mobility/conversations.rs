//! The log of conversations: with whom, what was discussed and learned, a follow-up.
//! Logging one moves each person's last contact forward (so the catch-up cadence reads
//! it); deleting one works it out again from what is left.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::trash::{self, TrashKind, Trashed};
use crate::infra::{input, limits};
use crate::people::person;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum ConversationKind {
    CoffeeChat,
    MentoringGiven,
    MentoringReceived,
    SkipLevel,
    ProjectCheckIn,
    Event,
    Other,
}

impl ConversationKind {
    pub const ALL: [ConversationKind; 7] = [
        ConversationKind::CoffeeChat,
        ConversationKind::MentoringGiven,
        ConversationKind::MentoringReceived,
        ConversationKind::SkipLevel,
        ConversationKind::ProjectCheckIn,
        ConversationKind::Event,
        ConversationKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ConversationKind::CoffeeChat => "Coffee chat",
            ConversationKind::MentoringGiven => "Mentoring (I mentored)",
            ConversationKind::MentoringReceived => "Mentoring (I was mentored)",
            ConversationKind::SkipLevel => "Skip-level",
            ConversationKind::ProjectCheckIn => "Cross-functional check-in",
            ConversationKind::Event => "Event",
            ConversationKind::Other => "Other",
        }
    }
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Conversation {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: ConversationKind,
    pub held_on: NaiveDate,
    pub topic: String,
    pub discussed: String,
    pub learned: String,
    pub team: String,
    pub follow_up: String,
    pub follow_up_on: Option<NaiveDate>,
    pub follow_up_done_on: Option<NaiveDate>,
    #[sqlx(skip)]
    #[ts(type = "number[]")]
    pub person_ids: Vec<i64>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct ConversationInput {
    pub kind: ConversationKind,
    pub held_on: String,
    pub topic: String,
    #[ts(optional)]
    pub discussed: Option<String>,
    #[ts(optional)]
    pub learned: Option<String>,
    #[ts(optional)]
    pub team: Option<String>,
    #[ts(optional)]
    pub follow_up: Option<String>,
    #[ts(optional)]
    pub follow_up_on: Option<String>,
    #[ts(type = "number[]")]
    pub person_ids: Vec<i64>,
}

struct Checked {
    held_on: NaiveDate,
    topic: String,
    discussed: String,
    learned: String,
    team: String,
    follow_up: String,
    follow_up_on: Option<NaiveDate>,
    person_ids: Vec<i64>,
}

fn check(input: &ConversationInput) -> AppResult<Checked> {
    let held_on = input::date("heldOn", &input.held_on)?;
    let follow_up = limits::optional_title("followUp", input.follow_up.as_deref())?;
    let follow_up_on = input::optional_date("followUpOn", input.follow_up_on.as_deref())?;
    if let Some(on) = follow_up_on {
        if on < held_on {
            return Err(AppError::invalid(
                "followUpOn",
                "The follow-up cannot be due before the conversation.",
            ));
        }
        if follow_up.is_empty() {
            return Err(AppError::invalid("followUp", "Say what the follow-up is."));
        }
    }
    let mut person_ids = input.person_ids.clone();
    person_ids.sort_unstable();
    person_ids.dedup();
    if person_ids.is_empty() {
        return Err(AppError::invalid(
            "personIds",
            "A conversation needs at least one person.",
        ));
    }
    Ok(Checked {
        held_on,
        topic: limits::title("topic", &input.topic)?,
        discussed: limits::long_text("discussed", input.discussed.as_deref().unwrap_or(""))?,
        learned: limits::long_text("learned", input.learned.as_deref().unwrap_or(""))?,
        team: limits::optional_title("team", input.team.as_deref())?,
        follow_up,
        follow_up_on,
        person_ids,
    })
}

pub async fn create(
    pool: &SqlitePool,
    input: ConversationInput,
    today: NaiveDate,
) -> AppResult<Conversation> {
    let c = check(&input)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    for id in &c.person_ids {
        person::fetch(&mut tx, *id).await?;
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO conversations (kind, held_on, topic, discussed, learned, team, follow_up, follow_up_on)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(input.kind)
    .bind(c.held_on)
    .bind(&c.topic)
    .bind(&c.discussed)
    .bind(&c.learned)
    .bind(&c.team)
    .bind(&c.follow_up)
    .bind(c.follow_up_on)
    .fetch_one(&mut *tx)
    .await?;
    set_people(&mut tx, id, &c.person_ids, c.held_on).await?;
    let summary = format!("Logged a conversation: \"{}\"", c.topic);
    activity::record(
        &mut tx,
        today,
        Entity::Conversation,
        id,
        Action::Created,
        &summary,
    )
    .await?;
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

/// Changes a conversation, its people included; the last contact of anyone added moves
/// forward, and of anyone taken off (or of everyone, when the day changed) is worked out
/// again.
pub async fn update(
    pool: &SqlitePool,
    id: i64,
    input: ConversationInput,
) -> AppResult<Conversation> {
    let c = check(&input)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let before = fetch(&mut tx, id).await?;
    for person_id in &c.person_ids {
        person::fetch(&mut tx, *person_id).await?;
    }
    sqlx::query(
        "UPDATE conversations SET kind = ?, held_on = ?, topic = ?, discussed = ?, learned = ?,
                team = ?, follow_up = ?, follow_up_on = ? WHERE id = ?",
    )
    .bind(input.kind)
    .bind(c.held_on)
    .bind(&c.topic)
    .bind(&c.discussed)
    .bind(&c.learned)
    .bind(&c.team)
    .bind(&c.follow_up)
    .bind(c.follow_up_on)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    set_people(&mut tx, id, &c.person_ids, c.held_on).await?;
    for person_id in &before.person_ids {
        recompute_last_contact(&mut tx, *person_id, before.held_on).await?;
    }
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

/// Ticks the follow-up off (`Some(day)`) or opens it again (`None`).
pub async fn set_follow_up_done(
    pool: &SqlitePool,
    id: i64,
    done_on: Option<NaiveDate>,
) -> AppResult<Conversation> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let c = fetch(&mut tx, id).await?;
    if c.follow_up.is_empty() {
        return Err(AppError::conflict(
            Some("followUp"),
            "This conversation has no follow-up to tick off.",
        ));
    }
    sqlx::query("UPDATE conversations SET follow_up_done_on = ? WHERE id = ?")
        .bind(done_on)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

/// Makes `person_ids` the conversation's people and moves their last contact to `held_on`.
async fn set_people(
    conn: &mut SqliteConnection,
    id: i64,
    person_ids: &[i64],
    held_on: NaiveDate,
) -> AppResult<()> {
    sqlx::query("DELETE FROM conversation_people WHERE conversation_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for person_id in person_ids {
        sqlx::query("INSERT INTO conversation_people (conversation_id, person_id) VALUES (?, ?)")
            .bind(id)
            .bind(person_id)
            .execute(&mut *conn)
            .await?;
        person::touch(conn, *person_id, held_on).await?;
    }
    Ok(())
}

pub async fn fetch(conn: &mut SqliteConnection, id: i64) -> AppResult<Conversation> {
    let mut c = sqlx::query_as::<_, Conversation>(
        "SELECT id, kind, held_on, topic, discussed, learned, team, follow_up, follow_up_on,
                follow_up_done_on FROM conversations WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound {
        entity: "conversation",
        id,
    })?;
    c.person_ids = people_of(conn, id).await?;
    Ok(c)
}

async fn people_of(conn: &mut SqliteConnection, id: i64) -> AppResult<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT person_id FROM conversation_people WHERE conversation_id = ? ORDER BY person_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The newest first; with `person`, only the conversations they were in. Two queries
/// whatever the count, each on an index.
pub async fn list(
    pool: &SqlitePool,
    person: Option<i64>,
    limit: i64,
) -> AppResult<Vec<Conversation>> {
    let mut conn = pool.acquire().await?;
    let limit = limit.clamp(1, 1000);
    let mut rows = match person {
        None => sqlx::query_as::<_, Conversation>(
            "SELECT id, kind, held_on, topic, discussed, learned, team, follow_up, follow_up_on,
                        follow_up_done_on FROM conversations
                 ORDER BY held_on DESC, id DESC LIMIT ?",
        )
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?,
        Some(person) => sqlx::query_as::<_, Conversation>(
            "SELECT c.id, c.kind, c.held_on, c.topic, c.discussed, c.learned, c.team, c.follow_up,
                        c.follow_up_on, c.follow_up_done_on
                 FROM conversation_people cp JOIN conversations c ON c.id = cp.conversation_id
                 WHERE cp.person_id = ? ORDER BY c.held_on DESC, c.id DESC LIMIT ?",
        )
        .bind(person)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?,
    };
    // The page's ids as a JSON array, for json_each.
    let ids: Vec<String> = rows.iter().map(|c| c.id.to_string()).collect();
    let ids = format!("[{}]", ids.join(","));
    let links: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT cp.conversation_id, cp.person_id FROM json_each(?) j
         JOIN conversation_people cp ON cp.conversation_id = j.value
         ORDER BY cp.conversation_id, cp.person_id",
    )
    .bind(ids)
    .fetch_all(&mut *conn)
    .await?;
    let index: std::collections::HashMap<i64, usize> =
        rows.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    for (conversation, person_id) in links {
        if let Some(&i) = index.get(&conversation) {
            rows[i].person_ids.push(person_id);
        }
    }
    Ok(rows)
}

/// Moves the conversation to the trash; each person's last contact is worked out again
/// when this conversation was what set it.
pub async fn delete(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Trashed> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let c = fetch(&mut tx, id).await?;
    let trashed = trash::put(&mut tx, TrashKind::Conversation, id, &c.topic).await?;
    for person_id in &c.person_ids {
        recompute_last_contact(&mut tx, *person_id, c.held_on).await?;
    }
    let summary = format!("Deleted the conversation \"{}\"", c.topic);
    activity::record(
        &mut tx,
        today,
        Entity::Conversation,
        id,
        Action::Deleted,
        &summary,
    )
    .await?;
    tx.commit().await?;
    Ok(trashed)
}

/// A last contact equal to `gone` came from the deleted conversation (or another meeting
/// that day): it becomes the latest day anything else says they met, if any does.
async fn recompute_last_contact(
    conn: &mut SqliteConnection,
    person_id: i64,
    gone: NaiveDate,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE people SET last_contact_on = (
             SELECT max(d) FROM (
                 SELECT c.held_on AS d FROM conversations c
                   JOIN conversation_people cp ON cp.conversation_id = c.id WHERE cp.person_id = ?1
                 UNION ALL SELECT meets_on FROM one_on_ones WHERE person_id = ?1 AND status = 'held'
                 UNION ALL SELECT received_on FROM feedback_received WHERE person_id = ?1
                 UNION ALL SELECT received_on FROM feedback_requests WHERE person_id = ?1 AND received_on IS NOT NULL))
         WHERE id = ?1 AND last_contact_on = ?2",
    )
    .bind(person_id)
    .bind(gone)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::ConversationKind;

    #[test]
    fn export_bindings_conversation_kind_labels() {
        let entries: Vec<(ConversationKind, &str)> = ConversationKind::ALL
            .iter()
            .map(|k| (*k, k.label()))
            .collect();
        crate::infra::labels::export("ConversationKind", "CONVERSATION_KIND_LABELS", &entries);
    }
}
