//! One generator of realistic data, written through the domain functions.
//!
//! It serves the benchmark ("five years of use"), the screenshots and, later, the example
//! plan. Output is deterministic for a given `today` and scale, so runs compare.

use chrono::{Months, NaiveDate};
use sqlx::SqlitePool;

use crate::clock;
use crate::error::AppResult;
use crate::plans::{self, PlanInput, PlanStatus};

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Quarterly plans, the newest in the current quarter.
    pub plans: usize,
}

impl Scale {
    /// Five years of use.
    pub const STANDARD: Scale = Scale { plans: 20 };
}

const INTENTS: &[&str] = &[
    "Show I can run a team's work end to end before asking for the manager role.",
    "Close the gap my last review named: make my decisions and their reasons visible.",
    "Take on the hiring loop for the new team and mentor two newer engineers.",
    "Lead the migration project and report on it to the skip-level every month.",
    "Finish the management course and practise its lessons in weekly 1:1s.",
    "Get known outside my team: present twice at the operations review.",
    "Cut the backlog of escaped defects and write the playbook for it.",
    "Prepare an internal application for the open team-lead position.",
];

/// Fills the database with `scale` worth of history ending in the quarter of `today`.
/// Past plans are closed; the current quarter's plan is active.
pub async fn generate(pool: &SqlitePool, today: NaiveDate, scale: Scale) -> AppResult<()> {
    let (current_start, _) = clock::quarter_of(today, 1);
    for back in (0..scale.plans).rev() {
        let start = current_start - Months::new(3 * back as u32);
        let (starts_on, ends_on) = clock::quarter_of(start, 1);
        let title = format!("{} growth plan", clock::quarter_label(starts_on, 1));
        let plan = plans::create(
            pool,
            PlanInput {
                title,
                intent: Some(INTENTS[back % INTENTS.len()].to_owned()),
                starts_on: Some(starts_on.to_string()),
                ends_on: Some(ends_on.to_string()),
            },
            starts_on,
        )
        .await?;
        if back == 0 {
            plans::set_status(pool, plan.id, PlanStatus::Active, today).await?;
        } else {
            plans::set_status(pool, plan.id, PlanStatus::Active, starts_on).await?;
            plans::close(pool, plan.id, ends_on).await?;
        }
    }
    Ok(())
}
