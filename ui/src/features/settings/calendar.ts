// Settings → Calendar: which plans the export can be limited to, and what it says when saved.
import type { CalendarSaved } from "../../bindings/CalendarSaved";
import type { EventCounts } from "../../bindings/EventCounts";
import type { Plan } from "../../bindings/Plan";
import { plural } from "../../shared/format";

/** Plans whose dates are still ahead: a closed plan's unfinished goals have moved on. */
export function exportablePlans(plans: readonly Plan[]): Plan[] {
  return plans.filter((p) => p.status !== "closed");
}

const KINDS: { key: keyof EventCounts; one: string; many: string }[] = [
  { key: "milestones", one: "milestone", many: "milestones" },
  { key: "goals", one: "goal due date", many: "goal due dates" },
  { key: "oneOnOnes", one: "1:1", many: "1:1s" },
  { key: "feedback", one: "feedback request", many: "feedback requests" },
  { key: "actionItems", one: "action item", many: "action items" },
  { key: "catchUps", one: "catch-up", many: "catch-ups" },
  { key: "followUps", one: "follow-up", many: "follow-ups" },
  { key: "nextSteps", one: "opportunity next step", many: "opportunity next steps" },
];

/** "a, b and c". */
function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** "Saved 38 events to /path/ladder-calendar.ics: 12 milestones, 3 goal due dates and 23 1:1s." */
export function savedSummary(saved: CalendarSaved): string {
  const parts = KINDS.filter((k) => saved.counts[k.key] > 0).map((k) => plural(saved.counts[k.key], k.one, k.many));
  if (saved.total === 0) {
    const what = saved.planTitle === null ? "Nothing in Ladder has a date" : `Nothing in “${saved.planTitle}” has a due date`;
    return `Saved an empty calendar to ${saved.path}. ${what} yet.`;
  }
  return `Saved ${plural(saved.total, "event")} to ${saved.path}: ${list(parts)}.`;
}
