"""The Europass CV (the EU's standard form, 2004-2012 layout) read as the parser reads other resumes.

Each entry of a Europass CV is a run of labelled rows in a fixed order: 'Dates', 'Occupation or position held', 'Main
activities and responsibilities', 'Name and address of employer', 'Type of business or sector' for a job; 'Dates',
'Title of qualification awarded', 'Principal subjects/occupational skills covered', 'Name and type of organisation
providing education and training' for a course of study. A PDF reads each label beside its value, with or without a
colon. The employer then comes after the job's text, where the parser would take it for the next job's header; here
each entry's rows are put in the order of a header (dates, title, employer and place) and its text, and the labels the
parser does not know are said as it knows them ('Position:', 'Employer:', 'Location:', 'Subjects:', the activities
as a list's item). A resume is read so only when it holds two or more of the labels only a Europass CV uses.
"""

from __future__ import annotations

import re

_LABELS = {
    "dates": r"dates?",
    "position": r"occupation or position held",
    "activities": r"main activities and responsibilities",
    "employer": r"name and address of (?:the )?employer",
    "sector": r"type of business or sector",
    "qualification": r"title of qualification awarded",
    "subjects": r"principal subjects\s*/\s*occupational skills covered",
    "school": r"name and type of organi[sz]ation providing education and training",
    "level": r"level in national or international classification",
    "name": r"(?:first name\(s\)\s*/\s*surname\(s\)|surname\(s\)\s*/\s*first name\(s\))",
}
_ROW = re.compile(r"^(?:" + "|".join(f"(?P<{key}>{pattern})" for key, pattern in _LABELS.items())
                  + r")(?:\s*:\s*|\s+)(?P<value>\S.*)$", re.I)
_OWN = frozenset(_LABELS) - {"dates"}  # the labels only a Europass CV uses
# a header's rows first, in a header's order, then the entry's text; what says nothing of the person is left out
_ORDER = ("dates", "position", "employer", "qualification", "school", "activities", "subjects", "text")
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}-)?\d{4,5}\b\s*")


def _row(line: str) -> tuple[str, str] | None:
    found = _ROW.match(line)
    if not found:
        return None
    return next(key for key in _LABELS if found.group(key)), found.group("value").strip()


def _said(key: str, value: str) -> list[str]:
    """The row as the parser reads such a row in other resumes."""
    if key == "position":
        return [f"Position: {value}"]
    if key == "employer":  # 'Acme GmbH, Hauptstrasse 1, 10115 Berlin (Germany)': the name, and the town with its country
        name, *address = [piece.strip() for piece in value.split(",")]
        town = re.sub(r"\s*\(([^)]+)\)\s*$", r", \1", _POSTCODE.sub("", address[-1])).strip(" ,") if address else ""
        return [f"Employer: {name}"] + ([f"Location: {town}"] if town else [])
    if key == "activities":  # the job's text, as a list's item
        return [f"- {value}"]
    if key == "subjects":
        return [f"Subjects: {value}"]
    if key in ("sector", "level"):
        return []
    return [value]  # the dates, the qualification, the school, the name, a line of text


def europass_lines(lines: list[str]) -> list[str]:
    """The lines with each Europass entry's rows in a header's order and said as other resumes say them; the lines
    unchanged when they are not a Europass CV's."""
    if len({key for line in lines if (row := _row(line)) and (key := row[0]) in _OWN}) < 2:
        return lines
    out: list[str] = []
    entry: list[tuple[str, str]] = []

    def close() -> None:
        for key in _ORDER:
            for found, value in entry:
                if found == key:
                    out.extend(_said(found, value))
        entry.clear()

    for line in lines:
        row = _row(line)
        if row is None:
            if entry and line:  # the rest of a row's value that wrapped, or what follows the entry: after its rows
                entry.append(("text", line))
            else:
                close()
                out.append(line)
            continue
        if row[0] == "dates" and entry or row[0] == "name":
            close()
        if row[0] == "name":
            out.extend(_said(*row))
        else:
            entry.append(row)
    close()
    return out
