import { describe, expect, it } from "vitest";
import { banner, dismissStale, showBanner, showNotice } from "./banner.svelte";

describe("the message bar", () => {
  it("keeps a message the moving action just showed, and drops one from an earlier screen", () => {
    showNotice("Saved.");
    dismissStale(banner.shownAt + 500);
    expect(banner.message).toBe("Saved.");
    dismissStale(banner.shownAt + 1500);
    expect(banner.message).toBeNull();

    showBanner("Could not save.");
    dismissStale(banner.shownAt + 5000);
    expect(banner.message).toBeNull();
  });
});
