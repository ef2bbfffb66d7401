// Where an error goes: next to the field it is about, or to the banner.
import type { AppError } from "../bindings/AppError";
import type { ErrorKind } from "../bindings/ErrorKind";
import { showError } from "./banner.svelte";

const KINDS: readonly ErrorKind[] = ["invalid", "not_found", "conflict", "database", "io", "internal"];

function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.kind === "string" &&
    (KINDS as readonly string[]).includes(v.kind) &&
    typeof v.message === "string" &&
    (v.field === null || typeof v.field === "string")
  );
}

// Tauri's own text for an argument it could not read: "invalid args `planId` for command
// `plan_detail`: invalid type: …". Rust checks every argument first and answers with an
// AppError, so this is a second line, should an argument ever slip past that check.
const TAURI_INVALID_ARGS = /^invalid args `([^`]+)` for command `[^`]+`: ([\s\S]*)$/;

/**
 * Whatever a failed call threw, as an AppError. Tauri's own refusals arrive as strings:
 * an argument it could not read becomes `invalid` for that argument (named as the UI
 * passes it, camelCase); anything else (an unknown command, a permission denied, a
 * payload that is not JSON) becomes `internal`.
 */
export function toAppError(raw: unknown): AppError {
  if (isAppError(raw)) return raw;
  const message = raw instanceof Error ? raw.message : typeof raw === "string" ? raw : "Something went wrong.";
  const [, field, detail] = TAURI_INVALID_ARGS.exec(message) ?? [];
  if (field !== undefined && detail !== undefined) {
    const reason = detail.replace(/ at line \d+ column \d+$/, "").replace(/\.$/, "");
    return { kind: "invalid", message: `Unexpected input: ${reason}.`, field };
  }
  return { kind: "internal", message, field: null };
}

/**
 * Splits an error between the form's fields and the banner: an error about a field the
 * form shows goes next to that field; anything else goes to the banner.
 */
export function routeError(
  error: AppError,
  formFields: readonly string[],
): { fields: Record<string, string>; banner: string | null } {
  if (error.field !== null && formFields.includes(error.field)) {
    return { fields: { [error.field]: error.message }, banner: null };
  }
  return { fields: {}, banner: error.message };
}

/** `routeError` for a form's `errors` record: field messages, or the banner's under "form". */
export function formErrors(error: AppError, formFields: readonly string[]): Record<string, string> {
  const routed = routeError(error, formFields);
  return routed.banner ? { form: routed.banner } : routed.fields;
}

/**
 * Runs `action` and resolves to its value. When it fails, the banner says why, `failed` (if
 * given) runs, and the result is undefined: for the actions whose errors belong to no field.
 */
export async function attempt<T>(action: () => T | Promise<T>, failed?: () => void): Promise<T | undefined> {
  try {
    return await action();
  } catch (raw) {
    showError(toAppError(raw));
    failed?.();
    return undefined;
  }
}
