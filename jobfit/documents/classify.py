"""Is it a resume, a cover letter, a job posting, or something else? Rules over signals every resume shares.

Quarantining a real resume hides a candidate, while letting another document through costs one odd
profile, so the rules lean to "resume": any resume signal is enough, unless the text reads as a letter
or as a job posting. A posting carries the same signals (section headings, years, an address to write
to) but speaks in another voice: an employer ("we", "our team") to the reader ("you will"), where a
resume speaks of its writer, most often without pronouns at all.
"""

from __future__ import annotations

import re
from collections import Counter

# Section words as headings are written: on their own line in any case, or inline (text that runs on
# without line breaks) capitalized or in capitals.
SECTION_WORDS = ("experience", "education", "skills", "skill", "competencies", "summary", "objective", "qualifications",
                 "certifications", "projects", "employment", "languages")
HEADING_LINE = re.compile(r"^\s*(?:[a-z]+ ){0,2}(" + "|".join(SECTION_WORDS) + r")\b\s*:?\s*$", re.I | re.M)
HEADING_INLINE = re.compile(r"\b(" + "|".join(w.capitalize() + "|" + w.upper() for w in SECTION_WORDS) + r")\b")
DATE_RANGE = re.compile(r"(19|20)\d\d\s*(-|–|—|to)\s*((19|20)\d\d|present|current|now)", re.I)
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|\+?\d[\d ().-]{8,}\d")
LETTER = re.compile(
    r"\bdear\b|\bsincerely\b|\byours (faithfully|truly)\b|\bi am writing\b|\bhiring manager\b|\bcover letter\b|"
    r"\bkind regards\b|\bbest regards\b|\bi would welcome\b|\bthank you for (your|considering)\b",
    re.I,
)
# Pronouns of the employer and of the reader; "US" in capitals is a country, "I" only in capitals a pronoun.
# One pass over the text counts the three.
PRONOUNS = re.compile(r"\b(?:(?P<employer>(?i:we|our|ours|we're|we'll|we've)|us)|(?P<reader>(?i:you|your|yours|yourself|"
                      r"you'll|you're|you've))|(?P<writer>I|my|me|I'm|I've))\b")
# What only an employer writes to an applicant.
POSTING = re.compile(
    r"\b(we are|we're) (currently )?(looking|seeking|hiring|searching)\b|\bjoin (our|the|a) ([\w-]+ )?team\b|"
    r"\bjoin us\b|\bwhat (you'll|you will) (do|bring|need)\b|\bwhat we offer\b|\bwe offer\b|"
    r"\babout the (role|job|position|opportunity)\b|\bthe (ideal|successful|right) (candidate|applicant|person)\b|"
    r"\bhow to apply\b|\bapply (now|today|here|online)\b|\bequal (employment )?opportunity employer\b|"
    r"\b(preferred|minimum|basic|required) qualifications\b|\bnice to have\b|\bmust[- ]haves?\b|"
    r"\bjob (type|summary|requirements)\b|\byour (responsibilities|role|profile|tasks)\b|\bwho you are\b|"
    r"\bwhat you bring\b|\byou will\b|\byou'll\b|\byou have\b|\bwe are\b|\bour (team|company|mission|customers|clients)\b",
    re.I,
)
# An employer named in the third person ('Acme is looking for', 'has an exciting opportunity'), and what is asked
# of applicants as such: a posting that does not speak to its reader.
HIRING = re.compile(
    r"\b(?:is|are) (?:currently )?(?:looking for|seeking|searching for|hiring)\b|"
    r"\bhas an? (?:exciting |great |unique )?(?:opportunity|opening)\b|\bjob description\b|\bas an applicant\b|"
    r"\b(?:applicants?|candidates?) (?:must|should|will)\b",
    re.I,
)
_HIRING_WORDS = ("looking for", "seeking", "searching for", "hiring", "opportunity", "opening", "job description",
                 "applicant", "candidate")
# Employer and reader pronouns per word in postings (median 0.045 on 754 real ones) and in resumes (none of
# 641 real resumes, guides to writing one among them, reaches 0.013 while also saying "we" and "you").
POSTING_VOICE = 0.015


def classify_document(text: str) -> tuple[str, float]:
    """(kind, confidence): kind is resume, cover_letter, job_posting or other."""
    headings = {m.group(1).lower() for m in HEADING_LINE.finditer(text)} | {m.group(1).lower() for m in HEADING_INLINE.finditer(text)}
    ranges = len(DATE_RANGE.findall(text))
    years = len(set(YEAR.findall(text)))
    contact = bool(CONTACT.search(text))
    letter = len(LETTER.findall(text))
    resume_score = min(len(headings), 4) + min(ranges, 3) + (1 if contact else 0) + (1 if years >= 2 else 0)
    if letter >= 2 and len(headings) <= 1 and ranges == 0:
        return "cover_letter", round(min(1.0, 0.5 + letter / 8), 2)
    if posting := _posting_voice(text):
        return "job_posting", posting
    if resume_score >= 1:
        return "resume", round(min(1.0, 0.4 + resume_score / 15), 2)
    return "other", 0.7


def kind_named(kind: str) -> str:
    """What a document the classifier did not take for a resume looks like, as a person is told it."""
    return {"cover_letter": "a cover letter", "job_posting": "a job posting"}.get(kind, "not a resume")


def _posting_voice(text: str) -> float:
    """The confidence that the text is a job posting, by its voice; 0.0 when it is not one."""
    said = Counter(match.lastgroup for match in PRONOUNS.finditer(text))
    employer, reader, writer = said["employer"], said["reader"], said["writer"]
    voice = (employer + reader) / max(1, len(text.split()))
    if employer and reader and writer < employer + reader and voice >= POSTING_VOICE:
        if phrases := _phrases(POSTING, text):
            return round(min(1.0, 0.5 + voice * 5 + phrases / 20), 2)
    # in the third person: one of its employer's hiring words and three such phrases in all (two at most in a
    # development resume), with next to no first-person writer
    if writer < 3 and _may_hire(text) and (hiring := _phrases(HIRING, text)):
        if (phrases := hiring + _phrases(POSTING, text)) >= 3:
            return round(min(1.0, 0.5 + phrases / 20), 2)
    return 0.0


def _may_hire(text: str) -> bool:
    """Whether one of the words HIRING is made of is in the text: a test of substrings, far cheaper than the pattern's."""
    lowered = text.lower()
    return any(word in lowered for word in _HIRING_WORDS)


def _phrases(pattern: re.Pattern, text: str) -> int:
    """How many different phrases of the pattern the text holds."""
    return len({match.group(0).lower() for match in pattern.finditer(text)})
