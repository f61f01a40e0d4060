"""Partitions: one per document (its sha256) and one per day in the configured time zone."""

from datetime import datetime
from zoneinfo import ZoneInfo

import dagster as dg
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from resources.settings import Settings

SETTINGS = Settings.from_env()

document_partitions = dg.DynamicPartitionsDefinition(name="documents")

# end_offset=1 makes today a partition, so the hourly fetch and the 07:00 digest write today's data.
daily_partitions = dg.DailyPartitionsDefinition(
    start_date=SETTINGS.partitions_start, timezone=SETTINGS.timezone, end_offset=1
)


def current_day(settings: Settings) -> str:
    """Today's daily partition key, in the configured time zone."""
    return datetime.now(ZoneInfo(settings.timezone)).strftime("%Y-%m-%d")


def document_range_tags(keys: list[str]) -> dict[str, str]:
    """The tags of one run over the document partitions from keys[0] to keys[-1] (in the order they were added)."""
    return {ASSET_PARTITION_RANGE_START_TAG: keys[0], ASSET_PARTITION_RANGE_END_TAG: keys[-1], "jobfit/documents": str(len(keys))}
