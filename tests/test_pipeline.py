"""The whole pipeline over the bundled samples: every asset materialized, results in the warehouse and snapshot."""

import json
import shutil

import dagster as dg
import duckdb

from pipelines.definitions import ALL_ASSETS
from pipelines.partitions import document_partitions

TENANT_OF = {"maria_lopez": "acme", "james_okafor": "acme", "priya_raman": "acme",
             "daniel_weber": "globex", "sofia_rossi": "globex", "tom_becker": "globex"}


def read(path, sql):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_every_asset_is_materialized(pipeline_run):
    _, instance = pipeline_run
    for asset in ALL_ASSETS:
        for key in asset.keys:
            assert instance.get_latest_materialization_event(key) is not None or asset.partitions_def is not None, key
    partitions = instance.get_dynamic_partitions(document_partitions.name)
    assert len(partitions) == 6
    for key in ("documents", "document_text", "profiles"):
        assert instance.get_materialized_partitions(dg.AssetKey(key)) == set(partitions)


def test_asset_checks_ran_and_passed(pipeline_run):
    _, instance = pipeline_run
    keys = [dg.AssetCheckKey(dg.AssetKey("job_postings"), "job_postings_have_titles"),
            dg.AssetCheckKey(dg.AssetKey("matches"), "matches_respect_tenants")]
    latest = instance.event_log_storage.get_latest_asset_check_execution_by_key(keys)
    assert set(latest) == set(keys)
    for record in latest.values():
        assert record.status.value == "SUCCEEDED"
        assert record.event.dagster_event.event_specific_data.passed


def test_profiles_from_every_format_with_their_tenant(pipeline_run):
    settings, _ = pipeline_run
    rows = read(settings.serving_path, "SELECT name, tenant, profile_json FROM profiles ORDER BY name")
    assert len(rows) == 6
    names = {name.lower().replace(" ", "_"): tenant for name, tenant, _ in rows}
    assert names == TENANT_OF
    for _, _, profile_json in rows:
        profile = json.loads(profile_json)
        assert profile["basics"]["email"].endswith("@example.com")
        assert profile["work"] and profile["meta"]["skills"]


def test_postings_are_analyzed(pipeline_run):
    settings, _ = pipeline_run
    rows = read(settings.serving_path, "SELECT title, salary_min, posting_json FROM job_postings")
    assert len(rows) == 12
    assert sum(1 for _, salary, _ in rows if salary) == 12
    assert all(json.loads(p)["meta"]["required_skills"] for *_, p in rows)


def test_matches_rank_the_fitting_job_first(pipeline_run):
    settings, _ = pipeline_run
    best = dict(read(settings.serving_path, """
        SELECT p.name, j.title FROM matches m JOIN profiles p USING (profile_id) JOIN job_postings j ON j.id = m.job_id
        QUALIFY row_number() OVER (PARTITION BY m.profile_id ORDER BY m.score DESC) = 1"""))
    assert best["Maria Lopez"] == "Senior Data Engineer"
    assert best["Daniel Weber"] == "Senior Accountant"
    assert best["Tom Becker"] == "DevOps Engineer"
    assert best["James Okafor"] == "Frontend Engineer (React)"


def test_digests_written_as_json_and_html(pipeline_run):
    settings, _ = pipeline_run
    days = list((settings.data_dir / "digests").iterdir())
    assert len(days) == 1
    files = sorted(p.suffix for p in days[0].iterdir())
    assert files.count(".json") == 6 and files.count(".html") == 6
    digest = json.loads(next(days[0].glob("*.json")).read_text())
    assert digest["matches"] and digest["new_matches"] == len(digest["matches"])


def test_vectors_are_in_lancedb(pipeline_run):
    from jobfit.vectors import VectorStore

    store = VectorStore(settings_dir := pipeline_run[0].lancedb_dir)
    assert len(store.read("profile_vectors").ids) == 6
    assert len(store.read("job_vectors").ids) == 12
    assert settings_dir.exists()


def test_new_resume_flows_through_and_unchanged_text_is_not_embedded_again(tmp_path):
    from tests.conftest import SAMPLES, seeded_settings

    settings = seeded_settings(tmp_path / "data")
    instance = dg.DagsterInstance.ephemeral()
    from pipelines.bootstrap import materialize_everything

    materialize_everything(settings, instance)
    # a new resume arrives for globex, and a corrupt file beside it
    target = settings.inbox_dir / "globex" / "new_person.txt"
    target.write_text((SAMPLES / "inbox" / "acme" / "priya_raman.txt").read_text().replace("Priya Raman", "Nadia Quinn").replace("priya.raman", "nadia.quinn"))
    (settings.inbox_dir / "globex" / "broken.pdf").write_bytes(b"%PDF-1.7 truncated")
    materialize_everything(settings, instance)
    names = {r[0] for r in read(settings.serving_path, "SELECT name FROM profiles")}
    assert "Nadia Quinn" in names and len(names) == 7
    status = dict(read(settings.serving_path, "SELECT status, count(*) FROM documents GROUP BY status"))
    assert status == {"text": 7, "quarantined": 1}
    reason = read(settings.serving_path, "SELECT reason FROM documents WHERE status = 'quarantined'")[0][0]
    assert reason == "corrupt"
    assert len(list((settings.data_dir / "quarantine").glob("*.reason.txt"))) == 1
    event = instance.get_latest_materialization_event(dg.AssetKey("profile_vectors"))
    metadata = event.asset_materialization.metadata
    assert metadata["embedded"].value == 1 and metadata["reused"].value == 6
    matched = read(settings.serving_path, "SELECT count(*) FROM matches m JOIN profiles p USING (profile_id) WHERE p.name = 'Nadia Quinn'")
    assert matched[0][0] > 0
    shutil.rmtree(settings.data_dir)
