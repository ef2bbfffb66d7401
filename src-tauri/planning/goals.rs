//! Goals: what the user means to achieve in a plan, under one focus area, with a success
//! measure (done/not done, or a metric from a baseline to a target).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::trash::{self, TrashKind, Trashed};
pub use crate::planning::kinds::{GoalStatus, MeasureKind, Priority};
use crate::planning::plans;
use crate::planning::progress::{self, GoalFacts};
use crate::{infra::children, infra::input, infra::limits, infra::lookup};

/// A goal as lists show it, with the figures derived from its check-ins and milestones.
#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Goal {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub plan_id: i64,
    #[ts(type = "number")]
    pub focus_area_id: i64,
    pub title: String,
    pub why: String,
    pub measure: MeasureKind,
    pub metric_name: Option<String>,
    pub metric_unit: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub due_on: Option<NaiveDate>,
    pub status: GoalStatus,
    pub priority: Priority,
    #[ts(type = "number | null")]
    pub carried_from_goal_id: Option<i64>,
    /// The latest check-in's value (metric goals).
    pub current_value: Option<f64>,
    #[ts(type = "number")]
    pub milestones_done: i64,
    #[ts(type = "number")]
    pub milestones_total: i64,
    #[ts(type = "number")]
    pub milestones_overdue: i64,
    #[ts(type = "number")]
    pub check_in_count: i64,
    /// Whole percent from the progress rules; `None` for a dropped goal.
    #[sqlx(skip)]
    #[ts(type = "number | null")]
    pub progress_pct: Option<i64>,
    #[sqlx(skip)]
    #[serde(skip)]
    #[ts(skip)]
    pub progress: Option<f64>,
}

impl Goal {
    fn with_progress(mut self) -> Self {
        self.progress = progress::goal(&GoalFacts {
            status: self.status,
            measure: self.measure,
            baseline: self.baseline,
            target: self.target,
            current: self.current_value,
            milestones_done: self.milestones_done,
            milestones_total: self.milestones_total,
        });
        self.progress_pct = self.progress.map(progress::percent);
        self
    }
}

/// What the goal form sends. On create, missing fields take defaults; on update, a missing
/// field keeps its stored value and an empty due date clears it.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct GoalInput {
    pub title: String,
    #[ts(type = "number")]
    pub focus_area_id: i64,
    #[ts(optional)]
    pub why: Option<String>,
    #[ts(optional)]
    pub measure: Option<MeasureKind>,
    #[ts(optional)]
    pub metric_name: Option<String>,
    #[ts(optional)]
    pub metric_unit: Option<String>,
    #[ts(optional)]
    pub baseline: Option<f64>,
    #[ts(optional)]
    pub target: Option<f64>,
    #[ts(optional)]
    pub due_on: Option<String>,
    #[ts(optional)]
    pub priority: Option<Priority>,
    #[ts(optional, type = "number[]")]
    pub facet_ids: Option<Vec<i64>>,
    #[ts(optional, type = "number[]")]
    pub principle_ids: Option<Vec<i64>>,
    #[ts(optional)]
    pub links: Option<Vec<String>>,
}

const SELECT: &str = "SELECT g.id, g.plan_id, g.focus_area_id, g.title, g.why, g.measure,
        g.metric_name, g.metric_unit, g.baseline, g.target, g.due_on, g.status, g.priority,
        g.carried_from_goal_id,
        (SELECT c.value FROM check_ins c WHERE c.goal_id = g.id AND c.value IS NOT NULL
          ORDER BY c.on_date DESC, c.id DESC LIMIT 1) AS current_value,
        (SELECT count(*) FROM milestones m WHERE m.goal_id = g.id AND m.done_on IS NOT NULL) AS milestones_done,
        (SELECT count(*) FROM milestones m WHERE m.goal_id = g.id) AS milestones_total,
        (SELECT count(*) FROM milestones m WHERE m.goal_id = g.id AND m.done_on IS NULL
          AND m.due_on < ?1) AS milestones_overdue,
        (SELECT count(*) FROM check_ins c WHERE c.goal_id = g.id) AS check_in_count
    FROM goals g";

/// The goals of a plan in the order the Plan screen shows them within each focus area.
pub(crate) async fn list_for_plan(
    conn: &mut SqliteConnection,
    plan_id: i64,
    today: NaiveDate,
) -> AppResult<Vec<Goal>> {
    let rows = sqlx::query_as::<_, Goal>(AssertSqlSafe(format!(
        "{SELECT} WHERE g.plan_id = ?2
         ORDER BY g.focus_area_id,
                  CASE g.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, g.id"
    )))
    .bind(today)
    .bind(plan_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Goal::with_progress).collect())
}

pub async fn fetch(conn: &mut SqliteConnection, id: i64, today: NaiveDate) -> AppResult<Goal> {
    sqlx::query_as::<_, Goal>(AssertSqlSafe(format!("{SELECT} WHERE g.id = ?2")))
        .bind(today)
        .bind(id)
        .fetch_optional(conn)
        .await?
        .map(Goal::with_progress)
        .ok_or(AppError::NotFound { entity: "Goal", id })
}

/// The goal and its plan, refusing when the plan is closed.
pub(crate) async fn fetch_open(
    conn: &mut SqliteConnection,
    id: i64,
    today: NaiveDate,
) -> AppResult<Goal> {
    let goal = fetch(conn, id, today).await?;
    plans::fetch_open(conn, goal.plan_id).await?;
    Ok(goal)
}

/// Everything a goal row holds that the user types, checked.
#[derive(Debug, Clone)]
pub struct Checked {
    pub focus_area_id: i64,
    pub title: String,
    pub why: String,
    pub measure: MeasureKind,
    pub metric_name: Option<String>,
    pub metric_unit: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub due_on: Option<NaiveDate>,
    pub priority: Priority,
    pub facet_ids: Vec<i64>,
    pub principle_ids: Vec<i64>,
    pub links: Vec<String>,
}

impl Checked {
    fn blank(focus_area_id: i64) -> Self {
        Checked {
            focus_area_id,
            title: String::new(),
            why: String::new(),
            measure: MeasureKind::Done,
            metric_name: None,
            metric_unit: String::new(),
            baseline: None,
            target: None,
            due_on: None,
            priority: Priority::Medium,
            facet_ids: Vec::new(),
            principle_ids: Vec::new(),
            links: Vec::new(),
        }
    }
}

async fn check(
    conn: &mut SqliteConnection,
    input: GoalInput,
    current: Checked,
) -> AppResult<Checked> {
    let title = limits::title("title", &input.title)?;
    let why = match &input.why {
        Some(text) => limits::long_text("why", text)?,
        None => current.why.clone(),
    };
    let focus_area_id = input.focus_area_id;
    if !lookup::exists(conn, "focus_areas", focus_area_id).await? {
        return Err(AppError::invalid(
            "focusAreaId",
            "Pick one of the seven focus areas.",
        ));
    }

    let measure = input.measure.unwrap_or(current.measure);
    let (metric_name, metric_unit, baseline, target) = check_metric(measure, &input, &current)?;

    let due_on = match input.due_on.as_deref().map(str::trim) {
        Some("") => None,
        Some(text) => Some(input::date("dueOn", text)?),
        None => current.due_on,
    };

    let facet_ids = check_facets(conn, input.facet_ids, focus_area_id, &current).await?;

    let principle_ids = match input.principle_ids {
        Some(ids) => {
            lookup::existing_ids(conn, "principles", "principleIds", "Principle", ids).await?
        }
        None => current.principle_ids,
    };

    let links = match input.links {
        Some(urls) => limits::urls("links", &urls)?,
        None => current.links,
    };

    Ok(Checked {
        focus_area_id,
        title,
        why,
        measure,
        metric_name,
        metric_unit,
        baseline,
        target,
        due_on,
        priority: input.priority.unwrap_or(current.priority),
        facet_ids,
        principle_ids,
        links,
    })
}

/// A metric's name, unit, baseline and target, or none of them for a done/not-done goal.
type Metric = (Option<String>, String, Option<f64>, Option<f64>);

fn check_metric(measure: MeasureKind, input: &GoalInput, current: &Checked) -> AppResult<Metric> {
    match measure {
        MeasureKind::Done => Ok((None, String::new(), None, None)),
        MeasureKind::Metric => {
            let name = match input
                .metric_name
                .clone()
                .or_else(|| current.metric_name.clone())
            {
                Some(name) => limits::title("metricName", &name)?,
                None => {
                    return Err(AppError::invalid(
                        "metricName",
                        "Name what you will measure.",
                    ))
                }
            };
            let unit = match &input.metric_unit {
                Some(unit) if !unit.trim().is_empty() => limits::title("metricUnit", unit)?,
                Some(_) => String::new(),
                None => current.metric_unit.clone(),
            };
            let baseline = input.baseline.or(current.baseline).ok_or_else(|| {
                AppError::invalid("baseline", "A metric goal needs a starting value.")
            })?;
            let baseline = limits::number("baseline", baseline)?;
            let target = input
                .target
                .or(current.target)
                .ok_or_else(|| AppError::invalid("target", "A metric goal needs a target."))?;
            let target = limits::number("target", target)?;
            if target == baseline {
                return Err(AppError::invalid(
                    "target",
                    "The target must differ from the starting value.",
                ));
            }
            Ok((Some(name), unit, Some(baseline), Some(target)))
        }
    }
}

/// The facets, each of the goal's focus area, sorted and without repeats.
async fn check_facets(
    conn: &mut SqliteConnection,
    facet_ids: Option<Vec<i64>>,
    focus_area_id: i64,
    current: &Checked,
) -> AppResult<Vec<i64>> {
    match facet_ids {
        Some(mut ids) => {
            ids.sort_unstable();
            ids.dedup();
            for id in &ids {
                let area: Option<i64> =
                    sqlx::query_scalar("SELECT focus_area_id FROM facets WHERE id = ?")
                        .bind(id)
                        .fetch_optional(&mut *conn)
                        .await?;
                if area != Some(focus_area_id) {
                    return Err(AppError::invalid(
                        "facetIds",
                        "A facet must belong to the goal's focus area.",
                    ));
                }
            }
            Ok(ids)
        }
        // Moving a goal to another area drops facets that no longer fit.
        None if focus_area_id != current.focus_area_id => Ok(Vec::new()),
        None => Ok(current.facet_ids.clone()),
    }
}

/// Writes the goal's tags and links, replacing what was there.
async fn write_tags(conn: &mut SqliteConnection, goal_id: i64, c: &Checked) -> AppResult<()> {
    children::replace(
        conn,
        "goal_facets",
        "goal_id",
        goal_id,
        "facet_id",
        &c.facet_ids,
    )
    .await?;
    children::replace(
        conn,
        "goal_principles",
        "goal_id",
        goal_id,
        "principle_id",
        &c.principle_ids,
    )
    .await?;
    children::replace(conn, "goal_links", "goal_id", goal_id, "url", &c.links).await
}

/// Inserts a checked goal; used by `create` and by carrying goals into a new quarter.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    plan_id: i64,
    c: &Checked,
    carried_from: Option<i64>,
) -> AppResult<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO goals (plan_id, focus_area_id, title, why, measure, metric_name, metric_unit,
                            baseline, target, due_on, priority, carried_from_goal_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(plan_id)
    .bind(c.focus_area_id)
    .bind(&c.title)
    .bind(&c.why)
    .bind(c.measure)
    .bind(&c.metric_name)
    .bind(&c.metric_unit)
    .bind(c.baseline)
    .bind(c.target)
    .bind(c.due_on)
    .bind(c.priority)
    .bind(carried_from)
    .fetch_one(&mut *conn)
    .await?;
    write_tags(conn, id, c).await?;
    Ok(id)
}

pub async fn create(
    pool: &SqlitePool,
    plan_id: i64,
    input: GoalInput,
    today: NaiveDate,
) -> AppResult<Goal> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let id = create_in(&mut tx, plan_id, input, today).await?;
    let goal = fetch(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(goal)
}

/// Checks and adds a goal inside the caller's transaction.
pub(crate) async fn create_in(
    conn: &mut SqliteConnection,
    plan_id: i64,
    input: GoalInput,
    today: NaiveDate,
) -> AppResult<i64> {
    plans::fetch_open(conn, plan_id).await?;
    let blank = Checked::blank(input.focus_area_id);
    let checked = check(conn, input, blank).await?;
    let id = insert(conn, plan_id, &checked, None).await?;
    let summary = format!("Added goal \"{}\"", checked.title);
    activity::record(conn, today, Entity::Goal, id, Action::Created, &summary).await?;
    Ok(id)
}

/// The stored goal as checked input, so an update can fall back on it field by field.
pub(crate) async fn stored(conn: &mut SqliteConnection, goal: &Goal) -> AppResult<Checked> {
    let facet_ids = sqlx::query_scalar("SELECT facet_id FROM goal_facets WHERE goal_id = ?")
        .bind(goal.id)
        .fetch_all(&mut *conn)
        .await?;
    let principle_ids =
        sqlx::query_scalar("SELECT principle_id FROM goal_principles WHERE goal_id = ?")
            .bind(goal.id)
            .fetch_all(&mut *conn)
            .await?;
    let links = sqlx::query_scalar("SELECT url FROM goal_links WHERE goal_id = ? ORDER BY id")
        .bind(goal.id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(Checked {
        focus_area_id: goal.focus_area_id,
        title: goal.title.clone(),
        why: goal.why.clone(),
        measure: goal.measure,
        metric_name: goal.metric_name.clone(),
        metric_unit: goal.metric_unit.clone(),
        baseline: goal.baseline,
        target: goal.target,
        due_on: goal.due_on,
        priority: goal.priority,
        facet_ids,
        principle_ids,
        links,
    })
}

pub async fn update(
    pool: &SqlitePool,
    id: i64,
    input: GoalInput,
    today: NaiveDate,
) -> AppResult<Goal> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let goal = fetch_open(&mut tx, id, today).await?;
    let current = stored(&mut tx, &goal).await?;
    let c = check(&mut tx, input, current).await?;
    sqlx::query(
        "UPDATE goals SET focus_area_id = ?, title = ?, why = ?, measure = ?, metric_name = ?,
             metric_unit = ?, baseline = ?, target = ?, due_on = ?, priority = ?
         WHERE id = ?",
    )
    .bind(c.focus_area_id)
    .bind(&c.title)
    .bind(&c.why)
    .bind(c.measure)
    .bind(&c.metric_name)
    .bind(&c.metric_unit)
    .bind(c.baseline)
    .bind(c.target)
    .bind(c.due_on)
    .bind(c.priority)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    write_tags(&mut tx, id, &c).await?;
    let summary = format!("Edited goal \"{}\"", c.title);
    activity::record(&mut tx, today, Entity::Goal, id, Action::Edited, &summary).await?;
    let goal = fetch(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(goal)
}

pub async fn set_status(
    pool: &SqlitePool,
    id: i64,
    status: GoalStatus,
    today: NaiveDate,
) -> AppResult<Goal> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let goal = fetch_open(&mut tx, id, today).await?;
    if goal.status != status {
        write_status(&mut tx, &goal, status, today).await?;
    }
    let goal = fetch(&mut tx, id, today).await?;
    tx.commit().await?;
    Ok(goal)
}

/// Changes a goal's status and logs it; the caller holds the transaction.
pub(crate) async fn write_status(
    conn: &mut SqliteConnection,
    goal: &Goal,
    status: GoalStatus,
    today: NaiveDate,
) -> AppResult<()> {
    sqlx::query("UPDATE goals SET status = ? WHERE id = ?")
        .bind(status)
        .bind(goal.id)
        .execute(&mut *conn)
        .await?;
    let summary = format!(
        "Goal \"{}\": {} → {}",
        goal.title,
        goal.status.label(),
        status.label()
    );
    activity::record(conn, today, Entity::Goal, goal.id, Action::Status, &summary).await
}

/// What deleting a goal takes with it.
/// Moves a goal to the trash with its milestones, check-ins, tags and links.
pub async fn delete(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Trashed> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let goal = fetch_open(&mut tx, id, today).await?;
    let trashed = trash::put(&mut tx, TrashKind::Goal, id, &goal.title).await?;
    let summary = format!(
        "Deleted goal \"{}\" with {} milestones and {} check-ins",
        goal.title, goal.milestones_total, goal.check_in_count
    );
    activity::record(&mut tx, today, Entity::Goal, id, Action::Deleted, &summary).await?;
    tx.commit().await?;
    Ok(trashed)
}
