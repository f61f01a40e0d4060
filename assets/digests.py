"""Daily digests per profile: best current matches, what is new since the last digest; then the day's letters."""

import json
from collections import Counter

import dagster as dg

from jobfit.digests import build_digest
from jobfit.mail import MailError, SmtpServer, plan_letters
from jobfit.schema import JobPosting, Match, Profile, collector_paused
from jobfit.store import insert, now_utc, upsert
from pipelines.partitions import daily_partitions
from resources.mail import MailResource
from resources.storage import WAREHOUSE_POOL, StorageResource


@dg.asset(
    partitions_def=daily_partitions,
    deps=["matches"],
    group_name="digests",
    kinds={"html", "duckdb"},
    pool=WAREHOUSE_POOL,
    description="One digest per profile and day, as JSON and HTML (files under data/digests/<date>/).",
)
def digests(context: dg.AssetExecutionContext, storage: StorageResource) -> dg.MaterializeResult:
    day = context.partition_key
    with storage.warehouse() as con, collector_paused():
        profiles = {pid: Profile.model_validate_json(js) for pid, js in con.execute("SELECT profile_id, profile_json FROM profiles WHERE status = 'active'").fetchall()}
        # the postings open on the day: one that expired since matching last ran is no news
        jobs = {jid: JobPosting.model_validate_json(js) for jid, js in con.execute(
            "SELECT id, posting_json FROM job_postings WHERE expires IS NULL OR expires >= ?", [day]).fetchall()}
        by_profile: dict[str, list[Match]] = {}
        for (js,) in con.execute("SELECT match_json FROM matches").fetchall():
            match = Match.model_validate_json(js)
            if match.job_id in jobs:
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
        rows.append({"profile_id": pid, "date": day, "tenant": profile.meta.tenant,
                     "digest_json": json.dumps(digest, ensure_ascii=False), "html": html})
    with storage.warehouse() as con:
        con.execute("BEGIN")
        con.execute("DELETE FROM digests WHERE date = ?", [day])
        insert(con, "digests", rows)
        con.execute("COMMIT")
    return dg.MaterializeResult(metadata={"digests": len(rows), "new_matches": new_total, "folder": str(folder)})


@dg.asset(
    partitions_def=daily_partitions,
    deps=[digests],
    group_name="digests",
    kinds={"email", "duckdb"},
    pool=WAREHOUSE_POOL,
    # an unreachable mail server is retried; letters already sent are never sent twice
    retry_policy=dg.RetryPolicy(max_retries=3, delay=60, backoff=dg.Backoff.EXPONENTIAL),
    description="The day's digest letters, each once: candidates with an API key get their own digest, recruiters with an "
                "address one letter on their tenant's candidates; only when something is new. Off without JOBFIT_SMTP_URL.",
)
def digest_mail(context: dg.AssetExecutionContext, storage: StorageResource, mail: MailResource) -> dg.MaterializeResult:
    day = context.partition_key
    if not mail.enabled:
        return dg.MaterializeResult(metadata={"sent": 0, "mail": "off: set JOBFIT_SMTP_URL to send digests by e-mail"})
    try:  # a mistake in the settings is not retried: it fails until someone mends it
        readers = mail.readers()
        SmtpServer.from_url(mail.smtp_url)
    except (ValueError, MailError) as exc:
        raise dg.Failure(description=str(exc), allow_retries=False) from exc
    with storage.warehouse() as con:
        rows = con.execute("SELECT profile_id, digest_json, html FROM digests WHERE date = ?", [day]).fetchall()
        emails = dict(con.execute("SELECT profile_id, lower(email) FROM profiles WHERE status = 'active' AND email IS NOT NULL").fetchall())
        already = set(con.execute("SELECT recipient, about FROM mail_log WHERE date = ? AND status = 'sent'", [day]).fetchall())
    letters = plan_letters(day, [json.loads(js) for _, js, _ in rows], {pid: html for pid, _, html in rows}, emails, readers,
                           mail.sender, already)
    outcomes, log = Counter(), []
    try:
        if letters:
            with mail.postbox() as postbox:
                for letter in letters:
                    status, reason = postbox.send(letter)
                    outcomes[f"{letter.kind} {status}"] += 1
                    log.append({"date": day, "recipient": letter.recipient, "about": letter.about, "kind": letter.kind,
                                "status": status, "reason": reason, "message_id": letter.message["Message-ID"], "tried_at": now_utc()})
                    if reason:
                        context.log.warning(f"{letter.kind} letter to {letter.recipient} refused: {reason}")
    finally:  # what went out is recorded even when the server drops us half-way, so a retry sends only the rest
        with storage.warehouse() as con:
            upsert(con, "mail_log", log)
    return dg.MaterializeResult(metadata={
        "sent": sum(1 for entry in log if entry["status"] == "sent"),
        "refused": sum(1 for entry in log if entry["status"] == "refused"),
        "sent_before": len(already),
        "readers_with_address": sum(1 for r in readers if r.email),
        "by_kind": dg.MetadataValue.json(dict(outcomes)),
    })
