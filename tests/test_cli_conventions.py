"""What people expect of a command-line tool: colour only where wanted (NO_COLOR, --color),
-v/-q on every command, `-` for standard input and output, any console encoding, help that
is not cut off and ends with examples. Run as real processes where a terminal matters."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import click
import pytest

from contentcheck.cli.main import main
from tests.conftest import NOW, run, write_csv

ESC = "\x1b["
BASE = ("--now", NOW, "--timezone", "Europe/Amsterdam", "--no-shipped-lists")


def _calendar(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "09:00", "Instagram", "Met de trein → naar de kerstmarkt 🎄"],
        ["26-11-2026", "10:00", "Facebook", "Oliebollen"],
    ], encoding="utf-8")


def _command(*args: object) -> list[str]:
    return [sys.executable, "-c", "from contentcheck.cli import main; main()", *map(str, args)]


def _on_a_terminal(args: list[str], env: dict[str, str] | None = None, *,
                   stdout_too: bool = True) -> str:
    """Run with stderr (and stdout) on a pseudo-terminal, as a person at a terminal would;
    what the terminal showed."""
    leader, follower = pty.openpty()
    child = subprocess.Popen(args, stdout=follower if stdout_too else subprocess.DEVNULL,
                             stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    child.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize(("extra_env", "flags", "coloured"), [
    ({}, (), True),
    ({"NO_COLOR": "1"}, (), False),
    ({"NO_COLOR": "1"}, ("--color",), True),
    ({}, ("--no-color",), False),
])
def test_colour_on_a_terminal_follows_no_color_and_the_flags(
        tmp_path: Path, extra_env: dict[str, str], flags: tuple[str, ...], coloured: bool) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | extra_env
    output = _on_a_terminal(_command("scan", _calendar(tmp_path), "--term", "trein", *BASE, *flags), env)
    assert "PAUSE" in output
    assert (ESC in output) is coloured


def test_a_pipe_gets_no_colour(tmp_path: Path) -> None:
    done = subprocess.run(_command("scan", _calendar(tmp_path), "--term", "trein", *BASE),
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 1 and "PAUSE" in done.stdout and ESC not in done.stdout


def test_verbose_and_quiet_work_after_the_command_name(tmp_path: Path) -> None:
    calendar = _calendar(tmp_path)
    loud = subprocess.run(_command("scan", calendar, *BASE, "-vv", "-o", tmp_path / "r.json"),
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    logged = [line for line in loud.stderr.splitlines() if line.startswith(("DEBUG", "INFO"))]
    assert any("contentcheck" in line and "kalender.csv" in line for line in logged)
    assert all(line.split()[1].startswith("contentcheck") for line in logged), "only our logs"
    assert "r.json: 2 upcoming posts" in loud.stderr
    quiet = subprocess.run(_command("scan", calendar, *BASE, "-q", "-o", tmp_path / "r.json"),
                           capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert quiet.returncode == 0 and quiet.stderr == ""


def command(name: str) -> click.Command:
    """A command of the top level, imported as running it would."""
    found = main.get_command(click.Context(main), name)
    assert found is not None, name
    return found


def test_every_command_takes_the_same_terminal_flags() -> None:
    def flags(cmd: click.Command) -> set[str]:
        return {opt for p in cmd.params for opt in (*p.opts, *p.secondary_opts)}

    every = [command(name) for name in main.list_commands(click.Context(main))]
    for cmd in [main, *every, *command("crisis").commands.values()]:
        assert {"-v", "-q", "--color", "--no-color", "-h"} <= flags(cmd) | {"-h"}, cmd.name


def test_a_calendar_from_standard_input_and_the_report_to_standard_output(tmp_path: Path) -> None:
    data = _calendar(tmp_path).read_bytes()
    done = subprocess.run(_command("scan", "-", "--term", "trein", *BASE, "--format", "json",
                                   "-o", "-"), input=data, capture_output=True, timeout=60)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["pause"] == 1 and report["posts"][0]["source"] == "-"
    assert not (tmp_path / "-").exists() and not Path("-").exists()
    workbook = subprocess.run(_command("scan", "-", *BASE, "--format", "xlsx", "-o", "-"),
                              input=data, capture_output=True, timeout=60)
    assert workbook.returncode == 0 and workbook.stdout[:2] == b"PK"


def test_standard_input_left_on_a_terminal_or_empty_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run(_command("scan", "-", *BASE), input="", capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == "contentcheck: error: -: standard input is empty\n"


def test_a_cp1252_console_gets_the_report_with_replacements(tmp_path: Path) -> None:
    env = os.environ | {"PYTHONIOENCODING": "cp1252"}
    done = subprocess.run(_command("scan", _calendar(tmp_path), "--term", "trein", *BASE),
                          capture_output=True, env=env, timeout=60)
    assert done.returncode == 1, done.stderr
    text = done.stdout.decode("cp1252")
    assert "Met de trein ? naar de kerstmarkt ?" in text


def test_help_is_not_cut_off_and_every_command_ends_with_examples() -> None:
    top = run("--help").stdout
    assert "..." not in top.split("Commands:")[1].split("Exit codes:")[0]
    assert "Exit codes:" in top and "NO_COLOR" in top and "CONTENTCHECK_DEBUG" in top
    for name in main.list_commands(click.Context(main)):
        text = run(name, "--help").stdout
        assert "Examples:\n    contentcheck " in text, name
    assert "--days DAYS" in run("scan", "--help").stdout


def _big_calendar(tmp_path: Path, rows: int = 25_000) -> Path:
    body = [["Datum", "Tijd", "Kanaal", "Bericht"]]
    body += [["25-11-2026", f"{9 + i % 8:02d}:{i % 60:02d}", "Instagram", f"Aanbieding nummer {i}"]
             for i in range(rows)]
    return write_csv(tmp_path / "groot.csv", body, encoding="utf-8")


def test_long_work_shows_progress_on_a_terminal_and_never_in_a_pipe(tmp_path: Path) -> None:
    calendar = _big_calendar(tmp_path)
    args = _command("scan", calendar, *BASE, "-o", tmp_path / "r.json")
    shown = _on_a_terminal(args, stdout_too=False)
    assert "checking" in shown and "writing" in shown and "100%" in shown
    piped = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert piped.returncode == 0 and piped.stderr == f"{tmp_path / 'r.json'}: 25000 upcoming posts, 0 pause, 0 review, 25000 ok\n"
    quiet = _on_a_terminal(_command("scan", calendar, *BASE, "-q", "-o", tmp_path / "q.json"))
    assert quiet == "" and (tmp_path / "q.json").stat().st_size > 0


@pytest.mark.parametrize(("langid", "language"), [(0x0413, "nl"), (0x0813, "nl"), (0x0409, "en"),
                                                   (0x0809, "en"), (0x0407, "en")])
def test_a_windows_display_language_is_read_as_dutch_or_english(langid: int, language: str) -> None:
    from contentcheck.report.labels import language_of_langid

    assert language_of_langid(langid) == language


def test_a_scan_imports_no_other_command() -> None:
    """`contentcheck scan` starts quicker when the watcher, apply and the crisis commands stay
    unloaded; `--help` lists them all the same."""
    code = ("import sys; from contentcheck.cli import main\n"
            "try:\n    main(['scan', '--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('contentcheck.cli.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "['contentcheck.cli.common', 'contentcheck.cli.main']"
    listing = run("--help").stdout
    for name in ("apply", "checks", "crisis", "explain", "lists", "scan", "watch"):
        assert f"\n  {name} " in listing


@pytest.mark.parametrize(("args", "said"), [
    (("scan", "k.csv", "--format", "pdf"), "Invalid value for '--format'"),
    (("scan", "k.csv", "--days", "-1"), "Invalid value for '--days'"),
    (("nosuch",), "No such command 'nosuch'"),
    (("--bogus",), "--bogus"),  # click words it "No such option: --bogus" before 8.2.1
    (("crisis", "start"), "Missing argument 'NAME'"),
])
def test_a_usage_error_is_one_line_and_exit_2(args: tuple[str, ...], said: str) -> None:
    done = subprocess.run(_command(*args), capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("contentcheck: error: ")
    assert said in done.stderr and "--help')" in done.stderr


def test_apply_on_a_report_of_a_piped_calendar_asks_for_the_file(tmp_path: Path) -> None:
    data = _calendar(tmp_path).read_bytes()
    report = tmp_path / "r.xlsx"
    done = subprocess.run(_command("scan", "-", "--term", "trein", *BASE, "-o", report),
                          input=data, capture_output=True, timeout=60)
    assert done.returncode == 1
    applied = run("apply", report)
    assert applied.exit_code == 2
    assert "made from a calendar on standard input (-): name the calendar file with --calendar" in applied.stderr
    named = run("apply", report, "--calendar", tmp_path / "kalender.csv", "-o", tmp_path / "checked.csv")
    assert named.exit_code in (0, 1), named.stderr
    assert (tmp_path / "checked.csv").is_file()


def test_ctrl_c_during_a_scan_is_exit_130_and_one_line(tmp_path: Path) -> None:
    import signal
    import time

    calendar = _big_calendar(tmp_path, rows=300_000)
    child = subprocess.Popen(_command("scan", calendar, *BASE, "--jobs", "1", "-o", tmp_path / "r.json"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)  # reading and checking 300,000 posts takes several seconds
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 130, err
    assert err.strip().splitlines()[-1] == "contentcheck: interrupted"
    assert not (tmp_path / "r.json").exists()


def test_quiet_crisis_start_says_only_what_it_did(tmp_path: Path) -> None:
    """-q keeps the one line that reports the crisis, and drops where it was saved and the notes
    on its terms (a plural term, a word of the other language)."""
    env = {**os.environ, "CONTENTCHECK_STATE_DIR": str(tmp_path / "state")}
    started = [subprocess.run(_command("crisis", "start", name, "--term", "treinen", *flags),
                              capture_output=True, text=True, encoding="utf-8", timeout=60, env=env)
               for name, flags in (("Loud", ()), ("Stil", ("-q",)))]
    loud, quiet = (done.stdout.splitlines() for done in started)
    assert all(done.returncode == 0 for done in started)
    assert any(line.startswith("saved in ") for line in loud) and any("note:" in l for l in loud)
    assert quiet == [loud[0].replace("'Loud'", "'Stil'")]


def test_the_console_script_writes_the_whole_report_and_logs(tmp_path: Path) -> None:
    # cli.run leaves the scan's verdicts to the system at exit (gcpause.keep_to_the_end):
    # the report, the log lines and the exit code are all there
    report = tmp_path / "r.json"
    done = subprocess.run([sys.executable, "-c", "from contentcheck.cli import run; run()",
                           "scan", _calendar(tmp_path), "--term", "trein", *BASE, "-v",
                           "-o", report], capture_output=True, text=True, encoding="utf-8",
                          timeout=60)
    assert done.returncode == 1, done.stderr
    assert any(line.startswith("INFO") for line in done.stderr.splitlines())
    assert "r.json: 2 upcoming posts" in done.stderr
    posts = json.loads(report.read_text(encoding="utf-8"))["posts"]
    assert [p["status"] for p in posts] == ["pause", "ok"]


def test_the_written_report_line_speaks_the_report_language(tmp_path: Path) -> None:
    """`scan --lang nl -o FILE` said its line on stderr in English."""
    from tests.conftest import NOW, run, write_csv

    calendar = write_csv(tmp_path / "kal.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                                ["24-11-2026", "12:00", "X", "Met de trein"]])
    for lang, line in (("nl", "1 komende berichten, 1 pauze, 0 beoordelen, 0 ok"),
                       ("en", "1 upcoming posts, 1 pause, 0 review, 0 ok")):
        result = run("scan", calendar, "--term", "trein", "--no-shipped-lists", "--now", NOW,
                     "--lang", lang, "-o", tmp_path / f"r-{lang}.xlsx")
        assert result.exit_code == 1 and line in result.stderr, result.stderr
