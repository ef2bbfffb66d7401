#!/usr/bin/env python3
"""Writes the CSV fixtures of tests/it/csv.rs and, beside each, Python's reading of it.

Run from anywhere: `python3 tests/csv/make_fixtures.py` rewrites every `*.csv` here and
its `*.json` (the rows as Python's csv module reads them with its default dialect,
"excel"; `;` as the delimiter when the first line has more of them than commas, as
Ladder does). `--check` rewrites nothing and fails when a committed `*.json` differs
from what Python reads now. The files are written byte for byte (CRLF, CR, a BOM) and
kept so by tests/csv/.gitattributes.
"""

import csv
import io
import json
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent

# Each fixture: what an export from a spreadsheet or a hand-edited file looks like.
FIXTURES = {
    # A quote inside an unquoted field is a character like any other (inches, nicknames).
    "stray_quote": b'title,provider,total units\nMonitor 27" setup,Acme,3\n5" floppy basics,Retro "R" Us,\nQuote at end",x,1\n',
    # What Excel writes as "CSV UTF-8": a BOM, CRLF, quotes only where needed, a line
    # break inside a cell kept as CRLF.
    "excel_bom_crlf": (
        "\ufefftitle,kind,provider,total units,my notes\r\n"
        'People management,course,Coursely,12,"assigned by ""my"" manager"\r\n'
        '"Negotiation, for engineers",workshop,Internal academy,6,"two half days,\r\nin person"\r\n'
        "Café crème,book,Éditions,,\r\n"
    ).encode("utf-8"),
    # What follows a closing quote joins the field; a space before a quote opens nothing.
    "quotes_after_closing": b'title,provider\n"abc"def,x\na,"b"c"d"\nx, "y"\n"",""\n"""",""""""\n"a""b",c\n',
    # Old Mac files end lines with CR alone.
    "cr_only": b'title,kind\rFirst,course\r"Two\rlines",book\rLast,video\r',
    # Spreadsheets in languages with a decimal comma write semicolons.
    "semicolon": "title;total units;provider\nDaten kurs;2,5;Anbieter\n\"Semi;colon\";3;\"x,y\"\n".encode("utf-8"),
    # Rows with too many and too few fields, read as they are (the importer reports them).
    "ragged": b"title,kind,provider\nOk,course,A\nExtra,course,A,surplus,more\nShort,book\nOnly\n",
    # Blank lines and rows of empty cells between rows; no newline at the end.
    "blank_lines": b"title,kind\n\nFirst,course\n,\n\n   \nSecond,book",
    # LibreOffice with "quote all text cells".
    "all_quoted": b'"title","kind","total units"\n"The Manager\'s Path","book","250"\n"Staff+ 2027","conference",""\n',
}

ALPHABET = ["a", "b", "é", " ", ",", ",", '"', '"', '""', "\n", "\r\n", "x\"y", "😀"]


def ends_inside_quotes(data, delimiter):
    """The states of Python's reader that matter for quotes, from the start of data."""
    state = "start"
    for ch in data:
        ends = ch in (delimiter, "\n", "\r")
        if state == "start":
            state = "quoted" if ch == '"' else ("start" if ends else "field")
        elif state == "field":
            state = "start" if ends else "field"
        elif state == "quoted":
            state = "quote" if ch == '"' else "quoted"
        else:  # a quote seen inside a quoted field
            state = "quoted" if ch == '"' else ("start" if ends else "field")
    return state == "quoted"


def random_fixture(seed):
    """Fields of quotes, commas and line breaks in every order, from a fixed seed."""
    rng = random.Random(seed)
    text = "title,kind,provider\n"
    for _ in range(400):
        text += "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))
    # A quote left open at the end is refused by Ladder (tested apart): close it.
    if ends_inside_quotes(text, ","):
        text += '"'
    return (text + "\n").encode("utf-8")


def delimiter(text):
    first = text.replace("\r", "\n").split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def python_reading(data):
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text)))


def main():
    check = "--check" in sys.argv[1:]
    fixtures = dict(FIXTURES)
    fixtures["random"] = random_fixture(14)
    stale = []
    for name, data in fixtures.items():
        rows = [json.dumps(row, ensure_ascii=False) for row in python_reading(data)]
        expected = "[\n" + ",\n".join(rows) + "\n]\n"
        csv_path, json_path = HERE / f"{name}.csv", HERE / f"{name}.json"
        if check:
            if not csv_path.exists() or csv_path.read_bytes() != data or json_path.read_text("utf-8") != expected:
                stale.append(name)
            continue
        csv_path.write_bytes(data)
        json_path.write_text(expected, "utf-8")
    if stale:
        print("stale fixtures (run python3 tests/csv/make_fixtures.py):", ", ".join(stale))
        sys.exit(1)


if __name__ == "__main__":
    main()
