//! Learning: resources (courses, books, talks), the progress logged on them, CSV import and the history charts.

pub mod csv_import;
pub mod csv_read;
pub(crate) mod csv_rows;
pub mod history;
pub mod resources;
