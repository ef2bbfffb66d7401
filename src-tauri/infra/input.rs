//! Turning what the UI sends into typed input, with errors that name the field.
//!
//! Commands take their input as JSON and parse it here rather than letting Tauri do it:
//! Tauri's own argument errors are plain strings, while these are [`AppError`]s with the
//! offending field, so an unknown field or a wrong type shows up like any other rule.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::infra::error::{AppError, AppResult};
use crate::infra::limits;

/// For `#[serde(default, deserialize_with = "input::present")]` on an `Option<Option<T>>`
/// field of an update: absent is `None` (keep what is stored), `null` is `Some(None)`
/// (clear it), a value is `Some(Some(value))`.
pub fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

pub fn parse<T: DeserializeOwned>(value: serde_json::Value) -> AppResult<T> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner().to_string();
        // serde reports unknown and missing fields at the struct that holds them; name the
        // field itself.
        let names_field = inner.starts_with("unknown field") || inner.starts_with("missing field");
        let field = match inner.split('`').nth(1) {
            Some(name) if names_field => name.to_owned(),
            _ if path == "." => "input".to_owned(),
            _ => path,
        };
        AppError::invalid(&field, unexpected(inner))
    })
}

/// Longest part of serde's own words a refusal repeats, in characters.
const SERDE_MESSAGE_MAX: usize = 300;

/// "Unexpected input: …." from serde's message, without its position (the UI sends no
/// lines) and cut short: serde quotes the value it refused, and a megabyte string would
/// come back whole.
pub fn unexpected(serde_message: String) -> String {
    let message = match serde_message.find(" at line") {
        Some(end) => serde_message[..end].to_owned(),
        None => serde_message,
    };
    let message = match message.char_indices().nth(SERDE_MESSAGE_MAX) {
        Some((cut, _)) => format!("{}…", &message[..cut]),
        None => message,
    };
    format!("Unexpected input: {message}.")
}

/// A date typed as `YYYY-MM-DD`, within the years the app accepts.
/// An optional date field: absent or blank is `None`.
pub(crate) fn optional_date(field: &str, value: Option<&str>) -> AppResult<Option<NaiveDate>> {
    match value.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => date(field, d).map(Some),
        None => Ok(None),
    }
}

pub(crate) fn date(field: &str, value: &str) -> AppResult<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::invalid(field, "Enter a date as YYYY-MM-DD."))?;
    limits::date(field, parsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        month: Option<u8>,
    }

    #[test]
    fn unknown_fields_are_named() {
        let err = parse::<Sample>(json!({"title": "x", "colour": "red"})).unwrap_err();
        assert_eq!(err.field(), Some("colour"));
        assert!(err.to_string().contains("unknown field"), "{err}");
    }

    #[test]
    fn wrong_types_name_their_path() {
        let err = parse::<Sample>(json!({"title": "x", "month": "May"})).unwrap_err();
        assert_eq!(err.field(), Some("month"));
        let err = parse::<Sample>(json!({})).unwrap_err();
        assert_eq!(err.field(), Some("title"));
        let err = parse::<Sample>(json!("just text")).unwrap_err();
        assert_eq!(err.field(), Some("input"));
    }

    #[test]
    fn a_huge_refused_value_inside_an_input_is_not_echoed_back_whole() {
        let huge = "x".repeat(1_000_000);
        let err = parse::<Sample>(json!({"title": "x", "month": huge})).unwrap_err();
        assert_eq!(err.field(), Some("month"));
        let message = err.to_string();
        assert!(message.len() < 400, "{} characters", message.len());
        assert!(
            message.starts_with("Unexpected input: invalid type: string"),
            "{message}"
        );
    }

    #[test]
    fn dates_must_be_iso_and_in_range() {
        assert_eq!(date("d", "2026-02-28").unwrap().to_string(), "2026-02-28");
        assert!(date("d", "2026-02-30").is_err());
        assert!(date("d", "28/02/2026").is_err());
        assert_eq!(date("d", "1969-01-01").unwrap_err().field(), Some("d"));
    }
}
