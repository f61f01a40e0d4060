"""Vectors in LanceDB: one table per side, rows keyed by id, carrying tenant and the text hash."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

from jobfit.embedding import DIMENSIONS


@dataclass
class VectorTable:
    ids: list[str]
    tenants: list[str | None]
    text_shas: list[str]
    matrix: np.ndarray  # (n, DIMENSIONS), unit length


def _schema() -> pa.Schema:
    return pa.schema(
        [
            pa.field("id", pa.string()),
            pa.field("tenant", pa.string()),
            pa.field("text_sha", pa.string()),
            pa.field("vector", pa.list_(pa.float32(), DIMENSIONS)),
        ]
    )


class VectorStore:
    def __init__(self, directory: Path):
        import lancedb

        Path(directory).mkdir(parents=True, exist_ok=True)
        self.db = lancedb.connect(str(directory))

    def _table(self, name: str):
        if name in self.db.list_tables().tables:
            return self.db.open_table(name)
        return self.db.create_table(name, schema=_schema())

    def read(self, name: str) -> VectorTable:
        arrow = self._table(name).to_arrow()
        if arrow.num_rows == 0:
            return VectorTable([], [], [], np.zeros((0, DIMENSIONS), dtype=np.float32))
        matrix = np.asarray(arrow.column("vector").combine_chunks().flatten(), dtype=np.float32).reshape(-1, DIMENSIONS)
        return VectorTable(
            arrow.column("id").to_pylist(), arrow.column("tenant").to_pylist(), arrow.column("text_sha").to_pylist(), matrix
        )

    def upsert(self, name: str, ids: list[str], tenants: list[str | None], text_shas: list[str], vectors: np.ndarray) -> None:
        if not ids:
            return
        data = pa.table(
            {
                "id": ids,
                "tenant": tenants,
                "text_sha": text_shas,
                "vector": pa.FixedSizeListArray.from_arrays(pa.array(vectors.reshape(-1), pa.float32()), DIMENSIONS),
            },
            schema=_schema(),
        )
        (
            self._table(name)
            .merge_insert("id")
            .when_matched_update_all()
            .when_not_matched_insert_all()
            .execute(data)
        )

    def delete_missing(self, name: str, keep_ids: set[str]) -> int:
        """Drop rows whose id is no longer wanted (superseded profiles, expired postings)."""
        table = self._table(name)
        current = set(table.to_arrow().column("id").to_pylist())
        gone = sorted(current - keep_ids)
        if gone:
            quoted = ", ".join("'" + i.replace("'", "''") + "'" for i in gone)
            table.delete(f"id IN ({quoted})")
        return len(gone)
