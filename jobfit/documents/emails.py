"""An application email saved as a file (.eml, what a mail client saves or drags into a folder, or Outlook's .msg): the
resume it carries.

A recruiter who files applications as they arrive files the email, with the resume attached and a cover letter in its
body. The resume is the attachment that reads as one (an email forwarded inside another is searched too); failing any,
the body, where a candidate may have pasted it. The email's date is the resume's date ("Present" means when it was sent).

An agency sends several candidates in one email. Such an email is no one's document: where it arrives (the inbox, a
Drive folder, `jobfit parse`) each candidate's resume in it is taken in as a document of its own, as the files of a zip
archive are (`candidates_resumes`, called by `archives.archive_members`), candidates told apart without OCR. Read as one
document all the same (a second candidate's scan, told apart only once OCR reads it), it gives the first candidate's
resume and names the others.
"""

from __future__ import annotations

import base64
import email
import quopri
import re
from collections.abc import Callable
from datetime import date
from email import policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

# a header line ('Subject: …'), or one folded under it
_FIELD = re.compile(rb"^([A-Za-z][A-Za-z0-9-]*):[ \t]?")
_FOLDED = re.compile(rb"^[ \t]+\S")
# the fields that make a block of 'Name: value' lines a message's header, not the top of a resume ('Name:', 'Email:')
_SENDER = {b"from", b"sender", b"return-path"}
_TRANSPORT = {b"mime-version", b"message-id", b"received", b"content-type", b"delivered-to", b"x-mailer"}
FORWARDS = 3  # emails forwarded inside one another, searched so deep
# Outlook's winmail.dat (TNEF, MS-OXTNEF): a message's body and attachments as Outlook sends them in its rich text format,
# one attachment to every other mail program; saved alone, it is an email of its own ("tnef")
TNEF_SIGNATURE = b"\x78\x9f\x3e\x22"
# formats a resume comes in: one of them refused (locked, damaged) is the resume that could not be read
_RESUME_FORMATS = {"pdf", "docx", "doc", "odt", "rtf", "corrupt"}


def is_email(data: bytes) -> bool:
    """Whether the bytes are an Internet message: a header of fields, one of them the sender and one a mail system's."""
    names = set()
    for line in data[:16384].splitlines():
        if not line.strip():
            break
        if field := _FIELD.match(line):
            names.add(field.group(1).lower())
        elif not (_FOLDED.match(line) and names):
            return False
    return bool(names & _SENDER) and bool(names & _TRANSPORT)


def is_outlook_message(data: bytes) -> bool:
    """Whether an Office compound file is an Outlook message: a table of properties and no Word document."""
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            return ole.exists(_PROPERTIES) and not ole.exists("WordDocument")
    except Exception:  # (olefile raises OSError and others on damage) a damaged file is left to the Word readers
        return False


def email_parts(data: bytes, kind: str) -> tuple[list[tuple[str, bytes]], str | None, date | None]:
    """(its attachments as (file name, bytes), its body, the day it was sent) of an email saved as a file, `kind` "eml",
    "msg" (Outlook's) or "tnef" (a winmail.dat saved alone). The attachments of an email forwarded inside it, or of a
    message attached to it, are its own; so are those Outlook wrapped in a winmail.dat, whose body stands in for a body
    the email lacks."""
    if kind == "eml":
        message = email.message_from_bytes(data, policy=policy.default)
        body = _body(message) or next((tnef_parts(part)[1] for part in _winmails(message)), None)
        return list(_attachments(message)), body, _sent_on(message)
    if kind == "tnef":
        return tnef_parts(data)
    import olefile

    with olefile.OleFileIO(data) as ole:
        streams = {"/".join(path): path for path in ole.listdir()}
        outlook = _OutlookMessage(ole, streams, "")
        return list(outlook.attachments()), outlook.body(), outlook.sent()


def email_text(data: bytes, kind: str, read: Callable, accept_any_kind: bool):
    """The DocumentText of the resume an email (`kind` "eml", "msg" or "tnef") carries, each part read by `read(bytes)` (the
    documents stage's own reader, any kind let through); raises UnsupportedDocument saying what the email holds when no
    resume is in it."""
    return _resume_in(*email_parts(data, kind), read, accept_any_kind)


def candidates_resumes(data: bytes, kind: str, read: Callable,
                       holds_documents: Callable[[bytes], bool]) -> tuple[list[tuple[str, bytes]], date | None] | None:
    """The resumes an email carries, as (file name, bytes), and the day it was sent, when they are more than one
    candidate's (an agency sends three candidates in one email) or come in an archive (it attaches "candidates.zip",
    or a PDF of several candidates' resumes or a PDF portfolio: a PDF that `holds_documents`): each candidate's first,
    every resume file that could not be read (locked, damaged), which says why when read as its own document, and the
    archives, which are unpacked in turn. None when it carries one candidate's resume or none: the email is then that
    candidate's document, its body and date with it."""
    from jobfit.documents import ARCHIVE_FORMATS, UnsupportedDocument, detect_format

    attachments, _, sent = email_parts(data, kind)
    kinds = [(name, content, detect_format(content)) for name, content in attachments]
    archives = [(name, content) for name, content, of in kinds
                if of in ARCHIVE_FORMATS or (of == "pdf" and holds_documents(content))]
    files = [(name, content) for name, content, of in kinds if of in _RESUME_FORMATS and (name, content) not in archives]
    if len(files) < 2 and not archives:
        return None
    each = _each_candidate(files, read)
    candidates = sum(not isinstance(text, UnsupportedDocument) for *_, text in each)
    if candidates < 2 and not archives:
        return None
    return [(name, content) for name, content, _ in each] + archives, sent


def _resume_in(attachments: list[tuple[str, bytes]], body: str | None, sent, read: Callable, accept_any_kind: bool):
    from jobfit.documents import IMAGE_FORMATS, detect_format
    from jobfit.documents import UnsupportedDocument as unsupported
    from jobfit.documents.classify import kind_named

    # documents before images (a signature's logo, a photo), each read only until a resume is found: an image costs OCR
    parts = sorted(((name, content, detect_format(content)) for name, content in attachments),
                   key=lambda part: part[2] in IMAGE_FORMATS)
    if body:
        parts.append(("the email's body", body.encode(), "txt"))
    found, refused, others = [], [], []
    for n, (name, content, kind) in enumerate(parts):
        try:
            found.append((name, read(content)))
        except unsupported as exc:
            refused.append((name, exc, kind))
            continue
        if found[-1][1].kind == "resume":
            # the documents after it are read too, to say which other resumes it carries (an agency's email of three
            # candidates): each is one of its own, whom this profile must not hide (a candidate's own resume sent twice,
            # as PDF and as Word, is one)
            later = [(other, data) for other, data, of in parts[n + 1:] if of in _RESUME_FORMATS]
            others = _each_candidate(later, read, [found[-1][1].text])
            break
    chosen = next(((name, text) for name, text in found if text.kind == "resume"), None)
    if chosen is None and accept_any_kind and found:
        chosen = found[0]
    if chosen is None:
        unread = [(name, exc) for name, exc, kind in refused if kind in _RESUME_FORMATS and exc.reason != "not_a_resume"]
        if unread:  # a resume that could not be read (locked, damaged): what to do about it
            name, exc = unread[0]
            raise unsupported(exc.reason, f"the attached {name}: {exc.message}")
        held = [f"{name} ({kind_named(text.kind)})" for name, text in found] + [f"{name} ({exc.reason})" for name, exc, _ in refused]
        raise unsupported("not_a_resume", "an email with no resume in it (" + ("; ".join(held) or "nothing attached")
                          + "): send or attach the resume itself, or release the document if its text is one")
    text = chosen[1]
    text.format = f"email/{text.format}"
    text.date = text.date or sent
    resumes = [name for name, _, other in others if not isinstance(other, unsupported)]
    said = [f"the email carries {len(resumes)} more resume{'s' if len(resumes) > 1 else ''} (" + ", ".join(resumes)
            + "), not read into this profile: save each in the inbox as its own document"] if resumes else []
    said += [f"the attached {name} could not be read ({other.message})" for name, _, other in others
             if isinstance(other, unsupported)]
    text.left_out = "; ".join(said) or None
    return text


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _each_candidate(files: list[tuple[str, bytes]], read: Callable, known: list[str] = ()) -> list[tuple[str, bytes, object]]:
    """(file name, bytes, DocumentText) of each candidate's first resume among the files, but those of candidates whose
    resume texts are `known`; in place of the text, the UnsupportedDocument of a file that could not be read (locked,
    damaged: it may be anyone's)."""
    from jobfit.documents import UnsupportedDocument

    texts, each = list(known), []
    for name, content in files:
        try:
            text = read(content)
        except UnsupportedDocument as exc:
            if exc.reason != "not_a_resume":
                each.append((name, content, exc))
            continue
        if text.kind == "resume" and all(_other_candidate(text.text, seen) for seen in texts):
            texts.append(text.text)
            each.append((name, content, text))
    return each


def _other_candidate(text: str, than: str) -> bool:
    """Whether two resume texts are two candidates': they share none of their email addresses, or, where either states
    none, not their first line (the name). A candidate's resume sent twice (as PDF and as Word) is one."""
    mine, theirs = set(_ADDRESS.findall(text.lower())), set(_ADDRESS.findall(than.lower()))
    if mine and theirs:
        return not mine & theirs
    return text.strip().split("\n")[0].strip().lower() != than.strip().split("\n")[0].strip().lower()


def _attachments(message: EmailMessage, depth: int = 0):
    """(file name, bytes) of every attachment, those of emails forwarded inside it too (a few deep)."""
    for part in message.walk():
        if part.get_content_maintype() == "message" and depth < FORWARDS:
            encoding = str(part.get("Content-Transfer-Encoding", "")).lower()
            if encoding in ("base64", "quoted-printable") and part.is_multipart():
                # a forwarded email encoded as if it were a file, which the parser leaves as its encoded text
                inner = part.get_payload(0).get_payload()
                raw = base64.b64decode(inner) if encoding == "base64" else quopri.decodestring(inner.encode())
                yield from _attachments(email.message_from_bytes(raw, policy=policy.default), depth + 1)
            continue  # else walk() goes on into it
        if part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment" or part.get_filename():
            content = part.get_payload(decode=True)
            if content and content.startswith(TNEF_SIGNATURE):  # the files Outlook wrapped in its winmail.dat
                yield from tnef_parts(content, depth)[0]
            elif content and not is_email(content):  # an email attached as a file is read as its own document
                yield part.get_filename() or part.get_content_type(), content


def _winmails(message: EmailMessage) -> list[bytes]:
    """The winmail.dat files Outlook attached to a message."""
    return [content for part in message.walk() if not part.is_multipart() and part.get_content_maintype() != "message"
            and (content := part.get_payload(decode=True)) and content.startswith(TNEF_SIGNATURE)]


def tnef_parts(data: bytes, depth: int = 0) -> tuple[list[tuple[str, bytes]], str | None, date | None]:
    """(its files as (file name, bytes), its body, the day it was sent) of Outlook's winmail.dat (read with tnefparse),
    those of a message attached to it too (a few deep); nothing of one damaged past reading."""
    from tnefparse import TNEF

    try:
        tnef = TNEF(data, do_checksum=False)
    except Exception:  # (a wrong signature raises ValueError, a cut one what its parser meets)
        return [], None, None
    return _tnef_files(tnef, depth), _tnef_body(tnef), next(
        (prop.data.date() for prop in tnef.msgprops if prop.name == TNEF.ATTDATESENT and hasattr(prop.data, "date")), None)


def _tnef_files(tnef, depth: int) -> list[tuple[str, bytes]]:
    files = []
    for attachment in tnef.attachments:
        if getattr(attachment, "embed", None) is not None:  # a message attached to it
            files += _tnef_files(attachment.embed, depth + 1) if depth < FORWARDS else []
        elif attachment.data:
            name = attachment.long_filename() or "attachment"
            files.append(((name.decode("cp1252", "replace") if isinstance(name, bytes) else name).strip("\x00"), attachment.data))
    return files


def _tnef_body(tnef) -> str | None:
    """A winmail.dat's body (what Outlook puts there is RTF)."""
    def rtf() -> bytes | None:
        try:
            return tnef.rtfbody
        except Exception:  # compressed_rtf raises a bare Exception for a bad header or CRC
            return None

    return _body_of(tnef.body, tnef.htmlbody, rtf)


def _body_of(plain: str | bytes | None, html: str | bytes | None, rtf: Callable[[], bytes | None]) -> str | None:
    """A message's body: its plain text, else its HTML's, else its RTF's (`rtf()`, unpacked only when needed)."""
    from jobfit.text import decode_bytes, html_text_and_headings

    def text_of(value) -> str:
        return decode_bytes(value) if isinstance(value, bytes) else str(value or "")

    text = text_of(plain)
    if not text.strip() and html:
        text = html_text_and_headings(text_of(html))[0]
    if not text.strip() and (unpacked := rtf()):
        text = _rtf_body_text(unpacked) or ""
    return text if text.strip() else None


def _body(message: EmailMessage) -> str | None:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return None
    content = part.get_content()
    if part.get_content_subtype() == "html":
        from jobfit.text import html_text_and_headings

        content = html_text_and_headings(content)[0]
    return content if content.strip() else None


def _sent_on(message: EmailMessage):
    try:
        return parsedate_to_datetime(str(message["Date"])).date() if message["Date"] else None
    except (TypeError, ValueError):
        return None



# MS-OXMSG: a message's properties, each in a stream named for its tag (id and type: 001F text in UTF-16, 001E text in
# the message's code page, 0102 bytes); its attachments, each a storage of their own; a message attached to it, a
# storage inside its attachment's; the fixed-size ones (dates) in a table of 16-byte entries after a header.
_ATTACHMENT = "__attach_version1.0_#"
_EMBEDDED = "__substg1.0_3701000D"
_PROPERTIES = "__properties_version1.0"
_SENT, _DELIVERED = 0x00390040, 0x0E060040  # PidTagClientSubmitTime, PidTagMessageDeliveryTime (PT_SYSTIME)


def _rtf_body_text(rtf: bytes) -> str | None:
    """The text of a message body kept as RTF, or None when it cannot be read. An HTML email's body is its HTML wrapped
    in RTF (MS-OXRTFEX, '\\fromhtml1'): its text is as the HTML writes it ('R&amp;D')."""
    import html

    from jobfit.documents import UnsupportedDocument
    from jobfit.documents.office import rtf_text

    try:
        text = rtf_text(rtf).text
    except UnsupportedDocument:
        return None
    return html.unescape(text) if b"\\fromhtml" in rtf[:1024] else text


def _decompressed(compressed: bytes) -> bytes | None:
    """RTF as a message keeps it, compressed (MS-OXRTFCP), unpacked; None when damaged."""
    from compressed_rtf import decompress

    try:
        return decompress(compressed)
    except Exception:  # compressed_rtf raises a bare Exception for a bad header or CRC
        return None


class _OutlookMessage:
    """One message of an Outlook .msg file (`prefix`: the storage of a message attached to another, '' at the top)."""

    def __init__(self, ole, streams: dict[str, list[str]], prefix: str, depth: int = 0):
        self.ole, self.streams, self.prefix, self.depth = ole, streams, prefix, depth

    def _read(self, name: str) -> bytes | None:
        path = self.streams.get(self.prefix + name)
        return self.ole.openstream(path).read() if path else None

    def _text(self, tag: str, under: str = "") -> str | None:
        if (wide := self._read(f"{under}__substg1.0_{tag}001F")) is not None:
            return wide.decode("utf-16-le", errors="replace").rstrip("\x00")
        if (narrow := self._read(f"{under}__substg1.0_{tag}001E")) is not None:
            return narrow.decode("cp1252", errors="replace").rstrip("\x00")
        return None

    def body(self) -> str | None:
        """The body (its compressed RTF is what Outlook always keeps)."""
        return _body_of(self._text("1000"), self._read("__substg1.0_10130102"),
                        lambda: _decompressed(self._read("__substg1.0_10090102") or b""))

    def sent(self):
        from datetime import UTC, datetime, timedelta

        table = self._read(_PROPERTIES) or b""
        # the header is 32 bytes long at the top, 24 in an attached message
        for at in range(24 if self.prefix else 32, len(table) - 15, 16):
            if int.from_bytes(table[at:at + 4], "little") in (_SENT, _DELIVERED):
                ticks = int.from_bytes(table[at + 8:at + 16], "little")  # 100 ns since 1601
                if ticks:
                    return (datetime(1601, 1, 1, tzinfo=UTC) + timedelta(microseconds=ticks // 10)).date()
        return None

    def attachments(self):
        """(file name, bytes) of every attachment, those of messages attached to it too (a few deep)."""
        storages = sorted({key[len(self.prefix):].split("/")[0] for key in self.streams if key.startswith(self.prefix)
                           and key[len(self.prefix):].startswith(_ATTACHMENT)})
        for storage in storages:
            under = f"{storage}/"
            if any(key.startswith(f"{self.prefix}{under}{_EMBEDDED}/") for key in self.streams):
                if self.depth < FORWARDS:
                    yield from _OutlookMessage(self.ole, self.streams, f"{self.prefix}{under}{_EMBEDDED}/",
                                               self.depth + 1).attachments()
                continue
            content = self._read(f"{under}__substg1.0_37010102")
            if content:
                name = self._text("3707", under) or self._text("3704", under) or self._text("3001", under) or storage
                yield name, content
