"""Job feeds named in the feeds file: fetched over HTTP or read from disk, each feed isolated from the others."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from jobfit.jobs import FeedError, load_feed_configs, read_feed
from resources.settings import Settings


@dataclass
class FeedFetch:
    postings: list[dict] = field(default_factory=list)
    per_feed: dict[str, int] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


class FeedsResource(dg.ConfigurableResource):
    feeds_file: str
    timeout_seconds: float = 30.0

    @classmethod
    def from_settings(cls, settings: Settings) -> FeedsResource:
        return cls(feeds_file=str(settings.feeds_file))

    def fetch_all(self) -> FeedFetch:
        """Every configured feed's raw postings; a broken feed is reported, never fatal to the others."""
        result = FeedFetch()
        path = Path(self.feeds_file)
        if not path.exists():
            result.errors["<feeds file>"] = f"{path} does not exist: copy samples/feeds.yaml there or set JOBFIT_FEEDS_FILE"
            return result
        for feed in load_feed_configs(path):
            try:
                source: str | bytes = feed.url
                if "://" in feed.url:
                    import httpx

                    response = httpx.get(feed.url, timeout=self.timeout_seconds, follow_redirects=True)
                    response.raise_for_status()
                    source = response.content
                postings = read_feed(source, feed_name=feed.name, tenant=feed.tenant)
            except (FeedError, OSError, Exception) as exc:  # one feed's failure never stops the others
                result.errors[feed.name] = str(exc)
                continue
            result.per_feed[feed.name] = len(postings)
            result.postings.extend(postings)
        return result
