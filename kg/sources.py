"""Independent sources: which documents are copies of one story; and when a claim says
it happened.

A wire story reprinted by ten papers is one source, not ten. Each document gets a
``Fingerprint``: the bottom-k MinHash sketch of its word 5-gram shingles, small enough
to store beside the document (the text itself is not stored). Two documents whose
estimated Jaccard similarity reaches ``THRESHOLD`` are copies; copies of copies too
(the groups are connected components). Changing a header line or a few words leaves a
long article well above the threshold, while two articles on the same events share
too few 5-grams to come near it.

``group_sources`` is pure and does not depend on the order of its input: each group is
named by its smallest key. ``link_sources`` applies it to a store, writing each
document's source as ``kg:story`` (the checksum of the group's first document), which
the named queries count as independent sources.

>>> a = fingerprint("Russia and Iran back Assad, officials in Damascus said on Friday.")
>>> b = fingerprint("BEIRUT: Russia and Iran back Assad, officials in Damascus said on Friday.")
>>> round(jaccard(a, b), 2)
0.88
>>> group_sources({"wire": a, "reprint": b, "other": fingerprint("Turkey backs the rebels.")})
{'other': 'other', 'reprint': 'reprint', 'wire': 'reprint'}
"""

from __future__ import annotations

import hashlib
import heapq
import logging
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rdflib import URIRef

from .model import Relation
from .summary import join_updates, pending_update, stored_edge_keys

if TYPE_CHECKING:
    from .store import GraphStore

__all__ = [
    "SHINGLE_WORDS",
    "SKETCH_SIZE",
    "THRESHOLD",
    "Fingerprint",
    "event_date",
    "fingerprint",
    "group_sources",
    "jaccard",
    "link_sources",
    "shingles",
    "stated_date",
]

log = logging.getLogger(__name__)

SHINGLE_WORDS = 5
"""Words per shingle: long enough that unrelated articles rarely share one."""
SKETCH_SIZE = 64
"""Hashes kept per document; the Jaccard estimate's error is about 1/sqrt(64) at worst."""
THRESHOLD = 0.5
"""Estimated Jaccard similarity from which two documents are copies of one story."""

_WORD = re.compile(r"\w+")
_HEX = 16  # characters per stored hash (64 bits)
_CHECKSUM = re.compile(r"[0-9a-f]{16}")
_IRI = re.compile(r"[^\s<>\"{}|\\^`]+")

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ON_DATE = re.compile(
    rf"\bon\s+(?:(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH})\.?)(?:,?\s+(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)

_PROLOGUE = "PREFIX kg: <https://w3id.org/kg/ontology#>\n"
_DOCUMENTS = (
    _PROLOGUE
    + """SELECT ?doc ?checksum ?fingerprint ?story WHERE {
  ?doc a kg:Document ; kg:checksum ?checksum .
  OPTIONAL { ?doc kg:fingerprint ?fingerprint }
  OPTIONAL { ?doc kg:story ?story }
} ORDER BY ?doc"""
)
_UNLINK = _PROLOGUE + "DELETE WHERE { GRAPH ?g { ?doc kg:story ?story } }"


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The bottom-k sketch of a text: the smallest shingle hashes, ascending."""

    hashes: tuple[int, ...]

    def __post_init__(self) -> None:
        if list(self.hashes) != sorted(set(self.hashes)):
            raise ValueError("a fingerprint's hashes must be distinct and ascending")
        if any(not 0 <= h < 1 << 64 for h in self.hashes):
            raise ValueError("a fingerprint's hashes must be 64-bit unsigned integers")

    def to_text(self) -> str:
        """The fingerprint as fixed-width hex, as stored in ``kg:fingerprint``.

        >>> Fingerprint((1, 255)).to_text()
        '000000000000000100000000000000ff'
        """
        return "".join(f"{h:0{_HEX}x}" for h in self.hashes)

    @classmethod
    def from_text(cls, text: str) -> Fingerprint:
        """Parse ``to_text``'s output.

        Raises:
            ValueError: the text is not a run of 16-digit hex numbers.

        >>> Fingerprint.from_text(Fingerprint((1, 255)).to_text())
        Fingerprint(hashes=(1, 255))
        """
        if len(text) % _HEX or (text and not re.fullmatch(r"[0-9a-f]+", text)):
            raise ValueError(f"not a fingerprint: {text[:40]!r}")
        return cls(tuple(int(text[i : i + _HEX], 16) for i in range(0, len(text), _HEX)))


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[str]:
    """The word ``size``-grams of a text, lower-cased, punctuation and spacing ignored.

    A text shorter than ``size`` words is one shingle.

    >>> sorted(shingles("Iran arms Hezbollah.", size=2))
    ['arms hezbollah', 'iran arms']
    >>> shingles("Iran", size=2), shingles("  ")
    ({'iran'}, set())
    """
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def fingerprint(text: str, *, size: int = SHINGLE_WORDS, sketch: int = SKETCH_SIZE) -> Fingerprint:
    """The bottom-``sketch`` MinHash sketch of the text's shingles.

    >>> len(fingerprint("one two three four five six seven").hashes)
    3
    """
    hashes = {_hash(s) for s in shingles(text, size=size)}
    return Fingerprint(tuple(heapq.nsmallest(sketch, hashes)))


def jaccard(a: Fingerprint, b: Fingerprint, *, sketch: int = SKETCH_SIZE) -> float:
    """The estimated Jaccard similarity of the two texts' shingle sets.

    Exact when the texts together have at most ``sketch`` shingles; empty texts are
    similar to nothing.

    >>> a = fingerprint("the quick brown fox jumps over the lazy dog")
    >>> jaccard(a, a), jaccard(a, fingerprint(""))
    (1.0, 0.0)
    """
    union = heapq.nsmallest(sketch, set(a.hashes) | set(b.hashes))
    if not union:
        return 0.0
    shared = set(a.hashes) & set(b.hashes)
    return sum(h in shared for h in union) / len(union)


def group_sources(
    fingerprints: Mapping[str, Fingerprint], *, threshold: float = THRESHOLD
) -> dict[str, str]:
    """Each key mapped to its group's name, the smallest key of its group.

    Groups are the connected components of "estimated Jaccard >= threshold". Only
    pairs that share a sketch hash are compared, so the cost grows with the number
    of near-copies rather than with the square of the corpus.

    >>> same = fingerprint("Turkey backs the rebels in the north, officials say.")
    >>> group_sources({"b": same, "a": same})
    {'a': 'a', 'b': 'a'}
    """
    parent = {key: key for key in fingerprints}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    postings: dict[int, list[str]] = {}
    first_of: dict[Fingerprint, str] = {}
    for key in sorted(fingerprints):
        sketch = fingerprints[key]
        if sketch in first_of:  # an exact copy: nothing new to index
            parent[find(key)] = find(first_of[sketch])
            continue
        first_of[sketch] = key
        shared = Counter(other for h in sketch.hashes for other in postings.get(h, ()))
        for other, _ in sorted(shared.items(), key=lambda item: (-item[1], item[0])):
            mine, theirs = find(key), find(other)
            if mine != theirs and jaccard(sketch, fingerprints[other]) >= threshold:
                parent[max(mine, theirs)] = min(mine, theirs)
        for h in sketch.hashes:
            postings.setdefault(h, []).append(key)
    return {key: find(key) for key in sorted(fingerprints)}


def link_sources(store: GraphStore, *, threshold: float = THRESHOLD) -> int:
    """Write every stored document's independent source (``kg:story``); return how many
    independent sources the store holds.

    Run it after writing documents. A document's story is the checksum of the first
    document (by id) of its group of copies; documents stored without a fingerprint
    are their own story. One update replaces every story and marks pending the edges
    whose documents changed story (``kg.summary``), in one transaction.
    """
    rows = store.query(_DOCUMENTS)
    checksums = {str(r["doc"]): str(r["checksum"]) for r in rows}
    sketches: dict[str, Fingerprint] = {}
    for row in rows:
        if row["fingerprint"] is not None:
            try:
                sketches[str(row["doc"])] = Fingerprint.from_text(str(row["fingerprint"]))
            except ValueError:
                log.warning("%s has a malformed fingerprint; it counts as its own source", row)
    groups = group_sources(sketches, threshold=threshold)
    stories = {doc: checksums[groups.get(doc, doc)] for doc in checksums}
    triples = [
        f'GRAPH <{doc}> {{ <{doc}> kg:story "{story}" }}'
        for doc, story in sorted(stories.items())
        if _IRI.fullmatch(doc) and _CHECKSUM.fullmatch(story)
    ]
    update = _UNLINK
    if triples:
        update += " ;\nINSERT DATA {\n" + "\n".join(triples) + "\n}"
    # the edges whose claims come from a document that changes source count anew
    was = {str(r["doc"]): str(r["story"] or r["checksum"]) for r in rows}
    moved = [URIRef(doc) for doc, story in stories.items() if was[doc] != story]
    store.update(join_updates([update, pending_update(stored_edge_keys(store, moved))]))
    log.debug("linked %d documents into %d sources", len(stories), len(set(stories.values())))
    return len(set(stories.values()))


def stated_date(text: str, published: date | None) -> date | None:
    """The first date the text gives as "on <month> <day>" (or "on <day> <month>").

    Without a year, the date falls in the year of ``published`` or, when that would put
    it after publication, the year before; with neither a year nor ``published`` there
    is no date. Weekdays ("on Friday") are not read: which Friday is a guess.

    >>> stated_date("HTS began its offensive on Nov. 27.", date(2024, 12, 7))
    datetime.date(2024, 11, 27)
    >>> stated_date("Talks began on 30 December.", date(2025, 1, 3))
    datetime.date(2024, 12, 30)
    >>> stated_date("The ministers met on Friday.", date(2024, 12, 7)) is None
    True
    """
    for match in _ON_DATE.finditer(text):
        month = _MONTHS[(match["month"] or match["month2"]).lower()]
        day = int(match["day"] or match["day2"])
        if match["year"]:
            year = int(match["year"])
        elif published is not None:
            year = published.year - ((month, day) > (published.month, published.day))
        else:
            return None
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def event_date(relation: Relation, published: date | None) -> date | None:
    """The date a claim's own sentence gives (its first piece of evidence by position).

    >>> from kg.model import Evidence, RelationType
    >>> quote = "HTS attacked Aleppo on Nov. 27"
    >>> claim = Relation("hts", RelationType.OPPOSES, "x", (Evidence("d", 0, 30, quote),))
    >>> event_date(claim, date(2024, 12, 7))
    datetime.date(2024, 11, 27)
    """
    first = min(relation.evidence, key=lambda e: (e.start, e.end))
    return stated_date(first.quote, published)


def _hash(shingle: str) -> int:
    """A 64-bit hash that is the same in every process (``hash()`` is salted)."""
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest())
