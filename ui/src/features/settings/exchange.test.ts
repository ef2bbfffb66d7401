import { describe, expect, it } from "vitest";
import type { Counts } from "../../bindings/Counts";
import type { ImportReport } from "../../bindings/ImportReport";
import { countsText, exportedText, importedText, modeText, writesAnything } from "./exchange";

const counts = (over: Partial<Counts> = {}): Counts => ({
  added: 0, updated: 0, deleted: 0, unchanged: 0, skipped: 0, conflicts: 0, ...over,
});
const report = (c: Counts, mode: ImportReport["mode"] = "merge"): ImportReport => ({
  mode, totals: c, kinds: [], conflicts: [],
});

describe("the words of an import", () => {
  it("names only the counts that are not zero, with thousands separated", () => {
    expect(countsText(counts({ added: 1204, deleted: 1 }))).toBe("1,204 added, 1 deleted (into the trash)");
    expect(countsText(counts())).toBe("nothing");
  });

  it("knows when an import would write nothing", () => {
    expect(writesAnything(counts({ unchanged: 50, skipped: 2 }))).toBe(false);
    expect(writesAnything(counts({ updated: 1 }))).toBe(true);
    expect(importedText(report(counts({ unchanged: 5 })))).toMatch(/^Nothing to import/);
  });

  it("says what was imported, the conflicts and the backup", () => {
    const text = importedText(report(counts({ added: 2, updated: 1, conflicts: 1 })));
    expect(text).toBe("Imported: 2 added, 1 updated; 1 conflict settled as the preview said. Your data from before is kept as a backup.");
  });

  it("tells an empty computer from a merge", () => {
    expect(modeText(report(counts(), "replace"))).toContain("nothing of yours yet");
    expect(modeText(report(counts(), "merge"))).toContain("newer version");
  });

  it("says what an export wrote and where", () => {
    const text = exportedText({ path: "/home/me/ladder.json", records: 12345, tombstones: 2, bytes: 3 * 1024 * 1024 });
    expect(text).toMatch(/^Exported 12,345 records and 2 deletions \(.*\) to \/home\/me\/ladder.json\.$/);
  });
});
