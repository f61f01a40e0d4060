"""ClamAV, when an operator turns it on (JOBFIT_VIRUS_SCANNER); off by default."""

import dagster as dg

from jobfit.documents.scan import scan_bytes
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

    def scan(self, data: bytes) -> str | None:
        """The signature found, or None; raises ScanError when no verdict could be had."""
        return scan_bytes(data, self.scanner, self.database or None) if self.scanner else None
