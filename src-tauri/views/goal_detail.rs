//! A goal in full, as the goal panel shows it: the goal with its milestones and check-ins
//! from planning, the wins, resources and feedback tied to it from other features.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::infra::error::AppResult;
use crate::learning::resources::{self, Resource};
use crate::people::feedback::{self, GoalFeedback};
use crate::planning::checkins::{self, CheckIn};
use crate::planning::goals::{self, Goal};
use crate::planning::milestones::{self, Milestone};
use crate::planning::plans;
use crate::wins::win::{self, Win};

/// One goal in full, for the goal panel.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalDetail {
    pub goal: Goal,
    pub plan_closed: bool,
    #[ts(type = "number[]")]
    pub facet_ids: Vec<i64>,
    #[ts(type = "number[]")]
    pub principle_ids: Vec<i64>,
    pub links: Vec<String>,
    pub milestones: Vec<Milestone>,
    /// Oldest first, as the trend chart draws them.
    pub check_ins: Vec<CheckIn>,
    /// The title of the goal this one was carried from, if any.
    pub carried_from: Option<String>,
    /// Wins logged against this goal, newest first.
    pub wins: Vec<Win>,
    /// Learning resources linked to this goal, with their progress.
    pub resources: Vec<Resource>,
    /// Feedback asked or received about this goal, or that led to it.
    pub feedback: Vec<GoalFeedback>,
}

pub async fn detail(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<GoalDetail> {
    let mut conn = pool.acquire().await?;
    let goal = goals::fetch(&mut conn, id, today).await?;
    let plan = plans::fetch(&mut conn, goal.plan_id).await?;
    let facet_ids =
        sqlx::query_scalar("SELECT facet_id FROM goal_facets WHERE goal_id = ? ORDER BY facet_id")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let principle_ids = sqlx::query_scalar(
        "SELECT principle_id FROM goal_principles WHERE goal_id = ? ORDER BY principle_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let links = sqlx::query_scalar("SELECT url FROM goal_links WHERE goal_id = ? ORDER BY id")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    let carried_from = match goal.carried_from_goal_id {
        Some(origin) => {
            sqlx::query_scalar("SELECT title FROM goals WHERE id = ?")
                .bind(origin)
                .fetch_optional(&mut *conn)
                .await?
        }
        None => None,
    };
    Ok(GoalDetail {
        milestones: milestones::list(&mut conn, id, today).await?,
        check_ins: checkins::list(&mut conn, id).await?,
        wins: win::for_goal(&mut conn, id).await?,
        resources: resources::for_goal(&mut conn, id).await?,
        feedback: feedback::for_goal(&mut conn, id).await?,
        plan_closed: plan.status == plans::PlanStatus::Closed,
        goal,
        facet_ids,
        principle_ids,
        links,
        carried_from,
    })
}
