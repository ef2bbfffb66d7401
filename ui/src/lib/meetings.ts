// Pure helpers for the 1:1 screens, kept apart for tests.
import type { AgendaItem } from "../bindings/AgendaItem";
import type { MeetingStatus } from "../bindings/MeetingStatus";
import type { OneOnOne } from "../bindings/OneOnOne";
import type { Section } from "../bindings/Section";
import type { Focus, Screen } from "./router.svelte";

/** The same headings the Markdown export uses (agenda.rs, `Section::heading`). */
export const SECTION: Record<Section, string> = {
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

export const MEETING_STATUS: Record<MeetingStatus, string> = {
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

/** Where an agenda item's source lives, or null when it has none to open. */
export function sourceLink(item: AgendaItem): { label: string; screen: Screen; id: number | null; item?: Focus } | null {
  const id = item.sourceId ?? undefined;
  switch (item.sourceKind) {
    case "goal":
    case "milestone":
    case "check_in":
      return item.planId === null
        ? null
        : { label: "Open in the plan", screen: "plan", id: item.planId, item: item.goalId === null ? {} : { goal: item.goalId } };
    case "achievement":
      return { label: "Open in wins", screen: "wins", id: null, item: { win: id } };
    case "resource":
      return { label: "Open in learning", screen: "learning", id: null, item: { resource: id } };
    case "feedback_request":
    case "feedback_received":
      return { label: "Open in feedback", screen: "feedback", id: null };
    default:
      return null;
  }
}

/** The ids with the one at `index` moved by `delta` places (clamped at the ends). */
export function moved(ids: number[], index: number, delta: number): number[] {
  const to = Math.max(0, Math.min(ids.length - 1, index + delta));
  const out = [...ids];
  const [id] = out.splice(index, 1);
  if (id !== undefined) out.splice(to, 0, id);
  return out;
}
