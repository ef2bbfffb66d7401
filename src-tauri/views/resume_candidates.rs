//! The candidates the résumé preview shows, read from wins, planning, learning and the
//! framework: the newest of each (`Rows::Newest`), or those a choice names by uid
//! (`Rows::Uids`), through the same query, so what is previewed is what is exported.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::{FromRow, SqliteConnection};
use ts_rs::TS;

use crate::infra::activity::{Action, Entity};
use crate::infra::error::AppResult;
use crate::views::resume_json::{self, Highlight, Impact, Project};

/// Candidates listed per section at most, newest first; the totals say how many exist.
pub const LISTED_MAX: i64 = 100;
/// Keywords per skill group at most: facets first, then the newest courses.
pub const KEYWORDS_MAX: usize = 15;
/// The area whose facets are the user's principles, and the one courses filed under no
/// area count for (ids of the seeded areas, which never change).
const LEADERSHIP_PRINCIPLES: i64 = 3;
const CONTINUOUS_LEARNING: i64 = 7;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WinCandidate {
    pub uid: String,
    pub title: String,
    pub occurred_on: NaiveDate,
    pub focus_area: Option<String>,
    /// "Failed releases: 8 → 1 per month"; `None` when nothing was measured.
    pub impact: Option<String>,
    #[serde(skip)]
    #[ts(skip)]
    pub(super) highlight: Highlight,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SkillCandidate {
    /// The focus area's uid.
    pub uid: String,
    pub name: String,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CertificateCandidate {
    pub uid: String,
    pub name: String,
    pub completed_on: Option<NaiveDate>,
    pub issuer: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProjectCandidate {
    /// The goal's uid.
    pub uid: String,
    pub name: String,
    /// "Open issues: 20 → 5 issues".
    pub impact: Option<String>,
    pub started_on: NaiveDate,
    pub finished_on: Option<NaiveDate>,
    #[serde(skip)]
    #[ts(skip)]
    pub(super) project: Project,
}

/// Which rows a query returns: the newest `LISTED_MAX`, or those with these uids.
#[derive(Clone, Copy)]
pub(super) enum Rows<'a> {
    Newest,
    Uids(&'a [String]),
}

impl Rows<'_> {
    /// The uids as a JSON array for `json_each` (NULL: all), and the LIMIT (-1: none).
    fn binds(self) -> AppResult<(Option<String>, i64)> {
        Ok(match self {
            Rows::Newest => (None, LISTED_MAX),
            Rows::Uids(uids) => (
                Some(serde_json::to_string(uids).map_err(std::io::Error::other)?),
                -1,
            ),
        })
    }
}

/// A metric, its unit and numbers as stored, made an [`Impact`] when a metric is named.
fn impact(
    metric: Option<String>,
    unit: String,
    before: Option<f64>,
    after: Option<f64>,
) -> Option<Impact> {
    match (metric, after) {
        (Some(metric), Some(after)) => Some(Impact {
            metric,
            unit,
            before,
            after,
        }),
        _ => None,
    }
}

#[derive(FromRow)]
struct WinRow {
    uid: String,
    title: String,
    occurred_on: NaiveDate,
    focus_area: Option<String>,
    impact_metric: Option<String>,
    impact_unit: String,
    impact_before: Option<f64>,
    impact_after: Option<f64>,
}

pub(super) async fn wins(
    conn: &mut SqliteConnection,
    rows: Rows<'_>,
) -> AppResult<Vec<WinCandidate>> {
    let (uids, limit) = rows.binds()?;
    let found: Vec<WinRow> = sqlx::query_as(
        "SELECT a.uid, a.title, a.occurred_on, f.name AS focus_area, a.impact_metric,
                a.impact_unit, a.impact_before, a.impact_after
         FROM achievements a LEFT JOIN focus_areas f ON f.id = a.focus_area_id
         WHERE ?1 IS NULL OR a.uid IN (SELECT value FROM json_each(?1))
         ORDER BY a.occurred_on DESC, a.id DESC LIMIT ?2",
    )
    .bind(uids)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(found
        .into_iter()
        .map(|r| {
            let measured = impact(
                r.impact_metric,
                r.impact_unit,
                r.impact_before,
                r.impact_after,
            );
            WinCandidate {
                impact: measured.as_ref().map(resume_json::impact_text),
                highlight: Highlight {
                    title: r.title.clone(),
                    impact: measured,
                },
                uid: r.uid,
                title: r.title,
                occurred_on: r.occurred_on,
                focus_area: r.focus_area,
            }
        })
        .collect())
}

/// One group per focus area with keywords, in the areas' order.
pub(super) async fn skills(conn: &mut SqliteConnection) -> AppResult<Vec<SkillCandidate>> {
    let areas: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, uid, name FROM focus_areas ORDER BY position")
            .fetch_all(&mut *conn)
            .await?;
    let mut words: Vec<(i64, String)> = sqlx::query_as(
        "SELECT f.focus_area_id, f.name FROM facets f
         WHERE f.id IN (SELECT facet_id FROM goal_facets)
         ORDER BY f.focus_area_id, f.position",
    )
    .fetch_all(&mut *conn)
    .await?;
    words.extend(
        sqlx::query_as::<_, (i64, String)>(
            "SELECT ?1, p.name FROM principles p
             WHERE p.id IN (SELECT principle_id FROM goal_principles
                            UNION SELECT principle_id FROM achievement_principles)
             ORDER BY p.position, p.id",
        )
        .bind(LEADERSHIP_PRINCIPLES)
        .fetch_all(&mut *conn)
        .await?,
    );
    words.extend(
        sqlx::query_as::<_, (i64, String)>(
            "SELECT coalesce(r.focus_area_id, ?1), r.title FROM resources r
             WHERE r.status = 'completed' AND r.kind IN ('course', 'workshop')
             ORDER BY r.completed_on DESC, r.id DESC",
        )
        .bind(CONTINUOUS_LEARNING)
        .fetch_all(&mut *conn)
        .await?,
    );
    Ok(areas
        .into_iter()
        .filter_map(|(id, uid, name)| {
            let keywords = keywords(words.iter().filter(|(a, _)| *a == id).map(|(_, w)| w));
            (!keywords.is_empty()).then_some(SkillCandidate {
                uid,
                name,
                keywords,
            })
        })
        .collect())
}

/// The words in order, each once (ignoring case), at most `KEYWORDS_MAX`.
fn keywords<'a>(words: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for word in words {
        if kept.len() == KEYWORDS_MAX {
            break;
        }
        if !kept.iter().any(|k| k.to_lowercase() == word.to_lowercase()) {
            kept.push(word.clone());
        }
    }
    kept
}

pub(super) async fn certificates(
    conn: &mut SqliteConnection,
    rows: Rows<'_>,
) -> AppResult<Vec<CertificateCandidate>> {
    let (uids, limit) = rows.binds()?;
    Ok(sqlx::query_as::<_, CertificateCandidate>(
        "SELECT r.uid, r.title AS name, r.completed_on, r.provider AS issuer,
                coalesce(r.certificate_url, r.url) AS url
         FROM resources r
         WHERE r.kind = 'certification' AND r.status = 'completed'
           AND (?1 IS NULL OR r.uid IN (SELECT value FROM json_each(?1)))
         ORDER BY r.completed_on DESC, r.id DESC LIMIT ?2",
    )
    .bind(uids)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

#[derive(FromRow)]
struct ProjectRow {
    uid: String,
    title: String,
    metric_name: Option<String>,
    metric_unit: String,
    baseline: Option<f64>,
    reached: Option<f64>,
    starts_on: NaiveDate,
    done_on: Option<NaiveDate>,
    facets: String,
    url: Option<String>,
}

/// Done metric goals, the latest done first. The value reached is the last one checked
/// in, or the target when none was (the user marked it done).
pub(super) async fn projects(
    conn: &mut SqliteConnection,
    rows: Rows<'_>,
) -> AppResult<Vec<ProjectCandidate>> {
    let (uids, limit) = rows.binds()?;
    let found: Vec<ProjectRow> = sqlx::query_as(
        "SELECT g.uid, g.title, g.metric_name, g.metric_unit, g.baseline,
                coalesce((SELECT c.value FROM check_ins c WHERE c.goal_id = g.id AND c.value IS NOT NULL
                          ORDER BY c.on_date DESC, c.id DESC LIMIT 1), g.target) AS reached,
                p.starts_on,
                (SELECT max(v.occurred_on) FROM activity v
                 WHERE v.entity = ?3 AND v.action = ?4 AND v.entity_id = g.id) AS done_on,
                (SELECT json_group_array(f.name ORDER BY f.position) FROM goal_facets gf
                 JOIN facets f ON f.id = gf.facet_id WHERE gf.goal_id = g.id) AS facets,
                (SELECT l.url FROM goal_links l WHERE l.goal_id = g.id ORDER BY l.id LIMIT 1) AS url
         FROM goals g JOIN plans p ON p.id = g.plan_id
         WHERE g.status = 'done' AND g.measure = 'metric'
           AND (?1 IS NULL OR g.uid IN (SELECT value FROM json_each(?1)))
         ORDER BY coalesce(done_on, p.ends_on) DESC, g.id DESC LIMIT ?2",
    )
    .bind(uids)
    .bind(limit)
    .bind(Entity::Goal)
    .bind(Action::Status)
    .fetch_all(conn)
    .await?;
    found.into_iter().map(project).collect()
}

fn project(r: ProjectRow) -> AppResult<ProjectCandidate> {
    let keywords: Vec<String> = serde_json::from_str(&r.facets).map_err(std::io::Error::other)?;
    let measured = impact(r.metric_name, r.metric_unit, r.baseline, r.reached);
    Ok(ProjectCandidate {
        impact: measured.as_ref().map(resume_json::impact_text),
        project: Project {
            name: r.title.clone(),
            impact: measured,
            start: r.starts_on,
            end: r.done_on,
            keywords,
            url: r.url,
        },
        uid: r.uid,
        name: r.title,
        started_on: r.starts_on,
        finished_on: r.done_on,
    })
}
