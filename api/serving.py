"""Read-only access to the serving snapshot; never the warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb


class SnapshotMissing(Exception):
    pass


class ServingStore:
    """Each query opens the current snapshot read-only, so an atomic swap is picked up at once."""

    def __init__(self, path: Path):
        self.path = path

    def query(self, sql: str, params: list | None = None) -> list[dict]:
        if not self.path.exists():
            raise SnapshotMissing(f"no serving snapshot at {self.path} yet: materialize `serving_snapshot` (make run does)")
        connection = duckdb.connect(str(self.path), read_only=True)
        try:
            cursor = connection.execute(sql, params or [])
            columns = [d[0] for d in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        finally:
            connection.close()
