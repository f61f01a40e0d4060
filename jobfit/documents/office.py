"""Word processor formats: DOCX (body in order, tables, headers and footers, text boxes, lists, links), ODT, DOC, RTF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
import zlib
from xml.etree import ElementTree

from jobfit.documents import DocumentText, LayoutLine, Limits, UnsupportedDocument, document_date
from jobfit.documents.salvage import part_names, salvage_parts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# Word writes a text box twice: for current readers (mc:Choice) and, as VML, for old ones (mc:Fallback)
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _own_nodes(element):
    """The nodes of a paragraph, without the text boxes anchored in it (read as lines of their own) or the copies
    kept for old readers."""
    for child in element:
        if child.tag in (f"{W}txbxContent", FALLBACK):
            continue
        yield child
        yield from _own_nodes(child)


def _for_old_readers(node) -> bool:
    return any(a.tag == FALLBACK for a in node.iterancestors())


def _text_boxes(element):
    """The text boxes anchored in a paragraph, each once."""
    return [box for box in element.iter(f"{W}txbxContent") if not _for_old_readers(box)]


def _paragraph_text(element, links: dict[str, str]) -> str:
    """A w:p's text, followed by the URL of each hyperlink whose words do not already show it."""
    parts = []
    for node in _own_nodes(element):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append(" ")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    text = "".join(parts)
    for link in element.iter(f"{W}hyperlink"):
        url = links.get(link.get(R_ID) or "")
        words = "".join(t.text or "" for t in link.iter(f"{W}t"))
        if url and url.replace("mailto:", "") not in words:
            text += f" ({url})"
    return text


def _paragraph_lines(element, links, styles: dict[str, str]) -> list[LayoutLine]:
    """A w:p as laid out: one line per line break in it (a converted PDF puts a whole page in one paragraph), each
    with the paragraph's style; none for an empty paragraph."""
    text = _paragraph_text(element, links).strip()
    if not text:
        return []
    properties = element.find(f"{W}pPr")
    style_id = properties.find(f"{W}pStyle").get(f"{W}val") if properties is not None and properties.find(f"{W}pStyle") is not None else ""
    style = styles.get(style_id, style_id).lower()
    is_list = properties is not None and properties.find(f"{W}numPr") is not None or "list" in style
    runs = [r for r in element.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
    bold = bool(runs) and all(r.find(f"{W}rPr/{W}b") is not None for r in runs)
    sizes = [int(sz.get(f"{W}val")) / 2 for sz in element.iter(f"{W}sz") if sz.get(f"{W}val", "").isdigit()]
    heading = style.startswith(("heading", "title")) or style in ("title", "subtitle")
    size = max(sizes) if sizes else None
    # a blank line inside the paragraph stays: the parser reads it as a break between entries
    return [LayoutLine(text=f"- {part}" if is_list and k == 0 else part, bold=bold or heading, heading=heading, size=size)
            for k, part in enumerate(line.strip() for line in text.split("\n"))]


# A cell with this many lines is a column of the page, not a value: a two-column template sets the sidebar and
# the main text side by side in one table row.
COLUMN_LINES = 6


def _table_lines(table, links, styles) -> list[LayoutLine]:
    """A data table's row as one line, its cells joined by ' | ' ('2015 – 2017 | MSc | Uppsala University'); a layout
    table's row (a cell holding a column of the page) column after column, each paragraph a line with its style."""
    lines = []
    for row in table.iter(f"{W}tr"):
        cells, columns = [], []
        for cell in row.findall(f"{W}tc"):
            paragraphs = [p for p in cell.iter(f"{W}p") if not _for_old_readers(p)]
            text = "\n".join(filter(None, (_paragraph_text(p, links).strip() for p in paragraphs)))
            if text and text not in cells:  # merged cells repeat their text
                cells.append(text)
                columns.append(paragraphs)
        if len(cells) > 1 and max(len(cell.split("\n")) for cell in cells) >= COLUMN_LINES:
            for paragraphs in columns:
                for paragraph in paragraphs:
                    lines.extend(_paragraph_lines(paragraph, links, styles))
                lines.append(LayoutLine(text=""))
        elif len(cells) == 1:
            lines.extend(LayoutLine(text=part) for part in cells[0].split("\n") if part)
        elif cells:
            lines.append(LayoutLine(text=" | ".join(cell.replace("\n", "; ") for cell in cells)))
    return lines


def _body_lines(body, links: dict[str, str], styles: dict[str, str]) -> list[LayoutLine]:
    """The lines of a w:body in order: paragraphs, the text boxes anchored in each, tables."""
    lines: list[LayoutLine] = []
    for child in body if body is not None else ():
        if child.tag == f"{W}p":
            lines.extend(_paragraph_lines(child, links, styles))
            # text boxes anchored in this paragraph, in their own order
            for box in _text_boxes(child):
                for paragraph in box.iter(f"{W}p"):
                    lines.extend(_paragraph_lines(paragraph, links, styles))
        elif child.tag == f"{W}tbl":
            lines.extend(_table_lines(child, links, styles))
    return lines


def docx_text(data: bytes, limits: Limits | None = None) -> DocumentText:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        return _docx_from_parts(data, limits or Limits(), exc)
    links = {rid: rel.target_ref for rid, rel in document.part.rels.items() if rel.reltype.endswith("/hyperlink")}
    styles = {style.style_id: style.name for style in document.styles if getattr(style, "style_id", None)}
    lines: list[LayoutLine] = []
    seen_headers: set[str] = set()
    for section in document.sections:
        for part in (section.header, section.first_page_header):
            for paragraph in part.paragraphs if part is not None and not part.is_linked_to_previous else []:
                if paragraph.text.strip() and paragraph.text not in seen_headers:
                    seen_headers.add(paragraph.text)
                    lines.append(LayoutLine(text=paragraph.text.strip()))
    lines.extend(_body_lines(document.element.body, links, styles))
    for section in document.sections:
        for part in (section.footer,):
            for paragraph in part.paragraphs if part is not None and not part.is_linked_to_previous else []:
                if paragraph.text.strip() and paragraph.text not in seen_headers:
                    seen_headers.add(paragraph.text)
                    lines.append(LayoutLine(text=paragraph.text.strip()))
    saved = document.core_properties.modified or document.core_properties.created
    return DocumentText(text="\n".join(line.text for line in lines), format="docx", pages=1, layout=lines,
                        date=document_date(saved.isoformat()) if saved else None)


DOCUMENT, DOCUMENT_LINKS, STYLES = "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml"
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _sound(data: bytes) -> bool:
    """Whether the archive opens and every part in it unpacks with its checksum right."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.testzip() is None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError):
        return False


def _parts_read(data: bytes, limits: Limits, main: str, also: set[str], exc: Exception, what: str,
                renamed: dict[bytes, bytes] | None = None):
    """The parts of an archive python-docx or zipfile could not open, as XML trees (None for one that gives no tree),
    and what was wrong with it, said as a person can act on it: None when nothing was (a macro-enabled Word file, a
    template: a sound archive of another content type). `renamed`: namespaces read as others are."""
    from lxml import etree

    parts = salvage_parts(data, {main} | also, int(min(limits.max_unzipped_bytes, limits.max_zip_ratio * max(len(data), 1))))
    if main not in parts:
        raise UnsupportedDocument("corrupt", f"the {what} could not be opened ({exc}): ask for a fresh copy") from exc
    def tree(data: bytes) -> tuple[object, bool]:  # the part's tree, and whether its XML had to be mended
        for old, new in (renamed or {}).items():
            data = data.replace(old, new)
        parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
        try:
            root = etree.fromstring(data, parser) if data.strip() else None
        except etree.XMLSyntaxError:
            root = None
        return root, any(error.level >= etree.ErrorLevels.ERROR for error in parser.error_log)

    read = {name: tree(part.data) for name, part in parts.items()}
    trees = {name: root for name, (root, _) in read.items()}
    if not parts[main].whole or read[main][1]:
        return trees, "the file is damaged (its text is cut short or broken inside)"
    return trees, None if _sound(data) else "the file is damaged (parts other than its main text could not be read)"


# Word's "Strict Open XML" documents name the same elements in other namespaces (ECMA-376 Part 1, Strict)
STRICT_NAMESPACES = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/officeDocument/relationships":
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
_HEADER_OR_FOOTER = re.compile(r"word/(header|footer)\d*\.xml")


def _docx_from_parts(data: bytes, limits: Limits, exc: Exception) -> DocumentText:
    """The text of a DOCX python-docx could not open (cut short, a damaged part, a macro-enabled file, one saved as
    Strict Open XML), read from the parts still in it: headers, body, footers."""
    extra = sorted((m[1] == "footer", name) for name in part_names(data) if (m := _HEADER_OR_FOOTER.fullmatch(name)))
    trees, damage = _parts_read(data, limits, DOCUMENT, {DOCUMENT_LINKS, STYLES, *(name for _, name in extra)}, exc, "DOCX",
                                STRICT_NAMESPACES)
    links = {rel.get("Id"): rel.get("Target") for rel in trees[DOCUMENT_LINKS].iter(RELATIONSHIP)
             if (rel.get("Type") or "").endswith("/hyperlink")} if trees.get(DOCUMENT_LINKS) is not None else {}
    styles = {style.get(f"{W}styleId"): name.get(f"{W}val") for style in trees[STYLES].iter(f"{W}style")
              if (name := style.find(f"{W}name")) is not None} if trees.get(STYLES) is not None else {}

    def around(footers: bool) -> list[LayoutLine]:  # each header's (or footer's) lines once
        texts = [_paragraph_text(p, {}).strip() for is_footer, name in extra if is_footer == footers
                 and trees.get(name) is not None for p in trees[name].iter(f"{W}p")]
        return [LayoutLine(text=text) for text in dict.fromkeys(filter(None, texts))]

    root = trees[DOCUMENT]
    lines = around(False) + _body_lines(root.find(f"{W}body") if root is not None else None, links, styles) + around(True)
    return DocumentText(text="\n".join(line.text for line in lines), format="docx", pages=1, layout=lines,
                        damage=damage)


TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
CONTENT = "content.xml"


def odt_text(data: bytes, limits: Limits | None = None) -> DocumentText:
    damage = None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = ElementTree.fromstring(archive.read(CONTENT))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, zlib.error) as exc:
        trees, damage = _parts_read(data, limits or Limits(), CONTENT, set(), exc, "ODT")
        root = trees[CONTENT]
    parent = {child: node for node in root.iter() for child in node} if root is not None else {}

    def in_list(node) -> bool:
        while node in parent:
            node = parent[node]
            if node.tag == f"{TEXT_NS}list-item":
                return True
        return False

    lines = []
    for node in root.iter() if root is not None else ():
        if node.tag in (f"{TEXT_NS}p", f"{TEXT_NS}h"):
            text = "".join(node.itertext()).strip()
            if text:
                heading = node.tag == f"{TEXT_NS}h"
                lines.append(LayoutLine(text=f"- {text}" if in_list(node) else text, heading=heading, bold=heading))
    return DocumentText(text="\n".join(line.text for line in lines), format="odt", pages=1, layout=lines, damage=damage)


def _run(command: list[str], data: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".doc") as handle:
        handle.write(data)
        handle.flush()
        try:
            done = subprocess.run([*command, handle.name], capture_output=True, timeout=60)
        except (FileNotFoundError, subprocess.TimeoutExpired):
            return ""
        return done.stdout.decode("utf-8", errors="replace") if done.returncode == 0 else ""


# What else an Office compound file may be, by the stream that holds its content
_OTHER_OFFICE_FILES = {"Workbook": "an Excel workbook", "Book": "an Excel workbook",
                       "PowerPoint Document": "a PowerPoint presentation"}


def check_compound_file(data: bytes) -> None:
    """Refuse, with what it is, an Office compound file that antiword could only call unreadable: a password-protected
    Word (or any Office) file, DOCX included (saved with a password, it is a compound file holding the encrypted
    package), or an Excel or PowerPoint file sent for a resume."""
    import olefile

    try:
        ole = olefile.OleFileIO(data)
    except Exception:  # (olefile raises OSError and others on damage) damaged: antiword and catdoc say what they can
        return
    with ole:
        if ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"):
            raise UnsupportedDocument("encrypted", "password-protected Office document: ask the sender for an unlocked copy")
        if not ole.exists("WordDocument"):
            other = next((kind for stream, kind in _OTHER_OFFICE_FILES.items() if ole.exists(stream)), "an Office file")
            raise UnsupportedDocument("unsupported_format", f"{other} (Office 97-2003), not a Word document: send the "
                                      "resume as a PDF or Word file")
        fib = ole.openstream("WordDocument").read(12)
    if len(fib) == 12 and int.from_bytes(fib[10:12], "little") & 0x0100:  # FibBase.fEncrypted (MS-DOC 2.5.2)
        raise UnsupportedDocument("encrypted", "password-protected Word 97-2003 document: ask the sender for an unlocked copy")


def doc_text(data: bytes) -> DocumentText:
    """Word 97-2003: antiword keeps tables; catdoc reads the small files antiword refuses."""
    check_compound_file(data)
    if not (shutil.which("antiword") or shutil.which("catdoc")):
        raise UnsupportedDocument("reader_unavailable", "this is a Word 97-2003 file and neither antiword nor catdoc is "
                                  "installed (apt-get install antiword catdoc): it is read once they are")
    text = _run(["antiword", "-w", "0", "-m", "UTF-8.txt"], data)
    if len(text.split()) < 5:
        text = _run(["catdoc", "-w", "-d", "utf-8"], data)
    if not text.strip():
        raise UnsupportedDocument("corrupt", "the Word 97-2003 file could not be read: ask for a DOCX or PDF")
    return DocumentText(text=text, format="doc", pages=1)


def rtf_text(data: bytes) -> DocumentText:
    from striprtf.striprtf import rtf_to_text

    try:
        text = rtf_to_text(data.decode("latin-1"), errors="ignore")
    except Exception as exc:
        raise UnsupportedDocument("corrupt", f"the RTF could not be read ({exc}): ask for a DOCX or PDF") from exc
    return DocumentText(text=text, format="rtf", pages=1)
