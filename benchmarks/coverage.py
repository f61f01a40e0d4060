"""What parsed resumes lose of what their documents say (issue 5: "nothing lost"). Run by hand, never by the tests:

    jobfit parse DIR/* --jsonl > parsed.jsonl
    python benchmarks/coverage.py parsed.jsonl [--show 10]

A rough check, not a score: a document line of three words or more (of four letters or more) counts as lost when
fewer than 30% of its words appear anywhere in its profile. Template instructions, page furniture and a referee's
details are "lost" too, so the figure is only read against itself, before and after a change; the documents with the
most lost lines are listed with a few of them, to read.
"""

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jobfit.documents import extract_text  # noqa: E402

WORD = re.compile(r"[a-z]{4,}")


def lost_lines(text: str, profile: dict) -> tuple[list[str], int]:
    """The lines of `text` the profile does not say, and how many lines were counted."""
    # (`meta.provenance` quotes the lines values were read from: a trace of the document, not what the profile says)
    shown = {**profile, "meta": {k: v for k, v in (profile.get("meta") or {}).items() if k != "provenance"}}
    said = set(WORD.findall(json.dumps(shown, ensure_ascii=False).lower()))
    counted, lost = 0, []
    for line in text.split("\n"):
        words = WORD.findall(line.lower())
        if len(words) < 3:
            continue
        counted += 1
        if sum(word in said for word in words) < 0.3 * len(words):
            lost.append(line.strip())
    return lost, counted


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("parsed", type=Path, help="the JSON lines `jobfit parse --jsonl` printed")
    parser.add_argument("--show", type=int, default=10, help="documents to list, most lines lost first")
    args = parser.parse_args()

    rows = []
    for record in map(json.loads, args.parsed.read_text().splitlines()):
        if not record.get("profile"):
            continue
        text = extract_text(Path(record["source"]).read_bytes(), accept_any_kind=True).text
        lost, counted = lost_lines(text, record["profile"])
        rows.append((len(lost), counted, record["source"], lost))
    rows.sort(key=lambda row: -row[0])
    total, counted = sum(row[0] for row in rows), sum(row[1] for row in rows)
    print(f"{len(rows)} documents, {counted} lines counted, {total} lost ({total / max(counted, 1):.1%})")
    for lost, counted, source, lines in rows[:args.show]:
        print(f"{lost:4d} of {counted:4d}  {Path(source).name}")
        for line in lines[:3]:
            print(f"           {line[:110]}")


if __name__ == "__main__":
    main()
