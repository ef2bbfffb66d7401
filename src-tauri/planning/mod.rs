//! Quarterly planning: plans, goals, milestones, check-ins, self-assessments, the progress rules and the quarter review that closes a plan.

pub mod assessments;
pub mod checkins;
pub mod goals;
pub mod kinds;
pub mod milestones;
pub mod plan_view;
pub mod plans;
pub mod progress;
pub mod review;
