"""Shared fixtures: a data directory seeded from the bundled samples, and one full pipeline run over it."""

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def seeded_settings(data_dir: Path):
    """Settings for a fresh data directory holding the sample inbox and feeds."""
    from resources.settings import Settings

    shutil.copytree(SAMPLES / "inbox", data_dir / "inbox")
    shutil.copytree(SAMPLES / "feeds", data_dir / "feeds")
    shutil.copyfile(SAMPLES / "feeds.yaml", data_dir / "feeds.yaml")
    return Settings(data_dir=data_dir, inbox_dir=data_dir / "inbox", feeds_file=data_dir / "feeds.yaml",
                    api_keys_file=data_dir / "api_keys.yaml")


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory):
    """Every asset materialized once over the samples, in a temporary data dir with an ephemeral instance."""
    import dagster as dg

    from pipelines.bootstrap import materialize_everything

    settings = seeded_settings(tmp_path_factory.mktemp("pipeline") / "data")
    instance = dg.DagsterInstance.ephemeral()
    materialize_everything(settings, instance)
    return settings, instance


def catch_up_tick(instance, storage, cursor):
    """One tick of the catch-up sensor on the instance, with the cursor of the tick before."""
    import dagster as dg

    from sensors.catch_up import catch_up_sensor

    return catch_up_sensor(dg.build_sensor_context(instance=instance, cursor=cursor, resources={"storage": storage}))


@pytest.fixture(scope="session")
def matcher():
    from jobfit.taxonomy import shared_matcher

    return shared_matcher()


def make_zip(files: dict[str, bytes], locked: bool = False) -> bytes:
    """A zip archive of the files ({name: bytes}); `locked` marks its members as a password locks them."""
    import io
    import zipfile

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    raw = bytearray(data.getvalue())
    if locked:  # (zipfile writes no encrypted members; the flag in each header is what readers go by)
        for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = raw.find(signature)
            while at >= 0:
                raw[at + offset] |= 0x1
                at = raw.find(signature, at + 4)
    return bytes(raw)


def make_archive(kind: str, files: dict[str, bytes], locked: bool = False) -> bytes:
    """An archive of the files ({name: bytes}) as `kind` ("zip", "7z", "rar" (RAR 4), "rar5", "tar.gz", "tar.xz") writes
    it, each file but a zip's saved on 2024-01-15; `locked` marks its members as a password locks them (zip and RAR)."""
    import io
    import tarfile

    if kind == "zip":
        return make_zip(files, locked)
    from tests.services import require_binary

    require_binary("bsdtar", "libarchive-tools")  # (the package that brings libarchive, which reads these)
    if kind == "rar":
        return _rar(files, locked)
    if kind == "rar5":
        return _rar5(files, locked)
    if kind == "7z":
        import libarchive

        written: list[bytes] = []
        with libarchive.custom_writer(lambda block: written.append(bytes(block)) or len(block), "7zip") as archive:
            for name, content in files.items():
                archive.add_file_from_memory(name, len(content), content, mtime=1705309200)
        return b"".join(written)
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode=f"w:{kind.split('.')[1]}") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(f"./{name}")  # as `tar czf cvs.tgz .` writes them
            info.size, info.mtime = len(content), 1705309200
            archive.addfile(info, io.BytesIO(content))
    return data.getvalue()


def _rar(files: dict[str, bytes], locked: bool) -> bytes:
    """A RAR 4 archive of the files, stored (RAR's own compression is proprietary; no free tool writes it), as the
    format's technical note lays one out: a marker, the archive's header, a header and the bytes of each file, an end."""
    import struct
    import zlib

    def block(kind: int, flags: int, body: bytes) -> bytes:
        head = struct.pack("<BHH", kind, flags, 7 + len(body)) + body
        return struct.pack("<H", zlib.crc32(head) & 0xFFFF) + head  # each header's CRC: the low 16 bits of its CRC-32

    saved = (44 << 25) | (1 << 21) | (15 << 16) | (9 << 11)  # 2024-01-15 09:00 in MS-DOS time
    out = b"Rar!\x1a\x07\x00" + block(0x73, 0, bytes(6))
    for name, content in files.items():
        path = name.replace("/", "\\").encode()
        # sizes, host (MS-DOS), CRC-32, time, version 2.0, method 0x30 (stored), name length, attributes (a file)
        body = struct.pack("<IIBIIBBHI", len(content), len(content), 0, zlib.crc32(content), saved, 20, 0x30,
                           len(path), 0x20) + path
        out += block(0x74, 0x8000 | (0x04 if locked else 0), body) + content  # 0x04: locked by a password
    return out + block(0x7B, 0x4000, b"")


def _rar5(files: dict[str, bytes], locked: bool) -> bytes:
    """A RAR 5 archive (WinRAR's format since 2013) of the files, stored, as its technical note lays one out: a
    signature, then blocks of a CRC-32, a size and a type (the archive's, each file's with its bytes after it, the
    end), numbers written 7 bits a byte."""
    import struct
    import zlib

    def number(n: int) -> bytes:
        out = bytearray()
        while True:
            out.append((n & 0x7F) | (0x80 if n > 0x7F else 0))
            n >>= 7
            if not n:
                return bytes(out)

    def block(kind: int, fields: bytes, data_size: int | None = None, extra: bytes = b"") -> bytes:
        flags = (0x01 if extra else 0) | (0x02 if data_size is not None else 0)  # an extra area; a data area after the header
        head = number(kind) + number(flags) + (number(len(extra)) if extra else b"") \
            + (number(data_size) if data_size is not None else b"") + fields + extra
        head = number(len(head)) + head
        return struct.pack("<I", zlib.crc32(head)) + head

    out = b"Rar!\x1a\x07\x01\x00" + block(1, number(0))
    for name, content in files.items():
        path = name.encode()
        # time and CRC-32 stated, size, attributes (an archived file), time, CRC-32, stored (method 0), host Windows, name
        fields = number(0x02 | 0x04) + number(len(content)) + number(0x20) + struct.pack("<II", 1705309200, zlib.crc32(content)) \
            + number(0) + number(0) + number(len(path)) + path
        # a password's encryption record (type 1: version, flags, the key's rounds, salt, IV), and bytes as locked
        record = number(1) + number(0) + number(0) + bytes([15]) + bytes(16) + bytes(16)
        if locked:
            content = bytes(b ^ 0x5A for b in content)
        out += block(2, fields, len(content), number(len(record)) + record if locked else b"") + content
    return out + block(5, number(0))


def make_email(body: str, *attachments: tuple[str, str, bytes], date: str = "Tue, 03 Mar 2026 09:12:00 +0100") -> bytes:
    """An email as a mail client saves it (.eml), Ana's, with the attachments ((file name, MIME type, bytes))."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "Ana Example <ana@example.com>", "jobs@acme.example", "Application"
    message["Date"] = date
    message.set_content(body)
    for name, kind, data in attachments:
        maintype, subtype = kind.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(message)


def make_winmail(files: list[tuple[str, bytes]], rtf_body: bytes | None = None, sent=(2026, 3, 3, 8, 12, 0)) -> bytes:
    """Outlook's winmail.dat (TNEF, MS-OXTNEF) as Outlook sends a message in its rich text format: the sending time, the
    body as compressed RTF among the message's MAPI properties (`rtf_body`, already compressed), and each file an
    attachment of its own (rendering, 8.3 title, bytes, then its MAPI properties with the long file name)."""
    def attribute(level: int, tag: int, data: bytes) -> bytes:  # tag: the attribute's type in the high word, its id low
        return bytes([level]) + tag.to_bytes(4, "little") + len(data).to_bytes(4, "little") + data \
            + (sum(data) & 0xFFFF).to_bytes(2, "little")

    def mapi(props: list[tuple[int, int, bytes]]) -> bytes:  # (type, id, value) of variable-length types, one value each
        out = len(props).to_bytes(4, "little")
        for kind, tag, value in props:
            out += kind.to_bytes(2, "little") + tag.to_bytes(2, "little") + (1).to_bytes(4, "little") \
                + len(value).to_bytes(4, "little") + value + bytes(-len(value) % 4)
        return out

    message, attachment = 1, 2
    out = (0x223E9F78).to_bytes(4, "little") + (0x1234).to_bytes(2, "little")
    out += attribute(message, 0x00089006, (0x00010000).to_bytes(4, "little"))  # attTnefVersion
    out += attribute(message, 0x00069007, (1252).to_bytes(4, "little") + bytes(4))  # attOemCodepage
    out += attribute(message, 0x00078008, b"IPM.Microsoft Mail.Note\x00")  # attMessageClass
    out += attribute(message, 0x00038005, b"".join(v.to_bytes(2, "little") for v in (*sent, 2)))  # attDateSent
    if rtf_body is not None:
        out += attribute(message, 0x00069003, mapi([(0x0102, 0x1009, rtf_body)]))  # attMsgProps: PR_RTF_COMPRESSED
    for n, (name, data) in enumerate(files):
        stem, _, suffix = name.rpartition(".")
        short = f"{stem.replace(' ', '')[:6].upper()}~{n + 1}.{suffix[:3].upper()}"
        out += attribute(attachment, 0x00069002, (1).to_bytes(2, "little") + (0xFFFFFFFF).to_bytes(4, "little")
                         + (0xFFFF).to_bytes(2, "little") * 2 + bytes(4))  # attAttachRendData: a file
        out += attribute(attachment, 0x00018010, short.encode() + b"\x00")  # attAttachTitle
        out += attribute(attachment, 0x0006800F, data)  # attAttachData
        out += attribute(attachment, 0x00069005, mapi([(0x001F, 0x3707, (name + "\x00").encode("utf-16-le"))]))  # attAttachment
    return out


def make_portfolio(files: dict[str, bytes], collection: bool = True) -> bytes:
    """A PDF portfolio as Acrobat combines files into one: a cover page, each file embedded (its full name as `ufilename`),
    and the catalog's /Collection that makes a reader show the files; without it, a PDF with files attached."""
    import pymupdf

    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "This PDF portfolio holds files: open it in Adobe Acrobat or Reader.")
    for n, (name, data) in enumerate(files.items()):
        document.embfile_add(f"file{n}", data, filename=name, ufilename=name)
    if collection:
        document.xref_set_key(document.pdf_catalog(), "Collection", "<</Type/Collection/View/D>>")
    return document.tobytes()


# A JSON Resume (jsonresume.org's schema) written for the tests: every section a reader keeps as stated
LENA = {
    "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    "basics": {
        "name": "Lena Fischer", "label": "Senior Platform Engineer", "email": "lena.fischer@example.org",
        "phone": "(312) 555-0147", "url": "https://lena.example.org",
        "summary": "Platform engineer who runs Kubernetes clusters and the pipelines that feed them.",
        "location": {"address": "12 Wacker Dr", "postalCode": "60601", "city": "Chicago", "region": "IL", "countryCode": "US"},
        "profiles": [{"network": "GitHub", "username": "lenaf", "url": "https://github.com/lenaf"}],
    },
    "work": [
        {"name": "Cobalt Health", "position": "Senior Platform Engineer", "location": "Chicago, IL", "startDate": "2021-05-01",
         "summary": "Runs the shared Kubernetes platform.",
         "highlights": ["Moved 40 services to k8s with Terraform", "Cut deploy time by 80% with CI/CD pipelines"]},
        {"name": "Lakeshore College", "position": "Systems Administrator / DBA", "startDate": "2016-06", "endDate": "2021-04",
         "highlights": ["Ran PostgreSQL and Linux servers with Ansible"]},
    ],
    "volunteer": [{"organization": "CoderDojo Chicago", "position": "Mentor", "startDate": "2019-01", "endDate": "2020-06"}],
    "education": [{"institution": "DePaul University", "area": "Information Technology", "studyType": "Bachelor of Science",
                   "startDate": "2012-09", "endDate": "2016-06", "score": "3.6", "courses": ["Operating Systems"]}],
    "certificates": [{"name": "Certified Kubernetes Administrator", "date": "2022-03-10", "issuer": "CNCF"}],
    "skills": [{"name": "Cloud", "level": "Advanced", "keywords": ["AWS", "GCP"]}, {"name": "Python"}],
    "languages": [{"language": "German", "fluency": "Native speaker"}, {"language": "English", "fluency": "Fluent"}],
    "projects": [{"name": "kube-janitor", "description": "Cleans idle namespaces", "startDate": "2020",
                  "url": "https://github.com/lenaf/kube-janitor"}],
}
