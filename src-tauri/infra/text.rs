//! Text helpers shared by features: numbers as people write them, user text made safe
//! for Markdown exports.

use chrono::NaiveDate;

/// Escapes user text for an inline CommonMark context: one line, and every character
/// that could start markup is backslash-escaped.
pub(crate) fn markdown_inline(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len());
    for ch in one_line.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// 12.0 → "12", 12.5 → "12.5".
pub(crate) fn trim_number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// `text` on one line, cut to `max` characters with an ellipsis.
pub(crate) fn one_line(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// A date as the agenda and its export write it: "Nov 26, 2026".
pub(crate) fn long_date(d: NaiveDate) -> String {
    d.format("%b %-d, %Y").to_string()
}
