"""Optional resume parsing by an OpenAI-compatible model, validated by the same pydantic models.

The rule-based profile is always computed first and returned whenever the model fails, times out or
answers something that does not validate, so no document is ever lost to the LLM.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from jobfit.resumes import degree_of, merged_years, resume_lines
from jobfit.resumes.provenance import provenance
from jobfit.schema import Basics, Education, Language, NormalizedSkill, Profile, Work
from jobfit.taxonomy import SkillMatcher

PROMPT_VERSION = "resume-1"
SYSTEM_PROMPT = (
    "You extract resumes into JSON Resume fields. Copy values as written in the resume; never invent. "
    "Dates are YYYY-MM or YYYY; leave endDate empty for a current role. studyType is the degree as written "
    "(B.Sc., Master of Arts). skills lists the skill names the resume states."
)


class ResumeExtraction(BaseModel):
    """What the model is asked for: the JSON Resume fields text can support."""

    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)


@dataclass
class LLMOutcome:
    profile: Profile
    used_llm: bool
    cached: bool = False
    error: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0


def cache_key(text: str, model: str) -> str:
    return hashlib.sha256(f"{PROMPT_VERSION}\n{model}\n{text}".encode()).hexdigest()


# The model's answers are filed by whom they are about, so that a candidate's withdrawal finds every one of them,
# whatever model or prompt version wrote it: a resume's extraction under resumes/<sha256 of the text>/, the re-ranking
# of a profile's matches under rerank/<profile id>/; each file is named by the hash of prompt version, model and prompt.
def _resume_folder(cache_dir: Path, text: str) -> Path:
    return cache_dir / "resumes" / hashlib.sha256(text.encode()).hexdigest()


def _rerank_folder(cache_dir: Path, profile_id: str) -> Path:
    return cache_dir / "rerank" / profile_id


def resume_answer_path(cache_dir: Path, text: str, model: str) -> Path:
    return _resume_folder(cache_dir, text) / f"{cache_key(text, model)}.json"


def rerank_answer_path(cache_dir: Path, profile_id: str, key: str) -> Path:
    return _rerank_folder(cache_dir, profile_id) / f"{key}.json"


def erase_answers(cache_dir: Path, texts: Iterable[str], profile_ids: Iterable[str]) -> int:
    """Erase every answer about these texts and profiles, and any answer filed before answers were filed by subject
    (the cache's top level: those cannot be told apart, and a cache costs only a new question). Returns the files gone."""
    folders = [_resume_folder(cache_dir, text) for text in texts] + [_rerank_folder(cache_dir, pid) for pid in profile_ids]
    files = [path for folder in folders if folder.is_dir() for path in folder.glob("*.json")]
    files += list(cache_dir.glob("*.json"))
    for path in files:
        path.unlink(missing_ok=True)
    for folder in folders:
        if folder.is_dir():
            folder.rmdir()
    return len(files)


def _ym(value: str | None) -> tuple[int, int] | None:
    if not value or not value[:4].isdigit():
        return None
    month = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else 1
    return int(value[:4]), max(1, min(12, month))


def merge_extraction(rules: Profile, extraction: ResumeExtraction, matcher: SkillMatcher, model: str, today: date,
                     text: str = "") -> Profile:
    """The model's fields over the rules' profile; skills stay normalized by the taxonomy matcher; the provenance of
    each value is where the document's `text` writes the model's value (the rules' relocation line stays)."""
    profile = rules.model_copy(deep=True)
    profile.basics = extraction.basics
    profile.work = extraction.work or rules.work
    profile.education = extraction.education or rules.education
    for education in profile.education:
        found = degree_of(education.studyType or "")
        education.level = found[1] if found else education.level
    profile.languages = extraction.languages or rules.languages
    known = {s.id for s in profile.meta.skills}
    # a pastime the interests section lists is no skill, whichever parser names it (`resumes.skills.resume_skills`)
    pastimes = {word.lower() for i in rules.interests for word in (i.name, *i.keywords)}
    for mention in matcher.find(", ".join(extraction.skills)):
        if mention.skill.id not in known and mention.text.lower() not in pastimes:
            profile.meta.skills.append(
                NormalizedSkill(id=mention.skill.id, name=mention.skill.name, category=mention.skill.category, evidence=[mention.text])
            )
            known.add(mention.skill.id)
    intervals = [(_ym(w.startDate), _ym(w.endDate)) for w in profile.work if _ym(w.startDate)]
    if intervals:
        profile.meta.total_years_experience = merged_years(intervals, today)
    profile.meta.parser = f"llm:{model}"
    profile.meta.parser_version = f"{rules.meta.parser_version}+{PROMPT_VERSION}"
    if text:
        kept = {k: v for k, v in rules.meta.provenance.items() if k == "relocation"}
        profile.meta.provenance = provenance(profile, resume_lines(text)) | kept
    return profile


def _fallback(rules: Profile, why: str) -> Profile:
    profile = rules.model_copy(deep=True)
    profile.meta.llm_fallback = why
    return profile


def parse_with_llm(
    client,
    model: str,
    text: str,
    rules: Profile,
    matcher: SkillMatcher,
    cache_dir: Path | None = None,
    today: date | None = None,
    timeout_seconds: float = 60.0,
) -> LLMOutcome:
    """Ask the model for the fields (JSON schema output), validate them, merge; the rules' profile on any failure."""
    today = today or date.today()
    tokens = (0, 0)
    cached_file = resume_answer_path(cache_dir, text, model) if cache_dir else None
    try:
        if cached_file and cached_file.exists():
            extraction = ResumeExtraction.model_validate_json(cached_file.read_text())
            return LLMOutcome(merge_extraction(rules, extraction, matcher, model, today, text), used_llm=True, cached=True)
        response = client.chat.completions.create(
            model=model,
            messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": text[:20000]}],
            response_format={
                "type": "json_schema",
                "json_schema": {"name": "resume", "schema": ResumeExtraction.model_json_schema()},
            },
            temperature=0,
            timeout=timeout_seconds,
        )
        content = response.choices[0].message.content or ""
        usage = getattr(response, "usage", None)
        tokens = (getattr(usage, "prompt_tokens", 0) or 0, getattr(usage, "completion_tokens", 0) or 0)
        extraction = ResumeExtraction.model_validate(json.loads(content))
    except (ValidationError, json.JSONDecodeError) as exc:
        return LLMOutcome(_fallback(rules, "invalid"), used_llm=False, error=f"the model's answer did not validate: {str(exc)[:200]}",
                          prompt_tokens=tokens[0], completion_tokens=tokens[1])
    except Exception as exc:  # network errors, timeouts, HTTP 4xx/5xx from any OpenAI-compatible server
        return LLMOutcome(_fallback(rules, "unavailable"),
                          used_llm=False, error=f"the model could not be reached: {type(exc).__name__}: {str(exc)[:200]}")
    if cached_file:
        cached_file.parent.mkdir(parents=True, exist_ok=True)
        cached_file.write_text(extraction.model_dump_json())
    return LLMOutcome(merge_extraction(rules, extraction, matcher, model, today, text), used_llm=True,
                      prompt_tokens=tokens[0], completion_tokens=tokens[1])
