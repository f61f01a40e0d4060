"""Run-failure reporting: a failed run is logged with its failed steps' errors and, when mail is on, sent to the
operators (admins in the API keys file with an e-mail address) with a link to the run in the Dagster UI."""

import dagster as dg
from dagster._core.storage.tags import WILL_RETRY_TAG

from jobfit.mail import Letter, MailError, failure_letter
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
    operators = [reader for reader in mail.readers() if reader.role == "admin" and reader.email]
    if not mail.enabled or not operators:
        return
    link = f"{SETTINGS.dagster_url.rstrip('/')}/runs/{run.run_id}"
    letters = [Letter(o.email, run.run_id, "failure", failure_letter(what, run.run_id, reason, steps, link, o.email, mail.sender, retried))
               for o in operators]
    try:
        with mail.postbox() as postbox:
            for letter in letters:
                status, refused = postbox.send(letter)
                if refused:
                    context.log.warning(f"failure report to {letter.recipient} refused: {refused}")
    except MailError as exc:  # the report is in the log above; a mail outage must not fail the sensor
        context.log.warning(f"failure report not mailed: {exc}")
