"""One careful HTTP GET for every outside source (job feeds, Google Drive): timeouts, retries with
exponential backoff on 429 and 5xx (honouring Retry-After) and on connection errors, and a size cap."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

RETRY_STATUSES = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A GET that did not succeed; `status` is the last HTTP status (None when no answer came), `detail` the start
    of the error's body, where a server says why."""

    def __init__(self, message: str, status: int | None = None, detail: bytes = b""):
        super().__init__(message)
        self.status, self.detail = status, detail


class TooLarge(FetchError):
    """The body passed the size cap; the rest was not read."""


@dataclass
class Fetched:
    status: int  # 2xx, or 304 (not modified: body empty)
    body: bytes
    headers: Mapping[str, str]
    attempts: int = 1


def get(url: str, *, headers: Mapping[str, str] | None = None, params: Mapping[str, str] | None = None,
        timeout: float = 30.0, max_bytes: int = 20 * 1024 * 1024, retries: int = 3, backoff: float = 1.0,
        sleep: Callable[[float], None] | None = None, client: httpx.Client | None = None) -> Fetched:
    """GET `url`; raises FetchError naming the URL and the reason once retries are spent or the body passes
    `max_bytes`. A 304 is an answer, not an error. `client` keeps connections open across calls to one server."""
    import httpx

    sleep = sleep or time.sleep
    stream = client.stream if client is not None else httpx.stream
    last_error, last_status = "", None
    for attempt in range(1, retries + 2):
        try:
            with stream("GET", url, headers=dict(headers or {}), params=params, timeout=timeout,
                        follow_redirects=True) as response:
                last_status = response.status_code
                if response.status_code in RETRY_STATUSES and attempt <= retries:
                    wait = response.headers.get("Retry-After", "")
                    last_error = f"HTTP {response.status_code}"
                    sleep(min(float(wait), 60.0) if wait.isdigit() else backoff * 2 ** (attempt - 1))
                    continue
                if response.status_code >= 400:
                    tries = f" after {attempt} attempts" if attempt > 1 else ""
                    detail = bytearray()
                    for chunk in response.iter_bytes():
                        detail.extend(chunk)
                        if len(detail) >= 4096:
                            break
                    raise FetchError(f"{url} answered HTTP {response.status_code}{tries}", response.status_code, bytes(detail[:4096]))
                if response.status_code == 304:
                    return Fetched(304, b"", response.headers, attempt)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > max_bytes:
                        raise TooLarge(f"{url} is larger than {max_bytes // (1024 * 1024)} MB; not read", response.status_code)
                return Fetched(response.status_code, bytes(body), response.headers, attempt)
        except httpx.TimeoutException:
            last_error, last_status = f"no answer within {timeout:g} s", None
        except httpx.TransportError as exc:
            last_error, last_status = f"connection failed ({exc.__class__.__name__})", None
        if attempt <= retries:
            sleep(backoff * 2 ** (attempt - 1))
    raise FetchError(f"{url}: {last_error} after {retries + 1} attempts", last_status)
