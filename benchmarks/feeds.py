"""What each feed yields (issue 6 figures). Run by hand, never by the tests:

    python benchmarks/feeds.py FEED_FILE_OR_DIR...

For every feed file (RSS, Atom or a JSON job API response): postings read, duplicates merged (the
same canonical URL in the same or an earlier feed), and how many analyzed postings have each field;
then the analysis throughput in postings per second: the first pass, feed by feed as fetches meet them, and the
median of 3 passes over all of them once the clauses' openings are tagged (models loaded first).
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobfit.feeds import FeedError, read_feed  # noqa: E402
from jobfit.jobs import analyze_jobs  # noqa: E402
from jobfit.occupations import shared_occupation_matcher  # noqa: E402
from jobfit.taxonomy import shared_matcher  # noqa: E402

FIELDS = {
    "company": lambda j: j.company, "date": lambda j: j.date, "location": lambda j: j.location,
    "salary": lambda j: j.meta.salary, "skills": lambda j: j.meta.required_skills, "occupation": lambda j: j.meta.occupation,
    "seniority": lambda j: j.meta.seniority, "type": lambda j: j.meta.employment_type,
    "remote": lambda j: j.remote in ("Full", "Hybrid"),  # remote or hybrid jobs: on-site is 'None', a decided value
    "duties": lambda j: j.responsibilities, "asks": lambda j: j.qualifications,  # the posting's own lists
}


def main(paths: list[str]) -> None:
    files = sorted(f for p in map(Path, paths) for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())
    matcher, occupations = shared_matcher(), shared_occupation_matcher()
    # spaCy's tagger and the embedding model loaded before any timing
    analyze_jobs([{"id": "warm-up", "title": "Clerk", "description": "Requirements:\n- Filing records in Excel"}], matcher, occupations)
    seen: set[str] = set()
    first_pass = 0.0  # each feed's postings analyzed as a fetch meets them: their clauses' openings not tagged before
    everything = []
    print(f"{'feed':60} {'read':>5} {'dups':>5}  " + " ".join(f"{k:>10}" for k in FIELDS))
    for path in files:
        try:
            raw = read_feed(path.read_bytes(), feed_name=path.stem)
        except FeedError as exc:
            print(f"{str(path):60} ERROR {exc}")
            continue
        fresh = [r for r in raw if r["id"] not in seen]
        seen.update(r["id"] for r in raw)
        started = time.perf_counter()
        jobs = analyze_jobs(fresh, matcher, occupations)
        first_pass += time.perf_counter() - started
        everything += fresh
        counts = " ".join(f"{sum(1 for j in jobs if get(j)):>10}" for get in FIELDS.values())
        print(f"{str(path)[-60:]:60} {len(raw):>5} {len(raw) - len(fresh):>5}  {counts}")
    rates = []
    for _ in range(3):
        started = time.perf_counter()
        analyze_jobs(everything, matcher, occupations)
        rates.append(len(everything) / (time.perf_counter() - started))
    print(f"{len(everything)} distinct postings; analyzed at {statistics.median(rates):.0f} postings/s "
          f"(runs: {', '.join(f'{r:.0f}' for r in rates)}); the first time, feed by feed, at {len(everything) / first_pass:.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
