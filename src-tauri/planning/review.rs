//! Closing a quarter: the planned-vs-actual review, carrying unfinished goals into the
//! next quarter's plan, and the review as Markdown.
//!
//! Closing never deletes anything. A carried goal is a copy in the next plan: the same
//! title, area, tags and links, its open milestones (keeping only due dates that have not
//! passed by the new quarter), and for a metric its last value as
//! the new baseline (unless that already equals the target, when the old baseline stays
//! so the goal still has somewhere to go). It points back at the goal it came from.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::framework::settings;
use crate::infra::activity::{self, Action, Entity};
use crate::infra::clock;
use crate::infra::error::{AppError, AppResult};
use crate::infra::text::markdown_inline;
use crate::infra::text::trim_number;
use crate::planning::assessments::{self, Assessment, Phase};
use crate::planning::goals::{self, Goal, MeasureKind};
use crate::planning::milestones;
use crate::planning::plan_view::{self, PlanDetail};
use crate::planning::plans::{self, Plan};

/// The quarter that follows a plan, and the plan already there if there is one.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NextQuarter {
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    #[ts(type = "number | null")]
    pub existing_plan_id: Option<i64>,
    pub existing_title: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuarterReview {
    pub detail: PlanDetail,
    pub next: NextQuarter,
    /// Titles of this plan's goals that were carried into a later plan.
    pub carried: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct CloseInput {
    #[ts(type = "number[]")]
    pub carry_goal_ids: Vec<i64>,
    /// The closing self-assessment.
    #[serde(default)]
    pub closing: Vec<Assessment>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CloseOutcome {
    pub closed: Plan,
    /// The plan the goals went to, when any were carried.
    #[ts(type = "number | null")]
    pub next_plan_id: Option<i64>,
    #[ts(type = "number")]
    pub carried: i64,
}

async fn next_quarter(pool: &SqlitePool, plan: &Plan) -> AppResult<NextQuarter> {
    let month = settings::get(pool).await?.fiscal_year_start_month;
    let after = plan.ends_on + Days::new(1);
    let (starts_on, ends_on) = clock::quarter_of(after, month);
    let existing: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, title FROM plans WHERE starts_on = ? AND status <> 'closed' ORDER BY id LIMIT 1",
    )
    .bind(starts_on)
    .fetch_optional(pool)
    .await?;
    Ok(NextQuarter {
        title: format!("{} plan", clock::quarter_label(starts_on, month)),
        starts_on,
        ends_on,
        existing_plan_id: existing.as_ref().map(|e| e.0),
        existing_title: existing.map(|e| e.1),
    })
}

pub async fn review(pool: &SqlitePool, plan_id: i64, today: NaiveDate) -> AppResult<QuarterReview> {
    let detail = plan_view::detail(pool, plan_id, today).await?;
    let next = next_quarter(pool, &detail.plan).await?;
    let carried = sqlx::query_scalar(
        "SELECT DISTINCT o.title FROM goals c JOIN goals o ON o.id = c.carried_from_goal_id
         WHERE o.plan_id = ? ORDER BY o.id",
    )
    .bind(plan_id)
    .fetch_all(pool)
    .await?;
    Ok(QuarterReview {
        detail,
        next,
        carried,
    })
}

/// Closes the plan: saves the closing self-assessment, copies the chosen unfinished goals
/// into the next quarter's plan (creating it when needed), and marks the plan closed —
/// all in one transaction.
pub async fn close_quarter(
    pool: &SqlitePool,
    plan_id: i64,
    input: CloseInput,
    today: NaiveDate,
) -> AppResult<CloseOutcome> {
    let plan = plans::get(pool, plan_id).await?;
    let next = next_quarter(pool, &plan).await?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let plan = plans::fetch_open(&mut tx, plan_id).await?;
    let goals = goals::list_for_plan(&mut tx, plan_id, today).await?;

    let carry = chosen_to_carry(&plan, &goals, &input.carry_goal_ids)?;
    assessments::write(&mut tx, plan_id, Phase::Closing, &input.closing).await?;
    let next_plan_id = if carry.is_empty() {
        None
    } else {
        Some(carry_into_next(&mut tx, &carry, &next, today).await?)
    };

    let was_active = plan.status == plans::PlanStatus::Active;
    plans::write_closed(&mut tx, plan_id, today).await?;
    if let (true, Some(next_id)) = (was_active, next_plan_id) {
        plans::activate_if_none_active(&mut tx, next_id, today).await?;
    }
    let closed = plans::fetch(&mut tx, plan_id).await?;
    tx.commit().await?;
    Ok(CloseOutcome {
        closed,
        next_plan_id,
        carried: carry.len() as i64,
    })
}

/// The goals the user chose to carry, each once: they must belong to the plan and be
/// unfinished.
fn chosen_to_carry<'g>(plan: &Plan, goals: &'g [Goal], ids: &[i64]) -> AppResult<Vec<&'g Goal>> {
    let mut carry: Vec<&Goal> = Vec::new();
    for id in ids {
        let goal = goals.iter().find(|g| g.id == *id).ok_or_else(|| {
            AppError::invalid(
                "carryGoalIds",
                format!("Goal {id} is not part of \"{}\".", plan.title),
            )
        })?;
        if !goal.status.is_open() {
            return Err(AppError::invalid(
                "carryGoalIds",
                format!(
                    "\"{}\" is {}; only unfinished goals carry over.",
                    goal.title,
                    goal.status.label()
                ),
            ));
        }
        if !carry.iter().any(|g| g.id == goal.id) {
            carry.push(goal);
        }
    }
    Ok(carry)
}

/// Copies the goals into the next quarter's plan, creating the plan when needed; returns
/// its id.
async fn carry_into_next(
    tx: &mut SqliteConnection,
    carry: &[&Goal],
    next: &NextQuarter,
    today: NaiveDate,
) -> AppResult<i64> {
    let target_plan = match next.existing_plan_id {
        Some(id) => id,
        None => plans::insert(tx, &next.title, "", next.starts_on, next.ends_on, today).await?,
    };
    for goal in carry {
        carry_goal(&mut *tx, goal, target_plan, next, today).await?;
    }
    Ok(target_plan)
}

/// One carried goal: a copy that starts from where the metric stands, with no due date,
/// and its open milestones.
async fn carry_goal(
    tx: &mut SqliteConnection,
    goal: &Goal,
    target_plan: i64,
    next: &NextQuarter,
    today: NaiveDate,
) -> AppResult<()> {
    let mut copy = goals::stored(&mut *tx, goal).await?;
    if let (MeasureKind::Metric, Some(last)) = (goal.measure, goal.current_value) {
        if Some(last) != goal.target {
            copy.baseline = Some(last);
        }
    }
    copy.due_on = None;
    let new_id = goals::insert(&mut *tx, target_plan, &copy, Some(goal.id)).await?;
    for (title, due_on) in milestones::open_for_goal(&mut *tx, goal.id).await? {
        // A due date that has already passed is left for the user to set again.
        let due_on = due_on.filter(|d| *d >= next.starts_on);
        milestones::insert(&mut *tx, new_id, &title, due_on, None).await?;
    }
    let summary = format!("Carried \"{}\" into \"{}\"", goal.title, next.title);
    activity::record(tx, today, Entity::Goal, new_id, Action::Carried, &summary).await
}

fn status_text(goal: &Goal) -> String {
    let progress = match goal.progress_pct {
        Some(p) => format!("{p} %"),
        None => "not counted".to_owned(),
    };
    let mut parts = vec![format!("{}, {progress}", goal.status.label())];
    if let (MeasureKind::Metric, Some(b), Some(t)) = (goal.measure, goal.baseline, goal.target) {
        let unit = if goal.metric_unit.is_empty() {
            String::new()
        } else {
            format!(" {}", markdown_inline(&goal.metric_unit))
        };
        let now = match goal.current_value {
            Some(v) => format!("{}{unit}", trim_number(v)),
            None => "no check-in yet".to_owned(),
        };
        parts.push(format!(
            "{}: {}{unit} → {now} (target {}{unit})",
            markdown_inline(goal.metric_name.as_deref().unwrap_or("metric")),
            trim_number(b),
            trim_number(t)
        ));
    }
    if goal.milestones_total > 0 {
        parts.push(format!(
            "milestones {} of {} done",
            goal.milestones_done, goal.milestones_total
        ));
    }
    parts.join("; ")
}

/// The review as CommonMark, for pasting into notes or mail.
pub fn markdown(review: &QuarterReview) -> String {
    let d = &review.detail;
    let mut md = format!("# Quarter review: {}\n\n", markdown_inline(&d.plan.title));
    md.push_str(&format!("{} to {}", d.plan.starts_on, d.plan.ends_on));
    if let Some(closed) = d.plan.closed_on {
        md.push_str(&format!(", closed on {closed}"));
    }
    md.push_str(".\n\n");
    match d.progress_pct {
        Some(p) => md.push_str(&format!("Overall progress: {p} %.\n")),
        None => md.push_str("No goals were counted this quarter.\n"),
    }
    for area in &d.areas {
        md.push_str(&format!("\n## {}", markdown_inline(&area.name)));
        if let Some(p) = area.progress_pct {
            md.push_str(&format!(" ({p} %)"));
        }
        md.push_str("\n\n");
        let rating = |a: &Option<Assessment>| a.as_ref().map(|a| format!("{}/5", a.rating));
        match (rating(&area.opening), rating(&area.closing)) {
            (None, None) => {}
            (open, close) => md.push_str(&format!(
                "Self-assessment: {} at the start, {} at the close.\n\n",
                open.unwrap_or_else(|| "none".into()),
                close.unwrap_or_else(|| "none".into())
            )),
        }
        if area.goals.is_empty() {
            md.push_str("No goals in this area.\n");
        }
        for goal in &area.goals {
            md.push_str(&format!(
                "- **{}**: {}\n",
                markdown_inline(&goal.title),
                status_text(goal)
            ));
        }
    }
    if !review.carried.is_empty() {
        md.push_str("\n## Carried into the next quarter\n\n");
        for title in &review.carried {
            md.push_str(&format!("- {}\n", markdown_inline(title)));
        }
    }
    md
}
