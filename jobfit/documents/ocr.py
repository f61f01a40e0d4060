"""OCR with tesseract: image bytes in, lines with positions and a mean word confidence out."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

from jobfit.documents import LayoutLine, UnsupportedDocument


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def ocr_image(image: bytes, page: int = 1, dpi: int = 150, language: str = "eng") -> tuple[list[LayoutLine], float | None]:
    """Lines of text tesseract reads in an image (PNG, JPEG, TIFF), and their mean word confidence (0-100)."""
    if not tesseract_available():
        raise UnsupportedDocument(
            "ocr_unavailable", "this document is a scan and tesseract is not installed (apt-get install tesseract-ocr)"
        )
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "--dpi", str(dpi), "-l", language, "--psm", "3", "tsv"],
            input=image, capture_output=True, timeout=120, check=True,
            # tesseract's own OpenMP threads make it 6x slower on a 2-core machine; pages run in parallel instead
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except subprocess.TimeoutExpired as exc:
        raise UnsupportedDocument("ocr_failed", "reading the scan took over two minutes: send a PDF with a text layer") from exc
    except subprocess.CalledProcessError as exc:
        raise UnsupportedDocument("ocr_failed", f"the scan could not be read ({exc.stderr.decode(errors='replace')[:200]})") from exc
    scale = 72.0 / dpi
    lines: dict[tuple, dict] = {}
    confidences = []
    for row in csv.DictReader(io.StringIO(done.stdout.decode("utf-8", errors="replace")), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        if not word or row.get("conf") in (None, "-1"):
            continue
        confidences.append(float(row["conf"]))
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        line = lines.setdefault(key, {"words": [], "left": int(row["left"]), "top": int(row["top"])})
        line["words"].append(word)
    ordered = sorted(lines.values(), key=lambda line: (line["top"], line["left"]))
    layout = [
        # no font size: a word box's height is a capital's, an ascender's or a descender's, not the type's size
        LayoutLine(text=" ".join(line["words"]), page=page, x=line["left"] * scale, y=line["top"] * scale)
        for line in ordered
    ]
    return layout, (sum(confidences) / len(confidences) if confidences else None)


def ocr_pages(images: dict[int, bytes], dpi: int) -> dict[int, tuple[list[LayoutLine], float | None]]:
    """OCR of several page images at once, one tesseract process per core."""
    if not images:
        return {}
    with ThreadPoolExecutor(max_workers=min(len(images), os.cpu_count() or 1)) as pool:
        futures = {page: pool.submit(ocr_image, image, page, dpi) for page, image in images.items()}
        return {page: future.result() for page, future in futures.items()}
