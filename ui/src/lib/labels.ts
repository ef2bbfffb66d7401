import type { Relationship } from "../bindings/Relationship";
import type { RequestStatus } from "../bindings/RequestStatus";
import type { GoalStatus } from "../bindings/GoalStatus";
import type { PlanStatus } from "../bindings/PlanStatus";
import type { Priority } from "../bindings/Priority";

export const PLAN_STATUS: Record<PlanStatus, string> = { draft: "Draft", active: "Active", closed: "Closed" };

export const GOAL_STATUS: Record<GoalStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

export const GOAL_STATUSES = Object.keys(GOAL_STATUS) as GoalStatus[];

export const PRIORITY: Record<Priority, string> = { high: "High", medium: "Medium", low: "Low" };

export const CONFIDENCE: Record<number, string> = {
  1: "1 · very unsure",
  2: "2 · unsure",
  3: "3 · could go either way",
  4: "4 · fairly sure",
  5: "5 · certain",
};

/** 12 → "12", 12.5 → "12.5", 12.345 → "12.35" (the way Rust prints them too). */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** "1 milestone", "3 milestones". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const RELATIONSHIP: Record<Relationship, string> = {
  manager: "Manager",
  skip_level: "Skip-level manager",
  peer: "Peer",
  direct_report: "Direct report",
  mentor: "Mentor",
  mentee: "Mentee",
  stakeholder: "Stakeholder",
  other: "Other",
};

export const REQUEST_STATUS: Record<RequestStatus, string> = {
  draft: "Draft",
  asked: "Asked — waiting",
  received: "Answered",
  declined: "Declined",
};
