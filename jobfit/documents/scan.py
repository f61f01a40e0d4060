"""Optional virus scanning with ClamAV: `clamscan` (with an optional database folder) or a clamd socket."""

from __future__ import annotations

import socket
import struct
import subprocess


class ScanError(Exception):
    """The scanner could not give a verdict; the document is held back rather than opened unscanned."""


def _clamscan(data: bytes, database: str | None) -> str | None:
    command = ["clamscan", "--no-summary", "--stdout", *(["-d", database] if database else []), "-"]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=120)
    except (FileNotFoundError, subprocess.TimeoutExpired) as exc:
        raise ScanError(f"clamscan could not run ({exc})") from exc
    if done.returncode == 0:
        return None
    if done.returncode == 1:
        line = done.stdout.decode(errors="replace").strip().splitlines()[-1]
        return line.split(":", 1)[1].strip().removesuffix(" FOUND")
    raise ScanError(f"clamscan failed: {done.stderr.decode(errors='replace').strip()[:300]}")


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


def scan_bytes(data: bytes, scanner: str, database: str | None = None) -> str | None:
    """The signature name when ClamAV finds something, None when the bytes are clean.

    `scanner` is "clamscan" or "clamd:<socket path or host:port>".
    """
    if scanner == "clamscan":
        return _clamscan(data, database)
    if scanner.startswith("clamd:"):
        return _clamd(data, scanner.removeprefix("clamd:"))
    raise ScanError(f"unknown virus scanner {scanner!r}: use clamscan or clamd:<socket>")
