"""1,000 resumes dropped into the inbox at once, on the embedded default (issue 3 figure). Run by hand:

    python benchmarks/bulk_inbox.py [--files 1000]

Bootstraps a fresh data dir and Dagster home, starts `dagster dev` (webserver + daemon) as `make run`
does, writes the files (PDF, DOCX and text made from the samples with new names), and reports the
wall time until every document's `profiles` partition is materialized, and until the API's
snapshot lists them all (vectors, matches and the snapshot included).
"""

import argparse
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_files(folder: Path, count: int) -> None:
    import docx
    import pymupdf

    base = (ROOT / "samples" / "inbox" / "acme" / "priya_raman.txt").read_text()
    for n in range(count):
        letters = "".join(chr(ord("a") + int(d)) for d in str(n)).capitalize()  # names are words, not numbers
        text = base.replace("Priya Raman", f"Person {letters}").replace("priya.raman", f"person{n}")
        target = folder / ("acme" if n % 2 else "globex")
        kind = n % 3
        if kind == 0:
            (target / f"r{n}.txt").write_text(text)
        elif kind == 1:
            doc = pymupdf.open()
            page = doc.new_page()
            for i, line in enumerate(text.split("\n")):
                page.insert_text((56, 56 + 14 * i), line, fontsize=10)
            doc.save(target / f"r{n}.pdf")
        else:
            document = docx.Document()
            for line in text.split("\n"):
                document.add_paragraph(line)
            buffer = io.BytesIO()
            document.save(buffer)
            (target / f"r{n}.docx").write_bytes(buffer.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jobfit-bulk-"))
    home, data = work / "home", work / "data"
    home.mkdir()
    shutil.copyfile(ROOT / "dagster.yaml", home / "dagster.yaml")
    env = {**os.environ, "DAGSTER_HOME": str(home), "JOBFIT_DATA_DIR": str(data), "HF_HUB_OFFLINE": "1"}
    bin_dir = Path(sys.executable).parent
    subprocess.run([sys.executable, "-m", "pipelines.bootstrap"], cwd=ROOT, env=env, check=True, capture_output=True)
    staging = work / "staging"
    for tenant in ("acme", "globex"):
        (staging / tenant).mkdir(parents=True)
    make_files(staging, args.files)
    log = open(work / "dagster.log", "wb")
    server = subprocess.Popen([str(bin_dir / "dagster"), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", "3917"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        time.sleep(25)  # let the daemon start its loops
        os.environ["DAGSTER_HOME"] = str(home)
        import dagster as dg

        instance = dg.DagsterInstance.get()
        before = len(instance.get_materialized_partitions(dg.AssetKey("profiles")))
        started = time.monotonic()
        for tenant in ("acme", "globex"):
            for path in (staging / tenant).iterdir():
                os.replace(path, data / "inbox" / tenant / path.name)
        profiles_done = None
        while time.monotonic() - started < 1800:
            done = len(instance.get_materialized_partitions(dg.AssetKey("profiles"))) - before
            if profiles_done is None and done >= args.files:
                profiles_done = time.monotonic() - started
                print(f"all {args.files} profiles materialized after {profiles_done:.0f} s", flush=True)
            if profiles_done is not None and (data / "serving.duckdb").exists():
                import duckdb

                with duckdb.connect(str(data / "serving.duckdb"), read_only=True) as con:
                    served = con.execute("SELECT count(*) FROM profiles WHERE email LIKE 'person%@example.com'").fetchone()[0]
                if served >= args.files:
                    print(f"all {args.files} in the API's snapshot (with vectors and matches) after {time.monotonic() - started:.0f} s")
                    break
            time.sleep(2)
        runs = instance.get_runs()
        print(f"runs launched: {len(runs)}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:  # a run still going: the benchmark's data is thrown away anyway
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
