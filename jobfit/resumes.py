"""Resume text to a JSON Resume profile with `meta`, by rules and the taxonomy's skill matcher."""

from __future__ import annotations

import re
from datetime import date

from jobfit import SCHEMA_VERSION
from jobfit.schema import (
    Basics,
    Education,
    Language,
    Location,
    NormalizedSkill,
    Profile,
    ProfileMeta,
    Skill,
    SocialProfile,
    Work,
)
from jobfit.taxonomy import SkillMatcher, SkillMention

SECTION_HEADINGS = {
    "summary": ("summary", "profile", "objective", "about me", "professional summary", "career objective"),
    "experience": (
        "experience", "work experience", "professional experience", "employment", "employment history",
        "work history", "career history",
    ),
    "education": ("education", "academic background", "qualifications", "education and training"),
    "skills": ("skills", "technical skills", "core skills", "key skills", "competencies", "core competencies"),
    "certifications": ("certifications", "certificates", "licenses", "licenses and certifications"),
    "languages": ("languages",),
    "projects": ("projects", "selected projects"),
}
_HEADING_LOOKUP = {alias: section for section, aliases in SECTION_HEADINGS.items() for alias in aliases}

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\w)(\+?\d[\d ().-]{7,}\d)(?!\w)")
URL = re.compile(r"(?:https?://)?(?:www\.)?(?:linkedin\.com|github\.com)/[\w/.-]+", re.I)
MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_DATE = r"(?:(?P<{p}m>[A-Za-z]{{3}})[a-z]*\.?,?\s+|(?P<{p}n>\d{{1,2}})/)?(?P<{p}y>(?:19|20)\d\d|\d\d(?=\s*(?:-|–|—|to)|\s*$))"
DATE_RANGE = re.compile(
    _DATE.format(p="s") + r"\s*(?:-|–|—|to|until)\s*(?:" + _DATE.format(p="e")
    + r"|(?P<present>present|current|now|today|till date|to date|date))",
    re.I,
)
DEGREES = (
    (re.compile(r"\b(ph\.?\s?d|doctorate|doctor of [a-z]+)\b\.?", re.I), "doctorate"),
    (re.compile(r"\b(master(?:'s)?(?: of [a-z]+(?: (?!in\b|and\b)[a-z]+)?)?|m\.?sc|m\.?s\.|mba|m\.?a\.|m\.?eng|m\.?tech|mca)\b\.?", re.I), "master"),
    (re.compile(r"\b(M\.\s?E|M\.\s?S)\b\.?"), "master"),
    (re.compile(r"\b(bachelor(?:'s)?(?: of [a-z]+(?: (?!in\b|and\b)[a-z]+)?)?|b\.?sc|b\.?s\.|b\.?a\.|b\.?eng|b\.?tech|b\.?com|bca)\b\.?", re.I), "bachelor"),
    (re.compile(r"\b(B\.\s?E|B\.\s?S|BE|BS|BA)\b\.?"), "bachelor"),
    (re.compile(r"\b(associate(?:'s)? (?:degree|of [a-z]+))\b", re.I), "associate"),
    (re.compile(r"\b(diploma|certificate)\b", re.I), "certificate"),
    (re.compile(r"\b(high school|secondary school|ged|hsc|ssc)\b", re.I), "secondary"),
)


def degree_of(text: str) -> tuple[str, str] | None:
    """(the degree as written, its level) for the first degree named in text."""
    for pattern, level in DEGREES:
        match = pattern.search(text)
        if match:
            return match.group(0).strip(), level
    return None
INSTITUTION = re.compile(r"\b(university|college|institute|school|academy|polytechnic)\b", re.I)
LOCATION = re.compile(r"^\s*([A-Z][A-Za-z .'-]+),\s*([A-Z]{2}|[A-Z][A-Za-z ]+?)(?:\s+\d{5}(?:-\d{4})?)?\s*$")
RELOCATE = re.compile(r"^\s*willing to relocate(?: to)?\s*:?\s*", re.I)
BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\d+[.)])\s+")
TITLE_LEVELS = (
    (re.compile(r"\b(intern|internship|trainee)\b", re.I), "internship"),
    (re.compile(r"\b(chief|vp|vice president|head of|c[eto]o)\b", re.I), "executive"),
    (re.compile(r"\b(director)\b", re.I), "director"),
    (re.compile(r"\b(senior|sr\.?|lead|principal|staff|manager)\b", re.I), "mid-senior"),
    (re.compile(r"\b(junior|jr\.?|graduate|entry)\b", re.I), "entry"),
)
FLUENCY = re.compile(r"\b(native|fluent|professional|conversational|basic|intermediate|advanced|C2|C1|B2|B1|A2|A1)\b", re.I)


# "Teaching Experience", "Career Experience/Job History", "Technical Skills": the last word names the section.
_HEADING_TAILS = {"experience": "experience", "history": "experience", "employment": "experience",
                  "education": "education", "skills": "skills", "certifications": "certifications", "projects": "projects"}


def _heading(line: str) -> str | None:
    if line.strip().endswith((".", ",")) or BULLET.match(line):
        return None
    cleaned = re.sub(r"\s+", " ", re.sub(r"[^a-z &]", " ", line.lower())).strip()
    words = cleaned.split()
    if not words or len(words) > 4:
        return None
    return _HEADING_LOOKUP.get(cleaned) or _HEADING_TAILS.get(words[-1])


def split_sections(lines: list[str]) -> dict[str, list[int]]:
    """Line numbers per section; lines before the first heading belong to 'header'."""
    sections: dict[str, list[int]] = {"header": []}
    current = "header"
    for number, line in enumerate(lines):
        section = _heading(line) if line.strip() else None
        if section:
            current = section
            sections.setdefault(current, [])
            continue
        sections.setdefault(current, []).append(number)
    return sections


def _month_date(month: str | None, year: str, numeric_month: str | None = None) -> tuple[int, int]:
    full_year = int(year) if len(year) == 4 else 2000 + int(year) if int(year) < 50 else 1900 + int(year)
    if numeric_month and 1 <= int(numeric_month) <= 12:
        return full_year, int(numeric_month)
    return full_year, MONTHS.get((month or "")[:3].lower(), 1)


def _iso(year_month: tuple[int, int] | None) -> str | None:
    return f"{year_month[0]:04d}-{year_month[1]:02d}" if year_month else None


NOT_A_NAME = re.compile(r"\b(resume|résumé|curriculum|vitae|cv|template|profile|page)\b", re.I)


ADDRESS = re.compile(r"\b(street|st\.|avenue|ave\.?|road|rd\.|apartments?|apt\.?|lane|drive|suite|floor|p\.?o\.? box)\b", re.I)


def _title_in(line: str) -> str | None:
    """The job title a header line states ("Java Developer - Infosys" -> "Java Developer"), if it states one."""
    if EMAIL.search(line) or PHONE.search(line) or LOCATION.match(line) or ADDRESS.search(line) or re.search(r"\d", line):
        return None
    head = re.split(r"\s+[-–—|]\s+|\s+at\s+", line)[0].strip(" ,")
    if not head or len(head.split()) > 6 or NOT_A_NAME.search(head):
        return None
    return head if TITLE_WORDS.search(head) or len(head.split()) <= 3 else None


def _looks_like_name(line: str) -> bool:
    if NOT_A_NAME.search(line):
        return False
    words = line.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace("-", "").replace(".", "").replace("'", "").isalpha() for w in words)


def _split_position_company(text: str) -> tuple[str | None, str | None]:
    text = text.strip(" |,-–—()")
    text = re.sub(r",\s*(inc|llc|ltd|llp|plc|gmbh|corp)\b", r" \1", text, flags=re.I)  # "Acme, Inc." is one name
    for separator in (" at ", " @ ", " — ", " – ", " | ", " - ", ", "):
        if separator in text:
            left, right = text.split(separator, 1)
            return left.strip(" |,-–—()") or None, right.strip(" |,-–—()") or None
    return (text or None), None


COMPANY_WORDS = re.compile(
    r"\b(inc|ltd|llc|llp|plc|gmbh|limited|corp|corporation|company|co|pvt|technologies|solutions|systems|services|"
    r"group|bank|labs?|consulting|infotech|university|college|hospital|agency|studios?|partners|enterprises|"
    r"industries|software|foundation|institute|school|department)\b\.?",
    re.I,
)
TITLE_WORDS = re.compile(
    r"\b(engineer|developer|manager|analyst|assistant|executive|specialist|consultant|intern|director|officer|lead|"
    r"architect|administrator|designer|teacher|nurse|accountant|associate|representative|coordinator|scientist|"
    r"programmer|technician|supervisor|clerk|writer|editor|agent|advisor|trainee|head|president|founder|owner|"
    r"researcher|professor|lecturer|marketer|recruiter|tester|operator)s?\b",
    re.I,
)
TRAILING_PLACE = re.compile(r"^(.+?),\s*([A-Z][A-Za-z .'-]+,\s*[A-Z]{2})$")
LABELED = re.compile(r"^(designation|title|position|role|organi[sz]ation|company|employer|duration|period|dates?)\s*[:\-]\s*(.+)$", re.I)


def _entry_from_header(header: list[str]) -> tuple[Work, tuple[int, int] | None, tuple[int, int] | None] | None:
    """A work entry from its header lines: title, company (with location), dates, in any order."""
    position = company = location = None
    start = end = None
    dated = False
    rest = []
    for line in header:
        leading = re.match(r"^((?:19|20)\d\d|present|current)\s*[:–—-]\s*(.+)$", line, re.I)  # "2006: Agent, Press"
        if leading and start is None:
            dated = True  # "Present: ..." is a current role whose start is not stated
            start = (int(leading.group(1)), 1) if leading.group(1)[0].isdigit() else None
            line = leading.group(2)
        labeled = LABELED.match(line)
        if labeled:
            key, value = labeled.group(1).lower(), labeled.group(2).strip()
            if key in ("designation", "title", "position", "role"):
                position = value
                continue
            if key in ("organisation", "organization", "company", "employer"):
                line = value  # may carry a location after it, handled below
            else:
                line = value
        match = DATE_RANGE.search(line)
        if match and start is None:
            dated = True
            start = _month_date(match["sm"], match["sy"], match["sn"])
            end = None if match["present"] else _month_date(match["em"], match["ey"], match["en"])
            line = (line[: match.start()] + " " + line[match.end():]).strip(" |,-–—()")
            if not line:
                continue
        rest.append(line.strip(" |,-–—"))
    for line in rest:
        parts = [p.strip() for p in re.split(r"\s+[-–—|]\s+|\s+-\s*$|—", line) if p.strip(" -")]
        if len(parts) >= 2 and LOCATION.match(parts[1]):
            line, location = parts[0], parts[1]
        else:
            trailing = TRAILING_PLACE.match(line)  # "Acme Inc., Sometown, CA"
            if trailing and (position is not None or COMPANY_WORDS.search(trailing.group(1)) or len(rest) > 1):
                line, location = trailing.group(1), trailing.group(2)
        if position is None and company is None and len(rest) == 1:
            position, company = _split_position_company(line)
            if position and company and COMPANY_WORDS.search(position) and not COMPANY_WORDS.search(company):
                position, company = company, position
        elif company is None and COMPANY_WORDS.search(line) and not TITLE_WORDS.search(line):
            company = line
        elif position is None and TITLE_WORDS.search(line):
            position = line
        elif position is None:
            position = line
        elif company is None:
            company = line
        elif location is None and LOCATION.match(line):
            location = line
    if not (position or company):
        return None
    if not dated and not any(TITLE_WORDS.search(x) or COMPANY_WORDS.search(x) for x in filter(None, (position, company))):
        return None  # neither dates nor a title or employer: wrapped prose, not an entry
    return Work(name=company, position=position, location=location, startDate=_iso(start), endDate=_iso(end)), start, end


def _work_entries(lines: list[str], numbers: list[int]) -> list[tuple[Work, tuple[int, int] | None, tuple[int, int] | None]]:
    """Entries as resumes lay them out: a few short header lines (title, company, place, dates), then their text.

    A new entry starts at a short line after the previous entry's text, or at a second date range.
    """
    entries = []
    header: list[str] = []
    body_seen = False

    def close():
        entry = _entry_from_header(header) if header else None
        if entry:
            entries.append(entry)
        return entry

    for number in numbers:
        line = lines[number].strip()
        if not line or not line.strip("•·▪◦*-–— "):
            continue
        words = len(re.findall(r"\w+", line))
        is_body = bool(BULLET.match(line)) or words > 10 or (line.endswith(".") and words > 4)
        if is_body:
            if header:
                close()
                header = []
            if entries:
                entries[-1][0].highlights.append(BULLET.sub("", line))
            body_seen = True
            continue
        if header and DATE_RANGE.search(line) and any(DATE_RANGE.search(h) for h in header):
            close()
            header = []
        header.append(line)
        body_seen = False
        if len(header) > 4:  # a run of short lines that is not a header: keep it as text of the last entry
            if entries:
                entries[-1][0].highlights.extend(header[:-1])
            header = header[-1:]
    if header and not body_seen:
        close()
    return entries


def merged_years(intervals: list[tuple[tuple[int, int], tuple[int, int] | None]], today: date) -> float:
    """Total years covered by the intervals, overlaps counted once; an open end means `today`."""
    spans = []
    for start, end in intervals:
        begin = start[0] * 12 + start[1] - 1
        finish = (end[0] * 12 + end[1] - 1) if end else today.year * 12 + today.month - 1
        if finish >= begin:
            spans.append((begin, finish + 1))
    spans.sort()
    total, current_start, current_end = 0, None, None
    for begin, finish in spans:
        if current_end is None or begin > current_end:
            if current_end is not None:
                total += current_end - current_start
            current_start, current_end = begin, finish
        else:
            current_end = max(current_end, finish)
    if current_end is not None:
        total += current_end - current_start
    return round(total / 12, 1)


def career_level(title: str | None, years: float) -> str:
    for pattern, level in TITLE_LEVELS:
        if title and pattern.search(title):
            return level
    if years >= 15:
        return "director"
    if years >= 5:
        return "mid-senior"
    if years >= 2:
        return "associate"
    return "entry"


def _education(lines: list[str], numbers: list[int]) -> list[Education]:
    """Entries as written: a degree line, with institution and year on it or on the lines around it."""
    result: list[Education] = []
    pending_institution: str | None = None
    for number in numbers:
        line = lines[number].strip()
        if not line:
            continue
        degree = degree_of(line)
        years = re.findall(r"(?:19|20)\d\d", line)
        institution = next((part.strip() for part in re.split(r"\s*[,|–—]\s*|\s-\s", line) if INSTITUTION.search(part)), None)
        if degree:
            written, level = degree
            after = line[line.find(written) + len(written):]
            area_match = re.match(r"\s*(?:in|of|,|-|–)\s*([A-Z][A-Za-z &/]+?)(?:\s*(?:[,|–—(]|\s-\s|\s\d)|$)", after)
            area = area_match.group(1).strip() if area_match and not INSTITUTION.search(area_match.group(1)) else None
            result.append(Education(studyType=written, level=level, area=area, institution=institution or pending_institution,
                                    endDate=years[-1] if years else None))
            pending_institution = None
        elif institution:
            if result and not result[-1].institution:
                result[-1].institution = institution
            else:
                pending_institution = institution
            if years and result and not result[-1].endDate:
                result[-1].endDate = years[-1]
        elif years and result and not result[-1].endDate and len(line.split()) <= 6:
            result[-1].endDate = years[-1]  # a year (or a range) on its own line closes the entry above
    return result


SKILL_YEARS = re.compile(r"\((?:(less than 1)|(\d+(?:\.\d+)?)\+?)\s*years?\)", re.I)


def _add_listed_skills(lines, numbers, matcher: SkillMatcher, normalized: list[NormalizedSkill], skills: list[Skill]) -> None:
    """Items of the skills section: years stated beside a skill become its evidence, and items the taxonomy
    does not know yet are kept as the resume words them (not normalized, so meta.skills stays clean)."""
    by_id = {s.id: s for s in normalized}
    known = {k.lower() for skill in skills for k in [skill.name, *skill.keywords]}
    items: list[tuple[str, float | None]] = []
    for number in numbers:
        for raw in re.split(r"[,;|•·▪]|\s-\s|\t", lines[number]):
            item = BULLET.sub("", raw).strip(" .:-*")
            years_match = SKILL_YEARS.search(item)
            years = (0.5 if years_match.group(1) else float(years_match.group(2))) if years_match else None
            item = SKILL_YEARS.sub("", item).strip(" .:-*")
            item = re.sub(r"^[A-Za-z ]{2,30}:\s*", "", item) if ":" in item else item  # "Languages: Python" -> "Python"
            if item and len(item.split()) <= 4 and len(item) <= 40 and re.search(r"[A-Za-z]", item):
                items.append((item, years))
    for (item, years), found in zip(items, matcher.find_many([item for item, _ in items]), strict=True):
        for mention in found:
            if years is not None and mention.skill.id in by_id:
                by_id[mention.skill.id].years = max(by_id[mention.skill.id].years or 0, years)
        if not found and item.lower() not in known:
            skills.append(Skill(name=item, keywords=[item]))
            known.add(item.lower())


def _normalized_skills(mentions: list[SkillMention]) -> list[NormalizedSkill]:
    by_id: dict[str, NormalizedSkill] = {}
    for mention in mentions:
        entry = by_id.setdefault(
            mention.skill.id,
            NormalizedSkill(id=mention.skill.id, name=mention.skill.name, category=mention.skill.category),
        )
        if mention.text not in entry.evidence:
            entry.evidence.append(mention.text)
    return list(by_id.values())


def parse_resume(
    text: str,
    *,
    matcher: SkillMatcher,
    tenant: str = "default",
    document_sha256: str = "",
    today: date | None = None,
) -> Profile:
    """A profile from resume text. Fields the rules cannot find stay empty with confidence 0."""
    today = today or date.today()
    lines = text.split("\n")
    sections = split_sections(lines)
    header_lines = [lines[n].strip() for n in sections.get("header", []) if lines[n].strip()]

    email = EMAIL.search(text)
    phone = PHONE.search("\n".join(header_lines) or text)
    name = next((line for line in header_lines[:5] if _looks_like_name(line) and not EMAIL.search(line)), None)
    label = None
    if name:
        after = header_lines[header_lines.index(name) + 1:]
        label = next((title for title in map(_title_in, after[:3]) if title), None)
    location = Location()
    for line in header_lines[:10]:
        for part in re.split(r"\s*[|•·]\s*|\s+[-–—]\s+", RELOCATE.sub("", line)):
            match = LOCATION.match(part)
            if match and not EMAIL.search(part):
                location = Location(city=match.group(1).strip(), region=match.group(2).strip())
                break
        if location.city:
            break
    profiles = []
    for url in dict.fromkeys(URL.findall(text)):
        network = "LinkedIn" if "linkedin" in url.lower() else "GitHub"
        profiles.append(SocialProfile(network=network, url=url if url.startswith("http") else f"https://{url}"))
    summary_lines = [lines[n].strip() for n in sections.get("summary", []) if lines[n].strip()]

    work_entries = _work_entries(lines, sections.get("experience", []))
    work = [entry[0] for entry in work_entries]
    years = merged_years([(start, end) for _, start, end in work_entries if start], today)
    education = _education(lines, sections.get("education", []))

    mentions = matcher.find(text)
    normalized = _normalized_skills(mentions)
    skills = [Skill(name=s.name, keywords=s.evidence) for s in normalized]
    _add_listed_skills(lines, sections.get("skills", []), matcher, normalized, skills)
    languages = []
    for number in sections.get("languages", []):
        for part in re.split(r"[,;]", lines[number]):
            words = part.strip()
            if not words:
                continue
            fluency = FLUENCY.search(words)
            language = re.sub(r"[(\-–:].*$", "", words).strip()
            if language:
                languages.append(Language(language=language, fluency=fluency.group(1) if fluency else None))

    label = label or (work[0].position if work else None)
    level_order = ["secondary", "certificate", "associate", "bachelor", "master", "doctorate"]
    education_level = max((e.level for e in education if e.level), key=level_order.index, default=None)
    meta = ProfileMeta(
        tenant=tenant,
        document_sha256=document_sha256,
        schema_version=SCHEMA_VERSION,
        taxonomy_version=matcher.taxonomy.version,
        skills=normalized,
        total_years_experience=years,
        career_level=career_level(label, years),
        education_level=education_level,
        parser="rules",
        confidence={
            "name": 0.8 if name else 0.0,
            "email": 0.99 if email else 0.0,
            "phone": 0.9 if phone else 0.0,
            "work": 0.7 if work else 0.0,
            "education": 0.7 if education else 0.0,
            "skills": 0.8 if normalized else 0.0,
        },
        provenance={k: v for k, v in {"name": name, "email": email and email.group(0), "label": label}.items() if v},
    )
    return Profile(
        basics=Basics(
            name=name,
            label=label,
            email=email.group(0) if email else None,
            phone=phone.group(1).strip() if phone else None,
            location=location,
            profiles=profiles,
            summary=" ".join(summary_lines) or None,
        ),
        work=work,
        education=education,
        skills=skills,
        languages=languages,
        meta=meta,
    )


def profile_text(profile: Profile) -> str:
    """The text that represents a profile for embedding: title, summary, roles and skills."""
    parts = [profile.basics.label or "", profile.basics.summary or ""]
    for work in profile.work[:5]:
        parts.append(" ".join(filter(None, [work.position, work.name])))
        parts.extend(work.highlights[:3])
    parts.append("Skills: " + ", ".join(s.name for s in profile.meta.skills))
    return "\n".join(p for p in parts if p)
