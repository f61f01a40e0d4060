"""Digest e-mail through a real SMTP server on 127.0.0.1 (aiosmtpd): who gets which letter, once."""

import shutil

import dagster as dg
import duckdb
import pytest
import yaml

from jobfit.access import Principal
from jobfit.mail import MailError, Postbox, SmtpServer, plan_letters
from tests.services import MailServer, free_port


def test_smtp_urls_name_the_server_its_security_and_login():
    assert SmtpServer.from_url("smtp://ann:p%40ss@mail.example.com:587") == SmtpServer("mail.example.com", 587, "starttls", "ann", "p@ss")
    assert SmtpServer.from_url("smtps://mail.example.com") == SmtpServer("mail.example.com", 465, "tls")
    assert SmtpServer.from_url("smtp://localhost?starttls=false") == SmtpServer("localhost", 25, "none")
    with pytest.raises(MailError, match="is not smtp://host:port"):
        SmtpServer.from_url("http://mail.example.com")


def digest(pid, tenant, new, title="Data Engineer"):
    return {"profile_id": pid, "tenant": tenant, "name": f"Person {pid}", "date": "2026-12-04", "new_matches": new,
            "matches": [{"job_id": "j1", "title": title, "company": "Flow Co", "url": None, "score": 81.0, "new": new > 0,
                         "reasons": ["Has 3 of 4 required skills."], "matched_skills": [], "missing_skills": [], "components": []}]}


def test_each_reader_gets_only_their_own_news():
    digests = [digest("p1", "acme", 2, "SENIOR DATA ENGINEER"), digest("p2", "acme", 0), digest("p3", "globex", 1)]
    emails = {"p1": "ann@example.com", "p2": "bob@example.com", "p3": "ann@example.com"}
    readers = [Principal("candidate", "Ann", "acme", "ann@example.com"),  # p3 is another tenant's, with her address
               Principal("candidate", "Bob", "acme", "bob@example.com"),  # nothing new for him: no letter
               Principal("recruiter", "Lead", "acme", "lead@acme.example"), Principal("recruiter", "Globex", "globex"),
               Principal("admin", "admin")]
    letters = plan_letters("2026-12-04", digests, {d["profile_id"]: "<html></html>" for d in digests}, emails, readers,
                           "jobfit <jobs@example.com>", set())
    assert [(x.recipient, x.about, x.kind) for x in letters] == [("ann@example.com", "p1", "candidate"), ("lead@acme.example", "acme", "recruiter")]
    candidate, recruiter = (x.message for x in letters)
    assert candidate["Subject"] == "2 new job matches for you, 2026-12-04" and candidate["To"] == "Ann <ann@example.com>"
    assert "81  Senior Data Engineer at Flow Co  [new]" in candidate.get_body(("plain",)).get_content()
    assert recruiter["Subject"] == "acme: 1 candidate with new matches, 2026-12-04"
    assert "Person p1" in recruiter.get_body(("html",)).get_content()
    # sent before: not again
    assert plan_letters("2026-12-04", digests, {d["profile_id"]: "" for d in digests}, emails, readers, "jobfit <j@x>",
                        {("ann@example.com", "p1"), ("lead@acme.example", "acme")}) == []


def test_an_unreachable_mail_server_says_which():
    with pytest.raises(MailError, match=r"mail server 127\.0\.0\.1:\d+: ConnectionRefusedError"):
        Postbox(SmtpServer("127.0.0.1", free_port(), "none"), timeout=5)


def mail_log(settings):
    with duckdb.connect(str(settings.layout.warehouse_path), read_only=True) as con:
        return con.execute("SELECT recipient, about, kind, status FROM mail_log ORDER BY recipient, about").fetchall()


def test_the_days_digests_are_mailed_once_and_a_refused_address_does_not_stop_the_rest(pipeline_run, tmp_path):
    from pipelines.definitions import ALL_ASSETS, build_resources
    from resources.settings import Settings

    shared, _ = pipeline_run
    shutil.copytree(shared.data_dir, tmp_path / "data")
    keys = tmp_path / "api_keys.yaml"
    keys.write_text(yaml.safe_dump({"keys": [
        {"key": "k1", "role": "candidate", "tenant": "acme", "email": "Priya.Raman@example.com", "name": "Priya Raman"},
        {"key": "k2", "role": "recruiter", "tenant": "acme", "email": "lead@acme.example", "name": "Acme lead"},
        {"key": "k3", "role": "recruiter", "tenant": "globex", "email": "gone@globex.example"},
    ]}))
    # the day the pipeline made its digests, not today: a suite that runs past midnight mails the day it made
    with duckdb.connect(str(shared.layout.warehouse_path), read_only=True) as con:
        [(day,)] = con.execute("SELECT DISTINCT CAST(date AS VARCHAR) FROM digests").fetchall()
    with MailServer(refuse=("gone@globex.example",), credentials=("jobfit", "s3cret")) as server:
        settings = Settings(data_dir=tmp_path / "data", inbox_dir=tmp_path / "data/inbox", feeds_file=tmp_path / "data/feeds.yaml",
                            api_keys_file=keys, smtp_url=f"smtp://jobfit:s3cret@127.0.0.1:{server.port}?starttls=false",
                            mail_from="jobfit <digests@jobfit.example>")
        resources = build_resources(settings)

        def send():
            with dg.instance_for_test() as instance:
                result = dg.materialize(ALL_ASSETS, selection=["digest_mail"], partition_key=day, instance=instance,
                                        resources=resources)
                return result.asset_materializations_for_node("digest_mail")[0].metadata

        # a password goes in the clear only when the URL says so
        with pytest.raises(MailError, match="offers no STARTTLS: the password is not sent in the clear"):
            Postbox(SmtpServer.from_url(f"smtp://jobfit:s3cret@127.0.0.1:{server.port}"))
        first = send()
        assert (first["sent"].value, first["refused"].value) == (2, 1)
        assert [ok for _, ok in server.logins] == [True]  # one session, logged in with the URL's credentials
        letters = {tuple(rcpt): message for (_, rcpt), message in zip(server.envelopes, server.messages, strict=True)}
        priya, lead = letters[("priya.raman@example.com",)], letters[("lead@acme.example",)]
        assert priya["Subject"].endswith(f"new job matches for you, {day}") and priya["From"] == "jobfit <digests@jobfit.example>"
        html = priya.get_body(("html",)).get_content()
        assert "Your matches for" in html and "Hello Priya Raman" in html
        assert lead["Subject"] == f"acme: 3 candidates with new matches, {day}"
        table = lead.get_body(("html",)).get_content()
        assert all(name in table for name in ("Priya Raman", "James Okafor", "Maria Lopez")) and "Tom Becker" not in table
        with duckdb.connect(str(settings.layout.warehouse_path), read_only=True) as con:
            [(priya_id,)] = con.execute("SELECT profile_id FROM profiles WHERE name = 'Priya Raman'").fetchall()
        assert mail_log(settings) == [("gone@globex.example", "globex", "recruiter", "refused"),
                                      ("lead@acme.example", "acme", "recruiter", "sent"),
                                      ("priya.raman@example.com", priya_id, "candidate", "sent")]

        second = send()  # a re-run sends nothing twice; the refused address is tried again
        assert (second["sent"].value, second["refused"].value, second["sent_before"].value) == (0, 1, 2)
        assert len(server.messages) == 2


def test_a_failed_run_is_reported_to_the_operators_with_its_step_errors(tmp_path):
    from resources.mail import MailResource
    from sensors.failures import run_failure_report

    @dg.asset
    def fetched_feed():
        raise ValueError("feed 'acme-internal' answered HTTP 500 after 4 attempts")

    keys = tmp_path / "api_keys.yaml"
    keys.write_text(yaml.safe_dump({"keys": [
        {"key": "a1", "role": "admin", "email": "ops@example.com", "name": "Ops"}, {"key": "a2", "role": "admin"},
        {"key": "r1", "role": "recruiter", "tenant": "acme", "email": "lead@acme.example"}]}))
    with dg.instance_for_test() as instance:
        result = dg.materialize([fetched_feed], instance=instance, raise_on_error=False)
        assert not result.success

        def report(port):
            mail = MailResource(smtp_url=f"smtp://127.0.0.1:{port}?starttls=false", readers_file=str(keys))
            run_failure_report(dg.build_run_status_sensor_context(
                sensor_name="run_failure_report", dagster_event=result.get_run_failure_event(), dagster_instance=instance,
                dagster_run=result.dagster_run, resources={"mail": mail}).for_run_failure())

        with MailServer() as server:
            report(server.port)
        report(free_port())  # with the mail server down the sensor still finishes: the report stays in its log
    [(_, recipients)] = server.envelopes
    assert recipients == ["ops@example.com"]  # operators only, and only those with an address
    [letter] = server.messages
    assert letter["Subject"] == "jobfit: materializing fetched_feed failed (fetched_feed)"
    text = letter.get_body(("plain",)).get_content()
    assert "Step fetched_feed:" in text and "ValueError: feed 'acme-internal' answered HTTP 500 after 4 attempts" in text
    assert f"http://127.0.0.1:3000/runs/{result.run_id}" in text


def test_a_feed_failing_for_a_day_is_mailed_to_the_operators_once(tmp_path):
    """Before, a failing feed was at most a check in the Dagster UI: nobody heard of a board that gave nothing for days."""
    import json
    from datetime import UTC, datetime, timedelta

    from pipelines.definitions import ALL_ASSETS, build_resources
    from resources.feeds import FeedsResource
    from resources.mail import MailResource
    from sensors.failures import check_failure_report
    from tests.conftest import seeded_settings
    from tests.services import FeedServer

    settings = seeded_settings(tmp_path / "data")
    keys = tmp_path / "api_keys.yaml"
    keys.write_text(yaml.safe_dump({"keys": [{"key": "a1", "role": "admin", "email": "ops@example.com"},
                                             {"key": "r1", "role": "recruiter", "tenant": "acme", "email": "lead@acme.example"}]}))
    state = settings.data_dir / "feeds_state.json"
    board = (settings.data_dir / "feeds" / "jobs.rss").read_bytes()
    with FeedServer({"/board.rss": board}) as feed_server, MailServer() as server, dg.instance_for_test() as instance:
        feeds = yaml.safe_load(settings.feeds_file.read_text())
        feeds["feeds"].append({"name": "down", "url": feed_server.url + "/fail", "refresh_minutes": 0})
        settings.feeds_file.write_text(yaml.safe_dump(feeds))
        resources = {**build_resources(settings), "feeds": FeedsResource(feeds_file=str(settings.feeds_file), state_file=str(state), retries=0)}
        mail = MailResource(smtp_url=f"smtp://127.0.0.1:{server.port}?starttls=false", readers_file=str(keys))
        cursor = None

        def fetch_then_tick(days_failing=0):
            nonlocal cursor
            if days_failing:
                saved = json.loads(state.read_text())
                saved["down"]["failing_since"] = (datetime.now(UTC) - timedelta(days=days_failing)).isoformat()
                state.write_text(json.dumps(saved))
            assert dg.materialize(ALL_ASSETS, selection=["job_postings_raw"], instance=instance, resources=resources,
                                  partition_key=datetime.now(UTC).date().isoformat()).success
            context = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"mail": mail})
            skipped = check_failure_report(context)
            cursor = context.cursor
            return skipped.skip_message

        assert fetch_then_tick() == "1 checks failed anew" and not server.messages  # failing an hour: a warning, logged
        assert fetch_then_tick() == "no check failed anew"
        assert fetch_then_tick(days_failing=2) == "1 checks failed anew; 1 letters to operators"
        [letter] = server.messages
        assert letter["To"] == "ops@example.com" and letter["Subject"] == "jobfit: job_postings_raw:feeds_read failed"
        text = letter.get_body(("plain",)).get_content()
        assert "| down | " in text and "HTTP 500" in text and "failing_for_hours: 48" in text
        assert "http://127.0.0.1:3000/assets/job_postings_raw?view=checks" in text
        assert fetch_then_tick() == "no check failed anew" and len(server.messages) == 1  # once, not every hour
        settings.feeds_file.write_text(settings.feeds_file.read_text().replace("/fail", "/board.rss"))
        assert fetch_then_tick() == "no check failed anew"  # mended
        assert json.loads(cursor)["job_postings_raw:feeds_read"] == "passed"
        settings.feeds_file.write_text(settings.feeds_file.read_text().replace("/board.rss", "/fail"))
        assert fetch_then_tick() == "1 checks failed anew"
        assert fetch_then_tick(days_failing=1.5) == "1 checks failed anew; 1 letters to operators"  # a new failure, a new letter
        assert len(server.messages) == 2


def test_a_mistake_in_the_mail_settings_fails_at_once_and_says_where(tmp_path):
    from assets.digests import digest_mail
    from resources.mail import MailResource
    from resources.storage import StorageResource

    keys = tmp_path / "api_keys.yaml"
    keys.write_text(yaml.safe_dump({"keys": [{"key": "c1", "role": "candidate", "tenant": "acme"}]}))  # no e-mail
    storage = StorageResource(data_dir=str(tmp_path / "data"), inbox_dir=str(tmp_path / "inbox"))
    for url, problem in ((f"smtp://127.0.0.1:{free_port()}", "key 1 (candidate) needs the candidate's email"),
                         ("mailto:ops@example.com", "is not smtp://host:port")):
        if "mailto" in url:
            keys.write_text(yaml.safe_dump({"keys": []}))
        with dg.instance_for_test() as instance:
            result = dg.materialize([digest_mail], partition_key="2026-12-04", instance=instance, raise_on_error=False,
                                    resources={"storage": storage, "mail": MailResource(smtp_url=url, readers_file=str(keys))})
            [failure] = [e for e in result.all_events if e.event_type == dg.DagsterEventType.STEP_FAILURE]
            assert problem in failure.event_specific_data.user_failure_data.description
            # not retried: one attempt, however long the retry policy's wait
            assert sum(1 for e in result.all_events if e.event_type == dg.DagsterEventType.STEP_START) == 1


@pytest.mark.parametrize("retries", [False, True])
def test_a_run_that_failed_with_no_step_failed_is_reported_with_its_reason(tmp_path, capfd, retries):
    """A run failed from outside (its process gone, see pipelines/orphans.py) has no step error: the report gives the
    run's own reason, and says whether Dagster runs it again (run retries on, as jobfit's dagster.yaml has them)."""
    from dagster._core.events import JobFailureData, RunFailureReason

    from resources.mail import MailResource
    from sensors.failures import run_failure_report

    @dg.asset
    def fetched_feed():
        return 1

    keys = tmp_path / "api_keys.yaml"
    keys.write_text(yaml.safe_dump({"keys": [{"key": "a1", "role": "admin", "email": "ops@example.com"}]}))
    overrides = {"run_retries": {"enabled": True, "max_retries": 1, "retry_on_asset_or_op_failure": False}} if retries else {}
    with dg.instance_for_test(overrides=overrides) as instance:
        run = dg.materialize([fetched_feed], instance=instance).dagster_run
        reason = "jobfit marked this run failed: the process that ran it (pid 4242) is gone"
        failure = instance.report_run_failed(run, reason, JobFailureData(None, RunFailureReason.UNEXPECTED_TERMINATION))
        with MailServer() as server:
            mail = MailResource(smtp_url=f"smtp://127.0.0.1:{server.port}?starttls=false", readers_file=str(keys))
            run_failure_report(dg.build_run_status_sensor_context(
                sensor_name="run_failure_report", dagster_event=failure, dagster_instance=instance,
                dagster_run=instance.get_run_by_id(run.run_id), resources={"mail": mail}).for_run_failure())
    logged = capfd.readouterr().err
    assert f"run {run.run_id} (materializing fetched_feed) failed: {reason}" in logged
    assert ("Dagster runs it again" in logged) == retries
    [letter] = server.messages
    text, html = letter.get_body(("plain",)).get_content(), letter.get_body(("html",)).get_content()
    assert reason in text
    for body in (text, html):
        assert ("Dagster runs it again from where it stopped" in body) == retries
        assert ("re-run it" in body.lower()) != retries
