"""The catch-up sensor: a safety net under automation for data an older jobfit stored.

Automation reads, parses and analyzes again after an upgrade by comparing code versions with what it saw before, so
it misses what it never saw or forgot: a deploy that changes an automation condition starts its memory afresh, and
the stored documents would keep the older reading for good. This sensor looks at the versions the stored data records
(pipelines.catch_up, as `make run` and `--catch-up` do) and asks for that work itself, but only when nothing is
running and the same data was behind at its previous tick too, so that automation's own requests go first. It also
finishes the documents a stopped run left unread or unparsed, reads again the documents the setup held in quarantine
(an hour after the last attempt), and in LLM mode asks the model again about the profiles the rules wrote while the
model was unavailable.
"""

import hashlib

import dagster as dg
from dagster._core.definitions.data_version import CODE_VERSION_TAG
from dagster._core.execution.backfill import BulkActionsFilter, BulkActionStatus

from assets.taxonomy import skill_taxonomy
from pipelines.catch_up import Behind, behind, held_retry_before, llm_retry_before
from pipelines.partitions import SETTINGS, current_day, document_partitions, document_range_tags
from resources.storage import StorageResource

TAXONOMY = dg.AssetKey("skill_taxonomy")
BUSY = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING,
        dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]


def _busy(instance: dg.DagsterInstance) -> str | None:
    """What is running or waiting to run (the warehouse is theirs, and the work may be automation's), or None."""
    runs = instance.get_run_records(dg.RunsFilter(statuses=BUSY), limit=1)
    if runs:
        return f"run {runs[0].dagster_run.run_id}"
    backfills = instance.get_backfills(filters=BulkActionsFilter(statuses=[BulkActionStatus.REQUESTED, BulkActionStatus.CANCELING]), limit=1)
    return f"backfill {backfills[0].backfill_id}" if backfills else None


def catch_up_requests(found: Behind, fingerprint: str, partitions: list[str]) -> list[dg.RunRequest]:
    """Postings by fetch day; the documents older readers read (or no run finished reading), read and parsed in one
    run over their range. The profiles an older parser wrote (or no run finished, or the rules wrote while the model
    was unavailable) wait for that run when there is one (it parses what it reads), then come next."""
    requests = [dg.RunRequest(run_key=f"catch-up-{fingerprint}-{day}", partition_key=day,
                              asset_selection=[dg.AssetKey("job_postings")]) for day in found.days]
    to_read = found.to_read(partitions)
    keys, selection = (to_read, ["document_text", "profiles"]) if to_read else (found.to_parse(partitions), ["profiles"])
    if keys:
        requests.append(dg.RunRequest(
            run_key=f"catch-up-{fingerprint}-documents", asset_selection=[dg.AssetKey(name) for name in selection],
            tags=document_range_tags(keys)))
    return requests


def _taxonomy_behind(instance: dg.DagsterInstance) -> bool:
    """The taxonomy in the warehouse was built by other code (another shipped file): its own automation is Dagster's
    code-version check, which forgets as the others do."""
    event = instance.get_latest_materialization_event(TAXONOMY)
    current = skill_taxonomy.code_versions_by_key[TAXONOMY]
    return event is not None and event.asset_materialization.tags.get(CODE_VERSION_TAG) != current


@dg.sensor(
    minimum_interval_seconds=300,
    default_status=dg.DefaultSensorStatus.RUNNING,
    asset_selection=["skill_taxonomy", "job_postings", "document_text", "profiles"],
    description="Reads, parses and analyzes again what an older jobfit stored and automation did not (data from before "
                "versions were recorded, or a deploy that reset automation's memory), finishes documents a stopped run left "
                "unread or unparsed, reads again documents the setup held in quarantine (scanner, tesseract, a reader's "
                "bug) an hour after the last attempt, and in LLM mode asks the model again about profiles the rules wrote "
                "while it was unavailable; waits for a quiet tick.",
)
def catch_up_sensor(context: dg.SensorEvaluationContext, storage: StorageResource) -> dg.SensorResult | dg.SkipReason:
    busy = _busy(context.instance)
    if busy:
        return dg.SkipReason(f"waiting: {busy} is in progress")
    today = current_day(SETTINGS)
    stored = context.instance.get_dynamic_partitions(document_partitions.name)
    with storage.warehouse() as con:
        found = behind(con, stored, today, SETTINGS.posting_ttl_days, SETTINGS.partitions_start, llm_retry_before(SETTINGS),
                       held_retry_before())
    taxonomy = _taxonomy_behind(context.instance)
    if not found and not taxonomy:
        return dg.SensorResult(skip_reason="nothing stored is behind the code", cursor="")
    # with an older taxonomy, only it: what is behind is then measured against the new one
    summary = "the taxonomy older code built" if taxonomy else found.summary()
    fingerprint = hashlib.sha256(repr((taxonomy, found)).encode()).hexdigest()[:16]
    if context.cursor != fingerprint:  # first seen: automation may be about to ask for it, give it a tick
        return dg.SensorResult(skip_reason=f"behind: {summary}; asking at the next tick if still so", cursor=fingerprint)
    context.log.info(f"behind at two ticks with nothing running: {summary}")
    requests = ([dg.RunRequest(run_key=f"catch-up-{fingerprint}-taxonomy", asset_selection=[TAXONOMY])] if taxonomy
                else catch_up_requests(found, fingerprint, stored))
    return dg.SensorResult(run_requests=requests, cursor=fingerprint)
