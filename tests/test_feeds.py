"""Feeds in: every format jobfit reads (twins of real boards' formats, written here), and fetching over
HTTP from a local server that answers 304, 500, 503, slowly, too much and malformed XML."""

import json
import subprocess
import sys

import pytest
import yaml

from jobfit.feeds import FeedError, detect_kind, fetch_feed, read_feed
from resources.feeds import FeedsResource
from tests.services import FeedServer

WWR_2022 = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss">
  <channel><title>We Work Remotely: Design Jobs</title><link>https://weworkremotely.example/design.rss</link><ttl>60</ttl>
    <item>
      <media:content url="https://logos.example/1.gif" type="image/png"/>
      <title>Pixelworks: Senior Product Designer</title>
      <region>Anywhere in the World</region><category>Design</category><type>Full-Time</type>
      <description>&lt;p&gt;&lt;strong&gt;Headquarters:&lt;/strong&gt; Amsterdam&lt;/p&gt;&lt;div&gt;Design in Figma with our team.&lt;/div&gt;
      &lt;ul&gt;&lt;li&gt;5+ years of experience&lt;/li&gt;&lt;li&gt;User research&lt;/li&gt;&lt;/ul&gt;</description>
      <pubDate>Tue, 15 Mar 2022 10:00:00 +0000</pubDate>
      <guid>https://weworkremotely.example/remote-jobs/pixelworks-designer</guid>
      <link>https://weworkremotely.example/remote-jobs/pixelworks-designer?utm_source=rss</link>
    </item>
  </channel>
</rss>"""

WWR_2014 = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Recent Programming Jobs</title>
<item><title>Kettle Labs: Senior Software Engineer</title>
<description>&lt;p&gt;&lt;strong&gt;Location:&lt;/strong&gt; Los Angeles, CA&lt;/p&gt;&lt;div&gt;We want Ruby on Rails and PostgreSQL&#8217;s best friend.&lt;/div&gt;</description>
<pubDate>Mon, 06 Jan 2014 18:00:00 +0000</pubDate><link>https://weworkremotely.example/jobs/123</link></item>
</channel></rss>"""

WWR_2026 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss">
  <channel><title>We Work Remotely: Remote jobs</title><link>https://weworkremotely.example/remote-jobs.rss</link>
    <item>
      <media:content url="https://logos.example/2.gif" type="image/png"/>
      <title>Mathmo: Maths Coach Ã  la carte</title>
      <region>Anywhere in the World</region><country></country><state>London</state><skills></skills>
      <category>All Other Remote</category><type>Contract</type>
      <description>&lt;p&gt;CafÃ© budget &amp;amp; flexible hours.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Maths degree&lt;/li&gt;&lt;/ul&gt;</description>
      <pubDate>Wed, 01 Jul 2026 10:00:00 +0000</pubDate>
      <link>https://weworkremotely.example/remote-jobs/mathmo-coach</link>
    </item>
  </channel>
</rss>""".encode()

REMOTIVE = b"\xef\xbb\xbf" + json.dumps({
    "00-warning": "Remotive main domain moved.", "0-legal-notice": "Please link back.", "job-count": 1, "total-job-count": 1,
    "jobs": [{"id": 2090903, "url": "https://remotive.example/remote-jobs/data/labeling-2090903", "title": "Data Labeling Specialists",
              "company_name": "Workada", "category": "Data and Analytics", "tags": ["research", "spreadsheets"],
              "job_type": "freelance", "publication_date": "2026-07-26T20:49:11", "candidate_required_location": "USA",
              "salary": "$18 - $22/hr", "description": "<p><u>Who We Are</u><br><br>We label data with Python &amp; SQL.</p>"}],
}).encode()

JOBICY = json.dumps({
    "apiVersion": "2.2.14", "documentationUrl": "https://jobi.cy/apidocs", "jobCount": 1, "lastUpdate": "2026-07-10T20:00:05+00:00",
    "jobs": [{"id": 145880, "url": "https://jobicy.example/jobs/145880-senior-software-engineer-contract",
              "jobTitle": "Senior Software Engineer (Contract)", "companyName": "Mozilla", "jobIndustry": ["Software Engineering"],
              "jobType": ["Contract"], "jobGeo": "Germany", "jobLevel": "Senior", "jobExcerpt": "Privacy and the open web.",
              "jobDescription": "<div><p>Rust and Kubernetes for privacy protections.</p></div>", "pubDate": "2026-07-10T20:00:05+00:00",
              "annualSalaryMin": 90000, "annualSalaryMax": 120000, "salaryCurrency": "EUR"}],
}, indent=1).encode()

REMOTEOK = json.dumps([
    {"legal": "API terms: link back to Remote OK."},
    {"id": "1", "epoch": 1763800000, "date": "2025-11-22T08:26:40+00:00", "company": "Acme", "position": "Backend Engineer",
     "tags": ["go", "postgres"], "description": "<p>Go services on PostgreSQL.</p>", "location": "Worldwide",
     "salary_min": 100000, "salary_max": 140000, "url": "https://remoteok.example/remote-jobs/1"},
]).encode()

HIMALAYAS = json.dumps({
    "updatedAt": 1763800000, "offset": 0, "limit": 20, "totalCount": 1,
    "jobs": [{"title": "Customer Success Manager", "excerpt": "Own our customers.", "companyName": "Globex",
              "employmentType": "Full Time", "minSalary": 60000, "maxSalary": 75000, "currency": "GBP",
              "seniority": ["Mid-level"], "locationRestrictions": ["United Kingdom"], "categories": ["Customer Success"],
              "description": "<p>Zendesk and great communication skills.</p>", "pubDate": 1763800000,
              "applicationLink": "https://himalayas.example/companies/globex/jobs/csm", "guid": "csm-1"}],
}).encode()

TWINS = {"wwr-2022.rss": WWR_2022, "wwr-2014.rss": WWR_2014, "wwr-2026.xml": WWR_2026, "remotive.json": REMOTIVE, "jobicy.json": JOBICY,
         "remoteok.json": REMOTEOK, "himalayas.json": HIMALAYAS}


@pytest.mark.parametrize("name", sorted(TWINS))
def test_every_feed_format_reads_to_postings(name):
    [posting] = read_feed(TWINS[name], feed_name=name)
    assert posting["title"] and posting["company"] and posting["url"].startswith("https://")
    assert posting["date"] and posting["date"][:2] == "20"
    assert "<" not in posting["description"] and posting["description"].strip()
    assert "utm_source" not in posting["url"]


def test_double_encoded_utf8_and_entities_are_repaired():
    [posting] = read_feed(WWR_2026)
    assert posting["title"] == "Maths Coach à la carte" and "Café budget & flexible hours." in posting["description"]
    assert "- Maths degree" in posting["description"].splitlines()  # list items keep their own lines


def test_json_apis_keep_salary_type_and_location():
    remotive = read_feed(REMOTIVE)[0]  # starts with a byte-order mark
    assert remotive["salary"] == "$18 - $22/hr" and remotive["type"] == "freelance" and remotive["location"] == "USA"
    jobicy = read_feed(JOBICY)[0]
    assert jobicy["salary"] == "EUR 90,000 - 120,000 per year" and jobicy["type"] == "Contract"
    assert read_feed(HIMALAYAS)[0]["location"] == "United Kingdom"
    assert [detect_kind(json.loads(TWINS[n].decode("utf-8-sig"))) for n in ("remotive.json", "jobicy.json", "remoteok.json", "himalayas.json")] == \
        ["remotive", "jobicy", "remoteok", "himalayas"]


def test_remote_boards_and_locations_that_name_a_scope_are_remote_jobs(matcher):
    from jobfit.jobs import analyze_job

    # a remote board's location says where from ('USA' on Remotive), not where to commute
    for twin in (REMOTIVE, JOBICY, REMOTEOK, HIMALAYAS):
        job = analyze_job(read_feed(twin)[0], matcher)
        assert job.remote == "Full", twin[:60]
    assert analyze_job(read_feed(REMOTIVE)[0], matcher).meta.regions_allowed == ["USA"]
    # an RSS board's region field: 'Anywhere in the World' is remote from anywhere, 'USA Only' from the USA
    anywhere = analyze_job(read_feed(WWR_2022)[0], matcher)
    assert anywhere.remote == "Full" and anywhere.meta.regions_allowed == []
    scoped = {"USA Only": ["USA"], "LATAM, Europe": ["LATAM", "Europe"], "Can Work from Home": [],  # (how, not where)
              "USA, CST (UTC-6)": ["USA", "CST (UTC-6)"]}
    for location, regions in scoped.items():
        job = analyze_job({"id": "x", "title": "Support Engineer", "location": location, "description": "Answer tickets."}, matcher)
        assert (job.remote, job.meta.regions_allowed) == ("Full", regions), location
    # a place is a place of work
    onsite = analyze_job({"id": "y", "title": "Support Engineer", "location": "Berlin, Germany, Europe",
                          "description": "Answer tickets in our office."}, matcher)
    assert onsite.remote == "None" and onsite.meta.regions_allowed == []


def test_a_location_the_description_states_when_the_feed_has_no_field_for_it():
    assert read_feed(WWR_2014)[0]["location"] == "Los Angeles, CA"
    unstated = WWR_2014.replace(b"Los Angeles, CA", b"N/A")
    assert read_feed(unstated)[0]["location"] is None


def test_unknown_json_and_broken_xml_are_clear_errors():
    with pytest.raises(FeedError, match="not a job API"):
        read_feed(b'{"items": []}', feed_name="mystery")
    with pytest.raises(FeedError, match="could not be read"):
        read_feed(b"<html><body>This board moved.</body></html>", feed_name="moved")
    [kept] = read_feed(b"<rss><channel><item><title>Acme: Nurse</title><link>https://x.example/1</link></item>", feed_name="bozo")
    assert kept["title"] == "Nurse"  # a malformed ('bozo') feed keeps the items it has


@pytest.fixture
def server():
    with FeedServer({"/board.rss": WWR_2022, "/flaky": JOBICY, "/bad.xml": b"<?xml version='1.0'?><rss><channel><title>x</title></chan"}) as running:
        yield running


def test_conditional_get_costs_nothing_the_second_time(server):
    first = fetch_feed(server.url + "/board.rss")
    assert first.body == WWR_2022 and first.etag
    again = fetch_feed(server.url + "/board.rss", etag=first.etag, last_modified=first.last_modified)
    assert again.body is None  # 304: not modified
    assert server.requests[-1][1].get("If-None-Match") == first.etag


def test_retries_with_backoff_then_gives_a_reason(server):
    waits = []
    flaky = fetch_feed(server.url + "/flaky", sleep=waits.append)
    assert flaky.body == JOBICY and flaky.attempts == 2 and waits == [0.0]  # Retry-After: 0 honoured
    with pytest.raises(FeedError, match="HTTP 500 after 3 attempts"):
        fetch_feed(server.url + "/fail", retries=2, sleep=waits.append)
    assert waits[1:] == [1.0, 2.0]  # exponential backoff
    with pytest.raises(FeedError, match="no answer within 0.5 s"):
        fetch_feed(server.url + "/slow", timeout=0.5, retries=0)
    with pytest.raises(FeedError, match="larger than 20 MB"):
        fetch_feed(server.url + "/huge")


def test_a_broken_feed_never_stops_the_others(server, tmp_path):
    (tmp_path / "remotive.json").write_bytes(REMOTIVE)
    (tmp_path / "feeds.yaml").write_text(yaml.safe_dump({"feeds": [
        {"name": "board", "url": server.url + "/board.rss", "tags": ["design"], "refresh_minutes": 0},
        {"name": "down", "url": server.url + "/fail"},
        {"name": "malformed", "url": server.url + "/bad.xml"},
        {"name": "remotive", "url": "remotive.json", "tenant": "acme", "blocked_companies": ["Workada"]},
    ]}))
    feeds = FeedsResource(feeds_file=str(tmp_path / "feeds.yaml"), retries=0)
    first = feeds.fetch_all()
    assert first.per_feed == {"board": 1, "remotive": 0} and first.blocked["remotive"] == 1
    assert set(first.errors) == {"down", "malformed"} and "HTTP 500" in first.errors["down"]
    assert first.postings[0]["tags"] == ["design"]
    # the operator's table: one row a feed, what came of it
    rows = {cells[0]: cells[1:] for line in first.table().splitlines()[2:]
            for cells in [[cell.strip() for cell in line.strip("|").split("|")]]}
    assert rows["board"] == ["read", "1", "0"] and rows["remotive"] == ["read", "0", "1"]
    assert rows["down"][0].startswith("failed since ") and "HTTP 500" in rows["down"][0] and rows["malformed"][0].startswith("failed since ")
    second = feeds.fetch_all()
    assert second.not_modified == ["board"] and not second.per_feed.get("board")  # ETag remembered between runs
    # a feed that answered but could not be read is tried again, not taken as fetched (before, the malformed feed was
    # 'not due' for an hour, then 'not modified' under its ETag, and its failure was never told again)
    assert set(second.errors) == {"down", "malformed"}
    assert "| board | not modified (HTTP 304) | 0 | 0 |" in second.table().splitlines()


def test_a_failing_feed_is_a_warning_in_the_dagster_ui_and_an_error_after_a_day(server, tmp_path):
    """Before, a feed that failed only wrote a line in the run's log and a row in its metadata: the run was green, and a
    board down for weeks went unnoticed."""
    from datetime import UTC, datetime, timedelta

    import dagster as dg

    from pipelines.definitions import ALL_ASSETS, build_resources
    from tests.conftest import seeded_settings

    settings = seeded_settings(tmp_path / "data")
    feeds_file = yaml.safe_load(settings.feeds_file.read_text())
    feeds_file["feeds"].append({"name": "down", "url": server.url + "/fail"})
    settings.feeds_file.write_text(yaml.safe_dump(feeds_file))
    state = settings.data_dir / "feeds_state.json"
    resources = {**build_resources(settings), "feeds": FeedsResource(feeds_file=str(settings.feeds_file), state_file=str(state),
                                                                     retries=0)}
    key = dg.AssetCheckKey(dg.AssetKey("job_postings_raw"), "feeds_read")
    with dg.instance_for_test() as instance:
        def fetch():
            assert dg.materialize(ALL_ASSETS, selection=["job_postings_raw"], instance=instance, resources=resources,
                                  partition_key=datetime.now(UTC).date().isoformat()).success  # the other feeds came in
            return instance.event_log_storage.get_latest_asset_check_execution_by_key([key])[key].event.dagster_event.event_specific_data

        first = fetch()
        assert not first.passed and first.severity == dg.AssetCheckSeverity.WARN
        assert first.metadata["feeds_failed"].value == 1
        [row] = first.metadata["failed"].value.splitlines()[2:]
        since = json.loads(state.read_text())["down"]["failing_since"]
        assert row.startswith(f"| down | {since[:10]} {since[11:16]} UTC | ") and "HTTP 500" in row
        assert fetch().metadata["failed"].value.splitlines()[2] == row  # still failing since the first time
        # a day later it still fails: an error
        saved = json.loads(state.read_text())
        saved["down"]["failing_since"] = (datetime.now(UTC) - timedelta(days=1, minutes=5)).isoformat()
        state.write_text(json.dumps(saved))
        later = fetch()
        assert not later.passed and later.severity == dg.AssetCheckSeverity.ERROR and later.metadata["failing_for_hours"].value >= 24
        # mended, it passes, and the next failure counts from then
        settings.feeds_file.write_text(settings.feeds_file.read_text().replace("/fail", "/board.rss"))
        mended = fetch()
        assert mended.passed and mended.metadata["feeds_failed"].value == 0 and "failed" not in mended.metadata
        assert "failing_since" not in json.loads(state.read_text())["down"]


@pytest.mark.parametrize("text, says", [
    ("feeds:\n  - name: board\n    url: board.rss\n    refresh_minute: 30\n", "feed 1 (board), refresh_minute: Extra inputs are not permitted"),
    ("feeds:\n  - name: board\n    url: board.rss\n    blocked_companies: Spammy Ltd\n", "feed 1 (board), blocked_companies: Input should be a valid list"),
    ("feeds:\n  - name: board\n    url: board.rss\n  - name: board\n    url: other.rss\n", "'board' is named more than once"),
    ("feeds:\n  - name: board\n    url: board.rss\n    kind: atom\n", "feed 1 (board), kind: Input should be 'rss', "),
    ("feeds:\n  - url: board.rss\n", "feed 1, name: Field required"),
    ("feeds: [\n", "is not valid YAML (line 2)"),
    ("- name: board\n", "should hold `feeds:` and a list of feeds"),
])
def test_a_feeds_file_with_a_mistake_says_where_and_fetches_nothing(tmp_path, text, says):
    """A misspelt key or a list written as one string used to change nothing, silently; invalid YAML failed the run."""
    (tmp_path / "feeds.yaml").write_text(text)
    fetched = FeedsResource(feeds_file=str(tmp_path / "feeds.yaml"), retries=0).fetch_all()
    assert not fetched.postings and list(fetched.errors) == ["<feeds file>"]
    assert says in fetched.errors["<feeds file>"] and str(tmp_path / "feeds.yaml") in fetched.errors["<feeds file>"]


def test_a_feeds_file_with_a_mistake_counts_since_when_as_a_failing_feed_does(tmp_path):
    """Nothing is fetched while the feeds file has a mistake: the feeds_read check turns to an error after a day of it,
    as for a feed (before, the file's failure had no 'since' and stayed a warning for good)."""
    from datetime import UTC, datetime, timedelta

    (tmp_path / "feeds.yaml").write_text("feeds:\n  - name: board\n    url: board.rss\n    refresh_minute: 30\n")
    feeds = FeedsResource(feeds_file=str(tmp_path / "feeds.yaml"), retries=0)
    first = feeds.fetch_all(now=datetime.now(UTC) - timedelta(days=2))
    later = feeds.fetch_all()
    assert later.failing_since["<feeds file>"] == first.failing_since["<feeds file>"]
    assert later.longest_failure(datetime.now(UTC)) > timedelta(days=1) and "| <feeds file> | " in later.failures_table()
    (tmp_path / "feeds.yaml").write_text("feeds:\n  - name: board\n    url: board.rss\n")
    (tmp_path / "board.rss").write_bytes(WWR_2022)
    mended = feeds.fetch_all()
    assert mended.per_feed == {"board": 1} and not mended.failing_since
    assert "<feeds file>" not in json.loads((tmp_path / "feeds_state.json").read_text())


def test_an_unreadable_feeds_state_costs_one_full_fetch_not_the_run(server, tmp_path):
    (tmp_path / "feeds.yaml").write_text(yaml.safe_dump({"feeds": [{"name": "board", "url": server.url + "/board.rss"}]}))
    (tmp_path / "feeds_state.json").write_text('{"board": {"etag": "')  # cut short, as a full disk leaves it
    feeds = FeedsResource(feeds_file=str(tmp_path / "feeds.yaml"), retries=0)
    fetched = feeds.fetch_all()
    assert fetched.per_feed == {"board": 1} and not fetched.errors
    [warning] = fetched.warnings
    assert "feeds_state.json could not be read" in warning and "fetched in full" in warning
    assert json.loads((tmp_path / "feeds_state.json").read_text())["board"]["etag"]  # written afresh
    assert not (tmp_path / "feeds_state.json.tmp").exists()
    assert not feeds.fetch_all().warnings


def test_feed_command_reads_json_apis_and_fails_with_a_reason(tmp_path):
    (tmp_path / "jobicy.json").write_bytes(JOBICY)
    (tmp_path / "bad.rss").write_bytes(b"<html><body>This board moved.</body></html>")
    done = subprocess.run([sys.executable, "-m", "jobfit.cli", "feed", str(tmp_path / "jobicy.json"), "--jsonl"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    [job] = [json.loads(line) for line in done.stdout.splitlines()]
    assert job["meta"]["salary"]["currency"] == "EUR" and job["meta"]["employment_type"] == "contract"
    assert {"rust", "kubernetes"} <= {s["id"] for s in job["meta"]["required_skills"]}
    failed = subprocess.run([sys.executable, "-m", "jobfit.cli", "feed", str(tmp_path / "bad.rss"), "--jsonl"],
                            capture_output=True, text=True, timeout=300)
    assert failed.returncode != 0 and "could not be read" in failed.stderr


def test_feed_command_suggests_a_salary_from_the_feed_s_stated_ones(tmp_path, capsys):
    from jobfit.cli import main

    jobs = [{"id": n, "url": f"https://remotive.example/remote-jobs/{n}", "title": "Senior Backend Developer",
             "company_name": f"Company {n}", "publication_date": "2026-11-20T10:00:00", "candidate_required_location": "USA",
             "job_type": "full_time", "salary": f"${100 + 10 * n}k - ${120 + 10 * n}k" if n < 6 else "",
             "description": "<p>Build APIs in Python and PostgreSQL.</p>"} for n in range(7)]
    (tmp_path / "board.json").write_text(json.dumps({"job-count": 7, "jobs": jobs}))
    assert main(["feed", str(tmp_path / "board.json"), "--jsonl"]) == 0
    out = {r["company"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    unstated = out["Company 6"]["meta"]
    assert "salary" not in unstated  # never shown as stated
    suggestion = unstated["salary_suggestion"]
    assert suggestion["currency"] == "USD" and suggestion["sample_size"] == 6 and 110_000 <= suggestion["min"] < suggestion["max"] <= 170_000
    assert "salary_suggestion" not in out["Company 0"]["meta"]  # a stated salary needs none


def test_the_same_job_from_two_feeds_is_one_posting_and_updates_replace():
    from jobfit.feeds import merge_duplicates

    board = read_feed(WWR_2022, feed_name="board")[0]
    mirror = {**board, "id": "other-url", "url": "https://mirror.example/job/9", "feed": "mirror"}
    assert mirror["fingerprint"] == board["fingerprint"]
    assert [p["feed"] for p in merge_duplicates([board, mirror])] == ["board"]  # one job, the first URL seen
    updated = {**board, "title": "Lead Product Designer", "fingerprint": "changed"}
    assert [p["title"] for p in merge_duplicates([board, updated])] == ["Lead Product Designer"]  # the update replaces
