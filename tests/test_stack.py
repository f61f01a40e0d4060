"""The stack as `make run` starts it: Dagster (webserver + daemon) and the API as real processes.

A resume copied into the inbox while it runs must reach the API with its matches, with no manual step, and leave it
when the candidate withdraws.
"""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import yaml

from tests.conftest import ROOT, SAMPLES
from tests.services import free_port, stop_group, wait_for

BIN = Path(sys.executable).parent
ARRIVAL_LIMIT_SECONDS = 120


def start(command, env, log):
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


@pytest.mark.slow
def test_new_resume_reaches_the_api_without_a_manual_step(tmp_path):
    home, data = tmp_path / "dagster_home", tmp_path / "data"
    home.mkdir()
    shutil.copyfile(ROOT / "dagster.yaml", home / "dagster.yaml")
    env = {**os.environ, "DAGSTER_HOME": str(home), "JOBFIT_DATA_DIR": str(data), "HF_HUB_OFFLINE": "1"}
    subprocess.run([sys.executable, "-m", "pipelines.bootstrap"], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    admin = next(k["key"] for k in yaml.safe_load((data / "api_keys.yaml").read_text())["keys"] if k["role"] == "admin")
    ui_port, api_port = free_port(), free_port()
    log = open(tmp_path / "stack.log", "wb")
    dagster = start([str(BIN / "dagster"), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(ui_port)], env, log)
    api = start([str(BIN / "uvicorn"), "api.app:app", "--host", "127.0.0.1", "--port", str(api_port)], env, log)
    try:
        client = httpx.Client(base_url=f"http://127.0.0.1:{api_port}", headers={"X-API-Key": admin}, timeout=10)
        wait_for(lambda: client.get("/health").json()["profiles"] == 6, 60, what="the API")
        wait_for(lambda: httpx.get(f"http://127.0.0.1:{ui_port}/server_info").status_code == 200, 120, what="the Dagster UI")

        text = (SAMPLES / "inbox" / "globex" / "tom_becker.txt").read_text()
        resume = text.replace("Tom Becker", "Lena Fischer").replace("tom.becker", "lena.fischer")
        partial = data / "inbox" / "globex" / "lena_fischer.txt.partial"
        partial.write_text(resume)
        arrived = time.monotonic()
        partial.rename(partial.with_suffix(""))  # appear whole, as a finished upload would

        def matched():
            people = {p["name"]: p["id"] for p in client.get("/profiles").json()["items"]}
            if "Lena Fischer" not in people:
                return None
            items = client.get(f"/profiles/{people['Lena Fischer']}/matches").json()["items"]
            return items or None

        matches = wait_for(matched, ARRIVAL_LIMIT_SECONDS, interval=2, what="the new resume's matches in the API")
        elapsed = time.monotonic() - arrived
        print(f"new resume to matches in the API: {elapsed:.1f}s")
        assert matches[0]["title"] == "DevOps Engineer" and matches[0]["reasons"]
        # she withdraws: the operator's command from the README, and the API stops serving her
        lena = next(p["id"] for p in client.get("/profiles").json()["items"] if p["name"] == "Lena Fischer")
        config = {"ops": {"profile_withdrawals": {"config": {"profile_ids": [lena], "reason": "asked by e-mail"}}}}
        subprocess.run([str(BIN / "dagster"), "asset", "materialize", "-m", "pipelines.definitions", "--select",
                        "profile_withdrawals", "--config-json", json.dumps(config)], cwd=ROOT, env=env, check=True,
                       capture_output=True, timeout=300)
        wait_for(lambda: client.get(f"/profiles/{lena}").status_code == 410 and client.get("/health").json()["profiles"] == 6,
                 ARRIVAL_LIMIT_SECONDS, interval=2, what="the withdrawal in the API")
        assert dagster.poll() is None and api.poll() is None
    finally:
        stop_group(api)
        stop_group(dagster)
        log.close()
        if sys.exc_info()[0] is not None:
            print((tmp_path / "stack.log").read_text()[-5000:])
