//! The one place that knows what day it is, and the calendar rules built on it.
//!
//! In a build with the `test-hooks` feature, `LADDER_TODAY=YYYY-MM-DD` pins "today" so
//! end-to-end runs and screenshots give the same result on any day (`infra::test_hooks`).
//! Domain functions take the date as an argument instead of calling this, so they never
//! depend on the day they run.

use chrono::{Datelike, Local, Months, NaiveDate};

use crate::infra::error::{AppError, AppResult};
use crate::infra::test_hooks::{self, Switch};

/// Today's date: the pinned day of a test build when set, otherwise the local calendar date.
pub fn today() -> AppResult<NaiveDate> {
    match test_hooks::switch_text(Switch::Today)? {
        Some(value) => parse_date(&value).ok_or_else(|| {
            let name = Switch::Today.name();
            AppError::invalid(
                name,
                format!("{name} must be a date like 2026-04-01, not \"{value}\""),
            )
        }),
        None => Ok(Local::now().date_naive()),
    }
}

/// A `YYYY-MM-DD` date, spaces around it ignored.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The first and last day of the quarter holding `date`, for a fiscal year that starts
/// in `fiscal_start_month` (1 = January gives calendar quarters).
pub fn quarter_of(date: NaiveDate, fiscal_start_month: u32) -> (NaiveDate, NaiveDate) {
    let start_month0 = fiscal_start_month.clamp(1, 12) - 1;
    // Months since the fiscal year's first month, folded into 0..12.
    let offset = (date.month0() + 12 - start_month0) % 12;
    let months_back = offset % 3;
    let first_of_month = date.with_day(1).unwrap_or(date);
    let start = first_of_month - Months::new(months_back);
    let end = start + Months::new(3) - chrono::Days::new(1);
    (start, end)
}

/// A short label such as "Q3 2026" for the quarter starting on `start`. Fiscal quarters
/// are numbered from the fiscal year's first month and named by the year they end in.
pub fn quarter_label(start: NaiveDate, fiscal_start_month: u32) -> String {
    let start_month0 = fiscal_start_month.clamp(1, 12) - 1;
    let offset = (start.month0() + 12 - start_month0) % 12;
    let quarter = offset / 3 + 1;
    let fiscal_year_end = start + Months::new(11 - offset);
    format!("Q{quarter} {}", fiscal_year_end.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn calendar_quarters() {
        assert_eq!(
            quarter_of(d("2026-11-26"), 1),
            (d("2026-10-01"), d("2026-12-31"))
        );
        assert_eq!(
            quarter_of(d("2026-01-01"), 1),
            (d("2026-01-01"), d("2026-03-31"))
        );
        assert_eq!(
            quarter_of(d("2024-05-31"), 1),
            (d("2024-04-01"), d("2024-06-30"))
        );
        assert_eq!(quarter_label(d("2026-10-01"), 1), "Q4 2026");
    }

    #[test]
    fn fiscal_quarters_follow_the_start_month() {
        // A fiscal year starting in April: Nov 2026 is in Q3 of the year ending March 2027.
        assert_eq!(
            quarter_of(d("2026-11-26"), 4),
            (d("2026-10-01"), d("2026-12-31"))
        );
        assert_eq!(quarter_label(d("2026-10-01"), 4), "Q3 2027");
        // Starting in February: quarters are Feb-Apr, May-Jul, Aug-Oct, Nov-Jan.
        assert_eq!(
            quarter_of(d("2027-01-15"), 2),
            (d("2026-11-01"), d("2027-01-31"))
        );
        assert_eq!(quarter_label(d("2026-11-01"), 2), "Q4 2027");
    }
}
