//! The stages of an opportunity and the one rule about moving between them: forward
//! only (skipping is fine), or to an ending; an ended one is reopened, not moved.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::infra::error::{AppError, AppResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    Spotted,
    Researching,
    TalkedToHiringManager,
    Applied,
    Interviewing,
    Offer,
    Accepted,
    Declined,
    NotSelected,
    Withdrawn,
}

impl Stage {
    /// The way forward, in order; the endings come after any of them.
    pub const PATH: [Stage; 7] = [
        Stage::Spotted,
        Stage::Researching,
        Stage::TalkedToHiringManager,
        Stage::Applied,
        Stage::Interviewing,
        Stage::Offer,
        Stage::Accepted,
    ];

    /// The ways an opportunity ends without being accepted.
    pub const ENDINGS: [Stage; 3] = [Stage::Declined, Stage::NotSelected, Stage::Withdrawn];

    /// Every stage: the way forward, then the endings.
    pub fn all() -> impl Iterator<Item = Stage> {
        Self::PATH.into_iter().chain(Self::ENDINGS)
    }

    fn rank(self) -> Option<usize> {
        Self::PATH.iter().position(|s| *s == self)
    }

    /// Declined, not selected or withdrawn.
    pub fn is_ending(self) -> bool {
        self.rank().is_none()
    }

    /// Nothing more happens: ended, or accepted.
    pub fn is_closed(self) -> bool {
        self.is_ending() || self == Stage::Accepted
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Spotted => "spotted",
            Stage::Researching => "researching",
            Stage::TalkedToHiringManager => "talked to the hiring manager",
            Stage::Applied => "applied",
            Stage::Interviewing => "interviewing",
            Stage::Offer => "offer",
            Stage::Accepted => "accepted",
            Stage::Declined => "declined",
            Stage::NotSelected => "not selected",
            Stage::Withdrawn => "withdrawn",
        }
    }
}

/// Whether an opportunity at `from` may move to `to`.
pub fn check_move(from: Stage, to: Stage) -> AppResult<()> {
    if from == to {
        return Err(AppError::invalid(
            "stage",
            format!("It is already at \"{}\".", from.label()),
        ));
    }
    if from.is_closed() {
        return Err(AppError::conflict(
            Some("stage"),
            format!(
                "This opportunity is {}: reopen it to move it again.",
                from.label()
            ),
        ));
    }
    match (from.rank(), to.rank()) {
        (Some(f), Some(t)) if t < f => Err(AppError::invalid(
            "stage",
            format!(
                "Stages only move forward: from \"{}\" it can go to a later stage or end. Undo takes back the last change.",
                from.label()
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_bindings_stage_labels() {
        let entries: Vec<(Stage, &str)> = Stage::all().map(|s| (s, s.label())).collect();
        crate::infra::labels::export("Stage", "STAGE_LABELS", &entries);
    }

    #[test]
    fn forward_and_skipping_ahead_and_ending_are_allowed() {
        assert!(check_move(Stage::Spotted, Stage::Researching).is_ok());
        assert!(check_move(Stage::Spotted, Stage::Applied).is_ok());
        assert!(check_move(Stage::Interviewing, Stage::Withdrawn).is_ok());
        assert!(check_move(Stage::Offer, Stage::Accepted).is_ok());
    }

    #[test]
    fn backwards_the_same_stage_and_a_closed_one_are_refused() {
        let back = check_move(Stage::Applied, Stage::Researching).unwrap_err();
        assert_eq!(back.field(), Some("stage"));
        assert!(back.to_string().contains("only move forward"));
        assert!(check_move(Stage::Applied, Stage::Applied).is_err());
        assert!(check_move(Stage::Withdrawn, Stage::Applied).is_err());
        assert!(check_move(Stage::Accepted, Stage::Declined).is_err());
    }
}
