"""The summary sheet: what was checked, against what, and what came out, at a glance."""

from __future__ import annotations

from collections import Counter
from typing import Any

from contentcheck.records import Status
from contentcheck.scan import ScanResult
from contentcheck.wording import warning_in

VALUE_LAST_COLUMN = 12  # long values span B..M
VALUE_CHARS_PER_LINE = 125


def _when(moment: Any) -> str:
    return moment.strftime("%d-%m-%Y %H:%M") if moment else "-"


def write_summary(book: Any, name: str, result: ScanResult, labels: dict[str, str],
                  formats: dict[str, Any], new_count: int | None = None, lang: str = "en") -> None:
    sheet = book.add_worksheet(name)
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 3, 12)  # status counts
    sheet.set_column(4, VALUE_LAST_COLUMN, 10)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    row = 0

    def line(label: str, value: str, style: str = "wrap") -> None:
        """A label and a value spread over the columns to its right, wrapped when long."""
        nonlocal row
        sheet.set_row(row, 15 * max(1, -(-len(value) // VALUE_CHARS_PER_LINE)))
        sheet.write_string(row, 0, label, formats["label"])
        sheet.merge_range(row, 1, row, VALUE_LAST_COLUMN, value, formats[style])
        row += 1

    sheet.write_string(row, 0, labels["title"], formats["title"])
    row += 2
    if result.crisis_active:
        line(labels["crisis_banner"], _crisis_names(result, lang), "banner")
        for held in result.hold_lines(lang):
            line(labels["quiet_period"], held)
        for chosen in result.kit_lines(lang):
            line(labels["kit_chosen"], chosen)
    line(labels["ran_at"], _when(result.now))
    if result.window:
        line(labels["window"], f"{_when(result.window.start)} - {_when(result.window.end)}")
    else:
        line(labels["window"], labels["window_all"])
    for calendar in result.calendars:
        sheets = f" [{', '.join(calendar.sheets)}]" if calendar.sheets else ""
        line(labels["calendars"], f"{calendar.path}{sheets} ({calendar.kind}, {len(calendar.posts)})")
    line(labels["crisis"], _crisis_names(result, lang) or labels["no_crisis"])
    if result.crisis_terms:
        line(labels["crisis_terms"], ", ".join(result.crisis_terms))
    line(labels["word_lists"], ", ".join(f"{n} ({c})" for n, c in result.lists.items()) or "-")
    line("", labels["how_to"])
    row += 1

    counts, by_channel, days = _tally(result, lang, labels["undated"])
    chart_anchor = row
    sheet.write_string(row, 0, labels["counts"], formats["header"])
    sheet.write_string(row, 1, labels["count"], formats["header"])
    row += 1
    for status in Status:
        sheet.write_string(row, 0, labels[status.value], formats[status.value])
        sheet.write_number(row, 1, counts.get(status, 0), formats["number"])
        row += 1
    sheet.write_string(row, 0, labels["total"], formats["label"])
    sheet.write_number(row, 1, len(result.verdicts), formats["number"])
    row += 1
    if new_count is not None:
        sheet.write_string(row, 0, labels["new_since"], formats["label"])
        sheet.write_number(row, 1, new_count, formats["number"])
        row += 1
    row += 1

    row = _table(sheet, row, labels["by_channel"], labels, formats, by_channel)
    day_first_row = row + 1
    row = _table(sheet, row, labels["by_day"], labels, formats, days)
    if days:
        _day_chart(book, sheet, name, day_first_row, len(days), labels, chart_anchor)

    warnings = result.warnings(lang)
    sheet.write_string(row, 0, labels["warnings"], formats["header"])
    row += 1
    for warning in warnings or [labels["no_warnings"]]:
        line("", warning)


def _crisis_names(result: ScanResult, lang: str) -> str:
    """Declared crises by name, crisis files by file name, and --term (a chosen kit in the
    reader's language: "kit data-breach (gekozen, controle)")."""
    from pathlib import PurePath

    names = [c["name"] for c in result.crises]
    names += [warning_in(PurePath(source).name, lang) for source in result.crisis_sources
              if not source.startswith("crisis ")]
    return ", ".join(names)


def _tally(result: ScanResult, lang: str, undated: str
           ) -> tuple[Counter, list[tuple[str, Counter]], list[tuple[str, Counter]]]:
    """In one pass over the verdicts: the statuses, and the statuses per channel and per day.
    Channels are counted case-blind ("TikTok" and "tiktok" together) under the spelling
    used most."""
    seen: Counter = Counter()  # (channel, source, date, status): one count per kind of post
    for verdict in result.verdicts:
        post = verdict.post
        when = post.scheduled_at
        seen[post.channel, post.source, when.date() if when is not None else None,
             verdict.status] += 1
    statuses: Counter = Counter()
    channels: dict[str, dict[str, Counter]] = {}  # folded -> spelling -> statuses
    days: dict[str, Counter] = {}
    for (channel, source, day, status), count in seen.items():
        statuses[status] += count
        shown = result.channel_shown(channel, source, lang)
        channels.setdefault(shown.casefold(), {}).setdefault(shown, Counter())[status] += count
        name = day.strftime("%Y-%m-%d") if day is not None else undated
        days.setdefault(name, Counter())[status] += count
    by_channel = []
    for spellings in channels.values():
        name = max(spellings, key=lambda spelling: spellings[spelling].total())  # first of ties
        by_channel.append((name, sum(spellings.values(), Counter())))
    return statuses, sorted(by_channel), sorted(days.items())


def _table(sheet: Any, row: int, title: str, labels: dict[str, str], formats: dict[str, Any],
           groups: list[tuple[str, Counter]]) -> int:
    """A small table: one row per group, a column per status."""
    sheet.write_string(row, 0, title, formats["header"])
    for column, status in enumerate(Status, start=1):
        sheet.write_string(row, column, labels[status.value], formats[status.value])
    row += 1
    for name, counter in groups:
        sheet.write_string(row, 0, name, formats["cell"])
        for column, status in enumerate(Status, start=1):
            sheet.write_number(row, column, counter.get(status, 0), formats["number"])
        row += 1
    return row + 1


def _day_chart(book: Any, sheet: Any, name: str, first_row: int, count: int,
               labels: dict[str, str], anchor_row: int) -> None:
    """A stacked column chart of posts per day and status, beside the table."""
    chart = book.add_chart({"type": "column", "subtype": "stacked"})
    colours = {Status.PAUSE: "#C00000", Status.REVIEW: "#FFC000", Status.OK: "#70AD47"}
    for column, status in enumerate(Status, start=1):
        chart.add_series({
            "name": labels[status.value],
            "categories": [name, first_row, 0, first_row + count - 1, 0],
            "values": [name, first_row, column, first_row + count - 1, column],
            "fill": {"color": colours[status]},
        })
    chart.set_title({"name": labels["by_day"]})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 520, "height": 280})
    sheet.insert_chart(anchor_row, 5, chart, {"object_position": 3})
