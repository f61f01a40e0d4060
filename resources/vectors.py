"""LanceDB, where profile and posting vectors live."""

from __future__ import annotations

import dagster as dg

from jobfit.vectors import VectorStore
from resources.settings import Settings


class VectorsResource(dg.ConfigurableResource):
    lancedb_dir: str
    ann_min_rows: int = 1_000_000

    @classmethod
    def from_settings(cls, settings: Settings) -> VectorsResource:
        return cls(lancedb_dir=str(settings.layout.lancedb_dir), ann_min_rows=settings.ann_min_rows)

    def store(self) -> VectorStore:
        return VectorStore(self.lancedb_dir, self.ann_min_rows)
