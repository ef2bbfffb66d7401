// Which screen is showing, kept in the URL hash so reloads land on the same screen.

export type Screen = "plans" | "focus-areas" | "settings";

export const SCREENS: readonly { id: Screen; label: string; key: string }[] = [
  { id: "plans", label: "Plans", key: "1" },
  { id: "focus-areas", label: "Focus areas", key: "2" },
  { id: "settings", label: "Settings", key: "," },
];

export function screenFromHash(hash: string): Screen {
  const id = hash.replace(/^#\/?/, "");
  return SCREENS.find((s) => s.id === id)?.id ?? "plans";
}

export const route = $state({ screen: screenFromHash(globalThis.location?.hash ?? "") });

export function go(screen: Screen): void {
  route.screen = screen;
  if (globalThis.location) globalThis.location.hash = `#/${screen}`;
}

/** Requests from shortcuts to the screen that owns the action (a counter per action). */
export const requests = $state({ newPlan: 0 });
