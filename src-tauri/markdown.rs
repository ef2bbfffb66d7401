//! Writing user text into Markdown exports.

/// Escapes user text for an inline CommonMark context: one line, and every character
/// that could start markup is backslash-escaped.
pub fn inline(text: &str) -> String {
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
