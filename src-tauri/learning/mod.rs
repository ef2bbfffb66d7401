//! Learning: resources (courses, books, talks), the progress logged on them, CSV import and the history charts.

pub mod csv_import;
pub mod history;
pub mod resources;
