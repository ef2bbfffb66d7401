import { describe, expect, it } from "vitest";
import { amountText, minutesText } from "./learning";

describe("learning labels", () => {
  it("says how far along a resource is", () => {
    expect(amountText({ unitsDone: 3, totalUnits: 12, unit: "lessons" })).toBe("3 of 12 lessons");
    expect(amountText({ unitsDone: 2.5, totalUnits: null, unit: "hours" })).toBe("2.5 hours");
    expect(amountText({ unitsDone: 0, totalUnits: null, unit: "pages" })).toBe("");
  });

  it("prints minutes as hours and minutes", () => {
    expect(minutesText(45)).toBe("45 min");
    expect(minutesText(95)).toBe("1 h 35 min");
    expect(minutesText(120)).toBe("2 h");
  });
});
