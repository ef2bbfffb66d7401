// Where a search result opens, and how its kind reads.
import type { SearchHit } from "../bindings/SearchHit";
import type { SearchKind } from "../bindings/SearchKind";
import type { Focus, Screen } from "./router.svelte";

export const KIND_LABEL: Record<SearchKind, string> = {
  goal: "Goal",
  milestone: "Milestone",
  resource: "Learning",
  person: "Person",
  feedback_request: "Feedback asked",
  feedback_received: "Feedback",
  achievement: "Win",
  one_on_one: "1:1",
};

export function destination(hit: SearchHit): { screen: Screen; id: number | null; item?: Focus } {
  switch (hit.kind) {
    case "goal":
    case "milestone":
      return hit.planId === null
        ? { screen: "plans", id: null }
        : { screen: "plan", id: hit.planId, item: hit.goalId === null ? {} : { goal: hit.goalId } };
    case "resource":
      return { screen: "learning", id: null, item: { resource: hit.id } };
    case "achievement":
      return { screen: "wins", id: null, item: { win: hit.id } };
    case "one_on_one":
      return { screen: "one-on-one", id: hit.id };
    default:
      return hit.personId === null ? { screen: "feedback", id: null } : { screen: "person", id: hit.personId };
  }
}
