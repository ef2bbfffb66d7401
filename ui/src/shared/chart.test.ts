import { describe, expect, it } from "vitest";
import { labelledBars, trendPoints } from "./chart";

describe("trendPoints", () => {
  it("spreads values across the width and puts the highest at the top", () => {
    const { points } = trendPoints([0, 5, 10], 100, 50, 5, null);
    expect(points.map((p) => p.x)).toEqual([5, 50, 95]);
    expect(points[0]?.y).toBe(45);
    expect(points[2]?.y).toBe(5);
  });

  it("includes the target in the range, for decreasing goals too", () => {
    const { points, targetY } = trendPoints([20, 11], 100, 50, 5, 5);
    expect(targetY).toBe(45);
    expect(points[0]?.y).toBe(5);
  });

  it("centres a single reading and survives a flat line", () => {
    const { points } = trendPoints([7], 100, 50, 5, null);
    expect(points).toEqual([{ x: 50, y: 45 }]);
    const flat = trendPoints([3, 3, 3], 100, 50, 5, null);
    expect(flat.points.every((p) => Number.isFinite(p.y))).toBe(true);
  });
});

describe("labelledBars", () => {
  const weeks = ["Sep 7", "Sep 14", "Sep 21", "Sep 28", "Oct 5", "Oct 12", "Oct 19", "Oct 26", "Nov 2", "Nov 9", "Nov 16", "Nov 23", "Nov 30"];

  it("names every bar when the labels fit", () => {
    expect(labelledBars(weeks, 1200)).toEqual(weeks.map((_, i) => i));
    expect(labelledBars(["Q1\n2025", "Q2\n2025", "Q3\n2025", "Q4\n2025", "Q1\n2026", "Q2\n2026", "Q3\n2026", "Q4\n2026"], 480)).toHaveLength(8);
  });

  it("names every other bar in a narrow chart, always including the newest", () => {
    // 13 labels of up to 6 characters need 13 × 54 px; 480 px leaves 420.
    expect(labelledBars(weeks, 480)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    const few = labelledBars(weeks, 280);
    expect(few.at(-1)).toBe(12);
    expect(few.length).toBeLessThan(7);
  });

  it("copes with no labels", () => {
    expect(labelledBars([], 480)).toEqual([]);
  });
});
