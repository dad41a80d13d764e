"""Real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, and the
app served by uvicorn on 127.0.0.1 over a fresh SQLite store of the test corpus.

`make browser` installs Chromium; ALLEGIANCE_SKIP_BROWSER=1 is the only way to skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request, sync_playwright

from graph.settings import Settings
from graph.sqlite_store import SqliteStore
from tests.browser.corpus import fill

CHROMIUM = os.environ.get("ALLEGIANCE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if os.environ.get("ALLEGIANCE_SKIP_BROWSER") == "1":
        warnings.warn("ALLEGIANCE_SKIP_BROWSER=1: the view is NOT tested", stacklevel=1)
        pytest.skip("ALLEGIANCE_SKIP_BROWSER=1")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(f"no Chromium at {CHROMIUM}: run `make browser` (apt-get install chromium)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    """The test corpus in a fresh SQLite file (replaces the backend-parametrised one)."""
    with SqliteStore(tmp_path / "view.db") as s:
        fill(s)
        yield s


@pytest.fixture
def server(store: SqliteStore, tmp_path: Path) -> Iterator[str]:
    """The real app on 127.0.0.1:<free port>; yields its base URL."""
    from api.main import create_app

    settings = Settings(ALLEGIANCE_STORE=f"sqlite:///{tmp_path / 'view.db'}")
    config = uvicorn.Config(create_app(settings, store=store), host="127.0.0.1",
                            port=_free_port(), log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@dataclass
class Watched:
    """A page and what it did: every request, dialog and console error."""

    page: Page
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    w = Watched(page)

    def on_dialog(d: Dialog) -> None:
        w.dialogs.append(d.message)
        d.dismiss()

    def on_console(m: ConsoleMessage) -> None:
        if m.type == "error":
            w.errors.append(m.text)

    def on_request(r: Request) -> None:
        w.requests.append(r.url)

    page.on("request", on_request)
    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda exc: w.errors.append(str(exc)))
    try:
        yield w
    finally:
        context.close()
