"""What the readers, the resume parser, the job analysis and the match scoring give for the bundled samples,
fingerprinted per item and recorded with their versions in `tests/versions.json`.

Stored documents, postings and matches are worked again only when a version changes (READER_VERSION, PARSER_VERSION,
ANALYSIS_VERSION, SCORING_VERSION, or the taxonomy's version), so a change to what they give that keeps its version
reaches only what arrives next. `tests/test_versions.py` catches that. After a deliberate change, bump the version and record:

    python -m tests.versions --update
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RECORDED = Path(__file__).with_name("versions.json")
# every format the samples have, and the Word 97 file the tests keep
DOCUMENTS = sorted([*ROOT.glob("samples/inbox/*/*"), ROOT / "tests/fixtures/legacy_word97.doc"])
FEED = ROOT / "samples/feeds/jobs.rss"
SAVED_ON = date(2026, 1, 15)  # "Present" in the samples means this day, whatever day the test runs


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def current() -> dict[str, dict]:
    """Each stage's version (with the taxonomy's where it names skills) and a fingerprint of what it gives per item."""
    from jobfit.cli import _analyze
    from jobfit.documents import READER_VERSION, extract_text
    from jobfit.feeds import read_feed
    from jobfit.jobs import ANALYSIS_VERSION
    from jobfit.resumes import PARSER_VERSION, parse_resume
    from jobfit.taxonomy import shared_matcher

    matcher = shared_matcher()
    taxonomy = matcher.taxonomy.version
    texts = {_name(path): extract_text(path.read_bytes(), accept_any_kind=True) for path in DOCUMENTS}
    profiles = {name: parse_resume(text.text, matcher=matcher, document_sha256=name, today=SAVED_ON, layout=text.layout)
                for name, text in texts.items()}
    postings = _analyze(read_feed(FEED.read_bytes(), feed_name="jobs"))
    return {
        "scoring": _scoring(profiles, postings, matcher.taxonomy),
        "readers": {"version": READER_VERSION,
                    # fields that say nothing left out, as the stages below do (exclude_none): a new optional field
                    # (a damaged file's warning) changes nothing the samples give
                    "items": {name: _digest({k: v for k, v in dataclasses.asdict(text).items() if v is not None})
                              for name, text in texts.items()}},
        # new readers parse every stored document again too, so their version is the parser's as well
        "parser": {"version": f"{PARSER_VERSION} {taxonomy} readers {READER_VERSION}",
                   "items": {name: _digest(p.model_dump(mode="json", exclude_none=True)) for name, p in profiles.items()}},
        "analysis": {"version": f"{ANALYSIS_VERSION} {taxonomy}",
                     "items": {f"{job.id} {job.title}": _digest(job.model_dump(mode="json", exclude_none=True)) for job in postings}},
    }


def _vectors(texts: list[str]) -> np.ndarray:
    """A unit vector per text drawn from its hash: the scoring's own arithmetic, free of the model's."""
    from jobfit.embedding import DIMENSIONS

    rows = [np.random.default_rng(int(hashlib.sha256(t.encode()).hexdigest()[:16], 16)).standard_normal(DIMENSIONS) for t in texts]
    vectors = np.array(rows, dtype=np.float32).reshape(len(texts), DIMENSIONS)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _scoring(profiles: dict, postings: list, taxonomy) -> dict:
    """Every sample profile against every sample posting: total, components, skills and reasons (its inputs' versions
    are in its key, so a new parser or analysis asks only to record again)."""
    from jobfit.documents import READER_VERSION
    from jobfit.jobs import ANALYSIS_VERSION, job_text
    from jobfit.matching import load_weights, match_all
    from jobfit.matching.scoring import SCORING_VERSION
    from jobfit.occupations import clean_title
    from jobfit.resumes import PARSER_VERSION, profile_text

    profiles = {name: p.model_copy(deep=True) for name, p in profiles.items()}
    for profile in profiles.values():
        profile.meta.tenant = "samples"
    jobs = {job.id: job for job in postings}
    taxonomy = taxonomy.with_cooccurrence([{s.id for s in j.meta.required_skills + j.meta.preferred_skills} for j in postings])
    matches = match_all(profiles, _vectors([profile_text(p) for p in profiles.values()]), jobs,
                        _vectors([job_text(j) for j in postings]), taxonomy, top_n=len(jobs), weights=load_weights(None),
                        profile_titles=_vectors([clean_title(p.basics.label or "") for p in profiles.values()]),
                        job_titles=_vectors([clean_title(j.title or "") for j in postings]))
    per_profile: dict[str, list] = {}
    for match in sorted(matches, key=lambda m: m.job_id):
        per_profile.setdefault(match.profile_id, []).append(
            [match.job_id, round(match.score, 1), {k: round(c.score, 1) for k, c in match.components.items()},
             match.matched_skills, match.missing_skills, match.reasons])
    return {"version": f"{SCORING_VERSION} parser {PARSER_VERSION} {taxonomy.version} readers {READER_VERSION} "
                       f"analysis {ANALYSIS_VERSION}",
            "items": {name: _digest(rows) for name, rows in per_profile.items()}}


def recorded() -> dict[str, dict]:
    return json.loads(RECORDED.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="record what the stages give now, with their versions")
    if parser.parse_args().update:
        RECORDED.write_text(json.dumps(current(), indent=2, sort_keys=True) + "\n")
        print(f"recorded {RECORDED}")


if __name__ == "__main__":
    main()
