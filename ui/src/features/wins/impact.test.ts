import { describe, expect, it } from "vitest";
import { impactText } from "./impact";

const base = { impactMetric: "Failed releases", impactUnit: "per month", impactBefore: 8, impactAfter: 1, higherIsBetter: false };

describe("impactText", () => {
  it("says how much better a lower number is when lower is better", () => {
    expect(impactText(base)).toBe("Failed releases: 8 → 1 per month (88 % better)");
  });

  it("says worse when the number moved the wrong way", () => {
    expect(impactText({ ...base, impactAfter: 10 })).toBe("Failed releases: 8 → 10 per month (25 % worse)");
    expect(impactText({ ...base, higherIsBetter: true, impactAfter: 12 })).toBe("Failed releases: 8 → 12 per month (50 % better)");
  });

  it("copes with no before, a zero before and no numbers at all", () => {
    expect(impactText({ ...base, impactBefore: null })).toBe("Failed releases: 1 per month");
    expect(impactText({ ...base, impactBefore: 0 })).toBe("Failed releases: 0 → 1 per month");
    expect(impactText({ ...base, impactMetric: null, impactAfter: null, impactBefore: null })).toBeNull();
  });
});
