// Generated from Rust by the export_bindings tests (infra::labels). Do not edit.
import type { Rating } from "./Rating";

export const RATING_LABELS: Record<Rating, string> = {
  not_yet: "not yet",
  partly: "partly",
  consistently: "consistently",
  beyond: "beyond",
};
