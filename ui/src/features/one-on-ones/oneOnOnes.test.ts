import { describe, expect, it } from "vitest";
import type { AgendaItem } from "../../bindings/AgendaItem";
import type { OneOnOne } from "../../bindings/OneOnOne";
import { hasStanding, moved, sourceLink, splitMeetings, standingKey } from "./oneOnOnes";

const meeting = (id: number, meetsOn: string, status: OneOnOne["status"]): OneOnOne => ({
  id, personId: 1, personName: "Dana", meetsOn, status, notes: "", preparedOn: null, items: 0,
});

const item = (sourceKind: AgendaItem["sourceKind"], planId: number | null = null): AgendaItem => ({
  id: 1, section: "goals", text: "x", sourceKind, sourceId: sourceKind ? 5 : null, discussed: false, edited: false, sourceKey: null, planId, goalId: planId === null ? null : 3,
});

describe("1:1 lists", () => {
  it("puts scheduled 1:1s soonest first and the rest newest first", () => {
    const { upcoming, past } = splitMeetings([
      meeting(1, "2026-11-12", "held"),
      meeting(2, "2026-12-10", "scheduled"),
      meeting(3, "2026-11-26", "scheduled"),
      meeting(4, "2026-11-19", "cancelled"),
    ]);
    expect(upcoming.map((m) => m.id)).toEqual([3, 2]);
    expect(past.map((m) => m.id)).toEqual([4, 1]);
  });
});

describe("agenda items", () => {
  it("link to the screen that holds their source", () => {
    expect(sourceLink(item("milestone", 7))).toEqual({ label: "Open in the plan", screen: "plan", id: 7, item: { goal: 3 } });
    expect(sourceLink(item("goal", null))).toBeNull();
    expect(sourceLink(item("achievement"))).toEqual({ label: "Open in wins", screen: "wins", id: null, item: { win: 5 } });
    expect(sourceLink(item("feedback_received"))?.screen).toBe("feedback");
    expect(sourceLink(item(null))).toBeNull();
    expect(sourceLink(item("action_item"))).toBeNull();
  });

  it("move up and down and stop at the ends", () => {
    expect(moved([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    expect(moved([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moved([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moved([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });
});

describe("where I stand on the agenda", () => {
  it("is there once an item carries the role's key", () => {
    const plain = item(null);
    const standing = { ...item(null), sourceKey: standingKey(3) };
    expect(hasStanding([plain], 3)).toBe(false);
    expect(hasStanding([plain, standing], 3)).toBe(true);
    expect(hasStanding([standing], 4)).toBe(false);
  });
});
