import { describe, expect, it } from "vitest";
import { hashOf, parseHash, sectionOf } from "./router.svelte";

describe("routes", () => {
  it("reads plan and review routes from the hash", () => {
    expect(parseHash("#/plan/12")).toEqual({ screen: "plan", planId: 12 });
    expect(parseHash("#/plan/12/review")).toEqual({ screen: "review", planId: 12 });
    expect(parseHash("#/settings")).toEqual({ screen: "settings", planId: null });
  });

  it("falls back to the plans list on anything else", () => {
    for (const hash of ["", "#/", "#/plan/abc", "#/plan/-3", "#/nowhere"]) {
      expect(parseHash(hash)).toEqual({ screen: "plans", planId: null });
    }
  });

  it("writes back what it reads", () => {
    for (const hash of ["#/plan/7", "#/plan/7/review", "#/focus-areas"]) {
      expect(hashOf(parseHash(hash))).toBe(hash);
    }
  });

  it("keeps Plans lit in the sidebar inside a plan", () => {
    expect(sectionOf("review")).toBe("plans");
    expect(sectionOf("settings")).toBe("settings");
  });
});
