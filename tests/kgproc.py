"""Helpers for the crash, concurrency and hostile-text tests: a corpus of distinct
articles, real ``kg`` processes, and stores compared quad by quad.

The corpus is built and extracted once per test session (``shared_corpus``)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph

import kg
from kg.rdf import extraction_to_quads
from kg.store import Store
from kg.summary import REBUILD
from kg.validate import validate
from kg.vocab import SHARED_GRAPHS, SUMMARY_GRAPH, claim_iri, doc_id_of, doc_iri

__all__ = [
    "ARTICLES",
    "COPIES",
    "SHARED",
    "Corpus",
    "check_whole_or_absent",
    "ingested",
    "kg_command",
    "make_corpus",
    "quads_by_document",
    "run_kg",
    "shared_corpus",
    "store_graph",
    "store_quads",
]

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests/data/articles").glob("*.txt")])
"""The seed article and our development articles: real news, about 2 kB each."""

COPIES = 4
"""Copies of each article in the corpus: 11 x 4 = 44 documents, about 10 s of extraction."""

SHARED = frozenset(str(graph) for graph in (*SHARED_GRAPHS, SUMMARY_GRAPH))
"""The shared graphs' IRIs: actor descriptions and plain edges, once each (see kg.rdf),
and the edge summaries (see kg.summary)."""

_IRI = r"<[^<>]*>"
_QUAD = re.compile(  # one line of N-Quads as Oxigraph writes it: s p o [g] .
    rf'({_IRI}|_:\S+) ({_IRI}) ({_IRI}|_:\S+|"(?:[^"\\]|\\.)*"(?:\^\^{_IRI}|@[\w-]+)?)'
    rf"(?: <([^<>]*)>)? \.$"
)


def make_corpus(folder: Path, copies: int) -> list[Path]:
    """``copies`` copies of every article in ``folder``, each with its own closing line,
    so every file is a distinct document (its own checksum and id)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for copy in range(copies):
        for article in ARTICLES:
            text = article.read_text("utf-8").rstrip()
            path = folder / f"{article.stem}_{copy}.txt"
            path.write_text(f"{text}\n\nThis is copy {copy} of the story.\n", encoding="utf-8")
            paths.append(path)
    return paths


def kg_command(*args: str | Path) -> list[str]:
    """The real command line: this interpreter running ``python -m kg``."""
    return [sys.executable, "-m", "kg", *map(str, args)]


def run_kg(*args: str | Path, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``kg`` to the end in a child process; stdout and stderr as text."""
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("KG_STORE", None)
    return subprocess.run(
        kg_command(*args), cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def _nquads(store: Store) -> list[str]:
    buffer = io.BytesIO()
    store.dump(buffer, "nq")
    return buffer.getvalue().decode("utf-8").splitlines()


def quads_by_document(store: Store) -> dict[str, frozenset[str]]:
    """The store's N-Quads lines grouped by document, the shared graphs' under their
    IRIs (``SHARED``); a quad in neither is grouped under the empty string."""
    groups: dict[str, set[str]] = defaultdict(set)
    for line in _nquads(store):
        match = _QUAD.fullmatch(line)
        assert match is not None, f"not an N-Quads line: {line!r}"
        graph = match[4] or ""
        groups[graph if graph in SHARED or not graph else doc_id_of(graph)].add(line)
    return {doc: frozenset(lines) for doc, lines in groups.items()}


def store_graph(store: Store) -> Graph:
    """The union of the store's graphs as one rdflib Graph (what SHACL checks)."""
    buffer = io.BytesIO()
    store.dump(buffer, "nt")
    return Graph().parse(data=buffer.getvalue(), format="nt")


def store_quads(extractions: list[kg.Extraction]) -> dict[str, frozenset[str]]:
    """What each document's graph holds when these extractions are written (and no more:
    an ingest also links copies of one story, see ``ingested``)."""
    memory = Store.in_memory()
    for extraction in extractions:
        memory.write(extraction)
    return quads_by_document(memory)


def ingested(paths: list[Path]) -> dict[str, frozenset[str]]:
    """The quads of a clean, uninterrupted ingest of ``paths``, by document."""
    with kg.Graph(Store.in_memory()) as graph:
        report = graph.ingest(paths)
        assert report.ok, report.failures
        return quads_by_document(graph.store)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Corpus:
    """A folder of distinct articles, what a fresh extraction makes of each (by id, with
    ``kg.extract_file``) and the quads of a clean, uninterrupted ingest (by document)."""

    folder: Path
    expected: dict[str, kg.Extraction]
    clean: dict[str, frozenset[str]]


_SHARED: list[Corpus] = []


def shared_corpus(factory: pytest.TempPathFactory) -> Corpus:
    """The test session's corpus of ``COPIES`` x 11 articles, extracted once."""
    if not _SHARED:
        folder = factory.mktemp("corpus") / "articles"
        paths = make_corpus(folder, COPIES)
        extractions = [kg.extract_file(path) for path in paths]
        clean = ingested([folder])
        assert len(set(clean) - SHARED) == len(paths)
        _SHARED.append(Corpus(folder, {e.document.id: e for e in extractions}, clean))
    return _SHARED[0]


_STORY = " <https://w3id.org/kg/ontology#story> "

_CLAIMS = """PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?doc (COUNT(DISTINCT ?claim) AS ?claims) WHERE {
  GRAPH ?g { ?g dcterms:identifier ?doc . OPTIONAL { ?claim a kg:Claim } }
} GROUP BY ?doc"""


def check_whole_or_absent(store_path: Path, expected: dict[str, kg.Extraction]) -> set[str]:
    """Open the store as kg does, check it passes the shapes and holds each document
    exactly as a fresh extraction writes it (or not at all); return the ids it holds.

    A document's ``kg:story`` (its independent source, linked across documents after
    they are written) is left out of the comparison."""
    with Store.open(store_path) as store:
        stored = quads_by_document(store)
        claims = {str(r["doc"]): r["claims"] for r in store.query(_CLAIMS)}
        report = validate(store_graph(store))
        store.update(REBUILD)  # the summaries must be what the claims add up to
        summaries = quads_by_document(store).get(str(SUMMARY_GRAPH))
    assert stored.get(str(SUMMARY_GRAPH)) == summaries, "edge summaries out of date"
    assert report.conforms, report.text
    assert "" not in stored, "every quad belongs to a document's graph or a shared one"
    documents = set(stored) - SHARED
    assert documents <= set(expected)
    fresh = store_quads([expected[doc] for doc in documents])
    for graph in map(str, SHARED_GRAPHS):
        extra = sorted(stored.get(graph, set()) - fresh.get(graph, set()))[:5]
        missing = sorted(fresh.get(graph, set()) - stored.get(graph, set()))[:5]
        assert stored.get(graph) == fresh.get(graph), (graph, extra, missing)
    for doc in documents:
        extraction = expected[doc]
        wanted = {claim_iri(doc, r) for r in extraction.relations}
        assert claims[doc] == len(wanted), f"{doc}: claims of a half-written document"
        own = frozenset(q for q in stored[doc] if _STORY not in q)
        assert own == fresh[doc], f"{doc}: not the quads a fresh extraction writes"
        written = extraction_to_quads(extraction)
        assert len(own) == sum(q[3] == doc_iri(doc) for q in written)
    return documents
