"""Argument checks and filter shapes that every backend applies the same way."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from graph.errors import InvalidInput, ModelError
from graph.model import Actor, Claim, Source, check_claim_against_source
from graph.relations import Relation
from graph.store import MAX_PATH_HOPS, EdgeFilter


def check_page(limit: int, offset: int) -> None:
    if limit < 0:
        raise InvalidInput(f"limit: must not be negative, got {limit}")
    if offset < 0:
        raise InvalidInput(f"offset: must not be negative, got {offset}")


def check_max_hops(max_hops: int) -> None:
    if not 1 <= max_hops <= MAX_PATH_HOPS:
        raise InvalidInput(f"max_hops: must be between 1 and {MAX_PATH_HOPS}, got {max_hops}")


def check_claims(source: Source, claims: Sequence[Claim]) -> None:
    """Every claim must quote this source exactly (before anything is written)."""
    for c in claims:
        check_claim_against_source(c, source)


def check_claim_actors(claims: Sequence[Claim], actors: Sequence[Actor],
                       known: Callable[[str], bool]) -> None:
    """Every actor a claim names must be given with it or already `known` to the store."""
    given = {a.id for a in actors}
    for c in claims:
        for field, x in (("subject", c.subject), ("object", c.object)):
            if x not in given and not known(x):
                raise ModelError(field, f"claim {c.id} names actor {x!r}, which is "
                                 "neither among the given actors nor stored")


def support_filter(flt: EdgeFilter | None, **end: str) -> EdgeFilter:
    """`flt` narrowed to support edges (with subtypes unless it names relations) at `end`."""
    base = flt or EdgeFilter()
    return base.model_copy(update={"relations": base.relations or (Relation.SUPPORT,), **end})
