// Change notifications between screens: a part of the window that changed some data says
// so here, and a screen that shows that data loads it again. (A win logged with W from any
// screen reloads the dashboard and the wins list when they are showing; a conversation
// logged with C reloads the network screen, the dashboard and a person's page.)

const counts = $state({ wins: 0, conversations: 0 });

/** The kinds of data a screen can be told about. */
export type Change = keyof typeof counts;

/** Says that data of this kind changed. */
export function changed(what: Change): void {
  counts[what] += 1;
}

/** How many changes of this kind there have been. Read inside an `$effect`, it makes the
 *  effect run again after each `changed(what)`. */
export function changes(what: Change): number {
  return counts[what];
}
