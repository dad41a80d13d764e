"""Render the view page from its data: served (assets from /view/assets) or standalone
(every script and stylesheet inlined, so the file works offline from disk).

The template autoescapes; the data goes in as JSON inside a non-executing
`<script type="application/json">` with <, > and & escaped, so no document text can
close the element. A Content-Security-Policy lists the only scripts allowed to run.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyvis
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from graph.model import Claim, Source
from graph.queries import Segment
from viz.evidence import source_text_url

VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"

ASSETS: dict[str, tuple[str, str]] = {
    # name served at /view/assets/<name> -> (where it lives, media type)
    "vis-network.min.js": ("vis", "text/javascript; charset=utf-8"),
    "vis-network.css": ("vis", "text/css; charset=utf-8"),
    "view.js": ("static", "text/javascript; charset=utf-8"),
    "view.css": ("static", "text/css; charset=utf-8"),
}

SERVED_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
              "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
              "frame-ancestors 'none'")


@cache
def asset(name: str) -> str:
    """The text of one asset (KeyError for a name that is not one)."""
    where, _ = ASSETS[name]
    if where == "vis":
        return (VIS_DIR / name).read_text(encoding="utf-8")
    return resources.files("viz").joinpath("static", name).read_text(encoding="utf-8")


def _inline(text: str, closing: str) -> Markup:
    """Asset text to put inside <script>/<style>; refuses text that would close it."""
    if closing in text.lower() or "<!--" in text:
        raise ValueError(f"asset cannot be inlined: it contains {closing!r} or '<!--'")
    return Markup(text)  # our own packaged asset, checked above


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=PackageLoader("viz", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.policies["json.dumps_kwargs"] = {"sort_keys": False, "separators": (",", ":"),
                                         "ensure_ascii": False}
    return env


def render_page(data: dict[str, Any], *, standalone: bool, title: str = "allegiance") -> str:
    """The HTML page for `data` (from `viz.payload.build_view`)."""
    scripts = css = None
    csp = None
    if standalone:
        scripts = [_inline(asset("vis-network.min.js"), "</script"),
                   _inline(asset("view.js"), "</script")]
        css = [_inline(asset("vis-network.css"), "</style"), _inline(asset("view.css"), "</style")]
        csp = ("default-src 'none'; script-src " + " ".join(_sha256(s) for s in scripts)
               + "; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; "
               "base-uri 'none'; form-action 'none'")
    return _env().get_template("view.html").render(
        data=data, legend=data["legend"], meta=data["meta"], standalone=standalone,
        scripts=scripts, css=css, csp=csp, title=title,
        counts={"nodes": len(data["nodes"]), "edges": len(data["edges"])},
    )


def render_error(message: str) -> str:
    """A short page naming what was wrong with the request."""
    return _env().get_template("error.html").render(message=message)


def render_source(source: Source, segments: list[Segment], claim: Claim | None) -> str:
    """A source's text as a readable page, the claim's quote marked (anchor #claim)."""
    link = source.url if source.url and source.url.lower().startswith(("http://", "https://")) \
        else None
    json_url = source_text_url(source.id, claim.id) if claim else \
        f"/sources/{quote(source.id, safe='')}/text"
    return _env().get_template("source.html").render(
        source=source, segments=segments, claim=claim, link=link, json_url=json_url)
