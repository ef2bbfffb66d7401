#!/usr/bin/env node
// Reads an .ics file the way a calendar app would, with npm's ical.js, and adds the checks
// lenient parsers skip, so a Rust test can tell a well-formed export from one that only
// happens to load somewhere.
//
//   node ui/format-checks/ical.mjs FILE
//
// Prints JSON: the calendar's version, prodid and name, every VEVENT as ical.js read it
// ({uid, summary, description, dtstart, dtend, dtstamp, isDate}) and `problems`, the
// rules the file breaks: not UTF-8, a line not ended by CRLF, a line over 75 octets, no
// VERSION 2.0 or PRODID, an event without UID, DTSTAMP or DTSTART, DTEND not after
// DTSTART, a UID used twice. Exits 0 when there are none, 1 when there are, 2 on misuse.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const MAX_OCTETS = 75;

function rawProblems(bytes) {
  const problems = [];
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { text: bytes.toString("latin1"), problems: ["the file is not valid UTF-8"] };
  }
  if (!text.endsWith("\r\n")) problems.push("the last line is not ended by CRLF");
  const lines = text.split("\r\n");
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((line, i) => {
    if (line.includes("\n") || line.includes("\r")) problems.push(`line ${i + 1} holds a bare LF or CR`);
    const octets = Buffer.byteLength(line, "utf8");
    if (octets > MAX_OCTETS) problems.push(`line ${i + 1} is ${octets} octets long`);
  });
  return { text, problems };
}

function timeText(prop) {
  return prop ? prop.getFirstValue().toString() : null;
}

function readEvent(vevent, problems) {
  const uid = vevent.getFirstPropertyValue("uid");
  const start = vevent.getFirstProperty("dtstart");
  const end = vevent.getFirstProperty("dtend");
  const stamp = vevent.getFirstProperty("dtstamp");
  const who = uid ?? "(no UID)";
  if (!uid) problems.push("an event has no UID");
  if (!stamp) problems.push(`${who} has no DTSTAMP`);
  if (!start) problems.push(`${who} has no DTSTART`);
  if (start && end && end.getFirstValue().compare(start.getFirstValue()) <= 0) {
    problems.push(`${who} ends (${timeText(end)}) no later than it starts (${timeText(start)})`);
  }
  return {
    uid,
    summary: vevent.getFirstPropertyValue("summary"),
    description: vevent.getFirstPropertyValue("description"),
    dtstart: timeText(start),
    dtend: timeText(end),
    dtstamp: timeText(stamp),
    isDate: start ? start.getFirstValue().isDate : null,
  };
}

function read(file) {
  const { text, problems } = rawProblems(readFileSync(file));
  let calendar;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    problems.push(`ical.js could not parse it: ${e.message}`);
    return { problems, events: [] };
  }
  if (calendar.name !== "vcalendar") problems.push(`the top component is ${calendar.name}, not VCALENDAR`);
  const version = calendar.getFirstPropertyValue("version");
  const prodid = calendar.getFirstPropertyValue("prodid");
  if (version !== "2.0") problems.push(`VERSION is ${version}, not 2.0`);
  if (!prodid) problems.push("there is no PRODID");
  const events = calendar.getAllSubcomponents("vevent").map((v) => readEvent(v, problems));
  const seen = new Set();
  for (const e of events) {
    if (e.uid && seen.has(e.uid)) problems.push(`UID ${e.uid} is used twice`);
    seen.add(e.uid);
  }
  const name = calendar.getFirstPropertyValue("x-wr-calname");
  return { version, prodid, name, events, problems };
}

const file = process.argv[2];
if (!file) {
  console.error("usage: node ui/format-checks/ical.mjs FILE.ics");
  process.exit(2);
}
const report = read(file);
console.log(JSON.stringify(report));
process.exit(report.problems.length === 0 ? 0 : 1);
