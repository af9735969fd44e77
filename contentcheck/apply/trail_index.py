"""Where apply wrote the audit trails of copies made away from their calendar.

The trail of the default copy lies beside the calendar (``kalender-checked.decisions.json``),
where the next report and ``scan -o`` look. A copy written with ``--output-dir`` or ``-o`` has
its trail beside it, anywhere: apply notes that trail here, in the state folder, so its
decisions are found too (carried into the next report, counted as applied). The calendar and
the report, inputs, are never written.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from contentcheck.crisis import TRAIL_INDEX as INDEX
from contentcheck.errors import ContentcheckError
from contentcheck.fileio import write_text_atomically

log = logging.getLogger(__name__)

KEPT = 10  # trails per calendar: the latest ones; older decisions are in the newer trails too


def remember(state_dir: Path, calendar: Path, trail: Path) -> None:
    """Note ``trail`` as one of ``calendar``'s; a state folder that cannot be written is a
    warning (the copy is written, only the carrying of its decisions is lost)."""
    from contentcheck.locks import exclusive

    index = Path(state_dir) / INDEX
    key, value = str(calendar.resolve()), str(trail.resolve())
    try:
        with exclusive(Path(state_dir) / f"{INDEX}.lock"):
            known = _read(index)
            kept = [path for path in known.get(key, []) if path != value][-(KEPT - 1):]
            known[key] = kept + [value]
            write_text_atomically(index, json.dumps(known, ensure_ascii=False, indent=1),
                                  what="the list of audit trails")
    except (ContentcheckError, OSError) as exc:
        log.warning("could not note the audit trail %s in %s (the next report will not fill "
                    "in its decisions): %s", trail, index, exc)


def elsewhere(state_dir: Path | None, calendar: str) -> list[Path]:
    """The trails apply noted for ``calendar``, oldest first (none without a state folder)."""
    if state_dir is None:
        return []
    return [Path(path) for path in _read(Path(state_dir) / INDEX).get(str(Path(calendar).resolve()), [])]


def _read(index: Path) -> dict[str, list[str]]:
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: [p for p in value if isinstance(p, str)] for key, value in data.items()
            if isinstance(key, str) and isinstance(value, list)}
