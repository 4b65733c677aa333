"""The store: where documents' graphs live and SPARQL runs. The only pyoxigraph import.

``GraphStore`` is the interface the rest of kg uses; ``Store`` implements it on an
embedded Oxigraph database (on disk, or in memory for tests and one-off runs). A store
behind a SPARQL endpoint can implement the same methods.

Each document is one named graph (see ``kg.rdf``); ``write`` replaces it in one
transaction, so a failed write never leaves half a document. Queries see the union of
all graphs, take their values as bound variables (never pasted into the text) and cannot
change the store: changes go through ``update`` explicitly.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Protocol, runtime_checkable

import pyoxigraph as ox
from rdflib import Literal as RdfLiteral
from rdflib import URIRef

from .errors import QueryError, StoreError
from .locking import ReadLock, claim_writer, locked_message, read_lock, release_writer
from .model import Actor, Extraction
from .rdf import REMOVE_DOCUMENT, Quad, extraction_to_quads
from .summary import (
    REFRESH,
    edge_keys,
    join_updates,
    opening_update,
    pending_quads,
    pending_update,
    stored_edge_keys,
)
from .vocab import KG, PREFIXES, doc_iri

__all__ = [
    "DOCUMENTS_QUERY",
    "DUMP_FORMATS",
    "STATS_QUERY",
    "Binding",
    "GraphStore",
    "Row",
    "Store",
    "StoreStats",
    "StoredDocument",
    "Value",
    "insert_data",
    "literal_value",
    "remove_update",
    "stored_documents",
    "write_update",
]

log = logging.getLogger(__name__)

FLUSH_EVERY = 200
"""Documents written between two flushes of the on-disk engine: keeps ingest memory flat."""

REMEMBER_ACTORS = 50_000
"""At most this many actors whose shared description a store remembers writing."""

Value = str | int | float | bool | None
"""A result cell: IRIs and plain literals as str, numbers and booleans as Python values."""
Row = dict[str, Value]
Binding = str | int | float | bool | date | URIRef | RdfLiteral
"""A query parameter: ``URIRef`` binds an IRI, any other value a literal of its type."""

DUMP_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    _XSD + name
    for name in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
}
_FLOATS = {_XSD + "double", _XSD + "float", _XSD + "decimal"}
_BOOLEAN = _XSD + "boolean"

_ROCKSDB_FILE = re.compile(
    r"LOCK|LOG(?:\.old\.\d+)?|IDENTITY|CURRENT|MANIFEST-\d+|OPTIONS-\d+|\d+\.(?:dbtmp|log|sst|blob)"
)
"""The files Oxigraph's RocksDB keeps in a store folder."""

_PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

DOCUMENTS_QUERY = (
    _PROLOGUE
    + """SELECT ?id ?checksum ?title ?published ?publisher ?url WHERE {
  GRAPH ?g {
    ?g a kg:Document ; dcterms:identifier ?id ; kg:checksum ?checksum .
    OPTIONAL { ?g dcterms:title ?title }
    OPTIONAL { ?g dcterms:date ?published }
    OPTIONAL { ?g dcterms:publisher ?publisher }
    OPTIONAL { ?g schema:url ?url }
  }
} ORDER BY ?id"""
)

STATS_QUERY = (
    _PROLOGUE
    + """SELECT
  (COUNT(DISTINCT ?doc) AS ?documents) (COUNT(DISTINCT ?actor) AS ?actors)
  (COUNT(DISTINCT ?claim) AS ?claims) (COUNT(DISTINCT ?edge) AS ?edges)
WHERE {
  { ?doc a kg:Document }
  UNION { ?actor kg:actorType ?type }
  UNION { ?claim a kg:Claim }
  UNION {
    VALUES ?p { kg:backs kg:opposes kg:meetsWith kg:leads kg:memberOf }
    ?s ?p ?o .
    BIND(CONCAT(STR(?s), " ", STR(?p), " ", STR(?o)) AS ?edge)
  }
}"""
)


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """What the store knows about one document (its text is not stored)."""

    id: str
    checksum: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Counts over the whole store; ``edges`` counts distinct plain relation triples."""

    documents: int
    actors: int
    claims: int
    edges: int
    quads: int


@runtime_checkable
class GraphStore(Protocol):
    """What kg needs from a store: the methods ``Store`` implements."""

    def write(self, extraction: Extraction) -> int: ...

    def has_document(self, doc_id: str, checksum: str | None = None) -> bool: ...

    def remove(self, doc_id: str) -> bool: ...

    def query(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> list[Row]: ...

    def update(self, sparql: str) -> None: ...

    def dump(self, target: str | Path | BinaryIO, format: str = "trig") -> None: ...

    def stats(self) -> StoreStats: ...

    def documents(self) -> list[StoredDocument]: ...


class Store:
    """An Oxigraph store, on disk (``Store.open``) or in memory (``Store.in_memory``).

    >>> store = Store.in_memory()
    >>> store.query("SELECT ?n WHERE {}", {"n": 41})
    [{'n': 41}]
    >>> store.stats().quads
    0
    """

    def __init__(
        self, engine: ox.Store, location: Path | None = None, *, lock: ReadLock | None = None
    ) -> None:
        self._engine = engine
        self._lock = lock
        self.location = location
        self.read_only = lock is not None
        self._unflushed = 0
        self._stale = not self.read_only  # a killed writer may have left edges pending
        self._next_refresh: str | None = None  # the first: ``opening_update`` chooses it
        self._changing = threading.RLock()
        """Held by every change (write, remove, update, recount): ``kg ingest`` writes from
        a thread while its reading thread removes renamed copies, and a write that leaves
        out a shared description the store remembers sending must not interleave with a
        removal that drops it."""
        self._described: set[Actor] = set()
        """Actors whose shared copy this object wrote, and nothing removed since: a new
        document leaves them out of the shared graph (``extraction_to_quads``)."""

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (or create) the store in directory ``path``.

        One process may write a store, or any number read it (``read_only``), never both
        at once (see ``kg.locking``): whoever comes second gets a StoreError. A folder
        with no store in it yet is created and opened for writing, even for reading.

        Raises:
            StoreError: ``path`` is a file or a non-empty directory that is not a store,
                or another process is writing the store (or, to write it, reading it).
        """
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path} is a file, not a store directory; pick another --store path")
        if path.is_dir() and not _holds_store(path):
            raise StoreError(
                f"{path} is a non-empty directory that is not a kg store; "
                "pick a new or empty directory"
            )
        if read_only and (path / "CURRENT").is_file():
            return cls._open_read_only(path)
        claim_writer(path)
        try:
            engine = ox.Store(str(path))
        except OSError as err:
            release_writer(path)
            if "lock" in str(err).lower():
                raise StoreError(locked_message(path, reading=False)) from err
            raise StoreError(f"cannot open the store {path}: {err}") from err
        log.debug("opened store %s", path)
        return cls(engine, path)

    @classmethod
    def _open_read_only(cls, path: Path) -> Store:
        lock = read_lock(path)
        try:
            engine = ox.Store.read_only(str(path))
        except OSError as err:
            lock.release()
            raise StoreError(f"cannot open the store {path} read-only: {err}") from err
        log.debug("opened store %s read-only", path)
        return cls(engine, path, lock=lock)

    @classmethod
    def in_memory(cls) -> Store:
        """A store that lives in memory and vanishes with the object."""
        return cls(ox.Store())

    def close(self) -> None:
        """Bring the edge summaries up to date, flush to disk and release the directory
        lock; the object is unusable afterwards."""
        try:
            self._refresh()
            if self.location is not None and not self.read_only:
                self._engine.flush()
        finally:
            del self._engine  # closes the database: only then may another process open it
            if self._lock is not None:
                self._lock.release()
            elif self.location is not None:
                release_writer(self.location)

    def _writable(self, action: str) -> None:
        if self.read_only:
            raise StoreError(
                f"cannot {action}: the store {self.location} is open read-only; "
                "open it without read_only to change it"
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def write(self, extraction: Extraction) -> int:
        """Replace the document's graph with what ``extraction`` says; return how many
        quads it sent (a shared actor description this object wrote is not sent again).

        One transaction: a new document is one ``extend``; a new version of a stored one
        one SPARQL update that drops the old graph first. Either also marks the edges the
        claims are about pending, so their summaries (``kg.summary``) are recomputed, all
        at once, before the store next answers a query or when it closes: each edge once
        per ingest, however many documents touch it. Safe to call from one thread while
        another removes.

        Raises:
            ValueError: the extraction is inconsistent (see ``kg.rdf.extraction_to_quads``).
            StoreError: the engine refused the write.
        """
        self._writable(f"write document {extraction.document.id}")
        with self._changing:
            return self._write(extraction)

    def _write(self, extraction: Extraction) -> int:
        stored = self._engine.contains_named_graph(_term(doc_iri(extraction.document.id)))
        try:
            if stored:
                # dropping the old version may drop shared copies only it held
                self._described.clear()
                quads = extraction_to_quads(extraction)
                self._engine.update(write_update(self, extraction, quads, stored=True))
            else:
                quads = extraction_to_quads(extraction, described=self._described)
                keys = edge_keys((r.subject, r.relation, r.object) for r in extraction.relations)
                self._engine.extend(
                    [
                        ox.Quad(_term(s), _term(p), _term(o), _term(g))
                        for s, p, o, g in quads + pending_quads(keys)
                    ]
                )
        except (OSError, SyntaxError) as err:
            raise StoreError(f"cannot write document {extraction.document.id}: {err}") from err
        if len(self._described) > REMEMBER_ACTORS:
            self._described.clear()
        self._described.update(extraction.actors)
        self._stale = True
        log.debug("wrote %d quads for %s", len(quads), extraction.document.id)
        self._unflushed += 1
        if self._unflushed >= FLUSH_EVERY and self.location is not None:
            # the engine's write buffers otherwise grow with every document written
            self._engine.flush()
            self._unflushed = 0
        return len(quads)

    def has_document(self, doc_id: str, checksum: str | None = None) -> bool:
        """True when the document is stored (with this checksum, when one is given)."""
        graph = _term(doc_iri(doc_id))
        value = None if checksum is None else ox.Literal(checksum)
        found = self._engine.quads_for_pattern(graph, _term(KG.checksum), value, graph)
        return next(iter(found), None) is not None

    def remove(self, doc_id: str) -> bool:
        """Drop the document's graph, and the shared triples only it held, in one
        transaction; return whether it was there."""
        self._writable(f"remove document {doc_id}")
        graph = _term(doc_iri(doc_id))
        with self._changing:
            if not self._engine.contains_named_graph(graph):
                return False
            self._described.clear()
            try:
                self._engine.update(remove_update(self, doc_id))
            except OSError as err:
                raise StoreError(f"cannot remove document {doc_id}: {err}") from err
            self._stale = True
            return True

    def _refresh(self) -> None:
        """Recompute the pending edge summaries (one update), if anything may be pending."""
        with self._changing:
            if self._stale and not self.read_only:
                self._stale = False
                self._engine.update(self._next_refresh or opening_update(self))
                self._next_refresh = REFRESH

    def query(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> list[Row]:
        """Run a read-only SPARQL query over the union of all graphs.

        ``bindings`` give variables their values (SEP-0007 substitution); each bound
        variable must appear in the SELECT clause. ASK gives ``[{"result": bool}]``,
        CONSTRUCT and DESCRIBE rows of ``subject``, ``predicate``, ``object``.

        Raises:
            QueryError: the text is not a SPARQL query (updates included) or cannot run.
        """
        substitutions = {ox.Variable(k): _binding(v) for k, v in (bindings or {}).items()}
        self._refresh()
        try:
            result = self._engine.query(
                sparql, use_default_graph_as_union=True, substitutions=substitutions or None
            )
            return _rows(result)
        except SyntaxError as err:
            raise QueryError(f"invalid SPARQL query (changes go through update()): {err}") from err
        except (OSError, RuntimeError) as err:
            raise QueryError(f"the query failed: {err}") from err

    def update(self, sparql: str) -> None:
        """Run a SPARQL update in one transaction.

        Raises:
            QueryError: the text is not a SPARQL update.
            StoreError: the engine refused the change.
        """
        self._writable("run an update")
        with self._changing:
            self._stale = True
            self._described.clear()
            try:
                self._engine.update(sparql)
            except SyntaxError as err:
                raise QueryError(f"not a SPARQL update: {err}") from err
            except OSError as err:
                raise StoreError(f"the update failed: {err}") from err

    def dump(self, target: str | Path | BinaryIO, format: str = "trig") -> None:
        """Write the store to a file or binary stream as ttl, nt, trig, nq or jsonld.

        Turtle and N-Triples have no graphs: they get the union of all documents' graphs.

        Raises:
            StoreError: the format is unknown or the target cannot be written.
        """
        rdf_format = DUMP_FORMATS.get(format)
        if rdf_format is None:
            raise StoreError(f"unknown dump format {format!r}; use one of {sorted(DUMP_FORMATS)}")
        output = str(target) if isinstance(target, (str, Path)) else target
        self._refresh()
        try:
            if rdf_format.supports_datasets:
                self._engine.dump(output, format=rdf_format, prefixes=PREFIXES)
            else:
                triples = self._engine.query(
                    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
                )
                ox.serialize(triples, output, format=rdf_format, prefixes=PREFIXES)
        except OSError as err:
            raise StoreError(f"cannot dump the store to {target}: {err}") from err

    def stats(self) -> StoreStats:
        """How many documents, actors, claims, distinct edges and quads the store holds."""
        (row,) = self.query(STATS_QUERY)
        return StoreStats(
            documents=_int(row["documents"]),
            actors=_int(row["actors"]),
            claims=_int(row["claims"]),
            edges=_int(row["edges"]),
            quads=len(self._engine),
        )

    def documents(self) -> list[StoredDocument]:
        """Every stored document, sorted by id."""
        return stored_documents(self)


def stored_documents(store: GraphStore) -> list[StoredDocument]:
    """Every document a store holds, sorted by id: the same query for every kind of store."""
    return [
        StoredDocument(
            id=str(row["id"]),
            checksum=str(row["checksum"]),
            title=_text(row["title"]),
            published=_text(row["published"]),
            publisher=_text(row["publisher"]),
            url=_text(row["url"]),
        )
        for row in store.query(DOCUMENTS_QUERY)
    ]


def _holds_store(path: Path) -> bool:
    """Whether folder ``path`` is empty, a store, or a store whose creation was cut short
    (RocksDB's files without CURRENT, written last: opening it finishes the creation)."""
    names = [entry.name for entry in path.iterdir()]
    return (path / "CURRENT").is_file() or all(_ROCKSDB_FILE.fullmatch(n) for n in names)


def insert_data(quads: list[Quad]) -> str:
    """A SPARQL ``INSERT DATA`` update of ``quads``, every term in N-Triples syntax.

    >>> from rdflib import URIRef
    >>> print(insert_data([(URIRef("s:1"), URIRef("p:1"), URIRef("o:1"), URIRef("g:1"))]))
    INSERT DATA {
    GRAPH <g:1> { <s:1> <p:1> <o:1> }
    }
    """
    lines = (f"GRAPH {_term(g)} {{ {_term(s)} {_term(p)} {_term(o)} }}" for s, p, o, g in quads)
    return "INSERT DATA {\n" + "\n".join(lines) + "\n}"


def write_update(
    store: GraphStore, extraction: Extraction, quads: list[Quad], *, stored: bool
) -> str:
    """The one SPARQL update that writes a document's ``quads``: it drops the ``stored``
    version first, and marks pending the edges either version has claims about."""
    keys = edge_keys((r.subject, r.relation, r.object) for r in extraction.relations)
    parts = []
    if stored:
        keys |= stored_edge_keys(store, [doc_iri(extraction.document.id)])
        parts.append(_removal(extraction.document.id))
    return join_updates([*parts, insert_data(quads + pending_quads(keys))])


def remove_update(store: GraphStore, doc_id: str) -> str:
    """The one SPARQL update that removes a stored document (``kg.rdf.REMOVE_DOCUMENT``)
    and marks pending the edges its claims were about."""
    keys = stored_edge_keys(store, [doc_iri(doc_id)])
    return join_updates([_removal(doc_id), pending_update(keys)])


def _removal(doc_id: str) -> str:
    return REMOVE_DOCUMENT.replace("?doc", str(_term(doc_iri(doc_id))))


def _term(value: URIRef | RdfLiteral) -> ox.NamedNode | ox.Literal:
    """An rdflib term as a pyoxigraph term; ``str()`` of it is N-Triples/SPARQL syntax."""
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if value.language:
        return ox.Literal(str(value), language=value.language)
    if value.datatype is not None:
        return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
    return ox.Literal(str(value))


def _binding(value: Binding) -> ox.NamedNode | ox.Literal:
    if isinstance(value, (URIRef, RdfLiteral)):
        return _term(value)
    if isinstance(value, (bool, int, float, str)):
        return ox.Literal(value)
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(_XSD + "date"))
    raise QueryError(f"cannot bind a {type(value).__name__}: {value!r}")


def literal_value(text: str, datatype: str | None) -> Value:
    """A literal's lexical form as a plain Python value by its XSD datatype: the one
    conversion every store (embedded or endpoint) applies to query results."""
    if datatype in _INTEGERS:
        return int(text)
    if datatype in _FLOATS:
        return float(text)
    if datatype == _BOOLEAN:
        return text in ("true", "1")
    return text


def _value(term: object) -> Value:
    """A pyoxigraph term as a plain Python value: the one place results are converted."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return literal_value(term.value, term.datatype.value)
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def _rows(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> list[Row]:
    if isinstance(result, ox.QueryBoolean):
        return [{"result": bool(result)}]
    if isinstance(result, ox.QueryTriples):
        return [
            {
                "subject": _value(t.subject),
                "predicate": _value(t.predicate),
                "object": _value(t.object),
            }
            for t in result
        ]
    names = [v.value for v in result.variables]
    # a solution iterates over its values in the order of the variables: 2.5 times faster
    # than looking each one up by name
    return [dict(zip(names, map(_value, solution), strict=True)) for solution in result]


def _text(value: Value) -> str | None:
    return None if value is None else str(value)


def _int(value: Value) -> int:
    return value if isinstance(value, int) else 0
