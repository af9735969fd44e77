"""A single self-contained HTML report: readable on a phone, no scripts, nothing fetched.

Every piece of calendar text is escaped, its control characters shown (ESC as ␛, never a raw
byte a terminal `cat` or a mail filter obeys); matched words are ``<mark>``-ed in place.
"""

from __future__ import annotations

from html import escape as html_escape
from pathlib import Path

from contentcheck.decide import reasons_in
from contentcheck.records import Post, Status, Verdict
from contentcheck.report import ReportOptions, write_text
from contentcheck.report.labels import default_language
from contentcheck.report.spans import pieces
from contentcheck.scan import ScanResult
from contentcheck.visible import visible
from contentcheck.wording import LABELS, TABLE_WORDS, warning_in


def escape(text: str) -> str:
    """Text for HTML: markup escaped, control characters and bidi overrides shown."""
    return html_escape(visible(text, newlines=True))


STYLE = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0 auto;max-width:52rem;
padding:1rem;color:#222}
h1{font-size:1.3rem;margin:.2rem 0}.meta{color:#555;font-size:.9rem}
.banner{background:#c00000;color:#fff;padding:.5rem .8rem;border-radius:6px;font-weight:600}
.counts span{display:inline-block;margin:.3rem .4rem .3rem 0;padding:.15rem .6rem;border-radius:99px}
.pause{background:#f8cbad;color:#9c0006}.review{background:#ffe699;color:#7f6000}
.ok{background:#e2efda;color:#375623}
article{border:1px solid #ddd;border-left:6px solid #bbb;border-radius:6px;margin:.8rem 0;
padding:.6rem .8rem}article.pause{border-left-color:#c00000;background:#fff}
article.review{border-left-color:#ffc000;background:#fff}article.ok{background:#fff}
.head{font-size:.85rem;color:#555}.status{font-weight:700;text-transform:uppercase;
padding:0 .4rem;border-radius:4px}.text{white-space:pre-wrap;margin:.4rem 0}
.field{font-size:.9rem;color:#444;white-space:pre-wrap}.field b{font-weight:600}
mark{background:#ffe699;font-weight:700;padding:0 .1rem}mark.crisis{background:#c00000;color:#fff}
ul{margin:.3rem 0 0 1.1rem;padding:0;font-size:.88rem}.warn{color:#7030a0}
details summary{cursor:pointer;margin:1rem 0 .5rem;font-weight:600}
"""


FORMAT = "html"
SUFFIXES = (".html", ".htm")
TERMINAL = True

def _marked(text: str, verdict: Verdict, field: str) -> str:
    out = []
    for piece, crisis in pieces(text, verdict.findings, field):
        if crisis is None:
            out.append(escape(piece))
        else:
            out.append(f'<mark{" class=crisis" if crisis else ""}>{escape(piece)}</mark>')
    return "".join(out)


def _location(post: "Post", lang: str) -> str:
    """``kalender.xlsx [November] rij 12`` in the reader's language."""
    sheet = f" [{post.sheet}]" if post.sheet else ""
    return f"{post.source}{sheet} {TABLE_WORDS[lang if lang in TABLE_WORDS else 'en']['row']} {post.row}"


def _article(verdict: Verdict, labels: dict[str, str], lang: str, channel: str) -> str:
    post = verdict.post
    when = post.scheduled_at.strftime("%d-%m-%Y" + ("" if post.all_day else " %H:%M")) \
        if post.scheduled_at else labels["undated"]
    status = verdict.status.value
    head = (f'<div class=head><span class="status {status}">{escape(labels[status])}</span> '
            f'{escape(when)} · {escape(channel)} · {escape(_location(post, lang))}</div>')
    body = [head, f'<div class=text>{_marked(post.text, verdict, post.fields[0].name if post.fields else "")}</div>']
    hit_fields = {m.field for m in verdict.findings}
    for post_field in post.fields[1:]:
        if post_field.name in hit_fields:
            body.append(f'<div class=field><b>{escape(post_field.name)}:</b> '
                        f'{_marked(post_field.text, verdict, post_field.name)}</div>')
    reasons = reasons_in(verdict, lang)
    items = [f"<li>{escape(r)}</li>" for r in reasons]
    items += [f"<li class=warn>{escape(w)}</li>" for w in (warning_in(x, lang) for x in post.warnings)]
    if items:
        body.append("<ul>" + "".join(items) + "</ul>")
    return f'<article class={status}>{"".join(body)}</article>'


def render(result: ScanResult, options: ReportOptions = ReportOptions()) -> str:
    lang = options.lang or default_language()
    labels = LABELS[lang]
    summary = result.summary()
    window = (f"{result.window.start:%d-%m-%Y %H:%M} - {result.window.end:%d-%m-%Y %H:%M}"
              if result.window and result.window.start and result.window.end else labels["window_all"])
    parts = [f'<!doctype html><html lang={lang}><head><meta charset=utf-8>'
             f'<meta name=viewport content="width=device-width,initial-scale=1">'
             f'<title>{escape(labels["title"])}</title><style>{STYLE}</style></head><body>',
             f'<h1>{escape(labels["title"])}</h1>',
             f'<p class=meta>{escape(labels["window"])}: {escape(window)} · '
             f'{escape(", ".join(c.path for c in result.calendars))}</p>']
    if result.crisis_active:
        parts.append(f'<p class=banner>{escape(labels["crisis_banner"])}: '
                     f'{escape(result.sources_shown(lang))}</p>')
        parts += [f'<p class=meta>{escape(line)}</p>' for line in result.crisis_lines(lang)]
    parts.append('<p class=counts>' + "".join(
        f'<span class={s.value}>{escape(labels[s.value])}: {summary[s.value]}</span>' for s in Status)
        + "</p>")
    parts += [_article(v, labels, lang, result.channel_shown(v.post.channel, v.post.source, lang)) for v in result.flagged]
    ok = [v for v in result.verdicts if v.status is Status.OK]
    if ok:
        parts.append(f'<details><summary>{escape(labels["ok"])}: {len(ok)}</summary>')
        parts += [_article(v, labels, lang, result.channel_shown(v.post.channel, v.post.source, lang)) for v in ok]
        parts.append("</details>")
    warnings = result.warnings(lang)
    if warnings:
        parts.append(f'<h2 class=warn>{escape(labels["warnings"])}</h2><ul>'
                     + "".join(f"<li class=warn>{escape(w)}</li>" for w in warnings) + "</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write(result: ScanResult, path: Path, options: ReportOptions) -> None:
    write_text(path, render(result, options))
