// Which screen is showing, kept in the URL hash so reloads land on the same screen.

export type Screen = "plans" | "plan" | "review" | "learning" | "wins" | "focus-areas" | "settings";

/** Screens in the sidebar, with their Ctrl/Cmd shortcut key. */
export const SCREENS: readonly { id: Screen; label: string; key: string }[] = [
  { id: "plans", label: "Plans", key: "1" },
  { id: "learning", label: "Learning", key: "2" },
  { id: "wins", label: "Wins & stories", key: "3" },
  { id: "focus-areas", label: "Focus areas", key: "4" },
  { id: "settings", label: "Settings", key: "," },
];

export type Route = { screen: Screen; planId: number | null };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/");
  const [head, id, tail] = parts;
  const planId = Number(id);
  if (head === "plan" && Number.isInteger(planId) && planId > 0) {
    return { screen: tail === "review" ? "review" : "plan", planId };
  }
  const screen = SCREENS.find((s) => s.id === head)?.id ?? "plans";
  return { screen, planId: null };
}

export function hashOf(route: Route): string {
  if (route.planId !== null && (route.screen === "plan" || route.screen === "review")) {
    return `#/plan/${route.planId}${route.screen === "review" ? "/review" : ""}`;
  }
  return `#/${route.screen}`;
}

export const route: Route = $state(parseHash(globalThis.location?.hash ?? ""));

export function go(screen: Screen, planId: number | null = null): void {
  route.screen = screen;
  route.planId = planId;
  if (globalThis.location) globalThis.location.hash = hashOf({ screen, planId });
}

/** The sidebar entry a screen belongs to. */
export function sectionOf(screen: Screen): Screen {
  return screen === "plan" || screen === "review" ? "plans" : screen;
}

/** Requests from shortcuts to the screen that owns the action (a counter per action). */
export const requests = $state({ newPlan: 0, logWin: 0, winsChanged: 0 });
