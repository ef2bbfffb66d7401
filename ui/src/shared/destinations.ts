// Where an entity opens: the one map from a kind of thing and its ids to the screen that
// shows it, used by search results, agenda items and the dashboard's rows.
import type { SearchKind } from "../bindings/SearchKind";
import type { SourceKind } from "../bindings/SourceKind";
import { type Focus, open, type Screen } from "./router.svelte";

export type EntityKind = SearchKind | SourceKind;

/** A thing to point at: its kind and id, and the ids of what holds it, where known. */
export type EntityRef = {
  kind: EntityKind;
  id: number;
  /** The plan of a goal, milestone or check-in, and the goal to open in that plan. */
  planId?: number | null;
  goalId?: number | null;
  /** The person a piece of feedback is from or to. */
  personId?: number | null;
  /** The target role an expectation belongs to. */
  roleId?: number | null;
};

export type Destination = { screen: Screen; id: number | null; item?: Focus };

/**
 * The screen that shows the entity, with the item to open there; null when it cannot be
 * found (a goal whose plan is not known) or has no place of its own (an action item).
 */
export function destinationOf(ref: EntityRef): Destination | null {
  switch (ref.kind) {
    case "goal":
    case "milestone":
    case "check_in":
      return ref.planId == null ? null : { screen: "plan", id: ref.planId, item: ref.goalId == null ? {} : { goal: ref.goalId } };
    case "resource":
      return { screen: "learning", id: null, item: { resource: ref.id } };
    case "achievement":
      return { screen: "wins", id: null, item: { win: ref.id } };
    case "one_on_one":
      return { screen: "one-on-one", id: ref.id };
    case "person":
      return { screen: "person", id: ref.id };
    case "feedback_request":
    case "feedback_received":
      // On the person's page; the Feedback screen lists all of it too.
      return ref.personId == null ? { screen: "feedback", id: null } : { screen: "person", id: ref.personId };
    case "opportunity":
      return { screen: "network", id: null, item: { opportunity: ref.id } };
    case "conversation":
      return { screen: "network", id: null, item: { conversation: ref.id } };
    case "action_item":
      return null;
    case "target_role":
      return { screen: "readiness", id: ref.id };
    case "expectation":
      return ref.roleId == null ? { screen: "readiness", id: null } : { screen: "readiness", id: ref.roleId, item: { expectation: ref.id } };
  }
}

/** The list screen that things of this kind live on. */
export function homeOf(kind: EntityKind): Screen {
  switch (kind) {
    case "goal":
    case "milestone":
    case "check_in":
      return "plans";
    case "resource":
      return "learning";
    case "achievement":
      return "wins";
    case "one_on_one":
    case "action_item":
      return "one-on-ones";
    case "person":
    case "feedback_request":
    case "feedback_received":
      return "feedback";
    case "opportunity":
    case "conversation":
      return "network";
    case "target_role":
    case "expectation":
      return "readiness";
  }
}

/** Where the entity opens, or else the list its kind lives on. */
export function destination(ref: EntityRef): Destination {
  return destinationOf(ref) ?? { screen: homeOf(ref.kind), id: null };
}

/** Goes to the entity's screen and opens it there. */
export function openEntity(ref: EntityRef): void {
  const to = destination(ref);
  open(to.screen, to.id, to.item);
}
