//! The switches only tests use, read in one place.
//!
//! A pinned "today" and paths that answer the native dialogs let the end-to-end run drive
//! the app; in a user's hands they would let anything that sets an environment variable
//! skip a dialog the user was meant to answer. So they exist only in a build with the
//! `test-hooks` cargo feature (every `make test` step turns it on, `make run` and packages
//! do not): without it [`switch`] reads nothing and a released binary ignores the
//! variables. `LADDER_DATA_DIR` is not one of them: it is for users (`infra::db`).
//!
//! A new switch is a variant of [`Switch`] with its name, read with [`switch`].

/// One test-only switch, named by its environment variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Switch {
    /// `YYYY-MM-DD`: the day the app believes it is (`infra::clock`).
    Today,
    /// A file that answers the "open file" dialog (`commands::files`).
    OpenFile,
    /// A folder exported files are saved into instead of asking where (`commands::files`).
    SaveDir,
    /// A folder that answers the "choose folder" dialog (`commands::files`).
    OpenFolder,
    /// Milliseconds each save of a 1:1's notes waits before it writes, so a test can type
    /// while a save is in flight (`commands::one_on_ones`).
    SlowSaveMs,
    /// Any value: "Show in folder" and web addresses open nothing (`commands::files`).
    NoOpen,
}

impl Switch {
    pub const ALL: [Switch; 6] = [
        Switch::Today,
        Switch::OpenFile,
        Switch::SaveDir,
        Switch::OpenFolder,
        Switch::SlowSaveMs,
        Switch::NoOpen,
    ];

    /// The environment variable that sets it.
    pub const fn name(self) -> &'static str {
        match self {
            Switch::Today => "LADDER_TODAY",
            Switch::OpenFile => "LADDER_OPEN_FILE",
            Switch::SaveDir => "LADDER_SAVE_DIR",
            Switch::OpenFolder => "LADDER_OPEN_FOLDER",
            Switch::SlowSaveMs => "LADDER_SLOW_SAVE_MS",
            Switch::NoOpen => "LADDER_NO_OPEN",
        }
    }
}

/// The switch's value when it is set and not empty, in a build with `test-hooks`.
#[cfg(feature = "test-hooks")]
pub fn switch(which: Switch) -> Option<std::ffi::OsString> {
    std::env::var_os(which.name()).filter(|value| !value.is_empty())
}

/// Without `test-hooks` there is no switch: nothing is read, whatever the environment.
#[cfg(not(feature = "test-hooks"))]
pub fn switch(_which: Switch) -> Option<std::ffi::OsString> {
    None
}

/// The switch as text; one that is not valid Unicode is refused by name.
pub fn switch_text(which: Switch) -> crate::infra::error::AppResult<Option<String>> {
    switch(which)
        .map(|value| {
            value.into_string().map_err(|_| {
                crate::infra::error::AppError::invalid(
                    which.name(),
                    format!("{} must be text", which.name()),
                )
            })
        })
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::{switch, Switch};

    /// The one test in this binary that sets these variables (others only read them
    /// through `switch`, and none of the lib's other tests call it).
    fn with_every_switch_set(check: impl FnOnce()) {
        for s in Switch::ALL {
            std::env::set_var(
                s.name(),
                if s == Switch::Today {
                    "2001-02-03"
                } else {
                    "/tmp"
                },
            );
        }
        check();
        for s in Switch::ALL {
            std::env::remove_var(s.name());
        }
    }

    #[cfg(feature = "test-hooks")]
    #[test]
    fn test_hooks_builds_read_every_switch() {
        with_every_switch_set(|| {
            for s in Switch::ALL {
                assert!(switch(s).is_some(), "{} was not read", s.name());
            }
            let pinned = chrono::NaiveDate::from_ymd_opt(2001, 2, 3).unwrap();
            assert_eq!(crate::infra::clock::today().unwrap(), pinned);
        });
    }

    /// What a released binary does: `make test` builds the lib once more without the
    /// feature to run this (`make release-switches`).
    #[cfg(not(feature = "test-hooks"))]
    #[test]
    fn test_hooks_switches_do_not_exist_without_the_feature() {
        with_every_switch_set(|| {
            for s in Switch::ALL {
                assert_eq!(switch(s), None, "{} was read", s.name());
            }
            let today = crate::infra::clock::today().unwrap();
            assert_eq!(today, chrono::Local::now().date_naive());
        });
    }
}
