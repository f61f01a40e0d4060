"""Inbox sensor: each new file under inbox/<tenant>/ becomes one document, exactly once."""

import json
import time
from pathlib import Path

import dagster as dg

from jobfit.documents import sha256_file
from pipelines.jobs import ingest_document_job
from pipelines.partitions import SETTINGS, document_partitions
from resources.storage import StorageResource


def scan_inbox(inbox: Path) -> list[tuple[str, Path]]:
    """(tenant, file) for every visible file one level below a tenant folder, oldest first."""
    if not inbox.exists():
        return []
    found = []
    for tenant_dir in sorted(p for p in inbox.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for path in tenant_dir.rglob("*"):
            if path.is_file() and not path.name.startswith((".", "~$")) and not path.name.endswith((".partial", ".tmp")):
                found.append((tenant_dir.name, path))
    return sorted(found, key=lambda item: (item[1].stat().st_mtime, str(item[1])))


# A file touched this recently may still be arriving (a copy, an upload): look again next tick.
SETTLE_SECONDS = 2.0


def _signature(path: Path) -> str | None:
    stat = path.stat()
    if time.time() - stat.st_mtime < SETTLE_SECONDS:
        return None
    return f"{stat.st_mtime_ns}:{stat.st_size}"


@dg.sensor(
    job=ingest_document_job,
    minimum_interval_seconds=10,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches JOBFIT_INBOX_DIR/<tenant>/ and requests one run per new document (run_key = sha256).",
)
def inbox_sensor(context: dg.SensorEvaluationContext, storage: StorageResource) -> dg.SensorResult | dg.SkipReason:
    inbox = Path(storage.inbox_dir)
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    requests, new_keys, considered = [], [], 0
    for tenant, path in scan_inbox(inbox):
        key = str(path)
        try:
            signature = _signature(path)
        except FileNotFoundError:
            continue
        if signature is None or seen.get(key) == signature:
            continue
        if considered >= SETTINGS.inbox_files_per_tick:
            break  # the rest waits for the next tick; the cursor only advances past what was handled
        considered += 1
        sha256 = sha256_file(path)
        seen[key] = signature
        if sha256 in new_keys or context.instance.has_dynamic_partition(document_partitions.name, sha256):
            continue  # already a document: the same bytes are never processed twice
        new_keys.append(sha256)
        requests.append(
            dg.RunRequest(
                run_key=sha256,
                partition_key=sha256,
                run_config={"ops": {"documents": {"config": {"path": key, "tenant": tenant}}}},
                tags={"jobfit/tenant": tenant, "jobfit/source": path.name},
            )
        )
    if not requests and considered == 0:
        return dg.SkipReason(f"no new files in {inbox}")
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[document_partitions.build_add_request(new_keys)] if new_keys else [],
        cursor=json.dumps(seen),
    )
