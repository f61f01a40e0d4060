"""Robustness and throughput of text extraction (issue 3 figures). Run by hand, never by the tests:

    python benchmarks/documents.py DIR [--repeat 3]

Reports, over every file below DIR: outcomes (text or quarantined, by reason), the share with usable
text (≥ 50 words), born-digital PDF pages per second, DOCX documents per second and OCR seconds per
page at 150 dpi (a page of the PDFs rendered to an image), medians over --repeat runs.
"""

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobfit.documents import UnsupportedDocument, detect_format, extract_text  # noqa: E402
from jobfit.documents.ocr import ocr_image, ocr_pages  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.is_file())
    blobs = {p: p.read_bytes() for p in files}

    outcomes, formats, usable, slowest = Counter(), Counter(), 0, []
    for path, data in blobs.items():
        formats[detect_format(data)] += 1
        started = time.perf_counter()
        try:
            result = extract_text(data)
            outcomes["text"] += 1
            usable += len(result.text.split()) >= 50
        except UnsupportedDocument as exc:
            outcomes[f"quarantined:{exc.reason}"] += 1
        except Exception as exc:  # a crash is what this benchmark exists to find
            outcomes[f"CRASH:{type(exc).__name__}"] += 1
        slowest.append((time.perf_counter() - started, path.suffix))
    print(f"files: {len(files)}  formats by content: {dict(formats)}")
    print(f"outcomes: {dict(outcomes)}")
    print(f"usable text (>= 50 words): {usable}/{len(files)} = {usable / len(files):.3f}")
    print("slowest: " + ", ".join(f"{s:.2f}s{suffix}" for s, suffix in sorted(slowest, reverse=True)[:5]))

    pdfs = [d for d in blobs.values() if detect_format(d) == "pdf"]
    docxs = [d for d in blobs.values() if detect_format(d) == "docx"]
    pdf_rates, docx_rates = [], []
    import pymupdf

    pages = sum(pymupdf.open(stream=d, filetype="pdf").page_count for d in pdfs)
    for _ in range(args.repeat):
        started = time.perf_counter()
        for data in pdfs:
            extract_text(data)
        pdf_rates.append(pages / (time.perf_counter() - started))
        started = time.perf_counter()
        for data in docxs:
            extract_text(data)
        docx_rates.append(len(docxs) / (time.perf_counter() - started))
    print(f"PDF: {pages} pages, median {statistics.median(pdf_rates):.0f} pages/s (runs: {', '.join(f'{r:.0f}' for r in pdf_rates)})")
    print(f"DOCX: {len(docxs)} documents, median {statistics.median(docx_rates):.0f} documents/s")

    images = []
    for data in pdfs[:5]:
        doc = pymupdf.open(stream=data, filetype="pdf")
        images.append(doc[0].get_pixmap(dpi=150, colorspace=pymupdf.csGRAY).tobytes("png"))
    one_at_a_time, in_parallel = [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        for image in images:
            ocr_image(image, dpi=150)
        one_at_a_time.append((time.perf_counter() - started) / len(images))
        started = time.perf_counter()
        ocr_pages(dict(enumerate(images, 1)), dpi=150)
        in_parallel.append((time.perf_counter() - started) / len(images))
    print(f"OCR at 150 dpi, {len(images)} full resume pages: median {statistics.median(one_at_a_time):.2f} s/page one at a time, "
          f"{statistics.median(in_parallel):.2f} s/page with a process per core")


if __name__ == "__main__":
    main()
