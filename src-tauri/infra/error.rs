//! The one error type every domain function and command returns.
//!
//! It crosses the IPC boundary as `{kind, message, field}` so the UI can put a message
//! next to the input it is about (`field`) or show it in a banner when there is none.

use serde::{Serialize, Serializer};
use ts_rs::TS;

pub type AppResult<T> = Result<T, AppError>;

#[derive(Debug, thiserror::Error)]
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
