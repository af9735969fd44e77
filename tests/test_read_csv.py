"""Reading CSV exports: detected delimiter and encoding, scheduler bulk files, US dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from contentcheck.calendar import ReadOptions, read_calendar
from tests.conftest import AMSTERDAM, write_csv

OPTIONS = ReadOptions(timezone=AMSTERDAM, reference=dt.date(2026, 11, 24))
ROWS = [["Datum", "Tijd", "Kanaal", "Bericht", "Hashtags"],
        ["24-11-2026", "09:30", "Instagram", "Crème brûlée voor €5, ideeën genoeg", "#Café"],
        ["Week 49", "", "", "", ""],
        ["25-11-2026", "10.00", "Facebook", "Tekst met; puntkomma, en komma", ""]]


@pytest.mark.parametrize("delimiter,encoding,newline", [
    (";", "cp1252", "\r\n"),      # Excel in a Dutch locale
    (",", "utf-8", "\n"),         # Google Sheets
    (",", "utf-8-sig", "\r\n"),   # Excel "CSV UTF-8"
    ("\t", "utf-16", "\r\n"),     # Excel "Unicode text"
    ("|", "utf-8", "\n"),
])
def test_delimiter_and_encoding_are_detected(tmp_path: Path, delimiter: str, encoding: str,
                                             newline: str) -> None:
    path = write_csv(tmp_path / "export.csv", ROWS, delimiter=delimiter, encoding=encoding,
                     newline=newline)
    calendar = read_calendar(path, OPTIONS)
    assert calendar.kind == "csv"
    assert calendar.delimiter == delimiter
    assert calendar.encoding == encoding
    assert [p.text for p in calendar.posts] == [ROWS[1][3], ROWS[3][3]]
    assert [p.row for p in calendar.posts] == [2, 4]
    first = calendar.posts[0]
    assert first.fields[1].text == "#Café"
    assert first.scheduled_at == dt.datetime(2026, 11, 24, 9, 30, tzinfo=AMSTERDAM)


def test_tsv_extension_means_tabs(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.tsv", ROWS, delimiter="\t", encoding="utf-8")
    assert read_calendar(path, OPTIONS).delimiter == "\t"


def test_quoted_newlines_keep_record_numbers(tmp_path: Path) -> None:
    rows = [["Date", "Post"], ["25-11-2026", "line one\nline two"], ["26-11-2026", "next"]]
    calendar = read_calendar(write_csv(tmp_path / "multi.csv", rows, delimiter=","), OPTIONS)
    assert [(p.row, p.text) for p in calendar.posts] == [(2, "line one\nline two"), (3, "next")]


def test_title_rows_above_the_header(tmp_path: Path) -> None:
    rows = [["Contentkalender december", "", ""], ["", "", ""], ["Datum", "Kanaal", "Tekst"],
            ["1-12-2026", "X", "Hallo december"]]
    calendar = read_calendar(write_csv(tmp_path / "titled.csv", rows), OPTIONS)
    assert [(p.row, p.text) for p in calendar.posts] == [(4, "Hallo december")]


def test_us_dates_are_noticed_without_being_told(tmp_path: Path) -> None:
    rows = [["Date", "Post"], ["11/24/2026", "first"], ["12/01/2026", "second"]]
    calendar = read_calendar(write_csv(tmp_path / "us.csv", rows, delimiter=","), OPTIONS)
    assert [p.scheduled_at.date() for p in calendar.posts] == [dt.date(2026, 11, 24),
                                                               dt.date(2026, 12, 1)]
    assert any("month-first" in note for note in calendar.notes)


def test_monthfirst_when_told(tmp_path: Path) -> None:
    rows = [["Date", "Post"], ["12/01/2026", "ambiguous"]]
    path = write_csv(tmp_path / "ambiguous.csv", rows, delimiter=",")
    day_first = read_calendar(path, OPTIONS).posts[0].scheduled_at.date()
    month_first = read_calendar(path, ReadOptions(timezone=AMSTERDAM, dayfirst=False)).posts[0]
    assert day_first == dt.date(2026, 1, 12)
    assert month_first.scheduled_at.date() == dt.date(2026, 12, 1)


def test_dates_that_read_both_ways_get_a_note(tmp_path: Path) -> None:
    """A calendar of 1-12 December (or a Sprout export, whose order is an account setting)
    cannot show its date order: it is read day-first, and the reader is told so."""
    rows = [["Date", "Post"], ["01/12/2026", "first"], ["02/12/2026", "second"], ["12/12/2026", "x"]]
    path = write_csv(tmp_path / "december.csv", rows, delimiter=",")
    calendar = read_calendar(path, OPTIONS)
    assert [p.scheduled_at.date().month for p in calendar.posts] == [12, 12, 12]
    assert any("could be day-first or month-first (e.g. '01/12/2026'); read day-first: use "
               "--monthfirst" in note for note in calendar.notes), calendar.notes
    told = read_calendar(path, ReadOptions(timezone=AMSTERDAM, dayfirst=True))
    assert not any("month-first" in note for note in told.notes)
    shown = write_csv(tmp_path / "shown.csv", [*rows, ["24/12/2026", "kerst"]], delimiter=",")
    assert not any("month-first" in note for note in read_calendar(shown, OPTIONS).notes)


@pytest.mark.parametrize("stamp,expected", [
    ("24/11/2026 19:00", dt.datetime(2026, 11, 24, 19, 0)),   # day-first account
    ("11/24/2026 19:00", dt.datetime(2026, 11, 24, 19, 0)),   # month-first account
])
def test_hootsuite_bulk_file_without_header(tmp_path: Path, stamp: str, expected: dt.datetime) -> None:
    rows = [[stamp, "Met de trein naar de kerstmarkt", "https://example.nl/kerst"],
            [stamp, "Tweede bericht", ""]]
    calendar = read_calendar(write_csv(tmp_path / "bulk.csv", rows, delimiter=",",
                                       encoding="utf-8"), OPTIONS)
    assert calendar.kind == "hootsuite-bulk"
    first = calendar.posts[0]
    assert first.row == 1
    assert first.scheduled_at == expected.replace(tzinfo=AMSTERDAM)
    assert [(f.name, f.text) for f in first.fields] == [("Message", "Met de trein naar de kerstmarkt"),
                                                         ("Link", "https://example.nl/kerst")]
    assert calendar.posts[1].row == 2


def test_sprout_bulk_import(tmp_path: Path) -> None:
    rows = [["date", "time_24hr", "message_text", "link", "image_url"],
            ["11/25/2026", "17:45", "Sprout post", "https://example.com", ""]]
    calendar = read_calendar(write_csv(tmp_path / "sprout.csv", rows, delimiter=",",
                                       encoding="utf-8"), OPTIONS)
    assert calendar.kind == "sprout-bulk"
    post = calendar.posts[0]
    assert post.text == "Sprout post"
    assert post.scheduled_at == dt.datetime(2026, 11, 25, 17, 45, tzinfo=AMSTERDAM)


def test_buffer_style_export(tmp_path: Path) -> None:
    rows = [["Text", "Scheduled Date", "Scheduled Time", "Link", "Image URL"],
            ["Buffer post", "2026-11-26", "08:15", "https://example.com/b", ""]]
    calendar = read_calendar(write_csv(tmp_path / "buffer.csv", rows, delimiter=",",
                                       encoding="utf-8"), OPTIONS)
    assert calendar.kind == "buffer"
    assert calendar.posts[0].scheduled_at == dt.datetime(2026, 11, 26, 8, 15, tzinfo=AMSTERDAM)


def test_rows_without_text_are_not_posts_but_text_without_date_is(tmp_path: Path) -> None:
    rows = [["Datum", "Kanaal", "Bericht"], ["24-11-2026", "X", ""], ["", "X", "Zonder datum"]]
    calendar = read_calendar(write_csv(tmp_path / "gaps.csv", rows), OPTIONS)
    assert [(p.row, p.scheduled_at) for p in calendar.posts] == [(3, None)]
    assert "no date" in calendar.posts[0].warnings[0]


def test_utf8_with_a_stray_windows_1252_byte_stays_utf8(tmp_path: Path) -> None:
    data = ("Datum;Bericht\r\n24-11-2026;Met de 🚂 naar de markt\r\n25-11-2026;geëxplodeerd\r\n"
            .encode("utf-8") + "26-11-2026;café\r\n".encode("cp1252"))
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    calendar = read_calendar(path, OPTIONS)
    assert calendar.encoding == "utf-8"
    assert [p.text for p in calendar.posts] == ["Met de 🚂 naar de markt", "geëxplodeerd", "café"]
    assert any("line(s) 4" in note and "Windows-1252" in note for note in calendar.notes)


def test_an_encoded_surrogate_is_named_by_its_line(tmp_path: Path) -> None:
    """Bytes that look like UTF-8 but are not (an encoded surrogate, from a broken converter)."""
    data = "Datum;Bericht\r\n24-11-2026;Met de 🚂 mee\r\n".encode() + \
        b"25-11-2026;kapot \xed\xa0\xbd teken\r\n" + "26-11-2026;café\r\n".encode()
    path = tmp_path / "surrogate.csv"
    path.write_bytes(data)
    calendar = read_calendar(path, OPTIONS)
    assert [p.row for p in calendar.posts] == [2, 3, 4]
    assert any(note.startswith("line(s) 3: bytes that are not UTF-8") for note in calendar.notes), \
        calendar.notes


def test_an_unclosed_quote_is_an_error_not_lost_rows(tmp_path: Path) -> None:
    from contentcheck.errors import CalendarError

    path = tmp_path / "quote.csv"
    path.write_text('Datum;Bericht\r\n24-11-2026;"Niet gesloten\r\n25-11-2026;trein\r\n', encoding="utf-8")
    with pytest.raises(CalendarError, match="quote opened on line 2 is never closed"):
        read_calendar(path, OPTIONS)


def test_a_stray_quote_inside_a_field_is_read_leniently(tmp_path: Path) -> None:
    path = tmp_path / "stray.csv"
    path.write_text('Datum;Bericht\r\n24-11-2026;"Scherm"van 5 inch\r\n25-11-2026;trein\r\n', encoding="utf-8")
    calendar = read_calendar(path, OPTIONS)
    assert [p.text for p in calendar.posts] == ["Schermvan 5 inch", "trein"]
    assert any("line 2: a stray quote" in note for note in calendar.notes)


def test_after_a_stray_quote_a_huge_field_is_an_error_not_the_end_of_the_file(
        tmp_path: Path) -> None:
    """Lenient reading once ended quietly at its first error: every row after a field past
    csv's size limit was dropped without a word."""
    from contentcheck.errors import CalendarError

    path = tmp_path / "stray-then-huge.csv"
    huge = "x" * 200_000
    filler = "".join(f"24-11-2026;Post {n}\r\n" for n in range(3000))  # past the head's rows
    path.write_text(f'Datum;Bericht\r\n24-11-2026;"Scherm"van 5 inch\r\n{filler}'
                    f'25-11-2026;{huge}\r\n26-11-2026;trein naar huis\r\n', encoding="utf-8")
    with pytest.raises(CalendarError, match="longer than 131,072 characters") as error:
        read_calendar(path, OPTIONS)
    assert error.value.row == 3003


def test_rows_swallowed_by_a_quote_opened_by_mistake_are_named(tmp_path: Path) -> None:
    """A quote opened at the start of a field and closed lines later reads the rows in
    between as part of that field: their posts are never checked on their own. It is valid
    CSV, so it cannot be refused, but it must not pass in silence."""
    path = tmp_path / "quote.csv"
    path.write_text('Datum;Tijd;Kanaal;Bericht\r\n'
                    '24-11-2026;09:00;X;"Begin van een citaat\r\n'
                    '25-11-2026;10:00;X;Met de trein naar huis\r\n'
                    '26-11-2026;11:00;X;Nog een post"\r\n'
                    '27-11-2026;12:00;X;Gewoon weer verder\r\n', encoding="utf-8")
    calendar = read_calendar(path, OPTIONS)
    assert len(calendar.posts) == 2
    assert any(note.startswith("row 2 (lines 2-4): a quoted field holds 2 line(s) that look "
                               "like rows of their own") for note in calendar.notes), calendar.notes


def test_a_post_with_line_breaks_is_no_swallowed_row(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "lines.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["24-11-2026", "09:00", "X", "Regel een\nRegel twee; met een puntkomma\nRegel drie"]])
    calendar = read_calendar(path, OPTIONS)
    assert [p.text.count("\n") for p in calendar.posts] == [2]
    assert not any("look like rows" in note for note in calendar.notes)


def test_fields_past_the_header_are_scanned(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "long.csv", [["Datum", "Tijd", "Bericht"],
                                             ["25-11-2026", "10:00", "Gewoon", "Extra: slachtprijzen"]])
    post = read_calendar(path, OPTIONS).posts[0]
    assert [(f.name, f.text) for f in post.fields] == [("Bericht", "Gewoon"),
                                                       ("column D", "Extra: slachtprijzen")]


def test_a_row_with_a_field_too_many_is_named(tmp_path: Path) -> None:
    """An unquoted ';' in a text ("Kerstmarkt; neem de trein!") moves its end into Status,
    which is not checked as text: valid CSV, so read, but said out loud naming the row. The
    fields past the header are still scanned; a title line above the header is no header,
    and empty fields at the end of a row (a trailing ';') are no overflow."""
    path = tmp_path / "kalender.csv"
    path.write_bytes("Planning november;;\r\n"
                     "Datum;Tijd;Kanaal;Bericht;Status\r\n"
                     "25-11-2026;09:00;Facebook;Kerstmarkt; neem de trein!;Gepland\r\n"
                     "25-11-2026;10:00;X;Onze winterjassen zijn binnen;Gepland;;\r\n"
                     .encode("cp1252"))
    calendar = read_calendar(path, OPTIONS)
    assert [post.status for post in calendar.posts] == ["neem de trein!", "Gepland"]
    overflow = [note for note in calendar.notes if "column names" in note]
    assert overflow == ["row 3 (line 3): 6 fields under 5 column names; a ';' in an unquoted "
                        "text? Then its end was read as the next column's value, not checked "
                        "as text: check the row and quote that text"], calendar.notes


def test_a_row_with_a_field_too_many_is_a_warning_of_the_scan(tmp_path: Path) -> None:
    from tests.conftest import NOW, run

    path = tmp_path / "kalender.csv"
    path.write_bytes("Datum;Tijd;Kanaal;Bericht;Status\r\n"
                     "25-11-2026;09:00;Facebook;Kerstmarkt; neem de trein!;Gepland\r\n"
                     .encode("cp1252"))
    result = run("scan", path, "--term", "trein", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--lang", "en", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "kalender.csv: row 2 (line 2): 6 fields under 5 column names" in result.stdout


def test_a_publish_time_column_with_whole_date_times(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "pt.csv", [["Publish time", "Caption"], ["25-11-2026 10:00", "Hallo"]])
    post = read_calendar(path, OPTIONS).posts[0]
    assert post.scheduled_at == dt.datetime(2026, 11, 25, 10, 0, tzinfo=AMSTERDAM) and not post.warnings


def test_bookkeeping_columns_are_not_scanned(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "meta.csv", [["Week", "Datum", "Post ID", "Bericht", "Datum aanvraag",
                                              "Tijd besteed", "Notitie"],
                                             ["48", "25-11-2026", "98765", "Hallo", "01-11-2026", "2 uur", "intern"]])
    post = read_calendar(path, OPTIONS).posts[0]
    assert [f.name for f in post.fields] == ["Bericht"]  # a note is the team's, not published


def test_the_teams_notes_are_not_scanned_but_a_first_comment_is(tmp_path: Path) -> None:
    """Notes, feedback, briefing and target group are the team's own words, never published:
    a crisis word there must not pause a post (and leave the reviewer unable to change it)."""
    header = ["Datum", "Kanaal", "Bericht", "Opmerkingen", "Notities", "Interne notitie", "Notes",
              "Feedback", "Briefing", "Doelgroep", "Eerste opmerking"]
    path = write_csv(tmp_path / "notes.csv", [header, ["25-11-2026", "X", "Koffie", "trein a",
                                                       "trein b", "trein c", "trein d", "trein e",
                                                       "trein f", "treinreizigers", "Met de trein!"]])
    post = read_calendar(path, OPTIONS).posts[0]
    assert [(f.name, f.text) for f in post.fields] == [("Bericht", "Koffie"),
                                                       ("Eerste opmerking", "Met de trein!")]


def test_a_note_header_that_names_post_text_is_scanned(tmp_path: Path) -> None:
    """"Opmerkingen/Tekst" or "Briefing tekst" may hold the published words: scanned."""
    header = ["Datum", "Bericht", "Opmerkingen/Tekst", "Briefing tekst", "Notes (post)",
              "Remarks/caption", "Opmerkingen"]
    path = write_csv(tmp_path / "mixed.csv", [header, ["25-11-2026", "Koffie", "a", "b", "c", "d",
                                                       "intern"]])
    post = read_calendar(path, OPTIONS).posts[0]
    assert [f.name for f in post.fields] == ["Bericht", "Opmerkingen/Tekst", "Briefing tekst",
                                             "Notes (post)", "Remarks/caption"]
