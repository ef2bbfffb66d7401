import { describe, expect, it, vi } from "vitest";
import { banner, dismissBanner, dismissStale, holdBanner, releaseBanner, runBannerAction, showBanner, showNotice } from "./banner.svelte";

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

  it("lets Ctrl+Z run only an undo", async () => {
    let ran = 0;
    showNotice("Saved.", { label: "Open", run: () => void ran++ });
    await runBannerAction(true);
    expect(ran).toBe(0);
    expect(banner.message).toBe("Saved.");
    showNotice("Removed.", { label: "Undo", run: () => void ran++, undo: true });
    await runBannerAction(true);
    expect(ran).toBe(1);
  });

  it("times a notice out, but not while it is pointed at or focused", () => {
    vi.useFakeTimers();
    try {
      showNotice("Saved.");
      vi.advanceTimersByTime(8001);
      expect(banner.message).toBeNull();

      showNotice("Saved again.");
      holdBanner();
      vi.advanceTimersByTime(60000);
      expect(banner.message).toBe("Saved again.");
      releaseBanner();
      vi.advanceTimersByTime(7999);
      expect(banner.message).toBe("Saved again.");
      vi.advanceTimersByTime(2);
      expect(banner.message).toBeNull();

      showBanner("Could not save.");
      vi.advanceTimersByTime(60000);
      expect(banner.message).toBe("Could not save.");
      dismissBanner();
    } finally {
      vi.useRealTimers();
    }
  });
});
