"""The actor registry: bundled known actors, optionally extended by a user file.

The bundled files live in `loaders/data/registry/*.yaml`; each holds a list of
entries (or a mapping with one list under `actors`):

    - id: iran
      name: Iran
      kind: state
      country: IRN
      aliases: [Islamic Republic of Iran, Tehran]
      demonyms: [Iranian]

A user file in the same format adds actors; an entry whose id is already known
replaces the bundled one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from graph.errors import InvalidInput
from graph.model import Actor, ActorKind, fold

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
BUNDLED_DIR = Path(__file__).resolve().parent / "data" / "registry"


def slugify(name: str) -> str:
    """A stable id for a name: folded to ASCII lower case, words joined by '-'."""
    folded = fold(name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug or "actor"


@dataclass(eq=False)
class Registry:
    """Known actors, looked up by any of their names (case and accents ignored)."""

    actors: list[Actor] = field(default_factory=list)
    demonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _by_id: dict[str, Actor] = field(default_factory=dict, repr=False)
    _by_name: dict[str, Actor] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._reindex()

    def _reindex(self) -> None:
        self._by_id = {a.id: a for a in self.actors}
        self._by_name = {}
        # Canonical names win over aliases when two actors share a string.
        for actor in self.actors:
            for alias in actor.aliases:
                self._by_name.setdefault(fold(alias), actor)
        for actor in self.actors:
            self._by_name[fold(actor.name)] = actor

    def lookup(self, name: str) -> Actor | None:
        """The actor with this name or alias, if any."""
        key = fold(name)
        return self._by_name.get(key) or self._by_name.get(re.sub(r"^the\s+", "", key))

    def get(self, actor_id: str) -> Actor | None:
        return self._by_id.get(actor_id)

    def demonyms_of(self, actor_id: str) -> tuple[str, ...]:
        return self.demonyms.get(actor_id, ())

    def merged(self, entries: Iterable[tuple[Actor, tuple[str, ...]]]) -> Registry:
        """A new registry with these actors added (same id replaces)."""
        by_id = dict(self._by_id)
        demonyms = dict(self.demonyms)
        for actor, dems in entries:
            by_id[actor.id] = actor
            if dems:
                demonyms[actor.id] = dems
            else:
                demonyms.pop(actor.id, None)
        return Registry(actors=list(by_id.values()), demonyms=demonyms)

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors)


def _entries(data: Any, where: str) -> list[Any]:
    if data is None:
        return []
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        if "actors" in data and isinstance(data["actors"], list):
            return list(data["actors"])
        if len(lists) == 1:
            return list(lists[0])
    if isinstance(data, list):
        return data
    raise InvalidInput(f"{where}: expected a list of actors")


def _parse_entry(raw: Any, where: str) -> tuple[Actor, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise InvalidInput(f"{where}: expected a mapping with id and name")
    if not raw.get("name"):
        raise InvalidInput(f"{where}: missing field 'name'")
    data = {k: v for k, v in raw.items() if k not in {"demonyms"}}
    data.setdefault("id", slugify(str(raw["name"])))
    data["aliases"] = tuple(str(a) for a in (data.get("aliases") or ()) if str(a).strip())
    if data.get("kind") not in {k.value for k in ActorKind}:
        data["kind"] = ActorKind.OTHER.value if not data.get("kind") else data["kind"]
    allowed = set(Actor.model_fields)
    unknown = set(data) - allowed
    for key in unknown:
        data.pop(key)
    try:
        actor = Actor(**data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise InvalidInput(f"{where}: field '{loc}': {first['msg']}") from None
    dems = tuple(str(d) for d in (raw.get("demonyms") or ()) if str(d).strip())
    return actor, dems


def read_registry_file(path: Path) -> list[tuple[Actor, tuple[str, ...]]]:
    """The entries of one registry file; errors name the file and the entry."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read registry file ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path}: registry file is not UTF-8 text") from None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise InvalidInput(f"{path}: not valid YAML ({exc})") from None
    out = []
    for i, raw in enumerate(_entries(data, str(path)), start=1):
        name = raw.get("id") or raw.get("name") if isinstance(raw, dict) else None
        out.append(_parse_entry(raw, f"{path}: entry {i}" + (f" ({name})" if name else "")))
    return out


@lru_cache(maxsize=1)
def _bundled() -> Registry:
    entries: list[tuple[Actor, tuple[str, ...]]] = []
    if BUNDLED_DIR.is_dir():
        for path in sorted(BUNDLED_DIR.glob("*.y*ml")):
            entries.extend(read_registry_file(path))
    return Registry().merged(entries)


def load_registry(user_file: Path | None = None) -> Registry:
    """The bundled registry, extended (or overridden by id) by `user_file`."""
    base = _bundled()
    if user_file is None:
        return base
    return base.merged(read_registry_file(Path(user_file)))
