"""What a zip archive holds when zipfile cannot give it: a DOCX or ODT cut short by a download or a full disk, or with
a damaged part (and a sound package python-docx refuses for its content type, a macro-enabled Word file).

A zip's index (the central directory) is at its end, so an archive cut short cannot be opened at all, though every
part before the cut is whole in it, each behind a local header that names it. Read from those headers, a part is
inflated as far as its bytes go: a part cut short or damaged inside gives the text before the damage.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from jobfit.documents import ZIP_SIGNATURE, UnsupportedDocument

# signature, version, flags, method, time, date, CRC-32, compressed size, size, name length, extra length
LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
STORED, DEFLATED = 0, 8
SIZES_AFTER = 0x08  # the sizes and CRC follow the data (a data descriptor), the header holds zeros
UTF8_NAME = 0x800
CHUNK, STEP = 1 << 16, 64


@dataclass
class Part:
    data: bytes
    whole: bool  # read to its end, its checksum right


def _headers(data: bytes):
    """(offset, header fields, name, where the data starts) of each local header, in the archive's order."""
    at = data.find(ZIP_SIGNATURE)
    while at >= 0 and at + LOCAL_HEADER.size <= len(data):
        fields = LOCAL_HEADER.unpack_from(data, at)
        name_end = at + LOCAL_HEADER.size + fields[9]
        name = data[at + LOCAL_HEADER.size:name_end].decode("utf-8" if fields[2] & UTF8_NAME else "cp437", "replace")
        yield at, fields, name, name_end + fields[10]
        at = data.find(ZIP_SIGNATURE, at + 4)


def part_names(data: bytes) -> list[str]:
    """The names of the parts whose headers are in the archive, whether or not it can be opened."""
    return [name for _, _, name, _ in _headers(data)]


def _inflate(data: bytes, start: int, budget: int) -> tuple[bytes, bool]:
    """A deflated part's bytes as far as they go, and whether its stream ended."""
    stream = zlib.decompressobj(-zlib.MAX_WBITS)
    out = bytearray()
    for at in range(start, len(data), CHUNK):
        before = stream.copy()
        try:  # (a max_length of 0 would mean none)
            out += stream.decompress(data[at:at + CHUNK], max(budget - len(out), 0) + 1)
        except zlib.error:  # damaged inside: what came before the damage, fed again in small steps to keep it
            for step in range(at, min(at + CHUNK, len(data)), STEP):
                try:
                    out += before.decompress(data[step:step + STEP], max(budget - len(out), 0) + 1)
                except zlib.error:
                    break
            return bytes(out[:budget]), False
        if len(out) > budget:
            raise UnsupportedDocument("zip_bomb", "the damaged archive unpacks far beyond its size: it was not read; "
                                                  "ask the sender to save it again")
        if stream.eof:
            return bytes(out), True
    return bytes(out), False


def salvage_parts(data: bytes, wanted: set[str], budget: int) -> dict[str, Part]:
    """The wanted parts of an archive, read from their local headers, each as far as it can be; `budget` bounds the
    bytes unpacked (a damaged archive has no index to check against a zip bomb first)."""
    parts: dict[str, Part] = {}
    for _, fields, name, start in _headers(data):
        flags, method, crc, size = fields[2], fields[3], fields[6], fields[7]
        if name not in wanted or name in parts or method not in (STORED, DEFLATED):
            continue
        if method == DEFLATED:
            body, ended = _inflate(data, start, budget)
        else:
            if size and not flags & SIZES_AFTER:
                end = start + size
            else:  # up to what follows it: a data descriptor, the next part or the index
                end = min((at for mark in (b"PK\x07\x08", ZIP_SIGNATURE, b"PK\x01\x02") if (at := data.find(mark, start)) >= 0),
                          default=len(data) + 1)
            body, ended = data[start:end], end <= len(data)
        budget -= len(body)
        checked = flags & SIZES_AFTER or zlib.crc32(body) == crc
        parts[name] = Part(body, ended and bool(checked))
    return parts
