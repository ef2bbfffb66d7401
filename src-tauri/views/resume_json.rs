//! The JSON Resume document (schema v1.0.0) made from the profile and what the user
//! picked, in their order. Pure: no database, so every rule of the format is tested here.
//!
//! The schema's formats dislike empty strings (`email`, `uri`, the dates), so every field
//! that would be empty is left out, and a section with nothing in it too. Web addresses
//! are written as RFC 3986 wants them (`infra::uri`). Highlights are sentences with their
//! numbers: what a hiring manager reads first.

use chrono::NaiveDate;
use serde::Serialize;

use crate::framework::profile::Profile;
use crate::infra::text::trim_number;
use crate::infra::uri;

/// Where the schema the document follows is published; validators and themes read it.
pub const SCHEMA_URL: &str =
    "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

/// A win as the résumé states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub title: String,
    pub impact: Option<Impact>,
}

/// A measured change: what was measured, in what unit, from what to what.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    pub metric: String,
    pub unit: String,
    pub before: Option<f64>,
    pub after: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SkillGroup {
    pub name: String,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Certificate {
    pub name: String,
    pub date: Option<NaiveDate>,
    pub issuer: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub name: String,
    pub impact: Option<Impact>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub keywords: Vec<String>,
    pub url: Option<String>,
}

/// What goes in, each list in the order the user chose.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Picked {
    pub highlights: Vec<Highlight>,
    pub skills: Vec<SkillGroup>,
    pub certificates: Vec<Certificate>,
    pub projects: Vec<Project>,
}

/// A JSON Resume document, its keys in the schema's order (a person reading or editing
/// the file finds the name first); every field that would be empty is left out.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    #[serde(rename = "$schema")]
    schema: &'static str,
    basics: Basics,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    work: Vec<Work>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    certificates: Vec<CertificateEntry>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    skills: Vec<SkillEntry>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    projects: Vec<ProjectEntry>,
}

#[derive(Debug, Clone, Default, Serialize)]
struct Basics {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Location>,
}

/// The location goes in `city`: it is one free text ("Lyon, France"), and `city` is what
/// themes show (jsonresume-theme-even prints `city` and ignores `address`).
#[derive(Debug, Clone, Serialize)]
struct Location {
    city: String,
}

#[derive(Debug, Clone, Serialize)]
struct Work {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    highlights: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
struct SkillEntry {
    name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    keywords: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
struct CertificateEntry {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ProjectEntry {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    start_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    keywords: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// The whole document.
pub fn build(profile: &Profile, picked: &Picked) -> Document {
    Document {
        schema: SCHEMA_URL,
        basics: basics(profile),
        work: work(profile, &picked.highlights),
        certificates: picked.certificates.iter().map(certificate).collect(),
        skills: picked
            .skills
            .iter()
            .map(|g| SkillEntry {
                name: g.name.clone(),
                keywords: g.keywords.clone(),
            })
            .collect(),
        projects: picked.projects.iter().map(project).collect(),
    }
}

/// `value` unless it is blank.
fn text(value: &str) -> Option<String> {
    (!value.trim().is_empty()).then(|| value.to_owned())
}

/// A stored web address as the `uri` format wants it.
fn link(value: &str) -> Option<String> {
    text(value).map(|url| uri::for_export(&url))
}

fn basics(p: &Profile) -> Basics {
    Basics {
        name: text(&p.name),
        label: text(&p.title),
        email: text(&p.email),
        url: link(&p.url),
        summary: text(&p.summary),
        location: text(&p.location).map(|city| Location { city }),
    }
}

/// One entry, the current role, when there is anything to say about it.
fn work(p: &Profile, highlights: &[Highlight]) -> Vec<Work> {
    let entry = Work {
        name: text(&p.company),
        position: text(&p.title),
        highlights: highlights.iter().map(sentence).collect(),
    };
    if entry.name.is_none() && entry.position.is_none() && entry.highlights.is_empty() {
        Vec::new()
    } else {
        vec![entry]
    }
}

fn certificate(c: &Certificate) -> CertificateEntry {
    CertificateEntry {
        name: c.name.clone(),
        date: c.date.map(|d| d.to_string()),
        issuer: text(&c.issuer),
        url: c.url.as_deref().and_then(link),
    }
}

fn project(p: &Project) -> ProjectEntry {
    ProjectEntry {
        name: p.name.clone(),
        description: p.impact.as_ref().map(|i| capitalise(&change(i))),
        start_date: p.start.to_string(),
        end_date: p.end.map(|d| d.to_string()),
        keywords: p.keywords.clone(),
        url: p.url.as_deref().and_then(link),
    }
}

/// "Cut the release failure rate: failed releases from 8 to 1 per month"; a win with no
/// numbers is its title.
pub fn sentence(h: &Highlight) -> String {
    let title = h.title.trim_end_matches(['.', ',', ';', ':']);
    match &h.impact {
        Some(impact) => format!("{title}: {}", change(impact)),
        None => title.to_owned(),
    }
}

/// "failed releases from 8 to 1 per month", "line coverage from 41% to 78%",
/// "engineers on the rota reached 9 people".
fn change(i: &Impact) -> String {
    let metric = lower_first(i.metric.trim());
    match i.before {
        Some(before) => format!(
            "{metric} from {} to {}",
            amount(before, &i.unit, false),
            amount(i.after, &i.unit, true)
        ),
        None => format!("{metric} reached {}", amount(i.after, &i.unit, true)),
    }
}

/// A number with its unit: signs that read before the number go there ("$40"), "%" goes
/// right after it, and any other unit once, after the last number ("from 95 to 30 minutes").
pub(crate) fn amount(n: f64, unit: &str, last: bool) -> String {
    let unit = unit.trim();
    let number = trim_number(n);
    match unit {
        "" => number,
        "$" | "€" | "£" | "¥" => format!("{unit}{number}"),
        "%" => format!("{number}%"),
        _ if last => format!("{number} {unit}"),
        _ => number,
    }
}

/// "Failed releases" → "failed releases" inside a sentence; "NPS" and "P95 latency" stay.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_owned(),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The preview's short form of an impact: "Failed releases: 8 → 1 per month",
/// "Line coverage: 41% → 78%".
pub fn impact_text(i: &Impact) -> String {
    let after = amount(i.after, &i.unit, true);
    match i.before {
        Some(before) => format!("{}: {} → {after}", i.metric, amount(before, &i.unit, false)),
        None => format!("{}: {after}", i.metric),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn impact(metric: &str, unit: &str, before: Option<f64>, after: f64) -> Option<Impact> {
        Some(Impact {
            metric: metric.into(),
            unit: unit.into(),
            before,
            after,
        })
    }

    fn win(title: &str, impact: Option<Impact>) -> Highlight {
        Highlight {
            title: title.into(),
            impact,
        }
    }

    #[test]
    fn highlights_are_sentences_with_their_numbers() {
        let cases = [
            (
                win(
                    "Cut p95 latency",
                    impact("P95 latency", "ms", Some(900.0), 250.0),
                ),
                "Cut p95 latency: P95 latency from 900 to 250 ms",
            ),
            (
                win(
                    "Cut the release failure rate.",
                    impact("Failed releases", "per month", Some(8.0), 1.0),
                ),
                "Cut the release failure rate: failed releases from 8 to 1 per month",
            ),
            (
                win(
                    "Raised coverage",
                    impact("Line coverage", "%", Some(41.0), 78.5),
                ),
                "Raised coverage: line coverage from 41% to 78.5%",
            ),
            (
                win(
                    "Cut cloud spend",
                    impact("Monthly bill", "$", Some(12_000.0), 8_000.0),
                ),
                "Cut cloud spend: monthly bill from $12000 to $8000",
            ),
            (
                win(
                    "Grew the rota",
                    impact("Engineers on the rota", "people", None, 9.0),
                ),
                "Grew the rota: engineers on the rota reached 9 people",
            ),
            (
                win("Raised NPS", impact("NPS", "", Some(31.0), 45.0)),
                "Raised NPS: NPS from 31 to 45",
            ),
            (
                win("Presented the plan to leadership", None),
                "Presented the plan to leadership",
            ),
        ];
        for (h, want) in cases {
            assert_eq!(sentence(&h), want);
        }
    }

    #[test]
    fn the_preview_shows_an_impact_as_before_and_after() {
        let i = impact("Load time", "minutes", Some(95.0), 30.0).unwrap();
        assert_eq!(impact_text(&i), "Load time: 95 → 30 minutes");
        let i = impact("NPS", "", None, 45.0).unwrap();
        assert_eq!(impact_text(&i), "NPS: 45");
        let i = impact("Line coverage", "%", Some(41.0), 78.0).unwrap();
        assert_eq!(impact_text(&i), "Line coverage: 41% → 78%");
    }

    fn json(doc: Document) -> serde_json::Value {
        serde_json::to_value(doc).unwrap()
    }

    #[test]
    fn an_empty_profile_and_no_picks_make_a_bare_document() {
        let doc = json(build(&Profile::default(), &Picked::default()));
        assert_eq!(doc, json!({ "$schema": SCHEMA_URL, "basics": {} }));
    }

    #[test]
    fn empty_fields_are_left_out_and_addresses_are_encoded() {
        let profile = Profile {
            name: "Ana Lind".into(),
            title: "Senior engineer".into(),
            url: "https://exämple.com/ana".into(),
            location: "Lyon, France".into(),
            ..Profile::default()
        };
        let picked = Picked {
            certificates: vec![Certificate {
                name: "Cloud architect".into(),
                date: None,
                issuer: String::new(),
                url: None,
            }],
            ..Picked::default()
        };
        let doc = json(build(&profile, &picked));
        assert_eq!(
            doc["basics"],
            json!({
                "name": "Ana Lind",
                "label": "Senior engineer",
                "url": "https://ex%C3%A4mple.com/ana",
                "location": { "city": "Lyon, France" },
            })
        );
        assert_eq!(doc["work"], json!([{ "position": "Senior engineer" }]));
        assert_eq!(doc["certificates"], json!([{ "name": "Cloud architect" }]));
        assert!(doc.get("skills").is_none() && doc.get("projects").is_none());
    }

    #[test]
    fn the_file_lists_keys_in_the_schema_order() {
        let profile = Profile {
            name: "Ana Lind".into(),
            title: "Lead".into(),
            email: "ana@example.com".into(),
            ..Profile::default()
        };
        let picked = Picked {
            skills: vec![SkillGroup {
                name: "Performance Excellence".into(),
                keywords: vec!["Exceeding KPIs".into()],
            }],
            ..Picked::default()
        };
        let text = serde_json::to_string(&build(&profile, &picked)).unwrap();
        let at = |key: &str| text.find(&format!("\"{key}\"")).unwrap();
        assert!(at("$schema") < at("basics") && at("basics") < at("work"));
        assert!(at("work") < at("skills"));
        assert!(at("name") < at("label") && at("label") < at("email"));
    }
}
