//! The résumé export: the candidates the preview shows (wins, skill groups, certificates,
//! projects), and the user's picks, in their order, made into a JSON Resume document
//! (`views::resume_json`). A view because it reads wins, planning, learning and the
//! framework at once.
//!
//! What counts as what:
//! - a highlight is a win; with a measured impact it carries its numbers;
//! - a skill group is a focus area with something in it: the facets its goals are tagged
//!   with (for Leadership Principles, whose facets are the principles, the principles that
//!   goals and wins show), then the titles of completed courses and workshops filed under
//!   it (those filed under none count for Continuous Learning), newest first;
//! - a certificate is a completed certification: its provider issued it, its certificate
//!   link (or its own link) proves it;
//! - a project is a goal that was done and measured by a metric: from its baseline to the
//!   value last checked in, over the quarter it was done in.
//!
//! Awards are left out: Ladder records no prizes, and a win is better stated as a
//! highlight with its numbers than as an award without an awarder.
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::framework::profile::{self, Profile};
use crate::infra::error::{AppError, AppResult};
use crate::views::resume_candidates::{certificates, projects, skills, wins, Rows};
pub use crate::views::resume_candidates::{
    CertificateCandidate, ProjectCandidate, SkillCandidate, WinCandidate,
};
use crate::views::resume_json::{self, Certificate, Picked, SkillGroup};

/// Uids one list of a choice may name.
const CHOICE_MAX: usize = 500;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResumeDraft {
    pub profile: Profile,
    pub wins: Vec<WinCandidate>,
    #[ts(type = "number")]
    pub wins_total: i64,
    pub skills: Vec<SkillCandidate>,
    pub certificates: Vec<CertificateCandidate>,
    #[ts(type = "number")]
    pub certificates_total: i64,
    pub projects: Vec<ProjectCandidate>,
    #[ts(type = "number")]
    pub projects_total: i64,
}

/// What the user picked, by uid, each list in the order it goes in.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[ts(export)]
pub struct ResumeChoice {
    pub wins: Vec<String>,
    pub skills: Vec<String>,
    pub certificates: Vec<String>,
    pub projects: Vec<String>,
}

/// The document, and how much of each went in.
#[derive(Debug, Clone)]
pub struct Resume {
    pub document: resume_json::Document,
    pub counts: ResumeCounts,
}

impl Resume {
    /// The file's text: indented JSON, ending with a newline.
    pub fn text(&self) -> AppResult<String> {
        let mut text =
            serde_json::to_string_pretty(&self.document).map_err(std::io::Error::other)?;
        text.push('\n');
        Ok(text)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResumeCounts {
    pub highlights: usize,
    pub skill_groups: usize,
    pub certificates: usize,
    pub projects: usize,
}

/// A résumé written to a file: where, and what went in.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResumeSaved {
    pub path: String,
    pub file_name: String,
    pub counts: ResumeCounts,
}

/// Everything the preview offers, newest first within each section.
pub async fn draft(pool: &SqlitePool) -> AppResult<ResumeDraft> {
    let profile = profile::get(pool).await?;
    let mut tx = pool.begin().await?;
    let wins = wins(&mut tx, Rows::Newest).await?;
    let skills = skills(&mut tx).await?;
    let certificates = certificates(&mut tx, Rows::Newest).await?;
    let projects = projects(&mut tx, Rows::Newest).await?;
    let totals: (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM achievements),
                (SELECT count(*) FROM resources WHERE kind = 'certification' AND status = 'completed'),
                (SELECT count(*) FROM goals WHERE status = 'done' AND measure = 'metric')",
    )
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(ResumeDraft {
        profile,
        wins,
        wins_total: totals.0,
        skills,
        certificates,
        certificates_total: totals.1,
        projects,
        projects_total: totals.2,
    })
}

/// The résumé of the profile and `choice`, each list kept in the order given (a uid named
/// twice counts once). A uid that names nothing (deleted since the preview) is refused.
pub async fn document(pool: &SqlitePool, choice: &ResumeChoice) -> AppResult<Resume> {
    let wanted_wins = distinct("wins", &choice.wins)?;
    let wanted_skills = distinct("skills", &choice.skills)?;
    let wanted_certificates = distinct("certificates", &choice.certificates)?;
    let wanted_projects = distinct("projects", &choice.projects)?;
    let profile = profile::get(pool).await?;
    let mut tx = pool.begin().await?;
    let found_wins = wins(&mut tx, Rows::Uids(&wanted_wins)).await?;
    let found_skills = skills(&mut tx).await?;
    let found_certificates = certificates(&mut tx, Rows::Uids(&wanted_certificates)).await?;
    let found_projects = projects(&mut tx, Rows::Uids(&wanted_projects)).await?;
    tx.commit().await?;
    let picked = Picked {
        highlights: in_order("wins", &wanted_wins, found_wins)?
            .into_iter()
            .map(|w| w.highlight)
            .collect(),
        skills: in_order("skills", &wanted_skills, found_skills)?
            .into_iter()
            .map(|s| SkillGroup {
                name: s.name,
                keywords: s.keywords,
            })
            .collect(),
        certificates: in_order("certificates", &wanted_certificates, found_certificates)?
            .into_iter()
            .map(certificate)
            .collect(),
        projects: in_order("projects", &wanted_projects, found_projects)?
            .into_iter()
            .map(|p| p.project)
            .collect(),
    };
    let counts = ResumeCounts {
        highlights: picked.highlights.len(),
        skill_groups: picked.skills.len(),
        certificates: picked.certificates.len(),
        projects: picked.projects.len(),
    };
    Ok(Resume {
        document: resume_json::build(&profile, &picked),
        counts,
    })
}

/// The uids of one list of a choice, each once, in the order first given.
fn distinct(field: &str, uids: &[String]) -> AppResult<Vec<String>> {
    if uids.len() > CHOICE_MAX {
        return Err(AppError::invalid(
            field,
            format!("Pick at most {CHOICE_MAX} of these."),
        ));
    }
    let mut wanted: Vec<String> = Vec::with_capacity(uids.len());
    for uid in uids {
        if !wanted.contains(uid) {
            wanted.push(uid.clone());
        }
    }
    Ok(wanted)
}

/// Something a choice can name by uid.
trait HasUid {
    fn uid(&self) -> &str;
}

macro_rules! has_uid {
    ($($t:ty),*) => {$(impl HasUid for $t { fn uid(&self) -> &str { &self.uid } })*};
}
has_uid!(
    WinCandidate,
    SkillCandidate,
    CertificateCandidate,
    ProjectCandidate
);

/// The rows `wanted` names, in its order; rows it does not name are dropped.
fn in_order<T: HasUid>(field: &str, wanted: &[String], mut found: Vec<T>) -> AppResult<Vec<T>> {
    let mut out = Vec::with_capacity(wanted.len());
    for uid in wanted {
        let Some(at) = found.iter().position(|row| row.uid() == uid) else {
            return Err(AppError::invalid(
                field,
                "Something you picked is no longer there (deleted, or your data was restored). Open the preview again.",
            ));
        };
        out.push(found.swap_remove(at));
    }
    Ok(out)
}

fn certificate(c: CertificateCandidate) -> Certificate {
    Certificate {
        name: c.name,
        date: c.completed_on,
        issuer: c.issuer,
        url: c.url,
    }
}
