// The app-wide message bar: errors that belong to no field, and short notices.
import type { AppError } from "../bindings/AppError";

/** A button a notice can offer; it is used once and then gone. `undo` marks the one that
 *  Ctrl+Z may run too. */
export type NoticeAction = { label: string; run: () => unknown; undo?: boolean };

export const banner = $state({
  message: null as string | null,
  tone: "error" as "error" | "notice",
  action: null as NoticeAction | null,
  shownAt: 0,
});

/** How long a notice stays; errors stay until dismissed or the screen changes. A notice
 *  with an action stays longer, to leave time to use it. */
const NOTICE_MS = 8000;
const ACTION_MS = 12000;

let timer: ReturnType<typeof setTimeout> | undefined;
let held = false;

function startTimer(): void {
  clearTimeout(timer);
  timer = undefined;
  if (banner.tone !== "notice" || banner.message === null || held) return;
  const shownAt = banner.shownAt;
  timer = setTimeout(
    () => {
      if (banner.shownAt === shownAt) dismissBanner();
    },
    banner.action ? ACTION_MS : NOTICE_MS,
  );
}

function show(message: string, tone: "error" | "notice", action: NoticeAction | null): void {
  banner.message = message;
  banner.tone = tone;
  banner.action = action;
  banner.shownAt = Date.now();
  startTimer();
}

export function showBanner(message: string): void {
  show(message, "error", null);
}

export function showError(error: AppError): void {
  showBanner(error.message);
}

/** A success or information message, styled calmly, optionally with one action. */
export function showNotice(message: string, action: NoticeAction | null = null): void {
  show(message, "notice", action);
}

/** While the pointer or the keyboard focus is on the message it does not time out. */
export function holdBanner(): void {
  held = true;
  clearTimeout(timer);
  timer = undefined;
}

export function releaseBanner(): void {
  held = false;
  startTimer();
}

/** Runs the notice's action once; the notice goes first so a second click does nothing.
 *  With `undoOnly` (Ctrl+Z) only an undo runs. */
export async function runBannerAction(undoOnly = false): Promise<void> {
  const action = banner.action;
  if (!action || (undoOnly && !action.undo)) return;
  dismissBanner();
  await action.run();
}

/** On moving to another screen: a message from before belongs to the old screen. One
 *  shown a moment ago (by the action that moved) stays. */
export function dismissStale(now = Date.now()): void {
  if (banner.message !== null && now - banner.shownAt > 1000) dismissBanner();
}

export function dismissBanner(): void {
  clearTimeout(timer);
  timer = undefined;
  held = false;
  banner.message = null;
  banner.action = null;
}
