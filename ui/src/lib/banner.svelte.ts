// The app-wide message bar: errors that belong to no field, and short notices.
import type { AppError } from "../bindings/AppError";

export const banner = $state({ message: null as string | null, tone: "error" as "error" | "notice" });

export function showBanner(message: string): void {
  banner.message = message;
  banner.tone = "error";
}

export function showError(error: AppError): void {
  showBanner(error.message);
}

/** A success or information message, styled calmly. */
export function showNotice(message: string): void {
  banner.message = message;
  banner.tone = "notice";
}

export function dismissBanner(): void {
  banner.message = null;
}
