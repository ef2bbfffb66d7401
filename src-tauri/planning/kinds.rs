//! The kinds a goal is sorted by: its status, its priority and how its success is measured.
//! They sit below both `goals` and `progress`, since the progress rules match on them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum GoalStatus {
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 4] = [
        GoalStatus::NotStarted,
        GoalStatus::InProgress,
        GoalStatus::Done,
        GoalStatus::Dropped,
    ];

    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "not started",
            GoalStatus::InProgress => "in progress",
            GoalStatus::Done => "done",
            GoalStatus::Dropped => "dropped",
        }
    }

    /// Not yet done nor dropped: such a goal can be carried into the next quarter.
    pub fn is_open(self) -> bool {
        matches!(self, GoalStatus::NotStarted | GoalStatus::InProgress)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
#[ts(export)]
pub enum Priority {
    High,
    Medium,
    Low,
}

/// How success is judged: simply done, or a number moving from a baseline to a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
#[ts(export)]
pub enum MeasureKind {
    Done,
    Metric,
}

#[cfg(test)]
mod tests {
    use super::GoalStatus;

    #[test]
    fn export_bindings_goal_status_labels() {
        let entries: Vec<(GoalStatus, &str)> =
            GoalStatus::ALL.iter().map(|s| (*s, s.label())).collect();
        crate::infra::labels::export("GoalStatus", "GOAL_STATUS_LABELS", &entries);
    }
}
