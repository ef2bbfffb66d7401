// Which screen is showing, kept in the URL hash so reloads land on the same screen.

export type Screen =
  | "plans"
  | "plan"
  | "review"
  | "learning"
  | "feedback"
  | "person"
  | "wins"
  | "focus-areas"
  | "settings";

/** Screens in the sidebar, with their Ctrl/Cmd shortcut key. */
export const SCREENS: readonly { id: Screen; label: string; key: string }[] = [
  { id: "plans", label: "Plans", key: "1" },
  { id: "learning", label: "Learning", key: "2" },
  { id: "feedback", label: "Feedback", key: "3" },
  { id: "wins", label: "Wins & stories", key: "4" },
  { id: "focus-areas", label: "Focus areas", key: "5" },
  { id: "settings", label: "Settings", key: "," },
];

/** `id` is the plan of "plan" and "review", the person of "person". */
export type Route = { screen: Screen; id: number | null };

export function parseHash(hash: string): Route {
  const [head, raw, tail] = hash.replace(/^#\/?/, "").split("/");
  const id = Number(raw);
  const valid = Number.isInteger(id) && id > 0;
  if (head === "plan" && valid) return { screen: tail === "review" ? "review" : "plan", id };
  if (head === "person" && valid) return { screen: "person", id };
  const screen = SCREENS.find((s) => s.id === head)?.id ?? "plans";
  return { screen, id: null };
}

export function hashOf(route: Route): string {
  if (route.id !== null) {
    if (route.screen === "plan") return `#/plan/${route.id}`;
    if (route.screen === "review") return `#/plan/${route.id}/review`;
    if (route.screen === "person") return `#/person/${route.id}`;
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
  return screen === "person" ? "feedback" : screen;
}

/** Requests from shortcuts to the screen that owns the action (a counter per action). */
export const requests = $state({ newPlan: 0, logWin: 0, winsChanged: 0 });
