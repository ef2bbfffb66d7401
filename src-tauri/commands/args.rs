//! Every command's top-level arguments, checked before Tauri sees them.
//!
//! Tauri refuses a missing or wrong-typed argument with a plain string ("invalid args `id`
//! for command `delete_goal`: …"), which reaches the page as text with no field. Checking
//! the arguments here first, against the types the one list in `command_list.rs` gives
//! them, makes every caller (the UI, or any script in the page) get an [`AppError`]
//! naming the argument instead. The check deserializes exactly as Tauri would: the key in
//! camelCase, a missing key allowed only for an `Option`.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use tauri::ipc::{Invoke, InvokeBody};
use tauri::Runtime;

use crate::infra::error::AppError;
// The types the list names, in scope for `arg_checks!`.
#[allow(unused_imports)]
use crate::one_on_ones::schedule::OneOnOneStatus;

/// Refuses a call whose arguments do not fit its command, else hands it to `handler`.
pub fn checked<R: Runtime>(invoke: Invoke<R>, handler: &impl Fn(Invoke<R>) -> bool) -> bool {
    let payload = match invoke.message.payload() {
        InvokeBody::Json(value) => Some(value),
        InvokeBody::Raw(_) => None,
    };
    match refusal(invoke.message.command(), payload) {
        Some(error) => {
            invoke.resolver.reject(error);
            true
        }
        None => handler(invoke),
    }
}

/// Why the arguments of a call to `command` do not fit, if they do not. `payload` is
/// `None` for a call made with raw bytes, which no Ladder command takes.
pub fn refusal(command: &str, payload: Option<&serde_json::Value>) -> Option<AppError> {
    macro_rules! arg_checks {
        ($($module:ident::$name:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {
            match command {
                $(stringify!($name) => {
                    $(if let Err(e) = argument::<$ty>(payload, stringify!($arg)) {
                        return Some(e);
                    })*
                    None
                })*
                // Not Ladder's: Tauri answers "not found" itself.
                _ => None,
            }
        };
    }
    with_commands!(arg_checks)
}

/// Tauri's name for an argument: the Rust name in camelCase.
pub fn key(rust_name: &str) -> String {
    let mut out = String::with_capacity(rust_name.len());
    let mut upper = false;
    for c in rust_name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn argument<T: for<'de> Deserialize<'de>>(
    payload: Option<&serde_json::Value>,
    rust_name: &str,
) -> Result<(), AppError> {
    let key = key(rust_name);
    let Some(payload) = payload else {
        return Err(AppError::invalid(
            &key,
            "Unexpected input: the call sent bytes, not named arguments.",
        ));
    };
    let parsed = match payload.get(&key) {
        Some(value) => T::deserialize(value).map(drop).map_err(|e| e.to_string()),
        None => T::deserialize(Missing).map(drop).map_err(|e| e.0),
    };
    parsed.map_err(|message| AppError::invalid(&key, crate::infra::input::unexpected(message)))
}

/// An argument the call left out: `None` for an `Option`, refused for anything else.
struct Missing;

#[derive(Debug)]
struct MissingError(String);

impl std::fmt::Display for MissingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MissingError {}

impl de::Error for MissingError {
    fn custom<M: std::fmt::Display>(message: M) -> Self {
        MissingError(message.to_string())
    }
}

impl<'de> Deserializer<'de> for Missing {
    type Error = MissingError;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, MissingError> {
        Err(MissingError("this argument is missing".to_owned()))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, MissingError> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field_and_message(command: &str, payload: serde_json::Value) -> (String, String) {
        let error = refusal(command, Some(&payload)).expect("a refusal");
        assert_eq!(error.kind(), crate::infra::error::ErrorKind::Invalid);
        (
            error.field().unwrap_or_default().to_owned(),
            error.to_string(),
        )
    }

    #[test]
    fn a_wrong_typed_argument_is_refused_naming_it_in_camel_case() {
        let (field, message) = field_and_message("delete_goal", json!({"id": "x"}));
        assert_eq!(field, "id");
        assert!(
            message.contains("invalid type: string \"x\", expected i64"),
            "{message}"
        );
        let (field, _) = field_and_message("plan_detail", json!({"planId": 1.5}));
        assert_eq!(field, "planId");
        let (field, _) =
            field_and_message("reorder_milestones", json!({"goalId": 1, "ids": [1, "2"]}));
        assert_eq!(field, "ids");
        let (field, _) =
            field_and_message("set_one_on_one_status", json!({"id": 1, "status": "lost"}));
        assert_eq!(field, "status");
    }

    #[test]
    fn a_missing_argument_is_refused_unless_it_is_optional() {
        let (field, message) = field_and_message("create_goal", json!({"planId": 1}));
        assert_eq!(field, "input");
        assert!(message.contains("missing"), "{message}");
        // The snake-case name is not the argument: Tauri reads camelCase keys.
        let (field, _) = field_and_message("plan_detail", json!({"plan_id": 1}));
        assert_eq!(field, "planId");
        assert!(refusal("one_on_one_defaults", Some(&json!({}))).is_none());
        assert!(refusal("set_request_due", Some(&json!({"id": 3, "dueOn": null}))).is_none());
        let (field, _) = field_and_message("delete_goal", json!(7));
        assert_eq!(field, "id");
    }

    #[test]
    fn arguments_that_fit_pass_whatever_their_content() {
        // What is inside a JSON input is the domain's to judge (through `input::parse`).
        let ok = json!({"planId": 1, "input": {"anything": [1, 2]}, "extra": true});
        assert!(refusal("create_goal", Some(&ok)).is_none());
        assert!(refusal("list_plans", None).is_none());
        assert!(refusal("not_a_command", Some(&json!({"id": "x"}))).is_none());
        let error = refusal("delete_goal", None).expect("bytes are refused");
        assert_eq!(error.field(), Some("id"));
    }

    #[test]
    fn a_huge_refused_value_is_not_echoed_back_whole() {
        let (_, message) = field_and_message("delete_goal", json!({"id": "x".repeat(1 << 20)}));
        assert!(
            message.chars().count() < 400,
            "{} characters",
            message.len()
        );
    }

    #[test]
    fn keys_are_camel_case() {
        assert_eq!(key("plan_id"), "planId");
        assert_eq!(key("include_retired"), "includeRetired");
        assert_eq!(key("id"), "id");
    }
}
