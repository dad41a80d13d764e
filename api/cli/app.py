"""The Typer application and what every command shares: the store, errors, output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from pydantic import BaseModel, ValidationError
from rich.console import Console
from rich.markup import escape

from graph.errors import AllegianceError, NotFound
from graph.factory import store_from_settings
from graph.settings import get_settings
from graph.store import GraphStore

app = typer.Typer(
    name="allegiance",
    help="Turn documents into an auditable graph of who is alleged to support whom.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a clean error (no traceback) and return the exit to raise."""
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, markup=True)
    return typer.Exit(code)


@contextmanager
def cli_errors() -> Iterator[None]:
    """Turn the project's errors into one-line messages and exit codes."""
    try:
        yield
    except NotFound as exc:
        hint = f" (did you mean: {', '.join(exc.suggestions)}?)" if exc.suggestions else ""
        raise fail(f"{exc}{hint}", 2) from None
    except ValidationError as exc:
        raise fail(str(exc), 2) from None
    except AllegianceError as exc:
        raise fail(str(exc), 1) from None
    except UnicodeEncodeError as exc:  # an argument holding bytes that are not UTF-8
        raise fail(f"{str(exc.object)[:80]!r}: not valid UTF-8 text", 2) from None


@contextmanager
def open_store() -> Iterator[GraphStore]:
    """The configured store, opened, with errors reported cleanly."""
    with cli_errors():
        store = store_from_settings(get_settings())
        store.open()
        try:
            yield store
        finally:
            store.close()


def dump_json(value: Any) -> None:
    """Print a model, a list of models or plain data as JSON on stdout."""

    def plain(v: Any) -> Any:
        if isinstance(v, BaseModel):
            return v.model_dump(mode="json")
        if isinstance(v, list | tuple):
            return [plain(x) for x in v]
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        return v

    json.dump(plain(value), sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
