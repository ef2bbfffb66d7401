//! The seven focus areas with their facets: seeded by the first migration, never edited.

use serde::Serialize;
use sqlx::{FromRow, SqlitePool};
use ts_rs::TS;

use crate::infra::error::AppResult;

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

#[derive(FromRow)]
struct AreaRow {
    id: i64,
    position: i64,
    name: String,
    summary: String,
}

/// The seven focus areas in order, each with its facets in order.
pub async fn list(pool: &SqlitePool) -> AppResult<Vec<FocusArea>> {
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
