// How a backup reads in the list: when, why, how big.
import type { Backup } from "../../bindings/Backup";

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
