// Keyboard shortcuts, decided in one place so the help text and the handler agree.
import { type Screen, SCREENS } from "../shared/router.svelte";

export type Shortcut = { kind: "go"; screen: Screen } | { kind: "new" } | { kind: "win" } | { kind: "conversation" } | { kind: "search" } | { kind: "help" } | { kind: "undo" };

type KeyLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

/** What a key press means, or null. `typing` is true when focus is in a text input. */
export function shortcutFor(event: KeyLike, typing: boolean): Shortcut | null {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && !event.altKey && !event.shiftKey) {
    const screen = SCREENS.find((s) => s.key === event.key);
    if (screen) return { kind: "go", screen: screen.id };
    if (event.key === "n") return { kind: "new" };
    if (event.key === "k") return { kind: "search" };
    // In a text box Ctrl+Z is the box's own undo.
    if (event.key === "z" && !typing) return { kind: "undo" };
    return null;
  }
  if (!typing && !mod && !event.altKey && event.key === "n") return { kind: "new" };
  if (!typing && !mod && !event.altKey && event.key === "w") return { kind: "win" };
  if (!typing && !mod && !event.altKey && event.key === "c") return { kind: "conversation" };
  if (!typing && !mod && !event.altKey && event.key === "?") return { kind: "help" };
  return null;
}
