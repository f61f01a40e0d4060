"""What the documents stage takes for a resume, over real resumes and real job postings. Run by hand, never by the tests:

    python benchmarks/document_kinds.py --resumes DIR_OR_FILE... --postings DIR_OR_FILE...

Resumes: document files of any format the stage reads, or a CSV whose "Resume" column holds resume texts. Postings:
feeds (RSS, Atom, JSON job APIs) or JSONL job objects ({"title", "description"}), each posting's title and description
as a text file would hold them. Prints how `jobfit.documents.classify` reads each set (resume, job_posting,
cover_letter, other) and the mean time to classify a resume.
"""

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobfit.documents import UnsupportedDocument, extract_text  # noqa: E402
from jobfit.documents.classify import classify_document  # noqa: E402
from jobfit.feeds import FeedError, read_feed  # noqa: E402


def _files(paths: list[str]) -> list[Path]:
    return sorted(f for p in map(Path, paths) for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())


def resume_texts(paths: list[str]) -> list[str]:
    texts = []
    csv.field_size_limit(sys.maxsize)
    for path in _files(paths):
        if path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8", errors="replace") as rows:
                texts += [row["Resume"] for row in csv.DictReader(rows) if row.get("Resume")]
            continue
        try:
            texts.append(extract_text(path.read_bytes(), accept_any_kind=True).text)
        except UnsupportedDocument:
            pass  # no text to classify
    return texts


def posting_texts(paths: list[str]) -> list[str]:
    texts = []
    for path in _files(paths):
        if path.suffix == ".jsonl":
            jobs = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        else:
            try:
                jobs = read_feed(path.read_bytes(), feed_name=path.stem)
            except FeedError:
                continue
        texts += [f"{job.get('title') or ''}\n\n{job.get('description') or ''}" for job in jobs]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--resumes", nargs="+", default=[])
    parser.add_argument("--postings", nargs="+", default=[])
    args = parser.parse_args()
    resumes, postings = resume_texts(args.resumes), posting_texts(args.postings)
    for name, texts in (("resumes", resumes), ("postings", postings)):
        kinds = Counter(classify_document(text)[0] for text in texts)
        print(f"{name:9} {len(texts):5}  " + "  ".join(f"{kind} {count}" for kind, count in kinds.most_common()))
    if resumes:
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            for text in resumes:
                classify_document(text)
            runs.append((time.perf_counter() - started) / len(resumes) * 1000)
        print(f"classifying a resume: {sorted(runs)[1]:.2f} ms (median of 3 passes)")


if __name__ == "__main__":
    main()
