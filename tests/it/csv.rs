use ladder_lib::infra::error::ErrorKind;
use ladder_lib::learning::csv_import::{self, OnDuplicate};
use ladder_lib::learning::csv_read;
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

/// Python's reading of a fixture (tests/csv/*.json, written by tests/csv/make_fixtures.py)
/// with the rows the importer leaves out removed: blank lines and rows of empty cells
/// after the header.
fn python_rows(name: &str) -> Vec<Vec<String>> {
    let json = std::fs::read_to_string(fixture(&format!("{name}.json"))).unwrap();
    let rows: Vec<Vec<String>> = serde_json::from_str(&json).unwrap();
    let mut rows = rows.into_iter().filter(|r| !r.is_empty());
    let header = rows.next().expect("a header row");
    std::iter::once(header)
        .chain(rows.filter(|r| !r.iter().all(|f| f.trim().is_empty())))
        .collect()
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/csv")
        .join(name)
}

fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture(""))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".csv").map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_fixture_is_read_field_by_field_as_python_reads_it() {
    let names = fixture_names();
    assert!(names.len() >= 9, "fixtures missing: {names:?}");
    for name in names {
        let bytes = std::fs::read(fixture(&format!("{name}.csv"))).unwrap();
        let table = csv_read::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ours: Vec<Vec<String>> = std::iter::once(table.header)
            .chain(table.rows.into_iter().map(|r| r.fields))
            .collect();
        let python = python_rows(&name);
        assert_eq!(ours.len(), python.len(), "{name}: number of rows");
        for (i, (a, b)) in ours.iter().zip(&python).enumerate() {
            assert_eq!(
                a.len(),
                b.len(),
                "{name}, record {i}: fields {a:?} vs Python {b:?}"
            );
            for (j, (x, y)) in a.iter().zip(b).enumerate() {
                assert_eq!(x, y, "{name}, record {i}, field {j}");
            }
        }
    }
}

/// The committed readings are Python's: where python3 is installed (CI has it), the
/// script checks them again; the comparison above never needs it.
#[test]
fn the_committed_readings_are_what_python_reads_now() {
    let script = fixture("make_fixtures.py");
    match std::process::Command::new("python3")
        .arg(&script)
        .arg("--check")
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => eprintln!("python3 not run ({e}); the committed readings are compared only"),
    }
}

#[tokio::test]
async fn a_stray_quote_in_an_unquoted_field_imports_as_written() {
    let t = common::db().await;
    let text = "title,provider\nMonitor 27\" setup,Acme\n";
    let p = csv_import::preview(&t.pool, text.as_bytes()).await.unwrap();
    let row = &p.rows[0];
    assert!(row.problems.is_empty(), "{:?}", row.problems);
    assert_eq!(
        (row.title.as_str(), row.provider.as_str()),
        ("Monitor 27\" setup", "Acme")
    );
    csv_import::import(
        &t.pool,
        text.as_bytes(),
        OnDuplicate::Skip,
        today(),
        |_, _| {},
    )
    .await
    .unwrap();
    let title: String = sqlx::query_scalar("SELECT title FROM resources")
        .fetch_one(&t.pool)
        .await
        .unwrap();
    assert_eq!(title, "Monitor 27\" setup");
}

#[tokio::test]
async fn ragged_rows_are_problems_naming_the_row_and_column() {
    let t = common::db().await;
    let bytes = std::fs::read(fixture("ragged.csv")).unwrap();
    let p = csv_import::preview(&t.pool, &bytes).await.unwrap();
    let problems: Vec<(u64, Vec<&str>)> = p
        .rows
        .iter()
        .map(|r| {
            (
                r.row,
                r.problems.iter().map(|p| p.column.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        problems,
        [
            (2, vec![]),
            (3, vec!["D"]),
            (4, vec!["provider"]),
            (5, vec!["kind"])
        ]
    );
    assert_eq!(p.with_problems, 3);
    assert!(p.rows[1].problems[0].message.contains("has 5 fields"));
    let err = csv_import::import(&t.pool, &bytes, OnDuplicate::Skip, today(), |_, _| {})
        .await
        .unwrap_err();
    assert!(
        err.to_string().starts_with(
            "Row 3, column D: This row has 5 fields but the header row names 3 columns"
        ),
        "{err}"
    );
    assert_eq!(common::count(&t.pool, "resources").await, 0);
}

#[tokio::test]
async fn the_same_row_twice_in_a_file_is_a_duplicate_skipped_or_merged() {
    let t = common::db().await;
    let text = format!(
        "{HEADER}Rust course,course,Coursely,,,,,,\nOther,book,,,,,,,\nRUST course,course,coursely,https://rust.example,20,hours,,,\n"
    );
    let p = csv_import::preview(&t.pool, text.as_bytes()).await.unwrap();
    assert_eq!(p.duplicates, 1);
    assert_eq!(
        (p.rows[2].duplicate_of, p.rows[2].duplicate_of_row),
        (None, Some(2)),
        "the third row repeats row 2"
    );
    assert_eq!(
        p.rows[0].duplicate_of_row, None,
        "the first is not a duplicate"
    );

    let skipped = csv_import::import(
        &t.pool,
        text.as_bytes(),
        OnDuplicate::Skip,
        today(),
        |_, _| {},
    )
    .await
    .unwrap();
    assert_eq!(
        (skipped.created, skipped.merged, skipped.skipped),
        (2, 0, 1)
    );
    let total: Option<f64> =
        sqlx::query_scalar("SELECT total_units FROM resources WHERE title = 'Rust course'")
            .fetch_one(&t.pool)
            .await
            .unwrap();
    assert_eq!(total, None, "the repeat was skipped");

    // Into an empty library again, merging: one resource with both rows' fields.
    let t = common::db().await;
    let merged = csv_import::import(
        &t.pool,
        text.as_bytes(),
        OnDuplicate::Merge,
        today(),
        |_, _| {},
    )
    .await
    .unwrap();
    assert_eq!((merged.created, merged.merged, merged.skipped), (2, 1, 0));
    let rust: (String, Option<f64>, String, Option<String>) = sqlx::query_as(
        "SELECT title, total_units, unit, url FROM resources WHERE lower(title) = 'rust course'",
    )
    .fetch_one(&t.pool)
    .await
    .unwrap();
    assert_eq!(
        rust,
        (
            "Rust course".to_owned(),
            Some(20.0),
            "hours".to_owned(),
            Some("https://rust.example".to_owned())
        )
    );
    assert_eq!(common::count(&t.pool, "resources").await, 2);
}

#[tokio::test]
async fn duplicates_ignore_case_beyond_ascii() {
    let t = common::db().await;
    csv_import::import(
        &t.pool,
        "title,provider\nÉcole du code,Él\n".as_bytes(),
        OnDuplicate::Skip,
        today(),
        |_, _| {},
    )
    .await
    .unwrap();
    let p = csv_import::preview(&t.pool, "title,provider\nécole du CODE,él\n".as_bytes())
        .await
        .unwrap();
    assert!(
        p.rows[0].duplicate_of.is_some(),
        "É and é are the same letter"
    );
}

#[tokio::test]
async fn the_preview_sends_the_first_rows_and_the_rows_with_problems_with_every_count() {
    let t = common::db().await;
    let mut text = String::from(HEADER);
    for i in 0..3_000 {
        // Every third row from row 1,000 on has an unknown kind.
        let kind = if i >= 1_000 && i % 3 == 0 {
            "lecture"
        } else {
            "course"
        };
        text.push_str(&format!("Course {i},{kind},,,,,,,\n"));
    }
    let p = csv_import::preview(&t.pool, text.as_bytes()).await.unwrap();
    assert_eq!((p.total_rows, p.with_problems), (3_000, 666));
    let bad = p.rows.iter().filter(|r| !r.problems.is_empty()).count();
    assert_eq!(bad, 500, "problem rows are capped");
    assert_eq!(p.rows.len(), 200 + 500);
    assert!(p.rows[..200]
        .iter()
        .enumerate()
        .all(|(i, r)| r.row == i as u64 + 2));
    assert!(
        p.rows.windows(2).all(|w| w[0].row < w[1].row),
        "in file order"
    );
}

#[tokio::test]
async fn progress_events_are_throttled_and_reach_the_end() {
    let t = common::db().await;
    let mut text = String::from(HEADER);
    for i in 0..10_000 {
        text.push_str(&format!("Course {i},course,,,,,,,\n"));
    }
    let mut calls = Vec::new();
    csv_import::import(
        &t.pool,
        text.as_bytes(),
        OnDuplicate::Skip,
        today(),
        |d, n| calls.push((d, n)),
    )
    .await
    .unwrap();
    assert_eq!(calls.first(), Some(&(0, 10_000)));
    assert_eq!(calls.last(), Some(&(10_000, 10_000)));
    // Every 5 %, plus one every 100 ms on a slow machine: far from one a row.
    assert!(calls.len() <= 21 + 200, "{} events", calls.len());
    assert!(calls.windows(2).all(|w| w[0].0 < w[1].0));
}

#[tokio::test]
async fn statuses_set_by_hand_are_kept_across_the_chunks_of_a_large_import() {
    let t = common::db().await;
    let mut text = String::from(HEADER);
    for i in 0..600 {
        let status = match i {
            10 | 300 => "completed",
            599 => "dropped",
            _ => "planned",
        };
        text.push_str(&format!("Course {i},course,P,,10,,,{status},\n"));
    }
    csv_import::import(
        &t.pool,
        text.as_bytes(),
        OnDuplicate::Skip,
        today(),
        |_, _| {},
    )
    .await
    .unwrap();
    let set: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT title, status, completed_on FROM resources WHERE status <> 'planned' ORDER BY id",
    )
    .fetch_all(&t.pool)
    .await
    .unwrap();
    let day = today().to_string();
    assert_eq!(
        set,
        [
            (
                "Course 10".to_owned(),
                "completed".to_owned(),
                Some(day.clone())
            ),
            ("Course 300".to_owned(), "completed".to_owned(), Some(day)),
            ("Course 599".to_owned(), "dropped".to_owned(), None),
        ]
    );
    assert_eq!(common::count(&t.pool, "resources").await, 600);
    let indexed: i64 =
        sqlx::query_scalar("SELECT count(*) FROM search_index WHERE kind = 'resource'")
            .fetch_one(&t.pool)
            .await
            .unwrap();
    assert_eq!(indexed, 600, "search finds every imported row");
}

#[tokio::test]
async fn a_row_breaks_the_same_value_rules_as_the_form() {
    let t = common::db().await;
    let csv =
        "title,provider,total units\nHuge,Acme,10000000000000\nTabbed,Ac\tme,3\nFine,Acme,3\n";
    let preview = csv_import::preview(&t.pool, csv.as_bytes()).await.unwrap();
    let problems: Vec<(usize, String)> = preview
        .rows
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.problems.iter().map(move |p| (i, p.column.clone())))
        .collect();
    assert_eq!(
        problems,
        [(0, "total units".to_owned()), (1, "provider".to_owned())]
    );
}
