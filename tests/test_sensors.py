"""The inbox sensor: every new file becomes one document, exactly once, across ticks."""

import json
import os
import shutil
import time

import dagster as dg

from jobfit.documents import sha256_file
from resources.storage import StorageResource
from sensors.inbox import inbox_sensor
from tests.conftest import SAMPLES


def settled(path):
    """Backdate a file the test just wrote, as if its copy had finished a while ago."""
    os.utime(path, (time.time() - 60, time.time() - 60))
    return path


def tick(instance, storage, cursor=None):
    context = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"storage": storage})
    return inbox_sensor(context)


def apply(instance, result):
    for request in result.dynamic_partitions_requests:
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))


def test_each_file_requested_once_over_two_ticks(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "inbox", inbox)
    storage = StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(inbox))
    with dg.instance_for_test() as instance:
        first = tick(instance, storage)
        assert len(first.run_requests) == 6
        assert {r.run_key for r in first.run_requests} == {r.partition_key for r in first.run_requests}
        assert {r.tags["jobfit/tenant"] for r in first.run_requests} == {"acme", "globex"}
        config = first.run_requests[0].run_config["ops"]["documents"]["config"]
        assert config["path"].startswith(str(inbox)) and config["tenant"] in {"acme", "globex"}
        apply(instance, first)

        second = tick(instance, storage, first.cursor)
        assert isinstance(second, dg.SkipReason)

        # the same bytes under another name are not a new document; a new file is
        settled(shutil.copyfile(inbox / "acme" / "priya_raman.txt", inbox / "acme" / "copy_of_priya.txt"))
        (inbox / "globex" / "new.txt").write_text("Alex New\nalex@example.com\nExperience\nDev at X | 2020 - Present")
        settled(inbox / "globex" / "new.txt")
        third = tick(instance, storage, first.cursor)
        assert [r.tags["jobfit/source"] for r in third.run_requests] == ["new.txt"]
        # even with the cursor lost, the partitions already known keep each document single
        apply(instance, third)
        fresh = tick(instance, storage, None)
        assert fresh.run_requests == []


def test_cap_per_tick_leaves_the_rest_for_the_next(tmp_path, monkeypatch):
    import dataclasses

    import sensors.inbox as inbox_module

    monkeypatch.setattr(inbox_module, "SETTINGS", dataclasses.replace(inbox_module.SETTINGS, inbox_files_per_tick=4))
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "inbox", inbox)
    storage = StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(inbox))
    with dg.instance_for_test() as instance:
        first = tick(instance, storage)
        assert len(first.run_requests) == 4
        apply(instance, first)
        second = tick(instance, storage, first.cursor)
        assert len(second.run_requests) == 2
        assert not {r.run_key for r in first.run_requests} & {r.run_key for r in second.run_requests}
        assert len(json.loads(second.cursor)) == 6


def test_a_file_still_arriving_waits_for_the_next_tick(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "acme").mkdir(parents=True)
    storage = StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(inbox))
    arriving = inbox / "acme" / "big.txt"
    arriving.write_text("Half of a resume")
    with dg.instance_for_test() as instance:
        first = tick(instance, storage)
        assert isinstance(first, dg.SkipReason)
        arriving.write_text("Kim Whole\nkim@example.com\nExperience\nDev at X | 2020 - Present")
        settled(arriving)
        second = tick(instance, storage)
        assert len(second.run_requests) == 1
        assert second.run_requests[0].partition_key == sha256_file(arriving)
