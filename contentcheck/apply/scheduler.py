"""What a pause does not do: take a post out of a scheduler it is already in.

A paused row is left out of a bulk file's re-upload, and a calendar's status says
"Gepauzeerd"; a post already uploaded to Hootsuite, Meta or Buffer, or marked scheduled in the
calendar, still goes out unless a person unschedules it there. apply lists those posts, with
the scheduler's own id where the file has one.
"""

from __future__ import annotations

from contentcheck.calendar.columns import fold_header
from contentcheck.calendar.posts import is_id_header
from contentcheck.records import Post
from contentcheck.wording import apply_phrase

BULK_NAMES = {"hootsuite-bulk": "Hootsuite", "sprout-bulk": "Sprout Social", "buffer": "Buffer"}
SCHEDULED_WORDS = frozenset({"scheduled", "ingepland", "gepland", "inplannen", "queued",
                             "in de wachtrij", "planned", "klaar", "ready", "approved",
                             "goedgekeurd"})


def scheduler_id(post: Post) -> str | None:
    """The value of the post's ID column (``Post ID``, ``Message ID``), if it has one."""
    return next((value for name, value in post.extra if is_id_header(name)), None)


def must_unschedule(post: Post, kind: str, lang: str = "en", changed: bool = False) -> str | None:
    """Why this paused (or changed) post may still be published as it was from a scheduler, or
    None. A changed post's old text stays scheduled there until a person replaces it."""
    still = apply_phrase(lang, "still_replace" if changed else "still_scheduled")
    if kind in BULK_NAMES:
        return apply_phrase(lang, "unschedule_bulk", scheduler=BULK_NAMES[kind], still=still)
    if post.status and fold_header(post.status) in SCHEDULED_WORDS:
        return apply_phrase(lang, "unschedule_status", status=post.status, still=still)
    if scheduler_id(post):
        return apply_phrase(lang, "unschedule_id", still=still)
    if not (post.status or "").strip():  # no Status column, or nothing in it: nobody can tell
        return apply_phrase(lang, "unschedule_unknown", still=still)
    return None
