import { describe, expect, it } from "vitest";
import { banner, dismissBanner, dismissStale, runBannerAction, showBanner, showNotice } from "./banner.svelte";

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

  it("runs a notice's action once and clears it with the message", async () => {
    let undone = 0;
    showNotice("Removed.", { label: "Undo", run: () => void undone++ });
    expect(banner.action?.label).toBe("Undo");
    await runBannerAction();
    await runBannerAction();
    expect(undone).toBe(1);
    expect(banner.message).toBeNull();

    showNotice("Removed.", { label: "Undo", run: () => void undone++ });
    showBanner("Could not save.");
    expect(banner.action).toBeNull();
    showNotice("Removed.", { label: "Undo", run: () => void undone++ });
    dismissBanner();
    expect(banner.action).toBeNull();
    expect(undone).toBe(1);
  });
});
