"""Every stored document parsed again, as automation does after a new parser or taxonomy, or read and parsed again,
as it does after new readers (--readers). Run by hand:

    python benchmarks/reparse.py [--documents 2000] [--repeat 3] [--readers]

Stores the documents first (text, PDF and DOCX resumes made from a sample with new names, ingested in the
inbox sensor's batches), then times one `profiles` run (with --readers, one `document_text` + `profiles` run) over all
their partitions, in a process of its own so that its peak memory is the run's: wall time, documents a second, peak RSS.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def store(work: Path, count: int) -> None:
    import dagster as dg

    from benchmarks.bulk_inbox import make_files
    from jobfit.documents import sha256_file
    from pipelines.bootstrap import seed
    from pipelines.definitions import ALL_ASSETS, build_resources
    from pipelines.partitions import document_partitions
    from resources.settings import Settings
    from sensors.arrivals import Arrival, ingest_requests
    from sensors.inbox import scan_inbox

    settings = Settings(data_dir=work / "data", inbox_dir=work / "data" / "inbox", feeds_file=work / "data" / "feeds.yaml",
                        api_keys_file=work / "data" / "api_keys.yaml")
    seed(settings)
    (work / "home").mkdir()
    for tenant in ("acme", "globex"):
        (settings.inbox_dir / tenant).mkdir(parents=True, exist_ok=True)
    make_files(settings.inbox_dir, count)
    resources = build_resources(settings)
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    with dg.DagsterInstance.local_temp(str(work / "home")) as instance:
        dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=resources, run_config=quiet)
        arrivals = {}
        for tenant, path in scan_inbox(settings.inbox_dir):
            sha256 = sha256_file(path)
            arrivals.setdefault(sha256, Arrival(sha256, str(path), tenant))
        instance.add_dynamic_partitions(document_partitions.name, list(arrivals))
        for request in ingest_requests(list(arrivals.values()), settings.inbox_batch_size):
            assert dg.materialize(ALL_ASSETS, selection=["documents", "document_text", "profiles"], instance=instance,
                                  resources=resources, tags=request.tags, run_config={**quiet, **request.run_config}).success
    (work / "settings.json").write_text(json.dumps({"data_dir": str(settings.data_dir)}))


def reparse(work: Path, selection: list[str]) -> None:
    """In a process of its own: one run of `selection` over every stored document."""
    import dagster as dg
    from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

    from pipelines.definitions import ALL_ASSETS, build_resources
    from pipelines.partitions import document_partitions
    from resources.settings import Settings

    data = Path(json.loads((work / "settings.json").read_text())["data_dir"])
    settings = Settings(data_dir=data, inbox_dir=data / "inbox", feeds_file=data / "feeds.yaml", api_keys_file=data / "api_keys.yaml")
    resources = build_resources(settings)
    with dg.DagsterInstance.local_temp(str(work / "home")) as instance:
        keys = instance.get_dynamic_partitions(document_partitions.name)
        started = time.perf_counter()
        result = dg.materialize(ALL_ASSETS, selection=selection, instance=instance, resources=resources,
                                tags={ASSET_PARTITION_RANGE_START_TAG: keys[0], ASSET_PARTITION_RANGE_END_TAG: keys[-1]},
                                run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}})
        seconds = time.perf_counter() - started
    assert result.success
    print(json.dumps({"documents": len(keys), "seconds": round(seconds, 1),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--readers", action="store_true", help="read every original again too, as new readers do")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    selection = ["document_text", "profiles"] if args.readers else ["profiles"]
    if args.child:
        reparse(Path(args.child), selection)
        return
    work = Path(tempfile.mkdtemp(prefix="jobfit-reparse-"))
    try:
        started = time.perf_counter()
        store(work, args.documents)
        print(f"stored and parsed {args.documents} documents in {time.perf_counter() - started:.0f} s", flush=True)
        env = {**os.environ, "HF_HUB_OFFLINE": "1"}
        runs = []
        for _ in range(args.repeat):
            out = subprocess.run([sys.executable, __file__, "--child", str(work), *(["--readers"] if args.readers else [])], env=env, check=True,
                                 capture_output=True, text=True).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
            print(runs[-1], flush=True)
        median = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
        print(f"{' + '.join(selection)}: median of {len(runs)}: {median['seconds']} s for {median['documents']} documents "
              f"({median['documents'] / median['seconds']:.1f} a second), peak RSS {median['peak_rss_mb']} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
