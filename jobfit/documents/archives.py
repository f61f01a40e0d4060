"""The files an archive of resumes holds (zip, 7-Zip, RAR, tar), each to be taken in as its own document; and the
resumes an email of several candidates carries, each so too.

A recruiter sends a batch of resumes as one archive ("cvs.zip", "applications.rar"); each file in it is a candidate.
The archive is opened only when it is one jobfit can open whole: within the zip-bomb limits for all it unpacks,
readable, no member locked by a password. Otherwise, or when it holds nothing but folders and the litter archivers add
(macOS's `__MACOSX/` forks, dot files, Office's `~$` lock files, Windows' Thumbs.db), it is left to the readers, which
say what it is and why it was not opened (`refusal`). Every other member becomes a document, whatever its name says:
the readers judge its format by its content and name what is no resume (a spreadsheet beside the resumes), so nothing
in the archive is passed over unsaid. An archive inside the archive is opened too, one level down.

Zip archives are read with Python's zipfile; 7-Zip, RAR (4 and 5) and tar (plain, or compressed with gzip, bzip2 or
xz) with libarchive (the libarchive-c binding, the library from Debian's libarchive-tools). Without the library those
come in as themselves, and the readers say to unpack them.

A PDF portfolio (Acrobat's "Combine Files" into a portfolio; its catalog names a /Collection, and its one page asks for
Acrobat) is an archive too: its embedded files are its members, read with PyMuPDF. A PDF that merely carries attachments
beside its own pages (a resume with its certificates attached) is that resume. A PDF of several candidates' resumes
one after another (a CV book, an agency's pack) is one too: each candidate's pages are a member (`packs`).

An email an agency sends with several candidates' resumes attached, or an archive of them, is unpacked the same way
(`emails.candidates_resumes`): each candidate's resume is a member, named as attached, dated when the email was sent,
and an attached archive's files are members in turn. An email of one candidate is no archive: it is read as that
candidate's document, with its body and date.
"""

import functools
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime

from jobfit.documents import ARCHIVE_FORMATS, Limits, UnsupportedDocument, check_zip, detect_format, extract_text
from jobfit.documents.emails import candidates_resumes

# Archives inside archives opened: 'batch.zip/march.zip/ana.pdf'; deeper ones are left to the readers.
NESTING = 2
# The most files one archive brings in (inner archives' too): a week's applications are tens or hundreds; more is an
# export of a whole applicant tracking system, or a bomb of empty files, which the readers ask to unpack instead.
MAX_MEMBERS = 5000
_LITTER = ("Thumbs.db", "desktop.ini")
_RAR5 = b"Rar!\x1a\x07\x01\x00"  # (RAR 4's signature ends \x07\x00)
_NAMES = {"zip": "zip", "7z": "7-Zip", "rar": "RAR", "tar": "tar"}
_DOCUMENT_SUFFIXES = (".pdf", ".docx", ".doc", ".odt", ".rtf", ".txt", ".md", ".html", ".htm", ".json", ".eml", ".msg",
                      ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".webp", ".heic", ".heif")


@dataclass(frozen=True)
class Member:
    name: str  # its path inside the archive ('march/ana.pdf'; in an inner archive, 'march.zip/ana.pdf')
    data: bytes
    saved: date | None = None  # when the file was last saved, as the archive records it


def archive_members(data: bytes, limits: Limits = Limits(), depth: int = 1) -> list[Member] | None:
    """The files to take in from an archive of documents, or the resumes of an email of several candidates (or of an
    archive attached to it); None when `data` is neither (a DOCX is a zip too) or an archive that cannot be opened
    whole: then it is read as the one document it is (the readers say why)."""
    kind = detect_format(data)
    if kind in ("eml", "msg", "tnef"):
        members = _email_members(data, kind, limits)
    elif kind == "zip":
        members = _zip_members(data, limits)
    elif kind in ARCHIVE_FORMATS:
        members = _packed_members(data, kind, limits)
    elif kind == "pdf":
        members = _pdf_members(data)
    else:
        return None
    if not members:
        return None
    out, unpacked = [], 0
    for member in members:
        inner = archive_members(member.data, limits, depth + 1) if depth < NESTING else None
        found = [Member(f"{member.name}/{m.name}", m.data, m.saved) for m in inner] if inner else [member]
        # the limit holds for all that is unpacked, archives inside archives too (each within it may add up to more)
        unpacked += sum(len(m.data) for m in found)
        if unpacked > limits.max_unzipped_bytes or len(out) + len(found) > MAX_MEMBERS:
            return None
        out += found
    return out


def refusal(data: bytes, kind: str, limits: Limits) -> UnsupportedDocument:
    """Why an archive is no document, and what to do with it. The inbox, Drive and `jobfit parse` open an archive of
    resumes and take each file in it in as its own document; one that reaches the readers could not be opened whole
    (a member locked by a password, more than the limits unpacked, damage, archives nested too deep, nothing in it but
    an archiver's litter). (One an older jobfit stored whole is unpacked when new readers read it: see
    `assets.documents`.)"""
    name = _NAMES[kind]
    if kind == "zip":
        check_zip(data, limits)  # (a zip bomb says so, though nothing here unpacks it)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
        listing = [(info.filename, info.file_size, bool(info.flag_bits & 0x1)) for info in infos]
    else:
        budget = _budget(data, limits)
        try:
            listing = _packed_listing(data, kind, budget)
        except ImportError:
            return UnsupportedDocument("reader_unavailable", f"a {name} archive, which cannot be opened here: libarchive "
                                       "is missing (install Debian's libarchive-tools), or unpack it into the inbox")
        except _ArchiveError:
            return UnsupportedDocument("corrupt", f"a damaged {name} archive (or one whose list of files is locked by a "
                                                  "password): ask the sender for a fresh copy, or for the files themselves")
        unpacked = sum(size for _, size, _ in listing)
        if unpacked > budget:
            return UnsupportedDocument("zip_bomb", f"the file would unpack to {unpacked / 1e6:.0f} MB or more from "
                                                   f"{len(data) / 1e6:.1f} MB: it was not opened; ask the sender to save it again")
    files = len(listing)
    if files > MAX_MEMBERS:
        return UnsupportedDocument("unsupported_format", f"a {name} archive of more than {MAX_MEMBERS:,} files, more than one "
                                   "archive may bring in: unpack it and add its files to the tenant's inbox folder (the "
                                   "inbox takes them in batches)")
    if any(locked for *_, locked in listing):
        return UnsupportedDocument("encrypted", f"a password-protected {name} archive of {files} file{'s' if files != 1 else ''}: "
                                                "ask the sender for the files unlocked")
    documents = sum(path.lower().endswith(_DOCUMENT_SUFFIXES) for path, *_ in listing)
    return UnsupportedDocument(
        "unsupported_format",
        f"a {name} archive of {files} file{'s' if files != 1 else ''} ({documents} of them documents), not opened: "
        "each file in it is a document of its own; unpack it and add its files to the tenant's inbox folder")


def _zip_members(data: bytes, limits: Limits) -> list[Member] | None:
    try:
        check_zip(data, limits)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir() and not _litter(info.filename)]
            if any(info.flag_bits & 0x1 for info in infos) or len(infos) > MAX_MEMBERS:
                return None  # a locked member, or too many: the readers say so
            return [Member(info.filename, archive.read(info), _zip_saved(info)) for info in infos]
    except (zipfile.BadZipFile, UnsupportedDocument, NotImplementedError, OSError, EOFError, zlib.error):
        return None


def _pdf_members(data: bytes) -> list[Member] | None:
    """The embedded files of a PDF portfolio, each dated as it records (its modDate, 'D:20260303…'), or each candidate's
    pages of a pack of resumes (`packs.pack_parts`), dated as the pack; None for any other PDF, a locked one or one that
    cannot be opened (the readers say what it is)."""
    import pymupdf

    from jobfit.documents.packs import pack_parts, part_pdf

    try:
        with pymupdf.open(stream=data, filetype="pdf") as document:
            if document.needs_pass:
                return None
            if document.embfile_count() and document.xref_get_key(document.pdf_catalog(), "Collection")[0] != "null":
                members = []
                for index in range(document.embfile_count()):
                    info = document.embfile_info(index)
                    members.append(Member(info.get("ufilename") or info.get("filename") or info["name"],
                                          document.embfile_get(index), _pdf_saved(info.get("modDate"))))
                return members
            saved = _pdf_saved(document.metadata.get("modDate") or document.metadata.get("creationDate"))
            return [Member(part.name, part_pdf(document, part), saved) for part in pack_parts(document) or ()] or None
    except (RuntimeError, ValueError):  # (PyMuPDF raises these for a file it cannot open as a PDF)
        return None


def _pdf_saved(stamp: str | None) -> date | None:
    """The day of a PDF date ('D:20260303081200+01'00''); None when it states none."""
    found = re.match(r"D:(\d{4})(\d{2})(\d{2})", stamp or "")
    try:
        return date(*map(int, found.groups())) if found else None
    except ValueError:
        return None


class _ArchiveError(Exception):
    """libarchive could not read the archive (damaged, or its headers locked)."""


def _packed_members(data: bytes, kind: str, limits: Limits) -> list[Member] | None:
    """The files of a 7-Zip, RAR or tar archive, read by libarchive; None when any is locked, the whole would unpack
    past the limits (counted as it unpacks: these formats may not state sizes), or it cannot be read."""
    try:
        import libarchive
    except (ImportError, OSError):  # the binding, or the library under it, is missing: the readers say so
        return None
    budget = _budget(data, limits)
    members, unpacked = [], 0
    try:
        locked = _rar5_locked(data)
        with libarchive.memory_reader(data, _libarchive_format(data, kind)) as archive:
            for entry in archive:
                if not entry.isfile or _litter(entry.pathname):
                    continue
                if locked or _locked(entry) or len(members) == MAX_MEMBERS:
                    return None
                content = bytearray()
                for block in entry.get_blocks():
                    unpacked += len(block)
                    if unpacked > budget:
                        return None
                    content += block
                members.append(Member(_relative(entry.pathname), bytes(content), _day(entry.mtime)))
    except libarchive.ArchiveError:
        return None
    return members


def _libarchive_format(data: bytes, kind: str) -> str:
    """The one format libarchive is to read the archive as. Left to guess among all, it read a RAR that stores a zip
    last (uncompressed) as that zip: its zip reader finds the inner zip's directory near the end of the bytes."""
    if kind == "rar":
        return "rar5" if data.startswith(_RAR5) else "rar"
    return {"7z": "7zip", "tar": "tar"}[kind]


def _budget(data: bytes, limits: Limits) -> float:
    """The most an archive may unpack to: `check_zip`'s limits, which these formats may not state up front."""
    return min(limits.max_unzipped_bytes, limits.max_zip_ratio * max(len(data), 1))


def _packed_listing(data: bytes, kind: str, budget: float) -> list[tuple[str, int, bool]]:
    """(path, size stated, locked) of each file of a 7-Zip, RAR or tar archive, up to the first past the `budget` of
    bytes unpacked (a compressed tar is unpacked to be listed) or past MAX_MEMBERS; raises ImportError without
    libarchive and _ArchiveError when it cannot be read."""
    try:
        import libarchive
    except OSError as exc:
        raise ImportError(str(exc)) from exc
    listing, unpacked, locked = [], 0, _rar5_locked(data)
    try:
        with libarchive.memory_reader(data, _libarchive_format(data, kind)) as archive:
            for entry in archive:
                if entry.isfile:
                    listing.append((entry.pathname, entry.size or 0, locked or _locked(entry)))
                    unpacked += entry.size or 0
                    if unpacked > budget or len(listing) > MAX_MEMBERS:
                        break
    except libarchive.ArchiveError as exc:
        raise _ArchiveError(str(exc)) from exc
    return listing


def _relative(path: str) -> str:
    """A member's path without the './' a tar made of a folder's contents puts before each."""
    while path.startswith("./"):
        path = path[2:]
    return path


def _locked(entry) -> bool:
    """Whether libarchive says the entry's data (or its metadata) is encrypted; libarchive-c does not expose it."""
    return _is_encrypted()(entry._entry_p) > 0


def _rar5_locked(data: bytes) -> bool:
    """Whether a password locks the files of a RAR 5 archive: a file's header holds an encryption record (or the
    archive's headers are encrypted). libarchive before 3.7 (Debian 12's 3.6.2) says no such file is encrypted and
    gives its locked bytes as if they were the file. The headers are walked as RAR 5's technical note lays them out:
    a CRC-32, the header's size, its type and flags, the sizes of its extra area and of the data after it."""
    if not data.startswith(_RAR5):
        return False
    at = 8
    try:
        while at < len(data):
            size, at = _rar5_number(data, at + 4)  # (past the CRC-32)
            end = at + size
            kind, at = _rar5_number(data, at)
            flags, at = _rar5_number(data, at)
            extra, at = _rar5_number(data, at) if flags & 0x01 else (0, at)
            data_size, at = _rar5_number(data, at) if flags & 0x02 else (0, at)
            if kind == 4:  # the archive's encryption header: every header after it is locked
                return True
            if kind == 5:  # the end of the archive
                return False
            record = end - extra
            while kind == 2 and record < end:  # a file's extra records: size, type (1: encryption), data
                length, after = _rar5_number(data, record)
                if _rar5_number(data, after)[0] == 1:
                    return True
                record = after + max(length, 1)
            at = end + data_size
    except IndexError:  # cut short: libarchive says what it can read
        return False
    return False


def _rar5_number(data: bytes, at: int) -> tuple[int, int]:
    """A RAR 5 number, 7 bits a byte, the lowest first, and where it ends."""
    value = shift = 0
    while True:
        byte = data[at]
        value |= (byte & 0x7F) << shift
        at, shift = at + 1, shift + 7
        if not byte & 0x80:
            return value, at


@functools.cache
def _is_encrypted():
    """libarchive's archive_entry_is_encrypted, typed once."""
    import ctypes

    from libarchive import ffi

    function = ffi.libarchive.archive_entry_is_encrypted
    function.argtypes, function.restype = [ctypes.c_void_p], ctypes.c_int
    return function


def _email_members(data: bytes, kind: str, limits: Limits) -> list[Member] | None:
    try:
        # the candidates told apart without OCR: a sensor lists the inbox, and a scanned resume costs seconds a page (a
        # scan whose candidate cannot be told so comes too, as a resume that could not be read would)
        found = candidates_resumes(data, kind, lambda part: extract_text(part, limits, accept_any_kind=True, ocr=False),
                                   lambda pdf: _pdf_members(pdf) is not None)
    except Exception:  # (a damaged message raises what its parser does) the readers say what is wrong with it
        return None
    if found is None:
        return None
    resumes, sent = found
    taken: set[str] = set()
    members = []
    for name, content in resumes:
        name = _unique(name.replace("/", "_"), taken)  # two candidates' 'CV.pdf' are two members
        taken.add(name)
        members.append(Member(name, content, sent))
    return members


def _unique(name: str, taken: set[str]) -> str:
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    n = 1
    while name in taken:
        n += 1
        name = f"{stem} ({n}){dot}{suffix}"
    return name


def _litter(name: str) -> bool:
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".")]
    return (not parts or parts[0] == "__MACOSX" or any(part.startswith((".", "~$")) for part in parts)
            or parts[-1] in _LITTER)


def _zip_saved(info: zipfile.ZipInfo) -> date | None:
    try:
        return date(*info.date_time[:3]) if info.date_time[0] > 1980 else None  # 1980-01-01 is the format's "unknown"
    except ValueError:
        return None


def _day(timestamp: float | None) -> date | None:
    return datetime.fromtimestamp(timestamp, UTC).date() if timestamp and timestamp > 315532800 else None  # after 1980
