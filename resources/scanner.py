"""ClamAV, when an operator turns it on (JOBFIT_VIRUS_SCANNER); off by default."""

from pathlib import Path

import dagster as dg

from jobfit.documents.scan import Verdict, scan_files
from resources.settings import Settings


class VirusScanResource(dg.ConfigurableResource):
    scanner: str = ""  # "", "clamscan" or "clamd:/run/clamav/clamd.ctl"
    database: str = ""  # a signature folder for clamscan -d (the default database when empty)

    @classmethod
    def from_settings(cls, settings: Settings) -> "VirusScanResource":
        return cls(scanner=settings.virus_scanner, database=settings.virus_database)

    @property
    def enabled(self) -> bool:
        return bool(self.scanner)

    def scan_files(self, paths: list[Path]) -> dict[Path, Verdict]:
        """Each file's signature found, None when clean, or the ScanError that kept a verdict from it."""
        return scan_files(paths, self.scanner, self.database or None)
