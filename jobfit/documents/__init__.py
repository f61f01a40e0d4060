"""Documents in: identify a file by its bytes, extract its text with layout hints, or say plainly why not.

Formats: PDF (text layer, or OCR per page), images (OCR: PNG, JPEG, TIFF, GIF, BMP, WebP, and HEIC, what an iPhone
photographs in), DOCX, ODT, DOC, RTF, HTML, plain text, JSON Resume, and the resume an email (.eml, .msg) carries.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal, get_args

from jobfit.documents.emails import TNEF_SIGNATURE, email_text, is_email, is_outlook_message
from jobfit.documents.structured import (
    current_schema,
    is_json_resume,
    json_document,
    json_resume_text,
    last_modified,
    table_shape,
)
from jobfit.text import unmarked_utf16

# The readers' version: bump it with any change that alters what `extract_text` gives for a file (its text, layout,
# kind or date, or which files it refuses). It is the `document_text` asset's code version: a deploy with a new one
# reads every stored original again, and the profiles follow. tests/test_versions.py fails when what the samples give
# changes at the same version.
READER_VERSION = "7"


# Why a document is in quarantine: stable codes (the API filters by them), each raised with a message saying what to do;
# reader_error: a reader failed on the file (a bug), kept for a retry (assets/documents.py).
QuarantineReason = Literal[
    "empty", "empty_text", "too_large", "too_many_pages", "zip_bomb", "unsupported_format", "corrupt", "encrypted",
    "not_a_resume", "ocr_failed", "ocr_unavailable", "reader_unavailable", "infected", "scan_failed", "reader_error",
]
QUARANTINE_REASONS: tuple[str, ...] = get_args(QuarantineReason)
# The reasons that say nothing of the file but of the machine reading it (the virus scanner unreachable, tesseract or
# antiword missing, a reader's bug): an operator mends those, and the file is read once its partition runs again.
SETUP_FAULTS: tuple[str, ...] = ("scan_failed", "ocr_unavailable", "reader_unavailable", "reader_error")


class UnsupportedDocument(Exception):
    """A document that cannot become resume text; `reason` is a stable code, the message says what to do."""

    def __init__(self, reason: QuarantineReason, message: str):
        if reason not in QUARANTINE_REASONS:
            raise ValueError(f"{reason!r} is not a quarantine reason (jobfit.documents.QuarantineReason)")
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class LayoutLine:
    """One line as laid out: later stages tell a heading from a bullet with these."""

    text: str
    page: int = 1
    size: float | None = None  # font size in points, where known
    bold: bool = False
    heading: bool = False  # the source marked it as a heading (a DOCX heading style, an HTML h1-h6)
    x: float | None = None  # left edge in points from the page's left
    y: float | None = None  # top edge in points from the page's top


@dataclass
class DocumentText:
    text: str
    format: str
    pages: int
    layout: list[LayoutLine] = field(default_factory=list)
    ocr_pages: int = 0
    ocr_confidence: float | None = None  # mean word confidence 0-100 over OCR'd pages
    kind: str = "resume"  # resume, cover_letter, job_posting or other
    kind_confidence: float = 0.0
    date: date | None = None  # when the document was last saved, where its metadata says (PDF, DOCX)
    damage: str | None = None  # what was wrong with a file read all the same (a truncated PDF): its text may lack parts
    json_resume: dict | None = None  # a JSON Resume's own fields, which its text writes out (jobfit.documents.structured)
    left_out: str | None = None  # what else of note the file holds that its text leaves out (an email's other resumes)

    @property
    def warning(self) -> str | None:
        """What a person should know about the text: that of a damaged file may lack parts, what else the file holds
        (None for a sound file of one resume)."""
        said = [f"{self.damage}: its text was read as far as possible and may be incomplete; ask for a fresh copy"] \
            if self.damage else []
        return "; ".join(said + ([self.left_out] if self.left_out else [])) or None


@dataclass(frozen=True)
class Limits:
    """What a document may cost us before it is refused (settings give the values)."""

    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 30
    max_unzipped_bytes: int = 100 * 1024 * 1024
    max_zip_ratio: float = 100.0


def document_date(text: str | None) -> date | None:
    """A metadata date ("D:20190312094500+05'30'", "2019-03-12T09:45:00Z") as a date, when it is a plausible one."""
    import re

    match = re.search(r"((?:19|20)\d\d)-?(\d\d)-?(\d\d)", text or "")
    if not match:
        return None
    try:
        found = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return found if date(1990, 1, 1) <= found <= date.today() else None


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


_HTML_ELEMENTS = {name.encode() for name in (
    "a address article aside b blockquote body br center dd div dl dt em font footer h1 h2 h3 h4 h5 h6 head header hr html "
    "i img li link main meta nav ol p pre section span strong style table tbody td th title tr u ul").split()}


ZIP_SIGNATURE = b"PK\x03\x04"  # a zip archive's first bytes (a DOCX, ODT, XLSX and PPTX are zips too)
_7Z_SIGNATURE = b"7z\xbc\xaf\x27\x1c"
_RAR_SIGNATURES = (b"Rar!\x1a\x07\x00", b"Rar!\x1a\x07\x01\x00")  # RAR 4, RAR 5
# archives of documents, which the inbox, Drive and `jobfit parse` unpack (`archives.archive_members`)
ARCHIVE_FORMATS = ("zip", "7z", "rar", "tar")


# images, read through OCR
IMAGE_FORMATS = ("png", "jpeg", "tiff", "gif", "bmp", "webp", "heic")
_BMP_HEADERS = {12, 40, 52, 56, 64, 108, 124}  # the sizes of the bitmap information header BMP versions write
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1"}
_COMPRESSED = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")  # gzip, bzip2, xz


MAY_HOLD_HEAD = 16384  # the first bytes `may_hold_documents` reads: what tells an email, its header (`emails.is_email`)


def may_hold_documents(head: bytes) -> bool:
    """Whether a file whose first bytes (MAY_HOLD_HEAD of them) are `head` may hold documents of its own, to be
    read whole and listed: an archive (zip, 7-Zip, RAR, tar, a compressed one), an email (.eml; Outlook's .msg, a
    compound file as a Word .doc is; Outlook's winmail.dat), or a PDF (which may be a portfolio of
    files, or several candidates' resumes one after another)."""
    return (head.startswith((ZIP_SIGNATURE, COMPOUND_FILE, TNEF_SIGNATURE, _7Z_SIGNATURE, *_RAR_SIGNATURES, *_COMPRESSED))
            or _tar_header(head) or is_email(head) or b"%PDF-" in head[:1024])


def _is_tar(data: bytes) -> bool:
    """A tar archive ('ustar' at byte 257 of its first header), plain or compressed with gzip, bzip2 or xz."""
    import bz2
    import lzma

    if _tar_header(data):
        return True
    if data.startswith(_COMPRESSED[0]):
        start = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif data.startswith(_COMPRESSED[1]):
        start = bz2.BZ2Decompressor()
    elif data.startswith(_COMPRESSED[2]):
        start = lzma.LZMADecompressor()
    else:
        return False
    try:  # (the first header is in the first block it unpacks)
        head = start.decompress(data[:1 << 16], 512)
    except (zlib.error, OSError, EOFError, lzma.LZMAError, ValueError):
        return False
    return _tar_header(head)


def _tar_header(block: bytes) -> bool:
    """A tar header: 'ustar' at byte 257 and the checksum it states right (a text may have 'ustar' there: 'custard')."""
    import tarfile

    if block[257:262] != b"ustar":
        return False
    try:
        tarfile.TarInfo.frombuf(block[:512], "utf-8", "surrogateescape")
    except tarfile.HeaderError:
        return False
    return True

COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an Office compound file's (a Word .doc, an Outlook .msg)


def detect_format(data: bytes) -> str:
    """The document's format judged from its content, never from its file name."""
    # archives (and winmail.dat) before a PDF's header in the first KB: one may store a PDF first, uncompressed
    if data.startswith(ZIP_SIGNATURE):
        return _zip_format(data)
    if data.startswith(_7Z_SIGNATURE):
        return "7z"
    if data.startswith(_RAR_SIGNATURES):
        return "rar"
    if _is_tar(data):
        return "tar"
    if data.startswith(TNEF_SIGNATURE):
        return "tnef"
    if data.startswith(b"%PDF-") or data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if data.startswith(COMPOUND_FILE):
        return "msg" if is_outlook_message(data) else "doc"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data[:2] == b"BM" and int.from_bytes(data[14:18], "little") in _BMP_HEADERS:
        return "bmp"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "heic"
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")) and not unmarked_utf16(head):
        return "binary"
    if is_email(data):
        return "eml"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    root = re.match(rb"<([a-zA-Z][\w:.-]*)[\s>/]", start)
    # a page, or a fragment of one ('<h1>Ana Example</h1>', '<style>…'), or XHTML under an XML declaration
    if (start[:14].lower() == b"<!doctype html" or (root and root.group(1).lower() in _HTML_ELEMENTS)
            or (start.startswith(b"<?xml") and re.search(rb"<html\b", head, re.I))):
        return "html"
    if start.startswith(b"<?xml") or (root and b"</" in data and data.rstrip().endswith(b">")):
        return "xml"
    if start[:1] in (b"{", b"[") and json_document(data) is not None:
        return "json"
    return "txt"


def _too_little(words: list[str], kind: str) -> str:
    """Why a document of fewer than five words is no resume, as its sender is told: a scan or a blank page where it has
    pages to scan, else too little of it ('only 1 word was found ("Ada")')."""
    found = f"only {len(words)} word{'s were' if len(words) > 1 else ' was'} found (\"{' '.join(words)[:60]}\")" if words \
        else "no readable text was found"
    if kind == "pdf" or kind in IMAGE_FORMATS:
        return f"{found}: a blank page or an unreadable scan? send a PDF with a text layer or a DOCX"
    return f"{found}: too little for a resume; send the whole resume" if words else f"{found}: the file holds no words"


def _zip_format(data: bytes) -> str:
    """DOCX, ODT or another zip, judged by the parts the archive names: in its index, or, for a damaged archive whose
    index cannot be read, in the local headers still in it (one that names neither is corrupt)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
        other = "zip"
    except (zipfile.BadZipFile, KeyError, OSError):
        from jobfit.documents.salvage import part_names, salvage_parts

        names, mimetype, other = set(part_names(data)), b"", "corrupt"
        if "mimetype" in names:
            try:
                mimetype = getattr(salvage_parts(data, {"mimetype"}, 1000).get("mimetype"), "data", b"")
            except UnsupportedDocument:  # no mimetype is that long
                pass
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names and b"opendocument.text" in mimetype:
        return "odt"
    if "xl/workbook.xml" in names:  # an Excel workbook or PowerPoint deck, named so rather than as a zip
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    # other documents that are zips, named so rather than opened as an archive of files: a spreadsheet or a slide
    # show in OpenDocument, an e-book, Apple's Pages, Numbers and Keynote, another Office Open XML file (Visio, XPS)
    if "content.xml" in names and b"opendocument.spreadsheet" in mimetype:
        return "ods"
    if "content.xml" in names and b"opendocument.presentation" in mimetype:
        return "odp"
    if mimetype.startswith(b"application/epub+zip"):
        return "epub"
    if any(name.startswith("Index/") and name.endswith(".iwa") for name in names) or names & _IWORK_09:
        return "iwork"
    if "[Content_Types].xml" in names:
        return "ooxml"
    return other


_SEND = "send the resume as a PDF or a Word file (DOCX or DOC)"
_NAMED = {"ods": f"an OpenDocument spreadsheet, not a resume: {_SEND}",
          "odp": f"an OpenDocument presentation, not a resume: {_SEND}",
          "epub": f"an e-book (EPUB), not a resume: {_SEND}",
          "iwork": "an Apple Pages, Numbers or Keynote file, which jobfit does not read: ask for it exported as PDF or "
                   "Word (File → Export To)",
          "ooxml": f"an Office Open XML file that is no Word document (a Visio drawing, an XPS page): {_SEND}"}
_IWORK_09 = {"index.xml", "index.xml.gz", "index.apxl", "index.apxl.gz"}  # Pages, Numbers and Keynote before 2013


def readable_path(path: str) -> str:
    """A file's path as text a database and a person can take. A name in another encoding than UTF-8 (a zip made on
    Windows) reaches Python with each byte it cannot decode as a lone surrogate, which DuckDB refuses; such a byte is
    read as Windows-1252, what those names mostly are."""
    return _UNDECODED.sub(lambda byte: bytes([ord(byte.group()) - 0xDC00]).decode("cp1252", errors="replace"), path)


_UNDECODED = re.compile("[\udc80-\udcff]")


def check_zip(data: bytes, limits: Limits) -> None:
    """Refuse archives that would unpack far beyond their size (zip bombs) before anything reads them. A damaged
    archive has no index to tell: what reads it bounds what it unpacks (`salvage.salvage_parts`)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return
    if unpacked > limits.max_unzipped_bytes or unpacked > limits.max_zip_ratio * max(len(data), 1):
        raise UnsupportedDocument(
            "zip_bomb",
            f"the file would unpack to {unpacked / 1e6:.0f} MB from {len(data) / 1e6:.1f} MB: it was not opened; "
            "ask the sender to save it again",
        )


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MD_MARKUP = re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\([^)\s]+\)")


def is_markdown(text: str) -> bool:
    """Text written in Markdown, as resumes kept on GitHub are: two headings ('# Jane Roe', '## Experience'), or one
    and bold words or links. A '#' before a number ('# 12 Main St') is no heading, nor is bold alone."""
    headings = len(_MD_HEADING.findall(text))
    return headings >= 2 or headings == 1 and bool(_MD_MARKUP.search(text))


def _plain_layout(text: str, headings: Collection[str] = ()) -> list[LayoutLine]:
    """The text's lines as layout, those the source marks as headings (HTML's h1-h6) marked."""
    return [LayoutLine(text=line.strip(), heading=line.strip() in headings, bold=line.strip() in headings)
            for line in text.split("\n") if line.strip()]


def extract_text(data: bytes, limits: Limits | None = None, accept_any_kind: bool = False, ocr: bool = True) -> DocumentText:
    """Text of a resume file with layout hints; raises UnsupportedDocument with a reason code when there is none.

    `accept_any_kind` lets an operator release a document the classifier did not take for a resume. Without `ocr`, a
    PDF's scanned pages give no text (a quick look, as a sensor may take: OCR costs seconds a page).
    """
    from jobfit.documents.classify import classify_document, kind_named
    from jobfit.text import decode_bytes, html_text_and_headings, repair

    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        raise UnsupportedDocument(
            "too_large", f"the file is {len(data) / 1e6:.1f} MB, over the {limits.max_bytes / 1e6:.0f} MB limit"
        )
    if not data.strip():
        raise UnsupportedDocument("empty", "the file is empty")
    kind = detect_format(data)
    if kind == "pdf":
        from jobfit.documents.pdf import pdf_text

        result = pdf_text(data, limits, ocr)
    elif kind in IMAGE_FORMATS:
        from jobfit.documents.pdf import image_text

        if not ocr:
            raise UnsupportedDocument("empty_text", "an image, whose text only OCR reads")
        result = image_text(data, kind, limits)
    elif kind in ("docx", "odt"):
        check_zip(data, limits)
        from jobfit.documents import office

        result = office.docx_text(data, limits) if kind == "docx" else office.odt_text(data, limits)
    elif kind == "doc":
        from jobfit.documents.office import doc_text

        result = doc_text(data)
    elif kind == "rtf":
        from jobfit.documents.office import rtf_text

        result = rtf_text(data)
    elif kind == "html":
        text, headings = html_text_and_headings(decode_bytes(data), with_links=True)
        result = DocumentText(text=text, format="html", pages=1, layout=_plain_layout(text, headings))
    elif kind in ("eml", "msg", "tnef"):
        result = email_text(data, kind, lambda part: extract_text(part, limits, accept_any_kind=True), accept_any_kind)
    elif kind == "json":
        resume = json_document(data)
        if not is_json_resume(resume):
            raise UnsupportedDocument(
                "unsupported_format",
                "a JSON file that is no JSON Resume (it has no \"basics\"): send the resume itself, or its resume.json "
                "as jsonresume.org writes it",
            )
        resume = current_schema(resume)
        text, headings = json_resume_text(resume)
        if len(text.split()) < 5:
            raise UnsupportedDocument("empty_text", "the JSON Resume states next to nothing (a name at most): ask for a complete one")
        result = DocumentText(text=text, format="jsonresume", pages=1, layout=_plain_layout(text, headings),
                              date=last_modified(resume), json_resume=resume)
    elif kind == "txt":
        text = decode_bytes(data)
        if shape := table_shape(text):
            raise UnsupportedDocument(
                "unsupported_format",
                f"a table ({shape[0]} rows of {shape[1]} columns, as a spreadsheet or an applicant tracking system exports "
                "candidates), not a resume: put each candidate's resume in the inbox",
            )
        if is_markdown(text):  # rendered, so that '## Experience' is a heading and '**Data Analyst**' a title
            from markdown_it import MarkdownIt

            text, headings = html_text_and_headings(MarkdownIt("commonmark", {"breaks": True}).render(text), with_links=True)
            result = DocumentText(text=text, format="markdown", pages=1, layout=_plain_layout(text, headings))
        else:
            result = DocumentText(text=text, format="txt", pages=1)
    elif kind in ARCHIVE_FORMATS:
        from jobfit.documents.archives import refusal

        raise refusal(data, kind, limits)
    elif kind == "corrupt":
        raise UnsupportedDocument("corrupt", "the file looks like a damaged archive: ask for a fresh copy")
    elif kind in _NAMED:
        raise UnsupportedDocument("unsupported_format", _NAMED[kind])
    else:
        raise UnsupportedDocument(
            "unsupported_format",
            f"{kind} files are not resumes we can read: send a PDF, Word (DOCX or DOC), ODT, RTF, HTML, text or image file",
        )
    text = repair(result.text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.split("\n"))).strip()
    if len(text.split()) < 5 and result.damage:
        raise UnsupportedDocument("corrupt", f"{result.damage}: no readable text was left in it; ask for a fresh copy")
    if len(words := text.split()) < 5:
        raise UnsupportedDocument("empty_text", _too_little(words, kind))
    result.text = text
    if not result.layout:
        result.layout = _plain_layout(text)
    result.kind, result.kind_confidence = classify_document(text)
    if result.kind != "resume" and not accept_any_kind:
        what = kind_named(result.kind)
        instead = "add postings through a job feed" if result.kind == "job_posting" else "send the resume itself"
        raise UnsupportedDocument(
            "not_a_resume",
            f"this looks like {what} (confidence {result.kind_confidence:.2f}): {instead}, "
            "or release the document if it is a resume",
        )
    return result
