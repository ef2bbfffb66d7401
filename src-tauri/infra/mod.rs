//! Infrastructure every feature stands on: the one connection to SQLite and its backups, this computer's own settings, the clock, the log and the test-only switches, the error type, input parsing and limits, the activity log, and small helpers for lookups, child rows, text and web addresses. Nothing here knows a feature.

pub mod activity;
pub mod backups;
pub mod children;
pub mod clock;
pub mod db;
pub mod error;
pub mod ical;
pub mod input;
#[cfg(test)]
pub(crate) mod labels;
pub mod limits;
pub mod local_settings;
pub mod logs;
pub mod lookup;
pub mod pending;
pub mod private;
pub mod restore;
pub(crate) mod rotation;
pub mod second_folder;
pub mod startup;
pub mod test_hooks;
pub mod text;
pub mod trash;
pub(crate) mod uri;
pub(crate) mod words;
