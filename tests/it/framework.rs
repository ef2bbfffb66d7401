use ladder_lib::framework::focus_areas;
use ladder_lib::framework::principles;

use crate::common;

#[tokio::test]
async fn the_seven_focus_areas_come_in_order_with_their_facets() {
    let t = common::db().await;
    let areas = focus_areas::list(&t.pool).await.unwrap();
    let names: Vec<&str> = areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Performance Excellence",
            "Leadership Qualities",
            "Leadership Principles",
            "Internal Mobility",
            "Networking",
            "Skill Development",
            "Continuous Learning"
        ]
    );
    let facets = |i: usize| {
        areas[i]
            .facets
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        facets(1),
        [
            "Communication",
            "Decision-making",
            "Problem-solving",
            "Team building and empowerment"
        ]
    );
    assert!(
        facets(2).is_empty(),
        "Leadership Principles takes its facets from the principles"
    );
    assert_eq!(facets(5), ["Technical skills", "Interpersonal skills"]);
    assert_eq!(areas.iter().map(|a| a.facets.len()).sum::<usize>(), 22);
    assert!(areas.iter().all(|a| !a.summary.is_empty()));
}

#[tokio::test]
async fn the_default_framework_is_the_sixteen_leadership_principles() {
    let t = common::db().await;
    let principles = principles::list(&t.pool, false).await.unwrap();
    assert_eq!(principles.len(), 16);
    assert_eq!(principles[0].name, "Customer Obsession");
    assert_eq!(principles[1].name, "Ownership");
    assert_eq!(
        principles[15].name,
        "Success and Scale Bring Broad Responsibility"
    );
    for p in &principles {
        assert!(
            !p.description.is_empty() && p.description.len() < 200,
            "{}: one line",
            p.name
        );
    }
    let positions: Vec<i64> = principles.iter().map(|p| p.position).collect();
    assert_eq!(positions, (1..=16).collect::<Vec<_>>());
}

#[tokio::test]
async fn retired_principles_leave_the_list_unless_asked_for() {
    let t = common::db().await;
    sqlx::query("UPDATE principles SET retired_on = '2026-01-01' WHERE name = 'Frugality'")
        .execute(&t.pool)
        .await
        .unwrap();
    let active = principles::list(&t.pool, false).await.unwrap();
    assert_eq!(active.len(), 15);
    assert!(active.iter().all(|p| p.name != "Frugality"));
    let all = principles::list(&t.pool, true).await.unwrap();
    assert_eq!(all.len(), 16);
}

#[tokio::test]
async fn principle_names_are_unique_ignoring_case() {
    let t = common::db().await;
    let dup = sqlx::query("INSERT INTO principles (position, name) VALUES (17, 'ownership')")
        .execute(&t.pool)
        .await;
    assert!(dup.is_err());
}
