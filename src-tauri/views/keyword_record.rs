//! The user's record as text to match a job posting against: the résumé's skills, the
//! profile's title and summary, every win with its story, the courses and other
//! resources completed, and the goals done. Each piece keeps what it came from, so a
//! matched term can say where the record shows it.

use serde::Serialize;
use sqlx::{FromRow, SqliteConnection};
use ts_rs::TS;

use crate::infra::error::AppResult;
use crate::views::resume_candidates;

/// What a piece of the record is; the UI opens wins, resources and goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PlaceKind {
    /// A keyword of the résumé's skills (a facet, a principle or a course title).
    Skill,
    Profile,
    Achievement,
    Resource,
    Goal,
}

/// Where the record shows a term.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Place {
    pub kind: PlaceKind,
    /// The win's, resource's or goal's id; None for a skill or the profile.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// A goal's plan, to open the goal in it.
    #[ts(type = "number | null")]
    pub plan_id: Option<i64>,
    pub title: String,
}

/// One piece of the record and its text.
pub(super) struct Piece {
    pub place: Place,
    pub text: String,
}

fn piece(
    kind: PlaceKind,
    id: Option<i64>,
    plan_id: Option<i64>,
    title: String,
    text: String,
) -> Piece {
    Piece {
        place: Place {
            kind,
            id,
            plan_id,
            title,
        },
        text,
    }
}

#[derive(FromRow)]
struct Row {
    id: i64,
    plan_id: Option<i64>,
    title: String,
    text: String,
}

/// Wins newest first, with their description, impact and STAR story.
const WINS: &str = "SELECT a.id, NULL AS plan_id, a.title,
        a.title || char(10) || a.description || char(10) || coalesce(a.impact_metric, '')
          || char(10) || coalesce(s.situation || char(10) || s.task || char(10) || s.action
          || char(10) || s.result, '') AS text
    FROM achievements a LEFT JOIN stories s ON s.achievement_id = a.id
    ORDER BY a.occurred_on DESC, a.id DESC";

/// Resources completed, newest first: courses, certifications, books, talks.
const RESOURCES: &str = "SELECT r.id, NULL AS plan_id, r.title,
        r.title || char(10) || r.notes AS text
    FROM resources r WHERE r.status = 'completed'
    ORDER BY r.completed_on DESC, r.id DESC";

/// Goals done, the newest plan first.
const GOALS: &str = "SELECT g.id, g.plan_id, g.title,
        g.title || char(10) || g.why || char(10) || coalesce(g.metric_name, '') AS text
    FROM goals g JOIN plans p ON p.id = g.plan_id WHERE g.status = 'done'
    ORDER BY p.starts_on DESC, g.id DESC";

/// Every piece of the record, skills first, then the profile, wins, resources, goals.
pub(super) async fn pieces(conn: &mut SqliteConnection) -> AppResult<Vec<Piece>> {
    let mut out = Vec::new();
    for group in resume_candidates::skills(&mut *conn).await? {
        for keyword in group.keywords {
            let title = format!("{}: {keyword}", group.name);
            out.push(piece(PlaceKind::Skill, None, None, title, keyword));
        }
    }
    let (title, summary): (String, String) =
        sqlx::query_as("SELECT title, summary FROM profile WHERE id = 1")
            .fetch_optional(&mut *conn)
            .await?
            .unwrap_or_default();
    if !title.is_empty() || !summary.is_empty() {
        let text = format!("{title}\n{summary}");
        out.push(piece(
            PlaceKind::Profile,
            None,
            None,
            "Your profile".into(),
            text,
        ));
    }
    for (kind, sql) in [
        (PlaceKind::Achievement, WINS),
        (PlaceKind::Resource, RESOURCES),
        (PlaceKind::Goal, GOALS),
    ] {
        let rows: Vec<Row> = sqlx::query_as(sql).fetch_all(&mut *conn).await?;
        out.extend(
            rows.into_iter()
                .map(|r| piece(kind, Some(r.id), r.plan_id, r.title, r.text)),
        );
    }
    // A course title is a skill keyword too; the resource, which opens, is enough.
    let courses: std::collections::HashSet<String> = out
        .iter()
        .filter(|p| p.place.kind == PlaceKind::Resource)
        .map(|p| p.place.title.to_lowercase())
        .collect();
    out.retain(|p| p.place.kind != PlaceKind::Skill || !courses.contains(&p.text.to_lowercase()));
    Ok(out)
}
