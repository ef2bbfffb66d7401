// The learning library's lists and phrasing, kept pure for tests.
import type { LearningStatus } from "../../bindings/LearningStatus";
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
