//! The career-ladder CSV import: the sample file, rows that go to a role already kept or
//! to the one chosen, and each refusal (missing columns, a bad row) with nothing written.

use ladder_lib::infra::error::ErrorKind;
use ladder_lib::readiness::ladder_csv;
use ladder_lib::readiness::roles::{self, TargetRoleInput};
use sqlx::SqlitePool;

use crate::common::{self, today};

fn sample() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/sample-ladder.csv"
    ))
    .unwrap()
}

async fn written(pool: &SqlitePool) -> (i64, i64, i64) {
    (
        common::count(pool, "target_roles").await,
        common::count(pool, "role_expectations").await,
        common::count(pool, "activity").await,
    )
}

#[tokio::test]
async fn the_sample_ladder_becomes_a_role_with_its_expectations_in_order() {
    let t = common::db().await;
    let preview = ladder_csv::preview(&t.pool, &sample(), None).await.unwrap();
    assert_eq!((preview.total_rows, preview.with_problems), (13, 0));
    assert_eq!(preview.roles.len(), 1);
    assert_eq!(preview.roles[0].title, "Engineering Manager");
    assert_eq!(preview.roles[0].existing_id, None);
    assert_eq!(written(&t.pool).await.0, 0, "a preview writes nothing");
    let out = ladder_csv::import(&t.pool, &sample(), None, today())
        .await
        .unwrap();
    assert_eq!((out.roles_created, out.expectations_created), (1, 13));
    let role = roles::get(&t.pool, out.role_ids[0]).await.unwrap();
    assert_eq!(role.name(), "Engineering Manager, L6");
    assert!(role.is_current, "the first role is current");
    let list = ladder_lib::readiness::expectations::list(&t.pool, role.id, today())
        .await
        .unwrap();
    assert_eq!(list.len(), 13);
    assert_eq!(list[0].competency, "Delivery");
    assert_eq!(
        list[0].expected,
        "Delivers the team's quarterly commitments, and says early when one slips"
    );
    let areas: Vec<i64> = list.iter().map(|e| e.focus_area_id).collect();
    assert_eq!(areas, vec![1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6, 7, 7]);
    // The same file again fills the role it made, not a second one.
    let again = ladder_csv::import(&t.pool, &sample(), None, today())
        .await
        .unwrap();
    assert_eq!((again.roles_created, again.role_ids), (0, vec![role.id]));
}

#[tokio::test]
async fn rows_without_a_role_go_to_the_chosen_one_and_need_one() {
    let t = common::db().await;
    let em = roles::create(
        &t.pool,
        TargetRoleInput {
            title: "Engineering Manager".into(),
            level: Some("L6".into()),
            notes: None,
        },
        today(),
    )
    .await
    .unwrap();
    let file = b"Focus Area,Competency,Expected,Role,Level\n\
        networking,Influence,Has a sponsor,,\n\
        2,Feedback,Gives clear feedback,engineering manager,l6\n\
        6,Strategy,Writes the strategy,Staff Engineer,L7\n";
    let preview = ladder_csv::preview(&t.pool, file, Some(em.id))
        .await
        .unwrap();
    assert_eq!(preview.with_problems, 0, "{:?}", preview.rows);
    let roles: Vec<(&str, Option<i64>, usize)> = preview
        .roles
        .iter()
        .map(|r| (r.title.as_str(), r.existing_id, r.expectations))
        .collect();
    assert_eq!(
        roles,
        vec![
            ("Engineering Manager", Some(em.id), 2),
            ("Staff Engineer", None, 1)
        ]
    );
    let before = written(&t.pool).await;
    let refused = ladder_csv::preview(&t.pool, file, None).await.unwrap();
    assert_eq!(refused.with_problems, 1);
    assert_eq!(refused.rows[0].problems[0].column, "Role");
    let err = ladder_csv::import(&t.pool, file, None, today())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("file"));
    assert!(err.to_string().starts_with("Row 2, column Role:"), "{err}");
    assert_eq!(written(&t.pool).await, before, "nothing written");
    let out = ladder_csv::import(&t.pool, file, Some(em.id), today())
        .await
        .unwrap();
    assert_eq!(out.roles_created, 1);
    assert_eq!(
        roles::get(&t.pool, em.id).await.unwrap().expectation_count,
        2
    );
    let err = ladder_csv::preview(&t.pool, file, Some(999))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn a_ladder_without_the_required_columns_or_with_a_bad_row_writes_nothing() {
    let t = common::db().await;
    let before = written(&t.pool).await;
    let err = ladder_csv::import(&t.pool, b"role,competency\nEM,Delivery\n", None, today())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(err.field(), Some("file"));
    assert!(
        err.to_string()
            .starts_with("Row 1: no \"focus area\" or \"expected\" column"),
        "{err}"
    );
    let long = "x".repeat(201);
    let file = format!(
        "role,focus_area,competency,expected\n\
         EM,Performance Excellence,Delivery,Ships on time\n\
         EM,Cooking,Delivery,Ships on time\n\
         EM,1,Delivery,\n\
         EM,1,{long},Ships on time\n\
         EM,1,Delivery,Ships,extra\n"
    );
    let preview = ladder_csv::preview(&t.pool, file.as_bytes(), None)
        .await
        .unwrap();
    let problems: Vec<(u64, &str)> = preview
        .rows
        .iter()
        .flat_map(|r| r.problems.iter().map(move |p| (r.row, p.column.as_str())))
        .collect();
    assert_eq!(
        problems,
        vec![
            (3, "focus_area"),
            (4, "expected"),
            (5, "competency"),
            (6, "E")
        ]
    );
    assert_eq!(preview.roles[0].expectations, 1, "the clean row only");
    let err = ladder_csv::import(&t.pool, file.as_bytes(), None, today())
        .await
        .unwrap_err();
    assert!(
        err.to_string().starts_with(
            "Row 3, column focus_area: \"Cooking\" is not one of the seven focus areas."
        ),
        "{err}"
    );
    assert_eq!(written(&t.pool).await, before);
}
