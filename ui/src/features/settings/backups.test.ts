import { describe, expect, it } from "vitest";
import type { SecondFolder } from "../../bindings/SecondFolder";
import { copyStatus, reasonText, sizeText, takenText } from "./backups";

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

describe("second folder", () => {
  const folder = "/media/usb/ladder";
  const copied = (error: string | null): SecondFolder => ({
    folder,
    lastCopy: { folder, fileName: "ladder-20261201-093000-daily.sqlite3", at: "2026-12-01T09:30:00", error },
  });

  it("says nothing while there is no second folder", () => {
    expect(copyStatus({ folder: null, lastCopy: null })).toBeNull();
  });

  it("says when the last copy was made", () => {
    expect(copyStatus(copied(null), "en-US")).toEqual({
      text: "Last copied Dec 1, 2026, 9:30 AM.",
      problem: false,
    });
  });

  it("names the folder and the reason when a copy failed, and that the backup is fine", () => {
    const s = copyStatus(copied("the folder is not there (is the drive plugged in?)"));
    expect(s?.problem).toBe(true);
    expect(s?.text).toBe(
      "Last copy to /media/usb/ladder could not be written: the folder is not there (is the drive plugged in?) — the backup in the main folder is fine.",
    );
  });

  it("promises the next backup while nothing was copied yet", () => {
    expect(copyStatus({ folder, lastCopy: null })?.text).toMatch(/next backup/);
  });
});
