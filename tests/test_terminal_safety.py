"""Text from calendars, crisis names and file names never drives the terminal (issue 12):
escape sequences, OSC titles and links, carriage returns and bidi overrides are shown, never
sent raw, in the table, explain, the crisis commands, error lines, logs and e-mail bodies."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
from click.testing import CliRunner, Result

from contentcheck.cli.main import main
from contentcheck.visible import visible
from tests.conftest import NOW, write_csv
from tests.helpers_servers import smtp_server

ERASE = "\x1b[1A\x1b[2K"  # cursor up, erase line: wipes the line above off the screen
TITLE = "\x1b]0;pwned\x07"  # OSC: sets the terminal title
LINK = "\x1b]8;;https://evil.example\x1b\\klik\x1b]8;;\x1b\\"
STYLE = re.compile("\x1b\\[[0-9;]*m")  # the colours contentcheck itself writes


def run_tty(*args: object) -> Result:
    """The CLI with colours kept (as on a terminal): nothing is stripped on the way out."""
    return CliRunner().invoke(main, [str(a) for a in args], color=True, catch_exceptions=False)


def assert_inert(output: str) -> None:
    """No control character left but line feeds, tabs and contentcheck's own colours."""
    rest = STYLE.sub("", output)
    bad = [c for c in rest if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F
           or c in "\u202e\u2066\u2067\u2068\u2069"]
    assert not bad, (bad, rest)


def test_visible_shows_every_kind_of_control_character() -> None:
    assert visible("a\x1b[2Kb") == "a\u241b[2Kb"
    assert visible("x\ry") == "x\u240dy"
    assert visible("a\nb") == "a \u23ce b" and visible("a\nb", newlines=True) == "a\nb"
    assert visible("\x9b31m\x7f\u202eabc") == "<U+009B>31m\u2421<U+202E>abc"
    assert visible("gewoon, café 🚆\tok") == "gewoon, café 🚆\tok"


def test_table_shows_escapes_in_post_channel_and_file_name(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / f"kalender{TITLE}.csv", [
        ["Datum", "Kanaal", "Bericht"],
        ["25-11-2026", "Instagram", "Met de trein naar Utrecht"],
        ["26-11-2026", f"X{TITLE}", f"Over de stroomstoring{ERASE}{ERASE}{LINK}\rniets"],
    ], encoding="utf-8")
    result = run_tty("scan", calendar, "--now", NOW, "--timezone", "Europe/Amsterdam",
                     "--term", "trein", "--show-ok")
    assert result.exit_code == 1
    assert_inert(result.stdout)
    assert "\u241b[1A\u241b[2K" in result.stdout and "X\u241b]0;pwned\u2407" in result.stdout
    plain = STYLE.sub("", result.stdout)
    assert "PAUSE" in plain and "Met de trein" in plain
    logged = subprocess.run(  # the log lines (-vv) name the file; a real process, real stderr
        [sys.executable, "-c", "from contentcheck.cli import main; main()", "-vv", "scan",
         str(calendar), "--now", NOW, "--term", "trein"], capture_output=True, text=True)
    assert logged.returncode == 1 and "INFO" in logged.stderr
    assert_inert(logged.stderr)
    assert "kalender\u241b]0;pwned\u2407.csv" in logged.stderr


def test_ooxml_escaped_control_characters_in_xlsx_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Datum", "Kanaal", "Bericht"])
    book.active.append(["25-11-2026", "X", "Met de trein SPLIT"])
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    hostile = tmp_path / "kalender.xlsx"
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            part = old.read(item)
            if item.filename.startswith("xl/worksheets/"):
                part = part.replace(b"SPLIT", b"_x001B_[1A_x001B_[2K_x001B_]0;pwned_x0007_")
            new.writestr(item.filename, part)
    result = run_tty("scan", hostile, "--now", NOW, "--timezone", "Europe/Amsterdam",
                     "--term", "trein", "--no-shipped-lists")
    assert result.exit_code == 1
    assert_inert(result.stdout)
    assert "\u241b[1A\u241b[2K\u241b]0;pwned\u2407" in result.stdout


def test_explain_shows_escapes(tmp_path: Path) -> None:
    result = run_tty("explain", f"de trein{ERASE}{TITLE} rijdt", "--term", "trein",
                     "--no-shipped-lists")
    assert result.exit_code == 0
    assert_inert(result.stdout)
    assert "de [trein]\u241b[1A" in result.stdout


def test_crisis_commands_show_escapes_in_names_and_terms(isolated_state: Path) -> None:
    """A crisis file edited by hand may hold any character (typed ones are refused)."""
    folder = isolated_state / "crises"
    folder.mkdir()
    (folder / "storm.toml").write_text(
        'name = "Storm\\u001b[1A\\u001b[2K"\nstarted = 2026-11-24T07:00:00+01:00\n'
        'terms = """\nstorm\\u001b]0;pwned\\u0007x\nwind\n"""\n', encoding="utf-8")
    name = f"Storm{ERASE}"
    for args in (["list"], ["show", name], ["add", name, "--term", "regen"], ["end", name],
                 ["list", "--all"]):
        shown = run_tty("crisis", *args, "--now", "2026-11-24T08:00")
        assert shown.exit_code == 0, shown.stderr
        assert_inert(shown.stdout)
        assert "Storm\u241b[1A" in shown.stdout or "Storm\\x1b[1A" in shown.stdout
    shown = run_tty("crisis", "show", name)
    assert "storm\u241b]0;pwned\u2407x" in shown.stdout


def test_error_line_naming_a_hostile_file_name(tmp_path: Path) -> None:
    result = run_tty("scan", tmp_path / f"weg{ERASE}.csv")
    assert result.exit_code == 2
    assert_inert(result.stderr)
    assert f"weg\u241b[1A\u241b[2K.csv: no such file" in result.stderr


def test_mail_body_and_subject_show_escapes(tmp_path: Path) -> None:
    write_csv(tmp_path / "kalender.csv", [["Datum", "Kanaal", "Bericht"],
                                          ["25-11-2026", f"X{TITLE}", f"Met de trein{ERASE}"]],
              encoding="utf-8")
    (tmp_path / "crisis.txt").write_text("trein\n", encoding="utf-8")
    with smtp_server() as (box, port):
        config = tmp_path / "contentcheck.toml"
        config.write_text(
            'state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\ncrisis = ["crisis.txt"]\n'
            'timezone = "Europe/Amsterdam"\nshipped_lists = false\n[nightly]\nretries = 0\n'
            f'[notify.email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
            'sender = "check@example.nl"\nrecipients = ["webcare@example.nl"]\ntimeout = 5\n',
            encoding="utf-8")
        result = run_tty("watch", "--once", "--config", config, "--now", NOW)
        assert result.exit_code == 1, result.stderr
        mail = box.wait_for(1)[0]
    body = mail.get_body(("plain",)).get_content().replace("\r\n", "\n")  # SMTP's line ends
    assert_inert(body + mail["Subject"])
    assert "Met de trein\u241b[1A\u241b[2K" in body and "X\u241b]0;pwned\u2407" in body


def _on_a_terminal(*args: object) -> str:
    """Run the CLI with its standard output on a real pseudo-terminal; what it wrote there."""
    import os
    import pty

    main_fd, child_fd = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-c", "from contentcheck.cli import main; main()",
                               *map(str, args)], stdout=child_fd, stderr=subprocess.PIPE,
                              timeout=120)
        os.close(child_fd)
        chunks = []
        while True:
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:  # EIO: the terminal's other side is closed and drained
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main_fd)
    assert done.returncode in (0, 1), done.stderr
    text = b"".join(chunks).decode("utf-8")
    return text.replace("\r\r\n", "\n").replace("\r\n", "\n")  # the tty adds \r to each \n


def test_csv_and_json_reports_shown_on_a_terminal_are_safe(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Kanaal", "Bericht"],
        ["25-11-2026", "X", f"Met de trein{ERASE}{TITLE}\x9b31m"]], encoding="utf-8")
    for report_format in ("csv", "json", "html"):
        shown = _on_a_terminal("scan", calendar, "--now", NOW, "--term", "trein",
                               "--format", report_format, "--no-shipped-lists")
        assert_inert(shown)
        assert "trein" in shown
    assert "\u241b[1A" in _on_a_terminal("scan", calendar, "--now", NOW, "--term", "trein",
                                          "--format", "csv", "--no-shipped-lists")


def test_the_html_report_file_shows_escapes(tmp_path: Path) -> None:
    """QA8 (noticed): the HTML report written to a file kept raw ESC characters (escaped for
    HTML only): `cat report.html` or a mail filter showing it obeys them. Shown as in the
    table: ESC as ␛, a bidi override as <U+202E>."""
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Kanaal", "Bericht"],
        ["25-11-2026", f"X{TITLE}", f"Met de trein{ERASE}\u202eniets"]], encoding="utf-8")
    report = tmp_path / "r.html"
    result = run_tty("scan", calendar, "--now", NOW, "--timezone", "Europe/Amsterdam",
                     "--term", "trein", "--no-shipped-lists", "-o", report)
    assert result.exit_code == 1, result.stderr
    html = report.read_text(encoding="utf-8")
    assert_inert(html)
    assert "\u241b[1A\u241b[2K&lt;U+202E&gt;niets" in html and "X\u241b]0;pwned\u2407" in html
