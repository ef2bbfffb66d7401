//! "Where I stand against <role>" on a 1:1's agenda, when the user asks for it: the
//! readiness for the current target role in one line, read from `readiness::score` and
//! written into the agenda's career section. It joins readiness and one-on-ones, so it
//! lives above both.
//!
//! The item's key names the role ("readiness:<id>"): asking twice keeps one item (and
//! asking after removing it brings it back with today's numbers).

use chrono::NaiveDate;
use sqlx::SqlitePool;

use crate::infra::error::{AppError, AppResult};
use crate::one_on_ones::agenda::{self, Draft, Keyed, OneOnOneDetail, Section};
use crate::one_on_ones::schedule::{self, OneOnOneStatus};
use crate::readiness::roles;
use crate::readiness::score::{self, Readiness};

/// The agenda key of the item for one role.
pub fn key(role_id: i64) -> String {
    format!("readiness:{role_id}")
}

/// "Where I stand against Engineering Manager, L6: 5 of 12 expectations met; largest
/// gap: Leadership qualities (4 not met yet)".
pub fn line(r: &Readiness) -> String {
    let head = format!("Where I stand against {}", r.role_name);
    match &r.largest_gap {
        Some(gap) => format!(
            "{head}: {} of {} expectations met; largest gap: {} ({} not met yet)",
            r.met,
            r.total,
            gap.name,
            gap.total - gap.met
        ),
        None if r.total == 1 => format!("{head}: its one expectation is met"),
        None => format!("{head}: all {} expectations met", r.total),
    }
}

/// Adds the line for the current target role to the 1:1's agenda (a no-op when it is
/// there already), and returns the 1:1.
pub async fn add_to_agenda(
    pool: &SqlitePool,
    one_on_one_id: i64,
    today: NaiveDate,
) -> AppResult<OneOnOneDetail> {
    let mut conn = pool.acquire().await?;
    let meeting = schedule::fetch(&mut conn, one_on_one_id).await?;
    drop(conn);
    if meeting.status == OneOnOneStatus::Cancelled {
        return Err(AppError::conflict(
            Some("status"),
            "This 1:1 is cancelled; schedule it again to add to its agenda.",
        ));
    }
    let Some(role) = roles::current(pool).await? else {
        return Err(AppError::invalid(
            "role",
            "There is no current target role; choose one on the Next role screen first.",
        ));
    };
    if role.expectation_count == 0 {
        return Err(AppError::invalid(
            "role",
            format!("{} has no expectations yet; add some first.", role.name()),
        ));
    }
    let role_id = role.id;
    let r = score::readiness_of(pool, role, today).await?;
    let draft = Draft::new(Section::Career, key(role_id), None, line(&r));
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    // Read again inside the write: the 1:1 may have gone meanwhile.
    schedule::fetch(&mut tx, one_on_one_id).await?;
    let done: Keyed = agenda::add_keyed(&mut tx, one_on_one_id, &draft).await?;
    tracing::debug!(?done, "readiness on the agenda");
    let detail = agenda::detail_in(&mut tx, one_on_one_id).await?;
    tx.commit().await?;
    Ok(detail)
}
