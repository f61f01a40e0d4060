"""Matching: vector similarity picks candidates, the full scorer ranks and explains them.

`candidates` finds each profile's nearest postings (and each posting's nearest profiles) by exact cosine,
`scoring` scores those pairs on every component at once and explains the ones kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import numpy as np

from jobfit.matching.candidates import nearest_postings, nearest_profiles, posting_typicals, visible
from jobfit.matching.scoring import (
    Coverage,
    JobSide,
    PairScores,
    ProfileSide,
    Titles,
    Weights,
    asked_closeness,
    explain,
    load_weights,
    score_pairs,
)
from jobfit.matching.state import PostingsState, Typicals
from jobfit.schema import JobPosting, Match, Profile, collector_paused
from jobfit.taxonomy import Taxonomy

__all__ = ["Matcher", "Stored", "Typicals", "Weights", "load_weights", "match_all", "refresh_matches", "visible"]

CANDIDATES_PER_PROFILE = 50  # postings fully scored per profile; the top_n shown come from these


@dataclass
class Matcher:
    """Profiles and postings with their vectors, ready to score: build it once, ask it many times."""

    profiles: ProfileSide
    jobs: JobSide
    profile_vectors: np.ndarray
    job_vectors: np.ndarray
    job_mean: np.ndarray
    job_std: np.ndarray
    taxonomy: Taxonomy
    weights: dict[str | None, Weights]
    skill_index: dict[str, int] = field(default_factory=dict)  # taxonomy skill id -> column of the skill matrices
    titles: Titles | None = None  # title vectors of both sides; None: the title component is neutral
    coverage: Coverage | None = None  # each posting's typical share of its skills covered; None: the share itself counts
    pairs_scored: int = 0  # how many pairs the full scorer has seen, for the asset's metadata

    @classmethod
    def build(cls, profiles: dict[str, Profile], profile_vectors: np.ndarray, jobs: dict[str, JobPosting] | JobSide,
              job_vectors: np.ndarray, taxonomy: Taxonomy, weights: dict[str | None, Weights] | None = None,
              profile_titles: np.ndarray | None = None, job_titles: np.ndarray | None = None,
              kept: Typicals | None = None) -> Matcher:
        """`profile_vectors` rows follow `profiles`' order, `job_vectors` rows follow `jobs`' order (or the order of a
        JobSide already built over this taxonomy's skills); so do the optional title vectors (the profile's label,
        the posting's title) that the title component reads. `kept`: the typical candidates of the first postings,
        measured before on much the same profiles; only the other postings' are measured."""
        skill_index = {sid: n for n, sid in enumerate(taxonomy.skills)}
        profile_side = ProfileSide(profiles, taxonomy, skill_index)
        job_side = jobs if isinstance(jobs, JobSide) else JobSide(jobs, skill_index)
        k = len(kept.mean) if kept is not None else 0
        mean, std = posting_typicals(profile_vectors, profile_side.tenants, job_vectors[k:], job_side.tenants[k:])
        if kept is not None:
            mean, std = np.concatenate([kept.mean, mean]), np.concatenate([kept.std, std])
        if kept is not None and kept.coverage is not None:
            again = np.r_[kept.stale, np.arange(k, len(job_side.ids))].astype(np.int64)
            measured = Coverage.measure(profile_side, job_side.take(again))
            coverage = Coverage(np.r_[kept.coverage.mean, np.zeros(len(job_side.ids) - k)],
                                np.r_[kept.coverage.std, np.zeros(len(job_side.ids) - k)])
            coverage.mean[again], coverage.std[again] = measured.mean, measured.std
        else:
            coverage = Coverage.measure(profile_side, job_side)
        titles = (Titles.build(profiles, profile_titles, job_side.has_title, job_titles)
                  if profile_titles is not None and job_titles is not None else None)
        return cls(profile_side, job_side, profile_vectors, job_vectors, mean, std, taxonomy, weights or {None: Weights()},
                   skill_index, titles, coverage)

    def postings_state(self, config: str, fingerprints: dict[str, str], population: dict[str | None, int]) -> PostingsState:
        """What this matcher measured of its postings, to build the next one from (`resume`)."""
        titles = self.titles
        return PostingsState(config, fingerprints, self.jobs, self.job_vectors, self.job_mean, self.job_std, self.coverage,
                             titles.jobs if titles else None, titles.center if titles else None,
                             titles.covariance if titles else None, self.taxonomy.cooccurring, population)

    @classmethod
    def resume(cls, state: PostingsState, taxonomy: Taxonomy, profiles: dict[str, Profile], profile_vectors: np.ndarray,
               weights: dict[str | None, Weights] | None = None, profile_titles: np.ndarray | None = None,
               fetch: Callable[[list[str]], dict[str, JobPosting]] | None = None) -> Matcher:
        """A matcher over the postings a saved state describes and these profiles; `fetch` reads the postings a match
        explains. Nothing is measured again: this costs only the profiles."""
        taxonomy = taxonomy.with_pairs(state.cooccurring)
        skill_index = {sid: n for n, sid in enumerate(taxonomy.skills)}
        state.jobs.fetch = fetch
        titles = None
        if state.job_titles is not None and profile_titles is not None:
            titles = Titles.of_postings(state.jobs.has_title, state.job_titles, state.title_center,
                                        state.title_covariance).for_profiles(profiles, profile_titles)
        return cls(ProfileSide(profiles, taxonomy, skill_index), state.jobs, profile_vectors, state.job_vectors,
                   state.job_mean, state.job_std, taxonomy, weights or {None: Weights()}, skill_index, titles, state.coverage)

    def with_profiles(self, profiles: dict[str, Profile], profile_vectors: np.ndarray,
                      profile_titles: np.ndarray | None = None) -> Matcher:
        """The same postings against other profiles (a new resume among thousands): the postings' features,
        typical similarities and typical skill coverage are reused, so only the new profiles cost anything."""
        titles = self.titles.for_profiles(profiles, profile_titles) if self.titles and profile_titles is not None else None
        return replace(self, profiles=ProfileSide(profiles, self.taxonomy, self.skill_index),
                       profile_vectors=profile_vectors, titles=titles, pairs_scored=0)

    def score(self, p: np.ndarray, j: np.ndarray, similarity: np.ndarray) -> PairScores:
        self.pairs_scored += len(p)
        return score_pairs(self.profiles, self.jobs, p, j, similarity, self.job_mean, self.job_std, self.weights,
                           self.titles, self.coverage)

    def explain(self, scores: PairScores, keep: np.ndarray, computed_at: str | None = None) -> list[Match]:
        computed_at = computed_at or datetime.now(UTC).isoformat(timespec="seconds")
        self.jobs.postings(self.jobs.ids[b] for b in scores.job[keep])  # the explained postings read in one batch
        tenants = self.profiles.tenants
        matches = []
        with collector_paused():
            for start in range(0, len(keep), 4096):  # what the postings ask and the profiles' closeness to it, a part at a time
                part = keep[start:start + 4096]
                asked = asked_closeness(self.profiles, self.jobs, scores, part)
                matches += [explain(self.profiles, self.jobs, scores, int(k), self.weights.get(tenants[int(scores.profile[k])],
                                    self.weights[None]), computed_at, asks, closeness) for k, (asks, closeness) in zip(part, asked, strict=True)]
        return matches

    def for_profiles(self, rows: np.ndarray | None = None, top_n: int = 10, min_score: float = 0.0,
                     only_jobs: np.ndarray | None = None, candidates: int = CANDIDATES_PER_PROFILE) -> list[Match]:
        """Each profile's `top_n` best postings (profiles in `rows`, all by default; postings in `only_jobs`)."""
        rows = np.arange(len(self.profiles.ids)) if rows is None else np.asarray(rows, dtype=np.int64)
        p, j, s = nearest_postings(self.profile_vectors[rows], [self.profiles.tenants[r] for r in rows], self.job_vectors,
                                   self.jobs.tenants, self.job_mean, self.job_std, max(candidates, top_n), only_jobs)
        scores = self.score(rows[p], j, s)
        return self.explain(scores, top_per(scores.profile, scores.total, top_n, min_score))

    def for_postings(self, cols: np.ndarray | None = None, top_n: int = 10, min_score: float = 0.0,
                     candidates: int = CANDIDATES_PER_PROFILE) -> list[Match]:
        """Each posting's `top_n` best profiles among those that may see it (postings in `cols`, all by default)."""
        p, j, s = nearest_profiles(self.profile_vectors, self.profiles.tenants, self.job_vectors, self.jobs.tenants,
                                   max(candidates, top_n), cols)
        scores = self.score(p, j, s)
        return self.explain(scores, top_per(scores.job, scores.total, top_n, min_score))


def top_per(groups: np.ndarray, totals: np.ndarray, n: int, min_score: float) -> np.ndarray:
    """Indices of the `n` highest totals in each group, at least `min_score`, best first within a group."""
    order = np.lexsort((-totals, groups))
    ranked_groups = groups[order]
    starts = np.r_[0, np.flatnonzero(np.diff(ranked_groups)) + 1]
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    keep = order[(rank < n) & (totals[order] >= min_score)]
    return keep


def match_all(profiles: dict[str, Profile], profile_vectors: np.ndarray, jobs: dict[str, JobPosting],
              job_vectors: np.ndarray, taxonomy: Taxonomy, top_n: int = 10, min_score: float = 0.0,
              weights: dict[str | None, Weights] | None = None, profile_titles: np.ndarray | None = None,
              job_titles: np.ndarray | None = None) -> list[Match]:
    """Top `top_n` postings per profile and top `top_n` profiles per tenant-owned posting, fully scored, above `min_score`."""
    if not profiles or not jobs:
        return []
    matcher = Matcher.build(profiles, profile_vectors, jobs, job_vectors, taxonomy, weights, profile_titles, job_titles)
    return refresh_matches(matcher, Stored.of([]), set(profiles), set(jobs), top_n, min_score)[1]


@dataclass
class Stored:
    """Stored matches as columns (rows in any order): what refreshing needs to decide which of them stay."""

    profile_id: np.ndarray  # of str
    job_id: np.ndarray  # of str
    score: np.ndarray

    @classmethod
    def of(cls, matches: Sequence[Match]) -> Stored:
        return cls(np.array([m.profile_id for m in matches], dtype=object), np.array([m.job_id for m in matches], dtype=object),
                   np.array([m.score for m in matches], dtype=np.float64))

    def __len__(self) -> int:
        return len(self.score)


def refresh_matches(matcher: Matcher, previous: Stored, changed_profiles: set[str], changed_jobs: set[str],
                    top_n: int = 10, min_score: float = 0.0) -> tuple[np.ndarray, list[Match]]:
    """The matches after some profiles and postings changed, scoring only pairs that involve a change.

    New or changed profiles are scored against the current postings, new or changed postings against the
    profiles; a previous match whose profile and posting are both unchanged is kept as it was. The matcher holds
    every current posting (a previous match of a posting it lacks is dropped) and the changed profiles; when
    postings changed, every current profile. `previous` holds the matches of profiles still present. Returns which
    previous matches stay (a mask over `previous`) and the matches scored now that are kept: top `top_n` per profile,
    and per posting for a tenant's own postings.
    """
    profile_row = {pid: n for n, pid in enumerate(matcher.profiles.ids)}
    job_col = {jid: n for n, jid in enumerate(matcher.jobs.ids)}
    kept = np.fromiter((j in job_col and j not in changed_jobs and p not in changed_profiles
                        for p, j in zip(previous.profile_id, previous.job_id, strict=True)), dtype=bool, count=len(previous))
    fresh: list[Match] = []
    rows = np.array(sorted(profile_row[p] for p in changed_profiles if p in profile_row), dtype=np.int64)
    cols = np.array(sorted(job_col[j] for j in changed_jobs if j in job_col), dtype=np.int64)
    if len(rows):
        fresh += matcher.for_profiles(rows, top_n=top_n, min_score=min_score)
    if len(cols):
        unchanged = np.setdiff1d(np.arange(len(matcher.profiles.ids)), rows)
        if len(unchanged):
            fresh += matcher.for_profiles(unchanged, top_n=top_n, min_score=min_score, only_jobs=cols)
        # a tenant's own postings also get their best profiles; a global feed's postings (most of them, and
        # rarely opened by a recruiter) appear through the profiles' lists, which keeps a run near-linear
        owned = cols[[matcher.jobs.tenants[c] is not None for c in cols]]
        if len(owned):
            fresh += matcher.for_postings(owned, top_n=top_n, min_score=min_score)
    unique: dict[tuple[str, str], Match] = {}
    for m in fresh:  # a pair both directions found is scored alike; it is kept once
        unique.setdefault((m.profile_id, m.job_id), m)
    fresh = sorted(unique.values(), key=lambda m: (m.profile_id, -m.score))
    # the previous matches that stay and the fresh ones compete for each profile's and each posting's top n
    new = Stored.of(fresh)
    scores = np.concatenate([previous.score[kept], new.score])
    keep = np.zeros(len(scores), dtype=bool)
    for side in ("profile_id", "job_id"):
        ids = np.concatenate([getattr(previous, side)[kept], getattr(new, side)]).astype(str)
        keep[top_per(np.unique(ids, return_inverse=True)[1], scores, top_n, -np.inf)] = True
    kept[kept] = keep[:int(kept.sum())]
    return kept, [m for m, k in zip(fresh, keep[len(keep) - len(fresh):], strict=True) if k]
