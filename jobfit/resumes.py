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
_DATE = r"(?:(?P<{p}m>[A-Za-z]{{3}})[a-z]*\.?\s+)?(?P<{p}y>(?:19|20)\d\d)"
DATE_RANGE = re.compile(
    _DATE.format(p="s") + r"\s*(?:-|–|—|to)\s*(?:" + _DATE.format(p="e") + r"|(?P<present>present|current|now|today))",
    re.I,
)
DEGREES = (
    (re.compile(r"\b(ph\.?\s?d|doctorate|doctor of)\b", re.I), "doctorate"),
    (re.compile(r"\b(master|m\.?sc|m\.?s\.|mba|m\.?a\.|m\.?eng|m\.?tech)\b", re.I), "master"),
    (re.compile(r"\b(bachelor|b\.?sc|b\.?s\.|b\.?a\.|b\.?eng|b\.?tech|b\.?com)\b", re.I), "bachelor"),
    (re.compile(r"\b(associate)\b", re.I), "associate"),
    (re.compile(r"\b(diploma|certificate)\b", re.I), "certificate"),
    (re.compile(r"\b(high school|secondary school|ged)\b", re.I), "secondary"),
)
INSTITUTION = re.compile(r"\b(university|college|institute|school|academy|polytechnic)\b", re.I)
LOCATION = re.compile(r"^\s*([A-Z][A-Za-z .'-]+),\s*([A-Z]{2}|[A-Z][A-Za-z ]+)\s*$")
BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\d+[.)])\s+")
TITLE_LEVELS = (
    (re.compile(r"\b(intern|internship|trainee)\b", re.I), "internship"),
    (re.compile(r"\b(chief|vp|vice president|head of|c[eto]o)\b", re.I), "executive"),
    (re.compile(r"\b(director)\b", re.I), "director"),
    (re.compile(r"\b(senior|sr\.?|lead|principal|staff|manager)\b", re.I), "mid-senior"),
    (re.compile(r"\b(junior|jr\.?|graduate|entry)\b", re.I), "entry"),
)
FLUENCY = re.compile(r"\b(native|fluent|professional|conversational|basic|intermediate|advanced|C2|C1|B2|B1|A2|A1)\b", re.I)


def _heading(line: str) -> str | None:
    cleaned = re.sub(r"[^a-z &]", "", line.lower()).strip()
    if len(cleaned.split()) > 4:
        return None
    return _HEADING_LOOKUP.get(cleaned)


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


def _month_date(month: str | None, year: str) -> tuple[int, int]:
    return int(year), MONTHS.get((month or "")[:3].lower(), 1)


def _iso(year_month: tuple[int, int] | None) -> str | None:
    return f"{year_month[0]:04d}-{year_month[1]:02d}" if year_month else None


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace("-", "").replace(".", "").replace("'", "").isalpha() for w in words)


def _split_position_company(text: str) -> tuple[str | None, str | None]:
    text = text.strip(" |,-–—()")
    for separator in (" at ", " @ ", " — ", " – ", " | ", " - ", ", "):
        if separator in text:
            left, right = text.split(separator, 1)
            return left.strip(" |,-–—()") or None, right.strip(" |,-–—()") or None
    return (text or None), None


def _work_entries(lines: list[str], numbers: list[int]) -> list[tuple[Work, tuple[int, int], tuple[int, int] | None]]:
    entries = []
    previous_plain: str | None = None
    for number in numbers:
        line = lines[number].strip()
        if not line:
            continue
        match = DATE_RANGE.search(line)
        if match:
            start = _month_date(match["sm"], match["sy"])
            end = None if match["present"] else _month_date(match["em"], match["ey"])
            head = (line[: match.start()] + " " + line[match.end():]).strip()
            if not head.strip(" |,-–—()") and previous_plain:
                head = previous_plain
            position, company = _split_position_company(head)
            work = Work(name=company, position=position, startDate=_iso(start), endDate=_iso(end))
            entries.append((work, start, end))
            previous_plain = None
        elif BULLET.match(line) and entries:
            entries[-1][0].highlights.append(BULLET.sub("", line))
        else:
            previous_plain = line
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
    result: list[Education] = []
    for number in numbers:
        line = lines[number].strip()
        level = next((lvl for pattern, lvl in DEGREES if pattern.search(line)), None)
        years = re.findall(r"(?:19|20)\d\d", line)
        if level:
            degree_text, _, rest = re.split(r"\s[,|–—-]\s|,\s", line, maxsplit=1)[0], None, line
            institution = None
            for part in re.split(r"\s*[,|–—]\s*|\s-\s", rest):
                if INSTITUTION.search(part):
                    institution = part.strip()
            area = None
            area_match = re.search(r"\bin\s+([A-Z][A-Za-z &]+?)(?:\s*[,|–—(-]|$)", degree_text) or re.search(
                r"\bof\s+([A-Z][A-Za-z &]+?)(?:\s*[,|–—(-]|$)", degree_text
            )
            if area_match:
                area = area_match.group(1).strip()
            result.append(
                Education(studyType=level, area=area, institution=institution, endDate=years[-1] if years else None)
            )
        elif INSTITUTION.search(line) and result and not result[-1].institution:
            result[-1].institution = line
    return result


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
        label = next(
            (line for line in after[:2] if not EMAIL.search(line) and not PHONE.search(line) and not LOCATION.match(line) and len(line.split()) <= 8),
            None,
        )
    location = Location()
    for line in header_lines[:8]:
        for part in re.split(r"\s*[|•·]\s*", line):
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
    years = merged_years([(start, end) for _, start, end in work_entries], today)
    education = _education(lines, sections.get("education", []))

    mentions = matcher.find(text)
    normalized = _normalized_skills(mentions)
    skills = [Skill(name=s.name, keywords=s.evidence) for s in normalized]
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
    education_level = max((e.studyType for e in education if e.studyType), key=level_order.index, default=None)
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
