"""Google Drive folders as a resume source, against a Drive API emulator on 127.0.0.1 (tests/services.py)."""

import dataclasses
import hashlib
import io

import dagster as dg
import docx
import pytest

import sensors.drive as drive_module
from jobfit.documents import UnsupportedDocument, detect_format, extract_text
from jobfit.drive import DOCX, DriveClient, DriveError, load_drive_folders
from resources.drive import DriveResource
from resources.storage import StorageResource
from sensors.drive import drive_sensor
from tests.conftest import SAMPLES
from tests.services import DriveEmulator

GOOGLE_DOC = "application/vnd.google-apps.document"


@pytest.fixture
def drive(tmp_path):
    """An emulated Drive holding a recruiter's folder: a Google Doc, a PDF, a sub-folder with a text resume, and
    what is not a document (a trashed file, a form, a shortcut)."""
    with DriveEmulator() as emulator:
        emulator.key_file = emulator.service_account_key(tmp_path)
        top = emulator.folder("Acme resumes")
        emulator.doc = emulator.add("James Okafor", GOOGLE_DOC, (SAMPLES / "inbox/acme/james_okafor.docx").read_bytes(), top)
        emulator.pdf = emulator.add("maria_lopez.pdf", "application/pdf", (SAMPLES / "inbox/acme/maria_lopez.pdf").read_bytes(), top)
        sub = emulator.folder("2026", top)
        emulator.txt = emulator.add("priya_raman.txt", "text/plain", (SAMPLES / "inbox/acme/priya_raman.txt").read_bytes(), sub)
        trashed = emulator.add("old.txt", "text/plain", b"gone", top)
        emulator.files[trashed]["trashed"] = True
        emulator.add("Apply here", "application/vnd.google-apps.form", parent=top)
        emulator.add("Shortcut to elsewhere", "application/vnd.google-apps.shortcut", parent=top)
        emulator.top = top
        yield emulator


def client(drive, **options) -> DriveClient:
    return DriveClient.from_service_account(drive.key_file, drive.root, sleep=lambda seconds: None, **options)


def test_a_service_account_lists_a_folder_and_its_subfolders_page_by_page(drive):
    files = list(client(drive, page_size=2).files(drive.top))
    assert sorted((f.folder, f.name) for f in files) == [("", "James Okafor"), ("", "maria_lopez.pdf"), ("2026", "priya_raman.txt")]
    # a token came from the emulator's OAuth endpoint, for a JWT signed with the service account's key
    assert len(drive.tokens) == 1
    listings = [q for path, q in drive.requests if path == "/drive/v3/files"]
    assert any(q.get("pageToken") for q in listings)  # four entries at the top, two per page
    assert all("trashed = false" in q["q"] for q in listings)
    pdf = next(f for f in files if f.name == "maria_lopez.pdf")
    assert pdf.link == f"https://drive.google.com/file/d/{drive.pdf}/view"
    assert pdf.version == hashlib.md5((SAMPLES / "inbox/acme/maria_lopez.pdf").read_bytes()).hexdigest()


def test_google_docs_are_exported_as_docx_and_other_files_downloaded_as_they_are(drive):
    pdf = (SAMPLES / "inbox/acme/maria_lopez.pdf").read_bytes()
    drive.add("Portfolio deck", "application/vnd.google-apps.presentation", pdf, drive.top)  # Slides: exported as PDF
    reader = client(drive)
    files = {f.name: f for f in reader.files(drive.top)}
    document = files["James Okafor"]
    assert document.export == DOCX
    exported = reader.download(document, 10 * 2 ** 20)
    assert detect_format(exported) == "docx"
    assert "James Okafor" in "\n".join(p.text for p in docx.Document(io.BytesIO(exported)).paragraphs)
    assert reader.download(files["maria_lopez.pdf"], 10 * 2 ** 20) == pdf
    assert reader.download(files["Portfolio deck"], 10 * 2 ** 20) == pdf
    assert drive.requests[-1][1]["mimeType"] == "application/pdf"
    # a Sheet (an applicants tracker beside the resumes) as CSV, which the documents stage names a table
    drive.add("Applicants", "application/vnd.google-apps.spreadsheet",
              b"Name,Email,Stage\nAna Example,ana@example.com,Screen\nBo Li,bo@example.com,Offer\nCy Doe,cy@example.com,New\n", drive.top)
    sheet = next(f for f in reader.files(drive.top) if f.name == "Applicants")
    with pytest.raises(UnsupportedDocument, match=r"a table \(4 rows of 3 columns"):
        extract_text(reader.download(sheet, 10 * 2 ** 20))
    assert drive.requests[-1][1]["mimeType"] == "text/csv"


def test_a_flaky_drive_is_retried_and_a_wrong_folder_or_key_says_what_to_do(drive, tmp_path):
    drive.fail_next = [503, 429]
    assert len(list(client(drive).files(drive.top))) == 3
    drive.fail_next = [(403, "userRateLimitExceeded")]  # how Drive answers a client that asks too fast
    with pytest.raises(DriveError, match="rate limit was reached; the rest waits for the next tick"):
        list(client(drive).files(drive.top))
    with pytest.raises(DriveError, match="not found: check its id and share it with the service account"):
        list(client(drive).files("no-such-folder"))
    with pytest.raises(DriveError, match="is a file"):
        list(client(drive).files(drive.pdf))
    other = DriveEmulator()  # a key the emulator did not issue is refused at the token endpoint
    forged = other.service_account_key(tmp_path / "..")
    text = open(forged).read().replace(other.root, drive.root)
    open(forged, "w").write(text)
    other.server.server_close()
    with pytest.raises(DriveError, match="no access token"):
        list(DriveClient.from_service_account(forged, drive.root).files(drive.top))
    with pytest.raises(DriveError, match="not a readable service-account key"):
        DriveClient.from_service_account(tmp_path / "missing.json", drive.root)


def test_the_folders_file_names_tenants_and_rejects_what_it_cannot_use(tmp_path):
    path = tmp_path / "drive.yaml"
    assert load_drive_folders(path) == []
    path.write_text("folders:\n  - id: abc123\n    tenant: acme\n    name: Acme resumes\n  - {id: def456, tenant: globex}\n")
    folders = load_drive_folders(path)
    assert [(f.folder_id, f.tenant, f.label) for f in folders] == [("abc123", "acme", "Acme resumes (abc123)"), ("def456", "globex", "def456")]
    path.write_text("folders:\n  - id: abc123\n")
    with pytest.raises(DriveError, match="needs an id and a tenant"):
        load_drive_folders(path)
    path.write_text("folders:\n  - {id: abc123, tenant: ../etc}\n")
    with pytest.raises(DriveError, match="must be a plain name"):
        load_drive_folders(path)


def resources_for(drive, tmp_path, folders: str):
    (tmp_path / "drive.yaml").write_text(folders)
    return {
        "storage": StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(tmp_path / "inbox")),
        "drive": DriveResource(folders_file=str(tmp_path / "drive.yaml"), credentials_file=drive.key_file, api_url=drive.root),
    }


def tick(instance, resources, cursor=None):
    return drive_sensor(dg.build_sensor_context(instance=instance, cursor=cursor, resources=resources))


def apply(instance, result):
    for request in result.dynamic_partitions_requests:
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))


def sources_of(request):
    return request.run_config["ops"]["documents"]["config"]["sources"]


def test_new_and_changed_drive_files_become_documents_once(drive, tmp_path, monkeypatch):
    monkeypatch.setattr(drive_module, "SETTINGS", dataclasses.replace(drive_module.SETTINGS, max_document_bytes=200_000))
    big = drive.add("scan.pdf", "application/pdf", b"%PDF-1.7 " + b"0" * 300_000, drive.top)
    resources = resources_for(drive, tmp_path, f"folders:\n  - {{id: {drive.top}, tenant: acme, name: Acme resumes}}\n"
                                               "  - {id: gone-folder, tenant: globex}\n")
    storage = resources["storage"]
    with dg.instance_for_test() as instance:
        first = tick(instance, resources)
        [request] = first.run_requests
        sources = sources_of(request)
        assert {s["origin"] for s in sources} == {f"https://drive.google.com/file/d/{i}/view" for i in (drive.doc, drive.pdf, drive.txt)}
        assert {s["tenant"] for s in sources} == {"acme"}
        # the bytes are already in the document store, under their sha256
        for source in sources:
            assert hashlib.sha256(open(source["path"], "rb").read()).hexdigest() == source["sha256"]
            assert source["path"] == str(storage.document_path(source["sha256"]))
        assert not any(path.endswith(f"/{big}") and q.get("alt") for path, q in drive.requests)  # too large: never fetched
        apply(instance, first)

        downloads = sum(1 for _, q in drive.requests if q.get("alt") or "mimeType" in q)
        second = tick(instance, resources, first.cursor)
        assert isinstance(second, dg.SkipReason)
        # the broken folder is named with what to do; the large file was reported once, not again
        assert "gone-folder" in second.skip_message and "share it with the service account" in second.skip_message
        assert "scan.pdf" not in second.skip_message
        assert sum(1 for _, q in drive.requests if q.get("alt") or "mimeType" in q) == downloads  # nothing downloaded again

        drive.edit(drive.txt, (SAMPLES / "inbox/acme/priya_raman.txt").read_bytes().replace(b"Priya", b"Priyanka"))
        third = tick(instance, resources, first.cursor)
        [changed] = sources_of(third.run_requests[0])
        assert changed["origin"] == f"https://drive.google.com/file/d/{drive.txt}/view"
        assert changed["sha256"] not in {s["sha256"] for s in sources}


def acme_drive(drive, tmp_path):
    """Settings with the emulated Drive's folder as acme's, the pipeline's resources, and the Drive sensor's."""
    from pipelines.definitions import build_resources
    from resources.settings import Settings

    (tmp_path / "drive.yaml").write_text(f"folders:\n  - {{id: {drive.top}, tenant: acme}}\n")
    settings = Settings(data_dir=tmp_path / "data", inbox_dir=tmp_path / "inbox", feeds_file=tmp_path / "feeds.yaml",
                        api_keys_file=tmp_path / "keys.yaml", drive_folders_file=tmp_path / "drive.yaml",
                        drive_credentials_file=drive.key_file, drive_api_url=drive.root)
    resources = build_resources(settings)
    return settings, resources, {key: resources[key] for key in ("storage", "drive")}


def test_drive_resumes_become_profiles_and_an_edited_one_supersedes_its_old_profile(drive, tmp_path):
    import duckdb

    from tests.test_pipeline import run_sensor_requests

    settings, resources, sensor_resources = acme_drive(drive, tmp_path)
    with dg.instance_for_test() as instance:
        first = tick(instance, sensor_resources)
        run_sensor_requests(instance, resources, first)
        drive.edit(drive.txt, (SAMPLES / "inbox/acme/priya_raman.txt").read_bytes().replace(b"Priya Raman", b"Priya Raman-Iyer"))
        run_sensor_requests(instance, resources, tick(instance, sensor_resources, first.cursor))
    with duckdb.connect(str(settings.layout.warehouse_path), read_only=True) as con:
        profiles = con.execute("SELECT p.name, p.tenant, p.status, s.source_path FROM profiles p "
                               "JOIN document_sources s USING (sha256, tenant) ORDER BY p.name").fetchall()
    link = "https://drive.google.com/file/d/{}/view".format
    assert profiles == [
        ("James Okafor", "acme", "active", link(drive.doc)),  # the Google Doc, read from its DOCX export
        ("Maria Lopez", "acme", "active", link(drive.pdf)),
        ("Priya Raman", "acme", "superseded", link(drive.txt)),
        ("Priya Raman-Iyer", "acme", "active", link(drive.txt)),
    ]


@pytest.mark.parametrize("kind", ["zip", "7z", "eml"])
def test_a_zip_of_resumes_in_a_drive_folder_gives_a_profile_for_each_resume_in_it(drive, tmp_path, monkeypatch, kind):
    """As in the inbox: before, the archive was one document, refused as 'a zip archive of 2 files: unpack it', and an
    agency's email of two candidates was the first one's. An archive may be larger than one document may (each file in
    it is held to that)."""
    import duckdb

    from tests.conftest import make_archive, make_email, make_zip
    from tests.test_pipeline import run_sensor_requests

    for file in (drive.doc, drive.pdf, drive.txt):
        drive.files[file]["trashed"] = True  # the folder holds the archive alone
    resumes = {f"week 12/{name}": (SAMPLES / "inbox/globex" / name).read_bytes() for name in ("tom_becker.txt", "daniel_weber.pdf")}
    if kind == "eml":  # (an email's resumes are its document files)
        resumes = {name: (SAMPLES / "inbox" / name).read_bytes() for name in ("globex/daniel_weber.pdf", "acme/maria_lopez.pdf")}
        archive = drive.add("Two candidates.eml", "message/rfc822", make_email(
            "Two candidates, attached.", *[(name.split("/")[1], "application/pdf", data) for name, data in resumes.items()]), drive.top)
    elif kind == "7z":
        archive = drive.add("applications.7z", "application/x-7z-compressed", make_archive(kind, resumes), drive.top)
    else:
        archive = drive.add("applications.zip", "application/zip", make_zip(resumes), drive.top)
    monkeypatch.setattr(drive_module, "SETTINGS", dataclasses.replace(
        drive_module.SETTINGS, max_document_bytes=len(drive.files[archive]["content"]) - 1))
    settings, resources, sensor_resources = acme_drive(drive, tmp_path)
    with dg.instance_for_test() as instance:
        first = tick(instance, sensor_resources)
        run_sensor_requests(instance, resources, first)
        assert isinstance(tick(instance, sensor_resources, first.cursor), dg.SkipReason)
    with duckdb.connect(str(settings.layout.warehouse_path), read_only=True) as con:
        profiles = con.execute("SELECT p.name, s.source_path FROM profiles p JOIN document_sources s USING (sha256, tenant) "
                               "ORDER BY p.name").fetchall()
    link = f"https://drive.google.com/file/d/{archive}/view"
    assert profiles == ([("Daniel Weber", f"{link}/week 12/daniel_weber.pdf"), ("Tom Becker", f"{link}/week 12/tom_becker.txt")]
                        if kind != "eml" else
                        [("Daniel Weber", f"{link}/daniel_weber.pdf"), ("Maria Lopez", f"{link}/maria_lopez.pdf")])


def test_a_large_folder_is_downloaded_across_ticks(drive, tmp_path, monkeypatch):
    monkeypatch.setattr(drive_module, "SETTINGS", dataclasses.replace(drive_module.SETTINGS, inbox_files_per_tick=2))
    resources = resources_for(drive, tmp_path, f"folders:\n  - {{id: {drive.top}, tenant: acme}}\n")
    with dg.instance_for_test() as instance:
        first = tick(instance, resources)
        apply(instance, first)
        second = tick(instance, resources, first.cursor)
        apply(instance, second)
        assert [len(sources_of(r)) for r in first.run_requests + second.run_requests] == [2, 1]
        assert isinstance(tick(instance, resources, second.cursor), dg.SkipReason)
        assert len(instance.get_dynamic_partitions("documents")) == 3


def test_drives_rate_limit_ends_the_tick_and_the_next_one_goes_on(drive, tmp_path):
    resources = resources_for(drive, tmp_path, f"folders:\n  - {{id: {drive.top}, tenant: acme}}\n"
                                               f"  - {{id: {drive.top}, tenant: globex}}\n")
    drive.fail_downloads = [(403, "userRateLimitExceeded")]
    with dg.instance_for_test() as instance:
        first = tick(instance, resources)
        assert isinstance(first, dg.SkipReason) and "rate limit was reached" in first.skip_message
        # one refused download, then nothing more asked of Drive in that tick, for either folder
        downloads = [path for path, q in drive.requests if q.get("alt") or "mimeType" in q]
        assert len(downloads) == 1 and sum(1 for path, _ in drive.requests if path == f"/drive/v3/files/{drive.top}") == 1
        second = tick(instance, resources)
        assert {s["tenant"] for r in second.run_requests for s in sources_of(r)} == {"acme", "globex"}
        assert sum(len(sources_of(r)) for r in second.run_requests) == 6  # three files, each for both tenants


def as_the_daemon_keeps_it(instance, cursor):
    """Store the Drive sensor's cursor in the instance, where the daemon keeps it between ticks."""
    from dagster._core.remote_origin import RegisteredCodeLocationOrigin, RemoteInstigatorOrigin, RemoteRepositoryOrigin
    from dagster._core.scheduler.instigation import InstigatorState, InstigatorStatus, InstigatorType, SensorInstigatorData

    states = instance.all_instigator_state(instigator_type=InstigatorType.SENSOR)
    if states:
        instance.update_instigator_state(states[0].with_data(SensorInstigatorData(cursor=cursor)))
        return
    origin = RemoteInstigatorOrigin(RemoteRepositoryOrigin(RegisteredCodeLocationOrigin("jobfit"), "__repository__"), "drive_sensor")
    instance.add_instigator_state(InstigatorState(origin, InstigatorType.SENSOR, InstigatorStatus.RUNNING,
                                                  SensorInstigatorData(cursor=cursor)))


def kept_cursor(instance):
    from dagster._core.scheduler.instigation import InstigatorType

    [state] = instance.all_instigator_state(instigator_type=InstigatorType.SENSOR)
    return state.instigator_data.cursor


def test_make_run_has_the_drive_files_the_warehouse_lost_downloaded_again(drive, tmp_path, capsys):
    """The Drive sensor's cursor says which files it downloaded; when the warehouse is restored from an older copy or
    deleted, their documents are gone from it while the cursor still holds them. Before, they never came back (and
    nothing said so) unless an operator reset the cursor."""
    import duckdb

    from pipelines.bootstrap import materialize_everything
    from pipelines.definitions import ALL_ASSETS
    from tests.test_pipeline import run_sensor_requests

    settings, resources, sensor_resources = acme_drive(drive, tmp_path)

    def profiles():
        with duckdb.connect(str(settings.layout.warehouse_path), read_only=True) as con:
            return con.execute("SELECT p.name, s.source_path FROM profiles p JOIN document_sources s "
                               "USING (sha256, tenant) WHERE p.status = 'active' ORDER BY 1").fetchall()

    def downloads():
        return sum(1 for _, q in drive.requests if q.get("alt") or "mimeType" in q)

    run_keys = []

    def daemon_tick():
        fetched = downloads()
        result = tick(instance, sensor_resources, kept_cursor(instance))
        run_keys.extend(request.run_key for request in result.run_requests)
        run_sensor_requests(instance, resources, result)
        as_the_daemon_keeps_it(instance, result.cursor)
        return downloads() - fetched

    with dg.instance_for_test() as instance:
        assert dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=resources).success
        first = tick(instance, sensor_resources)
        run_sensor_requests(instance, resources, first)
        as_the_daemon_keeps_it(instance, first.cursor)
        before = profiles()
        assert [name for name, _ in before] == ["James Okafor", "Maria Lopez", "Priya Raman"]
        with duckdb.connect(str(settings.layout.warehouse_path)) as con:  # as a backup from before Priya's resume came
            con.execute("DELETE FROM document_sources WHERE source_path = ?", [f"https://drive.google.com/file/d/{drive.txt}/view"])

        capsys.readouterr()
        materialize_everything(settings, instance)
        assert "1 Drive files are known to Dagster but not recorded in the warehouse" in capsys.readouterr().out
        assert daemon_tick() == 1  # Priya's file alone is downloaded again
        assert profiles() == before
        materialize_everything(settings, instance)
        assert "not recorded in the warehouse" not in capsys.readouterr().out

        settings.layout.warehouse_path.unlink()
        materialize_everything(settings, instance)
        assert "3 Drive files are known to Dagster but not recorded in the warehouse" in capsys.readouterr().out
        assert daemon_tick() == 3
        assert profiles() == before
        assert len(run_keys) == len(set(run_keys)) == 4  # Priya's second loss is a run of its own (the daemon runs a key once)


def test_an_archive_on_drive_is_downloaded_again_when_the_warehouse_lost_any_file_of_it(drive, tmp_path):
    """The cursor kept one sha256 for a download; for an archive, its first file's. Before, a warehouse that lost
    another of its files (restored from a backup taken while the run was under way) never had it back."""
    import duckdb

    from pipelines.bootstrap import recorded_sources
    from pipelines.definitions import ALL_ASSETS
    from sensors.drive import mark_lost_downloads
    from tests.conftest import make_zip
    from tests.test_pipeline import run_sensor_requests

    for file in (drive.doc, drive.pdf, drive.txt):
        drive.files[file]["trashed"] = True
    archive = drive.add("applications.zip", "application/zip", make_zip({
        name: (SAMPLES / "inbox/globex" / name).read_bytes() for name in ("tom_becker.txt", "daniel_weber.pdf")}), drive.top)
    settings, resources, sensor_resources = acme_drive(drive, tmp_path)
    link = f"https://drive.google.com/file/d/{archive}/view"

    def profiles():
        with duckdb.connect(str(settings.layout.warehouse_path), read_only=True) as con:
            return con.execute("SELECT p.name FROM profiles p JOIN document_sources s USING (sha256, tenant) "
                               "WHERE p.status = 'active' ORDER BY 1").fetchall()

    with dg.instance_for_test() as instance:
        assert dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=resources).success
        first = tick(instance, sensor_resources)
        run_sensor_requests(instance, resources, first)
        as_the_daemon_keeps_it(instance, first.cursor)
        assert profiles() == [("Daniel Weber",), ("Tom Becker",)]
        with duckdb.connect(str(settings.layout.warehouse_path)) as con:  # the second file of the archive lost
            con.execute("DELETE FROM document_sources WHERE source_path = ?", [f"{link}/daniel_weber.pdf"])
            assert mark_lost_downloads(instance, lambda sha256s: recorded_sources(con, sha256s)) == 1
        again = tick(instance, sensor_resources, kept_cursor(instance))
        run_sensor_requests(instance, resources, again)
        assert profiles() == [("Daniel Weber",), ("Tom Becker",)]

