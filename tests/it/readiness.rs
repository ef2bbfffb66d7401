//! Target roles and readiness with the clock fixed: the arithmetic (shares, the largest
//! gap and its tie rule, the ratings in force at past quarter ends), gaps turned into
//! goals and resources, evidence, and every refusal at its field with nothing written.

use ladder_lib::infra::error::ErrorKind;
use ladder_lib::infra::input;
use ladder_lib::readiness::evidence::{self, EvidenceKind, EvidenceRef};
use ladder_lib::readiness::expectations::{self, ExpectationInput};
use ladder_lib::readiness::ratings::{self, Rating, RatingInput};
use ladder_lib::readiness::roles::{self, TargetRoleInput};
use ladder_lib::readiness::score;
use ladder_lib::wins::win::{self, WinInput};
use ladder_lib::workflows::gap::{self, GapStep};
use serde_json::json;
use sqlx::SqlitePool;

use crate::common::{self, day, today, LEADERSHIP_QUALITIES, NETWORKING, PERFORMANCE};

fn role(title: &str) -> TargetRoleInput {
    TargetRoleInput {
        title: title.into(),
        level: Some("L6".into()),
        notes: None,
    }
}

fn expects(area: i64, competency: &str, expected: &str) -> ExpectationInput {
    ExpectationInput {
        focus_area_id: Some(area),
        competency: Some(competency.into()),
        expected: expected.into(),
    }
}

async fn rate(pool: &SqlitePool, id: i64, rating: Rating, on: &str) {
    ratings::rate(
        pool,
        id,
        RatingInput {
            rating,
            note: None,
            rated_on: Some(on.into()),
        },
        today(),
    )
    .await
    .unwrap();
}

/// A role with two expectations in Performance, two in Leadership and one in Networking.
async fn ladder(pool: &SqlitePool) -> (i64, Vec<i64>) {
    let r = roles::create(pool, role("Engineering Manager"), today())
        .await
        .unwrap();
    let mut ids = Vec::new();
    for (area, text) in [
        (PERFORMANCE, "Delivers the team's quarterly commitments"),
        (LEADERSHIP_QUALITIES, "Runs the team's planning"),
        (PERFORMANCE, "Keeps escaped defects under five a quarter"),
        (
            LEADERSHIP_QUALITIES,
            "Grows two engineers to the next level",
        ),
        (NETWORKING, "Has a sponsor outside the reporting line"),
    ] {
        let e = expectations::create(pool, r.id, expects(area, "Core", text), today())
            .await
            .unwrap();
        ids.push(e.id);
    }
    (r.id, ids)
}

#[tokio::test]
async fn readiness_is_the_share_met_per_area_and_the_tie_goes_to_the_first_area() {
    let t = common::db().await;
    let (role_id, e) = ladder(&t.pool).await;
    rate(&t.pool, e[0], Rating::Consistently, "2026-11-01").await;
    rate(&t.pool, e[1], Rating::Beyond, "2026-11-01").await;
    rate(&t.pool, e[2], Rating::Partly, "2026-11-01").await;
    rate(&t.pool, e[3], Rating::NotYet, "2026-11-01").await;
    rate(&t.pool, e[4], Rating::Consistently, "2026-11-02").await;
    let r = score::readiness(&t.pool, role_id, today()).await.unwrap();
    assert_eq!((r.met, r.total), (3, 5));
    assert_eq!(r.role_name, "Engineering Manager, L6");
    let areas: Vec<(i64, i64, i64)> = r
        .areas
        .iter()
        .map(|a| (a.focus_area_id, a.met, a.total))
        .collect();
    assert_eq!(
        areas,
        vec![
            (PERFORMANCE, 1, 2),
            (LEADERSHIP_QUALITIES, 1, 2),
            (NETWORKING, 1, 1)
        ]
    );
    let gap = r.largest_gap.expect("a gap");
    assert_eq!(
        gap.focus_area_id, PERFORMANCE,
        "Performance and Leadership tie at 1/2: Performance comes first"
    );
    let unmet: Vec<&str> = gap.unmet.iter().map(|u| u.expected.as_str()).collect();
    assert_eq!(unmet, vec!["Keeps escaped defects under five a quarter"]);

    // Performance met in full: Leadership is the gap now; an older rating does not count.
    rate(&t.pool, e[2], Rating::Beyond, "2026-11-20").await;
    let r = score::readiness(&t.pool, role_id, today()).await.unwrap();
    assert_eq!((r.met, r.total), (4, 5));
    assert_eq!(r.largest_gap.unwrap().focus_area_id, LEADERSHIP_QUALITIES);
    // As it stood before that rating.
    let before = score::readiness(&t.pool, role_id, day("2026-11-19"))
        .await
        .unwrap();
    assert_eq!(before.met, 3);
    assert_eq!(before.expectations[2].rating, Some(Rating::Partly));
}

#[tokio::test]
async fn the_ratings_in_force_at_each_past_quarter_end_draw_the_chart() {
    let t = common::db().await;
    let (role_id, e) = ladder(&t.pool).await;
    rate(&t.pool, e[0], Rating::Partly, "2026-02-10").await;
    rate(&t.pool, e[0], Rating::Consistently, "2026-05-01").await;
    rate(&t.pool, e[1], Rating::Beyond, "2026-06-30").await;
    // Two ratings on one day: the one written last is in force.
    rate(&t.pool, e[1], Rating::Partly, "2026-08-01").await;
    rate(&t.pool, e[1], Rating::Consistently, "2026-08-01").await;
    // Written now but dated back into Q3.
    rate(&t.pool, e[4], Rating::Beyond, "2026-09-30").await;
    // This quarter's rating is not a past quarter's.
    rate(&t.pool, e[3], Rating::Beyond, "2026-11-01").await;
    let points = score::by_quarter(&t.pool, role_id, today(), 1)
        .await
        .unwrap();
    let sums: Vec<(&str, i64, i64)> = points
        .iter()
        .map(|p| (p.label.as_str(), p.met, p.total))
        .collect();
    assert_eq!(
        sums,
        vec![("Q1 2026", 0, 5), ("Q2 2026", 2, 5), ("Q3 2026", 3, 5)]
    );
    assert_eq!(points[2].ends_on, day("2026-09-30"));
    let q2_areas: Vec<(i64, i64, i64)> = points[1]
        .areas
        .iter()
        .map(|a| (a.focus_area_id, a.met, a.total))
        .collect();
    assert_eq!(
        q2_areas,
        vec![
            (PERFORMANCE, 1, 2),
            (LEADERSHIP_QUALITIES, 1, 2),
            (NETWORKING, 0, 1)
        ]
    );
    let history = ratings::history(&t.pool, e[1]).await.unwrap();
    let order: Vec<Rating> = history.iter().map(|h| h.rating).collect();
    assert_eq!(
        order,
        vec![Rating::Consistently, Rating::Partly, Rating::Beyond],
        "newest first"
    );
    // A role never rated has no chart yet.
    let other = roles::create(&t.pool, role("Staff Engineer"), today())
        .await
        .unwrap();
    assert!(score::by_quarter(&t.pool, other.id, today(), 1)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn one_role_is_current_at_most_and_a_restored_one_gives_way() {
    let t = common::db().await;
    let em = roles::create(&t.pool, role("Engineering Manager"), today())
        .await
        .unwrap();
    let staff = roles::create(&t.pool, role("Staff Engineer"), today())
        .await
        .unwrap();
    assert!(em.is_current, "the first role is current");
    assert!(!staff.is_current, "a second one is not");
    let refused = sqlx::query("UPDATE target_roles SET is_current = 1 WHERE id = ?")
        .bind(staff.id)
        .execute(&t.pool)
        .await;
    assert!(refused.is_err(), "the schema refuses a second current role");
    let staff = roles::set_current(&t.pool, staff.id, today())
        .await
        .unwrap();
    assert!(staff.is_current);
    let current: Vec<i64> = roles::list(&t.pool)
        .await
        .unwrap()
        .iter()
        .filter(|r| r.is_current)
        .map(|r| r.id)
        .collect();
    assert_eq!(current, vec![staff.id]);
    // The current role goes to the trash; another is made current; the old one comes
    // back as not current.
    let trashed = roles::delete(&t.pool, staff.id, today()).await.unwrap();
    roles::set_current(&t.pool, em.id, today()).await.unwrap();
    let back = ladder_lib::workflows::trash::restore(&t.pool, trashed.trash_id, today())
        .await
        .unwrap();
    assert!(!back.note.is_empty(), "the restore says it gave way");
    assert_eq!(
        roles::current(&t.pool).await.unwrap().map(|r| r.id),
        Some(em.id)
    );
}

#[tokio::test]
async fn a_bad_expectation_is_refused_at_its_field_with_nothing_written() {
    let t = common::db().await;
    let r = roles::create(&t.pool, role("Engineering Manager"), today())
        .await
        .unwrap();
    let activity = common::count(&t.pool, "activity").await;
    let cases: Vec<(&str, ExpectationInput)> = vec![
        (
            "focusAreaId",
            ExpectationInput {
                focus_area_id: None,
                ..expects(PERFORMANCE, "Delivery", "Ships on time")
            },
        ),
        ("focusAreaId", expects(999, "Delivery", "Ships on time")),
        ("expected", expects(PERFORMANCE, "Delivery", "   ")),
        (
            "expected",
            expects(PERFORMANCE, "Delivery", &"x".repeat(20_001)),
        ),
        (
            "competency",
            expects(PERFORMANCE, &"x".repeat(201), "Ships on time"),
        ),
        (
            "competency",
            expects(PERFORMANCE, "two\nlines", "Ships on time"),
        ),
    ];
    for (field, input) in cases {
        let err = expectations::create(&t.pool, r.id, input, today())
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
        assert_eq!(err.field(), Some(field), "{err}");
    }
    // Missing from the JSON the UI sends: refused at the field too.
    let parsed: ExpectationInput = input::parse(json!({"expected": "Ships on time"})).unwrap();
    let err = expectations::create(&t.pool, r.id, parsed, today())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("focusAreaId"));
    let err = roles::create(&t.pool, role(&"x".repeat(201)), today())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("title"));
    let err = expectations::create(
        &t.pool,
        999,
        expects(PERFORMANCE, "", "Ships on time"),
        today(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(common::count(&t.pool, "role_expectations").await, 0);
    assert_eq!(common::count(&t.pool, "target_roles").await, 1);
    assert_eq!(common::count(&t.pool, "activity").await, activity);
}

#[tokio::test]
async fn a_rating_must_be_one_of_the_four_and_a_bad_one_writes_nothing() {
    let t = common::db().await;
    let (_, e) = ladder(&t.pool).await;
    let activity = common::count(&t.pool, "activity").await;
    let err = input::parse::<RatingInput>(json!({"rating": "mostly"})).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(err.field(), Some("rating"), "{err}");
    let refused = sqlx::query(
        "INSERT INTO expectation_ratings (expectation_id, rating, rated_on) VALUES (?, 'mostly', '2026-11-01')",
    )
    .bind(e[0])
    .execute(&t.pool)
    .await;
    assert!(refused.is_err(), "the schema refuses it too");
    for (field, input) in [
        (
            "ratedOn",
            json!({"rating": "partly", "ratedOn": "2026-02-30"}),
        ),
        (
            "note",
            json!({"rating": "partly", "note": "x".repeat(20_001)}),
        ),
        (
            "ratedOn",
            json!({"rating": "partly", "ratedOn": "2026-11-27"}),
        ),
    ] {
        let err = ratings::rate(&t.pool, e[0], input::parse(input).unwrap(), today())
            .await
            .unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
    }
    let err = ratings::rate(
        &t.pool,
        999,
        input::parse(json!({"rating": "partly"})).unwrap(),
        today(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(common::count(&t.pool, "expectation_ratings").await, 0);
    assert_eq!(common::count(&t.pool, "activity").await, activity);
}

async fn a_win(pool: &SqlitePool, title: &str) -> i64 {
    win::create(
        pool,
        WinInput {
            title: title.into(),
            occurred_on: Some("2026-10-14".into()),
            ..Default::default()
        },
        today(),
    )
    .await
    .unwrap()
    .id
}

#[tokio::test]
async fn evidence_links_once_goes_with_its_record_and_what_no_longer_exists_is_refused() {
    let t = common::db().await;
    let (role_id, e) = ladder(&t.pool).await;
    let w = a_win(&t.pool, "Cut rollbacks to one a month").await;
    let link = EvidenceRef {
        kind: EvidenceKind::Win,
        id: w,
    };
    let first = evidence::link(&t.pool, e[0], link, today()).await.unwrap();
    let again = evidence::link(&t.pool, e[0], link, today()).await.unwrap();
    assert_eq!(first.id, again.id, "linked twice, kept once");
    assert_eq!(first.title, "Cut rollbacks to one a month");
    assert_eq!(first.on, Some(day("2026-10-14")));
    assert_eq!(
        expectations::list(&t.pool, role_id, today()).await.unwrap()[0].evidence_count,
        1
    );
    // The win goes to the trash and takes the link; it comes back with it.
    let trashed = win::delete(&t.pool, w, today()).await.unwrap();
    assert_eq!(common::count(&t.pool, "expectation_evidence").await, 0);
    // Evidence that no longer exists: refused, nothing written.
    let activity = common::count(&t.pool, "activity").await;
    let err = evidence::link(&t.pool, e[1], link, today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    for kind in EvidenceKind::ALL {
        let err = evidence::link(&t.pool, e[1], EvidenceRef { kind, id: 999 }, today())
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound, "{kind:?}: {err}");
    }
    assert_eq!(common::count(&t.pool, "expectation_evidence").await, 0);
    assert_eq!(common::count(&t.pool, "activity").await, activity);
    ladder_lib::workflows::trash::restore(&t.pool, trashed.trash_id, today())
        .await
        .unwrap();
    let back = evidence::list(&t.pool, e[0]).await.unwrap();
    assert_eq!(back.len(), 1, "the link came back with the win");
    evidence::unlink(&t.pool, back[0].id).await.unwrap();
    let err = evidence::unlink(&t.pool, back[0].id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn evidence_says_where_it_opens_a_story_on_its_win_and_a_goal_in_its_plan() {
    let t = common::db().await;
    let (_, e) = ladder(&t.pool).await;
    let w = a_win(&t.pool, "Ran the incident review").await;
    let story = ladder_lib::wins::story::Story {
        situation: "Two outages in a week.".into(),
        task: "Find the common cause.".into(),
        action: "Ran a blameless review.".into(),
        result: "No repeat in a quarter.".into(),
    };
    ladder_lib::wins::story::save(&t.pool, w, story, today())
        .await
        .unwrap();
    let story_id: i64 = sqlx::query_scalar("SELECT id FROM stories WHERE achievement_id = ?")
        .bind(w)
        .fetch_one(&t.pool)
        .await
        .unwrap();
    let linked = evidence::link(
        &t.pool,
        e[0],
        EvidenceRef {
            kind: EvidenceKind::Story,
            id: story_id,
        },
        today(),
    )
    .await
    .unwrap();
    assert_eq!((linked.record_id, linked.win_id), (story_id, Some(w)));
    assert_eq!(linked.title, "Ran the incident review");
    let plan = common::plan(&t.pool, "Q4 2026").await;
    let planned = gap::plan_gap(&t.pool, e[1], GapStep::Goal { plan_id: None }, today()).await;
    let goal_id = planned.unwrap().goal_id.expect("the gap became a goal");
    let goal = evidence::link(
        &t.pool,
        e[0],
        EvidenceRef {
            kind: EvidenceKind::Goal,
            id: goal_id,
        },
        today(),
    )
    .await
    .unwrap();
    assert_eq!(goal.plan_id, Some(plan.id));
    assert_eq!(goal.win_id, None);
}

#[tokio::test]
async fn the_evidence_picker_lists_a_kind_filtered_by_its_words() {
    let t = common::db().await;
    let first = a_win(&t.pool, "Cut rollbacks to one a month").await;
    let second = a_win(&t.pool, "Ran the ROLLBACK drill for the on-call rota").await;
    a_win(&t.pool, "Wrote the hiring guide").await;
    let all = evidence::candidates(&t.pool, EvidenceKind::Win, "")
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    // Any case, anywhere in the title; equal days fall back to the newest first.
    let found = evidence::candidates(&t.pool, EvidenceKind::Win, "  rollback ")
        .await
        .unwrap();
    assert_eq!(
        found.iter().map(|c| c.id).collect::<Vec<_>>(),
        [second, first]
    );
    assert_eq!(found[0].on, Some(day("2026-10-14")));
    // Another kind lists its own table: no resources yet.
    assert!(evidence::candidates(&t.pool, EvidenceKind::Resource, "")
        .await
        .unwrap()
        .is_empty());
    // A word that is SQL or a LIKE pattern is only words.
    assert!(
        evidence::candidates(&t.pool, EvidenceKind::Win, "%' OR 1=1 --")
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_gap_becomes_a_goal_in_the_active_plan_once_and_a_resource_once() {
    let t = common::db().await;
    let (_, e) = ladder(&t.pool).await;
    // No active plan yet: refused, nothing written.
    let goals_before = common::count(&t.pool, "goals").await;
    let err = gap::plan_gap(&t.pool, e[3], GapStep::Goal { plan_id: None }, today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(err.field(), Some("planId"));
    assert_eq!(common::count(&t.pool, "goals").await, goals_before);
    let plan = common::plan(&t.pool, "Q4 2026").await;
    let planned = gap::plan_gap(&t.pool, e[3], GapStep::Goal { plan_id: None }, today())
        .await
        .unwrap();
    let goal_id = planned.goal_id.expect("linked back");
    let (plan_id, area, title, why): (i64, i64, String, String) =
        sqlx::query_as("SELECT plan_id, focus_area_id, title, why FROM goals WHERE id = ?")
            .bind(goal_id)
            .fetch_one(&t.pool)
            .await
            .unwrap();
    assert_eq!(plan_id, plan.id);
    assert_eq!(area, LEADERSHIP_QUALITIES, "the expectation's focus area");
    assert_eq!(title, "Grows two engineers to the next level");
    assert!(why.contains("Engineering Manager, L6"), "{why}");
    let err = gap::plan_gap(&t.pool, e[3], GapStep::Goal { plan_id: None }, today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert_eq!(err.field(), Some("expectationId"));
    assert_eq!(common::count(&t.pool, "goals").await, goals_before + 1);
    let planned = gap::plan_gap(
        &t.pool,
        e[3],
        GapStep::Resource {
            resource_kind: None,
        },
        today(),
    )
    .await
    .unwrap();
    assert_eq!(planned.goal_id, Some(goal_id), "the goal stays linked");
    let resource = planned.resource_id.expect("a resource");
    let kind: String = sqlx::query_scalar("SELECT kind FROM resources WHERE id = ?")
        .bind(resource)
        .fetch_one(&t.pool)
        .await
        .unwrap();
    assert_eq!(kind, "course");
    let step: GapStep = input::parse(json!({"kind": "resource"})).unwrap();
    let err = gap::plan_gap(&t.pool, e[3], step, today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    // Deleting the goal drops the link, not the expectation.
    ladder_lib::planning::goals::delete(&t.pool, goal_id, today())
        .await
        .unwrap();
    let after = expectations::list(&t.pool, planned.target_role_id, today())
        .await
        .unwrap();
    assert_eq!(after[3].goal_id, None);
}

#[tokio::test]
async fn expectations_reorder_only_as_a_whole_and_search_finds_roles_and_expectations() {
    let t = common::db().await;
    let (role_id, e) = ladder(&t.pool).await;
    let reversed: Vec<i64> = e.iter().rev().copied().collect();
    let out = expectations::reorder(&t.pool, role_id, reversed.clone(), today())
        .await
        .unwrap();
    assert_eq!(out.iter().map(|x| x.id).collect::<Vec<_>>(), reversed);
    let err = expectations::reorder(&t.pool, role_id, e[..4].to_vec(), today())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("ids"));
    let hits = ladder_lib::views::search::search(&t.pool, "sponsor", 10)
        .await
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, e[4]);
    // The hit names its role, so the result opens the expectation in it.
    assert_eq!(hits[0].role_id, Some(role_id));
    let hits = ladder_lib::views::search::search(&t.pool, "Engineering Manager", 10)
        .await
        .unwrap();
    let own = hits
        .iter()
        .find(|h| h.id == role_id)
        .expect("the role is found");
    assert_eq!(own.role_id, Some(role_id));
    // The whole role goes to the trash with its expectations, and leaves search.
    let trashed = roles::delete(&t.pool, role_id, today()).await.unwrap();
    assert!(trashed.contents.contains("5 expectations"), "{trashed:?}");
    assert_eq!(common::count(&t.pool, "role_expectations").await, 0);
    assert!(ladder_lib::views::search::search(&t.pool, "sponsor", 10)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn an_opening_can_name_a_target_role_which_must_exist() {
    use ladder_lib::mobility::opportunities::{self, OpportunityInput};
    let t = common::db().await;
    let em = roles::create(&t.pool, role("Engineering Manager"), today())
        .await
        .unwrap();
    let opening = |target: Option<i64>| -> OpportunityInput {
        input::parse(json!({"title": "Team lead, Platform", "targetRoleId": target})).unwrap()
    };
    let err = opportunities::create(&t.pool, opening(Some(999)), today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    assert_eq!(common::count(&t.pool, "opportunities").await, 0);
    let o = opportunities::create(&t.pool, opening(Some(em.id)), today())
        .await
        .unwrap();
    assert_eq!(o.target_role_id, Some(em.id));
    let without: OpportunityInput = input::parse(json!({"title": "Team lead, Platform"})).unwrap();
    let o = opportunities::update(&t.pool, o.id, without).await.unwrap();
    assert_eq!(o.target_role_id, Some(em.id), "an edit without it keeps it");
    let cleared = opportunities::update(&t.pool, o.id, opening(None))
        .await
        .unwrap();
    assert_eq!(cleared.target_role_id, None, "null clears it");
    let o = opportunities::update(&t.pool, o.id, opening(Some(em.id)))
        .await
        .unwrap();
    assert_eq!(o.target_role_id, Some(em.id));
    // The role goes to the trash: the opening forgets it, and has it back on restore.
    let trashed = roles::delete(&t.pool, em.id, today()).await.unwrap();
    let mut conn = t.pool.acquire().await.unwrap();
    assert_eq!(
        opportunities::fetch(&mut conn, o.id)
            .await
            .unwrap()
            .target_role_id,
        None
    );
    drop(conn);
    ladder_lib::workflows::trash::restore(&t.pool, trashed.trash_id, today())
        .await
        .unwrap();
    let mut conn = t.pool.acquire().await.unwrap();
    assert_eq!(
        opportunities::fetch(&mut conn, o.id)
            .await
            .unwrap()
            .target_role_id,
        Some(em.id)
    );
}

#[tokio::test]
async fn the_dashboard_says_in_one_line_how_ready_and_where_the_largest_gap_is() {
    let t = common::db().await;
    let pool = &t.pool;
    let none = ladder_lib::views::dashboard::dashboard(pool, today())
        .await
        .unwrap();
    assert!(none.readiness.is_none(), "no target role, no line");

    let (_, e) = ladder(pool).await;
    rate(pool, e[0], Rating::Consistently, "2026-11-01").await;
    rate(pool, e[1], Rating::Beyond, "2026-11-01").await;
    rate(pool, e[4], Rating::Partly, "2026-11-01").await;
    let line = ladder_lib::views::dashboard::dashboard(pool, today())
        .await
        .unwrap()
        .readiness
        .expect("a current role");
    assert_eq!(line.role_name, "Engineering Manager, L6");
    assert_eq!((line.met, line.total), (2, 5));
    // Networking has 0 of 1 met: the lowest share, below Performance's and Leadership's 1/2.
    assert_eq!(line.gap_area.as_deref(), Some("Networking"));
    assert_eq!(line.gap_unmet, 1);

    for id in [e[2], e[3], e[4]] {
        rate(pool, id, Rating::Consistently, "2026-11-20").await;
    }
    let all = ladder_lib::views::dashboard::dashboard(pool, today())
        .await
        .unwrap()
        .readiness
        .unwrap();
    assert_eq!(
        (all.met, all.total, all.gap_area, all.gap_unmet),
        (5, 5, None, 0)
    );
}
