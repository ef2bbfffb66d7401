import { describe, expect, it } from "vitest";
import { formatNumber, plural } from "./labels";

describe("labels", () => {
  it("prints numbers without trailing zeros", () => {
    expect(formatNumber(12)).toBe("12");
    expect(formatNumber(12.5)).toBe("12.5");
    expect(formatNumber(12.345)).toBe("12.35");
    expect(formatNumber(-3)).toBe("-3");
  });

  it("pluralises counts", () => {
    expect(plural(1, "milestone")).toBe("1 milestone");
    expect(plural(0, "check-in")).toBe("0 check-ins");
    expect(plural(2, "goal")).toBe("2 goals");
  });
});
