//! From gap to plan: an unmet expectation of the target role becomes a goal in a plan
//! (the active one unless another is named) or a learning resource, and the expectation
//! keeps a link to it, in one transaction. It writes into planning or learning and into
//! readiness, so it lives above them.

use chrono::NaiveDate;
use serde::Deserialize;
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::limits::TITLE_MAX;
use crate::infra::text;
use crate::learning::resources::{self, ResourceInput, ResourceKind};
use crate::planning::goals::{self, GoalInput};
use crate::readiness::expectations::{self, Expectation};
use crate::readiness::roles;

/// What the gap becomes.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
#[ts(export)]
pub enum GapStep {
    /// A goal in the plan named, or in the active plan.
    Goal {
        #[ts(optional, type = "number | null")]
        plan_id: Option<i64>,
    },
    /// A resource to learn from (a course unless another kind is named).
    Resource {
        #[ts(optional)]
        resource_kind: Option<ResourceKind>,
    },
}

/// Turns the expectation into a goal or a resource, titled from it and in its focus
/// area, and links it back. A second goal (or resource) for one expectation is refused.
pub async fn plan_gap(
    pool: &SqlitePool,
    expectation_id: i64,
    step: GapStep,
    today: NaiveDate,
) -> AppResult<Expectation> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let e = expectations::fetch(&mut tx, expectation_id, today).await?;
    let role = roles::fetch(&mut tx, e.target_role_id).await?;
    let why = format!("Expected of {}: {}", role.name(), e.expected);
    let title = text::one_line(&e.expected, TITLE_MAX);
    let (goal_id, resource_id, made) = match step {
        GapStep::Goal { plan_id } => {
            if e.goal_id.is_some() {
                return Err(already(&e, "a goal"));
            }
            let plan_id = match plan_id {
                Some(id) => id,
                None => active_plan(&mut tx).await?,
            };
            let input = GoalInput {
                title,
                focus_area_id: e.focus_area_id,
                why: Some(why),
                ..Default::default()
            };
            let id = goals::create_in(&mut tx, plan_id, input, today).await?;
            (Some(id), None, "a goal")
        }
        GapStep::Resource { resource_kind } => {
            if e.resource_id.is_some() {
                return Err(already(&e, "a resource to learn"));
            }
            let input = ResourceInput {
                kind: Some(resource_kind.unwrap_or(ResourceKind::Course)),
                title,
                focus_area_id: Some(e.focus_area_id),
                notes: Some(why),
                ..Default::default()
            };
            let id = resources::create_in(&mut tx, input, today).await?;
            (None, Some(id), "a resource to learn")
        }
    };
    sqlx::query(
        "UPDATE role_expectations SET goal_id = coalesce(?, goal_id),
                resource_id = coalesce(?, resource_id) WHERE id = ?",
    )
    .bind(goal_id)
    .bind(resource_id)
    .bind(e.id)
    .execute(&mut *tx)
    .await?;
    let summary = format!(
        "Turned the gap \"{}\" into {made}",
        text::one_line(&e.expected, 80)
    );
    activity::record(
        &mut tx,
        today,
        Entity::Expectation,
        e.id,
        Action::Edited,
        &summary,
    )
    .await?;
    let out = expectations::fetch(&mut tx, expectation_id, today).await?;
    tx.commit().await?;
    Ok(out)
}

fn already(e: &Expectation, what: &str) -> AppError {
    AppError::conflict(
        Some("expectationId"),
        format!(
            "\"{}\" already has {what}: open it there.",
            text::one_line(&e.expected, 80)
        ),
    )
}

async fn active_plan(conn: &mut SqliteConnection) -> AppResult<i64> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM plans WHERE status = 'active'")
        .fetch_optional(&mut *conn)
        .await?;
    id.ok_or_else(|| {
        AppError::conflict(
            Some("planId"),
            "There is no active plan to add the goal to: start one, or choose a plan.",
        )
    })
}
