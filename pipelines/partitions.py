"""Partitions: one per document (its sha256) and one per day in the configured time zone."""

import dagster as dg

from resources.settings import Settings

SETTINGS = Settings.from_env()

document_partitions = dg.DynamicPartitionsDefinition(name="documents")

# end_offset=1 makes today a partition, so the hourly fetch and the 07:00 digest write today's data.
daily_partitions = dg.DailyPartitionsDefinition(
    start_date=SETTINGS.partitions_start, timezone=SETTINGS.timezone, end_offset=1
)
