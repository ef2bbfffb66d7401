// How a backup reads in the list (when, why, how big) and how the copies to the second
// folder are going.
import type { Backup } from "../../bindings/Backup";
import type { SecondFolder } from "../../bindings/SecondFolder";

const REASONS: Record<string, string> = {
  daily: "Daily",
  periodic: "While you worked",
  manual: "Backed up by you",
  "before-migration": "Before an upgrade of Ladder",
  "before-closing-quarter": "Before closing a quarter",
  "before-deleting-plan": "Before deleting a plan",
  "before-removing-person": "Before removing a person",
  "before-import": "Before an import",
  "before-restore": "Before a restore",
  "before-emptying-trash": "Before emptying the trash",
};

export function reasonText(reason: string): string {
  return REASONS[reason] ?? reason.replaceAll("-", " ");
}

/** "Dec 1, 2026, 9:30 AM" in the user's locale; `takenAt` is local time without a zone. */
export function takenText(b: Pick<Backup, "takenAt">, locale?: string): string {
  const d = new Date(b.takenAt);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** One line on the last copy to the second folder; `problem` when it failed. Null while
 * there is no second folder. */
export function copyStatus(
  s: SecondFolder,
  locale?: string,
): { text: string; problem: boolean } | null {
  if (s.folder === null) return null;
  const last = s.lastCopy;
  if (last === null) return { text: "Nothing copied there yet: the next backup will be.", problem: false };
  if (last.error !== null) {
    return {
      text: `Last copy to ${last.folder} could not be written: ${last.error} — the backup in the main folder is fine.`,
      problem: true,
    };
  }
  return { text: `Last copied ${takenText({ takenAt: last.at }, locale)}.`, problem: false };
}
