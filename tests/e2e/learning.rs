//! Tracking course completion end to end: a 12-lesson course logged from the keyboard to
//! completion, the history chart's numbers, and the sample CSV imported.

use crate::harness::{App, ENTER, ESCAPE};

async fn log_from_row(app: &App, title: &str, units: &str) {
    let row = app
        .find_text(
            "[data-testid=resource-row] [data-testid=resource-title]",
            title,
        )
        .await;
    // Focus the row the way Tab would, then press L.
    app.client
        .execute(
            "arguments[0].closest('button').focus()",
            vec![serde_json::to_value(&row).unwrap()],
        )
        .await
        .unwrap();
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys("l")
        .await
        .unwrap();
    let input = app.find("[data-testid=quick-units]").await;
    if units != "1" {
        input.clear().await.unwrap();
        input.send_keys(units).await.unwrap();
    }
    input.send_keys(ENTER).await.unwrap();
    app.gone("[data-testid=quick-units]").await;
}

async fn js_text(app: &App, script: &str) -> String {
    app.client
        .execute(script, vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_course_is_logged_to_completion_and_the_sample_csv_imports() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;

    app.click("[data-testid=nav-learning]").await;
    app.find("[data-testid=learning-empty]").await;
    app.click("[data-testid=add-resource]").await;
    app.type_into("#res-title", "People management basics")
        .await;
    app.type_into("#res-provider", "Coursely").await;
    app.type_into("#res-total", "12").await;
    app.click("[data-testid=save-resource]").await;
    app.screenshot("learning-added").await;
    app.find_text("[data-testid=resource-title]", "People management basics")
        .await;

    for (units, pct) in [("3", "25 %"), ("3", "50 %"), ("6", "100 %")] {
        log_from_row(&app, "People management basics", units).await;
        app.find_text("[data-testid=resource-progress] [data-testid=pct]", pct)
            .await;
    }
    app.find_text("[data-testid=resource-row] .status", "Completed")
        .await;

    // Going past the end is refused with a clear message, and nothing changes.
    app.click("[data-testid=resource-row]").await;
    app.type_into("[data-testid=log-amount]", "1").await;
    app.click("[data-testid=log-save]").await;
    let refused = app
        .find("[data-testid=log-error]")
        .await
        .text()
        .await
        .unwrap();
    assert!(refused.starts_with("That goes past the end"), "{refused}");

    // The completion shows in this quarter's bar of the history (its table for screen readers).
    app.find("[data-testid=chart-quarters] canvas").await;
    let counts = js_text(
        &app,
        "return [...document.querySelectorAll('[data-testid=quarter-count]')].map(e => e.textContent).join(',')",
    )
    .await;
    assert_eq!(counts, "0,0,0,0,0,0,0,1");
    app.screenshot("learning-completed").await;

    // Editing an entry recomputes everything: 6 lessons become 5, and the course reopens.
    app.click("[aria-label='Edit the entry of Nov 26, 2026']")
        .await;
    app.type_into("[data-testid=log-amount]", "5").await;
    app.click("[data-testid=log-save]").await;
    app.find_text("[data-testid=resource-progress] [data-testid=pct]", "92 %")
        .await;
    app.find_text("[data-testid=resource-row] .status", "In progress")
        .await;

    // Escape closes the side panel when no text box has the key (here the Log button).
    app.press("[data-testid=log-save]", ESCAPE).await;
    app.gone("[data-testid=resource-panel]").await;

    // Import the sample CSV (the e2e run names the file instead of the native dialog).
    app.click("[data-testid=import-csv]").await;
    let summary = app
        .find("[data-testid=import-summary]")
        .await
        .text()
        .await
        .unwrap();
    assert!(summary.starts_with("5 rows in"), "{summary}");
    assert_eq!(app.texts("[data-testid=import-row]").await.len(), 5);
    app.screenshot("learning-import").await;

    // A page script cannot name a file: a path in place of the token is refused, and
    // so is the old argument, while the file the dialog previewed stays ready.
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sample-learning.csv");
    for args in [
        serde_json::json!({ "token": sample, "onDuplicate": "skip" }),
        serde_json::json!({ "path": sample, "onDuplicate": "skip" }),
    ] {
        let answer = app
            .client
            .execute_async(
                "const [args, done] = arguments;
                 window.__TAURI_INTERNALS__.invoke('import_csv', args)
                   .then(() => done('imported'), (e) => done('refused: ' + JSON.stringify(e)));",
                vec![args.clone()],
            )
            .await
            .unwrap();
        let answer = answer.as_str().unwrap_or_default().to_owned();
        assert!(answer.starts_with("refused"), "{args}: {answer}");
        if args.get("token").is_some() {
            assert!(answer.contains(r#""field":"token""#), "{answer}");
        }
    }
    app.click("[data-testid=run-import]").await;
    app.find_text("[data-testid=banner] span", "Imported 5 resources.")
        .await;
    app.find_text("[data-testid=resource-title]", "Negotiation, for engineers")
        .await;
    assert_eq!(app.texts("[data-testid=resource-row]").await.len(), 6);
    app.screenshot("learning-library").await;
    app.quit().await;

    let mut conn = crate::open_db(data.path()).await;
    let course: (String, f64, String, Option<String>) = sqlx::query_as(
        "SELECT status, units_done, (SELECT group_concat(units) FROM progress_entries), completed_on
         FROM resources WHERE title = 'People management basics'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(
        course,
        (
            "in_progress".to_owned(),
            11.0,
            "3.0,3.0,5.0".to_owned(),
            None
        )
    );
    let imported: i64 = sqlx::query_scalar("SELECT count(*) FROM resources")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(imported, 6);
}
