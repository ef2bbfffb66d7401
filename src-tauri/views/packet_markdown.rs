//! The promotion packet as CommonMark, from the draft the UI sends back: the user's title,
//! the sections in the packet's order with the items they kept, in their order and their
//! wording. Pure, so every rule of the format is tested against a real parser.
//!
//! Everything in a draft is user text, so every character that could start markup is
//! backslash-escaped (CommonMark lets any ASCII punctuation be escaped and shows it as
//! itself), and so is what only means something at the start of a line (`-`, `+`, `=`,
//! `:`, `1.`, `1)`). That covers the common extensions too (tables, strikethrough, math,
//! super- and subscript, heading attributes, footnotes, wiki links). A line is never indented and never ends in spaces, so no line turns into
//! code or a hard break by accident. Feedback is quoted as a block quote; a STAR story
//! gets a heading; anything else is a list item with its detail after a line break.

use serde::Deserialize;
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};
use crate::infra::input;
use crate::infra::limits::TITLE_MAX;
use crate::infra::text::long_date;
use crate::views::packet::{self, PacketItem, SectionKind};

/// Items per section a draft may carry.
pub const DRAFT_ITEMS_MAX: usize = 500;
/// Characters of one item's text or detail at most.
const ITEM_TEXT_MAX: usize = 20_000;
/// Characters of a whole draft at most: far more than any packet anyone reads.
const DRAFT_CHARS_MAX: usize = 1_000_000;
const KEY_MAX: usize = 100;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct PacketDraft {
    pub title: String,
    pub from: String,
    pub to: String,
    pub role_name: Option<String>,
    /// Each kind at most once; written in the packet's own order.
    pub sections: Vec<DraftSection>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct DraftSection {
    pub kind: SectionKind,
    /// In the order the user put them; those not `included` are left out.
    pub items: Vec<PacketItem>,
}

/// Refuses a draft the packet could not have come from: an empty or long title, a bad
/// range, a section twice, too many items, or text past the limits.
pub fn check(draft: &PacketDraft) -> AppResult<()> {
    let title = draft.title.trim();
    if title.is_empty() {
        return Err(AppError::invalid("title", "Give the packet a title."));
    }
    if title.chars().count() > TITLE_MAX {
        return Err(AppError::invalid(
            "title",
            format!("Keep the title to {TITLE_MAX} characters."),
        ));
    }
    packet::range(&draft.from, &draft.to)?;
    let mut chars = draft.title.len() + draft.role_name.as_ref().map_or(0, String::len);
    if draft
        .role_name
        .as_ref()
        .is_some_and(|r| r.chars().count() > TITLE_MAX)
    {
        return Err(AppError::invalid("roleName", "The role name is too long."));
    }
    for (at, section) in draft.sections.iter().enumerate() {
        if draft.sections[..at].iter().any(|s| s.kind == section.kind) {
            return Err(AppError::invalid("sections", "A section is there twice."));
        }
        if section.items.len() > DRAFT_ITEMS_MAX {
            return Err(AppError::invalid(
                "items",
                format!("A section holds at most {DRAFT_ITEMS_MAX} items."),
            ));
        }
        for item in &section.items {
            chars += check_item(item)?;
        }
    }
    if chars > DRAFT_CHARS_MAX {
        return Err(AppError::invalid(
            "sections",
            "The packet is too long to export; leave some items out.",
        ));
    }
    Ok(())
}

/// The item's size in bytes, once its parts are within their limits.
fn check_item(item: &PacketItem) -> AppResult<usize> {
    let long = |s: &str| s.chars().count() > ITEM_TEXT_MAX;
    if item.key.chars().count() > KEY_MAX {
        return Err(AppError::invalid("key", "An item's key is too long."));
    }
    if long(&item.text) || item.detail.as_deref().is_some_and(long) {
        return Err(AppError::invalid(
            "text",
            format!("Keep each item to {ITEM_TEXT_MAX} characters."),
        ));
    }
    if item
        .group
        .as_ref()
        .is_some_and(|g| g.chars().count() > TITLE_MAX)
    {
        return Err(AppError::invalid("group", "A group name is too long."));
    }
    Ok(item.text.len() + item.detail.as_ref().map_or(0, String::len))
}

/// Parses and checks a draft as the UI sends it.
pub fn parse(value: serde_json::Value) -> AppResult<PacketDraft> {
    let draft: PacketDraft = input::parse(value)?;
    check(&draft)?;
    Ok(draft)
}

/// The packet as CommonMark, ending with a newline.
pub fn render(draft: &PacketDraft) -> AppResult<String> {
    check(draft)?;
    let (from, to) = packet::range(&draft.from, &draft.to)?;
    let mut md = format!("# {}\n\n", one_line(&draft.title));
    let mut intro = format!("{} to {}", long_date(from), long_date(to));
    if let Some(role) = draft
        .role_name
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        intro.push_str(&format!(". Target role: {}", one_line(role)));
    }
    md.push_str(&format!("{intro}.\n"));
    for kind in SectionKind::ALL {
        let Some(section) = draft.sections.iter().find(|s| s.kind == kind) else {
            continue;
        };
        let kept: Vec<&PacketItem> = section
            .items
            .iter()
            .filter(|i| i.included && !i.text.trim().is_empty())
            .collect();
        if kept.is_empty() {
            continue;
        }
        md.push_str(&format!("\n## {}\n", kind.heading()));
        match kind {
            SectionKind::Feedback => quotes(&mut md, &kept),
            SectionKind::Stories => stories(&mut md, &kept),
            _ => list(&mut md, &kept),
        }
    }
    Ok(md)
}

/// Items as a list, a `###` sub-heading wherever the group changes.
fn list(md: &mut String, items: &[&PacketItem]) {
    let mut group: Option<&str> = None;
    let mut open = false;
    for item in items {
        let this = item
            .group
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty());
        if this.is_some() && this != group {
            md.push_str(&format!("\n### {}\n", one_line(this.unwrap_or_default())));
            open = false;
        }
        group = this.or(group);
        if !open {
            md.push('\n');
            open = true;
        }
        let mut all = lines(&item.text);
        all.extend(item.detail.as_deref().map(lines).unwrap_or_default());
        md.push_str(&format!("- {}\n", all.join("\\\n  ")));
    }
}

/// Each quote a block quote, its paragraphs kept, then who said it and when.
fn quotes(md: &mut String, items: &[&PacketItem]) {
    for item in items {
        md.push('\n');
        let mut paragraphs = paragraphs(&item.text);
        if let Some(who) = item
            .detail
            .as_deref()
            .map(one_line)
            .filter(|w| !w.is_empty())
        {
            paragraphs.push(format!("— {who}"));
        }
        md.push_str(&format!("> {}\n", paragraphs.join("\n>\n> ")));
    }
}

/// Each story under its own heading, its lines as paragraphs.
fn stories(md: &mut String, items: &[&PacketItem]) {
    for item in items {
        md.push_str(&format!("\n### {}\n", one_line(&item.text)));
        for line in item.detail.as_deref().map(lines).unwrap_or_default() {
            md.push_str(&format!("\n{line}\n"));
        }
    }
}

/// The text's lines, each escaped, blank ones dropped.
fn lines(text: &str) -> Vec<String> {
    text.split(['\n', '\r'])
        .map(escape_line)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The text's paragraphs (split at blank lines), the lines of each kept with hard breaks
/// and, inside a block quote, marked as quoted.
fn paragraphs(text: &str) -> Vec<String> {
    let normal = text.replace("\r\n", "\n").replace('\r', "\n");
    normal
        .split("\n\n")
        .map(|p| lines(p).join("\\\n> "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The text on one line (for a heading), escaped.
fn one_line(text: &str) -> String {
    escape_line(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// One line of user text made literal: trimmed, control characters dropped, every
/// markup character escaped, and a leading list, heading or underline marker too.
pub(crate) fn escape_line(line: &str) -> String {
    let clean: String = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    let clean = clean.trim();
    let mut out = String::with_capacity(clean.len() + 8);
    let digits = clean.chars().take_while(char::is_ascii_digit).count();
    for (at, ch) in clean.chars().enumerate() {
        let markup = matches!(
            ch,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '!'
                | '&'
                | '|'
                | '~'
                | '^'
                | '$'
                | '{'
                | '}'
        );
        let leading = at == 0 && matches!(ch, '-' | '+' | '=' | ':');
        let numbered = at == digits && digits > 0 && matches!(ch, '.' | ')');
        if markup || leading || numbered {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape_line;

    #[test]
    fn markup_is_escaped_and_plain_text_is_left_alone() {
        assert_eq!(escape_line("Cut costs by 20%"), "Cut costs by 20%");
        assert_eq!(escape_line("1. first"), "1\\. first");
        assert_eq!(escape_line("- dash"), "\\- dash");
        assert_eq!(escape_line("a - b"), "a - b");
        assert_eq!(escape_line("*bold* & <b>"), "\\*bold\\* \\& \\<b\\>");
        assert_eq!(escape_line("  \ttabbed\u{0}  "), "tabbed");
        assert_eq!(escape_line("2026) year"), "2026\\) year");
    }
}
