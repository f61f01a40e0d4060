"""Documents in: identify a file by its bytes, extract its text, or say plainly why not."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = {".pdf", ".docx", ".txt", ".md"}


class UnsupportedDocument(Exception):
    """A document that cannot become text; `reason` is a stable code, the message says what to do."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class DocumentText:
    text: str
    format: str
    pages: int


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def detect_format(data: bytes) -> str:
    """The document's format judged from its content, never from its file name."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            return "corrupt"
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "txt"


def _decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _pdf_text(data: bytes) -> DocumentText:
    import pymupdf

    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises its own FileDataError and friends
        raise UnsupportedDocument("corrupt", f"the PDF could not be opened ({exc}): ask for a fresh copy") from exc
    with doc:
        if doc.needs_pass:
            raise UnsupportedDocument("encrypted", "encrypted PDF: ask the sender for an unlocked copy")
        pages = [page.get_text("text", sort=True) for page in doc]
        return DocumentText(text="\n".join(pages), format="pdf", pages=len(pages))


def _docx_text(data: bytes) -> DocumentText:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise UnsupportedDocument("corrupt", f"the DOCX could not be opened ({exc}): ask for a fresh copy") from exc
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells if cell.text.strip()]
            if cells:
                lines.append(" | ".join(dict.fromkeys(cells)))
    return DocumentText(text="\n".join(lines), format="docx", pages=1)


def extract_text(data: bytes, max_bytes: int | None = None) -> DocumentText:
    """Text of a resume file; raises UnsupportedDocument with a reason code when there is none."""
    if max_bytes is not None and len(data) > max_bytes:
        raise UnsupportedDocument(
            "too_large", f"the file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit"
        )
    if not data.strip():
        raise UnsupportedDocument("empty", "the file is empty")
    kind = detect_format(data)
    if kind == "pdf":
        result = _pdf_text(data)
    elif kind == "docx":
        result = _docx_text(data)
    elif kind == "txt":
        text = _decode_text(data)
        result = DocumentText(text=text, format="txt", pages=1)
    elif kind == "corrupt":
        raise UnsupportedDocument("corrupt", "the file looks like a damaged archive: ask for a fresh copy")
    else:
        raise UnsupportedDocument(
            "unsupported_format", f"{kind} files are not supported yet: send a PDF, DOCX or plain-text resume"
        )
    text = "\n".join(line.rstrip() for line in result.text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    if len(text.split()) < 5:
        raise UnsupportedDocument(
            "empty_text", "no readable text was found (a scanned image?): send a PDF with a text layer or a DOCX"
        )
    return DocumentText(text=text.strip(), format=result.format, pages=result.pages)
