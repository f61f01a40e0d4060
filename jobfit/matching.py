"""Scoring a profile against a posting, explained; vector similarity picks candidates, the scorer ranks them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from jobfit.schema import JobPosting, Match, MatchComponent, Profile
from jobfit.taxonomy import Taxonomy

LEVELS = ["internship", "entry", "associate", "mid-senior", "director", "executive"]
EDUCATION_LEVELS = ["secondary", "certificate", "associate", "bachelor", "master", "doctorate"]
REQUIRED_WEIGHT, PREFERRED_WEIGHT = 2.0, 1.0


@dataclass(frozen=True)
class Weights:
    """Component weights (they need not sum to 100; scores are normalized by their sum)."""

    skills: float = 45
    experience: float = 20
    education: float = 10
    location: float = 10
    semantic: float = 15
    version: str = "default-1"

    def as_dict(self) -> dict[str, float]:
        return {k: getattr(self, k) for k in ("skills", "experience", "education", "location", "semantic")}


def _skills_component(profile: Profile, job: JobPosting, taxonomy: Taxonomy) -> tuple[float, list[str], list[str], list[str]]:
    have = {s.id: s.name for s in profile.meta.skills}
    wanted = [(s, REQUIRED_WEIGHT) for s in job.meta.required_skills] + [(s, PREFERRED_WEIGHT) for s in job.meta.preferred_skills]
    if not wanted:
        return 50.0, [], [], ["The posting names no skills we recognize, so skills count as neutral."]
    covered = total = 0.0
    matched, missing, partial, exact = [], [], [], set()
    for skill, weight in wanted:
        best, via = 0.0, None
        for own in have:
            closeness = taxonomy.closeness(own, skill.id)
            if closeness > best:
                best, via = closeness, own
        total += weight
        covered += weight * best
        if best >= 1.0:
            matched.append(skill.name)
            exact.add(skill.name)
        elif best > 0:
            matched.append(skill.name)
            partial.append(f"{skill.name} (through {have[via]})")
        elif weight == REQUIRED_WEIGHT:
            missing.append(skill.name)
    reasons = []
    required_names = {s.name for s in job.meta.required_skills}
    got_required = [m for m in matched if m in required_names and m in exact]
    if required_names:
        reasons.append(f"Has {len(got_required)} of {len(required_names)} required skills" + (f": {', '.join(got_required[:6])}." if got_required else "."))
    if partial:
        reasons.append("Partly covered by related skills: " + ", ".join(partial[:4]) + ".")
    if missing:
        reasons.append("Missing required skills: " + ", ".join(missing[:6]) + ".")
    return 100.0 * covered / total, matched, missing, reasons


def _experience_component(profile: Profile, job: JobPosting) -> tuple[float, str | None]:
    years = profile.meta.total_years_experience
    if job.meta.years_required:
        asked = job.meta.years_required
        score = 100.0 * min(1.0, years / asked) if asked else 100.0
        return score, f"{years:g} years of experience against {asked:g} asked."
    if job.meta.seniority:
        gap = abs(LEVELS.index(profile.meta.career_level) - LEVELS.index(job.meta.seniority))
        score = max(0.0, 100.0 - 35.0 * gap)
        if gap == 0:
            return score, f"Career level ({profile.meta.career_level}) fits the {job.meta.seniority} role."
        return score, f"Career level {profile.meta.career_level} against a {job.meta.seniority} role."
    return 70.0, None


def _education_component(profile: Profile, job: JobPosting) -> tuple[float, str | None]:
    asked = job.meta.education_level
    if not asked:
        return 100.0, None
    own = profile.meta.education_level
    if own is None:
        return 40.0, f"The posting asks for a {asked} degree; none was found in the resume."
    gap = EDUCATION_LEVELS.index(asked) - EDUCATION_LEVELS.index(own)
    if gap <= 0:
        return 100.0, f"Education ({own}) meets the {asked} asked."
    return max(20.0, 100.0 - 40.0 * gap), f"Education ({own}) is below the {asked} asked."


def _location_component(profile: Profile, job: JobPosting) -> tuple[float, str | None]:
    if job.remote == "Full":
        return 100.0, "The position is remote."
    job_location = job.location if isinstance(job.location, str) else (job.location.city if job.location else None)
    city = profile.basics.location.city
    if job_location and city and city.lower() in job_location.lower():
        return 100.0, f"Lives in {city}, where the job is."
    if not job_location:
        return 60.0, None
    return 30.0, f"The job is in {job_location}" + (f"; the candidate is in {city}." if city else ".")


def semantic_score(similarity: float) -> float:
    """Cosine similarity of MiniLM vectors mapped to 0-100 (0.1 or less is unrelated, 0.7 or more is the same work)."""
    return float(np.clip((similarity - 0.1) / 0.6, 0.0, 1.0) * 100.0)


def score_match(
    profile_id: str,
    profile: Profile,
    job: JobPosting,
    similarity: float,
    taxonomy: Taxonomy,
    weights: Weights = Weights(),
    computed_at: str | None = None,
) -> Match:
    """The full, explained score of one profile against one posting."""
    skills, matched, missing, reasons = _skills_component(profile, job, taxonomy)
    parts = {"skills": skills}
    for name, (score, reason) in {
        "experience": _experience_component(profile, job),
        "education": _education_component(profile, job),
        "location": _location_component(profile, job),
    }.items():
        parts[name] = score
        if reason:
            reasons.append(reason)
    parts["semantic"] = semantic_score(similarity)
    reasons.append(f"Resume and posting describe {'closely ' if similarity >= 0.5 else ''}similar work (similarity {similarity:.2f})." if similarity >= 0.3 else f"Resume and posting describe different work (similarity {similarity:.2f}).")
    weight_map = weights.as_dict()
    total = sum(parts[k] * weight_map[k] for k in parts) / sum(weight_map.values())
    return Match(
        profile_id=profile_id,
        job_id=job.id,
        tenant=profile.meta.tenant,
        score=round(total, 1),
        components={k: MatchComponent(score=round(v, 1), weight=weight_map[k]) for k, v in parts.items()},
        matched_skills=matched,
        missing_skills=missing,
        reasons=reasons,
        weights_version=weights.version,
        computed_at=computed_at or datetime.now(UTC).isoformat(timespec="seconds"),
    )


def visible(job_tenant: str | None, profile_tenant: str) -> bool:
    """A global posting is visible to every tenant; a tenant's posting only to its own profiles."""
    return job_tenant is None or job_tenant == profile_tenant


def candidate_pairs(
    profile_vectors: np.ndarray,
    profile_tenants: list[str],
    job_vectors: np.ndarray,
    job_tenants: list[str | None],
    per_side: int,
) -> dict[tuple[int, int], float]:
    """Pairs worth full scoring: each profile's nearest postings and each posting's nearest profiles.

    Exact cosine over in-memory vectors; tenant visibility is applied before ranking, so it is exact.
    """
    if len(profile_vectors) == 0 or len(job_vectors) == 0:
        return {}
    similarity = profile_vectors @ job_vectors.T
    allowed = np.array([[visible(jt, pt) for jt in job_tenants] for pt in profile_tenants], dtype=bool)
    masked = np.where(allowed, similarity, -np.inf)
    pairs: dict[tuple[int, int], float] = {}
    k_jobs = min(per_side, masked.shape[1])
    for p, row in enumerate(masked):
        for j in np.argpartition(-row, k_jobs - 1)[:k_jobs]:
            if np.isfinite(row[j]):
                pairs[(p, int(j))] = float(row[j])
    k_profiles = min(per_side, masked.shape[0])
    for j, column in enumerate(masked.T):
        for p in np.argpartition(-column, k_profiles - 1)[:k_profiles]:
            if np.isfinite(column[p]):
                pairs[(int(p), j)] = float(column[p])
    return pairs


def match_all(
    profiles: dict[str, Profile],
    profile_vectors: np.ndarray,
    jobs: dict[str, JobPosting],
    job_vectors: np.ndarray,
    taxonomy: Taxonomy,
    top_n: int = 10,
    min_score: float = 0.0,
    weights: Weights = Weights(),
) -> list[Match]:
    """Top `top_n` postings per profile and top `top_n` profiles per posting, fully scored, above `min_score`.

    `profile_vectors` rows follow `profiles`' order, `job_vectors` rows follow `jobs`' order.
    """
    profile_ids, job_ids = list(profiles), list(jobs)
    computed_at = datetime.now(UTC).isoformat(timespec="seconds")
    pairs = candidate_pairs(
        profile_vectors,
        [profiles[p].meta.tenant for p in profile_ids],
        job_vectors,
        [jobs[j].meta.tenant for j in job_ids],
        per_side=max(50, top_n * 5),
    )
    scored = [
        score_match(profile_ids[p], profiles[profile_ids[p]], jobs[job_ids[j]], sim, taxonomy, weights, computed_at)
        for (p, j), sim in pairs.items()
    ]
    scored = [m for m in scored if m.score >= min_score]
    keep: set[tuple[str, str]] = set()
    for key in ("profile_id", "job_id"):
        groups: dict[str, list[Match]] = {}
        for match in scored:
            groups.setdefault(getattr(match, key), []).append(match)
        for group in groups.values():
            group.sort(key=lambda m: -m.score)
            keep.update((m.profile_id, m.job_id) for m in group[:top_n])
    return sorted((m for m in scored if (m.profile_id, m.job_id) in keep), key=lambda m: (m.profile_id, -m.score))
