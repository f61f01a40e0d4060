"""What Dagster's own bookkeeping costs a run over many document partitions, with an asset that does nothing: the
floor under every whole-store run (new readers, a new parser) and every large ingest. Run by hand:

    python benchmarks/partition_overhead.py [--partitions 1000,2000] [--repeat 3] [--postgres]

Dagster writes a planned and a materialization event for each partition of each asset in a run. The instance is
SQLite in a temporary folder (the embedded default), or with --postgres a throwaway PostgreSQL server on 127.0.0.1
configured as README.md tells operators to (the tests' fixture; needs the postgresql Debian package).
"""

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import dagster as dg  # noqa: E402
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG  # noqa: E402

PARTITIONS = dg.DynamicPartitionsDefinition(name="documents")
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


@dg.asset(partitions_def=PARTITIONS, backfill_policy=dg.BackfillPolicy.single_run())
def nothing(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    return dg.MaterializeResult()


@contextlib.contextmanager
def instance(postgres: bool):
    home = Path(tempfile.mkdtemp(prefix="jobfit-overhead-"))
    if not postgres:
        with dg.DagsterInstance.local_temp(str(home)) as local:
            yield local
        return
    from tests.services import postgres_server
    from tests.test_postgres_instance import readme_postgres_block

    with postgres_server() as pg:
        os.environ.update({"DAGSTER_PG_HOST": pg.host, "DAGSTER_PG_PORT": str(pg.port), "DAGSTER_PG_USER": pg.user,
                           "DAGSTER_PG_PASSWORD": pg.password, "DAGSTER_PG_DB": "postgres"})
        (home / "dagster.yaml").write_text((ROOT / "dagster.yaml").read_text() + "\n" + readme_postgres_block())
        with dg.DagsterInstance.from_config(str(home)) as configured:
            yield configured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--partitions", default="1000,2000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    with instance(args.postgres) as store:
        for count in map(int, args.partitions.split(",")):
            keys = [f"{count:06d}-{n:058x}" for n in range(count)]
            store.add_dynamic_partitions(PARTITIONS.name, keys)
            runs = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                assert dg.materialize([nothing], instance=store, run_config=QUIET,
                                      tags={ASSET_PARTITION_RANGE_START_TAG: keys[0], ASSET_PARTITION_RANGE_END_TAG: keys[-1]}).success
                runs.append(time.perf_counter() - started)
            median = statistics.median(runs)
            print(f"{'PostgreSQL' if args.postgres else 'SQLite'}: {count:,} partitions, median {median:.1f} s "
                  f"({median / count * 1000:.0f} ms a partition); runs " + ", ".join(f"{run:.1f}" for run in runs), flush=True)


if __name__ == "__main__":
    main()
