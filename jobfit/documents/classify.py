"""Is it a resume, a cover letter, or something else? Rules over signals every resume shares."""

from __future__ import annotations

import re

RESUME_HEADINGS = re.compile(
    r"^\s*(work |professional |employment )?(experience|history)\b|^\s*education\b|^\s*(technical |core |key )?skills\b|"
    r"^\s*(summary|profile|objective|qualifications|certifications|projects|employment)\b",
    re.I | re.M,
)
DATE_RANGE = re.compile(r"(19|20)\d\d\s*(-|–|—|to)\s*((19|20)\d\d|present|current|now)", re.I)
CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|\+?\d[\d ().-]{8,}\d")
LETTER = re.compile(
    r"\bdear\b|\bsincerely\b|\byours (faithfully|truly)\b|\bi am writing\b|\bhiring manager\b|\bcover letter\b|"
    r"\bkind regards\b|\bbest regards\b|\bi would welcome\b|\bthank you for (your|considering)\b",
    re.I,
)


def classify_document(text: str) -> tuple[str, float]:
    """(kind, confidence): kind is resume, cover_letter or other.

    Conservative on purpose: anything with resume structure passes; only clear letters and texts with
    no resume signal at all are held back (an operator can release them).
    """
    headings = len({m.group(0).strip().lower() for m in RESUME_HEADINGS.finditer(text)})
    ranges = len(DATE_RANGE.findall(text))
    contact = bool(CONTACT.search(text))
    letter = len(LETTER.findall(text))
    resume_score = min(headings, 4) + min(ranges, 3) + (1 if contact else 0)
    if resume_score >= 3 or (resume_score >= 2 and letter < 2):
        return "resume", round(min(1.0, 0.5 + resume_score / 16), 2)
    if letter >= 2:
        return "cover_letter", round(min(1.0, 0.5 + letter / 8), 2)
    if resume_score >= 1:
        return "resume", 0.5
    return "other", 0.7
