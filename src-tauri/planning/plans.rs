//! Development plans: a period (usually a quarter) with a title and an intent.
//!
//! A plan is a draft until the user makes it active; at most one plan is active at a time
//! (a partial unique index enforces it too). The exception is the plan a user creates for
//! the period they are in while none is active (their first, or the next after a close):
//! there is nothing to choose between, so it starts active. Closed plans are history and
//! cannot be edited.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::framework::settings;
use crate::infra::activity::{self, Action, Entity};
use crate::infra::clock;
use crate::infra::error::{AppError, AppResult};
use crate::infra::input;
use crate::infra::limits;
use crate::infra::trash::{self, TrashKind, Trashed};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
#[ts(export)]
pub enum PlanStatus {
    Draft,
    Active,
    Closed,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Plan {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub intent: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub status: PlanStatus,
    pub closed_on: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
}

/// What the user typed in the plan form. On create, missing dates mean the current
/// quarter; on update, a missing field keeps its stored value.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct PlanInput {
    pub title: String,
    #[ts(optional)]
    pub intent: Option<String>,
    #[ts(optional)]
    pub starts_on: Option<String>,
    #[ts(optional)]
    pub ends_on: Option<String>,
}

/// What the "new plan" form starts with: the current quarter and its name.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanDefaults {
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

const COLUMNS: &str =
    "id, title, intent, starts_on, ends_on, status, closed_on, created_at, updated_at";

pub async fn defaults(pool: &SqlitePool, today: NaiveDate) -> AppResult<PlanDefaults> {
    let month = settings::get(pool).await?.fiscal_year_start_month;
    let (starts_on, ends_on) = clock::quarter_of(today, month);
    Ok(PlanDefaults {
        title: clock::quarter_label(starts_on, month),
        starts_on,
        ends_on,
    })
}

/// Active plan first, then the newest by start date.
pub async fn list(pool: &SqlitePool) -> AppResult<Vec<Plan>> {
    Ok(sqlx::query_as::<_, Plan>(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM plans
         ORDER BY status = 'active' DESC, starts_on DESC, id DESC"
    )))
    .fetch_all(pool)
    .await?)
}

pub async fn get(pool: &SqlitePool, id: i64) -> AppResult<Plan> {
    let mut conn = pool.acquire().await?;
    fetch(&mut conn, id).await
}

pub async fn fetch(conn: &mut SqliteConnection, id: i64) -> AppResult<Plan> {
    sqlx::query_as::<_, Plan>(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM plans WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(AppError::NotFound { entity: "Plan", id })
}

/// The plan, refusing when it is closed: closed plans are history.
pub(crate) async fn fetch_open(conn: &mut SqliteConnection, id: i64) -> AppResult<Plan> {
    let plan = fetch(conn, id).await?;
    refuse_if_closed(&plan)?;
    Ok(plan)
}

struct Checked {
    title: String,
    intent: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
}

fn check(input: &PlanInput, current: Checked) -> AppResult<Checked> {
    let title = limits::title("title", &input.title)?;
    let intent = match &input.intent {
        Some(text) => limits::long_text("intent", text)?,
        None => current.intent,
    };
    let starts_on = match &input.starts_on {
        Some(text) => input::date("startsOn", text)?,
        None => current.starts_on,
    };
    let ends_on = match &input.ends_on {
        Some(text) => input::date("endsOn", text)?,
        None => current.ends_on,
    };
    if ends_on < starts_on {
        return Err(AppError::invalid(
            "endsOn",
            "The plan must end on or after the day it starts.",
        ));
    }
    Ok(Checked {
        title,
        intent,
        starts_on,
        ends_on,
    })
}

pub async fn create(pool: &SqlitePool, input: PlanInput, today: NaiveDate) -> AppResult<Plan> {
    let defaults = defaults(pool, today).await?;
    let plan = check(
        &input,
        Checked {
            title: String::new(),
            intent: String::new(),
            starts_on: defaults.starts_on,
            ends_on: defaults.ends_on,
        },
    )?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let id = insert(
        &mut tx,
        &plan.title,
        &plan.intent,
        plan.starts_on,
        plan.ends_on,
        today,
    )
    .await?;
    if plan.starts_on <= today && today <= plan.ends_on {
        activate_if_none_active(&mut tx, id, today).await?;
    }
    let created = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

/// Inserts a draft plan and logs it; the caller holds the transaction and has checked
/// the fields.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    title: &str,
    intent: &str,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    today: NaiveDate,
) -> AppResult<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO plans (title, intent, starts_on, ends_on) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(title)
    .bind(intent)
    .bind(starts_on)
    .bind(ends_on)
    .fetch_one(&mut *conn)
    .await?;
    let summary = format!("Created plan \"{title}\"");
    activity::record(conn, today, Entity::Plan, id, Action::Created, &summary).await?;
    Ok(id)
}

pub async fn update(
    pool: &SqlitePool,
    id: i64,
    input: PlanInput,
    today: NaiveDate,
) -> AppResult<Plan> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let stored = fetch(&mut tx, id).await?;
    refuse_if_closed(&stored)?;
    let plan = check(
        &input,
        Checked {
            title: stored.title.clone(),
            intent: stored.intent.clone(),
            starts_on: stored.starts_on,
            ends_on: stored.ends_on,
        },
    )?;
    sqlx::query("UPDATE plans SET title = ?, intent = ?, starts_on = ?, ends_on = ? WHERE id = ?")
        .bind(&plan.title)
        .bind(&plan.intent)
        .bind(plan.starts_on)
        .bind(plan.ends_on)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let summary = format!("Edited plan \"{}\"", plan.title);
    activity::record(&mut tx, today, Entity::Plan, id, Action::Edited, &summary).await?;
    let updated = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Moves a plan between draft and active. Closing belongs to the quarterly review.
pub async fn set_status(
    pool: &SqlitePool,
    id: i64,
    status: PlanStatus,
    today: NaiveDate,
) -> AppResult<Plan> {
    if status == PlanStatus::Closed {
        return Err(AppError::invalid(
            "status",
            "A plan is closed through the quarterly review, not directly.",
        ));
    }
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let stored = fetch(&mut tx, id).await?;
    refuse_if_closed(&stored)?;
    if stored.status == status {
        return Ok(stored);
    }
    if status == PlanStatus::Active {
        let active: Option<String> =
            sqlx::query_scalar("SELECT title FROM plans WHERE status = 'active' AND id <> ?")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(title) = active {
            return Err(AppError::conflict(
                Some("status"),
                format!("\"{title}\" is already the active plan. Move it back to draft first."),
            ));
        }
    }
    sqlx::query("UPDATE plans SET status = ? WHERE id = ?")
        .bind(status)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let (action, summary) = match status {
        PlanStatus::Active => (
            Action::Activated,
            format!("Made \"{}\" the active plan", stored.title),
        ),
        _ => (
            Action::Drafted,
            format!("Moved \"{}\" back to draft", stored.title),
        ),
    };
    activity::record(&mut tx, today, Entity::Plan, id, action, &summary).await?;
    let updated = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Closes a plan for good: it becomes read-only history. The quarterly review
/// (`review::close_quarter`) is how the user does it; the generator uses it directly.
pub async fn close(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Plan> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    write_closed(&mut tx, id, today).await?;
    let closed = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(closed)
}

/// Marks an open plan closed and logs it; the caller holds the transaction.
pub(crate) async fn write_closed(
    conn: &mut SqliteConnection,
    id: i64,
    today: NaiveDate,
) -> AppResult<()> {
    let stored = fetch_open(conn, id).await?;
    sqlx::query("UPDATE plans SET status = 'closed', closed_on = ? WHERE id = ?")
        .bind(today)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let summary = format!("Closed plan \"{}\"", stored.title);
    activity::record(conn, today, Entity::Plan, id, Action::Closed, &summary).await
}

/// Makes a plan active when no other plan is; the caller holds the transaction.
pub(crate) async fn activate_if_none_active(
    conn: &mut SqliteConnection,
    id: i64,
    today: NaiveDate,
) -> AppResult<()> {
    let active: i64 = sqlx::query_scalar("SELECT count(*) FROM plans WHERE status = 'active'")
        .fetch_one(&mut *conn)
        .await?;
    if active == 0 {
        let plan = fetch_open(conn, id).await?;
        sqlx::query("UPDATE plans SET status = 'active' WHERE id = ?")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        let summary = format!("Made \"{}\" the active plan", plan.title);
        activity::record(conn, today, Entity::Plan, id, Action::Activated, &summary).await?;
    }
    Ok(())
}

/// What deleting a plan takes with it, for the confirmation dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanImpact {
    #[ts(type = "number")]
    pub goals: i64,
    #[ts(type = "number")]
    pub milestones: i64,
    #[ts(type = "number")]
    pub check_ins: i64,
}

pub async fn impact(pool: &SqlitePool, id: i64) -> AppResult<PlanImpact> {
    let mut conn = pool.acquire().await?;
    fetch(&mut conn, id).await?;
    Ok(sqlx::query_as::<_, PlanImpact>(
        "SELECT (SELECT count(*) FROM goals WHERE plan_id = ?1) AS goals,
                (SELECT count(*) FROM milestones m JOIN goals g ON g.id = m.goal_id WHERE g.plan_id = ?1) AS milestones,
                (SELECT count(*) FROM check_ins c JOIN goals g ON g.id = c.goal_id WHERE g.plan_id = ?1) AS check_ins",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?)
}

/// Moves a plan to the trash with its goals, their milestones and check-ins, and its
/// self-assessments. Its activity rows stay: they are history.
pub async fn delete(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Trashed> {
    let gone = impact(pool, id).await?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let stored = fetch(&mut tx, id).await?;
    let trashed = trash::put(&mut tx, TrashKind::Plan, id, &stored.title).await?;
    let summary = format!(
        "Deleted plan \"{}\" with {} goals, {} milestones and {} check-ins",
        stored.title, gone.goals, gone.milestones, gone.check_ins
    );
    activity::record(&mut tx, today, Entity::Plan, id, Action::Deleted, &summary).await?;
    tx.commit().await?;
    Ok(trashed)
}

fn refuse_if_closed(plan: &Plan) -> AppResult<()> {
    if plan.status == PlanStatus::Closed {
        return Err(AppError::conflict(
            None,
            format!(
                "\"{}\" is closed; closed plans are kept as history and cannot change.",
                plan.title
            ),
        ));
    }
    Ok(())
}
