"""Shard and load: extraction on many machines, one bulk load at the end.

Extraction is a pure function from a document to its claims, so a cluster (Dask, Ray,
Spark) can map it over partitions of a corpus and write each partition's claims as an
N-Quads shard with ``write_shard``. ``load_shards`` then puts the shards into a store
folder with Oxigraph's bulk loader (``oxigraph load``), far faster than one transaction
per document, then recomputes every edge summary (``kg.summary.REBUILD``) in one update.
Each document is its own named graph, as ``Store.write`` makes it:
documents already in the store are dropped first, so a re-extracted document replaces
its old claims instead of adding to them.
"""

from __future__ import annotations

import logging
import re
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .endpoint import sparql_term
from .errors import StoreError
from .model import Extraction
from .rdf import extraction_to_quads
from .server import oxigraph_binary
from .store import Store
from .summary import REBUILD
from .vocab import SHARED_GRAPHS, doc_id_of

__all__ = ["ShardLoad", "generate_nquads", "load_shards", "write_shard"]

log = logging.getLogger(__name__)

_GRAPH = re.compile(r"<([^<>]*)>\s*\.\s*$")
_SHARED = {str(graph) for graph in SHARED_GRAPHS}


def generate_nquads(extraction: Extraction) -> Iterator[str]:
    """The document's quads as N-Quads lines (newline included): its named graph, then the
    shared copies (see ``kg.rdf``).

    >>> from kg.model import Document
    >>> line = next(generate_nquads(Extraction(Document("d1", "text"), (), ())))
    >>> line.split()[-2:]
    ['<https://w3id.org/kg/id/doc/d1>', '.']
    """
    for s, p, o, g in extraction_to_quads(extraction):
        yield f"{sparql_term(s)} {sparql_term(p)} {sparql_term(o)} {sparql_term(g)} .\n"


def write_shard(extractions: Iterable[Extraction], path: str | Path) -> int:
    """Write the extractions' quads to one N-Quads file, streaming; return the quad count.

    Raises:
        ValueError: an extraction is inconsistent (see ``kg.rdf.extraction_to_quads``).
        StoreError: the file cannot be written.
    """
    count = 0
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as shard:
            for extraction in extractions:
                lines = list(generate_nquads(extraction))
                shard.writelines(lines)
                count += len(lines)
    except OSError as err:
        raise StoreError(f"cannot write the shard {path}: {err}") from err
    log.debug("wrote %d quads to %s", count, path)
    return count


@dataclass(frozen=True, slots=True)
class ShardLoad:
    """What ``load_shards`` did: documents found in the shards, those that replaced a stored
    version, and the quads loaded."""

    documents: int
    replaced: int
    quads: int


def load_shards(store_path: str | Path, shard_paths: Iterable[str | Path]) -> ShardLoad:
    """Bulk-load N-Quads shards (as ``write_shard`` writes them) into the store folder.

    The store must not be open in another process (``kg serve`` included) while it runs.

    Raises:
        StoreError: a shard is missing, unreadable or has quads outside document (and
            shared) graphs,
            the folder is not a store or is
            locked, or the bulk loader failed (nothing is loaded then: each file loads
            atomically).
    """
    shards = [Path(p) for p in shard_paths]
    graphs: set[str] = set()
    quads = 0
    for shard in shards:
        try:
            with shard.open(encoding="utf-8") as lines:
                for line in lines:
                    match = _GRAPH.search(line)
                    if match:
                        quads += 1
                        if match[1] not in _SHARED:
                            graphs.add(match[1])
        except OSError as err:
            raise StoreError(f"cannot read the shard {shard}: {err}") from err
    try:
        doc_ids = sorted(doc_id_of(graph) for graph in graphs)
    except ValueError as err:
        raise StoreError(f"not a kg shard: a quad lies outside document graphs: {err}") from err
    with Store.open(store_path) as store:
        replaced = sum(store.remove(doc_id) for doc_id in doc_ids)
    if shards:
        command = [oxigraph_binary(), "load", "--location", str(store_path), "--file"]
        run = subprocess.run(
            [*command, *map(str, shards)], capture_output=True, text=True, check=False
        )
        if run.returncode != 0:
            raise StoreError(f"oxigraph load failed: {run.stderr.strip() or run.stdout.strip()}")
        with Store.open(store_path) as store:  # the loader writes claims, not their sums
            store.update(REBUILD)
    log.info("loaded %d quads of %d documents from %d shards", quads, len(graphs), len(shards))
    return ShardLoad(documents=len(graphs), replaced=replaced, quads=quads)
