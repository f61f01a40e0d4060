"""The jobfit code location: Definitions built explicitly from assets/, sensors/ and resources/."""

import dagster as dg

from assets.digests import digest_mail, digests
from assets.documents import document_text, documents, profile_withdrawals, profiles
from assets.jobs import job_postings, job_postings_have_titles, job_postings_raw
from assets.matching import matches, matches_respect_tenants
from assets.serving import serving_snapshot
from assets.taxonomy import skill_taxonomy
from assets.vectors import job_vectors, profile_vectors
from pipelines.jobs import daily_digest_job, fetch_feeds_job, ingest_document_job
from pipelines.partitions import SETTINGS
from pipelines.schedules import daily_digests, hourly_feed_fetch
from resources.drive import DriveResource
from resources.embedder import EmbedderResource
from resources.feeds import FeedsResource
from resources.llm import llm_resource
from resources.mail import MailResource
from resources.scanner import VirusScanResource
from resources.storage import StorageResource
from resources.vectors import VectorsResource
from sensors.catch_up import catch_up_sensor
from sensors.drive import drive_sensor
from sensors.failures import check_failure_report, run_failure_report
from sensors.inbox import inbox_sensor

ALL_ASSETS = [
    documents, document_text, profiles, profile_withdrawals, skill_taxonomy, job_postings_raw, job_postings,
    profile_vectors, job_vectors, matches, digests, digest_mail, serving_snapshot,
]

ALL_CHECKS = [job_postings_have_titles, matches_respect_tenants]


def build_resources(settings=SETTINGS) -> dict:
    return {
        "storage": StorageResource.from_settings(settings),
        "vectors": VectorsResource.from_settings(settings),
        "embedder": EmbedderResource(),
        "feeds": FeedsResource.from_settings(settings),
        "drive": DriveResource.from_settings(settings),
        "mail": MailResource.from_settings(settings),
        "llm": llm_resource(settings),
        "scanner": VirusScanResource.from_settings(settings),
    }


automation_sensor = dg.AutomationConditionSensorDefinition(
    "jobfit_automation",
    target=dg.AssetSelection.all(),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=15,
    description="Keeps vectors, matches and the serving snapshot in step with new profiles and postings.",
)

defs = dg.Definitions(
    assets=ALL_ASSETS,
    asset_checks=ALL_CHECKS,
    jobs=[ingest_document_job, fetch_feeds_job, daily_digest_job],
    schedules=[hourly_feed_fetch, daily_digests],
    sensors=[inbox_sensor, drive_sensor, run_failure_report, check_failure_report, automation_sensor, catch_up_sensor],
    resources=build_resources(),
    # One process per run: on a small machine, a subprocess per step costs more than the steps.
    executor=dg.in_process_executor,
)
