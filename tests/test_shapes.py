"""ontology/shapes.ttl through kg.validate: what rdf.py writes passes; broken claims fail."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fixtures import world
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.model import Extraction
from kg.rdf import extraction_to_rdflib
from kg.validate import validate
from kg.vocab import KG, actor_iri


@pytest.mark.parametrize("extraction", world(), ids=lambda e: e.document.id)
def test_what_rdf_writes_conforms(extraction: Extraction) -> None:
    report = validate(extraction_to_rdflib(extraction))
    assert report.conforms, report.text


def test_a_whole_dataset_conforms() -> None:
    dataset = Dataset()
    for extraction in world():
        for quad in extraction_to_rdflib(extraction).quads((None, None, None, None)):
            dataset.add(quad)
    assert validate(dataset).conforms


def _first(dataset: Dataset, kind: URIRef) -> tuple[URIRef, URIRef]:
    node, _, _, graph = next(iter(dataset.quads((None, RDF.type, kind, None))))
    return node, graph


def _set(kind: URIRef, predicate: URIRef, value: object) -> Callable[[Dataset], None]:
    def breaks(dataset: Dataset) -> None:
        node, graph = _first(dataset, kind)
        if value is None:  # from every graph: an actor's description is also shared
            dataset.remove((node, predicate, None, None))
        else:
            dataset.graph(graph).set((node, predicate, value))

    return breaks


def _add(kind: URIRef, predicate: URIRef, value: object) -> Callable[[Dataset], None]:
    def breaks(dataset: Dataset) -> None:
        node, graph = _first(dataset, kind)
        dataset.graph(graph).add((node, predicate, value))

    return breaks


BREAKAGES = {
    "confidence above 1": _set(KG.Claim, KG.confidence, Literal(1.5)),
    "confidence not a double": _set(KG.Claim, KG.confidence, Literal("high")),
    "no polarity": _set(KG.Claim, KG.polarity, None),
    "unknown polarity": _set(KG.Claim, KG.polarity, Literal("maybe")),
    "unknown modality": _set(KG.Claim, KG.modality, Literal("rumoured")),
    "two subjects": _add(KG.Claim, KG.subject, actor_iri("iran")),
    "undescribed object": _set(KG.Claim, KG.object, actor_iri("atlantis")),
    "no relation": _set(KG.Claim, KG.relation, None),
    "relation not scored": _set(KG.Claim, KG.relation, KG.attacks),
    "no evidence": _set(KG.Claim, PROV.wasDerivedFrom, None),
    "empty span": _set(KG.Evidence, KG.end, Literal(0)),
    "start not an integer": _set(KG.Evidence, KG.start, Literal("0")),
    "no quote": _set(KG.Evidence, KG.quote, None),
    "actor without label": _set(KG.State, RDFS.label, None),
    "actor with two types": _add(KG.State, KG.actorType, Literal("person")),
    "actor with unknown type": _set(KG.State, KG.actorType, Literal("planet")),
    "document without checksum": _set(KG.Document, KG.checksum, None),
}


@pytest.mark.parametrize("breakage", BREAKAGES, ids=str)
def test_a_broken_graph_fails(breakage: str) -> None:
    dataset = extraction_to_rdflib(world()[0])
    BREAKAGES[breakage](dataset)
    report = validate(dataset)
    assert not report.conforms
    assert "Constraint Violation" in report.text
