"""The optional ClamAV scan, proved end to end with a signature database the test builds for EICAR."""

import hashlib
import os

import dagster as dg

from jobfit.documents.scan import ScanError, scan_files
from pipelines.bootstrap import materialize_everything
from pipelines.definitions import build_resources
from resources.scanner import VirusScanResource
from tests.conftest import seeded_settings
from tests.services import EICAR, clamd_server, eicar_database, require_binary
from tests.test_pipeline import read


def counted_clamscan(folder, monkeypatch):
    """`clamscan` first on PATH is the real one, counting in `folder/starts` each time it is started."""
    real = require_binary("clamscan", "clamav")
    os.makedirs(folder / "bin", exist_ok=True)
    (folder / "bin" / "clamscan").write_text(f"#!/bin/sh\necho started >> {folder}/starts\nexec {real} \"$@\"\n")
    (folder / "bin" / "clamscan").chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}/bin:{os.environ['PATH']}")
    return lambda: len((folder / "starts").read_text().splitlines()) if (folder / "starts").exists() else 0


def _files(tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    files = {"infected": folder / "invoice.com", "clean": folder / "resume.txt", "empty": folder / "empty.txt",
             "odd name": folder / "Ana: CV FOUND.txt", "missing": folder / "gone.pdf"}
    files["infected"].write_bytes(EICAR)
    files["clean"].write_bytes(b"Ana Example\nExperience\nDev at X | 2019 - 2021")
    files["empty"].write_bytes(b"")
    files["odd name"].write_bytes(EICAR)
    return files


def test_clamscan_gives_every_file_of_a_batch_its_verdict_in_one_run(tmp_path, monkeypatch):
    """clamscan loads its whole signature database each time it starts: a batch is one start, and each file still
    gets its own verdict; a file it could not read has none, so it is never passed as clean."""
    starts = counted_clamscan(tmp_path, monkeypatch)
    files = _files(tmp_path)
    verdicts = scan_files(list(files.values()), "clamscan", eicar_database(tmp_path / "db"))
    assert starts() == 1
    assert {name: verdicts[path] for name, path in files.items() if name != "missing"} == {
        "infected": "Jobfit-Test-EICAR.UNOFFICIAL", "clean": None, "empty": None, "odd name": "Jobfit-Test-EICAR.UNOFFICIAL"}
    assert str(verdicts[files["missing"]]) == "clamscan could not scan it: No such file or directory"


def test_clamscan_without_its_database_passes_nothing(tmp_path):
    require_binary("clamscan", "clamav")
    files = _files(tmp_path)
    verdicts = scan_files(list(files.values()), "clamscan", str(tmp_path / "no-database"))
    assert all(isinstance(verdict, ScanError) for verdict in verdicts.values())
    assert "no-database" in str(verdicts[files["clean"]])  # the reason an operator can act on


def test_clamd_socket_finds_eicar(tmp_path):
    files = _files(tmp_path)
    (tmp_path / "files" / "eicar-and-more.txt").write_bytes(EICAR + b"\n")  # different bytes, different hash
    with clamd_server(eicar_database(tmp_path / "db")) as socket_path:
        verdicts = scan_files([*files.values(), tmp_path / "files" / "eicar-and-more.txt"], f"clamd:{socket_path}")
    assert verdicts[files["infected"]] == verdicts[files["odd name"]] == "Jobfit-Test-EICAR.UNOFFICIAL"
    assert verdicts[files["clean"]] is None and verdicts[tmp_path / "files" / "eicar-and-more.txt"] is None
    assert "could not read gone.pdf" in str(verdicts[files["missing"]])
    gone = scan_files([files["clean"]], f"clamd:{socket_path}")[files["clean"]]
    assert isinstance(gone, ScanError)  # the daemon is gone: no verdict, no silent pass


def test_infected_upload_is_quarantined_by_the_pipeline(tmp_path, monkeypatch):
    starts = counted_clamscan(tmp_path, monkeypatch)
    settings = seeded_settings(tmp_path / "data")
    (settings.inbox_dir / "acme" / "invoice.txt").write_bytes(EICAR)
    resources = {**build_resources(settings), "scanner": VirusScanResource(scanner="clamscan", database=eicar_database(tmp_path / "db"))}
    with dg.instance_for_test() as instance:
        materialize_everything(settings, instance, resources)
    rows = read(settings.layout.warehouse_path, "SELECT status, reason, message FROM documents WHERE reason IS NOT NULL")
    assert rows == [("quarantined", "infected", "ClamAV found Jobfit-Test-EICAR.UNOFFICIAL: the file was not opened; ask for a clean copy")]
    assert len(read(settings.layout.warehouse_path, "SELECT * FROM profiles")) == 6  # the clean files went on
    assert starts() == 1  # the 7 documents were scanned by one clamscan
    assert (settings.data_dir / "quarantine").joinpath(f"{hashlib.sha256(EICAR).hexdigest()}.reason.txt").exists()
