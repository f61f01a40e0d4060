"""Raw postings to analyzed postings: skills, occupation, seniority, salary, remote, employment type."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from jobfit import exchange
from jobfit.occupations import OccupationMatch, OccupationMatcher, clean_title
from jobfit.resumes import DEGREE_LEVELS, title_level
from jobfit.resumes.lexicon import languages_named
from jobfit.resumes.places import countries_of_region, parse_place
from jobfit.salary import parse_salary
from jobfit.schema import JobMeta, JobPosting, NormalizedSkill, SalarySuggestion, Skill
from jobfit.taxonomy import SkillMatcher, SkillMention, wording
from jobfit.text import html_to_text, without_addresses

DEFAULT_TTL_DAYS = 30
# Bump when a change to the analysis changes what it finds: postings analyzed under another version are analyzed again.
# tests/test_versions.py fails when what the sample feed's postings say changes at the same version.
ANALYSIS_VERSION = "32"

# The degrees a posting names, as degrees are written: "Master's degree", "Master of Science",
# "MSc", "BS/MS/PhD", "High School Diploma" — not "master the art of selling", "lands in master" (a git branch), a
# shouted "TO BE CONSIDERED" or an "SSL certificate".
_BEFORE_FIELD = r"(?=\.?\s*(?:/|,|or\b|and\b|degree|in\b|\())"
# an Indonesian level as a posting asks it ('Pendidikan minimal S1', 'Minimal D3/S1'), not an S1 server or D3.js
_INDONESIAN = r"\b(?i:minimal|min\.|pendidikan|lulusan)\s+(?:\w+\s+){{0,2}}?(?:(?-i:D3|D4|S1|S2|SMA|SMK)\s*/\s*)*(?-i:{0})\b"
# a Dutch school level as a Dutch posting asks it ('HBO werk- en denkniveau', 'afgeronde mbo-opleiding', 'HBO/WO'), not
# HBO the network nor VWO the testing tool
_DUTCH = r"\b(?:{0})\b(?=[\s/-]*(?:hbo|wo|mbo|havo|vwo|niveau|opleiding|diploma|werk|bachelor|master)\b)|\bafgeronde\s+(?:{0})\b"
EDUCATION_ASKED = (
    (re.compile(r"\b(?:ph\.?\s?d|doctorate|doctoral degree|doctor of (?:philosophy|science|medicine|education))\b", re.I),
     "doctorate"),
    (re.compile(r"\bmaster['’]s\b|\bmasters?(?=\s+(?:degree|program|in\b|of\s+(?:science|arts|engineering|business|education|"
                r"fine\s+arts|public|laws?|computer)\b))|\b(?:m\.?sc|m\.\s?s\.|mba|m\.?eng|m\.?tech|mca)\b", re.I), "master"),
    (re.compile(rf"\bM\.?S\b{_BEFORE_FIELD}|(?<=/)MS\b"), "master"),
    (re.compile(r"\bbachelor(?:['’]?s)?\b|\b(?:b\.?sc|b\.\s?s\.|b\.\s?a\.|b\.?eng|b\.?tech|b\.?com|bca)\b", re.I), "bachelor"),
    (re.compile(rf"\b(?:B\.\s?E|B\.\s?S|BE|BS|BA)\b{_BEFORE_FIELD}|(?<=/)(?:BS|BA|BE)\b"), "bachelor"),
    # a degree with no level named is a first degree: "a 2:1 degree in Computer Science", "a relevant university degree"
    (re.compile(r"\b(?:a|an|relevant|university|college|undergraduate|(?:four|4)[- ]year|2[:.][12]|first[- ]class|honou?rs)"
                r"\s+(?:(?:university|college|undergraduate|relevant|technical)\s+)?degree\b(?!\s+of\b)", re.I), "bachelor"),
    (re.compile(r"\bassociate(?:['’]s)? (?:degree|of [a-z]+)\b", re.I), "associate"),
    (re.compile(r"\bdiploma\b|\b(?:vocational|trade) certificate\b|\bcertificate (?:in|of)\b", re.I), "certificate"),
    (re.compile(r"\b(?:(?i:high school|secondary school)|GED|HSC|SSC)\b"), "secondary"),
    # as German, French, Spanish and Italian postings ask them: 'abgeschlossenes Studium der Informatik', 'Bac+5',
    # 'Grado en Ingeniería', 'abgeschlossene Ausbildung', 'Abitur'
    (re.compile(r"\b(?:doktorat|doktortitel|promoviert|doctorat|doctorado|dottorato|doutorado)\b", re.I), "doctorate"),
    (re.compile(r"\b(?:masterabschluss|masterstudium|máster|maestría|laurea magistrale|diplôme d['’]ingénieur|mestrado|"
                r"tytu[łl] magistra|ijazah sarjana(?!\s+muda))\b|" + _INDONESIAN.format("S2") + "|"
                r"\bmaster\s+(?:en|de|in)\b|\bbac\s?\+\s?5\b", re.I), "master"),
    (re.compile(r"\b(?:bachelorabschluss|hochschulstudium|hochschulabschluss|universitätsstudium|fachhochschulstudium|"
                r"abgeschlossene[sn]?\s+(?:\w+\s+)?studium|studium\s+(?:der|im\s+bereich|in)|licence\s+(?:en|de|professionnelle)|"
                r"grado\s+(?:en|universitario)|licenciatura|título universitario|laurea|ensino superior|forma[çc][ãa]o superior|"
                r"gradua[çc][ãa]o\s+em|bacharelado|wykszta[łl]cenie\s+wy[żz]sze|ijazah sarjana muda)\b|\bbac\s?\+\s?[34]\b|"
                + _INDONESIAN.format("S1") + "|" + _DUTCH.format("HBO|WO"),
                re.I), "bachelor"),
    (re.compile(r"\bbac\s?\+\s?2\b|\b(?:BTS|DUT)\b|" + _INDONESIAN.format("D3|D4")), "associate"),
    (re.compile(r"\b(?:\w*ausbildung|formation professionnelle|formación profesional|curso técnico|ensino técnico)\b|"
                + _DUTCH.format("MBO"), re.I),
     "certificate"),
    (re.compile(r"\b(?:abitur|baccalauréat|bachillerato|maturità|matura|ensino médio|wykszta[łl]cenie\s+[śs]rednie|"
                r"(?-i:SPM|STPM))\b|" + _INDONESIAN.format("SMA|SMK") + "|"
                + _DUTCH.format("HAVO|VWO"), re.I),
     "secondary"),
)


def education_asked(text: str) -> str | None:
    """The least education a posting accepts: the lowest level its requirements name. 'BS/MS/PhD in Computer Science',
    "Bachelor's degree required, Master's preferred" and 'High School Diploma; a degree is a plus' list what
    qualifies, from the least up; a candidate with the least of them is not short of what is asked."""
    return next((level for pattern, level in _FROM_THE_LEAST if pattern.search(text)), None)


_FROM_THE_LEAST = sorted(EDUCATION_ASKED, key=lambda asked: DEGREE_LEVELS.index(asked[1]))  # the first level found is the least


# Sections about the employer, not the job: benefits, perks, the company, how to apply, equal opportunity.
OFFER_HEADING = re.compile(
    r"\b(benefits?|perks|what we offer|we offer|what you('ll)? get(?! to do\b)|what will you get|what's in it for you|employment package|how we('ll| will) reward you|"
    r"why (join|work)|about (us|the company)|company description|"
    r"about <organization>|about (?!you\b|yourself\b)[A-Z]\w+$|compensation|how to apply|application (procedure|process)|terms of employment|"
    r"equal (opportunit|employment)|our (culture|values|mission|story|(long-term )?vision)|the (company|business)|"
    r"who we are(?! (?:looking|searching|seeking|hiring))|diversity( and inclusion)?|eeoc?( statement)?|interview process|"
    r"why us|why (should you )?apply|"
    # German, French, Spanish, Italian: 'Wir bieten', 'Das bieten wir', 'Nous offrons', 'Ofrecemos', 'Offriamo'
    r"(was |das )?wir bieten|das bieten wir|unser angebot|über uns|nous (vous )?offrons|ce que nous (vous )?offrons|"
    r"avantages|qui sommes-nous|ofrecemos|qué ofrecemos|beneficios|sobre nosotros|offriamo|cosa offriamo|chi siamo|"
    r"benefícios|o que oferecemos|oferecemos|sobre nós|wat (?:wij|we) bieden|wij bieden|arbeidsvoorwaarden|over ons|"
    r"oferujemy|co oferujemy|o nas)\b",
    re.I,
)
# A location that names no place of work but where a remote job may be done from, as remote job boards write it:
# 'Anywhere in the World', 'Worldwide', 'USA Only', 'European timezones'. Anywhere is no restriction (no regions).
_HOME_BASED = r"(?:can\s+)?work(?:ing)?\s+from\s+home|wfh|home[- ]based|telecommut\w*"
REMOTE_SCOPE = re.compile(rf"(?i)\b(?:anywhere|worldwide|world-wide|global(?:ly)?|only|time\s*zones?|(?:utc|gmt)(?:\s*[+-]\s*\d+)?|"
                          rf"{_HOME_BASED})\b")
# two regions of continents ('LATAM, Europe', 'Americas, Europe, Israel'): no one commutes to them
CONTINENT = re.compile(r"(?i)\b(?:emea|apac|latam|americas|europe|asia|africa|oceania|middle east|(?:north(?:ern)?|south(?:ern)?|latin) america)\b")
ANYWHERE = re.compile(r"(?i)(?:anywhere(?: in the world)?|worldwide|world-wide|global(?:ly)?)(?:\s+only)?")
ONLY = re.compile(r"(?i)\s+only$")
_NO_PLACE = re.compile(rf"(?i)(?:(?:fully|100\s?%)\s+)?remote(?:ly)?|{_HOME_BASED}|other\b.*")
# Lines that speak of the hiring process, the law or the perks, whatever section they stand in: an
# equal-opportunity statement names no skill ('... marital status, pregnancy or disability'), nor does a
# deadline, 'opportunities for personal development', a 'personal development stipend' or a run-on 'Job benefits: ... yoga'.
BOILERPLATE_LINE = re.compile(
    r"\b(equal[- ]opportunit\w*|without regard to|regardless of (race|gender|age|religion)|protected veteran|marital status|"
    r"discriminat\w*|(submit|send|upload|receiv\w+|review\w*|process(es)?) (your |the |an? |all )?(online )?applications?|"
    r"deadline for applications|application deadline|"
    r"after the deadline|applications? (received|must be|should be|will be (assessed|screened|considered))|shortlist(ing|ed)|"
    r"(competitive|online|recruitment) application|application (process|procedure|form)|"
    r"we offer|(opportunit(y|ies)|possibilit(y|ies)) for (your )?(personal|professional|career)|support your (personal|professional)|"
    r"(personal|professional|learning|education(al)?|training|conference|career)(\s*(&|and)\s*(personal|professional|career))?"
    r"(\s+(development|growth))?\s+(budget|stipend|allowance|fund)s?|budget for (training|learning|growth|(personal|professional) development)|"
    r"recruitment (process\w*|plan|partner)|recruitment agenc\w*|(are|is) recruiting|be recruited|recruiter call|"
    r"(our|best|right) hiring (decisions?|process(es)?)|"  # the employer's, not a recruiter's 'manage the hiring process'
    r"(want|like) to know more about|have (any )?questions|about your application)\b",
    re.I,
)
# A sentence in which the company says what it is names no skill asked: 'Aha! is a high-growth SaaS company', 'We are
# a FinTech team passionate about …', 'Toptal is a network of … product managers'. It runs to where the sentence turns
# to the hire ('…, however you would need', 'looking for a Senior Rails Developer', 'so we value good writers').
_ROLE_WORD = (r"(?:engineer|developer|manager|designer|analyst|specialist|scientist|consultant|representative|associate|lead|"
              r"director|officer|assistant|administrator|architect|coordinator|role|position|candidate|hire|intern|tester|"
              r"writer|marketer|recruiter|agent|executive|head)s?")
_COMPANY_NOUN = (r"(?:compan(?:y|ies)|start-?ups?|scale-?ups?|platforms?|business(?:es)?|agenc(?:y|ies)|firms?|providers?|leaders?|"
                 r"marketplaces?|teams?|organi[sz]ations?|studios?|consultanc(?:y|ies)|brands?|apps?|products?|services?|networks?|"
                 r"communit(?:y|ies)|solutions?|software|makers?|builders?|publishers?|partners?|pioneers?|players?|innovators?|"
                 r"vendors?|manufacturers?|retailers?|groups?|labs?|hubs?)")
# 'We', 'Our company' or a name (not 'You', 'This', 'The role', 'Senior Engineers'), then 'is a/an/the', and a noun of
# a company before any clause of its own ('… a mob programming environment which means we …' is no company)
_COMPANY_SUBJECT = (r"(?:[Ww]e|[Ww]e['’]re|Our\s+(?:company|team|startup|business)|(?!(?:You|This|That|It|There|The|These|Those|They|"
                    rf"He|She|Experience|Knowledge)\b)[A-Z][\w.&!'’-]*(?:\s+(?!(?i:{_ROLE_WORD})\b)[A-Z][\w.&!'’-]*){{0,3}})")
# or the company names itself, then says what it is: 'We're amazee.io, a ZeroOps application delivery hub', 'We are
# Pixellu, a software company'
_WE_ARE_NAMED = r"(?:[Ww]e['’]re|[Ww]e\s+are)\s+(?:[A-Z][\w.&!'’-]*|[a-z][\w-]*\.[a-z]{2,})(?:\s+[A-Z][\w.&!'’-]*){0,3},"
COMPANY_IS = re.compile(
    rf"(?:^|(?<=[.!?])\s+)[-•*]?\s*(?:(?i:founded in) \d{{4}},?\s+)?(?:{_COMPANY_SUBJECT}\s+(?:is|are|['’]re)|{_WE_ARE_NAMED})"
    rf"\s+(?:a|an|the|one of the)\s"
    rf"(?:(?!\b(?i:which|that|who|whose|where|when|looking|seeking|hiring)\b)[^.!?;:\n]){{0,80}}?\b(?i:{_COMPANY_NOUN})\b")
_COMPANY_IS_END = re.compile(
    r"[.!?](?=\s|$)|[;:]|\s(?:however|but|so|expects?|values?|needs?|wants?|requires?|to join|"
    r"(?:is\s+|are\s+|(?:currently|presently|now)\s+)*(?:looking|seeking|searching|hiring|in search))\b|,?\s+(?:and\s+)?you\b", re.I)
# A sentence that invites the reader to look at the company names no skill asked: 'Follow us on Twitter and LinkedIn',
# 'Check out our GitHub', 'Watch short snippets of our developers … YouTube Playlist', 'Read more on our Substack'.
# It runs to the end of the sentence.
INVITATION = re.compile(
    r"\b(?:follow\s+us\b|(?:find|connect\s+with|like|visit)\s+us\s+(?:on|at)\b|check\s+out\s+our\b|"  # not 'find us in places'
    r"visit\s+our\s+(?:[\w-]+\s+)?(?:web\s*site|site|careers?|blog|page|channel|office|profile)\b|"  # not 'visit our clients'
    r"(?:learn|read|find\s+out|hear)(?:\s+more)?\s+(?:about|on|at)\s+(?:us|our)\b|"
    r"watch\s+(?:this|these|our|short)\s+(?:[\w-]+\s+){0,2}?(?:videos?|snippets|clips|talks|recordings|playlists?)\b)", re.I)
_INVITATION_END = re.compile(r"[.!?](?=\s|$)")
_STACK = frozenset({"programming languages", "frameworks and libraries"})  # what a team that says it writes them asks
# The labels of a posting's parts run into one paragraph ('... pair programming Job benefits: Generous salary ...
# Company description: ... Job description: ...'), as some job boards flatten them.
INLINE_LABEL = re.compile(
    r"\b(?:(?P<offer>company description|about (?:us|the company)|(?:job )?benefits|perks|what we offer)|job description|"
    r"about (?:the role|you)|requirements|responsibilities|qualifications|your (?:profile|tasks|role)|nice to have|job type|"
    r"experience level|role|industry|technologies)(?=\s*:)",
    re.I,
)
HEADING_WORDS = re.compile(
    r"^(job description|description|requirements|qualifications|responsibilities|the role|role|position|about the role|your role|"
    r"about (you|yourself|the (job|role|position|opportunity))|the (job|position|opportunity)|"
    r"job (requirements|summary|overview)|key responsibilities|(minimum|required|preferred|basic|desired) qualifications|"
    r"your (profile|experience|impact|mission|skills|responsibilities)|what you('ll| will) (own|bring|need|be doing)|"
    r"what (we're|we are) looking for|here's what we're looking for|bonus points|considered a plus|"
    r"what you('ll| will) do|who (we are|you are)|skills|technologies|tech stack|nice to have|preferred|"
    r"benefits|perks|what we offer|company description|about us|compensation)\b",
    re.I,
)


_SENTENCE_END = re.compile(r"(?:(?<=[a-z0-9)][.;!?])|(?<=[A-Z]{2}[.;!?]))\s+(?=[A-Z])")  # (after 'SQL.', not 'B.S.')


def _sentences_apart(lines: list[str]) -> list[str]:
    """The lines, with a line that says of one of its sentences that it is preferred cut into its sentences: in
    'Requirements: SQL, Tableau. A degree in statistics preferred.' only the degree is a plus."""
    out = []
    for line in lines:
        out.extend(_SENTENCE_END.split(line) if PREFERRED.search(line) and len(line.split()) > 6 else [line])
    return out


def asked_part(line: str, keep: Sequence[tuple[int, int]] = ()) -> str:
    """The line with what the employer offers or says about itself blanked out, every position kept. A part
    starts at hiring boilerplate or at an inline label of the perks or the company, and runs to the next inline
    label of another part or to the end of the line: '... an engineering mindset We offer a gym' keeps what comes
    before 'We offer', 'Job benefits: yoga Job description: Python' keeps Python. A sentence in which the company
    says what it is goes too (`COMPANY_IS`), and one that invites the reader to look at the company (`INVITATION`),
    but for the `keep` spans in them: the language or framework of 'We are a team of Ruby enthusiasts' is what the
    hire will write."""
    labels = list(INLINE_LABEL.finditer(line)) if ":" in line else []
    starts = sorted({m.start() for m in BOILERPLATE_LINE.finditer(line)} | {m.start() for m in labels if m["offer"]})
    line = _blank_spans(line, [(start, next((m.start() for m in labels if m.start() > start and not m["offer"]), len(line)))
                               for start in starts])
    for said in list(COMPANY_IS.finditer(line)):  # the company saying what it is, to where it turns to the hire
        turn = _COMPANY_IS_END.search(line, said.end())
        line = _blank_keeping(line, said.start(), turn.start() if turn else len(line), keep)
    for invited in list(INVITATION.finditer(line)):  # the reader invited to look at the company, to the sentence's end
        end = _INVITATION_END.search(line, invited.end())
        line = _blank_keeping(line, invited.start(), end.start() if end else len(line), keep)
    return line


def _blank_keeping(line: str, start: int, end: int, keep: Sequence[tuple[int, int]]) -> str:
    """The line with start..end blanked but for the `keep` spans inside it."""
    kept = [(a, b) for a, b in keep if start <= a and b <= end]
    return _blank_spans(line, zip([start, *(b for _, b in kept)], [*(a for a, _ in kept), end], strict=True))


def _blank_spans(line: str, spans: Iterable[tuple[int, int]]) -> str:
    """The line with each (start, end) span replaced by spaces, every other position kept."""
    for start, end in spans:
        line = line[:start] + " " * (end - start) + line[end:]
    return line


_HEADING_TAIL = re.compile(r"[^\w\s:?!.)'’…]+$")  # a heading's emoji: 'About Us 🔁'
_OFFER_LEAD = re.compile(r"^(?:job|our|the|your|pay and|salary and)\s+", re.I)  # 'Job Benefits', 'Pay and benefits'


def _heading_label(line: str) -> str:
    """A line's words as a heading's: without Markdown's marks and a trailing emoji ('## About Us 🔁' -> 'About Us')."""
    return _HEADING_TAIL.sub("", line.strip().strip("*#")).strip()


def _is_heading(line: str) -> bool:
    text = _heading_label(line)
    if not 0 < len(text.split()) <= 6 or text.startswith(("-", "•")):
        return False
    return text.endswith(":") or bool(HEADING_WORDS.match(text)) or (
        len(text.split()) <= 5 and not text.endswith(".")
        and bool(OFFER_HEADING.match(text) or OFFER_HEADING.match(_OFFER_LEAD.sub("", text))))


_FIELD = re.compile(r"^\s*[^:]{1,40}:\s*\w")  # a label and its value on one line ('Location: Remote')


def heads_a_part(lines: list[str], i: int) -> bool:
    """Whether `lines[i]` heads a part of the posting: a heading as `_is_heading` reads one, a label of a few words and
    a colon, a short line over a list ('We like you to know' / '1. Docker') or a short question ('Who would be the right
    fit for us?'); never a list's item. Blank lines are skipped to find the line below."""
    text = lines[i]
    if _ITEM_LEAD.match(text):
        return False
    label = _heading_label(text)
    if _is_heading(text) or (label.endswith(":") and len(label.split()) <= 12) \
            or (label.endswith("?") and len(label.split()) <= 8):
        return True
    below = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].strip()), "")
    return len(_ASIDE.sub("", label).split()) <= 5 and not re.search(r"[.!,;]$", label) and bool(_ITEM_LEAD.match(below))


# What a heading over a posting's list says it lists: the work ('Responsibilities', 'What you'll do', 'Your role', 'As a
# Frontend Developer your main responsibilities will be:') or what the candidate must bring ('Requirements', 'About
# you', 'What we're looking for', 'Nice to have'), in English, German, French and Spanish
_DUTIES_HEADING = re.compile(
    r"\b(responsibilit(y|ies)|duties|tasks|what you('ll| will) (do|be doing|own|work on)|what (will|do) (i|you) do|get to do|"
    r"(your|the) (role|mission|impact)|"
    r"day[- ]to[- ]day|in this (role|position)|the (job|position)|position|you will|you'll|job description|"
    r"aufgaben|deine rolle|ihre rolle|missions?|vos missions|tes missions|responsabilidades|funciones|tareas)\b", re.I)
_ASKS_HEADING = re.compile(
    r"\b(requirements?|qualifications?|what you('ll| will)? (bring|need|have)|what (do|will) (i|you) need|"
    r"you('ll| will) (need|bring)|want from you|what we value|what you know|expertise|(will|should|must) have|"
    r"(what )?we('re| are) looking for|about you|you to know|what it takes|you (should|must) (know|have|be)|"
    r"your (profile|experience|skills|background)|who (you are|are you)|you have|you bring|you:|must[- ]haves?|nice[- ]to[- ]haves?|"
    r"bonus( points)?|skills|experience|(ideal )?candidate( profile)?|(the )?right fit|(be )?successful|(a )?plus|profil|dein profil|ihr profil|anforderungen|"
    r"qualifikationen|profil recherché|requisitos|perfil)\b", re.I)
# an item that tells the perks ('Strong benefit package including a 401k', '23 days of paid vacation'), wherever it stands
_PERK = re.compile(r"(?i)\b(benefits?( package)?|401\s?\(?k\)?|pto|paid (vacation|time off|leave|holidays?)|vacation|"
                   r"health (insurance|benefits)|stock options|equity|salary|salaried|we (pay|cover|offer))\b")
_PRACTICAL_HEADING = re.compile(r"(?:details\s*[/&]\s*|the\s+)?logistics\W*$", re.I)
_WHY_US = re.compile(r"(?i)why\b|the (offer|proposal|package)\b")  # 'Why Close?', 'Why work with us', 'The Offer'
_ITEM_LEAD = re.compile(r"^\s*(?:[-*•·▪◦‣●○■□►✓✔]|\d{1,2}[.)])\s*")
_ASIDE = re.compile(r"\s*\([^)]*\)")  # 'Managing Suppliers (including but not limited to...)'


# a field's name, or a list of them, before the word for a group of people: 'the marketing team', 'the Design, QA,
# Marketing, and Support teams', 'Sales and Account Management teams' (not 'Marketing campaigns for our sales teams')
_TEAM_AFTER = re.compile(r"(?:(?:\s*[,/&]\s*|\s+)(?:(?:and|or)\s+)?(?!(?:for|to|with|of|in|on|at|by|from|our|the|your|their|"
                         r"a|an|who|that|which|is|are|will)\b)[^\W\d_][\w-]*){0,4}?\s+(?:teams?|departments?|org)\b", re.I)


# the skills that are also a company's departments (not a method its teams follow, 'agile teams', nor a craft, 'the
# frontend team')
DEPARTMENTS = frozenset({"marketing", "sales", "sales-activities", "quality-assurance", "customer-success", "account-management",
                         "recruiting", "human-resource-management", "accounting", "payroll", "customer-service",
                         "technical-support", "public-relations", "product-management", "business-development",
                         "procurement", "computer-technology"})
# the words before a team that make it the hire's own to lead ('lead the marketing team', 'build our sales team')
_LEADS_TEAM = re.compile(r"\b(?:lead|leads|leading|manage|manages|managing|head|heading|build|building|run|running|grow|"
                         r"growing|oversee|overseeing|direct|directing|scale|scaling)\W+(?:\S+\W+){0,5}$", re.I)


# the hire working with others, then the capitalized names of those before this one: 'Collaborate with Product
# Management, R&D, UX, and ', 'partner with People Operations and '
_WORKS_WITH = re.compile(r"(?i:\b(?:collaborat|work|partner|liais|coordinat)\w*\s+(?:\w+ly\s+)?with\s+(?:the\s+|our\s+)?)"
                         r"(?:[A-Z][\w&/-]*(?:\s+[A-Z][\w&/-]*)*(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+))*$")
# what may follow a department named so: the list goes on, or the sentence does ('… and Marketing to manage the
# pipeline'); not a noun of its own ('work with Marketing data')
_NAME_ENDS = re.compile(r"\s*(?:$|[,;:.!?)&]|(?:and|or|to|on|in|for|as|at|across|throughout)\b)")


# the things a remote hire's desk needs ('a fast computer, quality internet, camera, microphone, and speakers'): a line
# naming two or more asks for the equipment, not for the knowledge of cameras or computers
_EQUIPMENT = re.compile(r"\b(?:computers?|laptops?|internet|mic|microphones?|headsets?|webcams?|cameras?|speakers|"
                        r"headphones)\b", re.I)
EQUIPMENT_REACH = 40  # characters either side of the mention in which the rest of the list stands


def names_equipment(line: str, mention: SkillMention) -> bool:
    """Whether a mention is a piece of the hire's own equipment in a line that lists it ('a working mic, camera, and a
    headset'), not a skill."""
    near = line[max(0, mention.start - EQUIPMENT_REACH):mention.end + EQUIPMENT_REACH]
    return bool(_EQUIPMENT.fullmatch(mention.text)) and len({w.lower().rstrip("s") for w in _EQUIPMENT.findall(near)}) >= 2


def names_a_team(line: str, mention: SkillMention) -> bool:
    """Whether a department named in a posting names the people who work in it ('Collaborate with the marketing team',
    'Reporting to the Sales department', 'work closely with Business Development and Marketing to manage …'): they
    are whom the hire works with, not a skill asked; not so when the hire leads the team ('Build and manage our sales
    team')."""
    if mention.skill.id not in DEPARTMENTS:
        return False
    if _TEAM_AFTER.match(line, mention.end) is not None:
        return not _LEADS_TEAM.search(line, 0, mention.start)
    return mention.text[:1].isupper() and _WORKS_WITH.search(line, 0, mention.start) is not None \
        and _NAME_ENDS.match(line, mention.end) is not None


def posting_lists(description: str) -> tuple[list[str], list[str]]:
    """The posting's responsibilities and qualifications as its own lists set them out: under a heading of the work
    ('Responsibilities', 'What you'll do') or of what the candidate brings ('Requirements', 'About you', 'Nice to
    have'), up to the next heading, its bulleted items without their bullets, or its lines when nothing there is
    bulleted (the prose around a list, 'Candidates will complete a technical evaluation.', is no item of it), and
    never a perk ('23 days of paid vacation', 'Strong benefit package including a 401k'). A heading
    of anything else ends a list (the perks, 'Why Close?', 'Details', and a part's own heading after the list's items,
    'Managing suppliers', whose items may be anything), as does prose after it; the parts of a heading that lists
    nothing itself ('What You'll Accomplish:' / 'General project management' / '- Keep the team aware of timelines' /
    'Managing Suppliers (including but not limited to...)' / '- ...') are its list. A posting without such headings has
    no lists: its text says what it asks."""
    lines: list[str] = []
    for line in (description or "").split("\n"):
        if line.strip():  # a bullet alone on its line marks the line after it ('-' / 'You are a natural collaborator')
            lines.append(f"{lines.pop()} {line.strip()}" if lines and _ITEM_LEAD.fullmatch(lines[-1]) else line.strip())
    # (the kind of list, its entries with whether each was bulleted, whether it is a part under a heading of the kind)
    blocks: list[tuple[str | None, list[tuple[str, bool]], bool]] = [(None, [], False)]
    for i, text in enumerate(lines):
        label = _heading_label(text)
        item = _ITEM_LEAD.match(text) is not None
        colon = label.endswith(":") and len(label.split()) <= 12
        if heads_a_part(lines, i):
            other = bool(OFFER_HEADING.search(label) or _WHY_US.match(label))
            kind = None if other else "asks" if _ASKS_HEADING.search(label) else "duties" if _DUTIES_HEADING.search(label) else None
            # a part's own heading under a heading of the kind that lists nothing itself and leads straight into its
            # parts ('What You'll Accomplish:' / 'This will include:' / 'General project management' / '- Keep the team
            # aware of timelines'; not 'The role' / 'We are looking for a Senior Engineer.' / 'The mindset we hire
            # for', a part of the posting's own) is of the kind
            parent, entries, in_parts = blocks[-1]
            leads_in = not any(is_item for _, is_item in entries) and (not entries or entries[-1][0].endswith((":", "…")))
            part = (kind is None and parent is not None and (in_parts or leads_in)
                    and not (other or colon or _is_heading(text) or _PERK.search(label)))
            blocks.append((parent if part else kind, [], part))
            continue
        if not item and any(is_item for _, is_item in blocks[-1][1]):
            blocks.append((None, [], False))  # prose after a list ends it ('A Day in the Life', 'Things We All Enjoy!')
        elif blocks[-1][0] is not None and re.search(r"\w", entry := _ITEM_LEAD.sub("", text).strip()) \
                and not _PERK.search(entry):
            blocks[-1][1].append((entry, item))
    out: dict[str, list[str]] = {"duties": [], "asks": []}
    for kind, entries, _ in blocks:
        if kind:
            bulleted = any(is_item for _, is_item in entries)
            out[kind] += [entry for entry, is_item in entries if is_item or not bulleted]
    return out["duties"], out["asks"]


_DEGREE = (r"(?:(?:bachelor|master)(?:['’]?s)?(?:\s+of\s+(?:science|arts|engineering))?(?:\s+degree)?|ph\.?\s?d(?:\s+degree)?"
           r"|m\.?\s?sc|b\.?\s?sc|mba|doctorate|(?:university\s+|college\s+|academic\s+)?degree|diploma)")
# 'Master's degree in Finance or Economics', 'BSc/MSc in Computer Science': a degree asked in a field
# (not 'a high degree of responsibility': an extent)
DEGREE_IN = re.compile(rf"\b{_DEGREE}(?:\s*(?:/|\bor\b|\band\b)\s*{_DEGREE})*\s+in\s+", re.I)
FIELD_JOIN = re.compile(r"^(?:\s*(?:[,/&]|\bor\b|\band\b)\s*|\s+)$", re.I)
SLASHED = re.compile(r"[\w#+.]*\w[#+]*(?:/\.?\w[\w#+.]*)+")
PREFERRED = re.compile(r"\b(nice[- ]to[- ]haves?|preferred|bonus|a plus|pluses|plus:|desirable|ideally|wünschenswert|von vorteil|idealerweise|"
                       r"un plus|un atout|souhaité|souhaitée|apprécié|appréciée|deseable|se valorará|valorable|"
                       r"costituisce un plus|gradit[oa]|desej[aá]vel|diferencial|pré(?!-)|pluspunt|gewenst|mile widzian\w*)(?!\w)", re.I)


def _heads_pluses(line: str) -> bool:
    """Whether a short line that says 'a plus' heads a block of pluses: it opens with the word ('Nice to have', 'Bonus
    points if…', '- nice to have'), ends in a colon ('Big pluses include:'), is a heading ('Considered a plus') or is
    written as one ('Education Preferred'). An item that is a plus itself heads nothing ('- Experience with Kotlin a
    plus', 'MBA preferred' cut from '…a related field; MBA preferred'), nor does an aside ('Ruby on Rails (Rails 6-8
    preferred)')."""
    label = _ITEM_LEAD.sub("", _heading_label(line))
    if len(label.split()) > 6:
        return False
    words = re.findall(r"[^\W\d_]+", label)
    return bool(PREFERRED.match(label)) or label.endswith(":") or _is_heading(line) \
        or (bool(PREFERRED.search(_ASIDE.sub("", label))) and all(w[0].isupper() for w in words if len(w) > 3))


# the years of experience asked: '3+ years of experience', '2 years ICU experience', '5+ years with Python', 'at least 4 years
# in sales', 'minimum of 2 years' (not 'founded 10 years ago', 'a contract for 2 years')
# a number of years as postings write it: '5', '3-5', '2 to 4' (the least is asked), 'three (3)', 'five'
_YEARS_NUMBER = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s*\(\d{1,2}\))?\+?(?:\s*(?:-|–|—|to)\s*\d{1,2}\+?)?\s*"
_YEARS = r"(?:years?|yrs?)\.?"
_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
YEARS_ASKED = re.compile(rf"\b{_YEARS_NUMBER}{_YEARS}(?:'|’)?\s+(?:of\s+)?(?:[A-Za-z/+#-]+(?:\.[A-Za-z]+)*\s+){{0,3}}?(?:experience|exp\b)"
                         rf"|\b(\d{{1,2}})\+\s*{_YEARS}\s+(?:of|with|in|using|working|building|developing|managing)\b"
                         rf"|\b(?:at least|minimum(?: of)?|min\.?)\s+{_YEARS_NUMBER}{_YEARS}(?!\w)"
                         # 'Experience: 7-10 years', 'Experience required: 3 yrs'
                         rf"|\bexperience(?:\s+required)?\s*[:–-]\s*(?:min(?:imum)?\.?\s+)?{_YEARS_NUMBER}{_YEARS}(?!\w)"
                         # German, French, Spanish, Italian, Portuguese, Dutch, Polish: '5 Jahre Berufserfahrung', "3 ans
                         # d'expérience", 'al menos 4 años', '3 anos de experiência', 'minimaal 3 jaar werkervaring',
                         # '5 lat doświadczenia'; and Malay and Indonesian: '2 tahun pengalaman', 'minimal 1 tahun'
                         r"|(\d{1,2})\+?\s*(?:-\s*\d{1,2}\s*)?(?:jahre?n?|ans|años|anni|anos|jaar|lat|lata|tahun)\s+(?:\w+\s+){0,2}?(?:\w*erfahrung|"
                         r"d['’]\s?expérience|de\s+experiencia|di\s+esperienza|de\s+experi[êe]ncia|\w*ervaring|do[śs]wiadczeni\w*|pengalaman)"
                         r"|\b(?:mindestens|au moins|minimum|al menos|mínimo(?:\s+de)?|almeno|pelo menos|no mínimo|minimaal|ten minste|"
                         r"co najmniej|sekurang-kurangnya|minimal)\s+(\d{1,2})\+?\s*(?:jahre?n?|ans|años|anni|anos|jaar|lat|lata|tahun)\b", re.I)
# the employer's own years, said before the figure in its sentence: "We have over 20 years of remote experience",
# "Our team brings 30 years of experience", "The majority of our developers have more than 10 years", "our senior
# developer who has 15 years of experience", "we've been building software for 12+ years", a company "building on
# ten years of experience"
_OWN_YEARS = re.compile(r"(?i)\b(?:we(?:'ve|’ve)?|our(?:[ \t]+(?!you\b|you'll\b|you’ll\b)[a-z]+){1,3}?(?:[ \t]+who)?)[ \t]+"
                        r"(?:have|has|bring|brings|been|boasts?|combine|count)\b[^.!?\n]*$"
                        # "EventMobi is building on ten years of event technology experience"
                        r"|\b(?:building|built|draws?|drawing)\s+on\s+(?:(?:over|almost|nearly|more than)\s+)?$")


# More years than this are the employer's own, however it words them: on the shared feeds all 14 postings that named
# 20 ("Experience Remote done Right. Over 20 years of remote experience, all 500+ staff are 100% remote", "Not for 20+
# years of experience"); postings ask up to 12 there, and a chief architect's '15+ years' is still an ask.
MOST_YEARS_ASKED = 15


def years_asked(text: str) -> float | None:
    """The years of experience a posting asks ('5+ years of experience with Python', 'at least 3 years'), not the
    years the employer claims for itself."""
    return next((years for match in YEARS_ASKED.finditer(text) if (years := _years_of(match, text)) is not None), None)


def _years_of(match: re.Match, text: str) -> float | None:
    """The years a match of YEARS_ASKED in `text` asks; None when the employer claims them for itself or too many."""
    if _OWN_YEARS.search(text[max(0, match.start() - 120):match.start()]):
        return None
    said = next(g for g in match.groups() if g).lower()
    years = float(_NUMBER_WORDS.get(said, said))
    return years if years <= MOST_YEARS_ASKED else None


# as English, German, French, Spanish and Italian postings say them ('Werkstudent', 'Stage de 6 mois', 'CDD', 'Teilzeit',
# 'jornada completa'); the first that a posting names, in this order, is its type
EMPLOYMENT_TYPES = (
    (re.compile(r"\b(?:intern(ship)?|praktikum|praktikant(?:in)?|werkstudent(?:in)?|stagiaire|pr[aá]cticas|becari[oa]|"
                r"tirocinio|est[aá]gio|estagi[aá]ri[oa]|stagiair|sta[żz]|sta[żz]ysta|praktyki|latihan industri|magang)\b"
                r"|\bstage\s+(?:de|d['’]|en)\b", re.I),
     "internship"),
    (re.compile(r"\bvolunteer(ing)?\b|\b(?:ehrenamt\w*|bénévolat|bénévole|voluntariado)\b", re.I), "volunteer"),
    (re.compile(r"\bpart[-_ ]?time\b|\b(?:teilzeit|temps partiel|tiempo parcial|media jornada|tempo parziale|meio[- ]per[ií]odo|"
                r"tempo parcial|deeltijd|(?:cz[eę][śs][ćc]|p[óo][łl])\s+etatu|separuh masa|sambilan|paruh waktu)\b"
                # Australia's and Britain's casual work: hours as needed, none guaranteed
                r"|\bcasual\s+(?:position|role|job|employment|basis|staff|worker|team member)s?\b", re.I), "part-time"),
    # (a 'B2B' contract as Polish postings offer one, not a 'B2B SaaS' company)
    (re.compile(r"\b(contract|contractor|freelance|freiberuflich|freelancer|indépendant|autónomo|pessoa jurídica|zzp|"
                r"umowa zlecenie|(?:kontrakt|umowa)\s+B2B|B2B\s+(?:contract|kontrakt)|kontrak|C2C|corp[- ]to[- ]corp|1099)\b|\(B2B\)", re.I),
     "contract"),
    (re.compile(r"\btemporary\b|\btemp[- ]to[- ](?:hire|perm\w*)\b|\blocum\b|"
                r"\bseasonal\s+(?:position|role|job|employment|work|worker|staff|associate|hire|contract|opportunity)s?\b|"
                r"[-(]\s*seasonal\b|\b(?:befristet\w*|zeitarbeit|CDD|intérim|contrato temporal|tempo determinato|tempor[aá]rio|"
                r"tijdelijk\w*)\b", re.I), "temporary"),
    (re.compile(r"\bfull[-_ ]?time\b|\b(?:vollzeit|temps plein|temps complet|CDI|jornada completa|tiempo completo|tempo pieno|"
                r"tempo integral|per[ií]odo integral|CLT|voltijd|pe[łl]e?n?y?\s+etat|umowa o prac[ęe]|sepenuh masa|penuh waktu)\b",
                re.I), "full-time"),
)

# A kind of work named only to say the job is not it ('Not open to short-term, agency, or contract positions'), work done
# besides it ('freelance for other businesses'), or the contract of employment itself ('This job description is not a
# contract of employment', 'Contract offered: Full time'): none of them says what the job is.
_NOT_THIS_KIND = re.compile(r"\b(?:not|no|nor|never|without)\b[^.;:!?\n]{0,40}$", re.I)
_OTHER_WORK = re.compile(r"\s+(?:for|with)\s+other\s+(?:businesses|companies|clients|employers)\b|\s+(?:elsewhere|on the side)\b", re.I)
_CONTRACT_ITSELF_BEFORE = re.compile(r"(?:employment|job|type\s+of|your)\s+$", re.I)  # 'employment contract', 'type of contract'
_CONTRACT_ITSELF_AFTER = re.compile(r"\s*(?:of\s+employment|offered|type)\b|\s*:", re.I)  # 'contract of employment', 'Contract:'


def employment_type_in(text: str) -> str | None:
    """The kind of employment a text states, the first of `EMPLOYMENT_TYPES` it names as this job's."""
    for pattern, kind in EMPLOYMENT_TYPES:
        for found in pattern.finditer(text):
            before, after = text[max(0, found.start() - 60):found.start()], text[found.end():found.end() + 40]
            if _NOT_THIS_KIND.search(before) or _OTHER_WORK.match(after) or found.group(0).lower() == "contract" and (
                    _CONTRACT_ITSELF_BEFORE.search(before) or _CONTRACT_ITSELF_AFTER.match(after)):
                continue
            return kind
    return None


def analyze_jobs(raws: list[dict], matcher: SkillMatcher, occupations: OccupationMatcher | None = None,
                 ttl_days: int = DEFAULT_TTL_DAYS) -> list[JobPosting]:
    """Analyzed postings; titles normalized to occupations in one batch, with each posting's skills as evidence."""
    readings = [_read(raw, matcher) for raw in raws]
    # which clauses ask for an action, tagged in one pass over the batch: spaCy called once per posting took longer
    # than the tagging (5 ms a posting, a quarter of the analysis, on the shared feeds)
    actions = iter(matcher.abilities.asks_action([clause for reading in readings for *_, clause in reading.clauses]))
    jobs = [_posting(reading, [next(actions) for _ in reading.clauses], matcher, ttl_days) for reading in readings]
    if occupations is None:
        return jobs
    # a posting's skills are evidence only when it has a text beyond its title (the title is scored on its own)
    found = occupations.normalize([job.title or "" for job in jobs], [
        {s.id for s in job.meta.required_skills + job.meta.preferred_skills} if (job.description or "").strip() else set()
        for job in jobs])
    return [_with_occupation(job, occupation) for job, occupation in zip(jobs, found, strict=True)]


def _with_occupation(job: JobPosting, occupation: OccupationMatch | None) -> JobPosting:
    if occupation is None:
        return job
    meta = job.meta.model_copy(update={
        "occupation": occupation.as_meta(), "category": occupation.category,
        "confidence": {**job.meta.confidence, "occupation": occupation.confidence},
    })
    return job.model_copy(update={"meta": meta})


def analysis_key(raw: dict, taxonomy_version: str, ttl_days: int = DEFAULT_TTL_DAYS) -> str:
    """What a posting's analysis depends on: its raw content (not the day it was fetched), the taxonomy, the analysis
    rules and the TTL. Feeds serve an open posting every hour for weeks; while its key stands it is not analyzed again,
    and its analyzed JSON, unchanged, is not scored again by matching."""
    content = json.dumps({k: v for k, v in raw.items() if k != "fetch_date"}, sort_keys=True, default=str)
    return hashlib.sha256(f"{ANALYSIS_VERSION}\n{taxonomy_version}\n{ttl_days}\n{content}".encode()).hexdigest()[:24]


def expiry(raw: dict, ttl_days: int = DEFAULT_TTL_DAYS) -> str | None:
    """When a posting leaves matching: its stated validity, else its publication date + `ttl_days`; a posting that
    states no date counts from the day it was first fetched (`fetch_date`)."""
    if raw.get("valid_through"):
        return str(raw["valid_through"])[:10]
    start = raw.get("date") or raw.get("fetch_date")
    try:
        return (date.fromisoformat(str(start)[:10]) + timedelta(days=ttl_days)).isoformat() if start else None
    except ValueError:
        return None


# What joins skills of which one is enough: 'Go or Java', 'React, Vue, or Angular', 'AWS and/or GCP'
_ONE_OF_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:and\s*/\s*)?or\s*)?", re.I)
_OR = re.compile(r"\bor\b", re.I)


def one_of_groups(line: str, mentions: list) -> list[list[str]]:
    """The skills a line names as alternatives, one of which is enough ('3+ years with Go or Java', 'a frontend
    framework such as React, Vue, or Angular', 'AWS and/or GCP'): runs of skills joined by nothing but commas and 'or',
    an 'or' among the joins, as skill ids in order. Any other word ends a run: in 'Python, SQL and Go or Rust' only Go
    and Rust are alternatives."""
    groups, run, joins = [], [], []

    def close() -> None:
        ids = list(dict.fromkeys(m.skill.id for m in run))
        if len(ids) > 1 and any(_OR.search(join) for join in joins):
            groups.append(ids)

    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if run and m.start < run[-1].end:
            continue  # inside the skill before it
        between = line[run[-1].end:m.start] if run else ""
        if run and _ONE_OF_JOIN.fullmatch(between):
            run.append(m)
            joins.append(between)
            continue
        close()
        run, joins = [m], []
    close()
    return groups


# a line without a number, in figures or words, asks no years (a cheap test before YEARS_ASKED)
_MAY_COUNT_YEARS = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
# what may stand between the years asked and the skill they are asked with: '5+ years of professional development
# experience using C#', '3 years in' — no end of a sentence
_TO_SKILL = re.compile(r"[^.;:!?()\n]{0,60}")
# what joins the skills one number of years is asked with: '5+ years with Python, Django and PostgreSQL'
_LIST_JOIN = re.compile(r"\s*(?:,|/|&|\band\b|\bor\b|,\s*(?:and|or)\b|\band\s*/\s*or\b)?\s*", re.I)


def skill_years(line: str, mentions: list) -> dict[str, float]:
    """The years of experience a line asks with a skill: '5+ years of experience with Python, Django and PostgreSQL'
    asks five of each, '3-5 years of commercial back-end development experience with PHP' three of PHP. The skills
    are the first named inside or soon after the years asked and those joined to it as a list; in '3+ years of Python
    and familiarity with Docker' only Python. Years the employer claims for itself ask nothing (`years_asked`)."""
    out: dict[str, float] = {}
    # (no soft skill: '5+ years of Product Management experience in an independent software vendor' asks no initiative)
    ordered = sorted((m for m in mentions if m.skill.category != "soft skills"), key=lambda m: (m.start, -m.end))
    for match in YEARS_ASKED.finditer(line):
        if (years := _years_of(match, line)) is None:
            continue
        inside = [m for m in ordered if match.start() <= m.start < match.end()]
        after = [m for m in ordered if m.start >= match.end()]
        if after and not _TO_SKILL.fullmatch(line[match.end():after[0].start]):
            after = []
        for run in (inside, after):
            end = run[0].start if run else 0
            for m in run:
                if m.start < end or not _LIST_JOIN.fullmatch(line[end:m.start]):
                    break
                out.setdefault(m.skill.id, years)
                end = m.end
    return out


def _alternatives(one_of: list[tuple[dict, list[str]]], required: dict, preferred: dict, alone_required: set[str],
                  alone_preferred: set[str]) -> list[list[str]]:
    """The posting's groups of alternative skills, from the groups its lines name (`one_of_groups`). Groups that share
    a skill are one. A group with a skill the posting also asks on its own is no group: 'Backend Engineer (Go)' asking
    for 'Go or Java' asks for Go, and Java, which would have done, becomes preferred."""
    merged: list[tuple[dict, list[str]]] = []
    for target, ids in one_of:
        for k, (other_target, other) in enumerate(merged):
            if set(ids) & set(other):
                merged[k] = (required if required in (target, other_target) else preferred, list(dict.fromkeys(other + ids)))
                break
        else:
            merged.append((target, ids))
    out = []
    for target, ids in merged:
        if target is required and alone_required & set(ids):
            for sid in ids:
                if sid not in alone_required and sid in required:
                    preferred.setdefault(sid, required.pop(sid))
        elif target is required or not (alone_required | alone_preferred) & set(ids):
            out.append(ids)
    return out


def _add(target: dict[str, NormalizedSkill], found: list) -> None:
    for skill, said in found:
        entry = target.setdefault(skill.id, NormalizedSkill(id=skill.id, name=skill.name, category=skill.category))
        if said not in entry.evidence:
            entry.evidence.append(said)


def foreign_languages(line: str, matcher: SkillMatcher) -> list[tuple]:
    """(skill, wording) of each spoken language a line names in German, French, Spanish, Italian or Portuguese."""
    named = languages_named(line)
    found = matcher.find_many([english for english, _ in named]) if named else []
    return [(mentions[0].skill, said) for (_, said), mentions in zip(named, found, strict=True)
            if mentions and mentions[0].skill.type == "language"]


def degree_wordings(line: str, mentions: list) -> list[tuple]:
    """(skill, wording) for the fields of a degree asked: 'Master's degree in Finance or Economics' is the
    posting's wording for Finance and for Economics, 'an Engineering degree' for Engineering."""
    out = []
    for degree in DEGREE_IN.finditer(line):
        end, fields = degree.end(), []
        for m in sorted((m for m in mentions if m.start >= degree.end()), key=lambda m: m.start):
            if not FIELD_JOIN.match(line[end:m.start]) and m.start != end:
                break  # the fields are named one after another; other words end them
            end = m.end
            fields.append(m)
        out += [(m.skill, line[degree.start():end]) for m in fields]
    out += [(m.skill, line[m.start:m.end] + " degree") for m in mentions
            if re.match(r"\s+degree\b", line[m.end:], re.I)]
    return out


_LEGAL_FORM = re.compile(r"[\s,]+(?:inc|llc|ltd|limited|gmbh|corp|corporation|co|plc|s\.?a|b\.?v|ag|oy|ab)\.?$", re.I)


def employer_name(company: str | None) -> re.Pattern | None:
    """The employer's name as the posting writes it, without its legal form ('Rainforest QA', 'Hack Reactor, Inc.'); a
    name of one word is left out, as it may be a product the hire works with ('Salesforce')."""
    name = _LEGAL_FORM.sub("", (company or "").strip())
    if len(name.split()) < 2:
        return None
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)")


def in_employer_name(line: str, mentions: list, name: re.Pattern | None) -> list:
    """The mentions that are not a word of the employer's name: 'Hack Reactor is a school', 'the Rainforest QA
    dashboard' name no Hack and no quality assurance."""
    if name is None:
        return mentions
    spans = [(m.start(), m.end()) for m in name.finditer(line)]
    return [m for m in mentions if not any(s <= m.start and m.end <= e and m.end - m.start < e - s for s, e in spans)]


def analyze_job(raw: dict, matcher: SkillMatcher, ttl_days: int = DEFAULT_TTL_DAYS) -> JobPosting:
    """An analyzed posting from a raw job object (JSON Resume job fields or a feed item), keeping its id.

    The occupation is left to `analyze_jobs`, which finds them for a batch with each posting's skills."""
    return analyze_jobs([raw], matcher, ttl_days=ttl_days)[0]


@dataclasses.dataclass
class _Reading:
    """A posting read line by line for the skills it asks, but for which of its clauses ask for an action: spaCy tags
    those for a batch of postings at once."""

    raw: dict
    title: str
    description: str
    full_text: str
    required: dict[str, NormalizedSkill]
    preferred: dict[str, NormalizedSkill]
    clauses: list[tuple[dict, object, str]]  # (required or preferred, skill, the clause that names it)
    one_of: list[tuple[dict, list[str]]]
    alone_required: set[str]
    alone_preferred: set[str]
    years_with: dict[str, float]
    asking: list[str]


def _read(raw: dict, matcher: SkillMatcher) -> _Reading:
    """The skills a posting asks, line by line, and the lines that ask (outside what the employer offers)."""
    title = raw.get("title") or ""
    description = raw.get("description") or ""
    if "<" in description and ">" in description:
        description = html_to_text(description)
    full_text = "\n".join([title, description, *raw.get("qualifications", []), *raw.get("responsibilities", [])])

    required: dict[str, NormalizedSkill] = {}
    preferred: dict[str, NormalizedSkill] = {}
    # web and email addresses blanked: the 'https' of a link to apply names no HTTP skill
    # (blank lines left out: half a feed's lines are, and a part's heading is read with the next line that is not)
    lines = [without_addresses(title)] + [without_addresses(line) for line in (
        *_sentences_apart(description.split("\n")), *raw.get("qualifications", []), *raw.get("responsibilities", []))
        if line.strip()]
    in_preferred_block = in_offer_block = False
    clauses: list[tuple[dict, object, str]] = []
    one_of: list[tuple[dict, list[str]]] = []  # (target, skill ids of which one is enough), line by line
    alone_required: set[str] = set()  # the skills each asks outside any such group
    alone_preferred: set[str] = set()
    years_with: dict[str, float] = {}  # the years of experience asked with a skill ('5+ years of Python')
    asking: list[str] = []  # the lines outside what the employer offers or says about itself
    employer = employer_name(raw.get("company"))
    for n, (line, mentions) in enumerate(zip(lines, matcher.find_many(lines), strict=True)):
        mentions = in_employer_name(line, mentions, employer)
        heading = _is_heading(line)
        if heading:  # (a field, 'Compensation: 100% Commission', says its value and heads nothing below it)
            in_offer_block = bool(OFFER_HEADING.search(line)) and not _FIELD.match(line)
        elif in_offer_block and heads_a_part(lines, n) and not OFFER_HEADING.search(line) \
                and (_ASKS_HEADING.search(line) or _DUTIES_HEADING.search(line)):
            in_offer_block = False  # the company's part ends where a part on the work or the candidate begins
        if PREFERRED.search(_ASIDE.sub("", line)):
            in_preferred_block = True if _heads_pluses(line) else in_preferred_block
        elif heading:
            in_preferred_block = False
        if in_offer_block:
            continue  # what the employer offers or says about itself names no skill asked for
        if _PRACTICAL_HEADING.match(line) and heads_a_part(lines, n):
            continue  # 'Details/Logistics' heads the job's practical terms; its items may still ask ('fluent in English')
        asking.append(line)
        asked = asked_part(line, [(m.start, m.end) for m in mentions if m.skill.category in _STACK])
        if asked != line:
            line, mentions = asked, [m for m in mentions if line[m.start:m.end] == asked[m.start:m.end]]
            if not line.strip():
                continue
        if n:  # not the title: 'Sales Development Representative' asks for sales
            mentions = [m for m in mentions if not names_a_team(line, m) and not names_equipment(line, m)]
        target = preferred if (in_preferred_block or PREFERRED.search(line)) else required
        if n and mentions and _MAY_COUNT_YEARS.search(line):  # not the title; skill_years' pattern is costly
            for sid, years in skill_years(line, mentions).items():
                years_with[sid] = max(years, years_with.get(sid, 0.0))
        groups = one_of_groups(line, mentions)
        one_of += [(target, group) for group in groups]
        grouped = {sid for group in groups for sid in group}
        found = [(m.skill, wording(line, m)) for m in mentions]
        # 'C#/.NET', 'Unix/Linux': the posting's wording keeps the pair (the pattern is tried from every word of a line:
        # a line with no slash is not searched)
        for compound in SLASHED.finditer(line) if "/" in line else ():
            found += [(m.skill, compound.group().rstrip(".")) for m in mentions if compound.start() <= m.start and m.end <= compound.end()]
        if n:  # not the title
            found += degree_wordings(line, mentions)
            found += foreign_languages(line, matcher)  # 'Sehr gute Deutsch- und Englischkenntnisse'
            spans = matcher.abilities.clauses(line)
            found += [(a.skill, a.text) for a in matcher.abilities.find(line, spans)]
            # a skill named inside a clause that asks for an action ('Developing new frontend features'):
            # the clause is the posting's wording of what is asked, kept beside the name once it is tagged
            for start, end in spans:
                if any(m.start == start and m.skill.type == "technology" for m in mentions):
                    continue  # 'React HTML and CSS' names tools; its opening word is no verb of action
                clauses += [(target, m.skill, line[start:end].rstrip(".")) for m in mentions
                            if start <= m.start and m.end <= end and end - start > len(m.text) + 3
                            and m.skill.type != "language"]
        _add(target, found)
        (alone_required if target is required else alone_preferred).update(skill.id for skill, _ in found if skill.id not in grouped)
    return _Reading(raw, title, description, full_text, required, preferred, clauses, one_of, alone_required,
                    alone_preferred, years_with, asking)


def _posting(reading: _Reading, actions: list[bool], matcher: SkillMatcher, ttl_days: int) -> JobPosting:
    """The analyzed posting of a reading, given which of its clauses ask for an action."""
    raw, title, description, full_text = reading.raw, reading.title, reading.description, reading.full_text
    required, preferred, years_with = reading.required, reading.preferred, reading.years_with
    for (target, skill, clause), action in zip(reading.clauses, actions, strict=True):
        if action:
            _add(target, [(skill, clause)])
    alternatives = _alternatives(reading.one_of, required, preferred, reading.alone_required, reading.alone_preferred)
    for skill_id in list(preferred):
        if skill_id in required:
            del preferred[skill_id]

    seniority = title_level(title)
    known = {k: raw[k] for k in ("company", "type", "date", "experience", "responsibilities", "qualifications") if raw.get(k)}
    if not (known.get("responsibilities") or known.get("qualifications")):
        duties, asks = posting_lists(description)
        known.update({k: v for k, v in (("responsibilities", duties), ("qualifications", asks)) if v})
    # the years the qualifications ask, before any the rest of the text names (the founders' '10+ years as CTO')
    years_required = years_asked("\n".join(known.get("qualifications", []))) or years_asked(full_text)
    if seniority is None and years_required is not None:
        seniority = "entry" if years_required < 2 else "associate" if years_required < 5 else "mid-senior"
    education = education_asked("\n".join(reading.asking))
    stated_type = raw.get("type") if isinstance(raw.get("type"), str) else ""
    employment_type = employment_type_in(stated_type) or employment_type_in(full_text)
    location_text = raw.get("location") if isinstance(raw.get("location"), str) else ""
    remote, regions = remote_and_regions(raw.get("remote"), f"{title} {description[:500]}", location_text, full_text)
    # where an on-site or hybrid job is says which dollar "$" is (a remote job's location is where its people may live)
    country = place_country(location_text) if remote != "Full" else None
    # a salary field, else pay the title states ('Executive Assistant (up to $100k per year)'), else the text's
    salary = parse_salary(raw.get("salary") or "", country, field=True) or parse_salary(title, country) \
        or parse_salary(description, country)

    skills = [
        Skill(name=s.name, level="required" if s.id in required else "preferred", keywords=s.evidence)
        for s in [*required.values(), *preferred.values()]
    ]
    return JobPosting(
        id=str(raw["id"]),
        title=title or None,
        description=description or None,
        location=raw.get("location"),
        remote=remote,
        salary=raw.get("salary") if isinstance(raw.get("salary"), str) else None,
        skills=skills,
        **known,
        meta=JobMeta(
            tenant=raw.get("tenant"),
            source_feed=raw.get("feed"),
            canonical_url=raw.get("url"),
            fingerprint=raw.get("fingerprint"),
            expires=expiry(raw, ttl_days),
            salary=salary,
            seniority=seniority,
            years_required=years_required,
            education_level=education,
            employment_type=employment_type,
            regions_allowed=regions,
            required_skills=list(required.values()),
            preferred_skills=list(preferred.values()),
            alternatives=[group for group in alternatives if all(sid in required for sid in group)
                          or all(sid in preferred for sid in group)],
            skill_years={sid: years for sid, years in years_with.items() if sid in required or sid in preferred},
            taxonomy_version=matcher.taxonomy.version,
            analysis_version=ANALYSIS_VERSION,
            confidence={"skills": 0.7 if required else 0.0, "salary": 0.95 if salary else 0.0, "occupation": 0.0},
        ),
    )


# a week split between the office and home, however it is said: 'On-site 3 days a week', 'in the office two days per week',
# '2 days remote', '3 days from home'
_DAYS = r"(?:\d|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:\d|two|three|four))?\s+days?"
SPLIT_WEEK = re.compile(rf"\b(?:on-?site|in[- ]office|in the office|in person|at the office)\s+{_DAYS}\s+(?:a|per|each)\s+week\b"
                        rf"|\b{_DAYS}\s+(?:a|per|each)\s+week\s+(?:in|at|from)\s+(?:the|our)\s+(?:office|studio|site|hq)\b"
                        rf"|\b{_DAYS}\s+(?:a\s+week\s+)?(?:remote(?:ly)?|from home|wfh|at home)\b")
# Remote work as other languages say it: 'remoto' and 'à distance' are remote outright; home office in a German posting,
# télétravail or teletrabajo is some days at home unless the whole week is ('100 % Homeoffice', 'télétravail complet').
_HYBRID_WORDS = re.compile(r"hybrid|\b(?:híbrido|ibrido|hybrydow\w*)\b", re.I)
_REMOTE_WORDS = re.compile(r"remote|\b(?:remoto|fernarbeit|(?:en|à) distance|praca zdalna|zdaln\w+|kerja dari rumah|kerja jarak jauh|"
                           r"100\s?%\s*(?:homeoffice|home-office|télétravail|"
                           r"teletrabajo)|(?:homeoffice|home-office|télétravail|teletrabajo)\s+(?:complet|total|100\s?%))\b", re.I)
_HOME_WORDS = re.compile(r"\b(?:homeoffice|home-office|mobiles arbeiten|télétravail|teletrabajo|smart working)\b", re.I)
# ... and where it says there is none: 'no remote work', 'this is not a remote position', 'Remote nicht möglich',
# 'kein Homeoffice', 'pas de télétravail'
_NO_REMOTE = re.compile(r"\b(?:no\s+|not\s+(?:a\s+)?|non[- ]?|kein(?:e|en)?\s+|pas\s+de\s+|sin\s+|sans\s+)(?:remote|homeoffice|home-office|"
                        r"télétravail|teletrabajo)\w*|\b(?:remote|homeoffice|home-office|télétravail|teletrabajo)\w*\s+(?:work\s+)?"
                        r"(?:is\s+)?(?:not|nicht|no|non|pas)\s+(?:possible|available|möglich|offered|an option|posible)\b",
                        re.I)


# where the text says a remote job's people must be: 'open to candidates in the EU', 'you must be based in the US or
# Canada', 'US-based applicants only', 'Remote (UK only)'
_NAME = r"(?:the\s+)?(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z]\w*)(?:[ -][A-Z]\w*){0,2}"  # 'the United States', 'U.S.', 'EU'
_PLACES = rf"(?P<places>{_NAME}(?:\s*(?:,|/|or|and)\s*{_NAME}){{0,4}})"
_WHO = r"(?:candidates|applicants|people|talent|anyone|everyone|you|residents|engineers|developers|professionals)"
_BASED = r"(?:based|located|living|residing|resident|reside|live)"
# each with words it needs, looked for first: most postings say none of them (0.5 -> 0.3 ms a posting)
REGIONS_ASKED = [(words, re.compile(pattern)) for words, pattern in (
    (("open to", "available to"),
     rf"\b(?:open|available)\s+to\s+{_WHO}\s+(?:who\s+(?:are|live)\s+)?(?:{_BASED}\s+)?(?:in|from|within)\s+{_PLACES}"),
    (("based", "located", "living", "resid", "live"),
     rf"\b(?:{_WHO}|must|should|need\s+to|required\s+to)\s+(?:must\s+)?(?:be\s+)?(?:currently\s+)?{_BASED}\s+(?:in|within)\s+{_PLACES}"),
    (("based",), rf"\b{_PLACES}[- ]based\s+(?:{_WHO}|only)\b"),
    (("to work in",), rf"\b(?i:authori[sz]ed|eligible|permitted|right)\s+to\s+work\s+in\s+{_PLACES}"),
    (("only",), rf"(?i:\bremote)\s*[(,:–—-]\s*{_PLACES}\s+(?i:only)\b"),
)]


def regions_asked(text: str) -> list[str]:
    """The countries or regions a posting's text says its people must be in, each a name `countries_of_region` knows."""
    found: list[str] = []
    lowered = text.lower()
    patterns = [pattern for words, pattern in REGIONS_ASKED if any(word in lowered for word in words)]
    for match in (match for pattern in patterns for match in pattern.finditer(text)):
        for part in re.split(r"\s*(?:,|/|\bor\b|\band\b)\s*", match.group("places")):
            part = re.sub(r"^the\s+", "", part.strip())
            part = part.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.)+", part) else part.rstrip(".")  # 'U.S.' is the US
            if part and countries_of_region(part) is not None and part not in found:
                found.append(part)
    return found


@functools.lru_cache(maxsize=4096)  # a feed repeats its few places
def place_country(location: str) -> str | None:
    """The country (alpha-2) a posting's location names: 'Sydney NSW 2000', 'Toronto, ON', 'Berlin, Germany',
    'Stockholm, Stockholms län, Sweden'; None for none ('Remote', 'Anywhere')."""
    for part in (location, location.rsplit(",", 1)[-1]):
        if part.strip() and (place := parse_place(part)) and place.countryCode:
            return place.countryCode
    return None


def remote_and_regions(stated: str | None, text: str, location: str, body: str = "") -> tuple[str, list[str]]:
    """Full, Hybrid or None (on-site), as stated or read from the text's head and the location, and the regions a
    remote or hybrid job may be done from ('USA Only' -> USA; 'Anywhere in the World' restricts nothing). A remote job
    whose location names no region takes the regions its `body` asks for ('open to candidates in the EU')."""
    remote = stated
    if remote not in ("Full", "Hybrid", "None"):
        lowered = f"{text} {location}".lower()
        continents = len(CONTINENT.findall(location)) >= 2
        scope = REMOTE_SCOPE.search(location) or continents
        # a job done from anywhere in the world, or from two continents, has no office to come in to: it is remote
        # whatever else its text calls the company ('a Hybrid Remote Company' under 'Anywhere in the World')
        everywhere = continents or any(ANYWHERE.fullmatch(part.strip()) for part in re.split(r"[,;/|()–—-]|\bor\b", location))
        lowered = _NO_REMOTE.sub(" ", lowered)
        remote = ("Full" if everywhere
                  else "Hybrid" if _HYBRID_WORDS.search(lowered) or SPLIT_WEEK.search(lowered)
                  else "Full" if _REMOTE_WORDS.search(lowered) or scope else "Hybrid" if _HOME_WORDS.search(lowered) else "None")
    if remote == "None":
        return remote, []
    place = parse_place(location) if location.count(",") == 1 else None
    if place is not None and place.city:  # 'New York, NY', 'Austin, Tx': one place, a city and its state
        return remote, [location.strip()]
    parts = (part.strip() for part in re.split(r"[,;/|]|\bor\b", location))
    # (a part that names no place says how or where not: 'Can Work from Home', 'remotely', 'Other (don’t specify)')
    regions = [ONLY.sub("", part) for part in parts if part and not ANYWHERE.fullmatch(part) and not _NO_PLACE.fullmatch(part)]
    if remote == "Full" and not [region for region in regions if region.lower() != "remote"]:
        regions = regions_asked(body) or regions
    return remote, regions


def job_text(job: JobPosting) -> str:
    """The text that represents a posting for embedding: title (as `clean_title` reads it, seniority off, like the
    profile's), required skills and the description's start."""
    skills = ", ".join(s.name for s in job.meta.required_skills)
    return "\n".join(filter(None, [clean_title(job.title or ""), f"Skills: {skills}" if skills else "", (job.description or "")[:1500]]))


MIN_SALARY_SAMPLE = 5  # stated salaries a suggestion needs


def salary_region(job: JobPosting) -> str:
    """A coarse region for salary comparisons: 'remote', or the last part of the location ('germany')."""
    if job.remote == "Full":
        return "remote"
    location = job.location if isinstance(job.location, str) else ""
    return location.rsplit(",", 1)[-1].strip().lower() or "unknown"


def _salary_keys(job: JobPosting) -> list[tuple[str, tuple]]:
    isco = str((job.meta.occupation or {}).get("isco_group") or "")
    level, region = job.meta.seniority or "any", salary_region(job)
    keys = []
    if isco:
        keys += [(f"occupation group {isco}, {level}, {region}", (isco, level, region)),
                 (f"occupation group {isco}, {level}", (isco, level)), (f"occupation group {isco}", (isco,))]
        keys += [(f"ISCO group {isco[:2]}, {level}", (isco[:2], level)), (f"ISCO group {isco[:2]}", (isco[:2],))]
    return keys


def suggest_salaries(jobs: list[JobPosting], corpus: list[JobPosting]) -> list[JobPosting]:
    """`jobs` with a yearly salary suggestion where none is stated: the middle half (25th-75th percentile)
    of the stated, annualized salaries of postings with the same occupation group, seniority and region,
    widening to coarser groups until MIN_SALARY_SAMPLE postings are found; in the currency most of them state, the
    others converted at the reference rates (jobfit.exchange) where they have one."""
    import numpy as np

    groups: dict[tuple, dict[str, list[float]]] = {}
    for posting in corpus:
        salary = posting.meta.salary
        if not (salary and salary.stated and salary.annualized_min and salary.currency):
            continue
        middle = (salary.annualized_min + (salary.annualized_max or salary.annualized_min)) / 2
        for _, key in _salary_keys(posting):
            groups.setdefault(key, {}).setdefault(salary.currency, []).append(middle)
    out = []
    for job in jobs:
        if job.meta.salary is not None:
            out.append(job)
            continue
        suggestion = None
        for specificity, (basis, key) in enumerate(_salary_keys(job)):
            by_currency = groups.get(key, {})
            currency, _ = max(by_currency.items(), key=lambda kv: len(kv[1]), default=(None, []))
            # in the currency most of them state, the others converted at the reference rates where they have one
            values = [v * rate for c, vs in by_currency.items() if (rate := exchange.convert(1.0, c, currency)) for v in vs]
            if len(values) >= MIN_SALARY_SAMPLE:
                low, high = np.percentile(values, [25, 75])
                confidence = min(1.0, len(values) / 30) * (1 - 0.15 * specificity)
                suggestion = SalarySuggestion(min=round(float(low), -2), max=round(float(high), -2), currency=currency,
                                              sample_size=len(values), basis=basis, confidence=round(confidence, 2))
                break
        out.append(job if suggestion is None else job.model_copy(update={"meta": job.meta.model_copy(update={"salary_suggestion": suggestion})}))
    return out
