"""Hostile and broken calendar files: each ends in one line and exit code 2, or is read, but
never crashes, hangs or takes memory beyond what the file holds (issue 12)."""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import NOW, run, write_xlsx
from tests.test_bad_input import assert_one_line_error, scan


def _cli(*args: str, memory: int = 3 << 30, timeout: float = 120) -> subprocess.CompletedProcess:
    """The installed CLI in a child process with an address-space limit, so a file that makes
    the reader allocate without bound fails there instead of taking the machine down."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run([sys.executable, "-c", "from contentcheck.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=timeout, preexec_fn=limit,
                          env={**os.environ, "RUST_BACKTRACE": "0"})


def _patch_declared_size(data: bytes, name: str, size: int, crc: int) -> bytes:
    """The zip with ``name``'s uncompressed size and CRC rewritten in both headers: a part
    that lies, and whose first ``size`` bytes check out (a reader that stops there is fooled)."""
    patched = bytearray(data)
    encoded = name.encode()
    local = patched.find(b"PK\x03\x04")
    while local != -1:
        name_length = int.from_bytes(patched[local + 26:local + 28], "little")
        if patched[local + 30:local + 30 + name_length] == encoded:
            patched[local + 14:local + 18] = crc.to_bytes(4, "little")
            patched[local + 22:local + 26] = size.to_bytes(4, "little")
            break
        local = patched.find(b"PK\x03\x04", local + 4)
    central = patched.find(b"PK\x01\x02")
    while central != -1:
        name_length = int.from_bytes(patched[central + 28:central + 30], "little")
        if patched[central + 46:central + 46 + name_length] == encoded:
            patched[central + 16:central + 20] = crc.to_bytes(4, "little")
            patched[central + 24:central + 28] = size.to_bytes(4, "little")
        central = patched.find(b"PK\x01\x02", central + 4)
    return bytes(patched)


def _liar_workbook(tmp_path: Path, megabytes: int) -> Path:
    """A workbook whose sheet part unpacks to ``megabytes`` MiB but declares its first few
    hundred bytes (with their CRC), written in chunks: this process never holds the part."""
    good = write_xlsx(tmp_path / "good.xlsx", {"K": [["Datum", "Bericht"], ["25-11-2026", "x"]]})
    packed = tmp_path / "packed.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            part = source.read(item)
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item.filename, part)
                continue
            head, tail = part.split(b"<sheetData>")
            head += b"<sheetData><!--"
            with target.open(item.filename, "w") as stream:
                stream.write(head)
                for _ in range(megabytes):
                    stream.write(b"A" * (1 << 20))
                stream.write(b"-->" + tail)
            declared, crc = len(part), zlib.crc32((head + b"A" * len(part))[:len(part)])
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(_patch_declared_size(packed.read_bytes(), "xl/worksheets/sheet1.xml",
                                          declared, crc))
    return liar


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="measures memory through /proc")
def test_zip_part_that_lies_about_its_size_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    liar = _liar_workbook(tmp_path, 400)
    # the child's own high-water mark (VmHWM starts afresh at exec; ru_maxrss would carry the
    # pytest process's own peak into the child)
    peak = ("import atexit, re, sys; atexit.register(lambda: sys.stderr.write('peak ' + re.search("
            "r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1] + '\\n')); "
            "from contentcheck.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", peak, "scan", str(liar), "--now", NOW],
                            capture_output=True, text=True, timeout=120)
    error, peak_line = result.stderr.strip().splitlines()
    # the part unpacks to 400 MiB: before, the reader inflated it (876 MB at its peak)
    assert int(peak_line.split()[1]) < 300 * 1024, peak_line  # in KiB
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    assert "unpacks to more than" in error and "liar.xlsx" in error


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_as_calendar_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "kalender.csv"
    os.mkfifo(fifo)
    result = _cli("scan", str(fifo), "--now", NOW, timeout=20)  # before: hung for ever
    assert result.returncode == 2, result.stderr
    assert "not a regular file" in result.stderr and str(fifo) in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_as_calendar_is_refused(tmp_path: Path) -> None:
    result = _cli("scan", "/dev/zero", "--now", NOW, memory=1 << 30, timeout=60)
    assert result.returncode == 2, result.stderr[-300:]
    assert "/dev/zero: is not a regular file" in result.stderr


def test_calendar_larger_than_the_cap_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "kalender.csv"
    with huge.open("wb") as handle:  # sparse: takes no disk, but reads as 300 MiB of zeros
        handle.write(b"Datum;Bericht\r\n")
        handle.truncate(300 << 20)
    assert_one_line_error(scan(huge), "kalender.csv", "300 MiB", "at most 256 MiB")


def _calendar_book() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Kalender"
    sheet.append(["Datum", "Kanaal", "Tekst"])
    sheet.append(["25-11-2026", "Instagram", "Met de trein naar de kerstmarkt"])
    return book


def test_one_cell_at_the_last_cell_of_a_sheet_is_read_in_little_memory(tmp_path: Path) -> None:
    book = _calendar_book()
    book.active["XFD1048576"] = "x"  # the far corner: a dense grid would be 17 billion cells
    path = tmp_path / "kalender.xlsx"
    book.save(path)
    assert path.stat().st_size < 10_000
    result = _cli("scan", str(path), "--now", NOW, "--timezone", "Europe/Amsterdam",
                  "--no-shipped-lists", "--term", "trein", "--format", "json", memory=2 << 30)
    assert result.returncode == 1, (result.returncode, result.stderr[-300:])  # before: 134
    import json

    report = json.loads(result.stdout)
    assert [p["row"] for p in report["posts"] if p["status"] == "pause"] == [2]


def test_cells_spread_too_far_to_read_even_cell_by_cell_are_refused(tmp_path: Path) -> None:
    book = _calendar_book()
    for row in range(3, 1_000_000, 3000):  # 333 rows of 16,384 cells each when read by row
        book.active.cell(row=row, column=16384, value="x")
    path = tmp_path / "kalender.xlsx"
    book.save(path)
    result = _cli("scan", str(path), "--now", NOW, memory=2 << 30)
    assert result.returncode == 2, (result.returncode, result.stderr[-300:])
    assert result.stderr.count("\n") == 1
    assert "sheet 'Kalender'" in result.stderr and "too far apart" in result.stderr


def test_declared_dimension_alone_does_not_size_the_sheet(tmp_path: Path) -> None:
    plain = tmp_path / "plain.xlsx"
    _calendar_book().save(plain)
    path = tmp_path / "kalender.xlsx"
    _rezip(plain, path, lambda name, part: part.replace(b'<dimension ref="A1:C2"',
                                                        b'<dimension ref="A1:XFD1048576"'))
    result = _cli("scan", str(path), "--now", NOW, "--no-shipped-lists", "--term", "trein")
    assert result.returncode == 1, result.stderr[-300:]


def _rezip(source: Path, target: Path, change) -> None:
    """A copy of a workbook with each part passed through ``change(name, bytes)`` (None drops it)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            part = change(item.filename, old.read(item))
            if part is not None:
                new.writestr(item.filename, part)


def _formula_book(tmp_path: Path) -> Path:
    """A workbook written by a script: its text cell is a formula without a saved result."""
    book = _calendar_book()
    book.active.append(["26-11-2026", "X", '="Met de trein "&"naar huis"'])
    path = tmp_path / "formules.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("damage, fragment", [
    (lambda name, part: None if name == "xl/_rels/workbook.xml.rels" else part, "damaged"),
    (lambda name, part: part.replace(b"</sheetData>", b"</sheetDat>")
     if name == "xl/worksheets/sheet1.xml" else part, "damaged"),
    (lambda name, part: part.replace(b"<sheets>", b"<sheets><sheet ")
     if name == "xl/workbook.xml" else part, "damaged"),
])
def test_damaged_workbook_with_result_less_formulas_is_one_line(tmp_path: Path, damage, fragment) -> None:
    damaged = tmp_path / "kapot.xlsx"
    _rezip(_formula_book(tmp_path), damaged, damage)
    assert_one_line_error(scan(damaged), "kapot.xlsx", fragment)


def test_csv_field_over_the_csv_limit_is_one_line(tmp_path: Path) -> None:
    for quoted in (False, True):
        text = "a" * 140_000
        path = tmp_path / f"lang{int(quoted)}.csv"
        path.write_bytes(("Datum;Bericht\r\n25-11-2026;kort\r\n26-11-2026;"
                          + (f'"{text}"' if quoted else text) + "\r\n").encode("cp1252"))
        assert_one_line_error(scan(path), path.name, "row 3", "longer than 131,072 characters")


@pytest.mark.parametrize("days", ["nan", "inf", "1e300"])
def test_days_that_are_not_a_number_of_days(tmp_path: Path, days: str) -> None:
    calendar = tmp_path / "k.csv"
    calendar.write_text("Datum;Bericht\n25-11-2026;kort\n", encoding="utf-8")
    assert_one_line_error(scan(calendar, "--days", days), "days", "from 0 to")
    config = tmp_path / "contentcheck.toml"
    config.write_text(f"[scan]\ndays = {days}\n", encoding="utf-8")
    assert_one_line_error(scan(calendar, "--config", config), "days", "from 0 to")


@pytest.fixture
def read_only_dir(tmp_path: Path):
    """A folder nobody may write in, root included (root ignores permission bits: chattr +i)."""
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
            pytest.skip("cannot make a folder read-only for root here (no chattr +i)")
        yield folder
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


def test_read_only_output_folder_is_one_line(tmp_path: Path, read_only_dir: Path) -> None:
    calendar = tmp_path / "k.csv"
    calendar.write_text("Datum;Bericht\n25-11-2026;kort\n", encoding="utf-8")
    assert_one_line_error(scan(calendar, "-o", read_only_dir / "rapport.json"),
                          "rapport.json", "cannot write")


def test_read_only_state_folder_is_one_line(tmp_path: Path, read_only_dir: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTENTCHECK_STATE_DIR", str(read_only_dir))
    assert_one_line_error(run("crisis", "start", "Storm", "--term", "storm"),
                          str(read_only_dir), "cannot write")
    calendar = tmp_path / "k.csv"
    calendar.write_text("Datum;Bericht\n25-11-2026;kort\n", encoding="utf-8")
    config = tmp_path / "contentcheck.toml"
    config.write_text(f'state_dir = "{read_only_dir.as_posix()}"\n[scan]\ncalendars = ["k.csv"]\n'
                      "[nightly]\n", encoding="utf-8")
    watched = run("watch", "--config", config, "--once")  # the watcher logs its set-up first
    errors = [line for line in watched.stderr.splitlines() if "error" in line]
    assert watched.exit_code == 2 and "Traceback" not in watched.stderr
    assert len(errors) == 1 and "cannot write" in errors[0], watched.stderr


def test_far_row_whose_cells_leave_out_their_reference(tmp_path: Path) -> None:
    """The file format lets a cell leave out ``r``: its row's number still places it."""
    book = _calendar_book()
    book.active["XFD1"] = "x"  # the first row reaches the last column
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    path = tmp_path / "kalender.xlsx"
    _rezip(plain, path, lambda name, part: part.replace(
        b"</sheetData>", b'<row r="1048576"><c t="inlineStr"><is><t>y</t></is></c></row></sheetData>')
        if name == "xl/worksheets/sheet1.xml" else part)
    result = _cli("scan", str(path), "--now", NOW, "--no-shipped-lists", "--term", "trein",
                  memory=2 << 30)
    assert result.returncode == 1, (result.returncode, result.stderr[-300:])  # before: 134
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("option", [["scan", "--crisis"], ["scan", "--config"],
                                    ["crisis", "start", "Storm", "--terms-file"]])
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_a_fifo_or_device_as_crisis_file_or_config_is_refused_without_waiting(
        tmp_path: Path, option: list[str], special: str) -> None:
    """QA: a calendar given as a FIFO was refused, but a crisis file, a --terms-file or a
    --config given as one waited for ever (and /dev/zero there ended in MemoryError after
    taking the memory it could get). Every input file is read only when it is a regular file:
    exit 2, one line, no wait."""
    calendar = tmp_path / "kal.csv"
    calendar.write_text("Datum;Tijd;Kanaal;Bericht\n25-11-2026;09:00;X;Met de trein\n",
                        encoding="utf-8")
    if special == "fifo":
        target = tmp_path / "termen.txt"
        os.mkfifo(target)
    else:
        target = Path(special)
    command = [*option, str(target)]
    if option[0] == "scan":
        command += [str(calendar), "--now", NOW]
    try:
        result = _cli(*command, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(option)} {special}: still waiting after 20 s")
    assert result.returncode == 2, result.stderr
    assert "not a regular file" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
