"""What readers produce and what the pipeline returns."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from graph.model import Actor, Claim, Source, normalise_text


@dataclass(frozen=True)
class Document:
    """A document's text (normalised) and what its reader learnt about it.

    `page_starts` holds the offset where each page begins (page 1 first) for
    paginated formats such as PDF, so a citation can name its page.
    """

    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    media_type: str = "text/plain"
    loader: str = "text"
    page_starts: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", normalise_text(self.text))

    def page_of(self, offset: int) -> int | None:
        """The 1-based page holding `offset`, or None for unpaginated text."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def to_source(self) -> Source:
        return Source.create(
            self.text, title=self.title, author=self.author, publisher=self.publisher,
            url=self.url, published=self.published, media_type=self.media_type,
            loader=self.loader,
        )


@dataclass
class Extraction:
    """A source with the actors and claims found in (or curated for) it."""

    source: Source
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
