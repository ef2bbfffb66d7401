import { describe, expect, it } from "vitest";
import type { SearchHit } from "../bindings/SearchHit";
import { destination, destinationOf, homeOf } from "./destinations";

const hit = (kind: SearchHit["kind"], planId: number | null = null, personId: number | null = null): SearchHit => ({
  kind, id: 9, title: [], snippet: [], planId, goalId: kind === "milestone" ? 5 : null, personId, roleId: kind === "expectation" ? 2 : null, context: null,
});

describe("search results", () => {
  it("open the screen that holds the item", () => {
    expect(destination(hit("milestone", 3))).toEqual({ screen: "plan", id: 3, item: { goal: 5 } });
    expect(destination(hit("goal"))).toEqual({ screen: "plans", id: null });
    expect(destination(hit("feedback_received", null, 4))).toEqual({ screen: "person", id: 4 });
    expect(destination(hit("person", null, 9))).toEqual({ screen: "person", id: 9 });
    expect(destination(hit("one_on_one", null, 4))).toEqual({ screen: "one-on-one", id: 9 });
    expect(destination(hit("resource"))).toEqual({ screen: "learning", id: null, item: { resource: 9 } });
    expect(destination(hit("achievement"))).toEqual({ screen: "wins", id: null, item: { win: 9 } });
    expect(destination(hit("expectation"))).toEqual({ screen: "readiness", id: 2, item: { expectation: 9 } });
    expect(destination(hit("target_role"))).toEqual({ screen: "readiness", id: 9 });
  });

  it("send an expectation whose role is not known to the current role's readiness", () => {
    expect(destination({ kind: "expectation", id: 9 })).toEqual({ screen: "readiness", id: null });
  });
});

describe("an entity's destination", () => {
  it("opens a goal, milestone or check-in in its plan, with the goal's panel", () => {
    expect(destinationOf({ kind: "check_in", id: 2, planId: 7, goalId: 3 })).toEqual({ screen: "plan", id: 7, item: { goal: 3 } });
    expect(destinationOf({ kind: "goal", id: 3, planId: 7, goalId: null })).toEqual({ screen: "plan", id: 7, item: {} });
  });

  it("is unknown for a goal without its plan and for an action item, whose list is still known", () => {
    expect(destinationOf({ kind: "milestone", id: 2, planId: null, goalId: 3 })).toBeNull();
    expect(destinationOf({ kind: "action_item", id: 2 })).toBeNull();
    expect(destination({ kind: "action_item", id: 2 })).toEqual({ screen: "one-on-ones", id: null });
  });

  it("sends feedback without a known person to the Feedback screen", () => {
    expect(destinationOf({ kind: "feedback_request", id: 2 })).toEqual({ screen: "feedback", id: null });
    expect(destinationOf({ kind: "feedback_request", id: 2, personId: 6 })).toEqual({ screen: "person", id: 6 });
  });

  it("opens an opportunity or a conversation on the Network screen", () => {
    expect(destinationOf({ kind: "opportunity", id: 4 })).toEqual({ screen: "network", id: null, item: { opportunity: 4 } });
    expect(destinationOf({ kind: "conversation", id: 9 })).toEqual({ screen: "network", id: null, item: { conversation: 9 } });
    expect(homeOf("conversation")).toBe("network");
  });

  it("names a list screen in the sidebar for every kind", () => {
    const kinds = ["goal", "milestone", "check_in", "resource", "person", "feedback_request", "feedback_received", "achievement", "one_on_one", "action_item"] as const;
    expect(kinds.map(homeOf)).toEqual(["plans", "plans", "plans", "learning", "feedback", "feedback", "feedback", "wins", "one-on-ones", "one-on-ones"]);
  });
});
