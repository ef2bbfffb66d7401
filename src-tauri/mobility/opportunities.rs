//! The pipeline of openings: each opportunity's details, its people, and every change of
//! stage with its day. Stages move forward or end (`stages::check_move`); the newest
//! change can be taken back; an ended opportunity can be reopened, which is recorded.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use super::conversations;
use super::stages::{check_move, Stage};
use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::trash::{self, TrashKind, Trashed};
use crate::infra::{input, limits};
use crate::people::person;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum Source {
    Person,
    Posting,
    Event,
    Conversation,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum PersonRole {
    HiringManager,
    Referrer,
    Interviewer,
    Other,
}

impl PersonRole {
    pub const ALL: [PersonRole; 4] = [
        PersonRole::HiringManager,
        PersonRole::Referrer,
        PersonRole::Interviewer,
        PersonRole::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PersonRole::HiringManager => "hiring manager",
            PersonRole::Referrer => "referrer",
            PersonRole::Interviewer => "interviewer",
            PersonRole::Other => "involved",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, FromRow, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct OpportunityPerson {
    #[ts(type = "number")]
    pub person_id: i64,
    pub role: PersonRole,
}

#[derive(Debug, Clone, Serialize, Deserialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StageChange {
    pub from_stage: Option<Stage>,
    pub to_stage: Stage,
    pub changed_on: NaiveDate,
    pub reopened: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Opportunity {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub team: String,
    pub level: String,
    pub url: Option<String>,
    pub source: Source,
    #[ts(type = "number | null")]
    pub source_person_id: Option<i64>,
    #[ts(type = "number | null")]
    pub source_conversation_id: Option<i64>,
    pub heard_on: Option<NaiveDate>,
    pub stage: Stage,
    pub notes: String,
    pub next_step: String,
    pub next_step_on: Option<NaiveDate>,
    pub bring_to_one_on_one: bool,
    /// The target role this opening would be.
    #[ts(type = "number | null")]
    pub target_role_id: Option<i64>,
    pub people: Vec<OpportunityPerson>,
    /// Oldest first.
    pub history: Vec<StageChange>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct OpportunityInput {
    pub title: String,
    #[ts(optional)]
    pub team: Option<String>,
    #[ts(optional)]
    pub level: Option<String>,
    #[ts(optional)]
    pub url: Option<String>,
    #[ts(optional)]
    pub source: Option<Source>,
    #[ts(optional, type = "number | null")]
    pub source_person_id: Option<i64>,
    #[ts(optional)]
    pub heard_on: Option<String>,
    #[ts(optional)]
    pub notes: Option<String>,
    #[ts(optional)]
    pub next_step: Option<String>,
    #[ts(optional)]
    pub next_step_on: Option<String>,
    #[ts(optional)]
    pub bring_to_one_on_one: Option<bool>,
    #[ts(optional)]
    pub people: Option<Vec<OpportunityPerson>>,
    /// The target role it would be: null clears it, and an update without it keeps the
    /// one stored.
    #[serde(default, deserialize_with = "crate::infra::input::present")]
    #[ts(optional, type = "number | null")]
    pub target_role_id: Option<Option<i64>>,
}

struct Checked {
    title: String,
    team: String,
    level: String,
    url: Option<String>,
    heard_on: Option<NaiveDate>,
    notes: String,
    next_step: String,
    next_step_on: Option<NaiveDate>,
}

fn check(input: &OpportunityInput) -> AppResult<Checked> {
    let next_step = limits::optional_title("nextStep", input.next_step.as_deref())?;
    let next_step_on = input::optional_date("nextStepOn", input.next_step_on.as_deref())?;
    if next_step_on.is_some() && next_step.is_empty() {
        return Err(AppError::invalid("nextStep", "Say what the next step is."));
    }
    let url = match input.url.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(u) => Some(limits::url("url", u)?),
    };
    Ok(Checked {
        title: limits::title("title", &input.title)?,
        team: limits::optional_title("team", input.team.as_deref())?,
        level: limits::optional_title("level", input.level.as_deref())?,
        url,
        heard_on: input::optional_date("heardOn", input.heard_on.as_deref())?,
        notes: limits::long_text("notes", input.notes.as_deref().unwrap_or(""))?,
        next_step,
        next_step_on,
    })
}

pub async fn create(
    pool: &SqlitePool,
    input: OpportunityInput,
    today: NaiveDate,
) -> AppResult<Opportunity> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let id = insert(&mut tx, &input, None, today).await?;
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

/// One step from a conversation that mentioned an opening: the opportunity, heard of in
/// that conversation on its day, with the conversation's people on it.
pub async fn create_from_conversation(
    pool: &SqlitePool,
    conversation_id: i64,
    mut input: OpportunityInput,
    today: NaiveDate,
) -> AppResult<Opportunity> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let c = conversations::fetch(&mut tx, conversation_id).await?;
    input.source = Some(Source::Conversation);
    input.heard_on = Some(c.held_on.to_string());
    let mut people = input.people.take().unwrap_or_default();
    for person_id in &c.person_ids {
        if !people.iter().any(|p| p.person_id == *person_id) {
            people.push(OpportunityPerson {
                person_id: *person_id,
                role: PersonRole::Other,
            });
        }
    }
    input.people = Some(people);
    let id = insert(&mut tx, &input, Some(conversation_id), today).await?;
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

async fn insert(
    conn: &mut SqliteConnection,
    input: &OpportunityInput,
    conversation_id: Option<i64>,
    today: NaiveDate,
) -> AppResult<i64> {
    let c = check(input)?;
    if let Some(p) = input.source_person_id {
        person::fetch(conn, p).await?;
    }
    check_target_role(conn, input.target_role_id.flatten()).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO opportunities (title, team, level, url, source, source_person_id,
             source_conversation_id, heard_on, notes, next_step, next_step_on, bring_to_one_on_one,
             target_role_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&c.title)
    .bind(&c.team)
    .bind(&c.level)
    .bind(&c.url)
    .bind(input.source.unwrap_or(Source::Other))
    .bind(input.source_person_id)
    .bind(conversation_id)
    .bind(c.heard_on)
    .bind(&c.notes)
    .bind(&c.next_step)
    .bind(c.next_step_on)
    .bind(input.bring_to_one_on_one.unwrap_or(false))
    .bind(input.target_role_id.flatten())
    .fetch_one(&mut *conn)
    .await?;
    record_change(
        conn,
        id,
        None,
        Stage::Spotted,
        c.heard_on.unwrap_or(today),
        false,
    )
    .await?;
    set_people(conn, id, input.people.as_deref().unwrap_or_default()).await?;
    let summary = format!("Spotted the opening \"{}\"", c.title);
    activity::record(
        conn,
        today,
        Entity::Opportunity,
        id,
        Action::Created,
        &summary,
    )
    .await?;
    Ok(id)
}

/// The target role an opening points at must exist (it is read here, not through
/// `readiness`, which sits beside this feature).
async fn check_target_role(conn: &mut SqliteConnection, id: Option<i64>) -> AppResult<()> {
    let Some(id) = id else { return Ok(()) };
    let found: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM target_roles WHERE id = ?)")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    if found {
        Ok(())
    } else {
        Err(AppError::NotFound {
            entity: "target role",
            id,
        })
    }
}

/// Makes `people` the opportunity's people, each checked to exist.
async fn set_people(
    conn: &mut SqliteConnection,
    id: i64,
    people: &[OpportunityPerson],
) -> AppResult<()> {
    sqlx::query("DELETE FROM opportunity_people WHERE opportunity_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for p in people {
        person::fetch(conn, p.person_id).await?;
        sqlx::query("INSERT OR IGNORE INTO opportunity_people (opportunity_id, person_id, role) VALUES (?, ?, ?)")
            .bind(id)
            .bind(p.person_id)
            .bind(p.role)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn record_change(
    conn: &mut SqliteConnection,
    id: i64,
    from: Option<Stage>,
    to: Stage,
    on: NaiveDate,
    reopened: bool,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO opportunity_stages (opportunity_id, from_stage, to_stage, changed_on, reopened)
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(on)
    .bind(reopened)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One opportunity as a JSON object, its people and history inside. A list is then one
/// JSON document: decoding one string with serde costs a fraction of decoding the
/// pipeline's thousands of column values one by one through sqlx (the list's time went
/// there, not into SQLite).
const OBJECT: &str = "json_object('id', o.id, 'title', o.title, 'team', o.team,
        'level', o.level, 'url', o.url, 'source', o.source,
        'sourcePersonId', o.source_person_id, 'sourceConversationId', o.source_conversation_id,
        'heardOn', o.heard_on, 'stage', o.stage, 'notes', o.notes, 'nextStep', o.next_step,
        'nextStepOn', o.next_step_on, 'targetRoleId', o.target_role_id,
        'bringToOneOnOne', json(iif(o.bring_to_one_on_one, 'true', 'false')),
        'people', (SELECT json_group_array(json_object('personId', person_id, 'role', role)
                       ORDER BY person_id, role)
                   FROM opportunity_people op WHERE op.opportunity_id = o.id),
        'history', (SELECT json_group_array(json_object('fromStage', from_stage,
                           'toStage', to_stage, 'changedOn', changed_on,
                           'reopened', json(iif(reopened, 'true', 'false'))) ORDER BY id)
                    FROM opportunity_stages s WHERE s.opportunity_id = o.id))";

fn decode<T: serde::de::DeserializeOwned>(json: &str) -> AppResult<T> {
    serde_json::from_str(json).map_err(|e| sqlx::Error::Decode(Box::new(e)).into())
}

pub async fn fetch(conn: &mut SqliteConnection, id: i64) -> AppResult<Opportunity> {
    let json: String = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT {OBJECT} FROM opportunities o WHERE o.id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound {
        entity: "opportunity",
        id,
    })?;
    decode(&json)
}

/// Changes an opportunity's details and its people; its stage moves only by
/// `move_stage`, and where it was heard of stays as recorded.
pub async fn update(pool: &SqlitePool, id: i64, input: OpportunityInput) -> AppResult<Opportunity> {
    let c = check(&input)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let before = fetch(&mut tx, id).await?;
    if let Some(p) = input.source_person_id {
        person::fetch(&mut tx, p).await?;
    }
    let people = input
        .people
        .clone()
        .unwrap_or_else(|| before.people.clone());
    for p in &people {
        person::fetch(&mut tx, p.person_id).await?;
    }
    check_target_role(&mut tx, input.target_role_id.flatten()).await?;
    sqlx::query(
        "UPDATE opportunities SET title = ?, team = ?, level = ?, url = ?, source = ?,
                source_person_id = ?, heard_on = ?, notes = ?, next_step = ?, next_step_on = ?,
                bring_to_one_on_one = ?, target_role_id = ? WHERE id = ?",
    )
    .bind(&c.title)
    .bind(&c.team)
    .bind(&c.level)
    .bind(&c.url)
    .bind(input.source.unwrap_or(before.source))
    .bind(input.source_person_id.or(before.source_person_id))
    .bind(c.heard_on.or(before.heard_on))
    .bind(&c.notes)
    .bind(&c.next_step)
    .bind(c.next_step_on)
    .bind(
        input
            .bring_to_one_on_one
            .unwrap_or(before.bring_to_one_on_one),
    )
    .bind(input.target_role_id.unwrap_or(before.target_role_id))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    set_people(&mut tx, id, &people).await?;
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

/// Moves the opportunity to `to` on `on` (forward, skipping allowed, or to an ending).
pub async fn move_stage(
    pool: &SqlitePool,
    id: i64,
    to: Stage,
    on: NaiveDate,
) -> AppResult<Opportunity> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let o = fetch(&mut tx, id).await?;
    check_move(o.stage, to)?;
    set_stage(&mut tx, &o, to, on, false).await?;
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

/// Opens an ended opportunity again, at the stage it had before it ended.
pub async fn reopen(pool: &SqlitePool, id: i64, on: NaiveDate) -> AppResult<Opportunity> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let o = fetch(&mut tx, id).await?;
    if !o.stage.is_ending() {
        return Err(AppError::conflict(
            Some("stage"),
            "Only a declined, not selected or withdrawn opportunity can be reopened.",
        ));
    }
    let before = o
        .history
        .last()
        .and_then(|c| c.from_stage)
        .unwrap_or(Stage::Spotted);
    set_stage(&mut tx, &o, before, on, true).await?;
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

async fn set_stage(
    conn: &mut SqliteConnection,
    o: &Opportunity,
    to: Stage,
    on: NaiveDate,
    reopened: bool,
) -> AppResult<()> {
    sqlx::query("UPDATE opportunities SET stage = ? WHERE id = ?")
        .bind(to)
        .bind(o.id)
        .execute(&mut *conn)
        .await?;
    record_change(conn, o.id, Some(o.stage), to, on, reopened).await?;
    let (action, summary) = if reopened {
        (
            Action::Reopened,
            format!("Reopened \"{}\" at {}", o.title, to.label()),
        )
    } else {
        (
            Action::Status,
            format!("\"{}\": {} → {}", o.title, o.stage.label(), to.label()),
        )
    };
    activity::record(conn, on, Entity::Opportunity, o.id, action, &summary).await
}

/// Takes back the newest change of stage; the first (spotted) cannot be taken back.
pub async fn undo_last_change(
    pool: &SqlitePool,
    id: i64,
    today: NaiveDate,
) -> AppResult<Opportunity> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let o = fetch(&mut tx, id).await?;
    let last: Option<(i64, Option<Stage>)> = sqlx::query_as(
        "SELECT id, from_stage FROM opportunity_stages WHERE opportunity_id = ? ORDER BY id DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((change_id, Some(back))) = last else {
        return Err(AppError::conflict(
            Some("stage"),
            "There is no change of stage to take back.",
        ));
    };
    sqlx::query("DELETE FROM opportunity_stages WHERE id = ?")
        .bind(change_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE opportunities SET stage = ? WHERE id = ?")
        .bind(back)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let summary = format!(
        "\"{}\": took back {}, at {} again",
        o.title,
        o.stage.label(),
        back.label()
    );
    activity::record(
        &mut tx,
        today,
        Entity::Opportunity,
        id,
        Action::Status,
        &summary,
    )
    .await?;
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

/// Whether the opportunity's moves go on the 1:1 agenda (off unless the user says so).
pub async fn set_bring_to_one_on_one(
    pool: &SqlitePool,
    id: i64,
    bring: bool,
) -> AppResult<Opportunity> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch(&mut tx, id).await?;
    sqlx::query("UPDATE opportunities SET bring_to_one_on_one = ? WHERE id = ?")
        .bind(bring)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let out = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(out)
}

pub async fn delete(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Trashed> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let o = fetch(&mut tx, id).await?;
    let trashed = trash::put(&mut tx, TrashKind::Opportunity, id, &o.title).await?;
    let summary = format!("Deleted the opportunity \"{}\"", o.title);
    activity::record(
        &mut tx,
        today,
        Entity::Opportunity,
        id,
        Action::Deleted,
        &summary,
    )
    .await?;
    tx.commit().await?;
    Ok(trashed)
}

/// The pipeline as the board loads it: every opportunity still on the way (accepted
/// ones included), and a page of the ended ones.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Pipeline {
    /// Those on the way first, then the ended ones; newest first within.
    pub opportunities: Vec<Opportunity>,
    /// How many ended ones there are (those matching, when the board is filtered),
    /// loaded or not.
    #[ts(type = "number")]
    pub ended_total: i64,
}

const ENDED: &str = "('declined', 'not_selected', 'withdrawn')";

/// An opportunity whose title, team or notes hold `?` (any case; empty matches all), as
/// the board's filter reads them.
const MATCHING: &str = "instr(lower(title || char(10) || team || char(10) || notes), lower(?)) > 0";

/// A page of the ended opportunities that match `matching`: the board's first load
/// and each "Show older" read one page, never all of them.
#[derive(Debug, Clone, Copy)]
pub struct EndedPage {
    /// How many of the newest to skip.
    pub offset: i64,
    pub limit: i64,
}

/// Every opportunity on the way, and one page of the ended ones that match `matching`,
/// newest first. Years of ended openings stay out of the board's load (they are folded
/// away under it, and their histories were most of its cost); the board asks for more
/// a page at a time, and a filter pages through the ended ones it matches.
pub async fn list(pool: &SqlitePool, page: EndedPage, matching: &str) -> AppResult<Pipeline> {
    let matching = matching.trim();
    let json: String = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT json_group_array(json({OBJECT}) ORDER BY o.stage IN {ENDED},
                    o.updated_at DESC, o.id DESC)
         FROM opportunities o
         WHERE o.stage NOT IN {ENDED}
            OR o.id IN (SELECT id FROM opportunities WHERE stage IN {ENDED} AND {MATCHING}
                        ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?)"
    )))
    .bind(matching)
    .bind(page.limit.clamp(0, i64::from(u32::MAX)))
    .bind(page.offset.clamp(0, i64::from(u32::MAX)))
    .fetch_one(pool)
    .await?;
    let ended_total = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT count(*) FROM opportunities WHERE stage IN {ENDED} AND {MATCHING}"
    )))
    .bind(matching)
    .fetch_one(pool)
    .await?;
    Ok(Pipeline {
        opportunities: decode(&json)?,
        ended_total,
    })
}

#[cfg(test)]
mod tests {
    use super::PersonRole;

    #[test]
    fn export_bindings_person_role_labels() {
        let entries: Vec<(PersonRole, &str)> =
            PersonRole::ALL.iter().map(|r| (*r, r.label())).collect();
        crate::infra::labels::export("PersonRole", "PERSON_ROLE_LABELS", &entries);
    }
}
