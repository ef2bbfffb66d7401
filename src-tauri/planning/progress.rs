//! The progress rules, in one place. The UI shows what these compute and nothing else.
//!
//! - A **goal** measured by a metric is as far along as its current value (the latest
//!   check-in, or the baseline before any) sits between baseline and target, clamped to
//!   0–100 %. Decreasing targets work the same way: from 20 defects toward 5, a value of
//!   11 is 60 %.
//! - A **done/not-done goal** is as far along as the share of its milestones completed;
//!   with no milestones it is 0 % until it is done.
//! - Status overrides both: a **done** goal is 100 %; a **dropped** goal has no progress
//!   and is left out of every average.
//! - A **focus area** in a plan is the mean of its counted goals; with none it has no
//!   progress (a gap). A **plan** is the mean of all its counted goals, each weighing the
//!   same.
//!
//! Percentages are rounded to the nearest whole number (halves up).

use crate::planning::kinds::{GoalStatus, MeasureKind};

/// What a goal's progress depends on.
#[derive(Debug, Clone, Copy)]
pub struct GoalFacts {
    pub status: GoalStatus,
    pub measure: MeasureKind,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub current: Option<f64>,
    pub milestones_done: i64,
    pub milestones_total: i64,
}

/// A goal's progress as a fraction 0.0–1.0, or `None` when it does not count (dropped).
pub(crate) fn goal(f: &GoalFacts) -> Option<f64> {
    match f.status {
        GoalStatus::Dropped => return None,
        GoalStatus::Done => return Some(1.0),
        GoalStatus::NotStarted | GoalStatus::InProgress => {}
    }
    let fraction = match (f.measure, f.baseline, f.target) {
        (MeasureKind::Metric, Some(baseline), Some(target)) if target != baseline => {
            let current = f.current.unwrap_or(baseline);
            (current - baseline) / (target - baseline)
        }
        _ if f.milestones_total > 0 => f.milestones_done as f64 / f.milestones_total as f64,
        _ => 0.0,
    };
    Some(fraction.clamp(0.0, 1.0))
}

/// The mean of the progress values that count; `None` when none do.
pub(crate) fn mean(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .flatten()
        .fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

/// A fraction as a whole percentage.
pub(crate) fn percent(fraction: f64) -> i64 {
    (fraction * 100.0 + 0.5).floor() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(baseline: f64, target: f64, current: Option<f64>) -> GoalFacts {
        GoalFacts {
            status: GoalStatus::InProgress,
            measure: MeasureKind::Metric,
            baseline: Some(baseline),
            target: Some(target),
            current,
            milestones_done: 0,
            milestones_total: 0,
        }
    }

    fn done_goal(done: i64, total: i64) -> GoalFacts {
        GoalFacts {
            status: GoalStatus::InProgress,
            measure: MeasureKind::Done,
            baseline: None,
            target: None,
            current: None,
            milestones_done: done,
            milestones_total: total,
        }
    }

    #[test]
    fn a_metric_goal_sits_between_baseline_and_target() {
        assert_eq!(goal(&metric(0.0, 10.0, Some(4.0))), Some(0.4));
        assert_eq!(goal(&metric(0.0, 10.0, None)), Some(0.0), "no check-in yet");
        assert_eq!(
            goal(&metric(0.0, 10.0, Some(12.0))),
            Some(1.0),
            "past the target"
        );
        assert_eq!(
            goal(&metric(0.0, 10.0, Some(-3.0))),
            Some(0.0),
            "went backwards"
        );
    }

    #[test]
    fn a_decreasing_target_counts_down() {
        assert_eq!(goal(&metric(20.0, 5.0, Some(11.0))), Some(0.6));
        assert_eq!(goal(&metric(20.0, 5.0, Some(25.0))), Some(0.0));
        assert_eq!(goal(&metric(20.0, 5.0, Some(5.0))), Some(1.0));
    }

    #[test]
    fn a_done_goal_counts_its_milestones() {
        assert_eq!(goal(&done_goal(1, 4)), Some(0.25));
        assert_eq!(goal(&done_goal(0, 0)), Some(0.0));
    }

    #[test]
    fn status_overrides_the_measure() {
        let mut f = done_goal(0, 3);
        f.status = GoalStatus::Done;
        assert_eq!(goal(&f), Some(1.0));
        f.status = GoalStatus::Dropped;
        assert_eq!(goal(&f), None);
    }

    #[test]
    fn averages_skip_what_does_not_count() {
        assert_eq!(mean([Some(1.0), None, Some(0.5)]), Some(0.75));
        assert_eq!(mean([None, None]), None);
        assert_eq!(mean(Vec::new()), None);
    }

    #[test]
    fn percentages_round_half_up() {
        assert_eq!(percent(0.125), 13);
        assert_eq!(percent(0.124), 12);
        assert_eq!(percent(2.0 / 3.0), 67);
        assert_eq!(percent(1.0), 100);
    }
}
