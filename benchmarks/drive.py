"""What a Drive sensor tick costs as a watched folder grows, against the Drive API emulator on 127.0.0.1. Run by hand:

    python benchmarks/drive.py [--files 1000,5000] [--repeat 3]

For each size: a folder with ten sub-folders holding that many small resumes (text). Reports the ticks until every
file is in (each lists everything, downloads new files into the document store up to JOBFIT_INBOX_FILES_PER_TICK,
and requests the runs) and then a tick with nothing changed (lists everything, downloads nothing), medians of the
repeats, with the number of API requests each made. The emulator
answers from memory, so these are jobfit's own costs; on Google's servers each request adds its round trip.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def one_size(count: int) -> dict:
    import dagster as dg

    from resources.drive import DriveResource
    from resources.storage import StorageResource
    from sensors.drive import drive_sensor
    from tests.services import DriveEmulator

    base = (ROOT / "samples" / "inbox" / "acme" / "priya_raman.txt").read_text()
    with tempfile.TemporaryDirectory() as tmp, DriveEmulator() as drive:
        top = drive.folder("Resumes")
        subfolders = [drive.folder(f"batch {k}", top) for k in range(10)]
        for n in range(count):
            drive.add(f"r{n}.txt", "text/plain", base.replace("Priya Raman", f"Person {n}").encode(), subfolders[n % 10])
        (Path(tmp) / "drive.yaml").write_text(f"folders:\n  - {{id: {top}, tenant: acme}}\n")
        resources = {"storage": StorageResource(data_dir=f"{tmp}/data", inbox_dir=f"{tmp}/inbox"),
                     "drive": DriveResource(folders_file=f"{tmp}/drive.yaml", credentials_file=drive.service_account_key(tmp),
                                            api_url=drive.root)}
        with dg.instance_for_test() as instance:
            cursor, ticks, documents = None, 0, 0
            started = time.perf_counter()
            while True:  # as the daemon would: tick after tick until everything is in (each tick capped)
                result = drive_sensor(dg.build_sensor_context(instance=instance, cursor=cursor, resources=resources))
                if isinstance(result, dg.SkipReason):
                    break
                ticks += 1
                documents += sum(len(r.run_config["ops"]["documents"]["config"]["sources"]) for r in result.run_requests)
                for request in result.dynamic_partitions_requests:
                    instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
                cursor = result.cursor
            first_seconds, first_requests = time.perf_counter() - started, len(drive.requests)
            started = time.perf_counter()
            drive_sensor(dg.build_sensor_context(instance=instance, cursor=cursor, resources=resources))
            quiet_seconds = time.perf_counter() - started
    return {"first": first_seconds, "ticks": ticks, "first_requests": first_requests, "documents": documents,
            "quiet": quiet_seconds, "quiet_requests": len(drive.requests) - first_requests}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", default="1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| files | all in | ticks | documents | requests | files/s | unchanged tick | requests |")
    print("|---|---|---|---|---|---|---|---|")
    for count in (int(x) for x in args.files.split(",")):
        runs = [one_size(count) for _ in range(args.repeat)]
        first, quiet = statistics.median(r["first"] for r in runs), statistics.median(r["quiet"] for r in runs)
        print(f"| {count} | {first:.2f} s | {runs[0]['ticks']} | {runs[0]['documents']} | {runs[0]['first_requests']} "
              f"| {runs[0]['documents'] / first:.0f} "
              f"| {quiet:.2f} s | {runs[0]['quiet_requests']} |", flush=True)


if __name__ == "__main__":
    main()
