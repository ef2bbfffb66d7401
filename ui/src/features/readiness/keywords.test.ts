import { describe, expect, it } from "vitest";
import type { Place } from "../../bindings/Place";
import { isCheckKey, openingLabel, placeLabel, placeRef, termsText, usedTimes } from "./keywords";

const place = (kind: Place["kind"], id: number | null = 4, planId: number | null = null): Place => ({ kind, id, planId, title: "Moved billing" });

describe("résumé keywords", () => {
  it("labels places by what they are", () => {
    expect(placeLabel(place("achievement"))).toBe("Win: Moved billing");
    expect(placeLabel(place("resource"))).toBe("Learning: Moved billing");
  });

  it("opens wins, resources and goals in their plan; skills and the profile open nothing", () => {
    expect(placeRef(place("achievement"))).toEqual({ kind: "achievement", id: 4 });
    expect(placeRef(place("goal", 7, 2))).toEqual({ kind: "goal", id: 7, planId: 2, goalId: 7 });
    expect(placeRef(place("skill", null))).toBeNull();
    expect(placeRef(place("profile", null))).toBeNull();
  });

  it("copies the shown terms as one line", () => {
    const t = (term: string) => ({ term, count: 1, where: [], more: 0 });
    expect(termsText([t("SQL"), t("stakeholder management")])).toBe("SQL, stakeholder management");
    expect(termsText([])).toBe("");
  });

  it("checks on Ctrl+Enter only", () => {
    expect(isCheckKey({ key: "Enter", ctrlKey: true, metaKey: false })).toBe(true);
    expect(isCheckKey({ key: "Enter", ctrlKey: false, metaKey: true })).toBe(true);
    expect(isCheckKey({ key: "Enter", ctrlKey: false, metaKey: false })).toBe(false);
  });

  it("names an opening by its title, with its team unless the title has it", () => {
    expect(openingLabel({ title: "Staff Engineer", team: "Payments" })).toBe("Staff Engineer · Payments");
    expect(openingLabel({ title: "Engineering Manager, Team 4", team: "Team 4" })).toBe("Engineering Manager, Team 4");
    expect(openingLabel({ title: "Staff Engineer", team: "" })).toBe("Staff Engineer");
  });

  it("says how often the posting uses a term", () => {
    expect(usedTimes(1)).toBe("once");
    expect(usedTimes(3)).toBe("3×");
  });
});
