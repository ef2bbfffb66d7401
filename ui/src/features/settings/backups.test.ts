import { describe, expect, it } from "vitest";
import { reasonText, sizeText, takenText } from "./backups";

describe("backup list", () => {
  it("names each reason Rust writes, and any other one readably", () => {
    expect(reasonText("before-import")).toBe("Before an import");
    expect(reasonText("manual")).toBe("Backed up by you");
    expect(reasonText("before-something-new")).toBe("before something new");
  });

  it("gives sizes in KB below a megabyte and MB above", () => {
    expect(sizeText(300)).toBe("1 KB");
    expect(sizeText(512 * 1024)).toBe("512 KB");
    expect(sizeText(5 * 1024 * 1024 + 300 * 1024)).toBe("5.3 MB");
  });

  it("reads the time as local time", () => {
    expect(takenText({ takenAt: "2026-12-01T09:30:00" }, "en-US")).toBe("Dec 1, 2026, 9:30 AM");
  });
});
