"""Work (and volunteering) entries: dates anchor them; role nouns and organization words tell the title
from the employer in any order; the gazetteer takes the place out. Also jobs a summary states in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from jobfit.resumes.dates import MONTH, DateRange, find_range, leading_date, ongoing_from
from jobfit.resumes.education import degree_of
from jobfit.resumes.entries import (
    BODY_LABEL,
    BULLET,
    DATE_LABELS,
    HOURS_WORDS,
    JOINING_WORDS,
    NAME_CONNECTORS,
    PAST_VERB,
    TEMPLATE_PLACEHOLDER,
    Header,
    is_body,
    read_header,
    strip_piece,
    written_as_name,
)
from jobfit.resumes.lexicon import (
    FIRM_SUFFIX,
    FLUENCY,
    LEGAL_SUFFIX,
    ORG_WORDS,
    company_score,
    heads_a_function,
    split_note,
    spoken_languages,
    title_score,
    words_of,
)
from jobfit.resumes.places import US_STATE_CODES, parse_place, place_kind, place_text
from jobfit.schema import Location

# The work a team does ('Sales', 'Logistics'): a title's function after its comma, or the work a title names.
WORK_FUNCTIONS = frozenset("""sales marketing operations finance accounting accounts procurement logistics support
administration engineering development design research communications""".split())
# Functions a title names after a comma ("Vice President, Sales"): not employers.
DEPARTMENTS = WORK_FUNCTIONS | frozenset("""hr it qa business strategy product technology and of the international global
national regional north south east west europe asia americas emea apac""".split())


def _comma_parts(text: str) -> list[str]:
    """The text cut at its commas, but for those inside brackets ('Web Developer (Django, Reactjs)')."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


def _split_title_company(piece: str, roles: frozenset[str]) -> list[str]:
    """"Software Engineer, Acme Corp" -> two pieces; "Vice President, Sales" stays one."""
    if glued := _glued_title_company(piece, roles):
        return glued
    if ":" in piece:  # 'Teacher Assistant and Integration Aide: Smithville Primary School', 'Tutor: Self Employed'
        left, right = (p.strip() for p in piece.split(":", 1))
        if (title_score(left, roles) >= 1 and right and _named(right.replace(",", " ").split()) and title_score(right, roles) <= 0
                and not (words_of(right) and set(words_of(right)) <= DEPARTMENTS)):
            return [left, right]
    # 'Intern engineer / SII', 'Software developer / FXHome': a title, a spaced slash and an organization's name (its
    # legal form, an acronym, a brand's inner capital); 'Paralegal / Bookkeeper', 'Associate / Seasonal' are one title
    slashed = [p.strip() for p in re.split(r"\s+/\s+", piece, maxsplit=1)]
    if len(slashed) == 2 and title_score(slashed[0], roles) >= 1 and title_score(slashed[1], roles) <= 0 \
            and (company_score(slashed[1], roles) > 0 or re.fullmatch(r"[A-Z][A-Z0-9&]{1,5}|\w*[a-z][A-Z]\w*|[A-Z]{2,}[a-z]\w*", slashed[1])):
        return slashed
    parts = _comma_parts(piece)
    if len(parts) == 1:
        return [piece]
    left, right = parts[0].strip(), ",".join(parts[1:]).strip()
    if LEGAL_SUFFIX.fullmatch(right.strip(" .")) or FIRM_SUFFIX.fullmatch(", " + right):
        return [piece]  # "Abernathy Systems, Inc." and "McDonald & Shearer, P.A." are one employer
    if title_score(left, roles) > 0 and company_score(right, roles) > max(0.0, title_score(right, roles)) \
            and not set(words_of(right)) <= DEPARTMENTS:  # 'Director of Marketing, Communications and IT': one title
        return [left, right]
    if company_score(left, roles) > 0.9 and title_score(right, roles) > 0 and not re.match(r"(?i)inc|ltd|llc", right):
        return [left, right]
    # "PTC Therapeutics, Software Engineering Contractor": a name with no role in it, then a title ending in a role noun.
    left_words = left.split()
    if (title_score(right, roles) >= 1.5 and title_score(left, roles) <= 0 and 1 <= len(left_words) <= 5
            and _named(left_words) and not parse_place(left)):
        return [right, left]
    # "Backend Engineer, Pine Apps": a title, then a name that is neither a title nor a department.
    right_words = right.split()
    if (title_score(left, roles) >= 1 and title_score(right, roles) <= 0 and 1 <= len(right_words) <= 5 and _named(right_words)
            and not set(words_of(right)) <= DEPARTMENTS and not LEGAL_SUFFIX.fullmatch(right.strip(" ."))):
        return [left, right]
    return [piece]


def _glued_title_company(piece: str, roles: frozenset[str]) -> list[str] | None:
    """A title run into its employer's name with nothing between them ('Special Education Teacher AAA High School',
    'FULL STACK JAVA DEVELOPER INETEX LTD'): a title of two words or more ending in a role noun, then a name of two
    capitalized words or more ending in an organization's word. Not 'Apex Professional Services/Dollar Group', 'VP Field
    Services', 'Attorney Generals Office'."""
    words = piece.split()
    if re.search(r"[,:/|@(]", piece) or len(words) < 4:
        return None
    for k in range(2, len(words) - 1):
        title, name = " ".join(words[:k]), words[k:]
        if words[k - 1].lower() in roles and title_score(title, roles) >= 1 and all(w[:1].isupper() for w in name) \
                and name[-1].lower().strip(".") in ORG_WORDS \
                and company_score(" ".join(name), roles) > max(0.0, title_score(" ".join(name), roles)):
            return [title, " ".join(name)]
    return None


def _row_of_pieces(piece: str, roles: frozenset[str]) -> list[str] | None:
    """'Internship, Service Engineer, Center for Financial Technologies, software development company …': a header
    written as a row of its pieces, a title among them; not a name with its legal form or place ('Pipeline Alaska,
    Inc., Vancouver, B.C.', 'SuperValu, Fermoy, Co. Cork')."""
    if LEGAL_SUFFIX.search(piece) or FIRM_SUFFIX.search(piece) or _ADDRESS.search(piece):
        return None
    parts = [part.strip() for part in _comma_parts(piece) if part.strip()]
    while parts and (parse_place(parts[-1]) or _region(parts[-1]) or parts[-1].split()[-1] in US_STATE_CODES):
        parts.pop()  # the place closes the row ('…, Chicago IL'); 'LEVIS' opening it is the employer
    if not any(title_score(part, roles) >= 1 for part in parts):
        return None
    return parts


def _named(words: list[str]) -> bool:
    """Words written as a name: capitalized, numbers or the small words between ('Cradles to Crayons', 'Bank of America')."""
    return all(w[:1].isupper() or w[:1].isdigit() or w in NAME_CONNECTORS or w == "to" for w in words)


# What a title names instead of a role when it names the work itself ('Aircraft Sales', 'Child Care', 'IT Support')
_FUNCTIONS = WORK_FUNCTIONS | frozenset("""telesales service services care maintenance consulting freelance self-employed employed
internship externship apprenticeship traineeship placement""".split())  # 'Software Engineering Internship'


_STREET = r"(?:street|st|road|rd|avenue|ave|lane|drive|boulevard|blvd)"
# What follows an employer's name after a comma when it is an address, not part of the name.
_ADDRESS = re.compile(rf"(?i)\b(?:{_STREET}|suite|floor|co\. \w+|county|district|grade|chapter|branch|campus)\b|\d")


def _region(text: str) -> Location | None:
    """The region or country a place ends with: "CA", "Ontario", "B.C. Canada"."""
    text = text.strip(" .")
    if text in US_STATE_CODES and text != "ST":
        return Location(region=text, countryCode="US")
    for candidate in (text, text.split()[-1] if text else ""):
        place = parse_place(candidate)
        if place and not place.city:
            return place
    return None


# a name that ends with its legal form and goes on ('Embie Technical Solutions, Inc. Los Angeles, CA Information
# Technology Solutions'; not 'Co.', which is also Ireland's county), and a town with its state opening text
_LEGAL_THEN = re.compile(r"(?P<name>\S.*?\s(?:inc|ltd|llc|llp|plc|gmbh|corp|corporation|limited)\b\.?)\s+(?P<tail>[A-Z].*)$", re.I)
_TOWN_STATE = re.compile(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3},\s*[A-Z]{2}\b")


def _employer(name: str, roles: frozenset[str]) -> tuple[str, str | None]:
    """An employer's name without what the line adds after a comma, and the place among it:
    "Oakton Elementary School, 4 Grade, District 65" -> "Oakton Elementary School";
    "SuperValu, Fermoy, Co. Cork" -> "SuperValu"; "San Francisco, San Francisco Unified School District" ->
    the district, in San Francisco; "Infosys Limited Chennai, Tamil Nadu" -> "Infosys Limited", in Chennai (a city
    the gazetteer knows right after the legal form). "Abernathy Systems, Inc." stays whole, and so does a name that is
    neither an organization's nor followed by a place or an address ("Bank of America, Merrill Lynch")."""
    if legal := _LEGAL_THEN.match(name):
        where = town.group(0) if (town := _TOWN_STATE.match(legal["tail"])) else legal["tail"]
        if place_kind(where.split(",")[0].strip()) == "city" and (place := parse_place(where)):
            return legal["name"], place_text(place)  # 'Infosys Limited Chennai, Tamil Nadu', 'Acme Corp. Boston, MA'
    if ";" in name:  # "New Morgan and Co., Inc.; Trenton, NJ": a semicolon before the place
        before, after = (part.strip() for part in name.split(";", 1))
        place = parse_place(after)
        if before and not parse_place(before) and (place or ("," in after and _region(after.rsplit(",", 1)[1]))):
            return before, place_text(place) if place else after
    if "," not in name:
        return name, None
    first, rest = (part.strip() for part in name.split(",", 1))
    suffix = re.match(rf"({LEGAL_SUFFIX.pattern})\s*,\s*(?=\S)", rest, re.I)
    if first and suffix:  # "Pipeline Alaska, Inc., Vancouver, B.C. Canada": the name keeps its suffix
        company, place = _employer(f"{first}, {rest[suffix.end():]}", roles)
        return (f"{first}, {suffix.group(1)}", place) if company == first else (name, None)
    if not first or LEGAL_SUFFIX.fullmatch(rest.strip(" .")) or LEGAL_SUFFIX.match(rest) or FIRM_SUFFIX.search(name):
        return name, None
    leading_place = parse_place(first)
    if leading_place and company_score(rest, roles) > 0:  # "San Francisco, San Francisco Unified School District"
        return rest, place_text(leading_place)
    place = parse_place(rest)
    if place is None and "," in rest and (tail := _region(rest.rsplit(",", 1)[1])):
        # "City of Industry, CA", "Vancouver, B.C. Canada": a town the gazetteer does not know, in a region it does
        place = Location(city=rest.rsplit(",", 1)[0].strip(), region=tail.region, countryCode=tail.countryCode)
    first_words = words_of(first)
    named = len(first_words) >= 2 and (first_words[-1] in ORG_WORDS or bool(LEGAL_SUFFIX.search(first)))
    if place or named or _ADDRESS.search(rest):
        return first, place_text(place) if place else None
    return name, None


# What a title line keeps around the title that is not part of it: a date ('Feb 2013 Tutor', 'Developer
# (2009'), the hours ('Support Engineer (40 % part time)', 'Volunteer (4 hours a week)').
_DATE_BEFORE = re.compile(rf"^(?:{MONTH}\s*)?(?:19|20)\d\d\s*(?:[-–]\s*)?(?:(?:now|present|current|{MONTH})\s+)?(?=[A-Za-z])", re.I)
# '… (2019', a lone date after the title: 'Accountant Feb 2015', 'Chair 2014', 'Finisher, 2011'
_DATE_AFTER = re.compile(rf"\s*(?:\(\s*|,\s*|\s)(?:{MONTH}\s*,?\s*)?(?:19|20)\d\d\s*$", re.I)
_HOURS_NOTE = re.compile(rf"\s*\((?=[^)]*(?:%|{HOURS_WORDS}|\bhours?\b|\bhrs\b|\ba week\b|\bper week\b))[^)]*\)?\s*$", re.I)
# a line with no word of a title: a date, an address, a page count ('2012Present', '90 Washington Street', '1 of 4'),
# a sub-heading's 'PROFESSIONAL'
_NO_TITLE = re.compile(rf"(?i)^[\W\d_]*(?:present|now|current|months?|years?|of|and|also|on|professional)?[\W\d_]*$"
                       rf"|^\d+\s+\w+\s+{_STREET}\b|^address line|\d{{4}}\s*(?:present|current|now)$"
                       r"|\bresponsibilit(?:y|ies)\b|\bduties\b"  # 'OVERVIEW OF EDUCATOR RESPONSIBILITIES' heads text
                       r"|^(?:up to|more than|over|less than|about|around|nearly|almost)\s+\d")  # 'Up to 1000 users in total': a count


# where a title runs on into its duties: 'Credential Advisor, Responsibilities included …'
_DUTIES_AFTER = re.compile(r"(?i)\s*[,;:–-]\s*(?:key\s+|main\s+)?(?:responsibilit(?:y|ies)|duties)\b"
                           r"|\s+(?:key|main)\s+(?:responsibilit(?:y|ies)|duties)\s*:?\s*$")  # '… Merchandising Key Responsibilities:'
_PERSON_AFTER = re.compile(r"(?<=\w)\s+(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z.]*){0,3}\s*$")


def _clean_position(position: str | None) -> str | None:
    """The title without the dates and hours written around it; None when no title is left."""
    if not position:
        return position
    cleaned = _HOURS_NOTE.sub("", _DATE_AFTER.sub("", _DATE_BEFORE.sub("", position))).strip(" ,;:-–(").lstrip(". ")  # '2012. Yearbook staff member'
    cleaned = _WORKED_AS.sub("", cleaned)
    cleaned = _DUTIES_AFTER.split(cleaned)[0]  # 'Credential Advisor, Responsibilities included advising …': the title
    if run_on := _SENTENCE_AFTER.match(cleaned):
        cleaned = run_on["title"]  # 'Calendar Clerk/Litigation Assistant. Managed calendar': the title, then its text
    cleaned = _PERSON_AFTER.sub("", cleaned)  # 'Principal Mrs. Karen Noble': whom the title answered to or who held it
    if not cleaned or cleaned[0] in ")]" or _NO_TITLE.search(cleaned) or re.fullmatch(MONTH, cleaned, re.I) \
            or not re.search(r"[A-Za-z]{2}", cleaned) or _CLAUSE.search(cleaned):
        return None
    return cleaned


# 'Have worked as a Support Engineer': the title after the sentence's start
_AS = r"(?:i\s+)?(?:have\s+|has\s+)?(?:been\s+)?(?:currently\s+)?(?:work(?:ed|ing)|serv(?:ed|ing)|joined|hired|employed)\s+as\s+(?:an?\s+)?"
_WORKED_AS = re.compile(rf"(?i)^{_AS}(?=\w)")
# a title its text runs on after, in the same line: 'Senior Litigation Paralegal. Assigned to the office of'
_SENTENCE_AFTER = re.compile(r"^(?P<title>(?:\S+\s+){0,5}\S*[a-z]{3})\.\s+[A-Z][a-z]+\s+[a-z]")
# a clause with its verb ('Banking and locking up store when manager was away'): text, not a title
_CLAUSE = re.compile(r"(?i)\b(?:was|were|is|are|had|have|has|did)\b|^(?:i|we)(?:['’]\w+)?\s")  # "I've got experience …"


@dataclass
class WorkEntry:
    position: str | None
    company: str | None
    location: str | None
    dates: DateRange | None
    highlights: list[str] = field(default_factory=list)
    note: str | None = None  # what the title line says of the job in brackets: '1st & 3rd Grade', 'consultant'


# a verb and the words of its sentence, none of them capitalized: 'Planned and executed' ('Managed Care Systems' is a name)
_VERB_PHRASE = re.compile(r"(?:[A-Z][a-z]+(?:ed|ing)|Led|Built|Ran|Made|Wrote|Taught|Oversaw|Drove|Grew|Sold)(?:\s+[a-z][\w'-]*)+\.?"
                          r"|[A-Z][a-z]+ing\s+and\s+[a-z]+ing\b.*"  # 'Writing and implementing department Policies'
                          r"|[A-Z][a-z]+ing\s+[a-z]+\s+(?:to|for|on|with|of|in)\s.*")  # 'Adding functionality to micro SPA on React'


def _assign(header: Header, roles: frozenset[str]) -> WorkEntry:
    # a template's 'Company Name' stands for the employer: no other piece of the header is one, and what a comma sets
    # apart in the title is the title's ('Manager, Continuous Improvement', 'Computer Assistant, GS-5')
    placeholder = header.employer_placeholder and "company" not in header.labeled
    pieces, cut = [], set()  # cut: what a title's comma set apart ('Director of Engineering, Android')
    for piece in header.pieces:
        if placeholder:
            if piece not in pieces:  # 'Company Name City , State Geek Squad Tech 10/2004' / 'Geek Squad Tech'
                pieces.append(piece)
            continue
        parts = _split_title_company(piece, roles)
        if len(parts) == 1 and (legal := _LEGAL_THEN.match(piece)) and "," not in legal["tail"] \
                and title_score(legal["tail"], roles) >= 1 and company_score(legal["tail"], roles) <= 0:
            parts = [legal["name"], legal["tail"]]  # 'Infosys Limited Senior Systems Engineer': the title after the legal form
        if len(header.pieces) == 1 and len(parts) == 1 and piece.count(",") >= (1 if header.places else 2):
            parts = _row_of_pieces(piece, roles) or parts
        pieces.extend(parts)
        cut.update(parts[1:])
    position = header.labeled.get("position")
    company = header.labeled.get("company")
    rest = [p for p in pieces if p not in (position, company)]
    if position is None and (stated := next((p for p in rest if p in header.titled), None)):
        position = stated  # 'Application Integration / Web Identity  at   IBM Global Services': a title, with or without a role noun
        rest.remove(stated)
    if position is None and rest:
        # of two titles over the dates, the one a place follows is more likely the employer's name ('Consumer Energy
        # Provider' / 'Coventry' / 'DATA ANALYST' / 'June 2008 - Present')
        over_dates = [p for p in rest if not any(p in under for under in header.after_dates) and title_score(p, roles) >= 1]
        placed = header.placed if any(p not in header.placed for p in over_dates) else set()
        scored = [(title_score(p, roles) - max(0.0, company_score(p, roles)) - (0.25 if p in placed else 0.0), -i, p)
                  for i, p in enumerate(rest)]
        best = max(scored)
        if best[0] > 0:
            position = best[2]
            rest.remove(position)
    if company is None and rest and not placeholder:
        # the piece a place was written after is the employer's more often than a project's or a client's; a piece of
        # its own line more often than what a title's comma set apart ('Director of Engineering, Android,' / 'Tinder')
        named_alone = any(p not in cut and written_as_name(p) for p in rest)
        # an employer written with its place over the dates outranks a name under them (a role's team, a client)
        placed_over = any(p in header.placed and p not in header.after_dates for p in rest)
        scored = [(company_score(p, roles) + (0.5 if p in header.placed else 0.0)
                   + (1.0 if p in header.at and title_score(p, roles) <= 0 else 0.0) - (
            (1.0 if (words_of(p) or [""])[-1] in _UNITS else 0.25) if p in cut and named_alone else 0.0)
            - (1.0 if placed_over and p in header.after_dates and p not in header.placed else 0.0)
            - (1.0 if (words_of(p) or [""])[-1] in ("project", "projects") else 0.0)  # 'BASE24 POS to CTM Project'
            - (2.0 if re.match(r"(?i)projects?\s*:", p) and not LEGAL_SUFFIX.search(p) else 0.0), -i, p)  # 'Projects: Website, Store'
            for i, p in enumerate(rest)]
        best = max(scored)
        if best[0] > 0:
            company = best[2]
            rest.remove(company)
    # No evidence either way: the common layout decides (title, then employer); one long unexplained
    # line is neither.
    if rest and position is None and company is None:
        if len(rest) > 1 or len(rest[0].split()) <= 6:
            position = rest[0]
            company = rest[1] if len(rest) > 1 and not placeholder else None
    elif rest and company is None and not placeholder and not (
            title_score(rest[0], roles) >= 1.5 and company_score(rest[0], roles) < 0 and rest[0] not in header.placed):
        # but another title is no employer ('Business Development Leader | Partner | Director'); a name on a line of
        # its own before what the title's comma set apart ('Director of Engineering, Android,' / 'Tinder')
        company = next((p for p in rest if p not in cut and p[:1].isalnum() and not p[:1].islower() and written_as_name(p)
                        and title_score(p, roles) <= 0), rest[0])
    elif rest and position is None and len(rest[0].split()) <= 6:
        position = rest[0]
    location = header.places[0] if header.places else None
    described = None
    if company and (parts := split_note(company))[1] and written_as_name(parts[0]) and not written_as_name(parts[1]):
        company, described = parts  # 'Mobium (Android e-commerce apps development)': what the employer does, in brackets
    if company and (not written_as_name(company) or _VERB_PHRASE.fullmatch(company) or _no_employer(company)):
        company = None  # 'Research and assist with developing marketing material', 'Planned and executed': text
    if company:
        company, place = _employer(company, roles)
        location = location or place
    stated = position in header.titled
    position = _clean_position(position)
    if position and position != header.labeled.get("position") and not stated and title_score(position, roles) <= 0 \
            and (words_of(position) or [""])[-1] not in _FUNCTIONS:
        # No role noun in it ('RELATED COURSEWORK', 'Artificial Intelligence'): no title, unless it is the one piece of
        # a dated job. Beside a template's 'Company Name' that piece is the title ('Cash Wrap', 'Aviation
        # Ordnanceman'); on a line of its own it names the employer ('Lehman Brothers'), but not on the dates' line
        # ('Program Chair 10/2010 to 05/2013') nor in capitals with no word of an organization, which is a sub-heading
        # more often ('FREE LANCING', 'DOCTORAL COMMITTEE MEMBERSHIPS').
        lone = company is None and header.dates is not None and len(pieces) == 1 and written_as_name(position)
        if lone and not header.anonymized and pieces[0] not in header.dated and company_score(position, roles) >= 0 \
                and not (position.isupper() and len(position.split()) > 1):
            company, place = _employer(position, roles)
            location = location or place
        if not (lone and header.anonymized):
            position = None
    if position and len(position.split()) > 6 and title_score(position, roles) <= 0:
        position = None  # a sentence ('Co-taught introductory course to 18 students'), not a title
    if position and (words := position.split()) and words[0].lower() == "to" and len(words) > 1 \
            and words[1].lower() not in _CUT_OFF:
        position = " ".join(words[1:])  # 'to TELLER SUPERVISOR': a range's 'to' a layout set before the title
    if position and (words := position.lower().split()) and (words[-1] in _CUT_OFF or words[0] in _CUT_OFF | {"responsible"}):
        position = None  # a cut piece of a sentence ('… using clips second author and', 'for the HR professional')
    position, note = split_note(position) if position else (position, None)
    if company and (labeled := _ENTRY_LABEL.search(company)) and labeled.group(0).endswith(":") \
            and LEGAL_SUFFIX.search(value := company[labeled.end():].strip()):
        company = value  # 'Project 2: Bauer Hockey Corp': the label off, the organization it names kept
    if company and (re.fullmatch(MONTH, company, re.I) or not re.search(r"[A-Za-z]{2}", company) or _ENTRY_LABEL.search(company)):
        company = None  # 'May' of 'March May, 20XX', '2010': a date's piece; 'ITSS Department Responsibilities': a label
    return WorkEntry(position, company, location, header.dates, note=note or (described if company else None))


def _no_employer(name: str) -> bool:
    """A language with its fluency or none ('English', 'Russian - native') or a degree alone ('Bachelors degree'): what
    a second column sets beside a header when a page's columns are read as one, never an employer."""
    bare = FLUENCY.sub("", name).strip(" -–:,()").lower()
    degree = degree_of(name)
    return bare in spoken_languages() or bool(degree) and degree[2] == (0, len(name.strip()))


# what labels a job's own text, never an organization: 'ITSS Department Responsibilities:', 'Roles Played', 'UG PROJECT
# TITLE: …', 'Project 2: Johannesburg Distribution Center', 'Projects: Website, Store', 'Cum. GPA: N/A', a template's
# 'Spring [year]'
_ENTRY_LABEL = re.compile(r"(?i)\bresponsibilit(?:y|ies)\b|\bduties\b|\broles\s+played\b|\bprojects?(?:\s+(?:title|name|\d+))?\s*:|\bgpa\b|\[year\]"
                          r"|^[^:,]{1,30}:\s*[^,]+(?:,[^,]+){2,}$")  # 'Back-end: PHP, MySQL, Linux': a labeled list


# the part of an organization a title's comma may name after it: 'Senior State Counsel, Civil Litigation department'
_UNITS = frozenset("department dept division unit section team".split())
_CUT_OFF = JOINING_WORDS | {"when", "which", "who"}

# and a promotion's 'to' ('Trainee Engineer to Divisional Manager'), but not a title's ('Assistant to the Director',
# 'Executive Assistant to CEO', 'Advisor to Producer')
_TO_SOMEONE = ("assistant", "advisor", "adviser", "aide", "secretary", "consultant", "counsel", "counselor", "liaison",
               "deputy", "report", "reporting")
_ROLE_JOINS = re.compile(r"\s*/\s*|\s+(?:&|and)\s+|\.(?:And|and)\s+|,\s*(?:and\s+)?|"
                         + "".join(rf"(?<![{w[0].upper()}{w[0]}]{w[1:]})" for w in _TO_SOMEONE) + r"\s+to\s+(?!(?:the|a|an)\b)")


def merged_jobs(entries: list[WorkEntry]) -> list[WorkEntry]:
    """A dated job listed twice (under 'Experience' and again under 'Work History') is one entry with both texts."""
    first: dict[tuple, WorkEntry] = {}
    out = []
    for entry in entries:
        key = (entry.position, entry.company, entry.dates.start, entry.dates.end) if entry.dates else None
        if key and key in first:
            first[key].highlights.extend(h for h in entry.highlights if h not in first[key].highlights)
            continue
        if key:
            first[key] = entry
        out.append(entry)
    return out


def roles_held(position: str | None, roles: frozenset[str]) -> list[str | None]:
    """The roles a title names: several when every piece ends in a role noun or heads a function ('Paralegal/Bookkeeper/
    Office Manager', 'Co-Founder and CFO', 'Division Manager/VP Field Services'); one for 'Sales & Marketing Manager' or
    'Vice President, Sales' (or no title)."""
    if not position:
        return [position]
    parts = [part.strip(" ,") for part in _ROLE_JOINS.split(position) if part.strip(" ,")]
    if len(parts) > 1 and all(_ends_in_role(part, roles) or heads_a_function(words_of(part)) for part in parts):
        return [re.sub(r"(?<=[a-z]{3})\.$", "", part) for part in parts]  # 'Divisional Manager.': a sentence's period
    return [position]


def _ends_in_role(part: str, roles: frozenset[str]) -> bool:
    """Whether a title ends in a role noun, written whole ('Co-ordinator') or after a hyphen ('Co-Producer')."""
    last = (words_of(part) or [""])[-1]
    return last in roles or last.rsplit("-", 1)[-1] in roles


def _capitals(line: str) -> bool:
    """A short line in capitals ("BENDIGO BANK LIMITED"): a header, never the rest of a sentence above."""
    words = re.findall(r"[A-Za-z]{2,}", line)
    return 1 <= len(words) <= 6 and line.upper() == line


def _groups(lines: list[str], width: int, roles: frozenset[str]) -> list[tuple[list[str], list[str]]]:
    """(header lines, body lines) runs: header lines until text starts, text until the next header line."""
    groups: list[tuple[list[str], list[str]]] = []
    open_text = ""  # the text line just above, when it did not finish its sentence
    for i, line in enumerate(lines):
        if not line:
            open_text = ""
            continue
        if (groups and groups[-1][0] and not groups[-1][1] and _CARRIED.match(line) and len(line.split()) <= 5
                and not re.search(r"[.;:,]$", groups[-1][0][-1])):
            groups[-1][0][-1] += " " + line  # 'Lecturer at the Institute of Information Technology, Lodz University' / 'of Technology, Poland'
            continue
        # A line right under text that ran to the margin without finishing its sentence continues it,
        # unless it opens the next entry: a short name whose dates follow it ("Residential Advisor" / "2009 - 2010").
        wrapped = bool(open_text) and (bool(width) and len(open_text) >= 0.8 * width or line[:1].islower()
                                       or len(open_text) >= 60 and line.endswith("."))  # "...Tomcat Web logic" / "Application server."
        continues = (wrapped and not find_range(line) and not re.search(r"[.!?:;]$", open_text) and not _capitals(line)
                     and not _opens_entry(lines, i) and not _placed_name(line) and not _dated_title(line, open_text, roles))
        if groups and groups[-1][0] and not groups[-1][1] and re.fullmatch(r"\([^()]+\)", line) and not find_range(line):
            groups[-1][0].append(line)  # '(An ISO 9002 Company)' under its employer's name: a note on the employer
            continue
        run_in = None if continues else _RUN_IN_TITLE.match(line)
        if run_in and _run_in_title(run_in["head"], roles) and not find_range(run_in["text"]) \
                and (PAST_VERB.match(run_in["text"]) or not written_as_name(run_in["text"])):
            # 'Senior Project Manager (2001-2004) - Promoted to simultaneously manage …': a title, then its text
            if groups and not groups[-1][1]:
                groups[-1][0].append(run_in["head"])
            else:
                groups.append(([run_in["head"]], []))
            groups[-1][1].append(run_in["text"])
            open_text = line
            continue
        if continues and groups and groups[-1][1]:
            groups[-1][1][-1] += " " + line  # one bullet wrapped over two lines is one highlight
            open_text = line
        elif (continues or (is_body(line, width) or _duty(line, roles)) and not _title_under_dates(lines, i, roles)
              and not _title_over_dates(lines, i, roles) or _text_under_header(groups, line, roles)):
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


def _names_title(piece: str, roles: frozenset[str]) -> bool:
    """Whether a header piece is a title, or opens with one that a comma sets before its employer ('Newspaper Staff
    Member, Hometown High School'; not 'Interact with PPO Network management, clients, agents and sales')."""
    if title_score(piece, roles) >= 1 and len(piece.split()) <= 6:
        return True
    first = _split_title_company(piece, roles)[0]
    return first != piece and title_score(first, roles) >= 1 and len(first.split()) <= 6 and written_as_name(first)


def _dated_title(line: str, above: str, roles: frozenset[str]) -> bool:
    """A line that opens with a date and a title ('2016  Embedded Linux Engineer @ Protei') starts the next entry, even
    under text that ran to the margin ('… Renesas R-Car, Jenkins'), unless that text broke off at a word that wants more."""
    found = leading_date(line)
    return bool(found) and title_score(re.split(r"\s+(?:@|at)\s+|,|\s[-–—|]\s", line[found.span[1]:])[0], roles) >= 1 \
        and not re.search(r"(?i)\b(?:in|since|from|of|to|and|until|by|the|during|year)\s*$", above)


_CARRIED = re.compile(r"^(?:of|and|&)\s")  # the rest of a header line a layout wrapped
# a title with its text run on after a dash: 'Vice President of Operations - Promoted to review and approve plans …'
_RUN_IN_TITLE = re.compile(r"^(?P<head>[A-Z][^.:;!?]{2,80}?)\s+[-–—]\s+(?P<text>[A-Z][a-z]+\s+[a-z]+\s+\S+\s+\S.*)$")


def _run_in_title(head: str, roles: frozenset[str]) -> bool:
    title = _undated(head).strip(" ()")
    return (len(title.split()) <= 8 and "," not in title and title_score(title, roles) >= 1 and bool(_clean_position(title))
            and title.split()[-1].lower() not in _CUT_OFF)  # not 'Was responsible for - Testing and evaluation of …'


# a duty written in the present ('Manage corporate network and ...', 'Provides support to ...'): the verb, then a word in
# lower case, so 'Research Assistant' or 'Support Specialist' stays a title
DUTY_VERB = re.compile(r"^(?:Manage|Develop|Provide|Maintain|Create|Perform|Administer|Plan|Define|Analy[sz]e|Reduce|Negotiate|"
                       r"Work|Coordinate|Implement|Oversee|Research|Formulate|Communicate|Assist|Support|Prepare|Conduct|"
                       r"Ensure|Monitor|Handle|Train|Supervise|Design|Build|Review|Serve|Help|Identify|Establish|"
                       r"Collaborate|Facilitate|Process|Respond|Schedule|Track|Answer|Greet|Deliver|Write|Direct|Organi[sz]e|"
                       r"Lead|Evaluate|Investigate|Resolve|Test|Install|Configure|Troubleshoot|Operate|Teach|Instruct|"
                       r"Advise|Recruit|Interview|Update|Participate|Compile|Generate|Act|Own|Tutor|Mentor|Coach|Host|Escalate)s?"
                       r" (?:and [a-z]|(?!(?:of|for|and|at|the|in|to)\b)[a-z])")


def _duty(line: str, roles: frozenset[str]) -> bool:
    """A duty written in the present ('Manage corporate network and …'): the job's text, unless it ends in a role noun
    as a title in sentence case does ('Help desk support technician')."""
    return (bool(DUTY_VERB.match(line)) and len(re.findall(r"\w+", line)) > 3 and not find_range(line)
            and ((words_of(line) or [""])[-1] not in roles or "," in line))  # 'Maintain and update, using Fortran, …'


def _title_under_dates(lines: list[str], i: int, roles: frozenset[str]) -> bool:
    """A long line under a line of dates alone that opens with a title is the entry's header, not its text:
    '1977-1982' / 'Negotiator of air transport bilateral agreements, Civil Aviation Administration of France'."""
    return dates_only(next((lines[j] for j in range(i - 1, -1, -1) if lines[j]), "")) and _titled_line(lines[i], roles)


def _title_over_dates(lines: list[str], i: int, roles: frozenset[str]) -> bool:
    """A long line that opens with a title right above a line of dates alone is the entry's header, not the text
    above's: 'System Architect and J2EE Developer  at   Savista Corporation (former NewPOS International)' / '2002 - 2004'."""
    return i + 1 < len(lines) and _dates_line(lines[i + 1]) and _titled_line(lines[i], roles)


def _titled_line(line: str, roles: frozenset[str]) -> bool:
    if len(line.split()) > 16 or line.rstrip().endswith(".") or BULLET.match(line) or PAST_VERB.match(line) or not line[:1].isupper():
        return False
    # the title before its employer: after a comma, 'at', a spaced dash or bar, or a template's 'Company Name'
    return title_score(re.split(r",|\s+at\s+|\s+[-–—|]\s+", TEMPLATE_PLACEHOLDER.split(line, maxsplit=1)[0], maxsplit=1)[0], roles) >= 1


def _text_under_header(groups: list[tuple[list[str], list[str]]], line: str, roles: frozenset[str]) -> bool:
    """A line of lower-case words under a dated header of two lines or more is its text, bulleted or not: 'Create a new
    machine shop to service the companies needs' under '2011 to Present' / 'Blentech, Santa Rosa, California' / its
    title. A title in sentence case ('Software developer level III', 'Web development and applications support') or a
    labeled line ('Position: Customer Service Advisor (part time)') is still the header's."""
    header = groups[-1][0] if groups and not groups[-1][1] else []
    if len(header) < 2 or len(line.split()) < 4 or ":" in line:
        return False
    long_words = [w for w in re.findall(r"[A-Za-z][\w'&.-]*", line) if len(w) > 3]
    return (sum(w[0].islower() for w in long_words) > 0.5 * len(long_words) and words_of(line)[-1] not in _FUNCTIONS
            and title_score(line, roles) <= 0 and not find_range(line) and any(find_range(h) for h in header))


def _opens_entry(lines: list[str], i: int) -> bool:
    """Line i is a short title-cased name, and a line of dates alone follows it within three lines that are short names
    too or an entry's labeled line ('Wipro Technologies, Canada' / 'Client: Target'), or a template's dated line right
    under it."""
    if not _short_name(lines[i]) or i + 1 >= len(lines) or not lines[i + 1]:
        return False  # the entry's lines run on from it, with no blank line between
    for k, line in enumerate([line for line in lines[i + 1:i + 8] if line][:4]):
        if find_range(line):  # (a template's dated line right under it: 'Price Team Specialist' / 'April 2007 to … Company Name')
            return dates_only(line) or k == 0 and _dates_line(line)
        if re.search(r"(?:19|20)\d\d\W*$", line) and len(line.split()) <= 5:
            return True  # a season or a month with its year: 'Summer, 2007', 'Winter Break (4 weeks), 2008'

        if not (_short_name(line) or BODY_LABEL.match(line) and ":" in line):
            return False
    return False


def _placed_name(line: str) -> bool:
    """A name and its place ('Youth Tennis League, Town, MD', 'United Bank of Suzlon, New Jersey, NY'): an entry's header
    line, never the rest of a sentence above it."""
    if not line[:1].isupper() or ";" in line:
        return False
    header = read_header([line])
    return bool(header.places) and bool(header.pieces) and all(written_as_name(p) for p in header.pieces)


def _short_name(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 7 and line[:1].isupper() and not re.search(r"[.!?:;]$", line)


def _role_only(lines: list[str], roles: frozenset[str]) -> bool:
    """The first entry of a header run is a dated title with no employer."""
    if not lines:
        return False
    header = read_header(_segments(lines)[0])
    entry = _assign(header, roles)
    return header.dates is not None and bool(entry.position) and not entry.company


def _undated(line: str) -> str:
    """The line without its date range."""
    found = find_range(line)
    return line[: found.span[0]] + line[found.span[1]:] if found else line


def _dates_line(line: str) -> bool:
    """A line of dates alone, or with a template's placeholders for the employer and its place ('April 2007 to March 2008
    Company Name - City , State'): a line a title over it heads ('Price Team Specialist' / that line)."""
    return dates_only(TEMPLATE_PLACEHOLDER.sub(" ", line))


def dates_only(line: str) -> bool:
    """A line of dates alone ('1977-1982', 'June 2014 - Present'), with how long they span ('2009 - 2011 (2 years)')."""
    return bool(find_range(line)) and not re.search(r"[A-Za-z]{2}", _SPAN_NOTE.sub(" ", _undated(line)))


_SPAN_NOTE = re.compile(r"\((?:less than )?(?:an?|\d+)?\s*(?:years?|yrs?|months?|mos?)\b[^)]*\)", re.I)


def _job_rows(segment: list[str], roles: frozenset[str]) -> list[list[str]] | None:
    """Jobs listed one a line, title and employer on each ('ARLINGTON CORPORATION, Product Development Specialist' /
    'BRASILO LTD., Engineer'; 'Sales Associate, Cheap & Tacky Clothing, Lincoln, NE' / 'Produce Clerk, Expensive Foods,
    Pretend, NE'), their dates on their lines, on lines of their own after them (one for each), or none: one header
    per job."""
    if len(segment) < 2 or sum("," in line for line in segment) < 2:
        return None
    dates = [line for line in segment if dates_only(line)]
    jobs = [line for line in segment if line not in dates]
    if len(jobs) < 2 or dates and (len(dates) != len(jobs) or any(find_range(line) for line in jobs)):
        return None  # each job with its own dates on its line, or all of them after, one for each
    if not all("," in line and written_as_name(_undated(line)) for line in jobs):
        return None
    split = sum(len(_split_title_company(" ".join(read_header([line]).pieces), roles)) == 2 for line in jobs)
    if split < 0.75 * len(jobs):
        return None
    return [[job, *([dates[i]] if dates else [])] for i, job in enumerate(jobs)]


def _segments(header_lines: list[str]) -> list[list[str]]:
    """One header run that holds several entries (each with its dates) cut into one run per entry."""
    dated = [i for i, line in enumerate(header_lines) if find_range(line)]
    if len(dated) <= 1:
        return [header_lines]
    # Date lines with a title on them ("Office Manager, 2007 to present") are entries of their own, under
    # the employer the lines above them name; with other lines between every two of them, each entry is its
    # lines up to its date line ("Acme, PA" / "Tampa, Florida" / "Paralegal (2013 - present)" / "Globex, PA" / ...).
    def wordy(i: int) -> bool:
        rest = re.sub(r"^\s*(?:" + "|".join(DATE_LABELS) + r")\s*[:\-]*", "", _undated(header_lines[i]), flags=re.I)
        return len(re.findall(r"[A-Za-z]{2,}", rest)) >= 1
    titled = [i for i in dated if wordy(i)]
    alternating = all(later - earlier >= 2 for earlier, later in pairwise(dated))  # other lines between each
    shared = [line for i, line in enumerate(header_lines) if i not in dated]
    if len(titled) >= 2 and not alternating and len(shared) <= 3:  # an employer and its place, over its roles
        return [shared + [header_lines[i]] for i in titled]
    starts_with_date = dated[0] == 0
    segments, current = [], []
    for i, line in enumerate(header_lines):
        if starts_with_date and i in dated and current:
            segments.append(current)
            current = []
        if (not starts_with_date and not current and segments and i - 1 in dated and i + 1 < len(header_lines)
                and i + 1 not in dated and _known_place(line) and not any(_known_place(above) for above in segments[-1])):
            segments[-1].append(line)  # a place under the dates, as LinkedIn sets it: that job's, not the next one's
            continue
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


def _with_spilled_text(segments: list[list[str]], roles: frozenset[str]) -> list[tuple[list[str], list[str]]]:
    """Each segment of a header run as (the lines it carries ahead of its entry's header, the rest): those lines are the
    text of the entry before it. With no text line to tell them apart (a LinkedIn export: 'OZON.ru' / 'Full-stack
    Developer' / 'October 2021 - Present (8 months)' / 'Creating the Cart / Checkout part' / 'Vue, TypeScript' / … /
    'Beeline Russia' / 'Frontend Engineer' / 'October 2020 - …'), a history sets every header as its first: an
    employer and a title over a line of dates alone. Two lines or more beyond that count are the previous entry's text
    when the lines left still name an employer and a title; one extra line may be a header's own (a place, a team)."""
    unchanged = [([], segment) for segment in segments]
    dated = [next((i for i, line in enumerate(segment) if find_range(line)), None) for segment in segments]
    if len(segments) < 2 or any(i is None or not dates_only(segment[i])
                                for i, segment in zip(dated, segments, strict=True)):
        return unchanged
    depth = dated[0]

    def full(header: list[str]) -> bool:
        entry = _assign(read_header(header), roles)
        return bool(entry.position and entry.company)

    if not 2 <= depth <= 3 or not full(segments[0]):
        return unchanged
    return [(segment[:i - depth], segment[i - depth:])
            if k and i - depth >= 2 and full(segment[i - depth:]) else ([], segment)
            for k, (i, segment) in enumerate(zip(dated, segments, strict=True))]


def _known_place(line: str) -> bool:
    """A line that is a place alone whose town (or region, or country) the gazetteer knows: 'Berlin, Germany', not the
    'Globex, PA' of an employer and its state."""
    found = parse_place(line)
    return found is not None and (not found.city or place_kind(found.city) is not None)


_NUMBERED = re.compile(r"^(\d{1,2})[.)]?\s+(?=[A-Z])")


def _unnumbered(lines: list[str]) -> list[str]:
    """Lines without the numbers a history counts its entries with ('1 ENNORE FOUNDRIES LIMITED, CHENNAI' … '2
    KIRLOSKAR FERROUS INDUSTRIES LTD' … '3 TATA ENGINEERING …'): only numbers that run 1, 2, 3 in order over the section,
    so '84 Lumber' or '3 years of …' keep theirs."""
    numbered = [(i, int(m.group(1))) for i, line in enumerate(lines) if (m := _NUMBERED.match(line))]
    if len(numbered) < 2 or [n for _, n in numbered] != list(range(1, len(numbered) + 1)):
        return lines
    out = list(lines)
    for i, _ in numbered:
        out[i] = _NUMBERED.sub("", out[i])
    return out


def _unbulleted_entries(lines: list[str], roles: frozenset[str]) -> list[str]:
    """Lines without the bullet of a job written as one item of a list ('- Data Analyst, Acme GmbH, 2019 - Present', as
    HTML and Markdown resumes list their jobs): a title first, and dates. A highlight that opens with a verb or holds
    no dates keeps its bullet."""
    out = []
    for line in lines:
        item = BULLET.sub("", line).strip() if BULLET.match(line) else ""
        out.append(item if item and find_range(item) and _titled_line(item, roles) else line)
    return out


def _opened_by_dates(text: list[str], roles: frozenset[str]) -> list[tuple[list[str], list[str]]]:
    """Text at the top of a history, before any header: each line in it that holds dates (or opens with a year) and
    names a title or an employer opens an entry, the lines under it its text, read as a header although written as a
    sentence ('David Florence Professor of Government, Harvard University, 2002 to 2009.', '2022 - EPAM Systems.
    Software Engineer. DuPage Medical Clinic project.', 'VEERAS INFOTECH, CHENNAI June 2008- Dec 2008 Associate
    Consultant…'). Not the rest of a sentence the line above left open, nor a job told in a sentence ('Worked as Java
    programmer for …', read as prose); the lines before the first such line stay no entry's, as before."""
    groups: list[tuple[list[str], list[str]]] = [([], [])]
    above = ""
    for line in text:
        opens = ((find_range(line) or leading_date(line)) and (not above or re.search(r"[.!?:;]$", above))
                 and not PROSE_ROLE.search(line) and not PROSE_EMPLOYER_FIRST.search(line)
                 and (entry := _assign(read_header([line]), roles)) and (entry.position or entry.company))
        if opens:
            groups.append(([line], []))
        else:
            groups[-1][1].append(line)
        above = line
    return groups if groups[0][1] else groups[1:]


def work_entries(lines: list[str], roles: frozenset[str], width: int = 0) -> list[WorkEntry]:
    """Entries of an experience section; `width` is the document's wrap width (see wrap_width)."""
    lines = _unbulleted_entries(_unnumbered(lines), roles)
    entries: list[WorkEntry] = []
    groups = _groups(lines, width, roles)
    if groups and not groups[0][0]:
        groups[:1] = _opened_by_dates(groups[0][1], roles)
    dated_groups = sum(1 for header, _ in groups if any(find_range(line) for line in header))
    # An undated employer over the dated roles held there ('Automatic Data Processing, Inc.' / 'Roseland, NJ' /
    # its description / 'VICE PRESIDENT/GENERAL MANAGER (2003 to 2007)'): the roles of the next run that name
    # no employer are its.
    employer: WorkEntry | None = None
    for at, (header_lines, body) in enumerate(groups):
        if not header_lines:
            if entries:
                entries[-1].highlights.extend(body)
            continue
        if (dated_groups and len(header_lines) <= 2 and not any(find_range(line) for line in header_lines)
                and at + 1 < len(groups) and _role_only(groups[at + 1][0], roles)):
            alone = _assign(read_header(header_lines), roles)
            if alone.company and not alone.position and company_score(alone.company, roles) >= 1:  # clearly an organization
                employer = alone
                employer.highlights.extend(body)
                continue
        rows = _job_rows(header_lines, roles)
        made = [_assign(read_header(row), roles) for row in rows or ()]
        for text, segment in [] if rows else _with_spilled_text(_segments(header_lines), roles):
            if text and (made or entries):
                (made or entries)[-1].highlights.extend(text)
            header = read_header(segment)
            if not header.pieces and not header.labeled:
                if header.dates and entries and entries[-1].dates is None:
                    entries[-1].dates = header.dates
                elif header.dates and header.anonymized:  # "Company Name City , State 07/2014 to 08/2015": a template's job, its title lost
                    made.append(WorkEntry(None, None, header.places[0] if header.places else None, header.dates))
                continue
            if header.dates is None and dated_groups:
                # An undated run in a dated history: the title under the previous entry's dates, or text.
                previous = entries[-1] if entries else None
                if previous and previous.position is None and "position" in header.labeled and not header.pieces:
                    # 'Role : Lead Data Analyst' alone under the employer's dated line
                    previous.position = _clean_position(header.labeled["position"])
                    continue
                if previous and previous.position is None and any(title_score(p, roles) > 0 for p in header.pieces):
                    previous.position = _clean_position(max(header.pieces, key=lambda p: title_score(p, roles)))
                    continue
                if previous and not previous.highlights and 1 <= len(header.pieces) <= 2 and previous.company and previous.position is None:
                    previous.position = header.pieces[0]
                    continue
                if len(segment) > 3 or not (header.labeled.keys() & {"position", "company"} or any(
                        _names_title(p, roles) for p in header.pieces) or header.places and len(
                        header.pieces) == 1 and company_score(header.pieces[0], roles) >= 1):
                    if entries:
                        entries[-1].highlights.extend(segment)
                    else:  # text before the first job: kept, not lost
                        made.append(WorkEntry(None, None, None, None, highlights=list(segment)))
                    continue
            entry = _assign(header, roles)
            if header.dates is None and not entry.position and not entry.company and entries:
                entries[-1].highlights.extend(segment)  # an undated run naming neither a title nor an employer: text
                continue
            made.append(entry)
        for entry in made if employer else ():
            if not entry.company and entry.dates:
                entry.company, entry.location = employer.company, entry.location or employer.location
                entry.highlights[:0], employer.highlights = employer.highlights, []
        employer = None
        entries.extend(made)
        if entries:
            entries[-1].highlights.extend(body)
    kept: list[WorkEntry] = []
    for entry in entries:  # an entry that names nothing and has no dates is text under the one before it
        if entry.position or entry.company or entry.dates or not kept:
            kept.append(entry)
        else:
            kept[-1].highlights.extend(entry.highlights)
    if len(kept) > 1 and not (kept[0].position or kept[0].company or kept[0].dates or kept[0].highlights):
        kept.pop(0)  # an empty first entry; one with text keeps it, so nothing the resume says is lost
    _roles_within(kept)
    for entry in kept:
        entry.highlights = _tidy_highlights(entry.highlights)
        if entry.position is None and (entry.company or entry.dates or entry.highlights):
            entry.position = next(filter(None, (_title_in_text(line, roles) for line in entry.highlights[:6])), None)
        if entry.dates is None:
            entry.dates = _span_of_text(entry.highlights)
    return kept


# a lead-in over a job's text ('Responsibilities:', 'Technologies:', 'Key achievements :'): a few words and a colon
_LEAD_IN = re.compile(r"^[^\W\d][\w&/,()' -]{0,40}?\s*:$")


def _tidy_highlights(highlights: list[str]) -> list[str]:
    """A job's text as a reader wants its points: without bullets, the lines a bullet alone left empty or a stray mark
    ('•' on its own line over its item, '?', ':'), and lead-ins. A lead-in over several points is their heading and
    goes ('Responsibilities:'), as does one over nothing; over one point it names that point and stays with it
    ('Technologies:' / 'Java, Spring' -> 'Technologies: Java, Spring'). All the candidate wrote of the job stays; only
    the headings over it go."""
    points = [text for line in highlights if (text := BULLET.sub("", line).strip()) and re.search(r"[^\W_]", text)]
    lead_ins = [i for i, text in enumerate(points) if _LEAD_IN.match(text) and len(text.split()) <= 5] + [len(points)]
    out: list[str] = []
    i = 0
    while i < len(points):
        if i in lead_ins:  # over nothing (the last point, or right over another lead-in) it heads nothing
            under = next(j for j in lead_ins if j > i) - i - 1  # the points it leads in
            if under == 1:
                out.append(f"{points[i]} {points[i + 1]}")
                i += 1
            i += 1
            continue
        out.append(points[i])
        i += 1
    return out


def _span_of_text(highlights: list[str]) -> DateRange | None:
    """An undated job whose text opens its lines with dates ('Aug 2012 - present. Features editor of …', 'Aug 2009 -
    Aug 2012. Researched …') ran from the first of them to the last."""
    ranges = [found for line in highlights if (found := find_range(line)) and found.span[0] == 0 and found.start]
    if not ranges:
        return None
    end = None if any(r.end is None for r in ranges) else max(r.end for r in ranges)
    return DateRange(min(r.start for r in ranges), end, (0, 0))


# 'Currently Working as a Java/J2ee Trainer in MAASMIND …', 'Joined as Associate System Engineer, …', 'Role: Business Analyst'
_TEXT_TITLE = re.compile(rf"(?i)^(?:{_AS}|(?:key\s+)?(?:role|designation|position)\s*:\s*)"
                         r"(?P<title>[^,.;:()]{3,60}?)(?=\s+(?:in|at|for|with|from|since|on)\b|[,.;(]|$)")


def _title_in_text(line: str, roles: frozenset[str]) -> str | None:
    """The title a job's own text states, for an entry whose header names none."""
    found = _TEXT_TITLE.match(BULLET.sub("", line).strip())
    title = found and re.sub(r"^(?:[a-z]+\s+)+(?=[A-Z])", "", found["title"].strip())  # 'departmental Linux Systems Administrator'
    return title if title and len(title.split()) <= 6 and title_score(title, roles) >= 1 else None


def _roles_within(entries: list[WorkEntry]) -> None:
    """Titles with no employer, dated inside the span of the employer named just above them with no title, held
    there: 'Zorblax Services, Inc.' / '2001 to 2007' / 'Senior Project Manager (2001-2004)' / 'Project Manager (1998-2001)'."""
    employer = None
    for entry in entries:
        if entry.company:
            employer = entry if not entry.position and entry.dates and entry.dates.start else None
        elif employer and entry.position and entry.dates and entry.dates.start and employer.dates.start <= entry.dates.start \
                and (employer.dates.end is None or entry.dates.end is not None and entry.dates.end <= employer.dates.end):
            entry.company, entry.location = employer.company, entry.location or employer.location


# The first word of an employer's name in a sentence: capitalized, a brand's small first letters ('iGate', 'eClerx',
# 'eBay'), or the mask of a name the writer keeps to themselves ('in xxx Technologies', 'XXXX Solutions')
_NAME_WORD = r"(?-i:[A-Z][\w.&'’-]*|[a-z]{1,2}[A-Z][\w.&'’-]*|x{3,}|X{3,})"


PROSE_ROLE = re.compile(
    r"\b(?:work(?:ed|ing)|employed|serv(?:ed|ing)|join(?:ed)?)\s+(?:as\s+(?:an?\s+)?"
    r"(?P<title>[A-Za-z][\w./&-]*(?:\s+(?!(?:with|at|for|in|under)\b)[\w./&-]+){0,5}?)\s+)?"  # 'engineer with Apple client' is no title
    rf"(?:with|at|for|in|under)\s+(?P<company>{_NAME_WORD}(?:\s+(?:(?-i:[A-Z&][\w.&'’-]*)|of|and|&)){{0,6}})"
    r"(?=\s+(?:from|since|during|between|till|until|as|under)\b|\s*[,.(;]|\s*$)(?P<rest>[^.;\n]*)",
    re.I,
)


# "associated with XXXX Technologies India as a Software programmer since July 2009": the employer first
PROSE_EMPLOYER_FIRST = re.compile(
    r"\b(?:associated|work(?:ed|ing)|employed)\s+(?:with|at|in)\s+"
    rf"(?P<company>{_NAME_WORD}(?:\s+(?:(?-i:[A-Z&][\w.&'’-]*)|of|and|&)){{0,6}}),?\s+as\s+(?:an?\s+)?"
    r"(?P<title>[A-Za-z][\w./&-]*(?:\s+[\w./&-]+){0,5}?)(?=\s+(?:from|since|during|between|till|until)\b|\s*[,.(;]|\s*$)"
    r"(?P<rest>[^.;\n]*)",
    re.I,
)


def _ongoing_from(text: str, match: re.Match) -> DateRange | None:
    """'Currently working as a Software Engineer in Infosys, Bangalore from July 2009': a start alone, in the job's
    own words, when its sentence (from its line's start or its last full stop) says the job goes on."""
    stop = text.rfind(". ", 0, match.start())
    begins = max(text.rfind("\n", 0, match.start()) + 1, stop + 2 if stop >= 0 else 0)
    found = ongoing_from(text[begins:match.end()])
    return found if found and found.span[0] >= match.start() - begins else None


def prose_entries(text: str, roles: frozenset[str]) -> list[WorkEntry]:
    """Jobs a summary states in a sentence: "Worked as Software Engineer with Prolifics Corporation Limited
    from Dec' 2015 to Sept' 2016", "associated with Infosys as Senior Engineer since 2009". Only with a title or
    dates, so "worked with Python" is not a job."""
    entries = []
    matches = sorted([*PROSE_ROLE.finditer(text), *PROSE_EMPLOYER_FIRST.finditer(text)], key=lambda m: m.start())
    for match in matches:
        title = match["title"] if match["title"] and title_score(match["title"], roles) >= 1 else None
        company = strip_piece(match["company"])
        dates = find_range(match["rest"] or "") or _ongoing_from(text, match)
        # ('… in Infosys Technologies, Bangalore from July 2009': where the job was, between the employer and the dates)
        where = re.match(r"\s*,\s*(?P<place>[A-Z][\w .'-]{1,40}?)\s*(?=\bfrom\b|\bsince\b|\bduring\b|\bbetween\b|$)",
                         match["rest"] or "")
        location = where["place"].strip() if where and parse_place(where["place"].strip()) else None
        if (title or dates) and company and company_score(company, roles) >= 0 and not title_score(company, roles) > 0 \
                and not parse_place(company):
            entries.append(WorkEntry(title, company, location, dates))
    return entries
