"""Real services for the tests, started on 127.0.0.1 and torn down afterwards."""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Postgres:
    host: str
    port: int
    user: str
    password: str


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or ([shutil.which(name)] if shutil.which(name) else [])
    return found[-1] if found else None


@contextmanager
def postgres_server():
    """A throwaway PostgreSQL cluster on a free loopback port (run as the postgres user when we are root)."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries are missing: scripts/setup.sh installs the Debian package postgresql")
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    as_user: list[str] = []
    root = tempfile.mkdtemp(prefix="jobfit-pg-")
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres")
    data, port = os.path.join(root, "data"), free_port()
    password_file = os.path.join(root, "pw")
    with open(password_file, "w") as handle:
        handle.write("jobfit-test")
    if as_user:
        shutil.chown(password_file, "postgres")
    subprocess.run([*as_user, initdb, "-D", data, "-U", "jobfit", "--auth=scram-sha-256", f"--pwfile={password_file}"],
                   check=True, capture_output=True)
    subprocess.run([*as_user, pg_ctl, "-D", data, "-w", "-l", os.path.join(root, "log"),
                    "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1", "start"], check=True, capture_output=True)
    try:
        yield Postgres("127.0.0.1", port, "jobfit", "jobfit-test")
    finally:
        subprocess.run([*as_user, pg_ctl, "-D", data, "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def wait_for(predicate, timeout: float, interval: float = 1.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception as exc:  # the service may still be starting
            last_error = exc
        time.sleep(interval)
    raise TimeoutError(f"{what} not reached in {timeout:.0f}s (last error: {last_error})")


class LoopbackServer:
    """An HTTP server on 127.0.0.1 in a background thread, for `with` blocks; `root` is its base URL."""

    def _serve(self, handler) -> None:
        import http.server
        import threading

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.root = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


class OpenAIStub(LoopbackServer):
    """An OpenAI-compatible chat completions server on 127.0.0.1; `mode` picks its behaviour."""

    def __init__(self, answer: dict):
        import http.server
        import json

        stub = self
        self.mode, self.answer, self.requests = "valid", answer, []

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append(body)
                if stub.mode == "fail":
                    return self._send(500, {"error": {"message": "upstream exploded", "type": "server_error"}})
                if stub.mode == "slow":
                    time.sleep(3)
                content = json.dumps(stub.answer) if stub.mode in ("valid", "slow") else '{"basics": "not an object"'
                self._send(200, {
                    "id": "chatcmpl-stub", "object": "chat.completion", "created": 0, "model": body["model"],
                    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
                    "usage": {"prompt_tokens": 120, "completion_tokens": 80, "total_tokens": 200},
                })

            def _send(self, status, payload):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._serve(Handler)
        self.base_url = f"{self.root}/v1"


EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def eicar_database(folder) -> str:
    """A ClamAV signature folder holding one signature: the EICAR test string (no downloads needed)."""
    import hashlib

    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "jobfit-test.hdb"), "w") as handle:
        handle.write(f"{hashlib.md5(EICAR).hexdigest()}:{len(EICAR)}:Jobfit-Test-EICAR\n")
    return str(folder)


def require_binary(name: str, package: str) -> str:
    path = shutil.which(name) or (f"/usr/sbin/{name}" if os.path.exists(f"/usr/sbin/{name}") else None)
    if not path:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing: scripts/setup.sh installs the Debian package {package}")
        pytest.skip(f"{name} is not installed (apt-get install {package})")
    return path


@contextmanager
def clamd_server(database: str):
    """clamd on a Unix socket in a temporary folder, loading only the given signatures."""
    clamd = require_binary("clamd", "clamav-daemon")
    root = tempfile.mkdtemp(prefix="jobfit-clamd-")
    socket_path = os.path.join(root, "clamd.sock")
    config = os.path.join(root, "clamd.conf")
    with open(config, "w") as handle:
        handle.write(f"LocalSocket {socket_path}\nDatabaseDirectory {database}\nForeground yes\nLogFile {root}/clamd.log\n")
        if os.geteuid() == 0:
            handle.write("User root\n")
    process = subprocess.Popen([clamd, "-c", config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: os.path.exists(socket_path), 60, 0.2, what="clamd's socket")
        yield socket_path
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)


class FeedServer(LoopbackServer):
    """An HTTP server on 127.0.0.1 serving feed files like a job board: ETag and Last-Modified with
    304 on a conditional request, plus routes that fail, flake, stall or send too much.

    `files` maps a path to bytes. Special paths: /fail (always 500), /flaky (503 with Retry-After
    the first time, then the file at /flaky), /slow (answers after 3 s), /huge (30 MB)."""

    def __init__(self, files: dict[str, bytes]):
        import hashlib
        import http.server

        server = self
        self.files, self.requests, self._flaked = files, [], False

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                if self.path == "/fail":
                    return self._send(500, b"upstream exploded")
                if self.path == "/flaky" and not server._flaked:
                    server._flaked = True
                    return self._send(503, b"try later", {"Retry-After": "0"})
                if self.path == "/slow":
                    time.sleep(3)
                if self.path == "/huge":
                    return self._send(200, b"<rss>" + b" " * (30 * 1024 * 1024) + b"</rss>")
                body = server.files.get(self.path)
                if body is None:
                    return self._send(404, b"no such feed")
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"")
                self._send(200, body, {"ETag": etag, "Last-Modified": "Sun, 22 Nov 2026 06:00:00 GMT"})

            def _send(self, status, body, headers=None):
                self.send_response(status)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    try:
                        self.wfile.write(body)
                    except (BrokenPipeError, ConnectionResetError):
                        pass

        self._serve(Handler)
        self.url = self.root
