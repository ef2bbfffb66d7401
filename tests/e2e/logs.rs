//! The log file keeps what went wrong and never what the user wrote: a title with a
//! marker is saved, then made to fail in several ways, and the log is searched for it.

use serde_json::{json, Value};

use crate::harness::App;

const MARKER: &str = "Quokka-7f3a private title";

/// Calls a command from the page, as the UI does; the answer is `{ok}` or `{err}`.
const INVOKE: &str = r#"
const [cmd, args, done] = arguments;
window.__TAURI_INTERNALS__.invoke(cmd, args).then((ok) => done({ ok }), (err) => done({ err }));
"#;

async fn call(app: &App, command: &str, args: Value) -> Value {
    app.client
        .execute_async(INVOKE, vec![json!(command), args])
        .await
        .unwrap_or_else(|e| panic!("{command}: {e}"))
}

fn refused(answer: &Value, kind: &str) {
    assert_eq!(answer["err"]["kind"], kind, "{answer}");
}

#[tokio::test]
async fn errors_reach_the_log_by_kind_and_field_and_never_with_the_users_words() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path()).await;
    app.find("[data-testid=nav-dashboard]").await;

    let plan = call(&app, "create_plan", json!({ "input": { "title": MARKER } })).await;
    let plan_id = plan["ok"]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("{plan}"));
    let first = call(
        &app,
        "add_principle",
        json!({ "input": { "name": MARKER } }),
    )
    .await;
    assert!(first["ok"].is_object(), "{first}");
    // Each refusal's message quotes or concerns the marked words.
    let twice = call(
        &app,
        "add_principle",
        json!({ "input": { "name": MARKER } }),
    )
    .await;
    refused(&twice, "conflict");
    assert!(
        twice["err"]["message"].as_str().unwrap().contains(MARKER),
        "{twice}"
    );
    let backwards =
        json!({ "input": { "title": MARKER, "startsOn": "2026-12-31", "endsOn": "2026-01-01" } });
    refused(
        &call(
            &app,
            "update_plan",
            json!({ "id": plan_id, "input": backwards["input"] }),
        )
        .await,
        "invalid",
    );
    let long = format!("{MARKER} {}", "x".repeat(5_000));
    refused(
        &call(
            &app,
            "create_goal",
            json!({ "planId": plan_id, "input": { "title": long, "focusAreaId": 1 } }),
        )
        .await,
        "invalid",
    );
    refused(
        &call(
            &app,
            "create_goal",
            json!({ "planId": 999_999, "input": { "title": MARKER, "focusAreaId": 1 } }),
        )
        .await,
        "not_found",
    );
    app.click("[data-testid=nav-settings]").await;
    app.find("[data-testid=show-log-folder]").await;
    app.screenshot("settings-log-folder").await;
    app.quit().await;

    let logs = data.path().join("logs");
    let mut text = String::new();
    for entry in std::fs::read_dir(&logs).unwrap_or_else(|e| panic!("{}: {e}", logs.display())) {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    // The failures are there, by kind and field...
    for expected in [
        "Conflict { field: Some(\"name\") }",
        "Invalid { field: Some(",
        "NotFound {",
    ] {
        assert!(
            text.contains(expected),
            "the log should name {expected:?}:\n{text}"
        );
    }
    // ...and the words are not, in any of them.
    assert!(
        !text.contains("Quokka"),
        "the log holds the user's words:\n{text}"
    );
}
