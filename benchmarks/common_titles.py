"""The occupation each of 198 common English job titles is read as, for reading by eye before and after a change to
the taxonomy or to `jobfit.occupations` (`diff` two runs). Run by hand, never by the tests:

    python benchmarks/common_titles.py [TITLES_FILE] > occupations.txt

TITLES_FILE holds one title a line (default: `benchmarks/common_titles.txt`, written from common usage: retail,
care, trades, offices, software teams; no labeled set).
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from jobfit.occupations import shared_occupation_matcher

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("common_titles.txt")
    titles = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for title, found in zip(titles, shared_occupation_matcher().normalize(titles), strict=True):
        print(f"{title:40.40s} {found.title} ({found.isco_group}) {found.confidence:.2f}" if found else f"{title:40.40s} -")


if __name__ == "__main__":
    main()
