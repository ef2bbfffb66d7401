// Generated from Rust by the export_bindings tests (infra::labels). Do not edit.
import type { PersonRole } from "./PersonRole";

export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
  hiring_manager: "hiring manager",
  referrer: "referrer",
  interviewer: "interviewer",
  other: "involved",
};
