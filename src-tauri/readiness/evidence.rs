//! Evidence for an expectation: a link to something already in the record that shows it
//! met. Each kind points at its own table; the link goes with the record it points at
//! (into the trash and back), and linking something that no longer exists is refused.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use super::expectations;
use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum EvidenceKind {
    Win,
    Story,
    Feedback,
    Resource,
    Goal,
    Conversation,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 6] = [
        EvidenceKind::Win,
        EvidenceKind::Story,
        EvidenceKind::Feedback,
        EvidenceKind::Resource,
        EvidenceKind::Goal,
        EvidenceKind::Conversation,
    ];

    /// The kind the UI named, or a refusal at the field `kind`.
    pub fn parse(value: serde_json::Value) -> AppResult<EvidenceKind> {
        serde_json::from_value(value)
            .map_err(|e| AppError::invalid("kind", crate::infra::input::unexpected(e.to_string())))
    }

    pub fn label(self) -> &'static str {
        match self {
            EvidenceKind::Win => "win",
            EvidenceKind::Story => "STAR story",
            EvidenceKind::Feedback => "feedback received",
            EvidenceKind::Resource => "course or certification",
            EvidenceKind::Goal => "goal",
            EvidenceKind::Conversation => "mentoring session",
        }
    }

    /// The column of `expectation_evidence` that points at it.
    fn column(self) -> &'static str {
        match self {
            EvidenceKind::Win => "achievement_id",
            EvidenceKind::Story => "story_id",
            EvidenceKind::Feedback => "feedback_id",
            EvidenceKind::Resource => "resource_id",
            EvidenceKind::Goal => "goal_id",
            EvidenceKind::Conversation => "conversation_id",
        }
    }

    fn table(self) -> &'static str {
        match self {
            EvidenceKind::Win => "achievements",
            EvidenceKind::Story => "stories",
            EvidenceKind::Feedback => "feedback_received",
            EvidenceKind::Resource => "resources",
            EvidenceKind::Goal => "goals",
            EvidenceKind::Conversation => "conversations",
        }
    }
}

/// What to link: a record of a kind, by its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct EvidenceRef {
    pub kind: EvidenceKind,
    #[ts(type = "number")]
    pub id: i64,
}

/// A link with the words and day of what it points at, for the readiness view and the
/// packet.
#[derive(Debug, Clone, PartialEq, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Evidence {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub expectation_id: i64,
    pub kind: EvidenceKind,
    #[ts(type = "number")]
    pub record_id: i64,
    pub title: String,
    pub on: Option<NaiveDate>,
    /// Where it opens: the win of a win or a STAR story (a story's own id opens nothing),
    /// the plan of a goal, the person feedback came from.
    #[ts(type = "number | null")]
    pub win_id: Option<i64>,
    #[ts(type = "number | null")]
    pub plan_id: Option<i64>,
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
}

const SELECT: &str = "SELECT v.id, v.expectation_id, v.kind,
        coalesce(v.achievement_id, v.story_id, v.feedback_id, v.resource_id, v.goal_id,
                 v.conversation_id) AS record_id,
        coalesce(a.title, sa.title, substr(f.what, 1, 200), r.title, g.title, c.topic, '') AS title,
        coalesce(a.occurred_on, sa.occurred_on, f.received_on, r.completed_on, c.held_on) AS \"on\",
        coalesce(a.id, sa.id) AS win_id, g.plan_id, f.person_id
    FROM expectation_evidence v
    LEFT JOIN achievements a ON a.id = v.achievement_id
    LEFT JOIN stories s ON s.id = v.story_id
    LEFT JOIN achievements sa ON sa.id = s.achievement_id
    LEFT JOIN feedback_received f ON f.id = v.feedback_id
    LEFT JOIN resources r ON r.id = v.resource_id
    LEFT JOIN goals g ON g.id = v.goal_id
    LEFT JOIN conversations c ON c.id = v.conversation_id";

/// Links `what` to the expectation; linking it twice keeps one link.
pub async fn link(
    pool: &SqlitePool,
    expectation_id: i64,
    what: EvidenceRef,
    today: NaiveDate,
) -> AppResult<Evidence> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let e = expectations::fetch(&mut tx, expectation_id, today).await?;
    let exists: bool = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?)",
        what.kind.table()
    )))
    .bind(what.id)
    .fetch_one(&mut *tx)
    .await?;
    if !exists {
        return Err(AppError::NotFound {
            entity: what.kind.label(),
            id: what.id,
        });
    }
    let column = what.kind.column();
    let inserted = sqlx::query(AssertSqlSafe(format!(
        "INSERT OR IGNORE INTO expectation_evidence (expectation_id, kind, {column}) VALUES (?, ?, ?)"
    )))
    .bind(expectation_id)
    .bind(what.kind)
    .bind(what.id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let id: i64 = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT id FROM expectation_evidence WHERE expectation_id = ? AND {column} = ?"
    )))
    .bind(expectation_id)
    .bind(what.id)
    .fetch_one(&mut *tx)
    .await?;
    let out = fetch(&mut tx, id).await?;
    if inserted > 0 {
        let summary = format!(
            "Linked the {} \"{}\" to \"{}\"",
            what.kind.label(),
            out.title,
            expectations::short(&e.expected)
        );
        activity::record(
            &mut tx,
            today,
            Entity::Expectation,
            expectation_id,
            Action::Edited,
            &summary,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(out)
}

async fn fetch(conn: &mut SqliteConnection, id: i64) -> AppResult<Evidence> {
    sqlx::query_as::<_, Evidence>(AssertSqlSafe(format!("{SELECT} WHERE v.id = ?")))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(AppError::NotFound {
            entity: "evidence link",
            id,
        })
}

/// Removes a link (the record it pointed at stays).
pub async fn unlink(pool: &SqlitePool, evidence_id: i64) -> AppResult<()> {
    let gone = sqlx::query("DELETE FROM expectation_evidence WHERE id = ?")
        .bind(evidence_id)
        .execute(pool)
        .await?
        .rows_affected();
    if gone == 0 {
        return Err(AppError::NotFound {
            entity: "evidence link",
            id: evidence_id,
        });
    }
    Ok(())
}

/// An expectation's evidence, newest first (undated last).
pub async fn list(pool: &SqlitePool, expectation_id: i64) -> AppResult<Vec<Evidence>> {
    let mut conn = pool.acquire().await?;
    expectations::exists(&mut conn, expectation_id).await?;
    Ok(sqlx::query_as::<_, Evidence>(AssertSqlSafe(format!(
        "{SELECT} WHERE v.expectation_id = ? ORDER BY \"on\" IS NULL, \"on\" DESC, v.id DESC"
    )))
    .bind(expectation_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The evidence of every expectation of a role, for a view that shows them all.
pub async fn of_role(pool: &SqlitePool, role_id: i64) -> AppResult<Vec<Evidence>> {
    Ok(sqlx::query_as::<_, Evidence>(AssertSqlSafe(format!(
        "{SELECT} JOIN role_expectations e ON e.id = v.expectation_id
         WHERE e.target_role_id = ? ORDER BY v.expectation_id, \"on\" IS NULL, \"on\" DESC, v.id DESC"
    )))
    .bind(role_id)
    .fetch_all(pool)
    .await?)
}

/// A record that could be linked as evidence, for the picker.
#[derive(Debug, Clone, PartialEq, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Candidate {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub on: Option<NaiveDate>,
}

/// Candidates listed at most: the picker filters as the user types instead of scrolling.
pub const CANDIDATES: i64 = 60;

impl EvidenceKind {
    /// The id, words and day of every record of the kind, most likely evidence first
    /// (finished courses, goals done and mentoring given ahead of the rest, then newest).
    fn candidates_sql(self) -> &'static str {
        match self {
            EvidenceKind::Win => {
                "SELECT id, title, occurred_on AS \"on\", 0 AS rank FROM achievements"
            }
            EvidenceKind::Story => {
                "SELECT s.id, a.title, a.occurred_on AS \"on\", 0 AS rank
                 FROM stories s JOIN achievements a ON a.id = s.achievement_id"
            }
            EvidenceKind::Feedback => {
                "SELECT id, substr(what, 1, 200) AS title, received_on AS \"on\", 0 AS rank
                 FROM feedback_received"
            }
            EvidenceKind::Resource => {
                "SELECT id, title, completed_on AS \"on\", completed_on IS NULL AS rank FROM resources"
            }
            EvidenceKind::Goal => {
                "SELECT id, title, NULL AS \"on\", status <> 'done' AS rank FROM goals"
            }
            EvidenceKind::Conversation => {
                "SELECT id, topic AS title, held_on AS \"on\", kind <> 'mentoring_given' AS rank
                 FROM conversations"
            }
        }
    }
}

/// Records of `kind` whose words contain `matching` (any case), for the evidence picker.
pub async fn candidates(
    pool: &SqlitePool,
    kind: EvidenceKind,
    matching: &str,
) -> AppResult<Vec<Candidate>> {
    let matching = matching.trim().to_lowercase();
    Ok(sqlx::query_as::<_, Candidate>(AssertSqlSafe(format!(
        "SELECT id, title, \"on\" FROM ({}) WHERE ?1 = '' OR instr(lower(title), ?1) > 0
         ORDER BY rank, \"on\" IS NULL, \"on\" DESC, id DESC LIMIT ?2",
        kind.candidates_sql()
    )))
    .bind(matching)
    .bind(CANDIDATES)
    .fetch_all(pool)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::EvidenceKind;

    #[test]
    fn a_kind_is_one_of_the_six_and_anything_else_is_refused_at_its_field() {
        assert_eq!(
            EvidenceKind::parse(serde_json::json!("story")).unwrap(),
            EvidenceKind::Story
        );
        for bad in [
            serde_json::json!("badge"),
            serde_json::json!(3),
            serde_json::Value::Null,
        ] {
            let err = EvidenceKind::parse(bad).unwrap_err();
            assert_eq!(err.field(), Some("kind"), "{err:?}");
        }
    }

    #[test]
    fn export_bindings_evidence_kind_labels() {
        let entries: Vec<(EvidenceKind, &str)> =
            EvidenceKind::ALL.iter().map(|k| (*k, k.label())).collect();
        crate::infra::labels::export("EvidenceKind", "EVIDENCE_KIND_LABELS", &entries);
    }
}
