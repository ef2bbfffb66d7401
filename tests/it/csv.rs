use ladder_lib::infra::error::ErrorKind;
use ladder_lib::learning::csv_import::{self, OnDuplicate};
use ladder_lib::learning::resources::{
    self, LearningStatus, ResourceFilter, ResourceKind, ResourceSort, Unit,
};

use crate::common::{self, today};

const HEADER: &str = "title,kind,provider,url,total units,unit,focus area,status,target date\n";

#[tokio::test]
async fn the_sample_file_previews_cleanly_and_imports() {
    let t = common::db().await;
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/sample-learning.csv"
    ))
    .unwrap();
    let preview = csv_import::preview(&t.pool, &bytes).await.unwrap();
    assert_eq!(preview.rows.len(), 5);
    assert_eq!((preview.with_problems, preview.duplicates), (0, 0));
    let first = &preview.rows[0];
    assert_eq!(
        (first.row, first.title.as_str(), first.kind),
        (
            2,
            "People management essentials",
            Some(ResourceKind::Course)
        )
    );
    assert_eq!(
        (first.total_units, first.unit, first.focus_area_id),
        (Some(12.0), Some(Unit::Lessons), Some(2))
    );
    assert_eq!(
        preview.rows[3].title, "Negotiation, for engineers",
        "a quoted comma stays in the field"
    );
    assert_eq!(
        preview.rows[4].row, 7,
        "a quoted newline makes row 5 two lines long"
    );

    let mut calls = Vec::new();
    let outcome = csv_import::import(&t.pool, &bytes, OnDuplicate::Skip, today(), |d, n| {
        calls.push((d, n))
    })
    .await
    .unwrap();
    assert_eq!(
        (outcome.created, outcome.merged, outcome.skipped),
        (5, 0, 0)
    );
    assert_eq!(calls.last(), Some(&(5, 5)), "progress reaches the end");
    let all = resources::list(
        &t.pool,
        ResourceFilter {
            sort: Some(ResourceSort::Title),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(all.len(), 5);
    let negotiation = all
        .iter()
        .find(|r| r.title.starts_with("Negotiation"))
        .unwrap();
    assert_eq!(
        (negotiation.status, negotiation.percent),
        (LearningStatus::Completed, Some(100))
    );
}

#[tokio::test]
async fn bom_semicolons_missing_and_extra_columns_are_handled() {
    let t = common::db().await;
    let cases: Vec<(&str, &str, Option<ResourceKind>, Option<f64>)> = vec![
        (
            "\u{feff}title,kind\nRust book,book\n",
            "Rust book",
            Some(ResourceKind::Book),
            None,
        ),
        (
            "Title;Kind;Total Units\nData course;course;10\n",
            "Data course",
            Some(ResourceKind::Course),
            Some(10.0),
        ),
        (
            "title,colour,total_units\nAlone,blue,3\n",
            "Alone",
            None,
            Some(3.0),
        ),
        (
            "kind,title\nvideo,\"Say \"\"hi\"\"\"\n",
            "Say \"hi\"",
            Some(ResourceKind::Video),
            None,
        ),
        (
            "title,total units\nEuro decimals,\"2,5\"\n",
            "Euro decimals",
            None,
            Some(2.5),
        ),
    ];
    for (text, title, kind, total) in cases {
        let p = csv_import::preview(&t.pool, text.as_bytes())
            .await
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let row = &p.rows[0];
        assert!(row.problems.is_empty(), "{text:?}: {:?}", row.problems);
        assert_eq!(
            (row.title.as_str(), row.kind, row.total_units),
            (title, kind, total),
            "{text:?}"
        );
    }
}

#[tokio::test]
async fn row_problems_name_the_row_and_column_and_block_the_import() {
    let t = common::db().await;
    let cases: Vec<(&str, &str)> = vec![
        (",course,,,,,,,\n", "title"),
        ("Ok,lecture,,,,,,,\n", "kind"),
        ("Ok,course,,javascript:alert(1),,,,,\n", "url"),
        ("Ok,course,,file:///etc/passwd,,,,,\n", "url"),
        ("Ok,course,,,-4,,,,\n", "total units"),
        ("Ok,course,,,twelve,,,,\n", "total units"),
        ("Ok,course,,,,minutes,,,\n", "unit"),
        ("Ok,course,,,,,Cooking,,\n", "focus area"),
        ("Ok,course,,,,,,paused,\n", "status"),
        ("Ok,course,,,,,,,31/12/2026\n", "target date"),
    ];
    for (line, column) in cases {
        let text = format!("{HEADER}Fine,course,,,,,,,\n{line}");
        let preview = csv_import::preview(&t.pool, text.as_bytes()).await.unwrap();
        let bad = &preview.rows[1];
        assert_eq!(bad.row, 3, "{line}");
        assert_eq!(
            bad.problems
                .iter()
                .map(|p| p.column.as_str())
                .collect::<Vec<_>>(),
            [column],
            "{line}"
        );
        let err = csv_import::import(
            &t.pool,
            text.as_bytes(),
            OnDuplicate::Skip,
            today(),
            |_, _| {},
        )
        .await
        .unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Invalid, Some("file"))
        );
        assert!(
            err.to_string()
                .starts_with(&format!("Row 3, column {column}:")),
            "{err}"
        );
        assert_eq!(
            common::count(&t.pool, "resources").await,
            0,
            "nothing written for {line}"
        );
    }
}

#[tokio::test]
async fn malformed_files_are_refused_with_the_row() {
    let t = common::db().await;
    let cases: Vec<(&[u8], &str)> = vec![
        (
            b"title,kind\n\"Unclosed,course\nNext,book\n",
            "Row 2: a quoted field is opened but never closed.",
        ),
        (b"name,kind\nX,course\n", "Row 1: no \"title\" column"),
        (b"", "The file is empty"),
        (b"title,kind\n", "The file has a header row but no data."),
        (
            b"title\nCaf\xe9 course\n",
            "Row 2: the file is not UTF-8 text.",
        ),
    ];
    for (bytes, start) in cases {
        let err = csv_import::preview(&t.pool, bytes).await.unwrap_err();
        assert_eq!(err.field(), Some("file"));
        assert!(err.to_string().starts_with(start), "{err}");
    }
}

#[tokio::test]
async fn duplicates_are_skipped_or_merged_as_chosen() {
    let t = common::db().await;
    let text = format!("{HEADER}Rust course,course,Coursely,,20,lessons,,,\nNew one,book,,,,,,,\n");
    csv_import::import(
        &t.pool,
        format!("{HEADER}rust COURSE,course,coursely,,,,,,\n").as_bytes(),
        OnDuplicate::Skip,
        today(),
        |_, _| {},
    )
    .await
    .unwrap();
    let p = csv_import::preview(&t.pool, text.as_bytes()).await.unwrap();
    assert_eq!(p.duplicates, 1);
    assert!(p.rows[0].duplicate_of.is_some());

    let skipped = csv_import::import(
        &t.pool,
        text.as_bytes(),
        OnDuplicate::Skip,
        today(),
        |_, _| {},
    )
    .await
    .unwrap();
    assert_eq!((skipped.created, skipped.skipped), (1, 1));
    let merged = csv_import::import(
        &t.pool,
        text.as_bytes(),
        OnDuplicate::Merge,
        today(),
        |_, _| {},
    )
    .await
    .unwrap();
    assert_eq!((merged.created, merged.merged), (0, 2));
    let all = resources::list(&t.pool, ResourceFilter::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    let rust = all.iter().find(|r| r.title == "rust COURSE").unwrap();
    assert_eq!(rust.total_units, Some(20.0), "merge fills in the total");
}

#[tokio::test]
async fn ten_thousand_rows_import_in_one_go() {
    let t = common::db().await;
    let mut text = String::from(HEADER);
    for i in 0..10_000 {
        text.push_str(&format!(
            "Course {i},course,Provider {},,10,lessons,,,\n",
            i % 50
        ));
    }
    let mut last = (0, 0);
    let outcome = csv_import::import(
        &t.pool,
        text.as_bytes(),
        OnDuplicate::Skip,
        today(),
        |d, n| last = (d, n),
    )
    .await
    .unwrap();
    assert_eq!(outcome.created, 10_000);
    assert_eq!(last, (10_000, 10_000));
    assert_eq!(common::count(&t.pool, "resources").await, 10_000);
}
