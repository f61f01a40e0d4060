"""API keys to principals: admin (everything), recruiter (one tenant), candidate (their own profiles)."""

from __future__ import annotations

import secrets
from pathlib import Path

from jobfit.access import Principal, read_principals

__all__ = ["ApiKeys", "Principal", "demo_keys"]


class ApiKeys:
    """Keys read from the keys file, re-read when the file changes (no restart to add a key)."""

    def __init__(self, path: Path):
        self.path = path
        self._stamp: tuple[int, int] | None = None
        self._keys: dict[str, Principal] = {}

    def _load(self) -> None:
        stat = self.path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        if stamp == self._stamp:
            return
        keys = read_principals(self.path)
        self._keys, self._stamp = keys, stamp

    def lookup(self, key: str) -> Principal | None:
        if not self.path.exists():
            return None
        self._load()
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
