"""PDF text in reading order: columns and sidebars, running headers and footers, OCR for scanned pages."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from itertools import pairwise

from jobfit.documents import DocumentText, LayoutLine, Limits, UnsupportedDocument, document_date
from jobfit.documents.ocr import ocr_pages

OCR_DPI = 150
MIN_TEXT_CHARS = 30  # fewer characters than this on a page with an image: the page is a scan
EDGE_BAND = 0.08  # top and bottom share of a page where running headers and footers live
Placed = list[tuple[LayoutLine, float]]  # a page's lines with their right edges


def _page_image(page) -> bytes:
    """The page rendered for OCR: grey, at OCR_DPI (grey is what tesseract reads anyway, and smaller)."""
    import pymupdf

    return page.get_pixmap(dpi=OCR_DPI, colorspace=pymupdf.csGRAY).tobytes("png")


# images MuPDF does not open, decoded by Pillow (HEIC through pillow-heif) into a PNG
_DECODED_FIRST = ("webp", "heic")
# the most pixels an image to read may have: a 48-megapixel phone photo, twice over (Pillow's own bomb limit is 179M)
MAX_IMAGE_PIXELS = 100_000_000


def _decoded(data: bytes, kind: str) -> bytes:
    """The image as a grey PNG, turned upright as its EXIF orientation says (a phone stores a photo as its sensor saw it)."""
    import io

    from PIL import Image, ImageOps

    if kind == "heic":
        import pillow_heif

        pillow_heif.register_heif_opener()
    try:
        image = Image.open(io.BytesIO(data))
        size = f"{image.width:,} × {image.height:,} pixels"
    except Image.DecompressionBombError:  # (Pillow's own limit, beyond ours)
        image, size = None, "beyond Pillow's limit"
    if image is None or image.width * image.height > MAX_IMAGE_PIXELS:
        raise UnsupportedDocument("too_large", f"the image is {size}, more than the {MAX_IMAGE_PIXELS:,} pixels an image "
                                               "may have: send a smaller one")
    with image:
        upright = ImageOps.exif_transpose(image).convert("L")
    out = io.BytesIO()
    upright.save(out, "PNG")
    return out.getvalue()


def _quiet() -> None:
    """MuPDF prints what it finds wrong with a file to standard output, where it would break `jobfit parse --jsonl`
    and flood a run's log: it is kept instead, and `_damage` says it once per document."""
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    pymupdf.TOOLS.reset_mupdf_warnings()


def _open(data: bytes):
    import pymupdf

    _quiet()
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises FileDataError and friends
        raise UnsupportedDocument("corrupt", f"the PDF could not be opened ({exc}): ask for a fresh copy") from exc
    if doc.needs_pass:
        doc.close()
        raise UnsupportedDocument("encrypted", "encrypted PDF: ask the sender for an unlocked copy")
    return doc


def _damage() -> str | None:
    """What MuPDF found wrong with the file just read (a truncated download, a broken cross-reference table), or None.
    It reads what it can of such a file: the text may lack whole parts."""
    import pymupdf

    found = list(dict.fromkeys(line.strip() for line in pymupdf.TOOLS.mupdf_warnings(reset=True).splitlines()
                               if line.strip() and not line.startswith("...")))
    if not found:
        return None
    more = f", and {len(found) - 1} more {'problem' if len(found) == 2 else 'problems'}" if len(found) > 1 else ""
    return f"the file is damaged ({found[0]}{more})"


def _page_lines(page, number: int) -> Placed:
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


def _by_position(group: list[LayoutLine]) -> list[LayoutLine]:
    return sorted(group, key=lambda line: (round(line.y), line.x))


def _reading_order(placed: Placed, width: float) -> list[LayoutLine]:
    """Top to bottom, except that two columns (or a sidebar) are read one after the other, and so are columns
    that only part of the page sets side by side (between lines that run across the page)."""
    lines = [line for line, _ in placed]
    if len(lines) < 8:
        return _by_position(lines)
    best = None
    for gutter in [width * f / 100 for f in range(20, 81, 2)]:
        crossing = [line for line, x1 in placed if line.x < gutter < x1]
        left = [line for line, x1 in placed if x1 <= gutter]
        right_placed = [item for item in placed if item[0].x >= gutter]
        right = [line for line, _ in right_placed]
        if len(left) < 4 or len(right) < 4:
            continue
        top = min(min(line.y for line in left), min(line.y for line in right))
        bottom = max(max(line.y for line in left), max(line.y for line in right))
        inside = [line for line in crossing if top < line.y < bottom]
        # both sides must run down the page side by side, not be a header above a body
        overlap = min(max(line.y for line in left), max(line.y for line in right)) - max(
            min(line.y for line in left), min(line.y for line in right)
        )
        if inside or overlap < 0.3 * (bottom - top) or not _left_aligned(right_placed):
            continue
        score = (min(len(left), len(right)), -len(crossing))  # balanced sides, then the fewest full-width lines
        if best is None or score > best[0]:
            best = (score, left, right, crossing)
    if best is None:
        return _banded(placed, _heading_size(lines))
    _, left, right, crossing = best
    body_top = min(line.y for line in left + right)
    above = [line for line in crossing if line.y <= body_top]
    below = [line for line in crossing if line.y > body_top]
    return _by_position(above) + _by_position(left) + _by_position(right) + _by_position(below)


BAND_MIN_LINES = 3  # lines each column of a band needs: a title and its date on two rows are no columns


def _heading_size(lines: list[LayoutLine]) -> float:
    sizes = sorted(line.size or 0.0 for line in lines)
    return 1.3 * sizes[len(sizes) // 2] if sizes else float("inf")


def _banded(placed: Placed, heading: float, depth: int = 0) -> list[LayoutLine]:
    """Columns set side by side between lines that run across them (a two-column list of highlights under a
    one-column summary; a row of three schools, then three jobs, under full-width headings): each run of lines
    between such lines is read a column at a time when both sides of one gutter hold a column, the right one
    again split when it holds two. Top to bottom where no gutter finds columns."""
    lines = [line for line, _ in placed]
    if len(placed) < 2 * BAND_MIN_LINES or depth > 3:
        return _by_position(lines)
    ordered = sorted(placed, key=lambda item: (round(item[0].y), item[0].x))
    left_edge, right_edge = min(line.x for line in lines), max(x1 for _, x1 in placed)
    best = None
    span = right_edge - left_edge
    # a gutter just left of where some line starts: columns set close together leave no wider gap
    starts = sorted({round(line.x, 1) for line in lines if left_edge + 0.15 * span < line.x < right_edge - 0.15 * span})
    for gutter in (x - 0.5 for x in starts):
        runs: list[Placed] = [[]]
        for item in ordered:
            if item[0].x < gutter < item[1]:
                runs += [[item], []]  # a line across the gutter is a run of its own
            else:
                runs[-1].append(item)
        columns = [_columns(run, gutter, heading) if len(run) > 1 else None for run in runs]
        found = sum(len(run) for run, cols in zip(runs, columns, strict=True) if cols)
        if found and (best is None or found > best[0]):
            best = (found, runs, columns)
    if best is None:
        return _by_position(lines)
    _, runs, columns = best
    out: list[LayoutLine] = []
    for run, cols in zip(runs, columns, strict=True):
        if cols is None:
            out += _by_position([line for line, _ in run])
            continue
        left, right, after = cols
        out += _banded(left, heading, depth + 1) + _banded(right, heading, depth + 1)
        out += _by_position([line for line, _ in after])
    return out


def _left_aligned(column: Placed) -> bool:
    """A column of text starts its lines at one edge; dates and places set flush right beside titles end them at one."""
    starts = Counter(round(line.x) // 3 for line, _ in column)
    ends = Counter(round(x1) // 3 for _, x1 in column)
    return starts.most_common(1)[0][1] >= ends.most_common(1)[0][1]


def _columns(run: Placed, gutter: float, heading: float) -> tuple[Placed, Placed, Placed] | None:
    """(left, right, after) when the run's lines left and right of the gutter are two columns side by side:
    each of at least BAND_MIN_LINES rows, beside each other for most of their height, the right one aligned
    on its left edge (a right-aligned column of dates and places beside titles is no column) and the left one
    no column of labels ('Databases:' beside 'MySQL, MongoDB'). What the longer column holds below the shorter
    one's end stays in it while it goes on as that column does (same left edge, no wider gap, no heading);
    from there on the lines are `after`, read once both columns are: 'Experience' under a list of highlights."""
    left = sorted((item for item in run if item[1] <= gutter), key=lambda item: item[0].y)
    right = sorted((item for item in run if item[0].x >= gutter), key=lambda item: item[0].y)
    for side in (left, right):
        if len({round(item[0].y) // 4 for item in side}) < BAND_MIN_LINES:
            return None
    tops = [side[0][0].y for side in (left, right)]
    bottoms = [side[-1][0].y for side in (left, right)]
    if min(bottoms) - max(tops) < 0.5 * min(b - t for b, t in zip(bottoms, tops, strict=True)):
        return None
    if not _left_aligned(right):
        return None
    if sum(item[0].text.rstrip().endswith(":") for item in left) * 2 >= len(left):
        return None
    shorter_end = min(bottoms)
    longer = left if bottoms[0] > bottoms[1] else right
    core = [item for item in longer if item[0].y <= shorter_end]
    edges = {round(item[0].x) for item in core if item[0].y >= max(tops)}  # not a heading above both columns
    gaps = sorted(b[0].y - a[0].y for a, b in pairwise(core) if b[0].y - a[0].y > 2)
    pitch = gaps[len(gaps) // 2] if gaps else 0.0
    previous, cut = core[-1][0].y, None
    for item in longer[len(core):]:
        line = item[0]
        if (line.size or 0) >= heading or line.y - previous > 1.5 * pitch or all(abs(line.x - e) > 1.5 for e in edges):
            cut = line.y
            break
        previous = line.y
    if cut is None:
        return left, right, []
    return ([item for item in left if item[0].y < cut], [item for item in right if item[0].y < cut],
            [item for item in run if item[0].y >= cut])


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


def pdf_text(data: bytes, limits: Limits, ocr: bool = True) -> DocumentText:
    """The PDF's text, a scanned page's through OCR (none without `ocr`: its text is left out)."""
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
                if ocr:
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
        date=document_date(metadata.get("modDate") or metadata.get("creationDate")), damage=_damage(),
    )


def image_text(data: bytes, kind: str, limits: Limits) -> DocumentText:
    """A photographed or scanned resume (PNG, JPEG, TIFF, GIF, BMP, WebP, HEIC), page by page through OCR. MuPDF opens
    most; a WebP (saved from a browser or a chat) and a HEIC (an iPhone's photo) are decoded by Pillow first."""
    import pymupdf

    _quiet()
    try:
        decoded = _decoded(data, kind) if kind in _DECODED_FIRST else data
        doc = pymupdf.open(stream=decoded, filetype="png" if kind in _DECODED_FIRST else kind)
    except UnsupportedDocument:
        raise
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
        ocr_confidence=round(sum(confidences) / len(confidences), 1) if confidences else None, damage=_damage(),
    )
