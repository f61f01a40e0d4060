"""What matching measured of the postings, kept between runs: a new profile then costs only itself.

Building a Matcher reads every posting, learns which skills postings ask for together and measures each posting's
typical candidate; at 100,000 postings that is most of a minute, while scoring one new profile takes a twentieth of
a second. The state keeps the postings' side (features, vectors, co-occurring skills, typical candidates, typical
posting title) with the postings' fingerprints and the settings it was built under. It is reused while they hold and the
profiles it measured the typical candidates on still describe the population (`PostingsState.fits`); while only the
latter holds, the unchanged postings' rows and typical candidates serve again and only the new and changed postings are
measured.
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from jobfit.matching.candidates import MIN_POPULATION
from jobfit.matching.scoring import Coverage, JobSide

STATE_VERSION = "4"  # raise when the state's shape or what it measures changes
POPULATION_DRIFT = 0.1  # the share by which a tenant's profiles may grow or shrink before the typicals are measured again


def population(tenants: list[str]) -> dict[str | None, int]:
    """Profiles per tenant, and in all under None: what the typical candidates are measured over."""
    return {None: len(tenants), **Counter(tenants)}


@dataclass
class Typicals:
    """Each posting's typical candidate as measured before, for the first rows of a postings' side: the mean and spread
    of its similarity to the profiles that can see it, and of the share of its skills they cover (None: all to be
    measured again). `stale`: the rows whose coverage is measured again all the same (they ask for a skill whose
    learned pairs changed)."""

    mean: np.ndarray
    std: np.ndarray
    coverage: Coverage | None = None
    stale: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


@dataclass
class PostingsState:
    config: str  # the matching settings it was measured under
    fingerprints: dict[str, str]  # each posting's content fingerprint: its row of `jobs` serves while it is unchanged
    jobs: JobSide  # rows follow the postings' order (jobs.ids); without the postings themselves
    job_vectors: np.ndarray  # the postings' vectors as matched (rows follow jobs.ids): read back faster than from LanceDB
    job_mean: np.ndarray  # each posting's typical similarity to its candidates, and its spread
    job_std: np.ndarray
    coverage: Coverage | None
    job_titles: np.ndarray | None  # the postings' title vectors (None: titles were not compared)
    title_center: np.ndarray | None  # the typical posting title
    title_covariance: np.ndarray | None
    cooccurring: dict[str, frozenset[str]]  # skills postings ask for together (Taxonomy.with_cooccurrence)
    population: dict[str | None, int]  # the profiles the typicals were measured on, as `population` counts them
    version: str = STATE_VERSION  # a state another version of this code saved is built again, never misread

    def describes(self, fingerprints: dict[str, str], config: str) -> bool:
        """Whether it was measured on exactly these postings (id -> content fingerprint) under these settings."""
        return self.config == config and self.fingerprints == fingerprints

    def fits(self, now: dict[str | None, int]) -> bool:
        """Whether the typicals measured on `self.population` still hold for the profiles `now`: the same tenants
        have enough profiles to be measured on their own, and none grew or shrank by more than POPULATION_DRIFT."""

        def measured(counts: dict) -> set:
            return {tenant for tenant, n in counts.items() if n >= MIN_POPULATION}

        if measured(self.population) != measured(now):
            return False
        return all(abs(now[t] - self.population[t]) <= POPULATION_DRIFT * self.population[t] for t in measured(now))

    def typicals(self, rows: Sequence[int], side: JobSide, cooccurring: dict[str, frozenset[str]],
                 skill_ids: Sequence[str]) -> Typicals:
        """The typical candidates of this state's postings at `rows`, for `side`, whose first rows they are (its skill
        columns are `skill_ids`): their skill coverage is stale where a posting asks for a skill whose pairs learned
        from `side` (`cooccurring`) are not those this state learned, as what profiles cover of that skill moved."""
        rows = np.asarray(rows, dtype=np.int64)
        moved = {sid for sid in self.cooccurring.keys() | cooccurring.keys() if self.cooccurring.get(sid) != cooccurring.get(sid)}
        columns = [n for n, sid in enumerate(skill_ids) if sid in moved]
        stale = np.flatnonzero(side.wanted[:len(rows)][:, columns].getnnz(axis=1)) if columns else np.zeros(0, np.int64)
        coverage = None if self.coverage is None else Coverage(self.coverage.mean[rows], self.coverage.std[rows])
        return Typicals(self.job_mean[rows], self.job_std[rows], coverage, stale.astype(np.int64))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        with temporary.open("wb") as out:
            pickle.dump(self, out, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)

    @staticmethod
    def load(path: Path) -> PostingsState | None:
        """The state saved at `path`; None when there is none or it cannot be read (it is then built again)."""
        try:
            with path.open("rb") as source:
                state = pickle.load(source)  # noqa: S301 - written by this process's asset into the data directory
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return state if isinstance(state, PostingsState) and state.__dict__.get("version") == STATE_VERSION else None
