"""Job feeds to raw postings: RSS and Atom (feedparser) and the JSON job APIs people use.

Every reader returns the same plain dicts: id (from the canonical URL), title, company, url, date,
location, description (clean text), salary (as stated), type, tags, feed, tenant. The kind of a
feed is detected from its bytes (`detect_kind`) unless the configuration names it.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jobfit import fetch
from jobfit.text import decode_bytes, html_to_text

KINDS = ("rss", "remotive", "remoteok", "jobicy", "himalayas")


class FeedError(Exception):
    """A feed that cannot be read; the message names the feed and what went wrong."""


class FeedConfig(BaseModel):
    """One feed of the feeds file. Unknown keys and wrong types are refused, not ignored (a misspelt 'refresh_minute'
    or a blocked company written as one string would otherwise change nothing, silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1)
    url: str = Field(min_length=1)  # a URL or a local file path (relative paths resolve against the feeds file)
    tenant: str | None = None  # None: a global feed every tenant sees
    kind: Literal[KINDS] | None = None  # type: ignore[valid-type]  # None: detected from the content
    tags: list[str] = []
    blocked_companies: list[str] = []
    blocked_keywords: list[str] = []
    refresh_minutes: int = Field(60, ge=0)

    def blocks(self, posting: dict) -> bool:
        company = (posting.get("company") or "").lower()
        text = f"{posting.get('title', '')}\n{posting.get('description', '')}".lower()
        return any(b.lower() == company for b in self.blocked_companies) or any(
            re.search(rf"\b{re.escape(k.lower())}\b", text) for k in self.blocked_keywords
        )


class _FeedsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    feeds: list[FeedConfig] = []


def load_feed_configs(path: Path) -> list[FeedConfig]:
    """The feeds named in a YAML file: `feeds: [{name, url, tenant?, kind?, tags?, blocked_companies?,
    blocked_keywords?, refresh_minutes?}]`. A file that is not so says where and what is wrong (FeedError)."""
    try:
        raw = yaml.safe_load(Path(path).read_text()) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        raise FeedError(f"{path} is not valid YAML{f' (line {where.line + 1})' if where else ''}: "
                        f"{getattr(exc, 'problem', None) or exc}") from exc
    if not isinstance(raw, dict):
        raise FeedError(f"{path} should hold `feeds:` and a list of feeds, each with a name and a url")
    try:
        entries = _FeedsFile.model_validate(raw).feeds
    except ValidationError as exc:
        raise FeedError(f"{path}: " + "; ".join(
            _where(raw, error["loc"]) + ("should be a name, a url and the other keys of a feed" if error["type"] == "model_type"
                                         else error["msg"]) for error in exc.errors())) from exc
    names = [entry.name for entry in entries]
    if twice := sorted({name for name in names if names.count(name) > 1}):
        raise FeedError(f"{path}: feed names must differ (each keeps its own state), and {', '.join(map(repr, twice))} "
                        "is named more than once")
    # a local file named relative to the feeds file
    return [entry if "://" in entry.url or Path(entry.url).is_absolute()
            else entry.model_copy(update={"url": str((Path(path).parent / entry.url).resolve())}) for entry in entries]


def _where(raw, loc: tuple) -> str:
    """Where in the feeds file a validation error is: 'feed 2 (remotive), refresh_minutes: '."""
    if len(loc) >= 2 and loc[0] == "feeds" and isinstance(loc[1], int):
        item = raw["feeds"][loc[1]]
        name = f" ({item['name']})" if isinstance(item, dict) and isinstance(item.get("name"), str) else ""
        rest = ".".join(str(part) for part in loc[2:])
        return f"feed {loc[1] + 1}{name}" + (f", {rest}" if rest else "") + ": "
    return ".".join(str(part) for part in loc) + ": " if loc else ""


TRACKING_PARAMS = re.compile(r"^(utm_.*|ref|source|gclid|fbclid)$", re.I)


def canonical_url(url: str) -> str:
    """The URL without tracking parameters or fragment, lower-case host: one posting, one URL."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not TRACKING_PARAMS.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), query, ""))


def posting_id(url: str, title: str, company: str | None) -> str:
    key = canonical_url(url) if url else f"{title}|{company}".lower()
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def fingerprint(title: str, company: str | None, description: str) -> str:
    """The same job under two URLs (two feeds, two boards) has the same fingerprint."""
    words = re.findall(r"\w+", f"{title}\n{company or ''}\n{description[:2000]}".lower())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:16]


def merge_duplicates(postings: list[dict]) -> list[dict]:
    """One posting per canonical URL (the later read replaces the earlier: an updated posting), then
    one per content fingerprint (the same job under two URLs keeps the first URL seen)."""
    by_url = {p["id"]: p for p in postings}
    by_content: dict[str, dict] = {}
    for posting in by_url.values():
        by_content.setdefault(posting.get("fingerprint") or posting["id"], posting)
    return list(by_content.values())


def _text(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return html.unescape(str(value or "")).strip()


def _date(value) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value / 1000 if value > 1e11 else value, UTC).date().isoformat()
    match = re.match(r"\d{4}-\d{2}-\d{2}", str(value))
    return match.group(0) if match else None


def _salary(low, high, currency, period: str = "year") -> str | None:
    """A stated range in words parse_salary reads ('USD 50,000 - 70,000 per year')."""
    if not low and not high:
        return None
    figures = " - ".join(f"{float(v):,.0f}" for v in (low, high) if v)
    return f"{(currency or 'USD').upper()} {figures} per {period}"


_LOCATION_LINE = re.compile(r"^\W*(?:job\s+)?location\s*:\s*(\S[^\n]{1,80}?)\s*$", re.I | re.M)


def _stated_location(text: str) -> str | None:
    """The place a description's head states ("Location: Los Angeles, CA") when the feed has no field for it."""
    match = _LOCATION_LINE.search(text[:600])
    place = match.group(1).strip(" .") if match else ""
    return place if re.search(r"[A-Za-z]{2}", place) and place.lower() not in ("n/a", "na", "none", "tbd") else None


def _posting(feed_name: str, tenant: str | None, *, url: str, title: str, company: str | None, date, location,
             description: str, salary: str | None = None, type_: str | None = None, tags=(), valid_through=None) -> dict:
    import ftfy

    text = ftfy.fix_text(html_to_text(description or ""))  # double-encoded UTF-8 ('CafÃ©') repaired
    title = ftfy.fix_text(_text(title))
    return {
        "id": posting_id(url, title, company),
        "fingerprint": fingerprint(title, _text(company), text),
        "title": title,
        "company": _text(company) or None,
        "url": canonical_url(url) if url else None,
        "date": _date(date),
        "valid_through": _date(valid_through),
        "location": _text(location) or _stated_location(text),
        "description": text,
        "salary": salary or None,
        "type": _text(type_) or None,
        "tags": [str(t) for t in tags] if isinstance(tags, list) else [],
        "feed": feed_name,
        "tenant": tenant,
    }


def _remotive(data, name, tenant):
    return [_posting(name, tenant, url=j.get("url", ""), title=j.get("title", ""), company=j.get("company_name"),
                     date=j.get("publication_date"), location=j.get("candidate_required_location"),
                     description=j.get("description", ""), salary=j.get("salary") or None, type_=j.get("job_type"),
                     tags=j.get("tags") or []) for j in data["jobs"]]


def _jobicy(data, name, tenant):
    return [_posting(name, tenant, url=j.get("url", ""), title=j.get("jobTitle", ""), company=j.get("companyName"),
                     date=j.get("pubDate"), location=j.get("jobGeo"), description=j.get("jobDescription") or j.get("jobExcerpt", ""),
                     salary=_salary(j.get("annualSalaryMin"), j.get("annualSalaryMax"), j.get("salaryCurrency")),
                     type_=j.get("jobType"), tags=j.get("jobIndustry") or []) for j in data["jobs"]]


def _remoteok(data, name, tenant):
    return [_posting(name, tenant, url=j.get("url") or j.get("apply_url", ""), title=j.get("position", ""), company=j.get("company"),
                     date=j.get("date") or j.get("epoch"), location=j.get("location"), description=j.get("description", ""),
                     salary=_salary(j.get("salary_min"), j.get("salary_max"), "USD"), tags=j.get("tags") or [])
            for j in data if isinstance(j, dict) and (j.get("position") or j.get("id")) and "legal" not in j]


def _himalayas(data, name, tenant):
    return [_posting(name, tenant, url=j.get("applicationLink") or j.get("guid", ""), title=j.get("title", ""),
                     company=j.get("companyName"), date=j.get("pubDate"), location=j.get("locationRestrictions") or "Anywhere",
                     description=j.get("description") or j.get("excerpt", ""),
                     salary=_salary(j.get("minSalary"), j.get("maxSalary"), j.get("currency")), type_=j.get("employmentType"),
                     tags=j.get("categories") or [], valid_through=j.get("expiryDate")) for j in data["jobs"]]


ADAPTERS: dict[str, Callable] = {"remotive": _remotive, "jobicy": _jobicy, "remoteok": _remoteok, "himalayas": _himalayas}


def detect_kind(data) -> str:
    """Which JSON job API a decoded response comes from, by its shape."""
    if isinstance(data, list):
        return "remoteok"
    jobs = data.get("jobs") if isinstance(data, dict) else None
    if isinstance(jobs, list):
        first = jobs[0] if jobs and isinstance(jobs[0], dict) else {}
        if "jobTitle" in first or "jobicy" in str(data.get("documentationUrl", "")).lower():
            return "jobicy"
        if "company_name" in first or "candidate_required_location" in first:
            return "remotive"
        if "applicationLink" in first or "companyName" in first or "minSalary" in first:
            return "himalayas"
        if not jobs:
            return "remotive"
    raise FeedError("a JSON document, but not a job API jobfit knows (Remotive, RemoteOK, Jobicy, Himalayas)")


def read_feed(source: str | bytes, feed_name: str = "feed", tenant: str | None = None, kind: str | None = None) -> list[dict]:
    """Raw postings from a feed given as a path or bytes: RSS or Atom, or a JSON job API response."""
    if isinstance(source, str) and "://" not in source:
        path = Path(source)
        if not path.exists():
            raise FeedError(f"feed {feed_name!r}: {source} does not exist")
        source = path.read_bytes()
    data = source if isinstance(source, bytes) else source.encode()
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if kind in ADAPTERS or (kind is None and stripped[:1] in (b"{", b"[")):
        try:
            document = json.loads(decode_bytes(stripped))
        except (ValueError, UnicodeDecodeError) as exc:
            raise FeedError(f"feed {feed_name!r} is not valid JSON: {exc}") from exc
        try:
            postings = ADAPTERS[kind or detect_kind(document)](document, feed_name, tenant)
            # Remotive, RemoteOK, Jobicy and Himalayas list remote jobs only: their location is where one may work from
            return [{**posting, "remote": "Full"} for posting in postings]
        except FeedError as exc:
            raise FeedError(f"feed {feed_name!r}: {exc}") from exc
        except (KeyError, TypeError, AttributeError) as exc:
            raise FeedError(f"feed {feed_name!r}: unexpected {kind or 'JSON'} response shape ({exc!r})") from exc
    return _read_xml(stripped, feed_name, tenant)


def _read_xml(data: bytes, feed_name: str, tenant: str | None) -> list[dict]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        # a malformed feed with readable items is kept ('bozo'); one with none, or not a feed at all, is an error
        reason = parsed.get("bozo_exception") or "not an RSS or Atom feed"
        raise FeedError(f"feed {feed_name!r} could not be read: {reason}")
    postings = []
    for entry in parsed.entries:
        title = html.unescape(entry.get("title", "")).strip()
        company = entry.get("author") or None
        if not company and ": " in title:
            company, title = (part.strip() for part in title.split(": ", 1))
        description = entry.get("summary") or (entry.get("content") or [{}])[0].get("value", "")
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        postings.append(_posting(
            feed_name, tenant, url=entry.get("link", ""), title=title, company=company,
            date=f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}" if published else None,
            location=entry.get("location") or entry.get("region"), description=description,
            type_=entry.get("type"), tags=[t.get("term") for t in entry.get("tags", []) if t.get("term")],
            valid_through=entry.get("validthrough") or entry.get("expires"),
        ))
    return postings



@dataclass
class FetchResult:
    body: bytes | None  # None: not modified since the last fetch (HTTP 304)
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 1


def fetch_feed(url: str, *, etag: str | None = None, last_modified: str | None = None, timeout: float = 30.0,
               max_bytes: int = 20 * 1024 * 1024, retries: int = 3, backoff: float = 1.0,
               sleep: Callable[[float], None] | None = None) -> FetchResult:
    """GET a feed with a conditional request (a 304 costs nothing), retries and a size cap (`jobfit.fetch.get`)."""
    headers = {"User-Agent": "jobfit feed reader", "Accept-Encoding": "gzip"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        fetched = fetch.get(url, headers=headers, timeout=timeout, max_bytes=max_bytes, retries=retries, backoff=backoff,
                           sleep=sleep)
    except fetch.FetchError as exc:
        raise FeedError(str(exc)) from exc
    if fetched.status == 304:
        return FetchResult(None, etag, last_modified, fetched.attempts)
    return FetchResult(fetched.body, fetched.headers.get("ETag"), fetched.headers.get("Last-Modified"), fetched.attempts)
