//! Readiness for a named role: target roles with the expectations of a career ladder
//! (focus area, competency, what is expected), a rating of each expectation kept over
//! time, and evidence linked to it from the record (wins, STAR stories, feedback, courses,
//! goals, conversations). `score` turns the ratings in force on a day into the share of
//! expectations met per focus area and for the role, and names the largest gap.

pub mod evidence;
pub mod expectations;
pub mod ladder_csv;
pub mod ratings;
pub mod roles;
pub mod score;
