"""``contentcheck lists``: what the word lists hold, and ``lists check``: are they healthy.

Click commands only; loading lives in ``contentcheck.lists.load`` and checking in
``contentcheck.lists.check``. Exit codes as for a scan: 0 clean, 1 problems found, 2 input that
cannot be read.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from contentcheck.cli.common import ExitCode, GuardedGroup, list_options, say
from contentcheck.lists.categories import CATEGORIES, LIST_CATEGORIES, label
from contentcheck.lists.check import ERROR, WARNING, check_paths, reach, shipped_paths
from contentcheck.lists.load import WordList, all_lists, check_disabled


def _summary(word_lists: list[WordList], disabled: set[str]) -> dict:
    per_category: dict[str, Counter] = {}
    for word_list in word_lists:
        for term in word_list.terms.terms:
            per_category.setdefault(term.category, Counter())[term.language or "any"] += 1
    order = [c for c in LIST_CATEGORIES if c in per_category] + sorted(
        c for c in per_category if c not in LIST_CATEGORIES)
    return {
        "lists": [{"name": wl.name, "source": wl.source, "shipped": wl.shipped,
                   "languages": list(wl.languages), "categories": list(wl.categories),
                   "terms": len(wl.terms.terms), "exceptions": len(wl.terms.exceptions)}
                  for wl in word_lists],
        "categories": [{"id": c, "label": label(c), "known": c in CATEGORIES,
                        "enabled": c not in disabled,
                        "terms": {lang: per_category[c][lang] for lang in ("nl", "en", "any")}}
                       for c in order],
    }


def _print_summary(summary: dict) -> None:
    lists_ = summary["lists"]
    total = sum(wl["terms"] for wl in lists_)
    exceptions = sum(wl["exceptions"] for wl in lists_)
    click.echo(f"{len(lists_)} lists, {total} terms, {exceptions} exceptions\n")
    click.echo(f"{'LIST':<28} {'LANGUAGE':<9} {'TERMS':>5} {'EXC':>4}  SOURCE")
    for wl in lists_:
        source = "shipped" if wl["shipped"] else wl["source"]
        say(f"{wl['name']:<28} {','.join(wl['languages']):<9} {wl['terms']:>5} "
                   f"{wl['exceptions']:>4}  {source}")
    click.echo(f"\n{'CATEGORY':<22} {'NL':>4} {'EN':>4} {'ANY':>4}  LABEL")
    for cat in summary["categories"]:
        counts = cat["terms"]
        state = "" if cat["enabled"] else "  (switched off)"
        state += "" if cat["known"] else "  (your own category)"
        click.echo(f"{cat['id']:<22} {counts['nl']:>4} {counts['en']:>4} {counts['any']:>4}  "
                   f"{cat['label']}{state}")


@click.group("lists", cls=GuardedGroup, invoke_without_command=True)
@list_options
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Config file [default: the nearest contentcheck.toml here or above]; its [scan] word "
                   "lists and categories count, as in a scan.")
@click.pass_context
def lists(ctx: click.Context, wordlist_dirs: tuple[Path, ...], shipped_lists: bool | None,
          disabled_categories: tuple[str, ...], output_format: str, config_path: Path | None
          ) -> None:
    """Show the word lists: their languages, categories and term counts."""
    from contentcheck.config import load_config
    from contentcheck.settings import build_term_sources

    sources = build_term_sources(load_config(config_path), wordlist_dirs=wordlist_dirs,
                                 shipped_lists=shipped_lists,
                                 disabled_categories=disabled_categories)
    ctx.obj = {"wordlists": sources.wordlist_dirs, "shipped": sources.shipped_lists}
    if ctx.invoked_subcommand is not None:
        return
    word_lists = all_lists(sources.wordlist_dirs, shipped=sources.shipped_lists)
    check_disabled(sources.disabled_categories,
                   {t.category for wl in word_lists for t in wl.terms.terms})
    summary = _summary(word_lists, {d.strip().lower() for d in sources.disabled_categories})
    if output_format == "json":
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        _print_summary(summary)


def _targets(ctx: click.Context, paths: tuple[Path, ...]) -> list[Path]:
    """The files a subcommand works on: PATHs, else the shipped lists plus --wordlists."""
    if paths:
        return list(paths)
    options = ctx.obj or {}
    shipped = shipped_paths() if options.get("shipped", True) else []
    return shipped + list(options.get("wordlists", ()))


@lists.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Warnings (unsorted, unknown category) fail too.")
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...], strict: bool) -> None:
    """Validate list files: syntax, duplicates, terms that are also exceptions, terms that can
    never match. Without PATH: the shipped lists plus any --wordlists folders."""
    result = check_paths(_targets(ctx, paths))
    for problem in result.problems:
        say(str(problem))
    for error in result.unreadable:
        say(f"contentcheck: error: {error}", err=True)
    errors = sum(p.level == ERROR for p in result.problems)
    warnings = sum(p.level == WARNING for p in result.problems)
    click.echo(f"checked {result.files} file{'s' * (result.files != 1)}, "
               f"{result.terms} term{'s' * (result.terms != 1)}: "
               f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    if result.unreadable:
        raise click.exceptions.Exit(ExitCode.ERROR)
    raise click.exceptions.Exit(ExitCode.FLAGGED if result.failed(strict) else ExitCode.CLEAN)


@lists.command("reach")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--language", "languages", multiple=True, type=click.Choice(["nl", "en"]),
              help="Only this language's vocabulary (default: both).")
@click.option("--term", "term_filter", metavar="TEXT", help="Only terms that contain TEXT.")
@click.option("--top", default=50_000, show_default=True,
              help="How many of the language's most frequent words to try.")
@click.option("--limit", default=25, show_default=True, help="Words shown per term.")
@click.pass_context
def reach_command(ctx: click.Context, paths: tuple[Path, ...], languages: tuple[str, ...],
                  term_filter: str | None, top: int, limit: int) -> None:
    """Show which real words each term matches (inflections, compounds), to find the false
    friends that need an exception before a reviewer finds them."""
    found = reach(_targets(ctx, paths), languages or ("nl", "en"), top=top)
    needle = (term_filter or "").casefold()
    for term, language, words in found:
        if needle and needle not in term.text.casefold():
            continue
        more = f" (+{len(words) - limit} more)" if len(words) > limit else ""
        say(f"{term.origin}  {term.text}  [{language}, {len(words)}]: "
                   f"{' '.join(words[:limit])}{more}")
