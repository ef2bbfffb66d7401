//! Taking a record back out of the trash. The rows come back as they were (see
//! `infra::trash`); what this adds is what only the features know: a plan that was
//! active comes back as a draft when another plan is active now, a person who was the
//! manager comes back as a plain colleague when someone else is, and the activity log
//! notes the restore.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::AppResult;
use crate::infra::trash::{self, TrashKind};

/// What came back, so the screen can open it.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Restored {
    pub kind: TrashKind,
    /// Its id now: the old one, or a new one if that was taken while it was away.
    #[ts(type = "number")]
    pub record_id: i64,
    pub title: String,
    /// A change made so it fits ("It is a draft now: another plan is active."), or "".
    pub note: String,
}

pub async fn restore(pool: &SqlitePool, trash_id: i64, today: NaiveDate) -> AppResult<Restored> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let item = trash::fetch(&mut tx, trash_id).await?;
    let note = make_it_fit(&mut tx, item.kind, trash_id).await?;
    let (item, record_id) = trash::restore(&mut tx, trash_id).await?;
    if let Some(entity) = entity(item.kind) {
        let summary = format!(
            "Restored the {} \"{}\" from the trash",
            item.kind.noun(),
            item.title
        );
        activity::record(
            &mut tx,
            today,
            entity,
            record_id,
            Action::Restored,
            &summary,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Restored {
        kind: item.kind,
        record_id,
        title: item.title,
        note,
    })
}

/// The one-of-a-kind flags (the active plan, my manager) may belong to another record
/// by now: the restored one gives way.
async fn make_it_fit(
    conn: &mut SqliteConnection,
    kind: TrashKind,
    trash_id: i64,
) -> AppResult<String> {
    let (column, was, now, taken_sql, note) = match kind {
        TrashKind::Plan => (
            "status",
            "active",
            "\"draft\"",
            "SELECT EXISTS (SELECT 1 FROM plans WHERE status = 'active')",
            "It is a draft now: another plan is active.",
        ),
        TrashKind::Person => (
            "is_my_manager",
            "1",
            "0",
            "SELECT EXISTS (SELECT 1 FROM people WHERE is_my_manager = 1)",
            "Someone else is your manager now, so they are not marked as your manager.",
        ),
        TrashKind::TargetRole => (
            "is_current",
            "1",
            "0",
            "SELECT EXISTS (SELECT 1 FROM target_roles WHERE is_current = 1)",
            "Another target role is current now, so this one is not.",
        ),
        _ => return Ok(String::new()),
    };
    if trash::root_value(conn, trash_id, column).await?.as_deref() != Some(was) {
        return Ok(String::new());
    }
    let taken: bool = sqlx::query_scalar(taken_sql).fetch_one(&mut *conn).await?;
    if !taken {
        return Ok(String::new());
    }
    trash::set_root_value(conn, trash_id, column, now).await?;
    Ok(note.to_owned())
}

fn entity(kind: TrashKind) -> Option<Entity> {
    match kind {
        TrashKind::Plan => Some(Entity::Plan),
        TrashKind::Goal => Some(Entity::Goal),
        TrashKind::Milestone => Some(Entity::Milestone),
        TrashKind::Win => Some(Entity::Achievement),
        TrashKind::Resource => Some(Entity::Resource),
        TrashKind::OneOnOne => Some(Entity::OneOnOne),
        TrashKind::Opportunity => Some(Entity::Opportunity),
        TrashKind::Conversation => Some(Entity::Conversation),
        TrashKind::TargetRole => Some(Entity::TargetRole),
        TrashKind::Expectation => Some(Entity::Expectation),
        TrashKind::Person => None,
    }
}
