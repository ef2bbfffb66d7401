//! Integration tests: one binary (each extra one would link Tauri again), a module per
//! domain, all against real SQLite files.

mod activity;
mod backups;
mod calendar;
mod checkins;
mod commands;
mod common;
mod csv;
mod csv_files;
mod dashboard;
mod db;
mod errors;
mod example;
mod exchange;
mod feedback;
mod framework;
mod generator;
mod goals;
mod golden;
mod killed;
mod learning;
mod migrations;
mod milestones;
mod mobility;
mod network;
mod one_on_ones;
mod plans;
mod readiness;
mod resume;
mod review;
mod search;
mod settings;
mod startup;
mod trash;
mod values;
mod wins;
