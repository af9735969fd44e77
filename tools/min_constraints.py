"""Print pip constraints that pin every dependency to the lower bound setup.cfg declares.

CI installs the project with these (``pip install -c``) and runs the tests, so a declared
minimum version is one that was tested, not guessed. Requirements for another platform or
Python (their environment marker is false here) are left out.
"""

from __future__ import annotations

import configparser
import re
import sys
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def lower_bounds(setup_cfg: Path, extras: tuple[str, ...] = ("test",)) -> list[str]:
    """``name==X`` for each ``name>=X`` of install_requires and the given extras."""
    config = configparser.ConfigParser()
    config.read(setup_cfg, encoding="utf-8")
    lines = config["options"]["install_requires"].splitlines()
    for extra in extras:
        lines += config["options.extras_require"][extra].splitlines()
    pins = []
    for line in filter(None, (line.strip() for line in lines)):
        requirement = Requirement(line)
        if requirement.marker is not None and not Marker(str(requirement.marker)).evaluate():
            continue
        bound = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        if not bound:
            sys.exit(f"{setup_cfg}: {line!r} has no lower bound (>=): declare one")
        pins.append(f"{requirement.name}=={bound[0]}")
    return pins


if __name__ == "__main__":
    print("\n".join(lower_bounds(ROOT / "setup.cfg")))
