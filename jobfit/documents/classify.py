"""Is it a resume, a cover letter, or something else? Rules over signals every resume shares.

Quarantining a real resume hides a candidate, while letting another document through costs one odd
profile, so the rules lean to "resume": any resume signal is enough, unless the text reads as a letter.
"""

from __future__ import annotations

import re

# Section words as headings are written: on their own line in any case, or inline (text that runs on
# without line breaks) capitalized or in capitals.
SECTION_WORDS = ("experience", "education", "skills", "summary", "objective", "qualifications", "certifications",
                 "projects", "employment", "languages")
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


def classify_document(text: str) -> tuple[str, float]:
    """(kind, confidence): kind is resume, cover_letter or other."""
    headings = {m.group(1).lower() for m in HEADING_LINE.finditer(text)} | {m.group(1).lower() for m in HEADING_INLINE.finditer(text)}
    ranges = len(DATE_RANGE.findall(text))
    years = len(set(YEAR.findall(text)))
    contact = bool(CONTACT.search(text))
    letter = len(LETTER.findall(text))
    resume_score = min(len(headings), 4) + min(ranges, 3) + (1 if contact else 0) + (1 if years >= 2 else 0)
    if letter >= 2 and len(headings) <= 1 and ranges == 0:
        return "cover_letter", round(min(1.0, 0.5 + letter / 8), 2)
    if resume_score >= 1:
        return "resume", round(min(1.0, 0.4 + resume_score / 15), 2)
    return "other", 0.7
