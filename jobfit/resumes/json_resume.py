"""A JSON Resume's own entries, kept as its author wrote them.

Its text (jobfit.documents.structured writes it out) is parsed as every resume is, which names its skills by the
taxonomy and finds their evidence; the entries it states (who, which jobs, which schools, what else) then stand
instead of those read back from that text, where they are valid entries of the schema. A section that does not
validate (a field of the wrong type) keeps what the text gave, so nothing the file says is lost.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from jobfit.schema import (
    Award,
    Basics,
    Certificate,
    Education,
    Interest,
    Language,
    Project,
    Publication,
    Reference,
    Skill,
    Volunteer,
    Work,
)

# the sections kept as written, and the model of an entry of each (the skills as the author grouped them; the parse
# names them by the taxonomy in meta.skills)
_SECTIONS = {"skills": Skill, "work": Work, "volunteer": Volunteer, "education": Education, "projects": Project, "awards": Award,
             "certificates": Certificate, "publications": Publication, "interests": Interest, "references": Reference,
             "languages": Language}
_DATE_FIELDS = ("startDate", "endDate", "date", "releaseDate")
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-\d{2})?)?")


def stated_sections(resume: dict) -> dict[str, list]:
    """The JSON Resume's sections as profile entries ({"work": [Work, ...], ...}), each section that is a list of
    valid entries; dates as profiles write them ('2019-03-01' is '2019-03')."""
    stated = {}
    for key, model in _SECTIONS.items():
        items = resume.get(key)
        if not isinstance(items, list) or not items:
            continue
        try:
            stated[key] = [model.model_validate(_dated(item)) for item in items]
        except (ValidationError, TypeError):
            continue
    return stated


def stated_basics(resume: dict, parsed: Basics) -> Basics:
    """The JSON Resume's basics where it states them validly, field by field, the parsed ones elsewhere; the phone as
    parsed when the parse read one (in E.164, '+19125554321', where the file may write '(912) 555-4321')."""
    own = resume.get("basics")
    stated = {}
    for key, value in (own.items() if isinstance(own, dict) else ()):
        if value in (None, "", [], {}) or key == "phone" and parsed.phone:
            continue
        try:
            stated[key] = getattr(Basics.model_validate({key: value}), key)
        except ValidationError:
            continue
    location = stated.get("location")
    if location is not None and not (location.city or location.countryCode):
        del stated["location"]  # an address alone: the parse's reading of it has the town
    return parsed.model_copy(update=stated)


def month_of(value: str | None) -> tuple[int, int] | None:
    """(year, month) of a profile's date ('2019-03', '2019': January), as the parser reads a year alone."""
    match = _ISO.match((value or "").strip())
    return (int(match[1]), int(match[2] or 1)) if match and 1 <= int(match[2] or 1) <= 12 else None


def _dated(item: object) -> object:
    if not isinstance(item, dict):
        return item
    return {key: _iso_date(str(value) if isinstance(value, int) else value) if key in _DATE_FIELDS else value
            for key, value in item.items()}


def _iso_date(value: object) -> object:
    """'2019-03-01' as '2019-03', '2019' as it is; what is no ISO date stays as written."""
    if not isinstance(value, str):
        return value
    match = _ISO.fullmatch(value.strip())
    if not match:
        return value
    return f"{match[1]}-{match[2]}" if match[2] else match[1]
