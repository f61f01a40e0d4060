"""First run on the embedded default: seed samples where nothing is configured, materialize every asset once.

`python -m pipelines.bootstrap` (make run calls it) uses the Dagster instance in DAGSTER_HOME, so every
materialization shows in the UI afterwards. `python -m pipelines.bootstrap --catch-up` only reads, parses and analyzes
again what an older jobfit stored (for a deployment that runs the Dagster daemon itself: automation does the rest).
"""

import contextlib
import difflib
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import yaml

from api.auth import demo_keys
from jobfit.access import read_principals
from jobfit.drive import load_drive_folders
from jobfit.feeds import load_feed_configs
from jobfit.store import warehouse
from jobfit.withdrawals import withdrawn_pairs
from pipelines.catch_up import Behind, behind, llm_retry_before, stale_days
from pipelines.definitions import ALL_ASSETS, ALL_CHECKS, build_resources
from pipelines.orphans import OrphanCheckingRunLauncher, fail_orphaned_runs
from pipelines.partitions import current_day, document_partitions, document_range_tags
from resources.settings import Settings
from resources.storage import WAREHOUSE_POOL
from sensors.arrivals import ingest_requests
from sensors.drive import mark_lost_downloads
from sensors.inbox import inbox_arrivals, inbox_tenant, scan_inbox

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# The bootstrap does its work again at each start: a run of its own that was killed is not for the daemon to run again
# (nor could it: the bootstrap's runs are not launched from a code location).
NOT_RETRIED = {"dagster/max_retries": "0"}


def say(message: str) -> None:
    print(f"[jobfit] {message}", flush=True)


def seed(settings: Settings) -> None:
    """Copy the bundled samples into an empty inbox and a missing feeds file; never overwrite."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if not settings.inbox_dir.exists() or not any(settings.inbox_dir.rglob("*.*")):
        shutil.copytree(SAMPLES / "inbox", settings.inbox_dir, dirs_exist_ok=True)
        say(f"seeded the inbox {settings.inbox_dir} with the sample resumes")
    if not settings.feeds_file.exists():
        settings.feeds_file.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLES / "feeds.yaml", settings.feeds_file)
        shutil.copytree(SAMPLES / "feeds", settings.feeds_file.parent / "feeds", dirs_exist_ok=True)
        say(f"seeded the feeds file {settings.feeds_file} with the sample job board")


def write_demo_keys(settings: Settings) -> None:
    if settings.api_keys_file.exists():
        return
    with warehouse(settings.layout.warehouse_path) as con:
        tenants = [r[0] for r in con.execute("SELECT DISTINCT tenant FROM document_sources ORDER BY tenant").fetchall()]
        row = con.execute("SELECT tenant, lower(email) FROM profiles WHERE email IS NOT NULL ORDER BY tenant, name LIMIT 1").fetchone()
    settings.api_keys_file.parent.mkdir(parents=True, exist_ok=True)
    settings.api_keys_file.write_text(
        "# API keys: role admin (everything), recruiter (one tenant), candidate (their own profiles, by email).\n"
        + yaml.safe_dump(demo_keys(tenants, tuple(row) if row else None), sort_keys=False)
    )
    settings.api_keys_file.chmod(0o600)
    say(f"wrote demo API keys to {settings.api_keys_file}")


def unfed_tenants(settings: Settings) -> list[str]:
    """What to tell of each tenant the API keys file gives readers to but no inbox folder, Drive folder or feed belongs
    to: its recruiters and candidates would see nothing, and nothing would say why (tenants match exactly)."""
    try:
        keyed = {p.tenant for p in read_principals(settings.api_keys_file).values() if p.tenant}
    except (OSError, ValueError):
        return []  # no keys file yet, or one the API reports itself
    inbox = settings.inbox_dir
    fed = {inbox_tenant(d) for d in inbox.iterdir() if d.is_dir()} if inbox.is_dir() else set()
    for load, path in ((load_drive_folders, settings.drive_folders_file), (load_feed_configs, settings.feeds_file)):
        with contextlib.suppress(Exception):  # a file with a mistake is reported where it is read
            fed |= {item.tenant for item in load(path) if item.tenant} if path and Path(path).exists() else set()
    told = []
    for tenant in sorted(keyed - fed):
        near = difflib.get_close_matches(tenant, sorted(fed), n=1, cutoff=0.6)
        told.append(f"the API keys file gives keys to tenant {tenant!r}, which no inbox folder ({inbox}/<tenant>/), "
                    "Drive folder or feed belongs to: its recruiters and candidates see no profile" + (f" (did you mean {near[0]!r}?)" if near else ""))
    return told


def wait_for_the_warehouse(instance: dg.DagsterInstance, poll_seconds: float = 1.0) -> None:
    """Wait while other runs hold every slot of the warehouse pool, saying for which. Dagster's own wait for a slot,
    inside a run, lets neither Ctrl-C nor SIGTERM through and says nothing; this one does both."""
    said = None
    while True:
        info = instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL)
        holders = sorted({slot.run_id for slot in info.claimed_slots})
        if len(info.claimed_slots) < max(info.slot_count, 1):
            return
        if holders != said:
            say(f"waiting for {', '.join(f'run {h}' for h in holders)} to finish writing the warehouse (Ctrl-C stops)")
            said = holders
        time.sleep(poll_seconds)


def _runner(instance: dg.DagsterInstance, resources: dict):
    """Materializes a selection once the warehouse is free, says how long it took, and exits when it fails."""
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}

    def run(selection: list[str], run_config: dict | None = None, **kwargs) -> None:
        wait_for_the_warehouse(instance)
        started = time.perf_counter()
        kwargs["run_config"] = {**quiet, **(run_config or {})}
        kwargs["tags"] = {**NOT_RETRIED, **(kwargs.get("tags") or {})}
        result = dg.materialize([*ALL_ASSETS, *ALL_CHECKS], selection=selection, instance=instance, resources=resources, raise_on_error=False, **kwargs)
        if not result.success:
            say(f"FAILED materializing {', '.join(selection)} {kwargs.get('partition_key', '')}: see the run in the Dagster UI")
            sys.exit(1)
        what = kwargs.get("partition_key") or kwargs["tags"].get("jobfit/documents", "")
        what = f"({what} documents)" if kwargs["tags"].get("jobfit/documents") else what
        say(f"materialized {', '.join(selection)} {what} in {time.perf_counter() - started:.1f}s")

    return run


def catch_up_postings(settings: Settings, run) -> None:
    """Analyze again the fetch days within the time to live that hold postings an older analysis or taxonomy analyzed."""
    with warehouse(settings.layout.warehouse_path) as con:
        days = stale_days(con, current_day(settings), settings.posting_ttl_days, settings.partitions_start)
    if days:
        say(f"{len(days)} {'fetch day holds' if len(days) == 1 else 'fetch days hold'} postings an older analysis or "
            "taxonomy analyzed: analyzing them again")
        for day in days:
            run(["job_postings"], partition_key=day)


def catch_up_documents(settings: Settings, instance: dg.DagsterInstance, run, started: datetime) -> None:
    """Read (and parse) again the documents older readers read or no run finished reading, and those the setup held in
    quarantine before this start (the operator may have mended it); parse again the profiles an older parser or
    taxonomy wrote, those no run finished, and in LLM mode those the rules wrote while the model was unavailable (what
    automation never saw, forgot or lost with a failed run: see pipelines.catch_up)."""
    def run_over(selection: list[str], keys: list[str]) -> None:
        # one run over the range the documents span (a current document between two stale ones is read again too)
        run(selection, tags=document_range_tags(keys))

    def look() -> tuple[list[str], Behind]:
        stored = instance.get_dynamic_partitions(document_partitions.name)  # (reading may unpack an archive into more)
        with warehouse(settings.layout.warehouse_path) as con:
            return stored, behind(con, stored, current_day(settings), settings.posting_ttl_days, settings.partitions_start,
                                  llm_retry_before(settings), started)

    stored, found = look()
    if found.unread:
        say(f"{len(found.unread)} stored documents were read by older readers: reading them again")
    if found.never_read:
        say(f"{len(found.never_read)} stored documents were never read (a run stopped before): reading them")
    if found.unpacked:
        say(f"{len(found.unpacked)} files of archives an older jobfit stored whole: reading them")
    if found.held:
        say(f"{len(found.held)} stored documents are in quarantine for a fault of the setup (the virus scanner, tesseract, "
            "a reader's bug): reading them again")
    if found.to_read(stored):
        run_over(["document_text", "profiles"], found.to_read(stored))
    stored, found = look()  # after the read: what it parsed is current
    if found.unpacked:  # the files of archives (or agency emails) an older jobfit stored whole, which the read unpacked
        say(f"{len(found.unpacked)} files of archives an older jobfit stored whole: reading them")
        run_over(["document_text", "profiles"], found.unpacked)
        stored, found = look()
    if found.stale:
        say(f"{len(found.stale)} stored documents were parsed by an older parser or taxonomy: parsing them again")
    if found.never_parsed:
        say(f"{len(found.never_parsed)} stored documents have text but no profile (a run stopped before): parsing them")
    if found.retry:
        say(f"{len(found.retry)} stored profiles were written by the rules while the model was unavailable: asking it again")
    if found.to_parse(stored):
        run_over(["profiles"], found.to_parse(stored))


def catch_up(settings: Settings, instance: dg.DagsterInstance, resources: dict | None = None) -> None:
    """Only what an older jobfit stored, read, parsed and analyzed again (the taxonomy first brought up to date)."""
    started = datetime.now(UTC)
    run = _runner(instance, resources or build_resources(settings))
    run(["skill_taxonomy"])
    catch_up_postings(settings, run)
    catch_up_documents(settings, instance, run, started)
    say("caught up: automation follows with the vectors, the matches and the snapshot")


def recorded_sources(con, sha256s: list[str]) -> set[tuple[str, str]]:
    """(sha256, tenant) of these documents the warehouse records for a tenant, or keeps out for its withdrawal."""
    recorded = set(con.execute("SELECT DISTINCT sha256, tenant FROM document_sources WHERE sha256 IN (SELECT unnest(?::VARCHAR[]))",
                               [sha256s]).fetchall())
    return recorded | withdrawn_pairs(con, sha256s)


def materialize_everything(settings: Settings, instance: dg.DagsterInstance, resources: dict | None = None) -> None:
    started = datetime.now(UTC)
    run = _runner(instance, resources or build_resources(settings))
    today = current_day(settings)
    run(["skill_taxonomy"])
    run(["job_postings_raw", "job_postings"], partition_key=today)
    catch_up_postings(settings, run)  # a posting gone from today's feed stays in matching until it expires
    partitions = instance.get_dynamic_partitions(document_partitions.name)
    arrivals, copies, known, unrecorded = {}, [], set(partitions), {}
    refused = []
    inbox = [arrival for tenant, path in scan_inbox(settings.inbox_dir, refused)
             for arrival in inbox_arrivals(tenant, path)]
    if refused:
        say(f"{len(refused)} links in the inbox lead out of their tenant's folder and were passed over: "
            + ", ".join(map(str, refused[:5])))
    with warehouse(settings.layout.warehouse_path) as con:
        recorded = recorded_sources(con, [arrival.sha256 for arrival in inbox if arrival.sha256 in known])
        lost = mark_lost_downloads(instance, lambda sha256s: recorded_sources(con, sha256s))
    if lost:
        say(f"{lost} Drive files are known to Dagster but not recorded in the warehouse (deleted, restored from an older "
            "copy, or their run failed): the Drive sensor downloads them again at its first tick")
    for arrival in inbox:
        sha256, tenant = arrival.sha256, arrival.tenant
        if sha256 in arrivals:  # the same new bytes at another place (another tenant's folder): recorded too
            copies.append(arrival)
        elif sha256 not in known:
            arrivals[sha256] = arrival
        elif (sha256, tenant) not in recorded:
            unrecorded.setdefault(sha256, []).append(arrival)
    if arrivals:
        instance.add_dynamic_partitions(document_partitions.name, list(arrivals))
        for request in ingest_requests(list(arrivals.values()), settings.inbox_batch_size, copies):
            run(["documents", "document_text", "profiles"], run_config=request.run_config, tags=request.tags)
    if unrecorded:
        # Dagster knows the bytes (their partition is the exactly-once guard), the warehouse does not: it was deleted or
        # restored from an older copy, or the run that was to record them failed. Without this they never came in again.
        say(f"{sum(map(len, unrecorded.values()))} inbox files are known to Dagster but not recorded in the warehouse "
            "(deleted, restored from an older copy, or their run failed): taking them in again")
        ordered = [unrecorded[key][0] for key in partitions if key in unrecorded]
        others = [copy for places in unrecorded.values() for copy in places[1:]]
        for request in ingest_requests(ordered, settings.inbox_batch_size, others):
            run(["documents", "document_text", "profiles"], run_config=request.run_config, tags=request.tags)
    catch_up_documents(settings, instance, run, started)
    run(["profile_withdrawals"])  # none named: records that no candidate withdrew yet
    run(["profile_vectors", "job_vectors", "matches"])
    run(["digests", "digest_mail"], partition_key=today)
    run(["serving_snapshot"])


def clear_orphans(instance: dg.DagsterInstance) -> None:
    """Fail the runs a killed jobfit left in progress, before they make this bootstrap's runs wait for their slots."""
    for done in fail_orphaned_runs(instance):
        say(done)
    if not isinstance(instance.run_launcher, OrphanCheckingRunLauncher) or not instance.run_retries_enabled:
        say("the daemon cannot fail runs whose process is gone and run them again: copy the run_launcher, run_monitoring "
            "and run_retries sections of jobfit's dagster.yaml into $DAGSTER_HOME/dagster.yaml")


def main() -> None:
    try:
        _main()
    except KeyboardInterrupt:
        say("stopped")
        sys.exit(130)


def _main() -> None:
    settings = Settings.from_env()
    if sys.argv[1:] == ["--catch-up"]:
        with dg.DagsterInstance.get() as instance:
            clear_orphans(instance)
            catch_up(settings, instance)
        return
    seed(settings)
    with dg.DagsterInstance.get() as instance:
        clear_orphans(instance)
        materialize_everything(settings, instance)
    write_demo_keys(settings)
    for told in unfed_tenants(settings):
        say(told)


if __name__ == "__main__":
    main()
