"""Cost of matching at scale (issue 7 figures). Run by hand, never by the tests:

    python benchmarks/matching.py [--sizes 1000x10000,3000x30000,10000x100000] [--top 20]

Synthetic profiles and postings (skills drawn from the shipped taxonomy by occupation, so they overlap
the way real ones do; career levels, years, education, places, remote flags) with clustered unit
vectors stand in for embedded text; the scoring is the real one. Each size runs in a fresh process and
reports: seconds to build the matcher (features of both sides, each posting's typical similarity and the
titles' typical similarities),
seconds for the top `--top` postings of every profile fully scored and explained, peak resident memory,
seconds for the other direction (the best profiles of each tenant-owned posting, a tenth of them here),
then seconds for a full pass of the cycle collector (explaining pauses it; what it allocated is swept
once after), then seconds for one new profile among them (features, candidates, scoring, explanation).

    python benchmarks/matching.py --embed POSTINGS.jsonl [--repeat 3]

    python benchmarks/matching.py --lancedb 100000

One-off queries instead: a LanceDB table of that many posting vectors (three tenants and global ones),
the median latency of a tenant-filtered top-20 query without and with an IVF_PQ index, the index's build
time and its recall of the exact top 20.

Embedding throughput instead: posting texts (`job_text` of each analyzed posting, as `jobfit feed --jsonl`
prints them) per second, median of --repeat runs, and the minutes 100,000 such postings would take.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUN = r"""
import gc, json, resource, sys, time
import numpy as np
sys.path.insert(0, {root!r})
sys.path.insert(0, {root!r} + "/benchmarks")
from jobfit.matching import Matcher
from synthetic import synthetic

n_profiles, n_jobs, top = {profiles}, {jobs}, {top}
data = synthetic(n_profiles, n_jobs)
taxonomy, profiles, jobs = data.taxonomy, data.profiles, data.jobs
P, J, P_title, J_title = data.profile_vectors, data.job_vectors, data.profile_titles, data.job_titles
out = {{"profiles": n_profiles, "postings": n_jobs}}
t0 = time.perf_counter()
matcher = Matcher.build(profiles, P, jobs, J, taxonomy, profile_titles=P_title, job_titles=J_title)
t1 = time.perf_counter()
matches = matcher.for_profiles(top_n=top)
t2 = time.perf_counter()
out.update(build_s=round(t1 - t0, 2), top_s=round(t2 - t1, 2), total_s=round(t2 - t0, 2), matches=len(matches),
           pairs_scored=matcher.pairs_scored, rss_gb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2, 2))
# the other direction: each tenant-owned posting's best profiles (a tenth of the postings here)
t2 = time.perf_counter()
owned = np.array([n for n, t in enumerate(matcher.jobs.tenants) if t is not None])
by_posting = matcher.for_postings(owned, top_n=top)
out.update(owned_postings=len(owned), owned_postings_s=round(time.perf_counter() - t2, 2), both_directions_s=round(time.perf_counter() - t0, 2),
           rss_gb_both=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2, 2))
# the cycle collector's sweep of what the explanations allocated (paused while they are made), timed on its own
t3 = time.perf_counter()
gc.collect()
out.update(collect_s=round(time.perf_counter() - t3, 2))
# one new profile: its features, its candidates among every posting, scored and explained
t3 = time.perf_counter()
newcomer = {{"new": next(iter(profiles.values()))}}
one = matcher.with_profiles(newcomer, P[:1], P_title[:1]).for_profiles(top_n=top)
out.update(one_profile_s=round(time.perf_counter() - t3, 3), one_profile_matches=len(one))
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000x10000,3000x30000,10000x100000")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--embed", type=Path, help="analyzed postings (JSONL) to time the embedding of")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lancedb", type=int, help="rows of a LanceDB table to time one-off queries on")
    args = parser.parse_args()
    if args.embed:
        return embed_rate(args.embed, args.repeat)
    if args.lancedb:
        return lancedb_queries(args.lancedb)
    for size in args.sizes.split(","):
        n_profiles, n_jobs = (int(x) for x in size.split("x"))
        code = RUN.format(root=str(ROOT), profiles=n_profiles, jobs=n_jobs, top=args.top)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if done.returncode:
            sys.exit(done.stderr)
        print(json.dumps(json.loads(done.stdout.strip().splitlines()[-1])))


def lancedb_queries(rows: int) -> None:
    import statistics
    import tempfile
    import time

    import numpy as np

    from jobfit.vectors import VectorStore

    rng = np.random.default_rng(7)
    centers = rng.normal(size=(200, 384)).astype(np.float32)
    vectors = centers[rng.integers(200, size=rows)] + rng.normal(scale=1.2, size=(rows, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    tenants = [None if i % 10 else ("acme", "globex", "initech")[i % 3] for i in range(rows)]
    store = VectorStore(Path(tempfile.mkdtemp()) / "lancedb", ann_min_rows=rows + 1)
    ids = [f"j{i}" for i in range(rows)]
    for start in range(0, rows, 50_000):
        store.upsert("jobs", ids[start:start + 50_000], tenants[start:start + 50_000], ["s"] * len(ids[start:start + 50_000]),
                     vectors[start:start + 50_000])
    queries = vectors[rng.integers(rows, size=20)] + rng.normal(scale=0.05, size=(20, 384)).astype(np.float32)

    def run() -> tuple[float, list[set[str]]]:
        times, found = [], []
        for q in queries:
            started = time.perf_counter()
            found.append({job for job, _ in store.nearest("jobs", q, 20, "acme")})
            times.append(time.perf_counter() - started)
        return statistics.median(times), found

    exact_s, exact = run()
    store.ann_min_rows = 0
    started = time.perf_counter()
    store._index("jobs")
    build_s = time.perf_counter() - started
    ann_s, approximate = run()
    recall = statistics.mean(len(a & e) / len(e) for a, e in zip(approximate, exact, strict=True))
    print(json.dumps({"rows": rows, "exact_query_ms": round(exact_s * 1000, 1), "ivf_pq_build_s": round(build_s, 1),
                      "ivf_pq_query_ms": round(ann_s * 1000, 1), "ivf_pq_recall_at_20": round(recall, 3)}))


def embed_rate(path: Path, repeat: int) -> None:
    import statistics
    import time

    from jobfit.embedding import MODEL_VERSION, embed_texts
    from jobfit.jobs import job_text
    from jobfit.schema import JobPosting

    texts = [job_text(JobPosting.model_validate_json(line)) for line in path.read_text().splitlines() if line.strip()]
    embed_texts(texts[:8])  # the model loads once
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        embed_texts(texts)
        runs.append(time.perf_counter() - started)
    rate = len(texts) / statistics.median(runs)
    print(json.dumps({"model": MODEL_VERSION, "texts": len(texts), "texts_per_s": round(rate, 1),
                      "minutes_for_100k": round(100_000 / rate / 60, 1)}))


if __name__ == "__main__":
    main()
