"""What work and education entries share: header lines told from text, and a header's pieces.

An entry is a short run of header lines (title, employer or school, place, dates, in any order and
split or not by " - ", "|", ",") followed by its text. Header lines are told from text by their shape:
text is bulleted, long, or a sentence. `work` and `education` read the pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jobfit.resumes.dates import ONGOING, DateRange, find_range, leading_date, leading_month
from jobfit.resumes.lexicon import ORG_WORDS, words_of
from jobfit.resumes.places import NOT_IN_CITY_NAMES, parse_place, place_kind, place_text
from jobfit.resumes.sections import BULLET, closed_brackets

# ('at' before a name: 'Acme', or one in camel case, 'eBay', 'iG')
SEPARATORS = re.compile(r"\s+(?:[-–—|@]|--)\s+|\s*[|•·]\s*|\s+[-–—]\s*$|\s+at\s+(?:the\s+)?(?=[A-Z]|[a-z]{1,2}[A-Z])|\t")


def _split_pieces(line: str) -> list[str]:
    """A header line cut at its separators; an 'at' or '@' inside brackets is a note's ('Drupal Developer (consultant at
    DoITT)', 'Neudesic (Vendor @ Microsoft)')."""
    if "(" not in line:
        return SEPARATORS.split(line)
    pieces, start = [], 0
    for match in SEPARATORS.finditer(line):
        inside = line.count("(", 0, match.start()) > line.count(")", 0, match.start())
        if not (inside and match.group(0).strip().lower().startswith(("at", "@"))):
            pieces.append(line[start:match.start()])
            start = match.end()
    pieces.append(line[start:])
    return pieces


_LABELS = (r"designation|job title|title|position|position held|role|organi[sz]ation|company|company name|employer|client|"
           r"duration|period|dates?|from|since|location|place|experience|notice(?: period)?|team size|ctc|salary|"
           r"reason for leaving|hours")
LABELED = re.compile(rf"^({_LABELS})\s*(?:[:\-]+|\s\|)\s*(.+)$", re.I)  # 'Salary | $52,000', 'Position | Associate' too
_BARE_LABEL = re.compile(rf"(?:{_LABELS}|function|about)\W*", re.I)  # alone, its value on the next line (or text, for "About")
# the same labels need no colon in capitals ('DURATION Jan-2014 to Jun-2015', 'TEAM SIZE 20') or before a
# figure ('Duration 6 months', 'Team Size 15 Members')
LABELED_CAPS = re.compile(r"^(DURATION|PERIOD|DATES?|TEAM SIZE|CLIENT|CTC|SALARY|NOTICE PERIOD|DESIGNATION|ROLE|LOCATION)\s+"
                          r"(?![:\-])(\S.*)$|^((?i:duration|period|team size))\s+(?=\d|[A-Z][a-z]{2,8}\W*\d)(.*)$")
DATE_LABELS = ("duration", "period", "date", "dates", "from", "since")
IGNORED_LABELS = ("client", "experience", "notice", "notice period", "team size", "ctc", "salary", "reason for leaving",
                  "hours")
BODY_LABEL = re.compile(
    r"^(?:(?:key|main|major|job|my|primary|other)\s+)?(?:roles?|responsibilit\w+|duties|functions|achievements?|accomplishments?|"
    r"contributions|deliverables|highlights|environment|description|profile|tools(?: used)?|technologies(?: used)?|project(?: name| title)?|"
    r"team size|client|platform|technology used|skills used|results|tasks(?: performed)?|tech(?:nical)? scope|(?:tech )?stack)(?:\s*/\s*\w+|\s+(?:and|&)\s+\w+)*\s*(?::|$)", re.I)


# 'Role : Lead Data Analyst', 'Role: Developer', 'Position: Customer Service Advisor (part time)' name the title (in
# title case, or in a word or two); 'Role: Digital marketing through creative writing' and 'Roles & Responsibilities:' head text
_TITLE_LABEL = re.compile(r"^\(?(?i:role|designation|position|position held|job title)\s*:\s*(?:[A-Z]\S*(?:\s+(?:[A-Z&/]\S*|of|and|the|for|"
                          r"\S{1,3})){0,4}|[A-Z]\S*(?:\s+\S+)?)\s*(?:\([^)]*\)?)?\)?\s*$")


def wrap_width(lines: list[str]) -> int:
    """The width the document's prose wraps at (its long lines' length); 0 when it does not wrap."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 30:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    return width if width >= 60 else 0


LEGAL_END = re.compile(r"\b(?:inc|ltd|co|corp|llc|jr|sr|pvt|bros|dept|[A-Z])\.$", re.I)
# A line opening with a verb in the past ('Developed …', 'Led …'): text, not a title. The words a licensed occupation's
# title opens with are no verbs before a capitalized word ('Registered Nurse, Intensive Care Unit', 'Chartered
# Accountant, Audit'; but 'Registered at the Law Society as …')
PAST_VERB = re.compile(r"^(?!(?:Registered|Certified|Licensed|Chartered|Enrolled|Qualified|Accredited)\s+[A-Z])"
                       r"(?:[A-Z][a-z]+ed|Led|Built|Ran|Won|Made|Wrote|Taught|Oversaw|Drove|Grew|Sold|Set)\b")


def _named_organization(line: str) -> bool:
    """Whether the line opens with an organization's name whose first word is a participle ('United Bank of Suzlon,
    New Jersey, NY', 'Allied Signal Inc.'): written as a name up to its first comma, with an organization's word in it;
    not a duty ('Sponsored Creative Writing Club', 'Taught Introduction to Systems Engineering classes')."""
    name = line.split(",")[0]
    return (name.split()[0].lower() in _NAMING_PARTICIPLES and written_as_name(name)
            and bool(set(words_of(name)) & ORG_WORDS))


# the participles that open organizations' names as adjectives ('United', 'Allied Signal', 'Applied Materials')
_NAMING_PARTICIPLES = frozenset({"united", "allied", "advanced", "applied", "integrated", "associated", "consolidated",
                                 "combined", "unified", "automated", "distributed", "specialized", "specialised",
                                 "diversified", "dedicated", "amalgamated", "affiliated", "federated", "incorporated"})


def is_body(line: str, width: int = 0) -> bool:
    """Text under an entry rather than a header line of one: bulleted, long, a sentence, wrapped prose."""
    words = re.findall(r"\w+", line)
    if _TITLE_LABEL.match(line):
        return False  # 'Position: Customer Service Advisor (part time to 2011)': the title, however long its note
    if BULLET.match(line) or BODY_LABEL.match(line):
        return True
    dated = find_range(line)
    if (width and len(line) >= 0.8 * width and len(words) > 6 and not dated and not SEPARATORS.search(line)
            and sum(len(w) > 3 and w[0].islower() for w in words) >= 2):
        return True  # a full-width line of wrapped prose (not a title-cased header: "Assistant Principal, White Lake …")
    if PAST_VERB.match(line) and len(words) > 3 and not find_range(line) and not _named_organization(line):
        return True
    limit = 14 if dated else 10
    if len(words) > limit and not (dated and _dated_row(line, dated)):
        return True
    if (line.rstrip().endswith(".") and len(words) >= 2 and not LEGAL_END.search(line) and not _listed_header(line)
            and re.search(r"[a-z]", line)):
        return True  # a sentence; a line in capitals is a header its period closes ('ACME FOUNDRIES LTD, PUNE, INDIA.')
    return bool(re.match(r"^[a-z(]", line)) and not dated and len(words) >= 4


# the small words a name holds between its capitalized ones ('Bank of America', 'Université de la Sorbonne',
# 'Università di Bologna', 'Universiteit van Amsterdam', 'Escola Politécnica da USP')
NAME_CONNECTORS = frozenset({"of", "for", "and", "&", "at", "the", "in", "de", "du", "des", "la", "del", "della", "di", "da",
                             "do", "dos", "das", "van", "von", "der", "den", "voor", "für", "y", "et", "und"})


def _listed_header(line: str) -> bool:
    """'Consultant, Infotech Financials, Bombay, India.': a header's pieces in a row, closed by a period, not a sentence;
    the dates may open it ('2011 to 2013: Administrative Fellow, College of Sciences.')."""
    dated = find_range(line)
    if dated and dated.span[0] == 0:
        line = line[dated.span[1]:].lstrip(" :-–—")
    pieces = [p.split() for p in line.rstrip().rstrip(".").split(",")]
    if len(pieces) < 2 or sum(map(len, pieces)) > 10 or re.search(r"[.;:!?]\s", line):
        return False
    return _named_pieces(pieces)  # 'Centre For Sustainability Asian Cities (CASC), Singapore.' too


def _named_pieces(pieces: list[list[str]]) -> bool:
    """Every piece's words written as a name: capitalized, a number, or a small word between ('of', 'and')."""
    return all(piece and sum(w.lstrip("([")[:1].isupper() or w[:1].isdigit() or w.lower() in NAME_CONNECTORS for w in piece)
               == len(piece) for piece in pieces)


def _dated_row(line: str, dated: DateRange) -> bool:
    """'Principal, Bethesda-Chevy Chase High School, Montgomery County Public Schools, Bethesda, MD, 1995 to
    Present': a long header written as a row of names (title, school, district, place) with its dates, no sentence."""
    rest = (line[: dated.span[0]] + " " + line[dated.span[1]:]).strip(" ,;:-–—")
    pieces = [p.split() for p in re.split(r"[,;]", rest) if p.strip()]
    return len(pieces) >= 3 and not re.search(r"[.!?:]\s", rest) and _named_pieces(pieces)


# the words that join a sentence's pieces: no name or title ends on one ('teaching experience and')
JOINING_WORDS = frozenset("and or of the for with to in at by from".split())


def written_as_name(text: str) -> bool:
    """Whether text is written as a name: most of its longer words capitalized ('Bank of America', 'ACME') or a site's
    address ('happyflu.com'), and not ending on a word that joins ('teaching experience and')."""
    words = re.findall(r"[A-Za-z][\w'&.-]*", text)
    long_words = [w for w in words if len(w) > 3]
    if not words or words[-1].lower() in JOINING_WORDS:
        return False
    if len(words) == 1 and re.search(r"\w\.[a-z]{2,4}$", words[0]):
        return True  # 'happyflu.com': a site's name as it is written
    # a capital inside a word counts too: 'eBay', 'iRobot' are written as names
    return not long_words or sum(w[0].isupper() or bool(re.match(r"[a-z]{1,2}[A-Z]", w)) for w in long_words) >= 0.5 * len(long_words)


# a way to reach someone: an address, a number, a site, or the word for one as its label ('Mobile: …', 'Tel (0)…', a
# lone 'Phone'); 'Hands-On Mobile' and 'Mobile App Development' are names
_REACH_WORD = r"(?:tel|phone|mobile|cell|e-?mail|fax)"
CONTACT = re.compile(rf"@|\b{_REACH_WORD}\b\s*(?:[:#(+.]|\d|no\b|number\b|me\b)|^\s*{_REACH_WORD}\s*$|\b(?:address|zip code)\b"
                     r"|\d{3}[ .-]\d{3}[ .-]\d{4}|https?://|www\.", re.I)
# "Sales Director, (Continued)" after a page break: the same entry going on
CONTINUED = re.compile(r"(?i)[\s,(]*\b(?:continued|cont'?d)\b\W*$")
LONE_DATE_PIECE = re.compile(r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|spring|summer|fall|autumn|winter)"
                             r"(?:[\s,']+(?:(?:19|20)\d\d))?$|^(?:19|20)\d\d$", re.I)


# how much of the week ('Full-time', 'Part Time', 'Permanent'): neither a title nor an employer
HOURS_WORDS = r"(?:full|part)[- ]?time|permanent|temporary|seasonal"
_HOURS = re.compile(HOURS_WORDS, re.I)
_HOURS_BESIDE = re.compile(rf"\s*[,(]\s*(?:{HOURS_WORDS})\s*\)?\s*(?=$|[|,])", re.I)  # 'Kolger and Young, Full-time'
_PAGE = re.compile(r"(?i)p\s?age\s*\d+(?:\s*(?:of|/)\s*\d+)?")  # a page's number ('Page1', 'Page 2 of 3', spaced 'P AGE 2')
_DURATION = re.compile(r"(?i)\(?\s*\d+(?:\.\d+)?\+?\s*(?:years?|yrs?|months?|mos?)(?:\s*(?:and\s*)?\d+\s*(?:months?|mos?))?\s*\)?")


def _without_dates(line: str, found: DateRange) -> str:
    """A header line with its dates taken out, and the brackets round them ('Account Executive (1/99 - 1/01) Company
    Net'): what was before them and what was after are two pieces."""
    before, after = line[: found.span[0]], line[found.span[1]:]
    if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
        before, after = before.rstrip()[:-1], after.lstrip()[1:]
    elif before.count("(") > before.count(")") and after.lstrip().startswith(")"):
        # 'Python Developer (Education, Sep. 2020 - Aug. 2021)': the note the dates shared the brackets with stays in them
        before, after = before.rstrip(" ,;:-–—") + ")", after.lstrip()[1:]
    return before + " | " + after


@dataclass
class Header:
    """The header lines of one entry with its dates taken out."""

    pieces: list[str] = field(default_factory=list)
    dates: DateRange | None = None
    labeled: dict[str, str] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)
    placed: set[str] = field(default_factory=set)  # pieces a place was written after ('Accenture - Hyderabad, Telangana')
    dated: set[str] = field(default_factory=set)  # pieces written on a line with dates ('Program Chair 10/2010 to 05/2013')
    anonymized: bool = False  # a template's placeholder stood in the header ('Company Name', 'City , State')
    employer_placeholder: bool = False  # the employer was written as a template's 'Company Name'
    # what a line set before 'at' and its employer, as a title ('Application Integration / Web Identity  at   IBM Global Services')
    titled: set[str] = field(default_factory=set)
    at: set[str] = field(default_factory=set)  # what such a line named after 'at' or '@': the employer ('Engineer @ Protei')
    # pieces of lines under the dates' line ('Title' / 'ThoughtWorks - Bengaluru' / 'August 2012 to June 2016' / 'Product
    # Marketer - GoCD, ThoughtWorks Studios': a role within the job and its team)
    after_dates: set[str] = field(default_factory=set)


_EDGE = " \t|,;:-–—•·" + "".join(map(chr, range(0x2190, 0x2200))) + "➡⬅⬆⬇"  # and arrows a designed page points with


# a slash set apart by spaces at a piece's edge separates ('Bartender (On Call) / Company Name'); one glued to a word
# is the word's ('MST/Taxation', 'Pakistan/ UK')
_SPACED_SLASH = re.compile(r"^/\s+|\s+/$")


def strip_piece(text: str) -> str:
    """A piece without the separators around it; a bracket goes only when unpaired ('Conference (ECAC)' keeps its)."""
    previous = None
    while text != previous:
        previous = text
        text = _SPACED_SLASH.sub("", text.strip(_EDGE))
        for opening, closing in ("()", "[]"):
            if text.startswith(opening) and text.endswith(closing) and text.count(opening) == 1:
                text = text[1:-1]  # '(ECAC)'
            elif text.startswith(opening) and text.count(opening) > text.count(closing):
                text = text[1:]
            elif text.endswith(closing) and text.count(closing) > text.count(opening):
                text = text[:-1]
            elif text.endswith(opening):
                text = text[:-1]  # 'Fifth Grade Teacher (' before a date taken out
    return text


def take_place(text: str, header: Header) -> str:
    """Take a trailing place ("Acme Inc., Sometown, CA", "Infosys - Pune, Maharashtra") out of a line."""
    # 'CME Group-Chicago, IL': a hyphen a layout set between an organization's word and the city
    text = re.sub(r"\b([A-Za-z]{4,})-(?=[A-Z][a-z]+,\s)", lambda m: m.group(0) if m.group(1).lower() not in NOT_IN_CITY_NAMES
                  else f"{m.group(1)}, ", text)
    # 'CLEARWIRE- Kansas City, MO': a dash glued to the word before it and spaced from the place after it
    text = re.sub(r"(?<=[A-Za-z.)])[-–—]\s+(?=[A-Z][a-z]+(?:\s[A-Z][a-z]+)*,\s)", ", ", text)
    text = re.sub(r"\s*\(([^()]*)\)?\s*$", lambda m: ", " + m.group(1).replace(" - ", ", ") if parse_place(
        m.group(1).replace(" - ", ", ").replace("  ", ", ")) else m.group(0), text)  # "Acme Ltd., Indore (Madhya Pradesh - India)"
    tokens = re.split(r"(\s*[,;]\s*|:\s+)", text)  # pieces and the commas (semicolons, colons) between them: "Acme; Boston, MA", "Acme: Boston, MA"
    parts = tokens[::2]
    for k in (3, 2, 1):
        if len(parts) >= k:
            tail = ", ".join(parts[-k:])
            location = parse_place(tail)
            if location:
                rest = "".join(tokens[: 2 * (len(parts) - k) - 1]) if len(parts) > k else ""
                city = _trailing_city(rest) if k == 1 and location.region and not location.city else None
                if city:  # "Web Developer Chatsworth, California": the title ran into the city
                    rest, tail = rest[: -len(city)].rstrip(), f"{city}, {tail}"
                header.places.append(tail if city or (k == 1 and location.city) else place_text(location))
                return rest
    return text


_PLACE_IN_BRACKETS = re.compile(r"^(?P<before>.*?[A-Za-z].*?)\s*\((?P<place>[^()]+)\)\s+(?P<after>[A-Za-z].*)$")


def _around_place(text: str, header: Header) -> list[str]:
    """The pieces either side of a place written between them ("Mitotech LLC, Moscow, Russia, Team Lead", "Intelos (Tel
    Aviv, Israel) Web FrontEnd Developer" -> the employer and the title, the place taken out); the text whole when no known city with its region or country
    stands inside."""
    if (bracketed := _PLACE_IN_BRACKETS.match(text)) and (location := parse_place(bracketed["place"])) \
            and (location.city or location.countryCode):
        header.places.append(place_text(location))  # 'Intelos (Tel Aviv, Israel) Web FrontEnd Developer'
        return [bracketed["before"], bracketed["after"]]
    parts = re.split(r"\s*,\s*", text)
    for k in (3, 2, 1):
        for i in range(1, len(parts) - k):
            location = parse_place(", ".join(parts[i:i + k]))
            # a city with its region or country, or a country alone ('Peak Analysis and Automation, England, Internship')
            if location and (location.city and place_kind(location.city) == "city" and (location.region or location.countryCode)
                             if k > 1 else not (location.city or location.region) and location.countryCode):
                header.places.append(place_text(location))
                return [", ".join(parts[:i]), ", ".join(parts[i + k:])]
    return [text]


def _trailing_city(text: str) -> str | None:
    """The capitalized words after a title's or employer's last word ("Web Developer Chatsworth" -> "Chatsworth")."""
    words = text.split()
    for cut in range(len(words) - 1, max(0, len(words) - 4), -1):
        last, city = words_of(words[cut - 1]), words[cut:]
        if last and last[-1] in NOT_IN_CITY_NAMES and all(
                w[:1].isupper() and not set(words_of(w)) & NOT_IN_CITY_NAMES for w in city):
            return " ".join(city)
    return None


# What resume templates print until someone fills them in (and what anonymized resumes keep): never a
# title or an employer. 'Company Name City , State Patient Health Advocate' holds one title; 'Company Name - City'
# and a lone 'State' none.
_EMPLOYER_UNNAMED = r"Company Name|(?i:name of (?:the )?(?:company|employer|organi[sz]ation))"
TEMPLATE_PLACEHOLDER = re.compile(rf"\b(?:{_EMPLOYER_UNNAMED}|(?i:name of (?:the )?(?:college|school|universit(?:y|ies)|"
                                  r"institut\w+|education|degree|course|program(?:me)?)))\b"
                                  r"(?:\s*[-–—－|,]?\s*(?:City|State|ST)\b)*|\bCity\s*,\s*(?:State|ST)\b|^\s*(?:City|State)\s*$")
_EMPLOYER_PLACEHOLDER = re.compile(rf"\b(?:{_EMPLOYER_UNNAMED})\b")  # of TEMPLATE_PLACEHOLDER's, the employer's


_SENTENCE_END = re.compile(r"\b([A-Za-z]{3,})\.\s+(?=[A-Z0-9])")
_ABBREVIATIONS = frozenset("inc ltd corp bros dept univ intl assoc mgmt est govt natl mrs miss prof rev hon sgt capt col gen".split())


_REACHES = re.compile(r"@\w|(?:\d{3}[ .-]|\(\d{3}\)\s?)\d{3}[ .-]\d{4}")  # an e-mail address or a phone number ('(123)345-7890' too)
_SITE_IN_BRACKETS = re.compile(r"[(\[]\s*(?:https?://|www\.)[^)\]\s]*\s*[)\]]", re.I)  # '(www.mabioca.com)', '[http://www.abb.com]'
# 'X  at   Y' (a LinkedIn export sets 'at' apart with wide spacing): a line of a title at its employer alone
_TITLE_AT = re.compile(r"[^|•·@:]+?\s\s+at\s\s+(?:[A-Z]|[a-z]{1,2}[A-Z])[^|•·@]*")
_TITLE_AT_SIGN = re.compile(r"[^|•·@:()]+?\s@\s+[^|•·@]+")  # 'Embedded Linux Engineer @ Protei'
# a site after a name, ending the line: 'Actuate http://www.actuate.com/', 'Gemotest laboratory,www.gemotest.ru,', a bare
# domain after a comma ('TS consulting, tsconsulting.ru')
_SITE_AFTER = re.compile(r"(?<=\w)(?:\s+|\s*,\s*)(?:https?://|www\.)\S+?[\s,]*$|(?<=\w),\s*[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/?[\s,]*$",
                         re.I)


def _one_date(header: Header) -> bool:
    """Whether the header's dates so far are one month or year, as a date opening a line gives."""
    return bool(header.dates and header.dates.start and header.dates.start == header.dates.end)


def read_header(lines: list[str]) -> Header:
    header = Header()
    lines = closed_brackets(lines)  # a name wrapped inside its brackets is one again
    label = False  # a place's label alone on its line ('Location' / 'Bangalore, India; Stavanger, Norway') before it
    above: list[str] = []  # the pieces of the line above
    for line in lines:
        if label and all(parse_place(part) for part in line.split(";")):
            header.places.extend(strip_piece(part) for part in line.split(";"))
            label = False
            continue
        label = line.strip().rstrip(":").lower() in ("location", "place")
        if label:
            continue  # its place is on the next line (a template's placeholder 'Location' is followed by none)
        header.employer_placeholder = header.employer_placeholder or bool(_EMPLOYER_PLACEHOLDER.search(line))
        line, placeholders = TEMPLATE_PLACEHOLDER.subn(" | ", line)
        header.anonymized = header.anonymized or bool(placeholders)
        # '… CG SCHOOL (WWW.MABIOCA.COM)', 'Actuate http://www.actuate.com/': the employer's site beside its name
        line = _HOURS_BESIDE.sub(" | ", _SITE_AFTER.sub(" | ", _SITE_IN_BRACKETS.sub(" ", line)))
        if line.endswith(".") and _listed_header(line) and not LEGAL_END.search(line) \
                and (find_range(line[:-1]) or not find_range(line)):
            # 'Systems Programmer, MIT Media Lab.': the period closes the row, not a name; unless it is what makes the
            # dates before it a range: 'University of North Carolina, 19461973.' (a range that lost its dash, not a number)
            line = line[:-1]
        if _REACHES.search(line):
            continue  # 'Supervisor | Al Franecki | 123.345.7890 | al@example.com': whom to ask, not this job's header
        labeled = LABELED.match(line) or LABELED_CAPS.match(line) or (
            line.startswith("(") and line.endswith(")") and LABELED.match(line[1:-1]))  # '(Designation: Software Intern)'
        if labeled:
            key, value = [part for part in labeled.groups() if part is not None][:2]
            key, value = key.lower(), value.strip()
            if key in DATE_LABELS:
                line = value
            elif key in ("location", "place"):
                header.places.append(strip_piece(value))
                continue
            elif key in IGNORED_LABELS:
                continue  # who the work was for, how long, the notice: not the title or the employer
            else:
                kind = "position" if key in ("designation", "job title", "title", "position", "position held", "role") else "company"
                header.labeled.setdefault(kind, take_place(strip_piece(value), header))
                continue
        found = find_range(line)
        if not found and header.dates is None:
            found = leading_date(line)
        elif not found and _one_date(header) \
                and (later := leading_date(line) or leading_month(line, header.dates.start[0])) \
                and later.start > header.dates.start:
            # each of two lines opens with one date, as a table's column of dates beside the header sets them
            # ('2012, November  TINKOFF BANK' / '2022, February Senior Software Developer'): the range they span
            header.dates = DateRange(header.dates.start, later.start, header.dates.span)
            found = later
        if found and header.dates is None:
            header.dates = found
        elif found and _one_date(header) and found.start and found.start <= header.dates.start \
                and (found.end is None or found.end >= header.dates.start):
            # '2019  Engineer @ Cogent Embedded' / 'Embedded automotive software / 2018  2019': the date opening the
            # header is one end of the range a line under it states
            header.dates = DateRange(found.start, found.end, header.dates.span)
        if found:  # "2022 - EPAM Systems. Software Engineer. Two projects": a dated line's sentences are its pieces
            line = _without_dates(line, found)
            line = _SENTENCE_END.sub(lambda m: m.group(0) if m.group(1).lower() in _ABBREVIATIONS else f"{m.group(1)} | ", line)
        places_before, line_pieces, under_dates = len(header.places), [], header.dates is not None and not found
        for piece in _split_pieces(line):
            piece = strip_piece(CONTINUED.sub("", re.sub(r"\(\s*\)|\bfrom\s*$", "", piece)))
            if not piece or not re.search(r"[A-Za-z]{2}", piece):
                continue
            if CONTACT.search(piece) or TEMPLATE_PLACEHOLDER.fullmatch(piece):
                continue  # a phone, an address or an email is never a title or an employer, nor a template's 'City'
            if _BARE_LABEL.fullmatch(piece):
                continue  # a label whose value is on the next line ('Duration' / 'February 2008', 'Function' / 'Embedded Developer')
            if _DURATION.fullmatch(piece) or _HOURS.fullmatch(piece) or _PAGE.fullmatch(piece):
                continue  # '1 Year 3 Months', 'Full-time', 'Page1': how long, the hours, a page; no title or employer
            lone = LONE_DATE_PIECE.match(piece)
            if lone or ONGOING.fullmatch(piece):
                if lone and header.dates is None and (found := leading_date(piece + " X")):
                    header.dates = found
                elif _one_date(header):
                    # a column of dates beside the header, start over end: 'August 2012  Senior System Analyst' /
                    # 'December 2017', 'September 2019  Senior Team Manager' / 'currently working'
                    later = leading_date(piece + " X") if lone else None
                    if not lone or later and later.start > header.dates.start:
                        header.dates = DateRange(header.dates.start, later and later.start, header.dates.span)
                continue
            for part in _around_place(piece, header):
                part = strip_piece(take_place(part, header))
                if part and re.search(r"[A-Za-z]{2}", part):
                    header.pieces.append(part)
                    line_pieces.append(part)
        if len(line_pieces) == 2 and (_TITLE_AT.fullmatch(line.strip(" |")) or _TITLE_AT_SIGN.fullmatch(line.strip(" |"))) \
                and not header.places[places_before:]:
            header.titled.add(line_pieces[0])
            header.at.add(line_pieces[1])
        if len(header.places) > places_before:
            # a place on a line of its own is the place of the line above ('Consumer Energy Provider' / 'Coventry')
            header.placed.update(line_pieces or (above if not found else []))
        above = line_pieces
        if found:
            header.dated.update(line_pieces)
        if under_dates:
            header.after_dates.update(line_pieces)
    return header
