// The learning library's lists and phrasing, kept pure for tests.
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { ImportRow } from "../../bindings/ImportRow";
import type { LearningStatus } from "../../bindings/LearningStatus";
import type { OnDuplicate } from "../../bindings/OnDuplicate";
import type { Resource } from "../../bindings/Resource";
import type { ResourceKind } from "../../bindings/ResourceKind";
import type { Unit } from "../../bindings/Unit";
import { formatNumber } from "../../shared/format";

export const KINDS: ResourceKind[] = ["course", "book", "certification", "workshop", "article", "video", "podcast", "conference"];
export const UNITS: Unit[] = ["lessons", "hours", "pages", "chapters"];
export const LEARNING_STATUS: Record<LearningStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  completed: "Completed",
  dropped: "Dropped",
};

/** "3 of 12 lessons", "14 hours", or "" when nothing is known. */
export function amountText(r: Pick<Resource, "unitsDone" | "totalUnits" | "unit">): string {
  if (r.totalUnits !== null) return `${formatNumber(r.unitsDone)} of ${formatNumber(r.totalUnits)} ${r.unit}`;
  return r.unitsDone > 0 ? `${formatNumber(r.unitsDone)} ${r.unit}` : "";
}

/** "1 h 35 min", "45 min". */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Why an import row is a duplicate, or "" when it is not. */
export function duplicateNote(r: Pick<ImportRow, "duplicateOf" | "duplicateOfRow">): string {
  if (r.duplicateOf !== null) return "already in library";
  if (r.duplicateOfRow !== null) return `same as row ${r.duplicateOfRow}`;
  return "";
}

/** How many rows an import writes: duplicates are left out when skipped, folded in when merged. */
export function rowsToImport(p: Pick<ImportPreview, "totalRows" | "duplicates">, onDuplicate: OnDuplicate): number {
  return p.totalRows - (onDuplicate === "skip" ? p.duplicates : 0);
}

/** What the preview left out of its table: the clean rows past the first ones, and problem rows past the cap. */
export function leftOut(p: Pick<ImportPreview, "totalRows" | "withProblems"> & { rows: Pick<ImportRow, "problems">[] }): {
  rows: number;
  problems: number;
} {
  const problemsShown = p.rows.filter((r) => r.problems.length > 0).length;
  return { rows: p.totalRows - p.rows.length, problems: p.withProblems - problemsShown };
}
