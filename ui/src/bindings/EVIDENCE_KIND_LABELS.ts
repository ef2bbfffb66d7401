// Generated from Rust by the export_bindings tests (infra::labels). Do not edit.
import type { EvidenceKind } from "./EvidenceKind";

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  win: "win",
  story: "STAR story",
  feedback: "feedback received",
  resource: "course or certification",
  goal: "goal",
  conversation: "mentoring session",
};
