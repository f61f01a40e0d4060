"""Candidate generation: exact cosine over vectors held in memory, chunked, tenant filters applied before ranking.

Measured on this machine (docs/matching.md): for batch matching, chunked brute force with
`torch.mm` + `torch.topk` beats an ANN index up to about a million postings and loses no recall.
"""

from __future__ import annotations

import zlib

import numpy as np

TYPICAL_SAMPLE = 2000  # profiles a posting's typical similarity is measured on
MIN_POPULATION = 5  # fewer visible profiles than this: the posting's typical similarity is the global one
DEFAULT_MEAN, DEFAULT_STD = 0.2, 0.1  # MiniLM resume-to-posting cosine when there are no profiles to measure on
PRIOR_PROFILES = 10  # how many profiles' worth of DEFAULT_STD a posting's measured spread is pooled with
CHUNK = 1024  # profile rows per matrix product: 1024 x 100,000 similarities are 400 MB


def visible(job_tenant: str | None, profile_tenant: str) -> bool:
    """A global posting is visible to every tenant; a tenant's posting only to its own profiles."""
    return job_tenant is None or job_tenant == profile_tenant


def _torch():
    import torch

    return torch


def _groups(tenants: list) -> dict:
    out: dict = {}
    for i, tenant in enumerate(tenants):
        out.setdefault(tenant, []).append(i)
    return {k: np.asarray(v, dtype=np.int64) for k, v in out.items()}


def typical_pools(profile_tenants: list[str], job_tenants: list[str | None], seed: int = 0):
    """The (profiles, postings) pools a posting's typical candidate is measured over, in order, a later pool's figures
    replacing an earlier one's: every profile for every posting, then each tenant's own postings over that tenant's
    profiles; a pool of fewer than MIN_POPULATION profiles is none, one of more than TYPICAL_SAMPLE a fixed random
    sample of them. The sample of a pool depends on its profiles alone, not on the postings measured with it: a
    posting measured alone (a new one) is measured as it would be among all."""

    def sampled(rows: np.ndarray, tenant: str | None) -> np.ndarray:
        if len(rows) <= TYPICAL_SAMPLE:
            return rows
        rng = np.random.default_rng(seed if tenant is None else [seed, zlib.crc32(tenant.encode())])
        return np.sort(rng.choice(rows, TYPICAL_SAMPLE, replace=False))

    everyone = np.arange(len(profile_tenants))
    if len(everyone) >= MIN_POPULATION:
        yield sampled(everyone, None), np.arange(len(job_tenants))
    by_tenant = _groups(profile_tenants)
    for tenant, cols in _groups(job_tenants).items():
        rows = by_tenant.get(tenant) if tenant is not None else None
        if rows is not None and len(rows) >= MIN_POPULATION:
            yield sampled(rows, tenant), cols


def posting_typicals(profile_vectors: np.ndarray, profile_tenants: list[str], job_vectors: np.ndarray,
                     job_tenants: list[str | None], seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Each posting's mean and standard deviation of similarity over the profiles that can see it (`typical_pools`).
    Semantic scores are measured against them, so a posting that reads like every resume ("business manager") does
    not top every list."""
    torch = _torch()
    n_jobs = len(job_vectors)
    mean, std = np.full(n_jobs, DEFAULT_MEAN), np.full(n_jobs, DEFAULT_STD)
    if not len(profile_vectors) or not n_jobs:
        return mean, std
    for rows, cols in typical_pools(profile_tenants, job_tenants, seed):
        sims = torch.from_numpy(np.ascontiguousarray(profile_vectors[rows])) @ torch.from_numpy(np.ascontiguousarray(job_vectors[cols])).T
        mean[cols] = sims.mean(0).numpy()
        # the spread over a few profiles is a poor estimate (eight profiles put it at 0.058 for the shared feeds'
        # postings, 120 at 0.081), and a small one makes any resume stand out: it is read as if PRIOR_PROFILES more
        # profiles spread as DEFAULT_STD were in the pool
        spread = sims.var(0, correction=0).numpy()
        std[cols] = np.maximum(np.sqrt((len(rows) * spread + PRIOR_PROFILES * DEFAULT_STD ** 2) / (len(rows) + PRIOR_PROFILES)), 0.02)
    return mean, std


def nearest_postings(profile_vectors: np.ndarray, profile_tenants: list[str], job_vectors: np.ndarray,
                     job_tenants: list[str | None], job_mean: np.ndarray, job_std: np.ndarray, k: int,
                     only_jobs: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each profile's k postings whose similarity stands highest above their typical candidate's, among the
    postings it may see (and among `only_jobs` when given). Returns parallel arrays profile row, job row, cosine."""
    torch = _torch()
    out_p, out_j, out_s = [], [], []
    allowed_jobs = np.ones(len(job_vectors), dtype=bool) if only_jobs is None else np.isin(np.arange(len(job_vectors)), only_jobs)
    for tenant, rows in _groups(profile_tenants).items():
        cols = np.flatnonzero(allowed_jobs & np.array([visible(t, tenant) for t in job_tenants], dtype=bool))
        if not len(cols):
            continue
        jobs = torch.from_numpy(np.ascontiguousarray(job_vectors[cols]))
        mean = torch.from_numpy(job_mean[cols].astype(np.float32))
        scale = torch.from_numpy((1.0 / job_std[cols]).astype(np.float32))
        kk = min(k, len(cols))
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start:start + CHUNK]
            sims = torch.from_numpy(np.ascontiguousarray(profile_vectors[chunk])) @ jobs.T
            best = torch.topk((sims - mean) * scale, kk, dim=1).indices
            out_p.append(np.repeat(chunk, kk))
            out_j.append(cols[best.numpy().ravel()])
            out_s.append(torch.gather(sims, 1, best).numpy().ravel())
    if not out_p:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    return np.concatenate(out_p), np.concatenate(out_j), np.concatenate(out_s)


def nearest_profiles(profile_vectors: np.ndarray, profile_tenants: list[str], job_vectors: np.ndarray,
                     job_tenants: list[str | None], k: int, only_jobs: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each posting's k most similar profiles among those that may see it (postings in `only_jobs` when given)."""
    torch = _torch()
    out_p, out_j, out_s = [], [], []
    wanted = np.arange(len(job_vectors)) if only_jobs is None else np.asarray(only_jobs, dtype=np.int64)
    by_tenant = _groups(profile_tenants)
    everyone = np.arange(len(profile_vectors))
    for tenant, cols in _groups([job_tenants[c] for c in wanted]).items():
        cols = wanted[cols]
        rows = everyone if tenant is None else by_tenant.get(tenant, np.zeros(0, np.int64))
        if not len(rows):
            continue
        profiles = torch.from_numpy(np.ascontiguousarray(profile_vectors[rows]))
        kk = min(k, len(rows))
        for start in range(0, len(cols), CHUNK):
            chunk = cols[start:start + CHUNK]
            sims = torch.from_numpy(np.ascontiguousarray(job_vectors[chunk])) @ profiles.T
            top = torch.topk(sims, kk, dim=1)
            out_j.append(np.repeat(chunk, kk))
            out_p.append(rows[top.indices.numpy().ravel()])
            out_s.append(top.values.numpy().ravel())
    if not out_p:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    return np.concatenate(out_p), np.concatenate(out_j), np.concatenate(out_s)
