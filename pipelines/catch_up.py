"""What the stored data says an older jobfit read, parsed or analyzed: the work a catch-up does again.

Automation reads, parses and analyzes again after each upgrade by comparing the code versions it saw before. What it
never saw (data from a jobfit before the versions were recorded) or forgot (a deploy that changes an automation
condition starts its memory afresh) is found here from the versions the data records. `python -m pipelines.bootstrap`
(make run, --catch-up) does the work in its own runs; `sensors.catch_up.catch_up_sensor` asks the daemon for it.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from jobfit.documents import READER_VERSION
from jobfit.jobs import ANALYSIS_VERSION
from jobfit.llm import PROMPT_VERSION
from jobfit.resumes import PARSER_VERSION


def stale_days(con: duckdb.DuckDBPyConnection, today: str, ttl_days: int, partitions_start: str) -> list[str]:
    """The fetch days within the postings' time to live that hold a posting another analysis version or taxonomy
    analyzed (a posting fetched today is analyzed again by today's fetch)."""
    since = (date.fromisoformat(today) - timedelta(days=ttl_days)).isoformat()
    return [day for (day,) in con.execute(
        "SELECT DISTINCT r.fetch_date FROM job_postings_raw r JOIN job_postings p USING (id) "
        "WHERE r.fetch_date >= greatest(?, ?) AND (p.posting_json->>'$.meta.analysis_version' IS DISTINCT FROM ? "
        "OR p.posting_json->>'$.meta.taxonomy_version' IS DISTINCT FROM (SELECT max(version) FROM skills)) ORDER BY 1",
        [since, partitions_start, ANALYSIS_VERSION]).fetchall()]


def unread_documents(con: duckdb.DuckDBPyConnection, partitions: list[str]) -> list[str]:
    """The stored documents (in partition order) that other readers read, to text or to quarantine."""
    stale = {sha for (sha,) in con.execute(
        "SELECT sha256 FROM documents WHERE status IN ('text', 'quarantined') AND reader_version IS DISTINCT FROM ?",
        [READER_VERSION]).fetchall()}
    return [key for key in partitions if key in stale]


def stale_documents(con: duckdb.DuckDBPyConnection, partitions: list[str]) -> list[str]:
    """The stored documents (in partition order) whose profiles another parser version or taxonomy wrote. A profile
    an LLM wrote records the rules' version "+" the prompt's ("1+resume-1"); both must be current."""
    stale = {sha for (sha,) in con.execute(
        "WITH p AS (SELECT sha256, profile_json->>'$.meta.parser_version' AS parser, "
        "profile_json->>'$.meta.taxonomy_version' AS taxonomy FROM profiles WHERE status <> 'withdrawn') "
        "SELECT DISTINCT sha256 FROM p WHERE parser IS NULL OR split_part(parser, '+', 1) <> ? "
        "OR (parser LIKE '%+%' AND split_part(parser, '+', 2) <> ?) "
        "OR taxonomy IS DISTINCT FROM (SELECT max(version) FROM skills)",
        [PARSER_VERSION, PROMPT_VERSION]).fetchall()}
    return [key for key in partitions if key in stale]


@dataclass(frozen=True)
class Behind:
    """What the stored data says is behind the code: fetch days to analyze again, documents to read again (and
    parse), documents to parse again."""

    days: list[str]
    unread: list[str]
    stale: list[str]

    def __bool__(self) -> bool:
        return bool(self.days or self.unread or self.stale)

    def summary(self) -> str:
        def many(items: list, one: str, more: str) -> list[str]:
            return [f"{len(items)} {one if len(items) == 1 else more}"] if items else []

        return ", ".join(many(self.unread, "document older readers read", "documents older readers read")
                         + many(self.stale, "profile an older parser or taxonomy wrote", "profiles an older parser or taxonomy wrote")
                         + many(self.days, "fetch day of postings an older analysis or taxonomy analyzed",
                                "fetch days of postings an older analysis or taxonomy analyzed")) or "nothing"


def behind(con: duckdb.DuckDBPyConnection, partitions: list[str], today: str, ttl_days: int, partitions_start: str) -> Behind:
    return Behind(stale_days(con, today, ttl_days, partitions_start), unread_documents(con, partitions),
                  stale_documents(con, partitions))
