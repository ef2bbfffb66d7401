import { describe, expect, it } from "vitest";
import { shortcutFor } from "./shortcuts";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("shortcutFor", () => {
  it("switches screens with Ctrl or Cmd and the screen's key", () => {
    const expected = ["dashboard", "plans", "learning", "feedback", "one-on-ones", "wins", "focus-areas", "network"];
    expected.forEach((screen, i) => {
      expect(shortcutFor(key(String(i + 1), { ctrlKey: true }), i % 2 === 0)).toEqual({ kind: "go", screen });
    });
    expect(shortcutFor(key("2", { metaKey: true }), true)).toEqual({ kind: "go", screen: "plans" });
    expect(shortcutFor(key(",", { ctrlKey: true }), false)).toEqual({ kind: "go", screen: "settings" });
  });

  it("starts a new plan with N, but not while typing", () => {
    expect(shortcutFor(key("n"), false)).toEqual({ kind: "new" });
    expect(shortcutFor(key("n"), true)).toBeNull();
    expect(shortcutFor(key("n", { ctrlKey: true }), true)).toEqual({ kind: "new" });
  });

  it("logs a win with W from anywhere, but not while typing", () => {
    expect(shortcutFor(key("w"), false)).toEqual({ kind: "win" });
    expect(shortcutFor(key("w"), true)).toBeNull();
  });

  it("logs a conversation with C from anywhere, but not while typing or with a modifier", () => {
    expect(shortcutFor(key("c"), false)).toEqual({ kind: "conversation" });
    expect(shortcutFor(key("c"), true)).toBeNull();
    // Ctrl+C copies; Alt+C is left to the system.
    expect(shortcutFor(key("c", { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(key("c", { metaKey: true }), false)).toBeNull();
    expect(shortcutFor(key("c", { altKey: true }), false)).toBeNull();
  });

  it("opens search with Ctrl or Cmd+K even while typing, and help with ?", () => {
    expect(shortcutFor(key("k", { ctrlKey: true }), true)).toEqual({ kind: "search" });
    expect(shortcutFor(key("k", { metaKey: true }), false)).toEqual({ kind: "search" });
    expect(shortcutFor(key("k"), false)).toBeNull();
    expect(shortcutFor(key("?"), false)).toEqual({ kind: "help" });
    expect(shortcutFor(key("?"), true)).toBeNull();
  });

  it("undoes with Ctrl or Cmd+Z, leaving it to a text box while typing", () => {
    expect(shortcutFor(key("z", { ctrlKey: true }), false)).toEqual({ kind: "undo" });
    expect(shortcutFor(key("z", { metaKey: true }), false)).toEqual({ kind: "undo" });
    expect(shortcutFor(key("z", { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(key("z"), false)).toBeNull();
    expect(shortcutFor(key("z", { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });

  it("ignores other keys and modifier mixes", () => {
    expect(shortcutFor(key("1"), false)).toBeNull();
    expect(shortcutFor(key("1", { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(shortcutFor(key("x", { ctrlKey: true }), false)).toBeNull();
  });
});
