// Grouping and phrasing for the Feedback screen and a person's page, kept pure for tests.
import type { FeedbackRequest } from "../../bindings/FeedbackRequest";
import type { Person } from "../../bindings/Person";
import type { Relationship } from "../../bindings/Relationship";
import type { RequestStatus } from "../../bindings/RequestStatus";
import { daysBetween } from "../../shared/format";

export const RELATIONSHIP: Record<Relationship, string> = {
  manager: "Manager",
  skip_level: "Skip-level manager",
  peer: "Peer",
  direct_report: "Direct report",
  mentor: "Mentor",
  mentee: "Mentee",
  stakeholder: "Stakeholder",
  other: "Other",
};

export const REQUEST_STATUS: Record<RequestStatus, string> = {
  draft: "Draft",
  asked: "Asked — waiting",
  received: "Answered",
  declined: "Declined",
};

export type RequestGroup = { key: string; label: string; items: FeedbackRequest[] };

/** Overdue first, then drafts, waiting, answered and declined; empty groups dropped. */
export function groupRequests(requests: FeedbackRequest[]): RequestGroup[] {
  const groups: RequestGroup[] = [
    { key: "overdue", label: "Overdue", items: [] },
    { key: "draft", label: "Drafts — not sent yet", items: [] },
    { key: "asked", label: "Asked — waiting for an answer", items: [] },
    { key: "received", label: "Answered", items: [] },
    { key: "declined", label: "Declined", items: [] },
  ];
  for (const r of requests) {
    const key = r.overdue ? "overdue" : r.status;
    groups.find((g) => g.key === key)?.items.push(r);
  }
  return groups.filter((g) => g.items.length > 0);
}

/** "today", "yesterday", "12 days ago", or "no contact yet". */
export function contactPhrase(lastContactOn: string | null, today: string): string {
  if (!lastContactOn) return "no contact yet";
  const days = daysBetween(lastContactOn, today);
  if (days <= 0) return "today";
  return days === 1 ? "yesterday" : `${days} days ago`;
}

/** "last contact 12 days ago", or "never contacted". */
export function lastContact(lastContactOn: string | null, today: string): string {
  return lastContactOn ? `last contact ${contactPhrase(lastContactOn, today)}` : "never contacted";
}

/** True when the person's catch-up cadence has run out (never contacted counts as due). */
export function catchUpDue(person: Person, today: string): boolean {
  if (person.cadenceDays === null || person.archivedOn !== null) return false;
  if (!person.lastContactOn) return true;
  return daysBetween(person.lastContactOn, today) > person.cadenceDays;
}
