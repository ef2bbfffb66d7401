//! The log: a file a day under the data folder's `logs/`, the newest few kept, and stderr
//! for whoever started Ladder from a terminal. Settings can show the folder, so a user
//! can attach it to a bug report. It must never hold what the user typed: errors are
//! written through [`AppError`](super::error::AppError)'s `Debug`, which names the kind
//! and field but not the message (messages quote titles), and commands record none of
//! their arguments.

use std::path::{Path, PathBuf};

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{fmt, EnvFilter};

/// Days of log files kept; older ones are deleted as new days start.
pub const KEEP_DAYS: usize = 7;

pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// Installs the one subscriber: `LADDER_LOG` takes an `EnvFilter` directive. Without a
/// writable folder the log goes to stderr only, and Ladder still starts.
pub fn init(data_dir: Option<&Path>) {
    let filter = EnvFilter::try_from_env("LADDER_LOG")
        .unwrap_or_else(|_| EnvFilter::new("warn,ladder_lib=info"));
    let file = data_dir.and_then(|dir| {
        RollingFileAppender::builder()
            .rotation(Rotation::DAILY)
            .filename_prefix("ladder")
            .filename_suffix("log")
            .max_log_files(KEEP_DAYS)
            .build(folder(dir))
            .ok()
    });
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(fmt::layer().with_writer(std::io::stderr))
        .with(file.map(|f| fmt::layer().with_ansi(false).with_writer(f)))
        .try_init();
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_identifier_is_the_one_tauri_uses() {
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        assert_eq!(config["identifier"], crate::infra::db::IDENTIFIER);
    }
}
