// Generated from Rust by the export_bindings tests (infra::labels). Do not edit.
import type { Section } from "./Section";

export const SECTION_HEADINGS: Record<Section, string> = {
  wins: "Wins",
  goals: "Goals that moved",
  milestones: "Milestones completed",
  learning: "Learning",
  feedback: "Feedback received",
  help: "Where I need help",
  topics: "Topics I saved",
  follow_ups: "Follow-ups from last time",
  career: "Career",
  mine: "Also",
};
