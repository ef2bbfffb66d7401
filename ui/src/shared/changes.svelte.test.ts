import { flushSync } from "svelte";
import { describe, expect, it } from "vitest";
import { changed, changes } from "./changes.svelte";

describe("change notifications", () => {
  it("count each change of a kind", () => {
    const before = changes("wins");
    changed("wins");
    changed("wins");
    expect(changes("wins")).toBe(before + 2);
  });

  it("run an effect that reads them again after each change, until it is gone", () => {
    let loads = 0;
    const stop = $effect.root(() => {
      $effect(() => {
        void changes("wins");
        loads++;
      });
    });
    flushSync();
    expect(loads).toBe(1);
    changed("wins");
    flushSync();
    expect(loads).toBe(2);
    flushSync();
    expect(loads).toBe(2);
    stop();
    changed("wins");
    flushSync();
    expect(loads).toBe(2);
  });
});
