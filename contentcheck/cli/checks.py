"""``contentcheck checks``: which checks exist, which are on, and what each one does."""

from __future__ import annotations

from pathlib import Path

import click

from contentcheck.cli.common import GuardedCommand, config_option, fail


@click.command("checks", cls=GuardedCommand)
@click.argument("check_id", required=False, metavar="[CHECK]")
@config_option
def checks(check_id: str | None, config_path: Path | None) -> None:
    """List the checks a scan runs (on or off, as the config sets them), or show the
    documentation of one CHECK."""
    from contentcheck.checks import CHECKS, documentation
    from contentcheck.config import load_config
    from contentcheck.settings import check_configs

    config = load_config(config_path)
    configs = check_configs(config.section("checks"), str(config.path or "config"), config)
    if check_id is not None:
        if check_id not in CHECKS:
            raise fail(f"unknown check {check_id!r} (known: {', '.join(CHECKS)})")
        click.echo(documentation(check_id))
        return
    width = max(map(len, CHECKS))
    for name in CHECKS:
        state = "on  " if configs[name].get("enabled", True) else "off "
        idle = getattr(CHECKS[name], "idle", None)  # on, but quiet: say why
        why = idle(configs[name]) if idle and state == "on  " else None
        summary = documentation(name).splitlines()[0].split(": ", 1)[-1]
        if why:
            state, summary = "idle", f"{summary} (on, but idle: {why})"
        click.echo(f"{name:<{width}}  {state}  {summary}")
