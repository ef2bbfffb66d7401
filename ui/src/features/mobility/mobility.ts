// Words and rules for the Network & mobility screen, kept pure for tests. The rule for
// moving an opportunity mirrors `check_move` in src-tauri/mobility/stages.rs: forward only
// (skipping is fine) or to an ending; once accepted or ended it does not move (an ended
// one is reopened instead).
import type { Conversation } from "../../bindings/Conversation";
import type { ConversationKind } from "../../bindings/ConversationKind";
import type { Opportunity } from "../../bindings/Opportunity";
import type { Source } from "../../bindings/Source";
import type { Stage } from "../../bindings/Stage";
import { CONVERSATION_KIND_LABELS } from "../../bindings/CONVERSATION_KIND_LABELS";
import { PERSON_ROLE_LABELS } from "../../bindings/PERSON_ROLE_LABELS";
import { STAGE_LABELS } from "../../bindings/STAGE_LABELS";
import { capitalise, daysBetween, plural } from "../../shared/format";

/** The way forward, in order (Rust's `Stage::PATH`). */
export const PATH: readonly Stage[] = ["spotted", "researching", "talked_to_hiring_manager", "applied", "interviewing", "offer", "accepted"];

/** The three ways an opportunity ends without being accepted. */
export const ENDINGS: readonly Stage[] = ["declined", "not_selected", "withdrawn"];

/** Rust's words (`Stage::label`), capitalised for a heading or a badge. */
export const STAGE_LABEL = capitalised(STAGE_LABELS);

export const KIND_LABEL: Record<ConversationKind, string> = CONVERSATION_KIND_LABELS;

export const SOURCE_LABEL: Record<Source, string> = {
  posting: "A job posting",
  person: "A person",
  event: "An event",
  conversation: "A conversation",
  other: "Somewhere else",
};

export const ROLE_LABEL = capitalised(PERSON_ROLE_LABELS);

function capitalised<K extends string>(labels: Record<K, string>): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(labels).map(([k, v]) => [k, capitalise(v)])) as Record<K, string>;
}

/** Declined, not selected or withdrawn. */
export function isEnding(stage: Stage): boolean {
  return !PATH.includes(stage);
}

/** Nothing more happens: ended, or accepted. */
export function isClosed(stage: Stage): boolean {
  return isEnding(stage) || stage === "accepted";
}

/** Whether Rust's `check_move` lets an opportunity at `from` move to `to`. */
export function canMove(from: Stage, to: Stage): boolean {
  if (from === to || isClosed(from)) return false;
  const f = PATH.indexOf(from);
  const t = PATH.indexOf(to);
  return t < 0 || t > f;
}

/** The stages "Move to…" offers: every later stage, then the endings; none once closed. */
export function movesFrom(stage: Stage): Stage[] {
  return [...PATH, ...ENDINGS].filter((to) => canMove(stage, to));
}

/** Whether "Undo last move" has a change to take back (the first, spotted, is not one). */
export function canUndo(o: Pick<Opportunity, "history">): boolean {
  const last = o.history.at(-1);
  return last !== undefined && last.fromStage !== null;
}

/** True when the text (trimmed, any case) is in the title, team or notes. */
export function matches(o: Pick<Opportunity, "title" | "team" | "notes">, filter: string): boolean {
  const needle = filter.trim().toLocaleLowerCase();
  if (needle === "") return true;
  return [o.title, o.team, o.notes].some((text) => text.toLocaleLowerCase().includes(needle));
}

export type Column = { stage: Stage; items: Opportunity[] };

/** The board: one column per stage on the way (empty ones too), and the ended ones apart,
 *  each keeping the order they came in; both filtered. */
export function board(opportunities: readonly Opportunity[], filter = ""): { columns: Column[]; ended: Opportunity[] } {
  const shown = opportunities.filter((o) => matches(o, filter));
  return {
    columns: PATH.map((stage) => ({ stage, items: shown.filter((o) => o.stage === stage) })),
    ended: shown.filter((o) => isEnding(o.stage)),
  };
}

/** The day an opportunity reached its current stage. */
export function stageSince(o: Pick<Opportunity, "history">): string | null {
  return o.history.at(-1)?.changedOn ?? null;
}

export type Due = "overdue" | "today" | "soon" | "later";

/** How near a date is: past, today, within a week, or later. */
export function dueness(on: string, today: string): Due {
  const days = daysBetween(today, on);
  if (days < 0) return "overdue";
  if (days === 0) return "today";
  return days <= 7 ? "soon" : "later";
}

/** A follow-up still owed: there is one, and it is not ticked off. */
export function followUpOpen(c: Pick<Conversation, "followUp" | "followUpDoneOn">): boolean {
  return c.followUp.trim() !== "" && c.followUpDoneOn === null;
}

/** "Ana Ruiz", "Ana Ruiz and Li Wei", "Ana Ruiz, Li Wei and Sam Okoro"; an unknown id
 *  (a person deleted since) reads "someone". */
export function names(ids: readonly number[], byId: ReadonlyMap<number, string>): string {
  const all = ids.map((id) => byId.get(id) ?? "someone");
  if (all.length <= 1) return all.join("");
  return `${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
}

/** "3 conversations and 1 win", what reached a team this year. */
export function reachSummary(t: { conversations: number; wins: number }): string {
  const parts = [t.conversations > 0 ? plural(t.conversations, "conversation") : "", t.wins > 0 ? plural(t.wins, "win") : ""];
  return parts.filter(Boolean).join(" and ");
}
