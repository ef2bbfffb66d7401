//! The fuzzer: hostile calls of every registered command, sent through Tauri's IPC from
//! inside the WebView (`window.__TAURI_INTERNALS__.invoke`, as any script in the page
//! could), and broken files to the importers, for about a minute.
//!
//! The oracle, after every call: the app answers (no panic, no hang), a refused call
//! changed no row of any table (a hash of each table, read from the files read-only),
//! and every refusal is an AppError `{kind, message, field}` — `invalid` naming the
//! argument when one was left out or had the wrong type. At the end, `integrity_check`
//! and `foreign_key_check` pass and the app's log holds no panic.
//!
//! `LADDER_FUZZ_SEED=N` replays a run (the seed is printed), `LADDER_FUZZ_CALLS=N` stops
//! after N calls (to replay a run exactly, give both), `LADDER_FUZZ_SECONDS` sets the
//! budget (60). Left out: `quit_app` (it ends the app, and the run with it); without the
//! `test-hooks` feature also `show_data_folder`, `show_backups_folder` and
//! `open_resource_url` and `open_opportunity_url`, which would start a file manager or a browser (with it,
//! `LADDER_NO_OPEN` makes them open nothing).

mod db;
mod files;
mod gen;
mod ts;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ladder_lib::commands::{CommandSpec, COMMANDS};
use serde_json::{json, Map, Value};

use crate::harness::{App, TODAY};
use gen::{Pools, Rng};

/// Builds the arguments in the page (huge strings and deep arrays are made there, not
/// shipped over WebDriver), calls the command, and answers with what came back: never
/// the value itself, and of an error only what the oracle looks at.
const CALL_JS: &str = r#"
const [cmd, spec, raw, wait] = arguments;
const done = arguments[arguments.length - 1];
const build = (v) => {
  if (Array.isArray(v)) return v.map(build);
  if (v && typeof v === "object") {
    if ("$fuzzHuge" in v) return v.$fuzzHuge[1].repeat(v.$fuzzHuge[0]);
    if ("$fuzzDeep" in v) { let x = 0; for (let i = 0; i < v.$fuzzDeep; i++) x = [x]; return x; }
    const o = {};
    for (const k of Object.keys(v)) o[k] = build(v[k]);
    return o;
  }
  return v;
};
const args = raw ? new Uint8Array([1, 2, 3]) : build(spec);
const timer = setTimeout(() => done({ outcome: "timeout" }), wait);
const finish = (r) => { clearTimeout(timer); done(r); };
const describe = (e) => {
  if (typeof e !== "object" || e === null) return { type: typeof e, text: Array.from(String(e)).slice(0, 300).join("") };
  return { type: "object", keys: Object.keys(e).sort(), kind: e.kind, field: e.field,
           messageType: typeof e.message, text: Array.from(String(e.message)).slice(0, 300).join("") };
};
try {
  window.__TAURI_INTERNALS__.invoke(cmd, args).then(
    () => finish({ outcome: "ok" }),
    (e) => finish({ outcome: "error", error: describe(e) }));
} catch (e) {
  finish({ outcome: "threw", error: describe(e) });
}
"#;

const CALL_WAIT: Duration = Duration::from_secs(20);
const UNKNOWN: &[&str] = &[
    "made_up",
    "DELETE_GOAL",
    "delete_goal ",
    "plugin:fs|read_file",
    "plugin:shell|execute",
    "plugin:opener|open_url",
    "plugin:opener|open_path",
    "plugin:dialog|open",
    "plugin:app|version",
    "plugin:window|close",
    "plugin:webview|create_webview_window",
    "plugin:event|emit",
];

/// One call to make, and what the oracle expects of it.
struct Call {
    command: String,
    args: Value,
    raw: bool,
    /// A refusal must be `invalid` with this field (an argument left out or wrong-typed).
    expect_field: Option<String>,
    /// Refused by Tauri itself before any Ladder code runs (an unknown command, JSON
    /// nested past serde_json's limit): a string, which api.ts's `toAppError` maps.
    tauri_level: bool,
    label: &'static str,
}

#[derive(Default)]
struct Stats {
    calls: usize,
    accepted: usize,
    refused: BTreeMap<String, usize>,
    timeouts: usize,
}

fn make_call(spec: &CommandSpec, types: &ts::Types, rng: &mut Rng, pools: &Pools) -> Call {
    // `stringify!` spaces types out ("Option < i64 >").
    let types_written: Vec<String> = spec.args.iter().map(|(_, t)| t.replace(' ', "")).collect();
    let args: Vec<(String, &str)> = spec
        .args
        .iter()
        .zip(&types_written)
        .map(|((a, _), t)| (ladder_lib::commands::args::key(a), t.as_str()))
        .collect();
    let mut map = Map::new();
    for (key, ty) in &args {
        let t = gen::ts_of(ty, spec.name, key, types);
        map.insert(key.clone(), gen::valid(&t, key, types, rng, pools, 0));
    }
    let mut call = Call {
        command: spec.name.to_owned(),
        args: Value::Null,
        raw: false,
        expect_field: None,
        tauri_level: false,
        label: "plausible",
    };
    let roll = rng.below(100);
    if args.is_empty() && (35..85).contains(&roll) {
        // Nothing to break one argument at a time: break the payload instead.
        return whole_payload(call, map, &args, rng);
    }
    if roll < 35 {
    } else if roll < 70 {
        let (key, ty) = &args[rng.below(args.len())];
        let slot = map.get_mut(key).unwrap();
        call.label = "hostile value";
        match *ty {
            "serde_json::Value" | "Vec<i64>" => gen::mutate(slot, rng),
            "String" | "Option<String>" => *slot = gen::hostile_text(rng),
            "i64" | "Option<i64>" => *slot = gen::hostile_number(rng),
            _ => *slot = gen::hostile(rng),
        }
    } else if roll < 85 {
        let (key, ty) = &args[rng.below(args.len())];
        let wrong = gen::wrong_type(ty, rng);
        if ty.starts_with("Option<") || (wrong.is_some() && rng.chance(70)) {
            if let Some(wrong) = wrong {
                map.insert(key.clone(), wrong);
                call.expect_field = Some(key.clone());
                call.label = "wrong type";
            }
        } else {
            map.remove(key);
            call.expect_field = Some(key.clone());
            call.label = "missing";
        }
    } else if roll < 95 {
        return whole_payload(call, map, &args, rng);
    } else {
        call.command = rng.pick(UNKNOWN).to_string();
        call.tauri_level = true;
        call.label = "unknown command";
    }
    call.args = Value::Object(map);
    call
}

/// Breaks the call as a whole: extra arguments, a body that is not an object, raw bytes
/// or JSON nested too deep to parse.
fn whole_payload(
    mut call: Call,
    mut map: Map<String, Value>,
    args: &[(String, &str)],
    rng: &mut Rng,
) -> Call {
    let first_required = args
        .iter()
        .find(|(_, t)| !t.starts_with("Option<"))
        .map(|(k, _)| k.clone());
    match rng.below(4) {
        0 => {
            map.insert("extra".into(), gen::hostile(rng));
            map.insert("__proto__".into(), json!({"id": 1}));
            call.args = Value::Object(map);
            call.label = "extra args";
        }
        1 => {
            call.args = rng.pick(&[json!(5), json!("x"), json!(true)]).clone();
            call.expect_field = first_required;
            call.label = "not an object";
        }
        2 if rng.chance(50) => {
            // Tauri's JavaScript sends an array as raw bytes.
            call.args = json!([1, 2, 300]);
            call.expect_field = args.first().map(|(k, _)| k.clone());
            call.label = "array body";
        }
        2 => {
            call.raw = true;
            call.expect_field = args.first().map(|(k, _)| k.clone());
            call.label = "raw bytes";
        }
        _ => {
            let key = args.first().map_or("x".to_owned(), |(k, _)| k.clone());
            call.args = json!({ key: gen::deep(200 + rng.below(2000)) });
            call.label = "deep body";
        }
    }
    call
}

/// Whether `value` holds an array nested deeper than serde_json parses (128): Tauri then
/// refuses the whole call before any of Ladder's code runs. A value under `__proto__`
/// does not count: the page's assignment sets the object's prototype instead, and
/// JSON.stringify leaves it out, so it never reaches Tauri.
fn too_deep(value: &Value) -> bool {
    match value {
        Value::Object(map) => {
            map.get("$fuzzDeep")
                .and_then(Value::as_u64)
                .is_some_and(|n| n > 120)
                || map.iter().any(|(k, v)| k != "__proto__" && too_deep(v))
        }
        Value::Array(items) => items.iter().any(too_deep),
        _ => false,
    }
}

/// Why a refusal is not in the one error shape, if it is not.
fn wrong_shape(call: &Call, error: &Value) -> Option<String> {
    let kinds = ["invalid", "not_found", "conflict", "database", "io"];
    if call.tauri_level {
        return (error["type"] != "string")
            .then(|| format!("Tauri's refusal was not text: {error}"));
    }
    let keys = json!(["field", "kind", "message"]);
    if error["type"] != "object" || error["keys"] != keys || error["messageType"] != "string" {
        return Some(format!("not an AppError: {error}"));
    }
    let kind = error["kind"].as_str().unwrap_or_default();
    if !kinds.contains(&kind) {
        return Some(format!("kind {kind:?} is not one Rust sends: {error}"));
    }
    if !(error["field"].is_null() || error["field"].is_string()) {
        return Some(format!("field is neither null nor text: {error}"));
    }
    if let Some(field) = &call.expect_field {
        if kind != "invalid" || error["field"] != json!(field) {
            return Some(format!("expected invalid on {field}: {error}"));
        }
    }
    None
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

async fn seed_database(dir: &Path) {
    use ladder_lib::demo::generator::{generate, Scale};
    let pool = ladder_lib::infra::db::connect(&dir.join("ladder.sqlite3"))
        .await
        .unwrap();
    let small = Scale {
        plans: 3,
        goals_per_plan: 4,
        milestones_per_goal: 3,
        check_ins_per_goal: 3,
        wins_per_plan: 4,
        resources_per_plan: 4,
        entries_per_resource: 3,
        people: 6,
        requests_per_plan: 3,
        one_on_ones: 4,
        conversations_per_plan: 2,
        opportunities_per_plan: 1,
        expectations: 6,
    };
    generate(&pool, TODAY.parse().unwrap(), small)
        .await
        .unwrap();
    seed_mobility(&pool).await;
    // The base the broken export files are made from.
    let export = ladder_lib::workflows::exchange::export(
        &pool,
        "0.1.0",
        "2026-11-26T12:00:00.000Z",
        |_, _| {},
    )
    .await
    .unwrap();
    std::fs::write(dir.join("seed-export.json"), export.text).unwrap();
    pool.close().await;
}

/// A conversation and an opportunity from it, so their commands get real ids.
async fn seed_mobility(pool: &sqlx::SqlitePool) {
    use ladder_lib::mobility::{conversations, opportunities};
    let today = TODAY.parse().unwrap();
    let person: i64 = sqlx::query_scalar("SELECT min(id) FROM people")
        .fetch_one(pool)
        .await
        .unwrap();
    let input = serde_json::json!({"kind": "coffee_chat", "heldOn": "2026-11-03", "topic": "Coffee", "personIds": [person]});
    let c = conversations::create(pool, serde_json::from_value(input).unwrap(), today)
        .await
        .unwrap();
    let input = serde_json::json!({"title": "Team lead, Platform"});
    opportunities::create_from_conversation(
        pool,
        c.id,
        serde_json::from_value(input).unwrap(),
        today,
    )
    .await
    .unwrap();
}

/// Writes the file the "open" dialog answers with, for the commands that open one.
fn prepare_files(command: &str, open_file: &Path, backups: &Path, rng: &mut Rng) {
    let bytes = match command {
        "preview_csv" | "import_csv" | "preview_ladder_csv" | "import_ladder_csv" => {
            files::broken_csv(rng)
        }
        "preview_everything_import" | "import_everything" => {
            let dir = open_file.parent().unwrap();
            let base = std::fs::read_to_string(dir.join("seed-export.json")).unwrap();
            files::broken_export(rng, &base)
        }
        "restore_from_file" => {
            let newest = newest_backup(backups).and_then(|p| std::fs::read(p).ok());
            files::broken_restore(rng, newest.as_deref())
        }
        _ => return,
    };
    std::fs::write(open_file, bytes).unwrap();
}

fn newest_backup(dir: &Path) -> Option<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.retain(|p| p.extension().is_some_and(|e| e == "sqlite3"));
    names.sort();
    names.pop()
}

fn backup_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.extend(["../ladder.sqlite3", "nope.sqlite3", "", ".", "/etc/passwd"].map(String::from));
    names
}

async fn send(app: &App, call: &Call) -> Value {
    let args = vec![
        json!(call.command),
        call.args.clone(),
        json!(call.raw),
        json!(CALL_WAIT.as_millis() as u64),
    ];
    match app.client.execute_async(CALL_JS, args).await {
        Ok(v) => v,
        Err(e) => json!({ "outcome": "webdriver", "error": e.to_string() }),
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.len() > 200 {
        format!(
            "{}… ({} bytes)",
            &s[..s.char_indices().nth(200).map_or(s.len(), |(i, _)| i)],
            s.len()
        )
    } else {
        s
    }
}

#[tokio::test]
async fn fuzz_every_command_through_the_webview() {
    let seed = env_number("LADDER_FUZZ_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
    });
    let budget = Duration::from_secs(env_number("LADDER_FUZZ_SECONDS").unwrap_or(60));
    let max_calls = env_number("LADDER_FUZZ_CALLS").unwrap_or(u64::MAX) as usize;
    println!("fuzz: seed {seed} (replay with LADDER_FUZZ_SEED={seed}), budget {budget:?}");
    let mut rng = Rng(seed);

    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    seed_database(dir).await;
    std::fs::create_dir_all(dir.join("second-backups")).unwrap();
    let open_file = dir.join("open-file");
    std::fs::write(&open_file, files::broken_csv(&mut Rng(3))).unwrap();
    let log_path = dir.join("app.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let app = App::launch_with(dir, &[("LADDER_OPEN_FILE", open_file.as_os_str())], log).await;
    app.find("[data-testid=nav-plans]").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    app.client
        .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            Some(CALL_WAIT + Duration::from_secs(10)),
            None,
            None,
        ))
        .await
        .unwrap();

    let types = ts::load(Path::new(env!("CARGO_MANIFEST_DIR")));
    let hooks = cfg!(feature = "test-hooks");
    let left_out: &[&str] = if hooks {
        &["quit_app"]
    } else {
        &[
            "quit_app",
            "show_data_folder",
            "show_backups_folder",
            "open_resource_url",
            "open_opportunity_url",
        ]
    };
    println!("fuzz: left out {left_out:?}");
    let specs: Vec<&CommandSpec> = COMMANDS
        .iter()
        .filter(|c| !left_out.contains(&c.name))
        .collect();

    let user_db = dir.join("ladder.sqlite3");
    let example_db = ladder_lib::demo::example::path(dir);
    let backups = dir.join("backups");
    let db_files = [user_db.as_path(), example_db.as_path()];
    let mut pools = Pools::default();
    let mut before = db::snapshot(&db_files, &mut pools.ids).await;
    let mut watch = db::Watch::new(&db_files).await;
    let mut stats: BTreeMap<String, Stats> = BTreeMap::new();
    let mut findings: Vec<String> = Vec::new();
    let mut order: Vec<usize> = Vec::new();
    let started = Instant::now();
    let (mut sending, mut hashing) = (Duration::ZERO, Duration::ZERO);
    let mut n = 0;
    while started.elapsed() < budget && n < max_calls {
        if order.is_empty() {
            order = (0..specs.len()).collect();
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
        }
        let spec = specs[order.pop().unwrap()];
        pools.backups = backup_names(&backups);
        pools.files = vec![
            open_file.display().to_string(),
            dir.join("missing.csv").display().to_string(),
            dir.display().to_string(),
            user_db.display().to_string(),
        ];
        prepare_files(spec.name, &open_file, &backups, &mut rng);
        pools.command = spec.name.to_owned();
        let send_started = Instant::now();
        let mut call = make_call(spec, &types, &mut rng, &pools);
        if too_deep(&call.args) {
            call.tauri_level = true;
            call.expect_field = None;
        }
        n += 1;
        let result = send(&app, &call).await;
        sending += send_started.elapsed();
        let hash_started = Instant::now();
        let after = if watch.unchanged(&db_files).await {
            before.clone()
        } else {
            // Marked first: a commit while hashing shows up at the next call.
            watch.reset(&db_files).await;
            db::snapshot(&db_files, &mut pools.ids).await
        };
        hashing += hash_started.elapsed();
        let entry = stats
            .entry(format!(
                "{} ({})",
                spec.name,
                if call.tauri_level { "unknown" } else { "own" }
            ))
            .or_default();
        entry.calls += 1;
        let what = || {
            format!(
                "#{n} {} [{}] {}",
                call.command,
                call.label,
                short(&call.args)
            )
        };
        match result["outcome"].as_str() {
            Some("ok") if call.tauri_level && call.label == "unknown command" => {
                findings.push(format!(
                    "{}: accepted a command Ladder does not have",
                    what()
                ));
            }
            Some("ok") => {
                entry.accepted += 1;
                if call.expect_field.is_some() {
                    findings.push(format!(
                        "{}: accepted, though an argument was wrong",
                        what()
                    ));
                }
            }
            Some("error") => {
                let error = &result["error"];
                let kind = error["kind"].as_str().unwrap_or("text").to_owned();
                *entry.refused.entry(kind).or_default() += 1;
                if let Some(why) = wrong_shape(&call, error) {
                    findings.push(format!("{}: {why}", what()));
                }
                let changed = db::changed(&before, &after);
                if !changed.is_empty() {
                    findings.push(format!(
                        "{}: refused ({}) but changed {changed:?}",
                        what(),
                        short(error)
                    ));
                }
            }
            _ => {
                entry.timeouts += 1;
                findings.push(format!("{}: no answer: {result}", what()));
            }
        }
        before = after;
    }
    let elapsed = started.elapsed();

    // Still alive and answering, and nothing panicked on the way.
    let alive = send(
        &app,
        &Call {
            command: "app_info".into(),
            args: json!({}),
            raw: false,
            expect_field: None,
            tauri_level: false,
            label: "alive",
        },
    )
    .await;
    if alive["outcome"] != "ok" {
        findings.push(format!("the app stopped answering: {alive}"));
    }
    app.quit().await;
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    for line in log.lines().filter(|l| l.contains("panicked")) {
        findings.push(format!("panic in the log: {line}"));
    }
    for file in db_files.iter().filter(|f| f.exists()) {
        findings.extend(db::problems(file).await);
    }

    println!("fuzz: {n} calls in {elapsed:.1?} (seed {seed}; LADDER_FUZZ_SEED={seed} LADDER_FUZZ_CALLS={n} replays it)");
    println!("fuzz: {sending:.1?} making and sending calls, {hashing:.1?} hashing tables");
    println!(
        "{:<44} {:>5} {:>8}  refused by kind, no answer",
        "command", "calls", "accepted"
    );
    let (mut total_ok, mut total_refused) = (0, 0);
    for (name, s) in &stats {
        let refused: usize = s.refused.values().sum();
        total_ok += s.accepted;
        total_refused += refused;
        println!(
            "{name:<44} {:>5} {:>8}  {:?} {}",
            s.calls, s.accepted, s.refused, s.timeouts
        );
    }
    println!(
        "fuzz: {total_ok} accepted, {total_refused} refused, {} findings",
        findings.len()
    );
    for f in &findings {
        println!("FINDING {f}");
    }
    assert!(
        findings.is_empty(),
        "the fuzzer found {} problems (seed {seed}):\n{}",
        findings.len(),
        findings.join("\n")
    );
}
