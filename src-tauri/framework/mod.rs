//! The user's framework: the seven focus areas and their facets, the leadership principles, and the settings (quarter start, manager) that planning reads.

pub mod focus_areas;
pub mod principles;
pub mod settings;
