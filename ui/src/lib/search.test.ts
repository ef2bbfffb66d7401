import { describe, expect, it } from "vitest";
import type { SearchHit } from "../bindings/SearchHit";
import { destination } from "./search";

const hit = (kind: SearchHit["kind"], planId: number | null = null, personId: number | null = null): SearchHit => ({
  kind, id: 9, title: [], snippet: [], planId, goalId: kind === "milestone" ? 5 : null, personId, context: null,
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
  });
});
