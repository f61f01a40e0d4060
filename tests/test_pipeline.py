"""The whole pipeline over the bundled samples: every asset materialized, results in the warehouse and snapshot."""

import contextlib
import functools
import json
import shutil
import time

import dagster as dg
import duckdb
import pytest
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from jobfit.documents import READER_VERSION, sha256_file
from jobfit.resumes import PARSER_VERSION
from pipelines.definitions import ALL_ASSETS, build_resources
from pipelines.partitions import document_partitions
from tests.conftest import catch_up_tick

TENANT_OF = {"maria_lopez": "acme", "james_okafor": "acme", "priya_raman": "acme",
             "daniel_weber": "globex", "sofia_rossi": "globex", "tom_becker": "globex"}


READERS_WORK_KEY = dg.AssetCheckKey(dg.AssetKey("document_text"), "readers_work")


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


def test_the_daemon_never_runs_a_killed_bootstrap_run_again(pipeline_run):
    """The bootstrap does all its work again at its next start; its runs are not launched from a code location, so the
    daemon's run retries (dagster.yaml) could not run them again anyway and would only log that they cannot."""
    _, instance = pipeline_run
    runs = instance.get_runs()
    assert len(runs) > 5 and all(run.tags.get("dagster/max_retries") == "0" for run in runs)


def test_asset_checks_ran_and_passed(pipeline_run):
    _, instance = pipeline_run
    keys = [dg.AssetCheckKey(dg.AssetKey("job_postings"), "job_postings_have_titles"),
            dg.AssetCheckKey(dg.AssetKey("matches"), "matches_respect_tenants"),
            dg.AssetCheckKey(dg.AssetKey("job_postings_raw"), "feeds_read"), READERS_WORK_KEY]
    latest = instance.event_log_storage.get_latest_asset_check_execution_by_key(keys)
    assert set(latest) == set(keys)
    for record in latest.values():
        assert record.status.value == "SUCCEEDED"
        assert record.event.dagster_event.event_specific_data.passed


def test_profiles_from_every_format_with_their_tenant(pipeline_run):
    settings, _ = pipeline_run
    rows = read(settings.layout.serving_path, "SELECT name, tenant, profile_json FROM profiles ORDER BY name")
    assert len(rows) == 6
    names = {name.lower().replace(" ", "_"): tenant for name, tenant, _ in rows}
    assert names == TENANT_OF
    # each stored original is recorded in its own format, whatever its size
    formats = read(settings.layout.serving_path, "SELECT format, count(*) FROM documents GROUP BY format ORDER BY format")
    assert formats == [("docx", 2), ("pdf", 2), ("txt", 2)]
    for _, _, profile_json in rows:
        profile = json.loads(profile_json)
        assert profile["basics"]["email"].endswith("@example.com")
        assert profile["work"] and profile["meta"]["skills"]
    # Sofia's DOCX heads her jobs 'Professional work history' in a heading style: read from the stored layout, not
    # from the words alone, it opens her work history, so her summary stays one sentence and each job its employer
    sofia = json.loads(next(p for name, _, p in rows if name == "Sofia Rossi"))
    assert [(w["position"], w["name"]) for w in sofia["work"]] == [
        ("Customer Support Team Lead", "Vela Travel"), ("Customer Support Agent", "Brio Telecom")]
    assert sofia["basics"]["summary"] == "Support lead who builds calm, fast help desks and coaches new agents."


def test_postings_are_analyzed(pipeline_run):
    settings, _ = pipeline_run
    rows = read(settings.layout.serving_path, "SELECT title, salary_min, posting_json FROM job_postings")
    assert len(rows) == 12
    assert sum(1 for _, salary, _ in rows if salary) == 12
    assert all(json.loads(p)["meta"]["required_skills"] for *_, p in rows)


def test_matches_rank_the_fitting_job_first(pipeline_run):
    settings, _ = pipeline_run
    best = dict(read(settings.layout.serving_path, """
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

    store = VectorStore(settings_dir := pipeline_run[0].layout.lancedb_dir)
    assert len(store.read("profile_vectors").ids) == 6
    assert len(store.read("job_vectors").ids) == 12
    # and one vector of each side's title alone, for the title component
    assert len(store.read("profile_titles").ids) == 6 and len(store.read("job_titles").ids) == 12
    assert settings_dir.exists()


def test_new_resume_flows_through_and_unchanged_text_is_not_embedded_again(tmp_path, monkeypatch):
    from tests.conftest import SAMPLES, seeded_settings

    # a seventh profile among six grows the population by a sixth, enough to measure the typical candidates again;
    # among 10,000 profiles the default 10% is a thousand newcomers
    monkeypatch.setattr("jobfit.matching.state.POPULATION_DRIFT", 0.5)

    settings = seeded_settings(tmp_path / "data")
    instance = dg.DagsterInstance.ephemeral()
    from pipelines.bootstrap import materialize_everything

    materialize_everything(settings, instance)
    # a new resume arrives for globex, and a corrupt file beside it
    target = settings.inbox_dir / "globex" / "new_person.txt"
    target.write_text((SAMPLES / "inbox" / "acme" / "priya_raman.txt").read_text().replace("Priya Raman", "Nadia Quinn").replace("priya.raman", "nadia.quinn"))
    (settings.inbox_dir / "globex" / "broken.pdf").write_bytes(b"%PDF-1.7 truncated")
    materialize_everything(settings, instance)
    names = {r[0] for r in read(settings.layout.serving_path, "SELECT name FROM profiles")}
    assert "Nadia Quinn" in names and len(names) == 7
    # a text file has no saved date: its "Jul 2019 - Present" runs to the day it arrived, not to the latest date it
    # writes (2019), so Aug 2017 to now is over nine years, not two
    years = read(settings.layout.serving_path, "SELECT years_experience FROM profiles WHERE name = 'Nadia Quinn'")[0][0]
    assert years >= 9
    status = dict(read(settings.layout.serving_path, "SELECT status, count(*) FROM documents GROUP BY status"))
    assert status == {"text": 7, "quarantined": 1}
    reason = read(settings.layout.serving_path, "SELECT reason FROM documents WHERE status = 'quarantined'")[0][0]
    assert reason == "corrupt"
    assert len(list((settings.data_dir / "quarantine").glob("*.reason.txt"))) == 1
    event = instance.get_latest_materialization_event(dg.AssetKey("profile_vectors"))
    metadata = event.asset_materialization.metadata
    assert metadata["embedded"].value == 1 and metadata["reused"].value == 6
    assert metadata["titles_embedded"].value == 1 and metadata["titles_reused"].value == 6
    assert metadata["read"].value == 1  # the six profiles that did not change were not even read
    matched = read(settings.layout.serving_path, "SELECT count(*) FROM matches m JOIN profiles p USING (profile_id) WHERE p.name = 'Nadia Quinn'")
    assert matched[0][0] > 0
    # matching scored the newcomer alone, over what it had measured of the postings the run before
    metadata = instance.get_latest_materialization_event(dg.AssetKey("matches")).asset_materialization.metadata
    assert metadata["postings_side"].value == "kept from the last run"
    # the spread of scores, a bar a band of ten from the minimum score up, holds every stored match
    bands = [[cell.strip() for cell in line.strip("|").split("|")] for line in metadata["scores"].value.splitlines()[2:]]
    assert bands[0][0] == "90–100" and bands[-1][0] == "20–30"  # JOBFIT_MATCH_MIN_SCORE is 20
    assert sum(int(band[1]) for band in bands) == metadata["matches"].value > 0
    assert all(len(band[2]) == round(30 * int(band[1]) / max(int(b[1]) for b in bands)) for band in bands)
    assert (metadata["changed_profiles"].value, metadata["changed_postings"].value) == (1, 0)
    assert metadata["pairs_scored"].value == read(settings.layout.warehouse_path,
                                                  "SELECT count(*) FROM job_postings WHERE tenant IS NULL OR tenant = 'globex'")[0][0]
    # the snapshot, brought up to date row by row, holds what one built from nothing holds
    from jobfit.store import build_serving_snapshot
    from tests.test_store import snapshot_rows

    build_serving_snapshot(settings.layout.warehouse_path, tmp_path / "anew.duckdb")
    assert snapshot_rows(settings.layout.serving_path) == snapshot_rows(tmp_path / "anew.duckdb")
    # a posting changes: it is measured, and the skill pairs are learned again; the other postings' typical candidates
    # stand as measured, the profiles being the same
    feed = settings.data_dir / "feeds" / "jobs.rss"
    feed.write_text(feed.read_text().replace("Own our Snowflake warehouse and dbt models.",
                                             "Own our Snowflake warehouse, dbt models and Looker dashboards."))
    materialize_everything(settings, instance)
    metadata = instance.get_latest_materialization_event(dg.AssetKey("matches")).asset_materialization.metadata
    assert metadata["postings_side"].value == "new and changed postings measured"
    assert (metadata["changed_profiles"].value, metadata["changed_postings"].value) == (0, 1)
    assert metadata["postings_read"].value == 1  # the other postings' features are the rows kept from the run before
    # a new version of the scoring (an upgrade): every stored match is scored again, not only new pairs
    monkeypatch.setattr("assets.matching.SCORING_VERSION", "next")
    materialize_everything(settings, instance)
    metadata = instance.get_latest_materialization_event(dg.AssetKey("matches")).asset_materialization.metadata
    assert (metadata["changed_profiles"].value, metadata["changed_postings"].value) == (7, 12)
    assert metadata["scored_now"].value == metadata["matches"].value > 0
    shutil.rmtree(settings.data_dir)


def run_sensor_requests(instance, resources, result):
    """Execute what the inbox sensor asked for, as the daemon would."""
    for request in result.dynamic_partitions_requests:
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
    for request in result.run_requests:
        selection = [k.to_user_string() for k in request.asset_selection] if request.asset_selection else ["documents", "document_text", "profiles"]
        outcome = dg.materialize(ALL_ASSETS, selection=selection, instance=instance, resources=resources,
                                 partition_key=request.partition_key, tags=request.tags, run_config=request.run_config)
        assert outcome.success


def take_in_nadia(settings, path) -> None:
    """Nadia Quinn's resume (Priya's, renamed) written at `path` in the inbox, then the inbox taken in as the daemon would."""
    from tests.conftest import SAMPLES

    take_in(settings, {path: (SAMPLES / "inbox" / "acme" / "priya_raman.txt").read_text()
                       .replace("Priya Raman", "Nadia Quinn").replace("priya.raman", "nadia.quinn")})


def take_in(settings, files: dict) -> None:
    """The files ({path: text or bytes}) written in the inbox, then the inbox taken in as the daemon would."""
    import os

    from resources.storage import StorageResource
    from sensors.inbox import inbox_sensor

    for path, text in files.items():
        path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text)
        os.utime(path, (time.time() - 60, time.time() - 60))
    resources, storage = build_resources(settings), StorageResource.from_settings(settings)
    with dg.instance_for_test() as instance:
        assert dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=resources).success
        run_sensor_requests(instance, resources, inbox_sensor(dg.build_sensor_context(instance=instance, resources={"storage": storage})))


def test_a_file_named_in_another_encoding_than_utf8_comes_in_with_the_others(tmp_path):
    """A zip made on Windows unpacks its names in cp1252 ('résumé' as the bytes r\\xe9sum\\xe9), which Python keeps
    with surrogates and DuckDB refuses: before, the documents run failed, and with it every file of its batch."""
    import os

    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    take_in_nadia(settings, settings.inbox_dir / "acme" / os.fsdecode(b"r\xe9sum\xe9 Nadia.txt"))
    rows = dict(read(settings.layout.warehouse_path, "SELECT p.name, s.source_path FROM profiles p JOIN document_sources s "
                                                     "USING (sha256, tenant) WHERE p.tenant = 'acme'"))
    assert set(rows) == {"Nadia Quinn", "Maria Lopez", "James Okafor", "Priya Raman"}
    assert rows["Nadia Quinn"] == str(settings.inbox_dir / "acme" / "résumé Nadia.txt")  # read as the cp1252 it was


def test_a_json_resume_in_the_inbox_is_a_profile_as_stated_and_a_candidates_export_is_named_for_what_it_is(tmp_path):
    """Before, a JSON Resume was read as plain text (its braces and keys a resume's lines) and a spreadsheet of
    candidates became one candidate."""
    from tests.conftest import LENA, seeded_settings

    settings = seeded_settings(tmp_path / "data")
    acme = settings.inbox_dir / "acme"
    take_in(settings, {acme / "lena.json": json.dumps(LENA),
                       acme / "applicants.csv": "name,email,position\nAna Example,ana@example.com,Analyst\n"
                                                "Bo Li,bo@example.com,Engineer\nCy Doe,cy@example.com,Designer\n"})
    (profile,) = [json.loads(js) for (js,) in read(settings.layout.warehouse_path,
                                                   "SELECT profile_json FROM profiles WHERE name = 'Lena Fischer'")]
    assert [w["position"] for w in profile["work"]] == ["Senior Platform Engineer", "Systems Administrator / DBA"]
    assert profile["meta"]["parser"] == "json_resume" and "Kubernetes" in {s["name"] for s in profile["meta"]["skills"]}
    (quarantined,) = read(settings.layout.warehouse_path,
                          "SELECT d.reason, d.message FROM documents d JOIN document_sources s USING (sha256) "
                          "WHERE s.source_path LIKE '%applicants.csv'")
    assert quarantined[0] == "unsupported_format" and quarantined[1].startswith("a table (4 rows of 3 columns")
    assert not read(settings.layout.warehouse_path, "SELECT 1 FROM profiles WHERE name IN ('Ana Example', 'Bo Li', 'Cy Doe')")


@pytest.mark.parametrize("kind", ["zip", "rar", "7z", "tar.gz"])
def test_a_zip_of_applications_in_the_inbox_gives_a_profile_for_each_resume_in_it(tmp_path, kind):
    """Before, the archive was one document, held back as 'a zip archive of 3 files: unpack it' (a 7-Zip, a compressed
    tar or this RAR: 'binary files are not resumes we can read'); now each resume in it is a candidate found at the
    archive's path and its own name, and what is no resume is named as the file it is."""
    from tests.conftest import SAMPLES, make_archive, seeded_settings

    settings = seeded_settings(tmp_path / "data")
    nadia = (SAMPLES / "inbox" / "acme" / "priya_raman.txt").read_text().replace("Priya Raman", "Nadia Quinn")
    archive = settings.inbox_dir / "acme" / f"week 12.{kind}"
    take_in(settings, {archive: make_archive(kind, {
        "applications/nadia.txt": nadia.replace("priya.raman", "nadia.quinn").encode(),
        "applications/tom.docx": (SAMPLES / "inbox" / "globex" / "sofia_rossi.docx").read_bytes(),
        "applications/shortlist.csv": b"name,email,position\nAna Example,ana@example.com,Analyst\nBo Li,bo@example.com,"
                                      b"Engineer\nCy Doe,cy@example.com,Designer\n",
        "__MACOSX/applications/._nadia.txt": b"\x00\x05\x16\x07"})})
    found = dict(read(settings.layout.warehouse_path, "SELECT p.name, s.source_path FROM profiles p JOIN document_sources s "
                                                      f"USING (sha256, tenant) WHERE s.source_path LIKE '%.{kind}/%'"))
    assert found == {"Nadia Quinn": f"{archive}/applications/nadia.txt", "Sofia Rossi": f"{archive}/applications/tom.docx"}
    (held_back,) = read(settings.layout.warehouse_path, "SELECT s.source_path, d.reason, d.message FROM documents d "
                                                        "JOIN document_sources s USING (sha256) WHERE d.status = 'quarantined'")
    assert held_back[:2] == (f"{archive}/applications/shortlist.csv", "unsupported_format")
    assert held_back[2].startswith("a table (4 rows of 3 columns")
    assert not read(settings.layout.warehouse_path, "SELECT 1 FROM documents WHERE format IN ('zip', 'rar', '7z', 'tar')")


def test_an_agency_email_of_several_candidates_in_the_inbox_gives_a_profile_for_each(tmp_path):
    """An agency sends two candidates in one email, each resume attached as 'CV.pdf'. Before, the email was one
    document, the first candidate's profile, and the second was only named in its warning."""
    from tests.conftest import SAMPLES, make_email, seeded_settings

    settings = seeded_settings(tmp_path / "data")
    message = settings.inbox_dir / "acme" / "Two analysts for you.eml"
    cvs = [("CV.pdf", "application/pdf", (SAMPLES / "inbox" / folder / name).read_bytes())
           for folder, name in (("acme", "maria_lopez.pdf"), ("globex", "daniel_weber.pdf"))]
    take_in(settings, {message: make_email("Dear Ana,\n\nplease find two candidates attached.\n\nBest, the agency", *cvs)})
    found = sorted(read(settings.layout.warehouse_path, "SELECT p.name, s.source_path FROM profiles p JOIN "
                                                        "document_sources s USING (sha256, tenant) WHERE s.source_path LIKE '%.eml/%'"))
    assert found == [("Daniel Weber", f"{message}/CV (2).pdf"), ("Maria Lopez", f"{message}/CV.pdf")]
    assert not read(settings.layout.warehouse_path, "SELECT 1 FROM documents WHERE format = 'eml'")


def test_a_cv_book_in_the_inbox_gives_a_profile_for_each_candidate_in_it(tmp_path):
    """A school's CV book (a cover, then each graduate's resume) dropped in the inbox. Before, it was one document: one
    profile, Maria Lopez's, holding Daniel Weber's jobs too. The sensor lists the candidates' pages and the run that
    takes them in cuts the same files again: each is a document found in the book, the cover named for what it is."""
    import pymupdf

    from tests.conftest import SAMPLES, seeded_settings

    settings = seeded_settings(tmp_path / "data")
    book = pymupdf.open()
    book.new_page().insert_text((72, 72), "The graduates of the School of Data, class of 2026")
    for folder, name in (("acme", "maria_lopez.pdf"), ("globex", "daniel_weber.pdf")):
        book.insert_pdf(pymupdf.open(SAMPLES / "inbox" / folder / name))
    path = settings.inbox_dir / "acme" / "CV book 2026.pdf"
    take_in(settings, {path: book.tobytes()})
    found = sorted(read(settings.layout.warehouse_path, "SELECT p.name, s.source_path FROM profiles p JOIN document_sources s "
                                                        "USING (sha256, tenant) WHERE s.source_path LIKE '%book 2026.pdf/%'"))
    assert found == [("Daniel Weber", f"{path}/page 3.pdf"), ("Maria Lopez", f"{path}/page 2.pdf")]
    assert read(settings.layout.warehouse_path, "SELECT s.source_path, d.reason FROM documents d JOIN document_sources s "
                                                "USING (sha256) WHERE d.status = 'quarantined'") == [(f"{path}/page 1.pdf", "not_a_resume")]


def test_a_resume_withdrawn_from_a_zip_is_not_kept_again_when_the_zip_comes_again(tmp_path):
    """The archive is unpacked by the run that takes its files in, never by the sensor: a candidate who withdrew is
    not stored again when the recruiter drops the same zip a second time."""
    import hashlib
    import os

    from resources.storage import StorageResource
    from sensors.inbox import inbox_sensor
    from tests.conftest import SAMPLES, make_zip, seeded_settings

    settings = seeded_settings(tmp_path / "data")
    for sample in settings.inbox_dir.rglob("*.*"):
        sample.unlink()  # the zip alone
    resources, storage = build_resources(settings), StorageResource.from_settings(settings)
    nadia = (SAMPLES / "inbox" / "acme" / "priya_raman.txt").read_bytes().replace(b"Priya Raman", b"Nadia Quinn")
    archive = make_zip({"nadia.txt": nadia, "tom.txt": (SAMPLES / "inbox" / "globex" / "tom_becker.txt").read_bytes()})
    (settings.inbox_dir / "acme" / "week 12.zip").write_bytes(archive)
    os.utime(settings.inbox_dir / "acme" / "week 12.zip", (time.time() - 60, time.time() - 60))
    sha = hashlib.sha256(nadia).hexdigest()

    def tick(cursor=None):  # and the metadata of the run that took in Nadia's resume
        result = inbox_sensor(dg.build_sensor_context(instance=instance, cursor=cursor, resources={"storage": storage}))
        run_sensor_requests(instance, resources, result)
        records = instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=dg.AssetKey("documents"),
                                                                        asset_partitions=[sha]), limit=1).records
        return result, records[0].asset_materialization.metadata

    with dg.instance_for_test() as instance:
        assert dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=resources).success
        first, metadata = tick()
        assert metadata["unpacked_from_archives"].value == 2 and storage.document_path(sha).exists()
        (profile_id,) = read(settings.layout.warehouse_path, f"SELECT profile_id FROM profiles WHERE sha256 = '{sha}'")[0]
        assert dg.materialize(ALL_ASSETS, selection=["profile_withdrawals"], instance=instance, resources=resources, run_config={
            "ops": {"profile_withdrawals": {"config": {"profile_ids": [profile_id]}}}}).success
        assert not storage.document_path(sha).exists()
        again = settings.inbox_dir / "acme" / "week 12 (1).zip"
        again.write_bytes(archive)
        os.utime(again, (time.time() - 60, time.time() - 60))
        _, metadata = tick(first.cursor)
        assert metadata["withdrawn_not_taken"].value == 1 and not storage.document_path(sha).exists()
    assert read(settings.layout.warehouse_path, f"SELECT status FROM profiles WHERE sha256 = '{sha}'") == [("withdrawn",)]


def test_a_tenant_folder_named_in_another_encoding_than_utf8_is_that_tenant_and_holds_up_no_other(tmp_path):
    """The same zip's folder name ('société' as soci\\xe9t\\xe9): before, the tenant's undecodable bytes reached the run's
    tags, the instance refused them, and the run of the batch, acme's and globex's files with it, was never made."""
    import os

    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    folder = settings.inbox_dir / os.fsdecode(b"soci\xe9t\xe9")
    folder.mkdir()
    take_in_nadia(settings, folder / "nadia.txt")
    rows = read(settings.layout.warehouse_path, "SELECT p.name, p.tenant, s.source_path FROM profiles p "
                                                "JOIN document_sources s USING (sha256, tenant)")
    assert {(name, tenant) for name, tenant, _ in rows} >= {("Nadia Quinn", "société"), ("Maria Lopez", "acme")}
    assert len({tenant for _, tenant, _ in rows}) == 3
    assert [source for name, _, source in rows if name == "Nadia Quinn"] == [str(settings.inbox_dir / "société" / "nadia.txt")]


def test_make_run_takes_the_inbox_in_again_when_the_warehouse_lost_it(tmp_path, capsys):
    """The Dagster instance keeps the documents' partitions (the exactly-once guard) when the warehouse is deleted or
    restored from an older copy, or when the run that was to record a file failed. Before, make run then served no
    profile at all and said nothing: every inbox file was 'known'."""
    from pipelines.bootstrap import materialize_everything
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    shutil.copyfile(settings.inbox_dir / "acme" / "priya_raman.txt", settings.inbox_dir / "globex" / "priya_forwarded.txt")

    def profiles():
        return sorted(read(settings.layout.serving_path, "SELECT name, tenant FROM profiles WHERE status = 'active'"))

    with dg.instance_for_test() as instance:
        materialize_everything(settings, instance)
        before = profiles()
        assert len(before) == 7 and ("Priya Raman", "globex") in before
        settings.layout.warehouse_path.unlink()
        capsys.readouterr()
        materialize_everything(settings, instance)
        assert "7 inbox files are known to Dagster but not recorded in the warehouse" in capsys.readouterr().out
        assert profiles() == before  # the copy another tenant holds included
        assert read(settings.layout.serving_path, "SELECT count(*) FROM matches")[0][0] > 0
        materialize_everything(settings, instance)
        assert "not recorded in the warehouse" not in capsys.readouterr().out


def test_make_run_names_a_tenant_the_keys_give_readers_to_but_nothing_feeds(tmp_path):
    """A recruiter keyed to 'Acme' while the inbox folder is 'acme' saw an empty list, and nothing said why."""
    import dataclasses

    import yaml

    from pipelines.bootstrap import unfed_tenants
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    settings.api_keys_file.write_text(yaml.safe_dump({"keys": [
        {"key": "k1", "role": "admin"}, {"key": "k2", "role": "recruiter", "tenant": "Acme"},
        {"key": "k3", "role": "recruiter", "tenant": "globex"}, {"key": "k4", "role": "recruiter", "tenant": "initech"},
        {"key": "k5", "role": "candidate", "tenant": "initech", "email": "a@example.com"}]}))
    told = unfed_tenants(settings)
    assert len(told) == 2 and told[0].startswith("the API keys file gives keys to tenant 'Acme', which no inbox folder")
    assert told[0].endswith("see no profile (did you mean 'acme'?)") and "'initech'" in told[1] and "did you mean" not in told[1]
    settings = dataclasses.replace(settings, drive_folders_file=settings.data_dir / "drive.yaml")
    settings.drive_folders_file.write_text(yaml.safe_dump({"folders": [{"id": "f1", "tenant": "initech"}]}))
    assert [t for t in unfed_tenants(settings) if "initech" in t] == []  # a Drive folder feeds it
    feeds = yaml.safe_load(settings.feeds_file.read_text())
    feeds["feeds"][0]["tenant"] = "Acme"
    settings.feeds_file.write_text(yaml.safe_dump(feeds))
    assert unfed_tenants(settings) == []  # so does a feed


def test_one_document_two_tenants_and_a_changed_file_supersedes(tmp_path):
    import os
    import time

    from pipelines.bootstrap import materialize_everything
    from resources.storage import StorageResource
    from sensors.inbox import inbox_sensor
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)
    storage = StorageResource.from_settings(settings)
    with dg.instance_for_test() as instance:
        first = inbox_sensor(dg.build_sensor_context(instance=instance, resources={"storage": storage}))
        run_sensor_requests(instance, resources, first)
        materialize_everything(settings, instance)
        first_history = read(settings.layout.warehouse_path, "SELECT profile_id, job_id, computed_at FROM match_history")
        before = {(r[0], r[1]): r[2] for r in read(settings.layout.warehouse_path, "SELECT profile_id, job_id, computed_at FROM matches")}
        inbox = settings.inbox_dir
        shutil.copyfile(inbox / "acme" / "priya_raman.txt", inbox / "globex" / "priya_forwarded.txt")
        tom = inbox / "globex" / "tom_becker.txt"
        tom.write_text(tom.read_text().replace("DevOps engineer who", "Platform engineer who"))
        for path in (inbox / "globex" / "priya_forwarded.txt", tom):
            os.utime(path, (time.time() - 60, time.time() - 60))
        second = inbox_sensor(dg.build_sensor_context(instance=instance, cursor=first.cursor, resources={"storage": storage}))
        run_sensor_requests(instance, resources, second)
        dg.materialize(ALL_ASSETS, selection=["profile_vectors", "job_vectors", "matches", "serving_snapshot"],
                       instance=instance, resources=resources)
    rows = read(settings.layout.serving_path, "SELECT name, tenant, status, superseded_by, sha256, profile_id FROM profiles ORDER BY name, tenant, status")
    priya = [r for r in rows if r[0] == "Priya Raman"]
    assert [(r[1], r[2]) for r in priya] == [("acme", "active"), ("globex", "active")]
    assert priya[0][4] == priya[1][4] and priya[0][5] != priya[1][5]  # one document, one profile per tenant
    toms = [r for r in rows if r[0] == "Tom Becker"]
    assert sorted(r[2] for r in toms) == ["active", "superseded"]
    old, new = (next(r for r in toms if r[2] == s) for s in ("superseded", "active"))
    assert old[3] == new[4]  # the old profile names the document that replaced it
    matched = {r[0] for r in read(settings.layout.serving_path, "SELECT DISTINCT profile_id FROM matches")}
    assert old[5] not in matched and new[5] in matched and priya[1][5] in matched
    # only the pairs of the two new profiles were scored again; every other match kept its first score
    history = read(settings.layout.warehouse_path, "SELECT profile_id, job_id, computed_at FROM match_history")
    assert first_history and set(first_history) <= set(history)
    assert {r[0] for r in set(history) - set(first_history)} == {new[5], priya[1][5]}
    after = read(settings.layout.warehouse_path, "SELECT profile_id, job_id, computed_at FROM matches")
    unchanged = {(r[0], r[1]): r[2] for r in after if r[0] not in (new[5], priya[1][5])}
    assert unchanged and all(before[pair] == computed for pair, computed in unchanged.items())
    assert len(read(settings.layout.serving_path, "SELECT * FROM documents")) == 7


def test_a_damaged_pdf_is_read_as_far_as_possible_and_the_operator_and_the_api_are_told(tmp_path):
    import yaml
    from fastapi.testclient import TestClient

    from api.app import create_app
    from pipelines.bootstrap import materialize_everything
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    whole = (settings.inbox_dir / "acme" / "maria_lopez.pdf").read_bytes()
    cut = settings.inbox_dir / "acme" / "maria_lopez_download.pdf"  # a download cut short
    cut.write_bytes(whole[:len(whole) // 2])
    with dg.instance_for_test() as instance:
        materialize_everything(settings, instance)
        sha = sha256_file(cut)
        [(status, warning)] = read(settings.layout.warehouse_path, f"SELECT status, warning FROM documents WHERE sha256 = '{sha}'")
        assert status == "text" and warning.startswith("the file is damaged (") and "may be incomplete" in warning
        assert read(settings.layout.warehouse_path, f"SELECT name FROM profiles WHERE sha256 = '{sha}'") == [("Maria Lopez",)]
        # the run that read it counts it among the documents it read (its metadata, in the Dagster UI)
        [read_run] = [e.asset_materialization for e in instance.fetch_materializations(dg.AssetKey("document_text"), limit=100).records
                      if e.asset_materialization.partition == sha]
        assert read_run.metadata["damaged"].value == 1 and read_run.metadata["documents"].value == 7
    settings.api_keys_file.write_text(yaml.safe_dump({"keys": [{"key": "k-admin", "role": "admin"}]}))
    client = TestClient(create_app(settings))
    assert client.get(f"/documents/{sha}", headers={"X-API-Key": "k-admin"}).json()["warning"] == warning
    sound = sha256_file(settings.inbox_dir / "acme" / "maria_lopez.pdf")
    assert client.get(f"/documents/{sound}", headers={"X-API-Key": "k-admin"}).json()["warning"] is None


def test_an_operator_can_release_a_quarantined_document(tmp_path):
    from jobfit.documents import sha256_file
    from pipelines.bootstrap import materialize_everything
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    letter = settings.inbox_dir / "acme" / "letter.txt"
    letter.write_text("Dear Hiring Manager,\n\nI am writing to apply for the analyst role.\n\nSincerely,\nRobin Letter")
    resources = build_resources(settings)
    with dg.instance_for_test() as instance:
        materialize_everything(settings, instance, resources)
        sha = sha256_file(letter)
        status = read(settings.layout.warehouse_path, f"SELECT status, reason FROM documents WHERE sha256 = '{sha}'")
        assert status == [("quarantined", "not_a_resume")]
        assert (settings.data_dir / "quarantine" / sha).read_bytes() == letter.read_bytes()  # the original is kept
        released = dg.materialize(ALL_ASSETS, selection=["document_text", "profiles"], partition_key=sha, instance=instance,
                                  resources=resources, run_config={"ops": {"document_text": {"config": {"accept_any_kind": True}}}})
        assert released.success
        assert read(settings.layout.warehouse_path, f"SELECT status, reason FROM documents WHERE sha256 = '{sha}'") == [("text", None)]
        assert read(settings.layout.warehouse_path, f"SELECT tenant FROM profiles WHERE sha256 = '{sha}'") == [("acme",)]
        assert not (settings.data_dir / "quarantine" / sha).exists()  # out of quarantine; the stored original stays
        assert resources["storage"].document_path(sha).read_bytes() == letter.read_bytes()

        # new readers read it again with no operator at hand: it stays released, also when released before jobfit
        # recorded releases (its text says what kind it is)
        for recorded in (True, False):
            with duckdb.connect(str(settings.layout.warehouse_path)) as con:
                con.execute("UPDATE documents SET released = ? WHERE sha256 = ?", [recorded, sha])
            assert dg.materialize(ALL_ASSETS, selection=["document_text", "profiles"], partition_key=sha, instance=instance,
                                  resources=resources).success
            assert read(settings.layout.warehouse_path, f"SELECT status, released FROM documents WHERE sha256 = '{sha}'") == [("text", True)]
            assert read(settings.layout.warehouse_path, f"SELECT tenant FROM profiles WHERE sha256 = '{sha}'") == [("acme",)]


def test_documents_read_again_keep_their_text_when_the_scanner_or_the_new_reader_fails(tmp_path, monkeypatch):
    """Reading stored documents again (new readers) must not lose what was read: a scanner that cannot be reached or
    a reader that fails on a document keeps the earlier text and profile; a new document is quarantined as before."""
    from resources.scanner import VirusScanResource

    with _stored_samples(tmp_path) as (settings, run, order):
        resources, stored = run.resources, sorted(order)

        def statuses():
            return read(settings.layout.warehouse_path, "SELECT sha256, status, reason FROM documents ORDER BY 1")

        texts = read(settings.layout.warehouse_path, "SELECT sha256, text FROM document_text ORDER BY 1")
        profiles = read(settings.layout.warehouse_path, "SELECT profile_id FROM profiles ORDER BY 1")
        assert statuses() == [(sha, "text", None) for sha in stored]

        run.resources = {**resources, "scanner": VirusScanResource(scanner=f"clamd:{tmp_path}/no-clamd.sock")}
        result = run("document_text", "profiles", tags={ASSET_PARTITION_RANGE_START_TAG: order[0],
                                                        ASSET_PARTITION_RANGE_END_TAG: order[-1]})
        outcome = result.asset_materializations_for_node("document_text")[0].metadata["by_outcome"].value
        assert outcome == {"earlier text kept": 3}
        # the operator sees it in the Dagster UI: the readers_work check warns, naming the documents and the fault
        [check] = result.get_asset_check_evaluations()
        assert check.check_name == "readers_work" and not check.passed and check.severity == dg.AssetCheckSeverity.WARN
        assert check.metadata["by_reason"].value == {"earlier text kept": 3}
        listed = check.metadata["documents"].value.splitlines()
        assert len(listed) == 3 and all("clamd" in line and "earlier text is kept" in line for line in listed)
        assert statuses() == [(sha, "text", None) for sha in stored]
        assert read(settings.layout.warehouse_path, "SELECT sha256, text FROM document_text ORDER BY 1") == texts
        assert read(settings.layout.warehouse_path, "SELECT profile_id FROM profiles ORDER BY 1") == profiles
        arrived = _ingest(run, settings, "globex")  # never read: no verdict, no text, quarantined until the scanner is back
        assert {(sha, status, reason) for sha, status, reason in statuses() if sha in {a.sha256 for a in arrived}} == {
            (a.sha256, "quarantined", "scan_failed") for a in arrived}
        checks = run.instance.event_log_storage.get_latest_asset_check_execution_by_key([READERS_WORK_KEY])
        held = checks[READERS_WORK_KEY].event.dagster_event.event_specific_data
        assert not held.passed and held.metadata["by_reason"].value == {"scan_failed": len(arrived)}

        def broken(*args, **kwargs):
            raise RuntimeError("the new PDF reader trips on this file")

        monkeypatch.setattr("assets.documents.extract_text", broken)
        run.resources = resources
        result = run("document_text", "profiles", partition_key=order[0])
        [check] = result.get_asset_check_evaluations()
        assert not check.passed and "the new PDF reader trips on this file" in check.metadata["documents"].value
        assert result.asset_materializations_for_node("document_text")[0].metadata["by_outcome"].value == {"earlier text kept": 1}
        assert (order[0], "text", None) in statuses()
        assert read(settings.layout.warehouse_path, "SELECT sha256, text FROM document_text ORDER BY 1") == texts
        assert read(settings.layout.warehouse_path, "SELECT profile_id FROM profiles ORDER BY 1") == profiles


def test_documents_the_setup_held_in_quarantine_are_read_again_once_it_is_mended(tmp_path, monkeypatch, capsys):
    """Before, a new document quarantined because the virus scanner could not be reached stayed there until an operator
    materialized its partition again by hand; now make run tries it again at once, the catch-up sensor an hour later."""
    from datetime import UTC, datetime, timedelta

    import sensors.catch_up
    from jobfit.store import warehouse
    from pipelines.bootstrap import _runner, catch_up_documents
    from pipelines.catch_up import behind, held_retry_before
    from resources.scanner import VirusScanResource

    with _stored_samples(tmp_path) as (settings, run, order):
        working = run.resources
        run.resources = {**working, "scanner": VirusScanResource(scanner=f"clamd:{tmp_path}/no-clamd.sock")}
        held = [a.sha256 for a in _ingest(run, settings, "globex")]
        stored = run.instance.get_dynamic_partitions(document_partitions.name)

        def found(tried_before):
            with warehouse(settings.layout.warehouse_path) as con:
                return behind(con, stored, "2026-12-07", 30, settings.partitions_start, None, tried_before)

        def statuses():
            return {sha: status for sha, status in read(settings.layout.warehouse_path, "SELECT sha256, status FROM documents")}

        assert {statuses()[sha] for sha in held} == {"quarantined"} and not found(held_retry_before())  # tried within the hour
        an_hour_on = held_retry_before(datetime.now(UTC) + timedelta(hours=1))
        later = found(an_hour_on)
        assert sorted(later.held) == sorted(held) and "3 documents the setup held in quarantine" in later.summary()
        assert later.to_read(stored) == [key for key in stored if key in held]

        # make run with the scanner still down: tried once, still held, and not tried again in the same start
        started = datetime.now(UTC)
        catch_up_documents(settings, run.instance, _runner(run.instance, run.resources), started)
        assert "3 stored documents are in quarantine for a fault of the setup" in capsys.readouterr().out
        assert {statuses()[sha] for sha in held} == {"quarantined"} and not found(started)
        check = run.instance.event_log_storage.get_latest_asset_check_execution_by_key([READERS_WORK_KEY])[READERS_WORK_KEY]
        evaluation = check.event.dagster_event.event_specific_data
        assert not evaluation.passed and evaluation.severity == dg.AssetCheckSeverity.WARN
        assert evaluation.metadata["held_in_quarantine"].value == 3
        # held for two days since they arrived: the check is an error (check_failure_report mails it)
        with warehouse(settings.layout.warehouse_path) as con:
            con.execute("UPDATE document_sources SET seen_at = seen_at - INTERVAL 2 DAY WHERE list_contains(?, sha256)", [held])
        catch_up_documents(settings, run.instance, _runner(run.instance, run.resources), datetime.now(UTC))
        check = run.instance.event_log_storage.get_latest_asset_check_execution_by_key([READERS_WORK_KEY])[READERS_WORK_KEY]
        evaluation = check.event.dagster_event.event_specific_data
        assert evaluation.severity == dg.AssetCheckSeverity.ERROR and evaluation.metadata["held_for_hours"].value >= 48

        # an hour on, the scanner mended: the sensor asks at its second tick, and the documents come in
        monkeypatch.setattr(sensors.catch_up, "SETTINGS", settings)
        monkeypatch.setattr(sensors.catch_up, "held_retry_before", lambda: an_hour_on + timedelta(minutes=5))
        first = catch_up_tick(run.instance, working["storage"], None)
        assert first.skip_reason.skip_message.startswith("behind: 3 documents the setup held in quarantine")
        [request] = catch_up_tick(run.instance, working["storage"], first.cursor).run_requests
        assert request.asset_selection == [dg.AssetKey("document_text"), dg.AssetKey("profiles")]
        run.resources = working
        run("document_text", "profiles", tags=request.tags)
        assert {statuses()[sha] for sha in held} == {"text"}
        names = {name for (name,) in read(settings.layout.warehouse_path, "SELECT name FROM profiles WHERE tenant = 'globex'")}
        assert names == {"Daniel Weber", "Sofia Rossi", "Tom Becker"}
        assert catch_up_tick(run.instance, working["storage"], None).skip_reason.skip_message == "nothing stored is behind the code"


def test_postings_fetched_again_unchanged_are_not_analyzed_again(tmp_path):
    """Feeds serve an open posting every hour for weeks: only new and changed postings are analyzed, and the
    others keep their analysis word for word, so matching does not score them again either."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from pipelines.partitions import SETTINGS
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)
    today = datetime.now(ZoneInfo(settings.timezone)).date()
    yesterday = today - timedelta(days=1)
    with dg.instance_for_test() as instance:
        assert dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=resources).success

        def fetch(day, **config):
            assert dg.materialize(ALL_ASSETS, selection=["job_postings_raw", "job_postings"], instance=instance,
                                  resources=resources, partition_key=day.isoformat(),
                                  run_config={"ops": {"job_postings": {"config": config}}}).success
            metadata = instance.get_latest_materialization_event(dg.AssetKey("job_postings")).asset_materialization.metadata
            rows = read(settings.layout.warehouse_path, "SELECT id, posting_json, analyzed_at, fetch_date, expires FROM job_postings")
            return metadata["analyzed"].value, metadata["unchanged"].value, {r[0]: r[1:] for r in rows}

        analyzed, unchanged, first = fetch(yesterday)
        assert (analyzed, unchanged) == (12, 0)
        # the operator sees each feed's outcome as a table
        feeds = instance.get_latest_materialization_event(dg.AssetKey("job_postings_raw")).asset_materialization.metadata["feeds"]
        assert isinstance(feeds, dg.MarkdownMetadataValue) and " | read | 12 | 0 |" in feeds.value
        assert fetch(yesterday) == (0, 12, first)  # the next hourly run
        # the next day the feed lists the same postings, one of them updated
        feed = settings.data_dir / "feeds" / "jobs.rss"
        feed.write_text(feed.read_text().replace("Own our Snowflake warehouse and dbt models.",
                                                 "Own our Snowflake warehouse, dbt models and Looker dashboards."))
        analyzed, unchanged, later = fetch(today)
        assert (analyzed, unchanged) == (1, 11)
        changed = [job_id for job_id in first if later[job_id] != first[job_id]]
        assert len(changed) == 1 and "Looker" in later[changed[0]][0]
        # the posting states no date: it was first seen yesterday, and its time in matching counts from then
        assert later[changed[0]][2:] == (yesterday.isoformat(), (yesterday + timedelta(days=SETTINGS.posting_ttl_days)).isoformat())
        # after a change to the analysis, an operator asks for everything again
        assert fetch(today, reanalyze=True)[:2] == (12, 0)
        metadata = instance.get_latest_materialization_event(dg.AssetKey("job_postings")).asset_materialization.metadata
        assert metadata["with_salary"].value == 12 and metadata["with_skills"].value == 12


def test_an_hourly_run_that_changes_no_posting_leaves_the_vectors_and_matches_alone(tmp_path):
    """The automation sensor runs job_vectors (and so matches after it) and rebuilds the serving snapshot only when
    the day's analyzed postings changed, not after every hourly fetch."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)
    today = datetime.now(ZoneInfo(settings.timezone)).strftime("%Y-%m-%d")
    watched = dg.AssetSelection.assets("job_vectors", "serving_snapshot")
    defs = dg.Definitions(assets=ALL_ASSETS, resources=resources)
    with dg.instance_for_test() as instance:
        def run(*selection, **kwargs):
            assert dg.materialize(ALL_ASSETS, selection=list(selection), instance=instance, resources=resources, **kwargs).success

        def tick(cursor):
            result = dg.evaluate_automation_conditions(defs=defs, instance=instance, asset_selection=watched, cursor=cursor)
            return (result.get_num_requested(dg.AssetKey("job_vectors")),
                    result.get_num_requested(dg.AssetKey("serving_snapshot"))), result.cursor

        run("skill_taxonomy")
        run("job_postings_raw", "job_postings", partition_key=today)
        run("job_vectors")
        run("serving_snapshot")
        _, cursor = tick(None)
        run("job_postings_raw", "job_postings", partition_key=today)  # the next hour: the feed as it was
        requested, cursor = tick(cursor)
        assert requested == (0, 0)
        feed = settings.data_dir / "feeds" / "jobs.rss"
        feed.write_text(feed.read_text().replace("Own our Snowflake warehouse and dbt models.",
                                                 "Own our Snowflake warehouse, dbt models and Looker dashboards."))
        run("job_postings_raw", "job_postings", partition_key=today)  # an hour later one posting changed
        requested, cursor = tick(cursor)
        assert requested == (1, 1)


def test_an_update_that_lands_while_a_downstream_run_finishes_still_gets_its_run(tmp_path):
    """A job_vectors run that began before a posting changed finishes after it, within one tick: the change must still
    get a run of its own. (Dagster's since_last_handled() counts that materialization as handling the change, and the
    changed posting kept its old vector until some other posting changed.)"""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from jobfit.vectors import VectorStore
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)
    today = datetime.now(ZoneInfo(settings.timezone)).strftime("%Y-%m-%d")
    defs = dg.Definitions(assets=ALL_ASSETS, resources=resources)
    with dg.instance_for_test() as instance:
        def run(*selection, **kwargs):
            assert dg.materialize(ALL_ASSETS, selection=list(selection), instance=instance, resources=resources, **kwargs).success

        def requested(cursor):
            result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=cursor,
                                                       asset_selection=dg.AssetSelection.assets("job_vectors"))
            return result.get_num_requested(dg.AssetKey("job_vectors")), result.cursor

        run("skill_taxonomy")
        run("job_postings_raw", "job_postings", partition_key=today)
        run("job_vectors")
        _, cursor = requested(None)
        before = VectorStore(settings.layout.lancedb_dir).text_shas("job_vectors")
        feed = settings.data_dir / "feeds" / "jobs.rss"
        feed.write_text(feed.read_text().replace("Own our Snowflake warehouse and dbt models.",
                                                 "Own our Snowflake warehouse, dbt models and Looker dashboards."))
        run("job_postings_raw", "job_postings", partition_key=today)
        # the run in flight, which read the postings before the change, reports its materialization now
        instance.report_runless_asset_event(dg.AssetMaterialization("job_vectors"))
        count, cursor = requested(cursor)
        assert count == 1
        run("job_vectors")
        after = VectorStore(settings.layout.lancedb_dir).text_shas("job_vectors")
        assert len([i for i in after if after[i] != before.get(i)]) == 1  # the changed posting's vector is current


def _deployed(resources, code_versions: dict[str, str] | None = None) -> dg.Definitions:
    """The code location as a deploy would give it, with the named assets at other code versions."""
    code_versions = code_versions or {}

    def redeployed(spec):
        return spec.replace_attributes(code_version=code_versions.get(spec.key.to_user_string(), spec.code_version))

    return dg.Definitions(assets=[a.map_asset_specs(redeployed) if any(k.to_user_string() in code_versions for k in a.keys)
                                  else a for a in ALL_ASSETS], resources=resources)


def _requests(instance, defs, keys, cursor) -> tuple[dict[str, set[str]], object]:
    """The partitions of each of `keys` automation asks for on this tick (evaluated together, as the daemon does),
    and the cursor for the next one."""
    keys = [dg.AssetKey(k) if isinstance(k, str) else k for k in keys]
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=cursor,
                                               asset_selection=dg.AssetSelection.assets(*keys))
    return {key.to_user_string(): set(result.get_requested_partitions(key)) if result.get_num_requested(key) else set()
            for key in keys}, result.cursor


def _requested(instance, defs, key, cursor) -> tuple[set[str], object]:
    """The partitions of `key` automation asks for on this tick, and the cursor for the next one."""
    requests, cursor = _requests(instance, defs, [key], cursor)
    return next(iter(requests.values())), cursor


def _ingest(run, settings, tenant="acme") -> list:
    """The tenant's sample documents stored, read and parsed as the inbox sensor's runs do; their arrivals."""
    from sensors.arrivals import Arrival, ingest_requests
    from sensors.inbox import scan_inbox

    arrivals = [Arrival(sha256_file(path), str(path), t) for t, path in scan_inbox(settings.inbox_dir) if t == tenant]
    run.instance.add_dynamic_partitions(document_partitions.name, [a.sha256 for a in arrivals])
    for request in ingest_requests(arrivals, 10):
        run("documents", "document_text", "profiles", run_config=request.run_config, tags=request.tags)
    return arrivals


class _Runs:
    """Materializes a selection of the pipeline's assets on one instance, asserting success."""

    def __init__(self, instance, resources):
        self.instance, self.resources = instance, resources

    def __call__(self, *selection, **kwargs):
        result = dg.materialize(ALL_ASSETS, selection=list(selection), instance=self.instance, resources=self.resources, **kwargs)
        assert result.success
        return result


@contextlib.contextmanager
def _stored_samples(tmp_path, tenant="acme"):
    """A test instance holding the tenant's samples stored, read and parsed: (settings, runs, their partition order)."""
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    with dg.instance_for_test() as instance:
        run = _Runs(instance, build_resources(settings))
        run("skill_taxonomy")
        yield settings, run, [a.sha256 for a in _ingest(run, settings, tenant)]


def test_stored_documents_are_parsed_again_when_the_parser_or_the_taxonomy_changes(tmp_path, monkeypatch):
    """A deploy with new parsing rules (the profiles asset's code version) or a taxonomy of another version asks
    automation for every stored document's profile again; re-copying the same taxonomy asks for nothing."""
    import dataclasses

    from jobfit.resumes import PARSER_VERSION
    from pipelines.partitions import SETTINGS
    from tests.conftest import seeded_settings
    from tests.taxonomy_sources import write_sources

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)
    profiles_key = dg.AssetKey("profiles")

    with dg.instance_for_test() as instance:
        run = _Runs(instance, resources)

        def requested(defs, cursor):
            return _requested(instance, defs, profiles_key, cursor)

        run("skill_taxonomy")
        arrivals = _ingest(run, settings)
        stored = read(settings.layout.warehouse_path, "SELECT profile_json FROM profiles")
        assert {json.loads(js)["meta"]["parser_version"] for (js,) in stored} == {PARSER_VERSION}

        now, cursor = requested(_deployed(resources), None)
        assert now == set()
        run("skill_taxonomy")  # the same file copied again: the same version
        now, cursor = requested(_deployed(resources), cursor)
        assert now == set()
        now, _ = requested(_deployed(resources, {"profiles": "next-parser"}), cursor)
        assert now == {a.sha256 for a in arrivals}
        # an operator rebuilds the taxonomy from other ESCO and O*NET sources: the same code, another taxonomy
        esco, onet = write_sources(tmp_path)
        monkeypatch.setattr("assets.taxonomy.SETTINGS", dataclasses.replace(SETTINGS, taxonomy_esco_dir=str(esco),
                                                                            taxonomy_onet_dir=str(onet)))
        run("skill_taxonomy")
        now, _ = requested(_deployed(resources), cursor)
        assert now == {a.sha256 for a in arrivals}


def test_a_new_parser_and_a_new_taxonomy_deployed_together_parse_each_document_once(tmp_path, monkeypatch):
    """One deploy with a new parser and a new shipped taxonomy: the documents are parsed once, after the taxonomy's
    run, so with the new taxonomy (not first with the old one, then again)."""
    import dataclasses

    from pipelines.partitions import SETTINGS
    from tests.taxonomy_sources import write_sources

    keys = ["skill_taxonomy", "profiles"]
    with _stored_samples(tmp_path) as (settings, run, order):
        instance, resources = run.instance, run.resources
        _, cursor = _requests(instance, _deployed(resources), keys, None)
        deployed = _deployed(resources, {"skill_taxonomy": "next-taxonomy", "profiles": "next-parser"})
        now, cursor = _requests(instance, deployed, keys, cursor)
        assert now == {"skill_taxonomy": {None}, "profiles": set()}  # the taxonomy first; the parser waits for it
        esco, onet = write_sources(tmp_path)  # what the new taxonomy's run builds
        monkeypatch.setattr("assets.taxonomy.SETTINGS", dataclasses.replace(SETTINGS, taxonomy_esco_dir=str(esco),
                                                                            taxonomy_onet_dir=str(onet)))
        run("skill_taxonomy")
        now, cursor = _requests(instance, deployed, keys, cursor)
        assert now == {"skill_taxonomy": set(), "profiles": set(order)}
        run("profiles", tags={ASSET_PARTITION_RANGE_START_TAG: order[0], ASSET_PARTITION_RANGE_END_TAG: order[-1]})
        versions = {json.loads(js)["meta"]["taxonomy_version"] for (js,) in read(settings.layout.warehouse_path,
                                                                              "SELECT profile_json FROM profiles")}
        assert versions == {r[0] for r in read(settings.layout.warehouse_path, "SELECT max(version) FROM skills")}
        now, cursor = _requests(instance, deployed, keys, cursor)
        assert now == {"skill_taxonomy": set(), "profiles": set()}


def test_stored_documents_are_read_again_by_new_readers_and_parsed_again_once(tmp_path):
    """A deploy with new readers (document_text's code version) asks automation to read every stored original again,
    and to parse each again in the same tick, so one run does both; once it has run, nothing is asked again."""
    keys = ["document_text", "profiles"]
    with _stored_samples(tmp_path) as (settings, run, order):
        instance, resources = run.instance, run.resources
        stored = set(order)
        versions = read(settings.layout.warehouse_path, "SELECT DISTINCT reader_version FROM documents")
        assert versions == [(READER_VERSION,)]

        now, cursor = _requests(instance, _deployed(resources), keys, None)
        assert now == {"document_text": set(), "profiles": set()}  # read and parsed by the runs that brought them in
        deployed = _deployed(resources, {"document_text": "next-readers"})
        now, cursor = _requests(instance, deployed, keys, cursor)
        assert now == {"document_text": stored, "profiles": stored}
        now, cursor = _requests(instance, deployed, keys, cursor)  # the daemon's next tick, as the run starts
        assert now == {"document_text": set(), "profiles": set()}

        parsed_at = dict(read(settings.layout.warehouse_path, "SELECT sha256, parsed_at FROM profiles"))
        run("document_text", "profiles", tags={ASSET_PARTITION_RANGE_START_TAG: order[0], ASSET_PARTITION_RANGE_END_TAG: order[-1]})
        parsed_again = dict(read(settings.layout.warehouse_path, "SELECT sha256, parsed_at FROM profiles"))
        assert all(parsed_again[sha] > parsed_at[sha] for sha in stored)
        now, cursor = _requests(instance, deployed, keys, cursor)
        assert now == {"document_text": set(), "profiles": set()}  # parsed once, in the run that read the texts

        # a run of document_text alone (an operator's) is not followed by automation: Dagster cannot tell it from the
        # first step of a run that parses too (its executed_with_root_target() sees one partition of a run's many)
        run("document_text", partition_key=order[0])
        now, cursor = _requests(instance, deployed, keys, cursor)
        assert now == {"document_text": set(), "profiles": set()}

        # two deploys on consecutive ticks (a parser, then readers): the second is not swallowed by the first's request
        now, cursor = _requests(instance, _deployed(resources, {"profiles": "next-parser", "document_text": "next-readers"}),
                                keys, cursor)
        assert now == {"document_text": set(), "profiles": stored}
        both_deployed = _deployed(resources, {"profiles": "next-parser", "document_text": "newer-readers"})
        now, cursor = _requests(instance, both_deployed, keys, cursor)
        assert now == {"document_text": stored, "profiles": stored}
        now, cursor = _requests(instance, both_deployed, keys, cursor)
        assert now == {"document_text": set(), "profiles": set()}


def test_make_run_after_an_upgrade_reads_again_what_older_readers_stored(tmp_path, monkeypatch, capsys):
    """Documents read before their readers' version was recorded are read (and parsed) again by the next `make run`."""
    from pipelines.bootstrap import materialize_everything
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)

    def versions():
        return sorted(v or "none" for (v,) in read(settings.layout.warehouse_path, "SELECT reader_version FROM documents"))

    with dg.instance_for_test() as instance:
        monkeypatch.setattr("assets.documents.READER_VERSION", None)  # the jobfit deployed before recorded none
        materialize_everything(settings, instance, resources)
        assert versions() == ["none"] * 6
        parsed_before = read(settings.layout.warehouse_path, "SELECT profile_id, parsed_at FROM profiles ORDER BY 1")
        monkeypatch.undo()
        capsys.readouterr()
        materialize_everything(settings, instance, resources)  # the upgraded jobfit's make run
        assert versions() == [READER_VERSION] * 6
        assert "6 stored documents were read by older readers: reading them again" in capsys.readouterr().out
        parsed_after = read(settings.layout.warehouse_path, "SELECT profile_id, parsed_at FROM profiles ORDER BY 1")
        assert [p for p, _ in parsed_after] == [p for p, _ in parsed_before]
        assert all(after > before for (_, before), (_, after) in zip(parsed_before, parsed_after, strict=True))
        materialize_everything(settings, instance, resources)  # nothing stale: nothing read again
        assert "read by older readers" not in capsys.readouterr().out


def test_documents_a_stopped_run_left_unread_or_unparsed_are_finished_by_the_catch_up(tmp_path, capsys):
    """A run killed (or failed) between its steps leaves a document stored but unread, or read but with no profile:
    the catch-up (make run, --catch-up, the sensor) finishes them. Before, they stayed so, outside matching."""
    from jobfit.store import warehouse
    from pipelines.bootstrap import catch_up, materialize_everything
    from pipelines.catch_up import behind
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)
    path = settings.layout.warehouse_path
    with dg.instance_for_test() as instance:
        materialize_everything(settings, instance, resources)
        stored = instance.get_dynamic_partitions(document_partitions.name)
        unread, unparsed = stored[1], stored[4]
        with warehouse(path) as con:  # what a run stopped after `documents`, and one stopped after `document_text`, leave
            con.execute("UPDATE documents SET status = 'stored', reader_version = NULL WHERE sha256 = ?", [unread])
            con.execute("DELETE FROM document_text WHERE sha256 = ?", [unread])
            con.execute("DELETE FROM profiles WHERE sha256 IN (?, ?)", [unread, unparsed])
            found = behind(con, stored, "2026-12-07", settings.posting_ttl_days, settings.partitions_start)
        assert (found.never_read, found.never_parsed) == ([unread], [unparsed])
        assert "1 document a run stopped before reading, 1 document a run stopped before parsing" in found.summary()
        capsys.readouterr()
        catch_up(settings, instance, resources)
        said = capsys.readouterr().out
        assert "1 stored documents were never read (a run stopped before): reading them" in said
        assert "1 stored documents have text but no profile (a run stopped before): parsing them" in said
        with warehouse(path) as con:
            assert not behind(con, stored, "2026-12-07", settings.posting_ttl_days, settings.partitions_start)
    assert read(path, f"SELECT count(*) FROM profiles WHERE sha256 IN ('{unread}', '{unparsed}')") == [(2,)]
    assert read(path, f"SELECT status, reader_version FROM documents WHERE sha256 = '{unread}'") == [("text", READER_VERSION)]


@pytest.mark.parametrize("kind", ["rar", "7z"])
def test_an_archive_an_older_jobfit_stored_whole_is_unpacked_by_the_catch_up(tmp_path, capsys, kind):
    """A RAR (read as its first file by readers 4) or a 7-Zip (refused by them: 'binary files are not resumes'), or a
    tar or an agency email, that an older jobfit stored as one document is unpacked when the new readers read it again:
    each resume in it comes in as the inbox takes one in now, at the archive's place. Before, the catch-up quarantined
    it ('not opened: … unpack it and add its files to the tenant's inbox folder'), the RAR's profile left matching and
    neither's candidates were read."""
    from jobfit.store import warehouse
    from pipelines.bootstrap import catch_up, materialize_everything
    from pipelines.catch_up import behind
    from tests.conftest import make_archive, seeded_settings

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)
    path = settings.layout.warehouse_path
    archive = make_archive(kind, {
        "cvs/ana.txt": b"Ana Moreno\nData Analyst\nana.moreno@example.com\nLisbon, Portugal\n\nEXPERIENCE\n"
                       b"Data Analyst, Foo Analytics\n2019 - Present\n- Built SQL reports\n",
        "cvs/bo.txt": b"Bo Lindqvist\nStaff Nurse\nbo.lindqvist@example.com\nMalmo, Sweden\n\nEXPERIENCE\n"
                      b"Staff Nurse, City Hospital\n2018 - Present\n- Cared for patients on a surgical ward\n"})
    with dg.instance_for_test() as instance:
        materialize_everything(settings, instance, resources)
        sha256, stored = resources["storage"].keep_bytes(archive)
        with warehouse(path) as con:  # as the jobfit of readers 4 left it: read as the text it began with, or refused
            con.execute("INSERT INTO documents (sha256, format, size_bytes, stored_path, status, reader_version, updated_at) "
                        "VALUES (?, 'txt', ?, ?, ?, '4', now())", [sha256, len(archive), str(stored),
                                                                     "text" if kind == "rar" else "quarantined"])
            con.execute(f"INSERT INTO document_sources VALUES (?, 'acme', 'inbox/acme/week 12.{kind}', '2026-03-03 09:00:00+00')",
                        [sha256])
            if kind == "rar":
                con.execute("INSERT INTO document_text (sha256, text, format, pages, words) VALUES (?, 'Ana Moreno', 'txt', 1, 2)",
                            [sha256])
                con.execute("INSERT INTO profiles (profile_id, sha256, tenant, name, status) VALUES ('old', ?, 'acme', "
                            "'Ana Moreno', 'active')", [sha256])
            else:
                resources["storage"].quarantine(sha256, "unsupported_format", "binary files are not resumes we can read")
        instance.add_dynamic_partitions(document_partitions.name, [sha256])
        capsys.readouterr()
        catch_up(settings, instance, resources)
        said = capsys.readouterr().out
        with warehouse(path) as con:
            assert not behind(con, instance.get_dynamic_partitions(document_partitions.name), "2026-12-07",
                              settings.posting_ttl_days, settings.partitions_start)
    assert "1 stored documents were read by older readers: reading them again" in said
    assert "2 files of archives an older jobfit stored whole: reading them" in said
    assert read(path, f"SELECT status, message FROM documents WHERE sha256 = '{sha256}'") == [
        ("unpacked", "2 documents in it (cvs/ana.txt, cvs/bo.txt), each taken in as its own")]
    assert read(path, f"SELECT count(*) FROM profiles WHERE sha256 = '{sha256}'") == [(0,)]
    assert not (settings.layout.quarantine_dir / sha256).exists()  # waiting on no one
    assert read(path, "SELECT p.name, p.tenant, p.status, s.source_path, s.seen_at::DATE::VARCHAR FROM profiles p "
                      f"JOIN document_sources s USING (sha256) WHERE s.source_path LIKE '%week 12.{kind}%' ORDER BY 1") == [
        ("Ana Moreno", "acme", "active", f"inbox/acme/week 12.{kind}/cvs/ana.txt", "2026-03-03"),
        ("Bo Lindqvist", "acme", "active", f"inbox/acme/week 12.{kind}/cvs/bo.txt", "2026-03-03")]
    # as the catch-up sensor sees them between the read that unpacks the archive and the one that reads its files: for
    # what they are (before: '2 documents a run stopped before reading', as if a run had failed)
    with warehouse(path) as con:
        members = [sha for (sha,) in con.execute("SELECT sha256 FROM document_sources WHERE source_path LIKE ?",
                                                 [f"%week 12.{kind}/%"]).fetchall()]
        con.execute("UPDATE documents SET status = 'stored' WHERE sha256 IN (SELECT unnest(?::VARCHAR[]))", [members])
        con.execute("DELETE FROM document_text WHERE sha256 IN (SELECT unnest(?::VARCHAR[]))", [members])
        found = behind(con, [sha256, *sorted(members)], "2026-12-07", settings.posting_ttl_days, settings.partitions_start)
    assert (found.unpacked, found.never_read) == (sorted(members), [])
    assert found.to_read([sha256, *sorted(members)]) == sorted(members)
    assert found.summary() == "2 files of archives an older jobfit stored whole"


def test_a_deployment_with_its_own_daemon_catches_up_with_one_command(tmp_path, monkeypatch, capsys):
    """`python -m pipelines.bootstrap --catch-up` reads and parses again only what older code stored, from the
    versions the data records (what automation could not compare): no fetch, no ingest, no digest."""
    from pipelines.bootstrap import catch_up, materialize_everything
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)
    with dg.instance_for_test() as instance:
        monkeypatch.setattr("assets.documents.READER_VERSION", "0")  # the jobfit deployed before
        monkeypatch.setattr("jobfit.resumes.PARSER_VERSION", "0")
        materialize_everything(settings, instance, resources)
        monkeypatch.undo()
        before = {r.dagster_run.run_id for r in instance.get_run_records()}
        capsys.readouterr()
        catch_up(settings, instance, resources)
        ran = [sorted({e.dagster_event.asset_key.to_user_string() for e in instance.all_logs(
            r.dagster_run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION)})
            for r in instance.get_run_records() if r.dagster_run.run_id not in before]
        said = capsys.readouterr().out
    assert sorted(ran) == [["document_text", "profiles"], ["skill_taxonomy"]]  # parsed once, with the texts
    assert "6 stored documents were read by older readers: reading them again" in said
    assert read(settings.layout.warehouse_path, "SELECT DISTINCT reader_version FROM documents") == [(READER_VERSION,)]
    versions = {json.loads(js)["meta"]["parser_version"] for (js,) in read(settings.layout.warehouse_path,
                                                                            "SELECT profile_json FROM profiles")}
    assert versions == {PARSER_VERSION}


def test_the_catch_up_sensor_asks_for_what_automation_forgot_at_a_quiet_second_tick(tmp_path, monkeypatch):
    """Documents and postings an older jobfit read, parsed and analyzed, which automation does not ask for (a deploy that
    reset its memory): the catch-up sensor asks for them once nothing runs and they were behind at its previous tick
    too, so that automation's own requests go first; the documents are read and parsed in one run."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from dagster._core.execution.backfill import BulkActionStatus, PartitionBackfill
    from dagster._core.storage.dagster_run import DagsterRun

    from jobfit.jobs import ANALYSIS_VERSION
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    today = datetime.now(ZoneInfo(settings.timezone)).strftime("%Y-%m-%d")
    with dg.instance_for_test() as instance:
        run = _Runs(instance, build_resources(settings))
        run("skill_taxonomy")
        monkeypatch.setattr("assets.documents.READER_VERSION", "0")  # the jobfit deployed before
        monkeypatch.setattr("jobfit.resumes.PARSER_VERSION", "0")
        monkeypatch.setattr("jobfit.jobs.ANALYSIS_VERSION", "0")
        order = [a.sha256 for a in _ingest(run, settings)]
        run("job_postings_raw", "job_postings", partition_key=today)
        monkeypatch.undo()

        tick = functools.partial(catch_up_tick, run.instance, run.resources["storage"])
        first = tick(None)
        assert not first.run_requests
        assert first.skip_reason.skip_message == ("behind: 3 documents older readers read, 3 profiles an older parser or "
                                                  "taxonomy wrote, 1 fetch day of postings an older analysis or taxonomy "
                                                  "analyzed; asking at the next tick if still so")
        running = DagsterRun(job_name="fetch_feeds", status=dg.DagsterRunStatus.STARTED)
        instance.add_run(running)
        waiting = tick(first.cursor)
        assert waiting.skip_message == f"waiting: run {running.run_id} is in progress"
        instance.delete_run(running.run_id)
        graph = dg.Definitions(assets=ALL_ASSETS, resources=run.resources).resolve_asset_graph()
        backfill = PartitionBackfill.from_asset_partitions(  # automation's, between two of its runs
            backfill_id="parse-all", asset_graph=graph, partition_names=order, asset_selection=[dg.AssetKey("profiles")],
            backfill_timestamp=time.time(), tags={}, dynamic_partitions_store=instance, all_partitions=False, title=None,
            description=None, run_config=None)
        instance.add_backfill(backfill)
        assert tick(first.cursor).skip_message == "waiting: backfill parse-all is in progress"
        instance.update_backfill(backfill.with_status(BulkActionStatus.COMPLETED_SUCCESS))
        second = tick(first.cursor)
        postings, documents = second.run_requests
        assert postings.partition_key == today and postings.asset_selection == [dg.AssetKey("job_postings")]
        assert documents.asset_selection == [dg.AssetKey("document_text"), dg.AssetKey("profiles")]
        assert documents.tags[ASSET_PARTITION_RANGE_START_TAG] == order[0]
        assert documents.tags[ASSET_PARTITION_RANGE_END_TAG] == order[-1]
        for request in second.run_requests:  # as the daemon launches them
            run(*[key.to_user_string() for key in request.asset_selection], partition_key=request.partition_key, tags=request.tags)
        assert tick(second.cursor).skip_reason.skip_message == "nothing stored is behind the code"
    assert read(settings.layout.warehouse_path, "SELECT DISTINCT reader_version FROM documents") == [(READER_VERSION,)]
    assert {json.loads(js)["meta"]["parser_version"] for (js,) in read(settings.layout.warehouse_path,
                                                                        "SELECT profile_json FROM profiles")} == {PARSER_VERSION}
    assert {json.loads(js)["meta"]["analysis_version"] for (js,) in read(settings.layout.warehouse_path,
                                                                          "SELECT posting_json FROM job_postings")} == {ANALYSIS_VERSION}


def test_the_catch_up_sensor_asks_for_the_taxonomy_first_when_older_code_built_it(tmp_path):
    """A taxonomy older code built (another shipped file, and automation's memory reset): the sensor asks for it alone,
    and what is behind it is measured against the new one at the next ticks."""
    from dagster._core.definitions.data_version import CODE_VERSION_TAG

    with _stored_samples(tmp_path) as (settings, run, order):
        tick = functools.partial(catch_up_tick, run.instance, run.resources["storage"])
        assert tick(None).skip_reason.skip_message == "nothing stored is behind the code"
        run.instance.report_runless_asset_event(dg.AssetMaterialization("skill_taxonomy", tags={CODE_VERSION_TAG: "older"}))
        first = tick(None)
        assert first.skip_reason.skip_message == "behind: the taxonomy older code built; asking at the next tick if still so"
        [request] = tick(first.cursor).run_requests
        assert request.asset_selection == [dg.AssetKey("skill_taxonomy")]
        run("skill_taxonomy")
        assert tick(first.cursor).skip_reason.skip_message == "nothing stored is behind the code"


def test_make_run_after_an_upgrade_parses_again_what_an_older_parser_stored(tmp_path, monkeypatch, capsys):
    """Profiles stored before automation could compare parser versions are brought up to date by the next `make run`."""
    from jobfit.resumes import PARSER_VERSION
    from pipelines.bootstrap import materialize_everything
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)

    def versions():
        return sorted(json.loads(js)["meta"].get("parser_version") or "none"
                      for (js,) in read(settings.layout.warehouse_path, "SELECT profile_json FROM profiles"))

    with dg.instance_for_test() as instance:
        monkeypatch.setattr("jobfit.resumes.PARSER_VERSION", "0")  # the jobfit deployed before
        materialize_everything(settings, instance, resources)
        assert versions() == ["0"] * 6
        monkeypatch.undo()
        capsys.readouterr()
        materialize_everything(settings, instance, resources)  # the upgraded jobfit's make run
        assert versions() == [PARSER_VERSION] * 6
        assert "6 stored documents were parsed by an older parser or taxonomy" in capsys.readouterr().out
        materialize_everything(settings, instance, resources)  # nothing stale: nothing parsed again
        assert "parsed by an older parser" not in capsys.readouterr().out


def test_make_run_after_an_upgrade_analyzes_again_the_active_postings_an_older_analysis_stored(tmp_path, monkeypatch, capsys):
    """A posting fetched yesterday and gone from today's feed is still in matching: the next `make run` after an
    upgrade analyzes it again, as today's fetch does the postings still listed."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from jobfit.jobs import ANALYSIS_VERSION
    from pipelines.bootstrap import materialize_everything
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)
    yesterday = (datetime.now(ZoneInfo(settings.timezone)) - timedelta(days=1)).strftime("%Y-%m-%d")

    def versions():
        return {json.loads(js)["meta"].get("analysis_version") for (js,) in
                read(settings.layout.warehouse_path, "SELECT posting_json FROM job_postings")}

    with dg.instance_for_test() as instance:
        monkeypatch.setattr("jobfit.jobs.ANALYSIS_VERSION", "0")  # the jobfit deployed before
        for selection, partition in ((["skill_taxonomy"], None), (["job_postings_raw", "job_postings"], yesterday)):
            assert dg.materialize(ALL_ASSETS, selection=selection, instance=instance, resources=resources,
                                  partition_key=partition).success
        assert versions() == {"0"}
        monkeypatch.undo()
        feed = settings.data_dir / "feeds" / "jobs.rss"
        first = feed.read_text().index("<item>")
        feed.write_text(feed.read_text()[:first] + feed.read_text()[feed.read_text().index("</item>") + len("</item>"):])
        capsys.readouterr()
        materialize_everything(settings, instance, resources)  # the upgraded jobfit's make run
        assert versions() == {ANALYSIS_VERSION}
        assert "1 fetch day holds postings an older analysis or taxonomy analyzed" in capsys.readouterr().out


def test_a_run_over_many_documents_reads_and_parses_them_in_batches_and_says_how_far_it_is(tmp_path, monkeypatch):
    """A run over every stored document (after new readers or a new parser) writes each batch as it goes and logs its
    progress."""
    from sensors.arrivals import Arrival, ingest_requests
    from sensors.inbox import scan_inbox
    from tests.conftest import seeded_settings

    monkeypatch.setattr("assets.documents.DOCUMENT_BATCH", 4)
    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)
    arrivals = [Arrival(sha256_file(path), str(path), tenant) for tenant, path in scan_inbox(settings.inbox_dir)]
    with dg.instance_for_test() as instance:
        assert dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=resources).success
        instance.add_dynamic_partitions(document_partitions.name, [a.sha256 for a in arrivals])
        [request] = ingest_requests(arrivals, 10)
        result = dg.materialize(ALL_ASSETS, selection=["documents", "document_text", "profiles"], instance=instance,
                                resources=resources, run_config=request.run_config, tags=request.tags)
        assert result.success
        progress = [e.user_message.split(" (")[0] for e in instance.all_logs(result.run_id)
                    if e.user_message.startswith(("read ", "parsed "))]
        metadata = instance.get_latest_materialization_event(dg.AssetKey("profiles")).asset_materialization.metadata
        read_metadata = instance.get_latest_materialization_event(dg.AssetKey("document_text")).asset_materialization.metadata
    assert progress == ["read 4 of 6 documents", "read 6 of 6 documents", "parsed 4 of 6 documents", "parsed 6 of 6 documents"]
    assert metadata["profiles"].value == 6
    assert read_metadata["documents"].value == 6 and read_metadata["by_outcome"].value == {"text": 6}
    assert read_metadata["by_format"].value == {"pdf": 2, "docx": 2, "txt": 2}
    assert read(settings.layout.warehouse_path, "SELECT count(*) FROM document_text") == [(6,)]
    names = {r[0] for r in read(settings.layout.warehouse_path, "SELECT name FROM profiles")}
    assert names == {"Maria Lopez", "James Okafor", "Priya Raman", "Daniel Weber", "Sofia Rossi", "Tom Becker"}


def test_new_analysis_rules_analyze_again_every_day_whose_postings_can_still_be_active(tmp_path):
    """A deploy that bumps ANALYSIS_VERSION (job_postings' code version) asks for the days within the postings' time to
    live, not for older days, whose postings have left matching."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)
    postings = dg.AssetKey("job_postings")
    today = datetime.now(ZoneInfo(settings.timezone)).date()
    days = [today, today - timedelta(days=1), today - timedelta(days=settings.posting_ttl_days + 3)]

    with dg.instance_for_test() as instance:
        def requested(defs, cursor):
            return _requested(instance, defs, postings, cursor)

        assert dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=resources).success
        for day in days:
            assert dg.materialize(ALL_ASSETS, selection=["job_postings_raw", "job_postings"], instance=instance,
                                  resources=resources, partition_key=day.isoformat()).success
        _, cursor = requested(_deployed(resources), None)
        now, cursor = requested(_deployed(resources), cursor)
        assert now == set()
        now, _ = requested(_deployed(resources, {"job_postings": "next-analysis"}), cursor)
        assert now == {day.isoformat() for day in days[:2]}


def test_a_digest_leaves_out_a_posting_that_expired_since_matching_ran(tmp_path):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from pipelines.bootstrap import materialize_everything
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    resources = build_resources(settings)
    today = datetime.now(ZoneInfo(settings.timezone)).strftime("%Y-%m-%d")
    with dg.instance_for_test() as instance:
        materialize_everything(settings, instance, resources)
        (maria,) = read(settings.layout.warehouse_path, "SELECT profile_id FROM profiles WHERE name = 'Maria Lopez'")[0]
        digest = json.loads((settings.data_dir / "digests" / today / f"{maria}.json").read_text())
        gone = digest["matches"][0]["job_id"]
        with duckdb.connect(str(settings.layout.warehouse_path)) as con:
            con.execute("UPDATE job_postings SET expires = '2020-01-01' WHERE id = ?", [gone])
        assert dg.materialize(ALL_ASSETS, selection=["digests"], partition_key=today, instance=instance, resources=resources).success
    later = json.loads((settings.data_dir / "digests" / today / f"{maria}.json").read_text())
    assert later["matches"] and gone not in {m["job_id"] for m in later["matches"]}


def test_a_candidate_who_withdraws_leaves_matching_and_the_api_and_the_same_file_does_not_bring_them_back(tmp_path):
    import os
    import time

    import yaml
    from fastapi.testclient import TestClient

    from api.app import create_app
    from jobfit.documents import sha256_file
    from jobfit.llm import rerank_answer_path, resume_answer_path
    from jobfit.vectors import VectorStore
    from pipelines.bootstrap import materialize_everything
    from pipelines.partitions import SETTINGS
    from resources.storage import StorageResource
    from sensors.inbox import inbox_sensor
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    settings.api_keys_file.write_text(yaml.safe_dump({"keys": [{"key": "k-acme", "role": "recruiter", "tenant": "acme"}]}))
    resources = build_resources(settings)
    storage = StorageResource.from_settings(settings)
    resume = settings.inbox_dir / "acme" / "priya_raman.txt"
    forwarded = settings.inbox_dir / "globex" / "priya_forwarded.txt"
    shutil.copyfile(resume, forwarded)  # one document, a profile per tenant
    os.utime(forwarded, (time.time() - 60, time.time() - 60))  # settled
    sha = sha256_file(resume)

    def withdraw(profile_id):  # the run alone: what it must do does not wait for automation
        assert dg.materialize(ALL_ASSETS, selection=["profile_withdrawals"], instance=instance, resources=resources, run_config={
            "ops": {"profile_withdrawals": {"config": {"profile_ids": [profile_id], "reason": "hired elsewhere"}}}}).success
        return instance.get_latest_materialization_event(dg.AssetKey("profile_withdrawals")).asset_materialization.metadata

    def downstream():
        for selection in (["profile_vectors", "matches"], ["serving_snapshot"]):
            assert dg.materialize(ALL_ASSETS, selection=selection, instance=instance, resources=resources).success

    def profile_rows():
        return read(settings.layout.serving_path, f"SELECT tenant, status, name, profile_json IS NULL FROM profiles "
                                                  f"WHERE sha256 = '{sha}' ORDER BY tenant")

    with dg.instance_for_test() as instance:
        first = inbox_sensor(dg.build_sensor_context(instance=instance, resources={"storage": storage}))
        run_sensor_requests(instance, resources, first)
        materialize_everything(settings, instance)
        ids = dict(read(settings.layout.warehouse_path, f"SELECT tenant, profile_id FROM profiles WHERE sha256 = '{sha}'"))
        priya = ids["acme"]
        assert read(settings.layout.serving_path, f"SELECT count(*) FROM matches WHERE profile_id = '{priya}'")[0][0] > 0
        assert list(settings.layout.digests_dir.glob(f"*/{priya}.html"))
        # what a model answered about them, as the LLM modes file it: the resume's extraction by two models, and the
        # re-ranking of each candidate's matches
        text = read(settings.layout.warehouse_path, f"SELECT text FROM document_text WHERE sha256 = '{sha}'")[0][0]
        answers = {name: path for name, path in (
            ("extraction", resume_answer_path(settings.layout.llm_cache_dir, text, SETTINGS.llm_model)),
            ("older model", resume_answer_path(settings.layout.llm_cache_dir, text, "older-model")),
            ("priya's matches", rerank_answer_path(settings.layout.llm_cache_dir, priya, "k")),
            ("globex's matches", rerank_answer_path(settings.layout.llm_cache_dir, ids["globex"], "k")))}
        for path in answers.values():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("{}")
        metadata = withdraw(priya)
        assert (metadata["withdrawn"].value, metadata["documents_erased"].value) == (1, 0)  # globex's profile still holds it
        assert metadata["llm_answers_erased"].value == 1
        assert {name for name, path in answers.items() if path.exists()} == {"extraction", "older model", "globex's matches"}
        assert profile_rows() == [("acme", "withdrawn", None, True), ("globex", "active", "Priya Raman", False)]
        client = TestClient(create_app(settings))
        assert client.get(f"/profiles/{priya}", headers={"X-API-Key": "k-acme"}).status_code == 410
        vectors = VectorStore(settings.layout.lancedb_dir)
        assert priya not in vectors.read("profile_vectors").ids and priya not in vectors.read("profile_titles").ids
        assert ids["globex"] in vectors.read("profile_vectors").ids
        downstream()  # matching and the snapshot run again as automation would: nothing comes back
        assert not list(settings.layout.digests_dir.glob(f"*/{priya}.*"))
        assert list(settings.layout.digests_dir.glob(f"*/{ids['globex']}.html"))
        # an id that names no profile fails the run with the reason, and changes nothing
        unknown = dg.materialize(ALL_ASSETS, selection=["profile_withdrawals"], instance=instance, resources=resources,
                                 raise_on_error=False, run_config={"ops": {"profile_withdrawals": {"config": {"profile_ids": ["nobody"]}}}})
        assert not unknown.success
        # the same file sent to acme again under another name, and the document parsed again (a backfill): still withdrawn
        again = settings.inbox_dir / "acme" / "priya_again.txt"
        shutil.copyfile(resume, again)
        os.utime(again, (time.time() - 60, time.time() - 60))
        second = inbox_sensor(dg.build_sensor_context(instance=instance, cursor=first.cursor, resources={"storage": storage}))
        run_sensor_requests(instance, resources, second)
        metadata = instance.get_latest_materialization_event(dg.AssetKey("documents")).asset_materialization.metadata
        assert metadata["withdrawn_not_taken"].value == 1
        assert dg.materialize(ALL_ASSETS, selection=["document_text", "profiles"], partition_key=sha, instance=instance,
                              resources=resources).success
        assert dg.materialize(ALL_ASSETS, selection=["serving_snapshot"], instance=instance, resources=resources).success
        assert profile_rows() == [("acme", "withdrawn", None, True), ("globex", "active", "Priya Raman", False)]
        assert read(settings.layout.serving_path, f"SELECT count(*) FROM matches WHERE profile_id = '{priya}'") == [(0,)]
        assert read(settings.layout.warehouse_path, f"SELECT count(*) FROM match_history WHERE profile_id = '{priya}'") == [(0,)]
        assert read(settings.layout.serving_path, f"SELECT tenant FROM document_sources WHERE sha256 = '{sha}'") == [("globex",)]
        assert priya not in VectorStore(settings.layout.lancedb_dir).read("profile_vectors").ids
        client = TestClient(create_app(settings))
        assert client.get(f"/profiles/{priya}", headers={"X-API-Key": "k-acme"}).status_code == 410
        assert client.get(f"/profiles/{priya}/matches", headers={"X-API-Key": "k-acme"}).status_code == 410
        listed = client.get("/profiles", headers={"X-API-Key": "k-acme"}).json()["items"]
        assert priya not in {p["id"] for p in listed} and len(listed) == 2
        # globex's candidate withdraws too: no one holds the document any more, so its text and bytes go, and what any
        # model answered about it
        metadata = withdraw(ids["globex"])
        assert (metadata["documents_erased"].value, metadata["llm_answers_erased"].value) == (1, 3)
        assert not any(path.exists() for path in answers.values())
        downstream()
        assert not storage.document_path(sha).exists()
        # the Drive sensor downloads the file again into the store before its run: the run refuses it and erases the bytes
        storage.keep_bytes(resume.read_bytes())
        source = {"sha256": sha, "path": str(storage.document_path(sha)), "tenant": "globex", "origin": "https://drive/x"}
        assert dg.materialize(ALL_ASSETS, selection=["documents", "document_text", "profiles"], partition_key=sha, instance=instance,
                              resources=resources, run_config={"ops": {"documents": {"config": {"sources": [source]}}}}).success
    assert read(settings.layout.warehouse_path, f"SELECT count(*) FROM document_text WHERE sha256 = '{sha}'") == [(0,)]
    assert not storage.document_path(sha).exists()
    assert len(VectorStore(settings.layout.lancedb_dir).read("profile_vectors").ids) == 5
    assert len(read(settings.layout.serving_path, "SELECT DISTINCT profile_id FROM matches")) == 5  # the others keep theirs


def test_a_long_embedding_run_logs_its_progress(monkeypatch):
    """100,000 postings take about 20 minutes to embed: the run's log says how far it is and how long is left."""
    import numpy as np

    from assets import vectors as vector_assets

    monkeypatch.setattr(vector_assets, "PROGRESS_EVERY", 4)

    class Embedder:
        def __init__(self):
            self.calls: list[int] = []

        def embed(self, texts):
            self.calls.append(len(texts))
            return np.arange(len(texts) * 2, dtype=float).reshape(len(texts), 2) + 100 * len(self.calls)

    lines: list[str] = []
    embedder = Embedder()
    matrix = vector_assets.embed_with_progress(embedder, [f"posting {i}" for i in range(10)], "job_vectors", lines.append)
    assert embedder.calls == [4, 4, 2] and matrix.shape == (10, 2)
    assert matrix[4, 0] == 200 and matrix[9, 1] == 303  # the parts, in order
    assert [line.split(" (")[0] for line in lines] == [
        "job_vectors: embedded 4 of 10", "job_vectors: embedded 8 of 10", "job_vectors: embedded 10 of 10"]
    assert "a second, about" in lines[0] and lines[-1].endswith("about 0 minutes left)")
    # a few texts are one call, with nothing to log
    lines.clear()
    assert vector_assets.embed_with_progress(embedder, ["one", "two"], "job_vectors", lines.append).shape == (2, 2) and not lines
