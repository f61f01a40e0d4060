"""Google Drive: which folders feed which tenant, and a client that reads them with a service account."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from jobfit.drive import DEFAULT_API_URL, DriveClient, DriveError, DriveFolder, load_drive_folders
from resources.settings import Settings


class DriveResource(dg.ConfigurableResource):
    folders_file: str  # YAML: folders: [{id, tenant, name}]
    credentials_file: str = ""  # a service account's JSON key
    api_url: str = DEFAULT_API_URL
    timeout_seconds: float = 60.0
    retries: int = 3

    @classmethod
    def from_settings(cls, settings: Settings) -> DriveResource:
        return cls(folders_file=str(settings.drive_folders_file or ""), credentials_file=settings.drive_credentials_file,
                   api_url=settings.drive_api_url)

    def folders(self) -> list[DriveFolder]:
        return load_drive_folders(Path(self.folders_file)) if self.folders_file else []

    def client(self) -> DriveClient:
        if not self.credentials_file:
            raise DriveError(f"Drive folders are listed in {self.folders_file} but no service-account key is set: "
                             "point JOBFIT_DRIVE_CREDENTIALS at its JSON file")
        return DriveClient.from_service_account(Path(self.credentials_file), self.api_url,
                                                timeout=self.timeout_seconds, retries=self.retries)
