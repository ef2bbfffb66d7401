//! Résumé keywords: a posting's terms matched against a real record (wins, courses,
//! goals, the profile), through the same functions the commands call; and the refusals.

use ladder_lib::framework::profile::{self, ProfileInput};
use ladder_lib::infra::error::ErrorKind;
use ladder_lib::learning::resources::{self, LearningStatus, ResourceInput, ResourceKind};
use ladder_lib::mobility::opportunities::{self, OpportunityInput};
use ladder_lib::planning::goals::{self, GoalStatus};
use ladder_lib::views::keyword_record::PlaceKind;
use ladder_lib::views::keywords::{self, Keywords, TEXT_MAX};
use ladder_lib::wins::win::{self, WinInput};
use sqlx::SqlitePool;

use crate::common::{self, done_goal, today, PERFORMANCE};

async fn win(pool: &SqlitePool, title: &str, description: &str) -> i64 {
    win::create(
        pool,
        WinInput {
            title: title.into(),
            description: Some(description.into()),
            occurred_on: Some("2026-10-14".into()),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap()
    .id
}

async fn course_done(pool: &SqlitePool, title: &str) -> i64 {
    let r = resources::create(
        pool,
        ResourceInput {
            kind: Some(ResourceKind::Course),
            title: title.into(),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap();
    resources::set_manual_status(pool, r.id, Some(LearningStatus::Completed), today())
        .await
        .unwrap();
    r.id
}

/// A small record: two wins, a course done, a goal done, a profile.
async fn record(pool: &SqlitePool) -> (i64, i64, i64, i64) {
    let migration = win(
        pool,
        "Moved billing to the new platform",
        "Managed the rollout across four teams and kept stakeholders informed weekly.",
    )
    .await;
    let review = win(
        pool,
        "Ran the quarterly roadmap review",
        "Stakeholder management with finance; the data analysis showed churn halved.",
    )
    .await;
    let course = course_done(pool, "Data Analysis with SQL").await;
    let plan = common::plan(pool, "Q4").await;
    let goal = goals::create(
        pool,
        plan.id,
        done_goal("Hire two engineers", PERFORMANCE),
        today(),
    )
    .await
    .unwrap();
    goals::set_status(pool, goal.id, GoalStatus::Done, today())
        .await
        .unwrap();
    profile::save(
        pool,
        ProfileInput {
            title: Some("Engineering Manager".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    (migration, review, course, goal.id)
}

fn shown(k: &Keywords) -> Vec<&str> {
    k.shown.iter().map(|t| t.term.as_str()).collect()
}

fn missing(k: &Keywords) -> Vec<&str> {
    k.missing.iter().map(|t| t.term.as_str()).collect()
}

#[tokio::test]
async fn forms_of_a_word_match_through_their_stem() {
    let t = common::db().await;
    let (migration, ..) = record(&t.pool).await;
    let k = keywords::for_text(&t.pool, "You will be managing a rollout.")
        .await
        .unwrap();
    assert_eq!(shown(&k), vec!["managing", "rollout"], "{k:?}");
    let places: Vec<(PlaceKind, Option<i64>)> =
        k.shown[0].places.iter().map(|p| (p.kind, p.id)).collect();
    assert!(
        places.contains(&(PlaceKind::Achievement, Some(migration))),
        "{places:?}"
    );
    // The profile's title says "Manager": the same stem.
    assert!(
        places.iter().any(|(kind, _)| *kind == PlaceKind::Profile),
        "{places:?}"
    );
}

#[tokio::test]
async fn stop_words_and_posting_boilerplate_are_not_terms() {
    let t = common::db().await;
    record(&t.pool).await;
    let k = keywords::for_text(
        &t.pool,
        "We are looking for a strong candidate with 5+ years of experience and the ability to work in a team on billing.",
    )
    .await
    .unwrap();
    let all: Vec<&str> = shown(&k).into_iter().chain(missing(&k)).collect();
    assert_eq!(all, vec!["billing"], "only 'billing' is left: {k:?}");
    assert_eq!(shown(&k), vec!["billing"]);
}

#[tokio::test]
async fn a_multi_word_term_matches_across_the_record_and_hides_its_words() {
    let t = common::db().await;
    let (_, review, course, _) = record(&t.pool).await;
    let k = keywords::for_text(
        &t.pool,
        "Data analysis and stakeholder management. You own data-analysis for the roadmap.",
    )
    .await
    .unwrap();
    assert_eq!(
        shown(&k),
        vec!["data analysis", "stakeholder management", "roadmap"],
        "{k:?}"
    );
    assert_eq!(k.shown[0].count, 2);
    let places: Vec<(PlaceKind, Option<i64>)> =
        k.shown[0].places.iter().map(|p| (p.kind, p.id)).collect();
    assert_eq!(
        places,
        vec![
            (PlaceKind::Achievement, Some(review)),
            (PlaceKind::Resource, Some(course))
        ]
    );
    assert!(missing(&k).is_empty(), "{k:?}");
}

#[tokio::test]
async fn terms_the_record_lacks_are_missing_ranked_by_use() {
    let t = common::db().await;
    record(&t.pool).await;
    let k = keywords::for_text(
        &t.pool,
        "Kubernetes on-call. Budget ownership; Kubernetes upgrades. Hiring plans, Kubernetes.",
    )
    .await
    .unwrap();
    assert_eq!(missing(&k)[0], "kubernetes");
    assert_eq!(k.missing[0].count, 3);
    assert!(
        !missing(&k).contains(&"budget ownership"),
        "said once: not a phrase"
    );
    assert!(missing(&k).contains(&"budget"));
    // "Hiring" meets the goal "Hire two engineers".
    assert_eq!(shown(&k), vec!["hiring"]);
    assert_eq!(k.shown[0].places[0].kind, PlaceKind::Goal);
    assert!(k.shown[0].places[0].plan_id.is_some());
}

#[tokio::test]
async fn an_opportunity_is_read_from_its_title_and_notes() {
    let t = common::db().await;
    record(&t.pool).await;
    let o = opportunities::create(
        &t.pool,
        OpportunityInput {
            title: "Engineering Manager, Payments".into(),
            notes: Some("Owns stakeholder management for Kubernetes migrations.".into()),
            ..opening()
        },
        today(),
    )
    .await
    .unwrap();
    let k = keywords::for_opportunity(&t.pool, o.id).await.unwrap();
    let s = shown(&k);
    assert!(s.contains(&"engineering manager"), "{k:?}");
    assert!(s.contains(&"stakeholder management"), "{k:?}");
    assert!(missing(&k).contains(&"kubernetes"), "{k:?}");
    assert!(missing(&k).contains(&"payments"), "{k:?}");
}

fn opening() -> OpportunityInput {
    OpportunityInput {
        title: String::new(),
        team: None,
        level: None,
        url: None,
        source: None,
        source_person_id: None,
        heard_on: None,
        notes: None,
        next_step: None,
        next_step_on: None,
        bring_to_one_on_one: None,
        people: None,
        target_role_id: None,
    }
}

#[tokio::test]
async fn empty_or_huge_text_and_unknown_openings_are_refused() {
    let t = common::db().await;
    record(&t.pool).await;
    let activity = common::count(&t.pool, "activity").await;
    for text in ["", "   \n\t "] {
        let err = keywords::for_text(&t.pool, text).await.unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Invalid, Some("text")),
            "{err}"
        );
    }
    let huge = "word ".repeat(TEXT_MAX / 5 + 1);
    let err = keywords::for_text(&t.pool, &huge).await.unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::Invalid, Some("text")),
        "{err}"
    );
    let err = keywords::for_opportunity(&t.pool, 999).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    // Text with no words left once stop words are out is an answer, not an error.
    let k = keywords::for_text(&t.pool, "the and of, 2026!")
        .await
        .unwrap();
    assert!(k.shown.is_empty() && k.missing.is_empty());
    assert_eq!(
        common::count(&t.pool, "activity").await,
        activity,
        "reading writes nothing"
    );
}

#[tokio::test]
async fn a_change_to_the_record_shows_in_the_next_check() {
    let t = common::db().await;
    record(&t.pool).await;
    let posting = "Terraform and observability.";
    let k = keywords::for_text(&t.pool, posting).await.unwrap();
    assert_eq!(missing(&k), vec!["terraform", "observability"]);
    let id = win(
        &t.pool,
        "Rebuilt observability",
        "Dashboards for every service.",
    )
    .await;
    let k = keywords::for_text(&t.pool, posting).await.unwrap();
    assert_eq!(shown(&k), vec!["observability"], "the new win is read");
    win::delete(&t.pool, id, today()).await.unwrap();
    let k = keywords::for_text(&t.pool, posting).await.unwrap();
    assert!(shown(&k).is_empty(), "the deleted win is gone: {k:?}");
}
