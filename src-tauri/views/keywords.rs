//! Résumé keywords: the terms of a job posting that the user's record already shows,
//! and those it lacks, so the résumé can use the posting's own words. All local: the
//! posting and the record are cut into stemmed words (`infra::words`) and compared.
//!
//! The posting's terms are its single words and its phrases of two or three words in a
//! row. A phrase is kept when the record has it too, or when the posting says it more
//! than once (a phrase said once and found nowhere is just a stretch of a sentence). A
//! term that sits inside a longer term the record shows is left out, and one inside a
//! longer missing term is left out of the missing list, so nothing is listed twice.

use std::collections::HashMap;

use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};
use crate::infra::words::{self, Word};
use crate::mobility::opportunities;
use crate::views::keyword_index::{self, Index};
use crate::views::keyword_record::Place;

/// The longest text taken, in characters: a long posting is a few thousand.
pub const TEXT_MAX: usize = 50_000;
/// Terms listed at most in each list.
pub const TERMS_MAX: usize = 40;
/// Places named per term at most; `more` counts the others.
pub const PLACES_MAX: usize = 3;
/// The longest phrase matched, in words.
const PHRASE_MAX: usize = 3;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Keywords {
    /// Terms the record shows, the most used by the posting first.
    pub shown: Vec<ShownTerm>,
    /// Terms the record lacks, the most used first.
    pub missing: Vec<MissingTerm>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ShownTerm {
    /// As the posting first writes it ("stakeholder management").
    pub term: String,
    /// How many times the posting uses it.
    #[ts(type = "number")]
    pub count: i64,
    #[serde(rename = "where")]
    #[ts(rename = "where")]
    pub places: Vec<Place>,
    /// Other places that show it, beyond those named.
    #[ts(type = "number")]
    pub more: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MissingTerm {
    pub term: String,
    #[ts(type = "number")]
    pub count: i64,
}

/// One term of the posting while it is being counted and matched.
struct Term {
    stems: Vec<String>,
    surface: String,
    count: i64,
    /// Where the posting first uses it (a byte offset), for a stable order.
    first: usize,
    /// Indexes of the record's pieces that have it, each once, in the record's order.
    hits: Vec<usize>,
}

/// The terms of a pasted posting against the record.
pub async fn for_text(pool: &SqlitePool, text: &str) -> AppResult<Keywords> {
    let text = checked(text)?;
    let index = keyword_index::current(pool).await?;
    Ok(compare(text, &index))
}

/// The terms of an opportunity's posting (its title and notes) against the record.
pub async fn for_opportunity(pool: &SqlitePool, opportunity_id: i64) -> AppResult<Keywords> {
    let mut conn = pool.acquire().await?;
    let o = opportunities::fetch(&mut conn, opportunity_id).await?;
    drop(conn);
    let text = format!("{}\n{}", o.title, o.notes);
    let index = keyword_index::current(pool).await?;
    Ok(compare(&text, &index))
}

fn checked(text: &str) -> AppResult<&str> {
    let count = text.chars().count();
    if count > TEXT_MAX {
        return Err(AppError::invalid(
            "text",
            format!("Paste at most {TEXT_MAX} characters (this has {count}); a posting is rarely longer."),
        ));
    }
    if text.trim().is_empty() {
        return Err(AppError::invalid(
            "text",
            "Paste the job description to compare with your record.",
        ));
    }
    Ok(text)
}

/// The posting's terms, split into those the record shows and those it lacks.
fn compare(posting: &str, record: &Index) -> Keywords {
    let mut terms = posting_terms(posting);
    for t in &mut terms {
        t.hits = record.pieces_with(&t.stems);
    }
    let kept: Vec<&Term> = terms
        .iter()
        .filter(|t| t.stems.len() == 1 || t.count > 1 || !t.hits.is_empty())
        .collect();
    let (shown, missing): (Vec<&Term>, Vec<&Term>) = kept.iter().partition(|t| !t.hits.is_empty());
    let shown = without_covered(shown.clone(), &shown);
    let missing = without_covered(without_covered(missing.clone(), &shown), &missing);
    Keywords {
        shown: ranked(shown)
            .into_iter()
            .map(|t| {
                let places = distinct_places(record, &t.hits);
                ShownTerm {
                    term: t.surface.clone(),
                    count: t.count,
                    more: places.len().saturating_sub(PLACES_MAX) as i64,
                    places: places.into_iter().take(PLACES_MAX).cloned().collect(),
                }
            })
            .collect(),
        missing: ranked(missing)
            .into_iter()
            .map(|t| MissingTerm {
                term: t.surface.clone(),
                count: t.count,
            })
            .collect(),
    }
}

/// Every term of the posting (words and phrases up to `PHRASE_MAX` words), counted.
fn posting_terms(posting: &str) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut key = String::new();
    for run in words::runs(posting) {
        for n in 1..=PHRASE_MAX {
            for w in run.windows(n) {
                words::key_into(&mut key, w);
                if let Some(&i) = index.get(key.as_str()) {
                    terms[i].count += 1;
                    continue;
                }
                index.insert(key.clone(), terms.len());
                terms.push(Term {
                    stems: w.iter().map(|w| w.stem.clone()).collect(),
                    surface: surface(posting, w),
                    count: 1,
                    first: w[0].start,
                    hits: Vec::new(),
                });
            }
        }
    }
    terms
}

/// The words as the posting writes them, lower-cased unless written in capitals
/// ("SQL", "AWS"), their spaces made single.
fn surface(text: &str, w: &[Word]) -> String {
    let (Some(first), Some(last)) = (w.first(), w.last()) else {
        return String::new();
    };
    let raw = text[first.start..last.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    raw.split(' ')
        .map(|part| {
            let capitals = part.chars().filter(|c| c.is_uppercase()).count();
            if capitals > 1 {
                part.to_owned()
            } else {
                part.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The places of these pieces, one per kind and title (several wins may share a title).
fn distinct_places<'a>(record: &'a Index, hits: &[usize]) -> Vec<&'a Place> {
    let mut seen = std::collections::HashSet::new();
    hits.iter()
        .map(|&i| &record.places[i])
        .filter(|p| seen.insert((p.kind, p.title.as_str())))
        .collect()
}

/// `terms` less those inside a longer term of `longer`.
fn without_covered<'a>(terms: Vec<&'a Term>, longer: &[&Term]) -> Vec<&'a Term> {
    terms
        .into_iter()
        .filter(|t| {
            !longer.iter().any(|l| {
                l.stems.len() > t.stems.len()
                    && l.stems.windows(t.stems.len()).any(|w| w == t.stems)
            })
        })
        .collect()
}

/// The most used first; then phrases before words; then in the posting's order; capped.
fn ranked(mut terms: Vec<&Term>) -> Vec<&Term> {
    terms.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.stems.len().cmp(&a.stems.len()))
            .then(a.first.cmp(&b.first))
    });
    terms.truncate(TERMS_MAX);
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::keyword_record::{Piece, PlaceKind};

    fn win(id: i64, text: &str) -> Piece {
        Piece {
            place: Place {
                kind: PlaceKind::Achievement,
                id: Some(id),
                plan_id: None,
                title: format!("Win {id}"),
            },
            text: text.into(),
        }
    }

    fn shown(k: &Keywords) -> Vec<&str> {
        k.shown.iter().map(|t| t.term.as_str()).collect()
    }

    fn missing(k: &Keywords) -> Vec<&str> {
        k.missing.iter().map(|t| t.term.as_str()).collect()
    }

    #[test]
    fn a_matched_phrase_hides_its_words() {
        let k = compare(
            "Project management and budgeting. Project management of vendors.",
            &Index::build(vec![win(
                1,
                "Managed the project: project management for the migration",
            )]),
        );
        assert_eq!(shown(&k), vec!["project management"]);
        assert_eq!(k.shown[0].count, 2);
        assert_eq!(missing(&k), vec!["budgeting", "vendors"]);
    }

    #[test]
    fn a_phrase_said_once_and_found_nowhere_is_not_a_term() {
        let k = compare("Kubernetes clusters", &Index::build(vec![]));
        assert_eq!(missing(&k), vec!["kubernetes", "clusters"]);
    }

    #[test]
    fn a_repeated_missing_phrase_hides_its_words_from_missing() {
        let k = compare(
            "Kubernetes clusters. Kubernetes clusters.",
            &Index::build(vec![]),
        );
        assert_eq!(missing(&k), vec!["kubernetes clusters"]);
    }

    #[test]
    fn capitals_are_kept_and_places_capped() {
        let mut record: Vec<Piece> = (1..=5).map(|i| win(i, "Wrote SQL")).collect();
        record.push(win(5, "Wrote SQL"));
        let k = compare("Advanced SQL", &Index::build(record));
        assert_eq!(shown(&k), vec!["SQL"]);
        assert_eq!(k.shown[0].places.len(), PLACES_MAX);
        assert_eq!(k.shown[0].more, 2);
    }
}
