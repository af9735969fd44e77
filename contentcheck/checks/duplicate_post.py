"""duplicate-post: the same post scheduled twice on one channel.

What it does
    Flags upcoming posts of one calendar file that have the same text (ignoring case and
    spacing) on the same channel, whether at the same moment or at different moments. Each
    copy names the other rows.

Why
    A double upload, a copied row that was never changed, or a re-planned post whose old row
    stayed: the audience sees the same message twice, and during an incident a post that was
    paused in one row still goes out from the other.

Example
    Row 12 and row 30 both hold "Nu 2 halen, 1 betalen!" for Instagram: both go to review,
    "also scheduled for Instagram in row 30 (Tue 01-12-2026 09:00)".

Known problems
    Posts without a channel are not compared (the same text for several channels in one row
    set is normal). The same post in a workbook and in its scheduler export are two files,
    and not flagged. Configure with ``[checks.duplicate-post] enabled = false``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from contentcheck.records import Finding, Post, Severity, Status
from contentcheck.wording import DUPLICATE_WORDS, words

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext

ID = "duplicate-post"
DEFAULT: Mapping[str, Any] = {"enabled": True}
SCOPE = "post"
ACROSS_POSTS = True  # finish() reports on earlier posts: every post in one process


def _key(post: Post) -> tuple[str, str | None, str, str] | None:
    if not post.channel or not post.text.strip():
        return None
    return (post.source, post.sheet, post.channel.casefold().strip(),
            " ".join(post.text.casefold().split()))


def _when(post: Post) -> str:
    moment = post.scheduled_at
    if moment is None:
        return "-"
    return f"{moment:%d-%m-%Y}" + ("" if post.all_day else f" {moment:%H:%M}")


class DuplicateRunner:
    """Groups the posts by file, channel and text; reports the groups of two or more."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, str | None, str, str], list[tuple[int, Post]]] = {}

    def check(self, index: int, post: Post) -> Sequence[Finding]:
        key = _key(post)
        if key is not None:
            self.groups.setdefault(key, []).append((index, post))
        return ()

    def finish(self) -> Iterator[tuple[int, Finding]]:
        for group in self.groups.values():
            if len(group) < 2:
                continue
            for index, post in group:
                twins = [other for i, other in group if i != index]
                yield index, Finding(
                    check=ID, field=post.fields[0].name, start=0, end=0, matched="",
                    rule="scheduled twice", source=ID, category=ID, severity=Severity.LOW,
                    status=Status.REVIEW,
                    details=(("channel", post.channel or ""),
                             ("rows", ", ".join(str(t.row) for t in twins)),
                             ("when", ", ".join(_when(t) for t in twins))))


def start(context: "CheckContext", config: Mapping[str, Any]) -> DuplicateRunner:
    return DuplicateRunner()


def describe(finding: Finding, lang: str) -> str:
    """"also scheduled for Instagram in row 30 (01-12-2026 09:00)", in the reader's language."""
    phrase = DUPLICATE_WORDS[words(lang)]
    return phrase.format(channel=finding.detail("channel"), rows=finding.detail("rows"),
                         when=finding.detail("when"))
