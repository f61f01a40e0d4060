"""Profile and posting vectors in LanceDB; text that did not change is never embedded again."""

import time
from collections.abc import Callable

import dagster as dg
import numpy as np

from jobfit.embedding import text_sha
from jobfit.jobs import job_text
from jobfit.occupations import clean_title
from jobfit.resumes import profile_text
from jobfit.schema import JobPosting, Profile, collector_paused
from jobfit.store import upsert
from pipelines.automation import on_upstream_change, on_upstream_update
from resources.embedder import EmbedderResource
from resources.storage import StorageResource
from resources.vectors import VectorsResource

PROGRESS_EVERY = 2048  # texts embedded between two progress lines in the run's log (100,000 postings take about 20 minutes)


def embed_with_progress(embedder: EmbedderResource, texts: list[str], what: str, log: Callable[[str], None]) -> np.ndarray:
    """The texts' vectors, embedded PROGRESS_EVERY at a time when there are more, each part logged with the rate and
    the time left, so an operator watching a long run sees it move."""
    if len(texts) <= PROGRESS_EVERY:
        return embedder.embed(texts)
    parts, started = [], time.perf_counter()
    for start in range(0, len(texts), PROGRESS_EVERY):
        parts.append(embedder.embed(texts[start:start + PROGRESS_EVERY]))
        done = min(start + PROGRESS_EVERY, len(texts))
        rate = done / max(time.perf_counter() - started, 1e-9)
        log(f"{what}: embedded {done:,} of {len(texts):,} ({rate:.0f} a second, about {(len(texts) - done) / rate / 60:.0f} "
            "minutes left)")
    return np.vstack(parts)


def _sync_vectors(table: str, items: dict[str, tuple[str | None, str]], keep: set[str], known: dict[str, str],
                  embedder: EmbedderResource, store, log: Callable[[str], None]) -> dict:
    """Embed the items whose text changed, drop the rows whose id is not in `keep`. `items`: id -> (tenant, text);
    `known`: the table's rows' text hashes."""
    shas = {item_id: text_sha(text) for item_id, (_, text) in items.items()}
    stale = [item_id for item_id in items if known.get(item_id) != shas[item_id]]
    started = time.perf_counter()
    matrix = embed_with_progress(embedder, [items[i][1] for i in stale], table, log)
    seconds = time.perf_counter() - started
    store.upsert(table, stale, [items[i][0] for i in stale], [shas[i] for i in stale], matrix)
    removed = store.delete(table, set(known) - keep)
    return {
        "rows": len(keep),
        "embedded": len(stale),
        "reused": len(keep) - len(stale),
        "removed": removed,
        "embed_seconds": round(seconds, 2),
        "model": embedder.model_version,
    }


def _sync(storage: StorageResource, embedder: EmbedderResource, vectors: VectorsResource, side: str, rows_sql: str,
          model, texts: Callable, title: Callable, log: Callable[[str], None]) -> dict:
    """One side's two vector tables (`{side}_vectors`: its text, `{side}_titles`: its title) brought up to date with
    the warehouse. `rows_sql` selects (id, tenant, JSON) of the side's current rows; only those whose JSON changed
    since their vectors were written, or that have none, are read at all."""
    store = vectors.store()
    with storage.warehouse() as con:
        current = {item: (tenant, fp) for item, tenant, fp in con.execute(
            f"SELECT id, tenant, hash(js, ?::VARCHAR)::VARCHAR FROM ({rows_sql})", [embedder.model_version]).fetchall()}
        known = dict(con.execute("SELECT id, fingerprint FROM vector_inputs WHERE vectors = ?", [side]).fetchall())
        shas = {table: store.text_shas(table) for table in (f"{side}_vectors", f"{side}_titles")}
        held = set(shas[f"{side}_vectors"]) & set(shas[f"{side}_titles"])
        stale = sorted(i for i, (_, fp) in current.items() if known.get(i) != fp or i not in held)
        with collector_paused():
            parsed = {item: model.model_validate_json(js) for item, _, js in con.execute(
                f"SELECT * FROM ({rows_sql}) WHERE id IN (SELECT unnest(?))", [stale]).fetchall()}
    keep = set(current)
    metadata = _sync_vectors(f"{side}_vectors", {i: (current[i][0], texts(x)) for i, x in parsed.items()}, keep,
                             shas[f"{side}_vectors"], embedder, store, log)
    titles = _sync_vectors(f"{side}_titles", {i: (current[i][0], title(x)) for i, x in parsed.items()}, keep,
                           shas[f"{side}_titles"], embedder, store, log)
    with storage.warehouse() as con:
        con.execute("BEGIN")
        con.execute("DELETE FROM vector_inputs WHERE vectors = ? AND id NOT IN (SELECT unnest(?))", [side, sorted(keep)])
        upsert(con, "vector_inputs", [{"vectors": side, "id": i, "fingerprint": current[i][1]} for i in parsed])
        con.execute("COMMIT")
    return {**metadata, "read": len(parsed), **{f"titles_{key}": value for key, value in titles.items()
                                                   if key in ("embedded", "reused", "removed", "embed_seconds")}}


@dg.asset(
    deps=["profiles", "profile_withdrawals"],
    group_name="vectors",
    kinds={"lancedb", "pytorch"},
    automation_condition=on_upstream_update,
    description="One MiniLM vector per profile (title, summary, roles, skills), and one of its title alone, keyed by profile id. "
    "Only profiles that changed since are read.",
)
def profile_vectors(context: dg.AssetExecutionContext, storage: StorageResource, embedder: EmbedderResource,
                    vectors: VectorsResource) -> dg.MaterializeResult:
    return dg.MaterializeResult(metadata=_sync(
        storage, embedder, vectors, "profile",
        "SELECT profile_id AS id, tenant, profile_json AS js FROM profiles WHERE status = 'active'",
        Profile, profile_text, lambda p: clean_title(p.basics.label or ""), context.log.info))


@dg.asset(
    deps=["job_postings"],
    group_name="vectors",
    kinds={"lancedb", "pytorch"},
    automation_condition=on_upstream_change,
    description="One MiniLM vector per analyzed posting (title, required skills, description), and one of its title alone, "
    "keyed by job id. Only postings that changed since are read.",
)
def job_vectors(context: dg.AssetExecutionContext, storage: StorageResource, embedder: EmbedderResource,
                vectors: VectorsResource) -> dg.MaterializeResult:
    return dg.MaterializeResult(metadata=_sync(
        storage, embedder, vectors, "job", "SELECT id, tenant, posting_json AS js FROM job_postings",
        JobPosting, job_text, lambda j: clean_title(j.title or ""), context.log.info))
