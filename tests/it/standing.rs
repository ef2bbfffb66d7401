//! "Where I stand against <role>" on a 1:1's agenda: added only when asked, worded from
//! the readiness score, once per agenda, and refused with no current role.

use ladder_lib::infra::error::ErrorKind;
use ladder_lib::one_on_ones::agenda::{self, OneOnOneDetail, Section};
use ladder_lib::one_on_ones::schedule::{self, OneOnOneStatus};
use ladder_lib::people::person::{self, PersonInput};
use ladder_lib::readiness::expectations::{self, ExpectationInput};
use ladder_lib::readiness::ratings::{self, Rating, RatingInput};
use ladder_lib::readiness::roles::{self, TargetRoleInput};
use ladder_lib::views::agenda_draft;
use ladder_lib::workflows::standing;
use sqlx::SqlitePool;

use crate::common::{self, today, LEADERSHIP_QUALITIES, PERFORMANCE};

async fn meeting(pool: &SqlitePool) -> i64 {
    let dana = person::create(
        pool,
        PersonInput {
            name: "Dana".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id;
    common::one_on_one(pool, Some(dana), "2026-12-03").await
}

/// "Engineering Manager, L6": one of two Performance expectations met, none of two in
/// Leadership qualities.
async fn role(pool: &SqlitePool) -> i64 {
    let r = roles::create(
        pool,
        TargetRoleInput {
            title: "Engineering Manager".into(),
            level: Some("L6".into()),
            notes: None,
        },
        today(),
    )
    .await
    .unwrap();
    let mut ids = Vec::new();
    for (area, expected) in [
        (PERFORMANCE, "Delivers the quarter's commitments"),
        (PERFORMANCE, "Keeps escaped defects low"),
        (LEADERSHIP_QUALITIES, "Runs the team's planning"),
        (LEADERSHIP_QUALITIES, "Grows two engineers"),
    ] {
        let input = ExpectationInput {
            focus_area_id: Some(area),
            competency: Some("Core".into()),
            expected: expected.into(),
        };
        ids.push(
            expectations::create(pool, r.id, input, today())
                .await
                .unwrap()
                .id,
        );
    }
    let rating = RatingInput {
        rating: Rating::Consistently,
        note: None,
        rated_on: Some("2026-11-01".into()),
    };
    ratings::rate(pool, ids[0], rating, today()).await.unwrap();
    r.id
}

fn career(d: &OneOnOneDetail) -> Vec<(&str, Option<&str>)> {
    d.agenda
        .iter()
        .filter(|i| i.section == Section::Career)
        .map(|i| (i.text.as_str(), i.source_key.as_deref()))
        .collect()
}

#[tokio::test]
async fn the_line_is_added_once_in_the_career_section_only_when_asked() {
    let t = common::db().await;
    let id = meeting(&t.pool).await;
    let role_id = role(&t.pool).await;
    let (drafted, _) = agenda_draft::prepare(&t.pool, id, today()).await.unwrap();
    assert!(
        drafted
            .agenda
            .iter()
            .all(|i| !i.text.starts_with("Where I stand")),
        "preparing the agenda never adds it on its own"
    );
    let key = format!("readiness:{role_id}");
    let line = "Where I stand against Engineering Manager, L6: 1 of 4 expectations met; \
                largest gap: Leadership Qualities (2 not met yet)";
    let d = standing::add_to_agenda(&t.pool, id, today()).await.unwrap();
    let items = career(&d);
    assert!(items.contains(&(line, Some(key.as_str()))), "{items:?}");
    let again = standing::add_to_agenda(&t.pool, id, today()).await.unwrap();
    assert_eq!(again.agenda.len(), d.agenda.len(), "asking twice keeps one");
    // Preparing again leaves it alone too.
    let (prepared, added) = agenda_draft::prepare(&t.pool, id, today()).await.unwrap();
    assert_eq!((prepared.agenda.len(), added), (d.agenda.len(), 0));
}

#[tokio::test]
async fn a_removed_line_comes_back_with_todays_numbers() {
    let t = common::db().await;
    let id = meeting(&t.pool).await;
    role(&t.pool).await;
    let d = standing::add_to_agenda(&t.pool, id, today()).await.unwrap();
    let item = d
        .agenda
        .iter()
        .find(|i| i.text.starts_with("Where I stand"))
        .unwrap()
        .id;
    agenda::remove_item(&t.pool, item).await.unwrap();
    let back = standing::add_to_agenda(&t.pool, id, today()).await.unwrap();
    let found = back
        .agenda
        .iter()
        .find(|i| i.id == item)
        .expect("shown again");
    assert!(!found.edited && !found.discussed);
}

#[tokio::test]
async fn every_expectation_met_says_so() {
    let r = ladder_lib::readiness::score::Readiness {
        target_role_id: 1,
        role_name: "Staff Engineer".into(),
        on: today(),
        met: 3,
        total: 3,
        share: 1.0,
        areas: vec![],
        largest_gap: None,
        expectations: vec![],
    };
    assert_eq!(
        standing::line(&r),
        "Where I stand against Staff Engineer: all 3 expectations met"
    );
}

#[tokio::test]
async fn no_current_role_no_expectations_a_cancelled_or_unknown_1_1_are_refused() {
    let t = common::db().await;
    let id = meeting(&t.pool).await;
    let before = common::count(&t.pool, "agenda_items").await;
    let err = standing::add_to_agenda(&t.pool, id, today())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::Invalid, Some("role")),
        "{err}"
    );
    assert!(err.to_string().contains("no current target role"), "{err}");
    roles::create(
        &t.pool,
        TargetRoleInput {
            title: "Director".into(),
            level: None,
            notes: None,
        },
        today(),
    )
    .await
    .unwrap();
    let err = standing::add_to_agenda(&t.pool, id, today())
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::Invalid, Some("role")),
        "{err}"
    );
    let err = standing::add_to_agenda(&t.pool, 999, today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    schedule::set_status(&t.pool, id, OneOnOneStatus::Cancelled, today())
        .await
        .unwrap();
    let err = standing::add_to_agenda(&t.pool, id, today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert_eq!(
        common::count(&t.pool, "agenda_items").await,
        before,
        "nothing written"
    );
}
