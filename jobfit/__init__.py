"""jobfit engine: plain Python, free of Dagster. Turns resumes and job feeds into explained matches."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1"
