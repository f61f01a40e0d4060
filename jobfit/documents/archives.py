"""The files a zip archive of resumes holds, each to be taken in as its own document; and the resumes an email of
several candidates carries, each so too.

A recruiter sends a batch of resumes as one zip ("cvs.zip"); each file in it is a candidate. The archive is opened
only when it is one jobfit can open whole: within the zip-bomb limits (`check_zip`), readable, no member locked by a
password. Otherwise, or when it holds nothing but folders and the litter archivers add (macOS's `__MACOSX/` forks,
dot files, Office's `~$` lock files, Windows' Thumbs.db), it is left to the readers, which say what it is and why it
was not opened. Every other member becomes a document, whatever its name says: the readers judge its format by its
content and name what is no resume (a spreadsheet beside the resumes), so nothing in the archive is passed over
unsaid. A zip inside the zip is opened too, one level down.

An email an agency sends with several candidates' resumes attached is unpacked the same way (`emails.candidates_resumes`):
each candidate's resume is a member, named as attached, dated when the email was sent. An email of one candidate is no
archive: it is read as that candidate's document, with its body and date.
"""

import io
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date

from jobfit.documents import Limits, UnsupportedDocument, check_zip, detect_format, extract_text
from jobfit.documents.emails import candidates_resumes

# Archives inside archives opened: 'batch.zip/march.zip/ana.pdf'; deeper ones are left to the readers.
NESTING = 2
_LITTER = ("Thumbs.db", "desktop.ini")


@dataclass(frozen=True)
class Member:
    name: str  # its path inside the archive ('march/ana.pdf'; in an inner zip, 'march.zip/ana.pdf')
    data: bytes
    saved: date | None = None  # when the file was last saved, as the archive records it


def archive_members(data: bytes, limits: Limits = Limits(), depth: int = 1) -> list[Member] | None:
    """The files to take in from a zip archive of documents, or the resumes of an email of several candidates; None
    when `data` is neither (a DOCX is a zip too) or an archive that cannot be opened whole: then it is read as the one
    document it is (the readers say why)."""
    kind = detect_format(data)
    if kind in ("eml", "msg"):
        return _email_members(data, kind, limits)
    if kind != "zip":
        return None
    try:
        check_zip(data, limits)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir() and not _litter(info.filename)]
            if any(info.flag_bits & 0x1 for info in infos):
                return None  # a locked member: the readers say the archive is locked
            members = [Member(info.filename, archive.read(info), _saved(info)) for info in infos]
    except (zipfile.BadZipFile, UnsupportedDocument, NotImplementedError, OSError, EOFError, zlib.error):
        return None
    if not members:
        return None
    out, unpacked = [], 0
    for member in members:
        inner = archive_members(member.data, limits, depth + 1) if depth < NESTING else None
        found = [Member(f"{member.name}/{m.name}", m.data, m.saved) for m in inner] if inner else [member]
        # the limit holds for all that is unpacked, archives inside archives too (each within it may add up to more)
        unpacked += sum(len(m.data) for m in found)
        if unpacked > limits.max_unzipped_bytes:
            return None
        out += found
    return out


def _email_members(data: bytes, kind: str, limits: Limits) -> list[Member] | None:
    try:
        found = candidates_resumes(data, kind, lambda part: extract_text(part, limits, accept_any_kind=True))
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
    parts = name.replace("\\", "/").split("/")
    return parts[0] == "__MACOSX" or any(part.startswith((".", "~$")) for part in parts) or parts[-1] in _LITTER


def _saved(info: zipfile.ZipInfo) -> date | None:
    try:
        return date(*info.date_time[:3]) if info.date_time[0] > 1980 else None  # 1980-01-01 is the format's "unknown"
    except ValueError:
        return None
