// How a plan's and a goal's enums read in the interface.
import type { GoalStatus } from "../../bindings/GoalStatus";
import type { PlanStatus } from "../../bindings/PlanStatus";
import type { Priority } from "../../bindings/Priority";
import { GOAL_STATUS_LABELS } from "../../bindings/GOAL_STATUS_LABELS";
import { capitalise } from "../../shared/format";

export const PLAN_STATUS: Record<PlanStatus, string> = { draft: "Draft", active: "Active", closed: "Closed" };

/** Rust's words for a goal's status (`GoalStatus::label`), as a heading or a chip. */
export const GOAL_STATUS = Object.fromEntries(
  Object.entries(GOAL_STATUS_LABELS).map(([status, label]) => [status, capitalise(label)]),
) as Record<GoalStatus, string>;

export const GOAL_STATUSES = Object.keys(GOAL_STATUS) as GoalStatus[];

export const PRIORITY: Record<Priority, string> = { high: "High", medium: "Medium", low: "Low" };

export const CONFIDENCE: Record<number, string> = {
  1: "1 · very unsure",
  2: "2 · unsure",
  3: "3 · could go either way",
  4: "4 · fairly sure",
  5: "5 · certain",
};
