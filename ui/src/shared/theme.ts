import type { Theme } from "../bindings/Theme";

const dark = () => globalThis.matchMedia?.("(prefers-color-scheme: dark)");
let following: MediaQueryList | undefined;

function paint(isDark: boolean): void {
  document.documentElement.dataset.theme = isDark ? "dark" : "light";
}

const onSystemChange = (e: MediaQueryListEvent) => paint(e.matches);

/** Applies the chosen theme; "system" follows the OS and keeps following it. */
export function applyTheme(theme: Theme): void {
  following?.removeEventListener("change", onSystemChange);
  following = undefined;
  if (theme === "system") {
    following = dark();
    paint(following?.matches ?? false);
    following?.addEventListener("change", onSystemChange);
  } else {
    paint(theme === "dark");
  }
}
