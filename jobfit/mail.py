"""Digest e-mail: who gets which letter on a day, the letters themselves, and sending them over SMTP.

A candidate with an API key gets the digest of each of their active profiles (found by tenant and e-mail,
as the API finds them); a recruiter with an address gets one letter on their tenant's candidates. A letter
goes out only when there is something new, so a quiet day sends nothing.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid, parseaddr
from urllib.parse import parse_qs, unquote, urlsplit

from jobfit.access import Principal
from jobfit.digests import TEMPLATES
from jobfit.text import readable_case


class MailError(Exception):
    """The mail server could not be reached or refused us; nothing more can be sent in this attempt."""


@dataclass(frozen=True)
class SmtpServer:
    """Where mail goes: from a URL such as smtp://user:password@host:587 (STARTTLS when the server offers it, and
    required before a password is sent),
    smtps://host:465 (TLS from the start) or smtp://host:25?starttls=false (plain, for a relay on the same host)."""

    host: str
    port: int
    security: str  # 'starttls' (when offered), 'tls' or 'none'
    username: str = ""
    password: str = ""

    @classmethod
    def from_url(cls, url: str) -> SmtpServer:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise MailError(f"the SMTP URL {parts.scheme}://{parts.hostname or ''} is not smtp://host:port or smtps://host:port")
        options = {k: v[-1].lower() for k, v in parse_qs(parts.query).items()}
        security = "tls" if parts.scheme == "smtps" else "none" if options.get("starttls") in ("false", "0", "no") else "starttls"
        return cls(parts.hostname, parts.port or (465 if security == "tls" else 587 if security == "starttls" else 25), security,
                   unquote(parts.username or ""), unquote(parts.password or ""))


@dataclass
class Letter:
    recipient: str
    about: str  # the profile id of a candidate's letter, the tenant of a recruiter's, the run of a failure report
    kind: str  # 'candidate', 'recruiter', 'failure' or 'check'
    message: EmailMessage


def _message(sender: str, recipient: str, subject: str, text: str, html: str) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, recipient, subject
    message["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].partition("@")[2] or "jobfit.local")
    message["Auto-Submitted"] = "auto-generated"  # no out-of-office replies to a digest
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


def digest_text(digest: dict) -> str:
    """A digest as plain text, for mail readers that show no HTML."""
    fitting = len(digest["matches"])
    lines = [f"Hello {digest.get('name') or 'there'},", "",
             f"{fitting} posting{'s fit' if fitting != 1 else ' fits'} your profile on {digest['date']}, "
             f"{digest['new_matches']} of them new.", ""]
    for item in digest["matches"]:
        lines.append(f"{item['score']:.0f}  {readable_case(item['title'] or 'A posting')}" + (f" at {item['company']}" if item.get("company") else "")
                     + ("  [new]" if item["new"] else ""))
        if item.get("url"):
            lines.append(f"    {item['url']}")
        lines.extend(f"    - {reason}" for reason in item["reasons"][:3])
        lines.append("")
    return "\n".join(lines)


def candidate_letter(digest: dict, html: str, recipient: str, sender: str) -> EmailMessage:
    new = digest["new_matches"]
    subject = f"{new} new job match{'es' if new != 1 else ''} for you, {digest['date']}"
    return _message(sender, recipient, subject, digest_text(digest), html)


def recruiter_letter(tenant: str, day: str, digests: list[dict], recipient: str, sender: str) -> EmailMessage:
    """One letter on a tenant's candidates with new matches, the best new match of each, best first."""
    rows = []
    for digest in digests:
        new = [item for item in digest["matches"] if item["new"]]
        if new:
            best = max(new, key=lambda item: item["score"])
            rows.append({"name": digest.get("name") or digest["profile_id"], "profile_id": digest["profile_id"],
                         "new": len(new), "best": {**best, "title": readable_case(best["title"] or "A posting")}})
    rows.sort(key=lambda row: -row["best"]["score"])
    subject = f"{tenant}: {len(rows)} candidate{'s' if len(rows) != 1 else ''} with new matches, {day}"
    text = "\n".join([f"New matches for {tenant}'s candidates on {day}:", ""] + [
        f"{row['best']['score']:.0f}  {row['name']}: {row['best']['title']}"
        + (f" at {row['best']['company']}" if row["best"].get("company") else "") + f" ({row['new']} new)" for row in rows])
    html = TEMPLATES.get_template("recruiter_digest.html").render(tenant=tenant, day=day, rows=rows)
    return _message(sender, recipient, subject, text, html)


RETRIED = ("Dagster runs it again from where it stopped; nothing it had stored is lost. "
           "You hear again only if that run fails too.")


def failure_letter(job: str, run_id: str, reason: str, steps: dict[str, str], link: str, recipient: str,
                   sender: str, retried: bool = False) -> EmailMessage:
    """A letter to an operator on a failed run: which job, which steps failed and why, where to look, and whether
    Dagster runs it again by itself (`retried`: a run whose process was lost, see pipelines/orphans.py)."""
    lines = [f"The run {run_id} of {job} failed: {reason}", ""]
    lines += [f"Step {step}: {error}" for step, error in steps.items()] or ["No step failed: the run could not start or was stopped."]
    lines += ["", f"The run's logs: {link}", RETRIED if retried else "Re-run it from there once the cause is fixed; nothing it had stored is lost."]
    text = "\n".join(lines)
    html = TEMPLATES.get_template("failure.html").render(job=job, run_id=run_id, reason=reason, steps=steps, link=link,
                                                         retried=RETRIED if retried else "")
    return _message(sender, recipient, f"jobfit: {job} failed ({', '.join(steps) or 'before its steps'})", text, html)


def check_letter(check: str, description: str, details: str, link: str, recipient: str, sender: str) -> EmailMessage:
    """A letter to an operator on an asset check that failed with severity ERROR (a feed that has given nothing for a
    day): which check, what it checks, what fails, where to look."""
    text = "\n".join([f"The check {check} failed: {description}", "", details, "", f"The check in Dagster: {link}",
                       "You hear again when what fails changes."])
    html = TEMPLATES.get_template("check.html").render(check=check, description=description, details=details, link=link)
    return _message(sender, recipient, f"jobfit: {check} failed", text, html)


def plan_letters(day: str, digests: list[dict], htmls: dict[str, str], emails: dict[str, str],
                 principals: list[Principal], sender: str, already_sent: set[tuple[str, str]]) -> list[Letter]:
    """The day's letters not sent yet. `digests` are the day's digests, `htmls` their pages by profile id, `emails` the
    address each active profile states (lower case), `already_sent` the (recipient, about) pairs sent before."""
    letters = []
    for principal in principals:
        if not principal.email:
            continue
        address = formataddr((principal.name if principal.name not in ("candidate", "recruiter") else "", principal.email))
        if principal.role == "candidate":
            for digest in digests:
                pid = digest["profile_id"]
                if (digest["tenant"] == principal.tenant and emails.get(pid) == principal.email and digest["new_matches"]
                        and (principal.email, pid) not in already_sent):
                    letters.append(Letter(principal.email, pid, "candidate", candidate_letter(digest, htmls[pid], address, sender)))
        elif principal.role == "recruiter" and (principal.email, principal.tenant) not in already_sent:
            own = [d for d in digests if d["tenant"] == principal.tenant]
            if any(d["new_matches"] for d in own):
                letters.append(Letter(principal.email, principal.tenant, "recruiter",
                                      recruiter_letter(principal.tenant, day, own, address, sender)))
    return letters


class Postbox:
    """One SMTP session: `send` each letter, then close. Connection and login problems raise MailError; a recipient
    or message the server refuses is that letter's outcome, and the others still go."""

    def __init__(self, server: SmtpServer, timeout: float = 30.0):
        self.server = server
        try:
            if server.security == "tls":
                self.smtp = smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=ssl.create_default_context())
            else:
                self.smtp = smtplib.SMTP(server.host, server.port, timeout=timeout)
        except (OSError, smtplib.SMTPException) as exc:
            raise self._failed(exc) from exc
        try:
            if server.security == "starttls":
                self.smtp.ehlo()
                if self.smtp.has_extn("starttls"):
                    self.smtp.starttls(context=ssl.create_default_context())
                    self.smtp.ehlo()
                elif server.username:
                    raise MailError(f"mail server {server.host}:{server.port} offers no STARTTLS: the password is not sent "
                                    "in the clear (add ?starttls=false to the URL to allow it, on a trusted network only)")
            if server.username:
                self.smtp.login(server.username, server.password)
        except (OSError, smtplib.SMTPException, MailError) as exc:
            self.smtp.close()
            if isinstance(exc, MailError):
                raise
            raise self._failed(exc) from exc

    def send(self, letter: Letter) -> tuple[str, str | None]:
        """('sent', None) or ('refused', the server's reason)."""
        try:
            self.smtp.send_message(letter.message)
        except smtplib.SMTPRecipientsRefused as exc:
            code, reason = next(iter(exc.recipients.values()))
            return "refused", f"{code} {reason.decode(errors='replace') if isinstance(reason, bytes) else reason}"
        except smtplib.SMTPDataError as exc:
            return "refused", f"{exc.smtp_code} {exc.smtp_error.decode(errors='replace')}"
        except (OSError, smtplib.SMTPException) as exc:
            raise self._failed(exc) from exc
        return "sent", None

    def _failed(self, exc: Exception) -> MailError:
        return MailError(f"mail server {self.server.host}:{self.server.port}: {exc.__class__.__name__}: {exc}")

    def close(self) -> None:
        try:
            self.smtp.quit()
        except (OSError, smtplib.SMTPException):
            self.smtp.close()

    def __enter__(self) -> Postbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
