// The UI's layers, checked: app/ (the shell) uses the features and shared/; a feature uses
// shared/ (and may embed another feature's component, as a goal's panel offers "Add to next
// 1:1"); shared/ uses neither. Only api.ts talks to Rust; no modules import in a circle.
import { describe, expect, it } from "vitest";

const sources = import.meta.glob<string>(["./**/*.ts", "./**/*.svelte", "!./bindings/**", "!./**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Module paths from src/: "shared/errors.ts", "features/plans/PlanScreen.svelte". */
const modules = new Map(Object.entries(sources).map(([path, text]) => [path.replace(/^\.\//, ""), text]));

function resolve(from: string, spec: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const step of spec.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  const path = parts.join("/");
  return [path, `${path}.ts`].find((p) => modules.has(p)) ?? path;
}

/** What a module imports: other modules as paths from src/, packages as they are named. */
function importsOf(path: string): string[] {
  const text = modules.get(path) ?? "";
  const specs = [...text.matchAll(/\bimport\s*(?:[^"';]*?\sfrom\s*)?\(?\s*"([^"]+)"/g)].map((m) => m[1]!);
  return specs.map((spec) => (spec.startsWith(".") ? resolve(path, spec) : spec));
}

const graph = new Map([...modules.keys()].map((path) => [path, importsOf(path)]));

function violations(layer: string, forbidden: string[]): string[] {
  return [...graph].flatMap(([from, to]) =>
    from.startsWith(layer) ? to.filter((t) => forbidden.some((f) => t.startsWith(f))).map((t) => `${from} → ${t}`) : [],
  );
}

describe("the UI's layers", () => {
  it("finds the modules it checks", () => {
    expect(graph.get("app/App.svelte")).toContain("features/plans/PlansScreen.svelte");
    expect(graph.get("features/plans/PlanScreen.svelte")).toContain("shared/errors.ts");
  });

  it("keep shared/ free of the features and the shell, and the features free of the shell", () => {
    expect(violations("shared/", ["app/", "features/"])).toEqual([]);
    expect(violations("features/", ["app/"])).toEqual([]);
  });

  it("let only api.ts call Rust", () => {
    const callers = [...graph].filter(([, to]) => to.some((t) => t.startsWith("@tauri-apps/api"))).map(([from]) => from);
    expect(callers).toEqual(["api.ts"]);
  });

  it("have no import cycles", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (path: string, trail: string[]) => {
      if (state.get(path) === "done") return;
      if (state.get(path) === "open") {
        cycles.push([...trail.slice(trail.indexOf(path)), path].join(" → "));
        return;
      }
      state.set(path, "open");
      for (const next of graph.get(path) ?? []) if (graph.has(next)) visit(next, [...trail, path]);
      state.set(path, "done");
    };
    for (const path of graph.keys()) visit(path, []);
    expect(cycles).toEqual([]);
  });
});
