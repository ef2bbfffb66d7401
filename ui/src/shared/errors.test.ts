import { describe, expect, it } from "vitest";
import { banner, dismissBanner } from "./banner.svelte";
import { attempt, formErrors, routeError, toAppError } from "./errors";

describe("toAppError", () => {
  it("keeps a typed error from Rust as it is", () => {
    const e = { kind: "invalid", message: "This cannot be empty.", field: "title" };
    expect(toAppError(e)).toEqual(e);
  });

  it("wraps Tauri's string refusals as internal errors", () => {
    expect(toAppError("Command delete_everything not allowed by ACL")).toEqual({
      kind: "internal",
      message: "Command delete_everything not allowed by ACL",
      field: null,
    });
  });

  it("turns Tauri's text for a wrong-typed or missing argument into an invalid error on that argument", () => {
    expect(
      toAppError('invalid args `id` for command `delete_goal`: invalid type: string "x", expected i64'),
    ).toEqual({ kind: "invalid", message: 'Unexpected input: invalid type: string "x", expected i64.', field: "id" });
    expect(
      toAppError("invalid args `planId` for command `plan_detail`: command plan_detail missing required key planId"),
    ).toEqual({
      kind: "invalid",
      message: "Unexpected input: command plan_detail missing required key planId.",
      field: "planId",
    });
    // The same text inside something else is not Tauri's refusal of an argument.
    expect(toAppError("oops: invalid args `id` for command `x`: y").kind).toBe("internal");
    expect(toAppError("Command made_up not found")).toEqual({
      kind: "internal",
      message: "Command made_up not found",
      field: null,
    });
  });

  it("does not trust look-alikes with an unknown kind", () => {
    expect(toAppError({ kind: "weird", message: "x", field: null }).kind).toBe("internal");
    expect(toAppError(new Error("boom")).message).toBe("boom");
    expect(toAppError(undefined).message).toBe("Something went wrong.");
  });
});

describe("routeError", () => {
  const fields = ["title", "startsOn", "endsOn", "intent"];

  it("puts a field error next to its input", () => {
    const routed = routeError({ kind: "invalid", message: "Too long.", field: "title" }, fields);
    expect(routed).toEqual({ fields: { title: "Too long." }, banner: null });
  });

  it("sends errors about fields the form does not show to the banner", () => {
    const routed = routeError({ kind: "conflict", message: "Already active.", field: "status" }, fields);
    expect(routed).toEqual({ fields: {}, banner: "Already active." });
  });

  it("sends errors without a field to the banner", () => {
    const routed = routeError({ kind: "not_found", message: "Plan 9 does not exist.", field: null }, fields);
    expect(routed.banner).toBe("Plan 9 does not exist.");
  });
});

describe("formErrors", () => {
  it("keys a field's message by the field and anything else as the form's", () => {
    const field = { kind: "invalid", message: "Too long.", field: "title" } as const;
    const other = { kind: "conflict", message: "Closed.", field: "status" } as const;
    expect(formErrors(field, ["title"])).toEqual({ title: "Too long." });
    expect(formErrors(other, ["title"])).toEqual({ form: "Closed." });
  });
});

describe("attempt", () => {
  it("resolves to the action's value and leaves the banner alone", async () => {
    dismissBanner();
    expect(await attempt(async () => 7)).toBe(7);
    expect(await attempt(() => "now")).toBe("now");
    expect(banner.message).toBeNull();
  });

  it("shows a failure in the banner, runs the fallback, and resolves to nothing", async () => {
    let fellBack = 0;
    const failing = () => Promise.reject({ kind: "conflict", message: "Another plan is already active.", field: "status" });
    expect(await attempt(failing, () => fellBack++)).toBeUndefined();
    expect(banner.message).toBe("Another plan is already active.");
    expect(banner.tone).toBe("error");
    expect(fellBack).toBe(1);
    dismissBanner();
  });

  it("catches a throw before the first await, and Tauri's string refusals", async () => {
    expect(await attempt(() => { throw new Error("boom"); })).toBeUndefined();
    expect(banner.message).toBe("boom");
    await attempt(() => Promise.reject("Command delete_everything not allowed by ACL"));
    expect(banner.message).toBe("Command delete_everything not allowed by ACL");
    dismissBanner();
  });
});
