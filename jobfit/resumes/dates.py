"""Dates as resumes write them: "June 2014 to Present", "1/09 - 12/12", "2003-Present", "2013 -", "Since 2010"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # a month as written, for other modules too
_SEASON = r"(?:spring|summer|fall|autumn|winter)s?"  # 'Summers 2001 - 2003' too


# a month's name or its abbreviation, nothing longer ('Marketing' is no March)
_MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
               r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])")


def _one(p: str) -> str:
    """One date ("June 2014", "1/09", "Summer 2011", "2003", "'09", the day first: "01st Oct 2015", the year first: "2017
    july", "2022, February", the day after the month: "Aug 01, 2017", "September 1st 2014") with named groups
    prefixed by p."""
    return (
        rf"(?:(?P<{p}Y>(?:19|20)\d\d)\s*,?\s+(?P<{p}M>{_MONTH_NAME})|"
        rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?={MONTH}))?(?P<{p}m>{MONTH}|{_SEASON})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?=,?\s))?(?:[\s,'’]*|-(?=\d))|(?P<{p}n>\d{{1,2}})\s*(?P<{p}sep>[/.-])\s*(?:(?P<{p}d>\d{{1,2}})\s*[/.-]\s*)?)?"
        rf"(?P<{p}y>(?:19|20)(?:\d\d|xx|XX)|'?\d\d(?=\s*(?:-|–|—|⇒|→|/|to\b|till\b|until\b|\))|\s*$){_SHORT_END if p == 'e' else ''}))"
    )


# a range's end written with two digits right after a whole year's dash ('1992-95: Senior Legal Officer', '2012-13
# Teacher, Acme'), before a colon, a comma or words; not '1999 - 25 people'
_SHORT_END = r"|(?<=(?:19|20)\d\d[-–])\d\d(?=[:,;]|\.(?!\d)|\s+[A-Za-z(])"


_PRESENT = r"(?P<present>present|current(?:ly)?|now|today|till\s+date|till\s+now|to\s+date|date|ongoing|continuing)"
# a slash separates two dates only after a year written whole or after a month ('2004/ 2013', 'Feb 09/Jun 11') and
# before a year, a month or 'present': in '03/2015' it is inside one date. Two or three spaces between a year and a
# year or 'now' ('2019  2021', 'Jun. 2011  Nov. 2013', '2021  now') stand for a dash a converted document lost; so
# does nothing at all between the two where the pair opens a line and ends it, a clause or a column ('20102011',
# '2012Present', '2005present: Acme', '20132015    Staff Engineer'), or ends a clause or a column later in a line
# ('(2003present)', 'Stanford University 19271931.'; not 'ID 20102011'), or before a month's name and its year ('Fall 2000Fall 2005')
_SEPARATOR = (r"\s*(?:-|–|—|~|⇒|→|(?:to|till|until|through|thru)(?:\s*:)?|(?:(?<=\d{4})|(?<=[A-Za-z] \d\d))\s*/(?=\s*(?:(?:19|20)\d\d|[A-Za-z]))"
              rf"|(?:(?<=(?:19|20)\d\d\s\s)|(?<=(?:19|20)\d\d\s\s\s))(?=(?:{MONTH}\s*)?(?:19|20)\d\d|now\b|present\b)"
              r"|(?<=^(?:19|20)\d\d)(?=(?:(?:19|20)\d\d|present|current|now)(?:\s*$|[:),.;]|\s\s))"
              r"|(?<=[\s(](?:19|20)\d\d)(?=(?:(?:19|20)\d\d|present|current|now)(?:[:),.;]|\s\s))"
              rf"|(?<=(?:19|20)\d\d)(?=(?:{MONTH}|{_SEASON})\s*(?:19|20)\d\d))\s*")
DATE_RANGE = re.compile(
    r"(?<![\w/])" + _one("s") + _SEPARATOR + r"(?:" + _one("e") + r"|" + _PRESENT + r")(?![\w/])",
    re.I,
)
# two months of one year, the year written once: "September to November 2007", "Nov - Feb 2019" (from the year before)
SHARED_YEAR = re.compile(
    rf"(?<![\w/])(?P<sm>{_MONTH_NAME}|{_SEASON})\s*(?:-|–|—|to|till|until|through|thru)\s*(?P<em>{_MONTH_NAME}|{_SEASON})[\s,'’]*"
    r"(?P<ey>(?:19|20)(?:\d\d|xx|XX))(?![\w/])",
    re.I,
)
SINCE = re.compile(r"(?<![\w/])since\s+" + _one("s") + r"(?![\w/])", re.I)
# "Currently working as an Engineer in Acme from July 2009": a start alone, in a sentence that says the job goes on
_FROM_ONLY = re.compile(r"(?<![\w/])from\s+" + _one("s") + r"(?![\w/])(?!\s*(?:[-–—]|to\b|till\b|until\b|through\b))", re.I)
_STILL = re.compile(r"\b(?:currently|presently|at present)\b", re.I)
OPEN_START = re.compile(r"(?<![\w/])" + _one("s") + r"\s*(?:[-–—]|/\s*-+)\s*$", re.I)  # "2013 -", "2013/---": still there


@dataclass(frozen=True)
class DateRange:
    start: tuple[int, int] | None
    end: tuple[int, int] | None  # None: open ("Present")
    span: tuple[int, int]  # where it was written in the line


def _year(text: str) -> int:
    text = text.lstrip("'")
    value = int(text)
    if len(text) == 4:
        return value
    return 2000 + value if value < 50 else 1900 + value


def _point(match: re.Match, prefix: str) -> tuple[int, int] | None:
    if match[f"{prefix}Y"]:
        return int(match[f"{prefix}Y"]), MONTHS[match[f"{prefix}M"].lower()[:3]]
    if match[f"{prefix}y"].lower().endswith("xx"):
        return None  # a template's placeholder year ("July 20xx"): a date was written, its value is unknown
    year = _year(match[f"{prefix}y"])
    month_number = match[f"{prefix}n"]
    if match[f"{prefix}d"] and match[f"{prefix}sep"] == ".":
        month_number = match[f"{prefix}d"]  # '01.03.2019': Europe writes the day first between dots
    if month_number and 1 <= int(month_number) <= 12:
        return year, int(month_number)
    word = (match[f"{prefix}m"] or "").lower()
    return year, MONTHS.get(word[:3]) or SEASONS.get(word.rstrip("s"), 1)


def find_range(line: str) -> DateRange | None:
    """The first date range in a line ("Jan 2019 - Mar 2021", "2003-Present", "Since 2010", "2013 -")."""
    match = DATE_RANGE.search(line)
    shared = SHARED_YEAR.search(line)
    if shared and (not match or shared.start() < match.start()):
        if shared["ey"].lower().endswith("xx"):
            return DateRange(None, None, shared.span())  # a template's placeholder year ('February-May, 20xx')
        year = int(shared["ey"])
        start_month, end_month = (MONTHS.get(m.lower()[:3]) or SEASONS[m.lower().rstrip("s")] for m in (shared["sm"], shared["em"]))
        return DateRange((year - (start_month > end_month), start_month), (year, end_month), shared.span())
    if match:
        start = _point(match, "s")
        end = None if match["present"] else _point(match, "e")
        if end and start and end < start:
            return None
        return DateRange(start, end, match.span())
    match = SINCE.search(line) or OPEN_START.search(line)
    if match:
        return DateRange(_point(match, "s"), None, match.span())
    return None


def ongoing_from(sentence: str) -> DateRange | None:
    """The open range of a sentence that says its job goes on and when it began: "Currently working as a Software
    Engineer in Infosys, Bangalore from July 2009"."""
    match = _STILL.search(sentence) and _FROM_ONLY.search(sentence)
    return DateRange(_point(match, "s"), None, match.span()) if match else None


# Dates as German, French, Spanish, Italian, Portuguese and Dutch resumes write them ('03/2019 – heute', 'Septembre 2020 -
# Aujourd'hui', 'Marzo 2019 - Actualidad', 'seit Mai 2018', 'de 2015 à 2017', 'januari 2020 - heden'), put in the English
# the rules above read.
_MONTH_WORDS = {
    "Jan": "januar jänner janvier janv enero ene gennaio gen janeiro jan januari",
    "Feb": "februar feber février fevrier févr fevr fév febrero febbraio fevereiro fev februari",
    "Mar": "märz maerz mär mars marzo março maart mrt",
    "Apr": "avril avr abril aprile",
    "May": "mai mayo maggio mag maio mei",
    "Jun": "juni juin junio giugno giu junho",
    "Jul": "juli juillet juil julio luglio lug julho",
    "Aug": "août aout agosto ago augustus",
    "Sep": "septembre septiembre setiembre settembre setembro set",
    "Oct": "oktober okt octobre octubre ottobre ott outubro out",
    "Nov": "novembre noviembre novembro",
    "Dec": "dezember dez décembre decembre déc dec diciembre dic dicembre dezembro",
}
_FOREIGN_MONTH = {word: english for english, words in _MONTH_WORDS.items() for word in words.split()}
_YEAR_AHEAD = r"(?=\s*(?:19|20)\d\d(?!\d))"
# a month's name before its year ('Mai 2019', 'sept. 2020', 'de marzo de 2019')
_FOREIGN_MONTH_NAMES = "|".join(sorted(_FOREIGN_MONTH, key=len, reverse=True))
_MONTH_BEFORE_YEAR = re.compile(rf"(?<![\w.])({_FOREIGN_MONTH_NAMES})\.?(?:\s+de)?{_YEAR_AHEAD}", re.I)
_DATE_END = r"(?:(?:19|20)\d\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s*(?:19|20)\d\d)"
_FOREIGN_PRESENT = (r"(?:bis\s+)?heute|aktuell|derzeit|jetzt|laufend|(?:à\s+)?aujourd['’]hui|à\s+ce\s+jour|présent|actuel(?:lement)?|"
                    r"en\s+cours|(?:la\s+)?actualidad|presente|actual(?:mente)?|hoy|oggi|in\s+corso|attuale|atual(?:mente)?|o\s+momento|"
                    r"heden|huidig|nu")
_TO_WORDS = r"bis|à|au|a|ad|hasta|al|até|tot"
# what follows a date to end its range: another date or 'today' after a dash or a word for 'to'
_FOREIGN_TO = re.compile(rf"(?<=\d)(\s*)(?:[-–—]\s*(?={_FOREIGN_PRESENT})|(?:{_TO_WORDS})\s+(?={_DATE_END}|{_FOREIGN_PRESENT}))",
                         re.I)
_PRESENT_AFTER = re.compile(rf"(?<=-\s)(?:{_FOREIGN_PRESENT})(?![\w])|(?<=-)(?:{_FOREIGN_PRESENT})(?![\w])", re.I)
_FOREIGN_SINCE = re.compile(r"\b(?:seit|depuis|desde|dal|dall['’]|dès)\s+(?=(?:\w+\.?\s+)?(?:\d{1,2}\s*/\s*)?(?:19|20)\d\d)", re.I)
# a line holds another language's date words: only such a line goes through the rules above
_NOT_ENGLISH = re.compile(rf"(?<!\w)(?:{_FOREIGN_MONTH_NAMES}|{_FOREIGN_PRESENT}|seit|depuis|desde|"
                          r"dal|dès|bis|hasta|até|à|au|ad|tot)(?!\w)", re.I)


def _english_month(match: re.Match) -> str:
    """A foreign month's English name; a short one that is an English word too ('set', 'out', 'ago') only capitalized."""
    word = match.group(1)
    if len(word) <= 3 and word.islower():
        return match.group()
    return _FOREIGN_MONTH[word.lower()]


def english_dates(line: str) -> str:
    """`line` with the month names, 'today' and 'to' of another language's dates in English (a line with no such
    word comes back as it is)."""
    if not _NOT_ENGLISH.search(line) or not re.search(r"(?:19|20)\d\d", line):
        return line
    line = _MONTH_BEFORE_YEAR.sub(_english_month, line)
    line = _FOREIGN_SINCE.sub("since ", line)
    line = _FOREIGN_TO.sub(lambda m: f"{m.group(1) or ' '}- ", line)
    return _PRESENT_AFTER.sub("present", line)


def iso(point: tuple[int, int] | None) -> str | None:
    return f"{point[0]:04d}-{point[1]:02d}" if point else None


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


_GOES_ON = r"(?P<goes_on>(?:until|till|to|through|thru)\s+|[-–—]\s*)?"  # 'until today)': the range's second half
_LEADING_DATE = re.compile(r"^\s*(?:" + _one("s") + r"|" + _PRESENT + r")\s*:\s*\S", re.I)  # "Present: Engineer, GM"
# what a range's end says of a job still held, alone ('Present', 'currently working')
ONGOING = re.compile(_PRESENT + r"(?:\s+(?:working|employed))?", re.I)
_LONE_DATE = re.compile(r"^\s*" + _GOES_ON + r"(?:" + _one("s") + r"|" + _PRESENT + r")\s*[-–—]?\s*\)?\s*:?\s*$", re.I)  # "present)" too


# A header line ending in one date whose range goes on in the next line, the dash lost with the line
# break: "Mental Health Technician, Marietta Memorial Hospital, Ohio, May 2011" then "September 2011".
_TRAILING_DATE = re.compile(r"(?<![\w/'’-])" + _one("s") + r"\s*[-–—]?\s*$", re.I)


def _opens_range(line: str) -> bool:
    if lone := _LONE_DATE.match(line):
        return not lone["present"] and not lone["goes_on"]
    match = _TRAILING_DATE.search(line)
    # 'Acme, Bangalore ( Sept 13': a year of two digits only after a month
    return bool(match) and (bool(match["sY"]) or len(match["sy"]) == 4 or bool(match["sm"])) and not find_range(line)


_OPENS_ONGOING = re.compile(r"^\s*(?:" + _PRESENT + r")\s+(?=\S)", re.I)  # 'Present Associate Professor'
_CONNECTOR = re.compile(r"(?i)to|till|until|through|thru|[-–—]")


# a line ending on a range's start and the end's month, its year on the next line ('Fall 2000Fall', 'May 2009 to April')
_MONTH_AT_END = re.compile(rf"(?:19|20)\d\d\s*(?:[-–—]|to|till|until)?\s*(?:{MONTH}|{_SEASON})\s*$", re.I)
_YEAR_FIRST = re.compile(r"^\s*(?:19|20)\d\d(?!\d)")


def join_split_ranges(lines: list[str]) -> list[str]:
    """A range laid out as two lines ("January 2012" then "November 2012", "Acme, May 2011" then "Present",
    "Paralegal (2013" then "present)"), or three ("March 2014" / "to" / "November 2014"), as one line."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = next((j for j in range(index + 1, min(index + 3, len(lines))) if lines[j].strip()), None)
        if following is not None and _CONNECTOR.fullmatch(lines[following].strip()) and _opens_range(line) \
                and following + 1 < len(lines) and _LONE_DATE.match(lines[following + 1]):
            # 'March 2014' / 'to' / 'November 2014': the range's word on a line of its own too
            joined = f"{line.strip()} {lines[following].strip()} {lines[following + 1].strip()}"
            if find_range(joined):
                out.append(joined)
                index = following + 2
                continue
        if following is not None and _LONE_DATE.match(line) and _opens_range(line) \
                and (ongoing := _OPENS_ONGOING.match(lines[following])) and lines[following][ongoing.end():][:1].isupper():
            # '2015' / 'Present Associate Professor, School of Social Work': a column of ranges whose dash the layout
            # lost ('2015  Present') cut after the year; the range, then the title
            out.extend([f"{line.strip()} - {ongoing.group(0).strip()}", *lines[index + 1:following],
                        lines[following][ongoing.end():]])
            index = following + 1
            continue
        if following == index + 1 and _MONTH_AT_END.search(line) and _YEAR_FIRST.match(lines[following]):
            # 'Fall 2000Fall' / '2005', 'from May 2009 to April' / '2010.': the end's month on one line, its year
            # opening the next; one line again
            joined = f"{line.rstrip()} {lines[following].strip()}"
            found = find_range(joined)
            if found and found.span[1] > len(line.rstrip()):
                out.append(joined)
                index = following + 1
                continue
        if (following is not None and _opens_range(line)
                and (_LONE_DATE.match(lines[following]) or _LEADING_DATE.match(lines[following]))):
            second = lines[following].strip()
            lone = _LONE_DATE.match(second)
            if lone and lone["goes_on"]:
                second = second[lone.end("goes_on"):]
            joined = f"{line.strip().rstrip('-–— ')} - {second}"
            if find_range(joined):
                out.append(joined)
                index = following + 1
                continue
        out.append(line)
        index += 1
    return out


_LEADING_SINGLE = re.compile(r"^\s*" + _one("s") + r"\s*[:,-]?\s+(?=(?-i:[A-Z]))", re.I)


def leading_date(line: str) -> DateRange | None:
    """One date opening a header line ("2007 Summer Intern", "June 2014 Software Developer"): that month or year."""
    match = _LEADING_SINGLE.match(line)
    if not match or not match["sY"] and (not match["sy"] or len(match["sy"].lstrip("'")) != 4):
        return None
    point = _point(match, "s")
    return DateRange(point, point, (match.start(), match.end()))


_LEADING_MONTH = re.compile(rf"^\s*(?P<m>{_MONTH_NAME})\s*[:,-]?\s+(?=(?-i:[A-Z]))", re.I)


def leading_month(line: str, year: int) -> DateRange | None:
    """A month's name alone opening a header line ('December Web-Developer' under '2017, July  AISA'): that month
    of the year given."""
    match = _LEADING_MONTH.match(line)
    if not match:
        return None
    point = (year, MONTHS[match["m"].lower()[:3]])
    return DateRange(point, point, (match.start(), match.end()))
