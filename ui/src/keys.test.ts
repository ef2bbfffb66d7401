// Every keyed {#each} is keyed by an id (or by position, where the items have none), never
// by the item's own text: two equal texts (a link typed twice, a facet and a principle both
// called "Ownership", two errors with one message) make Svelte throw and the screen stop.
import { describe, expect, it } from "vitest";

const sources = import.meta.glob<string>(["./**/*.svelte"], { query: "?raw", import: "default", eager: true });

type KeyedEach = { source: string; item: string; index: string | null; key: string };

/** The keyed `{#each source as item, index (key)}` blocks of a component. */
function keyedEachBlocks(text: string): KeyedEach[] {
  const blocks: KeyedEach[] = [];
  for (const m of text.matchAll(/\{#each\s+(.+?)\s+as\s+(\[[^\]]*\]|[\w$]+)\s*(?:,\s*([\w$]+))?\s*\(([^)]*)\)\s*\}/g)) {
    blocks.push({ source: m[1]!, item: m[2]!, index: m[3] ?? null, key: m[4]!.trim() });
  }
  return blocks;
}

/** Why a block's key may collide, or null when it cannot. */
function keyProblem(b: KeyedEach): string | null {
  if (b.index !== null && b.key === b.index) return null;
  // A property of the item (`g.id`, `b.fileName`): what the type says identifies it.
  if (b.key.includes(".")) return null;
  // The item itself: only a list the code writes out (an UPPER_CASE constant, a literal
  // array, the entries of a constant record) or a list of ids is unique by construction.
  const constant = /^(\[[\d\s,]*\]|[A-Z][A-Z0-9_]*|Object\.(entries|keys)\([A-Z][A-Z0-9_]*\))$/.test(b.source);
  const ids = /(^id$|Id$|Ids$)/.test(b.key) || /Ids$/.test(b.source);
  // The keys of an object's entries are unique, whatever the object.
  const entryKey = /^Object\.entries\(/.test(b.source) && b.item.replace(/^\[\s*/, "").startsWith(`${b.key},`);
  if (constant || ids || entryKey) return null;
  return `keyed by the item itself (${b.key}) in {#each ${b.source} as ${b.item}}`;
}

describe("keyed {#each} blocks", () => {
  it("finds and judges keys the way the rule says", () => {
    const blocks = keyedEachBlocks(
      `{#each detail.links as l (l)}{#each goals as g (g.id)}{#each rows as r, i (i)}{#each KINDS as k (k)}` +
        `{#each Object.values(errors) as message (message)}{#each Object.entries(errors) as [field, message] (field)}` +
        `{#each w.principleIds as id (id)}`,
    );
    expect(blocks.map((b) => keyProblem(b) !== null)).toEqual([true, false, false, false, true, false, false]);
  });

  it("in every component are keyed by an id or by position", () => {
    const problems = Object.entries(sources).flatMap(([path, text]) =>
      keyedEachBlocks(text)
        .map(keyProblem)
        .filter((p): p is string => p !== null)
        .map((p) => `${path}: ${p}`),
    );
    expect(problems).toEqual([]);
  });
});
