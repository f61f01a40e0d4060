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


def snapshot_rows(path) -> dict:
    from jobfit.store import SNAPSHOT_TABLES

    with duckdb.connect(str(path), read_only=True) as con:
        tables = {table: sorted(map(repr, con.execute(f"SELECT * FROM {table}").fetchall())) for table in SNAPSHOT_TABLES}
        tables["skill_demand"] = sorted(con.execute("SELECT * FROM skill_demand").fetchall())
        return tables


def test_the_serving_snapshot_is_brought_up_to_date_as_if_built_anew(tmp_path):
    from jobfit.store import build_serving_snapshot, warehouse

    path, serving = tmp_path / "warehouse.duckdb", tmp_path / "serving.duckdb"
    posting = '{"meta": {"required_skills": [{"id": "%s"}], "preferred_skills": []}}'
    with warehouse(path) as con:
        insert(con, "job_postings", [{"id": f"j{i}", "title": f"Job {i}", "posting_json": posting % f"s{i % 3}"} for i in range(6)])
        insert(con, "matches", [{"profile_id": "p", "job_id": f"j{i}", "score": float(i), "match_json": "{}"} for i in range(6)])
    first = build_serving_snapshot(path, serving)
    assert first["job_postings"] == (6, 6) and first["matches"] == (6, 6)
    with warehouse(path) as con:  # one posting edited, one gone, one new; a match rescored; a column added
        con.execute("UPDATE job_postings SET title = 'Job one, edited', posting_json = ? WHERE id = 'j1'", [posting % "s9"])
        con.execute("DELETE FROM job_postings WHERE id = 'j2'")
        insert(con, "job_postings", [{"id": "j7", "title": "Job 7", "posting_json": posting % "s9"}])
        con.execute("UPDATE matches SET score = 99 WHERE job_id = 'j3'")
        con.execute("ALTER TABLE digests ADD COLUMN extra VARCHAR")
    second = build_serving_snapshot(path, serving)
    # only what changed was written: the edit (a row out, a row in), the one gone and the one new; the rescored match
    assert second["job_postings"] == (6, 4) and second["matches"] == (6, 2) and second["skills"] == (0, 0)
    build_serving_snapshot(path, tmp_path / "anew.duckdb")
    assert snapshot_rows(serving) == snapshot_rows(tmp_path / "anew.duckdb")
    with duckdb.connect(str(serving), read_only=True) as con:
        assert ("extra",) in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'digests'").fetchall()
        assert dict(con.execute("SELECT skill_id, required FROM skill_demand").fetchall()) == {"s0": 2, "s9": 2, "s1": 1, "s2": 1}


def test_an_unreadable_snapshot_is_built_again_from_the_warehouse(tmp_path):
    from jobfit.store import build_serving_snapshot, warehouse

    path, serving = tmp_path / "warehouse.duckdb", tmp_path / "serving.duckdb"
    with warehouse(path) as con:
        insert(con, "matches", [{"profile_id": "p", "job_id": "j", "score": 1.0, "match_json": "{}"}])
    serving.write_bytes(b"not a database")
    assert build_serving_snapshot(path, serving)["matches"] == (1, 1)
    assert snapshot_rows(serving)["matches"] == [repr(("p", "j", None, 1.0, "{}", None))]
