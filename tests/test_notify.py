"""Notifications against real servers on localhost: SMTP (plain, STARTTLS + login) and webhooks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from contentcheck.config import Config
from contentcheck.errors import SettingsError
from contentcheck.nightly.config import nightly_settings
from contentcheck.nightly.notify import CHANNELS, Deadline, Message, deliver
from contentcheck.nightly.notify.smtp import EmailSettings
from contentcheck.nightly.notify.webhook import WebhookSettings
from tests.helpers_servers import free_port, http_server, self_signed_cert, smtp_server

pytest.importorskip("aiosmtpd")


def channels(email: EmailSettings | None = None, webhook: WebhookSettings | None = None):
    """The channels as the runner hands them to ``deliver``: registry module and settings."""
    chosen = {"email": email, "webhook": webhook}
    return {key: (CHANNELS[key], settings) for key, settings in chosen.items() if settings}


def failures(deliveries) -> list[str]:
    return [d.line for d in deliveries if not d.ok]


def plain_email(port: int, **extra: object) -> EmailSettings:
    return EmailSettings(host="127.0.0.1", port=port, security="none", sender="check@example.nl",
                         recipients=("webcare@example.nl", "oncall@example.nl"), timeout=5,
                         **extra)  # type: ignore[arg-type]


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "contentcheck-2026-11-24_020000.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    return path


def test_email_with_the_report_attached(tmp_path: Path, report: Path) -> None:
    with smtp_server() as (box, port):
        results = deliver(channels(plain_email(port)),
                          Message("2 new flagged posts", "CRISIS ACTIVE (crisis trein)\nbody é\n",
                                  attachments=[report]))
        (mail,) = box.wait_for(1)
    assert failures(results) == []
    assert mail["Subject"] == "[contentcheck] 2 new flagged posts"
    assert mail["To"] == "webcare@example.nl, oncall@example.nl"
    assert mail.get_body(("plain",)).get_content().startswith("CRISIS ACTIVE")
    (attachment,) = list(mail.iter_attachments())
    assert attachment.get_filename() == report.name
    assert attachment.get_content_type() == \
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert attachment.get_content() == report.read_bytes()


def test_starttls_and_login_with_the_password_from_the_environment(
        tmp_path: Path, report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cert, key = self_signed_cert(tmp_path)
    monkeypatch.setenv("TEAM_SMTP_PASSWORD", "s3cret")
    settings = replace(plain_email(0), security="starttls", username="webcare",
                       password_env="TEAM_SMTP_PASSWORD", ca_file=cert)
    with smtp_server(tls_cert=(cert, key), password="s3cret") as (box, port):
        CHANNELS["email"].send(replace(settings, port=port), Message("s", "t", attachments=[report]),
                               Deadline(30))
        box.wait_for(1)
    assert box.logins == [("webcare", "s3cret")]


def test_missing_password_is_a_failure_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONTENTCHECK_SMTP_PASSWORD", raising=False)
    with smtp_server(password="x") as (box, port):
        failed = failures(deliver(channels(plain_email(port, username="webcare")), Message("s", "t")))
    assert len(failed) == 1 and "CONTENTCHECK_SMTP_PASSWORD" in failed[0]


@pytest.mark.parametrize("style, check", [
    ("slack", lambda body: body == {"text": "*1 new flagged post*\nCRISIS ACTIVE\n"}),
    ("teams", lambda body: body["type"] == "message"
     and body["attachments"][0]["contentType"] == "application/vnd.microsoft.card.adaptive"
     and body["attachments"][0]["content"]["type"] == "AdaptiveCard"
     and [b["text"] for b in body["attachments"][0]["content"]["body"]]
     == ["1 new flagged post", "CRISIS ACTIVE\n"]),
    ("json", lambda body: body["subject"] == "1 new flagged post" and body["new"] == [{"row": 2}]),
])
def test_webhook_styles(tmp_path: Path, style: str, check) -> None:
    with http_server() as (hook, url):
        results = deliver(channels(webhook=WebhookSettings(url, style=style, timeout=5)),
                          Message("1 new flagged post", "CRISIS ACTIVE\n", details={"new": [{"row": 2}]}))
        (request,) = hook.wait_for(1)
    assert failures(results) == []
    assert request["content_type"].startswith("application/json")
    assert check(request["json"]), request["json"]


def test_webhook_error_status_is_a_failure_and_the_token_stays_out(tmp_path: Path) -> None:
    with http_server(status=500) as (hook, url):
        failed = failures(deliver(channels(webhook=WebhookSettings(url, timeout=5)), Message("s", "t")))
    assert len(failed) == 1 and "500" in failed[0] and "secret-token" not in failed[0]


def test_unreachable_mail_server_is_reported_through_the_webhook(tmp_path: Path) -> None:
    dead = plain_email(free_port())  # nothing listens there
    with http_server() as (hook, url):
        failed = failures(deliver(channels(dead, WebhookSettings(url, timeout=5)),
                                  Message("2 new flagged posts", "body\n")))
        first, note = hook.wait_for(2)
    assert len(failed) == 1 and "e-mail via 127.0.0.1" in failed[0]
    assert "2 new flagged posts" in first["json"]["text"]
    assert "could not be delivered" in note["json"]["text"] and "e-mail via" in note["json"]["text"]


@pytest.mark.parametrize("notify, message", [
    ({"email": {"host": "h", "sender": "a@b", "recipients": ["c@d"], "password": "x"}},
     "password must not be in the file"),
    ({"email": {"host": "h", "sender": "a@b"}}, "needs recipients"),
    ({"email": {"host": "h", "sender": "a@b", "recipients": ["c@d"], "security": "tls"}},
     "security must be one of starttls, ssl, none"),
    ({"webhook": {"url": "ftp://x"}}, "must start with http"),
    ({"webhook": {"url_env": "NOT_SET_ANYWHERE"}}, "needs url"),
    ({"sms": {}}, "unknown key 'sms'"),
])
def test_notify_config_errors_name_file_and_key(tmp_path: Path, notify: dict, message: str) -> None:
    path = tmp_path / "contentcheck.toml"
    with pytest.raises(SettingsError) as error:
        nightly_settings(Config({"notify": notify}, path))
    assert str(error.value).startswith(str(path)) and message in str(error.value)


def test_webhook_url_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEAM_HOOK", "https://hooks.example/T0/abc")
    job = nightly_settings(Config({"notify": {"webhook": {"url_env": "TEAM_HOOK", "style": "teams"}}},
                                  tmp_path / "c.toml"))
    assert job.channels["webhook"] == WebhookSettings("https://hooks.example/T0/abc", style="teams")


def test_slack_webhook_escapes_calendar_text(tmp_path: Path) -> None:
    """QA8 #17: style = "slack" posted the posts' calendar text as written; Slack reads
    <!channel>, <!here> and <url|label> in it as mentions and links (its docs: escape &, <
    and >). A flagged post holding '<!channel>' pinged the whole channel at night."""
    from click.testing import CliRunner

    from contentcheck.cli.watch import watch
    from tests.conftest import NOW, write_csv

    write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["24-11-2026", "12:00", "X", "Met de trein <!channel> naar <https://x.example|Aken> & Gent"]])
    with http_server() as (hook, url):
        config = tmp_path / "contentcheck.toml"
        config.write_text(
            'state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\nterms = ["trein"]\n'
            'timezone = "Europe/Amsterdam"\nshipped_lists = false\n'
            '[nightly]\nreports = ["json"]\nretries = 0\n'
            f'[notify.webhook]\nurl = "{url}"\nstyle = "slack"\n', encoding="utf-8")
        result = CliRunner().invoke(watch, ["--once", "--config", str(config), "--now", NOW],
                                    catch_exceptions=False)
        assert result.exit_code == 1, result.stderr
        text = hook.wait_for(1)[0]["json"]["text"]
    assert "<" not in text and ">" not in text, text
    assert '"Met de trein &lt;!channel&gt; naar &lt;https://x.example|Aken&gt; &amp; Gent"' in text
