"""The post sheets of the Excel report: one row per post, matched words highlighted in the cell.

Rows are written strictly in order (XlsxWriter's constant-memory mode), so a sheet of 100,000
posts costs a few megabytes of memory, not hundreds.
"""

from __future__ import annotations

import json
import math
from datetime import datetime, timedelta
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from contentcheck.calendar.columns import Role, role_of
from contentcheck.decide import reasons_in
from contentcheck.records import Match, Post, Verdict
from contentcheck.report.labels import DECISION_WORDS, Decision
from contentcheck.report.report_meta import post_fingerprint
from contentcheck.report.spans import pieces
from contentcheck.lists.categories import category_word
from contentcheck.wording import severity_word, warning_in

# (label key, width), in the order a reviewer reads on a 1366-pixel laptop screen without
# scrolling sideways: status, how soon it goes live, when, channel, the text with every hit
# (other fields that hit are added under it), then the reviewer's Decision and New text; the
# calendar's own status, owner and campaign; the evidence; where the post is; the hidden
# columns `apply` reads last.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("status", 18), ("live_in", 9), ("date", 10), ("time", 6), ("channel", 11), ("text", 47),
    ("decision", 12), ("new_text", 34), ("reviewer", 12), ("note", 24),
    ("calendar_status", 12), ("owner", 12), ("campaign", 14),
    ("reason", 70), ("terms", 20), ("lists", 28), ("file", 18), ("sheet", 11), ("row", 6),
    ("key", 12), ("hit_fields", 12), ("fingerprint", 12),
)
INDEX = {key: position for position, (key, _) in enumerate(COLUMNS)}
REVIEWER_COLUMNS = ("decision", "new_text", "reviewer", "note")
# for apply: which post this row is, in which of its fields the hits are (a JSON list), and
# what the post said (report_meta.post_fingerprint)
HIDDEN_COLUMNS = ("key", "hit_fields", "fingerprint")
LAST_SHOWN = min(INDEX[key] for key in HIDDEN_COLUMNS) - 1
SOON = timedelta(hours=2)  # "live in" is red below this
LINE_HEIGHT = 15.0
CELL_LIMIT = 32_767  # Excel's longest cell text
CUT_MARK = " [... cut: too long for Excel]"


def _fit(text: str) -> str:
    """Text Excel can hold: the start of an over-long text, and a word that it was cut."""
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - len(CUT_MARK)] + CUT_MARK
MAX_LINES = 12


def live_in(scheduled: datetime | None, all_day: bool, now: datetime, lang: str) -> str:
    """How soon a post goes live, as a reviewer reads it at a glance: "24 min", "5 h", "3 d"."""
    if scheduled is None:
        return ""
    if all_day:
        days = (scheduled.date() - now.astimezone(scheduled.tzinfo).date()).days
        return ("vandaag" if lang == "nl" else "today") if days == 0 else \
            ("voorbij" if lang == "nl" else "passed") if days < 0 else f"{days} d"
    minutes = int((scheduled - now).total_seconds() // 60)
    if minutes < 0:
        return "voorbij" if lang == "nl" else "passed"
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} {'u' if lang == 'nl' else 'h'}"
    return f"{minutes // (24 * 60)} d"


def _file_name(post: Post) -> str:
    return post.source.replace("\\", "/").rsplit("/", 1)[-1]


@lru_cache(maxsize=256)
def _role(header: str) -> Role | None:
    return role_of(header)


def _lines(text: str, width: int) -> int:
    """About how many lines a wrapped cell needs, to size its row."""
    chars = max(width * 1.15, 1)
    return sum(max(1, math.ceil(len(line) / chars)) for line in text.split("\n")) if text else 1


class PostSheet:
    """One sheet of posts; ``add`` writes a row, ``finish`` adds filter and validation."""

    def __init__(self, book: Any, name: str, formats: dict[str, Any], labels: dict[str, str],
                 lang: str, now: datetime, earlier: Callable[[Post], Any] | None = None,
                 channel: Callable[[Post], str] = lambda post: post.channel or "-") -> None:
        self.sheet = book.add_worksheet(name)
        self.formats, self.labels, self.lang, self.now = formats, labels, lang, now
        self.earlier = earlier  # a person's decision from an earlier apply, carried over
        self.channel = channel  # the channel a reader sees (a bulk file's scheduler)
        self.row = 0
        sheet = self.sheet
        for column, (key, width) in enumerate(COLUMNS):
            options = {"hidden": True} if key in HIDDEN_COLUMNS else {}
            # reviewer columns get their fill from the column, so no cell needs writing there
            style = formats["reviewer"] if key in REVIEWER_COLUMNS else formats["cell"]
            sheet.set_column(column, column, width, style, options)
        sheet.set_row(0, 30)
        for column, (key, _) in enumerate(COLUMNS):
            style = "header_reviewer" if key in REVIEWER_COLUMNS else "header"
            sheet.write_string(0, column, labels[key], formats[style])
        sheet.freeze_panes(1, 1)  # the header and the status: the rest fits the screen
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)

    def add(self, verdict: Verdict, key: str, new: bool = False,
            twins: Sequence[tuple[Verdict, str]] = ()) -> None:
        """One row for a post; ``twins``: the same post in other calendars (verdict and key),
        named in this row, and given its decision by apply."""
        self.row += 1
        row, post, f, at = self.row, verdict.post, self.formats, INDEX
        main_field = post.fields[0].name if post.fields else ""
        others = [pf for pf in post.fields[1:] if any(m.field == pf.name for m in verdict.findings)]
        reasons = reasons_in(verdict, self.lang)
        reasons += [warning_in(w, self.lang) for w in post.warnings]
        everyone = [(verdict, key), *twins]
        if twins:
            reasons.append(self.labels["also_in"] + ": " + "; ".join(
                self._place(other.post) for other, _ in twins))
        lists = sorted({f"{m.source} / {category_word(m.category, self.lang)} / "
                        f"{severity_word(m.severity.value, self.lang)}" for m in verdict.findings})
        terms = sorted({m.rule for m in verdict.findings})
        shown = post.text + "".join(f"\n{pf.name}: {pf.text}" for pf in others)
        height = max(_lines(shown, COLUMNS[at["text"]][1]),
                     _lines("\n".join(reasons), COLUMNS[at["reason"]][1]))
        self.sheet.set_row(row, LINE_HEIGHT * min(height, MAX_LINES))
        sheet = self.sheet
        status = self.labels[verdict.status.value] + (f" · {self.labels['new']}" if new else "")
        sheet.write_string(row, at["status"], status, f[verdict.status.value])
        when = post.scheduled_at
        if when is not None:
            soon = live_in(when, post.all_day, self.now, self.lang)
            urgent = not post.all_day and timedelta(0) <= when - self.now < SOON
            sheet.write_string(row, at["live_in"], soon, f["urgent" if urgent else "cell"])
            sheet.write_datetime(row, at["date"], when.replace(tzinfo=None), f["date"])
            if not post.all_day:
                sheet.write_datetime(row, at["time"], when.replace(tzinfo=None), f["time"])
        else:
            sheet.write_string(row, at["date"], self.labels["undated"], f["warning"])
        own = post if post.channel else next((o.post for o, _ in twins if o.post.channel), post)
        self._text(row, at["channel"], self.channel(own))
        # the hits in hashtags, alt text or a first comment are shown (highlighted) under the
        # text, so every flagged row has its highlight in the one cell a reviewer reads
        self._rich(row, at["text"], [(None, post.text, main_field)]
                   + [(f"{pf.name}: ", pf.text, pf.name) for pf in others], verdict.findings)
        self._text(row, at["calendar_status"], post.status)
        extra = {_role(name): value for name, value in post.extra}
        self._text(row, at["owner"], extra.get(Role.OWNER))
        self._text(row, at["campaign"], extra.get(Role.CAMPAIGN))
        self._text(row, at["terms"], "\n".join(terms))
        self._text(row, at["lists"], "\n".join(lists))
        self._text(row, at["reason"], "\n".join(reasons))
        # every place, one line each; the hidden columns hold one line per place for apply
        self._text(row, at["file"], "\n".join(_file_name(v.post) for v, _ in everyone))
        self._text(row, at["sheet"], "\n".join(v.post.sheet or "-" for v, _ in everyone)
                   if any(v.post.sheet for v, _ in everyone) else None)
        if twins:
            sheet.write_string(row, at["row"], "\n".join(str(v.post.row) for v, _ in everyone),
                               f["cell"])
        else:
            sheet.write_number(row, at["row"], post.row, f["cell"])
        sheet.write_string(row, at["key"], "\n".join(k for _, k in everyone), f["cell"])
        sheet.write_string(row, at["hit_fields"], "\n".join(
            json.dumps(sorted({m.field for m in v.findings}), ensure_ascii=False)
            for v, _ in everyone), f["cell"])
        sheet.write_string(row, at["fingerprint"],
                           "\n".join(post_fingerprint(v.post) for v, _ in everyone), f["cell"])
        if self.earlier is not None and (carried := self.earlier(post, verdict)):
            self._carry(row, *carried)

    def _place(self, post: Post) -> str:
        """``hootsuite.csv row 1``, in the reader's language."""
        sheet = f" [{post.sheet}]" if post.sheet else ""
        return f"{_file_name(post)}{sheet} {self.labels['row'].lower()} {post.row}"

    def _carry(self, row: int, decision: str, new_text: str | None, reviewer: str | None,
               note: str | None) -> None:
        """A decision made in an earlier apply on this very post: filled in, so the reviewer
        sees it and does not type it again (apply reads it as this report's decision)."""
        word = DECISION_WORDS[self.lang][Decision(decision)]
        style, at = self.formats["reviewer"], INDEX
        self.sheet.write_string(row, at["decision"], word, style)
        for key, value in (("new_text", new_text), ("reviewer", reviewer), ("note", note)):
            if value:
                self.sheet.write_string(row, at[key], _fit(value), style)

    def _text(self, row: int, column: int, value: str | None) -> None:
        """A plain text cell; nothing at all for an empty value (the column gives the format)."""
        if value:
            value = _fit(value)
            self.sheet.write_string(row, column, value, self.formats["cell"])

    def _rich(self, row: int, column: int, parts: list[tuple[str | None, str, str]],
              matches: tuple[Match, ...]) -> None:
        """Write text with every matched span bold and coloured, in the cell itself."""
        fragments: list[Any] = []
        highlighted = False
        for index, (prefix, text, field) in enumerate(parts):
            if index:
                fragments.append("\n")
            if prefix:
                fragments += [self.formats["field_name"], prefix]
            for piece, crisis in pieces(text, matches, field):
                if crisis is None:
                    fragments.append(piece)
                else:
                    highlighted = True
                    fragments += [self.formats["crisis_hit" if crisis else "hit"], piece]
        plain = "".join(p for p in fragments if isinstance(p, str))
        if not plain:
            return
        if len(plain) > CELL_LIMIT:  # Excel cannot hold it: the start, plainly, and say so
            self.sheet.write_string(row, column, _fit(plain),
                                    self.formats["cell"])
            return
        if not highlighted:
            self.sheet.write_string(row, column, plain, self.formats["cell"])
        elif len(fragments) == 2:  # the whole text is one hit: a rich string needs 3+ fragments
            style = "crisis_hit_cell" if fragments[0] is self.formats["crisis_hit"] else "hit_cell"
            self.sheet.write_string(row, column, plain, self.formats[style])
        else:
            self.sheet.write_rich_string(row, column, *fragments, self.formats["cell"])

    def finish(self) -> None:
        last = max(self.row, 1)
        self.sheet.autofilter(0, 0, last, LAST_SHOWN)
        if not self.row:
            return
        words = DECISION_WORDS[self.lang]
        column = INDEX["decision"]
        self.sheet.data_validation(1, column, self.row, column, {
            "validate": "list", "source": [w for w in words.values()],
            "input_title": self.labels["decision"], "input_message": " / ".join(words.values()),
            "error_type": "warning"})
        for decision, word in words.items():
            self.sheet.conditional_format(1, column, self.row, column, {
                "type": "cell", "criteria": "==", "value": f'"{word}"',
                "format": self.formats[f"decided_{decision.value}"]})
