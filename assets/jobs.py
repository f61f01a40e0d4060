"""Jobs in: the configured feeds fetched per day, then each posting analyzed."""

import json
import time
from datetime import timedelta

import dagster as dg
from pydantic import Field

from assets.taxonomy import current_matcher, current_occupation_matcher
from jobfit.feeds import merge_duplicates
from jobfit.jobs import ANALYSIS_VERSION, analysis_key, analyze_jobs, suggest_salaries
from jobfit.schema import JobPosting, collector_paused
from jobfit.store import now_utc, upsert
from pipelines.automation import new_rules
from pipelines.partitions import SETTINGS, daily_partitions
from resources.feeds import FeedFetch, FeedsResource
from resources.storage import WAREHOUSE_POOL, StorageResource

# A feed that fails is a warning in the Dagster UI at once (a board down for an hour), an error once it has given nothing
# for this long: the run itself succeeds, since the other feeds came in.
FEED_FAILING_TOO_LONG = timedelta(days=1)
FEEDS_READ = dg.AssetCheckSpec(
    "feeds_read", asset="job_postings_raw",
    description="Every feed in the feeds file was read, was unchanged (HTTP 304) or was not due. A feed that failed is "
    "named with its error and since when it fails: a warning, an error once it has failed for a day.",
)


def _feeds_read(fetched: FeedFetch) -> dg.AssetCheckResult:
    longest = fetched.longest_failure(now_utc())
    return dg.AssetCheckResult(
        check_name=FEEDS_READ.name, passed=not fetched.errors,
        severity=dg.AssetCheckSeverity.ERROR if longest >= FEED_FAILING_TOO_LONG else dg.AssetCheckSeverity.WARN,
        metadata={"feeds_failed": len(fetched.errors), "failing": ", ".join(sorted(fetched.errors)),
                  "failing_for_hours": round(longest.total_seconds() / 3600, 1),
                  **({"failed": dg.MetadataValue.md(fetched.failures_table())} if fetched.errors else {})},
    )


@dg.asset(
    partitions_def=daily_partitions,
    group_name="jobs",
    kinds={"rss", "json", "duckdb"},
    pool=WAREHOUSE_POOL,
    check_specs=[FEEDS_READ],
    description="Postings as the feeds gave them on the day they were fetched (partition = fetch date).",
)
def job_postings_raw(context: dg.AssetExecutionContext, feeds: FeedsResource, storage: StorageResource) -> dg.MaterializeResult:
    fetch_date = context.partition_key
    fetched = feeds.fetch_all()
    for name, error in fetched.errors.items():
        context.log.error(f"feed {name}: {error}")
    for warning in fetched.warnings:
        context.log.warning(warning)
    unique = {p["id"]: p for p in merge_duplicates(fetched.postings)}
    with storage.warehouse() as con:
        upsert(con, "job_postings_raw", [
            {"fetch_date": fetch_date, "id": p["id"], "feed": p["feed"], "tenant": p["tenant"], "raw_json": json.dumps(p)}
            for p in unique.values()
        ])
    return dg.MaterializeResult(
        metadata={
            "postings": len(unique),
            "duplicates_merged": len(fetched.postings) - len(unique),
            "feeds_ok": len(fetched.per_feed),
            "feeds_failed": len(fetched.errors),
            "feeds_not_modified": len(fetched.not_modified),
            "feeds_not_due": len(fetched.not_due),
            "feeds": dg.MetadataValue.md(fetched.table()),
        },
        check_results=[_feeds_read(fetched)],
    )


class JobPostingsConfig(dg.Config):
    reanalyze: bool = Field(default=False, description="Analyze every posting of the day again, changed or not "
                            "(after a change to the analysis that did not bump jobfit.jobs.ANALYSIS_VERSION).")


@dg.asset(
    partitions_def=daily_partitions,
    deps=[job_postings_raw, "skill_taxonomy"],
    group_name="jobs",
    kinds={"spacy", "duckdb"},
    pool=WAREHOUSE_POOL,
    code_version=ANALYSIS_VERSION,
    # each new fetch; and, with new analysis rules or another taxonomy, every day whose postings can still be active
    automation_condition=dg.AutomationCondition.eager() | (
        new_rules("skill_taxonomy") & dg.AutomationCondition.in_latest_time_window(timedelta(days=SETTINGS.posting_ttl_days))
    ).with_label("on new analysis or taxonomy"),
    description="Postings analyzed: required and preferred skills, seniority, salary, remote, occupation. A posting "
    "fetched again unchanged (same content, taxonomy and analysis) keeps its analysis; new analysis rules or another "
    "taxonomy analyze again every day whose postings can still be active.",
)
def job_postings(context: dg.AssetExecutionContext, config: JobPostingsConfig, storage: StorageResource) -> dg.MaterializeResult:
    fetch_date = context.partition_key
    matcher, occupations = current_matcher(storage), current_occupation_matcher(storage)
    ttl = SETTINGS.posting_ttl_days
    with storage.warehouse() as con:
        raws = [json.loads(r[0]) for r in con.execute("SELECT raw_json FROM job_postings_raw WHERE fetch_date = ?", [fetch_date]).fetchall()]
        known = {job_id: (key, first_seen) for job_id, key, first_seen in con.execute(
            "SELECT id, analysis_key, fetch_date FROM job_postings WHERE id IN (SELECT id FROM job_postings_raw WHERE fetch_date = ?)",
            [fetch_date]).fetchall()}
    keys = {raw["id"]: analysis_key(raw, matcher.taxonomy.version, ttl) for raw in raws}
    changed = [raw for raw in raws if config.reanalyze or known.get(raw["id"], (None,))[0] != keys[raw["id"]]]
    # a posting is as old as its first fetch: an update keeps the day it was first seen, which its expiry counts from
    first_seen = {raw["id"]: min(fetch_date, known.get(raw["id"], (None, fetch_date))[1] or fetch_date) for raw in changed}
    for raw in changed:
        raw.setdefault("fetch_date", first_seen[raw["id"]])
    started = time.perf_counter()
    analyzed = analyze_jobs(changed, matcher, occupations, ttl_days=ttl)
    if any(job.meta.salary is None for job in analyzed):
        ids = {job.id for job in analyzed}
        with storage.warehouse() as con, collector_paused():  # the market: the stated salaries of every other posting
            stated = [JobPosting.model_validate_json(js) for job_id, js in con.execute(
                "SELECT id, posting_json FROM job_postings WHERE salary_min IS NOT NULL").fetchall() if job_id not in ids]
        analyzed = suggest_salaries(analyzed, stated + analyzed)
    seconds = time.perf_counter() - started
    rows = []
    for job in analyzed:
        salary = job.meta.salary
        rows.append({
            "id": job.id, "tenant": job.meta.tenant, "title": job.title, "company": job.company, "date": job.date,
            "remote": job.remote, "seniority": job.meta.seniority, "category": job.meta.category,
            "employment_type": job.meta.employment_type,
            "salary_min": salary.annualized_min if salary else None, "salary_max": salary.annualized_max if salary else None,
            "salary_currency": salary.currency if salary else None,
            "posting_json": job.model_dump_json(exclude_none=True), "fetch_date": first_seen[job.id],
            "analyzed_at": now_utc(), "expires": job.meta.expires, "analysis_key": keys[job.id],
        })
    with storage.warehouse() as con:
        upsert(con, "job_postings", rows)
        *found, version = con.execute(THE_DAY, [fetch_date]).fetchall()[0]
    preview = "| title | company | occupation | seniority | skills | salary |\n|---|---|---|---|---|---|\n" + "\n".join(
        f"| {j.title} | {j.company or ''} | {(j.meta.occupation or {}).get('title', '')} | {j.meta.seniority or ''} | {len(j.meta.required_skills)} | "
        f"{(str(int(j.meta.salary.min)) + ' ' + j.meta.salary.currency + '/' + j.meta.salary.period) if j.meta.salary else ''} |"
        for j in analyzed[:20]
    )
    return dg.MaterializeResult(
        data_version=dg.DataVersion(version),
        metadata={
            "postings": len(raws),
            "analyzed": len(analyzed),
            "unchanged": len(raws) - len(analyzed),
            **dict(zip(("with_salary", "with_skills", "with_occupation", "with_salary_suggestion"), found, strict=True)),
            "taxonomy_version": matcher.taxonomy.version,
            "postings_per_second": round(len(analyzed) / seconds, 1) if analyzed and seconds else None,
            "preview": dg.MetadataValue.md(preview if analyzed else "every posting of the day was analyzed before, unchanged"),
        }
    )


# What the day's postings hold, however long ago each was analyzed, and one data version for them all: the same rows,
# the same version, and the vectors, matches and snapshot downstream need not run (pipelines.automation.on_upstream_change).
THE_DAY = """
SELECT count(salary_min), count(*) FILTER (WHERE json_array_length(posting_json, '$.meta.required_skills') > 0),
       count(json_extract(posting_json, '$.meta.occupation')), count(json_extract(posting_json, '$.meta.salary_suggestion')),
       coalesce(md5(string_agg(id || ' ' || md5(posting_json::VARCHAR), ',' ORDER BY id)), 'empty')
FROM job_postings WHERE id IN (SELECT id FROM job_postings_raw WHERE fetch_date = ?)
"""


@dg.asset_check(asset=job_postings, description="Every analyzed posting of the day has a title.")
def job_postings_have_titles(context: dg.AssetCheckExecutionContext, storage: StorageResource) -> dg.AssetCheckResult:
    with storage.warehouse() as con:
        untitled = con.execute("SELECT count(*) FROM job_postings WHERE title IS NULL OR title = ''").fetchone()[0]
    return dg.AssetCheckResult(passed=untitled == 0, metadata={"untitled": untitled})
