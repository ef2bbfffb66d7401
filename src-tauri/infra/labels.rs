//! Labels that Rust owns (an agenda section's heading, a unit's singular, a goal status's
//! words), written next to the ts-rs bindings as TypeScript constants so the UI reads the
//! same words the exports use instead of keeping a copy. They are written by the
//! `export_bindings_*` tests, like the bindings, and `make bindings` fails when the
//! committed files are stale.

use std::path::PathBuf;

use serde::Serialize;

/// Writes `export const NAME: Record<Type, string>` with one entry per variant, keyed by
/// the variant's serialized name.
pub(crate) fn export<T: Serialize>(type_name: &str, const_name: &str, entries: &[(T, &str)]) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(std::env::var("TS_RS_EXPORT_DIR").unwrap_or_else(|_| "ui/src/bindings".into()));
    let mut out = format!(
        "// Generated from Rust by the export_bindings tests (infra::labels). Do not edit.\n\
         import type {{ {type_name} }} from \"./{type_name}\";\n\n\
         export const {const_name}: Record<{type_name}, string> = {{\n"
    );
    for (value, label) in entries {
        let key = serde_json::to_value(value).expect("an enum serializes");
        let key = key.as_str().expect("a unit variant serializes as a string");
        let label = serde_json::to_string(label).expect("a string serializes");
        out.push_str(&format!("  {key}: {label},\n"));
    }
    out.push_str("};\n");
    let file = dir.join(format!("{const_name}.ts"));
    std::fs::write(&file, out).unwrap_or_else(|e| panic!("write {}: {e}", file.display()));
}
