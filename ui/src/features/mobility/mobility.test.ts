import { describe, expect, it } from "vitest";
import type { Opportunity } from "../../bindings/Opportunity";
import type { Stage } from "../../bindings/Stage";
import { board, canMove, canUndo, dueness, ENDINGS, followUpOpen, isClosed, isEnding, KIND_LABEL, matches, movesFrom, names, PATH, reachSummary, ROLE_LABEL, STAGE_LABEL, stageSince } from "./mobility";

const ALL: Stage[] = [...PATH, ...ENDINGS];

function opportunity(id: number, stage: Stage, more: Partial<Opportunity> = {}): Opportunity {
  return {
    id,
    title: `Role ${id}`,
    team: "",
    level: "",
    url: null,
    source: "other",
    sourcePersonId: null,
    sourceConversationId: null,
    heardOn: null,
    stage,
    notes: "",
    nextStep: "",
    nextStepOn: null,
    bringToOneOnOne: false,
    targetRoleId: null,
    people: [],
    history: [{ fromStage: null, toStage: "spotted", changedOn: "2026-01-05", reopened: false }],
    ...more,
  };
}

describe("moving an opportunity (the rule in stages.rs)", () => {
  it("allows moving forward, skipping ahead, and ending from any open stage", () => {
    expect(canMove("spotted", "researching")).toBe(true);
    expect(canMove("spotted", "applied")).toBe(true);
    expect(canMove("interviewing", "withdrawn")).toBe(true);
    expect(canMove("offer", "accepted")).toBe(true);
    expect(canMove("spotted", "not_selected")).toBe(true);
  });

  it("refuses going back, staying put, and moving a closed one", () => {
    expect(canMove("applied", "researching")).toBe(false);
    expect(canMove("applied", "applied")).toBe(false);
    expect(canMove("withdrawn", "applied")).toBe(false);
    expect(canMove("declined", "withdrawn")).toBe(false);
    expect(canMove("accepted", "declined")).toBe(false);
  });

  it("offers only later stages and the three endings, in order", () => {
    expect(movesFrom("applied")).toEqual(["interviewing", "offer", "accepted", "declined", "not_selected", "withdrawn"]);
    expect(movesFrom("spotted")).toEqual([...PATH.slice(1), ...ENDINGS]);
    expect(movesFrom("offer")).toEqual(["accepted", ...ENDINGS]);
  });

  it("offers nothing once accepted or ended", () => {
    for (const closed of ["accepted", ...ENDINGS] as Stage[]) expect(movesFrom(closed)).toEqual([]);
  });

  it("agrees with canMove for every pair", () => {
    for (const from of ALL) for (const to of ALL) expect(movesFrom(from).includes(to)).toBe(canMove(from, to));
  });

  it("tells endings and closed stages apart", () => {
    expect(ALL.filter(isEnding)).toEqual(["declined", "not_selected", "withdrawn"]);
    expect(ALL.filter(isClosed)).toEqual(["accepted", "declined", "not_selected", "withdrawn"]);
  });

  it("can undo any change but the first", () => {
    expect(canUndo(opportunity(1, "spotted"))).toBe(false);
    expect(canUndo({ history: [] })).toBe(false);
    const moved = opportunity(1, "applied", {
      history: [
        { fromStage: null, toStage: "spotted", changedOn: "2026-01-05", reopened: false },
        { fromStage: "spotted", toStage: "applied", changedOn: "2026-01-09", reopened: false },
      ],
    });
    expect(canUndo(moved)).toBe(true);
    expect(stageSince(moved)).toBe("2026-01-09");
  });
});

describe("the board", () => {
  const opps = [
    opportunity(1, "applied", { title: "Ops manager", team: "Fulfilment" }),
    opportunity(2, "spotted", { title: "Team lead", notes: "Ask Priya about the fulfilment org" }),
    opportunity(3, "withdrawn", { title: "Programme manager" }),
    opportunity(4, "applied", { title: "Area manager" }),
    opportunity(5, "accepted", { title: "Shift lead" }),
  ];

  it("has the seven stages as columns, in order, and keeps ended ones apart", () => {
    const { columns, ended } = board(opps);
    expect(columns.map((c) => c.stage)).toEqual([...PATH]);
    expect(columns.find((c) => c.stage === "applied")?.items.map((o) => o.id)).toEqual([1, 4]);
    expect(columns.find((c) => c.stage === "accepted")?.items.map((o) => o.id)).toEqual([5]);
    expect(columns.find((c) => c.stage === "offer")?.items).toEqual([]);
    expect(ended.map((o) => o.id)).toEqual([3]);
  });

  it("filters by title, team or notes, ignoring case and spaces around", () => {
    const { columns, ended } = board(opps, "  FULFILMENT ");
    expect(columns.flatMap((c) => c.items).map((o) => o.id)).toEqual([2, 1]);
    expect(ended).toEqual([]);
    expect(board(opps, "programme").ended.map((o) => o.id)).toEqual([3]);
    expect(matches(opps[0]!, "")).toBe(true);
    expect(matches(opps[0]!, "lead")).toBe(false);
  });
});

describe("words", () => {
  it("labels every stage and kind", () => {
    expect(STAGE_LABEL.talked_to_hiring_manager).toBe("Talked to the hiring manager");
    expect(STAGE_LABEL.not_selected).toBe("Not selected");
    expect(KIND_LABEL.coffee_chat).toBe("Coffee chat");
    expect(ROLE_LABEL.hiring_manager).toBe("Hiring manager");
  });

  it("says what reached a team, leaving out what did not", () => {
    expect(reachSummary({ conversations: 3, wins: 1 })).toBe("3 conversations and 1 win");
    expect(reachSummary({ conversations: 0, wins: 2 })).toBe("2 wins");
    expect(reachSummary({ conversations: 1, wins: 0 })).toBe("1 conversation");
  });

  it("joins names, and says someone for a person no longer there", () => {
    const byId = new Map([
      [1, "Ana Ruiz"],
      [2, "Li Wei"],
      [3, "Sam Okoro"],
    ]);
    expect(names([], byId)).toBe("");
    expect(names([1], byId)).toBe("Ana Ruiz");
    expect(names([1, 2], byId)).toBe("Ana Ruiz and Li Wei");
    expect(names([1, 2, 3], byId)).toBe("Ana Ruiz, Li Wei and Sam Okoro");
    expect(names([9], byId)).toBe("someone");
  });

  it("says how near a date is", () => {
    expect(dueness("2026-03-09", "2026-03-10")).toBe("overdue");
    expect(dueness("2026-03-10", "2026-03-10")).toBe("today");
    expect(dueness("2026-03-17", "2026-03-10")).toBe("soon");
    expect(dueness("2026-03-18", "2026-03-10")).toBe("later");
  });

  it("counts a follow-up as open until it is ticked off, and none when there is none", () => {
    expect(followUpOpen({ followUp: "Send the deck", followUpDoneOn: null })).toBe(true);
    expect(followUpOpen({ followUp: "Send the deck", followUpDoneOn: "2026-03-01" })).toBe(false);
    expect(followUpOpen({ followUp: "  ", followUpDoneOn: null })).toBe(false);
  });
});
