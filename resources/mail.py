"""Mail: the SMTP server digests go out through, and who reads them (the API keys file)."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from jobfit.access import Principal, read_principals
from jobfit.mail import Postbox, SmtpServer
from resources.settings import Settings


class MailResource(dg.ConfigurableResource):
    smtp_url: str = ""  # empty: mail is off
    sender: str = "jobfit <jobfit@localhost>"
    readers_file: str = ""  # the API keys file: readers with an e-mail address get digests
    timeout_seconds: float = 30.0

    @classmethod
    def from_settings(cls, settings: Settings) -> MailResource:
        return cls(smtp_url=settings.smtp_url, sender=settings.mail_from, readers_file=str(settings.api_keys_file))

    @property
    def enabled(self) -> bool:
        return bool(self.smtp_url)

    def readers(self) -> list[Principal]:
        path = Path(self.readers_file)
        return list(read_principals(path).values()) if self.readers_file and path.exists() else []

    def postbox(self) -> Postbox:
        return Postbox(SmtpServer.from_url(self.smtp_url), timeout=self.timeout_seconds)
