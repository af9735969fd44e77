"""A JSON webhook (``[notify.webhook]``): Slack, Microsoft Teams (Workflows), or plain JSON.

``style = "slack"`` posts ``{"text": ...}`` (Slack incoming webhooks and most chat bridges);
``"teams"`` posts the message-with-Adaptive-Card payload that a Teams Workflows "When a Teams
webhook request is received" flow reads (the Office 365 connector MessageCard is retired);
``"json"`` adds the run's details for a script of your own. The URL holds a token: logs and
errors name only its host.
"""

from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from contentcheck.errors import SettingsError
from contentcheck.nightly.notify.base import Deadline, Message
from contentcheck.config import Config, Keys, check_keys, choice, positive

ID = "webhook"
STYLES = ("slack", "teams", "json")
KEYS: Keys = {
    "url": str, "url_env": str, "style": str, "timeout": (int, float), "deadline": (int, float),
}
CARD_MAX_CHARS = 20_000  # Teams refuses messages over about 28 KB; the report has the rest


@dataclass(frozen=True)
class WebhookSettings:
    url: str
    style: str = "slack"  # slack | teams | json
    timeout: float = 10.0  # per network step
    deadline: float = 30.0  # the whole delivery


def settings(config: Config, table: dict[str, Any]) -> WebhookSettings:
    where = f"{config.path}: [notify.webhook]"
    check_keys(where, table, KEYS)
    url = table.get("url") or (os.environ.get(table["url_env"], "") if table.get("url_env") else "")
    if not url:
        raise SettingsError(f"{where} needs url, or url_env naming a set environment variable")
    if not url.startswith(("http://", "https://")):
        raise SettingsError(f"{where} url must start with http:// or https://")
    return WebhookSettings(url=url, style=choice(where, "style", table.get("style", "slack"), STYLES),
                           timeout=positive(where, "timeout", table.get("timeout", 10)),
                           deadline=positive(where, "deadline", table.get("deadline", 30)))


def target(settings: WebhookSettings) -> str:
    """The URL without its path: webhook paths hold tokens that must not land in logs."""
    scheme, _, rest = settings.url.partition("://")
    return f"webhook {scheme}://{rest.split('/', 1)[0]}/..."


def payload(settings: WebhookSettings, message: Message) -> dict[str, Any]:
    if settings.style == "teams":
        return teams_card(message)
    text = f"*{message.subject}*\n{message.text}"
    if settings.style == "slack":
        text = slack_escaped(text)
    body: dict[str, Any] = {"text": text}
    if settings.style == "json":
        body.update(subject=message.subject, **message.details)
    return body


def slack_escaped(text: str) -> str:
    """Calendar text as Slack shows it, never as its markup: Slack reads ``<!channel>``,
    ``<!here>``, ``<@U123>`` and ``<url|label>`` in a message as mentions and links, so a
    flagged post holding one would ping a whole channel at night. Slack's rule: escape
    ``&``, ``<`` and ``>`` (and nothing else)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def teams_card(message: Message) -> dict[str, Any]:
    """A message carrying one Adaptive Card: a bold title, then the text as written."""
    text = message.text if len(message.text) <= CARD_MAX_CHARS else \
        message.text[:CARD_MAX_CHARS] + "\n... (cut; the report has everything)"
    card = {"$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "type": "AdaptiveCard", "version": "1.2",
            "body": [{"type": "TextBlock", "text": message.subject, "weight": "Bolder",
                      "size": "Medium", "wrap": True},
                     {"type": "TextBlock", "text": text, "wrap": True, "fontType": "Monospace"}]}
    return {"type": "message",
            "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive",
                             "contentUrl": None, "content": card}]}


def send(settings: WebhookSettings, message: Message, deadline: Deadline) -> None:
    """POST the payload as JSON; anything but a 2xx answer is a failure."""
    body = json.dumps(payload(settings, message), ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(settings.url, data=body, method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8",
                                              "User-Agent": "contentcheck"})
    opener = _opener(deadline)
    with opener.open(request, timeout=deadline.timeout(settings.timeout)) as response:
        if not 200 <= response.status < 300:
            raise urllib.error.HTTPError(settings.url, response.status, "webhook refused",
                                         response.headers, None)
        deadline.delivered()


def _opener(deadline: Deadline) -> urllib.request.OpenerDirector:
    """urllib as usual (proxies from the environment included), with every connection's
    socket registered with the deadline so a trickling server can be cut off."""

    class Watched(http.client.HTTPConnection):
        def connect(self) -> None:
            deadline.watch(lambda: self.sock)
            super().connect()

    class WatchedTLS(http.client.HTTPSConnection):
        def connect(self) -> None:
            deadline.watch(lambda: self.sock)
            super().connect()

    class Plain(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Watched, req)

    class Secure(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(WatchedTLS, req, context=self._context)  # type: ignore[attr-defined]

    return urllib.request.build_opener(Plain, Secure, _NotFollowed)


class _NotFollowed(urllib.request.HTTPRedirectHandler):
    """A redirect is a failure: urllib follows a 301/302/303 to a POST as a GET without the
    body, and a 200 to that GET would be counted as a delivered message nobody saw."""

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> None:
        place = urllib.parse.urlsplit(newurl)._replace(query="", fragment="").geturl()  # no token
        raise urllib.error.HTTPError(
            req.full_url, code, f"redirected to {place} (a redirect is not followed: the "
            "message would be sent without its body); put that address in the url setting",
            headers, fp)
