//! The one list of commands (`src-tauri/command_list.rs`) against everything else that
//! names commands: the functions in `src-tauri/commands/`, the permissions granted in
//! `capabilities/default.json` and the calls in `ui/src/api.ts`. A command added, renamed
//! or removed in one place and not the others fails here, not at run time as a refusal.

use std::collections::BTreeSet;
use std::path::Path;

use ladder_lib::commands::{CommandSpec, COMMANDS};

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("read {}: {e}", full.display()))
}

/// A command as (file in `commands/`, name, [(argument, type)]).
type Signature = (String, String, Vec<(String, String)>);

fn registered() -> BTreeSet<&'static str> {
    COMMANDS.iter().map(|c| c.name).collect()
}

/// Tauri's permission name for a command: `allow-` and the name in kebab case.
fn permission(name: &str) -> String {
    format!("allow-{}", name.replace('_', "-"))
}

/// The app's own permissions granted by a capability file (core ones are left out).
fn granted(capability: &str) -> BTreeSet<String> {
    let json: serde_json::Value = serde_json::from_str(capability).expect("capability JSON");
    json["permissions"]
        .as_array()
        .expect("a permissions list")
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.contains(':'))
        .map(str::to_owned)
        .collect()
}

/// Command names that `api.ts` passes to its `call` helper or to `invoke`.
fn called(api: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for word in ["call", "invoke"] {
        for (at, _) in api.match_indices(word) {
            let before = api[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let mut rest = &api[at + word.len()..];
            if let Some(generic) = rest.strip_prefix('<') {
                // Skip the type argument, which may nest (`call<Vec<X>>`).
                let mut depth = 1;
                let end = generic.char_indices().find(|(_, c)| {
                    depth += match c {
                        '<' => 1,
                        '>' => -1,
                        _ => 0,
                    };
                    depth == 0
                });
                let Some((end, _)) = end else { continue };
                rest = &generic[end + 1..];
            }
            let Some(args) = rest.strip_prefix('(') else {
                continue;
            };
            let Some(quoted) = args.trim_start().strip_prefix('"') else {
                continue;
            };
            if let Some(end) = quoted.find('"') {
                names.insert(quoted[..end].to_owned());
            }
        }
    }
    names
}

/// Each `#[tauri::command]` in a commands file as (name, [(argument, type)]), leaving out
/// what Tauri injects (state, the app handle).
fn defined(source: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    for part in source.split("#[tauri::command]").skip(1) {
        let Some(at) = part.find("pub async fn ") else {
            continue;
        };
        let rest = &part[at + "pub async fn ".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let open = rest.find('(').expect("parameters");
        let mut depth = 0;
        let mut close = open;
        for (i, c) in rest[open..].char_indices() {
            depth += match c {
                '(' | '<' => 1,
                ')' | '>' => -1,
                _ => 0,
            };
            if depth == 0 {
                close = open + i;
                break;
            }
        }
        let params = &rest[open + 1..close];
        let mut args = Vec::new();
        let (mut depth, mut current) = (0, String::new());
        for c in params.chars().chain(std::iter::once(',')) {
            match c {
                '<' | '(' => depth += 1,
                '>' | ')' => depth -= 1,
                _ => {}
            }
            if c == ',' && depth == 0 {
                let param: String = current.split_whitespace().collect::<Vec<_>>().join(" ");
                current.clear();
                if let Some((arg, ty)) = param.split_once(':') {
                    let ty = ty.trim().replace(' ', "");
                    if !(ty.starts_with("State<") || ty.contains("AppHandle")) {
                        args.push((arg.trim().to_owned(), ty));
                    }
                }
            } else {
                current.push(c);
            }
        }
        out.push((name, args));
    }
    out
}

#[test]
fn every_command_is_listed_once() {
    assert_eq!(registered().len(), COMMANDS.len(), "a name is listed twice");
    assert!(
        COMMANDS.len() >= 100,
        "the list lost commands: {}",
        COMMANDS.len()
    );
}

#[test]
fn the_list_records_each_commands_real_arguments() {
    let modules: BTreeSet<&str> = COMMANDS.iter().map(|c| c.module).collect();
    let mut found: Vec<Signature> = Vec::new();
    for module in modules {
        let source = read(&format!("src-tauri/commands/{module}.rs"));
        for (name, args) in defined(&source) {
            found.push((module.to_owned(), name, args));
        }
    }
    let listed: Vec<Signature> = COMMANDS
        .iter()
        .map(|CommandSpec { module, name, args }| {
            let args = args
                .iter()
                .map(|(a, t)| (a.to_string(), t.replace(' ', "")))
                .collect();
            (module.to_string(), name.to_string(), args)
        })
        .collect();
    for command in &found {
        assert!(
            listed.contains(command),
            "commands/{}.rs defines {}({:?}), which the list does not hold as written",
            command.0,
            command.1,
            command.2
        );
    }
    assert_eq!(
        found.len(),
        listed.len(),
        "the list names a command that no file defines"
    );
}

#[test]
fn the_capability_grants_exactly_the_registered_commands() {
    let granted = granted(&read("capabilities/default.json"));
    let wanted: BTreeSet<String> = registered().into_iter().map(permission).collect();
    let unknown: Vec<_> = granted.difference(&wanted).collect();
    let missing: Vec<_> = wanted.difference(&granted).collect();
    assert!(unknown.is_empty(), "granted but not a command: {unknown:?}");
    assert!(
        missing.is_empty(),
        "registered but not granted: {missing:?}"
    );
}

#[test]
fn the_ui_calls_only_registered_commands_and_every_one_of_them() {
    let called = called(&read("ui/src/api.ts"));
    let registered: BTreeSet<String> = registered().into_iter().map(str::to_owned).collect();
    let unknown: Vec<_> = called.difference(&registered).collect();
    let unused: Vec<_> = registered.difference(&called).collect();
    assert!(
        unknown.is_empty(),
        "api.ts calls commands that are not registered: {unknown:?}"
    );
    assert!(
        unused.is_empty(),
        "registered commands the UI never calls: {unused:?}"
    );
}

#[test]
fn the_checks_themselves_catch_a_stray_name() {
    // The parsers above, fed a made-up file, must see what a real one would hide.
    let api =
        r#"const a = () => call<Vec<X>>("list_plans", {}); x.call("not_me"); invoke("made_up");"#;
    assert_eq!(
        called(api),
        ["list_plans", "made_up"]
            .map(String::from)
            .into_iter()
            .collect()
    );
    let capability =
        r#"{"permissions": ["allow-list-plans", "allow-gone", "core:event:allow-listen"]}"#;
    assert_eq!(
        granted(capability),
        ["allow-gone", "allow-list-plans"]
            .map(String::from)
            .into_iter()
            .collect()
    );
    let source = "#[tauri::command]\npub async fn rename(\n    state: State<'_, AppState>,\n    id: i64,\n    to: Option<Vec<String>>,\n) -> AppResult<()> {}";
    assert_eq!(
        defined(source),
        vec![(
            "rename".to_owned(),
            vec![
                ("id".to_owned(), "i64".to_owned()),
                ("to".to_owned(), "Option<Vec<String>>".to_owned())
            ]
        )]
    );
}
