"""kg.vocab and kg.rdf: the ontology's terms, IRIs, and the quads a document becomes."""

from __future__ import annotations

import doctest
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from fixtures import ACTORS, relation
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

import kg.graph
import kg.query
import kg.rdf
import kg.store
import kg.validate
import kg.vocab
from kg.model import Document, Evidence, Extraction, Modality, Polarity, Relation, RelationType
from kg.rdf import extraction_to_quads, extraction_to_rdflib
from kg.vocab import (
    ACTORS_GRAPH,
    EDGES_GRAPH,
    KG,
    actor_id_of,
    actor_iri,
    claim_iri,
    doc_id_of,
    doc_iri,
    relation_iri,
    relation_type_of,
)

ROOT = Path(__file__).resolve().parent.parent
B, OPP, M = RelationType.BACKS, RelationType.OPPOSES, RelationType.MEETS_WITH


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")


def test_vocab_lists_exactly_the_terms_of_kg_ttl(ontology: Graph) -> None:
    namespace = str(KG)
    declared = {
        str(s)[len(namespace) :] for s in ontology.subjects() if str(s).startswith(namespace)
    }
    assert declared == set(KG.__annotations__)


def test_vocab_fails_on_a_typo() -> None:
    with pytest.raises(AttributeError):
        KG.bakcs  # noqa: B018


def test_every_event_subtype_carries_cameo_and_plover_codes(ontology: Graph) -> None:
    scored = [KG.backs, KG.opposes, KG.meetsWith]
    subtypes = [s for parent in scored for s in ontology.subjects(RDFS.subPropertyOf, parent)]
    assert len(subtypes) >= 10
    for subtype in subtypes:
        assert ontology.value(subtype, KG.cameoCode) is not None, subtype
        assert ontology.value(subtype, KG.ploverCategory) is not None, subtype
    assert ontology.value(KG.attacks, KG.cameoCode) == Literal("19")
    assert ontology.value(KG.attacks, KG.ploverCategory) == Literal("FIGHT")


def test_every_lexicon_subtype_rolls_up_to_its_relation_in_the_ontology(ontology: Graph) -> None:
    lexicon = ROOT / "ontology" / "relations.toml"
    if not lexicon.is_file():
        pytest.skip("no relation lexicon yet")
    entries = [
        entry
        for value in tomllib.loads(lexicon.read_text("utf-8")).values()
        if isinstance(value, list)
        for entry in value
        if isinstance(entry, dict) and "subtype" in entry
    ]
    assert entries
    for entry in entries:
        parent = relation_iri(RelationType(entry["relation"]))
        found = list(ontology.subjects(SKOS.notation, Literal(entry["subtype"])))
        assert len(found) == 1, entry["subtype"]
        assert found[0] == parent or (found[0], RDFS.subPropertyOf, parent) in ontology, entry


def test_iris_round_trip_ids() -> None:
    assert actor_id_of(actor_iri("syrian-government")) == "syrian-government"
    assert doc_id_of(doc_iri("folder/a b#c.txt")) == "folder/a b#c.txt"
    assert str(doc_iri("folder/a b#c.txt")) == "https://w3id.org/kg/id/doc/folder%2Fa%20b%23c.txt"
    for kind in RelationType:
        assert relation_type_of(relation_iri(kind)) is kind
    with pytest.raises(ValueError):
        relation_type_of(str(KG.attacks))


def _doc() -> Document:
    return Document("doc-1", "Russia backs Assad's government. Turkey met Russia.")


def _extraction(*relations: Relation) -> Extraction:
    actors = tuple(ACTORS[i] for i in ("russia", "syrian-government", "turkey"))
    return Extraction(_doc(), actors, relations)


def test_claim_iris_depend_on_what_the_claim_says() -> None:
    doc = _doc()
    base = relation(doc, "russia", B, "syrian-government", "Russia backs")
    denied = relation(
        doc, "russia", B, "syrian-government", "Russia backs", polarity=Polarity.NEGATIVE
    )
    assert claim_iri("doc-1", base) == claim_iri("doc-1", base)
    assert claim_iri("doc-1", base) != claim_iri("doc-1", denied)
    assert claim_iri("doc-1", base) != claim_iri("doc-2", base)


def test_every_quad_is_in_the_document_graph_or_a_shared_copy_of_one() -> None:
    doc = _doc()
    extraction = _extraction(
        relation(doc, "russia", B, "syrian-government", "Russia backs"),
        relation(doc, "russia", B, "syrian-government", "Russia backs", polarity=Polarity.NEGATIVE),
    )
    quads = extraction_to_quads(extraction)
    by_graph: dict[URIRef, set[tuple[object, ...]]] = {}
    for s, p, o, g in quads:
        by_graph.setdefault(g, set()).add((s, p, o))
    assert set(by_graph) == {doc_iri("doc-1"), ACTORS_GRAPH, EDGES_GRAPH}
    own = by_graph[doc_iri("doc-1")]
    assert by_graph[ACTORS_GRAPH] <= own and by_graph[EDGES_GRAPH] <= own
    assert {s for s, _, _ in by_graph[ACTORS_GRAPH]} == {actor_iri(a.id) for a in extraction.actors}
    assert by_graph[EDGES_GRAPH] == {
        (actor_iri("russia"), KG.backs, actor_iri("syrian-government"))
    }
    assert quads == extraction_to_quads(_extraction(*extraction.relations))
    assert len(quads) == len(set(quads))


def _triples(extraction: Extraction) -> set[tuple[object, object, object]]:
    return {(s, p, o) for s, p, o, _ in extraction_to_quads(extraction)}


def test_plain_triple_only_for_claims_that_count_as_edges() -> None:
    doc = _doc()
    russia, government = actor_iri("russia"), actor_iri("syrian-government")
    cases = [
        ({}, True),
        ({"modality": Modality.PLANNED}, True),
        ({"modality": Modality.REPORTED}, True),
        ({"modality": Modality.HYPOTHETICAL}, False),
        ({"polarity": Polarity.NEGATIVE}, False),
    ]
    for fields, edge in cases:
        r = relation(doc, "russia", B, "syrian-government", "Russia backs", **fields)
        triples = _triples(_extraction(r))
        assert ((russia, KG.backs, government) in triples) is edge, fields
        claim = claim_iri("doc-1", r)
        assert (claim, RDF.type, KG.Claim) in triples
        assert (claim, KG.relation, KG.backs) in triples


def test_meets_with_triple_runs_from_the_smaller_id() -> None:
    doc = _doc()
    r = relation(doc, "turkey", M, "russia", "Turkey met Russia")
    triples = _triples(_extraction(r))
    assert (actor_iri("russia"), KG.meetsWith, actor_iri("turkey")) in triples
    assert (actor_iri("turkey"), KG.meetsWith, actor_iri("russia")) not in triples
    # the claim keeps the text's own order
    assert (claim_iri("doc-1", r), KG.subject, actor_iri("turkey")) in triples


def test_claim_and_evidence_fields() -> None:
    doc = _doc()
    r = relation(
        doc,
        "russia",
        OPP,
        "syrian-government",
        "Russia backs",
        subtype="attacks",
        confidence=0.5,
        attribution="officials",
        modality=Modality.REPORTED,
    )
    triples = _triples(_extraction(r))
    claim = claim_iri("doc-1", r)
    (evidence,) = [o for s, p, o in triples if s == claim and str(p).endswith("wasDerivedFrom")]
    expected = {
        (claim, KG.subtype, Literal("attacks")),
        (claim, KG.attribution, Literal("officials")),
        (claim, KG.modality, Literal("reported")),
        (claim, KG.polarity, Literal("positive")),
        (evidence, KG.document, doc_iri("doc-1")),
        (evidence, KG.start, Literal(0)),
        (evidence, KG.end, Literal(12)),
        (evidence, KG.quote, Literal("Russia backs")),
    }
    assert expected <= triples
    assert {o for s, p, o in triples if s == claim and p == KG.confidence} == {Literal(0.5)}


def test_actor_description_goes_into_the_document_graph() -> None:
    triples = _triples(_extraction())
    russia = actor_iri("russia")
    assert (russia, RDF.type, KG.State) in triples
    assert (russia, RDFS.label, Literal("Russia")) in triples
    assert (russia, KG.actorType, Literal("state")) in triples
    assert (russia, SKOS.altLabel, Literal("Kremlin")) in triples
    assert (russia, KG.wikidata, Literal("Q159")) in triples
    assert (
        russia,
        URIRef("http://www.w3.org/2002/07/owl#sameAs"),
        URIRef("http://www.wikidata.org/entity/Q159"),
    ) in triples


def test_rejects_a_relation_to_an_undescribed_actor() -> None:
    doc = _doc()
    r = relation(doc, "russia", B, "hezbollah", "Russia backs")
    with pytest.raises(ValueError, match="hezbollah"):
        extraction_to_quads(_extraction(r))


def test_rejects_evidence_that_is_not_the_documents_text() -> None:
    forged = Evidence("doc-1", 0, 12, "Iran arms it")
    r = Relation("russia", B, "syrian-government", (forged,))
    with pytest.raises(ValueError, match="evidence"):
        extraction_to_quads(_extraction(r))


def test_rdflib_dataset_holds_the_same_quads() -> None:
    doc = _doc()
    extraction = _extraction(relation(doc, "russia", B, "syrian-government", "Russia backs"))
    dataset = extraction_to_rdflib(extraction)
    assert set(dataset.quads((None, None, None, None))) == set(extraction_to_quads(extraction))


@pytest.mark.parametrize(
    "module",
    [kg.vocab, kg.rdf, kg.store, kg.query, kg.validate, kg.graph],
    ids=lambda m: m.__name__,
)
def test_docstring_examples(module: ModuleType) -> None:
    failures, tried = doctest.testmod(module)
    assert tried > 0 and failures == 0
