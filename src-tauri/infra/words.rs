//! Words for matching one text against another without a network: the text cut into
//! words, lower-cased, stop words left out, each word stemmed (Snowball English, so
//! "managed", "managing" and "management" meet), and the words kept in runs so that
//! multi-word terms ("project management") can be matched as phrases.
//!
//! A run is a stretch of words with nothing between them but spaces, hyphens or
//! slashes; a stop word, a number, a line break or other punctuation ends it, so a
//! phrase never spans two bullet points or two sentences.

use rust_stemmers::{Algorithm, Stemmer};

/// One word as it stands in the text: its stem, and where it is (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub stem: String,
    pub start: usize,
    pub end: usize,
}

/// Words that say nothing about a skill: English function words, and the boilerplate
/// of job postings ("strong experience working in a team"). Sorted, for the binary
/// search; compared with the word lower-cased, before stemming.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "a", "abilities", "ability", "able", "about", "above", "across", "after", "again",
    "against", "ago", "all", "along", "also", "am", "among", "an", "and", "any", "apply", "are",
    "around", "as", "ask", "asking", "asks", "at", "be", "because", "been", "before", "being",
    "below", "benefits", "best", "between", "bonus", "both", "but", "by", "can", "candidate",
    "candidates", "cannot", "company", "could", "day", "days", "demonstrated", "desired", "did",
    "do", "does", "doing", "don", "down", "during", "dynamic", "each", "eg", "eight", "either",
    "employer", "ensure", "environment", "equal", "especially", "etc", "even", "every",
    "excellent", "exceptional", "experience", "experienced", "experiences", "extensive",
    "familiar", "familiarity", "fast", "few", "first", "five", "for", "four", "from", "further",
    "get", "good", "great", "had", "hands", "has", "have", "having", "he", "help", "her",
    "here", "hers", "high", "highly", "him", "his", "how", "hundred", "i", "ideal", "ideally",
    "ie", "if", "in", "include", "includes", "including", "into", "is", "it", "its", "itself",
    "job", "join", "just", "key", "knowledge", "least", "less", "like", "looking", "love",
    "make", "many", "may", "me", "minimum", "more", "most", "much", "must", "my", "need",
    "needs", "new", "nice", "nine", "no", "nor", "not", "now", "of", "off", "on", "once", "one",
    "only", "opportunity", "or", "other", "our", "ours", "out", "over", "own", "paced",
    "passion", "passionate", "per", "plus", "position", "possible", "preferred", "proven",
    "qualification", "qualifications", "re", "related", "relevant", "required", "requirement",
    "requirements", "responsibilities", "responsible", "role", "roles", "same", "second",
    "seek", "seeking", "seven", "she", "should", "six", "skill", "skills", "so", "solid",
    "some", "strong", "such", "team", "teams", "ten", "than", "that", "the", "their", "theirs",
    "them", "then", "there", "these", "they", "third", "this", "those", "three", "through",
    "to", "too", "twenty", "two", "under", "understanding", "until", "up", "us", "use", "used",
    "using", "very", "want", "was", "way", "ways", "we", "well", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "within", "without",
    "work", "worked", "working", "works", "would", "year", "years", "you", "your", "yours",
    "yourself",
];

/// True for a stop word (`word` lower-cased).
pub(crate) fn is_stop(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// What a character does between words.
#[derive(PartialEq)]
enum Gap {
    /// Spaces, hyphens, slashes: the next word goes on the same run.
    Join,
    /// Anything else: the run ends.
    Break,
}

fn gap(c: char) -> Gap {
    match c {
        ' ' | '\t' | '-' | '/' | '_' | '\u{a0}' => Gap::Join,
        _ => Gap::Break,
    }
}

/// The words of `text` in runs (see the module doc). Each word is at least two
/// characters and not only digits.
pub(crate) fn runs(text: &str) -> Vec<Vec<Word>> {
    let stemmer = Stemmer::create(Algorithm::English);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut runs = Vec::new();
    let mut run = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if !c.is_alphanumeric() {
            if gap(c) == Gap::Break {
                end_run(&mut runs, &mut run);
            }
            i += 1;
            continue;
        }
        let (end, next) = word_end(&chars, i, text.len());
        if let Some((end, next, stem)) = compound(&stemmer, text, &chars, (at, end), next) {
            match stem {
                Some(stem) => run.push(Word {
                    stem,
                    start: at,
                    end,
                }),
                None => end_run(&mut runs, &mut run),
            }
            i = next;
            continue;
        }
        match stem(&stemmer, &text[at..end]) {
            Some(stem) => run.push(Word {
                stem,
                start: at,
                end,
            }),
            None => end_run(&mut runs, &mut run),
        }
        i = next;
    }
    end_run(&mut runs, &mut run);
    runs
}

fn end_run(runs: &mut Vec<Vec<Word>>, run: &mut Vec<Word>) {
    if !run.is_empty() {
        runs.push(std::mem::take(run));
    }
}

/// Where the word starting at `chars[i]` ends (a byte offset) and the index to read on
/// from. Letters and digits make the word; a trailing "+" or "#" stays on it ("C++",
/// "C#"); an apostrophe and the letters after it are read and dropped ("team's").
fn word_end(chars: &[(usize, char)], mut i: usize, len: usize) -> (usize, usize) {
    let byte_at = |i: usize| chars.get(i).map_or(len, |(b, _)| *b);
    while i < chars.len() && chars[i].1.is_alphanumeric() {
        i += 1;
    }
    let mut end = byte_at(i);
    let apostrophe = |c: char| c == '\'' || c == '\u{2019}';
    if i + 1 < chars.len() && apostrophe(chars[i].1) && chars[i + 1].1.is_alphabetic() {
        i += 1;
        while i < chars.len() && chars[i].1.is_alphanumeric() {
            i += 1;
        }
        return (end, i);
    }
    while i < chars.len() && matches!(chars[i].1, '+' | '#') {
        i += 1;
        end = byte_at(i);
    }
    (end, i)
}

/// A part of a compound that would not count alone: a stop word, a letter, a number.
fn weak(part: &str) -> bool {
    part.chars().count() < 2 || part.chars().all(char::is_numeric) || is_stop(part)
}

/// A hyphenated compound with a weak part ("on-call", "end-to-end", "e-commerce") is one
/// word, so that it is not cut down to its one strong part ("call"). Returns where it
/// ends, the index to read on from, and its stem (None when every part is weak,
/// "5-year"). Compounds of strong parts ("cross-functional") are left to be read word by
/// word: they then meet "cross functional" written without the hyphen.
fn compound(
    stemmer: &Stemmer,
    text: &str,
    chars: &[(usize, char)],
    first: (usize, usize),
    mut next: usize,
) -> Option<(usize, usize, Option<String>)> {
    let mut parts = vec![first];
    while next + 1 < chars.len() && chars[next].1 == '-' && chars[next + 1].1.is_alphanumeric() {
        let (end, after) = word_end(chars, next + 1, text.len());
        parts.push((chars[next + 1].0, end));
        next = after;
    }
    let lower: Vec<String> = parts
        .iter()
        .map(|(a, b)| text[*a..*b].to_lowercase())
        .collect();
    if parts.len() < 2 || !lower.iter().any(|p| weak(p)) {
        return None;
    }
    let end = parts.last().map_or(first.1, |p| p.1);
    if lower.iter().all(|p| weak(p)) {
        return Some((end, next, None));
    }
    let (last, head) = lower.split_last()?;
    let mut stem = head.join("-");
    stem.push('-');
    stem.push_str(&stemmer.stem(last));
    Some((end, next, Some(stem)))
}

/// The word's stem, or None for a word that does not count: a stop word, a single
/// character, a number.
fn stem(stemmer: &Stemmer, word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let bare = lower.trim_end_matches(['+', '#']);
    if lower.chars().count() < 2 || bare.chars().all(|c| c.is_numeric()) || is_stop(&lower) {
        return None;
    }
    if lower.ends_with(['+', '#']) {
        return Some(lower);
    }
    Some(stemmer.stem(&lower).into_owned())
}

/// The stems of consecutive words joined by one space: the key a term is matched by.
pub(crate) fn key_into(buf: &mut String, words: &[Word]) {
    buf.clear();
    for (n, w) in words.iter().enumerate() {
        if n > 0 {
            buf.push(' ');
        }
        buf.push_str(&w.stem);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<Vec<String>> {
        runs(text)
            .into_iter()
            .map(|r| r.into_iter().map(|w| w.stem).collect())
            .collect()
    }

    #[test]
    fn stop_words_are_sorted_and_lower_case() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "sort STOP_WORDS"
        );
        assert!(STOP_WORDS.iter().all(|w| w.to_lowercase() == *w));
    }

    #[test]
    fn forms_of_a_word_share_a_stem() {
        assert_eq!(
            stems("managed, managing; management"),
            vec![vec!["manag"], vec!["manag"], vec!["manag"]]
        );
    }

    #[test]
    fn stop_words_numbers_and_single_letters_end_a_run() {
        assert_eq!(
            stems("5 years of Project Management with a strong team"),
            vec![vec!["project", "manag"]]
        );
    }

    #[test]
    fn hyphens_and_slashes_join_punctuation_breaks() {
        assert_eq!(
            stems("cross-functional CI/CD. Data analysis\nSQL"),
            vec![
                vec!["cross", "function", "ci", "cd"],
                vec!["data", "analysi"],
                vec!["sql"]
            ]
        );
    }

    #[test]
    fn plus_and_hash_stay_on_a_word_and_apostrophes_drop_the_tail() {
        assert_eq!(
            stems("C++ and C# across the product's roadmap, 10+ of them"),
            vec![vec!["c++"], vec!["c#"], vec!["product", "roadmap"]]
        );
    }

    #[test]
    fn a_compound_with_a_weak_part_is_one_word() {
        assert_eq!(
            stems("On-call rotas, end-to-end; cross-team e-commerce. A 5-year plan"),
            vec![
                vec!["on-call", "rota"],
                vec!["end-to-end"],
                vec!["cross-team", "e-commerc"],
                vec!["plan"]
            ]
        );
    }

    #[test]
    fn offsets_point_at_the_words() {
        let text = "Élan — stakeholder-management";
        let words: Vec<Word> = runs(text).into_iter().flatten().collect();
        let surfaces: Vec<&str> = words.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(surfaces, vec!["Élan", "stakeholder", "management"]);
    }

    #[test]
    fn empty_and_punctuation_only_text_has_no_runs() {
        assert!(runs("").is_empty());
        assert!(runs(" .,;— \n").is_empty());
        assert!(runs("the and of").is_empty());
    }

    #[test]
    fn key_joins_stems() {
        let words: Vec<Word> = runs("Project managers").remove(0);
        let mut buf = String::from("old");
        key_into(&mut buf, &words);
        assert_eq!(buf, "project manag");
    }
}
