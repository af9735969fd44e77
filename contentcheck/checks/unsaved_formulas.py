"""unsaved-formulas: a post read from a formula cell that has no saved result.

What it does
    Asks for review of every post whose text, date, time, channel or status is a formula
    that the workbook holds without its result, naming the column, the cell and the formula.

Why
    Excel saves each formula's result beside it; a workbook written by a script (openpyxl,
    a planning tool's export, a copy ``contentcheck apply`` wrote after changing a cell the
    formula reads) may hold only the formula. The scan then checks the formula's own text:
    ``="Met de trein naar "&B2`` still shows its words, but ``=D2&" !"`` shows none of the
    post it makes, and a date ``=A2+1`` is no date at all. Such a post is not known to be
    harmless, so it is not left ok.

Example
    ``Bericht`` in D3 is ``=D2&" !"`` with no result: review, "'Bericht' (D3) is a formula
    without a saved result (=D2&" !"): what it shows was not checked; open the file in Excel
    and save it there, then scan again".

Known problems
    Only .xlsx/.xlsm workbooks are looked at (an .ods or .xls keeps its results). A post
    that also hits a crisis term is paused as usual. The check cannot be switched off: open
    and save the workbook in Excel (or LibreOffice) and the results are there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from contentcheck.calendar.formulas import formula_cells
from contentcheck.records import Finding, Post, Severity, Status
from contentcheck.wording import UNSAVED_FORMULA_WORDS, words

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext

ID = "unsaved-formulas"
DEFAULT: Mapping[str, Any] = {"enabled": True}
SCOPE = "post"
REQUIRED = ("a post read from a formula without a saved result was not checked as it shows; "
            "open and save the workbook in Excel instead")


_WARNINGS = attrgetter("warnings")


class UnsavedFormulas:
    """Findings from the warnings the reader gave a post (``calendar.formulas``)."""

    def check(self, index: int, post: Post) -> Sequence[Finding]:
        if not post.warnings:  # nearly every post: nothing to read
            return ()
        return [Finding(check=ID, field=column, start=0, end=0, matched=f"={formula}",
                        rule="formula without a saved result", source=ID, category=ID,
                        severity=Severity.MEDIUM, status=Status.REVIEW,
                        details=(("cell", ref),))
                for column, ref, formula in formula_cells(post.warnings)]

    def check_chunk(self, start: int, posts: Sequence[Post]
                    ) -> list[tuple[int, Sequence[Finding]]]:
        """Only the posts with warnings (a few, if any) are looked at, found in C."""
        warned = compress(range(start, start + len(posts)), map(_WARNINGS, posts))
        return [(index, found) for index in warned
                if (found := self.check(index, posts[index - start]))]

    def finish(self) -> tuple[()]:
        return ()


def start(context: "CheckContext", config: Mapping[str, Any]) -> UnsavedFormulas:
    return UnsavedFormulas()


def describe(finding: Finding, lang: str) -> str:
    """"'Bericht' (D3) is a formula without a saved result (=D2&" !"): ..."."""
    return UNSAVED_FORMULA_WORDS[words(lang)].format(
        column=finding.field, cell=finding.detail("cell"), formula=finding.matched)
