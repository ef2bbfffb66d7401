// The app-wide message bar for errors that belong to no field.
import type { AppError } from "../bindings/AppError";

export const banner = $state({ message: null as string | null });

export function showBanner(message: string): void {
  banner.message = message;
}

export function showError(error: AppError): void {
  banner.message = error.message;
}

export function dismissBanner(): void {
  banner.message = null;
}
