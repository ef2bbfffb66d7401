//! Read models that join several features: the dashboard, a goal in full, a person's page, search, the résumé and its keywords, and the promotion packet.

pub mod agenda_draft;
pub mod calendar;
pub mod dashboard;
pub mod goal_detail;
pub mod keyword_index;
pub mod keyword_record;
pub mod keywords;
pub mod network;
pub mod packet;
pub mod packet_markdown;
pub mod person_page;
pub mod resume;
pub mod resume_candidates;
pub mod resume_json;
pub mod search;
