"""SHACL validation of what kg writes, with the shapes in ontology/shapes.ttl.

pyshacl is imported when ``validate`` runs, not when kg is imported: it is slow to load
and only checks need it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from .resources import ontology_dir

__all__ = ["ValidationReport", "validate"]


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether the data conforms, and pyshacl's report as text (what failed and where)."""

    conforms: bool
    text: str


def validate(data: Graph | Dataset, *, ontology: Path | None = None) -> ValidationReport:
    """Check a graph, or every graph of a dataset taken together, against the shapes.

    The ontology (kg.ttl) is mixed in, so a ``kg:State`` counts as a ``kg:Actor``.

    >>> from kg.model import Document, Extraction
    >>> from kg.rdf import extraction_to_rdflib
    >>> validate(extraction_to_rdflib(Extraction(Document("d", "text"), (), ()))).conforms
    True
    """
    from pyshacl import validate as shacl_validate

    folder = ontology_dir(ontology)
    shapes = Graph().parse(folder / "shapes.ttl", format="turtle")
    schema = Graph().parse(folder / "kg.ttl", format="turtle")
    conforms, _, text = shacl_validate(
        _union(data),
        shacl_graph=shapes,
        ont_graph=schema,
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
    )
    return ValidationReport(conforms=bool(conforms), text=str(text))


def _union(data: Graph | Dataset) -> Graph:
    """All triples of a dataset in one graph (pyshacl would check each graph alone)."""
    if not isinstance(data, Dataset):
        return data
    union = Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union
