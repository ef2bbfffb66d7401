//! The limits of product.md, enforced in one place.
//!
//! Every domain function passes its input through these before writing, so the rules and
//! their messages are the same everywhere. The migrations back each one with a CHECK
//! constraint; these functions exist so the user gets a message at the field instead.

use chrono::{Datelike, NaiveDate};

use crate::infra::error::{AppError, AppResult};

pub(crate) const TITLE_MAX: usize = 200;
const LONG_TEXT_MAX: usize = 20_000;
const URL_MAX: usize = 2_048;
const MINUTES_MAX: i64 = 1_440;
/// The largest size a typed number may have. Far beyond any goal, impact or course size,
/// and small enough that differences and ratios of two such numbers stay exact to the
/// cent in an f64, so progress never becomes NaN or infinite.
pub(crate) const NUMBER_MAX: f64 = 1e12;
const YEAR_MIN: i32 = 1970;
const YEAR_MAX: i32 = 2100;

/// The largest file an import reads: checked on the file's size before a byte is read.
pub const IMPORT_MAX_BYTES: u64 = 20 * 1024 * 1024;
/// The most data rows an import reads; reading stops at the first row past it.
pub const IMPORT_MAX_ROWS: usize = 50_000;
/// The largest export file an import reads (a whole record of many years is a few tens
/// of MB; this leaves room and still bounds what is held in memory).
pub const EXPORT_MAX_BYTES: u64 = 256 * 1024 * 1024;
/// How many rows from the top of a file a preview sends to the screen.
pub const PREVIEW_FIRST_ROWS: usize = 200;
/// How many rows with a problem a preview sends at most (the counts cover every row).
pub const PREVIEW_PROBLEM_ROWS: usize = 500;

/// The refusal of a file past the limits, naming both of them.
pub(crate) fn import_too_large(what: &str) -> AppError {
    AppError::invalid(
        "file",
        format!(
            "{what}: Ladder imports files of up to {} MB and {} rows. Split it into smaller files and import them one after another.",
            IMPORT_MAX_BYTES / (1024 * 1024),
            thousands(IMPORT_MAX_ROWS as u64),
        ),
    )
}

/// 50000 → "50,000": the refusals quote numbers the way people write them.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Reads a file the user chose for an import, refusing before reading anything what is
/// not a regular file (a device such as `/dev/zero`, a pipe, a folder) or is larger than
/// `IMPORT_MAX_BYTES`. The size is checked on the path, then again on the open handle
/// (the file may have been swapped in between), and the read itself stops one byte past
/// the limit, so a file that grows while it is read cannot make it read more.
pub fn read_import_file(path: &std::path::Path) -> AppResult<Vec<u8>> {
    read_limited(path, IMPORT_MAX_BYTES, import_too_large)
}

/// Reads an export file for an import, like `read_import_file` with `EXPORT_MAX_BYTES`.
pub fn read_export_file(path: &std::path::Path) -> AppResult<Vec<u8>> {
    read_limited(path, EXPORT_MAX_BYTES, |what| {
        AppError::invalid(
            "file",
            format!(
                "{what}: Ladder imports export files of up to {} MB, and no export of Ladder's is that large. Is this the right file?",
                EXPORT_MAX_BYTES / (1024 * 1024)
            ),
        )
    })
}

fn read_limited(
    path: &std::path::Path,
    max: u64,
    too_large: impl Fn(&str) -> AppError,
) -> AppResult<Vec<u8>> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        AppError::invalid("file", format!("Ladder cannot read this file: {e}."))
    };
    check_import_file(&std::fs::metadata(path).map_err(cannot)?, max, &too_large)?;
    let file = open_without_blocking(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    check_import_file(&meta, max, &too_large)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > max {
        return Err(too_large("This file grew past the limit while it was read"));
    }
    Ok(bytes)
}

fn check_import_file(
    meta: &std::fs::Metadata,
    max: u64,
    too_large: impl Fn(&str) -> AppError,
) -> AppResult<()> {
    if !meta.is_file() {
        return Err(AppError::invalid(
            "file",
            "This is not a regular file (it is a folder, a device or a pipe): choose a file.",
        ));
    }
    if meta.len() > max {
        let tenths = meta.len() * 10 / (1024 * 1024);
        return Err(too_large(&format!(
            "This file is {}.{} MB",
            tenths / 10,
            tenths % 10
        )));
    }
    Ok(())
}

/// Opening a pipe for reading waits for a writer; non-blocking, it returns at once and
/// the check on the handle refuses it. Regular files ignore the flag.
fn open_without_blocking(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// A title, name or other single-line text: trimmed, 1–200 characters.
pub(crate) fn title(field: &str, value: &str) -> AppResult<String> {
    let trimmed = value.trim();
    let count = trimmed.chars().count();
    if count == 0 {
        return Err(AppError::invalid(field, "This cannot be empty."));
    }
    if count > TITLE_MAX {
        return Err(AppError::invalid(
            field,
            format!("Keep this to {TITLE_MAX} characters or fewer (it has {count})."),
        ));
    }
    single_line(field, trimmed)?;
    Ok(trimmed.to_owned())
}

/// A single-line text that may be left empty (a team, a level, a next step): trimmed,
/// up to 200 characters.
pub(crate) fn optional_title(field: &str, value: Option<&str>) -> AppResult<String> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => title(field, v),
        None => Ok(String::new()),
    }
}

/// The rule for every single-line text (titles, names, units, agenda items, links): no
/// line breaks and no control characters. A NUL or an escape code typed or pasted into a
/// name would be stored, exported and shown as nothing, or cut a C string short.
pub(crate) fn single_line(field: &str, value: &str) -> AppResult<()> {
    if value.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return Err(AppError::invalid(field, "This must fit on one line."));
    }
    match value.chars().find(|c| c.is_control()) {
        Some(c) => Err(control_refused(field, c)),
        None => Ok(()),
    }
}

/// The rule for multi-line text (notes, descriptions, answers): line breaks and tabs are
/// text, every other control character is refused.
pub(crate) fn multi_line(field: &str, value: &str) -> AppResult<()> {
    match value
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        Some(c) => Err(control_refused(field, c)),
        None => Ok(()),
    }
}

fn control_refused(field: &str, c: char) -> AppError {
    let what = match c {
        '\t' => "a tab".to_owned(),
        '\0' => "a NUL character".to_owned(),
        _ => format!("the control character U+{:04X}", u32::from(c)),
    };
    AppError::invalid(
        field,
        format!("This contains {what}, which cannot be stored here; remove it."),
    )
}

/// Notes, descriptions, answers: up to 20,000 characters, trailing whitespace dropped.
pub(crate) fn long_text(field: &str, value: &str) -> AppResult<String> {
    let trimmed = value.trim_end();
    let count = trimmed.chars().count();
    if count > LONG_TEXT_MAX {
        return Err(AppError::invalid(
            field,
            format!("Keep this to {LONG_TEXT_MAX} characters or fewer (it has {count})."),
        ));
    }
    multi_line(field, trimmed)?;
    Ok(trimmed.to_owned())
}

/// A web address: http or https only, up to 2,048 characters.
pub fn url(field: &str, value: &str) -> AppResult<String> {
    let trimmed = value.trim();
    if trimmed.chars().count() > URL_MAX {
        return Err(AppError::invalid(
            field,
            format!("Web addresses are limited to {URL_MAX} characters."),
        ));
    }
    let lower = trimmed.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host)
            if !host.is_empty()
                && !trimmed.chars().any(|c| c.is_whitespace() || c.is_control()) =>
        {
            Ok(trimmed.to_owned())
        }
        _ => Err(AppError::invalid(
            field,
            "Use a web address that starts with http:// or https://.",
        )),
    }
}

/// A list of web addresses typed one per line; blank lines are dropped, and an address
/// given twice is kept once, where it first appears. A list of links is a set (the
/// database holds each once per owner): the second copy adds nothing, and refusing the
/// save over it would make the user hunt for a line that does no harm.
pub(crate) fn urls(field: &str, values: &[String]) -> AppResult<Vec<String>> {
    let mut kept: Vec<String> = Vec::with_capacity(values.len());
    for value in values.iter().filter(|u| !u.trim().is_empty()) {
        let value = url(field, value)?;
        if !kept.contains(&value) {
            kept.push(value);
        }
    }
    Ok(kept)
}

/// A calendar date between 1970 and 2100.
pub(crate) fn date(field: &str, value: NaiveDate) -> AppResult<NaiveDate> {
    if !(YEAR_MIN..=YEAR_MAX).contains(&value.year()) {
        return Err(AppError::invalid(
            field,
            format!("Pick a date between {YEAR_MIN} and {YEAR_MAX}."),
        ));
    }
    Ok(value)
}

/// A measured number (units, metric values, impacts): finite, and between -10^12 and
/// 10^12. Every number the UI or a caller sends passes through here (or [`units`]).
pub(crate) fn number(field: &str, value: f64) -> AppResult<f64> {
    if !value.is_finite() {
        return Err(AppError::invalid(field, "Enter a number."));
    }
    if value.abs() > NUMBER_MAX {
        return Err(AppError::invalid(
            field,
            "Enter a number between -1,000,000,000,000 and 1,000,000,000,000.",
        ));
    }
    Ok(value)
}

/// A count of units: a [`number`] that is not negative.
pub(crate) fn units(field: &str, value: f64) -> AppResult<f64> {
    let value = number(field, value)?;
    if value < 0.0 {
        return Err(AppError::invalid(field, "This cannot be negative."));
    }
    Ok(value)
}

/// Minutes spent in one sitting: 0 to 1,440.
pub(crate) fn minutes(field: &str, value: i64) -> AppResult<i64> {
    if !(0..=MINUTES_MAX).contains(&value) {
        return Err(AppError::invalid(
            field,
            format!("Minutes must be between 0 and {MINUTES_MAX} (one day)."),
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_trimmed_and_bounded() {
        assert_eq!(title("title", "  Q1 plan  ").unwrap(), "Q1 plan");
        assert!(title("title", "   ").is_err());
        assert!(title("title", &"x".repeat(201)).is_err());
        // Characters, not bytes: 200 accented letters are fine.
        assert!(title("title", &"é".repeat(200)).is_ok());
        assert!(title("title", "two\nlines").is_err());
        assert_eq!(title("name", "").unwrap_err().field(), Some("name"));
    }

    #[test]
    fn single_line_text_refuses_control_characters() {
        for bad in [
            "a\tb",
            "nul\0here",
            "esc\u{1b}[31m",
            "del\u{7f}",
            "c1\u{80}x",
            "ls\u{2028}x",
        ] {
            let err = title("name", bad).unwrap_err();
            assert_eq!(err.field(), Some("name"), "{bad:?}");
        }
        assert!(title("name", "a\tb")
            .unwrap_err()
            .to_string()
            .contains("a tab"));
        assert!(title("name", "x\0")
            .unwrap_err()
            .to_string()
            .contains("NUL"));
        // Whitespace around the text is trimmed, not refused; letters of every script pass.
        assert_eq!(title("name", "\tÉquipe 東京 ✓ ").unwrap(), "Équipe 東京 ✓");
        assert!(url("url", "https://e.com/\0").is_err());
    }

    #[test]
    fn multi_line_text_keeps_breaks_and_tabs_but_not_other_controls() {
        assert_eq!(long_text("notes", "a\n\tb").unwrap(), "a\n\tb");
        for bad in ["nul\0", "cr\r\nx", "bell\u{7}", "del\u{7f}"] {
            assert_eq!(
                long_text("notes", bad).unwrap_err().field(),
                Some("notes"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn links_given_twice_are_kept_once_in_order() {
        let typed: Vec<String> = [
            "https://b.example",
            "https://a.example",
            " https://b.example ",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            urls("links", &typed).unwrap(),
            ["https://b.example", "https://a.example"]
        );
    }

    #[test]
    fn long_text_allows_empty_but_not_huge() {
        assert_eq!(long_text("notes", "").unwrap(), "");
        assert!(long_text("notes", &"a".repeat(20_000)).is_ok());
        assert!(long_text("notes", &"a".repeat(20_001)).is_err());
    }

    #[test]
    fn only_web_addresses_pass() {
        assert!(url("url", "https://example.com/course").is_ok());
        assert!(url("url", "HTTP://example.com").is_ok());
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "ftp://x",
            "http://a b",
        ] {
            assert!(url("url", bad).is_err(), "{bad} should be refused");
        }
        assert!(url("url", &format!("https://e.com/{}", "a".repeat(2_048))).is_err());
        let typed = vec![
            "https://a.example".to_owned(),
            "  ".to_owned(),
            " http://b.example ".to_owned(),
        ];
        assert_eq!(
            urls("links", &typed).unwrap(),
            ["https://a.example", "http://b.example"]
        );
        assert!(urls("links", &["file:///x".to_owned()]).is_err());
    }

    #[test]
    fn numbers_dates_and_minutes() {
        assert!(number("value", f64::NAN).is_err());
        assert!(number("value", f64::INFINITY).is_err());
        assert_eq!(number("value", 1e12).unwrap(), 1e12);
        assert_eq!(number("value", -1e12).unwrap(), -1e12);
        assert_eq!(
            number("value", 1e12 + 1.0).unwrap_err().field(),
            Some("value")
        );
        assert!(number("value", -1e13).is_err());
        assert!(units("units", 1e12 + 1.0).is_err());
        assert!(units("units", -1.0).is_err());
        assert_eq!(units("units", 2.5).unwrap(), 2.5);
        assert!(minutes("minutes", 1_441).is_err());
        assert!(minutes("minutes", -1).is_err());
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(date("startsOn", d("1969-12-31")).is_err());
        assert!(date("startsOn", d("2101-01-01")).is_err());
        assert!(date("startsOn", d("2100-12-31")).is_ok());
    }
}
