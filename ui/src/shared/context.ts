// Lookups several forms need: the active plan's goals, people, focus areas.
import { api } from "../api";
import type { FocusArea } from "../bindings/FocusArea";
import type { Goal } from "../bindings/Goal";
import type { Person } from "../bindings/Person";

export type FormContext = { planId: number | null; goals: Goal[]; people: Person[]; areas: FocusArea[] };

/** The active plan and its goals, which forms offer to link to (none without one). */
export async function activeGoals(): Promise<{ planId: number | null; goals: Goal[] }> {
  const active = (await api.listPlans()).find((p) => p.status === "active");
  const goals = active ? (await api.planDetail(active.id)).areas.flatMap((a) => a.goals) : [];
  return { planId: active?.id ?? null, goals };
}

export async function formContext(): Promise<FormContext> {
  const [plan, people, areas] = await Promise.all([activeGoals(), api.listPeople(), api.listFocusAreas()]);
  return { ...plan, people, areas };
}
