//! The feedback takeaway: one piece of feedback becomes a goal, a milestone or a learning
//! resource, linked back to where it came from. It writes into planning, learning and
//! feedback in one transaction, so it lives above all three.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, SqlitePool};
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};
use crate::learning::resources;
use crate::planning::{goals, milestones};

/// Which feedback a takeaway comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[ts(export)]
pub enum FeedbackSource {
    Request(#[ts(type = "number")] i64),
    Received(#[ts(type = "number")] i64),
}

/// What a takeaway becomes.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
#[ts(export)]
pub enum TakeawayAction {
    /// A new goal in a plan.
    Goal {
        #[ts(type = "number")]
        plan_id: i64,
        goal: goals::GoalInput,
    },
    /// A milestone on an existing goal.
    Milestone {
        #[ts(type = "number")]
        goal_id: i64,
        milestone: milestones::MilestoneInput,
    },
    /// A learning resource.
    Resource { resource: resources::ResourceInput },
}

/// The ids a takeaway created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[ts(export)]
pub enum ActionTarget {
    Goal(#[ts(type = "number")] i64),
    Milestone(#[ts(type = "number")] i64),
    Resource(#[ts(type = "number")] i64),
}

/// Turns a takeaway into a goal, a milestone or a learning resource, linked back to the
/// feedback it came from, in one transaction.
pub async fn act_on(
    pool: &SqlitePool,
    source: FeedbackSource,
    action: TakeawayAction,
    today: NaiveDate,
) -> AppResult<ActionTarget> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let (table, source_id) = match source {
        FeedbackSource::Request(id) => ("feedback_requests", id),
        FeedbackSource::Received(id) => ("feedback_received", id),
    };
    let found: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT id FROM {table} WHERE id = ?"
    )))
    .bind(source_id)
    .fetch_optional(&mut *tx)
    .await?;
    if found.is_none() {
        return Err(AppError::NotFound {
            entity: "Feedback",
            id: source_id,
        });
    }
    let target = match action {
        TakeawayAction::Goal { plan_id, goal } => {
            ActionTarget::Goal(goals::create_in(&mut tx, plan_id, goal, today).await?)
        }
        TakeawayAction::Milestone { goal_id, milestone } => {
            ActionTarget::Milestone(milestones::add_in(&mut tx, goal_id, milestone, today).await?)
        }
        TakeawayAction::Resource { resource } => {
            ActionTarget::Resource(resources::create_in(&mut tx, resource, today).await?)
        }
    };
    let (request, received) = match source {
        FeedbackSource::Request(id) => (Some(id), None),
        FeedbackSource::Received(id) => (None, Some(id)),
    };
    let (goal, milestone, resource) = match target {
        ActionTarget::Goal(id) => (Some(id), None, None),
        ActionTarget::Milestone(id) => (None, Some(id), None),
        ActionTarget::Resource(id) => (None, None, Some(id)),
    };
    sqlx::query(
        "INSERT INTO feedback_actions (feedback_request_id, feedback_received_id, goal_id, milestone_id, resource_id)
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(request)
    .bind(received)
    .bind(goal)
    .bind(milestone)
    .bind(resource)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(target)
}
