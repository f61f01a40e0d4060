"""Google Drive folders as a resume source, over the Drive v3 REST API with a service account.

`load_drive_folders` reads which folders feed which tenant; `DriveClient.files` lists a folder and its
sub-folders page by page; `DriveClient.download` fetches a file's bytes, exporting Google Docs as DOCX
and other Google editors' files (Slides, Drawings) as PDF, so the documents stage reads them like any
upload. Every request carries a service-account token (google-auth) and goes through `jobfit.fetch.get`
(retries on 429 and 5xx, size cap).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from jobfit import fetch

DEFAULT_API_URL = "https://www.googleapis.com"
SCOPE = "https://www.googleapis.com/auth/drive.readonly"
FOLDER = "application/vnd.google-apps.folder"
GOOGLE_APPS = "application/vnd.google-apps."
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Google-native files have no bytes of their own: each is exported to a format the documents stage reads.
# a Sheet as CSV, where the documents stage names a table of candidates for what it is (as a PDF, its grid of names
# and dates read as one odd resume)
EXPORTS = {f"{GOOGLE_APPS}document": DOCX, f"{GOOGLE_APPS}spreadsheet": "text/csv"}
PDF = "application/pdf"
# Google-native kinds with nothing to export or that point elsewhere.
NOT_DOCUMENTS = {FOLDER, f"{GOOGLE_APPS}shortcut", f"{GOOGLE_APPS}form", f"{GOOGLE_APPS}site", f"{GOOGLE_APPS}map",
                 f"{GOOGLE_APPS}script", f"{GOOGLE_APPS}fusiontable"}
FILE_FIELDS = "id, name, mimeType, md5Checksum, modifiedTime, version, size, webViewLink"


RATE_LIMITS = {"rateLimitExceeded", "userRateLimitExceeded"}


def _reasons(error_body: bytes) -> set[str]:
    """The reasons a Google API error body gives ({"error": {"errors": [{"reason": …}]}})."""
    try:
        return {str(e.get("reason")) for e in json.loads(error_body)["error"].get("errors", [])}
    except (ValueError, KeyError, TypeError, AttributeError):
        return set()


class DriveError(Exception):
    """A folder or file that could not be read; the message says which and what to do."""


class TooLarge(DriveError):
    """A file larger than the documents stage accepts; it was not downloaded."""


class RateLimited(DriveError):
    """Drive asks us to slow down: nothing more this tick."""


@dataclass(frozen=True)
class DriveFolder:
    """A Drive folder whose files (and sub-folders' files) become one tenant's documents."""

    folder_id: str
    tenant: str
    name: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.folder_id})" if self.name else self.folder_id


@dataclass(frozen=True)
class DriveFile:
    id: str
    name: str
    mime_type: str
    folder: str  # the path of sub-folders below the configured folder, '' at its top
    version: str  # changes whenever the content does: the md5 of stored bytes, else Drive's version number
    size: int | None  # bytes; None for Google-native files (their export's size is known only once fetched)
    link: str  # where a person opens it

    @property
    def export(self) -> str | None:
        """The MIME type this file is exported as; None when its own bytes are downloaded."""
        if not self.mime_type.startswith(GOOGLE_APPS):
            return None
        return EXPORTS.get(self.mime_type, PDF)


def load_drive_folders(path: Path) -> list[DriveFolder]:
    """The folders listed in a YAML file (`folders: [{id, tenant, name}]`); no file means no folders."""
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as exc:
        raise DriveError(f"{path} is not valid YAML: {exc}") from exc
    items = data.get("folders") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise DriveError(f"{path}: expected a list under 'folders', each with an id and a tenant")
    folders = []
    for item in items:
        if not isinstance(item, dict) or not item.get("id") or not item.get("tenant"):
            raise DriveError(f"{path}: every folder needs an id and a tenant, got {item!r}")
        tenant = str(item["tenant"])
        if "/" in tenant or tenant.startswith("."):
            raise DriveError(f"{path}: tenant {tenant!r} must be a plain name (no '/', not starting with '.')")
        folders.append(DriveFolder(str(item["id"]), tenant, str(item.get("name") or "")))
    return folders


def service_account_token(credentials_file: Path) -> Callable[[], str]:
    """A function giving a valid access token for a service account's JSON key, refreshed when it expires."""
    from google.auth.exceptions import GoogleAuthError
    from google.auth.transport.requests import Request
    from google.oauth2 import service_account

    try:
        credentials = service_account.Credentials.from_service_account_file(str(credentials_file), scopes=[SCOPE])
    except (OSError, ValueError, KeyError) as exc:
        raise DriveError(f"{credentials_file} is not a readable service-account key ({exc}); "
                         "create one in the Google Cloud console under IAM → Service accounts → Keys") from exc

    def token() -> str:
        if not credentials.valid:
            try:
                credentials.refresh(Request())
            except GoogleAuthError as exc:
                raise DriveError(f"no access token for {credentials.service_account_email}: {exc}") from exc
        return credentials.token

    return token


class DriveClient:
    """Reads folders and files through the Drive v3 API; `token` gives the bearer token for each request."""

    def __init__(self, token: Callable[[], str], api_url: str = DEFAULT_API_URL, *, page_size: int = 1000,
                 timeout: float = 60.0, retries: int = 3, backoff: float = 1.0, sleep: Callable[[float], None] | None = None):
        import httpx

        self.token, self.api = token, api_url.rstrip("/") + "/drive/v3"
        self.page_size, self.timeout, self.retries, self.backoff, self.sleep = page_size, timeout, retries, backoff, sleep
        self.http = httpx.Client()  # one connection kept open for every request of a tick

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> DriveClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @classmethod
    def from_service_account(cls, credentials_file: Path, api_url: str = DEFAULT_API_URL, **options) -> DriveClient:
        return cls(service_account_token(credentials_file), api_url, **options)

    def _get(self, path: str, params: dict[str, str], max_bytes: int = 20 * 1024 * 1024, what: str = "") -> bytes:
        try:
            return fetch.get(f"{self.api}/{path}", headers={"Authorization": f"Bearer {self.token()}"},
                             params={"supportsAllDrives": "true", **params}, timeout=self.timeout, max_bytes=max_bytes,
                             retries=self.retries, backoff=self.backoff, sleep=self.sleep, client=self.http).body
        except fetch.TooLarge as exc:
            raise TooLarge(f"{what} is larger than {max_bytes // (1024 * 1024)} MB; not downloaded") from exc
        except fetch.FetchError as exc:
            if exc.status == 404:
                raise DriveError(f"{what} was not found: check its id and share it with the service account") from exc
            if exc.status == 403 and _reasons(exc.detail) & RATE_LIMITS:  # Drive answers its rate limits with 403
                raise RateLimited(f"{what}: Drive's rate limit was reached; the rest waits for the next tick") from exc
            if exc.status in (401, 403):
                raise DriveError(f"{what}: Drive refused access (HTTP {exc.status}); share it with the service account "
                                 "and enable the Drive API for its project") from exc
            raise DriveError(f"{what}: {exc}") from exc

    def _json(self, path: str, params: dict[str, str], what: str) -> dict:
        body = self._get(path, params, what=what)
        try:
            return json.loads(body)
        except ValueError as exc:
            raise DriveError(f"{what}: Drive answered something that is not JSON ({body[:80]!r})") from exc

    def files(self, folder_id: str) -> Iterator[DriveFile]:
        """Every document in a folder and, depth first, its sub-folders; trashed files and shortcuts left out."""
        root = self._json(f"files/{folder_id}", {"fields": "id, name, mimeType"}, what=f"folder {folder_id}")
        if root.get("mimeType") != FOLDER:
            raise DriveError(f"folder {folder_id} is a file ({root.get('name')!r}, {root.get('mimeType')}), not a folder")
        pending, visited = [(folder_id, "")], {folder_id}
        while pending:
            current, where = pending.pop()
            token = ""
            while True:
                params = {"q": f"'{current}' in parents and trashed = false", "pageSize": str(self.page_size),
                          "fields": f"nextPageToken, files({FILE_FIELDS})", "includeItemsFromAllDrives": "true",
                          "orderBy": "folder, name"}
                if token:
                    params["pageToken"] = token
                page = self._json("files", params, what=f"folder {where or folder_id}")
                for item in page.get("files", []):
                    mime = item.get("mimeType", "")
                    if mime == FOLDER:
                        if item["id"] not in visited:  # a folder can sit in two parents
                            visited.add(item["id"])
                            pending.append((item["id"], f"{where}/{item['name']}".lstrip("/")))
                    elif mime not in NOT_DOCUMENTS:
                        yield DriveFile(
                            id=item["id"], name=item.get("name", item["id"]), mime_type=mime, folder=where,
                            version=item.get("md5Checksum") or f"v{item.get('version', '')}@{item.get('modifiedTime', '')}",
                            size=int(item["size"]) if item.get("size") else None,
                            link=item.get("webViewLink") or f"https://drive.google.com/file/d/{item['id']}/view",
                        )
                token = page.get("nextPageToken", "")
                if not token:
                    break

    def download(self, file: DriveFile, max_bytes: int) -> bytes:
        """The file's bytes, or its export for Google-native files; DriveError when larger than `max_bytes`."""
        what = f"file {file.name!r} ({file.id})"
        if file.size is not None and file.size > max_bytes:
            raise TooLarge(f"{what} is {file.size / 2 ** 20:.0f} MB, larger than {max_bytes // (1024 * 1024)} MB; not downloaded")
        if file.export:
            return self._get(f"files/{file.id}/export", {"mimeType": file.export}, max_bytes, what)
        return self._get(f"files/{file.id}", {"alt": "media"}, max_bytes, what)
