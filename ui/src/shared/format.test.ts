import { describe, expect, it } from "vitest";
import { daysBetween, formatDate, formatNumber, formatRange, periodPhrase, plural } from "./format";

describe("dates", () => {
  it("formats a calendar date without shifting it by a time zone", () => {
    expect(formatDate("2026-01-01", "en-GB")).toBe("1 Jan 2026");
    expect(formatDate("2026-12-31", "en-US")).toBe("Dec 31, 2026");
  });

  it("formats a quarter as one range", () => {
    // Intl puts thin or narrow spaces around the dash; compare with plain spaces.
    expect(formatRange("2026-10-01", "2026-12-31", "en-GB").replace(/\s/g, " ")).toBe("1 Oct – 31 Dec 2026");
  });

  it("counts days across a leap day", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-03-01", "2026-02-28")).toBe(-1);
  });

  it("says where a period stands", () => {
    expect(periodPhrase("2026-10-01", "2026-12-31", "2026-11-26")).toBe("35 days left");
    expect(periodPhrase("2026-10-01", "2026-12-31", "2026-12-30")).toBe("1 day left");
    expect(periodPhrase("2026-10-01", "2026-12-31", "2026-12-31")).toBe("last day today");
    expect(periodPhrase("2027-01-01", "2027-03-31", "2026-12-31")).toBe("starts tomorrow");
    expect(periodPhrase("2027-01-01", "2027-03-31", "2026-11-26")).toBe("starts in 36 days");
    expect(periodPhrase("2026-07-01", "2026-09-30", "2026-11-26")).toBe("ended");
  });
});

describe("numbers and counts", () => {
  it("prints numbers without trailing zeros", () => {
    expect(formatNumber(12)).toBe("12");
    expect(formatNumber(12.5)).toBe("12.5");
    expect(formatNumber(12.345)).toBe("12.35");
    expect(formatNumber(-3)).toBe("-3");
  });

  it("pluralises counts", () => {
    expect(plural(1, "milestone")).toBe("1 milestone");
    expect(plural(0, "check-in")).toBe("0 check-ins");
    expect(plural(2, "goal")).toBe("2 goals");
  });
});
