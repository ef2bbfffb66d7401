#!/usr/bin/env node
// Reads a résumé file the way the outside world will: validated by ajv (with ajv-formats,
// for `email`, `uri` and the like) against the schema.json that @jsonresume/schema ships,
// then rendered by a real theme's render() (jsonresume-theme-even), as `resumed render`
// would. Run by the Rust integration tests (tests/it/resume.rs) on files the app wrote.
//
//   node ui/format-checks/resume.mjs FILE
//
// Prints one JSON line and exits 0 when the file is valid and renders; 1 when the schema
// refuses it (the line lists ajv's errors); 2 when the file cannot be read as JSON or the
// theme throws. The line, when it renders:
//   { valid, errors, htmlLength, name, hasName, firstHighlight, hasFirstHighlight,
//     sections: { work, highlights, skills, certificates, projects } }
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Ajv = require("ajv").default;
const addFormats = require("ajv-formats").default;
const schema = require("@jsonresume/schema/schema.json");
const { render } = await import("jsonresume-theme-even");

function finish(code, summary) {
  console.log(JSON.stringify(summary));
  process.exit(code);
}

/** Whether the page shows `text`: as it is (the theme puts names in its template
 *  unescaped) or escaped (it renders highlights as Markdown, which escapes). */
function shows(html, text) {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return html.includes(text) || html.includes(escaped);
}

const file = process.argv[2];
if (!file) finish(2, { valid: false, errors: ["usage: resume.mjs FILE"] });

let resume;
try {
  resume = JSON.parse(readFileSync(file, "utf8"));
} catch (e) {
  finish(2, { valid: false, errors: [`not a JSON file: ${e.message}`] });
}

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const valid = validate(resume);
const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);

const work = resume.work ?? [];
const highlights = work.flatMap((w) => w.highlights ?? []);
const sections = {
  work: work.length,
  highlights: highlights.length,
  skills: (resume.skills ?? []).length,
  certificates: (resume.certificates ?? []).length,
  projects: (resume.projects ?? []).length,
};
if (!valid) finish(1, { valid, errors, sections });

let html;
try {
  html = render(resume);
} catch (e) {
  finish(2, { valid, errors: [`render() threw: ${e.stack ?? e}`], sections });
}
if (typeof html !== "string" || !html.includes("<html")) {
  finish(2, { valid, errors: ["render() returned no HTML page"], sections });
}

const name = resume.basics?.name ?? null;
const firstHighlight = highlights[0] ?? null;
finish(0, {
  valid,
  errors,
  htmlLength: html.length,
  name,
  hasName: name !== null && shows(html, name),
  firstHighlight,
  hasFirstHighlight: firstHighlight !== null && shows(html, firstHighlight),
  sections,
});
