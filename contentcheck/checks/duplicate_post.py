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

from array import array
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from itertools import islice
from typing import TYPE_CHECKING, Any

from contentcheck.records import Finding, Post, Severity, Status
from contentcheck.text import same_words
from contentcheck.wording import DUPLICATE_WORDS, words

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext

ID = "duplicate-post"
DEFAULT: Mapping[str, Any] = {"enabled": True}
SCOPE = "post"
ACROSS_POSTS = True  # finish() reports on earlier posts: every post in one process


def _when(moment: datetime | None, all_day: bool) -> str:
    if moment is None:
        return "-"
    return f"{moment:%d-%m-%Y}" + ("" if all_day else f" {moment:%H:%M}")


class DuplicateRunner:
    """Groups the posts by file, channel and text; reports the groups of two or more.

    A calendar of 1,000,000 posts is checked a chunk at a time, so no post is kept: each one
    leaves two hashes of its key (128 bits: a false match is beyond any real calendar), its
    row, and numbers for its time and its channel, 32 bytes; the groups are found by sorting
    the hashes once every post was seen."""

    def __init__(self) -> None:
        self.first_hash, self.second_hash = array("q"), array("q")
        self.indexes, self.rows, self.places = array("L"), array("L"), array("L")
        # (moment, its zone, all day, channel, field name) -> its number: they repeat
        self._places: dict[tuple[Any, ...], int] = {}
        self._folded: dict[str, str] = {}  # channel -> its name ignoring case and spacing

    def check(self, index: int, post: Post) -> Sequence[Finding]:
        """Keep the post's hashes, row and place, if it has a channel and a text: its key is
        the file, sheet, channel and the main text ignoring case and spacing (``str.split``
        and ``str.strip`` know the same whitespace, so an empty text is a blank one)."""
        channel, fields = post.channel, post.fields
        if not channel or not fields:
            return ()
        text = same_words(fields[0][1])
        if not text:
            return ()
        folded = self._folded.get(channel)
        if folded is None:  # a calendar names a few channels: each folded once
            folded = self._folded[channel] = channel.casefold().strip()
        key = (post.source, post.sheet, folded, text)
        moment = post.scheduled_at  # the zone too: one instant reads differently per zone
        place = (moment, moment and moment.tzinfo, post.all_day, channel, fields[0][0])
        self.first_hash.append(hash(key))
        self.second_hash.append(hash((key, 1)))
        self.indexes.append(index)
        self.rows.append(post.row)
        places = self._places
        self.places.append(places.setdefault(place, len(places)))
        return ()

    def _groups(self) -> Iterator[list[int]]:
        """The positions of the posts that share a key, two or more, each group in the order
        the posts were read. The hashes sorted once show which repeat (a list of ints, freed
        at once: sorting positions by hash would hold twice as much)."""
        first, second = self.first_hash, self.second_hash
        ordered = sorted(first)
        repeated = {h for h, after in zip(ordered, islice(ordered, 1, None)) if h == after}
        del ordered
        groups: dict[tuple[int, int], list[int]] = {}
        for position, value in enumerate(first):
            if value in repeated:
                groups.setdefault((value, second[position]), []).append(position)
        return (group for group in groups.values() if len(group) > 1)

    def finish(self) -> Iterator[tuple[int, Finding]]:
        places = list(self._places)
        whens = [_when(moment, all_day) for moment, _, all_day, _, _ in places]
        for group in self._groups():
            for position in group:
                twins = [other for other in group if other != position]
                channel, field = places[self.places[position]][3:]
                yield self.indexes[position], Finding(
                    check=ID, field=field, start=0, end=0, matched="",
                    rule="scheduled twice", source=ID, category=ID, severity=Severity.LOW,
                    status=Status.REVIEW,
                    details=(("channel", channel),
                             ("rows", ", ".join(str(self.rows[t]) for t in twins)),
                             ("when", ", ".join(whens[self.places[t]] for t in twins))))


def start(context: "CheckContext", config: Mapping[str, Any]) -> DuplicateRunner:
    return DuplicateRunner()


def describe(finding: Finding, lang: str) -> str:
    """"also scheduled for Instagram in row 30 (01-12-2026 09:00)", in the reader's language."""
    phrase = DUPLICATE_WORDS[words(lang)]
    return phrase.format(channel=finding.detail("channel"), rows=finding.detail("rows"),
                         when=finding.detail("when"))
