//! Reading a CSV file into its header and rows the way Python's `csv` module reads it
//! with its default dialect ("excel"), which is also how spreadsheet programs read it:
//! a comma (or a semicolon, when the header row has more of them), `"` quotes, `""` for a
//! quote inside a quoted field, and a quote inside an unquoted field kept as it is
//! (`Monitor 27" setup`). Quoted fields may hold commas and line breaks; lines may end in
//! LF, CRLF or CR; a UTF-8 byte-order mark is skipped. The `csv` crate reads the same
//! way; what it does not do is refuse a quote left open at the end of the file (Python,
//! not strict, makes the rest of the file one field): that is checked here, since such a
//! field is never what the user meant. tests/fixtures/csv holds files with Python's
//! reading of each, compared field by field by tests/it/csv.rs.

use crate::infra::error::{AppError, AppResult};
use crate::infra::limits;

/// A data row as read: the row number a spreadsheet shows (the line it starts on; the
/// header is row 1) and its fields.
pub struct RawRow {
    pub line: u64,
    pub fields: Vec<String>,
}

pub struct Table {
    /// The header's column names as written (trimmed of nothing).
    pub header: Vec<String>,
    pub rows: Vec<RawRow>,
}

fn file_error(message: impl Into<String>) -> AppError {
    AppError::invalid("file", message)
}

/// The file as text, or a message that says how to save it as UTF-8.
fn as_text(bytes: &[u8]) -> AppResult<&str> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        file_error(format!(
            "Row {line}: the file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again."
        ))
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// `;` when the first line has more of them than commas (spreadsheets in languages with
/// a decimal comma write those), else `,`.
fn delimiter(text: &str) -> u8 {
    let first_line = text.split(['\n', '\r']).next().unwrap_or("");
    if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// Reads the header and the data rows (blank rows left out), stopping at the first row
/// past `limits::IMPORT_MAX_ROWS`. File-level problems are errors; ragged rows are not
/// (the caller reports them by row).
pub fn read(bytes: &[u8]) -> AppResult<Table> {
    let text = as_text(bytes)?;
    if text.trim().is_empty() {
        return Err(file_error(
            "The file is empty: it needs a header row and at least one row of data.",
        ));
    }
    let delimiter = delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let (mut last_start, mut last_line) = (0, 1);
    loop {
        let more = reader.read_record(&mut record).map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            file_error(format!("Row {line}: {e}"))
        })?;
        if !more {
            break;
        }
        let position = record
            .position()
            .cloned()
            .unwrap_or_else(csv::Position::new);
        (last_start, last_line) = (position.byte() as usize, position.line());
        if header.is_none() {
            header = Some(record.iter().map(str::to_owned).collect());
            continue;
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() == limits::IMPORT_MAX_ROWS {
            return Err(limits::import_too_large(&format!(
                "This file has more than {} rows",
                limits::thousands(limits::IMPORT_MAX_ROWS as u64)
            )));
        }
        rows.push(RawRow {
            line: position.line(),
            fields: record.iter().map(str::to_owned).collect(),
        });
    }
    if ends_inside_quotes(&text.as_bytes()[last_start..], delimiter) {
        return Err(file_error(format!(
            "Row {last_line}: a quoted field is opened but never closed."
        )));
    }
    let header = header.unwrap_or_default();
    if rows.is_empty() {
        return Err(file_error("The file has a header row but no data."));
    }
    Ok(Table { header, rows })
}

/// Whether the last record, read from its first byte, ends inside a quoted field: the
/// states of Python's reader that matter for quotes.
fn ends_inside_quotes(record: &[u8], delimiter: u8) -> bool {
    #[derive(PartialEq)]
    enum State {
        StartField,
        InField,
        InQuoted,
        QuoteInQuoted,
    }
    let mut state = State::StartField;
    for &b in record {
        let ends_field = b == delimiter || b == b'\n' || b == b'\r';
        state = match state {
            State::StartField if b == b'"' => State::InQuoted,
            State::StartField | State::InField | State::QuoteInQuoted if ends_field => {
                State::StartField
            }
            State::StartField | State::InField => State::InField,
            State::InQuoted if b == b'"' => State::QuoteInQuoted,
            State::InQuoted => State::InQuoted,
            State::QuoteInQuoted if b == b'"' => State::InQuoted,
            State::QuoteInQuoted => State::InField,
        };
    }
    state == State::InQuoted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        let t = read(text.as_bytes()).unwrap();
        std::iter::once(t.header)
            .chain(t.rows.into_iter().map(|r| r.fields))
            .collect()
    }

    #[test]
    fn a_stray_quote_in_an_unquoted_field_is_kept() {
        assert_eq!(
            fields("title,provider\nMonitor 27\" setup,Acme\n"),
            [["title", "provider"], ["Monitor 27\" setup", "Acme"]]
        );
    }

    #[test]
    fn only_a_quote_left_open_at_the_end_is_refused() {
        let err = read(b"title\nok\n\"never closed\nmore\n").err().unwrap();
        assert_eq!(
            err.to_string(),
            "Row 3: a quoted field is opened but never closed."
        );
        assert!(read(b"title\n\"closed\"\"\"\n").is_ok());
        assert!(
            read(b"title\nx \"open\n").is_ok(),
            "a quote mid-field opens nothing"
        );
    }

    #[test]
    fn the_delimiter_follows_the_header_row() {
        assert_eq!(delimiter("a;b;c\r\nx,y"), b';');
        assert_eq!(delimiter("a,b;c"), b',');
    }
}
