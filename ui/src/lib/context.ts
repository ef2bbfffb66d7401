// Lookups several forms need: the active plan's goals, people, focus areas.
import { api } from "../api";
import type { FocusArea } from "../bindings/FocusArea";
import type { Goal } from "../bindings/Goal";
import type { Person } from "../bindings/Person";

export type FormContext = { planId: number | null; goals: Goal[]; people: Person[]; areas: FocusArea[] };

export async function formContext(): Promise<FormContext> {
  const [plans, people, areas] = await Promise.all([api.listPlans(), api.listPeople(), api.listFocusAreas()]);
  const active = plans.find((p) => p.status === "active");
  const goals = active ? (await api.planDetail(active.id)).areas.flatMap((a) => a.goals) : [];
  return { planId: active?.id ?? null, goals, people, areas };
}
