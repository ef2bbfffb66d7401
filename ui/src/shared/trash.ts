// Deletes go to the trash: the words a confirmation and a notice use, and the Undo that
// brings a deleted record back.
import { api } from "../api";
import type { Impact } from "../bindings/Impact";
import type { Restored } from "../bindings/Restored";
import type { Trashed } from "../bindings/Trashed";
import { showNotice } from "./banner.svelte";
import { attempt } from "./errors";

/** "a, b and c". */
export function listWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** The sentences a delete confirmation shows about what goes and what loses its link. */
export function impactLines(impact: Impact): string[] {
  const lines: string[] = [];
  if (impact.goes.length > 0) lines.push(`With it go ${listWords(impact.goes)}.`);
  if (impact.unlinks.length > 0) lines.push(`${capitalise(listWords(impact.unlinks))} will no longer be linked to it.`);
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Moved “Q3 plan” with 4 goals and 9 milestones to the trash." */
export function trashedText(trashed: Trashed): string {
  const what = trashed.contents ? ` with ${trashed.contents}` : "";
  return `Moved “${trashed.title}”${what} to the trash.`;
}

/** After a delete: says what went, with an Undo (Ctrl+Z too) that restores it and then
 *  runs `reload` so the screen shows it again (its id may be new if the old one was
 *  taken meanwhile). */
export function noticeTrashed(trashed: Trashed, reload: (back: Restored) => unknown): void {
  showNotice(trashedText(trashed), {
    label: "Undo",
    undo: true,
    run: () =>
      attempt(async () => {
        const back = await api.restoreFromTrash(trashed.trashId);
        await reload(back);
        showNotice(`Restored “${back.title}”.${back.note ? ` ${back.note}` : ""}`);
      }),
  });
}
