"""Analyst-curated claims in CSV, JSON and JSONL: parsed and validated, not yet resolved.

Each record names one claim: `subject`, `relation`, `object`, `quote` (required),
`source_title` and/or `source_url` (one of them required), `source_date` (or
`published`), `source_author`, `source_publisher`, `modality` (default asserted),
`attributed_to`, `subject_kind`, `object_kind`, `confidence`, `valid_from`,
`valid_to`; in JSON the source may instead be a nested object `source: {title, url,
date, author, publisher}`, and an object holding the `claims` array may give the
source of all of them (`source`, or top-level `title`, `url`, `date`, ... and `text`,
the whole document, in which each quote is then found). Other fields are ignored.
Every problem in the file is collected, each named by where it is (`line 7` for CSV
and JSONL, `claims[3]` for JSON) and by field.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from graph.errors import InvalidInput
from graph.model import ActorKind, normalise_text
from graph.relations import Modality, Relation
from loaders.readers.dates import parse_date

REQUIRED = ("subject", "relation", "object", "quote")
MAX_REPORTED_PROBLEMS = 50
_SOURCE_FIELDS = ("title", "url", "published", "author", "publisher", "text")
_SOURCE_COLUMNS = {"title": "source_title", "url": "source_url", "published": "source_date",
                   "author": "source_author", "publisher": "source_publisher",
                   "text": "source_text"}

_FILE_SOURCE_KEYS = {"title": "title", "url": "url", "date": "date", "published": "date",
                     "author": "author", "publisher": "publisher", "text": "text"}

_TOO_DEEP = "JSON nested too deeply (arrays or objects inside each other thousands deep)"

E = TypeVar("E", Relation, Modality, ActorKind)


class CuratedClaimsError(InvalidInput):
    """A claims file with invalid records; `problems` lists each as 'where: field: why'."""

    def __init__(self, name: str, problems: list[str]) -> None:
        shown = problems[:MAX_REPORTED_PROBLEMS]
        more = len(problems) - len(shown)
        lines = "\n".join(f"  {p}" for p in shown)
        tail = f"\n  ... and {more} more" if more else ""
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{name}: {len(problems)} {noun} in the claims:\n{lines}{tail}")
        self.name = name
        self.problems = problems


@dataclass(frozen=True)
class SourceFields:
    """What a curated record says about the source of its quote."""

    title: str | None
    url: str | None
    published: date | None
    author: str | None
    publisher: str | None
    text: str | None = None
    """The whole document, when given: quotes are then found in it."""

    @property
    def key(self) -> str:
        """Records citing the same URL (or, without one, the same title) share a source."""
        return f"url:{self.url}" if self.url else f"title:{self.title}"


@dataclass(frozen=True)
class ClaimRecord:
    """One validated curated claim; names are not yet resolved to actors."""

    where: str
    subject: str
    relation: Relation
    object: str
    quote: str
    source: SourceFields
    modality: Modality = Modality.ASSERTED
    attributed_to: str | None = None
    subject_kind: ActorKind | None = None
    object_kind: ActorKind | None = None
    confidence: float | None = None
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True)
class CuratedClaims:
    """The records of one claims file; `extractor` is what their claims will say
    produced them ("csv" or "json")."""

    name: str
    extractor: str
    records: tuple[ClaimRecord, ...]


def read_claims_csv(text: str, name: str) -> CuratedClaims:
    """Records from CSV with a header row (comma, semicolon or tab separated)."""
    first_line = text.split("\n", 1)[0]
    delimiter = "," if "," in first_line else ";" if ";" in first_line else (
        "\t" if "\t" in first_line else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise CuratedClaimsError(name, [f"line 1: {exc}"]) from exc
    if not header or not any(h.strip() for h in header):
        raise InvalidInput(f"{name}: empty document (no header row)")
    columns = [_field_name(h) for h in header]
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        raise CuratedClaimsError(name, [f"line 1: header: missing column(s) {', '.join(missing)}"
                                        f" (found: {', '.join(c for c in columns if c)})"])
    rows: list[tuple[str, Mapping[str, object]]] = []
    problems: list[str] = []
    line = reader.line_num
    try:
        for cells in reader:
            where, line = f"line {line + 1}", reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(columns):
                problems.append(f"{where}: {len(cells)} fields but the header has "
                                f"{len(columns)} columns")
                continue
            rows.append((where, dict(zip(columns, cells, strict=False))))
    except csv.Error as exc:
        problems.append(f"line {reader.line_num}: {exc}")
    return _validated(name, "csv", rows, problems)


def read_claims_json(text: str, name: str) -> CuratedClaims:
    """Records from a JSON array of objects, or an object with a `claims` array."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CuratedClaimsError(
            name, [f"line {exc.lineno} column {exc.colno}: invalid JSON: {exc.msg}"]
        ) from exc
    except RecursionError as exc:
        raise CuratedClaimsError(name, [f"top level: {_TOO_DEEP}"]) from exc
    prefix = ""
    defaults: dict[str, object] = {}
    if isinstance(data, dict) and "claims" in data:
        defaults = _file_source(data)
        data, prefix = data["claims"], "claims"
    if not isinstance(data, list):
        raise CuratedClaimsError(name, ["top level: expected an array of claims or an object "
                                        "with a \"claims\" array"])
    rows: list[tuple[str, Mapping[str, object]]] = []
    problems: list[str] = []
    for i, item in enumerate(data):
        where = f"{prefix}[{i}]"
        if isinstance(item, dict):
            rows.append((where, {**defaults, **_json_fields(item)}))
        else:
            problems.append(f"{where}: expected an object, got {type(item).__name__}")
    return _validated(name, "json", rows, problems)


def _file_source(data: dict[str, object]) -> dict[str, object]:
    """Source fields that an object with a `claims` array gives all of its claims: a
    `source` object, or top-level `title`, `url`, `date`/`published`, `author`,
    `publisher` and `text` (the document the quotes are spans of)."""
    top = {k: v for k, v in data.items() if k != "claims"}
    fields = {k: v for k, v in _json_fields(top).items() if k.startswith("source_")}
    for key, value in top.items():
        name = _field_name(str(key))
        if name in _FILE_SOURCE_KEYS and isinstance(value, str | int | float):
            fields.setdefault(f"source_{_FILE_SOURCE_KEYS[name]}", value)
    return fields


def read_claims_jsonl(text: str, name: str) -> CuratedClaims:
    """Records from JSON Lines: one object per non-blank line."""
    rows: list[tuple[str, Mapping[str, object]]] = []
    problems: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: invalid JSON at column {exc.colno}: {exc.msg}")
            continue
        except RecursionError:
            problems.append(f"{where}: {_TOO_DEEP}")
            continue
        if isinstance(item, dict):
            rows.append((where, _json_fields(item)))
        else:
            problems.append(f"{where}: expected an object, got {type(item).__name__}")
    return _validated(name, "json", rows, problems)


def _json_fields(item: dict[str, object]) -> dict[str, object]:
    """The record's fields; a nested `source` object {title, url, date, ...} is read
    as the flat source_* fields."""
    fields = {_field_name(str(k)): v for k, v in item.items()}
    nested = fields.get("source")
    if isinstance(nested, dict):
        del fields["source"]
        for key, value in nested.items():
            flat = "source_" + {"published": "date"}.get(_field_name(str(key)),
                                                         _field_name(str(key)))
            fields.setdefault(flat, value)
    return fields


def _field_name(header: str) -> str:
    return "_".join(header.strip().lstrip("\ufeff").lower().replace("-", " ").split())


def _validated(name: str, extractor: str, rows: list[tuple[str, Mapping[str, object]]],
               problems: list[str]) -> CuratedClaims:
    records: list[ClaimRecord] = []
    for where, fields in rows:
        record, row_problems = _record(where, fields)
        problems.extend(f"{where}: {p}" for p in row_problems)
        if record is not None:
            records.append(record)
    problems.extend(_source_conflicts(records))
    if problems:
        raise CuratedClaimsError(name, problems)
    if not records:
        raise InvalidInput(f"{name}: empty document (no claims)")
    return CuratedClaims(name=name, extractor=extractor, records=tuple(records))


def _source_conflicts(records: list[ClaimRecord]) -> list[str]:
    """Records of one source (same URL, or same title without one) must not contradict
    each other about it; a field left empty takes the value another record gives."""
    first: dict[str, ClaimRecord] = {}
    problems: list[str] = []
    for record in records:
        seen = first.setdefault(record.source.key, record)
        for attr in _SOURCE_FIELDS:
            mine, theirs = getattr(record.source, attr), getattr(seen.source, attr)
            if mine is not None and theirs is not None and mine != theirs:
                problems.append(
                    f"{record.where}: {_SOURCE_COLUMNS[attr]}: {_shown(mine)} differs from "
                    f"{_shown(theirs)} at {seen.where} for the same source"
                )
    return problems


def _shown(value: object) -> str:
    if value is None:
        return "(empty)"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _record(where: str, fields: Mapping[str, object]) -> tuple[ClaimRecord | None, list[str]]:
    """The record, or None with every problem of its fields."""
    problems: list[str] = []
    values = _Fields(fields, problems)
    subject, obj, quote = (values.text(f, required=True) for f in ("subject", "object", "quote"))
    relation = values.choice("relation", Relation, required=True)
    modality = values.choice("modality", Modality) or Modality.ASSERTED
    subject_kind = values.choice("subject_kind", ActorKind)
    object_kind = values.choice("object_kind", ActorKind)
    title, url = values.text("source_title"), values.text("source_url")
    if not title and not url and not values.reported("source_title", "source_url"):
        problems.append("source_title/source_url: one is needed to say where the quote is from")
    published = values.date("source_date") or values.date("published")
    source = SourceFields(title=title, url=url, published=published,
                          author=values.text("source_author"),
                          publisher=values.text("source_publisher"),
                          text=values.text("source_text"))
    confidence = values.number("confidence", 0.0, 1.0)
    valid_from, valid_to = values.date("valid_from"), values.date("valid_to")
    if subject and obj and " ".join(subject.casefold().split()) == " ".join(
            obj.casefold().split()):
        problems.append(f"object: the same actor as the subject ({obj!r})")
    if valid_from and valid_to and valid_from > valid_to:
        problems.append("valid_to: before valid_from")
    if problems or not (subject and obj and quote and relation):
        return None, problems
    return ClaimRecord(
        where=where, subject=subject, relation=relation, object=obj, quote=quote,
        source=source, modality=modality, attributed_to=values.text("attributed_to"),
        subject_kind=subject_kind, object_kind=object_kind, confidence=confidence,
        valid_from=valid_from, valid_to=valid_to,
    ), []


class _Fields:
    """Typed access to one record's fields, noting each problem as 'field: why'."""

    def __init__(self, fields: Mapping[str, object], problems: list[str]) -> None:
        self._fields = fields
        self._problems = problems
        self._reported: set[str] = set()

    def _problem(self, field: str, why: str) -> None:
        self._reported.add(field)
        self._problems.append(f"{field}: {why}")

    def reported(self, *fields: str) -> bool:
        return any(f in self._reported for f in fields)

    def text(self, field: str, *, required: bool = False) -> str | None:
        value = self._fields.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self._problem(field, "missing (required)")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self._problem(field, f"expected text, got {type(value).__name__}")
            return None
        text = str(value)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:  # JSON's "\ud800" escape alone
            self._problem(field, f"not text: a lone UTF-16 surrogate "
                                 f"({text[exc.start]!r}) at character {exc.start}")
            return None
        return normalise_text(text).strip()

    def choice(self, field: str, kind: type[E], *, required: bool = False) -> E | None:
        raw = self.text(field, required=required)
        if raw is None:
            return None
        key = "_".join(raw.lower().replace("-", " ").split())
        try:
            return kind(key)
        except ValueError:
            options = ", ".join(m.value for m in kind)
            self._problem(field, f"{raw!r} is not one of: {options}")
            return None

    def date(self, field: str) -> date | None:
        value = self._fields.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        parsed = parse_date(value)
        if parsed is None:
            self._problem(field, f"{value!r} is not a date (use YYYY-MM-DD)")
        return parsed

    def number(self, field: str, low: float, high: float) -> float | None:
        value = self._fields.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            number = float(value) if isinstance(value, str | int | float) else float("nan")
        except ValueError:
            number = float("nan")
        if not low <= number <= high:
            self._problem(field, f"{value!r} is not a number from {low:g} to {high:g}")
            return None
        return number


def iter_sources(claims: CuratedClaims) -> Iterator[tuple[SourceFields, list[ClaimRecord]]]:
    """The records grouped by source, in first-seen order."""
    groups: dict[str, list[ClaimRecord]] = {}
    for record in claims.records:
        groups.setdefault(record.source.key, []).append(record)
    for records in groups.values():
        merged = {attr: next((v for r in records if (v := getattr(r.source, attr)) is not None),
                             None) for attr in _SOURCE_FIELDS}
        yield SourceFields(**merged), records
