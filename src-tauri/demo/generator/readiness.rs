//! The generator's target role: "Engineering Manager, L6" with expectations spread over
//! the seven focus areas, each rated a few times over the last quarters (so the chart
//! moves), evidence linked from the record, and one gap already turned into a goal.

use chrono::{Days, NaiveDate};

use super::Context;
use crate::infra::error::AppResult;
use crate::readiness::evidence::{self, EvidenceKind, EvidenceRef};
use crate::readiness::expectations::{self, ExpectationInput};
use crate::readiness::ratings::{self, Rating, RatingInput};
use crate::readiness::roles::{self, TargetRoleInput};
use crate::workflows::gap::{self, GapStep};

/// Competency and expectation, in the words a career ladder uses.
const EXPECTED: [(&str, &str); 10] = [
    (
        "Delivery",
        "Delivers the team's quarterly commitments, and says early when one slips",
    ),
    (
        "People development",
        "Grows two engineers to the next level within a year",
    ),
    (
        "Planning",
        "Runs the team's planning and keeps the roadmap honest",
    ),
    (
        "Feedback",
        "Gives clear, timely feedback, positive and constructive",
    ),
    (
        "Hiring",
        "Runs a fair interview loop and closes strong candidates",
    ),
    (
        "Operations",
        "Keeps on-call sustainable: pages per week down, no hero shifts",
    ),
    ("Influence", "Has a sponsor outside the reporting line"),
    (
        "Strategy",
        "Writes the team's one-year strategy and gets it agreed",
    ),
    ("Quality", "Keeps escaped defects under five a quarter"),
    (
        "Communication",
        "Writes a monthly update stakeholders actually read",
    ),
];

/// The ratings an expectation moves through, one step a quarter.
const PATH: [Rating; 4] = [
    Rating::NotYet,
    Rating::Partly,
    Rating::Consistently,
    Rating::Beyond,
];

pub(super) async fn add_target_role(ctx: &mut Context<'_>, today: NaiveDate) -> AppResult<()> {
    let n = ctx.scale.expectations;
    if n == 0 {
        return Ok(());
    }
    let input = TargetRoleInput {
        title: "Engineering Manager".to_owned(),
        level: Some("L6".to_owned()),
        notes: Some("The next step: a team of my own, after the team-lead year.".to_owned()),
    };
    let role = roles::create(ctx.pool, input, today).await?;
    let areas: Vec<i64> = sqlx::query_scalar("SELECT id FROM focus_areas ORDER BY position")
        .fetch_all(ctx.pool)
        .await?;
    let mut ids = Vec::new();
    for k in 0..n {
        let (competency, expected) = EXPECTED[k % EXPECTED.len()];
        let expected = if k < EXPECTED.len() {
            expected.to_owned()
        } else {
            format!("{expected} (level {})", k / EXPECTED.len() + 1)
        };
        let input = ExpectationInput {
            focus_area_id: Some(areas[k % areas.len()]),
            competency: Some(competency.to_owned()),
            expected,
        };
        ids.push(
            expectations::create(ctx.pool, role.id, input, today)
                .await?
                .id,
        );
    }
    rate_all(ctx, &ids, today).await?;
    link_evidence(ctx, &ids, today).await?;
    plan_a_gap(ctx, &ids, today).await
}

/// Each expectation climbs 0 to 3 steps, one a quarter, ending this month.
async fn rate_all(ctx: &mut Context<'_>, ids: &[i64], today: NaiveDate) -> AppResult<()> {
    for (k, id) in ids.iter().enumerate() {
        let steps = ctx.dice.roll(4) as usize;
        for s in 0..steps {
            let back = (steps - 1 - s) as u64 * 91 + (k % 20) as u64;
            let on = today - Days::new(back);
            let input = RatingInput {
                rating: PATH[(s + k % 2).min(PATH.len() - 1)],
                note: (s + 1 == steps).then(|| "Seen in the last quarter's work.".to_owned()),
                rated_on: Some(on.to_string()),
            };
            ratings::rate(ctx.pool, *id, input, today).await?;
        }
    }
    Ok(())
}

/// Wins for most expectations, and a story, feedback, a course, a goal or a mentoring
/// session for some.
async fn link_evidence(ctx: &Context<'_>, ids: &[i64], today: NaiveDate) -> AppResult<()> {
    let sources = [
        (EvidenceKind::Win, "SELECT id FROM achievements ORDER BY occurred_on DESC, id DESC LIMIT 200", 1),
        (EvidenceKind::Story, "SELECT id FROM stories ORDER BY id DESC LIMIT 50", 3),
        (EvidenceKind::Feedback, "SELECT id FROM feedback_received ORDER BY received_on DESC, id DESC LIMIT 50", 4),
        (EvidenceKind::Resource, "SELECT id FROM resources WHERE status = 'completed' ORDER BY completed_on DESC, id DESC LIMIT 50", 5),
        (EvidenceKind::Goal, "SELECT id FROM goals WHERE status = 'done' ORDER BY id DESC LIMIT 50", 6),
        (EvidenceKind::Conversation, "SELECT id FROM conversations WHERE kind IN ('mentoring_given', 'mentoring_received') ORDER BY held_on DESC, id DESC LIMIT 50", 7),
    ];
    for (kind, sql, every) in sources {
        let records: Vec<i64> = sqlx::query_scalar(sql).fetch_all(ctx.pool).await?;
        if records.is_empty() {
            continue;
        }
        for (k, expectation) in ids.iter().enumerate().filter(|(k, _)| k % every == 0) {
            let id = records[(k / every) % records.len()];
            evidence::link(ctx.pool, *expectation, EvidenceRef { kind, id }, today).await?;
        }
    }
    Ok(())
}

/// The first expectation not met today becomes a goal in the active plan.
async fn plan_a_gap(ctx: &Context<'_>, ids: &[i64], today: NaiveDate) -> AppResult<()> {
    let active: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM plans WHERE status = 'active')")
            .fetch_one(ctx.pool)
            .await?;
    let unmet: Option<i64> = sqlx::query_scalar(
        "SELECT e.id FROM role_expectations e WHERE e.id IN (SELECT value FROM json_each(?))
           AND coalesce((SELECT r.rating FROM expectation_ratings r WHERE r.expectation_id = e.id
                         ORDER BY r.rated_on DESC, r.id DESC LIMIT 1), 'not_yet')
               NOT IN ('consistently', 'beyond')
         ORDER BY e.position LIMIT 1",
    )
    .bind(serde_json::to_string(ids).unwrap_or_default())
    .fetch_optional(ctx.pool)
    .await?;
    if let (true, Some(id)) = (active, unmet) {
        gap::plan_gap(ctx.pool, id, GapStep::Goal { plan_id: None }, today).await?;
    }
    Ok(())
}
