"""Notifications: e-mail over SMTP (report attached) and a JSON webhook (Slack/Teams-style).

Each channel is tried on its own: a mail server that is down must not keep the webhook from
firing. Failures are returned, never raised, so the watcher logs them and keeps running.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import smtplib
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

from contentcheck.nightly.config import EmailSettings, NightlySettings, WebhookSettings

log = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024  # most mail servers refuse more than 20-25 MB encoded


@dataclass
class Message:
    """What to tell people: a subject line, a plain-text body, files, details for a webhook."""

    subject: str
    text: str
    attachments: list[Path] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


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


def send_email(settings: EmailSettings, message: Message) -> None:
    """Send over SMTP with STARTTLS, implicit TLS or (on a trusted relay) neither.

    Raises OSError/smtplib.SMTPException; ``deliver`` turns them into a logged failure."""
    mail = build_email(settings, message)
    if settings.security == "ssl":
        client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                                context=_tls_context(settings))
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    with client:
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
        client.send_message(mail)


def webhook_payload(settings: WebhookSettings, message: Message) -> dict[str, Any]:
    """Slack incoming webhooks and most chat bridges read ``text``; Teams' connector reads a
    MessageCard; ``json`` adds the details for a script of your own."""
    if settings.style == "teams":
        return {"@type": "MessageCard", "@context": "https://schema.org/extensions",
                "summary": message.subject, "title": message.subject,
                "text": message.text.replace("\n", "  \n")}
    payload: dict[str, Any] = {"text": f"*{message.subject}*\n{message.text}"}
    if settings.style == "json":
        payload.update(subject=message.subject, **message.details)
    return payload


def post_webhook(settings: WebhookSettings, message: Message) -> None:
    """POST the payload as JSON; anything but a 2xx answer is a failure."""
    body = json.dumps(webhook_payload(settings, message), ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(settings.url, data=body, method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8",
                                              "User-Agent": "contentcheck"})
    with urllib.request.urlopen(request, timeout=settings.timeout) as response:  # noqa: S310 (config URL)
        if not 200 <= response.status < 300:
            raise urllib.error.HTTPError(settings.url, response.status, "webhook refused",
                                         response.headers, None)


def _safe_url(url: str) -> str:
    """The URL without its path: webhook paths hold tokens that must not land in logs."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}/..."


def _channels(settings: NightlySettings) -> list[tuple[str, Callable[[Message], None]]]:
    channels: list[tuple[str, Callable[[Message], None]]] = []
    if settings.email is not None:
        email = settings.email
        channels.append((f"e-mail via {email.host}:{email.port}", lambda m: send_email(email, m)))
    if settings.webhook is not None:
        webhook = settings.webhook
        channels.append((f"webhook {_safe_url(webhook.url)}", lambda m: post_webhook(webhook, m)))
    return channels


def _send_each(channels: list[tuple[str, Callable[[Message], None]]],
               message: Message) -> dict[str, str]:
    """Each channel that failed, with one line saying how."""
    failures = {}
    for target, send in channels:
        try:
            send(message)
            log.info("%s: delivered %r", target, message.subject)
        except (OSError, ValueError, smtplib.SMTPException) as exc:  # URLError, SSLError are OSErrors
            failures[target] = f"{target} failed: {type(exc).__name__}: {exc}"
            log.error("notification %s", failures[target])
    return failures


def deliver(settings: NightlySettings, message: Message) -> list[str]:
    """Send on every configured channel; return one line per channel that failed. When one
    channel fails and another works, the working one also says so: a dead mail server must
    not go unnoticed just because the chat message arrived."""
    channels = _channels(settings)
    failures = _send_each(channels, message)
    working = [channel for channel in channels if channel[0] not in failures]
    if failures and working:
        _send_each(working, Message(subject="notification failed",
                                    text="A contentcheck notification could not be delivered:\n"
                                         + "".join(f"  {line}\n" for line in failures.values())))
    return list(failures.values())
