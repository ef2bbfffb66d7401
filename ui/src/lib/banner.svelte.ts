// The app-wide message bar: errors that belong to no field, and short notices.
import type { AppError } from "../bindings/AppError";

export const banner = $state({ message: null as string | null, tone: "error" as "error" | "notice", shownAt: 0 });

/** How long a notice stays; errors stay until dismissed or the screen changes. */
const NOTICE_MS = 8000;

export function showBanner(message: string): void {
  banner.message = message;
  banner.tone = "error";
  banner.shownAt = Date.now();
}

export function showError(error: AppError): void {
  showBanner(error.message);
}

/** A success or information message, styled calmly. */
export function showNotice(message: string): void {
  banner.message = message;
  banner.tone = "notice";
  const shownAt = (banner.shownAt = Date.now());
  setTimeout(() => {
    if (banner.shownAt === shownAt) banner.message = null;
  }, NOTICE_MS);
}

/** On moving to another screen: a message from before belongs to the old screen. One
 *  shown a moment ago (by the action that moved) stays. */
export function dismissStale(now = Date.now()): void {
  if (banner.message !== null && now - banner.shownAt > 1000) banner.message = null;
}

export function dismissBanner(): void {
  banner.message = null;
}
