//! A win in full, for its dialog: the win, its links and its STAR story. It sits above
//! `win` and `story` because it joins both.

use serde::Serialize;
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::infra::error::AppResult;
use crate::wins::story::{self, Story};
use crate::wins::win::{self, Win};

/// One win with what its dialog shows beside it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WinDetail {
    pub win: Win,
    pub links: Vec<String>,
    pub story: Option<Story>,
}

pub async fn detail(pool: &SqlitePool, id: i64) -> AppResult<WinDetail> {
    let mut conn = pool.acquire().await?;
    let found = win::fetch(&mut conn, id).await?;
    let links = sqlx::query_scalar(
        "SELECT url FROM achievement_links WHERE achievement_id = ? ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let story = story::fetch(&mut conn, id).await?;
    Ok(WinDetail {
        win: found,
        links,
        story,
    })
}
