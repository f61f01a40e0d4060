"""Optional LLM parsing against an OpenAI-compatible server on 127.0.0.1: valid, invalid, failing, slow."""

import dataclasses
import hashlib

import dagster as dg
import numpy as np
import openai
import pytest
from dagster_openai import OpenAIResource

from jobfit.documents import sha256_file
from jobfit.jobs import analyze_job
from jobfit.llm import PROMPT_VERSION, parse_with_llm
from jobfit.resumes import PARSER_VERSION, parse_resume
from tests.conftest import LENA, catch_up_tick, seeded_settings
from tests.services import OpenAIStub

TEXT = "Robin Stub\nrobin@example.com\nI have done many things, mostly Python at Stubworks since 2021."
ANSWER = {
    "basics": {"name": "Robin Stub", "label": "Platform Engineer", "email": "robin@example.com", "location": {"city": "Oslo", "countryCode": "NO"}},
    "work": [{"name": "Stubworks", "position": "Platform Engineer", "startDate": "2021-03"}],
    "education": [{"institution": "University of Oslo", "studyType": "master", "area": "Informatics"}],
    "skills": ["Python", "Kubernetes"],
}


@pytest.fixture
def stub():
    with OpenAIStub(ANSWER) as server:
        yield server


def client_for(stub, retries=0):
    return openai.OpenAI(api_key="test", base_url=stub.base_url, max_retries=retries)


def test_valid_answer_becomes_the_profile(stub, matcher, tmp_path):
    rules = parse_resume(TEXT, matcher=matcher)
    outcome = parse_with_llm(client_for(stub), "stub-model", TEXT, rules, matcher, cache_dir=tmp_path)
    assert outcome.used_llm and outcome.error is None
    profile = outcome.profile
    assert profile.meta.parser == "llm:stub-model"
    assert profile.meta.parser_version == f"{PARSER_VERSION}+{PROMPT_VERSION}"  # a new prompt is a new parser
    assert profile.basics.label == "Platform Engineer" and profile.work[0].name == "Stubworks"
    assert {"python", "kubernetes"} <= {s.id for s in profile.meta.skills}
    # each of the model's values is traced to the line that writes it (before: the rules' lines stayed, for values the
    # rules had not read); a value the text does not write ('Platform Engineer') is traced to none
    assert profile.meta.provenance["work[0].name"] == TEXT.split("\n")[2]
    assert profile.meta.provenance["work[0].startDate"] == TEXT.split("\n")[2]
    assert profile.meta.provenance["email"] == "robin@example.com" and "label" not in profile.meta.provenance
    assert stub.requests[0]["response_format"]["type"] == "json_schema"
    # cached by content + prompt version + model: the server is not asked again
    again = parse_with_llm(client_for(stub), "stub-model", TEXT, rules, matcher, cache_dir=tmp_path)
    assert again.cached and len(stub.requests) == 1
    parse_with_llm(client_for(stub), "other-model", TEXT, rules, matcher, cache_dir=tmp_path)
    assert len(stub.requests) == 2


def test_a_withdrawal_finds_every_answer_about_the_candidate_whatever_model_wrote_it(stub, matcher, tmp_path):
    from jobfit.llm import erase_answers
    from jobfit.matching import Matcher
    from jobfit.matching.rerank import Budget, rerank

    rules = parse_resume(TEXT, matcher=matcher)
    other_text = TEXT.replace("Robin", "Kim")
    for model, text in (("stub-model", TEXT), ("older-model", TEXT), ("stub-model", other_text)):
        assert parse_with_llm(client_for(stub), model, text, rules, matcher, cache_dir=tmp_path).used_llm
    jobs = {"data": analyze_job({"id": "data", "title": "Python Engineer", "description": "Requirements:\n- Python"}, matcher)}
    vectors = np.array([[1.0, 0.0]], np.float32)
    for profile_id in ("robin", "kim"):
        matches = Matcher.build({profile_id: rules}, vectors, jobs, np.array([[1.0, 0.0]], np.float32),
                                matcher.taxonomy).for_profiles(top_n=1)
        stub.answer = {"jobs": [{"job_id": "data", "fit": 80, "explanation": f"{profile_id} writes Python."}]}
        ranked = rerank(client_for(stub), "stub-model", rules, matches, jobs, Budget(cap_usd=1.0), cache_dir=tmp_path)
        assert ranked[0].components["llm"].score == 80
    (tmp_path / "0a1b.json").write_text("{}")  # an answer cached before answers were filed by subject
    assert len(list(tmp_path.rglob("*.json"))) == 6
    assert erase_answers(tmp_path, [TEXT], ["robin"]) == 4  # two models' extractions, robin's re-ranking, the old file
    left = sorted(str(path.parent.relative_to(tmp_path)) for path in tmp_path.rglob("*.json"))
    assert left == ["rerank/kim", f"resumes/{hashlib.sha256(other_text.encode()).hexdigest()}"]
    asked = len(stub.requests)
    stub.answer = ANSWER
    assert not parse_with_llm(client_for(stub), "stub-model", TEXT, rules, matcher, cache_dir=tmp_path).cached
    assert parse_with_llm(client_for(stub), "stub-model", other_text, rules, matcher, cache_dir=tmp_path).cached
    assert len(stub.requests) == asked + 1


@pytest.mark.parametrize("mode, error, mark", [("invalid", "did not validate", "invalid"),
                                               ("fail", "could not be reached", "unavailable")])
def test_bad_answers_fall_back_to_the_rules(stub, matcher, mode, error, mark):
    stub.mode = mode
    rules = parse_resume(TEXT, matcher=matcher)
    outcome = parse_with_llm(client_for(stub, retries=1), "stub-model", TEXT, rules, matcher)
    assert not outcome.used_llm and error in outcome.error
    # the rules' profile, marked with why: only an unavailable model is asked again later
    assert outcome.profile.meta.llm_fallback == mark and rules.meta.llm_fallback is None
    assert outcome.profile.model_copy(update={"meta": rules.meta}) == rules and outcome.profile.meta.parser == "rules"
    if mode == "fail":
        assert len(stub.requests) == 2  # retried once, then gave up


def test_slow_answer_times_out_to_the_rules(stub, matcher):
    stub.mode = "slow"
    rules = parse_resume(TEXT, matcher=matcher)
    outcome = parse_with_llm(client_for(stub), "stub-model", TEXT, rules, matcher, timeout_seconds=0.5)
    assert not outcome.used_llm and "Timeout" in outcome.error and outcome.profile.meta.llm_fallback == "unavailable"


def test_profiles_asset_records_llm_usage(stub, tmp_path, monkeypatch):
    import assets.documents as documents_module
    from jobfit.store import warehouse
    from pipelines.catch_up import stale_documents
    from pipelines.definitions import ALL_ASSETS, build_resources
    from sensors.inbox import scan_inbox

    monkeypatch.setenv("OPENAI_API_KEY", "test")
    monkeypatch.setattr(documents_module, "SETTINGS", dataclasses.replace(
        documents_module.SETTINGS, llm_model="stub-model", llm_input_usd_per_million=1.0, llm_output_usd_per_million=2.0))
    settings = seeded_settings(tmp_path / "data")
    resources = {**build_resources(settings), "llm": OpenAIResource(api_key="test", base_url=stub.base_url)}
    tenant, path = next((t, p) for t, p in scan_inbox(settings.inbox_dir) if p.suffix == ".txt")
    sha = sha256_file(path)
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("documents", [sha])
        dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=resources)
        result = dg.materialize(
            ALL_ASSETS, selection=["documents", "document_text", "profiles"], partition_key=sha, instance=instance,
            resources=resources,
            run_config={"ops": {"documents": {"config": {"sources": [{"sha256": sha, "path": str(path), "tenant": tenant}]}}}},
        )
        metadata = result.asset_materializations_for_node("profiles")[0].metadata
    with warehouse(settings.layout.warehouse_path) as con:  # what the LLM wrote is current: no catch-up parses it again
        assert stale_documents(con, [sha]) == []
        monkeypatch.setattr("pipelines.catch_up.PROMPT_VERSION", "resume-0")  # ...until the prompt changes
        assert stale_documents(con, [sha]) == [sha]
    assert metadata["parser"].value == "llm:stub-model" and metadata["llm_used"].value == 1
    assert metadata["openai.stub-model.calls"].value == 1
    assert metadata["openai.stub-model.total_tokens"].value == 200
    # the stub answers 120 prompt and 80 completion tokens: the run's cost at the configured prices
    assert metadata["llm_prompt_tokens"].value == 120 and metadata["llm_completion_tokens"].value == 80
    assert metadata["llm_cost_usd"].value == 0.00028


def test_a_json_resume_is_not_sent_to_the_model(stub, tmp_path, monkeypatch):
    """It states its fields: a model would only read them worse, at a cost."""
    import json

    import assets.documents as documents_module
    from jobfit.store import warehouse
    from pipelines.definitions import ALL_ASSETS, build_resources

    monkeypatch.setenv("OPENAI_API_KEY", "test")
    monkeypatch.setattr(documents_module, "SETTINGS", dataclasses.replace(documents_module.SETTINGS, llm_model="stub-model"))
    settings = seeded_settings(tmp_path / "data")
    resources = {**build_resources(settings), "llm": OpenAIResource(api_key="test", base_url=stub.base_url)}
    path = settings.inbox_dir / "acme" / "lena.json"
    path.write_text(json.dumps(LENA))
    sha = sha256_file(path)
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("documents", [sha])
        dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=resources)
        assert dg.materialize(
            ALL_ASSETS, selection=["documents", "document_text", "profiles"], partition_key=sha, instance=instance,
            resources=resources,
            run_config={"ops": {"documents": {"config": {"sources": [{"sha256": sha, "path": str(path), "tenant": "acme"}]}}}},
        ).success
    with warehouse(settings.layout.warehouse_path) as con:
        (profile,) = [json.loads(js) for (js,) in con.execute("SELECT profile_json FROM profiles WHERE sha256 = ?", [sha]).fetchall()]
    assert stub.requests == []
    assert profile["basics"]["name"] == "Lena Fischer" and profile["meta"]["parser"] == "json_resume"


def test_llm_reranks_the_best_matches_and_explains_them_or_leaves_them_be(matcher, tmp_path):
    import numpy as np

    from jobfit.jobs import analyze_job
    from jobfit.matching import Matcher
    from jobfit.matching.rerank import Budget, rerank

    profile = parse_resume("Robin Stub\nrobin@example.com\nData Engineer\nExperience\nData Engineer at Flow | 2019 - 2024\n"
                           "- Python and SQL pipelines", matcher=matcher)
    jobs = {j["id"]: analyze_job(j, matcher) for j in (
        {"id": "data", "title": "Data Engineer", "description": "Requirements:\n- Python or Scala\n- SQL"},
        {"id": "nurse", "title": "Registered Nurse", "description": "Requirements:\n- Nursing"})}
    vectors = np.array([[1.0, 0.0]], np.float32)
    rules = Matcher.build({"p": profile}, vectors, jobs, np.array([[0.9, 0.44], [0.6, 0.8]], np.float32),
                          matcher.taxonomy).for_profiles(top_n=2)
    assert [m.job_id for m in rules] == ["data", "nurse"]
    answer = {"jobs": [{"job_id": "nurse", "fit": 95, "explanation": "Cared for patients for years."},
                       {"job_id": "data", "fit": 10, "explanation": "No data work."},
                       {"job_id": "invented", "fit": 99, "explanation": "Not shown to the model."}]}
    with OpenAIStub(answer) as server:
        budget = Budget(cap_usd=1.0, input_usd_per_million=1.0, output_usd_per_million=2.0)
        ranked = rerank(client_for(server), "stub-model", profile, rules, jobs, budget, top=2, cache_dir=tmp_path)
        assert [m.job_id for m in ranked] == ["nurse", "data"]  # the model's fit counts as much as the rules
        nurse = ranked[0]
        assert nurse.components["llm"].score == 95 and nurse.score == round((rules[1].score + 95) / 2, 1)
        assert nurse.reasons[-1] == "The model's view (stub-model): Cared for patients for years."
        assert budget.calls == 1 and budget.spent_usd == pytest.approx((120 * 1 + 80 * 2) / 1e6)
        assert server.requests[0]["response_format"]["type"] == "json_schema"
        assert "Required: Python or Scala, SQL" in server.requests[0]["messages"][-1]["content"]  # as the posting asks
        rerank(client_for(server), "stub-model", profile, rules, jobs, budget, top=2, cache_dir=tmp_path)
        assert len(server.requests) == 1  # the same question is answered from the cache
        for mode in ("invalid", "fail"):  # any failure: the rule-based matches, untouched
            server.mode = mode
            fallback = Budget(cap_usd=1.0)
            assert rerank(client_for(server), "stub-model", profile, rules, jobs, fallback, top=2) == rules
            assert fallback.errors
        server.mode = "valid"
        asked = len(server.requests)
        spent = Budget(cap_usd=1e-6, input_usd_per_million=1.0)  # not even the prompt fits: no call at all
        assert rerank(client_for(server), "stub-model", profile, rules, jobs, spent, top=2) == rules
        assert spent.errors == ["budget spent"] and len(server.requests) == asked


def test_a_pastime_the_model_lists_among_skills_stays_an_interest(matcher):
    text = ("Robin Stub\nrobin@example.com\n\nEXPERIENCE\nPlatform Engineer, Stubworks, 2021 - present\n- Ran Python services\n\n"
            "INTERESTS\nYoga, football\n")
    rules = parse_resume(text, matcher=matcher)
    with OpenAIStub({**ANSWER, "skills": ["Python", "Kubernetes", "Yoga", "Football"]}) as server:
        profile = parse_with_llm(client_for(server), "stub-model", text, rules, matcher).profile
    names = {s.name.lower() for s in profile.meta.skills}
    assert {"python", "kubernetes"} <= names and not {"yoga", "football"} & names
    assert [i.name for i in profile.interests] == ["Yoga", "football"]


def test_a_profile_the_rules_wrote_while_the_model_was_unavailable_is_asked_again(stub, tmp_path, monkeypatch, capsys):
    """An outage of the model leaves the rules' profile (nothing lost) marked as such; once the retry interval has
    passed, the bootstrap and the catch-up sensor ask the model again, each attempt anew, until it answers."""
    import json
    from datetime import UTC, datetime, timedelta

    import assets.documents as documents_module
    import sensors.catch_up as catch_up_sensor_module
    from jobfit.store import warehouse
    from pipelines.bootstrap import _runner, catch_up_documents
    from pipelines.catch_up import behind
    from pipelines.definitions import ALL_ASSETS, build_resources
    from pipelines.partitions import document_range_tags
    from sensors.inbox import scan_inbox

    monkeypatch.setenv("OPENAI_API_KEY", "test")
    settings = dataclasses.replace(seeded_settings(tmp_path / "data"), llm_model="stub-model", llm_retry_minutes=0)
    monkeypatch.setattr(documents_module, "SETTINGS", settings)
    resources = {**build_resources(settings), "llm": OpenAIResource(api_key="test", base_url=stub.base_url)}
    tenant, path = next((t, p) for t, p in scan_inbox(settings.inbox_dir) if p.suffix == ".txt")
    sha = sha256_file(path)

    def profile():
        with warehouse(settings.layout.warehouse_path) as con:
            [(js, parsed_at)] = con.execute("SELECT profile_json, parsed_at FROM profiles WHERE sha256 = ?", [sha]).fetchall()
        return json.loads(js)["meta"], parsed_at

    def found(before):
        with warehouse(settings.layout.warehouse_path) as con:
            return behind(con, [sha], "2026-12-07", settings.posting_ttl_days, settings.partitions_start, before)

    stub.mode = "fail"
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("documents", [sha])
        dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=resources)
        dg.materialize(ALL_ASSETS, selection=["documents", "document_text", "profiles"], partition_key=sha, instance=instance,
                       resources=resources, run_config={"ops": {"documents": {"config": {
                           "sources": [{"sha256": sha, "path": str(path), "tenant": tenant}]}}}})
        meta, first_at = profile()
        assert (meta["parser"], meta["llm_fallback"]) == ("rules", "unavailable")  # the rules' reading, marked
        assert found(first_at - timedelta(seconds=1)).retry == []  # within the retry interval: not yet
        due = found(datetime.now(UTC))
        assert due.retry == [sha] and "1 profile the rules wrote while the model was unavailable" in due.summary()

        # the daemon: asked at the second tick with the same finding, as a profiles run over the document
        monkeypatch.setattr(catch_up_sensor_module, "SETTINGS", settings)
        first = catch_up_tick(instance, resources["storage"], None)
        [request] = catch_up_tick(instance, resources["storage"], first.cursor).run_requests
        assert request.asset_selection == [dg.AssetKey("profiles")] and request.tags == document_range_tags([sha])

        # the model still down: the attempt is recorded, and the next one is a new request (the sensor keys on it)
        run = _runner(instance, resources)
        catch_up_documents(settings, instance, run, datetime.now(UTC))
        assert "1 stored profiles were written by the rules while the model was unavailable: asking it again" in capsys.readouterr().out
        meta, second_at = profile()
        assert meta["llm_fallback"] == "unavailable" and second_at > first_at
        assert found(datetime.now(UTC)).retry_since != due.retry_since

        stub.mode = "valid"  # back: the next attempt gets the model's reading, and nothing is asked again
        catch_up_documents(settings, instance, run, datetime.now(UTC))
        meta, _ = profile()
        assert meta["parser"] == "llm:stub-model" and "llm_fallback" not in meta
        assert not found(datetime.now(UTC))
    with warehouse(settings.layout.warehouse_path) as con:  # an invalid answer is not asked again: the text would get it again
        [(js,)] = con.execute("SELECT profile_json FROM profiles WHERE sha256 = ?", [sha]).fetchall()
        invalid = json.loads(js)
        invalid["meta"].update(parser="rules", llm_fallback="invalid")
        con.execute("UPDATE profiles SET profile_json = ? WHERE sha256 = ?", [json.dumps(invalid), sha])
    assert profile()[0]["llm_fallback"] == "invalid" and not found(datetime.now(UTC))

