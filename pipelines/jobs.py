"""Jobs: the asset selections that sensors and schedules launch."""

import dagster as dg

from pipelines.partitions import daily_partitions, document_partitions

ingest_document_job = dg.define_asset_job(
    "ingest_document_job",
    selection=dg.AssetSelection.assets("documents", "document_text", "profiles"),
    partitions_def=document_partitions,
    description="One document: keep it, extract its text (or quarantine it), parse its profile.",
)

fetch_feeds_job = dg.define_asset_job(
    "fetch_feeds_job",
    selection=dg.AssetSelection.assets("job_postings_raw"),
    partitions_def=daily_partitions,
    description="Fetch every configured feed into today's partition; analysis follows by automation.",
)

daily_digest_job = dg.define_asset_job(
    "daily_digest_job",
    selection=dg.AssetSelection.assets("digests", "digest_mail"),
    partitions_def=daily_partitions,
    description="Write today's digest for every profile, then mail what is new to readers with an address.",
)
