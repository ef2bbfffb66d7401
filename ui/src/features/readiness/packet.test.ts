import { describe, expect, it } from "vitest";
import type { PacketSection } from "../../bindings/PacketSection";
import { includedCount, moveKey, moved, presets, rangeError, withEdits } from "./packet";

const range = (today: string, start: number) => Object.fromEntries(presets(today, start).map((p) => [p.id, [p.from, p.to]]));

describe("presets", () => {
  it("count quarters, halves and years from January by default", () => {
    expect(range("2026-11-26", 1)).toEqual({
      "this-quarter": ["2026-10-01", "2026-12-31"],
      "last-quarter": ["2026-07-01", "2026-09-30"],
      "this-half": ["2026-07-01", "2026-12-31"],
      "this-year": ["2026-01-01", "2026-12-31"],
      "last-12-months": ["2025-11-27", "2026-11-26"],
    });
  });

  it("count from the fiscal year's first month", () => {
    expect(range("2026-11-26", 4)).toEqual({
      "this-quarter": ["2026-10-01", "2026-12-31"],
      "last-quarter": ["2026-07-01", "2026-09-30"],
      "this-half": ["2026-10-01", "2027-03-31"],
      "this-year": ["2026-04-01", "2027-03-31"],
      "last-12-months": ["2025-11-27", "2026-11-26"],
    });
  });

  it("cross the calendar year backwards", () => {
    const r = range("2026-01-15", 2);
    expect(r["this-quarter"]).toEqual(["2025-11-01", "2026-01-31"]);
    expect(r["last-quarter"]).toEqual(["2025-08-01", "2025-10-31"]);
    expect(r["this-year"]).toEqual(["2025-02-01", "2026-01-31"]);
  });

  it("fall back to January for a month out of range", () => {
    expect(range("2026-11-26", 13)["this-year"]).toEqual(["2026-01-01", "2026-12-31"]);
  });
});

describe("moving and keys", () => {
  it("moves one place and stops at the ends", () => {
    expect(moved(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moved(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });

  it("takes Alt+Arrow only", () => {
    const key = (key: string, altKey = true) => moveKey({ key, altKey, ctrlKey: false, metaKey: false, shiftKey: false });
    expect([key("ArrowUp"), key("ArrowDown"), key("ArrowUp", false), key("a")]).toEqual([-1, 1, null, null]);
  });
});

const item = (key: string, text: string, included = true) => ({ key, text, detail: null, group: null, included });
const wins = (...items: ReturnType<typeof item>[]): PacketSection => ({ kind: "wins", heading: "Wins", items, total: items.length });

describe("withEdits", () => {
  it("keeps the user's wording, choice and order for items offered again", () => {
    const before = [wins(item("win:2", "Edited two", false), item("win:1", "One"))];
    const fresh = [wins(item("win:1", "One"), item("win:2", "Two"), item("win:3", "Three"))];
    expect(withEdits(fresh, before)[0]!.items).toEqual([item("win:2", "Edited two", false), item("win:1", "One"), item("win:3", "Three")]);
  });

  it("drops what the new range no longer holds", () => {
    const before = [wins(item("win:9", "Gone"))];
    expect(withEdits([wins(item("win:1", "One"))], before)[0]!.items).toEqual([item("win:1", "One")]);
  });

  it("counts what is in", () => {
    expect(includedCount([wins(item("a", "A"), item("b", "B", false))])).toEqual({ included: 1, total: 2 });
  });
});

describe("rangeError", () => {
  it("names the field", () => {
    expect(rangeError("2026-10-01", "2026-09-30")).toEqual({ field: "to", message: "The range ends before it starts." });
    expect(rangeError("", "2026-09-30")?.field).toBe("from");
    expect(rangeError("2026-10-01", "2026-10-01")).toBeNull();
  });
});
