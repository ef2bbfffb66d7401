//! The one error type every domain function and command returns.
//!
//! It crosses the IPC boundary as `{kind, message, field}` so the UI can put a message
//! next to the input it is about (`field`) or show it in a banner when there is none.

use serde::{Serialize, Serializer};
use ts_rs::TS;

pub type AppResult<T> = Result<T, AppError>;

/// `Display` is the message the user reads. `Debug` is what the log gets (commands log
/// their errors with it): the kind, the field and the database's or the file system's own
/// words, never the message, which quotes what the user typed.
#[derive(thiserror::Error)]
pub enum AppError {
    /// The input broke a rule; `field` names the input (camelCase, as the UI knows it).
    #[error("{message}")]
    Invalid {
        field: Option<String>,
        message: String,
    },
    #[error("{entity} {id} does not exist (it may have been deleted)")]
    NotFound { entity: &'static str, id: i64 },
    /// The input is well formed but clashes with what is stored.
    #[error("{message}")]
    Conflict {
        field: Option<String>,
        message: String,
    },
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("could not migrate the database: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

impl std::fmt::Debug for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppError::Invalid { field, .. } => write!(f, "Invalid {{ field: {field:?} }}"),
            AppError::NotFound { entity, id } => write!(f, "NotFound {{ {entity} {id} }}"),
            AppError::Conflict { field, .. } => write!(f, "Conflict {{ field: {field:?} }}"),
            AppError::Database(e) => write!(f, "Database({})", database_words(e)),
            AppError::Migration(e) => write!(f, "Migration({e})"),
            // The kind only: an I/O error's words may name a file the user chose.
            AppError::Io(e) => write!(f, "Io({:?})", e.kind()),
        }
    }
}

/// What went wrong in the database, without any value it may quote.
fn database_words(e: &sqlx::Error) -> String {
    match e {
        // SQLite's own words name the constraint or the table, never the row's values.
        sqlx::Error::Database(d) => d.message().to_owned(),
        sqlx::Error::RowNotFound => "no such row".to_owned(),
        sqlx::Error::PoolTimedOut => "the pool timed out".to_owned(),
        sqlx::Error::PoolClosed => "the pool is closed".to_owned(),
        sqlx::Error::Io(io) => format!("I/O {:?}", io.kind()),
        sqlx::Error::ColumnDecode { index, .. } => format!("column {index} did not decode"),
        _ => "another database error".to_owned(),
    }
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: Some(field.to_owned()),
            message: message.into(),
        }
    }

    pub fn conflict(field: Option<&str>, message: impl Into<String>) -> Self {
        AppError::Conflict {
            field: field.map(str::to_owned),
            message: message.into(),
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            AppError::Invalid { .. } => ErrorKind::Invalid,
            AppError::NotFound { .. } => ErrorKind::NotFound,
            AppError::Conflict { .. } => ErrorKind::Conflict,
            AppError::Database(_) | AppError::Migration(_) => ErrorKind::Database,
            AppError::Io(_) => ErrorKind::Io,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Invalid { field, .. } | AppError::Conflict { field, .. } => field.as_deref(),
            _ => None,
        }
    }

    /// The error as it reaches the UI.
    fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            kind: self.kind(),
            message: self.to_string(),
            field: self.field().map(str::to_owned),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "ErrorKind")]
pub enum ErrorKind {
    Invalid,
    NotFound,
    Conflict,
    Database,
    Io,
    /// Never sent by Rust: the UI uses it when a call fails before reaching a command.
    Internal,
}

/// The serialised form of [`AppError`]; exported to TypeScript as `AppError`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, rename = "AppError")]
struct ErrorPayload {
    pub kind: ErrorKind,
    pub message: String,
    pub field: Option<String>,
}

impl Serialize for AppError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}
