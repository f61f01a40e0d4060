"""The `jobfit` command: the engine for people and evaluation scripts (see DESIGN.md, Contracts)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from jobfit import __version__


def _emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _expand(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        else:
            files.append(path)
    return files


def _read_jsonl(path: str) -> list[dict]:
    """The JSON objects of a JSON Lines file, one per line; a file that cannot be read or a line that is not a JSON
    object stops the command with the reason."""
    rows = []
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise SystemExit(f"jobfit: {path}:{number} is not JSON ({exc.msg})") from exc
                    if not isinstance(row, dict):
                        raise SystemExit(f"jobfit: {path}:{number} is not a JSON object")
                    rows.append(row)
    except (OSError, UnicodeDecodeError) as exc:
        raise SystemExit(f"jobfit: cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    return rows


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _region(text: str) -> str:
    """A country's ISO 3166 alpha-2 code that phone numbers are read in ('gb' is GB)."""
    import phonenumbers

    if text.upper() not in phonenumbers.SUPPORTED_REGIONS:
        raise argparse.ArgumentTypeError(f"not a country's two-letter code (ISO 3166 alpha-2, such as US, GB, IN): {text!r}")
    return text.upper()


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of 1 or more: {text!r}")
    return number


def cmd_parse(args: argparse.Namespace) -> int:
    from jobfit.documents import UnsupportedDocument, extract_text, sha256_bytes
    from jobfit.resumes import parse_resume
    from jobfit.taxonomy import shared_matcher

    files = _expand(args.paths)
    if not files:
        raise SystemExit(f"jobfit: no files in {', '.join(args.paths)}")
    matcher = shared_matcher()
    failures = 0
    for source, data, saved in _documents(files):
        record = {"source": source, "status": "ok", "error": None, "profile": None}  # and "warning" for a damaged file
        try:
            if isinstance(data, OSError):
                raise data
            text = extract_text(data)
            # "Present" means when the file was saved: as the caller says, else its metadata's date, else the file's own
            saved_on = args.saved_on or text.date or saved
            profile = parse_resume(text.text, matcher=matcher, tenant=args.tenant, document_sha256=sha256_bytes(data),
                                   region=args.region, today=saved_on, layout=text.layout, json_resume=text.json_resume)
            record["profile"] = profile.model_dump(mode="json", exclude_none=True)
            if text.warning:
                record["warning"] = text.warning
        except UnsupportedDocument as exc:
            record.update(status="quarantined", error=f"{exc.reason}: {exc.message}")
            failures += 1
        except OSError as exc:
            record.update(status="error", error=f"cannot read the file: {exc.strerror or exc}")
            failures += 1
        except Exception as exc:  # a parser bug must cost one document, not the batch
            record.update(status="error", error=f"parser failed: {type(exc).__name__}: {exc}")
            failures += 1
        if args.jsonl:
            _emit(record)
        else:
            profile = record["profile"] or {}
            basics = profile.get("basics", {})
            print(f"{source}: {record['status']}" + (f" — {basics.get('name')}, {basics.get('label')}" if profile else f" — {record['error']}")
                  + (f" (warning: {record['warning']})" if record.get("warning") else ""))
    return 0 if failures == 0 or args.keep_going else 1


def _documents(files: list[Path]):
    """(source, bytes, the day they were saved) of each document the files hold: a file itself, or each file in an
    archive of documents ('cvs.zip/ana.pdf', 'cvs.rar/ana.pdf') or each candidate's resume in an email of several
    ('agency.eml/bo.pdf'), as the inbox takes them in. In place of the bytes, the error reading them."""
    from jobfit.documents.archives import archive_members

    for path in files:
        try:
            data, saved = path.read_bytes(), date.fromtimestamp(path.stat().st_mtime)
        except OSError as exc:
            yield str(path), exc, None
            continue
        members = archive_members(data)
        if members is None:
            yield str(path), data, saved
        for member in members or ():
            yield f"{path}/{member.name}", member.data, member.saved or saved


def _analyze(raws: list[dict]):
    """The postings analyzed; where one states no salary, a suggestion from the others' stated salaries (the asset
    suggests from every posting it has stored)."""
    from jobfit.jobs import analyze_jobs, suggest_salaries
    from jobfit.occupations import shared_occupation_matcher
    from jobfit.taxonomy import shared_matcher

    jobs = analyze_jobs(raws, shared_matcher(), shared_occupation_matcher())
    return suggest_salaries(jobs, jobs)


def _analyzed_jobs(rows: list[dict]):
    from jobfit.schema import JobPosting, collector_paused

    for number, row in enumerate(rows, 1):
        if "id" not in row:
            raise SystemExit(f"jobfit: job object {number} has no \"id\"")
        for key in ("title", "description", "company", "location", "salary", "type"):
            if row.get(key) is not None and not isinstance(row[key], str):
                raise SystemExit(f"jobfit: job object {number}: \"{key}\" must be text, not {type(row[key]).__name__}")
        for key in ("qualifications", "responsibilities"):
            if row.get(key) is not None and not (isinstance(row[key], list) and all(isinstance(v, str) for v in row[key])):
                raise SystemExit(f"jobfit: job object {number}: \"{key}\" must be a list of text")
    with collector_paused():
        done = {n: JobPosting.model_validate(row) for n, row in enumerate(rows)
                if isinstance(row.get("meta"), dict) and "required_skills" in row["meta"]}
    todo = [n for n in range(len(rows)) if n not in done]
    done.update(zip(todo, _analyze([rows[n] for n in todo]), strict=True))
    return [done[n] for n in range(len(rows))]


def cmd_analyze_job(args: argparse.Namespace) -> int:
    for job in _analyzed_jobs(_read_jsonl(args.file)):
        _emit(job.model_dump(mode="json", exclude_none=True))
    return 0


def cmd_feed(args: argparse.Namespace) -> int:
    from jobfit.feeds import FeedError, fetch_feed, read_feed

    source: str | bytes = args.source
    try:
        if "://" in args.source:
            source = fetch_feed(args.source).body or b""
        raw = read_feed(source, feed_name=Path(args.source).stem, kind=args.kind)
    except (FeedError, OSError) as exc:
        print(f"jobfit: {exc}", file=sys.stderr)
        return 2
    for job in _analyze(raw):
        _emit(job.model_dump(mode="json", exclude_none=True)) if args.jsonl else print(f"{job.id}  {job.title} — {job.company}")
    return 0


def cmd_match(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from jobfit.embedding import embed_texts
    from jobfit.jobs import job_text
    from jobfit.matching import load_weights, match_all
    from jobfit.occupations import clean_title
    from jobfit.resumes import profile_text
    from jobfit.schema import Profile, collector_paused
    from jobfit.taxonomy import shared_matcher

    try:
        if args.weights and not Path(args.weights).is_file():
            raise ValueError(f"the weights file {args.weights} does not exist")
        weights = load_weights(Path(args.weights) if args.weights else None)
    except (ValueError, TypeError) as exc:  # a missing file, a negative or unknown weight
        print(f"jobfit: {exc}", file=sys.stderr)
        return 2
    profiles = {}
    with collector_paused():
        for row in _read_jsonl(args.profiles):
            if row.get("status") == "ok" and row.get("profile"):
                # (a profile edited by hand, or written by another tool, is named with what is wrong in it)
                if not isinstance(source := row.get("source"), str) or not source:
                    raise SystemExit(f"jobfit: {args.profiles}: a profile with no \"source\" (the file it was parsed from, "
                                     "which names it in the matches), as `jobfit parse --jsonl` writes one")
                try:
                    profiles[Path(source).stem] = Profile.model_validate(row["profile"])
                except ValidationError as exc:
                    problem = exc.errors()[0]
                    raise SystemExit(f"jobfit: {args.profiles}: the profile of {source} is not one `jobfit parse --jsonl` "
                                     f"writes ({'.'.join(map(str, problem['loc']))}: {problem['msg'].lower()})") from None
    if not profiles:
        raise SystemExit(f"jobfit: {args.profiles} holds no parsed profile (write it with `jobfit parse --jsonl`)")
    jobs = {job.id: job for job in _analyzed_jobs(_read_jsonl(args.jobs))}
    if not jobs:
        raise SystemExit(f"jobfit: {args.jobs} holds no job object")
    # Tenancy plays no part on the command line: every posting is a candidate for every profile.
    for profile in profiles.values():
        profile.meta.tenant = "cli"
    for job in jobs.values():
        job.meta.tenant = None
    profile_vectors = embed_texts([profile_text(p) for p in profiles.values()])
    job_vectors = embed_texts([job_text(j) for j in jobs.values()])
    taxonomy = shared_matcher().taxonomy.with_cooccurrence(
        [{s.id for s in j.meta.required_skills + j.meta.preferred_skills} for j in jobs.values()])
    profile_titles = embed_texts([clean_title(p.basics.label or "") for p in profiles.values()])
    job_titles = embed_texts([clean_title(j.title or "") for j in jobs.values()])
    matches = match_all(profiles, profile_vectors, jobs, job_vectors, taxonomy, top_n=args.top, min_score=0,
                        weights=weights,
                        profile_titles=profile_titles, job_titles=job_titles)
    per_profile: dict[str, list] = {}
    for match in matches:
        per_profile.setdefault(match.profile_id, []).append(match)
    for profile_id in profiles:
        for match in sorted(per_profile.get(profile_id, []), key=lambda m: -m.score)[: args.top]:
            _emit(
                {
                    "profile": profile_id,
                    "job": match.job_id,
                    "score": match.score,
                    "components": {k: v.model_dump() for k, v in match.components.items()},
                    "matched_skills": match.matched_skills,
                    "missing_skills": match.missing_skills,
                    "reasons": match.reasons,
                }
            )
    return 0


def cmd_build_taxonomy(args: argparse.Namespace) -> int:
    from jobfit.taxonomy import default_taxonomy_path
    from jobfit.taxonomy_build import build_taxonomy, write_taxonomy

    for folder in (args.esco, args.onet):
        if not Path(folder).is_dir():
            raise SystemExit(f"jobfit: {folder} is not a folder of taxonomy sources")
    import numpy as np

    from jobfit.embedding import embed_texts
    from jobfit.occupations import build_centroids, centroids_path
    from jobfit.skill_linking import build_skill_vectors, save_skill_vectors
    from jobfit.taxonomy import load_taxonomy

    doc = build_taxonomy(Path(args.esco), Path(args.onet), embed=embed_texts)
    out = write_taxonomy(doc, Path(args.out) if args.out else default_taxonomy_path())
    taxonomy = load_taxonomy(out)
    np.save(centroids_path(out), build_centroids(taxonomy))  # about a minute: 33k labels embedded
    save_skill_vectors(build_skill_vectors(taxonomy), out)  # about a minute and a half: 53k labels
    print(f"{out}: version {doc['version']}, {len(doc['skills'])} skills, {len(doc['occupations'])} occupations", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jobfit", description="Match people and jobs: the jobfit engine.")
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser("parse", help="parse resumes into JSON Resume profiles")
    parse.add_argument("paths", nargs="+", help="resume files or folders")
    parse.add_argument("--jsonl", action="store_true", help="one JSON object per document")
    parse.add_argument("--tenant", default="default")
    parse.add_argument("--keep-going", action="store_true", help="exit 0 even when some documents are quarantined")
    parse.add_argument("--region", type=_region, default=os.environ.get("JOBFIT_DEFAULT_REGION", "US"),
                       help="country (ISO 3166 alpha-2) for phone numbers written without a country code")
    parse.add_argument("--saved-on", type=_iso_date, metavar="YYYY-MM-DD",
                       help="the day the resumes were written, for what 'Present' means (default: each file's saved "
                            "date, else its modification date)")
    parse.set_defaults(run=cmd_parse)

    analyze = commands.add_parser("analyze-job", help="analyze job objects (JSONL, each with an id)")
    analyze.add_argument("file")
    analyze.set_defaults(run=cmd_analyze_job)

    feed = commands.add_parser("feed", help="the analyzed postings a feed (RSS, Atom, or a JSON job API response) yields")
    feed.add_argument("source", help="a feed file or URL")
    feed.add_argument("--jsonl", action="store_true")
    feed.add_argument("--kind", choices=["rss", "remotive", "remoteok", "jobicy", "himalayas"],
                      help="the feed's kind (default: detected from its content)")
    feed.set_defaults(run=cmd_feed)

    match = commands.add_parser("match", help="each profile's best postings, scored and explained")
    match.add_argument("--profiles", required=True, help="`jobfit parse --jsonl` output")
    match.add_argument("--jobs", required=True, help="job objects, raw or analyzed (JSONL)")
    match.add_argument("--top", type=_positive, default=10, help="postings per profile (default 10)")
    match.add_argument("--weights", default=os.environ.get("JOBFIT_MATCH_WEIGHTS_FILE"),
                       help="match weights YAML, its `default` entry used (default: $JOBFIT_MATCH_WEIGHTS_FILE, else the built-in weights)")
    match.set_defaults(run=cmd_match)

    taxonomy = commands.add_parser("build-taxonomy", help="rebuild the derived taxonomy file from ESCO and O*NET")
    taxonomy.add_argument("--esco", required=True, help="folder of ESCO v1.1.1 English CSVs")
    taxonomy.add_argument("--onet", required=True, help="folder of O*NET 27.0 text files")
    taxonomy.add_argument("--out", help="where to write (default: the file jobfit ships)")
    taxonomy.set_defaults(run=cmd_build_taxonomy)

    version = commands.add_parser("version", help="print the version")
    version.set_defaults(run=lambda args: print(f"jobfit {__version__}") or 0)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
