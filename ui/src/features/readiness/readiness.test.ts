import { describe, expect, it } from "vitest";
import type { Expectation } from "../../bindings/Expectation";
import type { QuarterPoint } from "../../bindings/QuarterPoint";
import type { Evidence } from "../../bindings/Evidence";
import { evidenceRef, groupByArea, isMet, movedWords, percent, quarterBars, ratingClass, roleName } from "./readiness";

const exp = (id: number, focusAreaId: number, competency: string): Expectation => ({
  id, targetRoleId: 1, focusAreaId, competency, expected: `e${id}`, position: id, goalId: null, resourceId: null,
  rating: null, ratedOn: null, ratingNote: null, evidenceCount: 0,
});
const point = (label: string, share: number): QuarterPoint => ({ endsOn: "2026-09-30", label, met: 0, total: 0, share, areas: [] });

describe("ratings", () => {
  it("count consistently and beyond as met, and nothing else", () => {
    expect([null, "not_yet", "partly", "consistently", "beyond"].map((r) => isMet(r as never))).toEqual([false, false, false, true, true]);
  });

  it("have a class each, and unrated its own", () => {
    expect(ratingClass(null)).toBe("unrated");
    expect(ratingClass("not_yet")).toBe("not-yet");
    expect(ratingClass("beyond")).toBe("beyond");
  });

  it("read as a whole percent and a role with its level", () => {
    expect(percent(0.6429)).toBe("64 %");
    expect(roleName({ title: "Engineering Manager", level: "L6" })).toBe("Engineering Manager, L6");
    expect(roleName({ title: "Staff Engineer", level: "" })).toBe("Staff Engineer");
  });
});

describe("grouping", () => {
  it("follows the areas' order, then each competency's first appearance, and skips empty areas", () => {
    const areas = [{ id: 1, name: "Performance" }, { id: 2, name: "Leadership" }, { id: 3, name: "Networking" }];
    const groups = groupByArea([exp(1, 2, "Coaching"), exp(2, 1, "Delivery"), exp(3, 2, "Hiring"), exp(4, 2, "Coaching")], areas);
    expect(groups.map((g) => g.name)).toEqual(["Performance", "Leadership"]);
    expect(groups[1]!.competencies.map((c) => [c.competency, c.expectations.map((e) => e.id)])).toEqual([
      ["Coaching", [1, 4]],
      ["Hiring", [3]],
    ]);
  });
});

describe("the quarter chart", () => {
  it("puts today's bar last and keeps only the newest quarters", () => {
    const points = ["Q1", "Q2", "Q3", "Q4", "Q5"].map((l, i) => point(l, i / 10));
    const bars = quarterBars(points, { share: 0.5 }, 400, 100, 4);
    expect(bars.map((b) => b.label)).toEqual(["Q3", "Q4", "Q5", "Now"]);
    expect(bars.map((b) => b.height)).toEqual([20, 30, 40, 50]);
    expect(bars[3]!.now).toBe(true);
    expect(bars.every((b, i) => i === 0 || b.x > bars[i - 1]!.x)).toBe(true);
  });

  it("draws a sliver for a small share but nothing for none", () => {
    const bars = quarterBars([point("Q1", 0), point("Q2", 0.001)], null, 200, 100);
    expect(bars.map((b) => b.height)).toEqual([0, 2]);
  });

  it("says how readiness moved since the last quarter end", () => {
    expect(movedWords([], 0.5)).toMatch(/No quarter has ended/);
    expect(movedWords([point("Q3 2026", 0.25)], 0.5)).toBe("Up 25 points since the end of Q3 2026.");
    expect(movedWords([point("Q3 2026", 0.5)], 0.25)).toBe("Down 25 points since the end of Q3 2026.");
    expect(movedWords([point("Q3 2026", 0.5)], 0.5)).toBe("The same as at the end of Q3 2026.");
  });
});

describe("evidence", () => {
  const v = (kind: Evidence["kind"], extra: Partial<Evidence> = {}): Evidence => ({
    id: 1, expectationId: 2, kind, recordId: 30, title: "t", on: null, winId: null, planId: null, personId: null, ...extra,
  });

  it("opens a story on its win, not on the story's own id", () => {
    expect(evidenceRef(v("story", { winId: 7 }))).toEqual({ kind: "achievement", id: 7 });
    expect(evidenceRef(v("win", { winId: 30 }))).toEqual({ kind: "achievement", id: 30 });
  });

  it("opens a goal in its plan and feedback on its person's page", () => {
    expect(evidenceRef(v("goal", { planId: 4 }))).toEqual({ kind: "goal", id: 30, planId: 4, goalId: 30 });
    expect(evidenceRef(v("feedback", { personId: 9 }))).toEqual({ kind: "feedback_received", id: 30, personId: 9 });
  });
});
