//! The arithmetic of readiness. An expectation is met when the rating in force is
//! consistently or beyond; the readiness of a focus area (and of the role) is the share of
//! its expectations met, an unrated one counting as not met. The largest gap is the area
//! with the lowest share below all-met, ties going to the area that comes first in the
//! framework's order, named with its unmet expectations. The same sums over the ratings
//! in force at the end of each past quarter draw how readiness moved.
//!
//! (Named `score`, not `readiness`, so the module does not repeat its folder's name.)

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;
use sqlx::{FromRow, SqlitePool};
use ts_rs::TS;

use super::expectations::{self, Expectation};
use super::ratings::{self, Rating, RatingEntry};
use super::roles::{self, TargetRole};
use crate::infra::clock;
use crate::infra::error::AppResult;

/// How many past quarters the chart goes back at most.
pub const QUARTERS_SHOWN: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Unmet {
    #[ts(type = "number")]
    pub expectation_id: i64,
    pub competency: String,
    pub expected: String,
    pub rating: Option<Rating>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AreaReadiness {
    #[ts(type = "number")]
    pub focus_area_id: i64,
    pub name: String,
    #[ts(type = "number")]
    pub met: i64,
    #[ts(type = "number")]
    pub total: i64,
    /// met / total, 0 to 1.
    pub share: f64,
    /// In the ladder's order.
    pub unmet: Vec<Unmet>,
    /// The same sums per competency within the area, in the order each first appears.
    pub competencies: Vec<CompetencyReadiness>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CompetencyReadiness {
    /// "" for expectations that name no competency.
    pub competency: String,
    #[ts(type = "number")]
    pub met: i64,
    #[ts(type = "number")]
    pub total: i64,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Readiness {
    #[ts(type = "number")]
    pub target_role_id: i64,
    pub role_name: String,
    pub on: NaiveDate,
    #[ts(type = "number")]
    pub met: i64,
    #[ts(type = "number")]
    pub total: i64,
    pub share: f64,
    /// Areas with at least one expectation, in the framework's order.
    pub areas: Vec<AreaReadiness>,
    /// None when every expectation is met (or there are none).
    pub largest_gap: Option<AreaReadiness>,
    pub expectations: Vec<Expectation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AreaPoint {
    #[ts(type = "number")]
    pub focus_area_id: i64,
    #[ts(type = "number")]
    pub met: i64,
    #[ts(type = "number")]
    pub total: i64,
    pub share: f64,
}

/// Readiness as it stood at the end of one past quarter.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuarterPoint {
    pub ends_on: NaiveDate,
    /// "Q3 2026".
    pub label: String,
    #[ts(type = "number")]
    pub met: i64,
    #[ts(type = "number")]
    pub total: i64,
    pub share: f64,
    pub areas: Vec<AreaPoint>,
}

/// A focus area as the sums need it.
#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct Area {
    pub id: i64,
    pub position: i64,
    pub name: String,
}

/// One expectation with the rating in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: i64,
    pub focus_area_id: i64,
    pub competency: String,
    pub expected: String,
    pub rating: Option<Rating>,
}

/// The sums over one set of ratings.
#[derive(Debug, Clone, PartialEq)]
pub struct Sums {
    pub met: i64,
    pub total: i64,
    pub areas: Vec<AreaReadiness>,
    pub largest_gap: Option<AreaReadiness>,
}

fn share(met: i64, total: i64) -> f64 {
    if total == 0 {
        0.0
    } else {
        met as f64 / total as f64
    }
}

/// The readiness of each area holding an item (in `areas`' position order), of all of
/// them, and the largest gap.
pub fn summarise(areas: &[Area], items: &[Item]) -> Sums {
    let mut ordered: Vec<&Area> = areas.iter().collect();
    ordered.sort_by_key(|a| (a.position, a.id));
    let mut out = Vec::new();
    for area in ordered {
        let mine: Vec<&Item> = items
            .iter()
            .filter(|i| i.focus_area_id == area.id)
            .collect();
        if mine.is_empty() {
            continue;
        }
        let met = mine
            .iter()
            .filter(|i| i.rating.is_some_and(Rating::is_met))
            .count() as i64;
        let total = mine.len() as i64;
        let unmet = mine
            .iter()
            .filter(|i| !i.rating.is_some_and(Rating::is_met))
            .map(|i| Unmet {
                expectation_id: i.id,
                competency: i.competency.clone(),
                expected: i.expected.clone(),
                rating: i.rating,
            })
            .collect();
        out.push(AreaReadiness {
            focus_area_id: area.id,
            name: area.name.clone(),
            met,
            total,
            share: share(met, total),
            unmet,
            competencies: by_competency(&mine),
        });
    }
    let met = out.iter().map(|a| a.met).sum();
    let total = out.iter().map(|a| a.total).sum();
    Sums {
        met,
        total,
        largest_gap: largest_gap(&out),
        areas: out,
    }
}

fn by_competency(items: &[&Item]) -> Vec<CompetencyReadiness> {
    let mut out: Vec<CompetencyReadiness> = Vec::new();
    for i in items {
        let met = i64::from(i.rating.is_some_and(Rating::is_met));
        match out.iter_mut().find(|c| c.competency == i.competency) {
            Some(c) => {
                c.met += met;
                c.total += 1;
            }
            None => out.push(CompetencyReadiness {
                competency: i.competency.clone(),
                met,
                total: 1,
                share: 0.0,
            }),
        }
    }
    for c in &mut out {
        c.share = share(c.met, c.total);
    }
    out
}

/// The area with the lowest share below 1; the first in order wins a tie.
fn largest_gap(areas: &[AreaReadiness]) -> Option<AreaReadiness> {
    let mut gap: Option<&AreaReadiness> = None;
    for a in areas.iter().filter(|a| a.met < a.total) {
        // met/total < m/t without floats: met * t < m * total.
        if gap.is_none_or(|g| a.met * g.total < g.met * a.total) {
            gap = Some(a);
        }
    }
    gap.cloned()
}

/// The rating in force on `on` for each expectation rated by then: the latest rated on or
/// before it, then the one written last.
pub fn in_force(ratings: &[RatingEntry], on: NaiveDate) -> HashMap<i64, Rating> {
    let mut sorted: Vec<&RatingEntry> = ratings.iter().filter(|r| r.rated_on <= on).collect();
    sorted.sort_by_key(|r| (r.rated_on, r.id));
    sorted
        .into_iter()
        .map(|r| (r.expectation_id, r.rating))
        .collect()
}

/// The ends of the quarters from the one holding `first` to the last one that ended
/// before `today`, the newest `QUARTERS_SHOWN` of them, oldest first, with their labels.
pub fn past_quarter_ends(
    first: NaiveDate,
    today: NaiveDate,
    fiscal_start_month: u32,
) -> Vec<(NaiveDate, String)> {
    let (this_start, _) = clock::quarter_of(today, fiscal_start_month);
    let (mut start, mut end) = clock::quarter_of(first, fiscal_start_month);
    let mut out = Vec::new();
    while end < this_start {
        out.push((end, clock::quarter_label(start, fiscal_start_month)));
        let next = end + Days::new(1);
        (start, end) = clock::quarter_of(next, fiscal_start_month);
    }
    let skip = out.len().saturating_sub(QUARTERS_SHOWN);
    out.split_off(skip)
}

fn items(
    expectations: &[Expectation],
    rating: impl Fn(&Expectation) -> Option<Rating>,
) -> Vec<Item> {
    expectations
        .iter()
        .map(|e| Item {
            id: e.id,
            focus_area_id: e.focus_area_id,
            competency: e.competency.clone(),
            expected: e.expected.clone(),
            rating: rating(e),
        })
        .collect()
}

async fn areas(pool: &SqlitePool) -> AppResult<Vec<Area>> {
    Ok(
        sqlx::query_as::<_, Area>("SELECT id, position, name FROM focus_areas ORDER BY position")
            .fetch_all(pool)
            .await?,
    )
}

/// The role's readiness with the ratings in force on `on`.
pub async fn readiness(pool: &SqlitePool, role_id: i64, on: NaiveDate) -> AppResult<Readiness> {
    readiness_of(pool, roles::get(pool, role_id).await?, on).await
}

/// As [`readiness`], for a role already read (the dashboard has just read the current one).
pub async fn readiness_of(
    pool: &SqlitePool,
    role: TargetRole,
    on: NaiveDate,
) -> AppResult<Readiness> {
    let expectations = expectations::list(pool, role.id, on).await?;
    let sums = summarise(&areas(pool).await?, &items(&expectations, |e| e.rating));
    Ok(Readiness {
        target_role_id: role.id,
        role_name: role.name(),
        on,
        met: sums.met,
        total: sums.total,
        share: share(sums.met, sums.total),
        areas: sums.areas,
        largest_gap: sums.largest_gap,
        expectations,
    })
}

/// Readiness at the end of each past quarter since the first rating (none before it).
/// Today's expectations count in every quarter: one added later was not met then either.
pub async fn by_quarter(
    pool: &SqlitePool,
    role_id: i64,
    today: NaiveDate,
    fiscal_start_month: u32,
) -> AppResult<Vec<QuarterPoint>> {
    roles::get(pool, role_id).await?;
    let history = ratings::of_role(pool, role_id).await?;
    let Some(first) = history.iter().map(|r| r.rated_on).min() else {
        return Ok(Vec::new());
    };
    let expectations = expectations::list(pool, role_id, today).await?;
    let areas = areas(pool).await?;
    Ok(past_quarter_ends(first, today, fiscal_start_month)
        .into_iter()
        .map(|(ends_on, label)| {
            let force = in_force(&history, ends_on);
            let sums = summarise(&areas, &items(&expectations, |e| force.get(&e.id).copied()));
            QuarterPoint {
                ends_on,
                label,
                met: sums.met,
                total: sums.total,
                share: share(sums.met, sums.total),
                areas: sums
                    .areas
                    .iter()
                    .map(|a| AreaPoint {
                        focus_area_id: a.focus_area_id,
                        met: a.met,
                        total: a.total,
                        share: a.share,
                    })
                    .collect(),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn area(id: i64, position: i64) -> Area {
        Area {
            id,
            position,
            name: format!("Area {id}"),
        }
    }

    fn item(id: i64, area: i64, rating: Option<Rating>) -> Item {
        Item {
            id,
            focus_area_id: area,
            competency: String::new(),
            expected: format!("Expectation {id}"),
            rating,
        }
    }

    fn entry(id: i64, expectation_id: i64, rating: Rating, on: &str) -> RatingEntry {
        RatingEntry {
            id,
            expectation_id,
            rating,
            note: String::new(),
            rated_on: d(on),
        }
    }

    use Rating::*;

    #[test]
    fn shares_count_consistently_and_beyond_as_met_and_unrated_as_not() {
        // Area 1: 2 of 4 met (beyond, consistently; partly and unrated are not).
        // Area 2: 1 of 3 met. The role: 3 of 7.
        let items = [
            item(1, 1, Some(Beyond)),
            item(2, 1, Some(Consistently)),
            item(3, 1, Some(Partly)),
            item(4, 1, None),
            item(5, 2, Some(NotYet)),
            item(6, 2, Some(Consistently)),
            item(7, 2, Some(Partly)),
        ];
        let s = summarise(&[area(1, 1), area(2, 2), area(3, 3)], &items);
        assert_eq!((s.met, s.total), (3, 7));
        let shares: Vec<(i64, i64, i64, f64)> = s
            .areas
            .iter()
            .map(|a| (a.focus_area_id, a.met, a.total, a.share))
            .collect();
        assert_eq!(
            shares,
            vec![(1, 2, 4, 0.5), (2, 1, 3, 1.0 / 3.0)],
            "area 3 has no expectations and is left out"
        );
        let gap = s.largest_gap.clone().expect("a gap");
        assert_eq!(gap.focus_area_id, 2, "1/3 is below 1/2");
        let unmet: Vec<i64> = gap.unmet.iter().map(|u| u.expectation_id).collect();
        assert_eq!(
            unmet,
            vec![5, 7],
            "named with its unmet expectations in order"
        );
    }

    #[test]
    fn each_area_sums_its_competencies_in_the_order_they_first_appear() {
        let mut items = vec![
            item(1, 1, Some(Beyond)),
            item(2, 1, None),
            item(3, 1, Some(Consistently)),
            item(4, 1, Some(Partly)),
        ];
        for (i, c) in ["Delivery", "Quality", "Delivery", ""].iter().enumerate() {
            items[i].competency = (*c).to_owned();
        }
        let s = summarise(&[area(1, 1)], &items);
        let sums: Vec<(&str, i64, i64)> = s.areas[0]
            .competencies
            .iter()
            .map(|c| (c.competency.as_str(), c.met, c.total))
            .collect();
        assert_eq!(
            sums,
            vec![("Delivery", 2, 2), ("Quality", 0, 1), ("", 0, 1)]
        );
        assert_eq!(s.areas[0].competencies[0].share, 1.0);
    }

    #[test]
    fn a_tie_goes_to_the_area_first_in_the_frameworks_order() {
        // Areas 4 (position 2) and 9 (position 1) both stand at 1/2; 9 comes first.
        let items = [
            item(1, 4, Some(Beyond)),
            item(2, 4, None),
            item(3, 9, Some(Partly)),
            item(4, 9, Some(Consistently)),
        ];
        let s = summarise(&[area(4, 2), area(9, 1)], &items);
        assert_eq!(s.areas[0].focus_area_id, 9, "listed in position order");
        assert_eq!(s.largest_gap.unwrap().focus_area_id, 9);
        // 2/4 ties 1/2 exactly (no float rounding decides it).
        let items = [
            item(1, 4, Some(Beyond)),
            item(2, 4, None),
            item(3, 9, Some(Beyond)),
            item(4, 9, Some(Beyond)),
            item(5, 9, None),
            item(6, 9, None),
        ];
        let s = summarise(&[area(4, 1), area(9, 2)], &items);
        assert_eq!(s.largest_gap.unwrap().focus_area_id, 4);
    }

    #[test]
    fn every_expectation_met_leaves_no_gap_and_no_expectations_is_zero() {
        let s = summarise(&[area(1, 1)], &[item(1, 1, Some(Consistently))]);
        assert_eq!((s.met, s.total, s.largest_gap), (1, 1, None));
        let s = summarise(&[area(1, 1)], &[]);
        assert_eq!((s.met, s.total, s.areas.len()), (0, 0, 0));
        assert_eq!(share(0, 0), 0.0);
    }

    #[test]
    fn the_rating_in_force_is_the_latest_on_or_before_the_day_then_the_last_written() {
        let history = [
            entry(1, 10, NotYet, "2026-02-10"),
            entry(2, 10, Partly, "2026-05-01"),
            // Written later but dated earlier: it is in force from its own day.
            entry(5, 10, Consistently, "2026-04-01"),
            // Two on one day: the one written last wins.
            entry(3, 11, Partly, "2026-06-30"),
            entry(4, 11, Beyond, "2026-06-30"),
        ];
        assert_eq!(in_force(&history, d("2026-01-31")), HashMap::new());
        assert_eq!(
            in_force(&history, d("2026-03-31")),
            HashMap::from([(10, NotYet)])
        );
        assert_eq!(
            in_force(&history, d("2026-04-15")),
            HashMap::from([(10, Consistently)])
        );
        assert_eq!(
            in_force(&history, d("2026-06-30")),
            HashMap::from([(10, Partly), (11, Beyond)])
        );
    }

    #[test]
    fn past_quarter_ends_run_from_the_first_rating_to_the_last_quarter_that_ended() {
        let ends = past_quarter_ends(d("2026-02-10"), d("2026-11-26"), 1);
        assert_eq!(
            ends,
            vec![
                (d("2026-03-31"), "Q1 2026".to_owned()),
                (d("2026-06-30"), "Q2 2026".to_owned()),
                (d("2026-09-30"), "Q3 2026".to_owned()),
            ]
        );
        assert!(past_quarter_ends(d("2026-10-02"), d("2026-11-26"), 1).is_empty());
        // A fiscal year from April: Jan-Mar is Q4 of the year ending in March.
        let ends = past_quarter_ends(d("2026-02-10"), d("2026-05-01"), 4);
        assert_eq!(ends, vec![(d("2026-03-31"), "Q4 2026".to_owned())]);
        let many = past_quarter_ends(d("2020-01-01"), d("2026-11-26"), 1);
        assert_eq!(many.len(), QUARTERS_SHOWN);
        assert_eq!(many.last().unwrap().0, d("2026-09-30"));
    }
}
