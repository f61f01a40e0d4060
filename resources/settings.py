"""Plain settings read from the environment: no Dagster imports, shared by assets, sensors and the API."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else default


class SettingsError(ValueError):
    """A setting in the environment that cannot be used; the message names the variable and what it takes."""


def _env_number(name: str, default, minimum=None, maximum=None, whole: bool = True):
    """A number from the environment (a whole one unless `whole` is False), within its bounds."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    kind = "whole number" if whole else "number"
    try:
        number = int(value) if whole else float(value)
    except ValueError as exc:
        raise SettingsError(f"{name}={value!r} is not a {kind}") from exc
    if not (minimum is None or number >= minimum) or maximum is not None and number > maximum:  # (NaN too)
        bounds = f"from {minimum:g} to {maximum:g}" if maximum is not None else f"of {minimum:g} or more"
        raise SettingsError(f"{name}={value!r}: it takes a {kind} {bounds}")
    return number


def _env_int(name: str, default: int, minimum: int | None = None, maximum: int | None = None) -> int:
    return _env_number(name, default, minimum, maximum)


def _env_float(name: str, default: float, minimum: float = 0.0) -> float:
    return _env_number(name, default, minimum, whole=False)


def _env_timezone(name: str, default: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    value = os.environ.get(name) or default
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SettingsError(f"{name}={value!r} is not a time zone (an IANA name such as Europe/Berlin or UTC)") from exc
    return value


def _env_date(name: str, default: str) -> str:
    from datetime import date

    value = os.environ.get(name) or default
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise SettingsError(f"{name}={value!r} is not a date (YYYY-MM-DD)") from exc
    return value


def _env_region(name: str, default: str) -> str:
    value = (os.environ.get(name) or default).upper()
    if not re.fullmatch(r"[A-Z]{2}", value):
        raise SettingsError(f"{name}={value!r} is not a country code (two letters, such as US or GB)")
    return value


@dataclass(frozen=True)
class DataLayout:
    """Where everything lives under the data directory: the one place these paths are derived."""

    root: Path

    @property
    def documents_dir(self) -> Path:
        return self.root / "documents"

    @property
    def quarantine_dir(self) -> Path:
        return self.root / "quarantine"

    @property
    def warehouse_path(self) -> Path:
        return self.root / "warehouse.duckdb"

    @property
    def serving_path(self) -> Path:
        return self.root / "serving.duckdb"

    @property
    def lancedb_dir(self) -> Path:
        return self.root / "lancedb"

    @property
    def digests_dir(self) -> Path:
        return self.root / "digests"

    @property
    def taxonomy_path(self) -> Path:
        return self.root / "taxonomy" / "taxonomy.json.gz"

    @property
    def matching_state_path(self) -> Path:
        """What matching measured of the postings, kept between runs (jobfit.matching.state)."""
        return self.root / "matching" / "postings_state.pkl"

    @property
    def llm_cache_dir(self) -> Path:
        return self.root / "llm_cache"


@dataclass(frozen=True)
class Settings:
    """Where jobfit keeps its data and how it behaves; every path derives from `data_dir` unless set."""

    data_dir: Path
    inbox_dir: Path
    feeds_file: Path
    api_keys_file: Path
    match_weights_file: Path | None = None  # per-tenant match weights (YAML); absent: the defaults
    drive_folders_file: Path | None = None  # Google Drive folders to watch, one tenant each (YAML); absent: none
    drive_credentials_file: str = ""  # a service account's JSON key, for the Drive folders
    drive_api_url: str = "https://www.googleapis.com"
    smtp_url: str = ""  # smtp://user:password@host:587 or smtps://host:465; empty: no digest e-mail
    mail_from: str = "jobfit <jobfit@localhost>"
    dagster_url: str = "http://127.0.0.1:3000"  # where operators open the Dagster UI (links in failure reports)
    timezone: str = "UTC"
    partitions_start: str = "2026-11-01"
    match_top_n: int = 10
    match_min_score: int = 20
    ann_min_rows: int = 1_000_000  # a vector table this large gets an IVF_PQ index (below it exact search is faster)
    max_document_bytes: int = 10 * 1024 * 1024
    max_document_pages: int = 30
    inbox_files_per_tick: int = 2000
    inbox_batch_size: int = 200
    virus_scanner: str = ""
    virus_database: str = ""
    llm_model: str = ""
    llm_timeout_seconds: float = 60.0
    llm_concurrency: int = 4  # requests in flight at once
    llm_retry_minutes: int = 60  # a profile the rules wrote because the model was unavailable: asked again after this
    llm_input_usd_per_million: float = 0.0  # prices for the cost the profiles asset reports
    llm_output_usd_per_million: float = 0.0
    llm_rerank_top: int = 0  # with an LLM configured: re-rank and explain each profile's best few new matches
    llm_rerank_budget_usd: float = 1.0  # what one matching run may spend on re-ranking
    openai_base_url: str = ""
    default_region: str = "US"  # phone numbers written without a country code are read as this region's
    posting_ttl_days: int = 30  # a posting without a stated validity leaves matching this long after publication
    taxonomy_esco_dir: str = ""  # ESCO v1.1.1 CSVs: when both are set, `skill_taxonomy` rebuilds from them
    taxonomy_onet_dir: str = ""  # O*NET 27.0 text files

    @property
    def layout(self) -> DataLayout:
        return DataLayout(self.data_dir)

    @property
    def llm_enabled(self) -> bool:
        return bool(os.environ.get("OPENAI_API_KEY") and self.llm_model)

    @classmethod
    def from_env(cls) -> Settings:
        data_dir = _env_path("JOBFIT_DATA_DIR", Path.cwd() / "data")
        return cls(
            data_dir=data_dir,
            inbox_dir=_env_path("JOBFIT_INBOX_DIR", data_dir / "inbox"),
            feeds_file=_env_path("JOBFIT_FEEDS_FILE", data_dir / "feeds.yaml"),
            api_keys_file=_env_path("JOBFIT_API_KEYS_FILE", data_dir / "api_keys.yaml"),
            match_weights_file=_env_path("JOBFIT_MATCH_WEIGHTS_FILE", data_dir / "match_weights.yaml"),
            drive_folders_file=_env_path("JOBFIT_DRIVE_FOLDERS_FILE", data_dir / "drive.yaml"),
            drive_credentials_file=os.environ.get("JOBFIT_DRIVE_CREDENTIALS") or os.environ.get("GOOGLE_APPLICATION_CREDENTIALS", ""),
            drive_api_url=os.environ.get("JOBFIT_DRIVE_API_URL", "https://www.googleapis.com"),
            smtp_url=os.environ.get("JOBFIT_SMTP_URL", ""),
            mail_from=os.environ.get("JOBFIT_MAIL_FROM", "jobfit <jobfit@localhost>"),
            dagster_url=os.environ.get("JOBFIT_DAGSTER_URL", "http://127.0.0.1:3000"),
            timezone=_env_timezone("JOBFIT_TIMEZONE", "UTC"),
            partitions_start=_env_date("JOBFIT_PARTITIONS_START", "2026-11-01"),
            match_top_n=_env_int("JOBFIT_MATCH_TOP_N", 10, minimum=1),
            match_min_score=_env_int("JOBFIT_MATCH_MIN_SCORE", 20, minimum=0, maximum=100),
            ann_min_rows=_env_int("JOBFIT_ANN_MIN_ROWS", 1_000_000, minimum=0),
            max_document_bytes=_env_int("JOBFIT_MAX_DOCUMENT_MB", 10, minimum=1) * 1024 * 1024,
            max_document_pages=_env_int("JOBFIT_MAX_DOCUMENT_PAGES", 30, minimum=1),
            inbox_files_per_tick=_env_int("JOBFIT_INBOX_FILES_PER_TICK", 2000, minimum=1),
            inbox_batch_size=_env_int("JOBFIT_INBOX_BATCH_SIZE", 200, minimum=1),
            virus_scanner=os.environ.get("JOBFIT_VIRUS_SCANNER", ""),
            virus_database=os.environ.get("JOBFIT_VIRUS_DATABASE", ""),
            llm_model=os.environ.get("JOBFIT_LLM_MODEL", ""),
            llm_timeout_seconds=_env_float("JOBFIT_LLM_TIMEOUT_SECONDS", 60.0, minimum=1.0),
            llm_concurrency=_env_int("JOBFIT_LLM_CONCURRENCY", 4, minimum=1),
            llm_retry_minutes=_env_int("JOBFIT_LLM_RETRY_MINUTES", 60, minimum=0),
            llm_input_usd_per_million=_env_float("JOBFIT_LLM_INPUT_USD_PER_MILLION", 0.0),
            llm_output_usd_per_million=_env_float("JOBFIT_LLM_OUTPUT_USD_PER_MILLION", 0.0),
            llm_rerank_top=_env_int("JOBFIT_LLM_RERANK_TOP", 0, minimum=0),
            llm_rerank_budget_usd=_env_float("JOBFIT_LLM_RERANK_BUDGET_USD", 1.0),
            openai_base_url=os.environ.get("OPENAI_BASE_URL", ""),
            posting_ttl_days=_env_int("JOBFIT_POSTING_TTL_DAYS", 30, minimum=1),
            default_region=_env_region("JOBFIT_DEFAULT_REGION", "US"),
            taxonomy_esco_dir=os.environ.get("JOBFIT_ESCO_DIR", ""),
            taxonomy_onet_dir=os.environ.get("JOBFIT_ONET_DIR", ""),
        )


def main() -> int:
    """`python -m resources.settings`: check every setting before anything starts (`make run` does), one line if one
    cannot be used; without it the message would end a traceback from wherever the settings are first read."""
    try:
        Settings.from_env()
    except SettingsError as exc:
        print(f"[jobfit] {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
