//! The learning library: resources (courses, books, ...) and their progress logs.
//!
//! Rules, all here:
//! - Units done and minutes spent are the sums of the log. Percent complete is units done
//!   over the total, capped at 100 %; with no total there is no percentage.
//! - Status follows the log: no entry → planned; an entry → in progress; reaching the
//!   total → completed on the day of the entry that reached it. The user may instead mark
//!   a resource completed (the bar then shows 100 %) or dropped; that overrides the log
//!   until they clear it.
//! - Lessons, pages and chapters are countable: an entry that would go past the total is
//!   refused. Hours are an estimate: the log may go past it and the bar stops at 100 %.
//! - Every log change recomputes the derived columns in the same transaction.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::infra::activity::{self, Action, Entity};
use crate::infra::error::{AppError, AppResult};
use crate::infra::text::trim_number;
use crate::infra::trash::{self, TrashKind, Trashed};
use crate::{infra::children, infra::input, infra::limits, infra::lookup};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
#[ts(export)]
pub enum ResourceKind {
    Course,
    Book,
    Certification,
    Workshop,
    Article,
    Video,
    Podcast,
    Conference,
}

impl ResourceKind {
    pub(crate) const ALL: [ResourceKind; 8] = [
        ResourceKind::Course,
        ResourceKind::Book,
        ResourceKind::Certification,
        ResourceKind::Workshop,
        ResourceKind::Article,
        ResourceKind::Video,
        ResourceKind::Podcast,
        ResourceKind::Conference,
    ];

    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|k| k.as_str() == t)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ResourceKind::Course => "course",
            ResourceKind::Book => "book",
            ResourceKind::Certification => "certification",
            ResourceKind::Workshop => "workshop",
            ResourceKind::Article => "article",
            ResourceKind::Video => "video",
            ResourceKind::Podcast => "podcast",
            ResourceKind::Conference => "conference",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
#[ts(export)]
pub enum Unit {
    Lessons,
    Hours,
    Pages,
    Chapters,
}

impl Unit {
    pub const ALL: [Unit; 4] = [Unit::Lessons, Unit::Hours, Unit::Pages, Unit::Chapters];

    /// Countable units cannot go past the total; hours are an estimate.
    fn countable(self) -> bool {
        self != Unit::Hours
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().trim_end_matches('s') {
            "lesson" => Some(Unit::Lessons),
            "hour" => Some(Unit::Hours),
            "page" => Some(Unit::Pages),
            "chapter" => Some(Unit::Chapters),
            _ => None,
        }
    }

    fn singular(self) -> &'static str {
        match self {
            Unit::Lessons => "lesson",
            Unit::Hours => "hour",
            Unit::Pages => "page",
            Unit::Chapters => "chapter",
        }
    }

    pub(crate) fn plural(self) -> &'static str {
        match self {
            Unit::Lessons => "lessons",
            Unit::Hours => "hours",
            Unit::Pages => "pages",
            Unit::Chapters => "chapters",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, TS)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[ts(export)]
pub enum LearningStatus {
    Planned,
    InProgress,
    Completed,
    Dropped,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Resource {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: ResourceKind,
    pub title: String,
    pub provider: String,
    pub url: Option<String>,
    #[ts(type = "number | null")]
    pub focus_area_id: Option<i64>,
    pub total_units: Option<f64>,
    pub unit: Unit,
    pub target_on: Option<NaiveDate>,
    pub certificate_url: Option<String>,
    pub notes: String,
    /// True when the status was set by hand (completed or dropped).
    pub manual: bool,
    pub units_done: f64,
    #[ts(type = "number")]
    pub minutes_spent: i64,
    pub status: LearningStatus,
    pub completed_on: Option<NaiveDate>,
    pub last_activity_on: Option<NaiveDate>,
    /// Whole percent, or `None` without a total.
    #[sqlx(skip)]
    #[ts(type = "number | null")]
    pub percent: Option<i64>,
}

impl Resource {
    fn with_percent(mut self) -> Self {
        self.percent = percent(self.status, self.units_done, self.total_units);
        self
    }
}

/// Percent complete: completed is 100 %; otherwise units done over the total, capped.
fn percent(status: LearningStatus, done: f64, total: Option<f64>) -> Option<i64> {
    if status == LearningStatus::Completed {
        return Some(100);
    }
    total
        .filter(|t| *t > 0.0)
        .map(|t| crate::planning::progress::percent((done / t).clamp(0.0, 1.0)))
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct ResourceInput {
    #[ts(optional)]
    pub kind: Option<ResourceKind>,
    pub title: String,
    #[ts(optional)]
    pub provider: Option<String>,
    #[ts(optional)]
    pub url: Option<String>,
    #[ts(optional, type = "number | null")]
    pub focus_area_id: Option<i64>,
    #[ts(optional)]
    pub total_units: Option<f64>,
    #[ts(optional)]
    pub unit: Option<Unit>,
    #[ts(optional)]
    pub target_on: Option<String>,
    #[ts(optional)]
    pub certificate_url: Option<String>,
    #[ts(optional)]
    pub notes: Option<String>,
    #[ts(optional, type = "number[]")]
    pub goal_ids: Option<Vec<i64>>,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProgressEntry {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub resource_id: i64,
    pub on_date: NaiveDate,
    pub units: f64,
    #[ts(type = "number")]
    pub minutes: i64,
    pub note: String,
}

/// One sitting. Give either the units done in it, or where you are now (`at`), and the
/// entry records the difference.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct EntryInput {
    #[ts(optional)]
    pub on_date: Option<String>,
    #[ts(optional)]
    pub units: Option<f64>,
    #[ts(optional)]
    pub at: Option<f64>,
    #[ts(optional, type = "number")]
    pub minutes: Option<i64>,
    #[ts(optional)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResourceDetail {
    pub resource: Resource,
    /// Oldest first.
    pub entries: Vec<ProgressEntry>,
    #[ts(type = "number[]")]
    pub goal_ids: Vec<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResourceSort {
    #[default]
    Recent,
    Target,
    Title,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct ResourceFilter {
    #[ts(optional)]
    pub status: Option<LearningStatus>,
    #[ts(optional)]
    pub kind: Option<ResourceKind>,
    #[ts(optional, type = "number")]
    pub focus_area_id: Option<i64>,
    #[ts(optional)]
    pub sort: Option<ResourceSort>,
    /// A page of at most this many rows (default 100).
    #[ts(optional, type = "number")]
    pub limit: Option<i64>,
    #[ts(optional, type = "number")]
    pub offset: Option<i64>,
}

const SELECT: &str = "SELECT id, kind, title, provider, url, focus_area_id, total_units, unit, target_on,
        certificate_url, notes, manual_status IS NOT NULL AS manual, units_done, minutes_spent, status,
        completed_on, last_activity_on
    FROM resources";

pub async fn list(pool: &SqlitePool, filter: ResourceFilter) -> AppResult<Vec<Resource>> {
    let order = match filter.sort.unwrap_or_default() {
        // SQLite sorts NULL lowest, so never-touched resources come last, and the index serves it.
        ResourceSort::Recent => "last_activity_on DESC, id DESC",
        ResourceSort::Target => "target_on IS NULL, target_on, title COLLATE NOCASE",
        ResourceSort::Title => "title COLLATE NOCASE, id",
    };
    let rows = sqlx::query_as::<_, Resource>(AssertSqlSafe(format!(
        "{SELECT} WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR kind = ?2)
           AND (?3 IS NULL OR focus_area_id = ?3)
         ORDER BY {order} LIMIT ?4 OFFSET ?5"
    )))
    .bind(filter.status)
    .bind(filter.kind)
    .bind(filter.focus_area_id)
    .bind(filter.limit.unwrap_or(100).clamp(1, 500))
    .bind(filter.offset.unwrap_or(0).max(0))
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(Resource::with_percent).collect())
}

pub async fn fetch(conn: &mut SqliteConnection, id: i64) -> AppResult<Resource> {
    sqlx::query_as::<_, Resource>(AssertSqlSafe(format!("{SELECT} WHERE id = ?")))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .map(Resource::with_percent)
        .ok_or(AppError::NotFound {
            entity: "Learning resource",
            id,
        })
}

pub async fn detail(pool: &SqlitePool, id: i64) -> AppResult<ResourceDetail> {
    let mut conn = pool.acquire().await?;
    let resource = fetch(&mut conn, id).await?;
    let entries = entries(&mut conn, id).await?;
    let goal_ids = sqlx::query_scalar(
        "SELECT goal_id FROM resource_goals WHERE resource_id = ? ORDER BY goal_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(ResourceDetail {
        resource,
        entries,
        goal_ids,
    })
}

async fn entries(conn: &mut SqliteConnection, id: i64) -> AppResult<Vec<ProgressEntry>> {
    Ok(sqlx::query_as::<_, ProgressEntry>(
        "SELECT id, resource_id, on_date, units, minutes, note FROM progress_entries
         WHERE resource_id = ? ORDER BY on_date, id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?)
}

/// Resources linked to a goal, for the goal panel.
pub(crate) async fn for_goal(
    conn: &mut SqliteConnection,
    goal_id: i64,
) -> AppResult<Vec<Resource>> {
    let rows = sqlx::query_as::<_, Resource>(AssertSqlSafe(format!(
        "{SELECT} WHERE id IN (SELECT resource_id FROM resource_goals WHERE goal_id = ?) ORDER BY title COLLATE NOCASE"
    )))
    .bind(goal_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Resource::with_percent).collect())
}

/// A resource's fields as checked input.
pub struct Checked {
    pub kind: ResourceKind,
    pub title: String,
    pub provider: String,
    pub url: Option<String>,
    pub focus_area_id: Option<i64>,
    pub total_units: Option<f64>,
    pub unit: Unit,
    pub target_on: Option<NaiveDate>,
    pub certificate_url: Option<String>,
    pub notes: String,
    pub goal_ids: Vec<i64>,
}

fn optional_url(field: &str, value: Option<&str>) -> AppResult<Option<String>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => limits::url(field, v).map(Some),
        None => Ok(None),
    }
}

async fn check(conn: &mut SqliteConnection, input: ResourceInput) -> AppResult<Checked> {
    let title = limits::title("title", &input.title)?;
    let provider = match input
        .provider
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) => limits::title("provider", p)?,
        None => String::new(),
    };
    let total_units = match input.total_units {
        Some(t) => {
            let t = limits::units("totalUnits", t)?;
            if t == 0.0 {
                return Err(AppError::invalid(
                    "totalUnits",
                    "The total must be more than zero.",
                ));
            }
            Some(t)
        }
        None => None,
    };
    if let Some(id) = input.focus_area_id {
        if !lookup::exists(conn, "focus_areas", id).await? {
            return Err(AppError::invalid(
                "focusAreaId",
                "Pick one of the seven focus areas.",
            ));
        }
    }
    let goal_ids = lookup::existing_ids(
        conn,
        "goals",
        "goalIds",
        "Goal",
        input.goal_ids.unwrap_or_default(),
    )
    .await?;
    Ok(Checked {
        kind: input.kind.unwrap_or(ResourceKind::Course),
        title,
        provider,
        url: optional_url("url", input.url.as_deref())?,
        focus_area_id: input.focus_area_id,
        total_units,
        unit: input.unit.unwrap_or(Unit::Lessons),
        target_on: match input
            .target_on
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            Some(t) => Some(input::date("targetOn", t)?),
            None => None,
        },
        certificate_url: optional_url("certificateUrl", input.certificate_url.as_deref())?,
        notes: limits::long_text("notes", input.notes.as_deref().unwrap_or(""))?,
        goal_ids,
    })
}

/// Writes a checked resource (inserting when `id` is `None`); the caller holds the
/// transaction and recomputes afterwards.
async fn write(conn: &mut SqliteConnection, id: Option<i64>, c: &Checked) -> AppResult<i64> {
    let id: i64 = match id {
        Some(id) => id,
        None => {
            sqlx::query_scalar("INSERT INTO resources (kind, title) VALUES (?, ?) RETURNING id")
                .bind(c.kind)
                .bind(&c.title)
                .fetch_one(&mut *conn)
                .await?
        }
    };
    sqlx::query(
        "UPDATE resources SET kind = ?, title = ?, provider = ?, url = ?, focus_area_id = ?, total_units = ?,
             unit = ?, target_on = ?, certificate_url = ?, notes = ?
         WHERE id = ?",
    )
    .bind(c.kind)
    .bind(&c.title)
    .bind(&c.provider)
    .bind(&c.url)
    .bind(c.focus_area_id)
    .bind(c.total_units)
    .bind(c.unit)
    .bind(c.target_on)
    .bind(&c.certificate_url)
    .bind(&c.notes)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    children::replace(
        conn,
        "resource_goals",
        "resource_id",
        id,
        "goal_id",
        &c.goal_ids,
    )
    .await?;
    Ok(id)
}

pub async fn create(
    pool: &SqlitePool,
    input: ResourceInput,
    today: NaiveDate,
) -> AppResult<Resource> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let id = create_in(&mut tx, input, today).await?;
    let r = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(r)
}

/// Checks and adds a resource inside the caller's transaction.
pub(crate) async fn create_in(
    conn: &mut SqliteConnection,
    input: ResourceInput,
    today: NaiveDate,
) -> AppResult<i64> {
    let c = check(conn, input).await?;
    let id = write(conn, None, &c).await?;
    let summary = format!("Added {} \"{}\" to the library", c.kind.as_str(), c.title);
    activity::record(conn, today, Entity::Resource, id, Action::Created, &summary).await?;
    Ok(id)
}

pub async fn update(
    pool: &SqlitePool,
    id: i64,
    input: ResourceInput,
    today: NaiveDate,
) -> AppResult<Resource> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let before = fetch(&mut tx, id).await?;
    let c = check(&mut tx, input).await?;
    if let Some(total) = c.total_units {
        if c.unit.countable() && before.units_done > total {
            return Err(AppError::invalid(
                "totalUnits",
                format!(
                    "{} {} are already logged; the total cannot be smaller.",
                    trim_number(before.units_done),
                    c.unit.plural()
                ),
            ));
        }
    }
    write(&mut tx, Some(id), &c).await?;
    recompute(&mut tx, id, today).await?;
    let r = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(r)
}

pub async fn delete(pool: &SqlitePool, id: i64, today: NaiveDate) -> AppResult<Trashed> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let r = fetch(&mut tx, id).await?;
    let trashed = trash::put(&mut tx, TrashKind::Resource, id, &r.title).await?;
    let summary = format!("Removed \"{}\" from the library", r.title);
    activity::record(
        &mut tx,
        today,
        Entity::Resource,
        id,
        Action::Deleted,
        &summary,
    )
    .await?;
    tx.commit().await?;
    Ok(trashed)
}

/// Marks a resource completed or dropped by hand, or (`None`) lets the log decide again.
pub async fn set_manual_status(
    pool: &SqlitePool,
    id: i64,
    status: Option<LearningStatus>,
    today: NaiveDate,
) -> AppResult<Resource> {
    let manual = match status {
        None => None,
        Some(LearningStatus::Completed) => Some("completed"),
        Some(LearningStatus::Dropped) => Some("dropped"),
        Some(_) => {
            return Err(AppError::invalid(
                "status",
                "Only completed or dropped can be set by hand; the log decides the rest.",
            ))
        }
    };
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    fetch(&mut tx, id).await?;
    sqlx::query("UPDATE resources SET manual_status = ?, manual_on = ? WHERE id = ?")
        .bind(manual)
        .bind(manual.map(|_| today))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    recompute(&mut tx, id, today).await?;
    let r = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(r)
}

/// Recomputes a resource's derived columns from its log; logs a completion.
pub(crate) async fn recompute(
    conn: &mut SqliteConnection,
    id: i64,
    today: NaiveDate,
) -> AppResult<()> {
    let before = fetch(conn, id).await?;
    let (manual, manual_on): (Option<String>, Option<NaiveDate>) =
        sqlx::query_as("SELECT manual_status, manual_on FROM resources WHERE id = ?")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    let log = entries(conn, id).await?;
    let mut done = 0.0;
    let mut reached_on = None;
    for e in &log {
        done += e.units;
        if let (Some(total), None) = (before.total_units, reached_on) {
            if done + 1e-9 >= total {
                reached_on = Some(e.on_date);
            }
        }
    }
    let minutes: i64 = log.iter().map(|e| e.minutes).sum();
    let (status, completed_on) = match manual.as_deref() {
        Some("completed") => (LearningStatus::Completed, reached_on.or(manual_on)),
        Some(_) => (LearningStatus::Dropped, None),
        None if reached_on.is_some() => (LearningStatus::Completed, reached_on),
        None if !log.is_empty() => (LearningStatus::InProgress, None),
        None => (LearningStatus::Planned, None),
    };
    let last = log.iter().map(|e| e.on_date).chain(manual_on).max();
    sqlx::query(
        "UPDATE resources SET units_done = ?, minutes_spent = ?, status = ?, completed_on = ?, last_activity_on = ?
         WHERE id = ?",
    )
    .bind(done)
    .bind(minutes)
    .bind(status)
    .bind(completed_on)
    .bind(last)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if status == LearningStatus::Completed && before.status != LearningStatus::Completed {
        let summary = format!("Completed \"{}\"", before.title);
        activity::record(
            conn,
            completed_on.unwrap_or(today),
            Entity::Resource,
            id,
            Action::Completed,
            &summary,
        )
        .await?;
    }
    Ok(())
}

/// Checks an entry against the resource and returns the units it adds.
fn entry_units(r: &Resource, input: &EntryInput, others_done: f64) -> AppResult<f64> {
    let (units, field) = match (input.units, input.at) {
        (Some(_), Some(_)) => {
            return Err(AppError::invalid(
                "at",
                "Give the units done or where you are now, not both.",
            ))
        }
        (Some(u), None) => (limits::units("units", u)?, "units"),
        (None, Some(at)) => {
            let at = limits::units("at", at)?;
            if at < others_done {
                return Err(AppError::invalid(
                    "at",
                    format!(
                        "You are already at {} {}.",
                        r.unit.singular(),
                        trim_number(others_done)
                    ),
                ));
            }
            (at - others_done, "at")
        }
        (None, None) => return Err(AppError::invalid("units", "Enter how much you did.")),
    };
    if let Some(total) = r.total_units {
        if r.unit.countable() && others_done + units > total + 1e-9 {
            return Err(AppError::invalid(
                field,
                format!(
                    "That goes past the end: \"{}\" has {} {} and {} are logged.",
                    r.title,
                    trim_number(total),
                    r.unit.plural(),
                    trim_number(others_done)
                ),
            ));
        }
    }
    Ok(units)
}

fn entry_fields(input: &EntryInput, today: NaiveDate) -> AppResult<(NaiveDate, i64, String)> {
    let on = match input.on_date.as_deref() {
        Some(text) => input::date("onDate", text)?,
        None => today,
    };
    if on > today {
        return Err(AppError::invalid(
            "onDate",
            "Progress cannot be logged in the future.",
        ));
    }
    let minutes = limits::minutes("minutes", input.minutes.unwrap_or(0))?;
    let note = limits::long_text("note", input.note.as_deref().unwrap_or(""))?;
    Ok((on, minutes, note))
}

pub async fn log_progress(
    pool: &SqlitePool,
    resource_id: i64,
    input: EntryInput,
    today: NaiveDate,
) -> AppResult<Resource> {
    let (on, minutes, note) = entry_fields(&input, today)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let r = fetch(&mut tx, resource_id).await?;
    let units = entry_units(&r, &input, r.units_done)?;
    sqlx::query("INSERT INTO progress_entries (resource_id, on_date, units, minutes, note) VALUES (?, ?, ?, ?, ?)")
        .bind(resource_id)
        .bind(on)
        .bind(units)
        .bind(minutes)
        .bind(&note)
        .execute(&mut *tx)
        .await?;
    let summary = format!(
        "Logged {} {} of \"{}\"",
        trim_number(units),
        r.unit.plural(),
        r.title
    );
    activity::record(
        &mut tx,
        on,
        Entity::Resource,
        resource_id,
        Action::Progress,
        &summary,
    )
    .await?;
    recompute(&mut tx, resource_id, today).await?;
    let r = fetch(&mut tx, resource_id).await?;
    tx.commit().await?;
    Ok(r)
}

async fn entry_owner(conn: &mut SqliteConnection, entry_id: i64) -> AppResult<(i64, f64)> {
    sqlx::query_as("SELECT resource_id, units FROM progress_entries WHERE id = ?")
        .bind(entry_id)
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound {
            entity: "Progress entry",
            id: entry_id,
        })
}

pub async fn edit_entry(
    pool: &SqlitePool,
    entry_id: i64,
    input: EntryInput,
    today: NaiveDate,
) -> AppResult<Resource> {
    let (on, minutes, note) = entry_fields(&input, today)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let (resource_id, old_units) = entry_owner(&mut tx, entry_id).await?;
    let r = fetch(&mut tx, resource_id).await?;
    let units = entry_units(&r, &input, r.units_done - old_units)?;
    sqlx::query(
        "UPDATE progress_entries SET on_date = ?, units = ?, minutes = ?, note = ? WHERE id = ?",
    )
    .bind(on)
    .bind(units)
    .bind(minutes)
    .bind(&note)
    .bind(entry_id)
    .execute(&mut *tx)
    .await?;
    recompute(&mut tx, resource_id, today).await?;
    let r = fetch(&mut tx, resource_id).await?;
    tx.commit().await?;
    Ok(r)
}

pub async fn delete_entry(
    pool: &SqlitePool,
    entry_id: i64,
    today: NaiveDate,
) -> AppResult<Resource> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let (resource_id, _) = entry_owner(&mut tx, entry_id).await?;
    sqlx::query("DELETE FROM progress_entries WHERE id = ?")
        .bind(entry_id)
        .execute(&mut *tx)
        .await?;
    recompute(&mut tx, resource_id, today).await?;
    let r = fetch(&mut tx, resource_id).await?;
    tx.commit().await?;
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::Unit;

    #[test]
    fn export_bindings_unit_singulars() {
        let entries: Vec<(Unit, &str)> = Unit::ALL.iter().map(|u| (*u, u.singular())).collect();
        crate::infra::labels::export("Unit", "UNIT_SINGULAR", &entries);
    }

    #[test]
    fn every_unit_reads_back_from_its_singular_and_its_plural() {
        for unit in Unit::ALL {
            assert_eq!(Unit::parse(unit.singular()), Some(unit));
            assert_eq!(Unit::parse(unit.plural()), Some(unit));
        }
    }
}
