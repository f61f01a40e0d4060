"""What the hourly feed run costs when the feeds serve what they served an hour ago. Run by hand, never by the tests:

    python benchmarks/hourly_jobs.py FEED_FILE_OR_DIR... [--repeat 3]

Every feed file becomes one feed of a fresh data directory. The day's partition of job_postings_raw and job_postings
is materialized once (the first fetch: everything analyzed), then again the same day (the next hourly run) and for
the previous day (a posting a feed still lists the next day); each is timed over `--repeat` fresh directories and
the median printed, with how many postings each run analyzed and how many job_postings rows changed.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import dagster as dg  # noqa: E402
import duckdb  # noqa: E402

from pipelines.definitions import ALL_ASSETS, build_resources  # noqa: E402
from resources.settings import Settings  # noqa: E402

RUNS = ("first fetch", "same day, an hour later", "next day, same feeds")


def _rows(settings: Settings) -> set[tuple]:
    with duckdb.connect(str(settings.layout.warehouse_path), read_only=True) as con:
        return set(con.execute("SELECT id, posting_json FROM job_postings").fetchall())


def one_pass(files: list[Path]) -> list[tuple[float, int | None, int]]:
    data = Path(tempfile.mkdtemp(prefix="hourly-jobs-")) / "data"
    data.mkdir(parents=True)
    (data / "feeds.yaml").write_text("feeds:\n" + "".join(f"  - name: f{n}\n    url: {f.resolve()}\n" for n, f in enumerate(files)))
    settings = Settings(data_dir=data, inbox_dir=data / "inbox", feeds_file=data / "feeds.yaml",
                        api_keys_file=data / "api_keys.yaml")
    instance, resources = dg.DagsterInstance.ephemeral(), build_resources(settings)
    quiet = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}
    dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=resources, run_config=quiet)
    today = date.today()
    out = []
    for day in (today, today, today - timedelta(days=1)):
        before = _rows(settings) if out else set()
        started = time.perf_counter()
        dg.materialize(ALL_ASSETS, selection=["job_postings_raw", "job_postings"], instance=instance, resources=resources,
                       partition_key=day.isoformat(), run_config=quiet)
        seconds = time.perf_counter() - started
        meta = instance.get_latest_materialization_event(dg.AssetKey("job_postings")).asset_materialization.metadata
        analyzed = meta["analyzed"].value if "analyzed" in meta else None
        out.append((seconds, analyzed, len(_rows(settings) - before)))
    shutil.rmtree(data.parent)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(f for p in map(Path, args.paths) for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())
    passes = [one_pass(files) for _ in range(args.repeat)]
    print(f"{len(files)} feeds, median of {args.repeat} passes")
    print(f"{'run':28} {'seconds':>8} {'analyzed':>9} {'rows changed':>13}")
    for k, name in enumerate(RUNS):
        seconds = statistics.median(p[k][0] for p in passes)
        analyzed, changed = passes[0][k][1], passes[0][k][2]
        print(f"{name:28} {seconds:8.2f} {'-' if analyzed is None else analyzed:>9} {changed:>13}")


if __name__ == "__main__":
    main()
