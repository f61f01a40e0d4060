"""What the stored data says an older jobfit read, parsed or analyzed: the work a catch-up does again.

Automation reads, parses and analyzes again after each upgrade by comparing the code versions it saw before. What it
never saw (data from a jobfit before the versions were recorded) or forgot (a deploy that changes an automation
condition starts its memory afresh) is found here from the versions the data records. `python -m pipelines.bootstrap`
(make run, --catch-up) does the work in its own runs; `sensors.catch_up.catch_up_sensor` asks the daemon for it.

In LLM mode the same two ask the model again about the profiles the rules wrote while it was unavailable (an outage, a
timeout), once `llm_retry_minutes` have passed since the last attempt. Documents the setup held back in quarantine
(`jobfit.documents.SETUP_FAULTS`: the virus scanner unreachable, tesseract or antiword missing, a reader's bug) are read again
an hour after the last attempt (the sensor), or at once (make run, after the operator mended it and started again).
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import duckdb

from jobfit.documents import READER_VERSION, SETUP_FAULTS
from jobfit.jobs import ANALYSIS_VERSION
from jobfit.llm import PROMPT_VERSION
from jobfit.resumes import PARSER_VERSION
from resources.settings import Settings


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


def unfinished_documents(con: duckdb.DuckDBPyConnection, partitions: list[str]) -> tuple[list[str], list[str], list[str]]:
    """The stored documents (in partition order) a run stopped short of: stored but never read, and read to text but
    with no profile (the run failed, or was killed, between the steps; or the parser failed on the text); and between
    them, stored and not yet read, the files of archives an older jobfit stored whole that a read unpacked (found at
    the archive's place: `assets.documents._unpack_stored`)."""
    rows = con.execute(
        "SELECT d.sha256, d.status FROM documents d WHERE d.status = 'stored' OR (d.status = 'text' "
        "AND EXISTS (SELECT 1 FROM document_text t WHERE t.sha256 = d.sha256) "
        "AND NOT EXISTS (SELECT 1 FROM profiles p WHERE p.sha256 = d.sha256))").fetchall()
    # (from the few unpacked archives' places out, not from every stored document's place to every other's)
    members = {sha for (sha,) in con.execute(
        "SELECT DISTINCT m.sha256 FROM documents u JOIN document_sources a USING (sha256) JOIN document_sources m "
        "ON m.tenant = a.tenant AND starts_with(m.source_path, a.source_path || '/') "
        "JOIN documents d ON d.sha256 = m.sha256 AND d.status = 'stored' WHERE u.status = 'unpacked'").fetchall()}
    unread = {sha for sha, status in rows if status == "stored" and sha not in members}
    unparsed = {sha for sha, status in rows if status == "text"}
    return [key for key in partitions if key in unread], [key for key in partitions if key in members], \
        [key for key in partitions if key in unparsed]


HELD_RETRY = timedelta(hours=1)


def held_retry_before(now: datetime | None = None) -> datetime:
    """The time a setup fault's attempt must be older than to be made again by the sensor."""
    return (now or datetime.now(UTC)) - HELD_RETRY


def held_documents(con: duckdb.DuckDBPyConnection, partitions: list[str], tried_before: datetime) -> tuple[list[str], str]:
    """The stored documents (in partition order) in quarantine for a fault of the setup rather than of the file, last
    tried before `tried_before`; and when the latest of those was tried (so that each attempt is a new request)."""
    rows = con.execute(
        "SELECT sha256, updated_at FROM documents WHERE status = 'quarantined' AND list_contains(?, reason) AND updated_at < ?",
        [list(SETUP_FAULTS), tried_before]).fetchall()
    held = {sha for sha, _ in rows}
    return [key for key in partitions if key in held], max((str(at) for _, at in rows), default="")


def held_in_store(con: duckdb.DuckDBPyConnection) -> tuple[int, datetime | None]:
    """How many documents the setup holds in quarantine now, and when the one held longest first arrived."""
    return con.execute(
        "SELECT count(*), min(arrived) FROM documents d JOIN (SELECT sha256, min(seen_at) AS arrived FROM document_sources "
        "GROUP BY sha256) s USING (sha256) WHERE d.status = 'quarantined' AND list_contains(?, d.reason)",
        [list(SETUP_FAULTS)]).fetchone()


def llm_retry_before(settings: Settings) -> datetime | None:
    """In LLM mode, the time an attempt that found the model unavailable must be older than to be made again."""
    return datetime.now(UTC) - timedelta(minutes=settings.llm_retry_minutes) if settings.llm_enabled else None


def llm_retries(con: duckdb.DuckDBPyConnection, partitions: list[str], parsed_before: datetime) -> tuple[list[str], str]:
    """The stored documents (in partition order) whose profiles the rules wrote in LLM mode because the model was
    unavailable, parsed before `parsed_before`; and when the latest of those profiles was parsed (so that each attempt
    is a new request)."""
    rows = con.execute(
        "SELECT sha256, max(parsed_at) FROM profiles WHERE status <> 'withdrawn' "
        "AND profile_json->>'$.meta.llm_fallback' = 'unavailable' GROUP BY sha256 HAVING max(parsed_at) < ?",
        [parsed_before]).fetchall()
    waiting = {sha for sha, _ in rows}
    return [key for key in partitions if key in waiting], max((str(at) for _, at in rows), default="")


@dataclass(frozen=True)
class Behind:
    """What the stored data says is behind the code: fetch days to analyze again, documents to read again (and
    parse), documents to parse again; documents a run stopped before reading or parsing (it failed, or was killed);
    the files of archives an older jobfit stored whole, unpacked by a read and not yet read themselves; in LLM mode, documents to ask the model about again (`retry`, the latest of their attempts at `retry_since`)."""

    days: list[str]
    unread: list[str]
    stale: list[str]
    retry: list[str] = field(default_factory=list)
    retry_since: str = ""
    never_read: list[str] = field(default_factory=list)
    never_parsed: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)  # in quarantine for a setup fault, to be tried again
    held_since: str = ""  # when the latest of them was tried
    unpacked: list[str] = field(default_factory=list)  # files of archives an older jobfit stored whole, not yet read

    def __bool__(self) -> bool:
        return bool(self.days or self.unread or self.never_read or self.unpacked or self.stale or self.never_parsed or self.retry or self.held)

    def to_read(self, partitions: list[str]) -> list[str]:
        """The documents to read (and parse) again, in partition order: those older readers read, those no run
        finished reading, the files of archives unpacked and those the setup held back."""
        wanted = set(self.unread) | set(self.never_read) | set(self.unpacked) | set(self.held)
        return [key for key in partitions if key in wanted]

    def to_parse(self, partitions: list[str]) -> list[str]:
        """The documents to parse again, in partition order: the stale, those no run finished parsing and those to
        ask the model about again."""
        wanted = set(self.stale) | set(self.never_parsed) | set(self.retry)
        return [key for key in partitions if key in wanted]

    def summary(self) -> str:
        def many(items: list, one: str, more: str) -> list[str]:
            return [f"{len(items)} {one if len(items) == 1 else more}"] if items else []

        return ", ".join(many(self.unread, "document older readers read", "documents older readers read")
                         + many(self.never_read, "document a run stopped before reading", "documents a run stopped before reading")
                         + many(self.unpacked, "file of an archive an older jobfit stored whole",
                                "files of archives an older jobfit stored whole")
                         + many(self.held, "document the setup held in quarantine", "documents the setup held in quarantine")
                         + many(self.stale, "profile an older parser or taxonomy wrote", "profiles an older parser or taxonomy wrote")
                         + many(self.never_parsed, "document a run stopped before parsing", "documents a run stopped before parsing")
                         + many(self.retry, "profile the rules wrote while the model was unavailable",
                                "profiles the rules wrote while the model was unavailable")
                         + many(self.days, "fetch day of postings an older analysis or taxonomy analyzed",
                                "fetch days of postings an older analysis or taxonomy analyzed")) or "nothing"


def behind(con: duckdb.DuckDBPyConnection, partitions: list[str], today: str, ttl_days: int, partitions_start: str,
           retry_before: datetime | None = None, held_before: datetime | None = None) -> Behind:
    """Everything behind; with `retry_before` (LLM mode: `llm_retry_before`) the profiles to ask the model about again,
    with `held_before` the documents the setup held in quarantine, last tried before it."""
    retry, since = llm_retries(con, partitions, retry_before) if retry_before else ([], "")
    held, held_since = held_documents(con, partitions, held_before) if held_before else ([], "")
    never_read, unpacked, never_parsed = unfinished_documents(con, partitions)
    return Behind(stale_days(con, today, ttl_days, partitions_start), unread_documents(con, partitions),
                  stale_documents(con, partitions), retry, since, never_read, never_parsed, held, held_since, unpacked)
