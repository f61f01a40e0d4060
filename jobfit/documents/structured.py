"""Files of data rather than of prose. A JSON Resume (jsonresume.org, the schema profiles are written in) is read as
the resume it describes: written out as a plain resume would be, so that it is parsed, its skills named by the
taxonomy and its years counted as every other resume's are. A JSON file that is no JSON Resume, and a table (CSV or
TSV, as a spreadsheet or an applicant tracking system exports candidates), are named for what they are.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date

# JSON Resume sections in the order a resume puts them, and the heading each is written under
_SECTIONS = (
    ("work", "Experience"), ("volunteer", "Volunteering"), ("education", "Education"), ("projects", "Projects"),
    ("awards", "Awards"), ("certificates", "Certifications"), ("publications", "Publications"), ("skills", "Skills"),
    ("languages", "Languages"), ("interests", "Interests"), ("references", "References"),
)
# the names the schema's earlier versions (0.x, which many resume.json files still follow) gave its fields
_RENAMED = {"work": {"company": "name", "website": "url"}, "volunteer": {"website": "url"},
            "education": {"gpa": "score"}, "projects": {"website": "url"}}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def json_document(data: bytes) -> object | None:
    """The JSON value the file holds, or None when it is no JSON (a text that starts with '{' or '[' all the same)."""
    from jobfit.text import decode_bytes

    try:
        return json.loads(decode_bytes(data))
    except (ValueError, RecursionError):
        return None


def is_json_resume(value: object) -> bool:
    """A JSON Resume: an object with the schema's "basics", or naming the schema and holding one of its sections."""
    if not isinstance(value, dict):
        return False
    if isinstance(value.get("basics"), dict):
        return True
    schema = str(value.get("$schema") or "")
    return "jsonresume" in schema and any(isinstance(value.get(key), list) for key, _ in _SECTIONS)


def current_schema(resume: dict) -> dict:
    """The JSON Resume with its fields under the schema's current names ('company' is a job's 'name', 'gpa' a
    school's 'score', 'website' a 'url'); a field under both names keeps the current one."""
    resume = dict(resume)
    if isinstance(resume.get("basics"), dict):
        resume["basics"] = _renamed(resume["basics"], {"website": "url"})
    for section, names in _RENAMED.items():
        if isinstance(resume.get(section), list):
            resume[section] = [_renamed(item, names) if isinstance(item, dict) else item for item in resume[section]]
    return resume


def last_modified(resume: dict) -> date | None:
    """When the JSON Resume was last changed, as its own meta says ('lastModified': '2026-02-10T10:00:00')."""
    meta = _mapping(resume.get("meta"))
    try:
        return date.fromisoformat(str(meta.get("lastModified") or "")[:10])
    except ValueError:
        return None


def json_resume_text(resume: dict) -> tuple[str, list[str]]:
    """The resume a JSON Resume describes, written as plain text, and its section headings."""
    basics = _mapping(resume.get("basics"))
    location = _mapping(basics.get("location"))
    place = _joined(", ", location.get("address"), location.get("city"),
                    _joined(" ", location.get("region"), location.get("postalCode")), location.get("countryCode"))
    links = [_text(p.get("url")) or _joined(": ", p.get("network"), p.get("username")) for p in _items(basics.get("profiles"))]
    lines = [_text(basics.get("name")), _text(basics.get("label")),
             _joined(" | ", basics.get("email"), basics.get("phone"), place), _joined(" | ", basics.get("url"), *links)]
    headings = []
    if summary := _text(basics.get("summary")):
        headings.append("Summary")
        lines += ["", "Summary", summary]
    for key, heading in _SECTIONS:
        entries = [line for item in _items(resume.get(key)) for line in _ENTRY[key](item) if line]
        if entries:
            headings.append(heading)
            lines += ["", heading, *entries]
    return "\n".join(line for line in lines if line is not None).strip(), headings


def table_shape(text: str) -> tuple[int, int] | None:
    """(rows, columns) when the text is a table: one record a line, four rows of five or more with the same three or
    more columns split by one delimiter (comma, semicolon, tab or bar); None for prose."""
    for delimiter in (",", ";", "\t", "|"):
        try:
            rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if any(cell.strip() for cell in row)]
        except csv.Error:  # a cell past the csv module's limit (128 KiB: an opening quote never closed in a long text)
            return None
        if len(rows) < 3:
            return None
        columns, count = Counter(map(len, rows)).most_common(1)[0]
        if columns >= 3 and count >= 0.8 * len(rows):
            return len(rows), columns
    return None


def _work(item: dict) -> list[str]:
    """'Data Engineer at Foo Corp | Berlin | Mar 2019 - Present', its summary, its highlights as bullets."""
    title = _joined(" at ", item.get("position"), item.get("name") or item.get("organization"))
    return [_joined(" | ", title, item.get("location"), _period(item)), _text(item.get("summary")),
            *_bullets(item.get("highlights"))]


def _education(item: dict) -> list[str]:
    degree = _joined(" in ", item.get("studyType"), item.get("area"))
    score = _text(item.get("score"))
    courses = ", ".join(filter(None, map(_text, _list(item.get("courses")))))
    return [_joined(", ", degree, item.get("institution"), _period(item)), score and f"GPA: {score}",
            courses and f"Courses: {courses}"]


def _project(item: dict) -> list[str]:
    return [_joined(" | ", item.get("name"), _period(item)), _text(item.get("description")), *_bullets(item.get("highlights"))]


def _award(item: dict) -> list[str]:
    return [_joined(", ", item.get("title"), item.get("awarder"), _day(item.get("date"))), _text(item.get("summary"))]


def _certificate(item: dict) -> list[str]:
    return [_joined(", ", item.get("name"), item.get("issuer"), _day(item.get("date")))]


def _publication(item: dict) -> list[str]:
    return [_joined(", ", item.get("name"), item.get("publisher"), _day(item.get("releaseDate"))), _text(item.get("summary"))]


def _skill(item: dict) -> list[str]:
    name = _text(item.get("name"))
    keywords = ", ".join(word for word in filter(None, map(_text, _list(item.get("keywords")))) if word != name)
    level = _text(item.get("level"))
    return [_joined(": ", _joined(" ", name, f"({level})" if level else None), keywords)]


def _language(item: dict) -> list[str]:
    fluency = _text(item.get("fluency"))
    return [_joined(" ", item.get("language"), f"({fluency})" if fluency else None)]


def _interest(item: dict) -> list[str]:
    return [_joined(": ", item.get("name"), ", ".join(filter(None, map(_text, _list(item.get("keywords"))))))]


def _reference(item: dict) -> list[str]:
    return [_joined(": ", item.get("name"), item.get("reference"))]


_ENTRY = {"work": _work, "volunteer": _work, "education": _education, "projects": _project, "awards": _award,
          "certificates": _certificate, "publications": _publication, "skills": _skill, "languages": _language,
          "interests": _interest, "references": _reference}


def _period(item: dict) -> str | None:
    """'Mar 2019 - Present' (an entry with a start and no end is current), 'Jun 2015 - Apr 2018', '2014 - 2018'."""
    start, end = _day(item.get("startDate")), _day(item.get("endDate"))
    if start:
        return f"{start} - {end or 'Present'}"
    return end


def _day(value: object) -> str | None:
    """A JSON Resume date ('2019-03-01', '2019-03', '2019') as resumes write it: 'Mar 2019', '2019'."""
    text = _text(value)
    if not text:
        return None
    parts = text.split("-")
    try:
        if len(parts) >= 2:
            return f"{_MONTHS[date(int(parts[0]), int(parts[1]), 1).month - 1]} {int(parts[0])}"
    except ValueError:
        return text
    return text


def _renamed(item: dict, names: dict[str, str]) -> dict:
    """The entry with its fields under their current names; a field under both keeps the current one."""
    return {names.get(key, key): value for key, value in item.items() if names.get(key, key) == key or names[key] not in item}


def _bullets(values: object) -> list[str]:
    return [f"- {text}" for text in map(_text, _list(values)) if text]


def _joined(sep: str, *values: object) -> str | None:
    return sep.join(text for text in map(_text, values) if text) or None


def _text(value: object) -> str | None:
    """A field's text: strings as they are, numbers written out, anything else (a nested object where the schema
    has text) left out."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _items(value: object) -> list[dict]:
    return [item for item in _list(value) if isinstance(item, dict)]


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}
