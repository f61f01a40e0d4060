"""Optional LLM re-ranking and explanation of a profile's best few matches, under a cost cap.

The rule-based score and reasons are always computed first. The model is shown the profile and the
top postings with their rule-based components, and asked for a fit (0-100) and one sentence per
posting; its fit becomes the `llm` component, weighted as much as all the others together (so the
total is the mean of the rule-based total and the model's fit), and its sentence is added to the
reasons. Any failure, an answer that does not validate, or a spent budget leaves the rule-based
matches exactly as they were.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from jobfit.llm import rerank_answer_path
from jobfit.matching.scoring import COMPONENTS
from jobfit.schema import JobPosting, Match, MatchComponent, Profile

PROMPT_VERSION = "rerank-1"
SYSTEM_PROMPT = (
    "You are a recruiter. For each job, judge how well the candidate fits it from the candidate's roles, "
    "skills and education, and the job's title and requirements. Answer with a fit from 0 to 100 and one "
    "plain sentence a recruiter would accept, naming the evidence. Use only the job ids given."
)


class JobFit(BaseModel):
    job_id: str
    fit: int = Field(ge=0, le=100)
    explanation: str = Field(min_length=1, max_length=400)


class Reranking(BaseModel):
    jobs: list[JobFit]


@dataclass
class Budget:
    """A cap on what re-ranking may spend, in US dollars, at the configured prices per million tokens."""

    cap_usd: float
    input_usd_per_million: float = 0.0
    output_usd_per_million: float = 0.0
    spent_usd: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    errors: list[str] = field(default_factory=list)

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        return (prompt_tokens * self.input_usd_per_million + completion_tokens * self.output_usd_per_million) / 1e6

    def allows(self, prompt: str, expected_completion_tokens: int) -> bool:
        """Whether a call with this prompt (about 4 characters a token) fits in what is left."""
        return self.spent_usd + self.cost(len(prompt) // 4, expected_completion_tokens) <= self.cap_usd

    def record(self, prompt_tokens: int, completion_tokens: int) -> None:
        self.calls += 1
        self.prompt_tokens += prompt_tokens
        self.completion_tokens += completion_tokens
        self.spent_usd += self.cost(prompt_tokens, completion_tokens)


def _profile_brief(profile: Profile) -> str:
    lines = [f"Title: {profile.basics.label or '-'}", f"Years of experience: {profile.meta.total_years_experience:g}"]
    lines += [f"Role: {w.position or '-'} at {w.name or '-'} ({w.startDate or '?'} to {w.endDate or 'now'})" for w in profile.work[:5]]
    lines += [f"Education: {' '.join(filter(None, [e.studyType, e.area, e.institution]))}" for e in profile.education[:3]]
    lines.append("Skills: " + ", ".join(s.name for s in profile.meta.skills[:40]))
    if profile.basics.summary:
        lines.append("Summary: " + profile.basics.summary[:600])
    return "\n".join(lines)


def _job_brief(match: Match, job: JobPosting) -> str:
    required_ids = {s.id for s in job.meta.required_skills}
    required = ", ".join([" or ".join(s.name for s in ask) for ask in job.meta.asks() if ask[0].id in required_ids][:20])
    parts = ", ".join(f"{name} {c.score:.0f}" for name, c in match.components.items())
    return f"job_id: {job.id}\nTitle: {job.title}\nRequired: {required or '-'}\nRule-based components: {parts}"


def rerank(client, model: str, profile: Profile, matches: list[Match], jobs: dict[str, JobPosting], budget: Budget,
           top: int = 5, cache_dir: Path | None = None, timeout_seconds: float = 60.0) -> list[Match]:
    """The profile's matches with the best `top` re-scored by the model (best first); the input unchanged on any failure."""
    ranked = sorted(matches, key=lambda m: -m.score)
    head, tail = ranked[:top], ranked[top:]
    if not head:
        return ranked
    prompt = "Candidate:\n" + _profile_brief(profile) + "\n\nJobs:\n" + "\n\n".join(_job_brief(m, jobs[m.job_id]) for m in head)
    key = hashlib.sha256(f"{PROMPT_VERSION}\n{model}\n{prompt}".encode()).hexdigest()
    cached = rerank_answer_path(cache_dir, head[0].profile_id, key) if cache_dir else None
    try:
        if cached and cached.exists():
            answer = Reranking.model_validate_json(cached.read_text())
        else:
            if not budget.allows(SYSTEM_PROMPT + prompt, 60 * len(head)):
                budget.errors.append("budget spent")
                return ranked
            response = client.chat.completions.create(
                model=model,
                messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": prompt}],
                response_format={"type": "json_schema", "json_schema": {"name": "reranking", "schema": Reranking.model_json_schema()}},
                temperature=0,
                timeout=timeout_seconds,
            )
            usage = getattr(response, "usage", None)
            budget.record(getattr(usage, "prompt_tokens", 0) or 0, getattr(usage, "completion_tokens", 0) or 0)
            answer = Reranking.model_validate(json.loads(response.choices[0].message.content or ""))
            if cached:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(answer.model_dump_json())
    except (ValidationError, json.JSONDecodeError) as exc:
        budget.errors.append(f"the model's answer did not validate: {str(exc)[:200]}")
        return ranked
    except Exception as exc:  # network errors, timeouts, HTTP errors from any OpenAI-compatible server
        budget.errors.append(f"the model could not be reached: {type(exc).__name__}: {str(exc)[:200]}")
        return ranked
    fits = {j.job_id: j for j in answer.jobs}
    rescored = []
    for match in head:
        judged = fits.get(match.job_id)
        if judged is None:  # the model skipped it (or named a job it was not shown): the rule-based match stands
            rescored.append(match)
            continue
        rule_weight = sum(match.components[name].weight for name in COMPONENTS if name in match.components)
        rescored.append(match.model_copy(update={
            "score": round((match.score + judged.fit) / 2, 1),
            "components": {**match.components, "llm": MatchComponent(score=float(judged.fit), weight=rule_weight)},
            "reasons": [*match.reasons, f"The model's view ({model}): {judged.explanation}"],
        }))
    return sorted(rescored + tail, key=lambda m: -m.score)
