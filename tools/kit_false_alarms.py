"""Each crisis kit's false alarms on ordinary posts: the figure the README's "Kits" section
reports. Run from the project folder:

    python tools/kit_false_alarms.py                 # the two calendars of ordinary posts
    python tools/kit_false_alarms.py CALENDAR ...    # or your own

For every kit, a scan of every post (``--all``) with the shipped lists and only that kit; a post
counts as a false alarm when the kit makes it pause or go to review while the lists alone leave
it ok (the lists' own reviews are measured in the README's "False-positive rate").
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


def main(args: list[str]) -> None:
    calendars = tuple(Path(a) for a in args) or DEFAULT
    baseline = statuses(calendars, ())
    quiet = [key for key, status in baseline.items() if status is Status.OK]
    print(f"{len(baseline)} posts, {len(quiet)} ok with the lists alone\n")
    print("| kit | pause | review | false alarms |")
    print("|---|---|---|---|")
    for name in shipped_kits():
        found = statuses(calendars, (name,))
        pause = sum(found[key] is Status.PAUSE for key in quiet)
        review = sum(found[key] is Status.REVIEW for key in quiet)
        share = (pause + review) / len(quiet)
        print(f"| {name} | {pause} | {review} | {pause + review} ({share:.1%}) |")


if __name__ == "__main__":
    main(sys.argv[1:])
