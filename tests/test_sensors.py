"""The inbox sensor: every new file becomes one document, exactly once, in batched runs, across ticks."""

import dataclasses
import hashlib
import json
import os
import shutil
import time

import dagster as dg
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

import sensors.inbox as inbox_module
from jobfit.documents import sha256_file
from resources.storage import StorageResource
from sensors.inbox import inbox_sensor
from tests.conftest import SAMPLES, make_zip


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


def sources_of(request):
    return request.run_config["ops"]["documents"]["config"]["sources"]


def test_new_files_become_one_batched_run_and_each_is_requested_once(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "inbox", inbox)
    storage = StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(inbox))
    with dg.instance_for_test() as instance:
        first = tick(instance, storage)
        assert len(first.run_requests) == 1
        request = first.run_requests[0]
        added = list(first.dynamic_partitions_requests[0].partition_keys)
        assert len(added) == 6
        # the run covers exactly the new partitions, in the order they are added
        assert (request.tags[ASSET_PARTITION_RANGE_START_TAG], request.tags[ASSET_PARTITION_RANGE_END_TAG]) == (added[0], added[-1])
        assert {s["sha256"] for s in sources_of(request)} == set(added)
        assert {s["tenant"] for s in sources_of(request)} == {"acme", "globex"}
        apply(instance, first)
        assert instance.get_dynamic_partitions("documents") == added

        assert isinstance(tick(instance, storage, first.cursor), dg.SkipReason)
        # even with the cursor lost, known bytes are never requested again
        again = tick(instance, storage, None)
        assert again.dynamic_partitions_requests == [] and again.run_requests == []


def test_known_bytes_from_another_tenant_are_recorded_not_reprocessed(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "inbox", inbox)
    storage = StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(inbox))
    with dg.instance_for_test() as instance:
        first = tick(instance, storage)
        apply(instance, first)
        settled(shutil.copyfile(inbox / "acme" / "priya_raman.txt", inbox / "globex" / "priya_again.txt"))
        (inbox / "globex" / "new.txt").write_text("Alex New\nalex@example.com\nExperience\nDev at X | 2020 - Present")
        settled(inbox / "globex" / "new.txt")
        second = tick(instance, storage, first.cursor)
        new_runs = [r for r in second.run_requests if not r.asset_selection]
        source_runs = [r for r in second.run_requests if r.asset_selection]
        assert [s["path"].rsplit("/", 1)[1] for r in new_runs for s in sources_of(r)] == ["new.txt"]
        assert len(source_runs) == 1
        assert source_runs[0].partition_key == sha256_file(inbox / "acme" / "priya_raman.txt")
        assert set(source_runs[0].asset_selection) == {dg.AssetKey("documents"), dg.AssetKey("profiles")}
        assert sources_of(source_runs[0])[0]["tenant"] == "globex"


def test_each_file_of_a_zip_in_the_inbox_comes_in_as_its_own_document(tmp_path):
    """A recruiter drops the week's applications as one zip: each resume in it is a candidate. Before, the archive was
    one document, refused as 'a zip archive of 3 files: unpack it'."""
    inbox = tmp_path / "inbox"
    (inbox / "acme").mkdir(parents=True)
    storage = StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(inbox))
    resumes = {f"week 12/{name}": (SAMPLES / "inbox" / "acme" / name).read_bytes() for name in ("priya_raman.txt", "maria_lopez.pdf")}
    archive = inbox / "acme" / "applications.zip"
    archive.write_bytes(make_zip({**resumes, "__MACOSX/week 12/._maria_lopez.pdf": b"\x00\x05\x16\x07"}))
    settled(archive)
    locked = inbox / "acme" / "locked.zip"  # one the inbox cannot open whole comes in as itself, for the readers to name
    locked.write_bytes(make_zip(resumes, locked=True))
    settled(locked)
    with dg.instance_for_test() as instance:
        first = tick(instance, storage)
        sources = sources_of(first.run_requests[0])
        assert {(s["path"], s["member"]): s["sha256"] for s in sources if s["member"]} == {
            (str(archive), name): hashlib.sha256(data).hexdigest() for name, data in resumes.items()}
        assert [(s["path"], s["sha256"]) for s in sources if not s["member"]] == [(str(locked), sha256_file(locked))]
        assert set(first.dynamic_partitions_requests[0].partition_keys) == {s["sha256"] for s in sources}
        assert not (tmp_path / "data").exists()  # the sensor writes nothing: the run unpacks the archive
        apply(instance, first)
        assert isinstance(tick(instance, storage, first.cursor), dg.SkipReason)


def test_large_arrivals_are_paged_and_batched(tmp_path, monkeypatch):
    monkeypatch.setattr(inbox_module, "SETTINGS", dataclasses.replace(inbox_module.SETTINGS, inbox_files_per_tick=25, inbox_batch_size=10))
    inbox = tmp_path / "inbox" / "acme"
    inbox.mkdir(parents=True)
    for n in range(40):
        inbox.joinpath(f"r{n}.txt").write_text(f"Person {n}\np{n}@example.com\nExperience\nDev at X | 2020 - Present")
        settled(inbox / f"r{n}.txt")
    storage = StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(tmp_path / "inbox"))
    with dg.instance_for_test() as instance:
        first = tick(instance, storage)
        assert [len(sources_of(r)) for r in first.run_requests] == [10, 10, 5]
        apply(instance, first)
        second = tick(instance, storage, first.cursor)
        assert [len(sources_of(r)) for r in second.run_requests] == [10, 5]
        apply(instance, second)
        assert len(set(instance.get_dynamic_partitions("documents"))) == 40
        assert len(json.loads(second.cursor)) == 40
        run_keys = [r.run_key for r in first.run_requests + second.run_requests]
        assert len(set(run_keys)) == len(run_keys)


def test_a_file_still_arriving_waits_for_the_next_tick(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "acme").mkdir(parents=True)
    storage = StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(inbox))
    arriving = inbox / "acme" / "big.txt"
    arriving.write_text("Half of a resume")
    with dg.instance_for_test() as instance:
        assert isinstance(tick(instance, storage), dg.SkipReason)
        arriving.write_text("Kim Whole\nkim@example.com\nExperience\nDev at X | 2020 - Present")
        settled(arriving)
        second = tick(instance, storage)
        assert [s["sha256"] for s in sources_of(second.run_requests[0])] == [sha256_file(arriving)]


def test_a_file_that_cannot_be_read_does_not_hold_up_the_others(tmp_path, monkeypatch):
    """One file the daemon may not read (its owner's permissions) or that went between the scan and the read used to fail
    every tick, so nothing after it came in. Running as root here, the refusal is the operating system's error, raised
    where the sensor reads the file."""
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "inbox", inbox)
    locked = inbox / "acme" / "locked.txt"
    locked.write_text("Lee Locked\nlee@example.com\nExperience\nDev at X | 2020 - Present")
    storage = StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(inbox))

    def read(path):
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return sha256_file(path)

    monkeypatch.setattr(inbox_module, "sha256_file", read)
    # the locked file is the oldest, so it is looked at first at every tick; it takes no share of a tick's files
    os.utime(locked, (time.time() - 3600, time.time() - 3600))
    monkeypatch.setattr(inbox_module, "SETTINGS", dataclasses.replace(inbox_module.SETTINGS, inbox_files_per_tick=6))
    with dg.instance_for_test() as instance:
        first = tick(instance, storage)
        assert len(list(first.dynamic_partitions_requests[0].partition_keys)) == 6  # the six samples came in
        apply(instance, first)
        assert tick(instance, storage, first.cursor).skip_message.endswith(f"could not read {locked} (Permission denied)")
        monkeypatch.setattr(inbox_module, "sha256_file", sha256_file)  # the owner let us read it
        later = tick(instance, storage, first.cursor)
        assert list(later.dynamic_partitions_requests[0].partition_keys) == [sha256_file(locked)]


def test_the_same_new_bytes_twice_in_one_tick_are_one_document_with_two_sources(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "inbox", inbox)
    settled(shutil.copyfile(inbox / "acme" / "priya_raman.txt", inbox / "globex" / "priya_copy.txt"))
    storage = StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(inbox))
    with dg.instance_for_test() as instance:
        result = tick(instance, storage)
        assert len(result.dynamic_partitions_requests[0].partition_keys) == 6 and len(result.run_requests) == 1
        sha = sha256_file(inbox / "globex" / "priya_copy.txt")
        places = {(s["tenant"], s["path"].rsplit("/", 1)[1]) for s in sources_of(result.run_requests[0]) if s["sha256"] == sha}
        assert places == {("acme", "priya_raman.txt"), ("globex", "priya_copy.txt")}


def test_a_link_out_of_its_tenants_folder_is_passed_over_and_named_once(tmp_path, capfd):
    """A zip unpacked into a tenant's folder keeps its links. Before, a link to another tenant's resume, or to any file
    jobfit may read (its API keys file), was taken in as that tenant's document, parsed into a profile its readers see."""
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "inbox", inbox)
    secret = tmp_path / "api_keys.yaml"
    secret.write_text("keys:\n  - {key: s3cret, role: admin}\n")
    settled(secret)
    acme = inbox / "acme"
    (acme / "keys.txt").symlink_to(secret)
    (acme / "their_candidate.txt").symlink_to(inbox / "globex" / "tom_becker.txt")
    (acme / "unpacked").mkdir()
    (acme / "unpacked" / "up.txt").symlink_to("../../globex/tom_becker.txt")
    (acme / "again.txt").symlink_to(acme / "priya_raman.txt")  # within acme's folder: taken in
    storage = StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(inbox))
    with dg.instance_for_test() as instance:
        first = tick(instance, storage)
        places = {(s["tenant"], s["path"].split("/inbox/", 1)[1]) for s in sources_of(first.run_requests[0])}
        assert places == {("acme", "acme/again.txt"), ("acme", "acme/priya_raman.txt"), ("acme", "acme/james_okafor.docx"),
                          ("acme", "acme/maria_lopez.pdf"), ("globex", "globex/tom_becker.txt"),
                          ("globex", "globex/daniel_weber.pdf"), ("globex", "globex/sofia_rossi.docx")}
        [told] = [line for line in capfd.readouterr().err.splitlines() if "lead out of their tenant's folder" in line]
        assert "WARNING - 3 links in the inbox" in told and all(name in told for name in ("keys.txt", "their_candidate.txt", "up.txt"))
        apply(instance, first)
        context = dg.build_sensor_context(instance=instance, cursor=first.cursor, resources={"storage": storage})
        assert isinstance(inbox_sensor(context), dg.SkipReason)
        assert "lead out" not in capfd.readouterr().err  # named once, not at every tick
        (acme / "keys.txt").unlink()
        (acme / "keys.txt").symlink_to(acme / "maria_lopez.pdf")  # pointed within the folder: an ordinary file again
        assert not isinstance(tick(instance, storage, context.cursor), dg.SkipReason)
