"""Schedules: feeds every hour, digests every day at 07:00 in the configured time zone."""

import dagster as dg

from pipelines.jobs import daily_digest_job, fetch_feeds_job
from pipelines.partitions import SETTINGS


def _today_partition(context: dg.ScheduleEvaluationContext) -> str:
    return context.scheduled_execution_time.strftime("%Y-%m-%d")


@dg.schedule(
    job=fetch_feeds_job,
    cron_schedule="0 * * * *",
    execution_timezone=SETTINGS.timezone,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Fetch every feed hourly into today's partition.",
)
def hourly_feed_fetch(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    day = _today_partition(context)
    hour = context.scheduled_execution_time.strftime("%H")
    return dg.RunRequest(run_key=f"feeds-{day}T{hour}", partition_key=day)


@dg.schedule(
    job=daily_digest_job,
    cron_schedule="0 7 * * *",
    execution_timezone=SETTINGS.timezone,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Write every profile's digest at 07:00, then mail what is new to readers with an address.",
)
def daily_digests(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    day = _today_partition(context)
    return dg.RunRequest(run_key=f"digests-{day}", partition_key=day)
