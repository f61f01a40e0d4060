"""Optional virus scanning with ClamAV: `clamscan` (with an optional database folder) or a clamd socket.

`clamscan` loads its whole signature database each time it starts, so a batch of files is scanned by one `clamscan`
(benchmarks/scan.py); clamd holds the database and takes one file at a time.
"""

from __future__ import annotations

import os
import socket
import struct
import subprocess
import tempfile
from pathlib import Path


class ScanError(Exception):
    """The scanner could not give a verdict; the document is held back rather than opened unscanned."""


Verdict = str | None | ScanError  # the signature found, None when clean, or why there is no verdict


def _reading(line: str) -> tuple[str, Verdict] | None:
    """One file's line of `clamscan --stdout`: "PATH: OK", "PATH: Empty file", "PATH: SIGNATURE FOUND" or another
    state that is no verdict ("PATH: … ERROR"). Signatures hold no ": ", so the last one ends the path."""
    path, sep, state = line.rpartition(": ")
    if not sep or line.startswith(("WARNING: ", "ERROR: ", "LibClamAV ")):
        return None
    if state in ("OK", "Empty file"):
        return path, None
    if state.endswith(" FOUND"):
        return path, state.removesuffix(" FOUND")
    return path, ScanError(f"clamscan: {state}")


def _clamscan(paths: list[Path], database: str | None) -> dict[Path, Verdict]:
    named = {os.path.abspath(path): path for path in paths}
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as listing:
        listing.write("".join(f"{name}\n" for name in named))
        listing.flush()
        command = ["clamscan", "--no-summary", "--stdout", *(["-d", database] if database else []), f"--file-list={listing.name}"]
        try:
            done = subprocess.run(command, capture_output=True, timeout=120 + 2 * len(paths))
        except (FileNotFoundError, subprocess.TimeoutExpired) as exc:
            return dict.fromkeys(paths, ScanError(f"clamscan could not run ({exc})"))
    verdicts: dict[Path, Verdict] = {}
    for line in done.stdout.decode(errors="replace").splitlines():
        reading = _reading(line)
        if reading and reading[0] in named:
            verdicts[named[reading[0]]] = reading[1]
    stderr = done.stderr.decode(errors="replace")
    for line in stderr.splitlines():  # "PATH: No such file or directory"
        path, _, problem = line.rpartition(": ")
        if path in named and named[path] not in verdicts:
            verdicts[named[path]] = ScanError(f"clamscan could not scan it: {problem}")
    unread = ScanError(f"clamscan gave no verdict (exit {done.returncode}: {stderr.strip()[:300]})")
    return {path: verdicts.get(path, unread) for path in paths}


def _clamd(data: bytes, address: str) -> str | None:
    try:
        if address.startswith("/"):
            connection = socket.socket(socket.AF_UNIX)
            connection.settimeout(120)
            connection.connect(address)
        else:
            host, port = address.rsplit(":", 1)
            connection = socket.create_connection((host, int(port)), timeout=120)
        with connection:
            connection.sendall(b"zINSTREAM\0")
            for start in range(0, len(data), 1 << 16):
                chunk = data[start:start + (1 << 16)]
                connection.sendall(struct.pack("!I", len(chunk)) + chunk)
            connection.sendall(struct.pack("!I", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                part = connection.recv(4096)
                if not part:
                    break
                reply += part
    except OSError as exc:
        raise ScanError(f"clamd at {address} could not be reached ({exc})") from exc
    verdict = reply.rstrip(b"\0").decode(errors="replace")
    if verdict.endswith(" OK"):
        return None
    if verdict.endswith(" FOUND"):
        return verdict.split(":", 1)[1].strip().removesuffix(" FOUND")
    raise ScanError(f"clamd answered {verdict!r}")


def _clamd_file(path: Path, address: str) -> Verdict:
    try:
        return _clamd(path.read_bytes(), address)
    except OSError as exc:  # the file, not the daemon
        return ScanError(f"could not read {path.name} to scan it ({exc})")
    except ScanError as exc:
        return exc


def scan_files(paths: list[Path], scanner: str, database: str | None = None) -> dict[Path, Verdict]:
    """Each file's verdict: the signature name when ClamAV finds something, None when the file is clean, or the
    ScanError that kept a verdict from it (a file is never passed unscanned).

    `scanner` is "clamscan" (one process for all the files) or "clamd:<socket path or host:port>".
    """
    if not paths:
        return {}
    if scanner == "clamscan":
        return _clamscan(paths, database)
    if scanner.startswith("clamd:"):
        return {path: _clamd_file(path, scanner.removeprefix("clamd:")) for path in paths}
    return dict.fromkeys(paths, ScanError(f"unknown virus scanner {scanner!r}: use clamscan or clamd:<socket>"))
