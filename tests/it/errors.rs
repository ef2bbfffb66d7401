use ladder_lib::infra::error::AppError;
use serde_json::json;

#[test]
fn errors_cross_to_the_ui_as_kind_message_field() {
    let err = AppError::invalid("title", "This cannot be empty.");
    assert_eq!(
        serde_json::to_value(&err).unwrap(),
        json!({"kind": "invalid", "message": "This cannot be empty.", "field": "title"})
    );
    let err = AppError::NotFound {
        entity: "Plan",
        id: 42,
    };
    assert_eq!(
        serde_json::to_value(&err).unwrap(),
        json!({"kind": "not_found", "message": "Plan 42 does not exist (it may have been deleted)", "field": null})
    );
    let err = AppError::conflict(Some("status"), "Already active.");
    assert_eq!(serde_json::to_value(&err).unwrap()["kind"], "conflict");
}
