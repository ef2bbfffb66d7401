// Generated from Rust by the export_bindings tests (infra::labels). Do not edit.
import type { Stage } from "./Stage";

export const STAGE_LABELS: Record<Stage, string> = {
  spotted: "spotted",
  researching: "researching",
  talked_to_hiring_manager: "talked to the hiring manager",
  applied: "applied",
  interviewing: "interviewing",
  offer: "offer",
  accepted: "accepted",
  declined: "declined",
  not_selected: "not selected",
  withdrawn: "withdrawn",
};
