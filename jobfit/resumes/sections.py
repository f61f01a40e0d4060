"""Resume lines and the sections their headings open.

A heading is a short line that names a section: "WORK EXPERIENCE", "Education:", "Technical Skills",
letter-spaced "E xp er ie nc e", or "Skills: Python, Java" with its content on the same line.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from jobfit.resumes.dates import find_range
from jobfit.resumes.layout import LineStyle
from jobfit.resumes.lexicon import TITLE_EXTRA
from jobfit.resumes.places import parse_place

SECTION_HEADINGS = {
    "summary": (
        "summary", "profile", "objective", "career objective", "about me", "professional summary", "executive profile",
        "personal statement", "overview", "career summary", "professional profile", "summary of qualifications", "summary of qualification",
        "qualifications summary", "career profile", "personal profile", "introduction", "executive summary", "career focus", "career overview",
        "professional overview", "profile summary", "key qualifications", "highlights of qualifications",
        "qualification highlights", "qualifications highlights",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "employment", "employment history", "work history",
        "career history", "relevant experience", "career", "professional background", "experience summary",
        "internships", "internship", "military experience", "career experience", "employment record",
        "professional employment", "teaching experience", "work", "positions held", "industry experience", "work exp",
        "working exp", "working experience", "professional exp", "job", "jobs", "job history", "chronology",
        "employment chronology", "career chronology", "work chronology",
    ),
    "education": (
        "education", "academic background", "qualifications", "academic qualifications", "educational qualifications",
        "education and training", "academics", "academic profile", "educational background", "education and credentials",
        "academic credentials", "education details", "scholastic profile", "academic details", "educational details",
        "education & training", "training and education", "degrees", "schooling",
    ),
    "skills": (
        "skills", "technical skills", "core skills", "key skills", "competencies", "core competencies",
        "areas of expertise", "expertise", "key strengths", "strengths", "skill set", "skillset", "skills summary",
        "technical proficiencies", "computer skills", "it skills", "technical expertise", "skills and abilities",
        "areas of impact", "professional skills", "technical summary", "skill highlights", "key competencies",
        "software", "technology", "technologies", "tools", "technical competencies", "skills & expertise",
        "proficiencies", "software skills", "qualifications and skills", "skills and qualifications", "core qualifications", "specialties", "programming languages",
        "scripting languages", "computer languages", "programming", "frameworks", "databases", "operating systems",
        # the fields a researcher or an engineer works in are no pastimes: 'Research Interests', 'Technical Interests'
        "research interests", "teaching and research interests", "research and teaching interests", "technical interests",
        "professional interests", "academic interests", "areas of interest", "research areas", "areas of research",
    ),
    "certifications": (
        "certifications", "certificates", "certification", "licenses", "licences", "licenses and certifications",
        "professional certifications", "credentials", "certifications and licenses", "trainings", "training",
        "professional development", "courses", "professional training",
    ),
    "languages": ("languages", "language skills", "language proficiency", "languages known", "spoken languages"),
    "projects": ("projects", "selected projects", "academic projects", "personal projects", "key projects", "project details"),
    "awards": (
        "awards", "award", "honors", "honours", "achievements", "accomplishments", "awards and achievements", "recognition",
        "honors and awards", "awards and honors", "achievements and accomplishments", "key achievements",
        "selected achievements", "career highlights", "notable achievements",
    ),
    "publications": ("publications", "papers", "presentations", "publications and presentations", "research"),
    "volunteering": ("volunteer", "volunteering", "volunteer experience", "community service", "community involvement",
                     "volunteer work", "voluntary work", "voluntary experience", "community"),
    "references": ("references", "referees"),
    "memberships": ("memberships", "professional memberships", "affiliations", "professional affiliations", "associations",
                    "professional associations", "societies", "professional societies", "professional organizations",
                    "memberships and affiliations", "affiliations and memberships"),
    "interests": ("interests", "hobbies", "hobbies and interests", "personal interests", "activities",
                  "extracurricular activities"),
    "additional": (
        "additional information", "additional details", "additional", "personal details", "personal information", "other information",
        "links", "personal data", "declaration", "other", "miscellaneous", "contact", "contact information", "personal particulars",
    ),
}
# The headings of German, French, Spanish, Italian and Portuguese resumes (compared as `_cleaned` leaves them: no accents,
# 'centres d interet')
FOREIGN_HEADINGS = {
    "summary": ("profil", "über mich", "kurzprofil", "zusammenfassung", "persönliches profil", "profil professionnel",
                "à propos", "à propos de moi", "résumé", "perfil", "perfil profesional", "sobre mí", "resumen", "extracto",
                "profilo", "profilo professionale", "chi sono", "sommario", "perfil profissional", "resumo", "sobre mim",
                "profiel", "persoonlijk profiel", "over mij", "samenvatting"),
    "experience": ("berufserfahrung", "berufliche erfahrung", "beruflicher werdegang", "werdegang", "berufspraxis",
                   "praxiserfahrung", "berufstätigkeit", "expérience professionnelle", "expériences professionnelles",
                   "expérience", "expériences", "parcours professionnel", "experiencia", "experiencia laboral",
                   "experiencia profesional", "trayectoria profesional", "esperienza", "esperienze", "esperienza lavorativa",
                   "esperienza professionale", "esperienze professionali", "experiência profissional", "experiência",
                   "werkervaring", "ervaring", "loopbaan", "arbeidsverleden", "werkgeschiedenis"),
    "education": ("ausbildung", "bildungsweg", "schulbildung", "studium", "akademischer werdegang", "schul- und ausbildung",
                  "studium und ausbildung", "formation", "formations", "études", "diplômes", "formation académique",
                  "formación", "formación académica", "educación", "estudios", "istruzione", "formazione",
                  "istruzione e formazione", "titoli di studio", "formação", "formação acadêmica", "educação",
                  "opleiding", "opleidingen", "onderwijs", "opleiding en cursussen"),
    "skills": ("kenntnisse", "fähigkeiten", "kompetenzen", "fachkenntnisse", "it-kenntnisse", "edv-kenntnisse",
               "fähigkeiten und kenntnisse", "technische kenntnisse", "compétences", "compétences techniques",
               "savoir-faire", "habilidades", "competencias", "conocimientos", "aptitudes", "competenze",
               "competenze tecniche", "competências", "habilidades técnicas",
               "vaardigheden", "competenties", "kennis en vaardigheden", "technische vaardigheden", "ict-vaardigheden"),
    "languages": ("sprachen", "sprachkenntnisse", "fremdsprachen", "langues", "compétences linguistiques", "idiomas",
                  "lingue", "conoscenze linguistiche", "línguas", "talen",
                  "talenkennis"),
    "certifications": ("zertifikate", "zertifizierungen", "weiterbildung", "weiterbildungen", "fortbildungen",
                       "certificats", "certifications", "certificaciones", "cursos", "certificazioni", "corsi",
                       "certificações", "certificaten", "certificeringen", "cursussen", "trainingen"),
    "projects": ("projekte", "projets", "proyectos", "progetti", "projetos", "projecten"),
    "awards": ("auszeichnungen", "distinctions", "prix", "premios", "reconocimientos", "premi", "prêmios", "prijzen"),
    "publications": ("publikationen", "veröffentlichungen", "publicaciones", "pubblicazioni", "publicações", "publicaties"),
    "volunteering": ("ehrenamt", "ehrenamtliches engagement", "engagement", "bénévolat", "voluntariado", "volontariato", "vrijwilligerswerk",
                     "nevenactiviteiten"),
    "references": ("referenzen", "références", "referencias", "referenze", "referências", "referenties"),
    "interests": ("interessen", "hobbys", "freizeit", "centres d'intérêt", "centres d'intérêts", "loisirs", "intereses",
                  "aficiones", "interessi", "hobby", "interesses", "hobby's",
                  "interesses en hobby's"),
    "additional": ("persönliche daten", "persönliche angaben", "kontakt", "kontaktdaten", "sonstiges",
                   "informations personnelles", "divers", "datos personales", "contacto", "otros", "dati personali",
                   "contatti", "altro", "dados pessoais", "contato",
                   "persoonlijke gegevens", "personalia", "contactgegevens", "overig"),
}

_LOOKUP = {alias: section for section, aliases in SECTION_HEADINGS.items() for alias in aliases}
_LOOKUP_SQUEEZED = {alias.replace(" ", ""): section for alias, section in _LOOKUP.items()}
# "Teaching Experience", "Career Experience/Job History", "Technical Skills": the last word names the section.
_TAILS = {"experience": "experience", "experiences": "experience", "history": "experience", "employment": "experience", "education": "education",
          "skills": "skills", "certifications": "certifications", "projects": "projects", "achievements": "awards",
          "awards": "awards", "publications": "publications", "qualifications": "education",
          "competencies": "skills", "expertise": "skills", "references": "references", "interests": "interests",
          "languages": "languages", "summary": "summary", "profile": "summary", "positions": "experience",
          "appointments": "experience", "career": "experience", "papers": "publications", "licenses": "certifications",
          "licences": "certifications", "licensure": "certifications", "associations": "memberships", "articles": "publications",
          "affiliations": "memberships", "memberships": "memberships", "societies": "memberships"}
DEGREE_LINE = re.compile(r"^(?:(?i:bachelor|master|associate of|associate'?s|doctor|ph\.?\s?d)|[BM]\.\s?(?:Sc|A|S|E|Tech|Com|Ed)\b"
                          r"|(?:BA|BS|BSc|MA|MS|MSc|MBA|BE|ME)\b)")
_KEYWORDS = {
    "summary": "summary", "objective": "summary", "objectives": "summary", "profile": "summary",
    "education": "education", "educational": "education", "academic": "education", "academics": "education",
    "qualification": "education", "qualifications": "education", "certifications": "certifications", "certification": "certifications",
    "licenses": "certifications", "awards": "awards", "honors": "awards",
    "achievements": "awards", "accomplishments": "awards", "publications": "publications", "languages": "languages",
    "references": "references", "interests": "interests", "hobbies": "interests", "volunteer": "volunteering",
    "volunteering": "volunteering",
}
# ('{ ' is a LaTeX CV's bullet as some text layers map its glyph)
_LIST_GLYPHS = "•·▪◦➢►■□✓‣○●"  # what lists' items start with, and what sets a heading apart from its first item
BULLET = re.compile(rf"^\s*(?:[-*{_LIST_GLYPHS}¾]|\{{(?=\s)|\d+[.)]\s)\s*")
# a glyph some templates put before every heading ('■ Education'), or a rule drawn after it ('PROFESSIONAL
# TRAINING______', 'Education ========'); never a list's bullet ('•', '-')
_HEADING_GLYPH = re.compile(r"^[■□►➢➤❖◆◇]\s*|\s*(?:[_=~]{3,}|-{4,})$")
INLINE = re.compile(r"^\s*([A-Za-z][A-Za-z &/]{2,40}?)\s*:\s*(\S.*)$")


def letter_spaced(line: str) -> str:
    """'E xp er ie nc e' and 'S ENIOR P ROJECT' (a PDF's letter spacing) put back together; other text unchanged."""
    # small capitals: "S ENIOR P ROJECT M ANAGER"; but not an initial's last letter ("R.D.S COLLEGE") nor the school
    # leaving levels ("A LEVELS", "O LEVEL")
    line = re.sub(r"(?<![\w.])(?![AO] LEVELS?\b)([A-Z]) ([A-Z]{2,})\b", r"\1\2", line)
    words = line.split()
    fragments = [w for w in words if len(w) <= 2 and w.lower() not in _SHORT_WORDS]
    if len(words) >= 3 and len(fragments) >= 0.5 * len(words) and all(w.isalpha() for w in words):
        return "".join(words)
    return line


_SHORT_WORDS = {"in", "of", "at", "to", "a", "an", "on", "by", "or", "as", "is", "it", "be", "we", "my", "and"}


def _cleaned(text: str) -> str:
    """A heading's words in lower case, accents, punctuation and a trailing 'continued' off: 'Résumé', 'EXPERIENCE (cont'd)'."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))
    cleaned = re.sub(r"\s+", " ", re.sub(r"[^a-z &/]", " ", folded.replace("&", " and "))).strip()
    return re.sub(r"\s*\b(?:continued|cont d|contd|cont)$", "", cleaned)  # "PROFESSIONAL EXPERIENCE (continued)"


_LOOKUP.update({_cleaned(alias): section for section, aliases in FOREIGN_HEADINGS.items() for alias in aliases})
_LOOKUP_SQUEEZED.update({alias.replace(" ", ""): section for alias, section in _LOOKUP.items()})


def _exact_heading(text: str) -> str | None:
    """The section a heading names by one of its exact names ('Work Experience', 'Skills & Expertise')."""
    cleaned = _cleaned(text)
    return _LOOKUP.get(cleaned) or _LOOKUP.get(cleaned.replace(" and ", " & "))


def heading_of(line: str, inside: str | None = None, marked: bool = False) -> str | None:
    """The section a line opens, if it is a heading; `inside` is the section the line is in, `marked` whether the
    source marks the line a heading (a heading style: then its case need not look like a heading's)."""
    stripped = re.sub(r"(?<=[a-z]{3})(?=[A-Z][a-z]{3})", " ", letter_spaced(_HEADING_GLYPH.sub("", line.strip())))  # 'GeneralEducation:'
    if numbered := re.match(r"^\d{1,2}[.)]\s+(?=[A-Z])", stripped):
        # a numbered heading ('6. Employment History', '5. Academic Studies:'); not an item of a numbered list
        rest = stripped[numbered.end():]
        return heading_of(rest, inside, marked) if _exact_heading(rest) or rest.rstrip().endswith(":") else None
    if DEGREE_LINE.match(stripped) or _HYPHEN_LETTER.search(stripped):
        # "Master of Arts, Education" is a degree, not the heading "Education"; 'Objective-C' a language, no objective
        return None
    if not stripped or len(stripped) > 60 or stripped.endswith((".", ",", ";")) or BULLET.match(stripped):
        return None
    if (noted := _NOTED.match(stripped)) and (section := _exact_heading(noted["heading"])):
        return section  # 'SKILLS (MOST IMPORTANT ARE UNDERLINED)', 'Experience (most recent first)': a heading and a note on it
    cleaned = _cleaned(stripped)
    if stripped.isupper() and "," in stripped:  # 'HONORS, AWARDS, AND MEMBERSHIPS': names of one section, listed
        parts = [part for part in re.split(r"\s*(?:,|\bAND\b|&)\s*", stripped) if part.strip()]
        named = [heading_of(part) for part in parts]
        if len(parts) >= 2 and all(named):
            return named[0]
    words = cleaned.split()
    if not words or len(words) > 5 or {"resume", "cv"} & set(words) or words[-1] in ("of", "in", "and", "for", "at", "with"):
        return None  # "SAMPLE EDUCATION RESUME" titles the document; "POSITIONS OF" was cut off by a table cell
    exact = _exact_heading(stripped)
    if exact:
        return exact
    if len(words) >= 2 and words[-1] in _DONE and (section := heading_of(stripped.rsplit(None, 1)[0], inside, marked)) \
            and section != "experience":
        return section  # 'PROJECTS UNDERTAKEN', 'Key Projects Handled', 'Courses Completed': the section, said done (a
        # job's label 'Work Completed:' is none)
    joined = {_LOOKUP.get(part) for part in cleaned.split(" and ")} if " and " in cleaned else set()
    if len(joined) == 1 and None not in joined:
        return joined.pop()  # 'Volunteer Work and Community Involvement', 'VOLUNTEER & COMMUNITY': two names of one section
    paired = [_LOOKUP.get(part.strip()) for part in re.split(r" and |/", cleaned)] if re.search(r" and |/", cleaned) else []
    if len(paired) == 2 and all(paired) and stripped[:1].isupper() and paired[0] != "skills":
        # 'Volunteer/activities', 'Volunteer & Activities': two sections' names, the first one's ('Software/Tools:' is the
        # label of a project's skills, which the project goes on after)
        return paired[0]
    # 'W O R K  E X P E R I E N C E' as letter spacing left it ('WORKEXPERIENCE'), or still spaced out
    squeezed = _LOOKUP_SQUEEZED.get(cleaned.replace(" ", "")) if len(line.split()) >= 3 or stripped.isupper() and " " not in stripped \
        else None
    if squeezed:
        return squeezed
    # Only a heading-like line ends in a section word: capitals, title case or a colon.
    heading_like = (marked or stripped.isupper() or stripped.endswith(":") or all(w[:1].isupper() for w in stripped.split() if len(w) > 3)
                    or len(stripped.split()) == 2 and stripped[:1].isupper())  # a CV's sentence case: 'Academic career', 'Peer-reviewed papers'
    # "Related Experience in Education": the words before the preposition name the section; failing them, or
    # when they only sum up ("Summary of Skills"), the last ("Highlights of Professional Experience").
    head = words[: next((i for i, w in enumerate(words) if i and w in ("in", "of", "at", "with", "for")), len(words))]
    named = {_KEYWORDS.get(w) or _TAILS.get(w) for w in head} - {None}
    if len(named) >= 3 or (len(named) == 2 and len(head) >= 4 and "and" not in head):
        return None  # 'PROFESSIONAL SUMMARY EDUCATION RELEVANT EXPERIENCE': a row of column headings, read across
    if heading_like and named == {"experience", "projects"} and len(words) <= 4:
        return "experience"  # 'Experience and participated projects', 'Projects & Work Experience': a history, projects in it
    by_head, by_last = _TAILS.get(head[-1].split("/")[-1]), _TAILS.get(words[-1].split("/")[-1])
    tail = by_head if by_head and by_head != "summary" else by_last or by_head
    if tail == "experience" and words[-1] == "history" and len(words) > 1 \
            and not {part for word in words[:-1] for part in word.split("/")} & _WORK_HISTORY:
        tail = None  # 'Church History', 'Asian History': subjects ('Employment History', 'Brief Work History' are a history)
    if words[-1] in ("history", "certifications", "certification", "licenses", "licences", "licensure") \
            and any(_KEYWORDS.get(w) == "education" for w in head):
        tail = "education"  # 'Academic History', 'Education & Licensure': schooling first
    if tail is None and words[-1] in ("training", "trainings") and (stripped.isupper() or stripped.endswith(":")) \
            and "and" not in words:
        tail = "certifications"  # 'ADDITIONAL CERTIFIED TRAINING', 'INDUSTRIAL TRAINING'; not a skill listed in title
        # case, 'Staff Development & Training'
    if heading_like and tail and len(words) <= 4 and "," not in stripped:  # not "Special Populations, Career"
        return tail
    # "FORMAL EDUCATION AND ONGOING TRAINING", "Educational Qualification :": the first section word decides.
    # "Special Education Teacher", "Volunteer Coordinator/Assistant Treasurer" are jobs, not headings ("Education &
    # Professional Development" is one: 'professional' describes)
    titled = bool((set(re.split(r"[ /]", cleaned)) - {"professional"}) & TITLE_EXTRA)
    if len(words) == 2 and words[0] in ("educational", "academic") and words[1] not in _SCHOOLING_NOUNS:
        return None  # 'Educational Assessment', 'Academic Advising': a field of work (a functional resume's heading in its
        # history), not the schooling
    if heading_like and not titled and "," not in stripped and (stripped.isupper() or stripped.endswith(":") or len(words) <= 3
                                                                or _KEYWORDS.get(words[0]) == "education"):
        for word in words:
            section = _KEYWORDS.get(word)
            # Under a job "Key Accomplishments:" belongs to the entry; an education heading never does.
            if section and (inside != "experience" or section not in ("awards", "publications")):
                return section
    return None


_DONE = frozenset({"undertaken", "handled", "attended", "completed"})
# what an 'Educational …' or 'Academic …' heading names when it heads the schooling
_SCHOOLING_NOUNS = frozenset({"background", "qualification", "qualifications", "details", "detail", "credentials", "record",
                              "records", "attainment", "attainments", "summary", "profile", "history", "information",
                              "overview", "preparation", "studies", "training", "experience", "career", "chronology"})
_HYPHEN_LETTER = re.compile(r"\b[A-Za-z]{3,}-[A-Za-z0-9]\b")  # a name a hyphen joins to a letter: 'Objective-C'
# the words by which a history is the work history, not a subject ('Church History')
_WORK_HISTORY = frozenset({"employment", "work", "working", "career", "job", "jobs", "professional", "position", "positions",
                           "military", "service", "brief", "previous", "prior", "relevant", "other", "additional", "recent",
                           "and", "experience", "academic", "educational", "education"})
_NOTED = re.compile(r"^(?P<heading>[A-Z][A-Za-z &/]{2,30}?)\s*\([^()]{3,40}\)\s*:?$")
JOINS_ON = re.compile(r"(?i)\b(?:of|the|by|for|with|to|at|in)$|&$")  # a line that ends where its text goes on ('Institute of')
# a line cut where it goes on: where a section's line does ('… excellence in'), and in a list's 'and' or comma
LIST_GOES_ON = re.compile(JOINS_ON.pattern + r"|\b(?:and|on)$|,$")
_LETTERED = re.compile(r"^(?:[A-H]|[IVX]{1,4})\.\s+[A-Z]")  # "A. Higher Education", "II. Publications"
_ENTRY_SECTIONS = ("experience", "volunteering", "projects")
_ENTRY_LABELS = ("awards", "projects", "publications")  # what a job's own text may be headed with
SCHOOL_LABELS = ("awards", "interests", "projects", "publications")  # what a school's own text may be headed with
_RESPONSIBILITIES = re.compile(r"(?i)\bresponsibilit|\bduties\b")


@dataclass
class Section:
    name: str
    heading: str | None
    lines: list[str]  # stripped text lines; "" marks a blank line
    within: str | None = None  # the entry section a repeated label ('Technologies:' under every job) opened this one in


_COURSEWORK = re.compile(r"(?i)(?:relevant\s+|key\s+|major\s+)?(?:courses?|coursework|course work|modules)\s*(?:taken|studied)?\s*")


def split_sections(lines: list[str], styles: Sequence[LineStyle | None] | None = None) -> list[Section]:
    """The document as sections in order; text before the first heading is the 'header' section.

    "Skills: Python, Java" opens a skills section whose first line is "Python, Java". Inside a work history, a
    heading the document repeats ("Achievements:" under every job) or one naming duties labels an entry's text.
    `styles` are the lines' layout hints where the document has them (layout.line_styles): a document that sets
    its headings apart has no plain heading, and a line indented with its section's text under the heading is text.
    """
    styles = list(styles) if styles is not None else [None] * len(lines)
    set_apart = _headings_set_apart(lines, styles)
    sections = [Section("header", None, [])]
    seen = Counter(line.strip().lower() for line in lines)
    parent = None  # the section whose lettered subsections ("A. Higher Education" under "Employment History") follow
    above = ""  # the line right above, "" after a blank one
    heading_style = previous_style = None  # the layout of the current section's heading, and of its last line
    left = None  # where the current section's leftmost line starts (None: a line without a known place)

    def open_section(section: Section, style: LineStyle | None) -> None:
        nonlocal heading_style, previous_style, left
        sections.append(section)
        heading_style, previous_style, left = style, None, math.inf

    shown = [k for k, raw in enumerate(lines) if raw.strip()]
    below = dict(zip(shown, [lines[k].strip() for k in shown[1:]] + [""], strict=True))  # the next line with text
    for k, (raw, style) in enumerate(zip(lines, styles, strict=True)):
        line = raw.strip()
        current = sections[-1].within or sections[-1].name
        name = heading_of(line, current, marked=style is not None and style.heading)
        if name and current in _ENTRY_SECTIONS and not _exact_heading(line) and parse_place(below.get(k, "")):
            name = None  # 'Grander Education' / 'New Parkland, CA' in a work history: an employer and its place
        if name and style is not None and (set_apart and not style.set_apart or _indented_text(style, heading_style, previous_style, left)):
            name = None  # 'Projects' as an item of a skills list: set plain, or where the list's items start
        if name and (line.islower() and len(above) >= 40 and above[-1:].islower()
                     or JOINS_ON.search(above) and not line.isupper() and not line.endswith(":")
                     or above.count("(") > above.count(")") and ")" in line):
            # '… before providing them' / 'training', 'Maharaja Agrasen Institute of' / 'Technology', '… UNIVERSITY
            # (Delhi' / 'Metropolitan Education)': the rest of a sentence or a name a layout wrapped
            name = None
        above = line
        inline = INLINE.match(line)
        if name == "education" and current == "education" and not _exact_heading(inline.group(1) if inline else line) \
                and (inline or not (line.isupper() or line.endswith(":"))):
            # 'Concentration in Education', 'Major: Elementary Education' under schooling: its text ('Academic
            # Qualifications and Certifications:' still heads its own list)
            name = None
        if name and current in _ENTRY_SECTIONS and (
                name in _ENTRY_LABELS and seen[line.lower()] > 1 or _RESPONSIBILITIES.search(line)):
            name = None  # "Achievements:" under every job, "Responsibilities & Achievements": the entry's own labels
        if name in SCHOOL_LABELS and current == "education" and seen[line.lower()] > 1:
            name = None  # "Activities:" under every school: what the student did there, and the schooling goes on
        if name == "skills" and current in _ENTRY_SECTIONS and seen[line.lower()] > 1:
            # "Technologies:" under every job lists skills, and the entry goes on after it
            open_section(Section("skills", line, [], within=current), style)
            continue
        if name:
            lettered = bool(_LETTERED.match(line))
            if lettered and parent is None and sections[-1].heading and not any(sections[-1].lines):
                parent = sections[-1].name  # a heading straight under a heading, lettered: its first subsection
            elif not lettered:
                parent = None
            name = parent or name
        if name:
            # "EDUCATION: Western Kentucky University": the heading's line goes on with the section's first line
            rest = inline.group(2).strip() if inline and heading_of(inline.group(1)) == name else ""
            open_section(Section(name, inline.group(1) if rest else line, [rest] if rest else []), style)
            continue
        # "Skills: Python, Java" opens a section, but not inside an entry ("Technologies: ..." under a job).
        if inline and len(inline.group(1).split()) <= 3 and sections[-1].name not in ("experience", "projects", "volunteering"):
            name = heading_of(inline.group(1))
            # "Experience:- 10 months" opens nothing; "Languages: C, C++" in a skills list is one of its lines
            # 'Courses: Statistics, Econometrics' right under a degree is its coursework, not a list of trainings
            coursework = (name == "certifications" and sections[-1].name == "education" and k > 0 and lines[k - 1].strip()
                          and _COURSEWORK.fullmatch(inline.group(1)))
            if name in ("skills", "languages", "certifications") and not (name == "languages" and sections[-1].name == "skills") \
                    and not coursework:
                open_section(Section(name, inline.group(1), [inline.group(2).strip()]), style)
                continue
        gapped = _GAPPED.match(line)
        if gapped and (name := heading_of(gapped["heading"], current)) \
                and (name not in _ENTRY_LABELS or current not in (*_ENTRY_SECTIONS, "education")) \
                and not (name == "skills" and current in _ENTRY_SECTIONS) and not (gapped["bullet"] and name == current):
            # "EDUCATION          Bachelor of Business Administration": a heading in the left column, set on one
            # line with its section's first line in the right one ('Technologies      Java, Spring' under a job
            # is the job's own list). A bullet may stand between them ('Certifications/Awards ▪ RN license ▪ BLS'),
            # though in a list of skills 'Programming • Java, C++' is one of its items.
            open_section(Section(name, gapped["heading"], [gapped["rest"]]), style)
            continue
        run_on = _RUN_ON.match(line)
        if run_on and _LOOKUP.get(run_on.group(1).lower()) == "experience" and len(run_on.group(2).split()) >= 2:
            # "Work Experience Carnegie Mellon University": a two-word heading a layout ran into the first entry
            open_section(Section("experience", run_on.group(1), [run_on.group(2)]), style)
            continue
        if line:
            previous_style = style
            left = min(left, style.x) if left is not None and style is not None and style.x is not None else None
        sections[-1].lines.append(line)
    return sections


def _headings_set_apart(lines: list[str], styles: list[LineStyle | None]) -> bool:
    """Whether the layout sets this document's headings apart (a heading style, bold, a larger font): three or
    more lines that name a section are, and at most one in four such lines is not."""
    if sum(1 for style in styles if style is not None and style.set_apart) < 3:
        return False  # most documents: no styled lines at all, and nothing to read
    named = [style.set_apart for line, style in zip(lines, styles, strict=True)
             if style is not None and heading_of(line.strip(), marked=style.heading)]
    return named.count(True) >= 3 and named.count(False) * 4 <= named.count(True)


def _indented_text(style: LineStyle, heading: LineStyle | None, previous: LineStyle | None, left: float | None) -> bool:
    """A line that starts where its section's last line does, in a section whose every line is indented under its
    heading: the section's text, as a list item that happens to read 'Projects' is. (A sidebar's heading, read
    after the main column, starts where the sidebar's lines before it do, but the section has lines left of it.)"""
    if heading is None or previous is None or left is None or None in (style.x, heading.x, previous.x):
        return False
    return min(left, style.x) >= heading.x + _INDENT and abs(style.x - previous.x) <= _ALIGNED


_INDENT, _ALIGNED = 8.0, 3.0  # points: an indent a reader sees; a left edge the same to the eye


_GAPPED = re.compile(rf"^(?P<heading>[A-Za-z][A-Za-z &/]{{2,40}}?)(?:\s{{4,}}|\s*(?P<bullet>[{_LIST_GLYPHS}])\s+)(?P<rest>\S.*)$")
_RUN_ON = re.compile(r"^((?:[A-Z][a-z]+|[A-Z]+) (?:[A-Z][a-z]+|[A-Z]+)) ([A-Z].*)$")


# the labels that name a job's title or employer (entries.LABELED reads their values; entries imports this module)
_HEADER_LABEL = re.compile(r"(?i)^(?:role|designation|position(?: held)?|job title|company|employer|organi[sz]ation)\s*:")


def _as_entry_text(section: Section) -> list[str]:
    """A job's own skills label and its list, as the job's text: bulleted, but for a dated line or a labeled title
    ('Role : Technology Analyst'), which belong to the next job's header."""
    return [section.heading or "", *(line if not line or find_range(line) or _HEADER_LABEL.match(line) else f"• {line}"
                                     for line in section.lines)]


def section_lines(sections: list[Section], *names: str) -> list[str]:
    """The lines of every section with one of these names, in document order, a blank line between sections."""
    out: list[str] = []
    for section in sections:
        if section.within in names:
            out.extend(_as_entry_text(section))
        elif section.name in names:
            if out:
                out.append("")
            out.extend(section.lines)
    return out


def closed_brackets(lines: list[str]) -> list[str]:
    """The lines with a bracket a line break cut closed on one line: "USER INTERFACE (Less than 1" / "year)", a job's
    "Company: … Technical Support Center (Microsoft" / "IGTSC), Bangalore"."""
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].count("(") > joined[-1].count(")") and ")" in line.split("(")[0]:
            joined[-1] = f"{joined[-1]} {line.strip()}"
        else:
            joined.append(line)
    return joined


def list_items(lines: list[str]) -> list[str]:
    """The items of a list section: its lines without their bullets, blank ones left out."""
    return [item for line in lines if line and (item := BULLET.sub("", line).strip())]
