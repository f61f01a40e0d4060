"""API keys to principals: admin (everything), recruiter (one tenant), candidate (their own profiles)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

import yaml

ROLES = ("admin", "recruiter", "candidate")


@dataclass(frozen=True)
class Principal:
    role: str
    name: str
    tenant: str | None = None
    email: str | None = None


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
        raw = yaml.safe_load(self.path.read_text()) or {}
        keys = {}
        for number, item in enumerate(raw.get("keys", []), 1):
            role = item.get("role")
            if role not in ROLES or not item.get("key"):
                raise ValueError(f"{self.path}: key {number} needs a key and a role among {ROLES}")
            if role in ("recruiter", "candidate") and not item.get("tenant"):
                raise ValueError(f"{self.path}: key {number} ({role}) needs a tenant")
            if role == "candidate" and not item.get("email"):
                raise ValueError(f"{self.path}: key {number} (candidate) needs the candidate's email")
            keys[str(item["key"])] = Principal(
                role=role, name=item.get("name", role), tenant=item.get("tenant"), email=(item.get("email") or "").lower() or None
            )
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
