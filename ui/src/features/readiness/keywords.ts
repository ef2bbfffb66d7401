// Pure helpers for the résumé keywords view, kept apart for tests.
import type { Opportunity } from "../../bindings/Opportunity";
import type { Place } from "../../bindings/Place";
import type { PlaceKind } from "../../bindings/PlaceKind";
import type { ShownTerm } from "../../bindings/ShownTerm";
import type { EntityRef } from "../../shared/destinations";

const PLACE_LABEL: Record<PlaceKind, string> = {
  skill: "Skill",
  profile: "Profile",
  achievement: "Win",
  resource: "Learning",
  goal: "Goal",
};

/** "Win: Moved billing…", "Skill: Delivery: Roadmapping". */
export function placeLabel(place: Place): string {
  return `${PLACE_LABEL[place.kind]}: ${place.title}`;
}

/** What a place opens, or null for one with no screen of its own (a skill, the profile). */
export function placeRef(place: Place): EntityRef | null {
  if (place.id === null) return null;
  switch (place.kind) {
    case "achievement":
    case "resource":
      return { kind: place.kind, id: place.id };
    case "goal":
      return { kind: "goal", id: place.id, planId: place.planId, goalId: place.id };
    default:
      return null;
  }
}

/** The shown terms as one line to paste into a résumé draft: "SQL, stakeholder management". */
export function termsText(terms: ShownTerm[]): string {
  return terms.map((t) => t.term).join(", ");
}

/** Ctrl+Enter (or ⌘+Enter) runs the check from the text box. */
export function isCheckKey(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey">): boolean {
  return event.key === "Enter" && (event.ctrlKey || event.metaKey);
}

/** "used 3 times", "used once". */
export function usedTimes(count: number): string {
  return count === 1 ? "once" : `${count}×`;
}

/** "Staff Engineer · Payments"; the team left out when the title names it already. */
export function openingLabel(o: Pick<Opportunity, "title" | "team">): string {
  return o.team && !o.title.toLowerCase().includes(o.team.toLowerCase()) ? `${o.title} · ${o.team}` : o.title;
}
