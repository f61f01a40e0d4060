"""Inbox sensor: each new file under inbox/<tenant>/ becomes one document, exactly once, in batched runs.

The cursor remembers each path's mtime and size; the dynamic partitions (one per sha256) are the
exactly-once guard, so a lost cursor costs hashing time but never a second run for the same bytes.
A large arrival is paged across ticks within the sensor's time limit.
"""

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from jobfit.documents import sha256_file
from pipelines.jobs import ingest_document_job
from pipelines.partitions import SETTINGS, document_partitions
from resources.storage import StorageResource

# A file touched this recently may still be arriving (a copy, an upload): look again next tick.
SETTLE_SECONDS = 2.0
# Sensors time out at 60 s; stop hashing well before, the rest waits for the next tick.
TICK_BUDGET_SECONDS = 40.0


@dataclass(frozen=True)
class Arrival:
    sha256: str
    path: str
    tenant: str


def scan_inbox(inbox: Path) -> list[tuple[str, Path]]:
    """(tenant, file) for every visible file below a tenant folder, oldest first."""
    if not inbox.exists():
        return []
    found = []
    for tenant_dir in sorted(p for p in inbox.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for path in tenant_dir.rglob("*"):
            if path.is_file() and not path.name.startswith((".", "~$")) and not path.name.endswith((".partial", ".tmp")):
                found.append((tenant_dir.name, path))
    return sorted(found, key=lambda item: (item[1].stat().st_mtime, str(item[1])))


def _signature(path: Path) -> str | None:
    stat = path.stat()
    if time.time() - stat.st_mtime < SETTLE_SECONDS:
        return None
    return f"{stat.st_mtime_ns}:{stat.st_size}"


def ingest_requests(arrivals: list[Arrival], batch_size: int, copies: list[Arrival] = ()) -> list[dg.RunRequest]:
    """One run per batch of new documents: a partition range (the keys were added in this order) plus their
    sources, including `copies` (the same new bytes found at other places in the same tick)."""
    requests = []
    for start in range(0, len(arrivals), batch_size):
        batch = arrivals[start:start + batch_size]
        keys = {a.sha256 for a in batch}
        key = hashlib.sha256("".join(a.sha256 for a in batch).encode()).hexdigest()[:16]
        sources = [a.__dict__ for a in batch] + [c.__dict__ for c in copies if c.sha256 in keys]
        requests.append(dg.RunRequest(
            run_key=f"documents-{key}",
            run_config={"ops": {"documents": {"config": {"sources": sources}}}},
            tags={
                ASSET_PARTITION_RANGE_START_TAG: batch[0].sha256,
                ASSET_PARTITION_RANGE_END_TAG: batch[-1].sha256,
                "jobfit/documents": str(len(batch)),
                "jobfit/tenants": ",".join(sorted({a.tenant for a in batch})),
            },
        ))
    return requests


def new_source_request(arrival: Arrival) -> dg.RunRequest:
    """Known bytes from a new place (another tenant, another path): record the source and give that tenant its profile."""
    return dg.RunRequest(
        run_key=f"source-{arrival.sha256}-{hashlib.sha256(arrival.path.encode()).hexdigest()[:12]}",
        partition_key=arrival.sha256,
        asset_selection=[dg.AssetKey("documents"), dg.AssetKey("profiles")],
        run_config={"ops": {"documents": {"config": {"sources": [arrival.__dict__]}}}},
        tags={"jobfit/tenants": arrival.tenant},
    )


@dg.sensor(
    job=ingest_document_job,
    minimum_interval_seconds=10,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches JOBFIT_INBOX_DIR/<tenant>/: new documents in batched runs, known bytes from new places recorded.",
)
def inbox_sensor(context: dg.SensorEvaluationContext, storage: StorageResource) -> dg.SensorResult | dg.SkipReason:
    inbox = Path(storage.inbox_dir)
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    started = time.monotonic()
    new: dict[str, Arrival] = {}
    copies: list[Arrival] = []  # new bytes seen twice in this tick
    known_sources: list[Arrival] = []  # bytes already a document, found at a new place
    considered = 0
    for tenant, path in scan_inbox(inbox):
        key = str(path)
        try:
            signature = _signature(path)
        except FileNotFoundError:
            continue
        if signature is None or seen.get(key) == signature:
            continue
        if considered >= SETTINGS.inbox_files_per_tick or time.monotonic() - started > TICK_BUDGET_SECONDS:
            break  # the rest waits for the next tick; the cursor only advances past what was handled
        considered += 1
        sha256 = sha256_file(path)
        seen[key] = signature
        arrival = Arrival(sha256, key, tenant)
        if sha256 in new:
            copies.append(arrival)
        elif context.instance.has_dynamic_partition(document_partitions.name, sha256):
            # With no cursor (first tick after `make run`'s bootstrap, or a lost cursor) the sources of known
            # documents were recorded by whoever added them; only later ticks can see a genuinely new place.
            if context.cursor:
                known_sources.append(arrival)
        else:
            new[sha256] = arrival
    if considered == 0:
        return dg.SkipReason(f"no new files in {inbox}")
    arrivals = list(new.values())
    requests = ingest_requests(arrivals, SETTINGS.inbox_batch_size, copies)
    requests += [new_source_request(a) for a in known_sources]
    context.log.info(f"{len(arrivals)} new documents in {len(requests)} runs, {len(known_sources)} known documents from new places")
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[document_partitions.build_add_request([a.sha256 for a in arrivals])] if arrivals else [],
        cursor=json.dumps(seen),
    )
