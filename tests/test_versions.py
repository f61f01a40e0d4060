"""A change to what the readers, the resume parser, the job analysis or the match scoring give must come with a new
version: stored documents, postings and matches are worked again only when a version changes, so without one they keep
what the older code gave while new arrivals get the new (`tests/versions.py` says how to record a version)."""

import pytest

from tests.versions import current, recorded

VERSION_OF = {"readers": "jobfit.documents.READER_VERSION", "parser": "jobfit.resumes.PARSER_VERSION",
              "analysis": "jobfit.jobs.ANALYSIS_VERSION", "scoring": "jobfit.matching.scoring.SCORING_VERSION"}


@pytest.fixture(scope="module")
def given():
    return current()


@pytest.mark.parametrize("stage", VERSION_OF)
def test_what_a_stage_gives_the_samples_changes_only_with_its_version(given, stage):
    was, now = recorded()[stage], given[stage]
    changed = sorted(key for key in was["items"].keys() | now["items"].keys() if was["items"].get(key) != now["items"].get(key))
    assert now["version"] == was["version"], (
        f"the {stage} stage's version is now {now['version']!r}, recorded {was['version']!r}: record what it gives with "
        "`python -m tests.versions --update`")
    assert not changed, (
        f"the {stage} stage gives something else for {changed} at the same version {now['version']!r}, so stored items would "
        f"keep what the older code gave: bump {VERSION_OF[stage]} (a dependency's upgrade counts too), then run "
        "`python -m tests.versions --update`")
