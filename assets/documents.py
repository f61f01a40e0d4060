"""Documents in: keep the original, extract its text or quarantine it, parse it into a profile."""

import dataclasses
import json
import time
from pathlib import Path

import dagster as dg
from dagster_openai import OpenAIResource

from assets.taxonomy import current_matcher
from jobfit.documents import Limits, UnsupportedDocument, detect_format, extract_text, sha256_file
from jobfit.llm import parse_with_llm
from jobfit.resumes import parse_resume
from jobfit.store import now_utc, upsert
from pipelines.partitions import SETTINGS, document_partitions
from resources.storage import StorageResource


class DocumentSource(dg.Config):
    """Where the inbox sensor found the file; empty on a re-run of a document already stored."""

    path: str = ""
    tenant: str = ""


class ReleaseConfig(dg.Config):
    """Set by an operator to release a quarantined document the classifier did not take for a resume."""

    accept_any_kind: bool = False


def profile_id_for(sha256: str) -> str:
    return sha256[:16]


@dg.asset(
    partitions_def=document_partitions,
    group_name="documents",
    kinds={"file", "duckdb"},
    pool="warehouse",
    description="The original file, stored once under its sha256, with where it came from.",
)
def documents(context: dg.AssetExecutionContext, config: DocumentSource, storage: StorageResource) -> dg.MaterializeResult:
    sha256 = context.partition_key
    stored = storage.document_path(sha256)
    if config.path:
        source = Path(config.path)
        if not source.exists() and not stored.exists():
            raise dg.Failure(f"{source} is gone and no copy was stored: drop the file into the inbox again")
        if source.exists():
            if sha256_file(source) != sha256:
                raise dg.Failure(
                    f"{source} changed after the sensor saw it (sha256 differs): the sensor will pick up the new version"
                )
            stored = storage.keep_document(sha256, source)
    elif not stored.exists():
        raise dg.Failure(f"document {sha256} was never stored: it arrives through the inbox sensor, which gives its path")
    data = stored.read_bytes()
    with storage.warehouse() as con:
        existing = con.execute("SELECT status FROM documents WHERE sha256 = ?", [sha256]).fetchone()
        upsert(con, "documents", [{
            "sha256": sha256, "format": detect_format(data), "size_bytes": len(data), "pages": None,
            "status": existing[0] if existing else "stored", "reason": None, "message": None,
            "stored_path": str(stored), "updated_at": now_utc(),
        }])
        if config.path:
            upsert(con, "document_sources", [{
                "sha256": sha256, "tenant": config.tenant or "default", "source_path": config.path, "seen_at": now_utc(),
            }])
    return dg.MaterializeResult(
        metadata={"format": detect_format(data), "size_bytes": len(data), "tenant": config.tenant or "default",
                  "source": config.path or "(stored copy)"}
    )


@dg.asset(
    partitions_def=document_partitions,
    deps=[documents],
    group_name="documents",
    kinds={"pymupdf", "duckdb"},
    pool="warehouse",
    description="The document's text, or the document in quarantine with a reason a person can act on.",
)
def document_text(context: dg.AssetExecutionContext, config: ReleaseConfig, storage: StorageResource) -> dg.MaterializeResult:
    sha256 = context.partition_key
    data = storage.document_path(sha256).read_bytes()
    started = time.perf_counter()
    limits = Limits(max_bytes=SETTINGS.max_document_bytes, max_pages=SETTINGS.max_document_pages)
    try:
        text = extract_text(data, limits, accept_any_kind=config.accept_any_kind)
    except UnsupportedDocument as rejected:
        storage.quarantine(sha256, rejected.reason, rejected.message)
        with storage.warehouse() as con:
            con.execute(
                "UPDATE documents SET status = 'quarantined', reason = ?, message = ?, updated_at = ? WHERE sha256 = ?",
                [rejected.reason, rejected.message, now_utc(), sha256],
            )
            con.execute("DELETE FROM document_text WHERE sha256 = ?", [sha256])
        context.log.warning(f"document {sha256[:12]} quarantined: {rejected.reason}: {rejected.message}")
        return dg.MaterializeResult(metadata={"status": "quarantined", "reason": rejected.reason, "message": rejected.message})
    words = len(text.text.split())
    with storage.warehouse() as con:
        upsert(con, "document_text", [{
            "sha256": sha256, "text": text.text, "format": text.format, "pages": text.pages, "words": words,
            "layout": json.dumps([dataclasses.asdict(line) for line in text.layout]),
            "ocr_pages": text.ocr_pages, "ocr_confidence": text.ocr_confidence,
            "kind": text.kind, "kind_confidence": text.kind_confidence,
        }])
        con.execute(
            "UPDATE documents SET status = 'text', reason = NULL, message = NULL, pages = ?, updated_at = ? WHERE sha256 = ?",
            [text.pages, now_utc(), sha256],
        )
    return dg.MaterializeResult(
        metadata={"status": "text", "format": text.format, "pages": text.pages, "words": words,
                  "ocr_pages": text.ocr_pages, "ocr_confidence": text.ocr_confidence, "kind": text.kind,
                  "kind_confidence": text.kind_confidence, "layout_lines": len(text.layout),
                  "seconds": round(time.perf_counter() - started, 3), "preview": dg.MetadataValue.md(f"```\n{text.text[:600]}\n```")}
    )


@dg.asset(
    partitions_def=document_partitions,
    deps=[document_text, "skill_taxonomy"],
    group_name="documents",
    kinds={"spacy", "duckdb"},
    pool="warehouse",
    description="The document parsed into a JSON Resume profile with meta (skills on the taxonomy, years, level).",
)
def profiles(context: dg.AssetExecutionContext, storage: StorageResource, llm: OpenAIResource) -> dg.MaterializeResult:
    sha256 = context.partition_key
    profile_id = profile_id_for(sha256)
    with storage.warehouse() as con:
        row = con.execute("SELECT text FROM document_text WHERE sha256 = ?", [sha256]).fetchone()
        tenant_row = con.execute(
            "SELECT tenant FROM document_sources WHERE sha256 = ? ORDER BY seen_at LIMIT 1", [sha256]
        ).fetchone()
        if row is None:
            # A quarantined document has no profile; drop one left from an earlier version of the rules.
            con.execute("DELETE FROM profiles WHERE sha256 = ?", [sha256])
            return dg.MaterializeResult(metadata={"status": "no text (quarantined)", "profile_id": profile_id})
    matcher = current_matcher(storage)
    started = time.perf_counter()
    profile = parse_resume(row[0], matcher=matcher, tenant=tenant_row[0] if tenant_row else "default", document_sha256=sha256)
    llm_note = {}
    if SETTINGS.llm_enabled:
        with llm.get_client(context) as client:
            outcome = parse_with_llm(client, SETTINGS.llm_model, row[0], profile, matcher, cache_dir=storage.root / "llm_cache",
                                      timeout_seconds=SETTINGS.llm_timeout_seconds)
        profile = outcome.profile
        llm_note = {"llm_used": outcome.used_llm, "llm_cached": outcome.cached}
        if outcome.error:
            context.log.warning(f"LLM parsing fell back to the rules for {sha256[:12]}: {outcome.error}")
            llm_note["llm_error"] = outcome.error
    seconds = time.perf_counter() - started
    with storage.warehouse() as con:
        upsert(con, "profiles", [{
            "profile_id": profile_id, "sha256": sha256, "tenant": profile.meta.tenant, "name": profile.basics.name,
            "email": profile.basics.email, "label": profile.basics.label, "career_level": profile.meta.career_level,
            "years_experience": profile.meta.total_years_experience, "skills": len(profile.meta.skills),
            "profile_json": profile.model_dump_json(exclude_none=True), "parsed_at": now_utc(),
        }])
    return dg.MaterializeResult(
        metadata={
            "profile_id": profile_id, "tenant": profile.meta.tenant, "name": profile.basics.name or "(not found)",
            "label": profile.basics.label or "(not found)", "skills": len(profile.meta.skills),
            "years_experience": profile.meta.total_years_experience, "seconds": round(seconds, 3),
            "parser": profile.meta.parser, **llm_note,
            "profile": dg.MetadataValue.json(json.loads(profile.model_dump_json(exclude_none=True))),
        }
    )
