"""What the virus scan costs a batch of documents with `clamscan`: one process per document (as before) against one
process per batch (`scan_files`, as `document_text` does). Run by hand:

    python benchmarks/scan.py [--files 50] [--signatures 2000000] [--database DIR] [--repeat 3]

`clamscan` loads its whole signature database each time it starts. This machine has no ClamAV database (it would be
downloaded), so by default the benchmark writes one of random MD5 signatures (--signatures) as a stand-in whose load
time grows with its size; --database names a real one (/var/lib/clamav after freshclam). The files are resumes in text,
PDF and DOCX made from a sample, as in bulk_inbox.py.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bulk_inbox import make_files  # noqa: E402
from jobfit.documents.scan import ScanError, scan_files  # noqa: E402
from tests.services import EICAR, eicar_database  # noqa: E402


def synthetic_database(folder: Path, signatures: int) -> str:
    """The tests' EICAR signature folder, with `signatures` random MD5 signatures beside it."""
    eicar_database(folder)
    draw = random.Random(1)
    with open(folder / "synthetic.hdb", "w") as handle:
        handle.writelines(f"{draw.getrandbits(128):032x}:{draw.randint(100, 10**6)}:Synthetic-{n}\n" for n in range(signatures))
    return str(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--signatures", type=int, default=2_000_000)
    parser.add_argument("--database", help="a real ClamAV database folder instead of the synthetic one")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        for tenant in ("acme", "globex"):
            (work / "files" / tenant).mkdir(parents=True)
        make_files(work / "files", args.files - 1)
        (work / "files" / "acme" / "invoice.com").write_bytes(EICAR)
        paths = sorted(path for path in (work / "files").rglob("*") if path.is_file())
        database = args.database or synthetic_database(work / "db", args.signatures)
        print(f"{len(paths)} files, database {args.database or f'{args.signatures:,} synthetic signatures'}")
        each, batch = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            one_by_one = {path: scan_files([path], "clamscan", database)[path] for path in paths}
            each.append(time.perf_counter() - started)
            started = time.perf_counter()
            together = scan_files(paths, "clamscan", database)
            batch.append(time.perf_counter() - started)
            assert together == one_by_one, "the batch gave other verdicts than one file at a time"
            assert not any(isinstance(verdict, ScanError) for verdict in together.values())
            assert sum(verdict is not None for verdict in together.values()) == 1  # the EICAR file
        for name, runs in (("one clamscan per file", each), ("one clamscan per batch", batch)):
            median = statistics.median(runs)
            print(f"{name}: median {median:.2f} s ({median / len(paths) * 1000:.0f} ms a file); runs "
                  + ", ".join(f"{run:.2f}" for run in runs))


if __name__ == "__main__":
    main()
