"""Job feeds named in the feeds file: fetched over HTTP (conditional, retried, capped) or read from disk,
each feed isolated from the others."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import dagster as dg

from jobfit.feeds import FeedError, fetch_feed, load_feed_configs, read_feed
from resources.settings import Settings

FEEDS_FILE = "<feeds file>"  # how a mistake in the feeds file itself is named among the feeds' errors


@dataclass
class FeedFetch:
    postings: list[dict] = field(default_factory=list)
    per_feed: dict[str, int] = field(default_factory=dict)
    blocked: dict[str, int] = field(default_factory=dict)
    not_modified: list[str] = field(default_factory=list)
    not_due: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    failing_since: dict[str, datetime] = field(default_factory=dict)  # each failed feed: its first failure since it last worked
    warnings: list[str] = field(default_factory=list)  # what went wrong beside the feeds themselves

    def table(self) -> str:
        """Each feed as an operator reads it in the Dagster UI, a Markdown row: what came of it, postings kept, blocked."""
        rows = [(name, "read", str(n), str(self.blocked.get(name, 0))) for name, n in self.per_feed.items()]
        rows += [(name, "not modified (HTTP 304)", "0", "0") for name in self.not_modified]
        rows += [(name, "not due", "0", "0") for name in self.not_due]
        rows += [(name, "failed" + (f" since {self._since(name)}" if name in self.failing_since else "") + ": " + error, "0", "0")
                 for name, error in self.errors.items()]
        return _markdown(["feed", "outcome", "postings:", "blocked:"], rows)

    def _since(self, name: str) -> str:
        return f"{self.failing_since[name]:%Y-%m-%d %H:%M} UTC" if name in self.failing_since else "now"

    def longest_failure(self, now: datetime) -> timedelta:
        """How long the feed failing longest has failed (nothing when none failed)."""
        return max((now - since for since in self.failing_since.values()), default=timedelta(0))

    def failures_table(self) -> str:
        """The failed feeds, a Markdown row each: since when it fails, and its latest error."""
        return _markdown(["feed", "failing since", "error"], [(name, self._since(name), error) for name, error in self.errors.items()])


def _markdown(header: list[str], rows: list[tuple[str, ...]]) -> str:
    """A Markdown table, rows sorted, each cell on one line (a header ending in ':' is a right-aligned column)."""
    lines = ["| " + " | ".join(h.rstrip(":") for h in header) + " |", "|" + "|".join("---:" if h.endswith(":") else "---" for h in header) + "|"]
    lines += ["| " + " | ".join(" ".join(cell.split()).replace("|", "\\|") for cell in row) + " |" for row in sorted(rows)]
    return "\n".join(lines)


class FeedsResource(dg.ConfigurableResource):
    feeds_file: str
    state_file: str = ""  # ETag / Last-Modified / last fetch per feed; beside the feeds file when empty
    timeout_seconds: float = 30.0
    max_megabytes: int = 20
    retries: int = 3

    @classmethod
    def from_settings(cls, settings: Settings) -> FeedsResource:
        return cls(feeds_file=str(settings.feeds_file), state_file=str(settings.layout.root / "feeds_state.json"))

    def _state_path(self) -> Path:
        return Path(self.state_file) if self.state_file else Path(self.feeds_file).with_name("feeds_state.json")

    def fetch_all(self, now: datetime | None = None) -> FeedFetch:
        """Every configured feed that is due; a broken feed is reported, never fatal to the others."""
        now = now or datetime.now(UTC)
        result = FeedFetch()
        state_path = self._state_path()
        try:
            state = json.loads(state_path.read_text()) if state_path.exists() else {}
            if not isinstance(state, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as exc:  # (a disk that filled up mid-write): it only saves requests, so start afresh
            result.warnings.append(f"{state_path} could not be read ({exc}): every feed is fetched in full this time, "
                                   "and the file is written afresh")
            state = {}
        path = Path(self.feeds_file)
        try:
            if not path.exists():
                raise FeedError(f"{path} does not exist: copy samples/feeds.yaml there or set JOBFIT_FEEDS_FILE")
            feeds = load_feed_configs(path)
        except (FeedError, ValueError) as exc:  # nothing is fetched until it is mended: since when, as for a feed
            self._failed(result, state, FEEDS_FILE, state.get(FEEDS_FILE, {}), str(exc), now)
            self._save(state_path, state)
            return result
        state.pop(FEEDS_FILE, None)
        for feed in feeds:
            seen = state.get(feed.name, {})
            last = seen.get("fetched_at")
            remote = "://" in feed.url
            if remote and last and now - datetime.fromisoformat(last) < timedelta(minutes=feed.refresh_minutes):
                result.not_due.append(feed.name)
                continue
            try:
                source: str | bytes = feed.url
                if remote:
                    fetched = fetch_feed(feed.url, etag=seen.get("etag"), last_modified=seen.get("last_modified"),
                                         timeout=self.timeout_seconds, max_bytes=self.max_megabytes * 1024 * 1024, retries=self.retries)
                    state[feed.name] = {"etag": fetched.etag, "last_modified": fetched.last_modified, "fetched_at": now.isoformat()}
                    if fetched.body is None:
                        result.not_modified.append(feed.name)
                        continue
                    source = fetched.body
                postings = read_feed(source, feed_name=feed.name, tenant=feed.tenant, kind=feed.kind)
            except Exception as exc:  # one feed's failure never stops the others
                # the state from before the attempt: a feed that answered but could not be read is fetched again next run
                self._failed(result, state, feed.name, seen, str(exc), now)
                continue
            state.get(feed.name, {}).pop("failing_since", None)  # it works again
            kept = [p for p in postings if not feed.blocks(p)]
            for posting in kept:
                posting["tags"] = sorted({t.lower() for t in [*posting.get("tags", []), *feed.tags]})
            result.per_feed[feed.name] = len(kept)
            result.blocked[feed.name] = len(postings) - len(kept)
            result.postings.extend(kept)
        self._save(state_path, state)
        return result

    @staticmethod
    def _failed(result: FeedFetch, state: dict, name: str, seen: dict, error: str, now: datetime) -> None:
        """A feed (or the feeds file) failed: its error, and its first failure since it last worked, kept in the state
        over what it held before the attempt (`seen`)."""
        since = seen.get("failing_since") or now.isoformat()
        state[name] = {**seen, "failing_since": since}
        result.errors[name] = error
        result.failing_since[name] = datetime.fromisoformat(since)

    @staticmethod
    def _save(state_path: Path, state: dict) -> None:
        state_path.parent.mkdir(parents=True, exist_ok=True)
        written = state_path.with_name(state_path.name + ".tmp")  # whole or not at all: a run killed mid-write leaves the old file
        written.write_text(json.dumps(state, indent=1))
        written.replace(state_path)
