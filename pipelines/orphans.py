"""Orphaned runs: runs Dagster still counts as in progress though the process that ran them is gone.

When jobfit is killed while a run is in progress (kill -9, the out-of-memory killer, a power cut), nothing writes the
run's end: it stays STARTED for good, and keeps the pool slot its step claimed. The warehouse pool has one slot, so every
later run that writes the warehouse waits for it forever; `make run`'s bootstrap did too, silently.

Dagster's run monitoring fails a run whose worker its run launcher reports gone, and then frees the run's slots
(`free_slots_after_run_end_seconds`), but the default launcher cannot tell. `OrphanCheckingRunLauncher` (named in
dagster.yaml) is the default launcher that can: a run's process ids are in its events ("Started process for run
(pid: …)", "Executing steps using multiprocess executor: parent process (pid: …)", and each step process's start), and a
process that no longer exists, or a newer process with the same id, is gone. The bootstrap, which runs without the
daemon, calls `fail_orphaned_runs` before its first run.

A run failed so is run again once, from where it stopped, by the daemon (`run_retries` in dagster.yaml, which leaves
alone runs whose own step failed): what a killed run had still to do (documents to read, a fetch, the matches) gets done.

jobfit runs on one machine (its warehouse is one DuckDB file), so a process id names a process on this machine.
"""

import os
import time
from pathlib import Path

import dagster as dg
from dagster._core.events import JobFailureData, RunFailureReason
from dagster._core.launcher import CheckRunHealthResult, WorkerStatus

IN_PROGRESS = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]
# a run still STARTING this long after it was asked for, with no process recorded, never got one (Dagster's own
# run monitoring uses the same default)
START_TIMEOUT_SECONDS = 180
# a process that started after the run recorded its id is another process that got the same id; the slack is for the
# clock, since a live run failed by mistake would lose its slot to a second writer (worse than waiting)
REUSE_SLACK_SECONDS = 30
_PROC = Path("/proc")


def _started_at(pid: int) -> float | None:
    """When process `pid` started (seconds since the epoch), or None when there is no such process (or only its
    zombie, which its parent has not reaped yet)."""
    try:
        stat = (_PROC / str(pid) / "stat").read_text()
    except OSError:
        if _PROC.is_dir():
            return None
        try:  # no /proc: whether the process exists is all there is to know
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces: field 3 on
    if fields[0] in ("Z", "X"):
        return None
    ticks = int(fields[19])  # field 22: when it started, in clock ticks since boot
    boot = next(float(line.split()[1]) for line in (_PROC / "stat").read_text().splitlines() if line.startswith("btime"))
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def run_processes(instance: dg.DagsterInstance, run_id: str) -> dict[int, float]:
    """The processes a run recorded as running it: process id -> when it said so. The run worker says so in engine
    events; each step the multiprocess executor runs in a process of its own says so when that process starts (a step
    process lives on when only its run worker is killed, as the out-of-memory killer does, and may still be writing)."""
    processes = {}
    for entry in instance.all_logs(run_id, of_type={dg.DagsterEventType.ENGINE_EVENT, dg.DagsterEventType.STEP_WORKER_STARTED}):
        data = entry.dagster_event.event_specific_data if entry.dagster_event else None
        pid = getattr(data, "metadata", {}).get("pid")
        if pid is not None and str(pid.value).isdigit():
            processes.setdefault(int(pid.value), entry.timestamp)
    return processes


def gone_reason(processes: dict[int, float]) -> str | None:
    """Why a run's processes (`run_processes`) are all gone, or None while one of them may still run it (or none is
    recorded)."""
    if not processes:
        return None
    for pid, said_at in processes.items():
        started = _started_at(pid)
        if started is not None and started <= said_at + REUSE_SLACK_SECONDS:
            return None
    pids = ", ".join(str(pid) for pid in processes)
    what = f"the process that ran it (pid {pids}) is" if len(processes) == 1 else f"the processes that ran it (pid {pids}) are"
    return f"{what} gone: jobfit was stopped or the machine restarted while the run was in progress"


def fail_orphaned_runs(instance: dg.DagsterInstance) -> list[str]:
    """Fail the runs in progress whose processes are gone and free the pool slots of every finished run; what was
    done, one sentence per run. For callers that run without the daemon (whose run monitoring does the same)."""
    done = []
    for record in instance.get_run_records(dg.RunsFilter(statuses=IN_PROGRESS)):
        run = record.dagster_run
        processes = run_processes(instance, run.run_id)
        reason = gone_reason(processes)
        if reason is None and run.status == dg.DagsterRunStatus.STARTING and not processes \
                and time.time() - record.create_timestamp.timestamp() > START_TIMEOUT_SECONDS:
            reason = f"it was still starting {START_TIMEOUT_SECONDS} s after it was asked for, with no process recorded"
        if reason:
            # (the reason Dagster's own run monitoring gives such a run: one the daemon runs again)
            instance.report_run_failed(run, f"jobfit marked this run failed: {reason}.",
                                       JobFailureData(error=None, failure_reason=RunFailureReason.UNEXPECTED_TERMINATION))
            done.append(f"run {run.run_id} ({run.status.value.lower()}) failed: {reason}")
    storage = instance.event_log_storage
    if storage.supports_global_concurrency_limits:
        holders = storage.get_concurrency_run_ids()
        live = {r.run_id for r in instance.get_runs(dg.RunsFilter(run_ids=list(holders), statuses=[
            *IN_PROGRESS, dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED]))} if holders else set()
        for run_id in sorted(holders - live):
            storage.free_concurrency_slots_for_run(run_id)
            done.append(f"run {run_id} had ended still holding or waiting for a pool slot: released")
    return done


class OrphanCheckingRunLauncher(dg.DefaultRunLauncher):
    """The default run launcher, which can also say when a run's process is gone (for Dagster's run monitoring)."""

    @property
    def supports_check_run_worker_health(self) -> bool:
        return True

    def check_run_worker_health(self, run: dg.DagsterRun) -> CheckRunHealthResult:
        reason = gone_reason(run_processes(self._instance, run.run_id))
        if reason:
            return CheckRunHealthResult(WorkerStatus.FAILED, reason)
        return CheckRunHealthResult(WorkerStatus.RUNNING)
