"""The data model shared by every stage: documents, actors, mentions, relations, evidence.

Frozen, slotted dataclasses and string enums, standard library only, so that a
stage can never change what an earlier stage produced and every value can be
compared, hashed and serialised as plain data.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

__all__ = [
    "Actor",
    "ActorType",
    "Document",
    "Evidence",
    "Extraction",
    "Mention",
    "Modality",
    "Polarity",
    "Relation",
    "RelationType",
    "content_id",
]


class ActorType(StrEnum):
    """The five kinds of actor of the annotation guidelines."""

    STATE = "state"
    GOVERNMENT = "government"
    ARMED_GROUP = "armed_group"
    ORGANIZATION = "organization"
    PERSON = "person"


class RelationType(StrEnum):
    """The five scored relation types; every subtype rolls up to one of them."""

    BACKS = "backs"
    OPPOSES = "opposes"
    MEETS_WITH = "meets_with"
    LEADS = "leads"
    MEMBER_OF = "member_of"

    @property
    def symmetric(self) -> bool:
        """``meets_with`` has no direction; the others run subject -> object."""
        return self is RelationType.MEETS_WITH


class Polarity(StrEnum):
    """Whether the text asserts the relation or denies it."""

    POSITIVE = "positive"
    NEGATIVE = "negative"


class Modality(StrEnum):
    """How the text commits to the relation."""

    ASSERTED = "asserted"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"
    REPORTED = "reported"


def content_id(text: str) -> str:
    """A stable short id for a text: the first 16 hex digits of its SHA-256.

    >>> len(content_id("Turkey backs the opposition."))
    16
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read: its text and what is known about it.

    ``id`` is stable: the record id where the source gives one, otherwise the
    file's path relative to the folder read. ``checksum`` identifies the content
    whatever the file is called, so a re-ingest can be recognised.
    """

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: str | None = None
    place: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("a document needs a non-empty id")

    @property
    def checksum(self) -> str:
        return content_id(self.text)


@dataclass(frozen=True, slots=True)
class Actor:
    """A political or military actor: a node of the graph."""

    id: str
    label: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None

    def __post_init__(self) -> None:
        if not self.id or not self.label:
            raise ValueError(f"an actor needs an id and a label, got {self.id!r}/{self.label!r}")
        if self.wikidata is not None and not (
            self.wikidata.startswith("Q") and self.wikidata[1:].isdigit()
        ):
            raise ValueError(
                f"actor {self.id}: wikidata id must look like Q123, got {self.wikidata!r}"
            )


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim comes from: a character span of a document and its exact text."""

    doc_id: str
    start: int
    end: int
    quote: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"evidence span [{self.start}, {self.end}) is empty or negative")
        if len(self.quote) != self.end - self.start:
            raise ValueError("evidence quote length does not match its span")

    @classmethod
    def from_span(cls, doc: Document, start: int, end: int) -> Evidence:
        """Evidence over ``doc.text[start:end]``, so the quote always equals its span."""
        if end > len(doc.text):
            raise ValueError(f"evidence span ends at {end}, past the end of {doc.id}")
        return cls(doc.id, start, end, doc.text[start:end])

    def is_valid_for(self, doc: Document) -> bool:
        """True when the quote is exactly the document's text over the span."""
        return self.doc_id == doc.id and doc.text[self.start : self.end] == self.quote


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface form of an actor in a document."""

    actor_id: str
    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Relation:
    """A claim: the text says ``subject`` <relation> ``object``, with its evidence."""

    subject: str
    relation: RelationType
    object: str
    evidence: tuple[Evidence, ...]
    subtype: str | None = None
    polarity: Polarity = Polarity.POSITIVE
    modality: Modality = Modality.ASSERTED
    confidence: float = 1.0
    attribution: str | None = None

    def __post_init__(self) -> None:
        if self.subject == self.object:
            raise ValueError(f"a relation needs two actors, got {self.subject} twice")
        if not self.evidence:
            raise ValueError("a relation needs at least one piece of evidence")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must lie in [0, 1], got {self.confidence}")

    @property
    def key(self) -> tuple[str, RelationType, str]:
        """(subject, type, object), with the pair ordered for symmetric types."""
        a, b = self.subject, self.object
        if self.relation.symmetric and b < a:
            a, b = b, a
        return (a, self.relation, b)

    @property
    def counts_as_edge(self) -> bool:
        """Asserted (or planned, or reported) and positive: drawn as an edge of the graph."""
        return self.polarity is Polarity.POSITIVE and self.modality is not Modality.HYPOTHETICAL


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extraction found in one document."""

    document: Document
    actors: tuple[Actor, ...]
    relations: tuple[Relation, ...]
    mentions: tuple[Mention, ...] = field(default=())
