//! Who the user is, for the résumé export: one row (`profile`, id 1), kept by Settings.
//!
//! Every field may stay empty; the résumé leaves out what is empty. What is stored is what
//! a JSON Resume validator accepts: single-line texts within the column limits, an email
//! address of the shape the schema's `email` format checks (so an exported résumé never
//! fails on it), and an http(s) web address.

use serde::{Deserialize, Serialize};
use sqlx::{FromRow, SqlitePool};
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};
use crate::infra::limits;

/// The longest email address SMTP carries (RFC 5321), as the column allows.
const EMAIL_MAX: usize = 254;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Profile {
    pub name: String,
    /// The current job title: the résumé's label and the position of its work entry.
    pub title: String,
    pub company: String,
    pub email: String,
    /// As the user writes it ("Lyon, France"); the résumé puts it in `location.city`.
    pub location: String,
    pub url: String,
    pub summary: String,
}

/// What the profile form sends: each field given is replaced (an empty text clears it),
/// each field left out stays as it is.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct ProfileInput {
    #[ts(optional)]
    pub name: Option<String>,
    #[ts(optional)]
    pub title: Option<String>,
    #[ts(optional)]
    pub company: Option<String>,
    #[ts(optional)]
    pub email: Option<String>,
    #[ts(optional)]
    pub location: Option<String>,
    #[ts(optional)]
    pub url: Option<String>,
    #[ts(optional)]
    pub summary: Option<String>,
}

pub async fn get(pool: &SqlitePool) -> AppResult<Profile> {
    Ok(sqlx::query_as::<_, Profile>(
        "SELECT name, title, company, email, location, url, summary FROM profile WHERE id = 1",
    )
    .fetch_one(pool)
    .await?)
}

/// Checks every field given, then writes them all or none.
pub async fn save(pool: &SqlitePool, input: ProfileInput) -> AppResult<Profile> {
    let checked = check(input)?;
    sqlx::query(
        "UPDATE profile SET name = coalesce(?, name), title = coalesce(?, title),
             company = coalesce(?, company), email = coalesce(?, email),
             location = coalesce(?, location), url = coalesce(?, url),
             summary = coalesce(?, summary)
         WHERE id = 1",
    )
    .bind(checked.name)
    .bind(checked.title)
    .bind(checked.company)
    .bind(checked.email)
    .bind(checked.location)
    .bind(checked.url)
    .bind(checked.summary)
    .execute(pool)
    .await?;
    get(pool).await
}

fn check(input: ProfileInput) -> AppResult<ProfileInput> {
    let each = |value: Option<String>, rule: fn(&str, &str) -> AppResult<String>, field| {
        value.map(|v| rule(field, &v)).transpose()
    };
    Ok(ProfileInput {
        name: each(input.name, line, "name")?,
        title: each(input.title, line, "title")?,
        company: each(input.company, line, "company")?,
        email: each(input.email, email, "email")?,
        location: each(input.location, line, "location")?,
        url: each(input.url, web_address, "url")?,
        summary: each(input.summary, limits::long_text, "summary")?,
    })
}

/// A single-line text of up to 200 characters, trimmed; empty is allowed here.
fn line(field: &str, value: &str) -> AppResult<String> {
    if value.trim().is_empty() {
        return Ok(String::new());
    }
    limits::title(field, value)
}

fn web_address(field: &str, value: &str) -> AppResult<String> {
    if value.trim().is_empty() {
        return Ok(String::new());
    }
    limits::url(field, value)
}

/// An email address as JSON Resume's validators read the `email` format (ajv-formats):
/// dot-separated words of letters, digits and ``!#$%&'*+/=?^_`{|}~-`` before the one `@`,
/// and a domain of at least two labels of letters, digits and inner hyphens after it.
fn email(field: &str, value: &str) -> AppResult<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(String::new());
    }
    let count = trimmed.chars().count();
    if count > EMAIL_MAX {
        return Err(AppError::invalid(
            field,
            format!("Email addresses are limited to {EMAIL_MAX} characters (this has {count})."),
        ));
    }
    limits::single_line(field, trimmed)?;
    let plausible = trimmed
        .split_once('@')
        .is_some_and(|(local, domain)| email_local(local) && email_domain(domain));
    if !plausible {
        return Err(AppError::invalid(
            field,
            "Enter an email address like name@example.com (no spaces or accented letters).",
        ));
    }
    Ok(trimmed.to_owned())
}

fn email_local(local: &str) -> bool {
    local.split('.').all(|word| {
        !word.is_empty()
            && word
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c))
    })
}

fn email_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::email;

    #[test]
    fn email_addresses_of_the_schema_shape_pass() {
        for good in [
            "ana@example.com",
            " ana.lind+jobs@mail.example.co.uk ",
            "o'brien@x-y.io",
            "a@b.c",
        ] {
            assert!(email("email", good).is_ok(), "{good} should pass");
        }
        assert_eq!(email("email", "").unwrap(), "");
        assert_eq!(email("email", "  ").unwrap(), "");
    }

    #[test]
    fn email_addresses_the_schema_would_refuse_are_refused() {
        for bad in [
            "ana",
            "ana@",
            "@example.com",
            "ana@example",
            "ana@@example.com",
            "ana@exa mple.com",
            "ana lind@example.com",
            ".ana@example.com",
            "ana..lind@example.com",
            "ana@-example.com",
            "ana@example-.com",
            "ana@example..com",
            "anä@example.com",
            "ana@exämple.com",
            "ana@example.com\u{0}",
            "\"ana\"@example.com",
        ] {
            let err = email("email", bad).unwrap_err();
            assert_eq!(err.field(), Some("email"), "{bad:?}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert!(email("email", &long)
            .unwrap_err()
            .to_string()
            .contains("254"));
    }
}
