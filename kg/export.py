"""Writing the graph out: RDF from the store, network formats from NetworkX.

RDF keeps everything (claims, evidence, provenance); GraphML, GEXF and CSV carry
the aggregated edges with their counts, for Gephi, Cytoscape or a spreadsheet.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .errors import KgError
from .store import DUMP_FORMATS

if TYPE_CHECKING:
    from .api import Graph

__all__ = ["EXPORT_FORMATS", "export", "flat_graph"]

NETWORK_FORMATS = ("graphml", "gexf", "csv")
EXPORT_FORMATS = (*sorted(DUMP_FORMATS), *NETWORK_FORMATS)


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all scalars (lists and dicts as JSON text, None dropped),
    as GraphML and GEXF require."""

    def flat(data: dict[str, Any]) -> dict[str, Any]:
        return {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
            for k, v in data.items()
            if v is not None
        }

    H = nx.MultiDiGraph()
    H.add_nodes_from((n, flat(d)) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, k, flat(d)) for u, v, k, d in G.edges(keys=True, data=True))
    return H


def _write_csv(G: nx.MultiDiGraph, path: Path) -> None:
    columns = [
        "subject",
        "relation",
        "object",
        "claims",
        "documents",
        "sources",
        "first_seen",
        "last_seen",
        "contested",
        "quote",
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for u, v, _, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
            quote = d["evidence"][0]["quote"] if d.get("evidence") else ""
            writer.writerow(
                [
                    G.nodes[u].get("label", u),
                    d["relation"],
                    G.nodes[v].get("label", v),
                    d.get("claims"),
                    len(d.get("documents", [])),
                    d.get("sources"),
                    d.get("first_seen") or "",
                    d.get("last_seen") or "",
                    d.get("contested"),
                    quote,
                ]
            )


def export(graph: Graph, path: Path, format: str) -> Path:
    """Write ``graph`` to ``path`` in ``format`` (see EXPORT_FORMATS); return the path.

    Raises:
        KgError: the format is unknown or the file cannot be written.
    """
    if format not in EXPORT_FORMATS:
        raise KgError(f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if format in DUMP_FORMATS:
        graph.store.dump(path, format)
        return path
    G = graph.to_networkx()
    try:
        if format == "csv":
            _write_csv(G, path)
        elif format == "graphml":
            nx.write_graphml(flat_graph(G), path)
        else:
            nx.write_gexf(flat_graph(G), path)
    except OSError as err:
        raise KgError(f"cannot write {path}: {err.strerror or err}") from err
    return path
