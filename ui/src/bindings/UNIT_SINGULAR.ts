// Generated from Rust by the export_bindings tests (infra::labels). Do not edit.
import type { Unit } from "./Unit";

export const UNIT_SINGULAR: Record<Unit, string> = {
  lessons: "lesson",
  hours: "hour",
  pages: "page",
  chapters: "chapter",
};
