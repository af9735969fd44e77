"""E-mail over SMTP (``[notify.email]``), the Excel report attached.

STARTTLS, implicit TLS or (on a trusted relay) neither; the password comes from an environment
variable, never the file. Every step runs under the delivery's total deadline.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

from contentcheck.errors import SettingsError
from contentcheck.nightly.notify.base import Deadline, Message
from contentcheck.config import Config, Keys, check_keys, choice, positive

ID = "email"
log = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024  # most mail servers refuse more than 20-25 MB encoded
SECURITY = {"starttls": 587, "ssl": 465, "none": 25}
KEYS: Keys = {
    "host": str, "port": int, "security": str, "sender": str, "recipients": list,
    "username": str, "password_env": str, "timeout": (int, float), "deadline": (int, float),
    "ca_file": str, "subject_prefix": str,
}


@dataclass(frozen=True)
class EmailSettings:
    host: str
    port: int
    security: str  # starttls | ssl | none
    sender: str
    recipients: tuple[str, ...]
    username: str | None = None
    password_env: str = "CONTENTCHECK_SMTP_PASSWORD"
    timeout: float = 30.0  # per network step
    deadline: float = 120.0  # the whole delivery, however slowly the server answers
    ca_file: Path | None = None  # a private CA (or a test's own certificate)
    subject_prefix: str = "[contentcheck]"

    def password(self) -> str | None:
        """Read at send time, so a rotated secret needs no restart."""
        return os.environ.get(self.password_env) or None


def settings(config: Config, table: dict[str, Any]) -> EmailSettings:
    where = f"{config.path}: [notify.email]"
    if "password" in table:
        raise SettingsError(f"{where} password must not be in the file; set it in the environment "
                            f"variable named by password_env (default CONTENTCHECK_SMTP_PASSWORD)")
    check_keys(where, table, KEYS)
    for key in ("host", "sender", "recipients"):
        if not table.get(key):
            raise SettingsError(f"{where} needs {key}")
    if not all(isinstance(r, str) and "@" in r for r in table["recipients"]):
        raise SettingsError(f"{where} recipients must be e-mail addresses")
    security = choice(where, "security", table.get("security", "starttls"), SECURITY)
    return EmailSettings(
        host=table["host"], port=table.get("port", SECURITY[security]), security=security,
        sender=table["sender"], recipients=tuple(table["recipients"]),
        username=table.get("username"),
        password_env=table.get("password_env", "CONTENTCHECK_SMTP_PASSWORD"),
        timeout=positive(where, "timeout", table.get("timeout", 30)),
        deadline=positive(where, "deadline", table.get("deadline", 120)),
        ca_file=config.resolve(table["ca_file"]) if table.get("ca_file") else None,
        subject_prefix=table.get("subject_prefix", "[contentcheck]"))


def target(settings: EmailSettings) -> str:
    return f"e-mail via {settings.host}:{settings.port}"


def _tls_context(settings: EmailSettings) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(settings.ca_file) if settings.ca_file else None)


def build_email(settings: EmailSettings, message: Message) -> EmailMessage:
    mail = EmailMessage()
    mail["Subject"] = f"{settings.subject_prefix} {message.subject}".strip()
    mail["From"] = settings.sender
    mail["To"] = ", ".join(settings.recipients)
    mail["Date"] = formatdate(localtime=True)
    mail["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2] or None)
    mail.set_content(message.text)
    for path in message.attachments:
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            log.warning("%s: %d bytes, too big to attach; the mail names its path", path, size)
            continue
        kind, _ = mimetypes.guess_type(path.name)
        maintype, _, subtype = (kind or "application/octet-stream").partition("/")
        mail.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    return mail


def send(settings: EmailSettings, message: Message, deadline: Deadline) -> None:
    """Send the mail; raises OSError/smtplib.SMTPException (``deliver`` logs them).

    The client is made unconnected so its socket is registered with the deadline before the
    server's first (possibly endless ``220-``) greeting is read."""
    mail = build_email(settings, message)
    timeout = deadline.timeout(settings.timeout)
    client: smtplib.SMTP
    if settings.security == "ssl":
        client = smtplib.SMTP_SSL(timeout=timeout, context=_tls_context(settings))
    else:
        client = smtplib.SMTP(timeout=timeout)
    client._host = settings.host  # type: ignore[attr-defined]  # the name TLS verifies (set by __init__ only)
    deadline.watch(lambda: client.sock)
    try:
        client.connect(settings.host, settings.port)
        deadline.left()
        client.ehlo()
        if settings.security == "starttls":
            client.starttls(context=_tls_context(settings))
            client.ehlo()
        if settings.username:
            password = settings.password()
            if password is None:
                raise smtplib.SMTPException(
                    f"no password: set the environment variable {settings.password_env}")
            client.login(settings.username, password)
        deadline.left()
        refused = client.send_message(mail)
        if refused:  # taken for some recipients only: not delivered (smtplib does not raise)
            raise smtplib.SMTPException("refused for " + ", ".join(
                f"{address} ({code} {_text(answer)})" for address, (code, answer) in refused.items()))
        deadline.delivered()
        client.quit()
    finally:
        client.close()


def _text(answer: bytes | str) -> str:
    """A server's answer as one line of text."""
    if isinstance(answer, bytes):
        answer = answer.decode("utf-8", "replace")
    return " ".join(answer.split())
