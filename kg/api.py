"""The library façade: what the CLI does, as plain functions and one ``Graph`` class.

>>> import kg                                                # doctest: +SKIP
>>> graph = kg.open_graph("kg-store")                        # doctest: +SKIP
>>> graph.ingest(["seeds/"])                                 # doctest: +SKIP
>>> graph.query("backers", actor="Hezbollah")                # doctest: +SKIP
>>> G = graph.to_networkx()                                  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .config import VIEW_CLAIMS, VIEW_EDGES, Settings
from .endpoint import open_any
from .errors import InputError
from .graph import claims_graph, to_networkx, with_evidence
from .io import iter_documents, parse_text, read_document
from .model import Document, Extraction
from .parallel import extract_parallel, write_behind
from .query import resolve_actor, run_query
from .sources import link_sources
from .store import GraphStore, Row, StoreStats
from .vocab import actor_id_of

if TYPE_CHECKING:  # spaCy loads with the first extraction: queries and views start fast
    from .pipeline import Extractor

__all__ = [
    "Graph",
    "IngestProgress",
    "IngestReport",
    "extract",
    "extract_file",
    "extractor",
    "open_graph",
]

log = logging.getLogger(__name__)

_UNLINKED = """PREFIX kg: <https://w3id.org/kg/ontology#>
ASK { ?doc a kg:Document FILTER NOT EXISTS { ?doc kg:story ?story } }"""


@lru_cache(maxsize=2)
def extractor(settings: Settings | None = None) -> Extractor:
    """The extractor for ``settings``, loaded once per process (spaCy loads take a second)."""
    from .pipeline import Extractor

    return Extractor(settings or Settings())


def extract(
    text: str | Document, *, name: str = "text", settings: Settings | None = None
) -> Extraction:
    """Actors and sourced relations of one text, touching no store.

    >>> result = extract("Russia and Iran support Assad.")   # doctest: +SKIP
    >>> [(r.subject, r.relation.value, r.object) for r in result.relations]  # doctest: +SKIP
    [('russia', 'backs', 'assad'), ('iran', 'backs', 'assad')]
    """
    document = text if isinstance(text, Document) else parse_text(text, name=name)
    return extractor(settings).extract(document)


def extract_file(path: str | Path, *, settings: Settings | None = None) -> Extraction:
    """Extract one article file (.txt, .html, or a one-record .json).

    Raises:
        InputError: the file cannot be read as one article.
    """
    path = Path(path)
    if path.suffix.lower() in {".json", ".jsonl"}:
        items = list(iter_documents([path]))
        errors = [i for i in items if isinstance(i, InputError)]
        documents = [i for i in items if isinstance(i, Document)]
        if errors:
            raise errors[0]
        if len(documents) != 1:
            raise InputError(f"{path}: holds {len(documents)} records; extract takes one article")
        return extractor(settings).extract(documents[0])
    return extractor(settings).extract(read_document(path))


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Where an ingest stands, passed to a progress callback after each document."""

    done: int
    total: int | None
    elapsed: float


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: documents read, written, skipped as unchanged, and failures."""

    read: int = 0
    written: int = 0
    unchanged: int = 0
    claims: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


def count_inputs(paths: Iterable[str | Path]) -> int:
    """A cheap estimate of how many articles ``paths`` hold, for a progress bar:
    one per file, one per line of a .jsonl file."""
    total = 0
    for given in paths:
        path = Path(given)
        files = (
            (p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if path.is_dir()
            else [path]
        )
        for file in files:
            if file.suffix.lower() == ".jsonl":
                try:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


class Graph:
    """A knowledge graph in a store: ingest articles, query, export, view.

    Use ``open_graph`` to get one; close it (or use ``with``) to release the store.
    """

    def __init__(self, store: GraphStore, *, settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings or Settings()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        close = getattr(self.store, "close", None)
        if close is not None:
            close()

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        progress: Callable[[IngestProgress], None] | None = None,
        jobs: int = 1,
    ) -> IngestReport:
        """Read, extract and store every article under ``paths``, one transaction each.

        Documents already stored with the same content (under any name) are skipped;
        a changed document replaces its earlier claims. Bad files are reported in
        ``IngestReport.failures`` and the rest is still ingested. ``jobs`` > 1 extracts
        in that many processes (call it under ``if __name__ == "__main__":``).
        """
        paths = list(paths)
        report = IngestReport()
        started = time.perf_counter()
        total = count_inputs(paths) if progress is not None else None
        stored = {doc.id: doc.checksum for doc in self.store.documents()}
        known = set(stored.values())
        done = 0

        def fresh() -> Iterator[Document]:
            nonlocal done
            for item in iter_documents(paths):
                if isinstance(item, InputError):
                    report.failures.append(str(item))
                    log.warning("%s", item)
                    continue
                report.read += 1
                if item.checksum in known:
                    if stored.get(item.id, item.checksum) != item.checksum:
                        # this name now holds a copy of another document: drop its old claims
                        self.store.remove(item.id)
                    report.unchanged += 1
                    done += 1
                    continue
                known.add(item.checksum)
                yield item

        stream = extract_parallel(
            fresh(),
            settings=self.settings,
            jobs=jobs,
            extractor=extractor(self.settings) if jobs == 1 else None,
        )
        # the store writes from a thread of its own while the next documents are parsed
        for extraction in write_behind(self.store, stream):
            report.written += 1
            report.claims += len(extraction.relations)
            done += 1
            if progress is not None:
                progress(IngestProgress(done, total, time.perf_counter() - started))
        # syndicated and near-duplicate copies: one source; also link what a run killed
        # between its last write and this point left unlinked
        if report.written or self.store.query(_UNLINKED) == [{"result": True}]:
            link_sources(self.store)
        report.seconds = time.perf_counter() - started
        return report

    def query(self, name_or_path: str | Path, /, **params: str) -> list[Row]:
        """Run a named query (``backers``) or an .rq file with its parameters bound."""
        return run_query(self.store, name_or_path, params)

    def sparql(self, text: str, bindings: dict[str, Any] | None = None) -> list[Row]:
        """Run raw, read-only SPARQL; values in ``bindings`` are bound, never pasted."""
        return self.store.query(text, bindings)

    def to_networkx(self, *, evidence: bool = True) -> nx.MultiDiGraph:
        """The graph as a MultiDiGraph: one edge per (subject, relation, object);
        ``evidence=False`` skips the claim-level attributes (``kg.graph.to_networkx``)."""
        return to_networkx(self.store, evidence=evidence)

    def claims_graph(self) -> nx.MultiDiGraph:
        """One edge per claim, with its polarity, modality, attribution and quote."""
        return claims_graph(self.store)

    def signed_graph(self) -> nx.DiGraph:
        """The aggregated signed digraph: +backs / -opposes, weight = independent sources."""
        from .analysis import signed_graph

        return signed_graph(self.to_networkx(evidence=False))

    def view_graph(self, **filters: Any) -> nx.MultiDiGraph:
        """The part of the graph a view shows, filters as in ``kg.html.subgraph``
        (``max_edges`` defaults to ``kg.config.VIEW_EDGES``), its edges with their evidence
        (``kg.config.VIEW_CLAIMS`` claims an edge at most). Read from the edge summaries,
        then the claims of the edges kept only, so a view of a large store costs what its
        edges do."""
        from .html import subgraph

        filters.setdefault("max_edges", VIEW_EDGES)
        kept = subgraph(self.to_networkx(evidence=False), **filters)
        return with_evidence(self.store, kept, claims_per_edge=VIEW_CLAIMS)

    def render_html(
        self, path: str | Path, *, title: str = "kg: actor graph", **filters: Any
    ) -> Path:
        """Write the interactive view of ``view_graph(**filters)``."""
        from .html import render_html

        return render_html(self.view_graph(**filters), Path(path), title=title)

    def export(self, path: str | Path, format: str) -> Path:
        """Write the graph as RDF (ttl, trig, nq, nt, jsonld) or as a network file
        (graphml, gexf, csv)."""
        from .export import export

        return export(self, Path(path), format)

    def analyze(self, *, top: int = 10, chain: tuple[str, str] | None = None) -> dict[str, Any]:
        """``kg analyze`` as plain data; ``chain`` names two actors (id, name or alias)
        whose support chains to report."""
        from .analysis import analyze

        if chain is not None:
            chain = (
                actor_id_of(resolve_actor(self.store, chain[0])),
                actor_id_of(resolve_actor(self.store, chain[1])),
            )
        return analyze(self.to_networkx(evidence=False), top=top, chain=chain)

    def stats(self) -> StoreStats:
        """Counts of documents, actors, claims, edges and quads."""
        return self.store.stats()


def open_graph(
    location: str | Path | None = None,
    *,
    settings: Settings | None = None,
    read_only: bool = False,
) -> Graph:
    """Open (creating if needed) the store at ``location``: a folder for the embedded
    store (``KG_STORE`` or ./kg-store by default), or the http(s) URL of any SPARQL 1.1
    endpoint (Oxigraph server, Fuseki, GraphDB, Virtuoso...).

    ``read_only`` lets any number of processes read the store at once; a process that
    writes (ingests) needs it to itself (see ``kg.locking``).

    Raises:
        StoreError: the folder is not a store, or another process holds its lock.
    """
    settings = settings or Settings()
    return Graph(open_any(location or settings.store, read_only=read_only), settings=settings)
