// Which screen is showing, kept in the URL hash so reloads land on the same screen. Every
// feature navigates through here, so it sits in shared/, below the features, and not in the
// shell (app/) that shows them.

export type Screen =
  | "dashboard"
  | "plans"
  | "plan"
  | "review"
  | "learning"
  | "feedback"
  | "person"
  | "one-on-ones"
  | "one-on-one"
  | "wins"
  | "focus-areas"
  | "network"
  | "readiness"
  | "settings";

/** Screens in the sidebar, with their Ctrl/Cmd shortcut key. */
export const SCREENS: readonly { id: Screen; label: string; key: string }[] = [
  { id: "dashboard", label: "Dashboard", key: "1" },
  { id: "plans", label: "Plans", key: "2" },
  { id: "learning", label: "Learning", key: "3" },
  { id: "feedback", label: "Feedback", key: "4" },
  { id: "one-on-ones", label: "1:1s", key: "5" },
  { id: "wins", label: "Wins & stories", key: "6" },
  { id: "focus-areas", label: "Focus areas", key: "7" },
  { id: "network", label: "Network", key: "8" },
  { id: "readiness", label: "Next role", key: "9" },
  { id: "settings", label: "Settings", key: "," },
];

/**
 * `id` is the plan of "plan" and "review", the person of "person", the meeting of
 * "one-on-one", and the target role of "readiness" (none: the current one).
 */
export type Route = { screen: Screen; id: number | null };

export function parseHash(hash: string): Route {
  const [head, raw, tail] = hash.replace(/^#\/?/, "").split("/");
  const id = Number(raw);
  const valid = Number.isInteger(id) && id > 0;
  if (head === "plan" && valid) return { screen: tail === "review" ? "review" : "plan", id };
  if (head === "person" && valid) return { screen: "person", id };
  if (head === "one-on-one" && valid) return { screen: "one-on-one", id };
  if (head === "readiness" && valid) return { screen: "readiness", id };
  const screen = SCREENS.find((s) => s.id === head)?.id ?? "dashboard";
  return { screen, id: null };
}

export function hashOf(route: Route): string {
  if (route.id !== null) {
    if (route.screen === "plan") return `#/plan/${route.id}`;
    if (route.screen === "review") return `#/plan/${route.id}/review`;
    if (route.screen === "person") return `#/person/${route.id}`;
    if (route.screen === "one-on-one") return `#/one-on-one/${route.id}`;
    if (route.screen === "readiness") return `#/readiness/${route.id}`;
  }
  return `#/${route.screen}`;
}

export const route: Route = $state(parseHash(globalThis.location?.hash ?? ""));

export function go(screen: Screen, id: number | null = null): void {
  route.screen = screen;
  route.id = id;
  if (globalThis.location) globalThis.location.hash = hashOf({ screen, id });
}

/** The sidebar entry a screen belongs to. */
export function sectionOf(screen: Screen): Screen {
  if (screen === "plan" || screen === "review") return "plans";
  if (screen === "one-on-one") return "one-on-ones";
  return screen === "person" ? "feedback" : screen;
}

/** An item to open on arrival: the screen takes it (once) when it mounts. */
export type Focus = {
  goal?: number;
  resource?: number;
  win?: number;
  opportunity?: number;
  conversation?: number;
  expectation?: number;
};
export const focus: Focus = $state({});

/** Goes to a screen and opens one of its items there. */
export function open(screen: Screen, id: number | null, item: Focus = {}): void {
  focus.goal = item.goal;
  focus.resource = item.resource;
  focus.win = item.win;
  focus.opportunity = item.opportunity;
  focus.conversation = item.conversation;
  focus.expectation = item.expectation;
  go(screen, id);
}

/** Takes the item waiting for this screen, if any. */
export function takeFocus(kind: keyof Focus): number | undefined {
  const id = focus[kind];
  focus[kind] = undefined;
  return id;
}
