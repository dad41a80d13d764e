"""Word lists the pipeline reads from `loaders/rules/*.yaml`, loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InvalidInput

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@cache
def load_yaml(name: str) -> Any:
    """The parsed content of one rules file (`mentions.yaml`, `relations.yaml`, ...)."""
    path = RULES_DIR / name
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidInput(f"{path}: cannot load extraction rules ({exc})") from None


def words(name: str, key: str) -> list[str]:
    """A list of words from a rules file, as written."""
    value = load_yaml(name).get(key) or []
    return [str(v) for v in value]


def mapping(name: str, key: str) -> dict[str, Any]:
    value = load_yaml(name).get(key) or {}
    return {str(k): v for k, v in value.items()}
