//! The home screen: where the active plan stands, and what needs the user this week.
//! One function per panel, each one query (the plan panel reuses the plan view), so the
//! screen can load them side by side and the bench can time each.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use sqlx::{FromRow, SqlitePool};
use ts_rs::TS;

use crate::infra::error::AppResult;
use crate::learning::resources::{self, LearningStatus, Resource, ResourceFilter, ResourceSort};
use crate::one_on_ones::schedule::{OneOnOne, Owner};
use crate::people::catch_up;
use crate::planning::plan_view::{self, PlanDetail};
use crate::readiness::{roles, score};
use crate::views::network::{self, NetworkStep, StageCount};
use crate::wins::win::{self, Win};

/// How far ahead "due soon" looks.
const SOON_DAYS: u64 = 7;
/// Rows per list panel; each panel links to its full screen.
const PANEL: i64 = 6;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Standing {
    pub detail: PlanDetail,
    #[ts(type = "number")]
    pub days_left: i64,
    /// Focus areas with no goal in the plan and no win or learning logged in them this
    /// quarter.
    #[ts(type = "number[]")]
    pub gaps: Vec<i64>,
}

/// The active plan with days left and gaps; `None` without an active plan.
pub async fn standing(pool: &SqlitePool, today: NaiveDate) -> AppResult<Option<Standing>> {
    let active: Option<i64> =
        sqlx::query_scalar("SELECT id FROM plans WHERE status = 'active' LIMIT 1")
            .fetch_optional(pool)
            .await?;
    let Some(plan_id) = active else {
        return Ok(None);
    };
    let detail = plan_view::detail(pool, plan_id, today).await?;
    let gaps = sqlx::query_scalar(
        "SELECT f.id FROM focus_areas f
         WHERE NOT EXISTS (SELECT 1 FROM goals g WHERE g.plan_id = ?1 AND g.focus_area_id = f.id)
           AND NOT EXISTS (SELECT 1 FROM achievements a WHERE a.focus_area_id = f.id
                           AND a.occurred_on BETWEEN ?2 AND ?3)
           AND NOT EXISTS (SELECT 1 FROM resources r WHERE r.focus_area_id = f.id
                           AND r.last_activity_on BETWEEN ?2 AND ?3)
         ORDER BY f.position",
    )
    .bind(plan_id)
    .bind(detail.plan.starts_on)
    .bind(detail.plan.ends_on)
    .fetch_all(pool)
    .await?;
    let days_left = (detail.plan.ends_on - today).num_days().max(0);
    Ok(Some(Standing {
        detail,
        days_left,
        gaps,
    }))
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DueMilestone {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    #[ts(type = "number")]
    pub goal_id: i64,
    pub goal_title: String,
    #[ts(type = "number")]
    pub plan_id: i64,
    pub due_on: NaiveDate,
    pub overdue: bool,
}

/// Open milestones of open goals in plans not closed, overdue or due within a week,
/// soonest first.
pub async fn due_milestones(pool: &SqlitePool, today: NaiveDate) -> AppResult<Vec<DueMilestone>> {
    Ok(sqlx::query_as::<_, DueMilestone>(
        // CROSS JOIN keeps this order: the few open plans first (see views/agenda_draft.rs).
        "SELECT m.id, m.title, g.id AS goal_id, g.title AS goal_title, g.plan_id, m.due_on,
                m.due_on < ?1 AS overdue
         FROM plans p CROSS JOIN goals g ON g.plan_id = p.id CROSS JOIN milestones m ON m.goal_id = g.id
         WHERE p.status <> 'closed' AND g.status IN ('not_started', 'in_progress')
           AND m.done_on IS NULL AND m.due_on <= ?2
         ORDER BY m.due_on, m.id LIMIT ?3",
    )
    .bind(today)
    .bind(today + Days::new(SOON_DAYS))
    .bind(PANEL)
    .fetch_all(pool)
    .await?)
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Awaiting {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    pub person_name: String,
    pub question: String,
    pub asked_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub overdue: bool,
}

/// Asked requests still waiting for an answer, overdue first, then the oldest ask.
pub async fn awaiting_feedback(pool: &SqlitePool, today: NaiveDate) -> AppResult<Vec<Awaiting>> {
    Ok(sqlx::query_as::<_, Awaiting>(
        "SELECT r.id, r.person_id, p.name AS person_name, r.question, r.asked_on, r.due_on,
                coalesce(r.due_on < ?1, 0) AS overdue
         FROM feedback_requests r JOIN people p ON p.id = r.person_id
         WHERE r.status = 'asked'
         ORDER BY overdue DESC, r.asked_on, r.id LIMIT ?2",
    )
    .bind(today)
    .bind(PANEL)
    .fetch_all(pool)
    .await?)
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CatchUp {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub last_contact_on: Option<NaiveDate>,
    #[ts(type = "number")]
    pub cadence_days: i64,
}

/// People whose catch-up is due today or earlier (`people::catch_up` decides when),
/// never contacted first, then the longest overdue.
pub async fn catch_ups(pool: &SqlitePool, today: NaiveDate) -> AppResult<Vec<CatchUp>> {
    let mut conn = pool.acquire().await?;
    let window = catch_up::Window {
        due_by: Some(today),
        limit: Some(PANEL),
    };
    let due = catch_up::list(&mut conn, today, window).await?;
    Ok(due
        .into_iter()
        .map(|c| CatchUp {
            id: c.id,
            name: c.name,
            last_contact_on: c.last_contact_on,
            cadence_days: c.cadence_days,
        })
        .collect())
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OpenAction {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub one_on_one_id: i64,
    pub person_name: String,
    pub text: String,
    pub owner: Owner,
    pub due_on: Option<NaiveDate>,
    pub overdue: bool,
}

/// Action items from 1:1s not done yet, overdue first, then by due date.
pub async fn open_actions(pool: &SqlitePool, today: NaiveDate) -> AppResult<Vec<OpenAction>> {
    Ok(sqlx::query_as::<_, OpenAction>(
        "SELECT a.id, a.one_on_one_id, p.name AS person_name, a.text, a.owner, a.due_on,
                coalesce(a.due_on < ?1, 0) AS overdue
         FROM action_items a JOIN one_on_ones o ON o.id = a.one_on_one_id
         JOIN people p ON p.id = o.person_id
         WHERE a.done_on IS NULL
         ORDER BY overdue DESC, a.due_on IS NULL, a.due_on, a.id LIMIT ?2",
    )
    .bind(today)
    .bind(PANEL)
    .fetch_all(pool)
    .await?)
}

/// Courses and books in progress, most recently touched first.
pub async fn courses(pool: &SqlitePool) -> AppResult<Vec<Resource>> {
    resources::list(
        pool,
        ResourceFilter {
            status: Some(LearningStatus::InProgress),
            sort: Some(ResourceSort::Recent),
            limit: Some(PANEL),
            ..ResourceFilter::default()
        },
    )
    .await
}

/// The next 1:1 still to be held, today or later.
pub async fn next_one_on_one(pool: &SqlitePool, today: NaiveDate) -> AppResult<Option<OneOnOne>> {
    let mut conn = pool.acquire().await?;
    crate::one_on_ones::schedule::next_scheduled(&mut conn, None, today).await
}

async fn recent_wins(pool: &SqlitePool) -> AppResult<Vec<Win>> {
    win::list(pool, 5, 0).await
}

/// Everything on the home screen, in one answer for the UI.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Dashboard {
    /// Any plan at all, active or not: without one (and nothing else) it is a first run.
    pub has_plans: bool,
    pub standing: Option<Standing>,
    pub due: Vec<DueMilestone>,
    pub awaiting: Vec<Awaiting>,
    pub catch_ups: Vec<CatchUp>,
    pub actions: Vec<OpenAction>,
    pub courses: Vec<Resource>,
    pub next_one_on_one: Option<OneOnOne>,
    pub wins: Vec<Win>,
    /// Opportunities' next steps and conversations' follow-ups due this week.
    pub steps: Vec<NetworkStep>,
    /// Opportunities per stage, every stage listed.
    pub pipeline: Vec<StageCount>,
    /// How ready the user is for their current target role, when there is one.
    pub readiness: Option<ReadinessLine>,
}

/// Readiness for the current target role in one line: the share of its expectations
/// met, and the focus area with the largest gap.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReadinessLine {
    pub role_name: String,
    #[ts(type = "number")]
    pub met: i64,
    #[ts(type = "number")]
    pub total: i64,
    /// The area with the lowest share met; None when every expectation is met.
    pub gap_area: Option<String>,
    #[ts(type = "number")]
    pub gap_unmet: i64,
}

async fn readiness_line(pool: &SqlitePool, today: NaiveDate) -> AppResult<Option<ReadinessLine>> {
    let Some(role) = roles::current(pool).await? else {
        return Ok(None);
    };
    let r = score::readiness_of(pool, role, today).await?;
    Ok(Some(ReadinessLine {
        role_name: r.role_name,
        met: r.met,
        total: r.total,
        gap_unmet: r.largest_gap.as_ref().map_or(0, |g| g.total - g.met),
        gap_area: r.largest_gap.map(|g| g.name),
    }))
}

pub async fn dashboard(pool: &SqlitePool, today: NaiveDate) -> AppResult<Dashboard> {
    let (
        standing,
        due,
        awaiting,
        catch_ups,
        actions,
        courses,
        next,
        wins,
        steps,
        pipeline,
        readiness,
    ) = tokio::try_join!(
        standing(pool, today),
        due_milestones(pool, today),
        awaiting_feedback(pool, today),
        catch_ups(pool, today),
        open_actions(pool, today),
        courses(pool),
        next_one_on_one(pool, today),
        recent_wins(pool),
        network::due_steps(pool, today, PANEL),
        network::pipeline(pool),
        readiness_line(pool, today),
    )?;
    let has_plans = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM plans)")
        .fetch_one(pool)
        .await?;
    Ok(Dashboard {
        has_plans,
        standing,
        due,
        awaiting,
        catch_ups,
        actions,
        courses,
        next_one_on_one: next,
        wins,
        steps,
        pipeline,
        readiness,
    })
}
