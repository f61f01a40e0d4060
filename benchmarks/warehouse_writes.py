"""How fast rows reach the warehouse: DuckDB's executemany against `jobfit.store.insert`. Run by hand:

    python benchmarks/warehouse_writes.py [--rows 20000] [--repeat 3]

Writes `--rows` match rows (the widest table the pipeline rewrites on every run; at 10,000 profiles × 100,000
postings it holds about 250,000) into an in-memory warehouse both ways and prints the medians.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402

from jobfit.store import WAREHOUSE_SCHEMA, execute_many, insert  # noqa: E402


def rows(n: int) -> list[dict]:
    match = json.dumps({"score": 71.5, "components": {"skills": {"score": 80, "weight": 20}},
                        "reasons": ["Has 6 of the 8 skills the posting asks for: Python, SQL, dbt, Airflow, AWS, Kafka."] * 3})
    return [{"profile_id": f"p{i // 20}", "job_id": f"j{i}", "tenant": None if i % 3 else "acme", "score": 71.5,
             "match_json": match, "computed_at": "2026-12-04T08:00:00+00:00"} for i in range(n)]


def timed(write, batch: list[dict]) -> float:
    con = duckdb.connect(":memory:")
    con.execute(WAREHOUSE_SCHEMA)
    started = time.perf_counter()
    write(con, batch)
    seconds = time.perf_counter() - started
    assert con.execute("SELECT count(*) FROM matches").fetchall()[0][0] == len(batch)
    con.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    batch = rows(args.rows)
    ways = {
        "executemany": lambda con, b: execute_many(con, "INSERT INTO matches VALUES (?, ?, ?, ?, ?, ?)", [list(r.values()) for r in b]),
        "insert (Arrow)": lambda con, b: insert(con, "matches", b),
    }
    for name, write in ways.items():
        seconds = statistics.median(timed(write, batch) for _ in range(args.repeat))
        print(f"{name:16} {args.rows:>9,} rows {seconds:8.2f} s {args.rows / seconds:>12,.0f} rows/s")


if __name__ == "__main__":
    main()
