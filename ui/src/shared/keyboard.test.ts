import { describe, expect, it } from "vitest";
import { escapeCloser } from "./keyboard";

describe("escapeCloser", () => {
  const esc = (key = "Escape") => {
    const event = { key, target: null, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    return event;
  };

  it("closes the panel on Escape and claims the key", () => {
    let closed = 0;
    const event = esc();
    escapeCloser(() => closed++, () => false)(event);
    expect(closed).toBe(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it("leaves Escape to an open dialog or unsaved text, to a handler that took it first, and ignores other keys", () => {
    let closed = 0;
    escapeCloser(() => closed++, () => true)(esc());
    const taken = esc();
    taken.preventDefault();
    escapeCloser(() => closed++, () => false)(taken);
    escapeCloser(() => closed++, () => false)(esc("Enter"));
    expect(closed).toBe(0);
  });
});
