#!/usr/bin/env node
// The architecture check that `make test` runs (Node, which the UI needs anyway, so a
// fresh machine has it). It reads the Rust sources under src-tauri/ and fails when
//   - two modules import each other, directly or through others (a cycle), or two
//     folders do;
//   - a module imports from a layer above its own (see the order in src-tauri/lib.rs);
//   - a non-test function is longer than MAX_FN_LINES.
// It prints the module graph and the longest functions either way.
//
//   node tests/architecture.mjs [--report] [SRC_DIR]
// --report prints without failing (used to measure an older tree).

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const MAX_FN_LINES = 80;

// Lower layers first. A module may import from its own layer (when no cycle follows) or
// from any layer below; never from above.
const LAYERS = [
  ["infra"],
  ["framework", "planning", "learning", "people", "one_on_ones", "wins", "mobility", "readiness"],
  ["views", "workflows"],
  ["demo"],
  ["commands"],
  ["crate"],
];
// Files outside the module tree: build script, shared command list, binaries.
const NOT_MODULES = new Set(["build.rs", "bench.rs", "main.rs", "command_list.rs"]);

const args = process.argv.slice(2);
const reportOnly = args.includes("--report");
const root = args.find((a) => !a.startsWith("--")) ?? "src-tauri";

function rustFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return rustFiles(path);
    return name.endsWith(".rs") ? [path] : [];
  });
}

function moduleOf(file) {
  const parts = relative(root, file).split(sep);
  const last = parts.pop().replace(/\.rs$/, "");
  if (last !== "mod" && last !== "lib") parts.push(last);
  return parts.length ? parts.join("::") : "crate";
}

function folderOf(module) {
  return module === "crate" ? "crate" : module.split("::")[0];
}

/** Code without comments, string literals and `#[cfg(test)]` items. */
function code(text) {
  let out = text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/r#*"[\s\S]*?"#*/g, '""')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (;;) {
    const at = out.search(/#\[cfg\(test\)\]/);
    if (at < 0) return out;
    const open = out.indexOf("{", at);
    const semi = out.indexOf(";", at);
    if (open < 0 || (semi >= 0 && semi < open)) {
      out = out.slice(0, at) + out.slice(semi + 1);
      continue;
    }
    let depth = 0;
    let end = open;
    for (; end < out.length; end++) {
      if (out[end] === "{") depth++;
      if (out[end] === "}" && --depth === 0) break;
    }
    out = out.slice(0, at) + out.slice(end + 1);
  }
}

/** Expands `a::{b, c::{d}}` into `a::b`, `a::c::d`. */
function expand(path) {
  const open = path.indexOf("{");
  if (open < 0) return [path.replace(/\s+/g, "")];
  const prefix = path.slice(0, open);
  const inner = path.slice(open + 1, path.lastIndexOf("}"));
  const items = [];
  let depth = 0;
  let cur = "";
  for (const ch of inner) {
    if (ch === "{") depth++;
    if (ch === "}") depth--;
    if (ch === "," && depth === 0) {
      items.push(cur);
      cur = "";
    } else cur += ch;
  }
  items.push(cur);
  return items
    .map((i) => i.trim())
    .filter(Boolean)
    .flatMap((i) => expand(i === "self" ? prefix.replace(/::\s*$/, "") : prefix + i));
}

/** Every `crate::…` / `super::…` path a module names, as absolute module paths. */
function pathsIn(module, text) {
  const src = code(text);
  const found = [];
  for (const m of src.matchAll(/\buse\s+((?:crate|super)::[^;]+);/g)) found.push(...expand(m[1]));
  for (const m of src.matchAll(/\b((?:crate|super)(?:::\w+)+)(?!\w|::)/g)) found.push(m[1]);
  const parent = module.split("::").slice(0, -1);
  return found.map((p) => {
    const parts = p.split("::");
    if (parts[0] === "super") return [...parent, ...parts.slice(1)];
    return parts.slice(1);
  });
}

function resolve(parts, modules) {
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join("::");
    if (modules.has(candidate)) return candidate;
  }
  return null;
}

function cycles(nodes, edges) {
  // Tarjan's strongly connected components; any component of two or more is a cycle.
  let index = 0;
  const stack = [];
  const info = new Map();
  const found = [];
  const visit = (v) => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!info.has(w)) {
        visit(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).onStack) {
        info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
      }
    }
    if (info.get(v).low === info.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of nodes) if (!info.has(v)) visit(v);
  return found;
}

function layerOf(folder) {
  const at = LAYERS.findIndex((l) => l.includes(folder));
  return at < 0 ? null : at;
}

/** Non-test functions with their length in lines, rustfmt layout assumed. */
function functions(file) {
  const lines = readFileSync(file, "utf8").split("\n");
  const out = [];
  let skipUntilIndent = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (skipUntilIndent !== null) {
      if (line.startsWith(skipUntilIndent + "}")) skipUntilIndent = null;
      continue;
    }
    if (/^\s*#\[cfg\(test\)\]/.test(line) || /^\s*#\[(tokio::)?test\]/.test(line)) {
      const next = lines.slice(i + 1).findIndex((l) => !/^\s*#\[/.test(l));
      const target = lines[i + 1 + next] ?? "";
      if (/\{\s*$/.test(target)) skipUntilIndent = target.match(/^\s*/)[0];
      i += next + 1;
      continue;
    }
    const m = line.match(/^(\s*)(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?fn\s+(\w+)/);
    if (!m) continue;
    const indent = m[1];
    let end = i;
    while (end < lines.length && !(lines[end].startsWith(indent + "}") && lines[end].trim().startsWith("}")))
      end++;
    if (/;\s*$/.test(line) && !line.includes("{")) continue; // a declaration in a trait
    out.push({ name: `${relative(root, file)}:${i + 1} ${m[2]}`, lines: end - i + 1 });
  }
  return out;
}

const files = rustFiles(root).sort();
const moduleFiles = files.filter((f) => !NOT_MODULES.has(relative(root, f)));
const modules = new Map(moduleFiles.map((f) => [moduleOf(f), f]));
const edges = new Map();
for (const [module, file] of modules) {
  const deps = new Set();
  for (const parts of pathsIn(module, readFileSync(file, "utf8"))) {
    const target = resolve(parts, modules);
    // A folder's mod.rs only declares its children; a module naming itself is no edge.
    if (target && target !== module && !module.startsWith(target === "crate" ? "\0" : target + "::")) {
      if (target === "crate") continue;
      deps.add(target);
    }
  }
  edges.set(module, [...deps].sort());
}

const problems = [];

console.log("Module graph (module -> what it imports):");
for (const [module, deps] of [...edges].sort()) {
  console.log(`  ${module}${deps.length ? " -> " + deps.join(", ") : ""}`);
}

const folderEdges = new Map();
for (const [module, deps] of edges) {
  const from = folderOf(module);
  for (const dep of deps) {
    const to = folderOf(dep);
    if (from === to) continue;
    if (!folderEdges.has(from)) folderEdges.set(from, new Set());
    folderEdges.get(from).add(to);
    const [lf, lt] = [layerOf(from), layerOf(to)];
    if (lf !== null && lt !== null && lt > lf) {
      problems.push(`${module} imports ${dep}: ${to} sits in a layer above ${from}`);
    }
  }
}
console.log("\nFolders (folder -> folders it imports):");
for (const [folder, deps] of [...folderEdges].sort()) {
  console.log(`  ${folder} -> ${[...deps].sort().join(", ")}`);
}

const moduleCycles = cycles([...edges.keys()], edges);
const folderCycles = cycles(
  [...folderEdges.keys()],
  new Map([...folderEdges].map(([k, v]) => [k, [...v]])),
);
for (const c of moduleCycles) problems.push(`import cycle between modules: ${c.join(", ")}`);
for (const c of folderCycles) problems.push(`import cycle between folders: ${c.join(", ")}`);
console.log(`\nCycles: ${moduleCycles.length} between modules, ${folderCycles.length} between folders.`);

const fns = files.flatMap(functions).sort((a, b) => b.lines - a.lines);
console.log("\nLongest non-test functions (lines):");
for (const f of fns.slice(0, 10)) console.log(`  ${String(f.lines).padStart(4)}  ${f.name}`);
for (const f of fns.filter((f) => f.lines > MAX_FN_LINES)) {
  problems.push(`${f.name} is ${f.lines} lines long; split it into named steps (limit ${MAX_FN_LINES})`);
}

if (problems.length) {
  console.log(`\n${problems.length} architecture problem(s):`);
  for (const p of problems) console.log(`  - ${p}`);
  if (!reportOnly) process.exit(1);
} else {
  console.log("\nArchitecture check passed.");
}
