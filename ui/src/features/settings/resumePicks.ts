// The résumé preview's logic: what starts ticked, moving a candidate up or down (with the
// buttons or Alt+↑/↓), the choice sent to Rust, and the summary after saving.
import type { ResumeChoice } from "../../bindings/ResumeChoice";
import type { ResumeDraft } from "../../bindings/ResumeDraft";
import type { ResumeSaved } from "../../bindings/ResumeSaved";
import { plural } from "../../shared/format";

export type Section = "wins" | "skills" | "certificates" | "projects";
export const SECTIONS: readonly Section[] = ["wins", "skills", "certificates", "projects"];

/** One candidate in the preview: which it is, and whether it goes in. */
export type Candidate = { uid: string; on: boolean };
export type Picks = Record<Section, Candidate[]>;

/** How many of each start ticked. A résumé names a handful of achievements, not a log. */
export const TICKED = { wins: 5, certificates: 5, projects: 3 } as const;

/** Ticked first, each group in the order given (the draft's: newest first). */
function tickedFirst(uids: string[], ticked: Set<string>): Candidate[] {
  const on = uids.filter((u) => ticked.has(u)).map((uid) => ({ uid, on: true }));
  const off = uids.filter((u) => !ticked.has(u)).map((uid) => ({ uid, on: false }));
  return [...on, ...off];
}

/** The newest wins with numbers are ticked, one per title (a win logged again each
 *  quarter reads as one line); every skill group; the newest certificates and projects. */
export function initialPicks(draft: ResumeDraft): Picks {
  const titles = new Set<string>();
  const wins = new Set<string>();
  for (const w of draft.wins) {
    if (wins.size === TICKED.wins) break;
    const title = w.title.trim().toLowerCase();
    if (w.impact === null || titles.has(title)) continue;
    titles.add(title);
    wins.add(w.uid);
  }
  const first = (uids: string[], n: number) => new Set(uids.slice(0, n));
  const certificates = draft.certificates.map((c) => c.uid);
  const projects = draft.projects.map((p) => p.uid);
  return {
    wins: tickedFirst(
      draft.wins.map((w) => w.uid),
      wins,
    ),
    skills: draft.skills.map((s) => ({ uid: s.uid, on: true })),
    certificates: tickedFirst(certificates, first(certificates, TICKED.certificates)),
    projects: tickedFirst(projects, first(projects, TICKED.projects)),
  };
}

/** The list with the item at `index` moved one place up (-1) or down (1); the same list
 *  when it is already at that end. */
export function moved(list: Candidate[], index: number, delta: -1 | 1): Candidate[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item!);
  return next;
}

export function toggled(list: Candidate[], uid: string): Candidate[] {
  return list.map((p) => (p.uid === uid ? { ...p, on: !p.on } : p));
}

/** Alt+↑ moves the focused candidate up, Alt+↓ down; other keys do nothing. */
export function moveKey(event: Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey" | "shiftKey">): -1 | 1 | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.key === "ArrowUp") return -1;
  if (event.key === "ArrowDown") return 1;
  return null;
}

/** What goes in: the ticked uids of each section, in the order shown. */
export function choiceOf(picks: Picks): ResumeChoice {
  const on = (list: Candidate[]) => list.filter((p) => p.on).map((p) => p.uid);
  return { wins: on(picks.wins), skills: on(picks.skills), certificates: on(picks.certificates), projects: on(picks.projects) };
}

/** "5 highlights, 4 skill groups, 1 certificate", leaving out what has none. */
export function countsText(c: { highlights: number; skillGroups: number; certificates: number; projects: number }): string {
  const parts = [
    c.highlights && plural(c.highlights, "highlight"),
    c.skillGroups && plural(c.skillGroups, "skill group"),
    c.certificates && plural(c.certificates, "certificate"),
    c.projects && plural(c.projects, "project"),
  ].filter((p): p is string => Boolean(p));
  return parts.join(", ");
}

/** "Saved resume.json with 5 highlights, 4 skill groups, 1 certificate." */
export function savedText(saved: ResumeSaved): string {
  const counts = countsText(saved.counts);
  return counts ? `Saved ${saved.fileName} with ${counts}.` : `Saved ${saved.fileName} with your profile only.`;
}

/** The counts a choice would export, for the preview's footer. */
export function chosenCounts(picks: Picks) {
  const c = choiceOf(picks);
  return { highlights: c.wins.length, skillGroups: c.skills.length, certificates: c.certificates.length, projects: c.projects.length };
}

/** True when the draft offers nothing to pick. */
export function nothingYet(draft: ResumeDraft): boolean {
  return SECTIONS.every((s) => draft[s].length === 0);
}
