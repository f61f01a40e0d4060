"""Resume text to a JSON Resume profile with `meta`, by layout rules, a gazetteer and the skill taxonomy.

Stages, each its own module: `sections` (headings), `basics` (name, title, contacts, place),
`entries` (work and education), `skills` (taxonomy mentions with evidence, listed items), `dates`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from itertools import groupby, pairwise

from jobfit import SCHEMA_VERSION
from jobfit.documents import LayoutLine
from jobfit.occupations import clean_title
from jobfit.resumes.basics import contacts, find_relocation, has_phone, name_case
from jobfit.resumes.certificates import YEAR, read_certificates
from jobfit.resumes.dates import english_dates, find_range, iso, join_split_ranges, merged_years
from jobfit.resumes.education import INSTITUTION, abbreviated, degree_of, education_entries, institution_name
from jobfit.resumes.entries import CONTACT, is_body, wrap_width
from jobfit.resumes.europass import europass_lines
from jobfit.resumes.json_resume import month_of, stated_basics, stated_sections
from jobfit.resumes.layout import has_hints, line_styles
from jobfit.resumes.lexicon import FLUENCY, in_english, role_nouns, spoken_languages, title_score
from jobfit.resumes.provenance import provenance
from jobfit.resumes.references import read_references
from jobfit.resumes.sections import (
    BULLET,
    INLINE,
    LIST_GOES_ON,
    Section,
    heading_of,
    letter_spaced,
    list_items,
    section_lines,
    split_sections,
)
from jobfit.resumes.skills import SkillUse, interests, resume_skills
from jobfit.resumes.work import dates_only, merged_jobs, prose_entries, roles_held, work_entries
from jobfit.salary import parse_salary
from jobfit.schema import (
    Achievement,
    Award,
    Basics,
    Education,
    Language,
    Membership,
    Profile,
    ProfileMeta,
    Project,
    Publication,
    Salary,
    Volunteer,
    Work,
)
from jobfit.taxonomy import SkillMatcher, alias_key

# The rules' version, recorded in every profile (meta.parser_version). Bump it with any change that changes what
# profiles say: the `profiles` asset's code version follows it, so automation parses every stored document again.
# tests/test_versions.py fails when what the samples' profiles say changes at the same version.
PARSER_VERSION = "4"

__all__ = ["parse_resume", "profile_text", "merged_years", "career_level", "title_level", "degree_of",
           "split_sections", "DEGREE_LEVELS"]

# (with the words of German, French and Spanish titles: 'Werkstudent', 'Stagiaire', 'Geschäftsführer', 'Directeur',
# 'Teamleiter', 'Chef de projet', 'Gerente', 'Berufseinsteiger')
TITLE_LEVELS = (
    (re.compile(r"\b(intern|internship|trainee|apprentice|praktikant(?:in)?|praktikum|werkstudent(?:in)?|auszubildende[rn]?|azubi|"
                r"stagiaire|alternant|alternance|becari[oa]|pr[aá]cticas|tirocinante|estagi[aá]ri[oa]|est[aá]gio|stagiair|sta[żz]ysta)\b"
                r"|\bstage\s*(?:[-–:]|de\b|en\b|d['’])", re.I),
     "internship"),
    # a level the title states outranks one its role noun implies: 'Reddit Campaign Manager (Entry level / Part time)',
    # 'Junior Project Manager' are beginners' jobs
    (re.compile(r"\b(junior|j[úu]nior|jr\.?|entry[- ]level|berufseinsteiger(?:in)?|einsteiger(?:in)?|débutant(?:e)?|"
                r"m[łl]odszy|m[łl]odsza)(?!\w)", re.I),
     "entry"),
    (re.compile(r"\b(chief|vp|vice president|head of|c[eto]o|president|founder|geschäftsführer(?:in)?|vorstand|"
                r"directeur général|directrice générale|director general)\b", re.I), "executive"),
    (re.compile(r"\b(director|directeur|directrice|directora|diretor|diretora|dyrektor|bereichsleiter(?:in)?|abteilungsleiter(?:in)?)\b", re.I),
     "director"),
    (re.compile(r"\b(senior|s[êe]nior|sr\.?|lead|principal|staff|manager|\w*leiter(?:in)?|leitung|responsable|chef de (?:projet|produit|service|groupe|mission)|chef d['’]équipe|jefe|jefa|gerente|coordenador(?:a)?|starszy|starsza|kierownik)\b",
                re.I), "mid-senior"),
    # Brazil's 'Pleno' and the Netherlands' 'Medior': between junior and senior
    (re.compile(r"\b(pleno|plena|medior)\b", re.I), "associate"),
    (re.compile(r"\b(graduate|entry|assistant)\b", re.I), "entry"),
)
DEGREE_LEVELS = ("secondary", "certificate", "associate", "bachelor", "master", "doctorate")
NOISE_LINE = re.compile(r"^(?:https?://(?:www\.)?indeed\.com/r/\S*|.{0,60}\bpage\s*(?:\d+|one|two|three|four)(?:\s+of\s+\d+)?"
                        r"|-\s*\d+\s*-|\(?continued\)?|(?:…|\.\.\.)\s*/\s*\d+"  # '… /3'
                        r"|\d+\s+recommendations?\s+available\s+upon\s+request)$", re.I)  # a LinkedIn export's furniture
FIGURE = re.compile(r"[$€£₹]\s?\d[\d,.]*\s*(?:[kmb]|million|billion|lakhs?|crores?)?\b|\b\d[\d,.]*\s?(?:%|percent\b)"
                    r"|\b\d[\d,]*\+?\s+(?:people|staff|employees|engineers|clients|customers|users|members|projects|"
                    r"stores|countries|students|reports|accounts|team members|developers)\b", re.I)
# fluency as German, French, Spanish, Italian, Portuguese and Dutch resumes state it
FOREIGN_FLUENCY = {
    "native": "muttersprache muttersprachlich langue maternelle maternelle nativo nativa lengua materna madrelingua "
              "língua materna moedertaal",
    "fluent": "fließend fliessend courant courante fluide fluido fluida fluente vloeiend",
    "professional": "verhandlungssicher",
    "bilingual": "bilingue",
    "advanced": "avancé avancée avanzado avanzada avanzato avançado gevorderd",
    "intermediate": "intermédiaire intermedio intermedia intermediário",
    "basic": "grundkenntnisse notions básico básica basico base elementare basis basiskennis",
}
_FOREIGN_FLUENCY = {word: level for level, words in FOREIGN_FLUENCY.items()
                    for word in re.findall(r"\S+(?: materna| maternelle)?", words)}
_FOREIGN_FLUENCY_WORDS = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, _FOREIGN_FLUENCY), key=len, reverse=True))
                                    + r")(?!\w)", re.I)


# whom a job serves or answers to, after the job's own title: 'Executive Assistant to the CEO' is no executive,
# 'Secretary to the Managing Director' no director
_SERVES = re.compile(r"\s+(?:to|reporting to|supporting)\s+(?:the\s+|our\s+|a\s+)?(?=[A-Z]).*", re.S)


def title_level(title: str | None) -> str | None:
    """The career level a job title states ('Senior Engineer' mid-senior, 'VP Sales' executive), if it states one."""
    own = _SERVES.sub("", title or "")
    return next((level for pattern, level in TITLE_LEVELS if pattern.search(own)), None)


def career_level(title: str | None, years: float) -> str:
    """The level the latest title states, else the one the years of work reach. Years alone reach mid-senior at most:
    a director or an executive is one by title, and a 'Full stack PHP Developer' of fifteen years leads no department."""
    if level := title_level(title):
        return level
    if years >= 5:
        return "mid-senior"
    if years >= 2:
        return "associate"
    return "entry"


# the hyphens and minus signs a word processor sets ('2009‐2011'), read as the dash every rule knows
_HYPHENS = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2043\u2212\ufe63\uff0d"})


def resume_lines(text: str) -> list[str]:
    """The text's lines with page furniture (page numbers, job-site links) dropped, letter spacing undone and the dates
    of other languages in English ('Mai 2019 – heute')."""
    lines = []
    for raw in text.split("\n"):
        line = raw.strip().translate(_HYPHENS)
        if NOISE_LINE.match(line):
            continue
        if line.startswith("|") and line.endswith("|") and len(line) > 2:
            # a table row as Word 97 and DOCX tables come out: each cell is a line of its own
            lines.extend(english_dates(letter_spaced(cell.strip())) for cell in line.strip("|").split("|") if cell.strip())
            continue
        line = english_dates(letter_spaced(line))
        if line.startswith(":") and (label := _label_before(lines)) is not None:
            # "Role" then ": Lead Data Analyst": a label and its value that a column layout set on two lines
            lines[label] = f"{lines[label]} {line}"
            del lines[label + 1:]
            continue
        lines.append(line)
    return europass_lines(join_split_ranges(lines))


def _label_before(lines: list[str]) -> int | None:
    """Where the last line is, blank lines aside, when it is a short label a value may follow."""
    index = next((i for i in range(len(lines) - 1, max(-1, len(lines) - 4), -1) if lines[i]), None)
    if index is None or ":" in lines[index] or len(lines[index].split()) > 4 or BULLET.match(lines[index]):
        return None
    return index


# "Expected salary: $90,000", "Salary requirements: 60k - 70k a year", "Desired compensation: €55.000"
_ASKED_PAY = re.compile(r"(?i)\b(?:expected|desired|target|asking)\s+(?:salary|pay|compensation|ctc|rate)\b|"
                        r"\bsalary\s+(?:expectations?|requirements?|expected|desired)\b")


def desired_salary(lines: list[str], country: str | None = None) -> Salary | None:
    """The pay a resume says the candidate asks for, from the line that says so; `country`, where the candidate
    lives, says which dollar "$" is."""
    for line in lines:
        cue = _ASKED_PAY.search(line)
        if cue and (salary := parse_salary(line[cue.start():], country)):
            return salary
    return None


def _languages(lines: list[str]) -> list[Language]:
    """The spoken languages a languages list names, with the fluency stated beside each ("Fluent English",
    "Tamil - native"); an item naming no language ("Skill Level", "C++") is none."""
    names = spoken_languages()
    languages = []
    for line in list_items(lines):
        for part in re.split(r"[,;/]|\s{2,}|\band\b", line):
            words = part.strip()
            if not words or len(words.split()) > 8:
                continue
            # ("Deutsch (Muttersprache)" names German)
            language = next((w for w in re.findall(r"\b(?:[A-Z][a-z]+|[A-Z]{3,})\b", in_english(words)) if w.lower() in names), None)
            if language:
                language = language.capitalize()  # "ENGLISH" -> "English"
                fluency = FLUENCY.search(words)
                stated = re.sub(r"mother\s*tongue", "mother tongue", fluency.group(1).lower()).removesuffix("s") if fluency else None
                if stated is None and (local := _FOREIGN_FLUENCY_WORDS.search(words)):
                    stated = _FOREIGN_FLUENCY[local.group(1).lower()]
                languages.append(Language(language=language, fluency=stated))
    return languages


_LINK = re.compile(r"(?i)^(?:[a-z ]{2,20}:\s*)?((?:https?://|www\.)\S+)$")  # 'https://navi.godaddysites.com', 'Blog Link: …'


def _titled_items(lines: list[str], citations: bool = False) -> list[tuple[str, str | None, str | None, str | None]]:
    """(title, date, text, link) for each item of a projects/awards/publications section.

    A blank line opens an item, and so does any other line, but for one that goes on with the line above: one a
    layout wrapped (the line above broke off at a word that wants more, or this one opens in lower case, bulleted or
    not: some PDFs bullet every line), a link alone on its line (the item's link: 'https://navi.godaddysites.com'),
    or text. Where bullets open the items and lines without one run under them ('● Navi Creatives' / 'Turning my
    hobby to something new …'), each bullet opens an item and those lines are its text; elsewhere a long line (more
    than 14 words) is text, a short one an item of its own. With `citations` (a publications section), a list whose
    items open with their authors is read by them: each citation whole, its year the one after the authors."""
    rows: list[tuple[str, bool, bool]] = []  # (line without its bullet, after a blank line, bulleted)
    fresh, bare = True, False  # bare: a bullet alone on its line, as PDFs set them apart from their text
    for line in lines:
        text = BULLET.sub("", line).strip()
        if not line.strip():
            fresh = True
        elif text:
            rows.append((text, fresh, bool(BULLET.match(line.strip()))))
            fresh = False
        else:
            bare = True
    bulleted = sum(bullet for _, _, bullet in rows)
    by_bullets = not bare and len(rows) > bulleted >= 2 and rows[0][2]
    # a list of citations, each opening with its authors ('Ye, Y., Xu, P., & Zhang, M. (2016). Social media, …' /
    # 'China. Telematics and Informatics …'): an author list opens an item, any other line goes on with it, up to a
    # heading in capitals
    led = sum(bool(_AUTHORS.match(line)) for line, _, _ in rows)  # (most of a list written so: not 'Sundali, A.' alone)
    by_authors = citations and led >= 2 and led >= 0.2 * len(rows)
    items: list[tuple[list[str], list[str], list[str]]] = []  # (the title's lines, the text's, the link), per item
    above = ""
    citing = False  # inside a citation, until a heading in capitals ('MAJOR PROFESSIONAL ACTIVITIES') ends the list
    for line, after_blank, bullet in rows:
        goes_on = bool(items) and not after_blank
        if by_authors and _AUTHORS.match(line):
            items.append(([line], [], []))
            citing = True
        elif citing and not (line.isupper() and len(re.findall(r"[A-Z]{2,}", line)) >= 2):
            items[-1][0].append(line)
        elif citing:
            citing = False
            items.append(([line], [], []))
        elif goes_on and (link := _LINK.match(line)) and not items[-1][2]:
            items[-1][2].append(link.group(1))
        elif goes_on and not re.search(r"[.!?]$", above) and (line[:1].islower() or LIST_GOES_ON.search(above)):
            (items[-1][1] or items[-1][0]).append(line)  # wrapped: 'Dean's list for excellence in' / 'mathematics, 2015'
        elif goes_on and (not bullet if by_bullets else len(line.split()) > 14):
            items[-1][1].append(line)
        else:
            items.append(([line], [], []))
        above = line
    # a citation is whole, and dated by the year after its authors ('(2016)')
    return [(" ".join(title) if by_authors else _undated_title(" ".join(title)),
             (by_authors and _cited_year(" ".join(title))) or _last_year(" ".join(title)) or _last_year(" ".join(text)),
             " ".join(text) or None, link[0] if link else None) for title, text, link in items]


def _cited_year(citation: str) -> str | None:
    cited = re.search(r"\(((?:19|20)\d\d)[a-z]?\)", citation)
    return cited.group(1) if cited else None


# the authors a citation opens with, a surname and initials: 'Ye, Y., Xu, P.', 'Matheson, L & Simmons', '[3] Gu, L. L.,'
_AUTHORS = re.compile(r"^(?:\[\d+\]\s*|\d+\.\s+)?[A-Z][\w'’-]+,\s+[A-Z]\b\.?")


# What a project's lines are labeled with: its name, the person's role, who it was for, the tools, the text.
_PROJECT_LABEL = re.compile(
    r"^(?P<key>project(?:\s+(?:name|title))?|title|role|my role|designation|position|client|customer|"
    r"tools?(?:\s+used)?|technolog(?:y|ies)(?:\s+used)?|environment|platform|tech stack|skills used|"
    r"description|details|summary|responsibilit(?:y|ies)|duration|period|team size)\s*(?::|\s[-–]\s)\s*(?P<value>.*)$", re.I)


def _undated_title(line: str) -> str:
    """An item's title without the years after it ('Salesperson of the Year, 2014', '… resolution (2006-2010)') or the
    dash that led to its text."""
    return _TRAILING_YEARS.sub("", line).rstrip(".").rstrip(" -–—:") or line


_TRAILING_YEARS = re.compile(r"[\s,;–-]*\(?(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d|[Pp]resent))?\)?\.?$")


def _last_year(text: str) -> str | None:
    years = YEAR.findall(text)
    return years[-1] if years else None


def _projects(lines: list[str]) -> list[Project]:
    """Projects from their section: labeled lines ('Project: …', 'Role: …', 'Client: …', 'Tools: …') fill the
    project they are under; other items are read as titles and text (`_titled_items`)."""
    projects: list[Project] = []
    plain: list[str] = []

    def flush() -> None:
        for k, (title, when, text, link) in enumerate(_titled_items(plain)):
            if k == 0 and projects and projects[-1].description is None and len(title.split()) > 14:
                # the text under a labeled project ('Project: Online Booking' / 'A web based system, which …')
                projects[-1].description = title
            else:
                projects.append(Project(name=title, endDate=when, description=text, url=link))
        plain.clear()

    for raw in lines:
        line = BULLET.sub("", raw).strip()
        labeled = _PROJECT_LABEL.match(line)
        if not labeled or not labeled.group("value").strip():
            plain.append(raw)  # (as written: bullets and blank lines tell the items apart)
            continue
        flush()  # the lines before a label: usually the project's title ('Online Booking System' / 'Role: …')
        key, value = labeled.group("key").lower(), labeled.group("value").strip()
        if key.startswith("project") or key == "title":
            projects.append(Project(name=value.rstrip(".")))
        elif not projects:
            plain.append(line)  # a role or tools before any project: read as an item, as before
        elif key in ("role", "my role", "designation", "position") and len(value.split()) <= 8:
            projects[-1].roles.extend(r.strip() for r in re.split(r"\s*[,;/]\s*|\s+and\s+", value) if r.strip())
        elif key in ("client", "customer"):
            projects[-1].entity = projects[-1].entity or value.rstrip(".")
        elif key.startswith(("tool", "technolog", "environment", "platform", "tech stack", "skills")):
            projects[-1].keywords.extend(k.strip() for k in re.split(r"\s*[,;]\s*", value) if k.strip())
        elif key in ("description", "details", "summary", "role", "my role") or key.startswith("responsib"):  # a role told at length
            projects[-1].description = " ".join(filter(None, [projects[-1].description, value]))
    flush()
    return projects


_NAME_AND_COMMA = re.compile(r"[A-Z][\w.&'-]*(?:\s+[\w.&'-]+){0,5},\s*")


def _unheaded_education(header: list[str]) -> list[str]:
    """Degrees listed above the first heading, in a resume with no education section ("Master of Science in
    Special Education / May 2006 / Johns Hopkins University, ..."): the header from its first degree line on,
    when a degree opens that line or follows its school ("IAE Tours, Master in company management")."""
    for i, line in enumerate(header[:40]):  # the top of the document, and lines short enough to be a degree's
        if len(line.split()) > 15:
            continue
        found = degree_of(line)
        # the degree opens the line, or follows its school's name and a comma ('IAE Tours, Master in company management';
        # 'Jane Doe, M.A.' is a name with its letters)
        opens = found and (found[2][0] == 0 or not abbreviated(found[0]) and _NAME_AND_COMMA.fullmatch(line[:found[2][0]]))
        if opens and any(degree_of(x) or institution_name(x) for x in header[i + 1:i + 4]):
            return header[i:]
    return []


def written_on(lines: list[str], work: list) -> date | None:
    """The latest date a resume writes, no later than today: its work history's months, else any year in its text
    (a year alone counts from its last month, as 'since 2014' was written in 2014 at the earliest and most likely later)."""
    now = date.today()
    points = [point for entry in work if entry.dates for point in (entry.dates.start, entry.dates.end) if point]
    points += [(int(year), 12) for line in lines for year in re.findall(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/.-])", line)]
    points = [p for p in points if 1950 <= p[0] and (p[0], p[1]) <= (now.year, now.month)]
    if not points:
        return None
    year, month = max(points)
    return min(date(year, month, 28), now)


_ACADEMIC_LEVELS = ("associate", "bachelor", "master", "doctorate")


def _academic(line: str) -> bool:
    """A degree line ('Bachelor of Science in Civil Engineering, 1996') where certificates are listed: schooling."""
    found = degree_of(line)
    return bool(found) and found[1] in _ACADEMIC_LEVELS and len(found[0]) > 3 \
        and len(line.split()) <= 20


def _schooling_among(lines: list[str]) -> list[str]:
    """The degree lines where certificates are listed, with the school named on a line just above one ('Big State
    University, Dallas, TX' / 'Master of Arts, Educational Administration, 2004')."""
    shown = [line for line in lines if line]
    return [line for i, line in enumerate(shown) if _academic(line) or (
        INSTITUTION.search(line) and not degree_of(line) and len(line.split()) <= 10
        and any(_academic(below) for below in shown[i + 1:i + 3]))]


def _schooling_in_a_history(lines: list[str]) -> list[str]:
    """Lines of a work history that open with an academic degree and name its school ('BS Engineering, University of
    Michigan, 2013' under a last job, where a page ran on past a heading it did not set apart)."""
    found = [(line, degree_of(line)) for line in lines if len(line.split()) <= 20]
    return [line for line, degree in found if degree and degree[2][0] == 0 and degree[1] in _ACADEMIC_LEVELS
            and INSTITUTION.search(line)]


# 'Core Qualifications', 'Key Qualifications:', 'Skills & Qualifications': a list of strengths more often than of degrees
_QUALIFICATIONS = re.compile(r"(?i)^\W*(?:(?:core|key|technical|skills?\s*(?:&|and))\s+)?qualifications?\W*$")


def _strengths_not_schooling(sections: list) -> list:
    """A qualifications section that names no degree and no school lists skills ('Core Qualifications' / 'Results-oriented',
    'Autodesk Civil 3D'); one of degrees is schooling ('Qualifications' / 'BSc (Hons)')."""
    for section in sections:
        if section.name == "education" and section.heading and _QUALIFICATIONS.match(section.heading) and not any(
                line and (degree_of(line) or INSTITUTION.search(line)) for line in section.lines):
            section.name = "skills"
    return sections


def _named_degree(line: str) -> bool:
    """A line that opens with an academic degree by its name ('Master of Arts, Counseling Psychology', 'B.S. in
    Biology'): not a title that starts with the word ('Master Electrician', 'MBA Intern')."""
    found = degree_of(line)
    return bool(found) and found[2][0] == 0 and _academic(line) and bool(re.search(r"\b(?:of|in)\b|\.", found[0]))


def _unheaded_summary(header: list[str], width: int) -> str | None:
    """The paragraph a resume opens with under its name and no heading ('Senior .Net developer with 10+ years
    experience in architecture analysis, software design and mentoring. Problem-solver …'), with the list that runs on
    under it or stands in its place ('• Over 3.6 years of experience in IT industry …'): its lines of prose to a blank
    line or contact details, 15 words at least."""
    def prose(line: str) -> bool:  # a line of prose, or a list's item written as prose ('• Over 3.6 years of experience in …')
        line = BULLET.sub("", line)
        words = re.findall(r"[A-Za-z]+", line)
        return is_body(line, width) and len(words) >= 6 and sum(w.islower() for w in words) >= 0.4 * len(words)

    start = next((i for i, line in enumerate(header) if prose(line) and not CONTACT.search(line)), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(header)) if not header[i] or CONTACT.search(header[i])), len(header))
    # to the paragraph's last line, however short ('agile and fast-paced team.'), and the list that runs on under it
    # ('● Own and Support RFI/RFPs, proposal walkthroughs …')
    paragraph = " ".join(BULLET.sub("", line).strip() for line in header[start:end])
    return paragraph if len(paragraph.split()) >= 15 else None


# sections a page's side column heads, under which a two-column page may set the main column's job
_SIDE_SECTIONS = frozenset({"skills", "additional", "memberships", "interests", "languages", "summary", "references"})
_DUTIES = re.compile(r"(?i)(?:key\s+|main\s+|job\s+)?(?:duties|responsibilities)(?:\s+include)?\s*:?")


def _jobs_under_a_side_heading(sections: list, roles: frozenset[str]) -> list:
    """A two-column page's history read into its side column's sections (UK CV templates box 'AREAS OF EXPERTISE',
    'PROFESSIONAL', 'PERSONAL SKILLS' beside it): what of it lands under a side heading is a work history of its own,
    from where it starts to the section's end. A whole job there ('Consumer Energy Provider' / 'Coventry' / 'DATA
    ANALYST' / 'June 2008 - Present' / its text) makes a history heading above it that holds no date at all the side
    column's ('WORK EXPERIENCE' / 'Database marketing' / 'Data analysis': skills); a job's dates or duties there are
    the history's last job's."""
    out = []
    headings = Counter((s.heading or "").lower() for s in sections)
    for section in sections:
        job = _side_job_start(section.lines, roles) if section.name in _SIDE_SECTIONS else None
        # (not under a label every entry repeats, 'Tools' / 'Technologies', taken for a heading)
        text = _side_text_start(section.lines) if job is None and section.name == "skills" \
            and headings[(section.heading or "").lower()] == 1 and any(s.name == "experience" for s in out) else None
        if job is not None:
            out = [Section("skills", s.heading, s.lines, s.within)
                   if s.name == "experience" and not any(find_range(line) for line in s.lines if line) else s for s in out]
        start = job if job is not None else text
        if start is None:
            out.append(section)
            continue
        out.append(Section(section.name, section.heading, section.lines[:start], section.within))
        out.append(Section("experience", None, section.lines[start:]))
    return out


def _side_job_start(lines: list[str], roles: frozenset[str]) -> int | None:
    """Where the first job in `lines` starts: the run of at most four short lines before a line of dates alone, one of
    them a title, the line after the dates text."""
    for i, line in enumerate(lines):
        if not dates_only(line):
            continue
        start = i
        while start > 0 and lines[start - 1] and i - start < 4:
            start -= 1
        run = lines[start:i]
        after = next((x for x in lines[i + 1:] if x), "")
        if run and all(len(x.split()) <= 6 for x in run) and any(title_score(x, roles) >= 1 for x in run) \
                and (start == 0 or not lines[start - 1]) and is_body(after):
            return start
    return None


def _side_text_start(lines: list[str]) -> int | None:
    """Where a job's own text starts after at most a few of the side column's words ('Integrity' / 'Commitment'): its
    duties ('Duties:' / …), or its dates and what it did ('June 2008 - Present' / 'Tasked with providing …')."""
    start = next((i for i, line in enumerate(lines) if _DUTIES.fullmatch(line) or (
        dates_only(line) and is_body(next((x for x in lines[i + 1:] if x), "")))), None)
    before = [line for line in lines[:start] if line] if start is not None else []
    return start if start is not None and len(before) <= 4 and all(len(line.split()) <= 3 for line in before) else None


def _schooling_under_a_history(sections: list) -> list:
    """Degrees a two-column page set under the next column's heading ('EDUCATION' / 'CLINICAL' / 'EXPERIENCE' /
    'Master of Arts, Counseling Psychology' / 'May 2015' / …): a work history that opens with a degree holds the
    schooling up to its first dated line that names no degree, where its jobs begin."""
    out = []
    for section in sections:
        shown = [i for i, line in enumerate(section.lines) if line]
        if section.name == "experience" and shown and _named_degree(section.lines[shown[0]]):
            end = next((i for i in shown[1:] if find_range(section.lines[i]) and not degree_of(section.lines[i])), len(section.lines))
            out.append(Section("education", None, section.lines[:end]))
            section = Section(section.name, section.heading, section.lines[end:], section.within)
        out.append(section)
    return out


def parse_resume(
    text: str,
    *,
    matcher: SkillMatcher,
    tenant: str = "default",
    document_sha256: str = "",
    today: date | None = None,
    region: str = "US",
    layout: Sequence[LayoutLine] = (),
    json_resume: dict | None = None,
) -> Profile:
    """A profile from resume text. Fields the rules cannot find stay empty with confidence 0.

    `json_resume` is the resume's own fields where the file was a JSON Resume (the text is their writing out): its
    basics and entries are kept as stated, and the text gives the rest (skills named by the taxonomy).

    `layout` is the documents stage's layout hints for the text (a heading style, bold, font size, left edge per
    line), where the format has them: sections are then found from the layout as well as from the words.

    `today` is the document's date when known: an open role ("Present") runs to it. When it is not known, the
    latest date the resume writes stands in for it (a resume saved in 2016 and read in 2026 has not gained ten
    years of experience); failing any, the day it is read.
    """
    roles = role_nouns(matcher.taxonomy)
    lines = resume_lines(text)
    styles = line_styles(lines, layout) if has_hints(layout) else None

    def sections_of(lines: list[str]) -> list:  # line for line as `lines`, so the styles hold for a cleaned copy too
        return _jobs_under_a_side_heading(_schooling_under_a_history(_strengths_not_schooling(split_sections(lines, styles))), roles)

    sections = sections_of(lines)
    header = [line for line in sections[0].lines if line]
    # contact details are at the top, or in a contact/personal section, or in a footer; failing those, the town of a
    # local association one belongs to ('Tampa Bay Paralegal Association (2013 - present) Tampa, Florida')
    # (not a skills section's list: '… Elite HVAC, Trace 700, Carrier, NC' is no address)
    skill_lines = {line for line in section_lines(sections, "skills") if line.count(",") >= 3}
    contact_lines = header + [line for line in section_lines(sections, "additional", "memberships") if line] + [
        line for line in lines[-12:] if line and line.strip() not in skill_lines]

    def is_skill(text: str) -> bool:  # "Java Core", "Lesson Planning": a skill the taxonomy knows covers most of it
        return sum(len(m.text) for m in matcher.find(text)) >= 0.5 * len(text)

    def is_language(text: str) -> bool:  # "SAP ABAP", "PL/SQL": a programming language, wholly
        return any(m.start == 0 and m.end >= len(text.rstrip()) and m.skill.category == "programming languages"
                   for m in matcher.find(text))

    found = contacts(header, "\n".join(lines), roles, region, contact_lines, is_skill,
                     is_common=matcher.taxonomy.common_words.__contains__)
    if found.name and (unheaded := _without_running_name(lines, found.name, len(sections[0].lines))) != lines:
        lines, sections = unheaded, sections_of(unheaded)

    width = wrap_width(lines)
    work_found = _work_history(sections, roles, width, is_skill)
    for entry in work_found:
        if entry.company and is_language(entry.company):
            entry.company = None  # a technology set where the employer goes ('Application Developer' / 'SAP ABAP'): no employer
    if found.name and any(e.position and alias_key(e.position) == alias_key(found.name) for e in work_found):
        # the title of a job the history lists, set where a name goes ('BEHAVIORAL INTERVENTIONIST' over an
        # anonymized resume): the headline, and no one's name
        found.name, found.label = None, found.name
    today = today or written_on(lines, work_found) or date.today()
    # A job whose title names several roles ('Paralegal/Bookkeeper/Office Manager') is one entry per role, as
    # concurrent positions at one employer are; its text stays under the first, so nothing is counted twice.
    work = [
        Work(name=e.company, position=role, location=e.location,
             startDate=iso(e.dates.start) if e.dates else None, endDate=iso(e.dates.end) if e.dates else None,
             summary=e.note, highlights=e.highlights if k == 0 else [])
        for e in work_found for k, role in enumerate(roles_held(e.position, roles))
    ]
    volunteer_found = work_entries(section_lines(sections, "volunteering"), roles, width)
    volunteer = [Volunteer(organization=e.company, position=role,
                           startDate=iso(e.dates.start) if e.dates else None, endDate=iso(e.dates.end) if e.dates else None,
                           summary=e.note, highlights=e.highlights if k == 0 else [])
                 for e in volunteer_found for k, role in enumerate(roles_held(e.position, roles))]
    certification_lines = section_lines(sections, "certifications")
    school_labeled: dict[str, list[str]] = {}  # what the schooling lists under a school's own label ('Awards')
    education = [
        Education(institution=None if _title_not_school(e.institution, roles) else e.institution, area=e.area,
                  studyType=e.degree, level=e.level, startDate=e.start, endDate=e.end, score=e.score, courses=e.courses)
        for e in education_entries((section_lines(sections, "education") or _unheaded_education(header))
                                   + [""] + _schooling_among(certification_lines)
                                   + [""] + _schooling_in_a_history(section_lines(sections, "experience")), school_labeled)
    ]
    # (an entry left with nothing of a school's: a job's header read among the schooling)
    education = [e for e in education if e.institution or e.studyType or e.area]
    # the same degree written twice (a template's summary line over its entry, a school listed under two headings): once
    education = [e for k, e in enumerate(education) if e not in education[:k] and not _restated(e, education)]
    levels = {e.level for e in education}
    education += [Education(studyType=degree, level=level) for degree, level in _after_name(header, found.name)
                  if level not in levels]

    uses: dict[str, SkillUse] = {}
    for entry in work_found:
        if entry.dates:
            for highlight in entry.highlights:
                uses[highlight] = SkillUse("experience", entry.dates.start, entry.dates.end)
    # a school's name as read: one name ('MST/Taxation University of Hartford' or a list of courses read as a school keeps its words)
    schools = [e.institution for e in education if e.institution and INSTITUTION.search(e.institution) and not re.search(r"[,/;]", e.institution)]
    # an employer's name as read: one name (not a list of tools read as one: 'Vue, TypeScript, WebPack, SCSS')
    employers = [e.company for e in work_found if e.company and e.company.count(",") <= 1 and not re.search(r"[/;]", e.company)]
    normalized, skills = resume_skills(sections, matcher, uses, today, schools, employers, found.name)

    achievements = [
        Achievement(work=index, text=highlight, figures=FIGURE.findall(highlight))
        for index, entry in enumerate(work) for highlight in entry.highlights if FIGURE.search(highlight)
    ]
    years = merged_years([(e.dates.start, e.dates.end) for e in work_found if e.dates and e.dates.start], today)
    # failing a title under the name, the latest position that reads as a title ('Duration' or 'SQL Server' does not)
    latest = _latest([e for e in work_found if e.position and title_score(e.position, roles) > 0])
    # the title reached: the headline, else the job held last, else the one the summary says the person is; the
    # headline shown puts the title an objective seeks before the last two (a student's 'position as a Mechanical
    # Engineer' over the 'Intern' of the summer job)
    reached = found.label or (latest.position if latest else None) or _title_stated(header + section_lines(sections, "summary"), roles)
    label = found.label or _title_sought(section_lines(sections, "summary"), roles) or reached
    education_level = max((e.level for e in education if e.level), key=DEGREE_LEVELS.index, default=None)
    summary = " ".join(line for line in section_lines(sections, "summary") if line) or _unheaded_summary(sections[0].lines, width)
    certificates = read_certificates([line for line in certification_lines if not _academic(line)])

    def listed(name: str) -> list[str]:
        """A section's lines, then what the schooling listed under a school's label of that name."""
        return section_lines(sections, name) + [""] + school_labeled.get(name, [])

    projects = _projects(listed("projects"))
    awards = [Award(title=t, date=d, summary=text) for t, d, text, _ in _titled_items(listed("awards"))]
    publications = [Publication(name=t, releaseDate=d, url=link, summary=text)
                    for t, d, text, link in _titled_items(listed("publications"), citations=True)]
    relocation = find_relocation(lines)
    meta = ProfileMeta(
        tenant=tenant,
        document_sha256=document_sha256,
        schema_version=SCHEMA_VERSION,
        taxonomy_version=matcher.taxonomy.version,
        skills=normalized,
        total_years_experience=years,
        desired_salary=desired_salary(lines, found.location.countryCode),
        relocation=relocation[0] if relocation else None,
        memberships=[Membership(name=t, date=d, summary=text) for t, d, text, _ in _titled_items(section_lines(sections, "memberships"))],
        career_level=career_level(reached, years),  # (a title sought says nothing of the level reached)
        education_level=education_level,
        parser="rules",
        parser_version=PARSER_VERSION,
        confidence={
            "name": 0.9 if found.name and header and found.name in header[0] else 0.7 if found.name else 0.0,
            "email": 0.99 if found.email else 0.0,
            "phone": 0.95 if found.phone and found.phone.startswith("+") else 0.5 if found.phone else 0.0,
            "location": 0.8 if found.location.city or found.location.region else 0.0,
            "label": 0.8 if found.label else 0.5 if label else 0.0,
            "work": _share(work, lambda w: w.position and w.name and w.startDate),
            "education": _share(education, lambda e: e.institution and e.studyType),
            "skills": 0.8 if normalized else 0.0,
        },
        achievements=achievements,
    )
    profile = Profile(
        basics=Basics(name=name_case(found.name) if found.name else None, label=label, email=found.email, phone=found.phone, url=found.url,
                      location=found.location, profiles=found.profiles, summary=summary),
        work=work,
        education=education,
        skills=skills,
        languages=_languages(section_lines(sections, "languages") + [m.group(2) for line in section_lines(sections, "skills")
                                                                     if (m := INLINE.match(line)) and heading_of(m.group(1)) == "languages"]),
        certificates=certificates,
        projects=projects,
        awards=awards,
        publications=publications,
        volunteer=volunteer,
        interests=interests(sections, matcher),
        references=read_references(section_lines(sections, "references"), roles, found.name),
        meta=meta,
    )
    if json_resume:
        profile = _as_stated(profile, json_resume, today)
    profile.meta.provenance = provenance(profile, lines) | ({"relocation": relocation[1]} if relocation else {})
    return profile


def _as_stated(profile: Profile, resume: dict, today: date) -> Profile:
    """A JSON Resume's profile: its own basics and entries in place of those read back from its text, and what meta
    counts from them (years of work, career level, education level, achievements) counted from them."""
    stated = stated_sections(resume)
    if profile.languages:  # the parse's, in English and on its scale of fluency ('Native speaker' is native)
        stated.pop("languages", None)
    profile = profile.model_copy(update={"basics": stated_basics(resume, profile.basics), **stated})
    for entry in profile.education:
        if entry.level is None and entry.studyType and (degree := degree_of(entry.studyType)):
            entry.level = degree[1]
    meta = profile.meta
    meta.parser = "json_resume"
    if "work" in stated:
        meta.total_years_experience = merged_years(
            [(start, month_of(w.endDate)) for w in profile.work if (start := month_of(w.startDate))], today)
        meta.achievements = [Achievement(work=index, text=highlight, figures=FIGURE.findall(highlight))
                             for index, entry in enumerate(profile.work) for highlight in entry.highlights
                             if FIGURE.search(highlight)]
    # the latest job: one still held (no end), else the one that ended last
    latest = max((w for w in profile.work if w.position), default=None,
                 key=lambda w: (w.endDate is None, month_of(w.endDate) or (0, 0), month_of(w.startDate) or (0, 0)))
    meta.career_level = career_level(profile.basics.label or (latest.position if latest else None), meta.total_years_experience)
    meta.education_level = max((e.level for e in profile.education if e.level), key=DEGREE_LEVELS.index, default=None)
    basics = resume.get("basics") if isinstance(resume.get("basics"), dict) else {}
    meta.confidence |= {field: 1.0 for field in ("name", "email", "label") if basics.get(field)}
    meta.confidence |= {field: 1.0 for field in ("work", "education") if field in stated}
    return profile


def _work_history(sections: list, roles: frozenset[str], width: int, is_skill: Callable[[str], bool]) -> list:
    """The experience sections' entries; failing those, dated entries under other headings; plus jobs a
    summary states in a sentence ("Worked as X with Y from ... to ...") that the history does not list."""
    found = merged_jobs(work_entries(section_lines(sections, "experience"), roles, width))
    prose = ["header", "summary", "additional"]
    if not found:
        elsewhere = section_lines(sections, "summary", "additional", "languages", "interests", "awards", "skills")
        found = [e for e in work_entries(elsewhere, roles, width) if e.dates and (e.position or e.company)]
        # jobs under a heading that names projects or schooling ('EDUCATION' over 'TINKOFF BANK (tinkoff.ru), Russia' /
        # 'Senior Software Developer (Python)', a two-column page's history read under its education)
        found += [e for e in work_entries(section_lines(sections, "projects"), roles, width) if _dated_job(e, roles)]
        found += [e for e in work_entries(section_lines(sections, "education"), roles, width)
                  if _dated_job(e, roles) and not (INSTITUTION.search(e.company) or degree_of(e.company))]
        prose.append("experience")  # a history written in sentences: "Working as Sr. Java programmer for X from ..."
    else:
        # the jobs after a heading inside the history that names projects ('Selected projects:', a job titled
        # 'Senior A/P Special Projects'): the history goes on under it
        listed = {(e.company, e.position, e.dates and e.dates.start) for e in found}
        for entry in work_entries(_projects_in_a_history(sections), roles, width):
            if _job_among_projects(entry, roles, is_skill) and (entry.company, entry.position, entry.dates.start) not in listed:
                # where the history, newest first, has it: before the first job begun before it
                at = next((i for i, e in enumerate(found) if e.dates and e.dates.start and e.dates.start < entry.dates.start), len(found))
                found.insert(at, entry)
    known = {(e.company or "").lower() for e in found}
    stated = prose_entries(" ".join(section_lines(sections, *prose)), roles)
    if "experience" not in prose:  # a history's own text states a job whole: title, employer and dates
        # line by line: a statement's dates are on its own line, not the next job's
        stated += [e for e in prose_entries("\n".join(section_lines(sections, "experience")), roles) if e.dates]
    for entry in stated:
        same_job = next((e for e in found if not e.company and e.dates and entry.dates and e.dates.start == entry.dates.start
                         and (e.position or "").lower() == (entry.position or "").lower()), None)
        if same_job:  # "Landscaper" / "Jan 2010 to May 2015" / "Worked as Landscaper in Preston's Tree Service from …"
            same_job.company = entry.company
            known.add(entry.company.lower())
        elif not any(entry.company.lower() in k or k and k in entry.company.lower() for k in known):
            found.append(entry)
            known.add(entry.company.lower())
    return found


_CLIENT = re.compile(r"(?i)\b(?:client|customer|project)s?\b")  # a project's client or name, not an employer


def _job_among_projects(entry, roles: frozenset[str], is_skill: Callable[[str], bool]) -> bool:
    """A dated job with a title (a short one, not a sentence: 'Staffing Reorganization (1998) Transformed') and an
    employer that is no client, project or skill ('Password Strength Evaluator using Machine Learning')."""
    return (_dated_job(entry, roles) and entry.dates.start is not None and len(entry.position.split()) <= 8
            and not re.search(r"[\d,]", entry.position) and not (_CLIENT.search(entry.company) or is_skill(entry.company)))


def _projects_in_a_history(sections: list) -> list[str]:
    """The lines of the projects sections that come after a work history, before any other section."""
    out: list[str] = []
    previous = None
    for section in sections:
        if section.within:
            continue
        if section.name == "projects" and previous in ("experience", "projects"):
            out += ["", *section.lines]
            previous = "projects"
        else:
            previous = section.name if section.name != "projects" else None
    return out


def _dated_job(entry, roles: frozenset[str]) -> bool:
    """An entry read outside the work history that is a job all the same: dated, with a title and an employer."""
    return bool(entry.dates and entry.company and entry.position and title_score(entry.position, roles) >= 1)


# what follows a name in a running head: its credentials ('Hal Schmeler, MS (TPP), MS (CS), CSM, PMP', '…, RN, BSN')
_CREDENTIALS = re.compile(r"(?:\s*,\s*[A-Z][A-Za-z.]{0,5}(?:\s*\([A-Z][A-Za-z.]{0,5}\))?)+\s*")
_RUNNING_WORD = re.compile(r"(?i)r[eé]sum[eé]|curriculum\s+vitae|cv")  # what a page's head says beside the name


def _without_running_name(lines: list[str], name: str, start: int) -> list[str]:
    """The lines after the header without the name a page's running head repeats: 'Kendall Rod Considine' alone, or
    before the first line of the page ('Kendall Rod Considine HALF TECHNOLOGIES'); and without the header's address,
    phone or email the head repeats with it ('1255 University, Montreal, QC' was a job at '1255 University')."""
    out = lines[:start]
    # (an address, a figure with words, or a phone number: not the header's '2013 2015')
    repeated = {line.strip() for line in lines[:start] if len(line.strip()) >= 8 and (
        re.search(r"\d", line) and re.search(r"[A-Za-z]", line) or has_phone(line))}
    for line in lines[start:]:
        stripped = line.strip()
        if stripped == name or stripped in repeated or stripped.startswith(name) and _CREDENTIALS.fullmatch(stripped[len(name):]) \
                or _RUNNING_WORD.fullmatch(stripped):
            out.append("")
        elif stripped.startswith(name + " ") and stripped[len(name) + 1:].strip()[:1].isupper():
            out.append(stripped[len(name) + 1:].strip())
        else:
            out.append(line)
    return out


# 'Senior software engineer with more than 9 years of experience', 'a young and energetic sales assistant with two
# years experience', 'reliable Entry Level Java Developer with an outstanding …': who one is, said in a sentence
_STATED_TITLE = re.compile(r"(?P<before>(?:[\w/&.-]+\s+){1,6})with\s+(?:over\s+|more\s+than\s+|an?\s+)?(?:\d+|one|two|three|four|five|six|seven|"
                           r"eight|nine|ten|outstanding|extensive|proven|strong)\b", re.I)
_NOT_IN_TITLE = re.compile(r"(?i)^(?:a|an|the|and|i|am|is|was|as|[a-z]+(?:ly|ic|ive|ful|ous|able|ed))$")


# The title an objective seeks, and what may follow it: 'position as a Mechanical Engineer with ABC', 'Seeking a Web
# Developer role', 'To be the lead copywriter in a large agency'
_SOUGHT_AFTER = r"(?:in|at|with|where|which|that|for|to|within|or|and|so|using|utili[sz]ing)\b"
_SOUGHT_TITLE = rf"(?P<title>(?:(?!{_SOUGHT_AFTER})[\w/&+#.-]+\s+){{0,5}}?(?!{_SOUGHT_AFTER})[\w/&+#-]+)"
_SOUGHT_END = rf"(?=\s*$|\s*[,.;:(]|\s+{_SOUGHT_AFTER})"
_SOUGHT = [re.compile(pattern, re.I) for pattern in (
    rf"\b(?:position|role|job|career|post|employment|opportunity|work)\s+as\s+(?:an?\s+|the\s+)?{_SOUGHT_TITLE}{_SOUGHT_END}",
    rf"\b(?:seeking|obtain|secure|pursue|looking\s+for)\s+(?:an?\s+|the\s+)?{_SOUGHT_TITLE}\s+(?:position|role|job|opportunity)\b",
    rf"\bto\s+be\s+(?:an?\s+|the\s+){_SOUGHT_TITLE}{_SOUGHT_END}")]
# what an objective says of the position it seeks, not of the title: 'a challenging position as', 'a similar role'
_NOT_SOUGHT = re.compile(r"(?i)^(?:(?:challenging|rewarding|suitable|responsible|full[- ]time|part[- ]time|permanent|good|great|new|"
                         r"dynamic|similar|meaningful|long[- ]term|fulfilling|position|role)\s+)+")


def _title_sought(lines: list[str], roles: frozenset[str]) -> str | None:
    """The title the objective at the top of a summary seeks ('To obtain an entry-level position as a Mechanical
    Engineer with ABC Technologies'), when it ends with a role noun."""
    text = " ".join(line for line in lines[:8] if line)
    for found in sorted((m for pattern in _SOUGHT for m in pattern.finditer(text)), key=lambda m: m.start()):
        title = _NOT_SOUGHT.sub("", found["title"]).strip(" .")
        if title and title_score(title, roles) >= 1.5:
            return title
    return None


def _title_stated(lines: list[str], roles: frozenset[str]) -> str | None:
    """The title a summary's sentence says the person is, for a resume with no headline and no titled job."""
    for line in lines[:12]:
        if not (found := _STATED_TITLE.search(line)):
            continue
        words = found["before"].split()  # the words after the last article, verb or adjective
        start = max((i + 1 for i, w in enumerate(words) if _NOT_IN_TITLE.match(w)), default=0)
        title = " ".join(words[start:])
        if title and len(title.split()) <= 5 and title_score(title, roles) >= 1:
            return title
    return None


def _after_name(header: list[str], name: str | None) -> list[tuple[str, str]]:
    """The degrees written after the name ('Clayton Bolton, Ed. D.', 'Hal Schmeler, MS (CS), PMP'), with their levels."""
    line = next((line for line in header if name and line.startswith(name + ",")), None)
    found = []
    for piece in (line or "")[len(name or "") + 1:].split(","):
        piece = piece.strip()
        degree = degree_of(piece)
        if degree and degree[2][0] == 0 and re.fullmatch(r"[.\s]*(?:\([^)]*\))?", piece[degree[2][1]:]):
            found.append((piece, degree[1]))  # the degree alone, or with its field in brackets
    return found


def _latest(held: list):
    """The job held last: the first listed, or the last when the history runs oldest first and the first is not held
    to this day; but never a job ended before another listed began (then the latest of those)."""
    if not held:
        return None
    starts = [e.dates.start for e in held if e.dates and e.dates.start]
    oldest_first = sum(a < b for a, b in pairwise(starts)) > sum(a > b for a, b in pairwise(starts))
    if oldest_first and not (_ongoing(held[0]) and not _ongoing(held[-1])):
        return held[-1]
    first = held[0]
    if first.dates and first.dates.end and (after := [e for e in held if e.dates and e.dates.start and e.dates.start > first.dates.end]):
        # a job begun after the first listed one ended (a two-column page read column by column): the latest of those
        return max(after, key=lambda e: (e.dates.end is None, e.dates.end or e.dates.start, e.dates.start))
    return first


def _restated(entry: Education, education: list[Education]) -> bool:
    """A degree with no school and no dates that another entry of its level already names with its field ('Bachelor :
    Psychology' at a school, then 'BA in Psychology' as the template's description under it): one degree, said twice."""
    if entry.institution or entry.startDate or entry.endDate or not entry.area or not entry.level:
        return False
    field = entry.area.lower()
    return any(other is not entry and other.level == entry.level and (other.institution or other.endDate)
               and re.search(rf"\b{re.escape(field)}\b", f"{other.area or ''} {other.studyType or ''}".lower())
               for other in education)


def _title_not_school(name: str | None, roles: frozenset[str]) -> bool:
    """A job's title read where a school's name goes ('Front End Developer', 'Commissioner of Oaths', 'Director of
    Business Services, Career Connoisseurs'): a role noun in it and no word of a school."""
    return bool(name) and not INSTITUTION.search(name) and title_score(name.split(",")[0], roles) >= 1


def _ongoing(entry) -> bool:
    return bool(entry.dates and entry.dates.start and entry.dates.end is None)


def _share(items: list, complete) -> float:
    """Confidence in a list field: the share of its entries that came out complete, 0 when there are none."""
    if not items:
        return 0.0
    return round(0.4 + 0.5 * sum(bool(complete(i)) for i in items) / len(items), 2)


def profile_text(profile: Profile) -> str:
    """The text that represents a profile for embedding, chosen by measuring matching on labeled resumes
    (docs/matching.md): what a recruiter reads first — the titles (current and the three latest
    roles), the summary, degrees and the first line of the two latest roles. Listing every skill or every
    highlight blurs the vector toward generic office work."""
    # the roles of each job, in order (one job can hold several: see parse_resume)
    latest = [list(job) for _, job in groupby(profile.work, key=lambda w: (w.name, w.startDate, w.endDate))]
    # titles as the title component compares them: 'Senior' alone made an interior designer's resume read as close to
    # a senior software engineer's posting as the median resume of the posting's own occupation
    titles = dict.fromkeys(clean_title(t) for t in [profile.basics.label or "", *(w.position or "" for job in latest[:3] for w in job)])
    parts = [". ".join(t for t in titles if t), profile.basics.summary or ""]
    parts += [" ".join(filter(None, [e.studyType, e.area])) for e in profile.education[:2]]
    parts += [job[0].highlights[0] for job in latest[:2] if job[0].highlights]
    return "\n".join(p for p in parts if p)

