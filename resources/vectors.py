"""LanceDB, where profile and posting vectors live."""

from __future__ import annotations

import dagster as dg

from jobfit.vectors import VectorStore
from resources.settings import Settings


class VectorsResource(dg.ConfigurableResource):
    lancedb_dir: str

    @classmethod
    def from_settings(cls, settings: Settings) -> VectorsResource:
        return cls(lancedb_dir=str(settings.layout.lancedb_dir))

    def store(self) -> VectorStore:
        return VectorStore(self.lancedb_dir)
