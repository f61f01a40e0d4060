"""Work and education entries as resumes lay them out.

An entry is a short run of header lines (title, employer or school, place, dates, in any order and
split or not by " - ", "|", ",") followed by its text. Header lines are told from text by their shape:
text is bulleted, long, or a sentence. Dates anchor entries; role nouns and organization words tell
the title from the employer; the gazetteer takes the place out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jobfit.resumes.dates import DateRange, find_range, iso, leading_date
from jobfit.resumes.lexicon import LEGAL_SUFFIX, company_score, title_score, words_of
from jobfit.resumes.places import parse_place, place_text
from jobfit.resumes.sections import BULLET

# Functions a title names after a comma ("Vice President, Sales"): not employers.
DEPARTMENTS = frozenset("""sales marketing operations finance hr it qa engineering research development administration
accounts accounting procurement logistics support business strategy product design technology and of the
international global national regional north south east west europe asia americas emea apac""".split())

SEPARATORS = re.compile(r"\s+[-–—|@]\s+|\s*[|•·]\s*|\s+[-–—]\s*$|\s+at\s+(?=[A-Z])|\t")
LABELED = re.compile(
    r"^(designation|job title|title|position|role|organi[sz]ation|company|company name|employer|client|"
    r"duration|period|dates?|location|place)\s*[:\-]\s*(.+)$", re.I)
BODY_LABEL = re.compile(
    r"^(?:(?:key|main|major|job|my|primary|other)\s+)?(?:roles?|responsibilit\w+|duties|functions|achievements|accomplishments|"
    r"contributions|deliverables|highlights|environment|description|tools|technologies|project(?: name| title)?|"
    r"team size|client|platform|technology used|skills used|results)(?:\s+(?:and|&)\s+\w+)*\s*(?::|$)", re.I)


def wrap_width(lines: list[str]) -> int:
    """The width the document's prose wraps at (its long lines' length); 0 when it does not wrap."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 30:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    return width if width >= 60 else 0


LEGAL_END = re.compile(r"\b(?:inc|ltd|co|corp|llc|jr|sr|pvt|bros|dept|[A-Z])\.$", re.I)
PAST_VERB = re.compile(r"^(?:[A-Z][a-z]+ed|Led|Built|Ran|Won|Made|Wrote|Taught|Oversaw|Drove|Grew|Sold|Set)\b")


def is_body(line: str, width: int = 0) -> bool:
    """Text under an entry rather than a header line of one: bulleted, long, a sentence, wrapped prose."""
    words = re.findall(r"\w+", line)
    if BULLET.match(line) or BODY_LABEL.match(line):
        return True
    dated = find_range(line)
    if width and len(line) >= 0.8 * width and len(words) > 6 and not dated and not SEPARATORS.search(line):
        return True  # a full-width line of wrapped prose
    if PAST_VERB.match(line) and len(words) > 3 and not find_range(line):
        return True
    limit = 14 if dated else 10
    if len(words) > limit:
        return True
    if line.rstrip().endswith(".") and len(words) >= 2 and not LEGAL_END.search(line):
        return True
    return bool(re.match(r"^[a-z(]", line)) and not dated and len(words) >= 4


CONTACT = re.compile(r"@|\b(?:tel|phone|mobile|cell|e-?mail|address|zip code|fax)\b|\d{3}[ .-]\d{3}[ .-]\d{4}|https?://|www\.", re.I)
LONE_DATE_PIECE = re.compile(r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|spring|summer|fall|autumn|winter)"
                             r"(?:[\s,']+(?:(?:19|20)\d\d))?$|^(?:19|20)\d\d$", re.I)


@dataclass
class Header:
    """The header lines of one entry with its dates taken out."""

    pieces: list[str] = field(default_factory=list)
    dates: DateRange | None = None
    labeled: dict[str, str] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)


def _strip(text: str) -> str:
    return text.strip(" \t|,;:-–—()[]•·")


def _take_place(text: str, header: Header) -> str:
    """Take a trailing place ("Acme Inc., Sometown, CA", "Infosys - Pune, Maharashtra") out of a line."""
    text = re.sub(r"\s*\(([^()]*)\)?\s*$", lambda m: ", " + m.group(1).replace(" - ", ", ") if parse_place(
        m.group(1).replace(" - ", ", ").replace("  ", ", ")) else m.group(0), text)  # "Acme Ltd., Indore (Madhya Pradesh - India)"
    parts = [p for p in re.split(r"\s*,\s*", text)]
    for k in (3, 2, 1):
        if len(parts) >= k:
            tail = ", ".join(parts[-k:])
            location = parse_place(tail)
            if location:
                header.places.append(place_text(location) if k > 1 or not location.city else tail)
                return ", ".join(parts[:-k])
    return text


def _header(lines: list[str]) -> Header:
    header = Header()
    for line in lines:
        labeled = LABELED.match(line)
        if labeled:
            key, value = labeled.group(1).lower(), labeled.group(2).strip()
            if key in DATE_LABELS:
                line = value
            elif key in ("location", "place"):
                header.places.append(_strip(value))
                continue
            elif key == "client":
                continue  # who the work was for, not the employer
            else:
                kind = "position" if key in ("designation", "job title", "title", "position", "role") else "company"
                header.labeled.setdefault(kind, _take_place(_strip(value), header))
                continue
        found = find_range(line)
        if not found and header.dates is None:
            found = leading_date(line)
        if found and header.dates is None:
            header.dates = found
            line = line[: found.span[0]] + " | " + line[found.span[1]:]
        elif found:
            line = line[: found.span[0]] + " | " + line[found.span[1]:]
        for piece in SEPARATORS.split(line):
            piece = _strip(re.sub(r"\(\s*\)|\bfrom\s*$", "", piece))
            if not piece or not re.search(r"[A-Za-z]{2}", piece):
                continue
            if CONTACT.search(piece):
                continue  # a phone, an address or an email is never a title or an employer
            lone = LONE_DATE_PIECE.match(piece)
            if lone:
                if header.dates is None and (found := leading_date(piece + " X")):
                    header.dates = found
                continue
            piece = _take_place(piece, header)
            piece = _strip(piece)
            if piece and re.search(r"[A-Za-z]{2}", piece):
                header.pieces.append(piece)
    return header


def _split_title_company(piece: str, roles: frozenset[str]) -> list[str]:
    """"Software Engineer, Acme Corp" -> two pieces; "Vice President, Sales" stays one."""
    if "," not in piece:
        return [piece]
    left, right = (p.strip() for p in piece.split(",", 1))
    if title_score(left, roles) > 0 and company_score(right, roles) > max(0.0, title_score(right, roles)):
        return [left, right]
    if company_score(left, roles) > 0.9 and title_score(right, roles) > 0 and not re.match(r"(?i)inc|ltd|llc", right):
        return [left, right]
    # "Backend Engineer, Pine Apps": a title, then a name that is neither a title nor a department.
    right_words = right.split()
    if (title_score(left, roles) >= 1 and title_score(right, roles) <= 0 and 1 <= len(right_words) <= 5
            and all(w[:1].isupper() or w[:1].isdigit() or w in ("&", "of", "and") for w in right_words)
            and not set(words_of(right)) <= DEPARTMENTS and not LEGAL_SUFFIX.fullmatch(right.strip(" ."))):
        return [left, right]
    return [piece]


@dataclass
class WorkEntry:
    position: str | None
    company: str | None
    location: str | None
    dates: DateRange | None
    highlights: list[str] = field(default_factory=list)


def _assign(header: Header, roles: frozenset[str], company_first: bool) -> WorkEntry:
    pieces = [p for piece in header.pieces for p in _split_title_company(piece, roles)]
    position = header.labeled.get("position")
    company = header.labeled.get("company")
    rest = [p for p in pieces if p not in (position, company)]
    if position is None and rest:
        scored = [(title_score(p, roles) - max(0.0, company_score(p, roles)), -i, p) for i, p in enumerate(rest)]
        best = max(scored)
        if best[0] > 0:
            position = best[2]
            rest.remove(position)
    if company is None and rest:
        scored = [(company_score(p, roles), -i, p) for i, p in enumerate(rest)]
        best = max(scored)
        if best[0] > 0:
            company = best[2]
            rest.remove(company)
    # No evidence either way: the layout decides (Indeed: title, then employer).
    if rest and position is None and company is None:
        if company_first and len(rest) > 1:
            company, position = rest[0], rest[1]
        elif len(rest) == 1 and len(rest[0].split()) > 6:
            company = None  # one long unexplained line: neither
        else:
            position = rest[0]
            company = rest[1] if len(rest) > 1 else None
    elif rest and company is None:
        company = rest[0]
    elif rest and position is None and len(rest[0].split()) <= 6:
        position = rest[0]
    location = header.places[0] if header.places else None
    return WorkEntry(position, company, location, header.dates)


def _groups(lines: list[str], width: int) -> list[tuple[list[str], list[str]]]:
    """(header lines, body lines) runs: header lines until text starts, text until the next header line."""
    groups: list[tuple[list[str], list[str]]] = []
    open_text = ""  # the text line just above, when it did not finish its sentence
    for line in lines:
        if not line:
            open_text = ""
            continue
        # A line right under text that ran to the margin without finishing its sentence continues it.
        wrapped = bool(open_text) and (bool(width) and len(open_text) >= 0.8 * width or line[:1].islower()
                                       or len(open_text) >= 60 and line.endswith("."))  # "...Tomcat Web logic" / "Application server."
        continues = wrapped and not find_range(line) and not re.search(r"[.!?:;]$", open_text)
        if continues and groups and groups[-1][1]:
            groups[-1][1][-1] += " " + line  # one bullet wrapped over two lines is one highlight
            open_text = line
        elif continues or is_body(line, width):
            if not groups:
                groups.append(([], []))
            groups[-1][1].append(BULLET.sub("", line).strip())
            open_text = line
        else:
            open_text = ""
            if groups and not groups[-1][1]:
                groups[-1][0].append(line)
            else:
                groups.append(([line], []))
    return groups


DATE_LABELS = ("duration", "period", "date", "dates")


def _segments(header_lines: list[str]) -> list[list[str]]:
    """One header run that holds several entries (each with its dates) cut into one run per entry."""
    dated = [i for i, line in enumerate(header_lines) if find_range(line)]
    if len(dated) <= 1:
        return [header_lines]
    # Date lines with a title on them ("Office Manager, 2007 to present") are entries of their own,
    # under the employer the other lines name.
    def wordy(i: int) -> bool:
        found = find_range(header_lines[i])
        rest = header_lines[i][: found.span[0]] + header_lines[i][found.span[1]:]
        rest = re.sub(r"^\s*(?:" + "|".join(DATE_LABELS) + r")\s*[:\-]?", "", rest, flags=re.I)
        return len(re.findall(r"[A-Za-z]{2,}", rest)) >= 1
    titled = [i for i in dated if wordy(i)]
    if len(titled) >= 2:
        shared = [line for i, line in enumerate(header_lines) if i not in dated]
        return [shared + [header_lines[i]] for i in titled]
    starts_with_date = dated[0] == 0
    segments, current = [], []
    for i, line in enumerate(header_lines):
        if starts_with_date and i in dated and current:
            segments.append(current)
            current = []
        current.append(line)
        if not starts_with_date and i in dated:
            segments.append(current)
            current = []
    if current:
        if segments and not starts_with_date:
            segments[-1].extend(current)
        else:
            segments.append(current)
    return segments


def work_entries(lines: list[str], roles: frozenset[str], width: int = 0) -> list[WorkEntry]:
    """Entries of an experience section; `width` is the document's wrap width (see wrap_width)."""
    entries: list[WorkEntry] = []
    groups = _groups(lines, width)
    dated_groups = sum(1 for header, _ in groups if any(find_range(line) for line in header))
    for header_lines, body in groups:
        if not header_lines:
            if entries:
                entries[-1].highlights.extend(body)
            continue
        segments = _segments(header_lines)
        made = []
        for segment in segments:
            header = _header(segment)
            if not header.pieces and not header.labeled:
                if header.dates and entries and entries[-1].dates is None:
                    entries[-1].dates = header.dates
                continue
            if header.dates is None and dated_groups:
                # An undated run in a dated history: the title under the previous entry's dates, or text.
                previous = entries[-1] if entries else None
                if previous and previous.position is None and any(title_score(p, roles) > 0 for p in header.pieces):
                    previous.position = max(header.pieces, key=lambda p: title_score(p, roles))
                    continue
                if previous and not previous.highlights and len(header.pieces) <= 2 and previous.company and previous.position is None:
                    previous.position = header.pieces[0]
                    continue
                if len(segment) > 3 or not any(title_score(p, roles) >= 1 and len(p.split()) <= 6 for p in header.pieces):
                    if entries:
                        entries[-1].highlights.extend(segment)
                    continue
            entry = _assign(header, roles, company_first=False)
            made.append(entry)
        entries.extend(made)
        if entries:
            entries[-1].highlights.extend(body)
    return entries


@dataclass
class EducationEntry:
    degree: str | None = None
    level: str | None = None
    area: str | None = None
    institution: str | None = None
    location: str | None = None
    start: str | None = None
    end: str | None = None
    score: str | None = None
    courses: list[str] = field(default_factory=list)


__all__ = ["WorkEntry", "EducationEntry", "work_entries", "is_body", "iso"]


DEGREES = (
    (r"ph\.?\s?d\.?|doctorate|doctor of [a-z]+|d\.?phil|ed\.?d|j\.?d\.?|m\.?d\.?(?= )", "doctorate"),
    (r"master'?s?(?: degree)?(?:\s+(?:of|in)\s+(?-i:[A-Z][A-Za-z]+(?:\s+(?:and\s+|&\s+)?[A-Z][A-Za-z]+)*))?|m\.?\s?sc\.?|m\.?\s?s\.|m\.\s?a\.|mba|m\.?\s?b\.?\s?a\.?|m\.?\s?eng\.?|"
     r"m\.?\s?tech\.?|m\.?\s?c\.?\s?a\.?|m\.?\s?com\.?|m\.?\s?ed\.?|m\.?\s?phil\.?|m\.\s?e\.?|pgdm|pgdba|pgd\w*|"
     r"post[- ]?graduat\w*(?: diploma)?|ll\.?m", "master"),
    (r"bachelor'?s?(?: degree)?(?:\s+(?:of|in)\s+(?-i:[A-Z][A-Za-z]+(?:\s+(?:and\s+|&\s+)?[A-Z][A-Za-z]+)*))?|b\.?\s?sc\.?|b\.\s?s\.?|b\.\s?a\.?|b\.?\s?eng\.?|b\.?\s?tech\.?|"
     r"b\.?\s?com\.?|b\.?\s?c\.?\s?a\.?|b\.?\s?b\.?\s?a\.?|b\.\s?e\.?|b\.?\s?ed\.?|b\.?\s?pharm\.?|b\.?\s?arch\.?|"
     r"ll\.?b|mbbs|graduat(?:e|ion) in [a-z]+|undergraduate", "bachelor"),
    (r"associate'?s? (?:degree|of [a-z]+|in [a-z]+)|a\.\s?a\.?s?|a\.\s?s\.", "associate"),
    (r"diploma|certificate|certification|certified [a-z]+", "certificate"),
    (r"high school|secondary school|senior secondary|higher secondary|ged|h\.?s\.?c|s\.?s\.?c|cbse|icse|"
     r"12th|10th|xii|x th|intermediate|matriculation|a[- ]levels?|o[- ]levels?|gcse", "secondary"),
)
_DEGREE_RES = [(re.compile(r"(?<![\w.])(?:" + pattern + r")(?![\w])", re.I), level) for pattern, level in DEGREES]
# Upper-case abbreviations that are ordinary words in lower case ("BE", "BS", "MS", "BA", "MA").
_DEGREE_CAPS = re.compile(r"(?<![\w.])(BE|BS|BSc|BA|MS|MSc|MA|ME|BSEE|BSME|BSCS|MSCS|AA|AS|AAS)(?![\w])")
_CAPS_LEVEL = {"BE": "bachelor", "BS": "bachelor", "BSC": "bachelor", "BA": "bachelor", "MS": "master", "MSC": "master",
               "MA": "master", "ME": "master", "BSEE": "bachelor", "BSME": "bachelor", "BSCS": "bachelor",
               "MSCS": "master", "AA": "associate", "AS": "associate", "AAS": "associate"}
INSTITUTION = re.compile(r"\b(university|universit[àa]|college|institute|institution|school|academy|polytechnic|iit|nit|"
                         r"vidyalaya|vidyapeeth|mahavidyalaya|faculty|conservatory|seminary|campus)\b", re.I)
SCORE = re.compile(r"\b(?:gpa|cgpa|cpi|percentage|grade|score|aggregate)\s*(?:of\s*)?[:\-]?\s*(\d+(?:\.\d+)?\s*(?:/\s*\d+(?:\.\d+)?|%)?)"
                   r"|(\d{2}(?:\.\d+)?\s*%)|(\d\.\d{1,2})\s*/\s*(?:4|10)(?:\.0)?\b", re.I)


def degree_of(text: str) -> tuple[str, str, tuple[int, int]] | None:
    """(the degree as written, its level, where) for the first degree named in text."""
    best = None
    for pattern, level in _DEGREE_RES:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[2][0]):
            best = (match.group(0).strip(), level, match.span())
    caps = _DEGREE_CAPS.search(text)
    if caps and (best is None or caps.start() < best[2][0]):
        best = (caps.group(0), _CAPS_LEVEL[caps.group(0).upper()], caps.span())
    return best


_AREA = re.compile(r"^\s*(?:\(([^)]{2,60})\)|(?:in|of|,|-|–|:)\s*([A-Za-z][A-Za-z &/.,'()-]{1,80}))")


def _degree_line(line: str) -> tuple[str, str, str | None, str]:
    """(degree phrase as written, level, area, what is left of the line) for a line naming a degree."""
    written, level, (start, end) = degree_of(line)
    rest = line[end:]
    area = None
    match = _AREA.match(rest)
    if match:
        area_text = (match.group(1) or match.group(2) or "")
        area_text = re.split(r"\s+[-–—|]\s+|\s*[|–—]\s*|\s+from\s+|\s+at\s+|\s*,\s*",
                             area_text)[0]
        area_text = _strip(re.sub(r"\s*\((?:19|20)\d\d.*$", "", area_text))
        if area_text and not INSTITUTION.search(area_text) and not find_range(area_text):
            area = area_text
            rest = rest[match.end():] if match.group(1) else rest[rest.find(area_text) + len(area_text):]
    phrase = _strip(line[start:end] + (line[end:line.find(area) + len(area)] if area and area in line[end:] else ""))
    return phrase, level, area, line[:start] + " | " + rest


def education_entries(lines: list[str]) -> list[EducationEntry]:
    entries: list[EducationEntry] = []
    lead: str | None = None  # what starts an entry in this resume: its degree line or its school line
    for raw in lines:
        if not raw:
            continue
        line = BULLET.sub("", raw).strip()
        has_degree = degree_of(line) is not None and len(line.split()) <= 16
        found = find_range(line)
        years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", line)
        kind = "degree" if has_degree else "school" if INSTITUTION.search(line) and len(line.split()) <= 14 else None
        if kind and (lead is None or kind == lead or not entries or
                     (kind == "degree" and entries[-1].degree) or (kind == "school" and entries[-1].institution)):
            lead = lead or kind
            entries.append(EducationEntry())
        if not entries:
            continue
        entry = entries[-1]
        score = SCORE.search(line)
        if score and not entry.score:
            entry.score = next(g for g in score.groups() if g).strip()
        rest = line
        if has_degree and not entry.degree:
            entry.degree, entry.level, entry.area, rest = _degree_line(line)
        if found:
            entry.start = entry.start or (str(found.start[0]) if found.start else None)
            entry.end = entry.end or (str(found.end[0]) if found.end else None)
            rest = rest.replace(line[found.span[0]:found.span[1]], " | ")
        elif years and not entry.end and len(line.split()) <= 8:
            entry.end = years[-1]
        rest = re.sub(r"(?<!\d)(?:19|20)\d\d(?!\d)", " | ", rest)
        for piece in SEPARATORS.split(rest):
            piece = _strip(re.sub(r"\b(?:graduated|expected|class of|passed out|passing year|year of passing)\b", "", piece, flags=re.I))
            piece = _strip(SCORE.sub("", piece)) if score else piece
            if not piece or not re.search(r"[A-Za-z]{2}", piece):
                continue
            place = parse_place(piece)
            if place:
                entry.location = entry.location or piece
                continue
            named = institution_name(piece)
            if not entry.institution and named:
                entry.institution = named
                rest_of_piece = _strip(piece.replace(named, " | "))
                if rest_of_piece and parse_place(rest_of_piece):
                    entry.location = entry.location or rest_of_piece
            elif not entry.institution and len(piece.split()) <= 8 and piece[:1].isupper() and kind != "degree" \
                    and not is_body(piece):
                entry.institution = _take_place_text(piece, entry)
    return [e for e in entries if e.degree or e.institution]


_CONNECTORS = {"of", "for", "and", "&", "at", "the", "de", "du", "la", "in"}


def institution_name(text: str) -> str | None:
    """The school a piece of text names: the run of capitalized words around "University", "College"...

    "Coursework in Social Systems, University of Pennsylvania" -> "University of Pennsylvania";
    "Jawaharlal Nehru Technological University" stays whole.
    """
    for part in re.split(r"\s*,\s*|\s*;\s*", text):
        words = part.split()
        keys = [i for i, w in enumerate(words) if INSTITUTION.fullmatch(w.strip(".()"))]
        if not keys:
            continue

        def named(word: str) -> bool:
            bare = word.strip(".()'’")
            return bool(bare) and (bare[:1].isupper() or bare[:1].isdigit())

        if words[keys[0]][:1].islower():  # "St. Joseph's convent school": written in lower case, keep the part
            return _strip(part) if len(words) <= 8 else None
        start = end = keys[0]
        while start > 0 and (named(words[start - 1]) or words[start - 1].lower() in _CONNECTORS):
            start -= 1
        while end + 1 < len(words) and (named(words[end + 1]) or words[end + 1].lower() in _CONNECTORS):
            end += 1
        while start < keys[0] and words[start].lower() in _CONNECTORS:
            start += 1
        while end > keys[0] and words[end].lower() in _CONNECTORS:
            end -= 1
        name = _strip(" ".join(words[start:end + 1]))
        if name and len(name.split()) <= 10:
            return name
    return None


def _take_place_text(text: str, entry: EducationEntry) -> str:
    header = Header()
    rest = _take_place(text, header)
    if header.places and rest.strip():
        entry.location = entry.location or header.places[0]
        return _strip(rest)
    return text


PROSE_ROLE = re.compile(
    r"\b(?:work(?:ed|ing)|employed|serv(?:ed|ing)|join(?:ed)?)\s+(?:as\s+(?:an?\s+)?(?P<title>[A-Za-z][\w./&-]*(?:\s+[\w./&-]+){0,5}?)\s+)?"
    r"(?:with|at|for|in|under)\s+(?P<company>(?-i:[A-Z][\w.&'’-]*)(?:\s+(?:(?-i:[A-Z&][\w.&'’-]*)|of|and|&)){0,6})"
    r"(?=\s+(?:from|since|during|between|till|until|as)\b|\s*[,.(;]|\s*$)(?P<rest>[^.;]*)",
    re.I,
)


def prose_entries(text: str, roles: frozenset[str]) -> list[WorkEntry]:
    """Jobs a summary states in a sentence: "Worked as Software Engineer with Prolifics Corporation Limited
    from Dec' 2015 to Sept' 2016". Only with a title or dates, so "worked with Python" is not a job."""
    entries = []
    for match in PROSE_ROLE.finditer(text):
        title = match["title"] if match["title"] and title_score(match["title"], roles) >= 1 else None
        company = _strip(match["company"])
        dates = find_range(match["rest"] or "")
        if (title or dates) and company and company_score(company, roles) >= 0 and not title_score(company, roles) > 0 \
                and not parse_place(company):
            entries.append(WorkEntry(title, company, None, dates))
    return entries
