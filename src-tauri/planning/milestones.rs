//! Milestones: the dated steps of a goal. Completing one keeps the day it was done;
//! reopening clears it (the activity log keeps both events).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::trash::{self, TrashKind, Trashed};
use crate::planning::goals;
use crate::{infra::input, infra::limits};

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Milestone {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub goal_id: i64,
    #[ts(type = "number")]
    pub position: i64,
    pub title: String,
    pub due_on: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    /// Not done and due before today.
    pub overdue: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct MilestoneInput {
    pub title: String,
    /// `YYYY-MM-DD`, or empty for no due date.
    #[ts(optional)]
    pub due_on: Option<String>,
}

const SELECT: &str = "SELECT id, goal_id, position, title, due_on, done_on,
        (done_on IS NULL AND due_on IS NOT NULL AND due_on < ?1) AS overdue
    FROM milestones";

pub async fn list(
    conn: &mut SqliteConnection,
    goal_id: i64,
    today: NaiveDate,
) -> AppResult<Vec<Milestone>> {
    Ok(sqlx::query_as::<_, Milestone>(AssertSqlSafe(format!(
        "{SELECT} WHERE goal_id = ?2 ORDER BY position, id"
    )))
    .bind(today)
    .bind(goal_id)
    .fetch_all(conn)
    .await?)
}

async fn fetch(conn: &mut SqliteConnection, id: i64, today: NaiveDate) -> AppResult<Milestone> {
    sqlx::query_as::<_, Milestone>(AssertSqlSafe(format!("{SELECT} WHERE id = ?2")))
        .bind(today)
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound {
            entity: "Milestone",
            id,
        })
}

/// The milestone, refusing when its plan is closed.
async fn fetch_open(
    conn: &mut SqliteConnection,
    id: i64,
    today: NaiveDate,
) -> AppResult<Milestone> {
    let m = fetch(conn, id, today).await?;
    goals::fetch_open(conn, m.goal_id, today).await?;
    Ok(m)
}

fn check(input: &MilestoneInput) -> AppResult<(String, Option<NaiveDate>)> {
    let title = limits::title("title", &input.title)?;
    let due_on = match input.due_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(input::date("dueOn", text)?),
    };
    Ok((title, due_on))
}

/// The open milestones of a goal in order, as (title, due date): what carrying a goal
/// into the next quarter copies.
pub(crate) async fn open_for_goal(
    conn: &mut SqliteConnection,
    goal_id: i64,
) -> AppResult<Vec<(String, Option<NaiveDate>)>> {
    Ok(sqlx::query_as(
        "SELECT title, due_on FROM milestones WHERE goal_id = ? AND done_on IS NULL ORDER BY position, id",
    )
    .bind(goal_id)
    .fetch_all(conn)
    .await?)
}

/// Inserts at the end of the goal's list; the caller holds the transaction.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    goal_id: i64,
    title: &str,
    due_on: Option<NaiveDate>,
    done_on: Option<NaiveDate>,
) -> AppResult<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO milestones (goal_id, position, title, due_on, done_on)
         VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM milestones WHERE goal_id = ?1), ?2, ?3, ?4)
         RETURNING id",
    )
    .bind(goal_id)
    .bind(title)
    .bind(due_on)
    .bind(done_on)
    .fetch_one(conn)
    .await?)
}

pub async fn add(
    pool: &SqlitePool,
    goal_id: i64,
    input: MilestoneInput,
    today: NaiveDate,
) -> AppResult<Milestone> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let id = add_in(&mut tx, goal_id, input, today).await?;
    let m = fetch(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(m)
}

/// Checks and adds a milestone inside the caller's transaction.
pub(crate) async fn add_in(
    conn: &mut SqliteConnection,
    goal_id: i64,
    input: MilestoneInput,
    today: NaiveDate,
) -> AppResult<i64> {
    let (title, due_on) = check(&input)?;
    let goal = goals::fetch_open(conn, goal_id, today).await?;
    let id = insert(conn, goal_id, &title, due_on, None).await?;
    let summary = format!("Added milestone \"{title}\" to \"{}\"", goal.title);
    activity::record(
        conn,
        today,
        Entity::Milestone,
        id,
        Action::Created,
        &summary,
    )
    .await?;
    Ok(id)
}

pub async fn update(
    pool: &SqlitePool,
    id: i64,
    input: MilestoneInput,
    today: NaiveDate,
) -> AppResult<Milestone> {
    let (title, due_on) = check(&input)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch_open(&mut tx, id, today).await?;
    sqlx::query("UPDATE milestones SET title = ?, due_on = ? WHERE id = ?")
        .bind(&title)
        .bind(due_on)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let m = fetch(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(m)
}

/// Marks a milestone done today, or reopens it. Completing a step of a goal that has
/// not started moves the goal to in progress.
pub async fn set_done(
    pool: &SqlitePool,
    id: i64,
    done: bool,
    today: NaiveDate,
) -> AppResult<Milestone> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let m = fetch_open(&mut tx, id, today).await?;
    if done {
        // Finishing a step means work has started.
        let goal = goals::fetch(&mut tx, m.goal_id, today).await?;
        if goal.status == goals::GoalStatus::NotStarted {
            goals::write_status(&mut tx, &goal, goals::GoalStatus::InProgress, today).await?;
        }
    }
    if m.done_on.is_some() != done {
        sqlx::query("UPDATE milestones SET done_on = ? WHERE id = ?")
            .bind(done.then_some(today))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let (action, verb) = if done {
            (Action::Completed, "Completed")
        } else {
            (Action::Reopened, "Reopened")
        };
        let summary = format!("{verb} milestone \"{}\"", m.title);
        activity::record(&mut tx, today, Entity::Milestone, id, action, &summary).await?;
    }
    let m = fetch(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(m)
}

/// Puts a goal's milestones in the given order; `ids` must be exactly its milestones.
pub async fn reorder(
    pool: &SqlitePool,
    goal_id: i64,
    ids: Vec<i64>,
    today: NaiveDate,
) -> AppResult<Vec<Milestone>> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    goals::fetch_open(&mut tx, goal_id, today).await?;
    let mut stored: Vec<i64> = sqlx::query_scalar("SELECT id FROM milestones WHERE goal_id = ?")
        .bind(goal_id)
        .fetch_all(&mut *tx)
        .await?;
    let mut wanted = ids.clone();
    stored.sort_unstable();
    wanted.sort_unstable();
    if stored != wanted {
        return Err(AppError::invalid(
            "order",
            "The new order must list each of the goal's milestones once.",
        ));
    }
    for (position, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE milestones SET position = ? WHERE id = ?")
            .bind(position as i64 + 1)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let list = list(&mut tx, goal_id, today).await?;
    tx.commit().await?;
    Ok(list)
}

/// Moves a milestone to another goal of the same plan, at the end of its list.
pub async fn move_to(
    pool: &SqlitePool,
    id: i64,
    goal_id: i64,
    today: NaiveDate,
) -> AppResult<Milestone> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let m = fetch_open(&mut tx, id, today).await?;
    let from = goals::fetch(&mut tx, m.goal_id, today).await?;
    let to = goals::fetch(&mut tx, goal_id, today)
        .await
        .map_err(|_| AppError::invalid("goalId", format!("Goal {goal_id} does not exist.")))?;
    if to.plan_id != from.plan_id {
        return Err(AppError::invalid(
            "goalId",
            "A milestone can only move to another goal of the same plan.",
        ));
    }
    sqlx::query(
        "UPDATE milestones SET goal_id = ?1,
             position = (SELECT coalesce(max(position), 0) + 1 FROM milestones WHERE goal_id = ?1)
         WHERE id = ?2",
    )
    .bind(goal_id)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let m = fetch(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(m)
}

pub async fn delete(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Trashed> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let m = fetch_open(&mut tx, id, today).await?;
    let trashed = trash::put(&mut tx, TrashKind::Milestone, id, &m.title).await?;
    let summary = format!("Deleted milestone \"{}\"", m.title);
    activity::record(
        &mut tx,
        today,
        Entity::Milestone,
        id,
        Action::Deleted,
        &summary,
    )
    .await?;
    tx.commit().await?;
    Ok(trashed)
}
