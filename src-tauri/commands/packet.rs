//! Commands for the promotion packet: assemble it for a range, render the user's draft as
//! Markdown (for Copy and the preview), and save that Markdown where the user says.

use super::AppState;
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::views::packet::{self, Packet};
use crate::views::packet_markdown;
use tauri::State;

/// A packet written to a file: where.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PacketSaved {
    pub path: String,
    pub file_name: String,
}

/// The packet for `from`..=`to` (both included), against `role_id` or the current role.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn promotion_packet(
    state: State<'_, AppState>,
    from: String,
    to: String,
    role_id: Option<i64>,
) -> AppResult<Packet> {
    packet::assemble(&state.pool(), &from, &to, role_id, clock::today()?).await
}

/// The draft as CommonMark.
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn packet_markdown(draft: serde_json::Value) -> AppResult<String> {
    packet_markdown::render(&packet_markdown::parse(draft)?)
}

/// Saves the draft as Markdown; returns where, or `None` when cancelled. A draft that is
/// refused is refused before the dialog asks where.
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn save_packet(
    app: tauri::AppHandle,
    draft: serde_json::Value,
) -> AppResult<Option<PacketSaved>> {
    let draft = packet_markdown::parse(draft)?;
    let text = packet_markdown::render(&draft)?;
    let name = format!(
        "promotion-packet-{}-{}.md",
        draft.from.trim(),
        draft.to.trim()
    );
    let filter = ("Markdown", &["md"][..]);
    let Some(path) = super::files::choose_save_path(&app, &name, filter).await? else {
        return Ok(None);
    };
    super::files::write_atomically(&path, &text).await?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Some(PacketSaved {
        path: path.display().to_string(),
        file_name,
    }))
}
