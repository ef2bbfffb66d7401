//! Which backups to keep: every one from today, then the newest of each day for a week,
//! of each week for four weeks more, and of each month for a year; never the newest of
//! all. A pure rule over timestamps, so it is tested with a fixed clock.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDateTime};

/// Days back that keep one backup a day, one a week, one a month.
const DAILY_DAYS: i64 = 7;
const WEEKLY_DAYS: i64 = DAILY_DAYS + 28;
const MONTHLY_DAYS: i64 = 366;

/// For each timestamp (any order), whether to keep it as of `now`.
pub(crate) fn keep(taken: &[NaiveDateTime], now: NaiveDateTime) -> Vec<bool> {
    let today = now.date();
    let mut order: Vec<usize> = (0..taken.len()).collect();
    // Newest first, so the first seen of each bucket is the one kept.
    order.sort_by(|a, b| taken[*b].cmp(&taken[*a]));
    let mut kept = vec![false; taken.len()];
    let mut seen: HashSet<(u8, i32, u32)> = HashSet::new();
    for (rank, &i) in order.iter().enumerate() {
        let day = taken[i].date();
        let age = (today - day).num_days();
        let bucket = if age <= 0 {
            None // today (or a clock set back): keep them all
        } else if age <= DAILY_DAYS {
            Some((0, day.year(), day.ordinal()))
        } else if age <= WEEKLY_DAYS {
            let week = day.iso_week();
            Some((1, week.year(), week.week()))
        } else if age <= MONTHLY_DAYS {
            Some((2, day.year(), day.month()))
        } else {
            Some((3, 0, 0)) // older than a year: only ever kept as the newest of all
        };
        kept[i] = match bucket {
            None => true,
            Some((3, _, _)) => rank == 0,
            Some(b) => seen.insert(b) || rank == 0,
        };
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::keep;
    use chrono::NaiveDateTime;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn kept(stamps: &[&str], now: &str) -> Vec<String> {
        let taken: Vec<NaiveDateTime> = stamps.iter().map(|s| at(s)).collect();
        let mut out: Vec<String> = keep(&taken, at(now))
            .iter()
            .zip(stamps)
            .filter(|(k, _)| **k)
            .map(|(_, s)| s.to_string())
            .collect();
        out.sort();
        out
    }

    #[test]
    fn every_backup_from_today_is_kept() {
        let today = ["2026-12-01 08:00", "2026-12-01 08:30", "2026-12-01 09:00"];
        assert_eq!(kept(&today, "2026-12-01 10:00"), today.to_vec());
    }

    #[test]
    fn the_last_week_keeps_the_newest_of_each_day() {
        let stamps = [
            "2026-11-30 09:00",
            "2026-11-30 17:00",
            "2026-11-28 12:00",
            "2026-11-28 12:30",
            "2026-11-24 10:00",
        ];
        assert_eq!(
            kept(&stamps, "2026-12-01 10:00"),
            ["2026-11-24 10:00", "2026-11-28 12:30", "2026-11-30 17:00"]
        );
    }

    #[test]
    fn the_four_weeks_before_keep_one_a_week_then_one_a_month_for_a_year() {
        let stamps = [
            // ISO week 46 of 2026 (Nov 9-15): two, the newer stays.
            "2026-11-10 10:00",
            "2026-11-13 10:00",
            // Week 45 (Nov 2-8).
            "2026-11-03 10:00",
            // Over 35 days old: one per month, the newest of the month.
            "2026-10-01 10:00",
            "2026-10-20 10:00",
            "2026-03-05 10:00",
            "2026-03-25 10:00",
            // Older than a year: dropped.
            "2025-11-01 10:00",
        ];
        assert_eq!(
            kept(&stamps, "2026-12-01 10:00"),
            [
                "2026-03-25 10:00",
                "2026-10-20 10:00",
                "2026-11-03 10:00",
                "2026-11-13 10:00"
            ]
        );
    }

    #[test]
    fn the_newest_backup_is_never_deleted_however_old() {
        let stamps = ["2020-01-01 10:00", "2019-06-01 10:00"];
        assert_eq!(kept(&stamps, "2026-12-01 10:00"), ["2020-01-01 10:00"]);
        assert!(keep(&[], at("2026-12-01 10:00")).is_empty());
    }
}
