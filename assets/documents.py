"""Documents in: keep the original, extract its text or quarantine it, parse it into profiles; and out again when a
candidate withdraws.

Each asset handles every document partition of its run in one step (the inbox sensor batches new
files), records per-document outcomes, and never lets one bad file fail the others.
"""

import contextlib
import dataclasses
import hashlib
import json
import time
import warnings
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import dagster as dg
from dagster_openai import OpenAIResource

from assets.taxonomy import current_matcher
from jobfit.documents import (
    MAY_HOLD_HEAD,
    READER_VERSION,
    SETUP_FAULTS,
    LayoutLine,
    Limits,
    UnsupportedDocument,
    detect_format,
    extract_text,
    may_hold_documents,
    readable_path,
    sha256_bytes,
    sha256_file,
)
from jobfit.documents.archives import Member, archive_members
from jobfit.documents.scan import ScanError
from jobfit.llm import PROMPT_VERSION, erase_answers, parse_with_llm
from jobfit.resumes import PARSER_VERSION, parse_resume
from jobfit.schema import Profile
from jobfit.store import build_serving_snapshot, execute_many, now_utc, upsert
from jobfit.withdrawals import withdraw_profiles, withdrawn_pairs
from pipelines.automation import on_new_reader, on_new_rules
from pipelines.catch_up import held_in_store
from pipelines.partitions import SETTINGS, document_partitions
from resources.scanner import VirusScanResource
from resources.storage import WAREHOUSE_POOL, StorageResource
from resources.vectors import VectorsResource

# Batches of documents run as one step (BackfillPolicy is beta in Dagster 1.13; we rely on it knowingly).
warnings.filterwarnings("ignore", message="Parameter `backfill_policy`", category=dg.BetaWarning)
ONE_RUN_PER_BATCH = dg.BackfillPolicy.single_run()


class DocumentSource(dg.Config):
    """One place a source sensor (inbox, Drive) found a document's bytes."""

    sha256: str
    path: str  # a local file holding the bytes
    tenant: str
    origin: str = ""  # where a person finds the document when that is not `path` (a Drive link); recorded instead
    member: str = ""  # the file's name in the archive (or email) at `path` that holds it, unpacked by the run

    @property
    def where(self) -> str:
        """Where the document was found, as recorded and told (a name in another encoding than UTF-8 made readable):
        in an archive, the archive's path and the file's name in it."""
        place = self.origin or readable_path(self.path)
        return f"{place}/{readable_path(self.member)}" if self.member else place


class DocumentsConfig(dg.Config):
    """Where the run's documents came from; empty when an operator re-runs documents already stored."""

    sources: list[DocumentSource] = []


class ReleaseConfig(dg.Config):
    """Set by an operator to release quarantined documents the classifier did not take for resumes."""

    accept_any_kind: bool = False


class WithdrawalConfig(dg.Config):
    """Set by an operator when candidates withdraw: the ids of their profiles (GET /profiles lists them)."""

    profile_ids: list[str] = []
    reason: str = ""


def profile_id_for(sha256: str, tenant: str) -> str:
    """A document seen by two tenants gives each its own profile: ids differ, bytes are stored once."""
    return hashlib.sha256(f"{tenant}/{sha256}".encode()).hexdigest()[:16]


def _observe(context: dg.AssetExecutionContext, sha256: str, **metadata) -> None:
    """Per-document outcome, shown under the document's partition in the Dagster UI."""
    context.log_event(dg.AssetObservation(asset_key=context.asset_key, partition=sha256, metadata=metadata))


@dg.asset(
    partitions_def=document_partitions,
    backfill_policy=ONE_RUN_PER_BATCH,
    group_name="documents",
    kinds={"file", "duckdb"},
    pool=WAREHOUSE_POOL,
    description="The original file, stored once under its sha256, with every place it came from.",
)
def documents(context: dg.AssetExecutionContext, config: DocumentsConfig, storage: StorageResource) -> dg.MaterializeResult:
    keys = set(context.partition_keys)
    with storage.warehouse() as con:
        kept_out = withdrawn_pairs(con, sorted(keys))
        erased = {sha for (sha,) in con.execute("SELECT sha256 FROM documents WHERE status = 'withdrawn' AND sha256 IN "
                                                "(SELECT unnest(?::VARCHAR[]))", [sorted(keys)]).fetchall()}
    sources = [s for s in config.sources if s.sha256 in keys and (s.sha256, s.tenant) not in kept_out]
    refused = [s for s in config.sources if s.sha256 in keys and (s.sha256, s.tenant) in kept_out]
    for source in refused:
        context.log.warning(f"{source.where}: {source.tenant}'s candidate withdrew this document, so it is not "
                            "taken in again (a new version of the file is)")
    refused_only = {s.sha256 for s in refused} - {s.sha256 for s in sources}
    for sha256 in refused_only & erased:
        storage.erase_document(sha256)  # bytes the Drive sensor downloaded again: no one may hold them now
    document_rows, source_rows, missing = {}, [], []
    archives: dict[str, dict[str, bytes]] = {}  # {path: {member: bytes}}, each archive of the run unpacked once
    for source in sources:
        path, stored = Path(source.path), storage.document_path(source.sha256)
        if source.member:
            if source.path not in archives:
                archives[source.path] = _unpacked(path)
            data = archives[source.path].get(source.member)
            kept = data is not None and sha256_bytes(data) == source.sha256
            if kept:
                storage.keep_bytes(data)
        else:
            kept = path.exists() and sha256_file(path) == source.sha256
            if kept:
                storage.keep_document(source.sha256, path)
        if kept:
            source_rows.append({"sha256": source.sha256, "tenant": source.tenant, "source_path": source.where,
                                "seen_at": now_utc()})
        elif not stored.exists():
            missing.append(source.where)  # changed or deleted before we copied it: its new version is a new document
    for sha256 in sorted(keys - refused_only):
        stored = storage.document_path(sha256)
        if stored.exists():
            # the whole file: a DOCX is told from another zip by its member list, at the archive's end
            document_rows[sha256] = {"sha256": sha256, "format": detect_format(stored.read_bytes()), "size_bytes": stored.stat().st_size,
                                     "stored_path": str(stored), "updated_at": now_utc()}
        else:
            missing.append(sha256)
    with storage.warehouse() as con:
        execute_many(con,
            "INSERT INTO documents (sha256, format, size_bytes, stored_path, updated_at, status) VALUES (?, ?, ?, ?, ?, 'stored') "
            "ON CONFLICT (sha256) DO UPDATE SET format = excluded.format, size_bytes = excluded.size_bytes, "
            "stored_path = excluded.stored_path, updated_at = excluded.updated_at",
            [[r["sha256"], r["format"], r["size_bytes"], r["stored_path"], r["updated_at"]] for r in document_rows.values()],
        )
        upsert(con, "document_sources", source_rows)
        # a changed file at the same path is a new document; the older one's profile steps aside, kept
        superseded = len(con.execute(
            "UPDATE profiles SET status = 'superseded', superseded_by = r.replaced_by FROM profile_replacements r "
            "WHERE profiles.sha256 = r.sha256 AND profiles.tenant = r.tenant AND r.replaced_by IS NOT NULL "
            "AND profiles.status = 'active' RETURNING 1"
        ).fetchall())
    if missing:
        context.log.warning(f"{len(missing)} files vanished or changed before they were stored: {missing[:5]}")
    return dg.MaterializeResult(
        metadata={
            "documents": len(document_rows),
            "sources_recorded": len(source_rows),
            "unpacked_from_archives": sum(1 for source in sources if source.member),
            "by_format": dg.MetadataValue.json(dict(Counter(r["format"] for r in document_rows.values()))),
            "by_tenant": dg.MetadataValue.json(dict(Counter(r["tenant"] for r in source_rows))),
            "superseded_profiles": superseded,
            "missing": len(missing),
            "withdrawn_not_taken": len(refused),
        }
    )


def _unpacked(path: Path) -> dict[str, bytes]:
    """{name: bytes} of the files in the archive (or the resumes in the email of several candidates) at `path`; none when
    it is gone or changed past opening."""
    try:
        members = archive_members(path.read_bytes())
    except OSError:
        return {}
    return {member.name: member.data for member in members or ()}


# Documents read or parsed, and written, at a time: a run over every stored document (after new readers or a new
# parser) holds one batch in memory, writes as it goes and says how far it is.
DOCUMENT_BATCH = 200


class _Batches:
    """`work` over a run's documents DOCUMENT_BATCH at a time, timed, logging how far the run is after each batch
    ("parsed 400 of 2,006 documents (44 a second)")."""

    def __init__(self, context: dg.AssetExecutionContext, keys: list[str], verb: str, work):
        self.context, self.keys, self.verb, self.work, self.seconds = context, keys, verb, work, 0.0

    def __iter__(self):
        for start in range(0, len(self.keys), DOCUMENT_BATCH):
            started = time.perf_counter()
            done = self.work(self.keys[start:start + DOCUMENT_BATCH])
            self.seconds += time.perf_counter() - started
            if len(self.keys) > DOCUMENT_BATCH:
                so_far = min(start + DOCUMENT_BATCH, len(self.keys))
                self.context.log.info(f"{self.verb} {so_far:,} of {len(self.keys):,} documents ({so_far / self.seconds:.0f} a second)")
            yield done


READERS_WORK = dg.AssetCheckSpec(
    "readers_work", asset="document_text",
    description="No document of the run was held back by a fault of the setup rather than of the file, and none is "
    "held in quarantine for one (an error once one has waited a day since it arrived): the virus "
    "scanner unreachable (scan_failed), tesseract or antiword missing (ocr_unavailable, reader_unavailable), a reader "
    "that failed (reader_error); a document read again keeps its earlier text then. Mend it: the catch-up sensor reads "
    "the quarantined ones again an hour after their last attempt (make run at once).",
)


# Documents the setup has held back this long (from their arrival) make the readers_work check an error, not a warning
HELD_TOO_LONG = timedelta(days=1)


def _readers_work(total: "_Read", storage: StorageResource) -> dg.AssetCheckResult:
    """Documents the setup failed in this run (quarantined for it, or read again and left with their earlier text), up
    to 20 named, and those it holds in quarantine now, from any run: an error once one has waited a day."""
    by_reason = {reason: n for reason, n in total.reasons.items() if reason in SETUP_FAULTS}
    if total.outcomes["earlier text kept"]:
        by_reason["earlier text kept"] = total.outcomes["earlier text kept"]
    with storage.warehouse() as con:
        held, since = held_in_store(con)
    waited = now_utc() - since if since else timedelta(0)
    listed = "\n".join(f"- {sha[:12]}: {message}" for sha, message in total.held[:20])
    return dg.AssetCheckResult(
        check_name=READERS_WORK.name, passed=not total.held and not held,
        severity=dg.AssetCheckSeverity.ERROR if waited >= HELD_TOO_LONG else dg.AssetCheckSeverity.WARN,
        metadata={"held_by_setup": len(total.held), "held_in_quarantine": held,
                  "held_for_hours": round(waited.total_seconds() / 3600, 1),
                  "by_reason": dg.MetadataValue.json(by_reason),
                  "failing": ", ".join(sorted(by_reason) + (["held in quarantine"] if held else [])),
                  **({"documents": dg.MetadataValue.md(listed)} if total.held else {})},
    )


@dg.asset(
    partitions_def=document_partitions,
    backfill_policy=ONE_RUN_PER_BATCH,
    deps=[documents],
    check_specs=[READERS_WORK],
    group_name="documents",
    kinds={"pymupdf", "duckdb"},
    pool=WAREHOUSE_POOL,
    code_version=READER_VERSION,
    automation_condition=on_new_reader,
    description="Each document's text with layout hints, or the document in quarantine with a reason a person can act on. "
    "New readers read every stored original again.",
)
def document_text(
    context: dg.AssetExecutionContext, config: ReleaseConfig, storage: StorageResource, scanner: VirusScanResource
) -> dg.MaterializeResult:
    keys = list(context.partition_keys)
    total, timings, preview = _Read(), [], None
    for done in _Batches(context, keys, "read", lambda batch: _read_batch(context, config, storage, scanner, batch)):
        total.counts.update(done.counts)
        for field in ("formats", "outcomes", "reasons"):
            getattr(total, field).update(getattr(done, field))
        total.held += done.held
        timings += done.timings
        preview = done.preview
    slowest = sorted(timings, reverse=True)[:5]
    metadata = {
        "documents": len(keys),
        "by_format": dg.MetadataValue.json(dict(total.formats)),
        "by_outcome": dg.MetadataValue.json(dict(total.outcomes)),
        "by_quarantine_reason": dg.MetadataValue.json(dict(total.reasons)),
        "ocr_pages": total.counts["ocr_pages"],
        "damaged": total.counts["damaged"],  # files read as far as possible (a truncated PDF): their text may lack parts
        "released": total.counts["released"],
        "reader_version": READER_VERSION,
        "seconds": round(sum(t for t, _ in timings), 2),
        **({"scan_seconds": round(total.counts["scan_seconds"], 2)} if scanner.enabled else {}),
        "slowest": dg.MetadataValue.md("| document | seconds |\n|---|---|\n" + "\n".join(f"| {s[:12]} | {t:.2f} |" for t, s in slowest)),
    }
    if len(keys) == 1 and preview:
        metadata["preview"] = dg.MetadataValue.md(f"```\n{preview[:600]}\n```")
    return dg.MaterializeResult(metadata=metadata, check_results=[_readers_work(total, storage)])


@dataclasses.dataclass
class _Read:
    """What reading a batch of documents gave, in counts (the texts themselves are written as each batch ends)."""

    formats: Counter = dataclasses.field(default_factory=Counter)
    outcomes: Counter = dataclasses.field(default_factory=Counter)  # text, quarantined, earlier text kept, not stored
    reasons: Counter = dataclasses.field(default_factory=Counter)  # quarantine reasons
    counts: Counter = dataclasses.field(default_factory=Counter)  # ocr_pages, released, scan_seconds
    timings: list[tuple[float, str]] = dataclasses.field(default_factory=list)
    held: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (sha256, message) quarantined by a setup fault
    preview: str | None = None


def _read_batch(context: dg.AssetExecutionContext, config: ReleaseConfig, storage: StorageResource,
                scanner: VirusScanResource, keys: list[str]) -> _Read:
    limits = Limits(max_bytes=SETTINGS.max_document_bytes, max_pages=SETTINGS.max_document_pages)
    with storage.warehouse() as con:
        # released: as recorded, or holding text of another kind than a resume (released before it was recorded)
        earlier = con.execute(
            "SELECT d.sha256, coalesce(d.released, false) OR coalesce(t.kind <> 'resume', false), t.sha256 IS NOT NULL "
            "FROM documents d LEFT JOIN document_text t USING (sha256) WHERE d.sha256 IN (SELECT unnest(?::VARCHAR[]))",
            [keys]).fetchall()
    released = {sha256 for sha256, was_released, _ in earlier if was_released}
    had_text = {sha256 for sha256, _, has_text in earlier if has_text}
    done, texts, quarantined, kept, unpacked = _Read(), [], [], [], []
    paths = {sha256: path for sha256 in keys if (path := storage.document_path(sha256)).exists()}
    if len(paths) < len(keys):
        done.outcomes["not stored"] = len(keys) - len(paths)
    started = time.perf_counter()
    verdicts = scanner.scan_files(list(paths.values())) if scanner.enabled else {}  # one clamscan for the batch
    done.counts["scan_seconds"] = time.perf_counter() - started
    for sha256, path in paths.items():
        data = path.read_bytes()
        done.formats[detect_format(data)] += 1
        started = time.perf_counter()
        try:
            verdict = verdicts.get(path)
            if isinstance(verdict, ScanError):
                raise UnsupportedDocument("scan_failed", f"{verdict}: not opened unscanned; re-run once the scanner works")
            if verdict:
                raise UnsupportedDocument("infected", f"ClamAV found {verdict}: the file was not opened; ask for a clean copy")
            # an archive of documents, or an email of several candidates, that a jobfit before either was opened stored
            # whole: each file in it comes in as the sensors bring them now, and is read by the catch-up
            members = archive_members(data, limits) if may_hold_documents(data[:MAY_HOLD_HEAD]) else None
            if members:
                unpacked.append((sha256, members))
                continue
            # a document an operator released once stays released when new readers read it again
            text = extract_text(data, limits, accept_any_kind=config.accept_any_kind or sha256 in released)
        except UnsupportedDocument as rejected:
            if rejected.reason == "scan_failed" and sha256 in had_text:  # a passing outage: what was read stays
                kept.append((sha256, rejected.message))
            else:
                quarantined.append((sha256, rejected.reason, rejected.message))
        except Exception as exc:  # a reader bug must not lose the document or fail the batch
            message = f"the reader failed ({type(exc).__name__}: {exc})"
            if sha256 in had_text:  # read again by new readers that fail on it: the older readers' text stays
                kept.append((sha256, message))
            else:
                failed = UnsupportedDocument("reader_error", f"{message}; kept for a retry")
                quarantined.append((sha256, failed.reason, failed.message))
        else:
            texts.append((sha256, text))
            done.counts["ocr_pages"] += text.ocr_pages
        done.timings.append((time.perf_counter() - started, sha256))
    for sha256, message in kept:
        done.outcomes["earlier text kept"] += 1
        done.held.append((sha256, f"{message} (its earlier text is kept)"))
        context.log.warning(f"document {sha256[:12]} read again: {message}; its earlier text is kept, re-run to try again")
    if unpacked:
        _unpack_stored(context, storage, unpacked)
        done.outcomes["unpacked"] += len(unpacked)
    let_through = [sha256 for sha256, text in texts if text.kind != "resume"]  # only a release lets these through
    done.counts["released"] = len(let_through)
    for sha256, reason, message in quarantined:
        storage.quarantine(sha256, reason, message)
        done.outcomes["quarantined"] += 1
        done.reasons[reason] += 1
        if reason in SETUP_FAULTS:
            done.held.append((sha256, message))
        _observe(context, sha256, status="quarantined", reason=reason, message=message)
        before = " (it had text before: its profile leaves matching while it is in quarantine)" if sha256 in had_text else ""
        context.log.warning(f"document {sha256[:12]} quarantined: {reason}: {message}{before}")
    for sha256, text in texts:
        done.outcomes["text"] += 1
        storage.unquarantine(sha256)  # read now (released, or by better readers): no longer waiting on a person
        _observe(context, sha256, status="text", format=text.format, pages=text.pages, words=len(text.text.split()),
                 ocr_pages=text.ocr_pages, kind=text.kind, **({"warning": text.warning} if text.warning else {}))
        if text.warning:
            done.counts["damaged"] += 1
            context.log.warning(f"document {sha256[:12]}: {text.warning}")
    with storage.warehouse() as con:
        upsert(con, "document_text", [{
            "sha256": sha256, "text": text.text, "format": text.format, "pages": text.pages, "words": len(text.text.split()),
            "layout": json.dumps([dataclasses.asdict(line) for line in text.layout]),
            "ocr_pages": text.ocr_pages, "ocr_confidence": text.ocr_confidence,
            "kind": text.kind, "kind_confidence": text.kind_confidence, "document_date": text.date,
            "json_resume": json.dumps(text.json_resume) if text.json_resume else None,
        } for sha256, text in texts])
        execute_many(con,
            "UPDATE documents SET status = 'text', reason = NULL, message = NULL, pages = ?, warning = ?, reader_version = ?, "
            "updated_at = ? WHERE sha256 = ?",
            [[text.pages, text.warning, READER_VERSION, now_utc(), sha256] for sha256, text in texts],
        )
        execute_many(con,
            "UPDATE documents SET status = 'quarantined', reason = ?, message = ?, reader_version = ?, updated_at = ? WHERE sha256 = ?",
            [[reason, message, READER_VERSION, now_utc(), sha256] for sha256, reason, message in quarantined],
        )
        execute_many(con, "UPDATE documents SET released = true WHERE sha256 = ?", [[sha256] for sha256 in let_through])
        execute_many(con, "DELETE FROM document_text WHERE sha256 = ?", [[sha256] for sha256, *_ in quarantined])
    if len(texts) == 1:
        done.preview = texts[0][1].text
    return done


def _unpack_stored(context: dg.AssetExecutionContext, storage: StorageResource, unpacked: list[tuple[str, list[Member]]]) -> None:
    """Each file of the archives (and agency emails) an older jobfit stored whole stored as a document of its own, found
    where the archive was, at the file's name in it, and when the archive came; a new document partition, read and
    parsed by the catch-up (`pipelines.catch_up.unfinished_documents`: stored, not yet read, under an unpacked archive's
    place). The archive is 'unpacked': it has no text, and its profile (an older reader's, of its first file) leaves
    with it."""
    with storage.warehouse() as con:
        places = con.execute("SELECT sha256, tenant, source_path, seen_at FROM document_sources WHERE sha256 IN "
                             "(SELECT unnest(?::VARCHAR[]))", [[sha256 for sha256, _ in unpacked]]).fetchall()
    document_rows, source_rows, messages = {}, [], []
    for sha256, members in unpacked:
        for member in members:
            member_sha, stored = storage.keep_bytes(member.data)
            document_rows[member_sha] = [member_sha, detect_format(member.data), len(member.data), str(stored), now_utc()]
            source_rows += [{"sha256": member_sha, "tenant": tenant, "source_path": f"{place}/{readable_path(member.name)}",
                             "seen_at": seen_at} for archive, tenant, place, seen_at in places if archive == sha256]
        names = ", ".join(readable_path(member.name) for member in members[:3]) + (", …" if len(members) > 3 else "")
        messages.append((sha256, f"{len(members)} document{'s' if len(members) != 1 else ''} in it ({names}), each taken "
                                 "in as its own"))
    with storage.warehouse() as con:
        # (a file already stored, sent alone before, keeps what was made of it; the archive's place is one more of its)
        execute_many(con, "INSERT INTO documents (sha256, format, size_bytes, stored_path, updated_at, status) "
                          "VALUES (?, ?, ?, ?, ?, 'stored') ON CONFLICT (sha256) DO NOTHING", list(document_rows.values()))
        upsert(con, "document_sources", source_rows)
        execute_many(con, "UPDATE documents SET status = 'unpacked', reason = NULL, message = ?, reader_version = ?, "
                          "updated_at = ? WHERE sha256 = ?",
                     [[message, READER_VERSION, now_utc(), sha256] for sha256, message in messages])
        execute_many(con, "DELETE FROM document_text WHERE sha256 = ?", [[sha256] for sha256, _ in messages])
    known = set(context.instance.get_dynamic_partitions(document_partitions.name))
    context.instance.add_dynamic_partitions(document_partitions.name, [sha for sha in document_rows if sha not in known])
    for sha256, message in messages:
        storage.unquarantine(sha256)  # (a 7-Zip or tar older readers refused waits on no one now)
        _observe(context, sha256, status="unpacked", message=message)
        context.log.info(f"document {sha256[:12]}, stored whole by an older jobfit: {message}; the catch-up reads them")


@dataclasses.dataclass
class _Parsed:
    """What parsing a batch of documents gave: the profile rows to write, and counts of what happened."""

    rows: list[dict] = dataclasses.field(default_factory=list)
    counts: Counter = dataclasses.field(default_factory=Counter)  # documents_without_text, parse_failures, llm_*


def _parse_batch(context: dg.AssetExecutionContext, storage: StorageResource, matcher, client, keys: list[str]) -> _Parsed:
    with storage.warehouse() as con:
        con.execute("CREATE TEMP TABLE run_keys (sha256 VARCHAR)")
        execute_many(con, "INSERT INTO run_keys VALUES (?)", [[k] for k in keys])
        # "Present" in a resume means when it was saved, as its metadata says; else when it arrived (a current resume
        # says "2020 – Present" for years: the latest date it writes is no guide to when it was sent)
        stored = con.execute(
            "SELECT t.sha256, t.text, coalesce(t.document_date, (SELECT min(s.seen_at)::DATE FROM document_sources s "
            "WHERE s.sha256 = t.sha256)), t.layout, t.json_resume FROM document_text t JOIN run_keys USING (sha256)").fetchall()
        texts = {sha256: text for sha256, text, *_ in stored}
        saved_on = {sha256: saved for sha256, _, saved, *_ in stored}
        layouts = {sha256: [LayoutLine(**line) for line in json.loads(layout or "[]")] for sha256, _, _, layout, _ in stored}
        stated = {sha256: json.loads(resume) for sha256, *_, resume in stored if resume}
        sources = con.execute("SELECT r.sha256, r.tenant, r.replaced_by FROM profile_replacements r JOIN run_keys USING (sha256)").fetchall()
        # a quarantined document has no profile; drop any left from an earlier version of the rules (a withdrawn
        # profile's row stays: it is what says the candidate withdrew)
        con.execute("DELETE FROM profiles WHERE sha256 IN (SELECT sha256 FROM run_keys) AND sha256 NOT IN (SELECT sha256 FROM document_text) "
                    "AND status <> 'withdrawn'")
    tenants: dict[str, list[tuple[str, str | None]]] = {}
    for sha256, tenant, replaced_by in sources:
        tenants.setdefault(sha256, []).append((tenant, replaced_by))
    done = _Parsed(counts=Counter(documents_without_text=len(keys) - len(texts)))
    parsed_by_sha: dict[str, Profile] = {}
    for sha256, text in texts.items():
        # parsed once per document; each tenant that sent it gets its own copy of the profile
        try:
            parsed_by_sha[sha256] = parse_resume(text, matcher=matcher, document_sha256=sha256, region=SETTINGS.default_region,
                                                 today=saved_on.get(sha256), layout=layouts[sha256],
                                                 json_resume=stated.get(sha256))
        except Exception as exc:  # one document's parser failure must not cost the batch; its text stays stored
            done.counts["parse_failures"] += 1
            context.log.error(f"parsing {sha256[:12]} failed, its text is kept for the next run: {type(exc).__name__}: {exc}")
    if client is not None:
        # at most llm_concurrency requests in flight; each falls back to its rules profile on its own
        def ask(sha256: str):
            return sha256, parse_with_llm(client, SETTINGS.llm_model, texts[sha256], parsed_by_sha[sha256], matcher,
                                          cache_dir=storage.layout.llm_cache_dir, timeout_seconds=SETTINGS.llm_timeout_seconds)

        with ThreadPoolExecutor(max_workers=max(1, SETTINGS.llm_concurrency)) as pool:
            # a JSON Resume states its fields: no model reads them better
            for sha256, outcome in pool.map(ask, [sha256 for sha256 in parsed_by_sha if sha256 not in stated]):
                parsed_by_sha[sha256] = outcome.profile
                done.counts.update(llm_used=outcome.used_llm, llm_prompt_tokens=outcome.prompt_tokens,
                                   llm_completion_tokens=outcome.completion_tokens, llm_fallbacks=bool(outcome.error))
                if outcome.error:
                    context.log.warning(f"LLM parsing fell back to the rules for {sha256[:12]}: {outcome.error}")
    for sha256, parsed in parsed_by_sha.items():
        for tenant, replaced_by in tenants.get(sha256, [("default", None)]):
            profile = parsed.model_copy(deep=True)
            profile.meta.tenant = tenant
            done.rows.append({
                "profile_id": profile_id_for(sha256, tenant), "sha256": sha256, "tenant": tenant, "name": profile.basics.name,
                "email": profile.basics.email, "label": profile.basics.label, "career_level": profile.meta.career_level,
                "years_experience": profile.meta.total_years_experience, "skills": len(profile.meta.skills),
                "profile_json": profile.model_dump_json(exclude_none=True), "parsed_at": now_utc(),
                "status": "superseded" if replaced_by else "active", "superseded_by": replaced_by,
            })
    return done


@dg.asset(
    partitions_def=document_partitions,
    backfill_policy=ONE_RUN_PER_BATCH,
    deps=[document_text, "skill_taxonomy"],
    group_name="documents",
    kinds={"spacy", "duckdb"},
    pool=WAREHOUSE_POOL,
    # the prompt's version too: in LLM mode a new prompt is a new parser (the model's cached answers key on it)
    code_version=f"{PARSER_VERSION}+{PROMPT_VERSION}",
    automation_condition=on_new_rules,
    description="Each document parsed into a JSON Resume profile with meta, one per tenant that sent it. A new parser "
    "or taxonomy parses every stored document again.",
)
def profiles(context: dg.AssetExecutionContext, storage: StorageResource, llm: OpenAIResource) -> dg.MaterializeResult:
    keys = list(context.partition_keys)
    matcher = current_matcher(storage)
    total, preview = Counter(), []
    with contextlib.ExitStack() as stack:
        client = stack.enter_context(llm.get_client(context)) if SETTINGS.llm_enabled else None
        batches = _Batches(context, keys, "parsed", lambda batch: _parse_batch(context, storage, matcher, client, batch))
        for done in batches:
            with storage.warehouse() as con:
                upsert(con, "profiles", done.rows)
            for row in done.rows:
                _observe(context, row["sha256"], profile_id=row["profile_id"], tenant=row["tenant"],
                         name=row["name"] or "(not found)", skills=row["skills"], status=row["status"])
            total.update(done.counts, profiles=len(done.rows))
            preview += done.rows[:20 - len(preview)]
    metadata = {
        "profiles": total["profiles"],
        "documents_without_text": total["documents_without_text"],
        "parse_failures": total["parse_failures"],
        "profiles_per_second": round(total["profiles"] / batches.seconds, 1) if batches.seconds else None,
        "parser": f"llm:{SETTINGS.llm_model}" if SETTINGS.llm_enabled else "rules",
        "parser_version": PARSER_VERSION,
        "preview": dg.MetadataValue.md(
            "| profile | tenant | name | label | skills | years |\n|---|---|---|---|---|---|\n" + "\n".join(
                f"| {r['profile_id']} | {r['tenant']} | {r['name'] or ''} | {r['label'] or ''} | {r['skills']} | {r['years_experience']} |"
                for r in preview
            )
        ),
    }
    if SETTINGS.llm_enabled:
        cost = (total["llm_prompt_tokens"] * SETTINGS.llm_input_usd_per_million
                + total["llm_completion_tokens"] * SETTINGS.llm_output_usd_per_million) / 1e6
        metadata.update({key: total[key] for key in ("llm_used", "llm_fallbacks", "llm_prompt_tokens", "llm_completion_tokens")},
                        llm_cost_usd=round(cost, 6))
    return dg.MaterializeResult(metadata=metadata)


@dg.asset(
    group_name="documents",
    kinds={"duckdb"},
    pool=WAREHOUSE_POOL,
    description="Candidates who withdrew, named by an operator (config: profile_ids, reason): their profiles leave matching, "
    "digests, the vectors and the API in this run, and their values, matches, digests, text and stored files are erased.",
)
def profile_withdrawals(context: dg.AssetExecutionContext, config: WithdrawalConfig, storage: StorageResource,
                        vectors: VectorsResource) -> dg.MaterializeResult:
    with storage.warehouse() as con:
        try:
            done = withdraw_profiles(con, config.profile_ids, config.reason)
        except ValueError as exc:
            raise dg.Failure(description=str(exc)) from exc
        total = con.execute("SELECT count(*) FROM withdrawals").fetchone()[0]
    for sha256 in done.documents:
        storage.erase_document(sha256)
    for profile_id in done.profiles:
        for path in storage.layout.digests_dir.glob(f"*/{profile_id}.*"):
            path.unlink()
    # what any model answered about them: their resume's text (when no one else holds it) and their matches
    answers = erase_answers(storage.layout.llm_cache_dir, done.texts.values(), done.profiles)
    if done.profiles:
        store = vectors.store()
        for table in ("profile_vectors", "profile_titles"):
            store.delete(table, set(done.profiles))
        # the API stops serving them now, not when automation next rebuilds the snapshot
        build_serving_snapshot(storage.layout.warehouse_path, storage.layout.serving_path)
    if done.already:
        context.log.info(f"withdrawn before: {', '.join(done.already)}")
    return dg.MaterializeResult(metadata={
        "withdrawn": len(done.profiles),
        "profiles": dg.MetadataValue.json(done.profiles),
        "already_withdrawn": len(done.already),
        "documents_erased": len(done.documents),
        "llm_answers_erased": answers,
        "withdrawals_in_all": total,
    })
