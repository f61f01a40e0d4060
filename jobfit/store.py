"""The warehouse (DuckDB, one writer at a time) and the serving snapshot the API reads (swapped atomically)."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

WAREHOUSE_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    sha256 VARCHAR PRIMARY KEY, format VARCHAR, size_bytes BIGINT, pages INTEGER,
    status VARCHAR, reason VARCHAR, message VARCHAR, stored_path VARCHAR, updated_at TIMESTAMPTZ);
CREATE TABLE IF NOT EXISTS document_sources (
    sha256 VARCHAR, tenant VARCHAR, source_path VARCHAR, seen_at TIMESTAMPTZ, PRIMARY KEY (sha256, source_path));
CREATE TABLE IF NOT EXISTS document_text (
    sha256 VARCHAR PRIMARY KEY, text VARCHAR, format VARCHAR, pages INTEGER, words INTEGER);
-- which readers last read the document (to text or to quarantine); released: an operator let it through as a resume
ALTER TABLE documents ADD COLUMN IF NOT EXISTS reader_version VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS released BOOLEAN DEFAULT false;
-- what a person should know about a document read to text: a damaged file (a truncated PDF) was read as far as possible,
-- and its text, so its profile, may lack parts (jobfit.documents.DocumentText.warning)
ALTER TABLE documents ADD COLUMN IF NOT EXISTS warning VARCHAR;
ALTER TABLE document_text ADD COLUMN IF NOT EXISTS layout JSON;
ALTER TABLE document_text ADD COLUMN IF NOT EXISTS ocr_pages INTEGER;
ALTER TABLE document_text ADD COLUMN IF NOT EXISTS ocr_confidence DOUBLE;
ALTER TABLE document_text ADD COLUMN IF NOT EXISTS kind VARCHAR;
ALTER TABLE document_text ADD COLUMN IF NOT EXISTS kind_confidence DOUBLE;
ALTER TABLE document_text ADD COLUMN IF NOT EXISTS document_date DATE;
-- a JSON Resume's own fields (its text writes them out): the parse keeps its entries as stated
ALTER TABLE document_text ADD COLUMN IF NOT EXISTS json_resume JSON;
CREATE TABLE IF NOT EXISTS profiles (
    profile_id VARCHAR PRIMARY KEY, sha256 VARCHAR, tenant VARCHAR, name VARCHAR, email VARCHAR, label VARCHAR,
    career_level VARCHAR, years_experience DOUBLE, skills INTEGER, profile_json JSON, parsed_at TIMESTAMPTZ);
ALTER TABLE profiles ADD COLUMN IF NOT EXISTS status VARCHAR DEFAULT 'active';
ALTER TABLE profiles ADD COLUMN IF NOT EXISTS superseded_by VARCHAR;
-- A document's profile for a tenant is superseded when, at every path that tenant sent it from,
-- a newer document arrived (a changed file at the same path); replaced_by names the newest.
CREATE OR REPLACE VIEW profile_replacements AS
SELECT s.sha256, s.tenant, CASE WHEN bool_and(n.newer IS NOT NULL) THEN max(n.newer) END AS replaced_by
FROM document_sources s
LEFT JOIN LATERAL (
    SELECT newer.sha256 AS newer FROM document_sources newer
    WHERE newer.source_path = s.source_path AND newer.tenant = s.tenant AND newer.seen_at > s.seen_at
      AND newer.sha256 <> s.sha256
    ORDER BY newer.seen_at DESC LIMIT 1
) n ON TRUE
GROUP BY s.sha256, s.tenant;
DROP TABLE IF EXISTS taxonomy_skills;
CREATE TABLE IF NOT EXISTS skills (
    id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR, category VARCHAR, aliases VARCHAR[], parents VARCHAR[],
    children VARCHAR[], related VARCHAR[], occupations VARCHAR[], esco_uri VARCHAR, hot BOOLEAN, version VARCHAR);
CREATE TABLE IF NOT EXISTS occupations (
    id VARCHAR PRIMARY KEY, title VARCHAR, esco_uri VARCHAR, isco_group VARCHAR, isco_label VARCHAR, category VARCHAR,
    aliases VARCHAR[], essential VARCHAR[], optional VARCHAR[], onet_socs VARCHAR[], version VARCHAR);
ALTER TABLE occupations ADD COLUMN IF NOT EXISTS broader VARCHAR;  -- ESCO's broader occupation, by id
CREATE TABLE IF NOT EXISTS job_postings_raw (
    fetch_date VARCHAR, id VARCHAR, feed VARCHAR, tenant VARCHAR, raw_json JSON, PRIMARY KEY (fetch_date, id));
CREATE TABLE IF NOT EXISTS job_postings (
    id VARCHAR PRIMARY KEY, tenant VARCHAR, title VARCHAR, company VARCHAR, date VARCHAR, remote VARCHAR,
    seniority VARCHAR, category VARCHAR, employment_type VARCHAR, salary_min DOUBLE, salary_max DOUBLE,
    salary_currency VARCHAR, posting_json JSON, fetch_date VARCHAR, analyzed_at TIMESTAMPTZ);
ALTER TABLE job_postings ADD COLUMN IF NOT EXISTS expires VARCHAR;
-- what the analysis depended on (jobs.analysis_key): a posting fetched again unchanged is not analyzed again
ALTER TABLE job_postings ADD COLUMN IF NOT EXISTS analysis_key VARCHAR;
CREATE TABLE IF NOT EXISTS matches (
    profile_id VARCHAR, job_id VARCHAR, tenant VARCHAR, score DOUBLE, match_json JSON, computed_at VARCHAR,
    PRIMARY KEY (profile_id, job_id));
-- what each profile and posting looked like when matching last scored it: unchanged ones are not scored again
CREATE TABLE IF NOT EXISTS match_inputs (side VARCHAR, id VARCHAR, fingerprint VARCHAR, PRIMARY KEY (side, id));
-- ... and when its vectors were last brought up to date: unchanged ones are not even read
CREATE TABLE IF NOT EXISTS vector_inputs (vectors VARCHAR, id VARCHAR, fingerprint VARCHAR, PRIMARY KEY (vectors, id));
-- every score matching computed, kept so a digest can say what is new and how a match moved
CREATE TABLE IF NOT EXISTS match_history (
    profile_id VARCHAR, job_id VARCHAR, tenant VARCHAR, score DOUBLE, weights_version VARCHAR, computed_at VARCHAR);
CREATE TABLE IF NOT EXISTS digests (
    profile_id VARCHAR, date VARCHAR, tenant VARCHAR, digest_json JSON, html VARCHAR, PRIMARY KEY (profile_id, date));
-- candidates who withdrew (jobfit.withdrawals): the profile row stays, erased, with status 'withdrawn'
CREATE TABLE IF NOT EXISTS withdrawals (
    profile_id VARCHAR PRIMARY KEY, sha256 VARCHAR, tenant VARCHAR, reason VARCHAR, withdrawn_at TIMESTAMPTZ);
-- every digest letter tried: one per recipient, day and subject (a profile, or a recruiter's tenant); 'sent' ones never again
CREATE TABLE IF NOT EXISTS mail_log (
    date VARCHAR, recipient VARCHAR, about VARCHAR, kind VARCHAR, status VARCHAR, reason VARCHAR, message_id VARCHAR,
    tried_at TIMESTAMPTZ, PRIMARY KEY (date, recipient, about));
"""

SNAPSHOT_TABLES = (
    "documents", "document_sources", "profiles", "skills", "occupations", "job_postings", "matches", "digests",
)
# How many current postings of each tenant (NULL: global feeds) ask for each skill, for the API's skill pages.
SKILL_DEMAND = """
CREATE TABLE skill_demand AS
WITH current AS (SELECT * FROM job_postings WHERE expires IS NULL OR expires >= current_date::VARCHAR)
SELECT skill_id, tenant, count(*) FILTER (WHERE required) AS required, count(*) FILTER (WHERE NOT required) AS preferred
FROM (
    SELECT unnest(json_extract_string(posting_json, '$.meta.required_skills[*].id')) AS skill_id, tenant, TRUE AS required FROM current
    UNION ALL
    SELECT unnest(json_extract_string(posting_json, '$.meta.preferred_skills[*].id')), tenant, FALSE FROM current
) GROUP BY skill_id, tenant"""


def now_utc() -> datetime:
    return datetime.now(UTC)


@contextmanager
def warehouse(path: Path, attempts: int = 30) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to the warehouse with its schema in place.

    DuckDB admits one writing process; Dagster's pool keeps our runs apart, and this waits out
    the rare overlap (a manual run beside a sensor run) instead of failing.
    """
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(attempts):
        try:
            connection = duckdb.connect(str(path))
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or attempt == attempts - 1:
                raise
            time.sleep(1.0)
    try:
        connection.execute(WAREHOUSE_SCHEMA)
        yield connection
    finally:
        connection.close()


def execute_many(connection: duckdb.DuckDBPyConnection, sql: str, rows: list[list]) -> int:
    """executemany that accepts an empty batch (DuckDB refuses one). DuckDB runs it one statement per row, about
    1,500 rows a second on this machine: for more than a few hundred rows use `insert`."""
    if rows:
        connection.executemany(sql, rows)
    return len(rows)


def insert(connection: duckdb.DuckDBPyConnection, table: str, rows: list[dict], replace: bool = False) -> int:
    """Insert rows (dicts with the same keys, the table's column names) in one statement that reads them as an Arrow
    table: 250,000 matches take half a second, where executemany's rate makes about three minutes. With `replace`, a row replaces
    the one with the same primary key (the last of several in `rows` wins)."""
    import pyarrow as pa

    if not rows:
        return 0
    columns = list(rows[0])
    if replace:
        key = _primary_key(connection, table)
        if key:
            rows = list({tuple(row[c] for c in key): row for row in rows}.values())
    batch = pa.table({c: pa.array([row[c] for row in rows]) for c in columns})
    names = ", ".join(columns)
    connection.register("_jobfit_batch", batch)
    try:
        connection.execute(f"INSERT {'OR REPLACE ' if replace else ''}INTO {table} ({names}) SELECT {names} FROM _jobfit_batch")
    finally:
        connection.unregister("_jobfit_batch")
    return len(rows)


def delete(connection: duckdb.DuckDBPyConnection, table: str, keys: dict[str, Sequence]) -> None:
    """Delete the rows whose columns hold these values, row by row (`keys`: column -> values, all as long), in one
    statement joined against the values as an Arrow table."""
    import pyarrow as pa

    columns = list(keys)
    connection.register("doomed", pa.table({c: pa.array(list(keys[c]), pa.string()) for c in columns}))
    try:
        connection.execute(f"DELETE FROM {table} USING doomed WHERE "
                           + " AND ".join(f"{table}.{c} = doomed.{c}" for c in columns))
    finally:
        connection.unregister("doomed")


def upsert(connection: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> int:
    """Insert rows, replacing any with the same primary key."""
    return insert(connection, table, rows, replace=True)


def _primary_key(connection: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    found = connection.execute("SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = ? "
                               "AND constraint_type = 'PRIMARY KEY'", [table]).fetchall()
    return list(found[0][0]) if found else []


def build_serving_snapshot(warehouse_path: Path, serving_path: Path) -> dict[str, tuple[int, int]]:
    """Bring a copy of the current snapshot up to date with the warehouse, then swap it in atomically.

    Only the rows that differ are written: a row is identified by the hash of all its columns, so a table follows
    the warehouse whatever changed in it. One new profile among 100,000 postings then rewrites a few dozen rows
    instead of copying every posting and match again (4.2 s). Without a readable snapshot, or when a table's columns
    changed, tables are copied whole. Returns each table's (rows, rows written or deleted)."""
    serving_path.parent.mkdir(parents=True, exist_ok=True)
    temporary = serving_path.with_name(f".{serving_path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    # The warehouse connection is opened (and its schema ensured) first, so an empty warehouse still snapshots.
    with warehouse(warehouse_path):
        pass
    if serving_path.exists():
        shutil.copyfile(serving_path, temporary)
    try:
        counts = _synced_snapshot(temporary, warehouse_path)
    except duckdb.Error:
        temporary.unlink(missing_ok=True)  # a snapshot this version cannot read or update: built from nothing
        counts = _synced_snapshot(temporary, warehouse_path)
    os.replace(temporary, serving_path)
    return counts


def _synced_snapshot(path: Path, warehouse_path: Path) -> dict[str, tuple[int, int]]:
    connection = duckdb.connect(str(path))
    try:
        connection.execute(f"ATTACH '{warehouse_path}' AS w (READ_ONLY)")
        built = _tables(connection, "snapshot") and connection.execute("SELECT built_at FROM snapshot").fetchone()
        connection.execute("BEGIN")
        counts = {table: _sync_table(connection, table) for table in SNAPSHOT_TABLES}
        # demand counts current postings: it changes with the postings, and with the day as postings expire
        if counts["job_postings"][1] or not built or built[0].astimezone(UTC).date() != now_utc().date():
            connection.execute("DROP TABLE IF EXISTS skill_demand")
            connection.execute(SKILL_DEMAND)
        connection.execute("CREATE OR REPLACE TABLE snapshot AS SELECT ?::TIMESTAMPTZ AS built_at", [now_utc()])
        connection.execute("COMMIT")
        connection.execute("DETACH w")
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    return counts


def _tables(connection: duckdb.DuckDBPyConnection, table: str, database: str | None = None) -> list[tuple[str, str]]:
    """A table's (column, type) pairs in `database` (the connection's own by default); [] when it has no such table."""
    return connection.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? AND database_name = "
                              + ("?" if database else "current_database()") + " ORDER BY column_index",
                              [table, database] if database else [table]).fetchall()


def _sync_table(connection: duckdb.DuckDBPyConnection, table: str) -> tuple[int, int]:
    """Make the snapshot's `table` hold the warehouse's rows: (rows, rows written or deleted)."""
    if _tables(connection, table) != _tables(connection, table, "w"):
        connection.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM w.{table}")
        rows = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return rows, rows
    # every snapshot table has a primary key in the warehouse, so no two of its rows hash alike
    connection.execute(f"CREATE OR REPLACE TEMP TABLE wanted AS SELECT hash(t) AS h FROM w.{table} t")
    connection.execute(f"CREATE OR REPLACE TEMP TABLE held AS SELECT hash(t) AS h FROM {table} t")
    deleted = connection.execute(f"DELETE FROM {table} WHERE hash({table}) NOT IN (SELECT h FROM wanted)").fetchone()[0]
    written = connection.execute(f"INSERT INTO {table} SELECT * FROM w.{table} t WHERE hash(t) NOT IN (SELECT h FROM held)").fetchone()[0]
    rows = connection.execute("SELECT count(*) FROM wanted").fetchone()[0]
    connection.execute("DROP TABLE wanted; DROP TABLE held")
    return rows, deleted + written
