//! The calls the fuzzer makes: for each argument, a plausible value of its type (ids that
//! exist, dates, enum values from the bindings) or a hostile one (wrong type, left out,
//! huge, NUL, emoji, extreme numbers, deep JSON, extra fields).

use serde_json::{json, Map, Value};

use super::ts::{Ts, Types};

/// splitmix64: small, seeded, the same sequence on every machine.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What the database and the data folder hold right now, to draw plausible values from.
#[derive(Default)]
pub struct Pools {
    /// table → its ids, in every database file.
    pub ids: std::collections::BTreeMap<String, Vec<i64>>,
    pub backups: Vec<String>,
    pub files: Vec<String>,
    /// The command being made, which says what a bare `id` refers to.
    pub command: String,
}

impl Pools {
    /// An id that exists in the table `name` (an argument or field) points at, mostly;
    /// now and then one from any table.
    fn id(&self, name: &str, rng: &mut Rng) -> Option<i64> {
        let table = if rng.chance(85) {
            self.table(name)
        } else {
            None
        };
        let pool: Vec<i64> = match table.and_then(|t| self.ids.get(t)) {
            Some(ids) => ids.clone(),
            None => self.ids.values().flatten().copied().collect(),
        };
        (!pool.is_empty()).then(|| pool[rng.below(pool.len())])
    }

    fn table(&self, name: &str) -> Option<&'static str> {
        const BY_FIELD: &[(&str, &str)] = &[
            ("actionId", "action_items"),
            ("conversationId", "conversations"),
            ("opportunityId", "opportunities"),
            ("oneOnOneId", "one_on_ones"),
            ("roleId", "target_roles"),
            ("expectationId", "role_expectations"),
            ("evidenceId", "expectation_evidence"),
            ("personIds", "people"),
            ("person", "people"),
            ("itemId", "agenda_items"),
            ("entryId", "progress_entries"),
            ("trashId", "trash"),
            ("winId", "achievements"),
            ("personId", "people"),
            ("resourceId", "resources"),
            ("principleId", "principles"),
            ("principleIds", "principles"),
            ("goalId", "goals"),
            ("planId", "plans"),
            ("focusAreaId", "focus_areas"),
            ("facetIds", "facets"),
        ];
        // For a bare `id`, the command's noun, most specific first.
        const BY_COMMAND: &[(&str, &str)] = &[
            ("check_in", "check_ins"),
            ("conversation", "conversations"),
            ("opportunit", "opportunities"),
            ("target_role", "target_roles"),
            ("expectation", "role_expectations"),
            ("milestone", "milestones"),
            ("agenda_item", "agenda_items"),
            ("action_item", "one_on_ones"),
            ("one_on_one", "one_on_ones"),
            ("agenda", "one_on_ones"),
            ("goal", "goals"),
            ("plan", "plans"),
            ("win", "achievements"),
            ("resource", "resources"),
            ("progress", "progress_entries"),
            ("person", "people"),
            ("request", "feedback_requests"),
            ("feedback", "feedback_requests"),
            ("principle", "principles"),
        ];
        if name == "ids" {
            return match self.command.as_str() {
                "reorder_agenda" => Some("agenda_items"),
                "reorder_milestones" => Some("milestones"),
                "reorder_expectations" => Some("role_expectations"),
                _ => Some("principles"),
            };
        }
        if let Some((_, t)) = BY_FIELD.iter().find(|(f, _)| *f == name) {
            return Some(t);
        }
        if name == "id" {
            return BY_COMMAND
                .iter()
                .find(|(n, _)| self.command.contains(n))
                .map(|(_, t)| *t);
        }
        None
    }
}

/// A huge string or a deeply nested array, built in the page rather than sent over
/// WebDriver (see `CALL_JS`).
pub fn huge(n: usize, unit: &str) -> Value {
    json!({ "$fuzzHuge": [n, unit] })
}
pub fn deep(n: usize) -> Value {
    json!({ "$fuzzDeep": n })
}

const TEXTS: &[&str] = &[
    "x",
    "",
    "   ",
    "a\u{0}b",
    "\u{0}",
    "🙂‍↔️👩🏽‍💻🇪🇺",
    "e\u{301}\u{301}\u{301}",
    "\u{202E}gnp.exe",
    "\u{FEFF}title",
    "line\nbreak\r\n\ttab",
    "<script>alert(1)</script>",
    "'; DROP TABLE goals; --",
    "\"quoted\" AND NOT *",
    "NEAR(a b",
    "../../etc/passwd",
    "%s%n%x",
    "\u{7F}\u{1B}[31m",
    "\u{D7FF}\u{E000}\u{FFFD}",
];

pub fn hostile_text(rng: &mut Rng) -> Value {
    match rng.below(10) {
        0 => huge(1 + rng.below(1 << 20), "x"),
        1 => huge(1 + rng.below(50_000), "🙂"),
        2 => huge(100_000, "\u{0}"),
        _ => json!(rng.pick(TEXTS)),
    }
}

pub fn hostile_number(rng: &mut Rng) -> Value {
    let options = [
        json!(0),
        json!(-1),
        json!(i64::MAX),
        json!(i64::MIN),
        json!(9_007_199_254_740_993_i64),
        json!(1e308),
        json!(-1e308),
        json!(1e12 + 1.0),
        json!(0.1),
        json!(-0.0),
        json!(5e-324),
        json!(u64::MAX),
    ];
    rng.pick(&options).clone()
}

/// Any hostile JSON value, of any type.
pub fn hostile(rng: &mut Rng) -> Value {
    match rng.below(8) {
        0 | 1 => hostile_text(rng),
        2 | 3 => hostile_number(rng),
        4 => json!(rng.pick(&[
            json!(null),
            json!(true),
            json!([]),
            json!({}),
            json!([null])
        ])),
        5 => deep(if rng.chance(50) {
            100
        } else {
            200 + rng.below(5000)
        }),
        6 => json!({ "$fuzzHuge": [10, "{"] }),
        _ => json!([1, "two", {"three": [3]}]),
    }
}

/// A plausible value for a field or argument of type `ty` named `name`.
pub fn valid(
    ty: &Ts,
    name: &str,
    types: &Types,
    rng: &mut Rng,
    pools: &Pools,
    depth: usize,
) -> Value {
    let lower = name.to_ascii_lowercase();
    match ty {
        Ts::Str
            if lower.ends_with("on")
                || lower.contains("date")
                || lower.ends_with("at")
                || lower == "from"
                || lower == "to" =>
        {
            let days = [
                "2026-11-26",
                "2026-12-31",
                "2026-10-01",
                "2027-01-15",
                "2025-02-28",
            ];
            json!(rng.pick(&days))
        }
        Ts::Str if lower.contains("url") => {
            json!(rng.pick(&["https://example.com/a", "http://localhost/x"]))
        }
        Ts::Str if lower.contains("filename") => {
            json!(pools
                .backups
                .get(rng.below(pools.backups.len().max(1)))
                .cloned()
                .unwrap_or_default())
        }
        Ts::Str if lower == "path" => json!(pools
            .files
            .get(rng.below(pools.files.len().max(1)))
            .cloned()
            .unwrap_or_default()),
        Ts::Str => json!(rng.pick(&[
            "Lead the on-call rotation",
            "mentor",
            "Q4",
            "Ünïcode plan",
            "a"
        ])),
        Ts::Num if lower.ends_with("id") || lower.ends_with("ids") => {
            json!(pools.id(name, rng).unwrap_or(1))
        }
        Ts::Num if lower == "limit" || lower == "offset" => json!(rng.below(50)),
        Ts::Num => json!(rng.below(120)),
        Ts::Bool => json!(rng.chance(50)),
        Ts::Null => Value::Null,
        Ts::Lit(s) => json!(s),
        Ts::Arr(inner) if depth < 6 => {
            let n = rng.below(4);
            let item = name.strip_suffix('s').unwrap_or(name);
            let item = if lower.ends_with("ids") { name } else { item };
            Value::Array(
                (0..n)
                    .map(|_| valid(inner, item, types, rng, pools, depth + 1))
                    .collect(),
            )
        }
        Ts::Tuple(items) => Value::Array(
            items
                .iter()
                .map(|t| valid(t, name, types, rng, pools, depth + 1))
                .collect(),
        ),
        Ts::Obj(fields) if depth < 6 => {
            let mut map = Map::new();
            for (field, optional, t) in fields {
                if !*optional || rng.chance(60) {
                    map.insert(field.clone(), valid(t, field, types, rng, pools, depth + 1));
                }
            }
            Value::Object(map)
        }
        Ts::Union(members) => {
            // Prefer a member that is not null: more of the command runs.
            let real: Vec<&Ts> = members.iter().filter(|m| !matches!(m, Ts::Null)).collect();
            if real.is_empty() || rng.chance(10) {
                Value::Null
            } else {
                let pick = real[rng.below(real.len())].clone();
                valid(&pick, name, types, rng, pools, depth)
            }
        }
        Ts::Ref(r) => match types.named.get(r) {
            Some(t) if depth < 8 => valid(&t.clone(), name, types, rng, pools, depth + 1),
            _ => Value::Null,
        },
        _ => Value::Null,
    }
}

/// Puts something hostile at one random place inside `value`: a leaf replaced, a field
/// removed or added.
pub fn mutate(value: &mut Value, rng: &mut Rng) {
    match value {
        Value::Object(map) if !map.is_empty() && rng.chance(75) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let key = rng.pick(&keys).clone();
            match rng.below(6) {
                0 => {
                    map.remove(&key);
                }
                1 => {
                    map.insert(
                        rng.pick(&["extra", "id", "__proto__", "constructor", "createdAt"])
                            .to_string(),
                        hostile(rng),
                    );
                }
                _ => mutate(map.get_mut(&key).unwrap(), rng),
            }
        }
        Value::Array(items) if !items.is_empty() && rng.chance(75) => {
            let i = rng.below(items.len());
            mutate(&mut items[i], rng);
        }
        _ => *value = hostile(rng),
    }
}

/// A value that the Rust type `ty` (as the command list writes it) can never take.
pub fn wrong_type(ty: &str, rng: &mut Rng) -> Option<Value> {
    let options: Vec<Value> = match ty {
        "i64" => vec![
            json!("1"),
            json!(1.5),
            json!(true),
            json!(null),
            json!([]),
            json!({}),
            json!(1e20),
            json!(u64::MAX),
        ],
        "bool" => vec![json!("true"), json!(0), json!(null), json!([true])],
        "String" => vec![json!(1), json!(null), json!([]), json!({}), json!(false)],
        "Option<String>" => vec![json!(1), json!([]), json!({}), json!(true)],
        "Option<i64>" => vec![json!("1"), json!(1.5), json!([]), json!(false)],
        "Vec<i64>" => vec![
            json!("1,2"),
            json!({}),
            json!([1.5]),
            json!(["x"]),
            json!(null),
            json!([[1]]),
        ],
        "OneOnOneStatus" => vec![json!("lost"), json!(1), json!(null), json!("SCHEDULED")],
        _ => return None,
    };
    Some(rng.pick(&options).clone())
}

/// The type a Rust argument type stands for, for the plausible values.
pub fn ts_of(rust: &str, command: &str, key: &str, types: &Types) -> Ts {
    match rust {
        "i64" => Ts::Num,
        "bool" => Ts::Bool,
        "String" => Ts::Str,
        "Option<String>" => Ts::Union(vec![Ts::Str, Ts::Null]),
        "Option<i64>" => Ts::Union(vec![Ts::Num, Ts::Null]),
        "Vec<i64>" => Ts::Arr(Box::new(Ts::Num)),
        "OneOnOneStatus" => Ts::Ref("OneOnOneStatus".into()),
        _ => types
            .args
            .get(&(command.to_owned(), key.to_owned()))
            .cloned()
            .unwrap_or(Ts::Obj(Vec::new())),
    }
}
