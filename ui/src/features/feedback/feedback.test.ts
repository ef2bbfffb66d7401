import { describe, expect, it } from "vitest";
import type { FeedbackRequest } from "../../bindings/FeedbackRequest";
import type { Person } from "../../bindings/Person";
import { catchUpDue, contactPhrase, groupRequests, lastContact } from "./feedback";

function request(id: number, status: FeedbackRequest["status"], overdue = false): FeedbackRequest {
  return {
    id, personId: 1, personName: "Ana", focusAreaId: 2, facetId: null, goalId: null, question: `q${id}`,
    message: "", status, askedOn: null, dueOn: null, response: "", receivedOn: null, takeaways: "", overdue,
  };
}

const person = (cadenceDays: number | null, lastContactOn: string | null): Person => ({
  id: 1, name: "Ana", role: "", team: "", relationship: "peer", notes: "", cadenceDays, lastContactOn,
  isMyManager: false, archivedOn: null,
});

describe("feedback requests", () => {
  it("puts overdue requests in their own group first and drops empty groups", () => {
    const groups = groupRequests([request(1, "received"), request(2, "asked", true), request(3, "asked"), request(4, "draft")]);
    expect(groups.map((g) => [g.key, g.items.map((r) => r.id)])).toEqual([
      ["overdue", [2]],
      ["draft", [4]],
      ["asked", [3]],
      ["received", [1]],
    ]);
    expect(groupRequests([])).toEqual([]);
  });
});

describe("people", () => {
  it("says how long ago the last contact was", () => {
    expect(contactPhrase(null, "2026-11-26")).toBe("no contact yet");
    expect(contactPhrase("2026-11-26", "2026-11-26")).toBe("today");
    expect(contactPhrase("2026-11-25", "2026-11-26")).toBe("yesterday");
    expect(contactPhrase("2026-10-27", "2026-11-26")).toBe("30 days ago");
    expect(lastContact("2026-11-25", "2026-11-26")).toBe("last contact yesterday");
    expect(lastContact(null, "2026-11-26")).toBe("never contacted");
  });

  it("flags a catch-up only once the cadence has run out", () => {
    expect(catchUpDue(person(14, "2026-11-12"), "2026-11-26")).toBe(false);
    expect(catchUpDue(person(14, "2026-11-11"), "2026-11-26")).toBe(true);
    expect(catchUpDue(person(14, null), "2026-11-26")).toBe(true);
    expect(catchUpDue(person(null, "2020-01-01"), "2026-11-26")).toBe(false);
  });
});
