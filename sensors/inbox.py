"""Inbox sensor: each new file under inbox/<tenant>/ becomes one document, exactly once, in batched runs; an
archive of resumes (zip, 7-Zip, RAR, tar), or an email an agency sent with several candidates' resumes, becomes one
document for each in it.

The cursor remembers each path's mtime and size (`sensors.arrivals` sorts what is new). A large
arrival is paged across ticks within the sensor's time limit.
"""

import json
import time
from pathlib import Path

import dagster as dg

from jobfit.documents import MAY_HOLD_HEAD, may_hold_documents, readable_path, sha256_bytes, sha256_file
from jobfit.documents.archives import archive_members
from pipelines.jobs import ingest_document_job
from pipelines.partitions import SETTINGS
from resources.storage import StorageResource
from sensors.arrivals import TICK_BUDGET_SECONDS, Arrival, TickArrivals

# A file touched this recently may still be arriving (a copy, an upload): look again next tick.
SETTLE_SECONDS = 2.0
# The cursor's mark of a link out of its tenant's folder, already named in a tick's log.
OUT_OF_BOUNDS = "outside"


def inbox_tenant(folder: Path) -> str:
    """The tenant an inbox folder belongs to: its name, as text. A folder named in another encoding than UTF-8 (made on
    Windows, unpacked from its zip) is read as Windows-1252, as its files' names are: before, its undecodable bytes
    reached the run's tags, which the Dagster instance refuses, and the run for the batch, every tenant's new files in
    it, was never made."""
    return readable_path(folder.name)


def scan_inbox(inbox: Path, refused: list[Path] | None = None) -> list[tuple[str, Path]]:
    """(tenant, file) for every visible file below a tenant folder, oldest first. A link leading out of its tenant's
    folder is passed over (and added to `refused`): whoever may drop files in one tenant's folder (or unpack a zip
    there, which keeps its links) would otherwise have another tenant's resumes, or any file jobfit may read, its
    settings and keys among them, taken in as their documents and parsed into profiles their readers see. A tenant
    folder that is itself a link (the operator's choice) is followed."""
    if not inbox.exists():
        return []
    found = []
    for tenant_dir in sorted(p for p in inbox.iterdir() if p.is_dir() and not p.name.startswith(".")):
        root, tenant = tenant_dir.resolve(), inbox_tenant(tenant_dir)
        for path in tenant_dir.rglob("*"):
            if path.is_file() and not path.name.startswith((".", "~$")) and not path.name.endswith((".partial", ".tmp")):
                if path.is_symlink() and not path.resolve().is_relative_to(root):
                    if refused is not None:
                        refused.append(path)
                    continue
                found.append((tenant, path))
    return sorted(found, key=lambda item: (item[1].stat().st_mtime, str(item[1])))


def inbox_arrivals(tenant: str, path: Path) -> list[Arrival]:
    """The documents one file in the inbox brings: itself; or, an archive of documents (zip, 7-Zip, RAR, tar, a PDF
    portfolio), a PDF of several candidates' resumes or an email of several candidates' resumes, each file or
    candidate in it, found at the file's path and the name in it ('inbox/acme/cvs.zip/ana.pdf'). Only an archive, a PDF or an email is read whole here, to list its files; the run that
    takes them in unpacks it, so the sensor writes no file and one a candidate withdrew is never kept again. A new
    version of the archive is a new version of each file in it, which steps in for the one before."""
    with open(path, "rb") as handle:
        head = handle.read(MAY_HOLD_HEAD)
        if not may_hold_documents(head):
            return [Arrival(sha256_file(path), str(path), tenant)]
        data = head + handle.read()  # (read once: listed, and hashed when it holds no documents after all)
    members = archive_members(data)
    if members is None:
        return [Arrival(sha256_bytes(data), str(path), tenant)]
    return [Arrival(sha256_bytes(member.data), str(path), tenant, member=member.name) for member in members]


def _signature(path: Path) -> str | None:
    stat = path.stat()
    if time.time() - stat.st_mtime < SETTLE_SECONDS:
        return None
    return f"{stat.st_mtime_ns}:{stat.st_size}"


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
    arrivals = TickArrivals(context.instance, had_cursor=bool(context.cursor))
    considered, unreadable, refused = 0, [], []
    for tenant, path in scan_inbox(inbox, refused):
        key = str(path)
        try:
            signature = _signature(path)
        except FileNotFoundError:
            continue
        if signature is None or seen.get(key) == signature:
            continue
        if considered >= SETTINGS.inbox_files_per_tick or time.monotonic() - started > TICK_BUDGET_SECONDS:
            break  # the rest waits for the next tick; the cursor only advances past what was handled
        try:
            found = inbox_arrivals(tenant, path)
        except OSError as exc:  # not ours to read, or gone since the scan: the others go on; it is tried again next tick
            unreadable.append(f"{path} ({exc.strerror or exc})")  # (and takes no share of the tick's files)
            continue
        considered += 1
        seen[key] = signature
        for arrival in found:
            arrivals.add(arrival)
        if found[0].member:
            context.log.info(f"{path}: {len(found)} documents in it (an archive's files, an email's or a PDF's candidates), "
                             "each taken in as its own")
    told = [path for path in map(str, refused) if seen.get(path) != OUT_OF_BOUNDS]
    if told:  # said once, in the log of the tick that found them
        context.log.warning(f"{len(told)} links in the inbox lead out of their tenant's folder and were passed over: "
                            + ", ".join(told[:5]))
        seen |= dict.fromkeys(told, OUT_OF_BOUNDS)
    if unreadable:
        context.log.warning(f"{len(unreadable)} files in the inbox could not be read, tried again at the next tick: "
                            + ", ".join(unreadable[:5]))
    if considered == 0:
        if told:  # (otherwise the cursor is left as it was: a first tick's stays unset)
            context.update_cursor(json.dumps(seen))
        return dg.SkipReason(f"no new files in {inbox}" + (f"; could not read {', '.join(unreadable[:5])}" if unreadable else ""))
    return arrivals.result(SETTINGS.inbox_batch_size, json.dumps(seen), context.log)
