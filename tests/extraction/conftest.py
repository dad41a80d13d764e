"""Helpers for the extraction tests: run the real pipeline with the bundled registry."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from loaders.document import Document
from loaders.extract import extract
from loaders.registry import Registry, load_registry

Triple = tuple[str, str, str, str]  # subject name, relation, object name, modality
Expected = tuple[str, str, str]  # subject name, relation, object name
ClaimsOf = Callable[[str], set[Triple]]


def triple_key(t: Expected) -> Expected:
    """A triple compared without direction when its relation is symmetric (alliance)."""
    s, r, o = t
    return (min(s, o), r, max(s, o)) if r == "alliance" else t


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def claims_of(registry: Registry):  # type: ignore[no-untyped-def]
    """`claims_of(text)`: the set of (subject, relation, object, modality) by actor name."""

    def run(text: str) -> set[Triple]:
        ex = extract(Document(text=text), registry)
        names = {a.id: a.name for a in ex.actors}
        return {(names[c.subject], c.relation.value, names[c.object], c.modality.value)
                for c in ex.claims}

    return run


def positive(found: set[Triple]) -> set[tuple[str, str, str]]:
    """The claims a query counts by default (asserted or reported)."""
    return {(s, r, o) for s, r, o, m in found if m in {"asserted", "reported"}}


def positive_keys(claims_of: ClaimsOf, text: str) -> set[Expected]:
    """The counted claims of `text`, keyed as `triple_key` compares them."""
    return {triple_key(t) for t in positive(claims_of(text))}
