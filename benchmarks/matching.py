"""Cost of matching at scale (issue 7 figures). Run by hand, never by the tests:

    python benchmarks/matching.py [--sizes 1000x10000,3000x30000,10000x100000] [--top 20]

Synthetic profiles and postings (skills drawn from the shipped taxonomy by occupation, so they overlap
the way real ones do; career levels, years, education, places, remote flags) with clustered unit
vectors stand in for embedded text; the scoring is the real one. Each size runs in a fresh process and
reports: seconds to build the matcher (features of both sides and each posting's typical similarity),
seconds for the top `--top` postings of every profile fully scored and explained, peak resident memory,
then seconds for one new profile among them (features, candidates, scoring, explanation).
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUN = r"""
import json, resource, sys, time
import numpy as np
sys.path.insert(0, {root!r})
from jobfit.matching import Matcher
from jobfit.matching.scoring import EDUCATION_LEVELS, LEVELS
from jobfit.schema import JobPosting, Profile
from jobfit.taxonomy import load_taxonomy

n_profiles, n_jobs, top = {profiles}, {jobs}, {top}
rng = np.random.default_rng(7)
taxonomy = load_taxonomy()
occupations = [o for o in taxonomy.occupations.values() if len(o.essential) >= 8][:200]
cities = ["Berlin", "Paris", "Austin", "Pune", "Toronto", "Madrid", "Lagos", "Sydney"]
centers = rng.normal(size=(len(occupations), 384)).astype(np.float32)

def skills(occ, n):
    pool = list(occ.essential) + list(occ.optional)
    return [dict(id=s, name=taxonomy.skills[s].name, category=taxonomy.skills[s].category)
            for s in rng.choice(pool, size=min(n, len(pool)), replace=False) if s in taxonomy.skills]

def vectors(kinds):
    v = centers[kinds] + rng.normal(scale=1.2, size=(len(kinds), 384)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)

p_kind, j_kind = rng.integers(len(occupations), size=n_profiles), rng.integers(len(occupations), size=n_jobs)
tenants = ["acme", "globex", "initech"]
profiles = {{f"p{{i}}": Profile.model_validate(dict(
    basics=dict(name=f"Person {{i}}", location=dict(city=cities[i % len(cities)])),
    meta=dict(tenant=tenants[i % 3], document_sha256="0" * 64, schema_version="1", skills=skills(occupations[k], 12),
              total_years_experience=float(i % 15), career_level=LEVELS[i % 5], education_level=EDUCATION_LEVELS[i % 6])))
    for i, k in enumerate(p_kind)}}
jobs = {{f"j{{i}}": JobPosting.model_validate(dict(
    id=f"j{{i}}", title=occupations[k].title, location=cities[i % len(cities)] if i % 3 else None,
    remote="Full" if i % 3 == 0 else "None",
    meta=dict(tenant=None if i % 10 else tenants[i % 3], required_skills=skills(occupations[k], 6), preferred_skills=skills(occupations[k], 3),
              seniority=LEVELS[i % 6] if i % 2 else None, years_required=float(i % 8) or None,
              education_level=EDUCATION_LEVELS[i % 6] if i % 4 == 0 else None)))
    for i, k in enumerate(j_kind)}}
P, J = vectors(p_kind), vectors(j_kind)
out = {{"profiles": n_profiles, "postings": n_jobs}}
t0 = time.perf_counter()
matcher = Matcher.build(profiles, P, jobs, J, taxonomy)
t1 = time.perf_counter()
matches = matcher.for_profiles(top_n=top)
t2 = time.perf_counter()
out.update(build_s=round(t1 - t0, 2), top_s=round(t2 - t1, 2), total_s=round(t2 - t0, 2), matches=len(matches),
           pairs_scored=matcher.pairs_scored, rss_gb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2, 2))
# one new profile: its features, its candidates among every posting, scored and explained
t3 = time.perf_counter()
newcomer = {{"new": next(iter(profiles.values()))}}
one = matcher.with_profiles(newcomer, P[:1]).for_profiles(top_n=top)
out.update(one_profile_s=round(time.perf_counter() - t3, 3), one_profile_matches=len(one))
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000x10000,3000x30000,10000x100000")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    for size in args.sizes.split(","):
        n_profiles, n_jobs = (int(x) for x in size.split("x"))
        code = RUN.format(root=str(ROOT), profiles=n_profiles, jobs=n_jobs, top=args.top)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if done.returncode:
            sys.exit(done.stderr)
        print(json.dumps(json.loads(done.stdout.strip().splitlines()[-1])))


if __name__ == "__main__":
    main()
