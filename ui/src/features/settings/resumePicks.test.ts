import { describe, expect, it } from "vitest";
import type { ResumeDraft } from "../../bindings/ResumeDraft";
import type { WinCandidate } from "../../bindings/WinCandidate";
import { choiceOf, chosenCounts, initialPicks, moveKey, moved, nothingYet, savedText, toggled, type Candidate } from "./resumePicks";

function win(uid: string, title: string, impact: string | null = null): WinCandidate {
  return { uid, title, occurredOn: "2026-11-01", focusArea: null, impact };
}

function draft(parts: Partial<ResumeDraft> = {}): ResumeDraft {
  return {
    profile: { name: "", title: "", company: "", email: "", location: "", url: "", summary: "" },
    wins: [],
    winsTotal: 0,
    skills: [],
    certificates: [],
    certificatesTotal: 0,
    projects: [],
    projectsTotal: 0,
    ...parts,
  };
}

const list = (...uids: string[]): Candidate[] => uids.map((uid) => ({ uid, on: true }));
const uids = (l: Candidate[]) => l.map((c) => c.uid);

describe("the preview's defaults", () => {
  it("tick the newest five wins with numbers, one per title, and put them first", () => {
    const wins = [
      win("w1", "Cut latency", "p95: 900 → 250 ms"),
      win("w2", "Ran the review"),
      win("w3", "Cut latency", "p95: 400 → 300 ms"),
      win("w4", "Grew the rota", "people: 4 → 9"),
      win("w5", "Automated the report", "hours: 6 → 0.5"),
      win("w6", "Raised coverage", "%: 41 → 78"),
      win("w7", "Closed escalations", "days: 12 → 3"),
      win("w8", "Sped up the load", "minutes: 95 → 30"),
    ];
    const picks = initialPicks(draft({ wins, winsTotal: 8 }));
    expect(picks.wins.filter((p) => p.on).map((p) => p.uid)).toEqual(["w1", "w4", "w5", "w6", "w7"]);
    // Ticked first, newest first; then the rest, newest first.
    expect(uids(picks.wins)).toEqual(["w1", "w4", "w5", "w6", "w7", "w2", "w3", "w8"]);
  });

  it("tick every skill group, and the newest certificates and projects", () => {
    const skills = ["a", "b", "c"].map((uid) => ({ uid, name: uid, keywords: ["k"] }));
    const certificates = ["c1", "c2", "c3", "c4", "c5", "c6"].map((uid) => ({ uid, name: uid, completedOn: null, issuer: "", url: null }));
    const projects = ["p1", "p2", "p3", "p4"].map((uid) => ({ uid, name: uid, impact: null, startedOn: "2026-01-01", finishedOn: null }));
    const picks = initialPicks(draft({ skills, certificates, projects }));
    expect(picks.skills.every((p) => p.on)).toBe(true);
    expect(picks.certificates.map((p) => p.on)).toEqual([true, true, true, true, true, false]);
    expect(picks.projects.map((p) => p.on)).toEqual([true, true, true, false]);
  });

  it("say when there is nothing to pick yet", () => {
    expect(nothingYet(draft())).toBe(true);
    expect(nothingYet(draft({ wins: [win("w1", "A")] }))).toBe(false);
  });
});

describe("moving a candidate", () => {
  it("moves it one place up or down and leaves the others in order", () => {
    const l = list("a", "b", "c", "d");
    expect(uids(moved(l, 2, -1))).toEqual(["a", "c", "b", "d"]);
    expect(uids(moved(l, 0, 1))).toEqual(["b", "a", "c", "d"]);
    expect(uids(l), "the list given is not changed").toEqual(["a", "b", "c", "d"]);
  });

  it("does nothing past either end or for an index not in the list", () => {
    const l = list("a", "b");
    expect(moved(l, 0, -1)).toBe(l);
    expect(moved(l, 1, 1)).toBe(l);
    expect(moved(l, 5, -1)).toBe(l);
    expect(moved(l, -1, 1)).toBe(l);
  });

  it("answers Alt+↑ and Alt+↓ only", () => {
    const key = (key: string, mods: Partial<Record<"altKey" | "ctrlKey" | "metaKey" | "shiftKey", boolean>> = {}) =>
      moveKey({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
    expect(key("ArrowUp", { altKey: true })).toBe(-1);
    expect(key("ArrowDown", { altKey: true })).toBe(1);
    expect(key("ArrowUp")).toBeNull();
    expect(key("ArrowUp", { altKey: true, shiftKey: true })).toBeNull();
    expect(key("ArrowLeft", { altKey: true })).toBeNull();
  });
});

describe("the choice sent to Rust", () => {
  it("holds the ticked uids of each section in the order shown", () => {
    let wins = list("w1", "w2", "w3");
    wins = toggled(wins, "w2");
    wins = moved(wins, 2, -1);
    wins = moved(wins, 1, -1);
    const picks = { wins, skills: list("s1"), certificates: [{ uid: "c1", on: false }], projects: [] };
    expect(choiceOf(picks)).toEqual({ wins: ["w3", "w1"], skills: ["s1"], certificates: [], projects: [] });
    expect(chosenCounts(picks)).toEqual({ highlights: 2, skillGroups: 1, certificates: 0, projects: 0 });
  });
});

describe("the summary after saving", () => {
  const saved = (highlights: number, skillGroups: number, certificates: number, projects: number) => ({
    path: "/home/ana/resume.json",
    fileName: "resume.json",
    counts: { highlights, skillGroups, certificates, projects },
  });

  it("says what went in", () => {
    expect(savedText(saved(5, 4, 1, 0))).toBe("Saved resume.json with 5 highlights, 4 skill groups, 1 certificate.");
    expect(savedText(saved(1, 0, 2, 3))).toBe("Saved resume.json with 1 highlight, 2 certificates, 3 projects.");
    expect(savedText(saved(0, 0, 0, 0))).toBe("Saved resume.json with your profile only.");
  });
});
