"""Where files and tables live: the content-addressed document store, quarantine, warehouse and serving file."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from jobfit import store
from jobfit.documents import sha256_bytes
from resources.settings import DataLayout, Settings

# The Dagster pool every asset that writes the DuckDB warehouse declares: dagster.yaml gives each pool one slot, so one
# writer at a time (DuckDB takes one writing process).
WAREHOUSE_POOL = "warehouse"


class StorageResource(dg.ConfigurableResource):
    """The embedded default: everything under one data directory (JOBFIT_DATA_DIR)."""

    data_dir: str
    inbox_dir: str

    @classmethod
    def from_settings(cls, settings: Settings) -> StorageResource:
        return cls(data_dir=str(settings.data_dir), inbox_dir=str(settings.inbox_dir))

    @property
    def layout(self) -> DataLayout:
        return DataLayout(Path(self.data_dir))

    def document_path(self, sha256: str) -> Path:
        return self.layout.documents_dir / sha256

    def keep_document(self, sha256: str, source: Path) -> Path:
        """Copy an original into the content-addressed store (once); returns the stored path."""
        return self._store_once(sha256, lambda partial: shutil.copyfile(source, partial))

    def keep_bytes(self, data: bytes) -> tuple[str, Path]:
        """Store downloaded bytes (once) under their sha256; returns the sha256 and the stored path."""
        sha256 = sha256_bytes(data)
        return sha256, self._store_once(sha256, lambda partial: partial.write_bytes(data))

    def _store_once(self, sha256: str, write: Callable[[Path], object]) -> Path:
        """The stored path of `sha256`, written by `write` into a partial file then renamed, unless already there."""
        target = self.document_path(sha256)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(f".{os.getpid()}.partial")
            write(partial)
            partial.replace(target)
        return target

    def quarantine(self, sha256: str, reason: str, message: str) -> Path:
        """Keep a rejected original beside a note of why; the stored original stays too."""
        folder = self.layout.quarantine_dir
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / sha256
        if not target.exists():
            shutil.copyfile(self.document_path(sha256), target)
        (folder / f"{sha256}.reason.txt").write_text(f"{reason}: {message}\n")
        return target

    def unquarantine(self, sha256: str) -> None:
        """Take a document that can now be read out of quarantine (its stored original stays)."""
        folder = self.layout.quarantine_dir
        for path in (folder / sha256, folder / f"{sha256}.reason.txt"):
            path.unlink(missing_ok=True)

    def erase_document(self, sha256: str) -> None:
        """Delete every copy of a document's bytes: the stored original and any quarantined copy with its note."""
        self.unquarantine(sha256)
        self.document_path(sha256).unlink(missing_ok=True)

    @contextmanager
    def warehouse(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with store.warehouse(self.layout.warehouse_path) as connection:
            yield connection
