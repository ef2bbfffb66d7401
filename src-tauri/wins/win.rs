//! The brag log: achievements with their quantified impact, the principles they show,
//! the goal they served and the links that prove them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::trash::{self, TrashKind, Trashed};
use crate::{infra::children, infra::input, infra::limits, infra::lookup};

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Win {
    #[ts(type = "number")]
    pub id: i64,
    pub occurred_on: NaiveDate,
    pub title: String,
    pub description: String,
    #[ts(type = "number | null")]
    pub focus_area_id: Option<i64>,
    #[ts(type = "number | null")]
    pub goal_id: Option<i64>,
    pub goal_title: Option<String>,
    pub impact_metric: Option<String>,
    pub impact_unit: String,
    pub impact_before: Option<f64>,
    pub impact_after: Option<f64>,
    pub higher_is_better: bool,
    /// The team or department it involved, for the teams view; empty when none.
    pub team: String,
    pub has_story: bool,
    #[serde(skip)]
    #[ts(skip)]
    pub principle_list: Option<String>,
    #[sqlx(skip)]
    #[ts(type = "number[]")]
    pub principle_ids: Vec<i64>,
}

impl Win {
    fn with_principles(mut self) -> Self {
        self.principle_ids = self
            .principle_list
            .take()
            .unwrap_or_default()
            .split(',')
            .filter_map(|s| s.parse().ok())
            .collect();
        self.principle_ids.sort_unstable();
        self
    }
}

/// What the win form sends; every save replaces the whole win.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct WinInput {
    pub title: String,
    /// `YYYY-MM-DD`; today when missing.
    #[ts(optional)]
    pub occurred_on: Option<String>,
    #[ts(optional)]
    pub description: Option<String>,
    #[ts(optional, type = "number | null")]
    pub focus_area_id: Option<i64>,
    #[ts(optional, type = "number | null")]
    pub goal_id: Option<i64>,
    #[ts(optional)]
    pub impact_metric: Option<String>,
    #[ts(optional)]
    pub impact_unit: Option<String>,
    #[ts(optional)]
    pub impact_before: Option<f64>,
    #[ts(optional)]
    pub impact_after: Option<f64>,
    #[ts(optional)]
    pub higher_is_better: Option<bool>,
    #[ts(optional, type = "number[]")]
    pub principle_ids: Option<Vec<i64>>,
    #[ts(optional)]
    pub links: Option<Vec<String>>,
    #[ts(optional)]
    pub team: Option<String>,
}

const SELECT: &str = "SELECT a.id, a.occurred_on, a.title, a.description, a.focus_area_id, a.goal_id,
        g.title AS goal_title, a.impact_metric, a.impact_unit, a.impact_before, a.impact_after,
        a.higher_is_better, a.team, EXISTS (SELECT 1 FROM stories s WHERE s.achievement_id = a.id) AS has_story,
        (SELECT group_concat(principle_id) FROM achievement_principles ap WHERE ap.achievement_id = a.id)
          AS principle_list
    FROM achievements a LEFT JOIN goals g ON g.id = a.goal_id";

/// The brag log, newest first, a page at a time.
pub async fn list(pool: &SqlitePool, limit: i64, offset: i64) -> AppResult<Vec<Win>> {
    let rows = sqlx::query_as::<_, Win>(AssertSqlSafe(format!(
        "{SELECT} ORDER BY a.occurred_on DESC, a.id DESC LIMIT ? OFFSET ?"
    )))
    .bind(limit.clamp(1, 500))
    .bind(offset.max(0))
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(Win::with_principles).collect())
}

/// The wins that served a goal, newest first.
pub(crate) async fn for_goal(conn: &mut SqliteConnection, goal_id: i64) -> AppResult<Vec<Win>> {
    let rows = sqlx::query_as::<_, Win>(AssertSqlSafe(format!(
        "{SELECT} WHERE a.goal_id = ? ORDER BY a.occurred_on DESC, a.id DESC"
    )))
    .bind(goal_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Win::with_principles).collect())
}

pub async fn fetch(conn: &mut SqliteConnection, id: i64) -> AppResult<Win> {
    sqlx::query_as::<_, Win>(AssertSqlSafe(format!("{SELECT} WHERE a.id = ?")))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .map(Win::with_principles)
        .ok_or(AppError::NotFound { entity: "Win", id })
}

struct Checked {
    occurred_on: NaiveDate,
    title: String,
    description: String,
    focus_area_id: Option<i64>,
    goal_id: Option<i64>,
    impact_metric: Option<String>,
    impact_unit: String,
    impact_before: Option<f64>,
    impact_after: Option<f64>,
    higher_is_better: bool,
    principle_ids: Vec<i64>,
    links: Vec<String>,
    team: String,
}

async fn check(
    conn: &mut SqliteConnection,
    input: WinInput,
    today: NaiveDate,
) -> AppResult<Checked> {
    let title = limits::title("title", &input.title)?;
    let description = limits::long_text("description", input.description.as_deref().unwrap_or(""))?;
    let occurred_on = match input.occurred_on.as_deref() {
        Some(text) => input::date("occurredOn", text)?,
        None => today,
    };
    if occurred_on > today {
        return Err(AppError::invalid(
            "occurredOn",
            "A win cannot be dated in the future.",
        ));
    }
    if let Some(id) = input.focus_area_id {
        if !lookup::exists(conn, "focus_areas", id).await? {
            return Err(AppError::invalid(
                "focusAreaId",
                "Pick one of the seven focus areas.",
            ));
        }
    }
    if let Some(id) = input.goal_id {
        if !lookup::exists(conn, "goals", id).await? {
            return Err(AppError::invalid(
                "goalId",
                format!("Goal {id} does not exist."),
            ));
        }
    }
    let (impact_metric, impact_unit, impact_before, impact_after) = check_impact(&input)?;
    let principle_ids = lookup::existing_ids(
        conn,
        "principles",
        "principleIds",
        "Principle",
        input.principle_ids.unwrap_or_default(),
    )
    .await?;
    let links = limits::urls("links", &input.links.unwrap_or_default())?;
    let team = limits::optional_title("team", input.team.as_deref())?;
    Ok(Checked {
        occurred_on,
        title,
        description,
        focus_area_id: input.focus_area_id,
        goal_id: input.goal_id,
        impact_metric,
        impact_unit,
        impact_before,
        impact_after,
        higher_is_better: input.higher_is_better.unwrap_or(true),
        principle_ids,
        links,
        team,
    })
}

/// A measured impact: its metric, unit and the numbers before and after. Numbers with no
/// metric named are refused.
type Impact = (Option<String>, String, Option<f64>, Option<f64>);

fn check_impact(input: &WinInput) -> AppResult<Impact> {
    let metric = input
        .impact_metric
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty());
    match metric {
        Some(name) => {
            let name = limits::title("impactMetric", name)?;
            let unit = match input.impact_unit.as_deref().map(str::trim) {
                Some(u) if !u.is_empty() => limits::title("impactUnit", u)?,
                _ => String::new(),
            };
            let before = input
                .impact_before
                .map(|v| limits::number("impactBefore", v))
                .transpose()?;
            let after = input.impact_after.ok_or_else(|| {
                AppError::invalid("impactAfter", "Enter the number after the change.")
            })?;
            let after = limits::number("impactAfter", after)?;
            Ok((Some(name), unit, before, Some(after)))
        }
        None if input.impact_before.is_some() || input.impact_after.is_some() => Err(
            AppError::invalid("impactMetric", "Name what the numbers measure."),
        ),
        None => Ok((None, String::new(), None, None)),
    }
}

async fn write(conn: &mut SqliteConnection, id: Option<i64>, c: &Checked) -> AppResult<i64> {
    // A new win is inserted bare, then written like an edited one.
    let id: i64 = match id {
        Some(id) => id,
        None => {
            sqlx::query_scalar(
                "INSERT INTO achievements (occurred_on, title) VALUES (?, ?) RETURNING id",
            )
            .bind(c.occurred_on)
            .bind(&c.title)
            .fetch_one(&mut *conn)
            .await?
        }
    };
    sqlx::query(
        "UPDATE achievements SET occurred_on = ?, title = ?, description = ?, focus_area_id = ?, goal_id = ?,
             impact_metric = ?, impact_unit = ?, impact_before = ?, impact_after = ?, higher_is_better = ?,
             team = ?
         WHERE id = ?",
    )
    .bind(c.occurred_on)
    .bind(&c.title)
    .bind(&c.description)
    .bind(c.focus_area_id)
    .bind(c.goal_id)
    .bind(&c.impact_metric)
    .bind(&c.impact_unit)
    .bind(c.impact_before)
    .bind(c.impact_after)
    .bind(c.higher_is_better)
    .bind(&c.team)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    children::replace(
        conn,
        "achievement_principles",
        "achievement_id",
        id,
        "principle_id",
        &c.principle_ids,
    )
    .await?;
    children::replace(
        conn,
        "achievement_links",
        "achievement_id",
        id,
        "url",
        &c.links,
    )
    .await?;
    Ok(id)
}

pub async fn create(pool: &SqlitePool, input: WinInput, today: NaiveDate) -> AppResult<Win> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let c = check(&mut tx, input, today).await?;
    let id = write(&mut tx, None, &c).await?;
    let summary = format!("Logged a win: \"{}\"", c.title);
    activity::record(
        &mut tx,
        c.occurred_on,
        Entity::Achievement,
        id,
        Action::Created,
        &summary,
    )
    .await?;
    let a = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(a)
}

pub async fn update(
    pool: &SqlitePool,
    id: i64,
    input: WinInput,
    today: NaiveDate,
) -> AppResult<Win> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch(&mut tx, id).await?;
    let c = check(&mut tx, input, today).await?;
    write(&mut tx, Some(id), &c).await?;
    let a = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(a)
}

pub async fn delete(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Trashed> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let a = fetch(&mut tx, id).await?;
    let trashed = trash::put(&mut tx, TrashKind::Win, id, &a.title).await?;
    let summary = format!("Deleted the win \"{}\"", a.title);
    activity::record(
        &mut tx,
        today,
        Entity::Achievement,
        id,
        Action::Deleted,
        &summary,
    )
    .await?;
    tx.commit().await?;
    Ok(trashed)
}
