"""Where each value of a profile was read: the document line that holds it, so a reviewer can check it (issue: "the text
span each value came from"). Found from the finished profile and the document's lines, whichever parser filled the
profile (the rules or an LLM), as `meta.provenance`: {"name": line, "work[0].position": line, ...}."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from jobfit.schema import Profile

DATE_REACH = 8  # lines below an entry's first line in which its dates are looked for
WRAPPED_FROM = 5  # words of a value from which its first words alone find the line it starts on
NEAR = 6  # lines apart that an entry's two main values (a title and its employer) may stand


def _key(text: str) -> str:
    """Lower case, one space between words, no punctuation around them: how a value and a line are compared."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w@.+#/&-]+", " ", text.casefold())).strip()


class _Lines:
    def __init__(self, lines: list[str]):
        self.lines = [line.strip() for line in lines]
        keys = [f" {_key(line)} " for line in lines]
        self.text = "\n".join(keys)  # searched whole (str.find), each hit's line told by its offset
        self.starts = list(accumulate((len(k) + 1 for k in keys[:-1]), initial=0))

    def find(self, value: str | None, start: int = 0) -> int | None:
        """The first line at or after `start` that holds the value as words (else the first anywhere)."""
        found = self.all(value, start)
        return found[0] if found else None

    def all(self, value: str | None, start: int = 0) -> list[int]:
        """The lines at or after `start` that hold the value as words (else those anywhere); a long value a layout
        wrapped over lines ('Recipient of the Dean's Award for' / 'Excellence in Teaching'), by its first words."""
        key = _key(value or "")
        if not key:
            return []
        words = key.split()
        needles = [f" {key} "] + ([f" {' '.join(words[:WRAPPED_FROM])} "] if len(words) > WRAPPED_FROM else [])
        for needle in needles:
            hits = []
            at = self.text.find(needle)
            while at >= 0:
                line = bisect_right(self.starts, at) - 1
                if not hits or hits[-1] != line:
                    hits.append(line)
                at = self.text.find(needle, at + 1)
            if hits:
                return [i for i in hits if i >= start] or hits
        return []

    def year_near(self, date: str | None, start: int) -> int | None:
        """The line from `start` down (DATE_REACH lines) that writes a date's year ('2016-06' from 'June 2016 to Present')."""
        year = (date or "")[:4]
        if not year.isdigit():
            return None
        pattern = re.compile(rf"(?<!\d){year}(?!\d)|(?:['’]|\b[A-Za-z]{{3,9}}\.?\s*['’]?){year[2:]}(?!\d)")  # 'Sept 13'
        below = range(max(0, start), min(len(self.lines), start + DATE_REACH))
        above = range(start - 1, max(-1, start - 3), -1)  # '2005-2007' / 'Ford Motors' / 'Sales Executive'
        return next((i for i in (*below, *above) if pattern.search(self.lines[i])), None)

    def digits(self, phone: str | None) -> int | None:
        """The line that writes a phone number's last eight digits, whatever its spacing ('+91 98765 43210')."""
        tail = re.sub(r"\D", "", phone or "")[-8:]
        if len(tail) < 8:
            return None
        return next((i for i, line in enumerate(self.lines) if tail in re.sub(r"\D", "", line)), None)


def provenance(profile: Profile, lines: list[str]) -> dict[str, str]:
    """The line each value of the profile was read from, for the basics and for each entry of work, education,
    certificates, projects and awards (skills keep their own wording as evidence). An entry's values are looked for
    from where the entry before it was found, so the second of two jobs with one title points at its own line. A value
    no line holds as written (a name put in title case from capitals is still found; an LLM's rewording is not) has
    none."""
    found = _Lines(lines)
    out: dict[str, str] = {}

    def put(key: str, index: int | None) -> int | None:
        if index is not None:
            out[key] = found.lines[index]
        return index

    basics = profile.basics
    for key in ("name", "email", "label", "url"):
        put(key, found.find(getattr(basics, key)))
    put("phone", found.digits(basics.phone))
    place = ", ".join(p for p in (basics.location.city, basics.location.region) if p)
    if put("location", found.find(place)) is None:
        put("location", found.find(basics.location.city))

    def entries(name: str, items: list, fields: tuple[str, ...], dates: tuple[str, ...], near: tuple[str, ...] = ()) -> None:
        """Each entry's `fields` where they stand together (a title and its employer within NEAR lines of each other,
        the closest such pair from where the entry before was found), its dates and its `near` fields (a job's place)
        about them."""
        cursor = 0
        for k, item in enumerate(items):
            spots = {field: found.all(getattr(item, field), cursor) for field in fields}
            spots = {field: lines for field, lines in spots.items() if lines}
            if not spots:
                continue
            # (the closest pair, the earliest of those: a headline's title over the history is no job's line)
            pairs = sorted((abs(a - b), max(a, b), a, b) for a in next(iter(spots.values()))
                           for b in list(spots.values())[-1] if abs(a - b) <= NEAR)
            chosen = dict(zip(spots, pairs[0][2:], strict=False)) if len(spots) > 1 and pairs else \
                {field: lines[0] for field, lines in spots.items()}
            for field, index in chosen.items():
                put(f"{name}[{k}].{field}", index)
            first = min(chosen.values())
            for field in near:
                value = getattr(item, field)
                put(f"{name}[{k}].{field}", next((i for i in found.all(value, max(0, first - 2))
                                                  if first - 2 <= i <= first + DATE_REACH), None))
            for field in dates:  # the dates under (or on, or just over) the entry's first line
                put(f"{name}[{k}].{field}", found.year_near(getattr(item, field), first))
            cursor = first + 1

    entries("work", profile.work, ("position", "name"), ("startDate", "endDate"), near=("location",))
    entries("education", profile.education, ("institution", "studyType"), ("startDate", "endDate"), near=("area",))
    entries("certificates", profile.certificates, ("name", "issuer"), ("date",))
    entries("projects", profile.projects, ("name",), ("startDate", "endDate"))
    entries("awards", profile.awards, ("title",), ("date",))
    return out
