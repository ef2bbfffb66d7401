// Keys inside a screen: whether the user is typing, and Escape closing a side panel.

/** Inputs that take no text: keys pressed on them are shortcuts. */
const NOT_TYPED = ["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"];

export function isTyping(target: EventTarget | null): boolean {
  if (target === null || !(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement && NOT_TYPED.includes(target.type)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

type EscapeLike = Pick<KeyboardEvent, "key" | "target" | "defaultPrevented" | "preventDefault">;

/** A keydown handler that closes a side panel on Escape, unless Escape belongs to a text
 *  box (which cancels its own edit), or `stay` says the panel should stay (a dialog is
 *  open, or something typed in the panel would be lost). */
export function escapeCloser(close: () => void, stay: () => boolean): (event: EscapeLike) => void {
  return (event) => {
    if (event.key !== "Escape" || event.defaultPrevented || isTyping(event.target) || stay()) return;
    event.preventDefault();
    close();
  };
}

/** Svelte action for a side panel: `<aside use:closeOnEscape={onclose}>`. A panel with
 *  text in any of its boxes stays open: it may be unsaved, and Escape should never be
 *  what loses it. */
export function closeOnEscape(node: HTMLElement, close: () => void) {
  let current = close;
  const typedIn = () =>
    [...node.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")].some(
      (box) => isTyping(box) && box.type !== "date" && box.value.trim() !== "",
    );
  const handler = escapeCloser(
    () => current(),
    () => document.querySelector("dialog[open]") !== null || typedIn(),
  );
  window.addEventListener("keydown", handler);
  return {
    update(next: () => void) {
      current = next;
    },
    destroy() {
      window.removeEventListener("keydown", handler);
    },
  };
}
