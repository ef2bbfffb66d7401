import { describe, expect, it } from "vitest";
import { trendPoints } from "./chart";

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
