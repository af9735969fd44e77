"""``contentcheck explain "TEXT"``: what matches in one sentence, and why.

The tool a list maintainer uses all day: it shows how the text was read (words, hashtag
splits), the language it was taken for, every match with its term, list, category, severity,
span and rule, the hits an exception took away, and the hits that the language left out.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from contentcheck.cli.common import (GuardedCommand, crisis_options, list_options,
                                     reader_language, say)

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext
    from contentcheck.config import Config
    from contentcheck.kit_choice import KitChoice
    from contentcheck.records import Finding, Post

RULES = {
    "exact": "the word itself",
    "inflection": "an inflected form",
    "compound": "part of a compound",
    "compound-word": "part of a compound that is a word of its own",
    "compound-english": "part of two English words written as one",
    "compound-en": "the head of an English compound",
    "compound-en-verb": "the head of an English compound that is a verb of its own",
    "compound-en-modifier": "the front of an English compound whose head is another word",
    "other-language": "a word of both languages in a phrase of the other language",
    "wildcard": "wildcard",
    "phrase": "phrase, words in order",
    "proximity": "words close together",
    "hashtag-split": "a word inside a hashtag or code",
    "emoji": "emoji",
    "regex": "regular expression",
    "lemma": "a form from the lemma table",
    "derived": "a word derived from the term (its verb, noun or adjective)",
    "derived-sense": "a derived verb with an everyday sense of its own, not a report",
    "separable": "a separable verb split in the sentence",
    "separable-you": "a separable verb split in the sentence, said to the reader",
    "wildcard-word": "a word that only begins with the wildcard",
    "wildcard-name": "a name, not the wildcard's word",
    "wildcard-excepted": "a word the lists keep as a false friend of the wildcard",
    "wildcard-compound": "a compound whose last part the wildcard matches",
    "place": "the people or adjective of a place",
    "reversed": "a two-word phrase the other way round, in one clause",
    "verb-form": "a form of a verb, by the subject next to it",
    "particle": "an English particle in another sense",
    "exclamation": "said alone as an English interjection",
    "head": "the last part of a compound term",
    "fuzzy": "one typo away",
    "spelling": "ei written for ij or ij for ei, or a double consonant written once",
    "fuzzy-compound": "one typo away, inside a compound",
    "emoji-word": "an emoji for the term",
}


def _say_hidden(text: str) -> None:
    """Say so when the text holds invisible characters or look-alike letters: they are read as
    the letters they show (a hidden word still matches), and may be there to hide one."""
    from contentcheck.text import hidden_characters

    hidden = hidden_characters(text)
    if not hidden:
        return
    import unicodedata

    shown = ", ".join(f"U+{ord(char):04X} {unicodedata.name(char, '?')} at {at}"
                      + (f" read as {read!r}" if read else " read as nothing")
                      for at, char, read in hidden[:8]) + (" ..." if len(hidden) > 8 else "")
    say(f"hidden:   {len(hidden)} invisible or look-alike character(s), read as what they "
        f"show: {shown}")


def _highlight(text: str, start: int, end: int) -> str:
    return f"{text[:start]}[{text[start:end]}]{text[end:]}"


@click.command("explain", cls=GuardedCommand)
@click.argument("text")
@crisis_options
@list_options
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Config file [default: the nearest contentcheck.toml here or above]; its [scan] crisis "
                   "files, terms, word lists and categories count, as in a scan.")
@click.option("--now", "now_text", metavar="ISO-8601",
              help="Pretend it is this moment (which declared crises are active), as scan --now.")
@click.option("--language", type=click.Choice(["auto", "nl", "en", "any"]), default="auto",
              show_default=True, help="Read the text as this language (any: every list).")
@click.option("--channel", metavar="NAME",
              help="The channel the text is for (the other checks may depend on it).")
@click.option("--lang", type=click.Choice(["nl", "en"], case_sensitive=False),
              help="Language of the reasons, as scan --lang words them in a report "
                   "[default: config, else your locale].")
def explain(text: str, crisis_files: tuple[Path, ...], terms: tuple[str, ...],
            no_active_crises: bool, no_translations: bool | None, no_kit_guess: bool | None,
            kits: tuple[str, ...],
            escalate: tuple[str, ...],
            wordlist_dirs: tuple[Path, ...], shipped_lists: bool | None,
            disabled_categories: tuple[str, ...], config_path: Path | None,
            now_text: str | None, language: str, channel: str | None, lang: str | None) -> None:
    """Show, for one TEXT, what matches and why (against what `scan` would use); `-` reads
    the text from standard input (a post of several lines, pasted or piped)."""
    if text == "-":
        text = sys.stdin.read().rstrip("\r\n")
    from contentcheck.config import load_config
    from contentcheck.matching import Checker, detect
    from contentcheck.scan import (check_context, escalations, holds_at, load_terms,
                                   read_crisis_folder, unseen_crises)
    from contentcheck.settings import build_term_sources, config_timezone, parse_moment

    config = load_config(config_path)
    from contentcheck.report.labels import default_language

    reader_lang = reader_language(lang, config) or default_language()
    sources = build_term_sources(
        config, crisis_files=crisis_files, terms=terms, wordlist_dirs=wordlist_dirs,
        shipped_lists=shipped_lists, active_crises=not no_active_crises,
        disabled_categories=disabled_categories, kits=kits, escalate=escalate,
        translations=False if no_translations else None,
        kit_guess=False if no_kit_guess else None)
    zone = config_timezone(config)
    now = parse_moment(now_text, zone, option="--now") if now_text else datetime.now(zone)
    problems: list[str] = []
    declared = read_crisis_folder(sources, problems)
    crises = declared.active(now)
    chosen: list[KitChoice] = []
    crisis_terms, list_terms = load_terms(sources, crises, chosen)
    escalated = escalations(sources, crises)
    checker = Checker(crisis_terms, list_terms)
    lang = detect(text) if language == "auto" else None if language == "any" else language
    how = "detected" if language == "auto" else "given"
    say(f"text:     {text}")
    say(f"read as:  {' | '.join(checker.reading(text)) or '(no words)'}")
    say(f"language: {lang or 'unknown: every list applies'} ({how}); "
               f"{len(checker)} terms, {len(checker.exceptions)} exceptions")
    for choice in chosen:
        say(f"kit:      {choice.line()}")
    _say_hidden(text)
    from contentcheck.matching import term_notes
    from contentcheck.translations import typed_only

    for hint in term_notes(sum((c.kept_out() for c in crises), typed_only(crisis_terms))):
        say(f"note:     {hint}")
    for warning in problems + unseen_crises(sources, now, declared, logged=False):
        say(f"warning:  {warning}")
    findings, suppressed = checker.explain(text, language=lang)
    every_language, _ = checker.explain(text, language=None) if lang else ([], [])
    say("")
    say(f"{len(findings)} match{'es' if len(findings) != 1 else ''}" +
               (":" if findings else ""))
    for number, finding in enumerate(findings, start=1):
        match, term = finding.match, finding.term
        say(f"{number:3}. {match.matched!r} at {match.start}-{match.end}: "
                   f"term {term.text!r} ({RULES.get(finding.rule, finding.rule)})")
        say(f"     list {term.list_name}, category {term.category}, severity "
                   f"{term.severity.value}, language {term.language or 'any'}"
                   + (", crisis" if term.crisis else "") + (f", from {term.origin}" if term.origin else ""))
        say(f"     why: {finding.detail}")
        if not term.crisis and term.category in escalated:
            say(f"     escalated to pause by {escalated[term.category]}")
        if match.loose:
            say(f"     loose reading ({match.loose}): review, not pause")
        if term.suggestion:
            say(f"     suggestion: {term.suggestion}")
        say(f"     {_highlight(text, match.start, match.end)}")
    if suppressed:
        say("")
        say("suppressed by an exception:")
        for item in suppressed:
            say(f"  - {item.word!r} at {item.start}-{item.end} would match {item.unit!r}, "
                       f"but !{item.exception} is an exception")
    kept = {(f.match.term, f.match.start) for f in findings}
    skipped = [f for f in every_language if (f.match.term, f.match.start) not in kept]
    if skipped:
        say("")
        say(f"left out because the text is {lang}:")
        for finding in skipped:
            say(f"  - {finding.match.matched!r} would match {finding.term.text!r} "
                       f"({finding.term.language} list {finding.term.list_name})")
    detected = detect(text) if language != "auto" else lang
    _other_checks(text, channel, config,
                  check_context(now, crisis_terms, list_terms, crises, escalated,
                                holds=holds_at(crises, now)), reader_lang,
                  detected if detected != lang else None)


def _other_checks(text: str, channel: str | None, config: "Config",
                  context: "CheckContext", lang: str, scan_reads: str | None) -> None:
    """What the other enabled checks (house style, similar errors ...) say about the text."""
    from contentcheck.checks import check_one, describe
    from contentcheck.records import Post, PostField
    from contentcheck.settings import check_configs

    configs = check_configs(config.section("checks"), str(config.path or "config"), config)
    post = Post(source="explain", sheet=None, row=1, scheduled_at=context.now, channel=channel,
                status=None, fields=(PostField("tekst" if lang == "nl" else "text", text),))
    findings = check_one(post, context, configs)
    others = [finding for finding in findings if finding.check != "terms"]
    click.echo(f"\nother checks: {len(others)} finding{'s' if len(others) != 1 else ''}"
               + (":" if others else ""))
    for finding in others:
        say(f"  - [{finding.check}, {finding.status.value}] {describe(finding, lang)}")
    _decision(post, findings, lang, scan_reads)


def _decision(post: "Post", findings: list["Finding"], lang: str, scan_reads: str | None) -> None:
    """What a scan decides for this text, with its reasons: the matches above only add up to
    a decision through the rules of ``decide`` (a loose reading, an escalated category)."""
    from contentcheck.decide import decide, reasons_in

    verdict = decide(post, findings)
    say("")
    read = "" if scan_reads is None else (
        f", which it reads as {scan_reads or 'unknown'}; --language changes only the "
        "matches above")
    say(f"decision: {verdict.status.value.upper()} (what a scan decides for this text{read})")
    for reason in reasons_in(verdict, lang):
        say(f"  - {reason}")
