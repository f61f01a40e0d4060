"""How faithfully a JSON Resume is read: profiles written as JSON Resume files and read back. Run by hand, never by
the tests:

    jobfit parse RESUMES... --jsonl > parsed.jsonl
    python benchmarks/json_resume.py parsed.jsonl

Each profile (its meta left out) is read as the JSON Resume bytes a candidate would send, as the pipeline reads them
(`extract_text`, then `parse_resume` with the file's fields); per field, the share of profiles that state it which
come back with it unchanged, and the mean overlap (Jaccard) of the taxonomy skills found before and after.
"""

import json
import statistics
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobfit.documents import UnsupportedDocument, extract_text  # noqa: E402
from jobfit.resumes import parse_resume  # noqa: E402
from jobfit.taxonomy import shared_matcher  # noqa: E402

SAVED_ON = date(2026, 1, 15)
FIELDS = {
    "name": lambda p: p["basics"].get("name"), "label": lambda p: p["basics"].get("label"),
    "email": lambda p: p["basics"].get("email"), "phone": lambda p: p["basics"].get("phone"),
    "location": lambda p: p["basics"].get("location") or None,
    "work": lambda p: [(w.get("name"), w.get("position"), w.get("startDate"), w.get("endDate")) for w in p.get("work", [])],
    "highlights": lambda p: [w.get("highlights") for w in p.get("work", []) if w.get("highlights")],
    "education": lambda p: [(e.get("institution"), e.get("studyType"), e.get("area"), e.get("endDate")) for e in p.get("education", [])],
    "skills": lambda p: sorted(s["name"] for s in p.get("skills", [])),
    "certificates": lambda p: [c.get("name") for c in p.get("certificates", [])],
    "projects": lambda p: [c.get("name") for c in p.get("projects", [])],
    "languages": lambda p: p.get("languages"),
    # where every job has ended: an open one runs to the day it is read, which differs between the two reads
    "years of work": lambda p: p["meta"].get("total_years_experience") or None
    if all(w.get("endDate") for w in p.get("work", []) if w.get("startDate")) else None,
    "career level": lambda p: p["meta"].get("career_level"),
    "education level": lambda p: p["meta"].get("education_level"),
}


def main(path: str) -> None:
    matcher = shared_matcher()
    kept, stated, overlaps, refused = Counter(), Counter(), [], Counter()
    for record in map(json.loads, Path(path).read_text().splitlines()):
        before = record.get("profile")
        if not before:
            continue
        written = json.dumps({key: value for key, value in before.items() if key != "meta"}).encode()
        try:
            text = extract_text(written)
        except UnsupportedDocument as exc:
            refused[exc.reason] += 1
            continue
        after = parse_resume(text.text, matcher=matcher, today=SAVED_ON, layout=text.layout,
                             json_resume=text.json_resume).model_dump(mode="json", exclude_none=True)
        for field, get in FIELDS.items():
            if get(before):
                stated[field] += 1
                kept[field] += get(before) == get(after)
        ids = [{s["id"] for s in p["meta"].get("skills", [])} for p in (before, after)]
        overlaps.append(len(ids[0] & ids[1]) / len(ids[0] | ids[1]) if ids[0] | ids[1] else 1.0)
    for field in FIELDS:
        if stated[field]:
            print(f"{field:16} {kept[field]:4} of {stated[field]:4} kept  {kept[field] / stated[field]:.3f}")
    print(f"taxonomy skills: mean overlap {statistics.mean(overlaps):.3f} over {len(overlaps)} profiles")
    if refused:
        print("refused:", dict(refused))


if __name__ == "__main__":
    main(sys.argv[1])
