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
    "plan_detail",
    "plan_impact",
    "create_goal",
    "update_goal",
    "set_goal_status",
    "delete_goal",
    "goal_detail",
    "add_check_in",
    "delete_check_in",
    "add_milestone",
    "update_milestone",
    "set_milestone_done",
    "reorder_milestones",
    "delete_milestone",
    "save_opening_assessment",
    "quarter_review",
    "review_markdown",
    "close_quarter",
    "save_review_markdown",
    "list_wins",
    "win_detail",
    "create_win",
    "update_win",
    "delete_win",
    "save_story",
    "add_principle",
    "update_principle",
    "set_principle_retired",
    "reorder_principles",
    "restore_principles",
    "principle_coverage",
    "principle_stories",
];

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
