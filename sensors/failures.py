"""Failure reporting: a failed run is logged with its failed steps' errors and, when mail is on, sent to the operators
(admins in the API keys file with an e-mail address) with a link to the run in the Dagster UI. So is an asset check
that fails with severity ERROR (a feed that has given nothing for a day), once each time what fails changes."""

import json

import dagster as dg
from dagster._core.storage.tags import WILL_RETRY_TAG

from assets.documents import READERS_WORK
from assets.jobs import FEEDS_READ, job_postings_have_titles
from assets.matching import matches_respect_tenants
from jobfit.mail import Letter, MailError, check_letter, failure_letter
from pipelines.partitions import SETTINGS
from resources.mail import MailResource


def _what_ran(context: dg.RunFailureSensorContext) -> str:
    """The job's name, or for the runs Dagster names itself (automation, a materialization from the UI) the assets."""
    run = context.dagster_run
    if not run.job_name.startswith("__"):
        return run.job_name
    planned = context.instance.get_records_for_run(run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION_PLANNED).records
    assets = sorted({record.event_log_entry.dagster_event.asset_key.to_user_string() for record in planned})
    return "materializing " + (", ".join(assets[:3]) + (f" and {len(assets) - 3} more" if len(assets) > 3 else "") if assets else "assets")


def _step_errors(context: dg.RunFailureSensorContext) -> dict[str, str]:
    errors = {}
    for event in context.get_step_failure_events():
        error = event.event_specific_data.error
        if error is None:
            errors[event.step_key] = event.message or "failed without an error (see the run's logs)"
            continue
        while error.cause is not None:  # past Dagster's 'Error occurred while executing op' to what the code raised
            error = error.cause
        errors[event.step_key] = error.message.strip()  # 'ValueError: …'
    return errors


@dg.run_failure_sensor(
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Reports each failed run: its failed steps and errors in the sensor's log, and by e-mail to admins with an "
                "address when JOBFIT_SMTP_URL is set.",
)
def run_failure_report(context: dg.RunFailureSensorContext, mail: MailResource) -> None:
    run = context.dagster_run
    steps = _step_errors(context)
    reason = context.failure_event.message or "the run failed"
    what = _what_ran(context)
    # a run whose process was lost is run again by the daemon (run_retries in dagster.yaml), which tags it so
    retried = run.tags.get(WILL_RETRY_TAG) == "true"
    # a run can fail with no step failed (its process gone, a run worker crash): then the run's own reason says why
    context.log.error(f"run {run.run_id} ({what}) failed: " + ("; ".join(f"{k}: {v}" for k, v in steps.items()) or reason)
                      + ("; Dagster runs it again" if retried else ""))
    link = f"{SETTINGS.dagster_url.rstrip('/')}/runs/{run.run_id}"
    _mail_operators(context, mail, "failure report", lambda address: Letter(
        address, run.run_id, "failure", failure_letter(what, run.run_id, reason, steps, link, address, mail.sender, retried)))


def _mail_operators(context, mail: MailResource, what: str, *letter_to) -> int:
    """Each letter (made for an address) to each admin with an e-mail address, when mail is on; how many went out. A
    refused address or a mail outage is logged (the report itself is in the log already), never a failed sensor."""
    if not letter_to or not mail.enabled:
        return 0
    operators = [reader.email for reader in mail.readers() if reader.role == "admin" and reader.email]
    if not operators:
        return 0
    sent = 0
    try:
        with mail.postbox() as postbox:
            for letter in (make(address) for make in letter_to for address in operators):
                _, refused = postbox.send(letter)
                if refused:
                    context.log.warning(f"{what} to {letter.recipient} refused: {refused}")
                sent += not refused
    except MailError as exc:
        context.log.warning(f"{what} not mailed: {exc}")
    return sent


# The checks whose failures are reported, with what each checks (the description the Dagster UI shows)
REPORTED_CHECKS = {spec.key: spec.description for spec in (FEEDS_READ, READERS_WORK)} | {
    check.check_key: next(iter(check.check_specs)).description for check in (job_postings_have_titles, matches_respect_tenants)}


def _state(evaluation) -> str:
    """What a check's latest result says, as compared tick to tick: passed, or its severity and what fails."""
    if evaluation.passed:
        return "passed"
    failing = evaluation.metadata.get("failing")
    return f"{evaluation.severity.value}: {failing.value if failing else ''}"


def _details(evaluation) -> str:
    """The check's metadata as text: one 'name: value' line each, then its tables as they are."""
    items = sorted(evaluation.metadata.items())
    lines = [f"{name}: {value.value}" for name, value in items if not isinstance(value, dg.MarkdownMetadataValue) and name != "failing"]
    return "\n\n".join(["\n".join(lines)] + [value.value for _, value in items if isinstance(value, dg.MarkdownMetadataValue)])


@dg.sensor(
    minimum_interval_seconds=300,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Reports asset checks that fail: each change of what fails in the sensor's log, and one that fails with "
                "severity ERROR (a feed failing for a day) by e-mail to admins with an address when JOBFIT_SMTP_URL is set.",
)
def check_failure_report(context: dg.SensorEvaluationContext, mail: MailResource) -> dg.SkipReason:
    seen = json.loads(context.cursor) if context.cursor else {}
    latest = context.instance.event_log_storage.get_latest_asset_check_execution_by_key(list(REPORTED_CHECKS))
    news = []
    for key, record in latest.items():
        event = record.event.dagster_event if record.event else None  # (none yet while the check runs)
        if event is None or event.event_type != dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            continue
        evaluation, name = event.event_specific_data, key.to_user_string()
        state = _state(evaluation)
        if seen.get(name) == state:
            continue
        seen[name] = state
        if not evaluation.passed:
            news.append((key, evaluation))
    context.update_cursor(json.dumps(seen, sort_keys=True))
    for key, evaluation in news:
        say = context.log.error if evaluation.severity == dg.AssetCheckSeverity.ERROR else context.log.warning
        say(f"check {key.to_user_string()} failed ({evaluation.severity.value.lower()}): {_details(evaluation)}")
    errors = [(key, evaluation) for key, evaluation in news if evaluation.severity == dg.AssetCheckSeverity.ERROR]
    if not news:
        return dg.SkipReason("no check failed anew")

    def letter_on(key, evaluation):
        link = f"{SETTINGS.dagster_url.rstrip('/')}/assets/{key.asset_key.to_user_string()}?view=checks"
        return lambda address: Letter(address, key.to_user_string(), "check", check_letter(
            key.to_user_string(), REPORTED_CHECKS[key], _details(evaluation), link, address, mail.sender))

    sent = _mail_operators(context, mail, "check report", *(letter_on(key, evaluation) for key, evaluation in errors))
    return dg.SkipReason(f"{len(news)} checks failed anew" + (f"; {sent} letters to operators" if sent else ""))
