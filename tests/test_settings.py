"""Settings come from the environment: one that cannot be used stops jobfit at once, naming the variable and what it
takes, instead of failing later somewhere else (a batch size of 0 in the inbox sensor, a time zone in the schedules)."""

import os
import socket
import subprocess
import sys

import pytest

from resources.settings import Settings, SettingsError
from tests.conftest import ROOT


@pytest.mark.parametrize("name, value, says", [
    ("JOBFIT_TIMEZONE", "Mars/Olympus", "is not a time zone (an IANA name such as Europe/Berlin or UTC)"),
    ("JOBFIT_PARTITIONS_START", "yesterday", "is not a date (YYYY-MM-DD)"),
    ("JOBFIT_LLM_TIMEOUT_SECONDS", "fast", "is not a number"),
    ("JOBFIT_LLM_RERANK_BUDGET_USD", "-1", "it takes a number of 0 or more"),
    ("JOBFIT_INBOX_BATCH_SIZE", "0", "it takes a whole number of 1 or more"),
    ("JOBFIT_MATCH_MIN_SCORE", "150", "it takes a whole number from 0 to 100"),
    ("JOBFIT_MAX_DOCUMENT_MB", "ten", "is not a whole number"),
    ("JOBFIT_DEFAULT_REGION", "USA", "is not a country code (two letters, such as US or GB)"),
])
def test_a_setting_that_cannot_be_used_is_named_with_what_it_takes(monkeypatch, name, value, says):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as refused:
        Settings.from_env()
    assert str(refused.value).startswith(f"{name}={value!r}") and says in str(refused.value)


def test_good_settings_are_taken(monkeypatch):
    for name, value in (("JOBFIT_TIMEZONE", "Europe/Berlin"), ("JOBFIT_PARTITIONS_START", "2026-01-01"),
                        ("JOBFIT_LLM_TIMEOUT_SECONDS", "2.5"), ("JOBFIT_DEFAULT_REGION", "gb"), ("JOBFIT_INBOX_BATCH_SIZE", "50")):
        monkeypatch.setenv(name, value)
    settings = Settings.from_env()
    assert (settings.timezone, settings.partitions_start, settings.llm_timeout_seconds, settings.default_region,
            settings.inbox_batch_size) == ("Europe/Berlin", "2026-01-01", 2.5, "GB", 50)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_make_run_stops_at_once_on_a_bad_setting(tmp_path):
    """Before, a batch size of 0 passed here and failed the inbox sensor's every tick ('range() arg 3 must not be zero');
    then it stopped `make run` with a traceback whose last line named it. Now `make run` says it in one line."""
    env = {**os.environ, "JOBFIT_INBOX_BATCH_SIZE": "0", "DAGSTER_HOME": str(tmp_path), "JOBFIT_DATA_DIR": str(tmp_path / "data"),
           "HF_HUB_OFFLINE": "1", "JOBFIT_UI_PORT": str(_free_port()), "JOBFIT_API_PORT": str(_free_port())}
    done = subprocess.run(["bash", "scripts/run.sh"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert done.stderr.strip() == "[jobfit] JOBFIT_INBOX_BATCH_SIZE='0': it takes a whole number of 1 or more"
    assert "materializing" not in done.stdout
    assert not (tmp_path / "data").exists()  # nothing was done


def test_the_bootstrap_stops_before_it_does_anything_on_a_bad_setting(tmp_path):
    env = {**os.environ, "JOBFIT_TIMEZONE": "Mars/Olympus", "DAGSTER_HOME": str(tmp_path), "JOBFIT_DATA_DIR": str(tmp_path / "data"),
           "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-m", "pipelines.bootstrap"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode != 0
    assert done.stderr.strip().splitlines()[-1].endswith("JOBFIT_TIMEZONE='Mars/Olympus' is not a time zone (an IANA name such as Europe/Berlin or UTC)")
    assert not (tmp_path / "data").exists()
