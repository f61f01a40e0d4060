"""Drive sensor: each new or changed file in a watched Google Drive folder becomes one document, exactly once.

The folders and their tenants come from the Drive folders file (`JOBFIT_DRIVE_FOLDERS_FILE`). The cursor
remembers each file's version per tenant, so an unchanged file is listed but never downloaded again. A
download goes straight into the content-addressed document store; the document records the file's Drive
link as where it came from, so a changed file supersedes the profile of its older version, as a changed
inbox file does. A folder that cannot be read is reported and never stops the others.
"""

import json
import time

import dagster as dg

from jobfit.drive import DriveError, RateLimited, TooLarge
from pipelines.jobs import ingest_document_job
from pipelines.partitions import SETTINGS
from resources.drive import DriveResource
from resources.storage import StorageResource
from sensors.arrivals import TICK_BUDGET_SECONDS, Arrival, TickArrivals


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
                    if seen.get(key) == file.version:
                        continue
                    if downloaded >= SETTINGS.inbox_files_per_tick or time.monotonic() - started > TICK_BUDGET_SECONDS:
                        out_of_time = True  # the rest waits for the next tick; the cursor only advances past what was handled
                        break
                    try:
                        data = client.download(file, SETTINGS.max_document_bytes)
                    except TooLarge as exc:
                        seen[key] = file.version  # not retried until it changes
                        problems.append(f"{folder.label}: {exc} ({file.link})")
                        continue
                    except RateLimited:
                        raise
                    except DriveError as exc:
                        problems.append(f"{folder.label}: {exc}")  # retried next tick
                        continue
                    sha256, stored = storage.keep_bytes(data)
                    seen[key] = file.version
                    downloaded += 1
                    arrivals.add(Arrival(sha256, str(stored), folder.tenant, origin=file.link))
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
