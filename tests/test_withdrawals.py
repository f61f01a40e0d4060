"""Candidates who withdraw: their profiles leave everything that reads active profiles, and what identifies them goes."""

import duckdb
import pytest

from jobfit.store import WAREHOUSE_SCHEMA, insert, now_utc
from jobfit.withdrawals import withdraw_profiles, withdrawn_pairs


def warehouse():
    con = duckdb.connect(":memory:")
    con.execute(WAREHOUSE_SCHEMA)
    at = now_utc()
    # Ada's resume, sent to acme twice (v1 then v2) and to globex once (v2); Bo's resume, sent to acme
    profiles = [("ada-v1", "sha-v1", "acme", "superseded", "sha-v2"), ("ada-v2", "sha-v2", "acme", "active", None),
                ("ada-globex", "sha-v2", "globex", "active", None), ("bo", "sha-bo", "acme", "active", None)]
    insert(con, "profiles", [{"profile_id": p, "sha256": sha, "tenant": t, "name": "Bo Lind" if p == "bo" else "Ada Byron",
                              "email": "x@example.com", "label": "Analyst", "profile_json": '{"basics": {}}', "status": status,
                              "superseded_by": by, "parsed_at": at} for p, sha, t, status, by in profiles])
    insert(con, "documents", [{"sha256": sha, "status": "text", "stored_path": f"/data/documents/{sha}", "updated_at": at}
                              for sha in ("sha-v1", "sha-v2", "sha-bo")])
    insert(con, "document_text", [{"sha256": sha, "text": "resume text"} for sha in ("sha-v1", "sha-v2", "sha-bo")])
    insert(con, "document_sources", [{"sha256": sha, "tenant": t, "source_path": f"inbox/{t}/{sha}.pdf", "seen_at": at}
                                     for _, sha, t, _, _ in profiles])
    for table in ("matches", "match_history"):
        insert(con, table, [{"profile_id": p, "job_id": "job-1", "tenant": "acme", "score": 80.0} for p, *_ in profiles])
    insert(con, "digests", [{"profile_id": p, "date": "2026-12-01", "tenant": "acme", "html": "<p>Ada</p>"} for p, *_ in profiles])
    insert(con, "mail_log", [{"date": "2026-12-01", "recipient": "x@example.com", "about": p, "status": "sent"} for p, *_ in profiles])
    return con


def rows(con, sql):
    return con.execute(sql).fetchall()


def test_a_withdrawn_candidate_leaves_with_the_earlier_versions_and_nothing_identifies_them():
    con = warehouse()
    done = withdraw_profiles(con, ["ada-v2"], reason="asked by e-mail")
    assert done.profiles == ["ada-v1", "ada-v2"] and done.already == []
    # the document globex's profile still holds is kept; the first version, held by no one, is erased
    assert done.documents == ["sha-v1"] and done.texts == {"sha-v1": "resume text"}
    assert rows(con, "SELECT profile_id, status, name, email, label, profile_json FROM profiles ORDER BY profile_id") == [
        ("ada-globex", "active", "Ada Byron", "x@example.com", "Analyst", '{"basics": {}}'),
        ("ada-v1", "withdrawn", None, None, None, None), ("ada-v2", "withdrawn", None, None, None, None),
        ("bo", "active", "Bo Lind", "x@example.com", "Analyst", '{"basics": {}}')]
    for table in ("matches", "match_history", "digests"):
        assert sorted(r[0] for r in rows(con, f"SELECT profile_id FROM {table}")) == ["ada-globex", "bo"], table
    assert sorted(r[0] for r in rows(con, "SELECT about FROM mail_log")) == ["ada-globex", "bo"]
    assert sorted(rows(con, "SELECT sha256, tenant FROM document_sources")) == [("sha-bo", "acme"), ("sha-v2", "globex")]
    assert sorted(r[0] for r in rows(con, "SELECT sha256 FROM document_text")) == ["sha-bo", "sha-v2"]
    assert rows(con, "SELECT status, stored_path FROM documents WHERE sha256 = 'sha-v1'") == [("withdrawn", None)]
    assert rows(con, "SELECT profile_id, tenant, reason FROM withdrawals ORDER BY profile_id") == [
        ("ada-v1", "acme", "asked by e-mail"), ("ada-v2", "acme", "asked by e-mail")]
    # acme sending either version again is kept out; globex is not
    assert withdrawn_pairs(con, ["sha-v1", "sha-v2", "sha-bo"]) == {("sha-v1", "acme"), ("sha-v2", "acme")}
    # named again: nothing more to do
    again = withdraw_profiles(con, ["ada-v2"])
    assert again.profiles == [] and again.already == ["ada-v2"] and again.documents == []


def test_the_last_holder_withdrawing_erases_the_document_and_an_unknown_id_changes_nothing():
    con = warehouse()
    before = rows(con, "SELECT * FROM profiles ORDER BY profile_id")
    with pytest.raises(ValueError, match="no-such-id"):
        withdraw_profiles(con, ["bo", "no-such-id"])
    assert rows(con, "SELECT * FROM profiles ORDER BY profile_id") == before
    assert rows(con, "SELECT count(*) FROM withdrawals") == [(0,)]
    done = withdraw_profiles(con, ["ada-v2", "ada-globex"])
    assert done.profiles == ["ada-globex", "ada-v1", "ada-v2"] and done.documents == ["sha-v1", "sha-v2"]
    assert rows(con, "SELECT sha256 FROM document_text") == [("sha-bo",)]
