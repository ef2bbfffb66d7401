//! The record's words, stemmed once and kept between checks. A record of a few thousand
//! wins and courses is a hundred thousand words: stemming them on every check would take
//! far longer than the posting itself. The index is built again when the record changes,
//! which a cheap fingerprint of the tables it reads tells (row counts, the newest id and
//! the newest `updated_at` of each), or when another database file is open.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use sqlx::{AssertSqlSafe, SqliteConnection, SqlitePool};

use crate::infra::error::AppResult;
use crate::infra::words;
use crate::views::keyword_record::{self, Place};

/// Between runs in `words`, so that no phrase matches across two.
const SEP: u32 = u32::MAX;

/// The tables the record is read from (`keyword_record`), for the fingerprint.
const TABLES: [&str; 12] = [
    "achievements",
    "stories",
    "resources",
    "goals",
    "plans",
    "profile",
    "focus_areas",
    "facets",
    "principles",
    "goal_facets",
    "goal_principles",
    "achievement_principles",
];

pub(super) struct Index {
    pub places: Vec<Place>,
    vocabulary: HashMap<String, u32>,
    /// Every word of the record as its stem's number, runs apart by `SEP`.
    words: Vec<u32>,
    /// The piece each entry of `words` belongs to.
    piece_of: Vec<u32>,
    /// For each stem's number, where it stands in `words`, in order.
    at: Vec<Vec<u32>>,
}

impl Index {
    pub(super) fn build(pieces: Vec<keyword_record::Piece>) -> Index {
        let mut index = Index {
            places: Vec::with_capacity(pieces.len()),
            vocabulary: HashMap::new(),
            words: Vec::new(),
            piece_of: Vec::new(),
            at: Vec::new(),
        };
        for (p, piece) in pieces.into_iter().enumerate() {
            for run in words::runs(&piece.text) {
                for w in run {
                    let next = index.at.len() as u32;
                    let id = *index.vocabulary.entry(w.stem).or_insert(next);
                    if id == next {
                        index.at.push(Vec::new());
                    }
                    index.at[id as usize].push(index.words.len() as u32);
                    index.words.push(id);
                    index.piece_of.push(p as u32);
                }
                index.words.push(SEP);
                index.piece_of.push(p as u32);
            }
            index.places.push(piece.place);
        }
        index
    }

    /// The pieces that have these stems in a row, each once, in the record's order.
    pub fn pieces_with(&self, stems: &[String]) -> Vec<usize> {
        let Some(ids) = stems
            .iter()
            .map(|s| self.vocabulary.get(s).copied())
            .collect::<Option<Vec<u32>>>()
        else {
            return Vec::new();
        };
        // Walk the rarest word's places and look around each.
        let Some((k, rarest)) = ids
            .iter()
            .enumerate()
            .min_by_key(|(_, id)| self.at[**id as usize].len())
        else {
            return Vec::new();
        };
        let mut found: Vec<usize> = Vec::new();
        for &at in &self.at[*rarest as usize] {
            let Some(start) = (at as usize).checked_sub(k) else {
                continue;
            };
            let in_a_row = ids
                .iter()
                .enumerate()
                .all(|(i, id)| self.words.get(start + i) == Some(id));
            let piece = self.piece_of[start] as usize;
            if in_a_row && found.last() != Some(&piece) {
                found.push(piece);
            }
        }
        found
    }
}

struct Cached {
    file: PathBuf,
    fingerprint: String,
    index: Arc<Index>,
}

static CACHE: Mutex<Option<Cached>> = Mutex::new(None);

/// The index of the record in `pool`'s database: the one kept when the record has not
/// changed since, else a new one.
pub(super) async fn current(pool: &SqlitePool) -> AppResult<Arc<Index>> {
    let file = pool.connect_options().get_filename().to_path_buf();
    let mut conn = pool.acquire().await?;
    let print = fingerprint(&mut conn).await?;
    if let Ok(cache) = CACHE.lock() {
        if let Some(c) = cache.as_ref() {
            if c.file == file && c.fingerprint == print {
                return Ok(c.index.clone());
            }
        }
    }
    let index = Arc::new(Index::build(keyword_record::pieces(&mut conn).await?));
    if let Ok(mut cache) = CACHE.lock() {
        *cache = Some(Cached {
            file,
            fingerprint: print,
            index: index.clone(),
        });
    }
    Ok(index)
}

async fn fingerprint(conn: &mut SqliteConnection) -> AppResult<String> {
    let parts: Vec<String> = TABLES
        .iter()
        .map(|t| {
            format!(
                "SELECT count(*) || ',' || coalesce(max(rowid), 0) || ',' || coalesce(max(updated_at), '') FROM {t}"
            )
        })
        .collect();
    let sql = format!(
        "SELECT {}",
        parts
            .iter()
            .map(|p| format!("({p})"))
            .collect::<Vec<_>>()
            .join(" || '|' || ")
    );
    Ok(sqlx::query_scalar(AssertSqlSafe(sql))
        .fetch_one(conn)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::keyword_record::{Piece, PlaceKind};

    fn piece(text: &str) -> Piece {
        Piece {
            place: Place {
                kind: PlaceKind::Achievement,
                id: Some(1),
                plan_id: None,
                title: text.into(),
            },
            text: text.into(),
        }
    }

    fn stems(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn phrases_match_in_a_row_within_a_run_once_per_piece() {
        let index = Index::build(vec![
            piece("Project management, project management"),
            piece("Project. Management"),
            piece("management of the project"),
            piece("Managed the project"),
        ]);
        assert_eq!(index.pieces_with(&stems("project manag")), vec![0]);
        assert_eq!(index.pieces_with(&stems("manag")), vec![0, 1, 2, 3]);
        assert_eq!(index.pieces_with(&stems("kubernet")), Vec::<usize>::new());
    }
}
