//! A small iCalendar (RFC 5545) writer, so an export can go into any calendar app.
//!
//! It knows only the format, not what Ladder puts in it: content lines ended by CRLF and
//! folded at 75 octets (never inside a UTF-8 character), TEXT values escaped, DATE and
//! UTC DATE-TIME values, and all-day events. Calendar apps differ in how much they
//! forgive; everything written here follows the RFC so none has to.

use chrono::{DateTime, NaiveDate, Utc};

/// The longest content line RFC 5545 allows, in octets, not counting the CRLF.
pub const MAX_LINE_OCTETS: usize = 75;

/// An all-day event: `DTSTART;VALUE=DATE` on `on`, `DTEND` the next day.
#[derive(Debug, Clone, Copy)]
pub struct AllDayEvent<'a> {
    /// Globally unique and stable across exports, so an import updates instead of
    /// repeating.
    pub uid: &'a str,
    /// When the event's data last changed (`DTSTAMP`).
    pub stamp: DateTime<Utc>,
    pub on: NaiveDate,
    pub summary: &'a str,
    /// Left out when empty.
    pub description: &'a str,
}

/// A VCALENDAR being written. `finish` closes it and returns the text.
#[derive(Debug)]
pub struct Writer {
    out: String,
}

impl Writer {
    /// Opens a calendar with `VERSION`, the product identifier `prodid` (for example
    /// `-//Ladder//Ladder 1.0//EN`) and the name calendar apps show for it.
    pub fn calendar(prodid: &str, name: &str) -> Self {
        let mut w = Writer { out: String::new() };
        w.line("BEGIN:VCALENDAR");
        w.line("VERSION:2.0");
        w.text("PRODID", prodid);
        w.line("CALSCALE:GREGORIAN");
        w.line("METHOD:PUBLISH");
        w.text("NAME", name);
        w.text("X-WR-CALNAME", name);
        w
    }

    /// One all-day VEVENT. Transparent: a reminder of a date does not make the user busy.
    pub fn all_day_event(&mut self, event: &AllDayEvent<'_>) {
        self.line("BEGIN:VEVENT");
        self.text("UID", event.uid);
        self.utc("DTSTAMP", event.stamp);
        self.date("DTSTART", event.on);
        // With no next day (the end of chrono's range) RFC 5545 makes a DATE event last
        // one day anyway.
        if let Some(next) = event.on.succ_opt() {
            self.date("DTEND", next);
        }
        self.text("SUMMARY", event.summary);
        if !event.description.is_empty() {
            self.text("DESCRIPTION", event.description);
        }
        self.line("TRANSP:TRANSPARENT");
        self.line("END:VEVENT");
    }

    /// `NAME:value` with the value escaped as TEXT.
    pub fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    /// `NAME;VALUE=DATE:YYYYMMDD`.
    pub fn date(&mut self, name: &str, on: NaiveDate) {
        self.line(&format!("{name};VALUE=DATE:{}", on.format("%Y%m%d")));
    }

    /// `NAME:YYYYMMDDTHHMMSSZ`, a UTC DATE-TIME (seconds; finer parts are dropped).
    pub fn utc(&mut self, name: &str, at: DateTime<Utc>) {
        self.line(&format!("{name}:{}", at.format("%Y%m%dT%H%M%SZ")));
    }

    /// A content line as given, folded and ended with CRLF.
    pub fn line(&mut self, content: &str) {
        fold_into(&mut self.out, content);
    }

    /// Closes the calendar.
    pub fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.out
    }
}

/// Escapes a TEXT value: backslash, semicolon and comma get a backslash, every line break
/// (CRLF, CR or LF) becomes `\n`, and the control characters TEXT may not hold are left
/// out (a tab stays).
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + value.len() / 8);
    let mut chars = value.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `content` as folded lines, each ended with CRLF: at most 75 octets per line, the
/// continuation lines starting with one space, and every break between two characters.
pub fn fold(content: &str) -> String {
    let mut out = String::with_capacity(content.len() + content.len() / 30 + 2);
    fold_into(&mut out, content);
    out
}

fn fold_into(out: &mut String, content: &str) {
    // The first line holds 75 octets; a continuation line's leading space takes one.
    let mut room = MAX_LINE_OCTETS;
    let mut used = 0;
    for ch in content.chars() {
        let width = ch.len_utf8();
        if used + width > room {
            out.push_str("\r\n ");
            room = MAX_LINE_OCTETS - 1;
            used = 0;
        }
        out.push(ch);
        used += width;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-26T09:05:07.123Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Undoes the folding as a reader must: a CRLF followed by one space or tab goes.
    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "").replace("\r\n\t", "")
    }

    /// Every line of `text` ends in CRLF and fits in 75 octets.
    fn assert_well_formed(text: &str) {
        assert!(text.ends_with("\r\n"), "ends with CRLF");
        for line in text.split_terminator("\r\n") {
            assert!(
                !line.contains('\n') && !line.contains('\r'),
                "bare LF or CR in {line:?}"
            );
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line:?}",
                line.len()
            );
        }
    }

    #[test]
    fn every_special_character_is_escaped() {
        assert_eq!(
            escape_text(r"a\b;c,d"),
            r"a\\b\;c\,d",
            "backslash, semicolon, comma"
        );
        assert_eq!(
            escape_text("one\ntwo\r\nthree\rfour"),
            r"one\ntwo\nthree\nfour"
        );
        assert_eq!(
            escape_text("\\n"),
            r"\\n",
            "a typed backslash-n stays two characters"
        );
        assert_eq!(escape_text("tab\there"), "tab\there");
        assert_eq!(escape_text("bell\u{7}null\u{0}del\u{7f}"), "bellnulldel");
        assert_eq!(
            escape_text(":colon \"quote\""),
            ":colon \"quote\"",
            "safe in TEXT"
        );
        assert_eq!(escape_text(""), "");
    }

    #[test]
    fn short_lines_are_left_whole() {
        assert_eq!(fold("SUMMARY:Hi"), "SUMMARY:Hi\r\n");
        let exactly = "X".repeat(75);
        assert_eq!(fold(&exactly), format!("{exactly}\r\n"));
        assert_eq!(
            fold(&"X".repeat(76)),
            format!("{}\r\n X\r\n", "X".repeat(75))
        );
    }

    #[test]
    fn long_ascii_folds_at_75_octets_and_unfolds_to_the_original() {
        let line = format!("DESCRIPTION:{}", "abcdefghij".repeat(40));
        let folded = fold(&line);
        assert_well_formed(&folded);
        let lines: Vec<&str> = folded.split_terminator("\r\n").collect();
        assert_eq!(lines[0].len(), 75);
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        assert!(lines[1..lines.len() - 1].iter().all(|l| l.len() == 75));
        assert_eq!(unfold(&folded), format!("{line}\r\n"));
    }

    #[test]
    fn emoji_and_cjk_fold_between_characters_never_inside_one() {
        // 4-octet emoji (with a 3-octet variation selector and a ZWJ sequence), 3-octet
        // CJK, 2-octet accents, at every offset from the property name.
        let texts = [
            "🎉".repeat(60),
            "学习计划".repeat(40),
            "éàü".repeat(70),
            "👩‍💻🏳️‍🌈✔️".repeat(20),
            "a学🎉é".repeat(30),
        ];
        for text in &texts {
            for pad in 0..5 {
                let line = format!("SUMMARY:{}{}", "x".repeat(pad), text);
                let folded = fold(&line);
                assert_well_formed(&folded);
                // Each physical line is valid UTF-8 on its own: no character was cut.
                for piece in folded.as_bytes().split(|b| *b == b'\n') {
                    assert!(std::str::from_utf8(piece).is_ok(), "a cut character");
                }
                assert_eq!(unfold(&folded), format!("{line}\r\n"));
            }
        }
    }

    #[test]
    fn a_line_of_one_wide_character_uses_the_room_it_has() {
        // 18 emoji fill 72 octets; with "X:" the first line takes 18, not more.
        let folded = fold(&format!("X:{}", "🎉".repeat(40)));
        let lines: Vec<&str> = folded.split_terminator("\r\n").collect();
        assert_eq!(lines[0].len(), 2 + 18 * 4);
        assert_eq!(lines[1].len(), 1 + 18 * 4);
    }

    #[test]
    fn escaped_text_that_needs_folding_keeps_its_escapes_readable() {
        let mut w = Writer::calendar("-//Test//EN", "Test");
        let summary = "Milestone: ship v2, then; rest\\relax\n".repeat(5);
        w.text("SUMMARY", &summary);
        let text = w.finish();
        assert_well_formed(&text);
        let unfolded = unfold(&text);
        assert!(unfolded.contains(&format!("SUMMARY:{}", escape_text(&summary))));
    }

    #[test]
    fn an_all_day_event_has_every_required_property() {
        let mut w = Writer::calendar("-//Ladder//Ladder 0.1.0//EN", "Ladder");
        w.all_day_event(&AllDayEvent {
            uid: "0190-abc@ladder",
            stamp: stamp(),
            on: day("2026-12-31"),
            summary: "Milestone: Close the year",
            description: "Goal: Ship, review",
        });
        w.all_day_event(&AllDayEvent {
            uid: "0190-def@ladder",
            stamp: stamp(),
            on: day("2028-02-28"),
            summary: "Leap",
            description: "",
        });
        let text = w.finish();
        assert_well_formed(&text);
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Ladder//Ladder 0.1.0//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "NAME:Ladder",
            "X-WR-CALNAME:Ladder",
            "BEGIN:VEVENT",
            "UID:0190-abc@ladder",
            "DTSTAMP:20261126T090507Z",
            "DTSTART;VALUE=DATE:20261231",
            "DTEND;VALUE=DATE:20270101",
            "SUMMARY:Milestone: Close the year",
            "DESCRIPTION:Goal: Ship\\, review",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:0190-def@ladder",
            "DTSTAMP:20261126T090507Z",
            "DTSTART;VALUE=DATE:20280228",
            "DTEND;VALUE=DATE:20280229",
            "SUMMARY:Leap",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "END:VCALENDAR",
        ];
        assert_eq!(text, format!("{}\r\n", expected.join("\r\n")));
    }

    #[test]
    fn the_last_day_chrono_knows_has_no_dtend() {
        let mut w = Writer::calendar("-//Test//EN", "Test");
        w.all_day_event(&AllDayEvent {
            uid: "end@test",
            stamp: stamp(),
            on: NaiveDate::MAX,
            summary: "The end",
            description: "",
        });
        let text = w.finish();
        assert!(text.contains("DTSTART;VALUE=DATE:"));
        assert!(!text.contains("DTEND"));
    }
}
