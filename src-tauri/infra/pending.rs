//! The file an import read at preview time, held in Rust until the import runs.
//!
//! The web view never names a file: the preview command asks which file (a native
//! dialog, in Rust), reads it within the limits and keeps its bytes here under a one-time
//! token, and the import command takes them back by that token. A page script can only
//! pass a token it was given; a path, an old token or a token used once already is
//! refused. What is imported is exactly what was previewed, even if the file changes on
//! disk in between. One file is held at a time (a new preview replaces it), so the
//! memory held is bounded by the import size limit.

use std::hash::{BuildHasher, Hasher};
use std::sync::Mutex;

use crate::infra::error::{AppError, AppResult};

struct Held {
    token: String,
    bytes: Vec<u8>,
}

#[derive(Default)]
pub struct PendingFile {
    held: Mutex<Option<Held>>,
}

impl PendingFile {
    /// Keeps `bytes` (replacing any file held before) and returns the token that takes
    /// them back.
    pub fn hold(&self, bytes: Vec<u8>) -> String {
        let token = new_token();
        *self.lock() = Some(Held {
            token: token.clone(),
            bytes,
        });
        token
    }

    /// The bytes held under `token`, which stops being valid: a second import of the
    /// same preview, or two at once, finds nothing.
    pub fn take(&self, token: &str) -> AppResult<Vec<u8>> {
        let mut held = self.lock();
        match held.take() {
            Some(h) if h.token == token => Ok(h.bytes),
            other => {
                *held = other;
                Err(AppError::invalid(
                    "token",
                    "This import is no longer open: choose the file again.",
                ))
            }
        }
    }

    /// Puts bytes taken by `take` back under the same token, after an import that failed
    /// before writing (the database was busy, say), so it can be tried again. A file
    /// previewed meanwhile wins.
    pub fn put_back(&self, token: String, bytes: Vec<u8>) {
        let mut held = self.lock();
        if held.is_none() {
            *held = Some(Held { token, bytes });
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Held>> {
        self.held.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// 128 random bits as hex. `RandomState` is seeded from the operating system's random
/// source, each instance differently, which is all a one-time token needs.
fn new_token() -> String {
    let half = || {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        h.finish()
    };
    format!("{:016x}{:016x}", half(), half())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_used_once_and_only_its_own_file_is_returned() {
        let pending = PendingFile::default();
        let first = pending.hold(b"first".to_vec());
        let second = pending.hold(b"second".to_vec());
        assert_ne!(first, second);
        assert!(pending.take(&first).is_err(), "a replaced preview is gone");
        assert_eq!(pending.take(&second).unwrap(), b"second");
        assert!(pending.take(&second).is_err(), "used once");
    }

    #[test]
    fn a_wrong_token_leaves_the_held_file_in_place() {
        let pending = PendingFile::default();
        let token = pending.hold(b"data".to_vec());
        let err = pending.take("/etc/passwd").unwrap_err();
        assert_eq!(err.field(), Some("token"));
        assert_eq!(pending.take(&token).unwrap(), b"data");
        pending.put_back(token.clone(), b"data".to_vec());
        assert_eq!(pending.take(&token).unwrap(), b"data");
    }
}
