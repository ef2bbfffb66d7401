//! Demo tooling: the realistic data generator (bench, screenshots, tests) and the example plan a new user can look at.

pub mod example;
pub mod example_changes;
pub mod generator;
pub(crate) mod samples;
