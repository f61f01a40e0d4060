"""Who reads jobfit's results: the principals of the API keys file (admin, recruiter of one tenant, candidate).

The API authenticates with them; digest e-mail goes to those with an address.
"""

from __future__ import annotations

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


def read_principals(path: Path) -> dict[str, Principal]:
    """Key to principal, from `keys: [{key, role, tenant, email, name}]`; ValueError names a malformed entry."""
    try:
        raw = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path} is not valid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("keys", []), list):
        raise ValueError(f"{path} should hold `keys:` and a list of keys")
    keys = {}
    for number, item in enumerate(raw.get("keys", []), 1):
        if not isinstance(item, dict):
            raise ValueError(f"{path}: key {number} should be a key, a role and, for some roles, a tenant and an email")
        role = item.get("role")
        if role not in ROLES or not item.get("key"):
            raise ValueError(f"{path}: key {number} needs a key and a role among {ROLES}")
        if role in ("recruiter", "candidate") and not item.get("tenant"):
            raise ValueError(f"{path}: key {number} ({role}) needs a tenant")
        if role == "candidate" and not item.get("email"):
            raise ValueError(f"{path}: key {number} (candidate) needs the candidate's email")
        keys[str(item["key"])] = Principal(
            role=role, name=item.get("name", role), tenant=item.get("tenant"), email=(item.get("email") or "").lower() or None
        )
    return keys
