/// The app's own commands. tauri-build makes an `allow-<name>` permission for each, and
/// `capabilities/default.json` grants them; a command missing from either is refused.
const COMMANDS: &[&str] = &[
    "app_info",
    "get_settings",
    "update_settings",
    "list_focus_areas",
    "list_principles",
    "plan_defaults",
    "list_plans",
    "create_plan",
    "update_plan",
    "set_plan_status",
    "delete_plan",
];

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
