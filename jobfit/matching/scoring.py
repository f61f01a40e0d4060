"""The full, explained score of profile-posting pairs, vectorized over many pairs at once.

Components (each 0-100): skills (how much more of the posting's skills, by taxonomy closeness with required
weighing twice preferred and a group of alternatives such as 'Go or Java' counting once, as far as its best covered
member, the candidate covers than the posting's typical candidate does), title (how much
closer the candidate's title reads to the posting's title than to a typical posting's), experience
(years or seniority asked), education (level asked), location (remote, same city), semantic (how much
closer the resume reads to the posting than the posting's typical candidate does). The total is their
weighted mean. Reasons in plain sentences are written only for the pairs that are kept.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from functools import cache, cached_property, lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from jobfit import exchange
from jobfit.matching.candidates import PRIOR_PROFILES, typical_pools
from jobfit.occupations import clean_title
from jobfit.resumes.places import countries_of_region, parse_place, place_text, town_key
from jobfit.schema import JobPosting, Location, Match, Profile, Relocation
from jobfit.taxonomy import Taxonomy
from jobfit.text import readable_case

LEVELS = ["internship", "entry", "associate", "mid-senior", "director", "executive"]
EDUCATION_LEVELS = ["secondary", "certificate", "associate", "bachelor", "master", "doctorate"]
REQUIRED_WEIGHT, PREFERRED_WEIGHT = 2.0, 1.0
# Bump when a change here changes the scores: the matches already stored are all scored again.
SCORING_VERSION = "7"
# A posting whose title is for beginners ('Junior Python Developer', 'Graduate Trainee') is one a senior is past:
# the years it asks ('1+ years') are no ceiling, the title is. 'Assistant' names occupations ('Legal Assistant').
FOR_BEGINNERS = re.compile(r"\b(?:junior|jr|intern|internship|trainee|apprentice|graduate|entry[- ]level)\b", re.I)
COMPONENTS = ("skills", "title", "experience", "education", "location", "salary", "semantic")
TITLE_SAMPLE = 20000  # posting titles a typical posting title is measured on
# MiniLM cosines of two cleaned titles: below the first, titles of unrelated jobs (their median on the labeled
# categories set is 0.27) and no credit; from the second, titles of one occupation (median 0.48) and full credit
TITLE_UNRELATED, TITLE_RELATED = 0.3, 0.5
# the spread of the share of a posting's skills its candidates cover, as if measured on PRIOR_PROFILES profiles (120
# labeled resumes put its median at 0.03 for ESCO's occupation profiles, at 0.085 for the shared feeds' postings)
COVERAGE_PRIOR_STD = 0.05
# The location score of a job in another town of the candidate's country when they are willing to relocate anywhere: a
# move costs them and the employer something, so less than living there (or having named the town: 100)
RELOCATING_ANYWHERE = 80.0


@dataclass(frozen=True)
class Weights:
    """Component weights; the total is the weighted mean, so they need not sum to 100.

    The seeds' defaults (skills 50, experience 25, education 15, location 10) re-balanced to make room
    for semantic similarity, which ranks best on the labeled set (see docs/matching.md)."""

    skills: float = 20
    title: float = 10
    experience: float = 10
    education: float = 5
    location: float = 5
    salary: float = 5
    semantic: float = 60

    @cached_property
    def version(self) -> str:
        """Names the weights a match was scored with: equal weights, equal version."""
        return "w-" + hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()[:8]

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in COMPONENTS}

    @classmethod
    def from_mapping(cls, values: dict) -> Weights:
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"unknown match components: {', '.join(sorted(unknown))} (known: {', '.join(COMPONENTS)})")
        weights = cls(**{k: float(v) for k, v in values.items()})
        if any(w < 0 for w in weights.as_dict().values()) or sum(weights.as_dict().values()) <= 0:
            raise ValueError("match weights must be non-negative and not all zero")
        return weights


def load_weights(path: Path | None) -> dict[str | None, Weights]:
    """Weights per tenant from a YAML file `{default: {skills: 40, ...}, tenants: {acme: {...}}}`; None: the default."""
    if path is None or not Path(path).exists():
        return {None: Weights()}
    import yaml

    data = yaml.safe_load(Path(path).read_text()) or {}
    default = Weights.from_mapping(data.get("default") or {})
    out: dict[str | None, Weights] = {None: default}
    for tenant, values in (data.get("tenants") or {}).items():
        out[str(tenant)] = Weights.from_mapping({**asdict(default), **(values or {})})
    return out


def semantic_score(z: np.ndarray | float) -> np.ndarray | float:
    """How far a value stands above its typical value (z, in standard deviations), as 0-100: 50 is typical, 73 one
    deviation above, 88 two. The semantic, title and skills components read it."""
    return 100.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))


@dataclass
class Titles:
    """Title vectors of both sides, and each profile's typical similarity to a posting title.

    A candidate's title is compared with the posting's; the typical value is the mean and spread of its
    similarity to every posting title, in closed form from the posting titles' mean and covariance, so
    "Manager" (close to many titles) does not lift every posting. Standing above the typical value counts only
    as far as the similarity itself reaches that of two titles of one occupation: among software postings a
    designer's title stands above its typical value wherever a posting says 'designer' or 'architect', yet 'set
    designer' and 'software engineer' (0.29) name unrelated jobs. No title on a side: the pair is neutral."""

    jobs: np.ndarray  # (n_jobs, d) unit rows
    job_has: np.ndarray  # bool per posting
    center: np.ndarray  # mean posting title vector
    covariance: np.ndarray  # of the posting title vectors
    profiles: np.ndarray  # (n_profiles, d)
    profile_has: np.ndarray  # bool per profile
    mean: np.ndarray  # per profile: typical similarity of its title to a posting title
    std: np.ndarray

    @classmethod
    def build(cls, profiles: dict[str, Profile], profile_titles: np.ndarray, job_has: np.ndarray,
              job_titles: np.ndarray, seed: int = 0) -> Titles:
        """Rows of the title matrices follow the profiles' order and the postings' (`job_has`: which have a title);
        a side without a title is never read."""
        sample = np.flatnonzero(job_has)
        if len(sample) > TITLE_SAMPLE:
            sample = np.sort(np.random.default_rng(seed).choice(sample, TITLE_SAMPLE, replace=False))
        rows = np.asarray(job_titles[sample], dtype=np.float64)
        center = rows.mean(0) if len(rows) else np.zeros(job_titles.shape[1])
        covariance = (rows - center).T @ (rows - center) / max(len(rows), 1)
        return cls.of_postings(job_has, job_titles, center, covariance).for_profiles(profiles, profile_titles)

    @classmethod
    def of_postings(cls, job_has: np.ndarray, job_titles: np.ndarray, center: np.ndarray, covariance: np.ndarray) -> Titles:
        """The postings' side alone, with the typical posting title already measured; `for_profiles` adds profiles."""
        empty = np.zeros(0)
        return cls(np.asarray(job_titles, dtype=np.float32), job_has, center, covariance,
                   np.zeros((0, job_titles.shape[1]), dtype=np.float32), empty.astype(bool), empty, empty)

    def for_profiles(self, profiles: dict[str, Profile], profile_titles: np.ndarray) -> Titles:
        """The same postings' titles against other profiles' titles."""
        vectors, has, mean, std = _profile_titles(profiles, profile_titles, self.center, self.covariance)
        return replace(self, profiles=vectors, profile_has=has, mean=mean, std=std)

    def score(self, p: np.ndarray, j: np.ndarray, chunk: int = 50_000) -> np.ndarray:
        """The title component of each pair (0-100; 50 when a side has no title)."""
        out = np.full(len(p), 50.0)
        for start in range(0, len(p), chunk):
            pp, jj = p[start:start + chunk], j[start:start + chunk]
            similarity = np.einsum("ij,ij->i", self.profiles[pp], self.jobs[jj]).astype(np.float64)
            above = semantic_score((similarity - self.mean[pp]) / self.std[pp])
            related = np.clip((similarity - TITLE_UNRELATED) / (TITLE_RELATED - TITLE_UNRELATED), 0.0, 1.0)
            out[start:start + chunk] = np.where(self.profile_has[pp] & self.job_has[jj], above * related, 50.0)
        return out


def _profile_titles(profiles: dict[str, Profile], profile_titles: np.ndarray, center: np.ndarray,
                    covariance: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The profiles' title vectors, whether each has a title, and the mean and spread of its similarity to a
    posting title (t·center and sqrt(tᵀ·covariance·t))."""
    vectors = np.asarray(profile_titles, dtype=np.float64)
    spread = np.sqrt(np.maximum(((vectors @ covariance) * vectors).sum(1), 0.0))
    has = np.array([bool(clean_title(p.basics.label or "")) for p in profiles.values()], dtype=bool)
    return np.asarray(profile_titles, dtype=np.float32), has, vectors @ center, np.maximum(spread, 0.02)


class ProfileSide:
    """What scoring needs of the profiles, as arrays (rows follow `ids`)."""

    def __init__(self, profiles: dict[str, Profile], taxonomy: Taxonomy, skill_index: dict[str, int]):
        self.ids = list(profiles)
        self.profiles = profiles
        self.tenants = [p.meta.tenant for p in profiles.values()]
        self.years = np.array([p.meta.total_years_experience for p in profiles.values()], dtype=np.float64)
        self.level = np.array([LEVELS.index(p.meta.career_level) for p in profiles.values()])
        self.education = np.array([EDUCATION_LEVELS.index(p.meta.education_level) if p.meta.education_level else -1
                                   for p in profiles.values()])
        self.city = [(p.basics.location.city or "").strip().lower() for p in profiles.values()]
        self.town = [town_key(city) if city else "" for city in self.city]  # 'münchen' and 'munich' are one town
        self.relocation = [p.meta.relocation if p.meta.relocation and p.meta.relocation.willing else None
                           for p in profiles.values()]
        self.home_country = [p.basics.location.countryCode for p in profiles.values()]
        self.relocating = np.array([r is not None for r in self.relocation], dtype=bool)
        self.country = np.array([_country_index().get(p.basics.location.countryCode or "", -1) for p in profiles.values()],
                                dtype=np.int64)
        asked = [p.meta.desired_salary for p in profiles.values()]
        self.pay_asked = np.array([s.annualized_min if s and s.annualized_min else np.nan for s in asked], dtype=np.float64)
        self.pay_currency = np.array([s.currency or "" if s else "" for s in asked], dtype=str)
        self.pay_asked_usd = _in_usd(self.pay_asked, self.pay_currency)
        # cover_matrix[i, skill]: the closeness to `skill` the best of profile i's skills reaches. Each distinct skill's
        # reach is one row of a sparse matrix; a profile's rows are stacked and the maximum kept per skill, in numpy
        # (a loop over every profile's skills and their reach took 12 s at 10,000 profiles with learned pairs)
        own = [list(dict.fromkeys(skill.id for skill in p.meta.skills)) for p in profiles.values()]
        distinct = list(dict.fromkeys(sid for skills in own for sid in skills))
        self._reach = {sid: taxonomy.reach(sid) for sid in distinct}
        reach_rows = [[(skill_index[t], v) for t, v in self._reach[sid].items() if t in skill_index] for sid in distinct]
        lengths = np.array([len(r) for r in reach_rows], dtype=np.int64)
        starts = np.r_[0, np.cumsum(lengths)]
        targets = np.fromiter((t for r in reach_rows for t, _ in r), dtype=np.int64, count=int(starts[-1]))
        values = np.fromiter((v for r in reach_rows for _, v in r), dtype=np.float32, count=int(starts[-1]))
        row_of = {sid: n for n, sid in enumerate(distinct)}
        owner = np.repeat(np.arange(len(own)), [len(skills) for skills in own])
        rows = np.fromiter((row_of[sid] for skills in own for sid in skills), dtype=np.int64, count=len(owner))
        spans = lengths[rows]
        picked = np.repeat(starts[rows] - np.r_[0, np.cumsum(spans)][:-1], spans) + np.arange(int(spans.sum()))
        key = np.repeat(owner, spans) * len(skill_index) + targets[picked]
        order = np.argsort(key, kind="stable")
        key, best = key[order], values[picked][order]
        first = np.r_[0, np.flatnonzero(np.diff(key)) + 1] if len(key) else np.zeros(0, dtype=np.int64)
        best = np.maximum.reduceat(best, first) if len(key) else best
        self.cover_matrix = sp.csr_matrix((best, (key[first] // max(len(skill_index), 1), key[first] % max(len(skill_index), 1))),
                                          shape=(len(self.ids), len(skill_index)), dtype=np.float32)
        self._own, self.skill_index = own, skill_index

    def covers(self, row: int, skill_id: str) -> tuple[float, str]:
        """How close profile `row` comes to `skill_id`, and the first of its own skills that comes that close."""
        best, via = 0.0, ""
        for sid in self._own[row]:
            value = self._reach[sid].get(skill_id, 0.0)
            if value > best:
                best, via = value, sid
        return best, via


class JobSide:
    """What scoring needs of the postings, as arrays (rows follow `ids`). The postings themselves are needed only to
    explain a match: kept between runs (pickled) the side leaves them out, and `fetch` reads the few explained."""

    def __init__(self, jobs: dict[str, JobPosting], skill_index: dict[str, int]):
        self.ids = list(jobs)
        self.jobs = jobs
        self.fetch: Callable[[list[str]], dict[str, JobPosting]] | None = None
        self.has_title = np.array([bool(clean_title(j.title or "")) for j in jobs.values()], dtype=bool)
        self.tenants = [j.meta.tenant for j in jobs.values()]
        self.years = np.array([j.meta.years_required or np.nan for j in jobs.values()], dtype=np.float64)
        self.level = np.array([LEVELS.index(j.meta.seniority) if j.meta.seniority else -1 for j in jobs.values()], dtype=np.int64)
        self.for_beginners = np.array([bool(FOR_BEGINNERS.search(j.title or "")) for j in jobs.values()], dtype=bool)
        self.education = np.array([EDUCATION_LEVELS.index(j.meta.education_level) if j.meta.education_level else -1
                                   for j in jobs.values()], dtype=np.int64)
        self.remote = np.array([j.remote == "Full" for j in jobs.values()], dtype=bool)
        # the countries a remote job may be done from, where its regions name any ('USA', 'Europe', 'LATAM'): a row of
        # countries (ISO alpha-2 columns) and `restricted`; a job open anywhere is not restricted
        index = _country_index()
        allowed = [remote_countries(j) for j in jobs.values()]
        self.restricted = np.array([a is not None for a in allowed], dtype=bool)
        cells = [(row, index[c]) for row, countries in enumerate(allowed) for c in countries or () if c in index]
        self.allowed = sp.csr_matrix((np.ones(len(cells), dtype=bool), ([r for r, _ in cells], [c for _, c in cells])),
                                     shape=(len(allowed), len(index)), dtype=bool)
        self.place = [_job_place(j).lower() for j in jobs.values()]
        self.town = [town_key(town) if (town := _job_town(j)) else "" for j in jobs.values()]
        self.place_country = [_job_country(j) for j in jobs.values()]
        offered = [j.meta.salary if j.meta.salary and j.meta.salary.stated else None for j in jobs.values()]
        self.pay_offered = np.array([s.annualized_max if s and s.annualized_max else np.nan for s in offered], dtype=np.float64)
        self.pay_currency = np.array([s.currency or "" if s else "" for s in offered], dtype=str)
        self.pay_offered_usd = _in_usd(self.pay_offered, self.pay_currency)
        rows, cols, vals = [], [], []
        group_rows, group_cols, group_numbers = [], [], []
        for i, job in enumerate(jobs.values()):
            wanted: dict[str, float] = {}
            for skill in job.meta.preferred_skills:
                wanted[skill.id] = PREFERRED_WEIGHT
            for skill in job.meta.required_skills:
                wanted[skill.id] = REQUIRED_WEIGHT
            for sid, weight in wanted.items():
                if sid in skill_index:
                    rows.append(i)
                    cols.append(skill_index[sid])
                    vals.append(weight)
            for number, group in enumerate(job.meta.alternatives, start=1):
                members = [skill_index[sid] for sid in group if sid in skill_index and sid in wanted]
                group_rows += [i] * len(members)
                group_cols += members
                group_numbers += [number] * len(members)
        shape = (len(self.ids), len(skill_index))
        self.wanted = sp.csr_matrix((vals, (rows, cols)), shape=shape, dtype=np.float32)
        # one_of[i, skill]: the number (from 1) of the group of alternatives posting i lists the skill in ('Go or Java'):
        # a group counts as one skill of its weight, covered as far as its best covered member is
        self.one_of = sp.csr_matrix((group_numbers, (group_rows, group_cols)), shape=shape, dtype=np.int32)
        self.wanted_total = (np.asarray(self.wanted.sum(axis=1)).ravel()
                             - Alternatives.of(self, np.arange(len(self.ids))).extra_weight(len(self.ids))).astype(np.float32)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "jobs": {}, "fetch": None}

    def take(self, rows: Sequence[int]) -> JobSide:
        """These rows of the side, in this order."""
        rows = np.asarray(rows, dtype=np.int64)
        out = copy.copy(self)
        for name, value in self.__dict__.items():
            if isinstance(value, list):
                setattr(out, name, [value[r] for r in rows])
            elif isinstance(value, np.ndarray) or sp.issparse(value):
                setattr(out, name, value[rows])
        out.jobs = {i: self.jobs[i] for i in out.ids if i in self.jobs}
        return out

    def extended(self, other: JobSide) -> JobSide:
        """This side's rows, then `other`'s (built over the same skill index)."""
        out = copy.copy(self)
        for name, value in self.__dict__.items():
            more = getattr(other, name)
            if isinstance(value, list):
                setattr(out, name, value + more)
            elif isinstance(value, np.ndarray):
                setattr(out, name, np.concatenate([value, more]))
            elif sp.issparse(value):
                setattr(out, name, sp.vstack([value, more], format="csr"))
        out.jobs = {**self.jobs, **other.jobs}
        return out

    def skill_sets(self, skill_ids: Sequence[str]) -> list[set[str]]:
        """Each posting's skills, required and preferred, among the taxonomy's (`skill_ids`: the skill index's ids in
        order): what co-occurrence is learned from, without reading the postings again."""
        w = self.wanted
        return [{skill_ids[c] for c in w.indices[w.indptr[i]:w.indptr[i + 1]]} for i in range(w.shape[0])]

    def postings(self, ids: Iterable[str]) -> dict[str, JobPosting]:
        """These postings, read through `fetch` where this side does not hold them."""
        wanted = list(dict.fromkeys(ids))
        missing = [i for i in wanted if i not in self.jobs]
        if missing:
            if self.fetch is None:
                raise LookupError(f"{len(missing)} postings to explain are not loaded (e.g. {missing[0]})")
            self.jobs.update(self.fetch(missing))
        return {i: self.jobs[i] for i in wanted}


def _job_place(job: JobPosting) -> str:
    if isinstance(job.location, str):
        return job.location
    return ", ".join(filter(None, [job.location.city, job.location.region])) if job.location else ""


def _job_location(job: JobPosting) -> Location | None:
    return parse_place(job.location) if isinstance(job.location, str) else job.location


def _job_town(job: JobPosting) -> str | None:
    return where.city if (where := _job_location(job)) else None


def _job_country(job: JobPosting) -> str | None:
    return where.countryCode if (where := _job_location(job)) else None


def _in_place(name: str | None, place: str) -> bool:
    """Whether a place name (a town, a region) is among the words of a job's place ('pune' in 'pune, maharashtra')."""
    return bool(name) and re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", place) is not None


def relocates_there(relocation: Relocation | None, home: str | None, place: str, country: str | None, town: str = "") -> str | None:
    """Whether a candidate's stated relocation takes them to a job's place (`place` lower case, `town` its town's
    `town_key`): "named" when it names the town (by any of its names) or region (or the country) the job is in,
    "anywhere" when it names no place and the job is in the candidate's country (or either country is not known), else
    None."""
    if relocation is None or not relocation.willing or not place:
        return None
    for where in relocation.places:
        named = where.city or where.region or (where.address or "").split(",")[0]
        if _in_place(named, place) or (town and where.city and town_key(where.city) == town) \
                or (not named and where.countryCode and where.countryCode == country):
            return "named"
    if not relocation.places and (not home or not country or home == country):
        return "anywhere"
    return None


@dataclass
class Alternatives:
    """The groups of alternatives ('Go or Java', `JobSide.one_of`) of the postings of some pairs. Entry n is skill column
    `cols[n]` of pair `pair[n]`'s posting; group g belongs to pair `group_pair[g]`, weighs `group_weight[g]` and holds
    the entries `slots[g]` (padded with len(cols), an entry that covers nothing)."""

    pair: np.ndarray
    cols: np.ndarray
    group_pair: np.ndarray
    group_weight: np.ndarray
    slots: np.ndarray

    @classmethod
    def of(cls, jobs: JobSide, j: np.ndarray) -> Alternatives:
        """The groups of the postings of rows `j` (a row per pair: pair k is posting j[k])."""
        # (no rows to slice when no posting has a group: scoring slices one per pair)
        members = jobs.one_of[j].tocoo() if jobs.one_of.nnz else sp.coo_matrix((len(j), jobs.one_of.shape[1]), dtype=np.int32)
        k, cols, number = members.row.astype(np.int64), members.col.astype(np.int64), members.data.astype(np.int64)
        order = np.lexsort((number, k))
        k, cols, number = k[order], cols[order], number[order]
        first = np.flatnonzero(np.r_[True, (np.diff(k) != 0) | (np.diff(number) != 0)]) if len(k) else np.zeros(0, dtype=np.int64)
        sizes = np.diff(np.r_[first, len(k)])
        group = np.repeat(np.arange(len(first)), sizes)
        slots = np.full((len(first), int(sizes.max()) if len(sizes) else 0), len(k), dtype=np.int64)
        slots[group, np.arange(len(k)) - first[group]] = np.arange(len(k))
        weight = np.asarray(jobs.wanted[j[k[first]], cols[first]], dtype=np.float32).ravel() if len(k) else np.zeros(0, np.float32)
        return cls(k, cols, k[first], weight, slots)

    def extra_weight(self, n_pairs: int) -> np.ndarray:
        """Per pair, the weight its postings' groups count beyond one member each: a group counts once."""
        sizes = (self.slots < len(self.cols)).sum(axis=1)
        return np.bincount(self.group_pair, self.group_weight * (sizes - 1), minlength=n_pairs)

    def gain(self, cover: np.ndarray, n_pairs: int) -> np.ndarray:
        """Per pair, what its postings' groups add to the weighted sum of the skills covered, given each entry's `cover`
        (a value per entry, or a row per entry with a column per profile): a group's weight times its best member's
        cover, less its members' weighted covers, which that sum counted."""
        cover = np.asarray(cover, dtype=np.float32)
        if not len(self.group_pair):
            return np.zeros((n_pairs,) + cover.shape[1:], dtype=np.float32)
        padded = np.concatenate([cover, np.zeros((1,) + cover.shape[1:], dtype=np.float32)])
        best = padded[self.slots[:, 0]]
        total = best.copy()
        for slot in self.slots.T[1:]:  # a slot at a time over every group: a group has few members
            member = padded[slot]
            np.maximum(best, member, out=best)
            total += member
        gain = self.group_weight.reshape((-1,) + (1,) * (cover.ndim - 1)) * (best - total)
        to_pair = sp.csr_matrix((np.ones(len(self.group_pair), dtype=np.float32), (self.group_pair, np.arange(len(self.group_pair)))),
                                shape=(n_pairs, len(self.group_pair)))
        return np.asarray(to_pair @ gain)


@dataclass
class PairScores:
    """Component scores of many pairs: `profile[k]`, `job[k]` index the sides' rows."""

    profile: np.ndarray
    job: np.ndarray
    similarity: np.ndarray
    typical: np.ndarray  # the posting's mean similarity to its candidates
    share: np.ndarray  # of the posting's skills (weighted), the share the candidate covers
    typical_share: np.ndarray  # ... and the share its typical candidate covers (NaN: not measured)
    salary_known: np.ndarray  # both sides state a salary in one currency: the salary component counts
    components: dict[str, np.ndarray]
    total: np.ndarray


@dataclass
class Coverage:
    """Each posting's typical candidate: the mean and spread of the share of its skills the profiles that can see it
    cover (NaN where too few profiles can: the skills component is then the share itself)."""

    mean: np.ndarray
    std: np.ndarray

    @classmethod
    def measure(cls, profiles: ProfileSide, jobs: JobSide, seed: int = 0, chunk: int = 4096) -> Coverage:
        """Over the pools the typical similarity is measured over (`candidates.typical_pools`). A posting asking what
        every resume lists ('communication', 'customer service') is covered by everyone; measured as the share alone,
        it topped the lists of candidates it fits no better than anyone."""
        mean, std = np.full(len(jobs.ids), np.nan), np.full(len(jobs.ids), np.nan)
        # how many asks each posting's weights amount to ((Σw)² / Σw²), once for all pools
        squares = np.asarray(jobs.wanted.multiply(jobs.wanted).sum(axis=1)).ravel()
        asks = np.maximum(jobs.wanted_total.astype(np.float64) ** 2 / np.maximum(squares, 1e-9), 1.0)
        for rows, cols in typical_pools(profiles.tenants, jobs.tenants, seed):
            by_skill = profiles.cover_matrix[rows].T.tocsr()  # a row per skill, a column per profile of the pool
            for start in range(0, len(cols), chunk):
                part = cols[start:start + chunk]
                covered = (jobs.wanted[part] @ by_skill).toarray()  # a row per posting
                alternatives = Alternatives.of(jobs, part)
                if len(alternatives.cols):  # the pool's profiles at once, a column each
                    covered += alternatives.gain(by_skill[alternatives.cols].toarray(), len(part))
                share = covered / np.maximum(jobs.wanted_total[part], 1e-9)[:, None]
                mean[part] = share.mean(1)
                # pooled with a prior spread as if PRIOR_PROFILES more profiles were measured, as the typical similarity is;
                # the prior is no narrower than the steps the posting's share moves in: covering one more of its few
                # asks ('Nursing, Communication') moves it by a half, and a candidate who covers each ask as often as
                # the typical one does, independently, spreads as a binomial over its asks (weighted by their weights)
                typical = np.clip(mean[part], 0.0, 1.0)
                prior = np.maximum(COVERAGE_PRIOR_STD ** 2, typical * (1.0 - typical) / asks[part])
                spread = (len(rows) * share.var(1) + PRIOR_PROFILES * prior) / (len(rows) + PRIOR_PROFILES)
                std[part] = np.maximum(np.sqrt(spread), 0.01)
        return cls(mean, std)


def _cells(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """matrix[rows[k], cols[k]] for each k, flat. For no cells at all scipy gives an empty sparse matrix, not an
    array: scoring no pairs (no posting a profile may see) failed on it, and with it the matches run."""
    if not len(rows):
        return np.zeros(0, dtype=matrix.dtype)
    return np.asarray(matrix[rows, cols]).ravel()


def score_pairs(profiles: ProfileSide, jobs: JobSide, p: np.ndarray, j: np.ndarray, similarity: np.ndarray,
                job_mean: np.ndarray, job_std: np.ndarray, weights: dict[str | None, Weights],
                titles: Titles | None = None, coverage: Coverage | None = None) -> PairScores:
    """Every component and the total for the pairs (p[k], j[k]), without a Python loop over pairs.
    Without `titles` the title component is neutral (50); without `coverage` (or where it has no typical candidate)
    the skills component is the share of the posting's skills covered."""
    p, j = np.asarray(p, dtype=np.int64), np.asarray(j, dtype=np.int64)
    title = titles.score(p, j) if titles is not None else np.full(len(p), 50.0)
    covered = np.asarray(profiles.cover_matrix[p].multiply(jobs.wanted[j]).sum(axis=1)).ravel()
    alternatives = Alternatives.of(jobs, j)
    if len(alternatives.cols):
        covered += alternatives.gain(_cells(profiles.cover_matrix, p[alternatives.pair], alternatives.cols), len(p))
    total_wanted = jobs.wanted_total[j]
    share = covered / np.maximum(total_wanted, 1e-9)
    typical_share, spread = (coverage.mean[j], coverage.std[j]) if coverage is not None else (np.full(len(p), np.nan), 1.0)
    skills = np.where(total_wanted > 0, np.where(np.isnan(typical_share), 100.0 * share,
                                                 semantic_score((share - typical_share) / spread)), 50.0)

    years, asked = profiles.years[p], jobs.years[j]
    by_years = 100.0 * np.minimum(1.0, years / np.where(asked > 0, asked, 1.0))
    level_known = jobs.level[j] >= 0
    gap = profiles.level[p] - jobs.level[j]
    by_level = np.maximum(0.0, 100.0 - 35.0 * np.abs(gap))
    # the years asked say who is short of the job; a title for beginners says too who is past it
    past_it = np.where(jobs.for_beginners[j] & level_known, np.maximum(0.0, 100.0 - 35.0 * np.maximum(gap, 0)), 100.0)
    experience = np.where(~np.isnan(asked), np.minimum(np.where(asked > 0, by_years, 100.0), past_it),
                          np.where(level_known, by_level, 100.0))

    own, wanted_level = profiles.education[p], jobs.education[j]
    short = wanted_level - own
    education = np.where(wanted_level < 0, 100.0, np.where(own < 0, 40.0, np.where(short <= 0, 100.0, np.maximum(20.0, 100.0 - 40.0 * short))))

    same_city = np.fromiter((bool(profiles.city[a]) and (profiles.city[a] in jobs.place[b] or profiles.town[a] == jobs.town[b])
                             for a, b in zip(p, j, strict=True)), dtype=bool, count=len(p))
    has_place = np.fromiter((bool(jobs.place[b]) for b in j), dtype=bool, count=len(p))
    # a remote job open only to other countries than the candidate's fits no better than one in another town
    country = profiles.country[p]
    elsewhere = jobs.restricted[j] & (country >= 0) & ~_cells(jobs.allowed, j, np.maximum(country, 0))
    # a candidate willing to move to the job's town (or anywhere in its country) fits it as one who lives there, or
    # nearly (RELOCATING_ANYWHERE)
    moves_there, moves_anywhere = np.zeros(len(p), dtype=bool), np.zeros(len(p), dtype=bool)
    for k in np.flatnonzero(profiles.relocating[p]):  # only the pairs of profiles that say they would move
        a, b = p[k], j[k]
        moves = relocates_there(profiles.relocation[a], profiles.home_country[a], jobs.place[b], jobs.place_country[b], jobs.town[b])
        moves_there[k], moves_anywhere[k] = moves == "named", moves == "anywhere"
    location = np.where(jobs.remote[j] & ~elsewhere | same_city | moves_there, 100.0,
                        np.where(moves_anywhere & ~jobs.remote[j], RELOCATING_ANYWHERE,
                                 np.where(has_place | elsewhere, 30.0, 60.0)))

    salary, salary_known = salary_score(profiles, jobs, p, j)
    semantic = semantic_score((similarity - job_mean[j]) / job_std[j])
    components = {"skills": skills, "title": title, "experience": experience, "education": education, "location": location,
                  "salary": salary, "semantic": semantic}
    total = np.zeros(len(p))
    tenants = np.array([profiles.tenants[a] for a in p], dtype=object)
    for tenant in set(tenants.tolist()) if len(p) else ():
        w = weights.get(tenant, weights[None]).as_dict()
        rows = tenants == tenant
        salary_weight = w["salary"] * salary_known[rows]  # a salary only one side states counts for nothing
        total[rows] = (sum(components[name][rows] * w[name] for name in COMPONENTS if name != "salary")
                       + components["salary"][rows] * salary_weight) / (sum(w.values()) - w["salary"] + salary_weight)
    return PairScores(p, j, np.asarray(similarity, dtype=np.float64), job_mean[j], share, typical_share, salary_known,
                      components, total)


def _in_usd(amounts: np.ndarray, currencies: np.ndarray) -> np.ndarray:
    """Yearly figures in US dollars at the reference rates (jobfit.exchange); NaN in a currency with none."""
    rate = {c: exchange.convert(1.0, c, "USD") for c in set(currencies.tolist()) if c}
    return amounts * np.array([rate.get(c) or np.nan for c in currencies.tolist()], dtype=np.float64)


def salary_score(profiles: ProfileSide, jobs: JobSide, p: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(score, known): 100 when the candidate asks no more than the posting's top figure, 50 points less for every
    tenth asked above it, so a fifth over is no fit. Known where both state a yearly figure, in one currency or in
    two with reference rates (compared in US dollars: a Lisbon candidate's euros against a remote job's dollars);
    elsewhere the score is 50 and the component is left out of the total."""
    currency = profiles.pay_currency[p]
    same_currency = (currency != "") & (currency == jobs.pay_currency[j])
    asked = np.where(same_currency, profiles.pay_asked[p], profiles.pay_asked_usd[p])
    offered = np.where(same_currency, jobs.pay_offered[j], jobs.pay_offered_usd[j])
    known = ~np.isnan(asked) & ~np.isnan(offered)
    over = np.nan_to_num(asked / offered - 1.0)
    return np.where(known, np.clip(100.0 - 500.0 * over, 0.0, 100.0), 50.0), known


def _listed(names: list[str], limit: int) -> str:
    """The first `limit` names, and how many more there are: a reason that counts 8 skills names 8 or says so."""
    more = len(names) - limit
    return ", ".join(names[:limit]) + (f" and {more} more" if more > 0 else "")


def asked_closeness(profiles: ProfileSide, jobs: JobSide, scores: PairScores, keep: np.ndarray) -> list[tuple[list, list[float]]]:
    """For each pair in `keep`: what its posting asks (`asks()`, made once per posting) and how close its profile comes
    to each skill of it in turn (the best of the profile's own skills does), all read in one lookup of `cover_matrix`.
    Asking `covers` for each, a loop over the profile's skills' reach, was a fifth of explaining a match."""
    asks_of: dict[int, list] = {}
    pairs = []
    for k in keep:
        b = int(scores.job[k])
        if b not in asks_of:
            asks_of[b] = jobs.jobs[jobs.ids[b]].meta.asks()
        pairs.append((int(scores.profile[k]), asks_of[b]))
    counts = [sum(map(len, asks)) for _, asks in pairs]
    flat = [skill.id for _, asks in pairs for ask in asks for skill in ask]
    rows = np.repeat(np.array([a for a, _ in pairs], dtype=np.int64), counts)
    cols = np.fromiter((profiles.skill_index.get(sid, -1) for sid in flat), dtype=np.int64, count=len(flat))
    found = cols >= 0
    values = np.zeros(len(flat), dtype=np.float64)
    values[found] = _cells(profiles.cover_matrix, rows[found], cols[found])
    for n in np.flatnonzero(~found):  # a skill the taxonomy no longer has (a posting analyzed with an older one)
        values[n] = profiles.covers(int(rows[n]), flat[n])[0]
    parts = np.split(values, np.cumsum(counts)[:-1]) if pairs else []
    return [(asks, part.tolist()) for (_, asks), part in zip(pairs, parts, strict=True)]


def explain(profiles: ProfileSide, jobs: JobSide, scores: PairScores, k: int, weights: Weights, computed_at: str,
            asks: list, closeness: list[float]) -> Match:
    """The Match of pair k with its components, matched and missing skills and reasons in plain sentences (`asks` and
    `closeness`: what `asked_closeness` gives for the pair)."""
    a, b = int(scores.profile[k]), int(scores.job[k])
    profile, job = profiles.profiles[profiles.ids[a]], jobs.jobs[jobs.ids[b]]
    names = {s.id: s.name for s in profile.meta.skills}
    reasons: list[str] = []
    matched, missing, partial = [], [], []
    required = {s.id for s in job.meta.required_skills}
    have_required = []
    closeness = iter(closeness)
    for ask in asks:
        covered = [(next(closeness), skill) for skill in ask]
        best, best_skill = max(covered, key=lambda c: c[0])
        best_name = best_skill.name
        for value, skill in covered:
            if value > 0:
                matched.append(skill.name)
                if value < 1.0 and best < 1.0:  # (an alternative the candidate has is enough said)
                    via = profiles.covers(a, skill.id)[1]
                    partial.append(f"{skill.name} (through {names.get(via, via)})")
        if ask[0].id in required:
            if best >= 1.0:
                have_required.append(best_name)
            elif best <= 0:
                missing.append(" or ".join(skill.name for skill in ask))
    if not required and not job.meta.preferred_skills:
        reasons.append("The posting names no skills we recognize, so skills count as neutral.")
    if required:
        count = sum(ask[0].id in required for ask in asks)
        reasons.append(f"Has {len(have_required)} of {count} required skills"
                       + (f": {_listed(have_required, 6)}." if have_required else "."))
    if (required or job.meta.preferred_skills) and not np.isnan(scores.typical_share[k]):
        share, typical = float(scores.share[k]), float(scores.typical_share[k])
        reasons.append(f"Covers {share:.0%} of what the posting asks, "
                       + ("more than" if share > typical + 0.005 else "less than" if share < typical - 0.005 else "as much as")
                       + f" its typical candidate ({typical:.0%}).")
    if partial:
        reasons.append("Partly covered by related skills: " + _listed(partial, 4) + ".")
    if years := _skill_years(profile, job, asks):
        reasons.append("Years with the skills asked: " + _listed(years, 6) + ".")
    if missing:
        reasons.append("Missing required skills: " + _listed(missing, 6) + ".")
    reasons += [r for r in (_title_reason(profile, job, float(scores.components["title"][k])), _experience_reason(profile, job),
                            _education_reason(profile, job), _location_reason(profile, job, jobs.place_country[b]), _salary_reason(profile, job)) if r]
    similarity, typical = float(scores.similarity[k]), float(scores.typical[k])
    if similarity >= typical:
        reasons.append(f"The resume reads closer to this posting than its typical candidate's does "
                       f"(similarity {similarity:.2f} against {typical:.2f}).")
    else:
        reasons.append(f"The resume describes other work than this posting does (similarity {similarity:.2f}, "
                       f"its typical candidate {typical:.2f}).")
    w = weights.as_dict()
    # one validation of the whole dict (in pydantic's core) costs less than building the component models one by one
    return Match.model_validate(dict(
        profile_id=profiles.ids[a], job_id=jobs.ids[b], tenant=profile.meta.tenant, score=round(float(scores.total[k]), 1),
        components={name: {"score": round(float(scores.components[name][k]), 1),
                           "weight": 0.0 if name == "salary" and not scores.salary_known[k] else w[name]} for name in COMPONENTS},
        matched_skills=matched, missing_skills=missing, reasons=reasons, weights_version=weights.version, computed_at=computed_at,
    ))


def _skill_years(profile: Profile, job: JobPosting, asks: list[tuple]) -> list[str]:
    """'Python 7.5 (5 asked)' for each skill the posting asks years of ('5+ years of Python') that the resume dates
    (the roles that mention it, or years stated beside it); of alternatives, the one the candidate has longest."""
    asked = job.meta.skill_years
    if not asked:
        return []
    own, out = {s.id: s.years for s in profile.meta.skills if s.years}, []
    for ask in asks:
        dated = [(own[s.id], s) for s in ask if s.id in own and s.id in asked]
        if dated:
            years, skill = max(dated, key=lambda d: d[0])
            out.append(f"{skill.name} {years:g} ({asked[skill.id]:g} asked)")
    return out


def _title_reason(profile: Profile, job: JobPosting, score: float) -> str | None:
    """Said when the title component is a deviation or more from typical (73 and above, 27 and below)."""
    close, far = score >= semantic_score(1.0), score <= semantic_score(-1.0)
    if not (close or far):
        return None
    theirs, posted = readable_case(profile.basics.label or ""), readable_case(job.title)
    return f"Their title, {theirs}, is {'close to' if close else 'far from'} this posting's ({posted})."


def _experience_reason(profile: Profile, job: JobPosting) -> str | None:
    years = profile.meta.total_years_experience
    if job.meta.years_required:
        past = (FOR_BEGINNERS.search(job.title or "") and job.meta.seniority
                and LEVELS.index(profile.meta.career_level) > LEVELS.index(job.meta.seniority))
        return f"{years:g} years of experience against {job.meta.years_required:g} asked" + (
            f"; the role is for beginners, their career level {profile.meta.career_level}." if past else ".")
    if job.meta.seniority:
        if profile.meta.career_level == job.meta.seniority:
            return f"Career level ({profile.meta.career_level}) fits the {job.meta.seniority} role."
        return f"Career level {profile.meta.career_level} against a {job.meta.seniority} role."
    return None


def _education_reason(profile: Profile, job: JobPosting) -> str | None:
    asked, own = job.meta.education_level, profile.meta.education_level
    if not asked:
        return None
    if own is None:
        return f"The posting asks for a {asked} degree; none was found in the resume."
    if EDUCATION_LEVELS.index(own) >= EDUCATION_LEVELS.index(asked):
        return f"Education ({own}) meets the {asked} asked."
    return f"Education ({own}) is below the {asked} asked."


@cache
def _country_index() -> dict[str, int]:
    """Each country's column in a posting side's `allowed` (ISO 3166 alpha-2, sorted)."""
    import pycountry

    return {code: k for k, code in enumerate(sorted(c.alpha_2 for c in pycountry.countries))}


def remote_countries(job: JobPosting) -> frozenset[str] | None:
    """The countries a remote job may be done from, as far as its regions name countries; None when they name none."""
    return _countries_of_regions(tuple(job.meta.regions_allowed)) if job.remote == "Full" else None


@lru_cache(maxsize=4096)
def _countries_of_regions(regions: tuple[str, ...]) -> frozenset[str] | None:
    """(Explaining a match asks it of the same few region lists again and again.)"""
    place = parse_place(", ".join(regions))  # 'Atlanta, Georgia' is in the US, not in Georgia
    if place is not None and place.countryCode:
        return frozenset({place.countryCode})
    named = [found for region in regions if (found := countries_of_region(region)) is not None]
    return frozenset().union(*named) if named else None


def _location_reason(profile: Profile, job: JobPosting, job_country: str | None) -> str | None:
    """(`job_country`: the posting side's `place_country` of the job.)"""
    if job.remote == "Full":
        allowed, country = remote_countries(job), profile.basics.location.countryCode
        if allowed is not None and country and country not in allowed:
            return (f"The position is remote from {', '.join(job.meta.regions_allowed)} only; the candidate is in "
                    f"{_country_name(country)}.")
        return "The position is remote."
    place, city, town = _job_place(job), profile.basics.location.city, _job_town(job)
    if place and city and (city.lower() in place.lower() or (town and town_key(city) == town_key(town))):
        return f"Lives in {city}, where the job is."
    if not place:
        return None
    relocation = profile.meta.relocation
    moves = relocates_there(relocation, profile.basics.location.countryCode, place.lower(), job_country, town_key(town) if town else "")
    lives = f"; lives in {city}" if city else ""
    if moves == "named":
        return f"Willing to relocate to {place}, where the job is{lives}."
    if moves == "anywhere":
        return f"The job is in {place}; the candidate " + (f"is in {city} and " if city else "is ") + "willing to relocate."
    said = ""
    if relocation is not None and relocation.willing and relocation.places:
        named = [place_text(where) if where.city or where.region else where.address or _country_name(where.countryCode or "")
                 for where in relocation.places]
        said = f" (willing to relocate to {_listed(named, 4)})"
    elif relocation is not None and not relocation.willing:
        said = " (not willing to relocate)"
    return f"The job is in {place}" + (f"; the candidate is in {city}{said}." if city else f"{said}.")


def _country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or (country.name if country else code)


def _salary_reason(profile: Profile, job: JobPosting) -> str | None:
    asked, offered = profile.meta.desired_salary, job.meta.salary
    if not (asked and offered and offered.stated and asked.annualized_min and offered.annualized_max):
        return None
    low, high = offered.annualized_min or offered.annualized_max, offered.annualized_max
    offer = f"{offered.currency} {low:,.0f}" + (f" to {high:,.0f}" if high != low else "")
    asked_there = exchange.convert(asked.annualized_min, asked.currency, offered.currency)  # the same in one currency
    if asked_there is None:
        return None
    ask = f"{asked.currency} {asked.annualized_min:,.0f} a year"
    if asked.currency != offered.currency:  # said in the posting's currency too, at the reference rates
        ask += f" (about {offered.currency} {asked_there:,.0f} at the ECB rates of {exchange.rates_date()})"
    if asked_there <= high:
        return f"Asks {ask}; the posting offers {offer}."
    return f"Asks {ask}, more than the posting's {offer}."
