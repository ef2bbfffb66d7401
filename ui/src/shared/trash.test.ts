import { describe, expect, it } from "vitest";
import { impactLines, listWords, trashedText } from "./trash";

describe("what a delete says", () => {
  it("joins parts the way a sentence does", () => {
    expect(listWords([])).toBe("");
    expect(listWords(["3 goals"])).toBe("3 goals");
    expect(listWords(["3 goals", "5 milestones", "1 check-in"])).toBe("3 goals, 5 milestones and 1 check-in");
  });

  it("names what goes and what only loses its link", () => {
    expect(impactLines({ goes: ["2 milestones", "1 tag"], unlinks: ["1 win"] })).toEqual([
      "With it go 2 milestones and 1 tag.",
      "1 win will no longer be linked to it.",
    ]);
    expect(impactLines({ goes: [], unlinks: [] })).toEqual([]);
  });

  it("says in the notice what moved to the trash", () => {
    expect(trashedText({ trashId: 1, title: "Q3", contents: "4 goals" })).toBe("Moved “Q3” with 4 goals to the trash.");
    expect(trashedText({ trashId: 1, title: "Read", contents: "" })).toBe("Moved “Read” to the trash.");
  });
});
