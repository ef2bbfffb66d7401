// The promotion packet's pure helpers: the range presets (quarters, halves and years
// counted from the fiscal year's first month), moving items, keeping the user's edits
// when the range changes, and the draft sent back to Rust.
import type { Packet } from "../../bindings/Packet";
import type { PacketDraft } from "../../bindings/PacketDraft";
import type { PacketItem } from "../../bindings/PacketItem";
import type { PacketSection } from "../../bindings/PacketSection";

export type PresetId = "this-quarter" | "last-quarter" | "this-half" | "this-year" | "last-12-months" | "custom";

export type Preset = { id: PresetId; label: string; from: string; to: string };

type Ymd = { y: number; m: number; d: number };

function parse(iso: string): Ymd {
  const [y, m, d] = iso.split("-").map(Number);
  return { y: y ?? 1970, m: m ?? 1, d: d ?? 1 };
}

function iso(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.toISOString().slice(0, 10);
}

/** The first day of the period of `months` months, counted from the fiscal start, holding `day`, shifted by `shift` periods. */
function periodStart(day: Ymd, fiscalStart: number, months: number, shift: number): Ymd {
  const sinceStart = (((day.m - fiscalStart) % 12) + 12) % 12;
  const firstMonth = day.m - (sinceStart % months) + shift * months;
  const date = new Date(Date.UTC(day.y, firstMonth - 1, 1));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: 1 };
}

function period(today: string, fiscalStart: number, months: number, shift = 0): { from: string; to: string } {
  const start = periodStart(parse(today), fiscalStart, months, shift);
  return { from: iso(start.y, start.m, 1), to: iso(start.y, start.m + months, 0) };
}

/** The presets for `today`, with the fiscal year starting in month `fiscalStart` (1 = January). */
export function presets(today: string, fiscalStart: number): Preset[] {
  const start = Number.isInteger(fiscalStart) && fiscalStart >= 1 && fiscalStart <= 12 ? fiscalStart : 1;
  const t = parse(today);
  return [
    { id: "this-quarter", label: "This quarter", ...period(today, start, 3) },
    { id: "last-quarter", label: "Last quarter", ...period(today, start, 3, -1) },
    { id: "this-half", label: "This half", ...period(today, start, 6) },
    { id: "this-year", label: "This year", ...period(today, start, 12) },
    { id: "last-12-months", label: "Last 12 months", from: iso(t.y - 1, t.m, t.d + 1), to: today },
  ];
}

/** The list with the item at `index` moved one place up (-1) or down (1); unchanged at an end. */
export function moved<T>(list: T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Alt+ArrowUp / Alt+ArrowDown as a move; anything else is not one. */
export function moveKey(event: Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey" | "shiftKey">): -1 | 1 | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.key === "ArrowUp") return -1;
  if (event.key === "ArrowDown") return 1;
  return null;
}

/**
 * The packet's sections with what the user already did kept: an item offered again (the
 * same key) keeps its wording and whether it is in, and the user's order comes first;
 * new items follow in the packet's order.
 */
export function withEdits(fresh: PacketSection[], before: PacketSection[] | null): PacketSection[] {
  if (!before) return fresh;
  return fresh.map((section) => {
    const old = before.find((s) => s.kind === section.kind);
    if (!old) return section;
    const offered = new Map(section.items.map((i) => [i.key, i]));
    const kept: PacketItem[] = old.items.filter((i) => offered.has(i.key)).map((i) => ({ ...offered.get(i.key)!, text: i.text, detail: i.detail, included: i.included }));
    const keys = new Set(kept.map((i) => i.key));
    return { ...section, items: [...kept, ...section.items.filter((i) => !keys.has(i.key))] };
  });
}

/** What Rust renders: the title, the range, the role, and every section as it stands. */
export function draftOf(packet: Packet, title: string, sections: PacketSection[]): PacketDraft {
  return {
    title,
    from: packet.from,
    to: packet.to,
    roleName: packet.roleName,
    sections: sections.map((s) => ({ kind: s.kind, items: s.items })),
  };
}

/** How many items are in, of how many. */
export function includedCount(sections: PacketSection[]): { included: number; total: number } {
  const items = sections.flatMap((s) => s.items);
  return { included: items.filter((i) => i.included).length, total: items.length };
}

/** The range's error, checked before asking Rust (which checks it again). */
export function rangeError(from: string, to: string): { field: "from" | "to"; message: string } | null {
  const shape = /^\d{4}-\d{2}-\d{2}$/;
  if (!shape.test(from)) return { field: "from", message: "Enter a date as YYYY-MM-DD." };
  if (!shape.test(to)) return { field: "to", message: "Enter a date as YYYY-MM-DD." };
  if (to < from) return { field: "to", message: "The range ends before it starts." };
  return null;
}
