//! The user's framework: the seven focus areas and their facets, the leadership principles, the settings (quarter start, manager) that planning reads, and the profile the résumé starts from.

pub mod focus_areas;
pub mod principles;
pub mod profile;
pub mod settings;
