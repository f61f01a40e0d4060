"""Drive sensor: each new or changed file in a watched Google Drive folder becomes one document, exactly once.

The folders and their tenants come from the Drive folders file (`JOBFIT_DRIVE_FOLDERS_FILE`). The cursor
remembers each file's version per tenant (and the start of its download's sha256), so an unchanged file is listed
but never downloaded again; `make run` marks there the files the warehouse lost (`mark_lost_downloads`). A
download goes straight into the content-addressed document store; the document records the file's Drive
link as where it came from, so a changed file supersedes the profile of its older version, as a changed
inbox file does. A folder that cannot be read is reported and never stops the others.
"""

import json
import time
from collections.abc import Callable

import dagster as dg
from dagster._core.scheduler.instigation import InstigatorType, SensorInstigatorData

from jobfit.documents import Limits
from jobfit.documents.archives import archive_members
from jobfit.drive import DriveError, RateLimited, TooLarge
from pipelines.jobs import ingest_document_job
from pipelines.partitions import SETTINGS, document_partitions
from resources.drive import DriveResource
from resources.storage import StorageResource
from sensors.arrivals import TICK_BUDGET_SECONDS, Arrival, TickArrivals

# A cursor entry is the file's Drive version and, once downloaded, the start of its sha256 (enough to tell it among the
# documents, at a quarter of the length). For the version of a file the warehouse lost, `make run` writes LOST and
# when: each loss is its own run key (Dagster runs a sensor's run key once).
SHA_PREFIX = 16
LOST = "lost@"


def _entry(version: str, sha256s: list[str] = ()) -> str:
    """A downloaded file's cursor entry: its version, and the sha256 prefixes of the documents it gave (an archive's: one
    for each file in it)."""
    return f"{version} {','.join(sha256[:SHA_PREFIX] for sha256 in sha256s)}".strip()


def _version(entry: str) -> str:
    return entry.split(" ", 1)[0]


# an archive of resumes (or an agency's email of several) may hold many, each within the document limit: it may be as
# large as all it unpacks to
_ARCHIVES = {"application/zip", "application/x-zip-compressed", "application/x-zip", "application/x-7z-compressed",
             "application/vnd.rar", "application/x-rar-compressed", "application/x-rar", "application/x-tar",
             "application/gzip", "application/x-gzip", "application/x-compressed-tar", "application/x-bzip2",
             "application/x-xz", "message/rfc822", "application/vnd.ms-outlook"}


def _most_bytes(file) -> int:
    return Limits().max_unzipped_bytes if file.mime_type in _ARCHIVES else SETTINGS.max_document_bytes


def downloaded_documents(cursor: dict[str, str]) -> dict[str, tuple[list[str], str]]:
    """{cursor key: (sha256 prefixes, tenant)} of the files a cursor says were downloaded into documents, an archive's
    a prefix for each file in it (a too-large file never was; an entry from before the sha256 was kept says nothing)."""
    return {key: (entry.split(" ", 1)[1].split(","), key.split("/", 1)[0]) for key, entry in cursor.items()
            if " " in entry and not _version(entry).startswith(LOST)}


@dg.sensor(
    job=ingest_document_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches the Google Drive folders in JOBFIT_DRIVE_FOLDERS_FILE: new and changed files become documents.",
)
def drive_sensor(context: dg.SensorEvaluationContext, storage: StorageResource, drive: DriveResource) -> dg.SensorResult | dg.SkipReason:
    folders = drive.folders()
    if not folders:
        return dg.SkipReason(f"no Drive folders configured in {drive.folders_file or 'JOBFIT_DRIVE_FOLDERS_FILE'}")
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    started = time.monotonic()
    arrivals = TickArrivals(context.instance, had_cursor=bool(context.cursor))
    downloaded, problems, out_of_time = 0, [], False
    with drive.client() as client:
        for folder in folders:
            try:
                for file in client.files(folder.folder_id):
                    key = f"{folder.tenant}/{file.id}"
                    seen_version = _version(seen.get(key, ""))
                    if seen_version == file.version:
                        continue
                    if downloaded >= SETTINGS.inbox_files_per_tick or time.monotonic() - started > TICK_BUDGET_SECONDS:
                        out_of_time = True  # the rest waits for the next tick; the cursor only advances past what was handled
                        break
                    try:
                        data = client.download(file, _most_bytes(file))
                    except TooLarge as exc:
                        seen[key] = _entry(file.version)  # not retried until it changes
                        problems.append(f"{folder.label}: {exc} ({file.link})")
                        continue
                    except RateLimited:
                        raise
                    except DriveError as exc:
                        problems.append(f"{folder.label}: {exc}")  # retried next tick
                        continue
                    # an archive of resumes (or an email of several candidates) gives each file in it, kept as a
                    # download is (the archive is not: a resume in it whose candidate withdrew is erased with its
                    # document) and found at the archive's link and its name in it; the cursor keeps each one's sha256,
                    # and the archive is downloaded again when the warehouse lost any of them
                    members = archive_members(data)
                    found = []
                    for content, origin in ([(m.data, f"{file.link}/{m.name}") for m in members] if members else [(data, file.link)]):
                        sha256, stored = storage.keep_bytes(content)
                        found.append(Arrival(sha256, str(stored), folder.tenant, origin=origin))
                    seen[key] = _entry(file.version, [arrival.sha256 for arrival in found])
                    downloaded += 1
                    lost = seen_version if seen_version.startswith(LOST) else ""
                    for arrival in found:
                        arrivals.add(arrival, lost=lost)
            except RateLimited as exc:
                problems.append(f"{folder.label}: {exc}")
                out_of_time = True  # every folder waits: asking on only makes Drive wait longer
            except DriveError as exc:
                problems.append(f"{folder.label}: {exc}")
            if out_of_time:
                break
    for problem in problems:
        context.log.warning(f"Drive: {problem}")
    if downloaded == 0:
        context.update_cursor(json.dumps(seen))
        trouble = f"; {len(problems)} problems: " + " | ".join(problems[:3]) if problems else ""
        return dg.SkipReason(f"nothing new in {len(folders)} Drive folders{trouble}")
    return arrivals.result(SETTINGS.inbox_batch_size, json.dumps(seen), context.log)


def mark_lost_downloads(instance: dg.DagsterInstance, recorded: Callable[[list[str]], set[tuple[str, str]]]) -> int:
    """Mark lost, in the Drive sensor's cursor, the files it downloaded whose document the warehouse does not record for
    their tenant (`recorded` gives the (sha256, tenant) pairs of these sha256s it records or keeps out): the warehouse
    was deleted or restored from an older copy, or their run failed. The sensor's next tick downloads them again and
    has them read and parsed again. Before, only a reset cursor brought them back. Call it while no daemon ticks."""
    if instance.schedule_storage is None:  # an ephemeral instance keeps no sensor's cursor
        return 0
    known = {key[:SHA_PREFIX]: key for key in instance.get_dynamic_partitions(document_partitions.name)}
    marked = 0
    for state in instance.all_instigator_state(instigator_type=InstigatorType.SENSOR):
        data = state.instigator_data
        if state.instigator_name != drive_sensor.name or not isinstance(data, SensorInstigatorData) or not data.cursor:
            continue
        seen = json.loads(data.cursor)
        files = {key: ([known[prefix] for prefix in prefixes if prefix in known], tenant)
                 for key, (prefixes, tenant) in downloaded_documents(seen).items()}
        kept = recorded(sorted({sha256 for sha256s, _ in files.values() for sha256 in sha256s}))
        mark = f"{LOST}{int(time.time())}"
        # an archive is lost when any file it gave is: downloading it again brings that one back
        lost = {key: _entry(mark, sha256s) for key, (sha256s, tenant) in files.items()
                if any((sha256, tenant) not in kept for sha256 in sha256s)}
        if lost:
            instance.update_instigator_state(state.with_data(data._replace(cursor=json.dumps(seen | lost))))
            marked += len(lost)
    return marked
