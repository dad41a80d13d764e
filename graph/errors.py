"""The project's one exception tree.

    AllegianceError
    ├── InvalidInput          bad values from a user or a file (names what and where)
    │   └── ModelError        a model field failed validation
    ├── NotFound              an id or name that is not in the store
    ├── Conflict              the request contradicts what is stored
    └── StoreError            the store failed
        ├── StoreUnavailable  the store cannot be reached (Neo4j down, file locked)
        └── StoreCorrupt      the store file is not ours or is damaged

Backends map driver and sqlite errors onto these at their boundary.
"""

from __future__ import annotations


class AllegianceError(Exception):
    """Root of every error this project raises on purpose."""


class InvalidInput(AllegianceError, ValueError):
    """Input that cannot be accepted; the message says what and where."""


class ModelError(InvalidInput):
    """A model value failed validation; `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


class NotFound(AllegianceError, LookupError):
    """An id or name the store does not hold; `suggestions` lists close matches."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


class Conflict(AllegianceError):
    """The request contradicts stored state (e.g. merging an actor into itself)."""


class StoreError(AllegianceError):
    """The store failed to do what was asked."""


class StoreUnavailable(StoreError):
    """The store cannot be reached."""


class StoreCorrupt(StoreError):
    """The store's file or database is not an allegiance store or is damaged."""
