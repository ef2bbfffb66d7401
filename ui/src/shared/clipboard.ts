// Copying text for the user to paste elsewhere (the app never sends anything itself).
import { showError } from "./banner.svelte";

/** True when the text reached the clipboard; otherwise the banner says what to do. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    showError({ kind: "internal", message: "The clipboard is not available; select the text and copy it instead.", field: null });
    return false;
  }
}
