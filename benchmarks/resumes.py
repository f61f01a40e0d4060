"""Cost of resume parsing (issue 5 figures). Run by hand, never by the tests:

    python benchmarks/resumes.py FILE_OR_DIR ... [--repeat 5]

Reports the startup (a fresh process: imports, taxonomy, matcher, gazetteer, spaCy's entity model, a
first parse) and the
rate of text-to-profile parsing in local mode over the given documents (their text and layout hints are
extracted once, before timing), medians of --repeat runs.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STARTUP = """
import json, time
t0 = time.perf_counter()
from jobfit.resumes import parse_resume
from jobfit.taxonomy import shared_matcher
matcher = shared_matcher()
# a document whose first line is not the name: the entity model is loaded too (the worst case)
parse_resume("RESUME\\nIndustrial Training\\nSam Start\\nsam@example.com\\nPune, Maharashtra\\nEXPERIENCE\\nEngineer\\nAcme Ltd\\n2019 - 2021", matcher=matcher)
print(json.dumps({"startup": time.perf_counter() - t0}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    startups = [json.loads(subprocess.run([sys.executable, "-c", STARTUP], cwd=ROOT, capture_output=True, text=True,
                                          check=True).stdout)["startup"] for _ in range(args.repeat)]
    print(f"startup  median {statistics.median(startups):.2f} s  (runs: {', '.join(f'{s:.2f}' for s in startups)})")

    from jobfit.documents import UnsupportedDocument, extract_text
    from jobfit.resumes import parse_resume
    from jobfit.taxonomy import shared_matcher

    files = [p for path in args.paths for p in (sorted(path.rglob("*")) if path.is_dir() else [path]) if p.is_file() and p.suffix != ".jsonl"]
    texts = []
    for path in files:
        try:
            texts.append(extract_text(path.read_bytes(), accept_any_kind=True))
        except UnsupportedDocument:
            pass
    if not texts:
        sys.exit(f"no readable document in {', '.join(map(str, args.paths))}")
    matcher = shared_matcher()
    parse_resume(texts[0].text, matcher=matcher)
    from jobfit.text import english

    english()  # models loaded before timing, as in a long-running process
    rates = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        for text in texts:
            parse_resume(text.text, matcher=matcher, layout=text.layout)  # as the pipeline does
        rates.append(len(texts) / (time.perf_counter() - started))
    print(f"parse    {len(texts)} documents; resumes/s median {statistics.median(rates):.1f} "
          f"(runs: {', '.join(f'{r:.1f}' for r in rates)})")


if __name__ == "__main__":
    main()
