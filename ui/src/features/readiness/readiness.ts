// How readiness reads on screen: which ratings count as met, the expectations grouped by
// area and competency for the list and the picture, and the quarter bars of the chart.
// Pure, so it is tested without a DOM.
import type { Evidence } from "../../bindings/Evidence";
import type { Expectation } from "../../bindings/Expectation";
import type { EntityRef } from "../../shared/destinations";
import type { QuarterPoint } from "../../bindings/QuarterPoint";
import type { Rating } from "../../bindings/Rating";
import type { TargetRole } from "../../bindings/TargetRole";

export const RATINGS: readonly Rating[] = ["not_yet", "partly", "consistently", "beyond"];

/** The wording of each rating as the user picks it. */
export const RATING_CHOICE: Record<Rating, string> = {
  not_yet: "Not yet",
  partly: "Partly",
  consistently: "Consistently",
  beyond: "Beyond",
};

/** Met means rated consistently or beyond, as the readiness share counts it in Rust. */
export function isMet(rating: Rating | null): boolean {
  return rating === "consistently" || rating === "beyond";
}

/** The class that colours an expectation by its rating ("unrated" when it has none). */
export function ratingClass(rating: Rating | null): string {
  return rating === null ? "unrated" : rating.replace("_", "-");
}

export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

export function roleName(role: Pick<TargetRole, "title" | "level">): string {
  return role.level ? `${role.title}, ${role.level}` : role.title;
}

export type CompetencyGroup = { competency: string; expectations: Expectation[] };
export type AreaGroup = { focusAreaId: number; name: string; competencies: CompetencyGroup[] };

/**
 * The expectations by focus area (in the order `areas` gives) and, within one, by
 * competency in the order each first appears; areas with none are left out.
 */
export function groupByArea(expectations: readonly Expectation[], areas: readonly { id: number; name: string }[]): AreaGroup[] {
  const out: AreaGroup[] = [];
  for (const area of areas) {
    const mine = expectations.filter((e) => e.focusAreaId === area.id);
    if (mine.length === 0) continue;
    const competencies: CompetencyGroup[] = [];
    for (const e of mine) {
      const group = competencies.find((c) => c.competency === e.competency);
      if (group) group.expectations.push(e);
      else competencies.push({ competency: e.competency, expectations: [e] });
    }
    out.push({ focusAreaId: area.id, name: area.name, competencies });
  }
  return out;
}

export type Bar = { label: string; share: number; x: number; width: number; height: number; now: boolean };

/**
 * Bars for the readiness at each past quarter end and today's, oldest first, at most
 * `most` of them (the newest), scaled into a chart `height` pixels tall and `width` wide.
 */
export function quarterBars(points: readonly QuarterPoint[], today: { share: number } | null, width: number, height: number, most = 8): Bar[] {
  const shown = points.slice(-(today ? most - 1 : most));
  const all = [...shown.map((p) => ({ label: p.label, share: p.share, now: false })), ...(today ? [{ label: "Now", share: today.share, now: true }] : [])];
  if (all.length === 0) return [];
  const slot = width / all.length;
  const barWidth = Math.min(44, slot * 0.62);
  return all.map((b, i) => ({
    ...b,
    x: i * slot + (slot - barWidth) / 2,
    width: barWidth,
    height: Math.max(b.share > 0 ? 2 : 0, Math.round(b.share * height)),
  }));
}

/** How readiness today compares with the last quarter end. */
export function movedWords(points: readonly QuarterPoint[], share: number): string {
  const last = points[points.length - 1];
  if (!last) return "No quarter has ended since you started rating.";
  const diff = Math.round((share - last.share) * 100);
  if (diff === 0) return `The same as at the end of ${last.label}.`;
  return `${diff > 0 ? "Up" : "Down"} ${Math.abs(diff)} points since the end of ${last.label}.`;
}

/**
 * Where a piece of evidence opens: a win or a STAR story on its win, a goal in its plan,
 * feedback on its person's page, a course or a conversation on its own screen.
 */
export function evidenceRef(v: Evidence): EntityRef {
  switch (v.kind) {
    case "win":
    case "story":
      return { kind: "achievement", id: v.winId ?? v.recordId };
    case "goal":
      return { kind: "goal", id: v.recordId, planId: v.planId, goalId: v.recordId };
    case "feedback":
      return { kind: "feedback_received", id: v.recordId, personId: v.personId };
    case "resource":
      return { kind: "resource", id: v.recordId };
    case "conversation":
      return { kind: "conversation", id: v.recordId };
  }
}
