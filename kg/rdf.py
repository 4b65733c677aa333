"""Extraction -> RDF: one named graph per document, claims modelled on PROV-O.

Pure: no store, no I/O. Everything read from a document goes into the graph named by
the document's IRI (its metadata, the actors it mentions, its claims and their evidence,
and the plain edge triples). The actor descriptions and plain edges are also copied into
two shared graphs (``ACTORS_GRAPH``, ``EDGES_GRAPH``) that hold each triple once however
many documents say it: in the union of all graphs an actor named by 10,000 documents has
10,000 labels, and a query joining labels there slows down 10,000 times.
``REMOVE_DOCUMENT`` drops a document's graph and, in the same update, the shared triples
no other document holds, so the shared graphs are always exactly the union of the copies.
Terms are rdflib terms: ``kg.store`` converts them for its engine, and rdflib users and
SHACL take the ``Dataset`` as it is.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from .model import Actor, Document, Extraction, Relation
from .sources import event_date, fingerprint
from .vocab import (
    ACTORS_GRAPH,
    EDGES_GRAPH,
    KG,
    PREFIXES,
    SHARED_GRAPHS,
    WD,
    actor_class,
    actor_iri,
    claim_iri,
    doc_iri,
    edge_iri,
    evidence_iri,
    relation_iri,
)

__all__ = ["REMOVE_DOCUMENT", "Quad", "extraction_to_quads", "extraction_to_rdflib"]

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]
"""(subject, predicate, object, graph): the document's IRI, or a shared graph."""

REMOVE_DOCUMENT = f"""DELETE {{ GRAPH ?shared {{ ?s ?p ?o }} }}
WHERE {{
  GRAPH ?doc {{ ?s ?p ?o }}
  VALUES ?shared {{ {" ".join(f"<{g}>" for g in SHARED_GRAPHS)} }}
  GRAPH ?shared {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != ?doc && ?other != ?shared) }}
}} ;
DROP SILENT GRAPH ?doc"""
"""The SPARQL update that removes a document: its graph, and the shared copies of the
triples no other document holds. ``?doc`` is a placeholder for the document's IRI in
N-Triples syntax (``REMOVE_DOCUMENT.replace("?doc", term)``); one update is one
transaction, so the shared graphs never disagree with the documents."""

_Triple = tuple[URIRef, URIRef, URIRef | Literal]


def extraction_to_quads(extraction: Extraction, *, described: Collection[Actor] = ()) -> list[Quad]:
    """Every quad one document contributes: its named graph, then the shared copies of
    its actor descriptions and plain edges.

    ``described`` are actors whose shared copy the caller knows is stored already, as it
    is: their shared quads are left out (their description stays in the document's
    graph). A writer that remembers what it wrote so saves a third of the quads.

    Raises:
        ValueError: a relation names an actor the extraction does not describe, or its
            evidence is not the document's text over its span.

    >>> from kg.model import Document
    >>> quads = extraction_to_quads(Extraction(Document("d1", "Iran backs Hezbollah."), (), ()))
    >>> {str(q[3]) for q in quads}
    {'https://w3id.org/kg/id/doc/d1'}
    """
    document = extraction.document
    known = {actor.id for actor in extraction.actors}
    actors = [t for actor in extraction.actors for t in _actor_triples(actor)]
    shared_actors = [
        t for actor in extraction.actors if actor not in described for t in _actor_triples(actor)
    ]
    edges = []
    claims = []
    for relation in extraction.relations:
        _check(relation, document, known)
        claims.extend(_relation_triples(relation, document))
        if relation.counts_as_edge:
            subject, kind, obj = relation.key
            edges.append((actor_iri(subject), relation_iri(kind), actor_iri(obj)))
    graphs = [
        (doc_iri(document.id), [*_document_triples(document), *actors, *claims, *edges]),
        (ACTORS_GRAPH, shared_actors),
        (EDGES_GRAPH, edges),
    ]
    return [(s, p, o, graph) for graph, triples in graphs for s, p, o in dict.fromkeys(triples)]


def extraction_to_rdflib(extraction: Extraction) -> Dataset:
    """The same quads as an rdflib ``Dataset``, for library users and SHACL.

    >>> from kg.model import Document
    >>> ds = extraction_to_rdflib(Extraction(Document("d1", "text"), (), ()))
    >>> len(ds.graph(URIRef("https://w3id.org/kg/id/doc/d1")))
    4
    """
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    for s, p, o, g in extraction_to_quads(extraction):
        dataset.add((s, p, o, g))
    return dataset


def _document_triples(document: Document) -> list[_Triple]:
    iri = doc_iri(document.id)
    triples: list[_Triple] = [
        (iri, RDF.type, KG.Document),
        (iri, DCTERMS.identifier, Literal(document.id)),
        (iri, KG.checksum, Literal(document.checksum)),
        (iri, KG.fingerprint, Literal(fingerprint(document.text).to_text())),
    ]
    optional: list[tuple[URIRef, Literal | None]] = [
        (DCTERMS.title, _text(document.title)),
        (DCTERMS.publisher, _text(document.publisher)),
        (DCTERMS.date, None if document.published is None else Literal(document.published)),
        (SDO.url, None if not document.url else Literal(document.url, datatype=XSD.anyURI)),
        (KG.place, _text(document.place)),
        (DCTERMS.source, _text(document.source)),
    ]
    triples.extend((iri, p, o) for p, o in optional if o is not None)
    return triples


@lru_cache(maxsize=8192)
def _actor_triples(actor: Actor) -> tuple[_Triple, ...]:
    """Cached: the same actors recur in document after document, and building rdflib
    literals costs some 2 microseconds each."""
    iri = actor_iri(actor.id)
    triples: list[_Triple] = [
        (iri, RDF.type, actor_class(actor.type)),
        (iri, DCTERMS.identifier, Literal(actor.id)),
        (iri, RDFS.label, Literal(actor.label)),
        (iri, KG.actorType, Literal(actor.type.value)),
    ]
    triples.extend((iri, SKOS.altLabel, Literal(alias)) for alias in actor.aliases)
    if actor.wikidata:
        triples.append((iri, KG.wikidata, Literal(actor.wikidata)))
        triples.append((iri, OWL.sameAs, WD[actor.wikidata]))
    if actor.country:
        triples.append((iri, KG.country, Literal(actor.country)))
    return tuple(triples)


def _relation_triples(relation: Relation, document: Document) -> list[_Triple]:
    claim = claim_iri(document.id, relation)
    triples: list[_Triple] = [
        (claim, RDF.type, KG.Claim),
        (claim, KG.subject, actor_iri(relation.subject)),
        (claim, KG.relation, relation_iri(relation.relation)),
        (claim, KG.object, actor_iri(relation.object)),
        (claim, KG.polarity, Literal(relation.polarity.value)),
        (claim, KG.modality, Literal(relation.modality.value)),
        (claim, KG.confidence, Literal(float(relation.confidence), datatype=XSD.double)),
        (claim, KG.edge, edge_iri(relation.subject, relation.relation, relation.object)),
    ]
    if relation.subtype:
        triples.append((claim, KG.subtype, Literal(relation.subtype)))
    if relation.attribution:
        triples.append((claim, KG.attribution, Literal(relation.attribution)))
    stated = event_date(relation, document.published)
    if stated is not None:
        triples.append((claim, KG.eventDate, Literal(stated)))
    for evidence in relation.evidence:
        node = evidence_iri(evidence)
        triples += [
            (claim, PROV.wasDerivedFrom, node),
            (node, RDF.type, KG.Evidence),
            (node, KG.document, doc_iri(evidence.doc_id)),
            (node, KG.start, Literal(evidence.start)),
            (node, KG.end, Literal(evidence.end)),
            (node, KG.quote, Literal(evidence.quote)),
        ]
    return triples


def _check(relation: Relation, document: Document, known: set[str]) -> None:
    where = f"{document.id}: {relation.subject} {relation.relation} {relation.object}"
    missing = sorted({relation.subject, relation.object} - known)
    if missing:
        raise ValueError(f"[{where}] actors {missing} are not among the extraction's actors")
    for evidence in relation.evidence:
        if not evidence.is_valid_for(document):
            raise ValueError(
                f"[{where}] evidence [{evidence.start}, {evidence.end}) of {evidence.doc_id} "
                "is not the document's text over that span"
            )


def _text(value: str | None) -> Literal | None:
    return Literal(value) if value else None
