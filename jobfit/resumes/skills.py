"""Skills: taxonomy mentions anywhere in the resume with their evidence, and the items the resume lists (skills and
languages sections, tool lines, enumerations and the lists prose introduces with a skill word). And interests: what the
person does outside work, which the interests section lists and which are no skills of the trade ('Tennis', 'Yoga')."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from jobfit.resumes.basics import NETWORKS
from jobfit.resumes.certificates import YEAR
from jobfit.resumes.dates import MONTH, ONGOING, find_range, iso, merged_years
from jobfit.resumes.education import institution_name
from jobfit.resumes.entries import CONTACT
from jobfit.resumes.lexicon import FLUENCY, in_english
from jobfit.resumes.places import parse_place
from jobfit.resumes.sections import BULLET, LIST_GOES_ON, Section, closed_brackets, heading_of
from jobfit.schema import Interest, NormalizedSkill, Skill
from jobfit.taxonomy import TECH_CATEGORIES, SkillMatcher, tokens, wording
from jobfit.text import EMAIL, blank, without_addresses

LISTED_TECHNOLOGIES = 2  # technologies a resume's skills lists must name for a bare name there to be one too
SKILL_YEARS = re.compile(r"\(\s*(?:(less than (?:1|one))|(\d+(?:\.\d+)?)\+?)\s*(?:years?|yrs?)\s*\)", re.I)
_LEVEL_WORDS = r"expert|advanced|proficient|intermediate|beginner|basic|working knowledge|familiar"
LEVELS = re.compile(rf"\b({_LEVEL_WORDS})\b", re.I)
TOOLS_LINE = re.compile(r"^(?:environment|technologies(?: used)?|technology used|tools(?: used)?|skills(?: used)?|tech stack|"
                        r"platforms?|software|languages|frameworks|databases)\s*:\s*(.+)$", re.I)
ITEM_SPLIT = re.compile(r"[,;|•·▪◦~]|\s-\s|\t|\s{2,}|\band\b(?=\s+[A-Z])")


@dataclass
class SkillUse:
    """Where a skill showed up: the section, and the dates of the work entry it was written under."""

    section: str
    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None  # None with a start: still in use


# a level or years written after the skill with a dash or a colon ('Docker – 3 years', 'Java: Beginner', 'SQL - Advanced'):
# said in brackets, as the items read them, so the level is no skill of its own and the dash no item's end
_STATED_AFTER = re.compile(rf"(?:\s+[-–—]|\s*:)\s*(\d+(?:\.\d+)?\+?\s*(?:years?|yrs?)|{_LEVEL_WORDS})\s*(?=[,;|]|$)", re.I)


# a line of levels alone ('Beginner        Intermediate'): how well the items of the line above are known, in its columns
_LEVELS_ONLY = re.compile(rf"(?i)^(?:\s*(?:{_LEVEL_WORDS})\b)+\s*$")


def listed_items(lines: list[str]) -> list[tuple[str, float | None, str | None]]:
    """(item, years stated, level stated) for each item of skills-section lines. A line of levels alone under a line
    of items, as a two-column list sets them ('● Social Media Marketing    ● Event Management' / 'Beginner
    Intermediate'), gives those items their levels, one for each; it names no skill."""
    items: list[tuple[str, float | None, str | None]] = []
    above: list[int] = []  # positions in `items` of the line above's items
    for line in closed_brackets(lines):
        if _LEVELS_ONLY.match(BULLET.sub("", line)):
            levels = LEVELS.findall(line)
            if len(levels) == len(above):
                for at, level in zip(above, levels, strict=True):
                    items[at] = (items[at][0], items[at][1], items[at][2] or level.lower())
            above = []
            continue
        first = len(items)
        line = _STATED_AFTER.sub(r" (\1)", BULLET.sub("", line))
        labeled = re.match(r"^([A-Za-z /&-]{2,40}):\s*(.*)$", line)
        if labeled:
            label, rest = labeled.group(1).strip(), labeled.group(2)
            if len(rest.split()) > 6 and not re.search(r"[,;|]", rest.split(".")[0]):
                line = label  # "Communication: Effective written and verbal..." -> the skill is the label
            else:
                line = rest  # "Languages: Java, C" -> "Java, C"
        for raw in ITEM_SPLIT.split(line):
            item = BULLET.sub("", raw).strip(" .:-*")
            years_match = SKILL_YEARS.search(item)
            years = None
            if years_match:
                years = 0.5 if years_match.group(1) else float(years_match.group(2))
                item = SKILL_YEARS.sub("", item).strip(" .:-*")
            level_match = LEVELS.search(item)
            level = level_match.group(1).lower() if level_match else None
            item = (re.sub(r"\s*\((?:[^)]*)\)\s*$", "", item).strip(" .:-*()") or item).strip(" ()")
            item = _CUE.sub("", item)  # "Proficient in JavaScript", "Skilled in Solid Works": the skill is what follows
            if item and len(item.split()) <= 5 and len(item) <= 50 and re.search(r"[A-Za-z]", item):
                items.append((item, years, level))
        above = list(range(first, len(items)))
    return items


_CUE = re.compile(r"^(?:highly\s+|very\s+)?(?:skilled|proficient|experienced|knowledgeable|knowledge|versed|familiar|competent|"
                  r"fluent|expert|expertise)\s+(?:in|with|at|of|on)\s+(?=\S)", re.I)


ENUMERATION = re.compile(r"\b(?:like|such as|including|includes|include|viz\.?|e\.g\.?|namely)\s+([^.;:]{3,200})")


def enumerated(text: str) -> list[str]:
    """Capitalized items of the lists prose introduces with "like", "such as", "including"."""
    items = []
    for match in ENUMERATION.finditer(text):
        parts = [p.strip(" ,") for p in re.split(r",|\band\b|\bor\b|/", match.group(1))]
        if len(parts) < 2:
            continue
        for part in parts:
            words = part.split()
            if 1 <= len(words) <= 4 and part[:1].isupper() and not re.search(r"\d{4}", part):
                items.append(part)
            elif words and not part[:1].isupper():
                break  # the list has ended: prose goes on
    return items


# "experience in product development and new product launches", "skilled at scheduling, budgeting": a skill word
# introduces a list of skills in prose
CUED = re.compile(r"\b(?:experience[ds]?|expertise|skilled|proficien(?:t|cy)|knowledge|background|speciali[sz](?:ed|ing|e)|"
                  r"adept|versed|competent|trained|excel(?:s|led)?|familiar(?:ity)?|exposure|understanding)\s+"
                  r"(?:in|with|at|of|on|to)\s+([^.;:()]{3,200})", re.I)
# "strong analytical, problem solving and programming skills": the words a praise word puts before 'skills'
PRAISED = re.compile(r"\b(?:excellent|strong|good|great|outstanding|superb|effective|exceptional|proven|solid|sound|"
                     r"polished|superior|keen|professional)\s+((?:[A-Za-z-]+(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*/\s*|\s+)){0,6}?"
                     r"[A-Za-z-]+)\s+(?:skills|abilities)\b", re.I)
_ADJECTIVE = re.compile(r"(?i)(?:al|ive|ic|ful|ous|ten|ken)$")  # 'verbal', 'written', 'spoken', 'persuasive'
_LIST_PARTS = re.compile(r",|\band\b|&|\bas well as\b")
_LEAD = re.compile(r"^(?:the|all|various|many|a|an|both|areas? of|aspects? of|including|all phases of|phases of)\s+", re.I)
# an item led by such a word is prose ("other engineers"); one ending in such a word was cut off ("developing high")
_NOT_FIRST = frozenset("my our their his her its your other others whatever but both this that these those such which who "
                       "it them me any each every some where how what when one or to for also".split())
_NOT_LAST = frozenset("of the a an to for with in on at by about from into particularly especially very well high "
                      "strong good".split())


def cued(text: str, named: Callable[[str], bool] = lambda phrase: False) -> list[str]:
    """The skills prose names after a skill word ("expertise in X, Y and Z") or before 'skills' ("strong X and Y
    skills"); a list ends at its first item longer than four words.

    Praised skills are read as the text says them, each with the noun the list shares: "excellent communication and
    interpersonal skills" names communication skills and interpersonal skills, "written and verbal communication skills"
    written communication and verbal communication (an adjective alone, 'interpersonal' or 'written', is no skill), and
    "excellent time and work management skills" time management, where `named` (a skill the taxonomy calls so) says
    the shared noun makes one of the word before it ('leadership and project management' shares nothing). After a skill
    word, a lower-case word whose object comes later ("experience in planning, developing and implementing IT
    infrastructure solutions", "design and development of enterprise applications") names no skill of its own."""
    items = []
    for match in PRAISED.finditer(text):
        parts = [part.strip() for part in re.split(r",|\band\b|&|/", match.group(1)) if part.strip()]
        parts = [part for part in parts if part.lower() not in _NOT_FIRST]
        # the single words just before a last part of several words share its noun when they are adjectives as its first
        # word is ('written and verbal communication'), or make a skill with it ('time and work management'); else each
        # is its own skill ('analytical and problem solving': analytical skills, problem solving)
        noun = " ".join(parts[-1].split()[1:]) if parts else ""  # ('quantitative and analytical problem solving')
        adjectives = bool(parts) and _ADJECTIVE.search(parts[-1].split()[0]) is not None
        shared = len(parts)
        if parts and " " in parts[-1]:
            shared -= 1
            while shared > 0 and " " not in parts[shared - 1] and (
                    _ADJECTIVE.search(parts[shared - 1]) if adjectives else named(f"{parts[shared - 1]} {noun}")):
                shared -= 1
        items += [part if " " in part else f"{part} {noun}" if k >= shared and k < len(parts) - 1 else f"{part} skills"
                  for k, part in enumerate(parts)]
    for match in CUED.finditer(text):
        parts: list[str | None] = []  # the list's parts in order, None for one that names no skill
        shared = False  # the list ends with an act and its object ('implementing IT infrastructure solutions', 'development
        # of enterprise applications'), which the single words just before it share ('planning, developing, and')
        ran_on = False  # the list ended where prose went on past a part of more than four words
        for part in _LIST_PARTS.split(match.group(1)):
            words = _LEAD.sub("", part.strip(" -/")).split()
            if not words:
                continue  # (between ', and')
            shared = len(words) > 1 and words[0].islower() and (words[0].endswith("ing") or words[1] == "of")
            if len(words) > 4:
                ran_on = True
                break
            named = words and words[0].lower() not in _NOT_FIRST and words[-1].lower() not in _NOT_LAST \
                and re.search(r"[A-Za-z]{3}", " ".join(words))
            parts.append(" ".join(words) if named else None)
        end = len(parts) - (0 if shared and ran_on else 1)  # the parts before the act that ends the list
        while shared and end > 0 and parts[end - 1] and " " not in parts[end - 1] and parts[end - 1].islower():
            end -= 1
            parts[end] = None
        items += [part for part in parts if part]
    return items


# a date, not a version ('Lync 2010 Server'): a range ('2012 - 2014', 'since 2008') or a month's year ('Feb 2008')
_MONTH_YEAR = re.compile(rf"\b{MONTH}\.?\s+(?:19|20)\d\d\b", re.I)


def _as_listed(item: str, praised: bool = False) -> str | None:
    """An item the taxonomy does not know as it is kept, when it reads as a skill: without the words a cut left
    hanging ("news production and" -> "news production"); None for a date ("Since Feb 2008", "present"), a school, a region
    ("Alberta"), a heading ("ADDITIONAL EXPERIENCE"), a contact, a count ("6 months") or no words left ("applying to")."""
    words = item.split()
    while words and words[0].lower() in _DANGLING_FIRST:
        words.pop(0)
    while words and words[-1].lower() in _DANGLING_LAST:
        words.pop()
    if not words or words[0].lower() in _NOT_FIRST:
        return None
    item = " ".join(words)
    if CONTACT.search(item) or _SITE.search(item) or _COUNT.fullmatch(item):
        return None
    if ONGOING.fullmatch(item) or institution_name(item) == item:
        return None  # a two-column page's other column: 'Sep 2019 - present' cut at its dash, a school's name
    if find_range(item) or _MONTH_YEAR.search(item) or _region(item) \
            or not praised and heading_of(item) in _NOT_SKILL_HEADINGS:  # ('strong computer skills' heads nothing)
        return None
    return item


# a contact ('www.site.com', 'E-mail', 'Zip Code') or how long or how many ('6 months', '4 persons'): no skill
_SITE = re.compile(r"[a-z\d-]\.(?:com|org|net|edu|io|info)\b")  # a bare domain, in lower case: 'ASP.NET' is a skill
_COUNT = re.compile(r"\d+\+?\s*(?:years?|yrs?|months?|weeks?|days?|persons?|people|members?|employees?)", re.I)
_DANGLING_FIRST = frozenset({"and", "or", "&"})
_DANGLING_LAST = _NOT_LAST | _DANGLING_FIRST
# headings that name no activity ('Training', 'Research' and 'Test Summary' head sections and are skills too)
_NOT_SKILL_HEADINGS = frozenset({"skills", "languages", "references", "awards", "volunteering", "experience", "education"})


def _mostly_skills(matcher: SkillMatcher, name: str) -> bool:
    """Whether skills' names make up more than half the words of a name: a product ('Oracle', 'Cisco Systems') or
    a list of tools read as an employer ('Operating Systems & Office Software', 'MS Office 2010'), not a company
    that has one in its name ('HCL Technologies', 'PTC Therapeutics'). A name read as a misspelt skill counts for
    none: 'Typeform' is an employer, not TypeORM misspelt."""
    words = tokens(name)
    spans = [(m.start, m.end) for m in matcher.find(name) if m.how != "fuzzy"]
    return 2 * sum(1 for w in words if any(a <= w.start() and w.end() <= b for a, b in spans)) > len(words)


NETWORK_NAMES = frozenset(NETWORKS.values())
# An interest's items: separated by commas, semicolons, bars, bullets, a wide gap, or a dash or '&' with spaces around it
# ('Cooking · Running · Chess', 'tennis & indoor soccer')
_INTEREST_SPLIT = re.compile(r"\s*[,;|•·▪◦]\s*|\s{2,}|\s+[-–&]\s+")
_INTEREST_LABEL = re.compile(r"^([A-Za-z][A-Za-z /&-]{1,30}):\s*(\S.*)$")  # 'Sports: cycling, tennis & indoor soccer'
INTEREST_WORDS = 6  # words an item of an interests list may have ('Spanish and Python scripting for fun'): a longer one is prose
MAX_INTERESTS = 20
# the heading of a section of pastimes: 'Interests', 'Hobbies', 'Leisure', 'Sporting Interests', 'Freizeit', 'Loisirs',
# 'Centres d'intérêt', 'Aficiones' (not 'Activities and Honors', a template's heading for awards and affiliations)
_PASTIMES = re.compile(r"(?i)interes|intérêt|hobb|leisure|pastime|freizeit|loisir|aficion")


def of_pastimes(section: Section) -> bool:
    """Whether a section lists what the person does outside work: an interests section so headed, with no year in it (a
    template's 'Interests' over dated activities, 'Delta Sigma Pi … March 2015-Present · Participate in recruiting,
    fundraising …', is a history of them)."""
    return section.name == "interests" and _PASTIMES.search(section.heading or "") is not None \
        and not any(YEAR.search(line) for line in section.lines)


def interests(sections: list[Section], matcher: SkillMatcher) -> list[Interest]:
    """The items of the sections of pastimes (`of_pastimes`), each an interest; a label before a colon names one whose
    items are its keywords ('Sports: cycling, tennis & indoor soccer'). A short sentence is one interest ('Play drums in
    a band'); a line with a longer one is prose, and a date, a contact, a place or personal data (a two-column page's
    details read under the heading) is none, nor is an item that names a technology, a language or qualities
    (`_names_a_skill`): it is among the skills, and a layout put it under the heading."""
    found: dict[str, Interest] = {}
    for text in _unwrapped([line for section in sections if of_pastimes(section) for line in [*section.lines, ""]]):
        if not text or EMAIL.search(text) or PERSONAL_DATA.match(text) or _region(text):
            continue
        name, keywords = None, []
        if labeled := _INTEREST_LABEL.match(text):
            # a label of a few words names the items' kind ('Sports:'); a longer one leads them in ('Some of my interests:')
            name = labeled.group(1).strip() if len(labeled.group(1).split()) <= 3 else None
            text = labeled.group(2)
        items = [re.sub(r"^(?:and|&)\s+", "", item.strip(" .:-&")) for item in _INTEREST_SPLIT.split(text)]
        if len(items) > 1 and " and " in items[-1]:  # 'sketching, baking and rock climbing'
            items[-1:] = items[-1].split(" and ", 1)
        if any(len(item.split()) > 2 * INTEREST_WORDS for item in items) \
                or 2 * sum(len(item.split()) > INTEREST_WORDS for item in items) > len(items):
            continue  # prose, not a list ('Highly experienced leading, training, and developing others Previous quarter…')
        items = [item for item in items if re.search(r"[A-Za-z]{3}", item) and not re.search(r"\d", item)
                 and len(item.split()) <= INTEREST_WORDS and not _region(item)
                 and not _names_a_skill(matcher, item)]
        if name and not items:
            continue  # 'Technical: Python, Linux'
        if name:
            keywords = items
            items = [name]
        for item in items:
            interest = found.setdefault(item.lower(), Interest(name=item))
            interest.keywords += [k for k in keywords if k not in interest.keywords]
    return list(found.values())[:MAX_INTERESTS]


def _names_a_skill(matcher: SkillMatcher, item: str) -> bool:
    """Whether the item is the name of a technology or a language ('SPSS', 'Programming'), or qualities make up most of
    it ('Hard working and reliable', 'Leadership'); not a field of knowledge ('Photography', 'Yoga', 'Philosophy' are
    pastimes), nor what one does with a technology ('Python scripting for fun')."""
    found = matcher.find(item)
    return any(m.start == 0 and m.end == len(item) and (m.skill.category in TECH_CATEGORIES or m.skill.category == "languages")
               for m in found) \
        or 2 * sum(m.end - m.start for m in found if m.skill.type == "soft skill") >= len(item)


def _unwrapped(lines: list[str]) -> list[str]:
    """The lines without their bullets and closing full stops, those a layout wrapped joined again ('Participate in
    fundraising, community service and' / 'mentoring', a long line of prose and the next)."""
    joined: list[str] = []
    for line in lines:
        text = BULLET.sub("", line).strip()
        if joined and text and not BULLET.match(line) and (
                LIST_GOES_ON.search(joined[-1]) or len(joined[-1].split()) > 2 * INTEREST_WORDS and joined[-1][-1:] not in ".!?"):
            joined[-1] = f"{joined[-1]} {text}"
        else:
            joined.append(text)
    return [text.rstrip(".") for text in joined]


def _region(item: str) -> bool:
    """A region or a country, or a town with its region ('INDIA', 'Pune, Maharashtra'): a town alone is often a word
    too ('Yoga' is a town in Japan)."""
    place = parse_place(item)
    return place is not None and (not place.city or "," in item)


# a line of personal data says who the person is, not what they can do ('Nationality: Malaysian' is no Malay,
# 'IC No.: 950312-10-5566' no integrated circuits, 'Religion: Roman Catholic', 'State of Origin: Anambra State')
PERSONAL_DATA = re.compile(r"^\W*(?:nationality|citizenship|religion|marital\s+status|civil\s+status|gender|sex|"
                           r"date\s+of\s+birth|d\.?\s?o\.?\s?b|place\s+of\s+birth|birth\s*date|age|i/?c|nric|passport|"
                           r"(?:national\s+)?id(?:entity)?(?:\s+card)?|state\s+of\s+origin|l\.?g\.?a|local\s+government(?:\s+area)?|"
                           r"(?:father|mother|husband|wife|spouse)'?s?\s+name|height|weight|blood\s+group)"
                           r"\s*(?:no\.?|number|#)?\s*[:\-–]", re.I)


def resume_skills(
    sections: list[Section],
    matcher: SkillMatcher,
    uses_by_line: dict[str, SkillUse],
    today: date,
    schools: Sequence[str] = (),
    employers: Sequence[str] = (),
    person: str | None = None,
) -> tuple[list[NormalizedSkill], list[Skill]]:
    """Normalized skills (for meta and matching) and JSON Resume skills (the normalized ones with the resume's
    wording as keywords, a listed item among the keywords of the skill it names, then the listed items the
    taxonomy does not know, as written). The names of the `schools` attended say nothing of what the person can
    do ('ITMO University (Information Technologies, Mechanics and Optics)'), and a technology named in the name
    of one of the `employers` is the employer's ('HCL Technologies' is no Terraform, 'PTC Therapeutics' no train
    control, 'Naser, Corda & Evans' no blockchain); the field of work one names is the person's ('Child Care
    Center of Evanston'). The `person`'s own name names no skill ('Wan Schuster' is no WAN, 'Julia Roberts' no Julia).
    A field of knowledge only the sections of pastimes name is an interest (`interests`), no skill ('Tennis', 'Yoga')."""
    # the name, and what brackets after it add to it
    school_names = re.compile("(?:" + "|".join(re.escape(name) for name in sorted(set(schools), key=len, reverse=True))
                              + r")(?:\s*\([^()]*\))?") if schools else None
    employer_names = sorted({n for n in employers if not _mostly_skills(matcher, n)}, key=len, reverse=True)
    employer_name = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, employer_names)) + r")(?!\w)") if employer_names else None
    person_name = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, person.split())) + r"(?!\w)", re.I) if person else None
    # a referee's or a paper's words say what they do or are about, not what the candidate can do
    sections = [section for section in sections if section.name not in ("references", "publications")]
    texts: list[str] = []
    uses: list[SkillUse] = []
    employer_spans: list[list[tuple[int, int]]] = []
    contact_lines: list[bool] = []
    pastime_lines: list[bool] = []
    for section in sections:
        pastimes = of_pastimes(section)
        for line in section.lines:
            if not line or (PERSONAL_DATA.match(line) and len(line.split()) <= 8):
                continue  # (a longer line may go on to other things: '… Date of Birth: 11th April 1983 Languages: …')
            contact_lines.append(section.name == "header" or bool(EMAIL.search(line)))
            pastime_lines.append(pastimes)
            cleaned = blank(without_addresses(line), SKILL_YEARS)
            if person_name:
                cleaned = blank(cleaned, person_name)
            if school_names and section.name == "education":
                cleaned = blank(cleaned, school_names)
            texts.append(cleaned)
            employer_spans.append([m.span() for m in employer_name.finditer(cleaned)]
                                  if employer_name and section.name == "experience" else [])
            key = BULLET.sub("", line).strip()
            use = uses_by_line.get(key)
            if use is None and section.name == "experience":  # a line of a highlight wrapped over several
                use = next((u for highlight, u in uses_by_line.items() if key in highlight), None)
            uses.append(use or SkillUse(section.name))
    normalized: dict[str, NormalizedSkill] = {}
    spans: dict[str, list[SkillUse]] = {}
    beyond_pastimes: set[str] = set()  # the skills named outside the sections of pastimes
    for text, found, use, employer, contact, pastime in zip(texts, matcher.find_many(texts), uses, employer_spans,
                                                            contact_lines, pastime_lines, strict=True):
        for mention in found:
            if mention.skill.category in TECH_CATEGORIES and any(a <= mention.start and mention.end <= b for a, b in employer):
                continue
            if mention.skill.name in NETWORK_NAMES and (contact or text[mention.end:].lstrip().startswith(":")):
                continue  # 'LinkedIn: linkedin.com/in/…', 'LinkedIn | GitHub' beside the email: a profile's label
            entry = normalized.setdefault(
                mention.skill.id, NormalizedSkill(id=mention.skill.id, name=mention.skill.name, category=mention.skill.category)
            )
            said = wording(text, mention)
            if said not in entry.evidence:
                entry.evidence.append(said)
            spans.setdefault(mention.skill.id, []).append(use)
            if not pastime:
                beyond_pastimes.add(mention.skill.id)
    listed = [item for section in sections if section.name == "skills" for item in listed_items(section.lines)]
    from_skills_section = len(listed)
    # 'Deutsch (Muttersprache)', 'Inglés (avanzado)': a language named in another language is read by its English name
    written: dict[str, str] = {}
    fluency: set[str] = set()  # a languages list's 'Excellent', 'Mother tongue', 'Beginners level': how well, no skill
    for item, years, level in (item for section in sections if section.name == "languages" for item in listed_items(section.lines)):
        if (english := in_english(item)) != item:
            written[english] = item
        listed.append((english, years, level))
        if re.fullmatch(rf"(?:{FLUENCY.pattern})(?:\s+level)?", item, re.I) and not (item.isupper() and item.isalpha()):  # (not 'BASIC')
            fluency.add(item)
    # "Environment: GIT, Maven, Jenkins" under a job, "Technologies: ..." under a project
    listed += listed_items([m.group(1) for section in sections if section.name != "skills" for line in section.lines
                            if (m := TOOLS_LINE.match(BULLET.sub("", line)))])
    # enumerations in prose: "Cloud Technologies like AWS VPC, EC2, S3, Route 53", "tools such as Jira and Git"
    listed += [(item, None, None) for section in sections if section.name not in ("skills", "header")
               for item in enumerated(" ".join(line for line in section.lines if line))]
    # skills prose names: "expertise in Oracle Forms and report generation", "strong analytical and writing skills"
    praised = [item for section in sections
               for item in cued(" ".join(BULLET.sub("", line) for line in section.lines if line), matcher.names)]
    listed += [(item, None, None) for item in praised]
    listed_found = matcher.find_many([item for item, _, _ in listed])
    unknown: list[Skill] = []
    seen = {w.lower() for s in normalized.values() for w in [s.name, *s.evidence]}
    # the technologies the skills lists name: two or more make a list's bare name that needs technical company the
    # technology ('Microsoft Office / Visio / Inventor / Minitab'); a list of qualities keeps 'Persuasion' a word
    listed_technologies = {m.skill.id for found in listed_found[:from_skills_section] for m in found
                           if m.skill.category in TECH_CATEGORIES}
    for k, ((item, years, level), found) in enumerate(zip(listed, listed_found, strict=True)):
        if not found and k < from_skills_section and (bare := matcher.listed(item)) is not None \
                and len(listed_technologies - {bare.skill.id}) >= LISTED_TECHNOLOGIES:
            named = bare.skill
            normalized.setdefault(named.id, NormalizedSkill(id=named.id, name=named.name, category=named.category))
            spans.setdefault(named.id, []).append(SkillUse("skills"))
            found = [bare]
        for mention in found:
            entry = normalized.get(mention.skill.id)
            if entry is None and item in written and mention.skill.type == "language":  # named in another language
                entry = normalized[mention.skill.id] = NormalizedSkill(id=mention.skill.id, name=mention.skill.name,
                                                                       category=mention.skill.category)
            if entry is None:
                continue
            if years is not None:
                entry.years = max(entry.years or 0, years)
            if level and not entry.level:
                entry.level = level
        if item.lower() in seen:
            continue
        seen.add(item.lower())
        main = normalized.get(max(found, key=lambda m: len(m.text)).skill.id) if found else None
        if main is not None:  # "Java Swing", "Windows CE 5.0": the item as written is the resume's wording of its skill
            main.evidence.append(written.get(item, item))
        elif item not in fluency and (kept := _as_listed(item, item in praised and item.endswith(" skills"))) \
                and (kept == item or kept.lower() not in seen):
            seen.add(kept.lower())
            unknown.append(Skill(name=kept, level=level, keywords=[kept]))
    for skill_id, entry in normalized.items():
        used = spans.get(skill_id, [])
        entry.sections = sorted({u.section for u in used})
        dated = [u for u in used if u.start]
        if dated:
            ends = [u.end for u in dated]
            entry.last_used = "present" if any(e is None for e in ends) else iso(max(ends))
            if entry.years is None:
                entry.years = merged_years([(u.start, u.end) for u in dated], today)
    # a field only the pastimes name is one ('Tennis', 'Yoga', 'Photography' among the hobbies), not the trade's; a
    # technology, a language or a quality named there is still the person's, and so is one a skills list names
    beyond_pastimes |= {m.skill.id for found in listed_found[:from_skills_section] for m in found}
    kept = [s for s in normalized.values() if s.id in beyond_pastimes or s.category != "domain knowledge"]
    skills = [Skill(name=s.name, level=s.level, keywords=s.evidence) for s in kept] + unknown
    return kept, skills

