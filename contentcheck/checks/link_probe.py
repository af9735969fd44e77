"""Asking a server what one link leads to, for the links check (``links.py``).

Apart from the check because urllib's request machinery (http.client, email, ssl) costs
about 0.03 s of CPU to import, on every scan (bench/README.md, "After the speed5 branch"):
it is imported only when a link is asked about, and the check is off by default.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException
from typing import Any
from urllib.parse import urlsplit

_HEADERS = {"User-Agent": "contentcheck-linkcheck/1 (scheduled-post review)", "Accept": "*/*"}


@dataclass(frozen=True)
class Outcome:
    """What one link led to: ``problem`` is empty for a good link."""

    problem: str = ""  # status, timeout, unreachable, homepage
    code: int = 0
    final: str = ""
    reason: str = ""


def _is_homepage(url: str) -> bool:
    return urlsplit(url).path in ("", "/") and not urlsplit(url).query


class _KeepHead(urllib.request.HTTPRedirectHandler):
    """Follow a redirect with the same HEAD (urllib's own handler turns it into a GET)."""

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            new.method = "HEAD"
        return new


_OPENER = urllib.request.build_opener(_KeepHead)


def _ask(url: str, method: str, timeout: float) -> tuple[int, str]:
    """The status and final URL of one request, redirects followed."""
    request = urllib.request.Request(url, method=method, headers=_HEADERS)
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, response.geturl()
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code, exc.geturl() or url


def probe(url: str, timeout: float) -> Outcome:
    """HEAD, then GET when HEAD fails (many servers refuse HEAD), redirects followed."""
    target = url if "://" in url else f"https://{url}"
    try:
        code, final = _ask(target, "HEAD", timeout)
        if code >= 400:
            code, final = _ask(target, "GET", timeout)
    except TimeoutError:
        return Outcome("timeout")
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            return Outcome("timeout")
        return Outcome("unreachable", reason=str(exc.reason))
    except (OSError, ValueError, HTTPException) as exc:
        return Outcome("unreachable", reason=str(exc) or type(exc).__name__)
    if code >= 400:
        return Outcome("status", code=code, final=final)
    if final != target and _is_homepage(final) and not _is_homepage(target):
        return Outcome("homepage", code=code, final=final)
    return Outcome(code=code, final=final)
