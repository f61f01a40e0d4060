"""The top of a resume: name, current title, contacts, location, profile links."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jobfit.resumes.lexicon import ORG_WORDS, TITLE_EXTRA, split_note, title_score, words_of
from jobfit.resumes.places import misspelt_place, parse_place
from jobfit.resumes.sections import BULLET, DEGREE_LINE, heading_of
from jobfit.schema import Location, Relocation, SocialProfile
from jobfit.text import EMAIL, ENTITIES_ONLY, URL, english

PROFILE_URL = re.compile(
    r"(?:https?://)?(?:[a-z]{2,3}\.)?(?:www\.)?(linkedin\.com|github\.com|gitlab\.com|behance\.net|dribbble\.com|"
    r"stackoverflow\.com|twitter\.com|x\.com|medium\.com|kaggle\.com)/[\w/.%-]+", re.I)
NETWORKS = {"linkedin.com": "LinkedIn", "github.com": "GitHub", "gitlab.com": "GitLab", "behance.net": "Behance",
            "dribbble.com": "Dribbble", "stackoverflow.com": "Stack Overflow", "twitter.com": "Twitter", "x.com": "X",
            "medium.com": "Medium", "kaggle.com": "Kaggle"}
NOT_A_NAME = re.compile(r"\b(resume|résumé|curriculum|vitae|cv|lebenslauf|currículum|template|profile|page|name|examples?|address|phone|"
                        r"mobile|email|e-mail|contacts?|linkedin|objective|summary|confidential|street|road|avenue|room|suite|floor|"
                        r"building|apt|cum laude)\b", re.I)  # a Latin honour: 'Magna Cum Laude' under a degree
# (and what the document is, before the name: 'CV Terrell Nam O'Keefe', 'Resume of Jane Roe', 'Curriculum Vitae - Jane Roe')
NAME_PREFIX = re.compile(r"^(?:name\s*[:\-]\s*|(?:mr|mrs|ms|miss|dr)\.?\s+|(?:resume|résumé|cv|curriculum vitae|biodata)(?:\s+of|\s*[-–:|])?\s+)",
                         re.I)
# what the document is: 'CURRICULUM VITAE', 'Sample resume', 'Education Resume Example - Principal'
# (and in other languages: 'Lebenslauf', 'Tabellarischer Lebenslauf', 'Currículum Vitae', 'Hoja de vida')
DOCUMENT_TITLE = re.compile(r"^\W*(?:curriculum vitae|resume|résumé|cv|vita|biodata|bio-data|(?:tabellarischer\s+)?lebenslauf|"
                            r"currículum(?: vitae)?|hoja de vida)\W*$"
                            r"|^[^@:]{0,40}\b(?:resume|résumé|cv|curriculum vitae)\b(?:\s+(?:example|sample|template)s?\b)?[^@:]{0,30}$",
                            re.I)
JOB_SITE = re.compile(r"\s*-?\s*Email me on Indeed:?.*$|\bindeed\.com/r/\S*", re.I)


@dataclass
class Contacts:
    name: str | None
    label: str | None
    email: str | None
    phone: str | None
    location: Location
    url: str | None
    profiles: list[SocialProfile]


# icons (symbols, emoji and their joiners, a private-use glyph, '�'), never a list's bullet or dash
_LEADING_GLYPHS = re.compile("^(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\uE000-\uF8FF\uFFFD\uFE0F\u200D]\\s*)+")
_NICKNAME = re.compile(r"^[(\"“]([^()\"“”]+)[)\"”]$")


def name_candidate(line: str, roles: frozenset[str]) -> str | None:
    line = _LEADING_GLYPHS.sub("", line.strip())  # an icon before the name ('👤 Jane Roe'), or the '�' of one a font lost
    line = NAME_PREFIX.sub("", line.strip("\"'“”‘’")).strip(" ,|")
    head, *rest = re.split(r"\s*[|•·,]\s*|\s+[-–—]\s+|\s+(?=\d)", line)
    # "Todd Kertzmann, MBA, PMP", "Alix Berge, Ph.D., CRC, Associate Professor": credentials, then maybe a title
    credentials = all(re.fullmatch(r"[A-Z]{2,6}\.?(?:\s*\([A-Z]+\))?|(?:[A-Z][A-Za-z]?\.\s?){2,3}", r.strip())  # 'Ed. D.', 'M.ED.'
                      or title_score(r.strip(), roles) > 0 for r in rest if r.strip())
    if rest and line.count(",") >= 2 and not CONTACT_HINT.search(line) and not credentials:
        return None  # "Java Core, C#, C++" is a list; "Todd Kertzmann, MBA, PMP" a name with credentials
    line = head.strip()  # "Ivan Keeling 87 Some Street", "Jordan Sample | jordan@example.com"
    words = line.split()
    if not 2 <= len(words) <= 5 or NOT_A_NAME.search(line) or heading_of(line) or DEGREE_LINE.match(line):
        return None
    for k, word in enumerate(words):
        if 0 < k < len(words) - 1 and word in _NAME_PARTICLES:
            continue  # 'Nurul Aisyah binti Ahmad', 'Ludwig van Beethoven': a name's small words in lower case
        word = _NICKNAME.sub(r"\1", word)  # 'DUC (BRUCE) NGUYEN', 'Robert "Bob" Smith': a name one goes by, in its brackets
        bare = word.replace("-", "").replace(".", "").replace("'", "").replace("’", "")
        if not bare.isalpha() or not word[:1].isupper():
            return None
    # Surnames are often role nouns (Baker, Miller, Borer, Hand): only the common title words rule a line out.
    lowered = set(words_of(line))
    if lowered & TITLE_EXTRA or lowered & ORG_WORDS or parse_place(line):
        return None
    if sum(len(w.strip(".")) == 1 for w in words) > 2:
        return None
    return line


def _names_before_title(line: str, roles: frozenset[str]) -> list[str]:
    """The first two to four words of a line whose rest reads as a job title ending in a role noun, shortest first."""
    head = re.split(r"\s+[-–—|]\s+|\s*[|•·,]\s*", line.strip())[0]
    words = head.split()
    out = []
    for k in (2, 3, 4):
        rest = words[k:]
        if rest and rest[0][:1].isupper() and rest[-1].lower() in roles and title_score(" ".join(rest), roles) >= 1:
            name = name_candidate(" ".join(words[:k]), roles)
            acronym = words[k - 1].isupper() and not head.isupper()  # 'ESB' opens the title, it ends no name
            if name and not acronym and not set(words_of(name)) & roles:
                out.append(name)
    return out


def _one_word_name(text: str, roles: frozenset[str], is_common, is_skill) -> str | None:
    """A name written as one word ('Tillman', 'Dibbert.V' with an initial): capitalized, and no ordinary word,
    role, place, heading or skill."""
    match = re.fullmatch(r"([A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?)(?:\.[A-Z]\.?)?", text.strip("\"'“”‘’ ,"))
    if not match or is_common is None:
        return None
    word = match.group(1)
    lowered = word.lower()
    if is_common(lowered) or lowered in roles or lowered in TITLE_EXTRA or lowered in ORG_WORDS or heading_of(word) \
            or parse_place(word) or (is_skill and is_skill(word)) or DOCUMENT_TITLE.match(word):
        return None
    return word


def _is_person(texts: list[str]) -> list[bool]:
    return [any(e.label_ == "PERSON" and len(e.text) >= 0.6 * len(doc.text) for e in doc.ents)
            for doc in english().pipe(texts, disable=ENTITIES_ONLY)]


NAME_LABEL = re.compile(r"^\s*(?:full\s+)?name\s*[:\-]\s*(.*)$|^\s*name and (?:title|address|contact details)\s*:?\s*$", re.I)
PHONE_HINT = re.compile(r"\+?\d[\d ().-]{8,}\d")
CONTACT_HINT = re.compile(r"@|\+?\d[\d ().-]{7,}\d|\b(?:street|st\.|road|avenue|ave|lane|drive|box|vic|nsw)\b|\b\d{5}\b", re.I)


def has_phone(text: str) -> bool:
    return any(sum(ch.isdigit() for ch in m.group(0)) >= 9 and not re.search(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d", m.group(0))
               for m in PHONE_HINT.finditer(text))


def find_name(lines: list[str], roles: frozenset[str], is_skill=None, reachable: bool = True, is_common=None) -> str | None:
    """The line near the top that reads as a person's name, or None (anonymized resumes have none).

    "Name: X" (or a form's "NAME AND TITLE") says so. Otherwise a name-shaped line that holds no role noun,
    is not in capitals and names no skill ("BUSINESS DEVELOPMENT LEADER", "Josef Miller", "Java Core" are
    unclear) is taken when it is the first line; then the first line spaCy's entity model calls a person; then
    a clear line right above an address, phone or email; then a clear line among the first three. A document
    with no email or phone anywhere is anonymized: only its first line (below a document title such as
    "CURRICULUM VITAE" or "Sample resume") can be a name. A name run into the headline on the first line
    ("Allen Neal King ESB Integration Developer") is split off when the entity model agrees; a name of one
    word ("Tillman", "Bernier Software-Firmware Engineer") is taken when it is no ordinary word (`is_common`).
    """
    filled = [line for line in lines if line.strip()]
    first = next((i for i, line in enumerate(filled) if not DOCUMENT_TITLE.match(line)), 0)  # below 'CURRICULUM VITAE'
    for index, line in enumerate(filled[:25]):
        labeled = NAME_LABEL.match(BULLET.sub("", line))  # a form's fields may be numbered: '3. Name:'
        if labeled:  # "Name: X", or a form's "Name:" with its value a few lines on
            given = labeled.group(1) or ""
            value = name_candidate(given, roles) if given.strip() else None
            following = (name_candidate(f, roles) for f in filled[index + 1:index + 12])
            found = value or next((n for n in following if n), None)
            if found:
                return found
    candidates = [(i, name) for i, line in enumerate(filled[:15]) if (name := name_candidate(line, roles))]
    if filled[first:] and (not candidates or candidates[0][0] > first):
        # 'Allen Neal King ESB Integration Developer - Cisco Systems': a name run into the headline
        splits = _names_before_title(filled[first], roles)
        persons = [name for name, flag in zip(splits, _is_person(splits), strict=True) if flag] if splits else []
        if persons:
            return persons[-1]  # the longest the entity model calls a person
        # a name of one word, alone on the first line or before the headline ('Bernier Software-Firmware Engineer')
        words = re.split(r"\s+[-–—|]\s+|\s*[|•·,]\s*", filled[first].strip())[0].split()
        alone = len(words) == 1 or (len(words) >= 2 and words[-1].lower() in roles
                                    and title_score(" ".join(words[1:]), roles) >= 1)
        single = _one_word_name(words[0], roles, is_common, is_skill) if words and alone and reachable else None
        if single:
            return single
    if not candidates:
        return None
    def ambiguous(position: int, name: str) -> bool:
        has_role = bool(set(words_of(name)) & roles)  # Porter, Miller, Baker: surnames, or a title's head
        return (has_role and (position > 0 or name.isupper()) or name.isupper() and position > 2
                or bool(is_skill and is_skill(name)))

    clear = [(p, n) for p, n in candidates if not ambiguous(p, n)]
    # the first line, then the one the entity model calls a person, then one right above an address, phone or
    # email, then the top three lines
    if clear and clear[0][0] == 0:
        return clear[0][1]
    if not reachable:  # no contacts anywhere: an anonymized resume, whose name-shaped lines are skills and titles
        return clear[0][1] if clear and clear[0][0] == first > 0 else None  # unless it is the line under the title
    flags = _is_person([n for _, n in candidates])
    person = next((n for (_, n), flag in zip(candidates, flags, strict=True) if flag), None)
    if person:
        return person
    above_contacts = next((n for p, n in clear if p >= first and p + 1 < len(filled) and _contact_line(filled[p + 1])
                           and not _contact_line(filled[p])), None)
    return above_contacts or next((n for p, n in clear if p < 3), None)


def _contact_line(line: str) -> bool:
    """An address, phone or email line ('42 Lanark Street, Clayton', 'Phone: 123-345-7890'), or a place alone."""
    return bool(CONTACT_HINT.search(line) or parse_place(line.split(":")[-1]))


# a degree ("Master of Science in Special Education"), a form's placeholder ("City, State, Zip Code", "Address
# line 1"), a personal detail ("Driver license"), a line a layout cut off ("SKILLS AND", "Optimistic Project Manager
# with a") or a sentence ("Technical excellence to deliver user value", "very top gives you some extra room") names no title
_NO_TITLE = re.compile(r"(?i)^(?:bachelor|master|doctor)'?s?\s+(?:of|in|degree)\b|\b(?:zip|postal) code\b|^address\b|^(?:resume|résumé|cv)\b|"
                       r"\bdriv(?:er|ing)'?s?\s+licen[cs]e\b|(?:\b(?:and|of|with|for|to|in|at|an?|the)|&)$|"
                       r"(?-i:\bto\s+(?!the\b|an?\b)[a-z]{3,}|^[a-z]+(?:\s+\S+){5,})")


# a document titled for the job it seeks: 'Copy Writer CV Resume Template', 'DEVELOPER RESUME', 'Resume Example - Principal'
_DOCUMENT_TITLE = re.compile(r"(?i)^(?:sample\s+(?:of\s+)?)?(?:(?:one|two|three)[- ]page\s+)?(?P<before>.+?)\s+(?:cv\s+)?(?:resume|résumé|cv)(?:\s+(?:template|sample|example))?$"
                             r"|^(?:\w+\s+)?(?:resume|résumé|cv)(?:\s+(?:template|sample|example))?\s*[-–—:]\s*(?P<after>.+)$")


def find_label(lines: list[str], name: str | None, roles: frozenset[str]) -> str | None:
    """The current title the header states ("Software Engineer - Disney", "SOCIAL MEDIA MANAGER"); failing one under the
    name, the title the document is named for ("Copy Writer CV Resume Template")."""
    start = next((i + 1 for i, line in enumerate(lines) if name and name in line), 0)
    end = start + 12  # under a header of personal details ('Age : 23', 'Nationality : French', 'Single') too
    titled = [m["before"] or m["after"] for line in lines[:end] if (m := _DOCUMENT_TITLE.match(line.strip()))]
    # a document named for a job may name it by a word no occupation is named by: 'Advertiser Resume Template'
    return _label_in(lines[start:end], roles) or _label_in(titled, roles) or next((t for t in titled if _AGENT.fullmatch(t)), None)


_AGENT = re.compile(r"(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]{2,}(?:er|or|ist|ian)")


_CREDENTIAL = re.compile(r"(?i)^(?:ph\.?\s?d|m\.?d|j\.?d|ed\.?\s?d|mba|cpa|pmp|esq)\.?\s*,\s*")


# what a headline says after the title: how long ('Mobile Developer with 3 years experience', 'Front-end developer 6
# year experience') or how old ('Embedded Linux Engineer, 23 y.o.')
_AFTER_TITLE = re.compile(r"(?:\s*,\s*|\s+)(?:(?:(?:with|offering|having|bringing)\s+)?(?:over\s+|more\s+than\s+|nearly\s+|almost\s+)?"
                          r"(?:\d+\+?|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*(?:years?|yrs?)\b.*"
                          r"|\d{2}\s*(?:y\.\s?o\.?|years?\s+old)\W*)$", re.I)
_I_AM = re.compile(r"^(?:I\s+am|I'm)\s+(?:an?\s+)?", re.I)
# a headline that says what is sought: 'Desire the Position of Education Administrator', 'Seeking a role as Data Analyst'
_SEEKING = re.compile(r"^(?:I\s+)?(?:desire|desiring|seek|seeking|looking\s+for|applying\s+for)\s+(?:the\s+|a\s+|an\s+)?"
                      r"(?:(?:position|role|post|job)\s+(?:of|as)\s+(?:an?\s+)?)?", re.I)


_NOTE_AFTER = re.compile(r"(?<=\w)\s*\([^()]*\)\s*$")


def _label_in(lines: list[str], roles: frozenset[str]) -> str | None:
    for line in lines:
        line = _NOTE_AFTER.sub("", line)  # 'Registered Nurse (AHPRA: NMW0001234567)': the title before its note
        if EMAIL.search(line) or URL.search(line) or re.search(r"\d{3}", line) or line.endswith(".") or ":" in line:
            continue  # contacts, sentences and "Status: Green Card Holder" are not titles
        if titled := _DOCUMENT_TITLE.match(line.strip()):
            line = titled["before"] or titled["after"]  # 'Education Sales Representative Resume': the title it is named for
        parts = re.split(r"\s{2,}", _AFTER_TITLE.sub("", line))
        if label := next((found for part in parts if (found := _label_of(part.strip(), roles))), None):
            return label  # a headline's columns ('VK, Remote   Developer Unity3D'): the one that is a title
    return None


def _label_of(line: str, roles: frozenset[str]) -> str | None:
    line = _AFTER_TITLE.sub("", _SEEKING.sub("", _I_AM.sub("", line)))  # 'I am a Software Engineer with 6+ years experience'
    if line:
        head = re.split(r"\s+[-–—|]\s+|\s+at\s+(?!law\b)|\s*\|\s*", line, flags=re.I)[0].strip(" ,:")  # 'Attorney at Law' is one title
        head = _CREDENTIAL.sub("", head)  # 'PhD, Attorney at Law': the title after the letters
        words = re.sub(r"\S*\d\S*", " ", head)  # a postcode's 'EH8 9AB' holds no role noun
        first = words.split(",")[0]  # 'Vice President, Sales' opens with its role; 'Versatile, holistic leader' with a quality
        if head and len(head.split()) <= 7 and title_score(words, roles) > 0 and not heading_of(head) \
                and not _NO_TITLE.search(head) and (first == words or title_score(first, roles) > 0):
            return split_note(head)[0]  # the headline without its note: 'PhD student (Computer Science)'
    return None


_CODE = re.compile(r"^[A-Z]{2,3}$")


def find_location(lines: list[str]) -> Location:
    """The first place the contact lines name: "Pune, Maharashtra", "Lafayette, CO 80026", "0467 Oslo"."""
    for line in lines[:40]:
        if re.match(r"^\s*willing to relocate", line, re.I):
            continue
        line = JOB_SITE.sub("", EMAIL.sub(" | ", line))
        for piece in re.split(r"\s*[|•·]\s*|\s+[-–—]\s+|\s{2,}", line):
            parts = [re.sub(r"^\d{4,6}\s+", "", p.strip()) for p in piece.split(",")]
            for k in (3, 2, 1):
                for i in range(len(parts) - k + 1):
                    if k == 1 and len(parts) >= 3 and parts[i].isupper() or len(parts) >= 4 and all(_CODE.match(p) for p in parts[i:i + k]):
                        # an acronym in a list ('PHP, CSS, JavaScript, AJAX, jQuery', 'form (JS, AJAX, PHP)') is no town
                        # (Ajax, Ontario), nor are codes in a list a town and its state ('RN licenses in AZ, PA, FL, MO');
                        # a town written in capitals comes with its region or country ('PUNE, MH, INDIA'), read whole above
                        continue
                    location = parse_place(", ".join(parts[i:i + k]))
                    if location and (location.city or k > 1 or location.region):
                        return location
    return Location()


# "Willing to relocate to: Pune, Maharashtra", "Open to relocation", "(will consider relocating)", "Relocation: Yes";
# and the refusals: "Not willing to relocate", "Unable to relocate", "Relocation: No"
_RELOCATE = re.compile(
    r"(?i)\b(?:(?P<no>(?:not\s+|un)(?:willing|able|open|ready|available)\s+to|cannot|can't|won't|will\s+not)|"
    r"(?:willing|open|able|ready|available|happy|prepared|eager)\s+(?:to|for)|will(?:\s+consider)?|(?:^|(?<=\bI\s))can)"
    r"\s+re-?locat\w*|"
    r"\b(?:relocation|relocate|willing\s+to\s+relocate)\s*[:?]\s*(?:yes|(?P<never>no))\b")
_ANYWHERE = re.compile(r"(?i)^(?:any\s*where|any\s+(?:location|place|city))\b(?:\s+(?:in|within|across)\s+)?")
_PLACES_SPLIT = re.compile(r"\s+[-–—]\s+|\s*[;/|]\s*|\s+or\s+|\s+and\s+")


def find_relocation(lines: list[str]) -> tuple[Relocation, str] | None:
    """What the resume says of moving for a job, with the line it says it on: willing or not, and where to when it names
    places (no place named, or "Anywhere": anywhere). The places of Indeed's "Willing to relocate to:" list are kept even
    when no gazetteer knows them ("hyderbad, Telangana"); after a plain "relocate to" only known places are read."""
    for k, line in enumerate(lines):
        found = _RELOCATE.search(line)
        if not found:
            continue
        said = line.strip()
        rest = line[found.end():]
        while re.search(r"[,-]\s*$", rest) and k + 1 < len(lines) and lines[k + 1].strip():  # a list wrapped onto the next line
            k += 1
            rest, said = f"{rest} {lines[k].strip()}", f"{said} {lines[k].strip()}"
        answer = re.match(r"(?i)\s*[:?]?\s*(yes|no)\b", rest)  # "Willing to relocate: Yes"
        if found.group("no") or found.group("never") or (answer and answer.group(1).lower() == "no"):
            return Relocation(willing=False), said
        if answer:
            return Relocation(willing=True), said
        listed = re.match(r"\s*(?:to\s*)?:\s*", rest)  # "Willing to relocate to: ..."
        rest = re.sub(r"^\s*(?:to|within|in|across)?\s*:?\s*(?:the\s+)?", "", rest).strip(" .)")
        anywhere = _ANYWHERE.match(rest)
        if anywhere:
            rest = rest[anywhere.end():]
        places = []
        for piece in _PLACES_SPLIT.split(rest):
            piece = piece.strip(" .,()")
            place = (parse_place(piece) or misspelt_place(piece)) if piece else None
            if place is None and listed and not anywhere and re.fullmatch(r"[^\W\d_][\w .'-]*(?:,\s*[\w .'-]+)?", piece or "-") \
                    and len(piece.split()) <= 5:
                place = Location(address=piece)
            if place is not None and place not in places:
                places.append(place)
        return Relocation(willing=True, places=places), said
    return None


_PHONE_LABEL = re.compile(r"(?i)\b(?:phone|tel|telephone|mobile|mob|cell|contact|whatsapp)\b|[☎📞📱]")


def find_phone(text: str, region: str, home: str | None = None) -> str | None:
    """The first phone number, read for the settings' region and for the country the resume's address is in (`home`: a
    French resume's '06 12 34 56 78', a British '07911 123456' read with the settings' US region): as E.164 when it is
    valid for either, else as written. Digits run on from letters are a registration or licence number ('AHPRA:
    NMW0001234567'), not a phone."""
    import phonenumbers

    found: list[tuple[int, bool, str]] = []  # (where, valid, the number)
    for reading in dict.fromkeys(filter(None, (region, home))):
        # for the home country only valid numbers: a PIN code ('600121') is a possible Indian number
        leniency = phonenumbers.Leniency.POSSIBLE if reading == region else phonenumbers.Leniency.VALID
        for match in phonenumbers.PhoneNumberMatcher(text, reading, leniency=leniency):
            if match.start and text[match.start - 1].isalpha():
                continue
            number = match.number
            # (a national number outside North America opens with its trunk 0: '06 12 34 56 78', '0415 340 020')
            if not phonenumbers.is_valid_number(number) and home and home != reading and re.match(r"\D*0", match.raw_string):
                try:
                    number = phonenumbers.parse(match.raw_string, home)
                except phonenumbers.NumberParseException:
                    number = match.number
            valid = phonenumbers.is_valid_number(number)
            found.append((match.start, valid, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                          if valid else match.raw_string.strip()))
    # the first number in the text; where both readings found it, the valid one
    return min(found, key=lambda f: (f[0], not f[1]))[2] if found else None


def contact_phone(lines: list[str], region: str) -> str | None:
    """A phone number set apart below the header (a 'CONTACT' sidebar, a footer): valid for its region, and labelled as
    one or most of its line, so that a referee's number in a sentence or a date range read as digits is none."""
    import phonenumbers

    for line in lines:
        digits, labelled = sum(c.isdigit() for c in line), _PHONE_LABEL.search(line)
        if digits < 7 or len(line) > 120 or not labelled and 3 * digits < len(line.strip()):
            continue  # no number, no contact line, or too little of it to be one alone (the matcher costs 2 ms a resume)
        for match in phonenumbers.PhoneNumberMatcher(line, region, leniency=phonenumbers.Leniency.VALID):
            if labelled or 2 * len(match.raw_string) >= len(line.strip()):
                return phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
    return None


def find_profiles(text: str) -> list[SocialProfile]:
    """The social profiles (LinkedIn, GitHub...) a resume links to, one per network."""
    profiles: dict[str, SocialProfile] = {}
    for match in PROFILE_URL.finditer(text):
        raw = match.group(0).rstrip(".,/")
        network = NETWORKS[match.group(1).lower()]
        url = raw if raw.lower().startswith("http") else "https://" + raw
        username = raw.rstrip("/").rsplit("/", 1)[-1]
        profiles.setdefault(network, SocialProfile(network=network, url=url, username=username))
    return list(profiles.values())


# 'Website: …', 'Portfolio - …', 'Visit my web site : …', or the word alone on the line above ('SOCIAL', 'Links'):
# a label that says the address is the candidate's own
_SITE_WORD = r"(?:web\s*site|www|web|home\s*page|portfolio|blog|personal\s+(?:site|page|website))"
_SITE_LABEL = re.compile(rf"(?i)(?:^|\s){_SITE_WORD}(?:\s+(?:link|url|address))?\s*[:\-–|]")  # 'Blog Link: …'
_SITE_HEADING = re.compile(rf"(?i)\W*(?:{_SITE_WORD}|links|social|online)\W*")
NEAR_EMAIL = 3  # lines either side of the email line that still belong to the contact details
CONTACT_WORDS = 3  # words besides the address on a line of contact details ("Improved search on www.google.com" is more)


def find_url(header: list[str], text: str, email: str | None) -> str | None:
    """The candidate's own web address: the first among the contact lines at the top, else beside the email, else on a
    line that labels it ('Portfolio - …'). An address elsewhere is an employer's, a school's, a publication's or the
    template maker's ('© … www.dayjob.com'), not the candidate's."""
    lines = [line for line in text.split("\n") if line.strip()]

    def beside_email() -> list[str]:
        # a short line beside the email wherever it is written (two resumes in one file, a contact box at the end);
        # not a sentence, such as a template's notice that ends '… please email: …'
        return [line for at, line in enumerate(lines) if len(URL.sub("", line).split()) <= CONTACT_WORDS and any(
            email in near for near in lines[max(0, at - NEAR_EMAIL): at + NEAR_EMAIL + 1])] if email else []

    def labeled() -> list[str]:
        return [line for at, line in enumerate(lines) if _SITE_LABEL.search(line) or at and _SITE_HEADING.fullmatch(lines[at - 1])]

    for group in (lambda: header, beside_email, labeled):  # read only as far as an address is found
        for match in URL.finditer("\n".join(group())):
            url = match.group(0).rstrip(".,")
            if not PROFILE_URL.search(url) and "indeed.com" not in url.lower() and not EMAIL.search(url):
                return url if url.lower().startswith("http") else "http://" + url
    return None


# the small words of a name that stay in lower case ('Ludwig van Beethoven', 'Maria da Silva')
_NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "du", "da", "di", "do", "dos", "das", "del", "della", "la", "le", "bin", "binti",
                             "bte", "bt", "bint", "ibn", "al", "ter", "ten", "y"})


def name_case(name: str) -> str:
    """A name shouted in capitals as a name is written ('ANNA KOWALSKA' -> 'Anna Kowalska', "SEAN O'NEIL-SMITH" ->
    "Sean O'Neil-Smith"); a name with any small letter stays as written ('McDonald', 'DeShawn')."""
    if not name.isupper():
        return name
    words = name.lower().split()
    return " ".join(word if k and word in _NAME_PARTICLES else re.sub(r"(^|[-'’(])(\w)", lambda m: m.group(1) + m.group(2).upper(), word)
                    for k, word in enumerate(words))


def contacts(header: list[str], text: str, roles: frozenset[str], region: str, contact_lines: list[str] | None = None,
             is_skill=None, is_common=None) -> Contacts:
    email = EMAIL.search(text)
    reachable = bool(email) or has_phone(text)  # an anonymized resume has no contacts anywhere
    name = find_name(header, roles, is_skill, reachable, is_common) or \
        find_name(text.split("\n")[:15], roles, is_skill, reachable, is_common)
    location = find_location(contact_lines or header)
    return Contacts(
        name=name,
        label=find_label(header, name, roles),
        email=email.group(0) if email else None,
        # the header's, else one in a contact section or a footer ('CONTACT' set apart in a sidebar)
        phone=find_phone("\n".join(header) or text[:2000], region, location.countryCode) or contact_phone((contact_lines or [])[len(header):], region),
        location=location,
        url=find_url(header, text, email.group(0) if email else None),
        profiles=find_profiles(text),
    )
