//! The Plan screen's data in one call: the plan, its goals grouped by the seven focus
//! areas with the progress the rules give them, and the self-assessments beside them.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::framework::focus_areas;
use crate::infra::error::AppResult;
use crate::planning::assessments::{self, Assessment, Phase};
use crate::planning::goals::{self, Goal};
use crate::planning::plans::{self, Plan};
use crate::planning::progress;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AreaPlan {
    #[ts(type = "number")]
    pub focus_area_id: i64,
    pub name: String,
    /// `None` when the area has no goal that counts: a gap.
    #[ts(type = "number | null")]
    pub progress_pct: Option<i64>,
    pub goals: Vec<Goal>,
    pub opening: Option<Assessment>,
    pub closing: Option<Assessment>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanDetail {
    pub plan: Plan,
    #[ts(type = "number | null")]
    pub progress_pct: Option<i64>,
    pub areas: Vec<AreaPlan>,
}

pub async fn detail(pool: &SqlitePool, plan_id: i64, today: NaiveDate) -> AppResult<PlanDetail> {
    let mut conn = pool.acquire().await?;
    let plan = plans::fetch(&mut conn, plan_id).await?;
    let goals = goals::list_for_plan(&mut conn, plan_id, today).await?;
    let opening = assessments::list(&mut conn, plan_id, Phase::Opening).await?;
    let closing = assessments::list(&mut conn, plan_id, Phase::Closing).await?;
    drop(conn);
    let areas = focus_areas::list(pool).await?;

    let progress_pct = progress::mean(goals.iter().map(|g| g.progress)).map(progress::percent);
    let find = |list: &[Assessment], id: i64| list.iter().find(|a| a.focus_area_id == id).cloned();
    let areas = areas
        .into_iter()
        .map(|area| {
            let goals: Vec<Goal> = goals
                .iter()
                .filter(|g| g.focus_area_id == area.id)
                .cloned()
                .collect();
            AreaPlan {
                focus_area_id: area.id,
                progress_pct: progress::mean(goals.iter().map(|g| g.progress))
                    .map(progress::percent),
                opening: find(&opening, area.id),
                closing: find(&closing, area.id),
                name: area.name,
                goals,
            }
        })
        .collect();
    Ok(PlanDetail {
        plan,
        progress_pct,
        areas,
    })
}
