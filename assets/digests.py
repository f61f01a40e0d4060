"""Daily digests per profile: best current matches, what is new since the last digest."""

import json

import dagster as dg

from jobfit.digests import build_digest
from jobfit.schema import JobPosting, Match, Profile
from jobfit.store import execute_many
from pipelines.partitions import daily_partitions
from resources.storage import StorageResource


@dg.asset(
    partitions_def=daily_partitions,
    deps=["matches"],
    group_name="digests",
    kinds={"html", "duckdb"},
    pool="warehouse",
    description="One digest per profile and day, as JSON and HTML (files under data/digests/<date>/).",
)
def digests(context: dg.AssetExecutionContext, storage: StorageResource) -> dg.MaterializeResult:
    day = context.partition_key
    with storage.warehouse() as con:
        profiles = {pid: Profile.model_validate_json(js) for pid, js in con.execute("SELECT profile_id, profile_json FROM profiles WHERE status = 'active'").fetchall()}
        jobs = {jid: JobPosting.model_validate_json(js) for jid, js in con.execute("SELECT id, posting_json FROM job_postings").fetchall()}
        by_profile: dict[str, list[Match]] = {}
        for (js,) in con.execute("SELECT match_json FROM matches").fetchall():
            match = Match.model_validate_json(js)
            by_profile.setdefault(match.profile_id, []).append(match)
        previous: dict[str, set[str]] = {}
        for pid, js in con.execute(
            "SELECT profile_id, digest_json FROM digests WHERE date = (SELECT max(date) FROM digests d2 WHERE d2.profile_id = digests.profile_id AND d2.date < ?)",
            [day],
        ).fetchall():
            previous[pid] = {item["job_id"] for item in json.loads(js)["matches"]}
    folder = storage.layout.digests_dir / day
    folder.mkdir(parents=True, exist_ok=True)
    rows, new_total = [], 0
    for pid, profile in profiles.items():
        digest, html = build_digest(pid, profile, by_profile.get(pid, []), jobs, day, previous.get(pid, set()))
        (folder / f"{pid}.json").write_text(json.dumps(digest, indent=2, ensure_ascii=False))
        (folder / f"{pid}.html").write_text(html)
        new_total += digest["new_matches"]
        rows.append([pid, day, profile.meta.tenant, json.dumps(digest, ensure_ascii=False), html])
    with storage.warehouse() as con:
        con.execute("BEGIN")
        con.execute("DELETE FROM digests WHERE date = ?", [day])
        execute_many(con, "INSERT INTO digests VALUES (?, ?, ?, ?, ?)", rows)
        con.execute("COMMIT")
    return dg.MaterializeResult(metadata={"digests": len(rows), "new_matches": new_total, "folder": str(folder)})
