"""API keys to principals: admin (everything), recruiter (one tenant), candidate (their own profiles)."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

from jobfit.access import Principal, read_principals

__all__ = ["ApiKeys", "KeysFileError", "Principal", "demo_keys"]

log = logging.getLogger("jobfit.api")


class KeysFileError(Exception):
    """The keys file cannot be used and no keys were read from it before: the API cannot tell anyone in."""


class ApiKeys:
    """Keys read from the keys file, re-read when the file changes (no restart to add a key). An edit that leaves the
    file unusable (invalid YAML, a key without its role) keeps the keys read before working and says why in the log
    and in /health; with none read before, the API answers 503 with the reason."""

    def __init__(self, path: Path):
        self.path = path
        self._stamp: tuple[int, int] | None = None
        self._keys: dict[str, Principal] | None = None
        self.problem: str | None = None  # why the file as it is now cannot be used

    def _load(self) -> None:
        stat = self.path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        if stamp == self._stamp:
            return
        self._stamp = stamp
        try:
            self._keys, self.problem = read_principals(self.path), None
        except (OSError, ValueError) as exc:
            self.problem = str(exc)
            log.error(f"the API keys file cannot be used: {exc}; {self._kept()}")

    def _kept(self) -> str:
        """What still works while the file cannot be used."""
        return "the keys read before it changed still work" if self._keys is not None else "no key works until it is mended"

    def health(self) -> str:
        """The keys file's state in a few words for /health, which needs no key (so the reason itself stays in the log)."""
        if not self.path.exists():
            return "missing: no key works"
        self._load()
        if self.problem is None:
            return "ok"
        return f"the file cannot be used (the API's log says why): {self._kept()}"

    def lookup(self, key: str) -> Principal | None:
        if not self.path.exists():
            return None
        self._load()
        if self._keys is None:
            raise KeysFileError(f"the API keys file cannot be used: {self.problem}")
        for known, principal in self._keys.items():
            if secrets.compare_digest(known, key):
                return principal
        return None


def demo_keys(tenants: list[str], candidate: tuple[str, str] | None) -> dict:
    """Fresh random keys for the bundled samples: an admin, a recruiter per tenant, one candidate."""
    keys = [{"key": f"admin-{secrets.token_urlsafe(12)}", "role": "admin", "name": "demo admin"}]
    for tenant in tenants:
        keys.append({"key": f"recruiter-{tenant}-{secrets.token_urlsafe(12)}", "role": "recruiter", "tenant": tenant,
                     "name": f"demo recruiter of {tenant}"})
    if candidate:
        tenant, email = candidate
        keys.append({"key": f"candidate-{secrets.token_urlsafe(12)}", "role": "candidate", "tenant": tenant, "email": email,
                     "name": f"demo candidate {email}"})
    return {"keys": keys}
