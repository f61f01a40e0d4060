"""The optional ClamAV scan, proved end to end with a signature database the test builds for EICAR."""

import hashlib

import dagster as dg
import pytest

from jobfit.documents.scan import ScanError, scan_bytes
from pipelines.bootstrap import materialize_everything
from pipelines.definitions import build_resources
from resources.scanner import VirusScanResource
from tests.conftest import seeded_settings
from tests.services import EICAR, clamd_server, eicar_database, require_binary
from tests.test_pipeline import read


def test_clamscan_finds_eicar_and_passes_clean_files(tmp_path):
    require_binary("clamscan", "clamav")
    database = eicar_database(tmp_path / "db")
    assert scan_bytes(EICAR, "clamscan", database) == "Jobfit-Test-EICAR.UNOFFICIAL"
    assert scan_bytes(b"Ana Example\nExperience\nDev at X | 2019 - 2021", "clamscan", database) is None


def test_clamd_socket_finds_eicar(tmp_path):
    with clamd_server(eicar_database(tmp_path / "db")) as socket_path:
        assert scan_bytes(EICAR + b"\n", f"clamd:{socket_path}") is None  # different bytes, different hash
        assert scan_bytes(EICAR, f"clamd:{socket_path}") == "Jobfit-Test-EICAR.UNOFFICIAL"
    with pytest.raises(ScanError):
        scan_bytes(EICAR, f"clamd:{socket_path}")  # the daemon is gone: no verdict, no silent pass


def test_infected_upload_is_quarantined_by_the_pipeline(tmp_path):
    require_binary("clamscan", "clamav")
    settings = seeded_settings(tmp_path / "data")
    (settings.inbox_dir / "acme" / "invoice.txt").write_bytes(EICAR)
    resources = {**build_resources(settings), "scanner": VirusScanResource(scanner="clamscan", database=eicar_database(tmp_path / "db"))}
    with dg.instance_for_test() as instance:
        materialize_everything(settings, instance, resources)
    rows = read(settings.layout.warehouse_path, "SELECT status, reason, message FROM documents WHERE reason IS NOT NULL")
    assert rows == [("quarantined", "infected", "ClamAV found Jobfit-Test-EICAR.UNOFFICIAL: the file was not opened; ask for a clean copy")]
    assert len(read(settings.layout.warehouse_path, "SELECT * FROM profiles")) == 6  # the clean files went on
    assert (settings.data_dir / "quarantine").joinpath(f"{hashlib.sha256(EICAR).hexdigest()}.reason.txt").exists()
