"""Where files and tables live: the content-addressed document store, quarantine, warehouse and serving file."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from jobfit import store
from resources.settings import DataLayout, Settings


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
        target = self.document_path(sha256)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".partial")
            shutil.copyfile(source, partial)
            partial.replace(target)
        return target

    def keep_bytes(self, data: bytes) -> tuple[str, Path]:
        """Store downloaded bytes (once) under their sha256; returns the sha256 and the stored path."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.document_path(sha256)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(f".{os.getpid()}.partial")
            partial.write_bytes(data)
            partial.replace(target)
        return sha256, target

    def quarantine(self, sha256: str, reason: str, message: str) -> Path:
        """Keep a rejected original beside a note of why; the stored original stays too."""
        folder = self.layout.quarantine_dir
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / sha256
        if not target.exists():
            shutil.copyfile(self.document_path(sha256), target)
        (folder / f"{sha256}.reason.txt").write_text(f"{reason}: {message}\n")
        return target

    @contextmanager
    def warehouse(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with store.warehouse(self.layout.warehouse_path) as connection:
            yield connection
