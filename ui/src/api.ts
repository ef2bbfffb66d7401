// The only module that talks to Rust. Every command has a typed wrapper here; errors
// always reject with an AppError so callers can route them to a field or the banner.
import { invoke } from "@tauri-apps/api/core";
import type { AppError } from "./bindings/AppError";
import type { AppInfo } from "./bindings/AppInfo";
import type { FocusArea } from "./bindings/FocusArea";
import type { Plan } from "./bindings/Plan";
import type { PlanDefaults } from "./bindings/PlanDefaults";
import type { PlanInput } from "./bindings/PlanInput";
import type { PlanStatus } from "./bindings/PlanStatus";
import type { Principle } from "./bindings/Principle";
import type { Settings } from "./bindings/Settings";
import type { SettingsInput } from "./bindings/SettingsInput";
import { toAppError } from "./lib/errors";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toAppError(raw) satisfies AppError;
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  getSettings: () => call<Settings>("get_settings"),
  updateSettings: (input: SettingsInput) => call<Settings>("update_settings", { input }),

  listFocusAreas: () => call<FocusArea[]>("list_focus_areas"),
  listPrinciples: (includeRetired = false) =>
    call<Principle[]>("list_principles", { includeRetired }),

  planDefaults: () => call<PlanDefaults>("plan_defaults"),
  listPlans: () => call<Plan[]>("list_plans"),
  createPlan: (input: PlanInput) => call<Plan>("create_plan", { input }),
  updatePlan: (id: number, input: PlanInput) => call<Plan>("update_plan", { id, input }),
  setPlanStatus: (id: number, status: PlanStatus) =>
    call<Plan>("set_plan_status", { id, status }),
  deletePlan: (id: number) => call<void>("delete_plan", { id }),
};
