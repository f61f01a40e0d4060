"""Candidates who withdraw: their profiles leave matching, digests and serving, and what identifies them is erased.

A withdrawal names profiles by id. Each profile withdrawn takes with it the older profiles its document superseded
for the same tenant (earlier versions of the same resume). What goes:
- the profile's values (name, e-mail, title, the whole JSON Resume document); the row stays with status 'withdrawn',
  so the API can answer that the profile was withdrawn rather than that it never existed;
- its matches, their history, its digests and the log of letters about it;
- the tenant's record of where the file came from (file names often carry the candidate's name);
- the document's text and its stored bytes, once no profile of another tenant still holds them (the caller erases
  the files: the bytes, digests written to disk, the LLM's cached answers).
A row in `withdrawals` keeps the profile id, its document's sha256, the tenant, when and why: the same bytes sent
again by that tenant are not taken in again (a new version of the file is a new document, and is).
The vectors are the caller's to delete (they live in LanceDB); the fingerprints matching and the vector assets keep
of the profile leave at their next run, which reads active profiles only.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from jobfit.store import delete, insert, now_utc


@dataclass(frozen=True)
class Withdrawal:
    profiles: list[str]  # withdrawn now, with the earlier versions they superseded
    already: list[str]  # named, but withdrawn before
    documents: list[str]  # sha256 of the documents no profile holds any more: their bytes are to be erased
    texts: dict[str, str]  # those documents' texts, erased here: for the caller to erase what was derived from them


def withdraw_profiles(con: duckdb.DuckDBPyConnection, profile_ids: list[str], reason: str = "") -> Withdrawal:
    """Withdraw these profiles in one transaction. An id no profile has raises ValueError before anything changes."""
    ids = sorted(set(profile_ids))
    everyone = {pid: (sha, tenant, superseded_by, state) for pid, sha, tenant, superseded_by, state in con.execute(
        "SELECT profile_id, sha256, tenant, superseded_by, status FROM profiles").fetchall()}
    unknown = [i for i in ids if i not in everyone]
    if unknown:
        raise ValueError(f"no profile has the id {', '.join(unknown)}: nothing was withdrawn")
    rows = {pid: row[:3] for pid, row in everyone.items() if row[3] != "withdrawn"}
    doomed = [i for i in ids if i in rows]
    # the versions each superseded, for the same tenant, followed back to the first
    pending = list(doomed)
    while pending:
        sha, tenant, _ = rows[pending.pop()]
        for pid, (_, older_tenant, superseded_by) in rows.items():
            if superseded_by == sha and older_tenant == tenant and pid not in doomed:
                doomed.append(pid)
                pending.append(pid)
    withdrawn = {pid: rows[pid][:2] for pid in doomed}
    held = {sha for pid, (sha, _, _) in rows.items() if pid not in withdrawn}
    erased = sorted({sha for sha, _ in withdrawn.values()} - held)
    texts = dict(con.execute("SELECT sha256, text FROM document_text WHERE sha256 IN (SELECT unnest(?::VARCHAR[]))",
                             [erased]).fetchall())
    con.execute("BEGIN")
    try:
        at = now_utc()
        insert(con, "withdrawals", [{"profile_id": pid, "sha256": sha, "tenant": tenant, "reason": reason or None,
                                     "withdrawn_at": at} for pid, (sha, tenant) in withdrawn.items()])
        con.execute("UPDATE profiles SET status = 'withdrawn', superseded_by = NULL, name = NULL, email = NULL, label = NULL, "
                    "career_level = NULL, years_experience = NULL, skills = NULL, profile_json = NULL, parsed_at = ? "
                    "WHERE profile_id IN (SELECT unnest(?::VARCHAR[]))", [at, doomed])
        for table in ("matches", "match_history", "digests"):
            con.execute(f"DELETE FROM {table} WHERE profile_id IN (SELECT unnest(?::VARCHAR[]))", [doomed])
        con.execute("DELETE FROM mail_log WHERE about IN (SELECT unnest(?::VARCHAR[]))", [doomed])
        delete(con, "document_sources", {"sha256": [sha for sha, _ in withdrawn.values()],
                                         "tenant": [tenant for _, tenant in withdrawn.values()]})
        con.execute("DELETE FROM document_text WHERE sha256 IN (SELECT unnest(?::VARCHAR[]))", [erased])
        con.execute("UPDATE documents SET status = 'withdrawn', stored_path = NULL, reason = NULL, message = NULL, updated_at = ? "
                    "WHERE sha256 IN (SELECT unnest(?::VARCHAR[]))", [at, erased])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return Withdrawal(profiles=sorted(doomed), already=[i for i in ids if i not in rows], documents=erased, texts=texts)


def withdrawn_pairs(con: duckdb.DuckDBPyConnection, sha256s: list[str]) -> set[tuple[str, str]]:
    """(sha256, tenant) of these documents that a tenant's withdrawal keeps out."""
    return set(con.execute("SELECT sha256, tenant FROM withdrawals WHERE sha256 IN (SELECT unnest(?::VARCHAR[]))",
                           [sha256s]).fetchall())
