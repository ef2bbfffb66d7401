import { describe, expect, it } from "vitest";
import type { CalendarSaved } from "../../bindings/CalendarSaved";
import type { Plan } from "../../bindings/Plan";
import { exportablePlans, savedSummary } from "./calendar";

const none = { milestones: 0, goals: 0, oneOnOnes: 0, feedback: 0, actionItems: 0, catchUps: 0, followUps: 0, nextSteps: 0 };

function saved(counts: Partial<CalendarSaved["counts"]>, planTitle: string | null = null): CalendarSaved {
  const all = { ...none, ...counts };
  const total = Object.values(all).reduce((a, b) => a + b, 0);
  return { path: "/home/ana/ladder-calendar.ics", planTitle, total, counts: all };
}

describe("the calendar export's words", () => {
  it("counts every kind it saved, in the order the card lists them", () => {
    expect(savedSummary(saved({ milestones: 12, goals: 3, oneOnOnes: 8, feedback: 5, actionItems: 4, catchUps: 6 }))).toBe(
      "Saved 38 events to /home/ana/ladder-calendar.ics: 12 milestones, 3 goal due dates, 8 1:1s, 5 feedback requests, 4 action items and 6 catch-ups.",
    );
  });

  it("leaves out kinds it had none of and says one of a kind in the singular", () => {
    expect(savedSummary(saved({ milestones: 1, catchUps: 1 }))).toBe(
      "Saved 2 events to /home/ana/ladder-calendar.ics: 1 milestone and 1 catch-up.",
    );
    expect(savedSummary(saved({ goals: 1 }))).toBe("Saved 1 event to /home/ana/ladder-calendar.ics: 1 goal due date.");
    expect(savedSummary(saved({ followUps: 2, nextSteps: 1 }))).toBe(
      "Saved 3 events to /home/ana/ladder-calendar.ics: 2 follow-ups and 1 opportunity next step.",
    );
  });

  it("says why a calendar is empty", () => {
    expect(savedSummary(saved({}))).toBe(
      "Saved an empty calendar to /home/ana/ladder-calendar.ics. Nothing in Ladder has a date yet.",
    );
    expect(savedSummary(saved({}, "Q4 2026"))).toBe(
      "Saved an empty calendar to /home/ana/ladder-calendar.ics. Nothing in “Q4 2026” has a due date yet.",
    );
  });

  it("offers only plans that are not closed", () => {
    const plan = (id: number, status: Plan["status"]): Plan => ({
      id,
      title: `Plan ${id}`,
      intent: "",
      startsOn: "2026-10-01",
      endsOn: "2026-12-31",
      status,
      closedOn: null,
      createdAt: "",
      updatedAt: "",
    });
    expect(exportablePlans([plan(1, "active"), plan(2, "closed"), plan(3, "draft")]).map((p) => p.id)).toEqual([1, 3]);
  });
});
