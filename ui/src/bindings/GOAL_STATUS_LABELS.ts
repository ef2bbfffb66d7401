// Generated from Rust by the export_bindings tests (infra::labels). Do not edit.
import type { GoalStatus } from "./GoalStatus";

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  not_started: "not started",
  in_progress: "in progress",
  done: "done",
  dropped: "dropped",
};
