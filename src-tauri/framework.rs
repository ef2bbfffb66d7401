//! The fixed focus areas with their facets, and the principles framework.
//!
//! Both are seeded by the first migration. The focus areas never change; the principles
//! become editable with the wins issue.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::{FromRow, SqlitePool};
use ts_rs::TS;

use crate::error::AppResult;

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Facet {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub focus_area_id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FocusArea {
    #[ts(type = "number")]
    pub id: i64,
    pub position: i64,
    pub name: String,
    pub summary: String,
    pub facets: Vec<Facet>,
}

#[derive(Debug, Clone, Serialize, FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Principle {
    #[ts(type = "number")]
    pub id: i64,
    pub position: i64,
    pub name: String,
    pub description: String,
    pub retired_on: Option<NaiveDate>,
}

#[derive(FromRow)]
struct AreaRow {
    id: i64,
    position: i64,
    name: String,
    summary: String,
}

/// The seven focus areas in order, each with its facets in order.
pub async fn focus_areas(pool: &SqlitePool) -> AppResult<Vec<FocusArea>> {
    let areas = sqlx::query_as::<_, AreaRow>(
        "SELECT id, position, name, summary FROM focus_areas ORDER BY position",
    )
    .fetch_all(pool)
    .await?;
    let facets = sqlx::query_as::<_, Facet>(
        "SELECT id, focus_area_id, name FROM facets ORDER BY focus_area_id, position",
    )
    .fetch_all(pool)
    .await?;
    Ok(areas
        .into_iter()
        .map(|a| FocusArea {
            facets: facets
                .iter()
                .filter(|f| f.focus_area_id == a.id)
                .cloned()
                .collect(),
            id: a.id,
            position: a.position,
            name: a.name,
            summary: a.summary,
        })
        .collect())
}

/// The principles in the user's order; retired ones only when asked for.
pub async fn principles(pool: &SqlitePool, include_retired: bool) -> AppResult<Vec<Principle>> {
    Ok(sqlx::query_as::<_, Principle>(
        "SELECT id, position, name, description, retired_on FROM principles
         WHERE ? OR retired_on IS NULL ORDER BY position, id",
    )
    .bind(include_retired)
    .fetch_all(pool)
    .await?)
}
