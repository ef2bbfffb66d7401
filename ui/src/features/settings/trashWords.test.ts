import { describe, expect, it } from "vitest";
import { deletedText, kindText } from "./trashWords";

describe("the trash list's words", () => {
  it("names every kind the way the screens do", () => {
    expect(kindText("one_on_one")).toBe("1:1");
    expect(kindText("win")).toBe("Win");
  });

  it("shows when it was deleted in local time, not the stored UTC", () => {
    expect(deletedText({ deletedAt: "2026-12-02T00:38:57.680Z" }, "en-US", "America/New_York")).toBe("Dec 1, 2026, 7:38 PM");
  });
});
