"""Run-failure reporting: a failed run is logged with its failed steps' errors and, when mail is on, sent to the
operators (admins in the API keys file with an e-mail address) with a link to the run in the Dagster UI."""

import dagster as dg

from jobfit.mail import Letter, MailError, failure_letter
from pipelines.partitions import SETTINGS
from resources.mail import MailResource


def _step_errors(context: dg.RunFailureSensorContext) -> dict[str, str]:
    errors = {}
    for event in context.get_step_failure_events():
        error = event.event_specific_data.error
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
    context.log.error(f"run {run.run_id} of {run.job_name} failed: " + "; ".join(f"{k}: {v}" for k, v in steps.items()))
    operators = [reader for reader in mail.readers() if reader.role == "admin" and reader.email]
    if not mail.enabled or not operators:
        return
    link = f"{SETTINGS.dagster_url.rstrip('/')}/runs/{run.run_id}"
    letters = [Letter(o.email, run.run_id, "failure", failure_letter(run.job_name, run.run_id, reason, steps, link, o.email, mail.sender))
               for o in operators]
    try:
        with mail.postbox() as postbox:
            for letter in letters:
                status, refused = postbox.send(letter)
                if refused:
                    context.log.warning(f"failure report to {letter.recipient} refused: {refused}")
    except MailError as exc:  # the report is in the log above; a mail outage must not fail the sensor
        context.log.warning(f"failure report not mailed: {exc}")
