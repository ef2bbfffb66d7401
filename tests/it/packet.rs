//! The promotion packet with the clock fixed: a range picks exactly the record inside it
//! (both edges in), wins grouped by focus area and by principle with their numbers,
//! feedback offered but left out, readiness for the role; bad ranges refused at their
//! field; and the Markdown read back by an independent CommonMark parser, hostile text
//! and all, so what the user typed is what a reader sees.

use ladder_lib::infra::error::ErrorKind;
use ladder_lib::planning::goals;
use ladder_lib::planning::kinds::GoalStatus;
use ladder_lib::readiness::expectations::{self, ExpectationInput};
use ladder_lib::readiness::roles::{self, TargetRoleInput};
use ladder_lib::views::packet::{self, Packet, PacketItem, SectionKind};
use ladder_lib::views::packet_markdown::{self, DraftSection, PacketDraft};
use ladder_lib::wins::story::{self, Story};
use ladder_lib::wins::win::{self, WinInput};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::json;
use sqlx::SqlitePool;

use crate::common::{self, day, today, LEADERSHIP_QUALITIES, PERFORMANCE};

async fn add_win(pool: &SqlitePool, title: &str, on: &str, area: i64, principles: &[i64]) -> i64 {
    win::create(
        pool,
        WinInput {
            title: title.into(),
            occurred_on: Some(on.into()),
            focus_area_id: Some(area),
            principle_ids: Some(principles.to_vec()),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap()
    .id
}

async fn exec(pool: &SqlitePool, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(pool)
        .await
        .unwrap();
}

/// October 2026 and what lies just outside it, in every section.
async fn record(pool: &SqlitePool) {
    let plan = common::plan(pool, "Q4").await;
    let metric = goals::create(
        pool,
        plan.id,
        common::metric_goal("Fewer escaped defects", PERFORMANCE, 12.0, 4.0),
        today(),
    )
    .await
    .unwrap();
    goals::set_status(pool, metric.id, GoalStatus::Done, day("2026-10-15"))
        .await
        .unwrap();
    let late = goals::create(
        pool,
        plan.id,
        common::done_goal("Ship the late thing", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    goals::set_status(pool, late.id, GoalStatus::Done, day("2026-11-05"))
        .await
        .unwrap();
    goals::create(
        pool,
        plan.id,
        common::done_goal("Still open", LEADERSHIP_QUALITIES),
        today(),
    )
    .await
    .unwrap();

    add_win(pool, "Before the range", "2026-09-30", PERFORMANCE, &[1]).await;
    let first = win::create(
        pool,
        WinInput {
            title: "Cut failed releases".into(),
            occurred_on: Some("2026-10-01".into()),
            focus_area_id: Some(PERFORMANCE),
            impact_metric: Some("Failed releases".into()),
            impact_unit: Some("per month".into()),
            impact_before: Some(8.0),
            impact_after: Some(1.0),
            higher_is_better: Some(false),
            principle_ids: Some(vec![1, 2]),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap();
    add_win(
        pool,
        "Ran the planning",
        "2026-10-31",
        LEADERSHIP_QUALITIES,
        &[2],
    )
    .await;
    let after = add_win(pool, "After the range", "2026-11-01", PERFORMANCE, &[1]).await;
    let star = |s: &str| Story {
        situation: s.into(),
        task: "Fix it".into(),
        action: "Did".into(),
        result: "Done".into(),
    };
    story::save(pool, first.id, star("Releases failed"), today())
        .await
        .unwrap();
    story::save(pool, after, star("Outside"), today())
        .await
        .unwrap();

    exec(
        pool,
        "INSERT INTO people (id, name, role) VALUES (1, 'Ana', 'Staff engineer'), (2, 'Bo', '')",
    )
    .await;
    exec(
        pool,
        "INSERT INTO feedback_received (person_id, received_on, what, tone) VALUES
        (1, '2026-10-10', 'Your rollout plan *saved* us', 'positive'),
        (2, '2026-10-12', 'Say no more often', 'constructive'),
        (1, '2026-11-02', 'Outside the range', 'positive')",
    )
    .await;
    exec(
        pool,
        "INSERT INTO resources (kind, title, provider, status, completed_on) VALUES
        ('certification', 'AWS Solutions Architect', 'AWS', 'completed', '2026-10-20'),
        ('book', 'A book', '', 'completed', '2026-10-20'),
        ('course', 'Later course', '', 'completed', '2026-12-01'),
        ('course', 'Unfinished course', '', 'in_progress', NULL)",
    )
    .await;
    exec(
        pool,
        "INSERT INTO conversations (id, kind, held_on, topic) VALUES
        (1, 'mentoring_given', '2026-10-05', 'Career talk with a new hire'),
        (2, 'mentoring_received', '2026-10-06', 'My own mentor'),
        (3, 'mentoring_given', '2026-11-10', 'Outside the range')",
    )
    .await;
    exec(
        pool,
        "INSERT INTO conversation_people (conversation_id, person_id) VALUES (1, 2)",
    )
    .await;

    let role = roles::create(
        pool,
        TargetRoleInput {
            title: "Staff Engineer".into(),
            level: None,
            notes: None,
        },
        today(),
    )
    .await
    .unwrap();
    for text in ["Leads a cross-team project", "Mentors two engineers"] {
        let input = ExpectationInput {
            focus_area_id: Some(PERFORMANCE),
            competency: None,
            expected: text.into(),
        };
        expectations::create(pool, role.id, input, today())
            .await
            .unwrap();
    }
}

fn section(p: &Packet, kind: SectionKind) -> &[PacketItem] {
    &p.sections.iter().find(|s| s.kind == kind).unwrap().items
}

fn texts(p: &Packet, kind: SectionKind) -> Vec<&str> {
    section(p, kind).iter().map(|i| i.text.as_str()).collect()
}

#[tokio::test]
async fn a_range_picks_exactly_what_lies_inside_it_edges_included() {
    let db = common::db().await;
    record(&db.pool).await;
    let p = packet::assemble(&db.pool, "2026-10-01", "2026-10-31", None, today())
        .await
        .unwrap();
    let kinds: Vec<SectionKind> = p.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        SectionKind::ALL,
        "every section, in the default order"
    );
    assert_eq!(p.role_name.as_deref(), Some("Staff Engineer"));
    assert!(!p.empty);
    assert_eq!(texts(&p, SectionKind::Goals), ["Fewer escaped defects"]);
    let goal = &section(&p, SectionKind::Goals)[0];
    assert_eq!(goal.key.split(':').next(), Some("goal"));
    assert_eq!(
        goal.detail.as_deref(),
        Some("Escaped defects: 12 → 4 defects (target 4 defects) · done Oct 15, 2026")
    );
    assert_eq!(
        texts(&p, SectionKind::Wins),
        [
            "Cut failed releases: failed releases from 8 to 1 per month",
            "Ran the planning"
        ],
        "the wins of Oct 1 and Oct 31, with their numbers; Sep 30 and Nov 1 left out"
    );
    assert_eq!(texts(&p, SectionKind::Stories), ["Cut failed releases"]);
    assert_eq!(
        section(&p, SectionKind::Stories)[0].detail.as_deref(),
        Some("Situation: Releases failed\nTask: Fix it\nAction: Did\nResult: Done")
    );
    assert_eq!(
        texts(&p, SectionKind::Feedback),
        ["Your rollout plan *saved* us", "Say no more often"]
    );
    assert!(
        section(&p, SectionKind::Feedback)
            .iter()
            .all(|i| !i.included),
        "quotes start left out"
    );
    assert_eq!(
        section(&p, SectionKind::Feedback)[0].detail.as_deref(),
        Some("Ana, Staff engineer · Oct 10, 2026")
    );
    assert_eq!(
        texts(&p, SectionKind::Learning),
        ["AWS Solutions Architect"]
    );
    assert_eq!(
        texts(&p, SectionKind::Mentoring),
        ["Career talk with a new hire"],
        "given, not received"
    );
    assert_eq!(
        section(&p, SectionKind::Mentoring)[0].detail.as_deref(),
        Some("with Bo · Oct 5, 2026")
    );
    let everything_else_included = p
        .sections
        .iter()
        .filter(|s| s.kind != SectionKind::Feedback)
        .all(|s| s.items.iter().all(|i| i.included));
    assert!(everything_else_included);
    let ready = texts(&p, SectionKind::Readiness);
    assert_eq!(ready[0], "Staff Engineer: 0 of 2 expectations met (0 %)");
    assert!(
        ready
            .iter()
            .any(|t| t.starts_with("Largest gap: Performance Excellence")),
        "{ready:?}"
    );
}

#[tokio::test]
async fn wins_are_grouped_by_focus_area_and_by_principle() {
    let db = common::db().await;
    record(&db.pool).await;
    let p = packet::assemble(&db.pool, "2026-10-01", "2026-10-31", None, today())
        .await
        .unwrap();
    let groups: Vec<Option<&str>> = section(&p, SectionKind::Wins)
        .iter()
        .map(|i| i.group.as_deref())
        .collect();
    assert_eq!(
        groups,
        [Some("Performance Excellence"), Some("Leadership Qualities")]
    );
    let names: Vec<String> =
        sqlx::query_scalar("SELECT name FROM principles WHERE id IN (1, 2) ORDER BY position, id")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    let principles = section(&p, SectionKind::Principles);
    assert_eq!(principles.len(), 2);
    let by_name = |name: &str| {
        principles
            .iter()
            .find(|i| i.text.starts_with(name))
            .unwrap()
    };
    assert_eq!(by_name(&names[0]).text, format!("{}: 1 win", names[0]));
    assert_eq!(
        by_name(&names[0]).detail.as_deref(),
        Some("Cut failed releases")
    );
    assert_eq!(by_name(&names[1]).text, format!("{}: 2 wins", names[1]));
    assert_eq!(
        by_name(&names[1]).detail.as_deref(),
        Some("Cut failed releases; Ran the planning")
    );
}

#[tokio::test]
async fn a_range_with_nothing_in_it_is_empty_but_still_reads_readiness() {
    let db = common::db().await;
    record(&db.pool).await;
    let p = packet::assemble(&db.pool, "2025-01-01", "2025-03-31", None, today())
        .await
        .unwrap();
    assert!(p.empty);
    assert!(p
        .sections
        .iter()
        .filter(|s| s.kind != SectionKind::Readiness)
        .all(|s| s.items.is_empty() && s.total == 0));
    assert!(!section(&p, SectionKind::Readiness).is_empty());
    let none = common::db().await;
    let p = packet::assemble(&none.pool, "2025-01-01", "2025-03-31", None, today())
        .await
        .unwrap();
    assert_eq!(
        (p.role_name.as_deref(), p.title.as_str()),
        (None, "Promotion packet")
    );
    assert!(section(&p, SectionKind::Readiness).is_empty());
}

#[tokio::test]
async fn bad_ranges_are_refused_at_their_field() {
    let db = common::db().await;
    for (from, to, field) in [
        ("2026-10-31", "2026-10-01", "to"),
        ("yesterday", "2026-10-01", "from"),
        ("2026-10-01", "2026-02-30", "to"),
        ("2020-01-01", "2025-01-01", "to"),
        ("1800-01-01", "1800-02-01", "from"),
    ] {
        let err = packet::assemble(&db.pool, from, to, None, today())
            .await
            .unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Invalid, Some(field)),
            "{from}..{to}"
        );
    }
    assert!(
        packet::assemble(&db.pool, "2020-01-02", "2025-01-01", None, today())
            .await
            .is_ok(),
        "just under five years"
    );
    let err = packet::assemble(&db.pool, "2026-10-01", "2026-10-31", Some(999), today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

const HOSTILE: [&str; 12] = [
    "# Not a heading *emph* _em_ [link](http://x) <b>html</b> `code`",
    "1. starts like a numbered list",
    "- starts like a bullet",
    "> starts like a quote",
    "+ plus and = equals",
    "=== underline",
    "*** rule",
    "&amp; an entity, \\ a backslash and a trailing one \\",
    "~~strike~~ | pipe | ^sup^ $math$ {#id} [^1] [[wiki]]",
    "<!-- comment --> <script>alert(1)</script>",
    "2026) a date-like start",
    ": a definition-like start",
];

fn item(key: &str, text: &str, detail: Option<&str>, group: Option<&str>) -> PacketItem {
    PacketItem {
        key: key.into(),
        text: text.into(),
        detail: detail.map(Into::into),
        group: group.map(Into::into),
        included: true,
    }
}

fn draft(title: &str, sections: Vec<DraftSection>) -> PacketDraft {
    PacketDraft {
        title: title.into(),
        from: "2026-10-01".into(),
        to: "2026-12-31".into(),
        role_name: Some("Staff *Engineer*".into()),
        sections,
    }
}

#[test]
fn the_markdown_shows_exactly_what_the_user_wrote() {
    let wins: Vec<PacketItem> = HOSTILE
        .iter()
        .enumerate()
        .map(|(n, t)| {
            item(
                &format!("win:{n}"),
                t,
                None,
                Some(if n < 6 { "Performance" } else { "# Leadership" }),
            )
        })
        .collect();
    let mut left_out = item("win:99", "Left out", None, None);
    left_out.included = false;
    let quote = item(
        "feedback:1",
        "First paragraph *not emphasis*\n\n1. second paragraph",
        Some("Ana, Staff engineer · Oct 10, 2026"),
        None,
    );
    let d = draft(
        HOSTILE[0],
        vec![
            // Sent in another order than the packet's: written in the packet's.
            DraftSection {
                kind: SectionKind::Feedback,
                items: vec![quote],
            },
            DraftSection {
                kind: SectionKind::Wins,
                items: [wins, vec![left_out]].concat(),
            },
            DraftSection {
                kind: SectionKind::Stories,
                items: vec![item(
                    "story:1",
                    "- A story",
                    Some("Situation: <x>\nResult: 1. done"),
                    None,
                )],
            },
            DraftSection {
                kind: SectionKind::Goals,
                items: vec![item(
                    "goal:1",
                    "Goal",
                    Some("Escaped defects: 12 → 4 defects"),
                    None,
                )],
            },
            DraftSection {
                kind: SectionKind::Learning,
                items: vec![],
            },
        ],
    );
    let md = packet_markdown::render(&d).unwrap();
    let mut expected: Vec<(String, String)> = vec![
        ("h1".into(), HOSTILE[0].into()),
        (
            "p".into(),
            "Oct 1, 2026 to Dec 31, 2026. Target role: Staff *Engineer*.".into(),
        ),
        ("h2".into(), "Goals achieved".into()),
        (
            "item".into(),
            "Goal\nEscaped defects: 12 → 4 defects".into(),
        ),
        ("h2".into(), "Wins and their impact".into()),
        ("h3".into(), "Performance".into()),
    ];
    expected.extend(
        HOSTILE[..6]
            .iter()
            .map(|t| ("item".to_owned(), t.to_string())),
    );
    expected.push(("h3".into(), "# Leadership".into()));
    expected.extend(
        HOSTILE[6..]
            .iter()
            .map(|t| ("item".to_owned(), t.to_string())),
    );
    expected.extend([
        ("h2".into(), "STAR stories".into()),
        ("h3".into(), "- A story".into()),
        ("p".into(), "Situation: <x>".into()),
        ("p".into(), "Result: 1. done".into()),
        ("h2".into(), "What others said".into()),
        ("quote".into(), "First paragraph *not emphasis*\n\n1. second paragraph\n\n— Ana, Staff engineer · Oct 10, 2026".into()),
    ]);
    let extensions = Options::all() - Options::ENABLE_SMART_PUNCTUATION;
    for options in [Options::empty(), extensions] {
        assert_eq!(read(&md, options), expected, "{options:?}\n{md}");
    }
}

/// What a reader sees: headings, list items, quotes and top-level paragraphs with their
/// text, and anything else (emphasis, links, HTML, code) named "unexpected" so the test fails.
fn read(md: &str, options: Options) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut stack: Vec<String> = Vec::new();
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(tag) => {
                let name = match tag {
                    Tag::Heading { level, .. } => format!("{level}"),
                    Tag::Item => "item".into(),
                    Tag::BlockQuote(_) => "quote".into(),
                    Tag::Paragraph if stack.is_empty() => "p".into(),
                    Tag::Paragraph => {
                        if !text.is_empty() {
                            text.push_str("\n\n");
                        }
                        continue;
                    }
                    Tag::List(None) => continue,
                    other => {
                        out.push(("unexpected".into(), format!("{other:?}")));
                        continue;
                    }
                };
                stack.push(name);
                text.clear();
            }
            Event::End(TagEnd::Paragraph) if stack.last().is_some_and(|s| s != "p") => {}
            Event::End(TagEnd::List(false)) => {}
            Event::End(_) => {
                if let Some(name) = stack.pop() {
                    out.push((name, std::mem::take(&mut text)));
                }
            }
            Event::Text(t) => text.push_str(&t),
            Event::HardBreak => text.push('\n'),
            Event::SoftBreak => text.push(' '),
            other => out.push(("unexpected".into(), format!("{other:?}"))),
        }
    }
    out
}

#[test]
fn empty_sections_and_left_out_items_write_nothing() {
    let mut out = item("win:1", "Not this", None, None);
    out.included = false;
    let d = draft(
        "Packet",
        vec![DraftSection {
            kind: SectionKind::Wins,
            items: vec![out, item("win:2", "   ", None, None)],
        }],
    );
    let md = packet_markdown::render(&d).unwrap();
    assert_eq!(
        md,
        "# Packet\n\nOct 1, 2026 to Dec 31, 2026. Target role: Staff \\*Engineer\\*.\n"
    );
}

#[test]
fn a_draft_past_its_limits_is_refused_at_its_field() {
    let ok = || draft("Packet", vec![]);
    let cases: Vec<(PacketDraft, &str)> = vec![
        (
            PacketDraft {
                title: " ".into(),
                ..ok()
            },
            "title",
        ),
        (
            PacketDraft {
                title: "x".repeat(201),
                ..ok()
            },
            "title",
        ),
        (
            PacketDraft {
                to: "2026-09-01".into(),
                ..ok()
            },
            "to",
        ),
        (
            PacketDraft {
                from: "soon".into(),
                ..ok()
            },
            "from",
        ),
        (
            PacketDraft {
                role_name: Some("r".repeat(201)),
                ..ok()
            },
            "roleName",
        ),
        (
            PacketDraft {
                sections: vec![
                    DraftSection {
                        kind: SectionKind::Wins,
                        items: vec![],
                    },
                    DraftSection {
                        kind: SectionKind::Wins,
                        items: vec![],
                    },
                ],
                ..ok()
            },
            "sections",
        ),
        (
            PacketDraft {
                sections: vec![DraftSection {
                    kind: SectionKind::Wins,
                    items: vec![item("k", "t", None, None); 501],
                }],
                ..ok()
            },
            "items",
        ),
        (
            PacketDraft {
                sections: vec![DraftSection {
                    kind: SectionKind::Wins,
                    items: vec![item("k", &"t".repeat(20_001), None, None)],
                }],
                ..ok()
            },
            "text",
        ),
        (
            PacketDraft {
                sections: vec![DraftSection {
                    kind: SectionKind::Wins,
                    items: vec![item(&"k".repeat(101), "t", None, None)],
                }],
                ..ok()
            },
            "key",
        ),
        (
            PacketDraft {
                sections: SectionKind::ALL
                    .iter()
                    .map(|kind| DraftSection {
                        kind: *kind,
                        items: vec![item("k", &"t".repeat(19_000), None, None); 10],
                    })
                    .collect(),
                ..ok()
            },
            "sections",
        ),
    ];
    for (d, field) in cases {
        let err = packet_markdown::render(&d).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Invalid, Some(field)));
    }
}

#[test]
fn a_draft_as_the_ui_sends_it_is_parsed_strictly() {
    let good = json!({
        "title": "Packet", "from": "2026-10-01", "to": "2026-10-31", "roleName": null,
        "sections": [{ "kind": "wins", "items": [
            { "key": "win:1", "text": "A win", "detail": null, "group": null, "included": true }
        ]}]
    });
    let d = packet_markdown::parse(good.clone()).unwrap();
    assert!(packet_markdown::render(&d).unwrap().contains("- A win\n"));
    let mut extra = good.clone();
    extra["sections"][0]["items"][0]["html"] = json!("<b>");
    let err = packet_markdown::parse(extra).unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::Invalid, Some("html"))
    );
    let mut kind = good;
    kind["sections"][0]["kind"] = json!("secrets");
    assert_eq!(
        packet_markdown::parse(kind).unwrap_err().kind(),
        ErrorKind::Invalid
    );
}

#[tokio::test]
async fn readiness_is_read_for_the_role_asked_for_and_long_lists_are_cut_with_their_total() {
    let db = common::db().await;
    record(&db.pool).await;
    let other = roles::create(
        &db.pool,
        TargetRoleInput {
            title: "Principal Engineer".into(),
            level: None,
            notes: None,
        },
        today(),
    )
    .await
    .unwrap();
    let p = packet::assemble(
        &db.pool,
        "2026-10-01",
        "2026-10-31",
        Some(other.id),
        today(),
    )
    .await
    .unwrap();
    assert_eq!(p.role_name.as_deref(), Some("Principal Engineer"));
    assert_eq!(
        texts(&p, SectionKind::Readiness),
        ["Principal Engineer: no expectations written down yet"]
    );
    exec(
        &db.pool,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 510)
         INSERT INTO achievements (occurred_on, title) SELECT '2026-10-20', 'Win ' || i FROM n",
    )
    .await;
    let p = packet::assemble(&db.pool, "2026-10-01", "2026-10-31", None, today())
        .await
        .unwrap();
    let wins = p
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Wins)
        .unwrap();
    assert_eq!(
        (wins.items.len() as i64, wins.total),
        (packet::ITEMS_MAX, 512)
    );
}
