//! The résumé export: the profile's rules, the preview's candidates, the picks kept in
//! their order, and the file checked by an independent reader: `ui/format-checks/resume.mjs`
//! validates it with ajv against @jsonresume/schema's schema.json and renders it with
//! jsonresume-theme-even.

use std::path::Path;
use std::process::Command;

use ladder_lib::demo::generator::{self, Scale};
use ladder_lib::framework::profile::{self, Profile, ProfileInput};
use ladder_lib::infra::error::{AppError, ErrorKind};
use ladder_lib::infra::input;
use ladder_lib::learning::resources::{self, LearningStatus, ResourceInput, ResourceKind};
use ladder_lib::planning::goals::{self, GoalStatus};
use ladder_lib::views::resume::{self, ResumeChoice, ResumeDraft};
use ladder_lib::wins::win::{self, WinInput};
use serde_json::{json, Value};
use sqlx::SqlitePool;

use crate::common::{self, today};

/// What the checker printed, and how it exited.
struct Checked {
    code: i32,
    summary: Value,
}

fn check_file(file: &Path) -> Checked {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/format-checks/resume.mjs");
    let out = Command::new("node")
        .arg(script)
        .arg(file)
        .output()
        .expect("node should be on PATH (the UI needs it)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let summary = serde_json::from_str(stdout.trim()).unwrap_or_else(|e| {
        panic!(
            "the checker printed no JSON ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    Checked {
        code: out.status.code().unwrap_or(-1),
        summary,
    }
}

/// Writes `text` with the app's own writer and runs the checker on it.
async fn write_and_check(dir: &Path, text: &str) -> Checked {
    let path = dir.join("resume.json");
    ladder_lib::commands::files::write_atomically(&path, text)
        .await
        .unwrap();
    check_file(&path)
}

/// The document as JSON, to look into.
fn json_of(doc: &resume::Resume) -> Value {
    serde_json::from_str(&doc.text().unwrap()).unwrap()
}

fn full_profile() -> ProfileInput {
    ProfileInput {
        name: Some("Ana Lind".into()),
        title: Some("Senior software engineer".into()),
        company: Some("Northwind Logistics".into()),
        email: Some("ana.lind@example.com".into()),
        location: Some("Lyon, France".into()),
        url: Some("https://ana.exämple.com/cv".into()),
        summary: Some(
            "Engineer who leads by shipping: reliability, mentoring, clear plans.".into(),
        ),
    }
}

/// Four years of use, kept small enough for a quick test.
async fn demo_data(pool: &SqlitePool) {
    let scale = Scale {
        plans: 8,
        goals_per_plan: 7,
        milestones_per_goal: 1,
        check_ins_per_goal: 2,
        wins_per_plan: 4,
        resources_per_plan: 10,
        entries_per_resource: 3,
        people: 3,
        requests_per_plan: 1,
        one_on_ones: 4,
        conversations_per_plan: 0,
        opportunities_per_plan: 0,
        expectations: 0,
    };
    generator::generate(pool, today(), scale).await.unwrap();
}

fn uids<T>(items: &[T], uid: impl Fn(&T) -> &String) -> Vec<String> {
    items.iter().map(|i| uid(i).clone()).collect()
}

/// The choice the preview starts with: wins with numbers (newest five), every skill group,
/// the newest certificates and projects.
fn usual_choice(d: &ResumeDraft) -> ResumeChoice {
    let measured: Vec<_> = d
        .wins
        .iter()
        .filter(|w| w.impact.is_some())
        .take(5)
        .collect();
    ResumeChoice {
        wins: measured.iter().map(|w| w.uid.clone()).collect(),
        skills: uids(&d.skills, |s| &s.uid),
        certificates: uids(&d.certificates[..d.certificates.len().min(3)], |c| &c.uid),
        projects: uids(&d.projects[..d.projects.len().min(2)], |p| &p.uid),
    }
}

#[tokio::test]
async fn a_resume_of_years_of_data_is_valid_json_resume_and_renders() {
    let t = common::db().await;
    demo_data(&t.pool).await;
    profile::save(&t.pool, full_profile()).await.unwrap();
    // A certificate whose link holds letters RFC 3986 does not allow as they are.
    let cert = resources::create(
        &t.pool,
        ResourceInput {
            kind: Some(ResourceKind::Certification),
            title: "Certified Kubernetes Administrator".into(),
            provider: Some("CNCF".into()),
            certificate_url: Some("https://certs.exämple.org/ana?id=12|34".into()),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap();
    resources::set_manual_status(&t.pool, cert.id, Some(LearningStatus::Completed), today())
        .await
        .unwrap();

    let draft = resume::draft(&t.pool).await.unwrap();
    assert_eq!(draft.profile.name, "Ana Lind");
    assert!(draft.wins.len() >= 5 && draft.wins_total as usize == draft.wins.len());
    assert!(!draft.skills.is_empty() && !draft.projects.is_empty());
    assert_eq!(
        draft.certificates[0].name, "Certified Kubernetes Administrator",
        "newest first"
    );
    let choice = usual_choice(&draft);
    let doc = resume::document(&t.pool, &choice).await.unwrap();
    assert_eq!(doc.counts.highlights, 5);
    assert_eq!(doc.counts.skill_groups, draft.skills.len());

    let checked = write_and_check(t.path.parent().unwrap(), &doc.text().unwrap()).await;
    assert_eq!(checked.code, 0, "{}", checked.summary);
    let s = &checked.summary;
    assert_eq!(s["valid"], true);
    assert_eq!(s["name"], "Ana Lind");
    assert_eq!(s["hasName"], true, "the rendered page names the person");
    assert_eq!(
        s["hasFirstHighlight"], true,
        "and shows the first highlight"
    );
    assert!(s["htmlLength"].as_u64().unwrap() > 2_000);
    assert_eq!(
        s["sections"],
        json!({
            "work": 1,
            "highlights": 5,
            "skills": doc.counts.skill_groups,
            "certificates": 3,
            "projects": 2,
        })
    );
    // The first highlight is the newest measured win, as a sentence with its numbers.
    let first = s["firstHighlight"].as_str().unwrap();
    assert!(
        first.contains(" from ") || first.contains(" reached "),
        "{first}"
    );
    assert!(first.chars().any(|c| c.is_ascii_digit()), "{first}");
    assert_eq!(
        json_of(&doc)["certificates"][0]["url"],
        "https://certs.ex%C3%A4mple.org/ana?id=12%7C34"
    );
    assert_eq!(
        json_of(&doc)["basics"]["location"],
        json!({ "city": "Lyon, France" })
    );
}

#[tokio::test]
async fn a_broken_resume_is_reported_invalid_so_the_check_can_fail() {
    let t = common::db().await;
    profile::save(&t.pool, full_profile()).await.unwrap();
    let doc = resume::document(&t.pool, &ResumeChoice::default())
        .await
        .unwrap();
    let dir = t.path.parent().unwrap();
    assert_eq!(write_and_check(dir, &doc.text().unwrap()).await.code, 0);

    // What the profile's rules keep out, put in by hand.
    let mut broken = json_of(&doc);
    broken["basics"]["email"] = json!("ana at example dot com");
    broken["basics"]["url"] = json!("not a web address");
    let text = serde_json::to_string_pretty(&broken).unwrap();
    let checked = write_and_check(dir, &text).await;
    assert_eq!(checked.code, 1, "{}", checked.summary);
    assert_eq!(checked.summary["valid"], false);
    let errors = checked.summary["errors"].to_string();
    assert!(errors.contains("/basics/email"), "{errors}");
    assert!(errors.contains("/basics/url"), "{errors}");

    std::fs::write(dir.join("resume.json"), "{ not json").unwrap();
    assert_eq!(check_file(&dir.join("resume.json")).code, 2);
}

/// Three wins on three days; returns their uids oldest first.
async fn three_wins(pool: &SqlitePool) -> Vec<String> {
    let wins = [
        (
            "Automated the weekly report",
            "2026-09-01",
            Some((6.0, 0.5)),
        ),
        ("Ran the incident review", "2026-10-01", None),
        ("Sped up the nightly load", "2026-11-01", Some((95.0, 30.0))),
    ];
    for (title, on, numbers) in wins {
        win::create(
            pool,
            WinInput {
                title: title.into(),
                occurred_on: Some(on.into()),
                focus_area_id: Some(common::PERFORMANCE),
                impact_metric: numbers.map(|_| "Hours spent each week".into()),
                impact_unit: numbers.map(|_| "hours".into()),
                impact_before: numbers.map(|n| n.0),
                impact_after: numbers.map(|n| n.1),
                ..Default::default()
            },
            today(),
        )
        .await
        .unwrap();
    }
    let draft = resume::draft(pool).await.unwrap();
    let mut uids = uids(&draft.wins, |w| &w.uid);
    uids.reverse();
    uids
}

#[tokio::test]
async fn highlights_keep_the_order_chosen_and_unpicked_wins_stay_out() {
    let t = common::db().await;
    profile::save(&t.pool, full_profile()).await.unwrap();
    let wins = three_wins(&t.pool).await;
    let draft = resume::draft(&t.pool).await.unwrap();
    assert_eq!(
        draft
            .wins
            .iter()
            .map(|w| (w.title.as_str(), w.impact.as_deref()))
            .collect::<Vec<_>>(),
        [
            (
                "Sped up the nightly load",
                Some("Hours spent each week: 95 → 30 hours")
            ),
            ("Ran the incident review", None),
            (
                "Automated the weekly report",
                Some("Hours spent each week: 6 → 0.5 hours")
            ),
        ],
        "newest first, with their impact"
    );
    // The oldest first, then the newest; the one in the middle left out. Named twice, once.
    let choice = ResumeChoice {
        wins: vec![wins[0].clone(), wins[2].clone(), wins[0].clone()],
        ..Default::default()
    };
    let doc = resume::document(&t.pool, &choice).await.unwrap();
    assert_eq!(
        json_of(&doc)["work"],
        json!([{
            "name": "Northwind Logistics",
            "position": "Senior software engineer",
            "highlights": [
                "Automated the weekly report: hours spent each week from 6 to 0.5 hours",
                "Sped up the nightly load: hours spent each week from 95 to 30 hours",
            ],
        }])
    );
    assert!(!doc.text().unwrap().contains("incident review"));
    assert_eq!(doc.counts.highlights, 2);
}

#[tokio::test]
async fn skills_come_from_facets_principles_and_completed_courses_in_the_order_chosen() {
    let t = common::db().await;
    let plan = common::plan(&t.pool, "Q4").await;
    let facet = |name: &'static str| {
        let pool = t.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT id FROM facets WHERE name = ?")
                .bind(name)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let mut goal = common::metric_goal("Halve escaped defects", common::PERFORMANCE, 20.0, 10.0);
    goal.facet_ids = Some(vec![
        facet("High-quality work").await,
        facet("Exceeding KPIs").await,
    ]);
    goal.principle_ids = Some(vec![7]);
    let goal = goals::create(&t.pool, plan.id, goal, today())
        .await
        .unwrap();
    goals::set_status(&t.pool, goal.id, GoalStatus::Done, today())
        .await
        .unwrap();
    let course = resources::create(
        &t.pool,
        ResourceInput {
            kind: Some(ResourceKind::Course),
            title: "Site reliability engineering".into(),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap();
    resources::set_manual_status(&t.pool, course.id, Some(LearningStatus::Completed), today())
        .await
        .unwrap();

    let draft = resume::draft(&t.pool).await.unwrap();
    let groups: Vec<(&str, Vec<&str>)> = draft
        .skills
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.keywords.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            (
                "Performance Excellence",
                vec!["Exceeding KPIs", "High-quality work"]
            ),
            (
                "Leadership Principles",
                vec!["Insist on the Highest Standards"]
            ),
            ("Continuous Learning", vec!["Site reliability engineering"]),
        ]
    );
    assert_eq!(draft.projects.len(), 1);
    assert_eq!(
        draft.projects[0].impact.as_deref(),
        Some("Escaped defects: 20 → 10 defects"),
        "no check-in: the target it was marked done at"
    );
    let choice = ResumeChoice {
        skills: vec![draft.skills[2].uid.clone(), draft.skills[0].uid.clone()],
        projects: vec![draft.projects[0].uid.clone()],
        ..Default::default()
    };
    let doc = resume::document(&t.pool, &choice).await.unwrap();
    assert_eq!(
        json_of(&doc)["skills"],
        json!([
            { "name": "Continuous Learning", "keywords": ["Site reliability engineering"] },
            { "name": "Performance Excellence", "keywords": ["Exceeding KPIs", "High-quality work"] },
        ])
    );
    assert_eq!(
        json_of(&doc)["projects"],
        json!([{
            "name": "Halve escaped defects",
            "description": "Escaped defects from 20 to 10 defects",
            "startDate": plan.starts_on.to_string(),
            "endDate": today().to_string(),
            "keywords": ["Exceeding KPIs", "High-quality work"],
        }])
    );
    let checked = write_and_check(t.path.parent().unwrap(), &doc.text().unwrap()).await;
    assert_eq!(checked.code, 0, "{}", checked.summary);
}

#[tokio::test]
async fn a_pick_that_names_nothing_is_refused_at_its_list() {
    let t = common::db().await;
    three_wins(&t.pool).await;
    for (choice, field) in [
        (
            ResumeChoice {
                wins: vec!["0190a0a0-0000-7000-8000-000000000000".into()],
                ..Default::default()
            },
            "wins",
        ),
        (
            ResumeChoice {
                certificates: vec!["gone".into()],
                ..Default::default()
            },
            "certificates",
        ),
        (
            ResumeChoice {
                skills: vec!["x".repeat(10_000)],
                ..Default::default()
            },
            "skills",
        ),
        (
            ResumeChoice {
                projects: vec!["p".into(); 501],
                ..Default::default()
            },
            "projects",
        ),
    ] {
        let err = resume::document(&t.pool, &choice).await.unwrap_err();
        assert_invalid(err, field);
    }
    // What the UI sends is read like every input: an unknown list is named.
    let err = input::parse::<ResumeChoice>(json!({
        "wins": [], "skills": [], "certificates": [], "projects": [], "awards": []
    }))
    .unwrap_err();
    assert_invalid(err, "awards");
}

fn assert_invalid(err: AppError, field: &str) {
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::Invalid, Some(field)),
        "{err}"
    );
}

#[tokio::test]
async fn the_profile_starts_empty_and_keeps_what_is_not_sent() {
    let t = common::db().await;
    assert_eq!(profile::get(&t.pool).await.unwrap(), Profile::default());
    let saved = profile::save(
        &t.pool,
        ProfileInput {
            name: Some("  Ana Lind ".into()),
            email: Some(" ana@example.com ".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (saved.name.as_str(), saved.email.as_str()),
        ("Ana Lind", "ana@example.com")
    );
    let saved = profile::save(
        &t.pool,
        ProfileInput {
            email: Some(String::new()),
            url: Some("  ".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (
            saved.name.as_str(),
            saved.email.as_str(),
            saved.url.as_str()
        ),
        ("Ana Lind", "", ""),
        "an empty text clears its field; a field not sent stays"
    );
}

#[tokio::test]
async fn every_profile_rule_refuses_at_its_field_and_writes_nothing() {
    let t = common::db().await;
    profile::save(&t.pool, full_profile()).await.unwrap();
    let before = profile::get(&t.pool).await.unwrap();
    let long = "x".repeat(201);
    let cases: Vec<(ProfileInput, &str)> = vec![
        (
            ProfileInput {
                name: Some(long.clone()),
                ..Default::default()
            },
            "name",
        ),
        (
            ProfileInput {
                name: Some("Ana\nLind".into()),
                ..Default::default()
            },
            "name",
        ),
        (
            ProfileInput {
                title: Some(long.clone()),
                ..Default::default()
            },
            "title",
        ),
        (
            ProfileInput {
                title: Some("Lead\u{0}".into()),
                ..Default::default()
            },
            "title",
        ),
        (
            ProfileInput {
                company: Some(long.clone()),
                ..Default::default()
            },
            "company",
        ),
        (
            ProfileInput {
                company: Some("A\tB".into()),
                ..Default::default()
            },
            "company",
        ),
        (
            ProfileInput {
                location: Some(long.clone()),
                ..Default::default()
            },
            "location",
        ),
        (
            ProfileInput {
                location: Some("Lyon\u{2028}France".into()),
                ..Default::default()
            },
            "location",
        ),
        (
            ProfileInput {
                email: Some("ana".into()),
                ..Default::default()
            },
            "email",
        ),
        (
            ProfileInput {
                email: Some("ana@example".into()),
                ..Default::default()
            },
            "email",
        ),
        (
            ProfileInput {
                email: Some("ana lind@example.com".into()),
                ..Default::default()
            },
            "email",
        ),
        (
            ProfileInput {
                email: Some("anä@exämple.com".into()),
                ..Default::default()
            },
            "email",
        ),
        (
            ProfileInput {
                email: Some(format!("{}@example.com", "a".repeat(250))),
                ..Default::default()
            },
            "email",
        ),
        (
            ProfileInput {
                url: Some("javascript:alert(1)".into()),
                ..Default::default()
            },
            "url",
        ),
        (
            ProfileInput {
                url: Some("ftp://example.com".into()),
                ..Default::default()
            },
            "url",
        ),
        (
            ProfileInput {
                url: Some("https://".into()),
                ..Default::default()
            },
            "url",
        ),
        (
            ProfileInput {
                url: Some(format!("https://e.com/{}", "a".repeat(2_048))),
                ..Default::default()
            },
            "url",
        ),
        (
            ProfileInput {
                summary: Some("a".repeat(20_001)),
                ..Default::default()
            },
            "summary",
        ),
        (
            ProfileInput {
                summary: Some("bell\u{7}".into()),
                ..Default::default()
            },
            "summary",
        ),
        // One bad field spoils the whole save, good fields with it.
        (
            ProfileInput {
                name: Some("Someone Else".into()),
                email: Some("bad".into()),
                ..Default::default()
            },
            "email",
        ),
    ];
    for (input, field) in cases {
        let err = profile::save(&t.pool, input).await.unwrap_err();
        assert_invalid(err, field);
    }
    assert_eq!(
        profile::get(&t.pool).await.unwrap(),
        before,
        "nothing was written"
    );
    let err = input::parse::<ProfileInput>(json!({ "name": "Ana", "phone": "123" })).unwrap_err();
    assert_invalid(err, "phone");
    let err = input::parse::<ProfileInput>(json!({ "name": 5 })).unwrap_err();
    assert_invalid(err, "name");
}
