"""The kg vocabulary and the only place IRIs are minted.

``KG`` lists exactly the terms of ontology/kg.ttl (a test checks), and fails on a typo
instead of minting a new term. Every actor, document, claim and evidence IRI comes from
the functions here, so the same input always gives the same IRIs and re-ingesting a
document writes identical triples.
"""

from __future__ import annotations

import hashlib
import json
from urllib.parse import quote, unquote

from rdflib import URIRef
from rdflib.namespace import (
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)

from .model import ActorType, Evidence, Relation, RelationType

__all__ = [
    "ACTOR",
    "ACTORS_GRAPH",
    "CLAIM",
    "DOC",
    "EDGE",
    "EDGES_GRAPH",
    "EVIDENCE",
    "KG",
    "PENDING_GRAPH",
    "PREFIXES",
    "SHARED_GRAPHS",
    "SUMMARY_GRAPH",
    "WD",
    "actor_class",
    "actor_id_of",
    "actor_iri",
    "claim_iri",
    "doc_id_of",
    "doc_iri",
    "edge_actors",
    "edge_iri",
    "evidence_iri",
    "relation_iri",
    "relation_type_of",
]


class KG(DefinedNamespace):
    """The kg ontology, https://w3id.org/kg/ontology# (ontology/kg.ttl)."""

    _fail = True
    _NS = Namespace("https://w3id.org/kg/ontology#")

    # classes
    Actor: URIRef
    State: URIRef
    Government: URIRef
    ArmedGroup: URIRef
    Organization: URIRef
    Person: URIRef
    Claim: URIRef
    Edge: URIRef
    Evidence: URIRef
    Document: URIRef
    # actor properties
    actorType: URIRef
    wikidata: URIRef
    country: URIRef
    # the five scored relations
    backs: URIRef
    opposes: URIRef
    meetsWith: URIRef
    leads: URIRef
    memberOf: URIRef
    # subtype annotations
    cameoCode: URIRef
    ploverCategory: URIRef
    # relation subtypes
    supports: URIRef
    arms: URIRef
    funds: URIRef
    alliedWith: URIRef
    protects: URIRef
    attacks: URIRef
    fights: URIRef
    invades: URIRef
    sanctions: URIRef
    condemns: URIRef
    coerces: URIRef
    threatens: URIRef
    meets: URIRef
    visits: URIRef
    negotiatesWith: URIRef
    calls: URIRef
    joins: URIRef
    partOf: URIRef
    # claims
    subject: URIRef
    object: URIRef
    relation: URIRef
    subtype: URIRef
    polarity: URIRef
    modality: URIRef
    confidence: URIRef
    attribution: URIRef
    eventDate: URIRef
    edge: URIRef
    # edge summaries
    claims: URIRef
    documents: URIRef
    sources: URIRef
    denials: URIRef
    rivals: URIRef
    firstDate: URIRef
    lastDate: URIRef
    rival: URIRef
    firstDocument: URIRef
    row: URIRef
    rowColumns: URIRef
    # evidence
    document: URIRef
    start: URIRef
    end: URIRef
    quote: URIRef
    # documents
    checksum: URIRef
    place: URIRef
    fingerprint: URIRef
    story: URIRef


ACTOR = Namespace("https://w3id.org/kg/id/actor/")
DOC = Namespace("https://w3id.org/kg/id/doc/")
CLAIM = Namespace("https://w3id.org/kg/id/claim/")
EVIDENCE = Namespace("https://w3id.org/kg/id/evidence/")
WD = Namespace("http://www.wikidata.org/entity/")
GRAPH = Namespace("https://w3id.org/kg/id/graph/")

ACTORS_GRAPH = GRAPH.actors
"""Every actor description of the document graphs, once: queries join labels here."""
EDGES_GRAPH = GRAPH.edges
"""Every plain edge triple (``actor kg:backs actor``) of the document graphs, once."""
SHARED_GRAPHS = (ACTORS_GRAPH, EDGES_GRAPH)
SUMMARY_GRAPH = GRAPH.summary
"""One ``kg:Edge`` node per edge, with what its claims add up to (see ``kg.summary``)."""
PENDING_GRAPH = GRAPH.pending
"""The edges whose summaries writes since the last refresh have made stale."""
EDGE = Namespace("https://w3id.org/kg/id/edge/")

PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "actor": str(ACTOR),
    "doc": str(DOC),
    "claim": str(CLAIM),
    "evidence": str(EVIDENCE),
    "wd": str(WD),
    "graph": str(GRAPH),
    "edge": str(EDGE),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SDO),
}

_RELATIONS: dict[RelationType, URIRef] = {
    RelationType.BACKS: KG.backs,
    RelationType.OPPOSES: KG.opposes,
    RelationType.MEETS_WITH: KG.meetsWith,
    RelationType.LEADS: KG.leads,
    RelationType.MEMBER_OF: KG.memberOf,
}
_RELATION_TYPES = {iri: relation for relation, iri in _RELATIONS.items()}

_ACTOR_CLASSES: dict[ActorType, URIRef] = {
    ActorType.STATE: KG.State,
    ActorType.GOVERNMENT: KG.Government,
    ActorType.ARMED_GROUP: KG.ArmedGroup,
    ActorType.ORGANIZATION: KG.Organization,
    ActorType.PERSON: KG.Person,
}


def actor_iri(actor_id: str) -> URIRef:
    """The IRI of an actor id.

    >>> actor_iri("syrian-government")
    rdflib.term.URIRef('https://w3id.org/kg/id/actor/syrian-government')
    """
    return ACTOR[quote(actor_id, safe="")]


def actor_id_of(iri: str) -> str:
    """The actor id an actor IRI was minted from.

    >>> actor_id_of("https://w3id.org/kg/id/actor/hts")
    'hts'
    """
    return _local(iri, ACTOR)


def doc_iri(doc_id: str) -> URIRef:
    """The IRI of a document id; it also names the document's graph.

    >>> doc_iri("seeds/a b.txt")
    rdflib.term.URIRef('https://w3id.org/kg/id/doc/seeds%2Fa%20b.txt')
    """
    return DOC[quote(doc_id, safe="")]


def doc_id_of(iri: str) -> str:
    """The document id a document IRI was minted from.

    >>> doc_id_of("https://w3id.org/kg/id/doc/seeds%2Fa%20b.txt")
    'seeds/a b.txt'
    """
    return _local(iri, DOC)


def edge_iri(subject: str, relation: RelationType, obj: str) -> URIRef:
    """The IRI of the edge (subject, relation, object), whatever a claim says of it: the MD5
    of the three IRIs joined by spaces, the two actors of a meets_with edge in IRI order
    (SPARQL's ``MD5`` gives the same, so queries can name an edge too).

    >>> meets = RelationType.MEETS_WITH
    >>> edge_iri("iran", meets, "hts") == edge_iri("hts", meets, "iran")
    True
    """
    first, second = edge_actors(subject, relation, obj)
    key = f"{first} {relation_iri(relation)} {second}"
    return EDGE[hashlib.md5(key.encode("utf-8")).hexdigest()]


def edge_actors(subject: str, relation: RelationType, obj: str) -> tuple[str, str]:
    """The IRIs of an edge's two actors, as its IRI orders them: a meets_with edge's in
    IRI order, any other's as given.

    >>> [a.rsplit("/", 1)[1] for a in edge_actors("iran", RelationType.MEETS_WITH, "hts")]
    ['hts', 'iran']
    """
    first, second = str(actor_iri(subject)), str(actor_iri(obj))
    if relation is RelationType.MEETS_WITH and second < first:
        return second, first
    return first, second


def claim_iri(doc_id: str, relation: Relation) -> URIRef:
    """A claim's IRI: a hash of its document and of everything the relation says.

    Identical relations from the same document share one IRI, so writing a document
    twice writes the same triples.

    >>> from kg.model import Evidence, RelationType
    >>> r = Relation("iran", RelationType.BACKS, "hezbollah", (Evidence("d", 0, 4, "Iran"),))
    >>> claim_iri("d", r) == claim_iri("d", r)
    True
    """
    fields = [
        doc_id,
        relation.subject,
        relation.relation.value,
        relation.object,
        relation.subtype,
        relation.polarity.value,
        relation.modality.value,
        repr(relation.confidence),
        relation.attribution,
        [[e.doc_id, e.start, e.end] for e in relation.evidence],
    ]
    return CLAIM[_digest(fields)]


def evidence_iri(evidence: Evidence) -> URIRef:
    """An evidence IRI: a hash of its document and span (the quote follows from them).

    >>> evidence_iri(Evidence("d", 0, 4, "Iran")) == evidence_iri(Evidence("d", 0, 4, "Iran"))
    True
    """
    return EVIDENCE[_digest([evidence.doc_id, evidence.start, evidence.end])]


def relation_iri(relation: RelationType) -> URIRef:
    """The property of one of the five scored relation types.

    >>> relation_iri(RelationType.MEETS_WITH)
    rdflib.term.URIRef('https://w3id.org/kg/ontology#meetsWith')
    """
    return _RELATIONS[relation]


def relation_type_of(iri: str) -> RelationType:
    """The relation type of one of the five scored relation properties.

    Raises:
        ValueError: the IRI is not one of the five.

    >>> relation_type_of("https://w3id.org/kg/ontology#memberOf")
    <RelationType.MEMBER_OF: 'member_of'>
    """
    try:
        return _RELATION_TYPES[URIRef(iri)]
    except KeyError:
        raise ValueError(f"{iri} is not one of the five relation properties") from None


def actor_class(actor_type: ActorType) -> URIRef:
    """The ontology class of an actor type.

    >>> actor_class(ActorType.ARMED_GROUP)
    rdflib.term.URIRef('https://w3id.org/kg/ontology#ArmedGroup')
    """
    return _ACTOR_CLASSES[actor_type]


def _local(iri: str, namespace: Namespace) -> str:
    if not iri.startswith(str(namespace)):
        raise ValueError(f"{iri} is not in {namespace}")
    return unquote(iri[len(str(namespace)) :])


def _digest(fields: list[object]) -> str:
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]
