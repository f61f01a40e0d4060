"""Referees: the people a references section names, each with what it says of them."""

from __future__ import annotations

import re

from jobfit.resumes.basics import DOCUMENT_TITLE, name_candidate
from jobfit.schema import Reference

# "Available on request.", "References available upon request", "Names and addresses of two referees are available on
# request.", "Details provided on request", "Furnished upon request": no referee
_ON_REQUEST = re.compile(r"(?i)\b(?:up)?on\s+(?:prior\s+)?request\b|\bfurnished\b|\bupon\s+demand\b")
_END = re.compile(r"(?i)^\W*(?:copyright\b|©)")  # a template's notice after the last referee
_PAGE = re.compile(r"(?i)^(?:page\s*\|?\s*)?\d+(?:\s*(?:of|/)\s*\d+)?$")
_NUMBERED = re.compile(r"(?i)^(?:\(?\d+[.):]\s*|referee\s*\d*\s*[:.-]?\s*)")  # '1. Professor Amos Treutel', 'Referee 1:'
_HONORIFIC = re.compile(r"(?i)^(?:prof(?:essor)?|mr|mrs|ms|miss|dr|rev(?:erend)?|sir|dame)\b\.?\s+")


def read_references(lines: list[str], roles: frozenset[str], own_name: str | None = None) -> list[Reference]:
    """The referees of a references section's lines. A referee opens with a line that is a person's name ('Kim Kreiger',
    'Bob Dibbert, Account Manager'): the first such line, one after a blank line, or one numbered or with an honorific
    ('2. Dr. Amos Treutel', 'Mrs Renay Bailey'); the lines under it until the next are what is said of them. A line
    saying they are available on request names no one; the candidate's own name (a template's second page repeats its
    header) is no referee."""
    found: list[tuple[str, list[str]]] = []
    after_break = True
    for line in lines:
        text = line.strip()
        if _END.match(text) or DOCUMENT_TITLE.match(text):
            break
        if not text or re.fullmatch(r"[•·*\-–]+", text):
            after_break = True
            continue
        if _ON_REQUEST.search(text) or _PAGE.match(text):
            continue
        bare = _NUMBERED.sub("", text)
        if not bare:  # 'Referee 1:' alone: its name follows
            after_break = True
            continue
        honorific = _HONORIFIC.match(bare)
        marked = bare != text or honorific is not None
        person = bare[honorific.end():] if honorific else bare
        name = name_candidate(person.split(",")[0], roles)  # 'Dr. Sue Green, Lecturer, Monash University'
        if name and name in person and (after_break or marked or not found):
            rest = person[person.index(name) + len(name):].strip(" ,;:-–")  # 'Bob Dibbert, Account Manager'
            found.append(((honorific.group() if honorific else "") + name, [rest] if rest else []))
        elif found:
            found[-1][1].append(text)
        after_break = False
    own = (own_name or "").lower()
    return [Reference(name=name, reference=", ".join(part.rstrip(" ,;") for part in said) or None)
            for name, said in found if not own or own not in name.lower()]
