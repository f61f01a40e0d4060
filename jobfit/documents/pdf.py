"""PDF text in reading order: columns and sidebars, running headers and footers, OCR for scanned pages."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from jobfit.documents import DocumentText, LayoutLine, Limits, UnsupportedDocument, document_date
from jobfit.documents.ocr import ocr_pages

OCR_DPI = 150
MIN_TEXT_CHARS = 30  # fewer characters than this on a page with an image: the page is a scan
EDGE_BAND = 0.08  # top and bottom share of a page where running headers and footers live


def _page_image(page) -> bytes:
    """The page rendered for OCR: grey, at OCR_DPI (grey is what tesseract reads anyway, and smaller)."""
    import pymupdf

    return page.get_pixmap(dpi=OCR_DPI, colorspace=pymupdf.csGRAY).tobytes("png")


def _open(data: bytes):
    import pymupdf

    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises FileDataError and friends
        raise UnsupportedDocument("corrupt", f"the PDF could not be opened ({exc}): ask for a fresh copy") from exc
    if doc.needs_pass:
        doc.close()
        raise UnsupportedDocument("encrypted", "encrypted PDF: ask the sender for an unlocked copy")
    return doc


def _page_lines(page, number: int) -> list[tuple[LayoutLine, float]]:
    """The page's lines with their right edges (for column detection), as PyMuPDF found them."""
    import pymupdf

    flags = pymupdf.TEXT_DEHYPHENATE | pymupdf.TEXT_MEDIABOX_CLIP  # ligatures expanded: no TEXT_PRESERVE_LIGATURES
    lines = []
    for block in page.get_text("dict", flags=flags)["blocks"]:
        for line in block.get("lines", []):
            spans = [span for span in line["spans"] if span["text"].strip()]
            if not spans:
                continue
            text = "".join(span["text"] for span in line["spans"]).strip()
            bold = any(span["flags"] & 16 or "bold" in span["font"].lower() for span in spans)
            x0, y0, x1, _ = line["bbox"]
            size = round(max(s["size"] for s in spans), 1)
            lines.append((LayoutLine(text=text, page=number, size=size, bold=bold, x=x0, y=y0), x1))
    return lines


def _reading_order(placed: list[tuple[LayoutLine, float]], width: float) -> list[LayoutLine]:
    """Top to bottom, except that two columns (or a sidebar) are read one after the other."""

    def by_position(group):
        return sorted(group, key=lambda line: (round(line.y), line.x))

    lines = [line for line, _ in placed]
    if len(lines) < 8:
        return by_position(lines)
    best = None
    for gutter in [width * f / 100 for f in range(20, 81, 2)]:
        crossing = [line for line, x1 in placed if line.x < gutter < x1]
        left = [line for line, x1 in placed if x1 <= gutter]
        right = [line for line, _ in placed if line.x >= gutter]
        if len(left) < 4 or len(right) < 4:
            continue
        top = min(min(line.y for line in left), min(line.y for line in right))
        bottom = max(max(line.y for line in left), max(line.y for line in right))
        inside = [line for line in crossing if top < line.y < bottom]
        # both sides must run down the page side by side, not be a header above a body
        overlap = min(max(line.y for line in left), max(line.y for line in right)) - max(
            min(line.y for line in left), min(line.y for line in right)
        )
        if inside or overlap < 0.3 * (bottom - top):
            continue
        score = (min(len(left), len(right)), -len(crossing))  # balanced sides, then the fewest full-width lines
        if best is None or score > best[0]:
            best = (score, left, right, crossing)
    if best is None:
        return by_position(lines)
    _, left, right, crossing = best
    body_top = min(line.y for line in left + right)
    above = [line for line in crossing if line.y <= body_top]
    below = [line for line in crossing if line.y > body_top]
    return by_position(above) + by_position(left) + by_position(right) + by_position(below)


_BROKEN_WORD = re.compile(r"[A-Za-z]{2}-$")


def _dehyphenate(lines: list[LayoutLine]) -> list[LayoutLine]:
    """Join a word hyphenated across lines ("devel-" / "opment") when the next line goes on in lower case."""
    joined: list[LayoutLine] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if previous and _BROKEN_WORD.search(previous.text) and line.text[:1].islower() and line.page == previous.page:
            head, _, tail = line.text.partition(" ")
            joined[-1] = dataclasses.replace(previous, text=previous.text[:-1] + head)
            if tail:
                joined.append(dataclasses.replace(line, text=tail))
            continue
        joined.append(line)
    return joined


def _normalized(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def _drop_running_lines(pages: list[list[LayoutLine]], heights: list[float]) -> list[list[LayoutLine]]:
    """Lines that repeat at the top or bottom of several pages are kept once, on the first page."""
    if len(pages) < 2:
        return pages
    counts: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        edge = {_normalized(line.text) for line in lines if line.y is not None and (line.y < EDGE_BAND * height or line.y > (1 - EDGE_BAND) * height)}
        counts.update(edge)
    running = {text for text, n in counts.items() if n >= 2}
    seen: set[str] = set()
    kept_pages = []
    for lines, height in zip(pages, heights, strict=True):
        kept = []
        for line in lines:
            key = _normalized(line.text)
            at_edge = line.y is not None and (line.y < EDGE_BAND * height or line.y > (1 - EDGE_BAND) * height)
            if at_edge and key in running:
                if key in seen:
                    continue
                seen.add(key)
            kept.append(line)
        kept_pages.append(kept)
    return kept_pages


def pdf_text(data: bytes, limits: Limits) -> DocumentText:
    doc = _open(data)
    with doc:
        if doc.page_count > limits.max_pages:
            raise UnsupportedDocument(
                "too_many_pages", f"the PDF has {doc.page_count} pages, over the {limits.max_pages}-page limit for a resume"
            )
        pages, heights, scans = [], [], {}
        for number, page in enumerate(doc, 1):
            placed = _page_lines(page, number)
            if sum(len(line.text) for line, _ in placed) < MIN_TEXT_CHARS and page.get_images():
                scans[number] = _page_image(page)  # decided per page: only scanned pages are OCR'd
                pages.append([])
            else:
                pages.append(_dehyphenate(_reading_order(placed, page.rect.width)))
            heights.append(page.rect.height)
        confidences = []
        for number, (lines, confidence) in ocr_pages(scans, OCR_DPI).items():
            pages[number - 1] = lines
            if confidence is not None:
                confidences.append(confidence)
        pages = _drop_running_lines(pages, heights)
        metadata = doc.metadata or {}
    layout = [line for lines in pages for line in lines]
    text = "\n\n".join("\n".join(line.text for line in lines) for lines in pages)
    return DocumentText(
        text=text, format="pdf", pages=len(pages), layout=layout, ocr_pages=len(scans),
        ocr_confidence=round(sum(confidences) / len(confidences), 1) if confidences else None,
        date=document_date(metadata.get("modDate") or metadata.get("creationDate")),
    )


def image_text(data: bytes, kind: str, limits: Limits) -> DocumentText:
    """A photographed or scanned resume (PNG, JPEG, TIFF), page by page through OCR."""
    import pymupdf

    try:
        doc = pymupdf.open(stream=data, filetype=kind)
    except Exception as exc:
        raise UnsupportedDocument("corrupt", f"the image could not be opened ({exc}): ask for a fresh copy") from exc
    with doc:
        if doc.page_count > limits.max_pages:
            raise UnsupportedDocument("too_many_pages", f"the image has {doc.page_count} pages, over the {limits.max_pages}-page limit")
        try:
            images = {number: _page_image(page) for number, page in enumerate(doc, 1)}
        except Exception as exc:  # MuPDF decodes lazily: a damaged image fails here, not at open
            raise UnsupportedDocument("corrupt", f"the image could not be decoded ({exc}): ask for a fresh copy") from exc
        layout, confidences = [], []
        for _, (lines, confidence) in sorted(ocr_pages(images, OCR_DPI).items()):
            layout.extend(lines)
            if confidence is not None:
                confidences.append(confidence)
        pages = doc.page_count
    return DocumentText(
        text="\n".join(line.text for line in layout), format=kind, pages=pages, layout=layout, ocr_pages=pages,
        ocr_confidence=round(sum(confidences) / len(confidences), 1) if confidences else None,
    )
