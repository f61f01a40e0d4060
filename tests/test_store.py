"""Warehouse writes: rows land as given, and an upsert replaces by primary key."""

import duckdb

from jobfit.store import WAREHOUSE_SCHEMA, insert, now_utc, upsert


def warehouse():
    con = duckdb.connect(":memory:")
    con.execute(WAREHOUSE_SCHEMA)
    return con


def test_insert_keeps_every_value_lists_and_missing_ones_included():
    con = warehouse()
    row = {"id": "python", "name": "Python", "type": "knowledge", "category": None, "aliases": ["py", "python3"],
           "parents": [], "children": [], "related": ["django"], "occupations": [], "esco_uri": None, "hot": True, "version": "v1"}
    assert insert(con, "skills", [row]) == 1
    assert con.execute("SELECT * FROM skills").fetchall() == [
        ("python", "Python", "knowledge", None, ["py", "python3"], [], [], ["django"], [], None, True, "v1")]
    assert insert(con, "skills", []) == 0


def test_upsert_replaces_by_primary_key_and_the_last_of_a_batch_wins():
    con = warehouse()
    seen = now_utc()
    upsert(con, "document_sources", [{"sha256": "a", "tenant": "acme", "source_path": "inbox/acme/cv.pdf", "seen_at": seen}])
    upsert(con, "document_sources", [
        {"sha256": "a", "tenant": "globex", "source_path": "inbox/acme/cv.pdf", "seen_at": seen},
        {"sha256": "a", "tenant": "initech", "source_path": "inbox/acme/cv.pdf", "seen_at": seen},
        {"sha256": "a", "tenant": "acme", "source_path": "drive/cv.pdf", "seen_at": seen},
    ])
    rows = con.execute("SELECT source_path, tenant FROM document_sources ORDER BY source_path").fetchall()
    assert rows == [("drive/cv.pdf", "acme"), ("inbox/acme/cv.pdf", "initech")]


def test_matches_written_in_one_statement_read_back_as_json():
    con = warehouse()
    rows = [{"profile_id": f"p{i // 5}", "job_id": f"j{i}", "tenant": None if i % 2 else "acme", "score": float(i),
             "match_json": '{"reasons": ["Knows SQL."]}', "computed_at": "2026-12-04"} for i in range(10_000)]
    assert insert(con, "matches", rows) == 10_000
    assert con.execute("SELECT count(*), count(tenant), max(score) FROM matches").fetchall() == [(10_000, 5_000, 9_999.0)]
    assert con.execute("SELECT match_json->>'$.reasons[0]' FROM matches WHERE job_id = 'j7'").fetchall() == [("Knows SQL.",)]
