"""A run whose process was killed must not hold up the warehouse: the bootstrap and the daemon fail it and free its slot,
and the daemon runs it again from where it stopped. A live run that holds it makes the bootstrap wait, saying for what,
and Ctrl-C stops the wait.

The runs here write through the real instance configuration (the repository's dagster.yaml) in a child process that is
killed with SIGKILL while its step holds the warehouse pool's one slot, as a power cut or the out-of-memory killer would.
"""

import functools
import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.events import DagsterEvent, DagsterEventType, EngineEventData
from dagster._core.events.log import EventLogEntry
from dagster._core.storage.tags import WILL_RETRY_TAG

from pipelines.orphans import OrphanCheckingRunLauncher, fail_orphaned_runs, run_processes
from resources.storage import WAREHOUSE_POOL
from tests.conftest import ROOT
from tests.services import stop_group, wait_for

BIN = Path(sys.executable).parent

# a run that writes the warehouse (its pool) for as long as asked; WRITE_SECONDS=0 writes at once
WRITER = """
import os, time
import dagster as dg
from resources.storage import WAREHOUSE_POOL

@dg.asset(pool=WAREHOUSE_POOL)
def slow_write():
    time.sleep(float(os.environ["WRITE_SECONDS"]))

with dg.DagsterInstance.get() as instance:
    assert dg.materialize([slow_write], instance=instance).success
"""


@pytest.fixture
def home(tmp_path, monkeypatch):
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(ROOT / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return home


def _writer(home: Path, seconds: float) -> subprocess.Popen:
    env = {**os.environ, "DAGSTER_HOME": str(home), "WRITE_SECONDS": str(seconds)}
    return subprocess.Popen([sys.executable, "-c", WRITER], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


@contextmanager
def _running(process: subprocess.Popen):
    """The child process, killed at the end of the block if it still runs."""
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _holding_the_slot(instance: dg.DagsterInstance) -> str:
    """The id of the run whose step holds the warehouse slot (waits for one to claim it)."""
    def holder():
        claimed = instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL).claimed_slots
        return claimed[0].run_id if claimed else None

    return wait_for(holder, 60, interval=0.2, what="a run to claim the warehouse slot")


def _killed_while_writing(instance: dg.DagsterInstance, home: Path, before_reaping=None) -> str:
    writer = _writer(home, 300)
    run_id = _holding_the_slot(instance)
    writer.send_signal(signal.SIGKILL)
    if before_reaping:  # the killed process is a zombie until its parent (here, this test) reaps it
        wait_for(lambda: Path(f"/proc/{writer.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z", 10,
                 interval=0.1, what="the killed writer to become a zombie")
        before_reaping(run_id)
    writer.wait()
    assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.STARTED  # what the kill leaves behind
    return run_id


def _next_write_finishes(home: Path) -> bool:
    with _running(_writer(home, 0)) as writer:
        try:
            return writer.wait(timeout=120) == 0
        except subprocess.TimeoutExpired:
            return False


def test_the_bootstrap_fails_a_killed_run_and_the_next_write_goes_through(home):
    with dg.DagsterInstance.get() as instance:
        killed = _killed_while_writing(instance, home)
        with _running(_writer(home, 300)):
            # a live run waiting for the slot behind the dead one is left alone
            wait_for(lambda: len(instance.get_runs(dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED]))) == 2, 60,
                     what="the second run to start")
            [waiting] = [r.run_id for r in instance.get_runs(dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED]))
                         if r.run_id != killed]

            done = fail_orphaned_runs(instance)

            assert any(f"run {killed} (started) failed: the process that ran it" in line for line in done)
            assert instance.get_run_by_id(killed).status == dg.DagsterRunStatus.FAILURE
            [failure] = instance.all_logs(killed, of_type=DagsterEventType.RUN_FAILURE)
            assert "is gone: jobfit was stopped or the machine restarted" in failure.message
            assert instance.get_run_by_id(killed).tags[WILL_RETRY_TAG] == "true"  # the daemon runs it again
            assert instance.get_run_by_id(waiting).status == dg.DagsterRunStatus.STARTED
            assert not any(waiting in line for line in done)
            # the live run gets the slot the dead one held
            assert _holding_the_slot(instance) == waiting
        fail_orphaned_runs(instance)
        assert _next_write_finishes(home)


def test_a_killed_run_holds_up_the_next_write_until_it_is_failed(home):
    """The fault itself: without fail_orphaned_runs the next write waits for the dead run's slot."""
    with dg.DagsterInstance.get() as instance:
        _killed_while_writing(instance, home)
        with _running(_writer(home, 0)) as writer, pytest.raises(subprocess.TimeoutExpired):
            writer.wait(timeout=20)
        fail_orphaned_runs(instance)
        assert _next_write_finishes(home)


def test_the_launcher_tells_run_monitoring_which_runs_lost_their_process(home):
    with dg.DagsterInstance.get() as instance:
        assert isinstance(instance.run_launcher, OrphanCheckingRunLauncher)
        assert instance.run_monitoring_enabled

        def health(run_id):
            return instance.run_launcher.check_run_worker_health(instance.get_run_by_id(run_id))

        zombie = []
        killed = _killed_while_writing(instance, home, before_reaping=lambda run_id: zombie.append(health(run_id).status.value))
        assert zombie == ["FAILED"]  # killed but not reaped yet: gone too
        assert health(killed).status.value == "FAILED" and "is gone" in health(killed).msg
        fail_orphaned_runs(instance)

        with _running(_writer(home, 300)) as alive:
            live = _holding_the_slot(instance)
            assert health(live).status.value == "RUNNING"
            # the same process id recorded before that process started: another process got the dead run's id
            run = instance.get_run_by_id(live)
            instance.handle_new_event(EventLogEntry(
                error_info=None, level="DEBUG", user_message="", run_id=killed, timestamp=time.time() - 3600,
                dagster_event=DagsterEvent(DagsterEventType.ENGINE_EVENT.value, run.job_name,
                                           event_specific_data=EngineEventData.in_process(alive.pid))))
            reused = health(killed)
            assert reused.status.value == "FAILED"

            # a step's own process (the multiprocess executor's), alive though its run worker is gone, may still be
            # writing: the run is alive until that process ends too
            with _running(subprocess.Popen(["sleep", "60"])) as step:
                instance.handle_new_event(EventLogEntry(
                    error_info=None, level="DEBUG", user_message="", run_id=killed, timestamp=time.time(),
                    dagster_event=DagsterEvent(DagsterEventType.STEP_WORKER_STARTED.value, run.job_name, step_key="slow_write",
                                               event_specific_data=EngineEventData({"pid": dg.MetadataValue.text(str(step.pid))}))))
                assert health(killed).status.value == "RUNNING"
            assert health(killed).status.value == "FAILED"


def test_a_run_whose_own_step_failed_is_not_run_again(home):
    """Run retries are for lost processes: a step that raised fails the same way again (the failure report says why)."""
    @dg.asset
    def broken_feed():
        raise ValueError("the feed's XML is malformed")

    with dg.DagsterInstance.get() as instance:
        assert instance.run_retries_enabled
        result = dg.materialize([broken_feed], instance=instance, raise_on_error=False)
        assert not result.success
        assert instance.get_run_by_id(result.run_id).tags[WILL_RETRY_TAG] == "false"


# A code location whose sensor asks once for a run that writes the warehouse: slowly the first time, at once when the
# daemon runs it again. Each run writes its id to WRITTEN when done.
LOCATION = """
import os, time
from pathlib import Path
import dagster as dg
from resources.storage import WAREHOUSE_POOL

@dg.asset(pool=WAREHOUSE_POOL)
def slow_write(context):
    if "dagster/retry_number" not in context.run.tags:
        time.sleep(300)
    Path(os.environ["WRITTEN"]).write_text(context.run.run_id)

write_job = dg.define_asset_job("write_job", [slow_write])

@dg.sensor(job=write_job, minimum_interval_seconds=1, default_status=dg.DefaultSensorStatus.RUNNING)
def write_once(context):
    return dg.RunRequest(run_key="once")

defs = dg.Definitions(assets=[slow_write], jobs=[write_job], sensors=[write_once])
"""


@pytest.mark.slow
def test_the_daemon_fails_a_killed_run_frees_its_slot_and_runs_it_again(home, tmp_path):
    (tmp_path / "location.py").write_text(LOCATION)
    (tmp_path / "workspace.yaml").write_text(
        f"load_from:\n  - python_file:\n      relative_path: location.py\n      working_directory: {ROOT}\n")
    written = tmp_path / "written"
    env = {**os.environ, "DAGSTER_HOME": str(home), "HF_HUB_OFFLINE": "1", "WRITTEN": str(written)}
    with dg.DagsterInstance.get() as instance, open(tmp_path / "daemon.log", "wb") as log:
        daemon_args = ([str(BIN / "dagster-daemon"), "run", "-w", str(tmp_path / "workspace.yaml")],)
        daemon_kwargs = {"cwd": ROOT, "env": env, "stdout": log, "stderr": subprocess.STDOUT, "start_new_session": True}
        daemon = subprocess.Popen(*daemon_args, **daemon_kwargs)
        try:
            killed = _holding_the_slot(instance)
            # the run worker and the process of its step, whose ids the run records
            wait_for(lambda: len(run_processes(instance, killed)) == 2, 60, interval=0.2, what="the step process to start")
            # a power cut: the daemon, its code server, the run worker and the step process all stop at once
            os.killpg(daemon.pid, signal.SIGKILL)
            daemon.wait()
            wait_for(lambda: all(not Path(f"/proc/{pid}").exists() for pid in run_processes(instance, killed)), 30,
                     interval=0.2, what="the run's processes to be gone")
            assert instance.get_run_by_id(killed).status == dg.DagsterRunStatus.STARTED  # what the power cut leaves

            daemon = subprocess.Popen(*daemon_args, **daemon_kwargs)  # jobfit started again
            wait_for(lambda: instance.get_run_by_id(killed).status == dg.DagsterRunStatus.FAILURE, 180,
                     what="run monitoring to fail the killed run")
            [failure] = instance.all_logs(killed, of_type=DagsterEventType.RUN_FAILURE)
            assert "the processes that ran it" in failure.message and "are gone" in failure.message
            # run again, from where it stopped: it gets the slot the killed run held and finishes the write
            wait_for(lambda: written.exists(), 240, what="the daemon to run the killed run again")
            again = instance.get_run_by_id(written.read_text())
            assert again.parent_run_id == killed and again.tags["dagster/retry_number"] == "1"
            wait_for(lambda: instance.get_run_by_id(again.run_id).status == dg.DagsterRunStatus.SUCCESS, 60,
                     what="the second run to succeed")
            wait_for(lambda: not instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL).claimed_slots, 120,
                     what="the daemon to free the slots")
        finally:
            stop_group(daemon)


def test_the_bootstrap_says_which_live_run_it_waits_for_and_ctrl_c_stops_it(home, tmp_path):
    """Before, the bootstrap waited inside Dagster's run for the slot: silent, and deaf to Ctrl-C and SIGTERM."""
    with dg.DagsterInstance.get() as instance:
        with _running(_writer(home, 300)):
            holder = _holding_the_slot(instance)
            env = {**os.environ, "DAGSTER_HOME": str(home), "JOBFIT_DATA_DIR": str(tmp_path / "data"), "HF_HUB_OFFLINE": "1"}
            out = tmp_path / "bootstrap.out"
            # Ctrl-C as a terminal has it: a shell without job control starts background commands (a CI runner's
            # suite too) with SIGINT ignored, and the child would inherit that
            ctrl_c = functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL)
            with open(out, "wb") as log, _running(subprocess.Popen(
                    [sys.executable, "-m", "pipelines.bootstrap", "--catch-up"], cwd=ROOT, env=env, stdout=log,
                    stderr=subprocess.STDOUT, preexec_fn=ctrl_c)) as bootstrap:
                wait_for(lambda: f"waiting for run {holder} to finish writing the warehouse" in out.read_text(), 60,
                         interval=0.5, what="the bootstrap to say what it waits for")
                bootstrap.send_signal(signal.SIGINT)
                assert bootstrap.wait(timeout=15) == 130
            assert out.read_text().rstrip().endswith("[jobfit] stopped")
            assert instance.get_run_by_id(holder).status == dg.DagsterRunStatus.STARTED  # the live run is left alone


def test_the_bootstrap_says_when_the_instance_lacks_what_fails_and_retries_lost_runs(home, capsys):
    """A $DAGSTER_HOME/dagster.yaml from before (setup copies the file only when there is none) lacks the sections."""
    from pipelines.bootstrap import clear_orphans

    with dg.DagsterInstance.get() as instance:
        clear_orphans(instance)
    assert "copy the run_launcher" not in capsys.readouterr().out
    # the launcher and monitoring, not yet the retries
    (home / "dagster.yaml").write_text((ROOT / "dagster.yaml").read_text().split("run_retries:")[0])
    with dg.DagsterInstance.get() as instance:
        clear_orphans(instance)
    said = capsys.readouterr().out
    assert "copy the run_launcher, run_monitoring and run_retries sections of jobfit's dagster.yaml" in said
