"""Profile and posting vectors in LanceDB; text that did not change is never embedded again."""

import time

import dagster as dg

from jobfit.embedding import text_sha
from jobfit.jobs import job_text
from jobfit.occupations import clean_title
from jobfit.resumes import profile_text
from jobfit.schema import JobPosting, Profile
from pipelines.automation import on_upstream_change, on_upstream_update
from resources.embedder import EmbedderResource
from resources.storage import StorageResource
from resources.vectors import VectorsResource


def _sync_vectors(table: str, items: dict[str, tuple[str | None, str]], embedder: EmbedderResource, vectors: VectorsResource) -> dict:
    """Embed the items whose text changed, drop the ones that are gone. `items`: id -> (tenant, text)."""
    store = vectors.store()
    current = store.read(table)
    known = dict(zip(current.ids, current.text_shas, strict=True))
    shas = {item_id: text_sha(text) for item_id, (_, text) in items.items()}
    stale = [item_id for item_id in items if known.get(item_id) != shas[item_id]]
    started = time.perf_counter()
    matrix = embedder.embed([items[i][1] for i in stale])
    seconds = time.perf_counter() - started
    store.upsert(table, stale, [items[i][0] for i in stale], [shas[i] for i in stale], matrix)
    removed = store.delete_missing(table, set(items))
    return {
        "rows": len(items),
        "embedded": len(stale),
        "reused": len(items) - len(stale),
        "removed": removed,
        "embed_seconds": round(seconds, 2),
        "model": embedder.model_version,
    }


def _titles(metadata: dict) -> dict:
    """The title table's figures under their own names, beside the text table's."""
    return {f"titles_{key}": value for key, value in metadata.items() if key in ("embedded", "reused", "removed", "embed_seconds")}


@dg.asset(
    deps=["profiles"],
    group_name="vectors",
    kinds={"lancedb", "pytorch"},
    automation_condition=on_upstream_update,
    description="One MiniLM vector per profile (title, summary, roles, skills), and one of its title alone, keyed by profile id.",
)
def profile_vectors(storage: StorageResource, embedder: EmbedderResource, vectors: VectorsResource) -> dg.MaterializeResult:
    with storage.warehouse() as con:
        rows = con.execute("SELECT profile_id, tenant, profile_json FROM profiles WHERE status = 'active'").fetchall()
    profiles = {pid: (tenant, Profile.model_validate_json(js)) for pid, tenant, js in rows}
    texts = {pid: (tenant, profile_text(p)) for pid, (tenant, p) in profiles.items()}
    titles = {pid: (tenant, clean_title(p.basics.label or "")) for pid, (tenant, p) in profiles.items()}
    return dg.MaterializeResult(metadata={**_sync_vectors("profile_vectors", texts, embedder, vectors),
                                          **_titles(_sync_vectors("profile_titles", titles, embedder, vectors))})


@dg.asset(
    deps=["job_postings"],
    group_name="vectors",
    kinds={"lancedb", "pytorch"},
    automation_condition=on_upstream_change,
    description="One MiniLM vector per analyzed posting (title, required skills, description), and one of its title alone, keyed by job id.",
)
def job_vectors(storage: StorageResource, embedder: EmbedderResource, vectors: VectorsResource) -> dg.MaterializeResult:
    with storage.warehouse() as con:
        rows = con.execute("SELECT id, tenant, posting_json FROM job_postings").fetchall()
    jobs = {jid: (tenant, JobPosting.model_validate_json(js)) for jid, tenant, js in rows}
    texts = {jid: (tenant, job_text(j)) for jid, (tenant, j) in jobs.items()}
    titles = {jid: (tenant, clean_title(j.title or "")) for jid, (tenant, j) in jobs.items()}
    return dg.MaterializeResult(metadata={**_sync_vectors("job_vectors", texts, embedder, vectors),
                                          **_titles(_sync_vectors("job_titles", titles, embedder, vectors))})
