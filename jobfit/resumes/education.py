"""Education entries: a degree line (its wording kept, its level normalized) with the school, place,
dates, grade and courses on it or on the lines around it."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from jobfit.resumes.dates import MONTH, DateRange, find_range
from jobfit.resumes.entries import (
    NAME_CONNECTORS,
    PAST_VERB,
    SEPARATORS,
    TEMPLATE_PLACEHOLDER,
    Header,
    is_body,
    strip_piece,
    take_place,
    written_as_name,
)
from jobfit.resumes.places import parse_place
from jobfit.resumes.sections import BULLET, SCHOOL_LABELS, heading_of


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


# a field of study named after a degree, in title case: 'Master of Science', 'Bachelor in Computer Science and Engineering'
_FIELD = r"(?-i:[A-Z][A-Za-z]+(?:\s+(?:and\s+|&\s+)?[A-Z][A-Za-z]+)*)"
DEGREES = (
    (r"ph\.?\s?d\.?|doctorate|doctor of [a-z]+|juris doctor(?:ate)?|d\.?phil|ed\.?\s?d|j\.?d\.?|m\.?d\.?(?= )|"
     r"doctorat|doctorado|doutorado|dottorato(?: di ricerca)?", "doctorate"),
    (rf"m\.?\s?s\.?\s?ed\.?|(?<!scrum )master'?s?(?: degree)?(?:\s+(?:of|in)\s+{_FIELD})?(?!\s+(?:data(?!\s+scien)|electrician|plumber|trainer|chef|scheduler|class(?:es)?|craftsman)\b)|m\.?\s?sc\.?|m\.?\s?s\.|m\.\s?a\.?|mba|m\.?\s?b\.?\s?a\.?|m\.?\s?eng\.?|"
     r"m\.?[\s-]?tech\.?|ed\.\s?s\.|m\.?\s?c\.?\s?a\.?|m\.?\s?com\.?|m\.?\s?ed\.?|m\.?\s?phil\.?|m\.\s?e\.?|m\.?\s?div\.?|pgdm|pgdba|pgd\w*|"
     r"post[- ]?graduat\w*(?: diploma)?|p\.?\s?g\.?\s+dip(?:loma)?\.?|ll\.?m|m\.?\s?s\.?\s?w\.?|m\.\s?l\.\s?s\.?|"
     # the second cycle as Europe and Latin America name it: 'Maîtrise en droit', 'Laurea Magistrale', 'Máster
     # universitario', 'Maestría', 'Mestrado', 'Magister', 'Diplom-Ingenieur'
     r"ma[iî]trise|laurea\s+(?:magistrale|specialistica)|máster|maestr[ií]a|mestrado|magist(?:er|ra|erium)|"
     r"diplom-\w+|dipl\.-\w+\.?", "master"),
    (rf"b\.?\s?s\.?\s?w\.?|b\.\s?s\.\s?ed\.?|bachelor'?s?(?: degree)?(?:\s+(?:of|in)\s+{_FIELD})?|b\.?\s?sc\.?|b\.\s?s\.?|b\.\s?a\.?|b\.?\s?eng\.?|b\.?[\s-]?tech\.?|"
     r"b\.?\s?com\.?|b\.?\s?c\.?\s?a\.?|b\.?\s?b\.?\s?a\.?|b\.\s?e\.?|b\.?\s?ed\.?|b\.?\s?pharm\.?|b\.?\s?arch\.?|"
     r"ll\.?b|mbbs|graduat(?:e|ion) in [a-z]+|undergraduate|"
     rf"baccalaureate\s+(?:of|in)\s+{_FIELD}|"  # 'Baccalaureate of Science'
     # the first cycle: 'Licence en droit' (not a driving licence), 'Licenciatura', 'Grado en', 'Bacharelado', 'Laurea'
     r"licence(?=\s+(?:en|ès|es|professionnelle)\b)|licenciatura|grado(?=\s+en\b)|bacharelado|bacharel|laurea(?:\s+triennale)?|licencjat",
     "bachelor"),
    # 'Associates : Telecommunications' as a resume builder writes the degree and its field
    (rf"associate'?s? (?:degree|(?:of|in) {_FIELD}|of [a-z]+|in [a-z]+)|(?<![A-Za-z] )(?:general\s+)?associates?(?=\s+:\s)|a\.\s?a\.?s?|a\.\s?s\.|(?:btec )?hn[cd]|"
     r"foundation degree|fdeg", "associate"),
    (r"diploma|dip\.?(?=\s+(?::\s|in\s))|certificate|certification|certified(?:\s+(?-i:[A-Z][\w&-]*)){1,5}|certified [a-z]+|g?nvq(?: (?:level )?\d)?",
     "certificate"),  # 'NVQ 3 in Retailing': a vocational one
    (r"high school|secondary school|senior secondary|higher secondary|ged|h\.?s\.?c|s\.?s\.?c|cbse|icse|"
     # a school-leaving certificate: 'Kenya Certificate of Secondary Education', 'Leaving Certificate', 'Certificate (Std XII)'
     r"(?:[A-Z][a-z]+\s+)?(?:advanced\s+)?certificate\s+of\s+(?:secondary\s+|primary\s+)?education|(?:school\s+)?leaving\s+certificate|"
     r"(?:secondary\s+)?school\s+certificate|certificate\s*\(?\s*std\.?\s*x(?:ii)?\b\)?|"
     r"12th|10th|xii|x th|intermediate|matriculation|a[- ]levels?|o[- ]levels?|gcse|"
     # India's school-leaving certificate and the two years after it ('SSLC', 'State Board +2', 'Plus Two', 'II PUC')
     r"s\.?\s?s\.?\s?l\.?\s?c\.?|(?<!\+)\+\s?2(?!\s*%|\.\d)|plus\s+two|p\.?u\.?c|pre[- ]university(?:\s+course)?|"
     r"international baccalaureate|baccalaur[ée]at(?!e)|x\s*\(\s*secondary\s*\)|abitur|bachillerato|matura|maturit[àa]|"
     r"sijil pelajaran malaysia|sijil tinggi persekolahan malaysia|national senior certificate", "secondary"),  # the French school-leaving 'Baccalauréat'
)
_DEGREE_RES = [(re.compile(r"(?<![\w.])(?:" + pattern + r")(?![\w])", re.I), level) for pattern, level in DEGREES]
# Upper-case abbreviations that are ordinary words in lower case ("BE", "BS", "MS", "BA", "MA").
_DEGREE_CAPS = re.compile(r"(?<![\w.])(BE|BS|BSc|BA|MS|MSc|MA|ME|BSEE|BSME|BSCS|MSCS|AA|AS|AAS|BASc|MASc|BFA|MFA|BSN|MSN|MPH|MPA|"
                          r"MHA|MPP|BEng|MEng|MST(?=\s*/|\s+in\b)|"
                          # school-leaving examinations: Malaysia's SPM and STPM, West Africa's WAEC, WASSCE, SSCE, NECO
                          r"SPM|STPM|WAEC|WASSCE|SSCE|NECO)(?![\w])")  # 'MST/Taxation': a master's in taxation, not a protocol
_CAPS_LEVEL = {"BE": "bachelor", "BS": "bachelor", "BSC": "bachelor", "BA": "bachelor", "MS": "master", "MSC": "master",
               "MA": "master", "ME": "master", "BSEE": "bachelor", "BSME": "bachelor", "BSCS": "bachelor",
               "MSCS": "master", "AA": "associate", "AS": "associate", "AAS": "associate", "BASC": "bachelor", "MASC": "master",
               "BFA": "bachelor", "MFA": "master", "BSN": "bachelor", "MSN": "master", "MPH": "master", "MPA": "master",
               "MHA": "master", "MPP": "master", "MST": "master", "BENG": "bachelor", "MENG": "master",
               **dict.fromkeys(("SPM", "STPM", "WAEC", "WASSCE", "SSCE", "NECO"), "secondary")}
_SCHOOL_WORDS = (r"university|universit[àa]|college|suny|cuny|institute|institution|school|academy|polytechnic|iit|nit|"
                 r"vidyalaya|vidyapeeth|mahavidyalaya|faculty|conservatory|seminary|campus|"
                 r"universidad|universidade|universit[éeä]t?|universitat|universiteit|universitet(?:et)?|uniwersytet|univerzit[ae]|colegio|escuela|escola|"
                 r"[ée]cole|hochschule|fachhochschule|hogeschool|politecnico|polit[ée]cnic[ao]|politechnika|faculdade|facultad|"
                 r"instituto|institut|lyc[ée]e|liceo|"
                 # Malay and Indonesian, Turkish, Scandinavian: 'Universiti Teknologi MARA', 'Politeknik Ungku Omar',
                 # 'Kolej Komuniti', 'Sekolah Menengah', 'Universitas Indonesia', 'Boğaziçi Üniversitesi', 'Högskola'
                 r"universiti|universitas|[üu]niversitesi|politeknik|kolej|sekolah|akademi|h[öø]gsko(?:la|le)n?")
INSTITUTION = re.compile(rf"\b({_SCHOOL_WORDS})\b", re.I)
# a grade point average, a percentage, or a British degree's class ('2:1', 'First Class Honours', 'Upper Second')
SCORE = re.compile(r"\b(?:gpa|cgpa|cpi|percentage|grade|score|aggregate)\s*(?:of\s*)?[:\-]?\s*(\d+(?:\.\d+)?\s*(?:/\s*\d+(?:\.\d+)?|%)?)"
                   r"|(\d{2}(?:\.\d+)?\s*%)|(\d\.\d{1,2})\s*/\s*(?:4|10)(?:\.0+)?\b"
                   r"|(?<![\d:])([12]:[12])(?![\d:])|\b((?:first|upper second|lower second|third)[- ]class(?:\s+honours)?\b"
                   r"|second[- ]class(?:\s+hono(?:u)?rs)?\s*(?:\((?:upper|lower)(?:\s+division)?\)|(?:upper|lower)(?:\s+division)?\b))",
                   re.I)  # (and Nigeria's 'Second Class Upper', 'Second Class Honours (Lower Division)')


_AFTER_NAME_WORD = re.compile(r"\b(?!(?:State|City)\s+$)[A-Z][\w.]*\s+$")


_DONE = re.compile(r"(?i)\b(?:\w+ed|some|finished)\s+$")  # 'Completed High School', 'Some High School'


def _school_named_for_level(line: str, degree: tuple[str, str, tuple[int, int]]) -> bool:
    """Whether the school-leaving 'degree' a line names is the end of a school's name ('Alameda High School',
    'Govt. High school Yernalli'), not the level alone ('High School Diploma', 'Completed High School')."""
    text, level, (start, _) = degree
    before = line[:start]
    return level == "secondary" and text.lower().endswith("school") and bool(_AFTER_NAME_WORD.search(before)) \
        and not _DONE.search(before)


def degree_of(text: str) -> tuple[str, str, tuple[int, int]] | None:
    """(the degree as written, its level, where) for the first degree named in text."""
    best = None
    for pattern, level in _DEGREE_RES:
        found = (m for m in pattern.finditer(text) if not _state_code(text, m))
        match = next(found, None)
        if level == "secondary" and match and _AFTER_NAME_WORD.search(text[:match.start()]):
            # 'Ulysses S. Grant High School City , State High School Diploma': one after a word of a name is the school's
            # name; the degree is the first after none (a template's 'State' is none)
            match = next((m for m in found if not _AFTER_NAME_WORD.search(text[:m.start()])), match)
        if match and _NOT_A_DEGREE.match(text, match.end()):
            return None  # 'Masters Research Project: …', 'Bachelor thesis on …': a note on a degree named elsewhere
        if match and (best is None or (match.start(), best[2][1]) < (best[2][0], match.end())):
            best = (match.group(0).strip(), level, match.span())  # the first, and of two at one place the longer
    # "MS Word", "MS Office" are Microsoft's, not a master's
    caps = next((m for m in _DEGREE_CAPS.finditer(text)
                 if not (m.group(0) == "MS" and _MICROSOFT.match(text[m.end():].lstrip(" -"))) and not _state_code(text, m)), None)
    if caps and (best is None or caps.start() < best[2][0]):
        best = (caps.group(0), _CAPS_LEVEL[caps.group(0).upper()], caps.span())
    return best


# 'Masters Research Project: …', 'Bachelor thesis on …': a piece of work the degree asked for, not the degree
# ('MBA Project Management' is a degree and its field)
_NOT_A_DEGREE = re.compile(r"(?i)\s+(?:research\s+)?(?:project|thesis|dissertation|paper)\s*(?::|-|on\b|in\b|titled\b|$)")


def _state_code(text: str, match: re.Match) -> bool:
    """'Technical College, Carlisle, MA', 'Towson, MD 21222': Massachusetts (or Mississippi, Maine, Maryland) after a
    city, not a master's (or a doctor of medicine)."""
    return (match.group(0).strip() in ("MA", "MS", "ME", "MD") and text[:match.start()].rstrip().endswith(",")
            and bool(re.match(r"\s*(?:$|\d{5}|[|•·,(-])", text[match.end():])))


FIELD_LABEL = re.compile(r"^(college|school|university|institute|institution|board|dept|department|stream|branch|"
                         r"specialization|major|year|(?:year|date) of (?:passing|completion|graduation)|(?:passing|completion|graduation) (?:year|date))"
                         r"\s*[:\-]+\s*(\S.*)$", re.I)
COURSES = re.compile(r"^(?:relevant\s+|key\s+|major\s+)?(?:courses?|coursework|course work|subjects|modules)\s*(?:taken|studied)?\s*:\s*(.+)$", re.I)
# the field after the degree, quoted or not: 'Bachelor in "Instrumentation and Control Engineering"', 'B.E. IN COMPUTER
# ENGINEERING'
# (in the languages whose degrees are read: 'Licence en droit', 'Mestrado em Engenharia', 'Laurea in Economia')
_AREA = re.compile(r"^\s*(?:\(([^)]{2,60})\)|(?:(?i:in|of|en|em|ès|di)\b|,|-|–|:)\s*[\"“‘]?([A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ &/.,'()-]{1,120}))")
# A field written straight after the degree, in capitals: "BS Electrical Engineering", "Ph.D. Systems Engineering".
_BARE_AREA = re.compile(r"^\s+((?-i:[A-Z][A-Za-z&/'-]*)(?:\s+(?:and|&|of|(?-i:[A-Z][A-Za-z&/'-]*))){0,5})")
_MICROSOFT = re.compile(r"(?i:office|word|excel|visual|project|access|sql|windows|dynamics|powerpoint|outlook|dos|"
                        r"paint|publisher|teams|azure|exchange|sharepoint|lync|visio|onenote|365)\b")  # "MS Office" is Microsoft's, not a master's
_ACRONYM = re.compile(r"[A-Z][A-Z.&]{1,7}")
_DATE_FIRST = re.compile(rf"\s+(?i:{MONTH})\s*,?\s*(?:19|20)\d\d(?!\d)(?=\s+[A-Z])")  # a month and its year, a field after
_HONOURS = re.compile(r"\s*\((?:hons?|honou?rs|(?:summa\s+|magna\s+)?cum\s+laude|(?:with\s+)?distinction)\.?\)", re.I)
_BRACKET = re.compile(r"\s*\(([^()]{1,60})\)")
# "Geography (C) Maths (A) English (B)": the grades of school subjects, no school's name
_SUBJECT_GRADES = re.compile(r"(?:\([A-E][*+]?\).*){2}")
# one subject's grade, or a grade alone ('English (A)', 'Grade D' under a list of GCSEs): no school
_A_GRADE = re.compile(r"[A-Z][A-Za-z&' ]{1,30}\s*\([A-E][*+]?\)|[Gg]rade\s+[A-E][*+]?")
_MONTHS_AND_SEASONS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                       r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter")
# the month of the date that follows a field ('Organic Chemistry May 2010'), the year cut off before
_MONTH_AFTER = re.compile(rf"\s+(?:{_MONTHS_AND_SEASONS})\.?,?\s*$", re.I)
_NOT_AREA = re.compile(rf"^(?:{_MONTHS_AND_SEASONS}|"
                       r"with|from|at|honou?rs?|degree|candidate|graduate|program|programme|student|exam)\b", re.I)


# a line that holds only dates: '2003-2005', 'Feb 2014 - Current', 'June 2015', '1990:'
_DATES_ONLY = re.compile(rf"(?i)[\W]*(?:(?:{MONTH}|spring|summer|fall|autumn|winter)[\s,.']*)?(?:\d{{1,2}}/){{0,2}}(?:19|20)\d\d"
                         rf"(?:(?:\s*(?:[-–—‐]|to|till|until)\s*|\s+|(?=(?:{MONTH}|spring|summer|fall|autumn|winter)))"  # 'Fall 2000Fall 2005': the dash lost
                         rf"(?:(?:(?:{MONTH}|spring|summer|fall|autumn|winter)[\s,.']*)?"
                         rf"(?:\d{{1,2}}/){{0,2}}(?:(?:19|20)?\d\d)|present|current|now|date|till date))?[\W]*")


# the capitalized words a 'Diploma' or 'Certificate' opens its piece with: the field it was in
_FIELD_BEFORE = re.compile(r"(?:^|[,;|•:–—(]\s*|\s-\s+)(?P<field>(?:[A-Z][\w&/'-]*\s+){1,5})$")


def abbreviated(degree: str) -> bool:
    """'BS', 'Ph.D.', 'M.Ed.', 'BTech': a degree's abbreviation (a field may follow it bare), not 'Masters'."""
    return " " not in degree and ("." in degree or sum(c.isupper() for c in degree) >= 2) and len(degree) <= 8


def _degree_line(line: str) -> tuple[str, str, str | None, str]:
    """(degree phrase as written, level, area, what is left of the line) for a line naming a degree."""
    written, level, (start, end) = degree_of(line)
    # 'B.A. (Hons) Law', 'M.Com (Master of Commerce)', 'Master of Business Administration (MBA)': the honours or the
    # degree's other name go with the degree; the field follows
    bracket = _BRACKET.match(line[end:])
    if bracket and (_HONOURS.fullmatch(bracket.group(0)) or degree_of(bracket.group(1))
                    or " " in written and _ACRONYM.fullmatch(bracket.group(1))):
        end += bracket.end()  # 'Master of Public Health and Epidemiology (MPHE)', 'Certified Systems Engineer (MCSE)': its initials
    if written_degree := re.match(r"(?i)\s+(?:degree|program(?:me)?|course)\b(?=\s+(?:of|in)\b|\s*$)", line[end:]):
        end += written_degree.end()  # '… (MPHE) Degree of Kenyatta University', 'Post Graduate Program in Business Analytics'
    rest = TEMPLATE_PLACEHOLDER.sub(" | ", line[end:])  # 'Bachelor of Arts : Business Management City , State'
    # 'Ph.D. August 1991 Political Science': the date between the degree and its field
    dated = _DATE_FIRST.match(rest)
    if dated:
        rest = " " + rest[dated.end():]
    area = None
    match = _AREA.match(rest)
    if match:
        area_text = (match.group(1) or match.group(2) or "")
        area_text = re.split(r"\s+[-–—|]\s+|\s*[|–—]\s*|\s+from\s+|\s+at\s+|\s*,\s*|\s+(?i:c?gpa|grade)\b|\s+(?i:degree\s+of)\b|\s+(?i:with\s+(?:high\s+)?(?:distinction|honou?rs|merit))\b|(?:^|\s+)\(?(?i:(?:summa\s+|magna\s+)?cum\s+laude)\b",
                             area_text)[0]
        area_text = strip_piece(_MONTH_AFTER.sub("", re.sub(r"\s*\((?:19|20)\d\d.*$", "", area_text)))
        area_text = strip_piece(area_text.strip("/ "))  # 'B.Sc., Embedded Systems / 2013  2017': the slash set the dates apart
        if area_text.count("(") > area_text.count(")"):
            area_text = strip_piece(area_text[:area_text.rfind("(")])  # 'Interdisciplinary Studies(Business, Geology, …'
        if (n := len(words := area_text.split())) % 2 == 0 and words[:n // 2] == words[n // 2:]:
            area_text = " ".join(words[:n // 2])  # 'Bachelor of Arts : Psychology Psychology': a template's field twice
        field = _field_before_school(area_text)
        if not (inner := re.search(r"(?i)\s+in\s+(.*)$", written)) or field.lower() not in inner.group(1).lower():
            area_text = field  # but words of the field the degree's name holds are the school's ("Master's Degree in
            # Business Education, Business Teacher's Training Institute")
        if area_text and re.search(r"[A-Za-z]{2}", area_text) and not find_range(area_text) and not _names_no_field(area_text):
            # 'M. A. (2002)' and 'High School, New York' name no field
            area = area_text
            rest = rest[match.end():] if match.group(1) else rest[rest.find(area_text) + len(area_text):]
    elif level != "secondary" and abbreviated(written) and (bare := _BARE_AREA.match(rest)) and not _names_no_field(bare.group(1)):
        area = re.sub(r"\s+(?:and|&|of)$", "", bare.group(1))
        rest = rest[rest.find(area) + len(area):]
    if area is None and (inner := re.search(r"(?i)\s+in\s+(?-i:([A-Z].*))$", written)):
        area = inner.group(1)  # "Bachelor's Degree in Computer Science": the name the degree is written with holds its field
    rest = re.sub(r"(?i)^\s+degree(?=\s+of\b)", " ", rest)  # '… in Community Development Degree of Daystar University'
    # 'Computer System Technician Diploma', 'Kenya Certificate of Education': what it is in, or its name, first ('Armenia
    # Certificate' alone says where)
    named = _FIELD_BEFORE.search(line[:start]) if written.lower() in ("diploma", "certificate", "certification") else None
    if named and not INSTITUTION.search(named["field"]) and not PAST_VERB.match(named["field"]) and (
            area or not parse_place(named["field"].strip())):
        start = named.start("field")
        area = area or named["field"].strip()
    phrase = strip_piece(line[start:end] + (line[end:line.find(area) + len(area)] if area and area in line[end:] else ""))
    if dated:
        phrase = phrase.replace(dated.group(0), "", 1)  # 'Ph.D. Political Science'
    phrase = re.sub(r"\s*[\"“”]\s*", " ", phrase).strip()  # the field's quotes
    if phrase.count("(") > phrase.count(")"):
        phrase += ")"  # 'B.A. (Economics), Johns Hopkins': the field's bracket closes after it
    return phrase, level, area, line[:start] + " | " + rest


def _names_no_field(text: str) -> bool:
    """What follows a degree but is no field of study: a school, a place, a date's month, a word like 'candidate',
    a template's 'Name of Education'."""
    return bool(INSTITUTION.search(text) or _NOT_AREA.match(text) or parse_place(text) or TEMPLATE_PLACEHOLDER.fullmatch(text))


def _field_before_school(text: str) -> str:
    """The field a degree line writes straight before its school: 'Marketing and Business Management Oakland University
    Marketing and Business Management' (a template writes the field again after the school), 'Aerospace Engineering
    University of Maryland'. Other text comes back as it is."""
    words = text.split()
    for n in range(len(words) // 2, 1, -1):
        if words[:n] == words[-n:] and INSTITUTION.search(" ".join(words[n:-n])):
            return " ".join(words[:n])
    # a field's last word ('Engineering', 'Science') right before 'University of': no school's own name ('State
    # University of New York', 'Kenya School of Law', 'Indian Institute of Technology' stay whole)
    school = re.search(r"\s(?i:university)\s+of\b", text)
    before = text[:school.start()].strip() if school else ""
    if before and (before.split()[-1].lower() in _FIELD_WORDS) and not INSTITUTION.search(before):
        return before
    split = _field_then_school(text)
    return split[0] if split else text


# one-word fields of study, which may end a field as its last word does ('Finance Kathmandu University')
_DISCIPLINES = frozenset("""finance accounting accountancy marketing economics nursing psychology biology chemistry physics
history english journalism sociology philosophy anthropology architecture music theology pharmacy medicine agriculture
geology geography linguistics literature communications communication design dentistry kinesiology criminology
systems healthcare""".split())


_SLASHED = re.compile(r"[A-Z][A-Za-z&.-]*/[A-Z][A-Za-z&.-]*")


def _field_then_school(text: str) -> tuple[str, str] | None:
    """A field run straight into the school's name, no comma between ('Finance Kathmandu University', 'Plant and Soil
    Science Agriculture Education Southern Illinois University Carbondale'): the field up to its last word that ends
    fields, when one to three words of the school's own name follow it before the school word, or up to two fields a
    slash joins ('Business Administration/Marketing University of Louisiana'). 'Harvard Business School' and 'Arts
    University Bournemouth' stay whole, as no name word stands between, and so do two schools a slash joins."""
    words = text.split()
    key = next((i for i, w in enumerate(words) if w[:1].isupper() and INSTITUTION.fullmatch(w.strip(".,()"))), None)
    if key is None or key < 2:
        return None
    for j in range(key - 1, max(-1, key - 5), -1):
        name = words[j + 1:key]
        # two fields a slash joins end the field too ('Business Administration/Marketing University of Louisiana')
        joined = bool(_SLASHED.fullmatch(words[j])) and not INSTITUTION.search(words[j])
        if (joined or name and words[j].lower() in _FIELD_WORDS) and all(re.fullmatch(r"[A-Z][\w.'&-]*", w) for w in name) and not any(
                w.lower() in _FIELD_WORDS for w in name) and all(
                w[:1].isupper() or w.lower() in NAME_CONNECTORS for w in words[:j + 1]):
            return " ".join(words[:j + 1]), " ".join(words[j + 1:])
    return None


def _joined_wraps(lines: list[str]) -> list[str]:
    """A school's name a layout wrapped is one line again: '…, Michigan Technological' / 'University', '… Institute of' /
    'Technology'."""
    out: list[str] = []
    for line in lines:
        above = out[-1] if out else ""
        words = line.split()
        if len(words) == 1 and INSTITUTION.fullmatch(words[0].rstrip(".,;")) and words[0][:1].isupper() and re.search(r"\b[A-Z][a-z]+$", above) \
                and not INSTITUTION.search(above):  # 'University' alone names no school: it ends the line above
            out[-1] = f"{above} {line}"
        elif 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and re.search(r"\s(?:of|for)$", above) \
                and INSTITUTION.search(above) and not degree_of(line):
            out[-1] = f"{above} {line}"  # 'Maharaja Agrasen Institute of' / 'Technology'
        elif 1 <= len(words) <= 5 and above.count("(") > above.count(")") and re.fullmatch(r"[^()]*\)\W*", line):
            out[-1] = f"{above} {line}"  # '… Board (Holy Child' / 'Public School)': the brackets a layout wrapped
        else:
            out.append(line)
    return out


# a degree a table cell or a narrow column wrapped: 'Masters of' / 'Commerce', 'Diploma in' / 'Embedded', 'B.TECH' /
# '(Electronics and' / 'Communication)'
_DANGLING = re.compile(r"(?i)\b(?:in|of|and)\s*$|&\s*$")


def _joined_degree_wraps(lines: list[str]) -> list[str]:
    """A degree's line wrapped in a table cell or a narrow column is one line again: the line ends on a word that
    joins or inside a bracket, or is the degree alone with its field in brackets on the next line."""
    out: list[str] = []
    for line in lines:
        above = out[-1] if out else ""
        found = degree_of(above) if above.strip() and line.strip() else None
        unclosed = above.count("(") > above.count(")")
        dangling = _DANGLING.search(above)
        # a field cut before its last word: 'Bachelor of Science in Computer' / 'Science, Pace University, New York'
        last, first = (above.split() or [""])[-1], (re.findall(r"[A-Za-z]+", line) or [""])[0]
        if found and re.search(r"\b(?:in|of)\s+(?:[A-Z][\w&]*\s+)*[A-Z][a-z]+$", above) and last.lower() not in _FIELD_ENDS \
                and first[:1].isupper() and first.lower() in _FIELD_ENDS and line.lstrip().startswith(first):
            if len(line.split()) <= 8:
                out[-1] = f"{above.rstrip()} {line.strip()}"
                continue
            # a long line goes on with other things: only the field's last words join ('… in Computer' / 'Science
            # Engineering GPA3.71 on a 4.0 scale, Honors and …')
            words = list(itertools.takewhile(lambda w: re.fullmatch(r"[A-Z][a-z]+", w) and w.lower() in _FIELD_ENDS, line.split()))
            if words:
                out[-1] = f"{above.rstrip()} {' '.join(words)}"
                line = line.lstrip()[len(" ".join(words)):]
        # a long line that ends on 'of' goes on with its school ('… (MPHE) Degree of Kenyatta' / 'University.')
        if found and (dangling or unclosed or (strip_piece(above) == found[0] and line.lstrip().startswith("("))) \
                and len(line.split()) <= 5 and (not INSTITUTION.search(line) or dangling and len(above) >= 40) \
                and not _DATES_ONLY.fullmatch(line.strip()) and (unclosed or not degree_of(line)):
            out[-1] = f"{above.rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


_MAJOR_IN = re.compile(r"(?i)^(?:major(?:ing)?|speciali[sz](?:ation|ed|ing)|concentration|emphasis)\s+(?:in|on)\s+")


def _field_line(line: str) -> str | None:
    """A line that names a field of study and nothing else (a year may end it), read after a line that was a degree
    alone: 'BSc (Hons)' / 'Sales Management', 'Bachelors Degree' / 'Computer Science/ Banking & Finance 1992'. Not
    an abbreviation ('MS', 'RA': a degree's or a school's as often), a school, a place, an honour or a label."""
    text = strip_piece(re.sub(r"\s*(?<!\d)(?:19|20)\d\d(?!\d).*$", "", line))
    if not text or ":" in line or len(text.split()) > 6 or not re.fullmatch(r"[A-Za-z][A-Za-z &/'-]*", text) or not written_as_name(text):
        return None
    if _names_no_field(text) or degree_of(text) or _DISTINCTION.search(text) or heading_of(text) is not None:
        return None
    if not re.search(r"[a-z]{3}", text) and text.split()[-1].lower() not in _FIELD_ENDS:
        return None
    return text


def _paired_columns(lines: list[str]) -> list[str]:
    """A table read column by column, its degrees first and then as many schools ('Ph.D.' / 'M.S.Ed.' / 'B.A.' /
    'Syracuse University, 2001, …' / 'SUNY Oneonta, 1993, …' / …): row by row again, each degree with its school."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    bare = [bool(found := degree_of(lines[i])) and found[2][0] == 0 and len(lines[i].split()) <= 2 for i in filled]
    for k in (k for k, is_bare in enumerate(bare) if is_bare):
        end = next((j for j in range(k, len(filled)) if not bare[j]), len(filled))
        run, after = filled[k:end], filled[end:2 * end - k]
        if (len(run) >= 2 and len(after) == len(run) and not any(degree_of(lines[i]) for i in after)
                and sum(bool(INSTITUTION.search(lines[i])) for i in after) >= len(after) / 2):  # 'SUNY Oneonta' too
            rows = [f"{lines[d].strip()} | {lines[s].strip().replace(': ', ' | ', 1)}" for d, s in zip(run, after, strict=True)]
            return lines[:run[0]] + rows + lines[after[-1] + 1:]
    return lines


# a table's column headings: 'Period', 'Name, Dept., Degree', 'Place', '% Marks Class'
_HEADING_WORD = (r"(?:period|place|years?(?: of pass[\w-]*)?|name|degree|examination|dept\.?|department|qualification|"
                 r"institution|board|%\s*marks|marks|class|percentage|result)")
_COLUMN_HEADING = re.compile(rf"(?i){_HEADING_WORD}(?:\s*(?:[,/&]|and)?\s*{_HEADING_WORD})*\W*")


# a resume builder's row: 'Bachelor of Science : Information Systems Northeastern University City , State Information
# Systems 3.84' (the degree, its field run into the school, the template's place, the field again)
_TEMPLATE_ROW = re.compile(r"^(?P<head>[^:]{2,60}?)\s*:\s*(?P<mid>.+?)\s*[-–]?\s+City\s*,\s*State\b\s*(?P<tail>.*)$")


def _template_row(line: str) -> str:
    """The row with its field set apart from the school it ran into, known by its repetition after the place."""
    row = _TEMPLATE_ROW.match(line)
    if not row:
        return line
    tail = row["tail"].split()
    for k in range(len(tail), 0, -1):
        field = " ".join(tail[:k])
        if row["mid"].startswith(field + " ") and len(row["mid"]) > len(field) + 3:
            school = row["mid"][len(field):].strip()
            if more := _field_then_school(school):  # the field written again after the place, cut where its line wrapped
                field, school = f"{field} {more[0]}", more[1]
            return f"{row['head']} : {field} - {school} | {' '.join(tail[k:])}".rstrip(" |")
    return line


def _without_repeated_tail(line: str) -> str:
    """The line without the words it ends with when it wrote them before: a resume builder's row that names the
    school again ('Bachelor of Science : Exercise Science Ball State University Bachelor of Science in Exercise Science
    Ball State University') or the field again after the school ('Masters of Science : Industrial and Systems
    Engineering Binghamton University, State University of New York Industrial and Systems Engineering')."""
    words = line.split()
    bare = [w.strip(",.;:()").lower() for w in words]
    for k in range(min(6, len(words) // 2), 1, -1):
        tail, before = bare[-k:], bare[-k - 1]
        if tail[0] in NAME_CONNECTORS:
            continue
        school = any(INSTITUTION.fullmatch(w) for w in tail)
        if any(bare[i:i + k] == tail and (school or any(INSTITUTION.fullmatch(w) for w in bare[i + k:-k]))
               for i in range(len(bare) - 2 * k + 1)):
            if not school and (before in NAME_CONNECTORS or INSTITUTION.fullmatch(before)):
                return line  # '… School of Mass Communication', '… Community College General Educational': a name's own words
            return " ".join(words[:-k])
    return line


_SAID_OF = re.compile(r"(?i)\s+(?:is|was|are|were|has|had|includes?|included|requires?|required|consists?|covers?|"
                      r"covered)\b")


_EQUIVALENT = re.compile(r"(?i)^(?:equivalent|equivalence|equiv\.)\b")


_ACRONYM_SCHOOL = re.compile(r"[A-Z]{2,6}(?:\s+[A-Z][a-z]+){0,2}")  # 'UCL', 'MIT', 'ETH Zurich', 'UNSW Sydney'


def education_entries(lines: list[str], labeled_text: dict[str, list[str]] | None = None) -> list[EducationEntry]:
    """The entries the lines name; what a school's own label heads ('Awards' under each degree) is no entry, and goes
    to `labeled_text` under the label's section ('awards')."""
    lines = [line for line in _paired_columns(_joined_degree_wraps(_joined_wraps(lines)))
             if not _COLUMN_HEADING.fullmatch(line.strip())]
    entries: list[EducationEntry] = []
    lead: str | None = None  # what starts an entry in this resume: its degree line, its school line or its dates
    bare: EducationEntry | None = None  # the entry whose degree's abbreviation was the whole line just read
    unnamed: list[EducationEntry] = []  # entries dates opened that no degree or school line has named yet
    first = next((BULLET.sub("", raw).strip() for raw in lines if raw.strip()), "")
    if _DATES_ONLY.fullmatch(first):  # '2003-2005' / 'Masters of Commerce, London School of Commerce' / '2000-2003' / ...
        lead = "dates"
    under_label = None  # the school's own label ('Activities:', 'Awards') whose lines are being read: its text, no entries
    for raw in lines:
        if not raw:
            under_label = None  # a blank line ends the label's list
            continue
        line = _without_repeated_tail(_template_row(BULLET.sub("", raw).strip()))
        if (label := heading_of(line)) in SCHOOL_LABELS:
            under_label = label
            continue
        if under_label and (BULLET.match(raw) or not (degree_of(line) or INSTITUTION.search(line))):
            if labeled_text is not None:  # '-Grinter Fellowship for outstanding new PhD students', 'Editor, Law Review'
                labeled_text.setdefault(under_label, []).append(line)
            continue
        under_label = None
        if lead == "dates" and _DATES_ONLY.fullmatch(line):
            found = find_range(line)
            years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", line)
            if found:
                entries.append(EducationEntry(start=str(found.start[0]) if found.start else None,
                                              end=str(found.end[0]) if found.end else None))
            else:  # 'June 2015', '2013 2015'
                entries.append(EducationEntry(start=years[0] if len(years) > 1 else None, end=years[-1]))
            unnamed.append(entries[-1])
            continue
        labeled = FIELD_LABEL.match(line)  # "College : Shekhawati Polytechnic College", "Dept : Computer Science"
        if labeled and entries:
            value = strip_piece(labeled.group(2))
            if labeled.group(1).lower() in ("college", "school", "university", "institute", "institution"):
                entries[-1].institution = entries[-1].institution or value
            elif re.search(r"(?i)year|date", labeled.group(1)):
                entries[-1].end = entries[-1].end or (re.findall(r"(?:19|20)\d\d", value) or [None])[-1]
            else:
                entries[-1].area = entries[-1].area or value
            continue
        if _EQUIVALENT.match(line) and entries and entries[-1].degree:
            continue  # 'Baccalauréat Professionnel …' / 'Equivalent to an A-Level …': the degree above, told in other words
        # not the commas and dates of 'University , City , State', nor a resume builder's grades after the school
        # ('... Arizona State University - City , State GPA: GPA: 2.3 GPA: 3.0 2.3 GPA:')
        words = len(re.findall(r"[A-Za-z][\w.'&-]*", _GRADES_AFTER.split(line)[0]))
        named_degree = degree_of(line)
        # 'M.Div. is a 3 year academic program': a sentence about the degree above, no degree of its own
        has_degree = named_degree is not None and words <= 16 and not _SAID_OF.match(line[named_degree[2][1]:])
        found = find_range(line)
        years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", line)
        kind = "degree" if has_degree else "school" if INSTITUTION.search(line) and words <= 14 and not _names_no_school(line) else None
        if kind is None and found and found.span[0] == 0 and _TRAINING.search(line) and not COURSES.match(line):
            # '2001  2004: In House training on advertising and online marketing conducted by Young & Rubicam': a
            # training the schooling lists, dated first, is an entry of its own (its text the name, whoever gave it
            # the school), not the rest of the entry above nor lost before the first
            entries.append(_training(line[found.span[1]:], found))
            continue
        if kind and entries:
            unnamed = [u for u in unnamed if u is not entries[-1]]
        if kind and (lead is None or kind == lead or not entries or
                     (kind == "degree" and entries[-1].degree) or (kind == "school" and entries[-1].institution)
                     or (has_degree and entries[-1].institution and INSTITUTION.search(line) and words <= 8)):
            # the last: a school and its degree on one line after another school's ('Salford College Diploma 2004 - 2006')
            lead = lead or kind
            entries.append(EducationEntry())
        if not entries:
            continue
        entry = entries[-1]
        courses = COURSES.match(line)
        # "Relevant coursework: Algorithms, Databases, Statistics"; but "Course: Master of …" names the degree
        if courses and not (degree_of(courses.group(1)) and len(courses.group(1).split()) <= 10):
            entry.courses.extend(c.strip(" .") for c in re.split(r"[,;•|]", courses.group(1)) if c.strip(" ."))
            continue
        # a figure before a class the same line states ('First-Class (61.7%)': 61.7%)
        score = min(SCORE.finditer(line), key=lambda m: m.lastindex > 3, default=None)
        if score and not entry.score:
            entry.score = next(g for g in score.groups() if g).strip()
        rest = line
        if has_degree and not entry.degree:
            entry.degree, entry.level, entry.area, rest = _degree_line(line)
            if _school_named_for_level(line, named_degree):
                rest = line  # 'Alameda High School': the school's name holds the level it taught
            provider = _PROVIDER.search(line)
            if provider and not entry.institution and not find_range(provider.group(1)):
                # 'Software Project Manager certificate from LinkedIn': the line names where it was earned, a whole
                # entry; the schools listed after it set their own order (school, field, degree)
                entry.institution = strip_piece(provider.group(1))
                if len(entries) == 1:
                    lead = None
        elif not has_degree and (bare is entry or entry.area is None and not entry.institution and _FIELD_YEAR_SCHOOL.match(line)) \
                and (field_here := _field_opening(line)):
            entry.area = field_here  # 'BS' / 'Electrical Engineering, 1991: Rutgers University'; a resume builder's row
            # with no degree: 'English and Journalism , 2004 University Of New Mexico - City , State English and Journalism'
            rest = line[len(field_here):]
        elif bare is entry and not has_degree and (field_here := _field_line(line)):
            # 'BSc (Hons)' / 'Sales Management', 'M.Sc.' / 'Specialization in Complex Systems': the degree's field
            entry.area = _MAJOR_IN.sub("", field_here)
            entry.degree = f"{entry.degree} {field_here}"
            rest = line[line.find(field_here) + len(field_here):]
        bare = entry if has_degree and entry.area is None and entry.level != "secondary" and strip_piece(line) == entry.degree \
            else None
        if found:
            start, end = (str(found.start[0]) if found.start else None), (str(found.end[0]) if found.end else None)
            if entry.start is None and entry.end is None:
                entry.start, entry.end = start, end
            elif entry.start is None and start and entry.end and start <= entry.end:
                entry.start = start  # a later range of another entry's years never starts after this one ended
            rest = rest.replace(line[found.span[0]:found.span[1]], " | ")
        elif years and not entry.end and (has_degree or kind == "school" or len(line.split()) <= 8):
            entry.end = years[-1]
        rest = re.sub(rf"(?i)(?:\b{MONTH}\s*,?\s*)?(?<!\d)(?:19|20)\d\d(?!\d)|(?<![\d/.])\d{{1,2}}/\d\d(?![\d/])", " | ", rest)
        # 'May 2006', '12/12 University of Montevallo' name no school
        rest = TEMPLATE_PLACEHOLDER.sub(" | ", rest)  # a template's 'Richard Bland College City , State'
        line_school = None
        # a school's own line, its name before its place ('Gtti -  Kolkata, West Bengal', 'amity -  Noida, Uttar Pradesh'
        # as an Indeed resume sets them under the degree): the name is the school's, however it is written
        at_place = _NAME_AT_PLACE.fullmatch(line.strip()) if not has_degree and entry.degree and not entry.institution else None
        at_place_name = strip_piece(at_place["name"]) if at_place and parse_place(at_place["place"]) else None
        for piece in SEPARATORS.split(rest):
            piece = strip_piece(re.sub(r"\b(?:graduated|expected|class of|passed out|passing year|year of passing)\b", "", piece, flags=re.I))
            piece = strip_piece(SCORE.sub("", piece)) if score else piece
            if (grade := re.search(rf"(?i)\b(?:{_SCHOOL_WORDS})\s+([0-4]\.\d{{1,2}})$", piece)) and not entry.score:
                entry.score, piece = grade.group(1), piece[: grade.start(1)].rstrip()  # 'David Douglas High School 3.0'
            if not piece or not re.search(r"[A-Za-z]{2}", piece):
                continue
            place = parse_place(piece) if not INSTITUTION.search(piece) else None  # 'University of Texas' is a school
            if place:
                entry.location = entry.location or piece
                continue
            if has_degree and (again := degree_of(piece)) and again[2][0] > 0 and again[1] != "secondary":
                piece = strip_piece(piece[:again[2][0]])  # '… Nursing Valparaiso University Bachelor of Science in
                # Nursing Valparaiso University': a resume builder's row writes the degree and the school twice
            named = institution_name(piece)
            if named and entry.area and named.endswith(" " + entry.area) \
                    and named[: -len(entry.area)].split()[-1].lower() not in NAME_CONNECTORS:  # 'Kenya School of Law' stays
                named = named[: -len(entry.area)].strip()  # 'Oakland University Marketing and Business Management': the field again
            split = _field_then_school(named) if named and has_degree else None
            if split and split[0].lower() == (entry.area or "").lower():
                named = split[1]  # 'Business Administration/Marketing , 2008 Business Administration/Marketing University of …': the field again
            elif split and split[0].lower() not in (entry.area or "").lower():
                # 'Bachelor of Arts : Sociology, Journalism Drake University': the field's last part ran into the school
                # (words of the degree's own field are the school's: 'Business Education, Business Teacher's … Institute')
                entry.area, named = (f"{entry.area}, {split[0]}" if entry.area else split[0]), split[1]
            if not entry.institution and named:
                entry.institution = named
                rest_of_piece = strip_piece(piece.replace(named, " | "))
                if rest_of_piece and parse_place(rest_of_piece):
                    entry.location = entry.location or rest_of_piece
                line_school = named
            elif (named and entry.institution == line_school and re.search(r"(?i)\b(?:college|school|faculty|department|institute)\b", line_school)
                  and re.fullmatch(r"(?i)[\w&.' -]*\buniversity\b[\w&.' -]*", named) and named.lower() not in line_school.lower()):
                entry.institution = line_school = f"{line_school}, {named}"  # 'RUTGERS COLLEGE - RUTGERS UNIVERSITY': a
                # university's college, both on one line
            elif not entry.institution and has_degree and entry.area and _ACRONYM_SCHOOL.fullmatch(piece) and not degree_of(piece):
                entry.institution = piece  # 'BSc Computer Science, UCL, 2015', 'MSc Data Science, ETH Zurich': a school known
                # by its initials, after the degree and its field
            elif not entry.institution and piece == at_place_name and not find_range(piece) \
                    and heading_of(piece) is None and len(piece.split()) <= 6:
                entry.institution = piece
            elif not entry.institution and len(piece.split()) <= 8 and piece[:1].isupper() and kind != "degree" \
                    and not is_body(piece) and not _SUBJECT_GRADES.search(piece) and not _A_GRADE.fullmatch(piece) \
                    and _may_name_school(piece):
                entry.institution = _take_place_text(piece, entry)
        if has_degree and entry.area is None and entry.level != "secondary" and abbreviated(entry.degree) and entry.institution \
                and entry.location:
            bare = entry  # 'PhD., University of California, Santa Barbara.' / 'Computer Science': the field on the line after
            # the school and its place (not after 'State University of New' / 'York at New Paltz', a name the page wrapped)
    for entry in entries:
        if entry.institution and _GENERIC_SCHOOL.fullmatch(entry.institution):
            entry.institution = None  # 'College', 'University/Board': a table's column heading, no school's name
        elif entry.institution and (school := _BOARD_THEN_SCHOOL.fullmatch(entry.institution)):
            entry.institution = school["school"]  # 'CBSE Board (Holy Child Public School)': the board set the exams
    return [e for e in entries if (e.degree or e.institution) and not any(e is u for u in unnamed)]


def _names_no_school(line: str) -> bool:
    """A line whose only school is a bare school word opens no entry: 'University on-line.' ends a sentence the page
    wrapped ('… was taken through East Carolina' / 'University on-line.')."""
    named = institution_name(line)
    return named is not None and _GENERIC_SCHOOL.fullmatch(named) is not None


_BOARD_THEN_SCHOOL = re.compile(rf"(?i).*\bboard\b[^()]*\(\s*(?P<school>[^()]*\b(?:{_SCHOOL_WORDS})\b[^()]*?)\s*\)")
_GENERIC_SCHOOL = re.compile(rf"(?i)(?:the\s+)?(?:{_SCHOOL_WORDS}|board|name)(?:\s*[/&,]\s*(?:{_SCHOOL_WORDS}|board|name))*\s*")


_NAME_AT_PLACE = re.compile(r"(?P<name>[^|•:()]{2,60}?)\s+[-–]\s+(?P<place>[^-–|]+?)(?:\s+[-–])?")
_TRAINING = re.compile(r"(?i)\b(?:trainings?|seminars?|workshops?|bootcamp)\b")
_GIVEN_BY = re.compile(r"\s+(?:conducted|given|organi[sz]ed|offered|provided|run)\s+by\s+(?P<by>[A-Z].*)$")


def _training(text: str, dates: DateRange) -> EducationEntry:
    """A dated training line of the schooling as an entry: what it was, who gave it and when."""
    text = " ".join(strip_piece(text.lstrip(" :|-–—")).rstrip(".").split())
    given = _GIVEN_BY.search(text)
    return EducationEntry(degree=strip_piece(text[:given.start()]) if given else text,
                          institution=strip_piece(given["by"]) if given else None,
                          start=str(dates.start[0]) if dates.start else None, end=str(dates.end[0]) if dates.end else None)


# 'certificate from LinkedIn', 'Diploma Course In Java Technology (DJVT) from NIIT,': the provider ends the line
_PROVIDER = re.compile(r"\bfrom\s+([A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|and|&)){0,6})\s*[,.]?\s*$")


_FIELD_YEAR_SCHOOL = re.compile(rf"^[A-Z][^,:;|]{{2,60}}?\s*,\s*(?:(?i:{MONTH})\.?\s+)?(?:19|20)\d\d\s+[^,]*\b(?i:{_SCHOOL_WORDS})\b")


def _field_opening(line: str) -> str | None:
    """The field of study a line opens with, in title case up to its first comma or colon, when a school follows
    ('Electrical Engineering, 1991: Rutgers University'; but 'Ecole IRIS, 2014' is the school)."""
    first, *rest = re.split(r"\s*[,:;|]\s*|\s+[-–—]\s+", line, maxsplit=1)
    return _field_line(first) if rest and INSTITUTION.search(rest[0]) else None


_MEMBERSHIP = re.compile(r"(?i)\b(?:club|society|association|team|committee|council|union|chapter)$")


def _may_name_school(piece: str) -> bool:
    """A piece with no school word may still name one ('Bond University' aside, 'Ecole IRIS'), but not when it is a
    heading ('QUALIFICATIONS'), a label ('Minor: Youth Studies'), a date ('December 20XX'), a sentence's or a quoted
    title's end ('Computational Intelligence Methods.”') or a numeral ('III.'), text ('the school year'), an honour
    ('First Class Honours') or one word in title case, which is a subject more often than a school ('Mathematics',
    'Commerce')."""
    return (written_as_name(piece) and heading_of(piece) is None and ":" not in piece and not _MEMBERSHIP.search(piece)
            and not piece.rstrip("”\"'’ ").endswith((".", "?", "!")) and not piece.endswith(("”", '"'))  # a quoted thesis's end
            # a list with no school word ('C++, Actionscript', 'Cocos2d-X, Box-2d' from a table's column of skills), unless
            # what follows its comma is a place ('Sciences Po, Paris')
            and not ("," in piece and not INSTITUTION.search(piece) and not parse_place(piece.rsplit(",", 1)[1]))
            and not re.search(rf"(?i)\b{MONTH}\s*(?:19|20)(?:\d\d|xx)\b", piece) and len(re.findall(r"[A-Za-z]{2,}", piece)) > 0
            and not re.fullmatch(r"[IVXivx]+", piece) and not re.fullmatch(r"[A-Z][a-z]+", piece) and not _DISTINCTION.search(piece)
            and (piece.split() or [""])[-1].lower().strip(".,") not in _FIELD_ENDS
            and not (piece.isupper() and len(piece.split()) >= 3)  # 'OTHER SKILLS AND STRENGTHS': a heading; 'MIT' a school
            and not re.match(r"(?i)(?:major(?:ing)?|minor|speciali[sz]ation|concentration|emphasis)\b", piece))


# the words a field of study ends with: 'Physical Science', 'Business Studies', 'Hospitality and Catering', 'Human
# Resources', 'Technology & Policy' name what was studied, not where
_FIELD_ENDS = frozenset("""science sciences studies study technology engineering business commerce management administration
resource resources policy mathematics statistics catering hospitality arts education law specialization specialisation
informatics specialty""".split())
_FIELD_WORDS = _FIELD_ENDS | _DISCIPLINES  # what may end a field before a school's name


# a grade or an honour, no school: 'First Class Honours', "Dean's List", 'Academic Honor Roll'
_DISTINCTION = re.compile(r"(?i)\b(?:honou?rs?|honou?r roll|cum laude|dean'?s list|distinction|first class|merit)\b")


def institution_name(text: str) -> str | None:
    """The school a piece of text names: the run of capitalized words around "University", "College"...

    "Coursework in Social Systems, University of Pennsylvania" -> "University of Pennsylvania";
    "Jawaharlal Nehru Technological University" stays whole; a school and the one it belongs to, written one after
    the other, are one name ("University of Minnesota, School of Kinesiology", "Teachers College, Columbia University").
    """
    # a sentence's end parts too: 'NTUDP (Dnipro Polytechnic National Technical University). Computer engineering'
    parts = [part for part in re.split(r"\s*,\s*|\s*;\s*|(?:(?<=[a-z]{4})|(?<=\)))\.\s+(?=[A-Z])", text) if part.strip()]
    for index, part in enumerate(parts):
        name = _school_in(part)
        if name is None:
            continue
        following = parts[index + 1] if index + 1 < len(parts) else ""
        within = _school_in(following) if following and name == strip_piece(part) else None
        if within and within == strip_piece(following) and not _GENERIC_SCHOOL.fullmatch(name) \
                and not re.search(r"(?i)\bcampus$", within):  # 'Monash University, Clayton Campus': a place
            return f"{name}, {within}"
        return name
    return None


_GRADES_AFTER = re.compile(r"(?i)\s(?=c?gpa\b)")
_SCORE_LABELS = frozenset({"gpa", "cgpa", "cpi", "percentage", "grade", "score", "aggregate", "marks"})


def _school_in(part: str) -> str | None:
    """The run of capitalized words around the school word in one comma-free part of text."""
    words = part.split()
    keys = [i for i, w in enumerate(words) if INSTITUTION.fullmatch(w.strip(".()"))]
    if not keys:
        return None

    def named(word: str) -> bool:
        bare = word.strip(".()'’")
        return bool(bare) and (bare[:1].isupper() or bare[:1].isdigit())

    if words[keys[0]][:1].islower():
        # "St. Joseph's convent school", 'chandigarh university', 'Daffodils college of Arts': written in lower case,
        # the part is the name when only a name follows its school word; text goes on after it or ends a sentence
        # ('the school year.', 'elementary students after school.')
        ends_named = all(w[:1].isupper() or w.lower() in NAME_CONNECTORS for w in words[keys[-1] + 1:]) \
            and not part.rstrip().endswith(".")
        return strip_piece(re.sub(r"^(?:from|at)\s+", "", part.strip())) if len(words) <= 8 and ends_named else None
    start = end = keys[0]
    while start > 0 and (named(words[start - 1]) or words[start - 1].lower() in NAME_CONNECTORS):
        start -= 1
    while end + 1 < len(words) and (named(words[end + 1]) or words[end + 1].lower() in NAME_CONNECTORS
                                    or words[end].lower() == "of" and words[end + 1].lower() in _FIELD_ENDS) \
            and words[end + 1].strip(".:()").lower() not in _SCORE_LABELS:  # 'Mumbai University India GPA: 3.5'
        end += 1  # 'T.J Institute of technology': the field after 'of' is the name's, whatever its case
    while start < keys[0] and words[start].lower() in NAME_CONNECTORS:
        start += 1
    while end > keys[0] and words[end].lower() in NAME_CONNECTORS:
        end -= 1
    name = " ".join(words[start:end + 1])
    if name.count("(") > name.count(")"):  # 'Missouri University of Science and Technology (Rolla, MO)': the place
        name = name[: name.rfind("(")]
    if (place := re.search(r"\s*\(([^()]+)\)$", name)) and parse_place(place.group(1)):
        name = name[: place.start()]  # 'Lodz University of Technology (Poland)'
    name = strip_piece(re.sub(rf"(?i)\b({_SCHOOL_WORDS})\.$", r"\1", name))  # a sentence's end: '… of Kenyatta University.'
    if _MEMBERSHIP.search(name):
        return None  # 'Member of University Tennis Club', 'College Quiz Club': a membership, no school
    if name and len(name.split()) <= 10:
        return name
    return None


def _take_place_text(text: str, entry: EducationEntry) -> str:
    header = Header()
    rest = take_place(text, header)
    if header.places and rest.strip():
        entry.location = entry.location or header.places[0]
        return strip_piece(rest)
    return text
