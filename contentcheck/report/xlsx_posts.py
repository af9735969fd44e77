"""The post sheets of the Excel report: one row per post, matched words highlighted in the cell.

A sheet is laid out on its XlsxWriter worksheet when it is made (columns, header, panes, filter,
the decision dropdown for the rows it will have); its rows go left to right, top to bottom,
into a ``xlsx_rows.RowWriter``, so a sheet of 1,000,000 posts holds no row once written.
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
from contentcheck.report.spans import excerpts, pieces
from contentcheck.report.xlsx_rows import RowWriter
from contentcheck.lists.categories import category_word
from contentcheck.wording import check_category_word, rule_shown, severity_word, warning_in

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


EXCERPT = 400  # characters kept on each side of a hit when a text is too long for a cell
EXCERPT_MARK = " [...] "


def _excerpts(fragments: list[Any]) -> list[Any]:
    """A text too long for a cell (Excel holds 32,767 characters) as its hits with
    ``EXCERPT`` characters around each (``spans.excerpts``): cutting only its end would hide
    a hit far down the text from the reviewer, who would see a reason but no highlighted
    word. ``fragments`` as for ``rich``: a string right after a format is a hit or a field
    name and is kept whole."""
    at = [i for i, fragment in enumerate(fragments) if isinstance(fragment, str)]
    texts = excerpts([(fragments[i], i > 0 and not isinstance(fragments[i - 1], str))
                      for i in at], EXCERPT, EXCERPT_MARK)
    out = list(fragments)
    for i, text in zip(at, texts):
        out[i] = text
    return out


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


def _hit_fields(verdict: Verdict) -> str:
    """The fields with hits, as the JSON list apply reads."""
    if not verdict.findings:
        return "[]"
    return json.dumps(sorted({m.field for m in verdict.findings}), ensure_ascii=False)


def _category(category: str, lang: str) -> str:
    """A finding's category as the reader reads it: a check's own (``quiet-period``) or a
    word list's."""
    return check_category_word(category, lang) or category_word(category, lang)


@lru_cache(maxsize=256)
def _file_name(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]


@lru_cache(maxsize=256)
def _role(header: str) -> Role | None:
    return role_of(header)


def _lines(text: str, width: int) -> int:
    """About how many lines a wrapped cell needs, to size its row."""
    chars = max(width * 1.15, 1)
    return sum(max(1, math.ceil(len(line) / chars)) for line in text.split("\n")) if text else 1


class PostSheet:
    """One sheet of ``rows`` posts: laid out when made; ``add`` writes the next row to ``out``."""

    def __init__(self, book: Any, name: str, rows: int, formats: dict[str, Any],
                 labels: dict[str, str], lang: str, now: datetime,
                 earlier: Callable[[Post], Any] | None = None,
                 channel: Callable[[Post], str] = lambda post: post.channel or "-") -> None:
        self.sheet = book.add_worksheet(name)
        self.name, self.rows = name, rows  # the rows this sheet will have, header not counted
        self.formats, self.labels, self.lang, self.now = formats, labels, lang, now
        self.earlier = earlier  # a person's decision from an earlier apply, carried over
        self.channel = channel  # the channel a reader sees (a bulk file's scheduler)
        self.out: RowWriter | None = None  # set by xlsx_report when the rows are written
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
        self._filter_and_validation()

    def add(self, verdict: Verdict, key: str, new: bool = False,
            twins: Sequence[tuple[Verdict, str]] = ()) -> None:
        """One row for a post; ``twins``: the same post in other calendars (verdict and key),
        named in this row, and given its decision by apply. Cells go left to right (Excel
        wants a row's cells in order). Most posts have no findings: each step below costs
        next to nothing for them."""
        self.row += 1
        row, post, f, at, findings = self.row, verdict.post, self.formats, INDEX, verdict.findings
        main_field = post.fields[0].name if post.fields else ""
        others = [pf for pf in post.fields[1:] if any(m.field == pf.name for m in findings)] \
            if findings else []
        reasons = reasons_in(verdict, self.lang) if findings else []
        if post.warnings:
            reasons += [warning_in(w, self.lang) for w in post.warnings]
        everyone = [(verdict, key), *twins]
        if twins:
            reasons.append(self.labels["also_in"] + ": " + "; ".join(
                self._place(other.post) for other, _ in twins))
        shown = post.text + "".join(f"\n{pf.name}: {pf.text}" for pf in others)
        height = max(_lines(shown, COLUMNS[at["text"]][1]),
                     _lines("\n".join(reasons), COLUMNS[at["reason"]][1]))
        out = self.out
        out.row(row, LINE_HEIGHT * min(height, MAX_LINES))
        status = self.labels[verdict.status.value] + (f" · {self.labels['new']}" if new else "")
        out.string(at["status"], status, f[verdict.status.value])
        when = post.scheduled_at
        if when is not None:
            soon = live_in(when, post.all_day, self.now, self.lang)
            urgent = not post.all_day and timedelta(0) <= when - self.now < SOON
            out.string(at["live_in"], soon, f["urgent" if urgent else "cell"])
            moment = when.replace(tzinfo=None)
            out.datetime_cell(at["date"], moment, f["date"])
            if not post.all_day:
                out.datetime_cell(at["time"], moment, f["time"])
        else:
            out.string(at["date"], self.labels["undated"], f["warning"])
        own = post if post.channel else next((o.post for o, _ in twins if o.post.channel), post)
        self._text(at["channel"], self.channel(own))
        # the hits in hashtags, alt text or a first comment are shown (highlighted) under the
        # text, so every flagged row has its highlight in the one cell a reviewer reads
        if findings:
            self._rich(at["text"], [(None, post.text, main_field)]
                       + [(f"{pf.name}: ", pf.text, pf.name) for pf in others], findings)
        else:
            self._text(at["text"], post.text)
        if self.earlier is not None and (carried := self.earlier(post, verdict)):
            self._carry(*carried)
        self._text(at["calendar_status"], post.status)
        if post.extra:
            extra = {_role(name): value for name, value in post.extra}
            self._text(at["owner"], extra.get(Role.OWNER))
            self._text(at["campaign"], extra.get(Role.CAMPAIGN))
        self._text(at["reason"], "\n".join(reasons))
        if findings:
            self._text(at["terms"], "\n".join(sorted({
                rule_shown(m.check, m.rule, self.lang) for m in findings})))
            self._text(at["lists"], "\n".join(sorted({
                f"{m.source} / {_category(m.category, self.lang)} / "
                f"{severity_word(m.severity.value, self.lang)}" for m in findings})))
        # every place, one line each; the hidden columns hold one line per place for apply
        self._text(at["file"], "\n".join(_file_name(v.post.source) for v, _ in everyone))
        self._text(at["sheet"], "\n".join(v.post.sheet or "-" for v, _ in everyone)
                   if any(v.post.sheet for v, _ in everyone) else None)
        if twins:
            out.string(at["row"], "\n".join(str(v.post.row) for v, _ in everyone), f["cell"])
        else:
            out.number_cell(at["row"], post.row, f["cell"])
        out.string(at["key"], "\n".join(k for _, k in everyone), f["cell"])
        out.string(at["hit_fields"], "\n".join(_hit_fields(v) for v, _ in everyone), f["cell"])
        out.string(at["fingerprint"],
                   "\n".join(post_fingerprint(v.post) for v, _ in everyone), f["cell"])

    def _place(self, post: Post) -> str:
        """``hootsuite.csv row 1``, in the reader's language."""
        sheet = f" [{post.sheet}]" if post.sheet else ""
        return f"{_file_name(post.source)}{sheet} {self.labels['row'].lower()} {post.row}"

    def _carry(self, decision: str, new_text: str | None, reviewer: str | None,
               note: str | None) -> None:
        """A decision made in an earlier apply on this very post: filled in, so the reviewer
        sees it and does not type it again (apply reads it as this report's decision)."""
        word = DECISION_WORDS[self.lang][Decision(decision)]
        style, at = self.formats["reviewer"], INDEX
        self.out.string(at["decision"], word, style)
        for key, value in (("new_text", new_text), ("reviewer", reviewer), ("note", note)):
            if value:
                self.out.string(at[key], _fit(value), style)

    def _text(self, column: int, value: str | None) -> None:
        """A plain text cell; nothing at all for an empty value (the column gives the format)."""
        if value:
            self.out.string(column, value if len(value) <= CELL_LIMIT else _fit(value),
                            self.formats["cell"])

    def _rich(self, column: int, parts: list[tuple[str | None, str, str]],
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
        if len(plain) > CELL_LIMIT and highlighted:  # the hits, with text around them
            fragments = _excerpts(fragments)
            shortened = "".join(p for p in fragments if isinstance(p, str))
            plain = shortened if len(shortened) <= CELL_LIMIT else plain
        if len(plain) > CELL_LIMIT:  # Excel cannot hold it: the start, plainly, and say so
            self.out.string(column, _fit(plain), self.formats["cell"])
            return
        if not highlighted:
            self.out.string(column, plain, self.formats["cell"])
        elif len(fragments) == 2:  # the whole text is one hit: shown in a bold cell
            style = "crisis_hit_cell" if fragments[0] is self.formats["crisis_hit"] else "hit_cell"
            self.out.string(column, plain, self.formats[style])
        else:
            self.out.rich(column, fragments, self.formats["cell"])

    def _filter_and_validation(self) -> None:
        """The filter over every row, the decision dropdown and its colours (the rows are
        written later, straight into the sheet's part: xlsx_rows)."""
        # over the hidden columns too: a sort by a filter arrow moves only the filter's
        # columns, and a key left behind would hand each decision to another post
        self.sheet.autofilter(0, 0, max(self.rows, 1), len(COLUMNS) - 1)
        if not self.rows:
            return
        words = DECISION_WORDS[self.lang]
        column = INDEX["decision"]
        self.sheet.data_validation(1, column, self.rows, column, {
            "validate": "list", "source": [w for w in words.values()],
            "input_title": self.labels["decision"], "input_message": " / ".join(words.values()),
            "error_type": "warning"})
        for decision, word in words.items():
            self.sheet.conditional_format(1, column, self.rows, column, {
                "type": "cell", "criteria": "==", "value": f'"{word}"',
                "format": self.formats[f"decided_{decision.value}"]})
