"""The domain model: actors, sources, claims and the edges derived from claims.

Models validate on construction (pydantic); an invalid value raises
`pydantic.ValidationError` naming the field. Checks that need two objects (a claim's
quote against its source's text) live in `check_claim_against_source`.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from graph.errors import ModelError
from graph.relations import Modality, Relation, is_symmetric

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ActorId = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^\S(.*\S)?$")]
SourceId = Annotated[str, StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$")]


class ActorKind(StrEnum):
    ARMED_GROUP = "armed_group"
    STATE = "state"
    STATE_AGENCY = "state_agency"
    IGO = "igo"
    ORGANIZATION = "organization"
    PERSON = "person"
    OTHER = "other"


def _encodable(value: Any) -> Any:
    """Refuse text that is not valid Unicode (a lone surrogate cannot be stored)."""
    for text in (value,) if isinstance(value, str) else value if isinstance(value, tuple) else ():
        if isinstance(text, str):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError(f"not valid Unicode text: a lone surrogate at character "
                                 f"{exc.start}") from None
    return value


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)

    _valid_text = field_validator("*")(_encodable)


def utcnow() -> datetime:
    return datetime.now(UTC)


def normalise_text(text: str) -> str:
    """The canonical form of a document's text: NFC, with \\n line ends only."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def text_id(text: str) -> str:
    """The source id of an already normalised text."""
    # surrogatepass: hashing must not fail before validation names the bad text
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def fold(name: str) -> str:
    """Case- and diacritic-insensitive key for matching names and aliases."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


class Actor(_Frozen):
    """Someone the documents speak of: a group, a state, an agency, a person."""

    id: ActorId
    name: NonEmpty
    aliases: tuple[NonEmpty, ...] = ()
    kind: ActorKind = ActorKind.OTHER
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = None
    wikidata: Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$")] | None = None
    description: str | None = None

    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases, without repeats."""
        seen: dict[str, str] = {}
        for n in (self.name, *self.aliases):
            seen.setdefault(fold(n), n)
        return tuple(seen.values())


class SourceInfo(_Frozen):
    """A source's metadata, without its text."""

    id: SourceId
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    retrieved: datetime = Field(default_factory=utcnow)
    media_type: str = "text/plain"
    loader: str = "text"


class Source(SourceInfo):
    """One ingested document; its id is the sha256 of its normalised text."""

    text: str

    @model_validator(mode="after")
    def _id_matches_text(self) -> Self:
        if self.text != normalise_text(self.text):
            raise ValueError("text must be normalised (use Source.create)")
        if self.id != text_id(self.text):
            raise ValueError("id must be sha256: of the text (use Source.create)")
        return self

    @classmethod
    def create(cls, text: str, **meta: Any) -> Source:
        """A source for `text` (normalised here), with its id computed."""
        norm = normalise_text(text)
        return cls(id=text_id(norm), text=norm, **meta)

    def info(self) -> SourceInfo:
        return SourceInfo(**self.model_dump(exclude={"text"}))


def claim_id(source: str, subject: str, relation: str, obj: str, start: int, end: int) -> str:
    key = "\x1f".join((source, subject, relation, obj, str(start), str(end)))
    return "claim:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:40]


class Claim(_Frozen):
    """One source alleging one relationship once, tied to the span that says so.

    For a symmetric relation (alliance) subject and object are stored in id order,
    so A–B and B–A are the same claim. `id` is computed when not given.
    """

    id: str = ""
    subject: ActorId
    relation: Relation
    object: ActorId
    source: SourceId
    quote: Annotated[str, StringConstraints(min_length=1)]
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=1)]
    modality: Modality = Modality.ASSERTED
    attributed_to: str | None = None
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5
    extractor: NonEmpty = "manual"
    page: Annotated[int, Field(ge=1)] | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    created: datetime = Field(default_factory=utcnow)

    @model_validator(mode="before")
    @classmethod
    def _canonical(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        try:
            rel = Relation(str(data.get("relation")))
        except ValueError:
            return data  # field validation reports the unknown relation
        data = {**data, "relation": rel}
        subj, obj = data.get("subject"), data.get("object")
        if is_symmetric(rel) and isinstance(subj, str) and isinstance(obj, str) and subj > obj:
            data["subject"], data["object"] = obj, subj
        keys = ("source", "subject", "object", "start", "end")
        if not data.get("id") and all(data.get(k) is not None for k in keys):
            data["id"] = claim_id(str(data["source"]), str(data["subject"]), rel.value,
                                  str(data["object"]), int(data["start"]), int(data["end"]))
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if not self.id:
            raise ValueError("id must not be empty")
        if self.subject == self.object:
            raise ValueError("subject and object must be different actors")
        if self.end <= self.start:
            raise ValueError("end must be greater than start")
        if len(self.quote) != self.end - self.start:
            raise ValueError("quote length must equal end - start")
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValueError("valid_from must not be after valid_to")
        return self


def check_claim_against_source(claim: Claim, source: Source) -> None:
    """Raise ModelError unless the claim cites this source with its exact text."""
    if claim.source != source.id:
        raise ModelError("source", f"claim {claim.id} cites {claim.source}, not {source.id}")
    if source.text[claim.start:claim.end] != claim.quote:
        raise ModelError(
            "quote", f"claim {claim.id}: quote is not the source text at {claim.start}:{claim.end}"
        )


class Edge(_Frozen):
    """All counted claims with the same (subject, relation, object), summarised."""

    subject: str
    relation: Relation
    object: str
    claims: int
    sources: int
    first_seen: date | None = None
    last_seen: date | None = None
    modalities: dict[Modality, int] = Field(default_factory=dict)

    @property
    def key(self) -> tuple[str, Relation, str]:
        return (self.subject, self.relation, self.object)

    @property
    def reported_only(self) -> bool:
        """True when every counted claim is attributed to someone else."""
        return set(self.modalities) == {Modality.REPORTED}
