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
    """Matching reads whole tables into memory and searches them exactly (faster than an ANN index below about
    a million rows, and it loses no recall); the indexes serve one-off filtered queries on large tables."""

    def __init__(self, directory: Path, ann_min_rows: int = 1_000_000):
        import lancedb

        Path(directory).mkdir(parents=True, exist_ok=True)
        self.db = lancedb.connect(str(directory))
        self.ann_min_rows = ann_min_rows

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

    def text_shas(self, name: str) -> dict[str, str]:
        """Each row's id and text hash, without reading the vectors (a tenth of the time at 100,000 rows)."""
        arrow = self._table(name).search().select(["id", "text_sha"]).limit(None).to_arrow()
        return dict(zip(arrow.column("id").to_pylist(), arrow.column("text_sha").to_pylist(), strict=True))

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
        self._index(name)

    def _index(self, name: str) -> None:
        """A bitmap index on tenant (few values, filtered on every query); an IVF_PQ index on the vectors once the
        table has `ann_min_rows` rows. Later writes are folded into both by `optimize`."""
        table = self._table(name)
        have = {tuple(index.columns) for index in table.list_indices()}
        if ("tenant",) not in have:
            table.create_scalar_index("tenant", index_type="BITMAP")
        rows = table.count_rows()
        if ("vector",) not in have and rows >= self.ann_min_rows:
            table.create_index(metric="cosine", vector_column_name="vector", index_type="IVF_PQ",
                               num_partitions=max(1, int(rows ** 0.5)), num_sub_vectors=DIMENSIONS // 8)
        elif have:
            table.optimize()

    def indexes(self, name: str) -> dict[str, str]:
        """Indexed column -> index type."""
        return {",".join(index.columns): index.index_type for index in self._table(name).list_indices()}

    def nearest(self, name: str, vector: np.ndarray, k: int, tenant: str | None) -> list[tuple[str, float]]:
        """The k rows most similar to `vector` that `tenant` may see (its own and global ones), exact filter first."""
        where = "tenant IS NULL" if tenant is None else f"tenant IS NULL OR tenant = '{tenant.replace(chr(39), chr(39) * 2)}'"
        found = (self._table(name).search(np.asarray(vector, dtype=np.float32)).distance_type("cosine")
                 .where(where, prefilter=True).refine_factor(10).limit(k).to_arrow())  # exact cosines for the PQ candidates
        return list(zip(found.column("id").to_pylist(), (1.0 - np.asarray(found.column("_distance"))).tolist(), strict=True))

    def delete(self, name: str, ids: set[str]) -> int:
        """Drop these rows (superseded profiles, expired postings)."""
        table = self._table(name)
        gone = sorted(ids)
        if gone:
            quoted = ", ".join("'" + i.replace("'", "''") + "'" for i in gone)
            table.delete(f"id IN ({quoted})")
        return len(gone)
