import { describe, expect, it } from "vitest";
import { amountText, duplicateNote, leftOut, minutesText, rowsToImport } from "./learning";

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

describe("import preview", () => {
  const row = (n: number, problems = 0) => ({
    row: n,
    problems: Array.from({ length: problems }, () => ({ column: "kind", message: "?" })),
  });

  it("says why a row is a duplicate", () => {
    expect(duplicateNote({ duplicateOf: 7, duplicateOfRow: null })).toBe("already in library");
    expect(duplicateNote({ duplicateOf: null, duplicateOfRow: 3 })).toBe("same as row 3");
    expect(duplicateNote({ duplicateOf: null, duplicateOfRow: null })).toBe("");
  });

  it("counts what skipping or merging duplicates imports", () => {
    expect(rowsToImport({ totalRows: 10, duplicates: 3 }, "skip")).toBe(7);
    expect(rowsToImport({ totalRows: 10, duplicates: 3 }, "merge")).toBe(10);
  });

  it("counts the rows and the problems the preview left out", () => {
    const rows = [row(2), row(3, 1), row(900, 2)];
    expect(leftOut({ rows, totalRows: 5_000, withProblems: 40 })).toEqual({ rows: 4_997, problems: 38 });
    expect(leftOut({ rows, totalRows: 3, withProblems: 2 })).toEqual({ rows: 0, problems: 0 });
  });
});
