"""Cost of the taxonomy (issue 4 figures). Run by hand, never by the tests:

    python benchmarks/taxonomy.py [TEXT_FILE_OR_JSONL ...] [--repeat 5]

Reports, each in a fresh process so nothing is cached: seconds to load the shipped taxonomy file,
seconds to build the skill matcher over every alias, resident memory after both; then skill
matcher throughput in words per second on one core over the given texts (JSONL lines contribute
their "title" and "description"; with no files, the bundled sample feed's postings), medians of
--repeat runs.
"""

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOAD = """
import json, resource, time
t0 = time.perf_counter()
from jobfit.taxonomy import SkillMatcher, load_taxonomy
t1 = time.perf_counter()
taxonomy = load_taxonomy()
t2 = time.perf_counter()
SkillMatcher(taxonomy)
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "matcher": t3 - t2,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def texts_from(paths: list[Path]) -> list[str]:
    if not paths:
        from jobfit.feeds import read_feed

        return [f"{j['title']}\n{j['description']}" for j in read_feed((ROOT / "samples/feeds/jobs.rss").read_bytes())]
    texts = []
    for path in paths:
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    texts.append(f"{row.get('title', '')}\n{row.get('description', '')}")
        else:
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    runs = [json.loads(subprocess.run([sys.executable, "-c", LOAD], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
            for _ in range(args.repeat)]
    for key in ("import", "load", "matcher", "rss_mb"):
        print(f"{key:8} median {statistics.median(r[key] for r in runs):.2f}  (runs: {', '.join(f'{r[key]:.2f}' for r in runs)})")

    from jobfit.taxonomy import shared_matcher

    matcher = shared_matcher()
    texts = texts_from(args.files)
    words = sum(len(t.split()) for t in texts)
    while words < 200_000:  # enough text that the timing means something
        texts, words = texts * 2, words * 2
    rates = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        found = sum(len(m) for m in matcher.find_many(texts))
        rates.append(words / (time.perf_counter() - started))
    print(f"matcher  {words} words, {found} mentions; words/s median {statistics.median(rates):,.0f} "
          f"(runs: {', '.join(f'{r:,.0f}' for r in rates)}); peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
