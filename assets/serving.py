"""The serving snapshot: what the API reads, rebuilt from the warehouse and swapped in atomically."""

import dagster as dg

from jobfit.store import build_serving_snapshot
from pipelines.automation import on_upstream_change
from resources.storage import WAREHOUSE_POOL, StorageResource


@dg.asset(
    deps=["profiles", "profile_withdrawals", "document_text", "job_postings", "matches", "digests", "skill_taxonomy"],
    group_name="serving",
    kinds={"duckdb"},
    pool=WAREHOUSE_POOL,
    automation_condition=on_upstream_change,
    description="data/serving.duckdb: every result table the API serves, brought up to date in a copy (only changed "
    "rows are written) and swapped in with one atomic rename.",
)
def serving_snapshot(storage: StorageResource) -> dg.MaterializeResult:
    counts = build_serving_snapshot(storage.layout.warehouse_path, storage.layout.serving_path)
    return dg.MaterializeResult(
        metadata={**{f"rows_{table}": rows for table, (rows, _) in counts.items()},
                  "rows_changed": sum(changed for _, changed in counts.values()), "path": str(storage.layout.serving_path)}
    )
