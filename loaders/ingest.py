"""From files to stored claims: read, extract (or resolve curated claims), store.

    extract_file(path, settings)            -> [Extraction]   nothing stored
    extract_bytes(data, filename, settings) -> [Extraction]   an upload
    extract_text(text, title=..., ...)      -> Extraction
    store_extractions(store, extractions)   -> [IngestReport]
    load_paths(store, paths, settings)      -> LoadSummary    files and folders

Each source is stored atomically by the store; a file whose reading or extraction
fails stores nothing, and `load_paths` reports it and goes on with the next file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from graph.errors import AllegianceError, InvalidInput, StoreError
from graph.settings import Settings, get_settings
from graph.store import GraphStore, IngestReport
from loaders.document import Document, Extraction
from loaders.readers import FORMATS, ReadResult, is_supported, read_bytes, read_path
from loaders.readers.curated import curated_extractions
from loaders.registry import Registry, load_registry

ProgressCallback = Callable[[Path, int, int], None]
"""Called after each file with (the file, files done, files in all)."""


class FileError(BaseModel):
    """A file that was not loaded, and why."""

    path: str
    error: str


class FileLoaded(BaseModel):
    """A file that was loaded: what each of its sources added."""

    path: str
    sources: list[IngestReport]


class LoadSummary(BaseModel):
    """What a load did, in all and per file."""

    files: int = 0
    sources_added: int = 0
    sources_unchanged: int = 0
    actors_added: int = 0
    claims_added: int = 0
    loaded: list[FileLoaded] = Field(default_factory=list)
    errors: list[FileError] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, path: str, reports: list[IngestReport]) -> None:
        self.loaded.append(FileLoaded(path=path, sources=reports))
        for report in reports:
            self.sources_added += report.created
            self.sources_unchanged += not report.created
            self.actors_added += report.actors_added
            self.claims_added += report.claims_added


def registry_for(settings: Settings) -> Registry:
    """The bundled registry extended by the user's file, read once per file path."""
    return _registry(settings.registry)


@lru_cache(maxsize=4)
def _registry(user_file: Path | None) -> Registry:
    return load_registry(user_file)


def extract_file(path: Path, settings: Settings) -> list[Extraction]:
    """The extractions of one file (one, or one per source of a claims file)."""
    return _extractions(read_path(path, settings.max_document_bytes), registry_for(settings))


def extract_bytes(data: bytes, filename: str, settings: Settings) -> list[Extraction]:
    """The extractions of an upload; the format comes from `filename`, else the content."""
    result = read_bytes(data, filename, settings.max_document_bytes)
    return _extractions(result, registry_for(settings))


def extract_text(text: str, *, title: str | None = None, url: str | None = None,
                 author: str | None = None, published: date | None = None,
                 registry: Registry | None = None) -> Extraction:
    """The extraction of a text given directly (not a file)."""
    if not text.strip():
        raise InvalidInput("text: empty document (no text)")
    document = Document(text=text.strip(), title=title, url=url, author=author,
                        published=published)
    return _extract_document(document, registry or registry_for(get_settings()))


BULK_CLAIMS = 5_000
"""Extractions holding this many claims (a large claims file) go to the store in one
`ingest_many` call, which a store may load faster than source by source."""


def store_extractions(store: GraphStore, extractions: Iterable[Extraction]) -> list[IngestReport]:
    """Store each extraction's source, actors and claims, all or nothing: each source
    is stored atomically, and when one fails the sources stored before it (of a
    claims file naming several) are retracted again before the error is raised."""
    extractions = list(extractions)
    if sum(len(e.claims) for e in extractions) >= BULK_CLAIMS:
        return store.ingest_many([(e.source, e.actors, e.claims) for e in extractions])
    reports: list[IngestReport] = []
    try:
        for e in extractions:
            reports.append(store.ingest(e.source, e.actors, e.claims))
    except Exception:
        for report in reports:
            if report.created:
                with contextlib.suppress(AllegianceError):  # the error raised says more
                    store.retract(report.source)
        raise
    return reports


def load_paths(store: GraphStore, paths: Sequence[Path], settings: Settings,
               on_progress: ProgressCallback | None = None) -> LoadSummary:
    """Load files and folders (recursively, supported extensions only) into `store`.

    A file that fails is reported in the summary and the rest still load; a store
    that fails (StoreError) stops the batch, as every later file would fail too.
    """
    registry_for(settings)  # a broken registry file fails the whole load, once
    files, errors = collect_files(paths)
    summary = LoadSummary(files=len(files) + len(errors), errors=errors)
    for done, path in enumerate(files, start=1):
        try:
            reports = store_extractions(store, extract_file(path, settings))
        except StoreError as exc:  # name the file that was not stored, then stop
            raise type(exc)(f"{path}: not stored: {exc}") from exc
        except (AllegianceError, ValidationError) as exc:
            summary.errors.append(FileError(path=str(path), error=_message(exc, path)))
        except Exception as exc:  # a bug on one file must not lose the rest of the batch
            summary.errors.append(FileError(
                path=str(path), error=f"{path}: unexpected error ({type(exc).__name__}: {exc})"))
        else:
            summary.add(str(path), reports)
        if on_progress is not None:
            on_progress(path, done, len(files))
    return summary


def collect_files(paths: Sequence[Path]) -> tuple[list[Path], list[FileError]]:
    """The files to load, in a stable order without repeats, and the paths that
    cannot be loaded at all (missing). Hidden files and folders are skipped."""
    files: dict[Path, Path] = {}
    errors: list[FileError] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and is_supported(p)
                           and not _hidden(p.relative_to(path)))
            for p in found:
                files.setdefault(p.resolve(), p)
        elif path.exists():
            files.setdefault(path.resolve(), path)  # named explicitly: any type is tried
        else:
            errors.append(FileError(path=str(path), error=f"{path}: no such file or folder"))
    return list(files.values()), errors


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _extractions(result: ReadResult, registry: Registry) -> list[Extraction]:
    if isinstance(result, Document):
        return [_extract_document(result, registry)]
    return curated_extractions(result, registry)


def _extract_document(document: Document, registry: Registry) -> Extraction:
    from loaders.extract import extract

    extraction = extract(document, registry)
    if document.page_starts:
        extraction.claims = [
            c if c.page is not None else c.model_copy(update={"page": document.page_of(c.start)})
            for c in extraction.claims
        ]
    return extraction


def _message(exc: Exception, path: Path) -> str:
    text = str(exc)
    if isinstance(exc, ValidationError):
        text = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
    return text if str(path) in text else f"{path}: {text}"


__all__ = [
    "FORMATS",
    "FileError",
    "FileLoaded",
    "LoadSummary",
    "collect_files",
    "extract_bytes",
    "extract_file",
    "extract_text",
    "load_paths",
    "registry_for",
    "store_extractions",
]
