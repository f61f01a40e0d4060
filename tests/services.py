"""Real services for the tests, started on 127.0.0.1 and torn down afterwards."""

import glob
import os
import shutil
import signal
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


def stop_group(process) -> None:
    """Stop a child started in its own session, with everything it started: SIGTERM, then SIGKILL after 30 s."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


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


class DriveEmulator(LoopbackServer):
    """The parts of the Google Drive v3 API jobfit uses, on 127.0.0.1, with Google's OAuth token endpoint.

    A service account signs a JWT and trades it at /token for a bearer token, as google-auth does with
    Google; the emulator checks the signature against the key it issued. Files live in `files` (id to a
    dict of name, mimeType, parents, content, trashed); Google Docs hold the DOCX their export returns.
    `fail_next` holds HTTP statuses (or (status, reason)) to answer the next API requests with (a flaky Drive),
    `fail_downloads` the same for the next downloads only."""

    FOLDER = "application/vnd.google-apps.folder"

    def __init__(self):
        import http.server
        import itertools
        import json
        import secrets
        from urllib.parse import parse_qs, urlsplit

        import jwt
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        emulator = self
        self.files, self.tokens, self.requests, self.fail_next, self.fail_downloads = {}, set(), [], [], []
        self._ids = itertools.count(1)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._public_key = key.public_key()
        self._private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()).decode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                if self.path != "/token":
                    return self._json(404, {"error": "not found"})
                form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
                try:
                    # google-auth always addresses the assertion to Google's endpoint, wherever token_uri points
                    claims = jwt.decode(form["assertion"][0], emulator._public_key, algorithms=["RS256"],
                                        audience="https://oauth2.googleapis.com/token")
                except (KeyError, jwt.PyJWTError) as exc:
                    return self._json(400, {"error": "invalid_grant", "error_description": str(exc)})
                if form.get("grant_type") != ["urn:ietf:params:oauth:grant-type:jwt-bearer"] or "drive" not in claims.get("scope", ""):
                    return self._json(400, {"error": "invalid_scope"})
                token = secrets.token_hex(16)
                emulator.tokens.add(token)
                self._json(200, {"access_token": token, "expires_in": 3600, "token_type": "Bearer"})

            def do_GET(self):
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                emulator.requests.append((url.path, query))
                if self.headers.get("Authorization", "").removeprefix("Bearer ") not in emulator.tokens:
                    return self._json(401, {"error": {"code": 401, "message": "Request had invalid authentication credentials."}})
                downloading = query.get("alt") == "media" or url.path.endswith("/export")
                failing = emulator.fail_next or (emulator.fail_downloads if downloading else [])
                if failing:  # a status, or a status and Google's reason ('userRateLimitExceeded')
                    status, reason = (lambda f: f if isinstance(f, tuple) else (f, "backendError"))(failing.pop(0))
                    return self._json(status, {"error": {"code": status, "message": reason,
                                                         "errors": [{"domain": "usageLimits", "reason": reason}]}}, {"Retry-After": "0"})
                parts = url.path.removeprefix("/drive/v3/").split("/")
                if parts == ["files"]:
                    return self._list(query)
                item = emulator.files.get(parts[1]) if len(parts) > 1 and parts[0] == "files" else None
                if item is None or item["trashed"]:
                    return self._json(404, {"error": {"code": 404, "message": f"File not found: {parts[-1]}."}})
                google_native = item["mimeType"].startswith("application/vnd.google-apps.")
                if parts[2:] == ["export"]:
                    if not google_native:
                        return self._json(403, {"error": {"message": "Export only supports Docs Editors files."}})
                    return self._bytes(item["content"], query["mimeType"])
                if query.get("alt") == "media":
                    if google_native:
                        return self._json(403, {"error": {"message": "Only files with binary content can be downloaded."}})
                    return self._bytes(item["content"], item["mimeType"])
                self._json(200, emulator.metadata(item))

            def _list(self, query):
                import re

                parent = re.search(r"'([^']+)' in parents", query.get("q", ""))
                hide_trashed = "trashed = false" in query.get("q", "")
                found = [f for f in emulator.files.values()
                         if (not parent or parent.group(1) in f["parents"]) and not (hide_trashed and f["trashed"])]
                found.sort(key=lambda f: (f["mimeType"] != emulator.FOLDER, f["name"]))
                start, size = int(query.get("pageToken") or 0), int(query.get("pageSize") or 100)
                page = {"files": [emulator.metadata(f) for f in found[start:start + size]]}
                if start + size < len(found):
                    page["nextPageToken"] = str(start + size)
                self._json(200, page)

            def _bytes(self, body, mime):
                self.send_response(200)
                self.send_header("Content-Type", mime)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _json(self, status, payload, headers=None):
                data = json.dumps(payload).encode()
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._serve(Handler)

    def metadata(self, item: dict) -> dict:
        import hashlib

        shown = {k: item[k] for k in ("id", "name", "mimeType", "modifiedTime")}
        shown["version"] = str(item["version"])
        shown["webViewLink"] = f"https://drive.google.com/file/d/{item['id']}/view"
        if not item["mimeType"].startswith("application/vnd.google-apps."):
            shown["md5Checksum"] = hashlib.md5(item["content"]).hexdigest()
            shown["size"] = str(len(item["content"]))
        return shown

    def add(self, name: str, mime_type: str, content: bytes = b"", parent: str | None = None) -> str:
        file_id = f"f{next(self._ids):04d}x"
        self.files[file_id] = {"id": file_id, "name": name, "mimeType": mime_type, "parents": [parent] if parent else [],
                               "content": content, "trashed": False, "version": 1, "modifiedTime": "2026-12-01T09:00:00.000Z"}
        return file_id

    def folder(self, name: str, parent: str | None = None) -> str:
        return self.add(name, self.FOLDER, parent=parent)

    def edit(self, file_id: str, content: bytes) -> None:
        item = self.files[file_id]
        item.update(content=content, version=item["version"] + 1, modifiedTime="2026-12-02T09:00:00.000Z")

    def service_account_key(self, folder) -> str:
        """A service-account JSON key whose token endpoint is this emulator's."""
        import json

        path = os.path.join(folder, "service-account.json")
        with open(path, "w") as handle:
            json.dump({"type": "service_account", "project_id": "jobfit-test", "private_key_id": "test-key",
                       "private_key": self._private_pem, "client_email": "jobfit@jobfit-test.iam.gserviceaccount.com",
                       "client_id": "1", "token_uri": f"{self.root}/token"}, handle)
        return path


class MailServer:
    """An SMTP server on 127.0.0.1 (aiosmtpd) that keeps each message it accepts in `messages`, asks for a login
    when `credentials` are given, and answers 550 to the addresses in `refuse`."""

    def __init__(self, refuse: tuple[str, ...] = (), credentials: tuple[str, str] | None = None):
        import email
        from email import policy

        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        server = self
        self.messages, self.envelopes, self.logins = [], [], []

        class Handler:
            async def handle_RCPT(self, smtp, session, envelope, address, rcpt_options):
                if address.lower() in refuse:
                    return "550 5.1.1 No such mailbox here"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, smtp, session, envelope):
                server.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
                server.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
                return "250 Message accepted for delivery"

        def authenticate(smtp, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and (auth_data.login.decode(), auth_data.password.decode()) == credentials
            server.logins.append((mechanism, ok))
            return AuthResult(success=ok)

        options = {"authenticator": authenticate, "auth_required": True, "auth_require_tls": False} if credentials else {}
        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, **options)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()
