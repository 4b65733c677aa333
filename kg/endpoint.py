"""A store behind any SPARQL 1.1 endpoint: the ``GraphStore`` methods over HTTP.

Oxigraph server, Fuseki, GraphDB, Virtuoso and Neptune speak the same three protocols:
SPARQL query, SPARQL update and the graph store protocol. ``SparqlEndpointStore`` uses
them with the standard library only, so ``--store http://host:7878`` works like a local
folder. Like the embedded store it writes one named graph per document, replaced in one
update request, and binds query parameters as values, never as pasted text: a remote
endpoint has no substitution API, so each bound variable gets a ``VALUES`` block of
N-Triples-serialised terms at the top of every group pattern of the query, which is what
SEP-0007 pre-binding means.

Queries read the default graph, which must be the union of the named graphs, as it is
for the embedded store: start Oxigraph with ``--union-default-graph`` (``kg serve`` does),
Fuseki with ``tdb2:unionDefaultGraph true``; GraphDB and Virtuoso do so by default.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from datetime import date
from http.client import HTTPResponse
from pathlib import Path
from typing import BinaryIO

from rdflib import BNode, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import XSD

from .errors import QueryError, StoreError
from .model import Extraction
from .rdf import extraction_to_quads
from .store import (
    STATS_QUERY,
    Binding,
    GraphStore,
    Row,
    Store,
    StoredDocument,
    StoreStats,
    Value,
    literal_value,
    remove_update,
    stored_documents,
    write_update,
)
from .summary import REFRESH, opening_update
from .vocab import KG, doc_iri

__all__ = ["SparqlEndpointStore", "bind_values", "open_any", "sparql_term"]

log = logging.getLogger(__name__)

_RESULTS_JSON = "application/sparql-results+json"
_DUMP_TYPES = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "trig": "application/trig",
    "nq": "application/n-quads",
    "jsonld": "application/ld+json",
}
_TRIPLE_FORMATS = {"ttl", "nt"}
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_QUADS = "SELECT (COUNT(*) AS ?quads) WHERE { GRAPH ?g { ?s ?p ?o } }"

# One token of SPARQL text, enough to tell group braces from braces in strings, IRIs,
# comments and VALUES data blocks.
_TOKEN = re.compile(
    r"""(?P<skip>\#[^\n]*|\s+)
    |(?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
        |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<word>[A-Za-z_][A-Za-z0-9_\-]*)
    |(?P<open>\{)
    |(?P<close>\})
    |(?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


def _escape(text: str) -> str:
    return "".join(
        _ECHAR.get(c) or (f"\\u{ord(c):04X}" if ord(c) < 0x20 or ord(c) == 0x7F else c)
        for c in text
    )


def _iri(value: str) -> str:
    if _IRI_FORBIDDEN.search(value):
        raise QueryError(f"cannot bind {value!r} as an IRI: it holds characters IRIs forbid")
    return f"<{value}>"


def sparql_term(value: Binding) -> str:
    """A binding as an RDF term in N-Triples syntax (valid SPARQL), every character escaped.

    ``URIRef`` binds an IRI; any other value a literal of its type, as ``Store.query`` does.

    Raises:
        QueryError: an IRI with forbidden characters, or a value of an unknown type.

    >>> sparql_term('"} ; DROP ALL ; {"')
    '"\\\\"} ; DROP ALL ; {\\\\""'
    >>> sparql_term(41)
    '"41"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    if isinstance(value, URIRef):
        return _iri(str(value))
    if isinstance(value, RdfLiteral):
        lexical = f'"{_escape(str(value))}"'
        if value.language:
            return f"{lexical}@{value.language}"
        return lexical if value.datatype is None else f"{lexical}^^{_iri(str(value.datatype))}"
    if isinstance(value, bool):
        return f'"{str(value).lower()}"^^<{XSD.boolean}>'
    if isinstance(value, int):
        return f'"{value}"^^<{XSD.integer}>'
    if isinstance(value, float):
        return f'"{value!r}"^^<{XSD.double}>'
    if isinstance(value, str):
        return f'"{_escape(value)}"'
    if isinstance(value, date):
        return f'"{value.isoformat()}"^^<{XSD.date}>'
    raise QueryError(f"cannot bind a {type(value).__name__}: {value!r}")


def bind_values(sparql: str, bindings: Mapping[str, Binding]) -> str:
    """``sparql`` with each bound variable fixed by a one-row ``VALUES`` block: every bound
    variable at the top of the WHERE clause, and each at the top of every group pattern
    (sub-queries, OPTIONAL, UNION and GRAPH groups) that uses it, so a FILTER anywhere sees
    the value, as with the embedded store's substitutions. A group that does not use a
    variable gets no block: "OPTIONAL { ?edge kg:firstDate ?first }" stays a plain pattern
    the engine looks up edge by edge (with a block, Oxigraph hashed every first date: one
    second a query at 1M claims).

    >>> bind_values("SELECT ?x WHERE { ?x ?p ?o OPTIONAL { ?o ?q ?r } }", {"x": "a"})
    'SELECT ?x WHERE { VALUES (?x) { ("a") } ?x ?p ?o OPTIONAL { ?o ?q ?r } }'
    """
    if not bindings:
        return sparql
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    tokens = [
        (m.lastgroup, m.group(), m.end()) for m in _TOKEN.finditer(sparql) if m.lastgroup != "skip"
    ]
    closing: dict[int, int] = {}
    opened: list[int] = []
    for n, (kind, _, _) in enumerate(tokens):
        if kind == "open":
            opened.append(n)
        elif kind == "close" and opened:
            closing[opened.pop()] = n
    inserts: list[tuple[int, str]] = []
    values_pending = False
    for n, (kind, text, end) in enumerate(tokens):
        if kind == "word" and text.upper() == "VALUES":
            values_pending = True
        elif kind == "open":
            before = tokens[n - 1][1].upper() if n else ""
            after = tokens[n + 1][1].upper() if n + 1 < len(tokens) else ""
            if values_pending:
                values_pending = False
            elif before not in {"CONSTRUCT", "DATA"} and after != "SELECT":
                used = _variables(tokens[n : closing.get(n, len(tokens))])
                names = [v for v in bindings if not inserts or v in used]
                if names:
                    inserts.append((end, _values_block(names, bindings)))
    if not inserts:
        raise QueryError("the query has no group pattern ({ ... }) to bind values in")
    pieces, last = [], 0
    for at, block in inserts:
        pieces += [sparql[last:at], block]
        last = at
    pieces.append(sparql[last:])
    return "".join(pieces)


def _variables(tokens: list[tuple[str | None, str, int]]) -> set[str]:
    """The names of the variables (``?x``, ``$x``) among ``tokens``."""
    return {
        tokens[n + 1][1]
        for n in range(len(tokens) - 1)
        if tokens[n][1] in {"?", "$"} and tokens[n + 1][0] == "word"
    }


def _values_block(names: list[str], bindings: Mapping[str, Binding]) -> str:
    variables = " ".join(f"?{n}" for n in names)
    terms = " ".join(sparql_term(bindings[n]) for n in names)
    return f" VALUES ({variables}) {{ ({terms}) }}"


class SparqlEndpointStore:
    """The ``GraphStore`` methods against a SPARQL 1.1 endpoint over HTTP.

    ``query_url``, ``update_url`` and ``store_url`` are the endpoint's query, update and
    graph-store-protocol addresses; ``from_url`` derives them from Oxigraph's layout.

    >>> store = SparqlEndpointStore.from_url("http://localhost:7878")
    >>> store.update_url
    'http://localhost:7878/update'
    """

    def __init__(
        self, query_url: str, *, update_url: str, store_url: str, timeout: float = 120.0
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url
        self.store_url = store_url
        self.timeout = timeout
        self._stale = True  # edges another client marked pending (see kg.summary)
        self._next_refresh: str | None = None  # the first: ``opening_update`` chooses it

    @classmethod
    def from_url(cls, url: str, *, timeout: float = 120.0) -> SparqlEndpointStore:
        """An endpoint from its base URL (``http://host:7878``, with /query, /update and /store
        below it, as Oxigraph serves them) or from its query URL (``.../query`` or
        ``.../sparql``, with update and store beside it)."""
        base = url.rstrip("/")
        last = base.rsplit("/", 1)[-1]
        if last in {"query", "sparql"}:
            base = base.rsplit("/", 1)[0]
            return cls(url, update_url=f"{base}/update", store_url=f"{base}/store", timeout=timeout)
        return cls(
            f"{base}/query", update_url=f"{base}/update", store_url=f"{base}/store", timeout=timeout
        )

    def __enter__(self) -> SparqlEndpointStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Bring the edge summaries up to date; nothing else to release, each call is one
        HTTP request."""
        self._refresh()

    def _refresh(self) -> None:
        """Recompute the pending edge summaries (``kg.summary.REFRESH``) if any may be."""
        if self._stale:
            self._stale = False
            self._update(self._next_refresh or opening_update(self), StoreError)
            self._next_refresh = REFRESH

    # -- HTTP ---------------------------------------------------------------------------

    def _request(
        self,
        url: str,
        *,
        method: str = "POST",
        body: str | None = None,
        content_type: str | None = None,
        accept: str | None = None,
    ) -> urllib.request.Request:
        headers = {}
        if content_type:
            headers["Content-Type"] = f"{content_type}; charset=utf-8"
        if accept:
            headers["Accept"] = accept
        data = None if body is None else body.encode("utf-8")
        return urllib.request.Request(url, data=data, headers=headers, method=method)

    def _send(
        self,
        request: urllib.request.Request,
        error: type[StoreError | QueryError],
        *,
        missing_ok: bool = False,
    ) -> HTTPResponse | None:
        """Open ``request``; an HTTP error becomes ``error`` with the server's message, except
        404 with ``missing_ok``, which gives None."""
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace").strip()[:500]
            err.close()
            if missing_ok and err.code == 404:
                return None
            raise error(f"{request.full_url} answered {err.code} {err.reason}: {detail}") from err
        except (urllib.error.URLError, OSError) as err:
            raise StoreError(
                f"cannot reach the SPARQL endpoint {request.full_url}: {err}; is the server "
                "running (kg serve)?"
            ) from err

    def _open(
        self, request: urllib.request.Request, error: type[StoreError | QueryError]
    ) -> HTTPResponse:
        response = self._send(request, error)
        assert response is not None  # only missing_ok gives None
        return response

    def _select(self, sparql: str) -> dict:
        request = self._request(
            self.query_url,
            body=sparql,
            content_type="application/sparql-query",
            accept=_RESULTS_JSON,
        )
        with self._open(request, QueryError) as response:
            return json.load(response)

    # -- GraphStore ---------------------------------------------------------------------

    def write(self, extraction: Extraction) -> int:
        """Replace the document's graph with what ``extraction`` says, in one update request
        (one transaction on the server); return the quad count.

        Raises:
            ValueError: the extraction is inconsistent (see ``kg.rdf.extraction_to_quads``).
            StoreError: the endpoint refused the write.
        """
        quads = extraction_to_quads(extraction)
        stored = self.has_document(extraction.document.id)
        self._update(write_update(self, extraction, quads, stored=stored), StoreError)
        self._stale = True
        log.debug("wrote %d quads for %s", len(quads), extraction.document.id)
        return len(quads)

    def has_document(self, doc_id: str, checksum: str | None = None) -> bool:
        """True when the document is stored (with this checksum, when one is given)."""
        graph = sparql_term(doc_iri(doc_id))
        value = "?checksum" if checksum is None else sparql_term(checksum)
        ask = f"ASK {{ GRAPH {graph} {{ {graph} {sparql_term(KG.checksum)} {value} }} }}"
        return bool(self._select(ask)["boolean"])

    def remove(self, doc_id: str) -> bool:
        """Drop the document's graph, and the shared triples only it held, in one update
        request; return whether it was there."""
        if not self.has_document(doc_id):
            return False
        self._update(remove_update(self, doc_id), StoreError)
        self._stale = True
        return True

    def query(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> list[Row]:
        """Run a read-only SPARQL query, ``bindings`` bound as VALUES (see ``bind_values``).

        ASK gives ``[{"result": bool}]``, CONSTRUCT and DESCRIBE rows of ``subject``,
        ``predicate``, ``object``, as ``Store.query`` does.

        Raises:
            QueryError: the endpoint rejected the text (an update included) or failed to run it.
        """
        text = bind_values(sparql, bindings or {})
        self._refresh()
        request = self._request(
            self.query_url,
            body=text,
            content_type="application/sparql-query",
            accept=f"{_RESULTS_JSON}, application/n-triples;q=0.9",
        )
        with self._open(request, QueryError) as response:
            if "n-triples" in response.headers.get("Content-Type", ""):
                return _triple_rows(response.read().decode("utf-8"))
            result = json.load(response)
        if "boolean" in result:
            return [{"result": bool(result["boolean"])}]
        names = result["head"].get("vars", [])
        return [
            {name: _value(solution.get(name)) for name in names}
            for solution in result["results"]["bindings"]
        ]

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (one request, one transaction on the server).

        Raises:
            QueryError: the endpoint rejected the update.
            StoreError: the endpoint cannot be reached.
        """
        self._update(sparql, QueryError)
        self._stale = True

    def _update(self, sparql: str, error: type[StoreError | QueryError]) -> None:
        request = self._request(
            self.update_url, body=sparql, content_type="application/sparql-update"
        )
        with self._open(request, error):
            pass

    def dump(self, target: str | Path | BinaryIO, format: str = "trig") -> None:
        """Write the endpoint's graphs as ttl, nt, trig, nq or jsonld, streamed as it sends them.

        Dataset formats come from a graph store protocol GET of the whole dataset;
        Turtle and N-Triples from a CONSTRUCT over the union of the graphs.

        Raises:
            StoreError: the format is unknown, or the endpoint or the target failed.
        """
        media = _DUMP_TYPES.get(format)
        if media is None:
            raise StoreError(f"unknown dump format {format!r}; use one of {sorted(_DUMP_TYPES)}")
        self._refresh()
        if format in _TRIPLE_FORMATS:
            request = self._request(
                self.query_url,
                body="CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                content_type="application/sparql-query",
                accept=media,
            )
        else:
            request = self._request(self.store_url, method="GET", accept=media)
        with self._open(request, StoreError) as response:
            try:
                if isinstance(target, (str, Path)):
                    with open(target, "wb") as output:
                        shutil.copyfileobj(response, output)
                else:
                    shutil.copyfileobj(response, target)
            except OSError as err:
                raise StoreError(f"cannot dump the store to {target}: {err}") from err

    def stats(self) -> StoreStats:
        """How many documents, actors, claims, distinct edges and quads the endpoint holds
        (quads: those in named graphs, where kg writes)."""
        (row,) = self.query(STATS_QUERY)
        (count,) = self.query(_QUADS)
        return StoreStats(
            documents=_int(row["documents"]),
            actors=_int(row["actors"]),
            claims=_int(row["claims"]),
            edges=_int(row["edges"]),
            quads=_int(count["quads"]),
        )

    def documents(self) -> list[StoredDocument]:
        """Every stored document, sorted by id."""
        return stored_documents(self)

    def _graph_url(self, graph: URIRef) -> str:
        return f"{self.store_url}?{urllib.parse.urlencode({'graph': str(graph)})}"


def open_any(location: str | Path, *, read_only: bool = False) -> GraphStore:
    """The store at ``location``: a SPARQL endpoint for an http(s) URL, else a store folder
    (opened for reading only when ``read_only``).

    Raises:
        StoreError: the folder is not a store or is locked by another process.

    >>> type(open_any("https://example.org/sparql")).__name__
    'SparqlEndpointStore'
    """
    text = str(location)
    if urllib.parse.urlsplit(text).scheme in {"http", "https"}:
        return SparqlEndpointStore.from_url(text)
    return Store.open(text, read_only=read_only)


def _value(cell: dict | None) -> Value:
    """A SPARQL JSON results cell as the plain value ``Store.query`` gives for the same term."""
    if cell is None:
        return None
    kind, text = cell["type"], cell["value"]
    if kind == "bnode":
        return f"_:{text}"
    if kind in {"literal", "typed-literal"}:
        return literal_value(text, cell.get("datatype"))
    return text


def _triple_rows(text: str) -> list[Row]:
    """CONSTRUCT/DESCRIBE results (N-Triples) as rows, parsed by rdflib."""
    from rdflib import Graph

    graph = Graph().parse(data=text, format="nt")
    return [
        {"subject": _plain(s), "predicate": _plain(p), "object": _plain(o)} for s, p, o in graph
    ]


def _plain(term: object) -> Value:
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, RdfLiteral):
        cell = {"type": "literal", "value": str(term)}
        if term.datatype is not None:
            cell["datatype"] = str(term.datatype)
        return _value(cell)
    return str(term)


def _text(value: Value) -> str | None:
    return None if value is None else str(value)


def _int(value: Value) -> int:
    return value if isinstance(value, int) else 0
