import { describe, expect, it } from "vitest";
import { hashOf, parseHash, sectionOf } from "./router.svelte";

describe("routes", () => {
  it("reads plan, review and person routes from the hash", () => {
    expect(parseHash("#/plan/12")).toEqual({ screen: "plan", id: 12 });
    expect(parseHash("#/plan/12/review")).toEqual({ screen: "review", id: 12 });
    expect(parseHash("#/person/4")).toEqual({ screen: "person", id: 4 });
    expect(parseHash("#/one-on-one/9")).toEqual({ screen: "one-on-one", id: 9 });
    expect(parseHash("#/settings")).toEqual({ screen: "settings", id: null });
  });

  it("falls back to the dashboard on anything else", () => {
    for (const hash of ["", "#/", "#/plan/abc", "#/plan/-3", "#/person/0", "#/person", "#/nowhere"]) {
      expect(parseHash(hash)).toEqual({ screen: "dashboard", id: null });
    }
  });

  it("writes back what it reads", () => {
    for (const hash of ["#/plan/7", "#/plan/7/review", "#/person/3", "#/one-on-one/2", "#/one-on-ones", "#/feedback", "#/focus-areas", "#/network", "#/readiness", "#/readiness/4"]) {
      expect(hashOf(parseHash(hash))).toBe(hash);
    }
  });

  it("keeps the owning section lit in the sidebar", () => {
    expect(sectionOf("review")).toBe("plans");
    expect(sectionOf("person")).toBe("feedback");
    expect(sectionOf("one-on-one")).toBe("one-on-ones");
    expect(sectionOf("settings")).toBe("settings");
  });
});
