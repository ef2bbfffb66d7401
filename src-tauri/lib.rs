//! Ladder: a private, offline career development planner.
//!
//! This file only assembles the Tauri app. The domain lives in plain modules that take a
//! `&SqlitePool` and know nothing of Tauri; `commands` wraps them for the UI.

pub mod achievements;
pub mod activity;
pub mod agenda;
pub mod assessments;
pub mod backups;
pub mod checkins;
pub mod children;
pub mod clock;
pub mod commands;
pub mod csv_import;
pub mod dashboard;
pub mod db;
pub mod error;
pub mod example;
pub mod feedback;
pub mod framework;
pub mod generator;
pub mod goals;
pub mod input;
pub mod learning;
pub mod learning_history;
pub mod limits;
pub mod lookup;
pub mod markdown;
pub mod milestones;
pub mod one_on_ones;
pub mod people;
pub mod person_page;
pub mod plan_view;
pub mod plans;
pub mod principles;
pub mod progress;
pub mod review;
pub mod search;
pub mod settings;
pub mod stories;

use tauri::Manager;

use crate::commands::AppState;

pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("LADDER_LOG")
                .unwrap_or_else(|_| "warn,ladder_lib=info".into()),
        )
        .init();

    tauri::Builder::default()
        // Opened from Rust only (commands::files); the web view gets no dialog permission.
        .plugin(tauri_plugin_dialog::init())
        // Used from Rust only, for http(s) addresses the user stored.
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let dir = db::data_dir(|| app.path().app_data_dir().ok())
                .ok_or("could not find a folder for the app's data; set LADDER_DATA_DIR")?;
            let db_path = dir.join(db::DB_FILE);
            let user = tauri::async_runtime::block_on(db::connect(&db_path))?;
            tracing::info!(path = %db_path.display(), "database ready");
            let example = tauri::async_runtime::block_on(example::open(&dir))?;
            app.manage(AppState {
                user,
                example: std::sync::RwLock::new(example),
                db_path,
                data_dir: dir,
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::get_settings,
            commands::app::update_settings,
            commands::framework::list_focus_areas,
            commands::framework::list_principles,
            commands::plans::plan_defaults,
            commands::plans::list_plans,
            commands::plans::create_plan,
            commands::plans::update_plan,
            commands::plans::set_plan_status,
            commands::plans::delete_plan,
            commands::goals::plan_detail,
            commands::goals::plan_impact,
            commands::goals::create_goal,
            commands::goals::update_goal,
            commands::goals::set_goal_status,
            commands::goals::delete_goal,
            commands::goals::goal_detail,
            commands::goals::add_check_in,
            commands::goals::delete_check_in,
            commands::goals::add_milestone,
            commands::goals::update_milestone,
            commands::goals::set_milestone_done,
            commands::goals::reorder_milestones,
            commands::goals::delete_milestone,
            commands::goals::save_opening_assessment,
            commands::goals::quarter_review,
            commands::goals::review_markdown,
            commands::goals::close_quarter,
            commands::goals::save_review_markdown,
            commands::wins::list_wins,
            commands::wins::win_detail,
            commands::wins::create_win,
            commands::wins::update_win,
            commands::wins::delete_win,
            commands::wins::save_story,
            commands::wins::add_principle,
            commands::wins::update_principle,
            commands::wins::set_principle_retired,
            commands::wins::reorder_principles,
            commands::wins::restore_principles,
            commands::wins::principle_coverage,
            commands::wins::principle_stories,
            commands::learning::list_resources,
            commands::learning::resource_detail,
            commands::learning::create_resource,
            commands::learning::update_resource,
            commands::learning::delete_resource,
            commands::learning::set_resource_status,
            commands::learning::log_progress,
            commands::learning::edit_progress,
            commands::learning::delete_progress,
            commands::learning::learning_history,
            commands::learning::preview_csv,
            commands::learning::import_csv,
            commands::learning::open_resource_url,
            commands::feedback::list_people,
            commands::feedback::create_person,
            commands::feedback::update_person,
            commands::feedback::remove_person,
            commands::feedback::restore_person,
            commands::feedback::person_page,
            commands::feedback::list_feedback_requests,
            commands::feedback::list_feedback_received,
            commands::feedback::create_feedback_request,
            commands::feedback::set_request_message,
            commands::feedback::set_request_due,
            commands::feedback::mark_request_asked,
            commands::feedback::record_feedback_response,
            commands::feedback::decline_feedback_request,
            commands::feedback::count_long_overdue_requests,
            commands::feedback::decline_long_overdue_requests,
            commands::feedback::delete_feedback_draft,
            commands::feedback::add_feedback_received,
            commands::feedback::act_on_feedback,
            commands::one_on_ones::list_one_on_ones,
            commands::one_on_ones::one_on_one_defaults,
            commands::one_on_ones::create_one_on_one,
            commands::one_on_ones::update_one_on_one,
            commands::one_on_ones::set_one_on_one_status,
            commands::one_on_ones::save_one_on_one_notes,
            commands::one_on_ones::delete_one_on_one,
            commands::one_on_ones::one_on_one_detail,
            commands::one_on_ones::prepare_agenda,
            commands::one_on_ones::add_agenda_item,
            commands::one_on_ones::edit_agenda_item,
            commands::one_on_ones::set_agenda_item_discussed,
            commands::one_on_ones::remove_agenda_item,
            commands::one_on_ones::restore_agenda_item,
            commands::one_on_ones::reorder_agenda,
            commands::one_on_ones::add_topic,
            commands::one_on_ones::add_action_item,
            commands::one_on_ones::update_action_item,
            commands::one_on_ones::set_action_item_done,
            commands::one_on_ones::delete_action_item,
            commands::one_on_ones::agenda_markdown,
            commands::one_on_ones::save_agenda_markdown,
            commands::one_on_ones::propose_one_on_one_date,
            commands::app::search,
            commands::app::dashboard,
            commands::app::load_example,
            commands::app::remove_example,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Ladder");
}
