"""Each crisis kit's false alarms on ordinary posts: the figure docs/crises-and-kits.md's "Kits" section
reports. Run from the project folder:

    python tools/kit_false_alarms.py                 # the two calendars of ordinary posts
    python tools/kit_false_alarms.py CALENDAR ...    # or your own

For every kit, a scan of every post (``--all``) with the shipped lists and only that kit; a post
counts as a false alarm when the kit makes it pause or go to review while the lists alone leave
it ok (the lists' own reviews are measured in docs/word-lists.md, "False-positive rate").
"""

from __future__ import annotations

import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from contentcheck.kits import shipped_kits
from contentcheck.records import Status
from contentcheck.scan import run_scan
from contentcheck.settings import ScanSettings, TermSources

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = (ROOT / "tests/data/everyday_posts.csv", ROOT / "tests/data/everyday_posts_kits.csv")


def statuses(calendars: tuple[Path, ...], kits: tuple[str, ...]) -> dict[tuple, Status]:
    settings = ScanSettings(calendars=calendars, timezone=ZoneInfo("Europe/Amsterdam"),
                            terms=TermSources(kits=kits, active_crises=False), all_posts=True)
    return {(v.post.source, v.post.row): v.status for v in run_scan(settings).verdicts}


def measure(calendars: tuple[Path, ...] = DEFAULT) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """(posts, posts ok with the lists alone, kit -> (paused, reviewed) of those)."""
    baseline = statuses(calendars, ())
    quiet = [key for key, status in baseline.items() if status is Status.OK]
    per_kit = {}
    for name in shipped_kits():
        found = statuses(calendars, (name,))
        per_kit[name] = (sum(found[key] is Status.PAUSE for key in quiet),
                         sum(found[key] is Status.REVIEW for key in quiet))
    return len(baseline), len(quiet), per_kit


def table_rows(quiet: int, per_kit: dict[str, tuple[int, int]]) -> list[str]:
    """The rows of the kit table in docs/crises-and-kits.md."""
    return [f"| {name} | {pause} | {review} | {pause + review} ({(pause + review) / quiet:.1%}) |"
            for name, (pause, review) in per_kit.items()]


def main(args: list[str]) -> None:
    posts, quiet, per_kit = measure(tuple(Path(a) for a in args) or DEFAULT)
    print(f"{posts} posts, {quiet} ok with the lists alone\n")
    print(f"| kit | pause | review | false alarms of {quiet} |")
    print("|---|---|---|---|")
    print("\n".join(table_rows(quiet, per_kit)))


if __name__ == "__main__":
    main(sys.argv[1:])
