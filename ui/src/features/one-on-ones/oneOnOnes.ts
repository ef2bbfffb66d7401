// Pure helpers for the 1:1 screens, kept apart for tests.
import type { AgendaItem } from "../../bindings/AgendaItem";
import type { OneOnOne } from "../../bindings/OneOnOne";
import type { OneOnOneStatus } from "../../bindings/OneOnOneStatus";
import { type Destination, destinationOf } from "../../shared/destinations";
import type { Screen } from "../../shared/router.svelte";

export const ONE_ON_ONE_STATUS: Record<OneOnOneStatus, string> = {
  scheduled: "Scheduled",
  held: "Held",
  cancelled: "Cancelled",
};

/** Scheduled 1:1s soonest first; held and cancelled ones newest first. */
export function splitMeetings(list: OneOnOne[]): { upcoming: OneOnOne[]; past: OneOnOne[] } {
  const upcoming = list.filter((m) => m.status === "scheduled").sort((a, b) => a.meetsOn.localeCompare(b.meetsOn) || a.id - b.id);
  const past = list.filter((m) => m.status !== "scheduled").sort((a, b) => b.meetsOn.localeCompare(a.meetsOn) || b.id - a.id);
  return { upcoming, past };
}

/** What an agenda item's link says, by the screen it opens. */
const OPEN_IN: Partial<Record<Screen, string>> = {
  plan: "Open in the plan",
  wins: "Open in wins",
  learning: "Open in learning",
  feedback: "Open in feedback",
};

/** Where an agenda item's source lives, or null when it has none to open. */
export function sourceLink(item: AgendaItem): (Destination & { label: string }) | null {
  if (item.sourceKind === null || item.sourceId === null) return null;
  const to = destinationOf({ kind: item.sourceKind, id: item.sourceId, planId: item.planId, goalId: item.goalId });
  const label = to && OPEN_IN[to.screen];
  return to && label ? { label, ...to } : null;
}

/** The ids with the one at `index` moved by `delta` places (clamped at the ends). */
export function moved(ids: number[], index: number, delta: number): number[] {
  const to = Math.max(0, Math.min(ids.length - 1, index + delta));
  const out = [...ids];
  const [id] = out.splice(index, 1);
  if (id !== undefined) out.splice(to, 0, id);
  return out;
}

/** The agenda key of "where I stand against <role>" (set by Rust: workflows/standing.rs). */
export function standingKey(roleId: number): string {
  return `readiness:${roleId}`;
}

/** True when the agenda shows the line for this role already. */
export function hasStanding(agenda: AgendaItem[], roleId: number): boolean {
  const key = standingKey(roleId);
  return agenda.some((i) => i.sourceKey === key);
}
