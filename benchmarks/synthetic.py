"""Synthetic profiles and postings for the matching benchmarks: skills drawn from the shipped taxonomy by occupation,
so they overlap the way real ones do; career levels, years, education, places, remote flags, salaries; clustered
unit vectors standing in for embedded text (and titles, near their occupation's too)."""

from dataclasses import dataclass

import numpy as np

from jobfit.matching.scoring import EDUCATION_LEVELS, LEVELS
from jobfit.schema import JobPosting, Profile
from jobfit.taxonomy import Taxonomy, load_taxonomy

CITIES = ["Berlin", "Paris", "Austin", "Pune", "Toronto", "Madrid", "Lagos", "Sydney"]
TENANTS = ["acme", "globex", "initech"]


@dataclass
class Synthetic:
    taxonomy: Taxonomy
    profiles: dict[str, Profile]
    jobs: dict[str, JobPosting]
    profile_vectors: np.ndarray
    job_vectors: np.ndarray
    profile_titles: np.ndarray
    job_titles: np.ndarray


def synthetic(n_profiles: int, n_jobs: int, seed: int = 7) -> Synthetic:
    rng = np.random.default_rng(seed)
    taxonomy = load_taxonomy()
    occupations = [o for o in taxonomy.occupations.values() if len(o.essential) >= 8][:200]
    centers = rng.normal(size=(len(occupations), 384)).astype(np.float32)

    def skills(occ, n):
        pool = list(occ.essential) + list(occ.optional)
        return [dict(id=s, name=taxonomy.skills[s].name, category=taxonomy.skills[s].category)
                for s in rng.choice(pool, size=min(n, len(pool)), replace=False) if s in taxonomy.skills]

    def vectors(kinds):
        v = centers[kinds] + rng.normal(scale=1.2, size=(len(kinds), 384)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    p_kind, j_kind = rng.integers(len(occupations), size=n_profiles), rng.integers(len(occupations), size=n_jobs)
    profiles = {f"p{i}": Profile.model_validate(dict(
        basics=dict(name=f"Person {i}", label=occupations[k].title, location=dict(city=CITIES[i % len(CITIES)])),
        meta=dict(tenant=TENANTS[i % 3], document_sha256="0" * 64, schema_version="1", skills=skills(occupations[k], 12),
                  total_years_experience=float(i % 15), career_level=LEVELS[i % 5], education_level=EDUCATION_LEVELS[i % 6],
                  desired_salary=dict(annualized_min=40000.0 + 1000 * (i % 80), currency="USD") if i % 4 == 0 else None)))
        for i, k in enumerate(p_kind)}
    jobs = {f"j{i}": JobPosting.model_validate(dict(
        id=f"j{i}", title=occupations[k].title, location=CITIES[i % len(CITIES)] if i % 3 else None,
        remote="Full" if i % 3 == 0 else "None",
        # one posting in five asks two of its skills as alternatives ('Go or Java'), as a fifth of the shared feeds' do
        meta=dict(tenant=None if i % 10 else TENANTS[i % 3], required_skills=(required := skills(occupations[k], 6)),
                  alternatives=[[s["id"] for s in required[:2]]] if i % 5 == 0 and len(required) > 2 else [],
                  preferred_skills=skills(occupations[k], 3), seniority=LEVELS[i % 6] if i % 2 else None,
                  years_required=float(i % 8) or None, education_level=EDUCATION_LEVELS[i % 6] if i % 4 == 0 else None,
                  salary=dict(annualized_min=45000.0 + 1000 * (i % 70), annualized_max=60000.0 + 1000 * (i % 70),
                              currency="USD" if i % 5 else "EUR") if i % 2 else None)))
        for i, k in enumerate(j_kind)}
    P, J = vectors(p_kind), vectors(j_kind)
    P_title, J_title = vectors(p_kind), vectors(j_kind)
    return Synthetic(taxonomy, profiles, jobs, P, J, P_title, J_title)
