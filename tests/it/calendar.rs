//! The calendar export on a real file: written by the app's code, read back by npm's
//! ical.js (`ui/format-checks/ical.mjs`), and checked byte by byte for what lenient
//! parsers let through. What it should hold is worked out here with SQL of its own.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::Days;
use ladder_lib::commands::files::write_atomically;
use ladder_lib::demo::generator::{self, Scale};
use ladder_lib::infra::error::{AppError, ErrorKind};
use ladder_lib::one_on_ones::schedule::{self, ActionInput, OneOnOneStatus, Owner};
use ladder_lib::people::feedback::{self, RequestInput, ResponseInput};
use ladder_lib::people::person::{self, PersonInput};
use ladder_lib::planning::goals::{self, GoalInput, GoalStatus};
use ladder_lib::planning::milestones::{self, MilestoneInput};
use ladder_lib::planning::plans::{self, PlanInput, PlanStatus};
use ladder_lib::views::calendar::{self, CalendarSaved, EventCounts};
use ladder_lib::views::dashboard;
use serde::Deserialize;
use sqlx::SqlitePool;

use crate::common::{self, day, today};

/// The standard set's twenty quarters and 1:1s, with fewer of everything to keep it quick.
const SCALE: Scale = Scale {
    goals_per_plan: 8,
    milestones_per_goal: 4,
    check_ins_per_goal: 2,
    wins_per_plan: 2,
    resources_per_plan: 1,
    entries_per_resource: 1,
    people: 12,
    // Five or more a quarter, so some are still awaited (see the generator).
    requests_per_plan: 10,
    one_on_ones: 40,
    conversations_per_plan: 0,
    opportunities_per_plan: 0,
    expectations: 0,
    ..Scale::STANDARD
};

#[derive(Debug, Deserialize)]
struct Report {
    version: Option<String>,
    prodid: Option<String>,
    name: Option<String>,
    events: Vec<ReadEvent>,
    problems: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReadEvent {
    uid: Option<String>,
    summary: Option<String>,
    description: Option<String>,
    dtstart: Option<String>,
    dtend: Option<String>,
    dtstamp: Option<String>,
    is_date: Option<bool>,
}

impl ReadEvent {
    fn uid(&self) -> String {
        self.uid.clone().expect("a UID")
    }
    fn summary(&self) -> &str {
        self.summary.as_deref().expect("a SUMMARY")
    }
}

/// An export as the command writes it: gathered, rendered and written atomically.
async fn export(pool: &SqlitePool, plan_id: Option<i64>, dir: &Path, name: &str) -> PathBuf {
    let found = calendar::gather(
        pool,
        calendar::Scope {
            plan_id,
            pipeline: false,
        },
        today(),
    )
    .await
    .unwrap();
    let path = dir.join(name);
    write_atomically(&path, &calendar::ics(&found))
        .await
        .unwrap();
    path
}

/// Runs the ical.js check on `path`; fails the test on any problem it reports.
fn read_with_ical_js(path: &Path) -> Report {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("node")
        .arg(root.join("ui/format-checks/ical.mjs"))
        .arg(path)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: Report = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "ical.mjs printed no report ({e}): {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert!(out.status.success(), "ical.mjs exited {:?}", out.status);
    report
}

/// What lenient parsers forgive: CRLF after every line and nowhere else, no line over 75
/// octets, valid UTF-8 throughout.
fn assert_strict_bytes(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    assert!(text.ends_with("\r\n"), "the file ends with CRLF");
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "a bare LF at byte {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "a bare CR at byte {i}");
        }
    }
    for (n, line) in text.split_terminator("\r\n").enumerate() {
        assert!(
            line.len() <= 75,
            "line {} is {} octets: {line:?}",
            n + 1,
            line.len()
        );
    }
}

/// Every event is all-day and ends the day after it starts.
fn assert_all_day(events: &[ReadEvent]) {
    for e in events {
        assert_eq!(e.is_date, Some(true), "{e:?}");
        let start = day(e.dtstart.as_deref().unwrap());
        let end = day(e.dtend.as_deref().expect("a DTEND"));
        assert_eq!(end, start + Days::new(1), "{e:?}");
        assert!(e.dtstamp.as_deref().unwrap().ends_with('Z'), "{e:?}");
    }
}

/// The kind an event's summary names.
fn kind_of(summary: &str) -> &'static str {
    let kinds = [
        ("Milestone: ", "milestones"),
        ("Goal due: ", "goals"),
        ("1:1 with ", "oneOnOnes"),
        ("Feedback due from ", "feedback"),
        ("Action item: ", "actionItems"),
        ("Catch up with ", "catchUps"),
    ];
    kinds
        .iter()
        .find(|(prefix, _)| summary.starts_with(prefix))
        .map(|(_, kind)| *kind)
        .unwrap_or_else(|| panic!("a summary that names no kind: {summary}"))
}

fn counts_by_kind(events: &[ReadEvent]) -> BTreeMap<&'static str, i64> {
    let mut out = BTreeMap::new();
    for e in events {
        *out.entry(kind_of(e.summary())).or_insert(0) += 1;
    }
    out
}

fn counts_as_map(c: &EventCounts) -> BTreeMap<&'static str, i64> {
    [
        ("milestones", c.milestones),
        ("goals", c.goals),
        ("oneOnOnes", c.one_on_ones),
        ("feedback", c.feedback),
        ("actionItems", c.action_items),
        ("catchUps", c.catch_ups),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .collect()
}

/// What the calendar should hold, from the tables themselves: UID → (kind, day).
async fn expected(pool: &SqlitePool, plan_id: Option<i64>) -> BTreeMap<String, (String, String)> {
    let plan_items: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT m.uid || '@ladder', 'milestones', m.due_on FROM milestones m
           JOIN goals g ON g.id = m.goal_id JOIN plans p ON p.id = g.plan_id
          WHERE p.status IN ('draft', 'active') AND g.status NOT IN ('done', 'dropped')
            AND m.done_on IS NULL AND m.due_on IS NOT NULL AND coalesce(?1 = p.id, 1)
         UNION ALL
         SELECT g.uid || '-due@ladder', 'goals', g.due_on FROM goals g JOIN plans p ON p.id = g.plan_id
          WHERE p.status IN ('draft', 'active') AND g.status NOT IN ('done', 'dropped')
            AND g.due_on IS NOT NULL AND coalesce(?1 = p.id, 1)",
    )
    .bind(plan_id)
    .fetch_all(pool)
    .await
    .unwrap();
    let mut out: BTreeMap<String, (String, String)> = plan_items
        .into_iter()
        .map(|(uid, kind, on)| (uid, (kind, on)))
        .collect();
    if plan_id.is_some() {
        return out;
    }
    let others: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT uid || '@ladder', 'oneOnOnes', meets_on FROM one_on_ones WHERE status <> 'cancelled'
         UNION ALL
         SELECT uid || '@ladder', 'feedback', due_on FROM feedback_requests
          WHERE status = 'asked' AND due_on IS NOT NULL
         UNION ALL
         SELECT uid || '@ladder', 'actionItems', due_on FROM action_items
          WHERE done_on IS NULL AND due_on IS NOT NULL",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    out.extend(others.into_iter().map(|(uid, kind, on)| (uid, (kind, on))));
    let people: Vec<(String, Option<String>, i64)> = sqlx::query_as(
        "SELECT uid, last_contact_on, cadence_days FROM people
          WHERE archived_on IS NULL AND cadence_days IS NOT NULL",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (uid, last, cadence) in people {
        let due = match last {
            Some(last) => day(&last) + Days::new(cadence as u64),
            None => today(),
        };
        out.insert(
            format!("{uid}-catch-up@ladder"),
            ("catchUps".into(), due.to_string()),
        );
    }
    out
}

fn as_read(events: &[ReadEvent]) -> BTreeMap<String, (String, String)> {
    events
        .iter()
        .map(|e| {
            let kind = kind_of(e.summary()).to_owned();
            (e.uid(), (kind, e.dtstart.clone().unwrap()))
        })
        .collect()
}

async fn standard_set() -> common::TestDb {
    let t = common::db().await;
    generator::generate(&t.pool, today(), SCALE).await.unwrap();
    t
}

#[tokio::test]
async fn the_calendar_holds_every_dated_item_and_ical_js_reads_it_all() {
    let t = standard_set().await;
    let dir = tempfile::tempdir().unwrap();
    let path = export(&t.pool, None, dir.path(), "ladder-calendar.ics").await;
    assert_strict_bytes(&path);
    let report = read_with_ical_js(&path);
    assert_eq!(report.version.as_deref(), Some("2.0"));
    assert!(report.prodid.unwrap().starts_with("-//Ladder//Ladder "));
    assert_eq!(report.name.as_deref(), Some("Ladder"));
    assert_all_day(&report.events);

    let want = expected(&t.pool, None).await;
    assert_eq!(as_read(&report.events), want, "the events and their days");
    assert_eq!(report.events.len(), want.len(), "no UID twice");
    let by_kind = counts_by_kind(&report.events);
    for kind in [
        "milestones",
        "goals",
        "oneOnOnes",
        "feedback",
        "actionItems",
        "catchUps",
    ] {
        assert!(
            by_kind.get(kind).copied().unwrap_or(0) > 0,
            "no {kind} in {by_kind:?}"
        );
    }
    // What the command reports is what the file holds.
    let found = calendar::gather(&t.pool, calendar::Scope::default(), today())
        .await
        .unwrap();
    let saved = CalendarSaved::new(path.display().to_string(), &found);
    assert_eq!(counts_as_map(&saved.counts), by_kind);
    assert_eq!(saved.total, report.events.len() as i64);
    assert_eq!(saved.plan_title, None);
}

#[tokio::test]
async fn two_exports_of_unchanged_data_are_the_same_bytes_and_a_change_keeps_every_uid() {
    let t = standard_set().await;
    let dir = tempfile::tempdir().unwrap();
    let first = export(&t.pool, None, dir.path(), "first.ics").await;
    let second = export(&t.pool, None, dir.path(), "second.ics").await;
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );

    // Rename a milestone: its event changes, keeps its UID, and takes the new updated_at.
    let (id, uid): (i64, String) = sqlx::query_as(
        "SELECT m.id, m.uid FROM milestones m JOIN goals g ON g.id = m.goal_id
           JOIN plans p ON p.id = g.plan_id
          WHERE p.status = 'active' AND g.status IN ('not_started', 'in_progress')
            AND m.done_on IS NULL AND m.due_on IS NOT NULL ORDER BY m.id LIMIT 1",
    )
    .fetch_one(&t.pool)
    .await
    .unwrap();
    let due: String = sqlx::query_scalar("SELECT due_on FROM milestones WHERE id = ?")
        .bind(id)
        .fetch_one(&t.pool)
        .await
        .unwrap();
    milestones::update(
        &t.pool,
        id,
        MilestoneInput {
            title: "Renamed, then; moved".into(),
            due_on: Some(due),
        },
        today(),
    )
    .await
    .unwrap();
    let third = export(&t.pool, None, dir.path(), "third.ics").await;
    let before = read_with_ical_js(&first);
    let after = read_with_ical_js(&third);
    let uids = |r: &Report| r.events.iter().map(ReadEvent::uid).collect::<BTreeSet<_>>();
    assert_eq!(uids(&before), uids(&after));
    let renamed = after
        .events
        .iter()
        .find(|e| e.uid() == format!("{uid}@ladder"))
        .unwrap();
    assert_eq!(renamed.summary(), "Milestone: Renamed, then; moved");
    let updated_at: String = sqlx::query_scalar("SELECT updated_at FROM milestones WHERE id = ?")
        .bind(id)
        .fetch_one(&t.pool)
        .await
        .unwrap();
    // "2026-11-26T09:05:07.123Z" as a DATE-TIME to the second.
    assert_eq!(
        renamed.dtstamp.as_deref(),
        Some(format!("{}Z", &updated_at[..19]).as_str())
    );
}

#[tokio::test]
async fn one_plans_calendar_holds_only_its_goals_and_milestones() {
    let t = standard_set().await;
    let active = plans::list(&t.pool).await.unwrap()[0].clone();
    assert_eq!(active.status, PlanStatus::Active);
    let next = plans::create(
        &t.pool,
        PlanInput {
            title: "Q1 2027".into(),
            starts_on: Some("2027-01-01".into()),
            ends_on: Some("2027-03-31".into()),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap();
    assert_eq!(next.status, PlanStatus::Draft);
    let goal = goals::create(
        &t.pool,
        next.id,
        GoalInput {
            due_on: Some("2027-03-31".into()),
            ..common::done_goal("Run the planning offsite", common::LEADERSHIP_QUALITIES)
        },
        today(),
    )
    .await
    .unwrap();
    milestones::add(
        &t.pool,
        goal.id,
        MilestoneInput {
            title: "Book the room".into(),
            due_on: Some("2027-01-15".into()),
        },
        today(),
    )
    .await
    .unwrap();

    let dir = tempfile::tempdir().unwrap();
    let everything = read_with_ical_js(&export(&t.pool, None, dir.path(), "all.ics").await);
    let path = export(&t.pool, Some(active.id), dir.path(), "active.ics").await;
    assert_strict_bytes(&path);
    let one = read_with_ical_js(&path);
    assert_eq!(one.name, Some(format!("Ladder: {}", active.title)));
    assert_eq!(
        as_read(&one.events),
        expected(&t.pool, Some(active.id)).await
    );
    assert!(!one.events.is_empty());
    for e in &one.events {
        let kind = kind_of(e.summary());
        assert!(kind == "milestones" || kind == "goals", "{e:?}");
        assert!(everything.events.iter().any(|a| a.uid == e.uid), "{e:?}");
    }
    assert!(one
        .events
        .iter()
        .all(|e| e.summary() != "Milestone: Book the room"));

    let draft = read_with_ical_js(&export(&t.pool, Some(next.id), dir.path(), "next.ics").await);
    let got: Vec<(&str, &str)> = draft
        .events
        .iter()
        .map(|e| (e.summary(), e.dtstart.as_deref().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("Milestone: Book the room", "2027-01-15"),
            ("Goal due: Run the planning offsite", "2027-03-31")
        ]
    );
    assert_eq!(
        draft.events[0].description.as_deref(),
        Some("Goal: Run the planning offsite\nPlan: Q1 2027")
    );
}

#[tokio::test]
async fn a_closed_plan_is_refused_and_a_missing_one_is_not_found() {
    let t = standard_set().await;
    let closed = plans::list(&t.pool).await.unwrap()[1].clone();
    assert_eq!(closed.status, PlanStatus::Closed);
    let err = calendar::gather(
        &t.pool,
        calendar::Scope {
            plan_id: Some(closed.id),
            pipeline: false,
        },
        today(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(err.field(), Some("planId"));
    assert!(err.to_string().contains(&closed.title), "{err}");
    let err = calendar::gather(
        &t.pool,
        calendar::Scope {
            plan_id: Some(99_999),
            pipeline: false,
        },
        today(),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, AppError::NotFound { entity: "Plan", .. }),
        "{err}"
    );
}

async fn person(pool: &SqlitePool, name: &str, cadence: Option<i64>) -> i64 {
    person::create(
        pool,
        PersonInput {
            name: name.into(),
            cadence_days: cadence,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

async fn asked(pool: &SqlitePool, who: i64, question: &str, due: Option<&str>) -> i64 {
    let r = feedback::create_request(
        pool,
        RequestInput {
            person_id: who,
            focus_area_id: common::LEADERSHIP_QUALITIES,
            question: question.into(),
            due_on: due.map(Into::into),
            ..Default::default()
        },
        day("2026-11-20"),
    )
    .await
    .unwrap();
    feedback::mark_asked(pool, r.id, day("2026-11-20"))
        .await
        .unwrap();
    r.id
}

/// Goals and milestones for the explicit test: one of each kept, one of each left out.
async fn plan_items(pool: &SqlitePool, title: &str) {
    let plan = common::plan(pool, "Q4 2026").await;
    let goal = |title: &str, due: Option<&str>| GoalInput {
        due_on: due.map(Into::into),
        ..common::done_goal(title, common::PERFORMANCE)
    };
    let kept = goals::create(pool, plan.id, goal(title, Some("2026-12-31")), today())
        .await
        .unwrap();
    let dropped = goals::create(
        pool,
        plan.id,
        goal("Dropped goal", Some("2026-12-20")),
        today(),
    )
    .await
    .unwrap();
    goals::set_status(pool, dropped.id, GoalStatus::Dropped, today())
        .await
        .unwrap();
    for (name, due) in [
        ("Ship v2", Some("2026-12-01")),
        ("No date", None),
        ("Done", Some("2026-11-20")),
    ] {
        let m = milestones::add(
            pool,
            kept.id,
            MilestoneInput {
                title: name.into(),
                due_on: due.map(Into::into),
            },
            today(),
        )
        .await
        .unwrap();
        if name == "Done" {
            milestones::set_done(pool, m.id, true, today())
                .await
                .unwrap();
        }
    }
}

#[tokio::test]
async fn what_is_done_cancelled_declined_or_archived_stays_out_and_text_survives() {
    let t = common::db().await;
    let pool = &t.pool;
    // A goal title long enough to fold many times, in CJK and emoji.
    let long_title = "学习计划🎉 Lead the 平台 migration 👩‍💻 ".repeat(5);
    let long_title = long_title.trim().to_owned();
    plan_items(pool, &long_title).await;
    let dana = person(pool, r"Dana O'Neil, Ops; \ lead", Some(14)).await;
    sqlx::query("UPDATE people SET is_my_manager = 1 WHERE id = ?")
        .bind(dana)
        .execute(pool)
        .await
        .unwrap();
    let gone = person(pool, "Archived Ari", Some(7)).await;
    person(pool, "No cadence Noor", None).await;

    let held = common::one_on_one(pool, Some(dana), "2026-11-12").await;
    schedule::set_status(pool, held, OneOnOneStatus::Held, today())
        .await
        .unwrap();
    let cancelled = common::one_on_one(pool, Some(dana), "2026-11-19").await;
    schedule::set_status(pool, cancelled, OneOnOneStatus::Cancelled, today())
        .await
        .unwrap();
    common::one_on_one(pool, Some(dana), "2026-12-03").await;
    let action = |text: &str, owner, due: Option<&str>| ActionInput {
        text: text.into(),
        owner: Some(owner),
        due_on: due.map(Into::into),
    };
    schedule::add_action(
        pool,
        held,
        action("Send the deck, with notes", Owner::Me, Some("2026-11-30")),
    )
    .await
    .unwrap();
    schedule::add_action(pool, held, action("No due date", Owner::Them, None))
        .await
        .unwrap();
    let done = schedule::add_action(
        pool,
        held,
        action("Done already", Owner::Me, Some("2026-11-27")),
    )
    .await
    .unwrap();
    schedule::set_action_done(pool, done.id, true, today())
        .await
        .unwrap();

    asked(
        pool,
        dana,
        "How did the demo go?\nBe blunt; really, be blunt.",
        Some("2026-12-04"),
    )
    .await;
    asked(pool, dana, "No wanted-by date", None).await;
    let answered = asked(pool, dana, "Answered", Some("2026-12-05")).await;
    feedback::record_response(
        pool,
        answered,
        ResponseInput {
            response: "Good".into(),
            received_on: Some("2026-11-25".into()),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap();
    let declined = asked(pool, dana, "Declined", Some("2026-12-06")).await;
    feedback::decline(pool, declined, today()).await.unwrap();
    asked(
        pool,
        gone,
        "From someone archived later",
        Some("2026-12-07"),
    )
    .await;
    person::remove(pool, gone, today()).await.unwrap();

    let dir = tempfile::tempdir().unwrap();
    let path = export(pool, None, dir.path(), "ladder-calendar.ics").await;
    assert_strict_bytes(&path);
    let report = read_with_ical_js(&path);
    assert_all_day(&report.events);
    let got: Vec<(&str, &str, &str)> = report
        .events
        .iter()
        .map(|e| {
            (
                e.dtstart.as_deref().unwrap(),
                e.summary(),
                e.description.as_deref().unwrap_or(""),
            )
        })
        .collect();
    let dana_name = r"Dana O'Neil, Ops; \ lead";
    let goal_due = format!("Goal due: {long_title}");
    // Whichever contact counted last (the contact rules are tested with feedback).
    let last: String = sqlx::query_scalar("SELECT last_contact_on FROM people WHERE id = ?")
        .bind(dana)
        .fetch_one(pool)
        .await
        .unwrap();
    let catch_up_on = (day(&last) + Days::new(14)).to_string();
    let last_text = day(&last).format("%b %-d, %Y").to_string();
    let mut want: Vec<(&str, String, String)> = vec![
        (
            "2026-11-12",
            format!("1:1 with {dana_name}"),
            "Held.".into(),
        ),
        (
            &catch_up_on,
            format!("Catch up with {dana_name}"),
            format!("Every 14 days; last contact {last_text}."),
        ),
        (
            "2026-11-30",
            "Action item: Send the deck, with notes".into(),
            format!("Yours, from the 1:1 with {dana_name} on Nov 12, 2026."),
        ),
        (
            "2026-12-01",
            "Milestone: Ship v2".into(),
            format!("Goal: {long_title}\nPlan: Q4 2026"),
        ),
        ("2026-12-03", format!("1:1 with {dana_name}"), String::new()),
        (
            "2026-12-04",
            format!("Feedback due from {dana_name}"),
            "You asked on Nov 20, 2026: How did the demo go?\nBe blunt; really, be blunt.".into(),
        ),
        (
            "2026-12-07",
            "Feedback due from Archived Ari".into(),
            "You asked on Nov 20, 2026: From someone archived later".into(),
        ),
        ("2026-12-31", goal_due, "Plan: Q4 2026".into()),
    ];
    // Same order as the export: by day, then milestone, goal, 1:1, feedback, action, catch-up.
    let rank = |s: &str| {
        [
            "Milestone",
            "Goal due",
            "1:1",
            "Feedback",
            "Action",
            "Catch up",
        ]
        .iter()
        .position(|p| s.starts_with(p))
    };
    want.sort_by_key(|(d, s, _)| (d.to_string(), rank(s)));
    let want: Vec<(&str, &str, &str)> = want
        .iter()
        .map(|(d, s, x)| (*d, s.as_str(), x.as_str()))
        .collect();
    assert_eq!(got, want);
}

#[tokio::test]
async fn the_calendars_catch_up_day_is_the_day_the_dashboard_lists_them() {
    let t = common::db().await;
    let pool = &t.pool;
    let due_today = person(pool, "Ana", Some(14)).await;
    let later = person(pool, "Ben", Some(30)).await;
    person(pool, "Cleo", Some(7)).await; // never met
    for (id, last) in [(due_today, "2026-11-12"), (later, "2026-11-16")] {
        sqlx::query("UPDATE people SET last_contact_on = ? WHERE id = ?")
            .bind(last)
            .bind(id)
            .execute(pool)
            .await
            .unwrap();
    }
    let listed: Vec<String> = dashboard::catch_ups(pool, today())
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(listed, ["Cleo", "Ana"], "due today counts as due");

    let found = calendar::gather(pool, calendar::Scope::default(), today())
        .await
        .unwrap();
    let mut days: Vec<(String, String)> = found
        .events
        .iter()
        .map(|e| (e.on.to_string(), e.summary.clone()))
        .collect();
    days.sort();
    assert_eq!(
        days,
        [
            ("2026-11-26".to_owned(), "Catch up with Ana".to_owned()),
            ("2026-11-26".to_owned(), "Catch up with Cleo".to_owned()),
            ("2026-12-16".to_owned(), "Catch up with Ben".to_owned()),
        ]
    );
    // The day before Ana's falls due, the dashboard has only Cleo, never met.
    let yesterday = today() - Days::new(1);
    let listed: Vec<String> = dashboard::catch_ups(pool, yesterday)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(listed, ["Cleo"]);
}
