// Generated from Rust by the export_bindings tests (infra::labels). Do not edit.
import type { ConversationKind } from "./ConversationKind";

export const CONVERSATION_KIND_LABELS: Record<ConversationKind, string> = {
  coffee_chat: "Coffee chat",
  mentoring_given: "Mentoring (I mentored)",
  mentoring_received: "Mentoring (I was mentored)",
  skip_level: "Skip-level",
  project_check_in: "Cross-functional check-in",
  event: "Event",
  other: "Other",
};
