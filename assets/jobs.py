"""Jobs in: the configured feeds fetched per day, then each posting analyzed."""

import json
import time

import dagster as dg

from assets.taxonomy import current_matcher, current_occupation_matcher
from jobfit.feeds import merge_duplicates
from jobfit.jobs import analyze_jobs, suggest_salaries
from jobfit.schema import JobPosting
from jobfit.store import now_utc, upsert
from pipelines.partitions import SETTINGS, daily_partitions
from resources.feeds import FeedsResource
from resources.storage import StorageResource


@dg.asset(
    partitions_def=daily_partitions,
    group_name="jobs",
    kinds={"rss", "json", "duckdb"},
    pool="warehouse",
    description="Postings as the feeds gave them on the day they were fetched (partition = fetch date).",
)
def job_postings_raw(context: dg.AssetExecutionContext, feeds: FeedsResource, storage: StorageResource) -> dg.MaterializeResult:
    fetch_date = context.partition_key
    fetched = feeds.fetch_all()
    for name, error in fetched.errors.items():
        context.log.error(f"feed {name}: {error}")
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
            "per_feed": dg.MetadataValue.json({"postings": fetched.per_feed, "blocked": fetched.blocked,
                                               "not_modified": fetched.not_modified, "not_due": fetched.not_due,
                                               "errors": fetched.errors}),
        }
    )


@dg.asset(
    partitions_def=daily_partitions,
    deps=[job_postings_raw, "skill_taxonomy"],
    group_name="jobs",
    kinds={"spacy", "duckdb"},
    pool="warehouse",
    automation_condition=dg.AutomationCondition.eager(),
    description="Postings analyzed: required and preferred skills, seniority, salary, remote, occupation.",
)
def job_postings(context: dg.AssetExecutionContext, storage: StorageResource) -> dg.MaterializeResult:
    fetch_date = context.partition_key
    with storage.warehouse() as con:
        raws = [json.loads(r[0]) for r in con.execute("SELECT raw_json FROM job_postings_raw WHERE fetch_date = ?", [fetch_date]).fetchall()]
    matcher, occupations = current_matcher(storage), current_occupation_matcher(storage)
    for raw in raws:
        raw.setdefault("fetch_date", fetch_date)
    started = time.perf_counter()
    analyzed = analyze_jobs(raws, matcher, occupations, ttl_days=SETTINGS.posting_ttl_days)
    with storage.warehouse() as con:  # the market: stated salaries of the other days' postings
        stated = [JobPosting.model_validate_json(r[0]) for r in con.execute(
            "SELECT posting_json FROM job_postings WHERE salary_min IS NOT NULL AND fetch_date <> ?", [fetch_date]).fetchall()]
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
            "posting_json": job.model_dump_json(exclude_none=True), "fetch_date": fetch_date, "analyzed_at": now_utc(),
            "expires": job.meta.expires,
        })
    with storage.warehouse() as con:
        upsert(con, "job_postings", rows)
    preview = "| title | company | occupation | seniority | skills | salary |\n|---|---|---|---|---|---|\n" + "\n".join(
        f"| {j.title} | {j.company or ''} | {(j.meta.occupation or {}).get('title', '')} | {j.meta.seniority or ''} | {len(j.meta.required_skills)} | "
        f"{(str(int(j.meta.salary.min)) + ' ' + j.meta.salary.currency + '/' + j.meta.salary.period) if j.meta.salary else ''} |"
        for j in analyzed[:20]
    )
    return dg.MaterializeResult(
        metadata={
            "postings": len(analyzed),
            "with_salary": sum(1 for j in analyzed if j.meta.salary),
            "with_skills": sum(1 for j in analyzed if j.meta.required_skills),
            "with_occupation": sum(1 for j in analyzed if j.meta.occupation),
            "with_salary_suggestion": sum(1 for j in analyzed if j.meta.salary_suggestion),
            "taxonomy_version": matcher.taxonomy.version,
            "postings_per_second": round(len(analyzed) / seconds, 1) if seconds else None,
            "preview": dg.MetadataValue.md(preview),
        }
    )


@dg.asset_check(asset=job_postings, description="Every analyzed posting of the day has a title.")
def job_postings_have_titles(context: dg.AssetCheckExecutionContext, storage: StorageResource) -> dg.AssetCheckResult:
    with storage.warehouse() as con:
        untitled = con.execute("SELECT count(*) FROM job_postings WHERE title IS NULL OR title = ''").fetchone()[0]
    return dg.AssetCheckResult(passed=untitled == 0, metadata={"untitled": untitled})
