"""The read-only API over the serving snapshot: roles, tenant isolation (404, never 403), digests, documents."""

import pytest
import yaml
from fastapi.testclient import TestClient

from api.app import create_app
from jobfit import exchange
from jobfit.documents import READER_VERSION


@pytest.fixture(scope="module")
def api(pipeline_run):
    settings, _ = pipeline_run
    settings.api_keys_file.write_text(yaml.safe_dump({"keys": [
        {"key": "k-admin", "role": "admin"},
        {"key": "k-acme", "role": "recruiter", "tenant": "acme"},
        {"key": "k-globex", "role": "recruiter", "tenant": "globex"},
        {"key": "k-maria", "role": "candidate", "tenant": "acme", "email": "Maria.Lopez@example.com"},
    ]}))
    client = TestClient(create_app(settings))
    profiles = client.get("/profiles", headers={"X-API-Key": "k-admin"}).json()["items"]
    return client, {p["name"]: p for p in profiles}


def get(client, path, key, **headers):
    return client.get(path, headers={"X-API-Key": key, **headers})


def test_health_needs_no_key(api):
    client, _ = api
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["profiles"] == 6 and body["jobs"] == 12


def test_a_key_is_required(api):
    client, _ = api
    assert client.get("/profiles").status_code == 401
    assert get(client, "/profiles", "wrong").status_code == 401
    assert client.get("/profiles", headers={"Authorization": "Bearer k-admin"}).status_code == 200


def test_recruiters_see_only_their_tenant(api):
    client, people = api
    acme = {p["name"] for p in get(client, "/profiles", "k-acme").json()["items"]}
    assert acme == {"Maria Lopez", "James Okafor", "Priya Raman"}
    daniel = people["Daniel Weber"]["id"]
    assert get(client, f"/profiles/{daniel}", "k-acme").status_code == 404
    assert get(client, f"/profiles/{daniel}/matches", "k-acme").status_code == 404
    assert get(client, f"/profiles/{daniel}", "k-globex").status_code == 200


def test_profiles_are_found_by_words_skill_level_and_years(api):
    client, people = api

    def names(query, key="k-admin"):
        return {p["name"] for p in get(client, f"/profiles?{query}", key).json()["items"]}

    assert names("q=LOPEZ") == {"Maria Lopez"}
    assert names("q=maria.lopez@") == {"Maria Lopez"}  # the e-mail, found as written
    engineers = {n for n, p in people.items() if "engineer" in (p["label"] or "").lower()}
    assert len(engineers) >= 2 and names("q=engineer") == engineers
    assert names("q=engineer lopez") == {"Maria Lopez"} & engineers  # every word must be found
    assert names("q=lopez", "k-globex") == set()  # still only the caller's tenant
    assert get(client, "/profiles?q=x", "k-admin").status_code == 422
    # a search of thousands of words (each a clause of the query) is refused, as the skills search does
    assert get(client, "/profiles?q=" + "+".join(f"w{n}" for n in range(3000)), "k-admin").status_code == 422
    # a skill the profile names, read from each profile's own page
    with_python = {n for n, p in people.items()
                   if "python" in {s["id"] for s in get(client, f"/profiles/{p['id']}", "k-admin").json()["profile"]["meta"]["skills"]}}
    assert with_python and with_python != set(people) and names("skill=python") == with_python
    # a threshold between the least and the most experienced sample (a text resume's "Present" is the day it arrived)
    years = sorted(p["years_experience"] or 0 for p in people.values())
    threshold = round((years[0] + years[-1]) / 2, 1)
    seasoned = {n for n, p in people.items() if (p["years_experience"] or 0) >= threshold}
    assert seasoned and seasoned != set(people) and names(f"min_years={threshold}") == seasoned
    level = people["Maria Lopez"]["career_level"]
    assert names(f"career_level={level}") == {n for n, p in people.items() if p["career_level"] == level}
    refused = get(client, "/profiles?career_level=senior", "k-admin")  # not a level: refused with the levels there are
    assert refused.status_code == 422 and "'mid-senior'" in refused.text


def test_profiles_are_found_by_where_they_live_or_would_move(api):
    """A recruiter filling a job in New York finds the candidate in Chicago who wrote "Willing to relocate to: New York, NY
    - Boston, MA", and one in Bengaluru who is "Open to relocation" for a job in Mumbai; not for one in Berlin."""
    client, _ = api

    def names(place, key="k-admin"):
        return {p["name"] for p in get(client, f"/profiles?place={place}", key).json()["items"]}

    assert names("Chicago") == names("New York") == names("Boston, MA") == {"Tom Becker"}
    assert names("Mumbai") == names("India") == {"Priya Raman"}  # anywhere, in her own country
    assert names("Berlin") == names("Germany") == {"Daniel Weber"}
    assert names("Denver") == set()
    assert names("New York", "k-acme") == set()  # still only the caller's tenant


def test_candidate_sees_only_their_own_profile(api):
    client, people = api
    mine = get(client, "/profiles", "k-maria").json()["items"]
    assert [p["name"] for p in mine] == ["Maria Lopez"]
    assert get(client, f"/profiles/{people['James Okafor']['id']}", "k-maria").status_code == 404


def test_profile_matches_are_explained(api):
    client, people = api
    body = get(client, f"/profiles/{people['Maria Lopez']['id']}/matches", "k-maria").json()
    best = body["items"][0]
    assert best["title"] == "Senior Data Engineer"
    assert 0 <= best["score"] <= 100
    assert set(best["components"]) == {"skills", "title", "experience", "education", "location", "salary", "semantic"}
    assert all("weight" in c and "score" in c for c in best["components"].values())
    assert "Python" in best["matched_skills"] and best["reasons"] and best["weights_version"]
    scores = [m["score"] for m in body["items"]]
    assert scores == sorted(scores, reverse=True)


def test_job_matches_show_only_the_callers_profiles(api):
    client, _ = api
    jobs = get(client, "/jobs", "k-acme").json()["items"]
    accountant = next(j for j in jobs if j["title"] == "Senior Accountant")
    assert get(client, f"/jobs/{accountant['id']}", "k-acme").json()["job"]["meta"]["salary"]["currency"] == "EUR"
    # a posting in the lists of both tenants' profiles (acme's are engineers: the accountant's posting is in none of
    # their top ten, once 'Senior' no longer made a senior data engineer's title read like 'Senior Accountant')
    analyst = next(j for j in jobs if j["title"] == "Data Analyst")
    all_names = {m["name"] for m in get(client, f"/jobs/{analyst['id']}/matches", "k-admin").json()["items"]}
    acme_names = {m["name"] for m in get(client, f"/jobs/{analyst['id']}/matches", "k-acme").json()["items"]}
    assert "Daniel Weber" in all_names and acme_names and acme_names <= {"Maria Lopez", "James Okafor", "Priya Raman"}
    assert get(client, "/jobs/does-not-exist", "k-admin").status_code == 404


def test_digest_as_json_and_html(api, pipeline_run):
    client, people = api
    settings, _ = pipeline_run
    day = next((settings.data_dir / "digests").iterdir()).name
    pid = people["Maria Lopez"]["id"]
    body = get(client, f"/digests/{pid}/{day}", "k-maria").json()
    assert body["name"] == "Maria Lopez" and body["matches"]
    page = get(client, f"/digests/{pid}/{day}", "k-maria", Accept="text/html")
    assert page.headers["content-type"].startswith("text/html") and "Senior Data Engineer" in page.text
    assert get(client, f"/digests/{pid}/{day}", "k-globex").status_code == 404
    assert get(client, f"/digests/{pid}/1999-01-01", "k-maria").status_code == 404


def test_documents_status(api, pipeline_run):
    client, people = api
    sha = get(client, f"/profiles/{people['Tom Becker']['id']}", "k-admin").json()["profile"]["meta"]["document_sha256"]
    body = get(client, f"/documents/{sha}", "k-globex").json()
    assert body["status"] == "text" and body["quarantine"] is None and body["sources"][0]["file"] == "tom_becker.txt"
    assert body["reader_version"] == READER_VERSION and body["released"] is False
    assert body["profile_ids"] == [people["Tom Becker"]["id"]]
    assert get(client, f"/documents/{sha}", "k-acme").status_code == 404


def test_received_files_are_listed_with_what_became_of_them(tmp_path):
    """Before, a recruiter whose file went to quarantine saw no profile and could learn why only by the file's sha256."""
    import dagster as dg

    from pipelines.bootstrap import materialize_everything
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    (settings.inbox_dir / "globex" / "broken.pdf").write_bytes(b"%PDF-1.7 truncated")
    (settings.inbox_dir / "globex" / "empty.docx").write_bytes(b"")
    materialize_everything(settings, dg.DagsterInstance.ephemeral())
    settings.api_keys_file.write_text(yaml.safe_dump({"keys": [
        {"key": "k-admin", "role": "admin"}, {"key": "k-acme", "role": "recruiter", "tenant": "acme"},
        {"key": "k-globex", "role": "recruiter", "tenant": "globex"},
        {"key": "k-maria", "role": "candidate", "tenant": "acme", "email": "maria.lopez@example.com"}]}))
    client = TestClient(create_app(settings))

    globex = get(client, "/documents", "k-globex").json()["items"]
    by_file = {item["file"]: item for item in globex}
    assert set(by_file) == {"broken.pdf", "empty.docx", "daniel_weber.pdf", "sofia_rossi.docx", "tom_becker.txt"}
    assert {item["tenant"] for item in globex} == {"globex"}
    broken = by_file["broken.pdf"]
    assert broken["status"] == "quarantined" and broken["profile_ids"] == []
    assert broken["quarantine"]["reason"] == "corrupt" and "fresh copy" in broken["quarantine"]["message"]
    assert by_file["empty.docx"]["quarantine"] == {"reason": "empty", "message": "the file is empty"}
    tom = by_file["tom_becker.txt"]
    assert tom["status"] == "text" and tom["quarantine"] is None and len(tom["profile_ids"]) == 1
    assert get(client, f"/profiles/{tom['profile_ids'][0]}", "k-globex").json()["profile"]["basics"]["name"] == "Tom Becker"
    # newest first; filters by status and reason
    assert [item["seen_at"] for item in globex] == sorted((item["seen_at"] for item in globex), reverse=True)
    quarantined = get(client, "/documents?status=quarantined", "k-globex").json()["items"]
    assert {item["file"] for item in quarantined} == {"broken.pdf", "empty.docx"}
    assert [item["file"] for item in get(client, "/documents?reason=empty", "k-globex").json()["items"]] == ["empty.docx"]
    # another tenant's files are not theirs to see, even when asked by name; an admin sees all, by tenant if asked
    assert "broken.pdf" not in {item["file"] for item in get(client, "/documents", "k-acme").json()["items"]}
    assert get(client, "/documents?tenant=globex", "k-acme").json()["items"] == []
    assert len(get(client, "/documents", "k-admin").json()["items"]) == 8
    assert {item["tenant"] for item in get(client, "/documents?tenant=acme", "k-admin").json()["items"]} == {"acme"}
    # a candidate sees the file their own profile came from, nothing else
    assert [item["file"] for item in get(client, "/documents", "k-maria").json()["items"]] == ["maria_lopez.pdf"]
    # values that cannot be are refused with the ones there are, not answered with an empty list
    refused = get(client, "/documents?reason=broken", "k-admin")
    assert refused.status_code == 422 and "corrupt" in refused.text
    assert get(client, "/documents?status=done", "k-admin").status_code == 422
    assert get(client, "/documents?since=2026-02-30", "k-admin").status_code == 422
    assert get(client, "/documents?since=2999-01-01", "k-admin").json()["items"] == []


def test_openapi_docs_are_served(api):
    client, _ = api
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/profiles", "/profiles/{profile_id}/matches", "/jobs/{job_id}/matches", "/digests/{profile_id}/{date}"} <= set(paths)


def test_no_snapshot_answers_503(tmp_path):
    from resources.settings import Settings

    settings = Settings(data_dir=tmp_path, inbox_dir=tmp_path / "inbox", feeds_file=tmp_path / "f.yaml", api_keys_file=tmp_path / "k.yaml")
    settings.api_keys_file.write_text("keys: [{key: a, role: admin}]")
    client = TestClient(create_app(settings))
    assert client.get("/health").json()["status"] == "starting"
    response = client.get("/profiles", headers={"X-API-Key": "a"})
    assert response.status_code == 503 and "serving_snapshot" in response.json()["detail"]


def test_a_keys_file_edited_into_a_mistake_keeps_the_keys_that_worked(pipeline_run, tmp_path, caplog):
    """Before, one typo in the keys file answered every request with 500 until someone noticed."""
    import shutil

    from resources.settings import Settings

    settings, _ = pipeline_run
    copy = Settings(data_dir=tmp_path, inbox_dir=tmp_path / "inbox", feeds_file=tmp_path / "f.yaml", api_keys_file=tmp_path / "k.yaml")
    shutil.copyfile(settings.layout.serving_path, copy.layout.serving_path)
    copy.api_keys_file.write_text("keys: [{key: a, role: admin}]")
    client = TestClient(create_app(copy))
    assert get(client, "/profiles", "a").status_code == 200 and client.get("/health").json()["api_keys"] == "ok"

    copy.api_keys_file.write_text("keys: [{key: a, role: admin}, {key: b, role: recruiter]\n")  # a bracket missing
    assert get(client, "/profiles", "a").status_code == 200  # the keys read before still work
    assert "still work" in client.get("/health").json()["api_keys"]
    assert any("the API keys file cannot be used" in r.getMessage() and "not valid YAML" in r.getMessage() for r in caplog.records)

    copy.api_keys_file.write_text("keys: [{key: b, role: admin}]\n")  # mended: the file as it is now counts
    assert get(client, "/profiles", "b").status_code == 200 and get(client, "/profiles", "a").status_code == 401
    assert client.get("/health").json()["api_keys"] == "ok"

    copy.api_keys_file.write_text("keys: [{key: b}]\n")  # broken before any key was read: nobody is let in, and told why
    fresh = get(TestClient(create_app(copy)), "/profiles", "b")
    assert fresh.status_code == 503 and "key 1 needs a key and a role" in fresh.json()["detail"]


def test_skill_search_and_skill_pages(api):
    client, _ = api
    found = get(client, "/skills?q=postgres", "k-acme").json()["items"]
    assert found[0]["id"] == "postgresql" and found[0]["match"] == "name"  # an alias ('Postgres') ranks the skill first
    by_meaning = get(client, "/skills?q=talking to customers on the phone", "k-acme").json()["items"]
    assert by_meaning and all(item["match"] == "meaning" for item in by_meaning)  # no name holds these words
    assert "customer" in by_meaning[0]["name"] and by_meaning[0]["similarity"] >= by_meaning[-1]["similarity"]
    assert get(client, "/skills?q=python", "k-acme").json()["items"][0]["demand"]["required"] >= 1
    page = get(client, "/skills/postgresql", "k-acme").json()
    assert "sql" in {p["id"] for p in page["parents"]} and "Postgres" in page["aliases"]
    assert page["esco_uri"].startswith("http://data.europa.eu/esco/skill/") and page["taxonomy_version"]
    python = get(client, "/skills/python", "k-acme").json()
    assert "django" in {c["id"] for c in python["children"]} and python["demand"]["required"] >= 1
    assert any(o["title"] == "software developer" for o in python["occupations"])
    assert get(client, "/skills/no-such-skill", "k-acme").status_code == 404
    assert get(client, "/skills", "k-acme").status_code == 422  # q is required


def test_occupation_search(api):
    client, _ = api
    items = get(client, "/occupations?q=software developer", "k-acme").json()["items"]
    assert items[0]["title"] == "software developer" and items[0]["isco_group"] == "2512"
    assert items[0]["esco_uri"].startswith("http://data.europa.eu/esco/occupation/")
    # the titles software teams use find the occupation that does the work
    for title, occupation in (("site reliability engineer", "ICT system administrator"), ("Backend Engineer", "software developer")):
        assert get(client, f"/occupations?q={title}", "k-acme").json()["items"][0]["title"] == occupation


def test_jobs_filter_by_what_candidates_ask(api):
    client, _ = api

    def titles(query):
        response = get(client, f"/jobs?{query}", "k-acme")
        assert response.status_code == 200, response.text
        return {j["title"] for j in response.json()["items"]}

    everything = titles("")
    assert titles("seniority=entry") == {"Junior Python Developer"}
    assert "Junior Python Developer" in titles("skill=python") and "Registered Nurse" not in titles("skill=python")
    rich = titles("min_salary=150000")
    assert "Senior Data Engineer" in rich and "Registered Nurse" not in rich
    # a floor in euros reads the dollar and pound postings at the reference rates, not their bare figures
    floor = round(exchange.convert(80000, "USD", "EUR"))
    in_euros = titles(f"min_salary={floor}&currency=EUR")
    assert {"Data Analyst", "Senior Data Engineer"} <= in_euros  # $100,000 and $180,000 tops
    assert "Digital Marketing Specialist" not in in_euros  # $75,000: more than the bare figure, less than $80,000
    assert "Project Manager" not in in_euros and ("Senior Accountant" in in_euros) == (80000 >= floor)
    assert get(client, "/jobs?min_salary=1&currency=usd", "k-acme").status_code == 422
    assert titles("remote=Full") < everything and titles("remote=Full")
    assert "Junior Python Developer" in titles("occupation=software-developer")
    assert titles("since=2099-01-01") == set()
    assert get(client, "/jobs?remote=sometimes", "k-acme").status_code == 422
    # a value no posting can have is refused with the values there are, not answered with nothing
    for query, allowed in (("seniority=senior", "'mid-senior'"), ("type=fulltime", "'full-time'"), ("since=2026-13-01", "month")):
        refused = get(client, f"/jobs?{query}", "k-acme")
        assert refused.status_code == 422 and allowed in refused.text, query


def test_the_api_offers_every_employment_type_the_analysis_finds():
    from typing import get_args

    from jobfit.jobs import EMPLOYMENT_TYPES
    from jobfit.schema import EmploymentType

    assert {kind for _, kind in EMPLOYMENT_TYPES} == set(get_args(EmploymentType))


def test_a_posting_that_expired_leaves_the_match_list_at_once(api, pipeline_run, tmp_path):
    """Matching drops an expired posting when it next runs; until then the API already leaves it out."""
    import shutil

    import duckdb

    from resources.settings import Settings

    client, people = api
    settings, _ = pipeline_run
    maria = people["Maria Lopez"]["id"]
    best = get(client, f"/profiles/{maria}/matches", "k-maria").json()["items"][0]
    copy = Settings(data_dir=tmp_path, inbox_dir=tmp_path / "inbox", feeds_file=tmp_path / "feeds.yaml",
                    api_keys_file=settings.api_keys_file)
    shutil.copyfile(settings.layout.serving_path, copy.layout.serving_path)
    with duckdb.connect(str(copy.layout.serving_path)) as con:
        con.execute("UPDATE job_postings SET expires = '2020-01-01' WHERE id = ?", [best["job_id"]])
    later = TestClient(create_app(copy))
    items = get(later, f"/profiles/{maria}/matches", "k-maria").json()["items"]
    assert items and best["job_id"] not in {m["job_id"] for m in items}
    assert best["job_id"] in {m["job_id"] for m in get(client, f"/profiles/{maria}/matches", "k-maria").json()["items"]}
