import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosave, flushAll } from "./autosave";

/** A slow store: each save waits until the test lets it finish (or fail). */
function slowStore() {
  const db = new Map<number, string>();
  const calls: { key: number; text: string; finish: () => void; fail: () => void }[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const save = (key: number, text: string) =>
    new Promise<void>((resolve, reject) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      calls.push({
        key,
        text,
        finish: () => {
          inFlight -= 1;
          db.set(key, text);
          resolve();
        },
        fail: () => {
          inFlight -= 1;
          reject(new Error("disk full"));
        },
      });
    });
  return { db, calls, save, most: () => mostInFlight };
}

/** Lets pending promise callbacks run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe("Autosave", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once typing pauses, not on every keystroke", async () => {
    const store = slowStore();
    const notes = new Autosave(store.save, { delay: 800 });
    notes.typed(1, "H");
    await vi.advanceTimersByTimeAsync(500);
    notes.typed(1, "Hi");
    await vi.advanceTimersByTimeAsync(799);
    expect(store.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.calls.map((c) => c.text)).toEqual(["Hi"]);
    store.calls[0]!.finish();
    await settle();
    expect(notes.unsaved()).toBe(false);
  });

  it("keeps what was typed during a slow save and saves it next, one save at a time", async () => {
    const store = slowStore();
    const notes = new Autosave(store.save, { delay: 800 });
    notes.typed(1, "Agreed");
    await vi.advanceTimersByTimeAsync(800);
    expect(store.calls).toHaveLength(1);
    // Typing goes on while the first save is in flight, and pauses again.
    notes.typed(1, "Agreed: hire");
    await vi.advanceTimersByTimeAsync(800);
    notes.typed(1, "Agreed: hire two");
    await vi.advanceTimersByTimeAsync(800);
    expect(store.calls).toHaveLength(1);
    // The first answer comes back: only "Agreed" counts as saved.
    store.calls[0]!.finish();
    await settle();
    expect(notes.unsaved(1)).toBe(true);
    expect(store.calls.map((c) => c.text)).toEqual(["Agreed", "Agreed: hire two"]);
    notes.typed(1, "Agreed: hire two juniors");
    store.calls[1]!.finish();
    await settle();
    expect(store.calls.map((c) => c.text)).toEqual(["Agreed", "Agreed: hire two", "Agreed: hire two juniors"]);
    store.calls[2]!.finish();
    await settle();
    expect(store.most()).toBe(1);
    expect(store.db.get(1)).toBe("Agreed: hire two juniors");
    expect(notes.unsaved()).toBe(false);
  });

  it("flush saves at once and waits for the save in flight and the one after it", async () => {
    const store = slowStore();
    const notes = new Autosave(store.save, { delay: 800 });
    notes.typed(1, "a");
    await vi.advanceTimersByTimeAsync(800);
    notes.typed(1, "ab");
    let flushed = false;
    const done = notes.flush().then(() => (flushed = true));
    await settle();
    expect(store.calls).toHaveLength(1);
    store.calls[0]!.finish();
    await settle();
    expect(flushed).toBe(false);
    expect(store.calls.map((c) => c.text)).toEqual(["a", "ab"]);
    store.calls[1]!.finish();
    await done;
    expect(store.db.get(1)).toBe("ab");
  });

  it("a text typed for one meeting is saved to it after the screen moved to another", async () => {
    const store = slowStore();
    const notes = new Autosave(store.save, { delay: 800 });
    notes.typed(1, "for Dana");
    expect(notes.shown(2, "stored for Sam")).toBe("stored for Sam");
    notes.typed(2, "stored for Sam, and more");
    void notes.flush();
    await settle();
    store.calls[0]!.finish();
    await settle();
    store.calls[1]!.finish();
    await settle();
    expect([...store.db]).toEqual([
      [1, "for Dana"],
      [2, "stored for Sam, and more"],
    ]);
  });

  it("shows the unsaved text over what the store sends back, and the store's once saved", async () => {
    const store = slowStore();
    const notes = new Autosave(store.save, { delay: 800 });
    expect(notes.shown(1, "old")).toBe("old");
    notes.typed(1, "old and new");
    // Ticking an agenda item reloads the meeting with the notes as stored.
    expect(notes.shown(1, "old")).toBe("old and new");
    void notes.flush();
    await settle();
    store.calls[0]!.finish();
    await settle();
    expect(notes.shown(1, "old and new")).toBe("old and new");
    expect(notes.unsaved()).toBe(false);
    // Typing back to the stored text is nothing to save.
    notes.typed(1, "old and new");
    await notes.flush();
    expect(store.calls).toHaveLength(1);
  });

  it("a failed save keeps the text unsaved, says so, and is tried again", async () => {
    const store = slowStore();
    const errors: unknown[] = [];
    const notes = new Autosave(store.save, { delay: 800, onError: (e) => errors.push(e) });
    notes.typed(1, "keep me");
    await vi.advanceTimersByTimeAsync(800);
    store.calls[0]!.fail();
    await settle();
    expect(errors).toHaveLength(1);
    expect(notes.unsaved(1)).toBe(true);
    expect(store.calls).toHaveLength(1);
    notes.typed(1, "keep me!");
    await vi.advanceTimersByTimeAsync(800);
    store.calls[1]!.finish();
    await settle();
    expect(store.db.get(1)).toBe("keep me!");
  });

  it("flushAll saves every open autosave; a closed one is left out", async () => {
    const store = slowStore();
    const a = new Autosave(store.save, { delay: 800 });
    const b = new Autosave(store.save, { delay: 800 });
    a.typed(1, "one");
    b.typed(2, "two");
    const all = flushAll();
    await settle();
    expect(store.calls.map((c) => c.text).sort()).toEqual(["one", "two"]);
    store.calls.forEach((c) => c.finish());
    await all;
    await b.close();
    b.typed(2, "after close");
    await flushAll();
    expect(store.calls).toHaveLength(2);
  });
});
