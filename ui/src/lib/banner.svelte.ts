// The app-wide message bar: errors that belong to no field, and short notices.
import type { AppError } from "../bindings/AppError";

/** A button a notice can offer, such as Undo; it is used once and then gone. */
export type NoticeAction = { label: string; run: () => unknown };

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

function show(message: string, tone: "error" | "notice", action: NoticeAction | null): number {
  banner.message = message;
  banner.tone = tone;
  banner.action = action;
  return (banner.shownAt = Date.now());
}

export function showBanner(message: string): void {
  show(message, "error", null);
}

export function showError(error: AppError): void {
  showBanner(error.message);
}

/** A success or information message, styled calmly, optionally with one action. */
export function showNotice(message: string, action: NoticeAction | null = null): void {
  const shownAt = show(message, "notice", action);
  setTimeout(
    () => {
      if (banner.shownAt === shownAt) dismissBanner();
    },
    action ? ACTION_MS : NOTICE_MS,
  );
}

/** Runs the notice's action once; the notice goes first so a second click does nothing. */
export async function runBannerAction(): Promise<void> {
  const action = banner.action;
  if (!action) return;
  dismissBanner();
  await action.run();
}

/** On moving to another screen: a message from before belongs to the old screen. One
 *  shown a moment ago (by the action that moved) stays. */
export function dismissStale(now = Date.now()): void {
  if (banner.message !== null && now - banner.shownAt > 1000) dismissBanner();
}

export function dismissBanner(): void {
  banner.message = null;
  banner.action = null;
}
