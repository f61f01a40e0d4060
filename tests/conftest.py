"""Shared fixtures: a data directory seeded from the bundled samples, and one full pipeline run over it."""

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def seeded_settings(data_dir: Path):
    """Settings for a fresh data directory holding the sample inbox and feeds."""
    from resources.settings import Settings

    shutil.copytree(SAMPLES / "inbox", data_dir / "inbox")
    shutil.copytree(SAMPLES / "feeds", data_dir / "feeds")
    shutil.copyfile(SAMPLES / "feeds.yaml", data_dir / "feeds.yaml")
    return Settings(data_dir=data_dir, inbox_dir=data_dir / "inbox", feeds_file=data_dir / "feeds.yaml",
                    api_keys_file=data_dir / "api_keys.yaml")


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory):
    """Every asset materialized once over the samples, in a temporary data dir with an ephemeral instance."""
    import dagster as dg

    from pipelines.bootstrap import materialize_everything

    settings = seeded_settings(tmp_path_factory.mktemp("pipeline") / "data")
    instance = dg.DagsterInstance.ephemeral()
    materialize_everything(settings, instance)
    return settings, instance


def catch_up_tick(instance, storage, cursor):
    """One tick of the catch-up sensor on the instance, with the cursor of the tick before."""
    import dagster as dg

    from sensors.catch_up import catch_up_sensor

    return catch_up_sensor(dg.build_sensor_context(instance=instance, cursor=cursor, resources={"storage": storage}))


@pytest.fixture(scope="session")
def matcher():
    from jobfit.taxonomy import shared_matcher

    return shared_matcher()
