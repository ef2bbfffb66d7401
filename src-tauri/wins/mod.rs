//! Wins: the brag log of achievements, the STAR story told about each, and how the
//! stories cover the principles framework.

pub mod coverage;
pub mod detail;
pub mod story;
pub mod win;
