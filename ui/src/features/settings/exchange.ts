// Words for the export and import of everything: what a report says it will do, and
// what an export or import did.
import type { Counts } from "../../bindings/Counts";
import type { ExportSaved } from "../../bindings/ExportSaved";
import type { ImportReport } from "../../bindings/ImportReport";
import { plural } from "../../shared/format";
import { sizeText } from "./backups";

/** Something the import would write: a record added, updated or deleted. */
export function writesAnything(c: Counts): boolean {
  return c.added + c.updated + c.deleted > 0;
}

export function modeText(report: ImportReport): string {
  return report.mode === "replace"
    ? "This computer holds nothing of yours yet, so everything in the file comes in as it is."
    : "This computer has records of its own: for each record in both, the newer version is kept.";
}

/** "1,204 added, 3 updated, 1 deleted, 870 unchanged" — only the parts that are not zero. */
export function countsText(c: Counts): string {
  const parts: [number, string][] = [
    [c.added, "added"],
    [c.updated, "updated"],
    [c.deleted, "deleted (into the trash)"],
    [c.unchanged, "unchanged"],
    [c.skipped, "left out"],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, w]) => `${n.toLocaleString("en-US")} ${w}`);
  return said.length ? said.join(", ") : "nothing";
}

export function importedText(report: ImportReport): string {
  const c = report.totals;
  if (!writesAnything(c)) return "Nothing to import: everything in the file was already here.";
  const conflicts = c.conflicts ? `; ${plural(c.conflicts, "conflict")} settled as the preview said` : "";
  return `Imported: ${countsText(c)}${conflicts}. Your data from before is kept as a backup.`;
}

export function exportedText(saved: ExportSaved): string {
  const deletions = saved.tombstones ? ` and ${plural(saved.tombstones, "deletion")}` : "";
  return `Exported ${saved.records.toLocaleString("en-US")} records${deletions} (${sizeText(saved.bytes)}) to ${saved.path}.`;
}
