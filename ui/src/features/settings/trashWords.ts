// How an item of the trash reads in the list.
import type { TrashItem } from "../../bindings/TrashItem";
import type { TrashKind } from "../../bindings/TrashKind";

const KIND: Record<TrashKind, string> = {
  plan: "Plan",
  goal: "Goal",
  milestone: "Milestone",
  win: "Win",
  resource: "Resource",
  person: "Person",
  one_on_one: "1:1",
  opportunity: "opportunity",
  conversation: "conversation",
  target_role: "target role",
  expectation: "expectation",
};

export function kindText(kind: TrashKind): string {
  return KIND[kind];
}

/** "Dec 2, 2026, 9:30 AM" in the user's locale and time zone; `deletedAt` is UTC. */
export function deletedText(item: Pick<TrashItem, "deletedAt">, locale?: string, timeZone?: string): string {
  const d = new Date(item.deletedAt);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(d);
}
