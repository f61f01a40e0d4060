"""Certificates and licences from the lines of a certifications (or trainings) section.

Such a section is a list, but what people write under the heading is not only certificates: a line wraps ('MCSD -
Microsoft Certified' / 'Solution Developer'), a date or a place stands on a line of its own ('Year: 2013', 'Bangalore,
India.'), the school or body that awards one has a line of its own ('North Seattle Community College'), and some
lists hold citations, example verbs, web addresses or a sentence about the course. Each of those is read as what it
is, and only the rest become certificates.
"""

from __future__ import annotations

import re

from jobfit.resumes.dates import MONTH
from jobfit.resumes.education import INSTITUTION
from jobfit.resumes.places import parse_place, place_kind
from jobfit.resumes.sections import list_items
from jobfit.resumes.work import dates_only
from jobfit.schema import Certificate

YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_TRAILING_YEAR = re.compile(r"\s*[,(–-]*\s*(?:19|20)\d\d\)?\s*$")  # 'CPR Certification, 2002' is 'CPR Certification'
# what a line that only dates the certificate above it holds besides the date ('Year: 2013', '2009 :', 'June 20XX', 'And')
_DATE_LINE = re.compile(r"(?i)^(?:\s|[:.,;()/-]|(?:19|20)(?:\d\d|xx)\b|\d{1,2}(?:st|nd|rd|th)?\b|year|date|updated|and|to|"
                        r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
                        r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)+$")
_CREDENTIAL = re.compile(r"(?i)\b(?:certif\w*|licen[cs]\w*|diploma|accredit\w*|credential\w*|registered|chartered|"
                         r"course\w*|training|exam\w*|endorse\w*)\b")
# a reference to a publication: 'Advances in Social Work, 17(1), 78', 'Fitch, D. (2015).', 'doi: 10.1123/...'
_CITATION = re.compile(r"(?i)\bdoi\b|\bjournal\b|\(\s*(?:19|20)\d\d[a-z]?\s*\)\s*\.|\bvol\.\s*\d|\bpp\.?\s*\d|\bet al\b|"
                       r"\b\d+\s*\(\d+(?:[-–]\d+)?\)")
_URL = re.compile(r"(?i)\s*,?\s*(?:https?://|www\.)\S+")
_FURNITURE = re.compile(r"(?i)\bresumes?\b|upon request|©")  # 'Resume Contributed for Sample Purposes Only'
# several certificates on one line: 'Project Management Professional (PMP) ~ Certified Information Systems Auditor (CISA)'
_SEVERAL = re.compile(r"\s+(?:~|\*(?=[A-Z]))\s*")
# a word a certificate's name does not end with: the line wrapped ('Certified Manager of' / 'Software Testing')
_DANGLING = re.compile(r"(?i)\b(?:of|in|and|for|the|on|&|to)$|[-–,&/]$")
# the last word of a sentence a line break cut ('… DB2 UDB V8 family Fundamentals' / 'Certifications.')
_LAST_WORD = re.compile(r"[A-Za-z][a-z]+\.")
# 'MCSD - Microsoft Certified Solution Developer': an abbreviation and what it stands for are one name, no issuer; so
# are a course's number and its title ('50064 - Advanced SharePoint 2007 Development')
_ACRONYM_FIRST = re.compile(r"^(?:[A-Z][A-Z0-9+&]{1,7}|[A-Z]{0,4}\d{3,6}[A-Z]?)$")
# what a training list says of a course in brackets after its name, the year among it: 'Microsoft Office SharePoint
# Designer (2 days, AFI 2008)', 'Introduction to JAVA (ABC training - 1997)'
_DETAILS = re.compile(r"^(?P<name>[^()]*?\S)\s*\((?P<details>[^()]*(?<!\d)(?:19|20)\d\d(?!\d)[^()]*)\)\s*[.,;]?$")
_DURATION = re.compile(r"(?i)^\d+(?:\.\d+)?\s*(?:hours?|hrs?|days?|weeks?|months?)$")
_DATED = re.compile(rf"(?i)(?:\b{MONTH}\s*,?\s*)?(?<!\d)(?:19|20)\d\d(?!\d)")  # 'June 2008', '2008'
_LAPSES = re.compile(r"(?i)\b(?:expir\w*|exp\.?|valid|until|thru|through)\b")
_WHEN = re.compile(r"(?i)\b(?:expir(?:es|ed|y|ing)|exp\.?|valid(?: until| through| thru)?|until|renewed|issued|obtained|"
                   r"(?:expected\s+)?(?:completion\s+)?date|expected|completed|awarded|since|due)\b")
# ... and one spelled out up to 'Certified' goes on on the next line ('MCSD, Microsoft Certified' / 'Solution Developer'),
# where 'Zumba Certified' is a whole name
_SPELLING_OUT = re.compile(r"^[A-Z][A-Z0-9+&]{1,7}\s*[,–—-]\s.*\bcertified$", re.I)
_NAME_THEN_ISSUER = re.compile(r"\s+[-–—|]\s+|,\s+(?=[A-Z])")  # 'Certified Scrum Master (CSM), Agile Alliance'
_DASHED = re.compile(r"\s+[-–—|]\s+")
MAX_WORDS = 16
# the level of a certification, after a dash: 'Solutions Architect – Associate', 'Azure Fundamentals', 'Level 2'
_LEVEL = re.compile(r"(?i)(?:associate|professional|specialty|expert|foundational|fundamentals|practitioner|"
                    r"(?:level|part|tier)\s+\d+)\b(?=\s*(?:,|$))")


def _named_words(text: str) -> list[str]:
    """The words of a name an abbreviation takes its letters from (not 'of', 'and', 'the' …)."""
    return [w for w in re.findall(r"[A-Za-z(][\w'’()²]*", text) if w.lower() not in ("of", "and", "for", "the", "in", "on")]


def _issuer_of(acronym: str, words: str) -> bool:
    """Whether `words` after a certificate's acronym name its issuer ('PMP, PMI'; 'CISSP – (ISC)²'; 'PMP, Project
    Management Institute'): one short name, not the acronym spelled out ('MCSD - Microsoft Certified Solution
    Developer'), a list ('WCCA, WCCP, AIC') or a course code's title ('BKD223 - Behavioral Economics')."""
    named = _named_words(words)
    initials = "".join(w.lstrip("(")[:1] for w in named).upper()
    return (acronym.isalpha() and "," not in words and 1 <= len(named) <= 4
            and not (len(initials) >= 2 and (initials.startswith(acronym.upper()) or acronym.upper().startswith(initials))))


def read_certificates(lines: list[str]) -> list[Certificate]:
    """The certificates a certifications section lists, each with its date and issuer when the list gives them."""
    out: list[Certificate] = []
    issuer_ahead: str | None = None  # a school or body named on its own line before the certificates it awards
    for line in list_items(lines):
        if dates_only(line) or _DATE_LINE.match(line):  # 'Jun 2019 - Present' under a course: when it was taken
            years = YEAR.findall(line)
            if out and not out[-1].date and years:
                out[-1].date = years[-1]
            continue
        if _CITATION.search(line) or _FURNITURE.search(line) or not re.search(r"[A-Za-z]{2}", _URL.sub("", line)) \
                or _URL.search(line) and _URL.sub("", line).strip().endswith(":"):  # 'LinkedIn: www.linkedin.com/in/...'
            continue
        above = out[-1].issuer or out[-1].name if out else ""
        if out and (_DANGLING.search(above) or _SPELLING_OUT.match(out[-1].name) or line[:1].islower()
                    or _LAST_WORD.fullmatch(line) and not re.search(r"[.!?]$", above)) \
                and len(f"{out[-1].name} {line}".split()) <= MAX_WORDS:  # the line above wrapped
            _extend(out[-1], line)
            continue
        if _is_place(line):  # where the one above was taken
            continue
        school, *rest = _NAME_THEN_ISSUER.split(line, maxsplit=1)
        if rest and INSTITUTION.search(school) and not _CREDENTIAL.search(line) and len(school.split()) <= 8 \
                and _DASHED.match(line[len(school):]) and not _is_place(rest[0]):
            certificate = _certificate(rest[0])  # 'Cisco Networking Academy - CCNA': who awards it, then what it is
            if certificate is not None:
                certificate.issuer = school
                out.append(certificate)
            continue
        if INSTITUTION.search(school) and not _CREDENTIAL.search(line) and len(line.split()) <= 8:
            # 'North Seattle Community College', 'Matrix Technical Institute, Carlisle, MA': who awards the one above (or below)
            if out and not out[-1].issuer:
                out[-1].issuer = line.rstrip(".")
            else:
                issuer_ahead = line.rstrip(".")
            continue
        for piece in _SEVERAL.split(line):
            certificate = _certificate(piece)
            if certificate is not None:
                if issuer_ahead and not certificate.issuer:
                    certificate.issuer = issuer_ahead
                issuer_ahead = None
                out.append(certificate)
    return out


def _is_place(text: str) -> bool:
    return bool(parse_place(text.rstrip(".")) or place_kind(text))


def _certificate(text: str) -> Certificate | None:
    """One item as a certificate, or None when it is no name: a sentence about a course, a word from a list of verbs."""
    words = text.split()
    if not words or len(words) > MAX_WORDS:
        return None
    if len(words) == 1 and (len(text) < 2 or re.search(r"[a-z](?:ing|ed)$", text)):  # 'Adapting', 'Achieved': a list of verbs
        return None
    if text.endswith(".") and len(words) > 8 and not _CREDENTIAL.search(text) and not YEAR.search(text):
        return None  # a sentence about the course above: 'Learned to create basic Android Apps using Eclipse.'
    years = YEAR.findall(text)
    if details := _DETAILS.match(_URL.sub("", text)):
        return _with_details(details["name"], details["details"])
    name = _TRAILING_YEAR.sub("", _URL.sub("", text)).strip(" ,-–")
    issuer = None
    parts = _NAME_THEN_ISSUER.split(name, maxsplit=1)
    if len(parts) == 2 and (level := _LEVEL.match(parts[1])):
        # 'AWS Certified Solutions Architect – Associate, Amazon Web Services': the level is the name's
        separator, rest = name[len(parts[0]):len(name) - len(parts[1])], parts[1][level.end():].lstrip(" ,")
        parts = [parts[0] + separator + level.group(0)] + ([rest] if rest else [])
    if len(parts) == 1:
        name = parts[0]
    elif not _ACRONYM_FIRST.match(parts[0]) or _issuer_of(parts[0], parts[1]):
        name, issuer = parts
    if not name:
        return None
    return Certificate(name=name, date=years[-1] if years else None, issuer=issuer)


def _with_details(name: str, details: str) -> Certificate:
    """A course and what its brackets say of it: the year is its date, a length ('5 days') goes, the last of the rest
    names who gave it ('AFI', 'ABC training') and what comes before stays with the name ('Microsoft Certified')."""
    split = re.split(r"\s*[,;]\s*|\s+[-–—]\s*|\s*[-–—]\s+", details)
    # the year it was taken, not the one it lapses ('First Aid (Red Cross, expires 2025)')
    date = next((year for piece in reversed(split) if not _LAPSES.search(piece) for year in YEAR.findall(piece)[-1:]), None)
    pieces = [said for piece in split
              if (said := _WHEN.sub("", _DATED.sub("", piece)).strip(" -–—:")) and not _DURATION.fullmatch(said)
              and not _DATE_LINE.match(said)]
    name = name.strip(" ,-–")
    issuer = None
    if pieces and (certified := _CERTIFIED_BY.fullmatch(pieces[-1])) and len(certified["issuer"].split()) <= 4:
        issuer = certified["issuer"]  # 'Java (Oracle Certified, 2015)': Oracle certified it; the name says so still
    elif pieces and not _CREDENTIAL.fullmatch(pieces[-1]) and len(pieces[-1].split()) <= 5 and not _abbreviates(pieces[-1], name):
        issuer = pieces.pop()
    parts = _NAME_THEN_ISSUER.split(name, maxsplit=1)
    if len(parts) == 2 and not _ACRONYM_FIRST.match(parts[0]) and issuer is None:
        name, issuer = parts
    return Certificate(name=f"{name} ({', '.join(pieces)})" if pieces else name, date=date, issuer=issuer)


_CERTIFIED_BY = re.compile(r"(?P<issuer>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*)\s+(?i:certified|certification|certificate)")


def _abbreviates(short: str, name: str) -> bool:
    """Whether `short` is the name's abbreviation ('CSM' of 'Certified Scrum Master'), not who gave it."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    initials = "".join(w.lstrip("(")[:1] for w in _named_words(name))
    return short.isupper() and len(letters) >= 2 and letters.upper() in initials.upper()


def _extend(certificate: Certificate, line: str) -> None:
    """The certificate above, its name (or issuer) continued by a wrapped line."""
    years = YEAR.findall(line)
    text = _TRAILING_YEAR.sub("", _URL.sub("", line)).strip(" ,-–")
    if certificate.issuer:
        certificate.issuer = f"{certificate.issuer} {text}".strip()
    else:
        certificate.name = f"{certificate.name} {text}".strip()
    if years and not certificate.date:
        certificate.date = years[-1]
