"""Edge summaries: what the claims about each edge add up to, kept beside the claims.

Counting an edge's claims, documents and independent sources means visiting each of its
claims, and the embedded engine pays some 10 microseconds a lookup: at a million claims
that is minutes for the whole graph and seconds for a busy actor. So every edge with a
positive, not hypothetical claim has a ``kg:Edge`` node in ``SUMMARY_GRAPH`` holding its
counts and dates. It is recomputed from the edge's claims (``kg:edge`` links a claim to
its edge) whenever a document with a claim about that edge, or about its rival edge, is
written or removed, in the same update as the write, and whenever documents change
independent source; so a summary never disagrees with the claims. ``REBUILD`` recomputes
every summary at once (after a bulk load, and when a store's summaries were written by
a kg with other row columns: ``opening_update``). Each summary also keeps its values as
one literal, ``kg:row`` (``ROW_COLUMNS``), so that reading the whole graph
(``stored_summaries``) or answering the queries that declare ``# rows:`` is one scan,
not a join of ten properties. Pure: SPARQL text and edge keys, no I/O but
``stored_edge_keys``, ``stored_summaries`` and ``opening_update``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import URIRef
from rdflib.namespace import RDF

from .model import RelationType
from .vocab import (
    EDGE,
    KG,
    PENDING_GRAPH,
    SUMMARY_GRAPH,
    actor_id_of,
    edge_actors,
    edge_iri,
    relation_iri,
    relation_type_of,
)

if TYPE_CHECKING:  # kg.rdf and kg.store use this module
    from .rdf import Quad
    from .store import GraphStore

__all__ = [
    "REBUILD",
    "REFRESH",
    "ROW_COLUMNS",
    "EdgeKey",
    "EdgeSummary",
    "edge_keys",
    "join_updates",
    "opening_update",
    "pending_quads",
    "pending_update",
    "stored_edge_keys",
    "stored_summaries",
]

_RIVAL = {RelationType.BACKS: RelationType.OPPOSES, RelationType.OPPOSES: RelationType.BACKS}

_PROLOGUE = f"""PREFIX kg: <{KG}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

_TEMPLATE = """{{ GRAPH <{summary}> {{
  ?edge a kg:Edge ; rdf:subject ?subject ; rdf:predicate ?relation ; rdf:object ?object ;
        kg:claims ?claims ; kg:documents ?documents ; kg:sources ?sources ;
        kg:denials ?denials ; kg:rivals ?rivals ; kg:firstDate ?first ; kg:lastDate ?last ;
        kg:firstDocument ?firstDoc ; kg:row ?row
}} }}"""
_INSERT = "INSERT " + _TEMPLATE.format(summary=SUMMARY_GRAPH)

# What one claim row adds to its edge's summary (a row per claim and evidence): the
# claim itself when it supports the edge, its document, source and date, or the claim
# as a denial. "~" and "" stand for no date: an unbound value would blank MIN and MAX.
_CONTRIBUTION = """
      BIND(?polarity = "positive" && ?modality != "hypothetical" AS ?asserted)
      BIND(IF(?role = "own" && ?asserted, ?claim, ?none) AS ?supporting)
      BIND(IF(?role = "own" && ?polarity = "negative", ?claim, ?none) AS ?denial)
      BIND(IF(?role = "rival" && ?asserted, ?claim, ?none) AS ?rivalClaim)
      BIND(IF(BOUND(?supporting), ?doc, ?none) AS ?supportingDoc)
      BIND(IF(BOUND(?supporting), STR(?docId), "\\U0010FFFF") AS ?supportingId)
      BIND(IF(BOUND(?supporting), COALESCE(?story, ?checksum), ?none) AS ?supportingSource)
      BIND(IF(BOUND(?supporting), COALESCE(STR(?stated), STR(?published), "~"), "~") AS ?early)
      BIND(IF(?early = "~", "", ?early) AS ?late)"""

ROW_COLUMNS = (
    "subject",
    "relation",
    "object",
    "claims",
    "documents",
    "sources",
    "first",
    "last",
    "contested",
    "denials",
    "rivals",
    "doc",
)
"""What ``kg:row`` holds, in order: the columns of the ``edges`` query, then the denials,
the rival claims and the first document (by id) of the edge's supporting claims."""

# An edge's row, tab-separated, read in one scan by whole-graph readers: at a million
# claims, joining ten summary properties costs the engine seconds.
_ROW = """  BIND(CONCAT(STR(?subject), "\\t", STR(?relation), "\\t", STR(?object), "\\t",
              STR(?claims), "\\t", STR(?documents), "\\t", STR(?sources), "\\t",
              COALESCE(STR(?first), ""), "\\t", COALESCE(STR(?last), ""), "\\t",
              STR(?denials + ?rivals > 0), "\\t", STR(?denials), "\\t", STR(?rivals), "\\t",
              ?firstDoc) AS ?row)"""

_TOTALS = """(COUNT(DISTINCT ?supporting) AS ?claims)
           (COUNT(DISTINCT ?supportingDoc) AS ?documents)
           (COUNT(DISTINCT ?supportingSource) AS ?sources)
           (COUNT(DISTINCT ?denial) AS ?denials) (COUNT(DISTINCT ?rivalClaim) AS ?rivals)
           (MIN(?early) AS ?earliest) (MAX(?late) AS ?latest)
           (MIN(?supportingId) AS ?firstDoc)"""

_DATES = (
    """  BIND(IF(?earliest != "~", ?earliest, ?none) AS ?first)
  BIND(IF(?latest != "", ?latest, ?none) AS ?last)
"""
    + _ROW
)

# The summaries' row format, kept in their graph: summaries an older kg wrote, whose rows
# have other columns, are recomputed when the store is next opened for writing.
_FORMAT = " ".join(ROW_COLUMNS)
_MARK = f"""INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> kg:rowColumns "{_FORMAT}" }} }}
WHERE {{ FILTER EXISTS {{ GRAPH <{SUMMARY_GRAPH}> {{ ?edge a kg:Edge }} }} }}"""
_FORMAT_STORED = f"""{_PROLOGUE}SELECT ?columns WHERE {{
  GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> kg:rowColumns ?columns }}
}}"""

REFRESH = (
    _PROLOGUE
    + f"""DELETE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?edge ?p ?v }} }}
WHERE {{
  GRAPH <{PENDING_GRAPH}> {{ ?edge rdf:subject ?any }}
  GRAPH <{SUMMARY_GRAPH}> {{ ?edge ?p ?v }}
}} ;
{_INSERT}
WHERE {{
  {{
    SELECT ?edge ?subject ?relation ?object {_TOTALS}
    WHERE {{
      GRAPH <{PENDING_GRAPH}> {{
        ?edge rdf:subject ?subject ; rdf:predicate ?relation ; rdf:object ?object
      }}
      {{
        GRAPH ?g {{ ?claim kg:edge ?edge }}
        BIND("own" AS ?role)
      }} UNION {{
        GRAPH <{PENDING_GRAPH}> {{ ?edge kg:rival ?rivalEdge }}
        GRAPH ?g {{ ?claim kg:edge ?rivalEdge }}
        BIND("rival" AS ?role)
      }}
      GRAPH ?g {{
        ?claim kg:polarity ?polarity ; kg:modality ?modality ; prov:wasDerivedFrom ?evidence .
        ?evidence kg:document ?doc .
        ?doc kg:checksum ?checksum ; dcterms:identifier ?docId .
        OPTIONAL {{ ?doc kg:story ?story }}
        OPTIONAL {{ ?doc dcterms:date ?published }}
        OPTIONAL {{ ?claim kg:eventDate ?stated }}
      }}{_CONTRIBUTION}
    }}
    GROUP BY ?edge ?subject ?relation ?object
    HAVING (COUNT(DISTINCT ?supporting) > 0)
  }}
{_DATES}
}} ;
DROP SILENT GRAPH <{PENDING_GRAPH}> ;
{_MARK}"""
)
"""The SPARQL update that recomputes the summaries of the pending edges, and clears them."""

REBUILD = (
    _PROLOGUE
    + f"""DROP SILENT GRAPH <{SUMMARY_GRAPH}> ;
DROP SILENT GRAPH <{PENDING_GRAPH}> ;
{_INSERT}
WHERE {{
  {{
    SELECT ?edge (SAMPLE(?s) AS ?subject) (SAMPLE(?relationSaid) AS ?relation)
           (SAMPLE(?o) AS ?object) {_TOTALS}
    WHERE {{
      # each claim property read once by its own sub-query and joined by hashing; each
      # claim counts once for its own edge and once as a rival of the opposite edge
      {{ SELECT ?claim ?own WHERE {{ GRAPH ?g {{ ?claim kg:edge ?own }} }} }}
      {{ SELECT ?claim ?said WHERE {{ GRAPH ?g {{ ?claim kg:relation ?said }} }} }}
      {{ SELECT ?claim ?from WHERE {{ GRAPH ?g {{ ?claim kg:subject ?from }} }} }}
      {{ SELECT ?claim ?to WHERE {{ GRAPH ?g {{ ?claim kg:object ?to }} }} }}
      {{ SELECT ?claim ?polarity WHERE {{ GRAPH ?g {{ ?claim kg:polarity ?polarity }} }} }}
      {{ SELECT ?claim ?modality WHERE {{ GRAPH ?g {{ ?claim kg:modality ?modality }} }} }}
      {{ SELECT ?claim ?evidence WHERE {{ GRAPH ?g {{ ?claim prov:wasDerivedFrom ?evidence }} }} }}
      {{ SELECT ?evidence ?doc WHERE {{ GRAPH ?g {{ ?evidence kg:document ?doc }} }} }}
      {{
        SELECT ?doc ?docId ?checksum ?story ?published WHERE {{
          GRAPH ?doc {{
            ?doc kg:checksum ?checksum ; dcterms:identifier ?docId .
            OPTIONAL {{ ?doc kg:story ?story }}
            OPTIONAL {{ ?doc dcterms:date ?published }}
          }}
        }}
      }}
      OPTIONAL {{ SELECT ?claim ?stated WHERE {{ GRAPH ?g {{ ?claim kg:eventDate ?stated }} }} }}
      VALUES ?role {{ "own" "rival" }}
      BIND(IF(?said = kg:backs, kg:opposes, IF(?said = kg:opposes, kg:backs, ?none)) AS ?other)
      BIND(IF(?role = "own", ?own,
              IRI(CONCAT("{EDGE}", MD5(CONCAT(STR(?from), " ", STR(?other), " ", STR(?to))))))
           AS ?edge)
      FILTER(BOUND(?edge))
      BIND(IF(?role = "own", ?said, ?other) AS ?relationSaid)
      BIND(?relationSaid = kg:meetsWith && STR(?to) < STR(?from) AS ?swap)
      BIND(IF(?swap, ?to, ?from) AS ?s)
      BIND(IF(?swap, ?from, ?to) AS ?o){_CONTRIBUTION}
    }}
    GROUP BY ?edge
    HAVING (COUNT(DISTINCT ?supporting) > 0)
  }}
{_DATES}
}} ;
{_MARK}"""
)
"""The SPARQL update that recomputes every edge summary from the claims."""

_ROWS = _PROLOGUE + f"SELECT ?row WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?edge kg:row ?row }} }}"
_ANY_EDGE = _PROLOGUE + f"ASK {{ GRAPH <{SUMMARY_GRAPH}> {{ ?edge a kg:Edge }} }}"

_STORED = (
    _PROLOGUE
    + """SELECT DISTINCT ?subject ?relation ?object WHERE {
  VALUES ?g { %s }
  GRAPH ?g { ?claim kg:subject ?subject ; kg:relation ?relation ; kg:object ?object }
}"""
)


@dataclass(frozen=True, slots=True)
class EdgeSummary:
    """One edge's ``kg:row`` (``ROW_COLUMNS``): IRIs, counts, dates, its first document."""

    subject: str
    relation: str
    object: str
    claims: int
    documents: int
    sources: int
    first: str | None
    last: str | None
    contested: bool
    denials: int
    rivals: int
    doc: str

    @classmethod
    def parse(cls, row: str) -> EdgeSummary:
        """An edge's ``kg:row``.

        >>> row = "s\\tr\\to\\t3\\t2\\t1\\t2024-05-01\\t\\tfalse\\t1\\t0\\td1"
        >>> EdgeSummary.parse(row).last is None, EdgeSummary.parse(row).denials
        (True, 1)
        """
        subject, relation, obj, claims, documents, sources, *rest = row.split("\t")
        first, last, contested, denials, rivals, doc = rest
        return cls(
            subject,
            relation,
            obj,
            int(claims),
            int(documents),
            int(sources),
            first or None,
            last or None,
            contested == "true",
            int(denials),
            int(rivals),
            doc,
        )


def stored_summaries(store: GraphStore) -> list[EdgeSummary] | None:
    """Every edge summary, read from the ``kg:row`` literals in one scan; None when the
    rows an older kg wrote have other columns (``opening_update`` recomputes them)."""
    if not _current_format(store):
        return None
    return [EdgeSummary.parse(str(row["row"])) for row in store.query(_ROWS)]


def opening_update(store: GraphStore) -> str:
    """The update a writer's first refresh runs: ``REFRESH``, or ``REBUILD`` when the
    summaries were written by a kg whose rows had other columns (once, minutes at a
    million claims). Both mark the row format once there are summaries."""
    if _current_format(store):
        return REFRESH
    return REBUILD if store.query(_ANY_EDGE)[0]["result"] else REFRESH


def _current_format(store: GraphStore) -> bool:
    return [str(row["columns"]) for row in store.query(_FORMAT_STORED)] == [_FORMAT]


@dataclass(frozen=True, slots=True, order=True)
class EdgeKey:
    """An edge: its IRI and its actors' IRIs, a meets_with edge's in IRI order."""

    iri: str
    subject: str
    relation: str
    object: str

    @classmethod
    def of(cls, subject: str, relation: RelationType, obj: str) -> EdgeKey:
        """The key of the edge a claim (subject, relation, object) is about.

        >>> key = EdgeKey.of("iran", RelationType.MEETS_WITH, "hts")
        >>> key.subject.rsplit("/", 1)[1], key.object.rsplit("/", 1)[1]
        ('hts', 'iran')
        """
        first, second = edge_actors(subject, relation, obj)
        return cls(
            str(edge_iri(subject, relation, obj)), first, str(relation_iri(relation)), second
        )


def edge_keys(claims: Iterable[tuple[str, RelationType, str]]) -> set[EdgeKey]:
    """The edges whose summaries depend on claims (subject, relation, object): each
    claim's own edge and, for backs and opposes, the rival edge it counts against.

    >>> sorted(k.relation.rsplit("#")[1] for k in edge_keys([("a", RelationType.BACKS, "b")]))
    ['backs', 'opposes']
    """
    keys = set()
    for subject, relation, obj in claims:
        keys.add(EdgeKey.of(subject, relation, obj))
        if relation in _RIVAL:
            keys.add(EdgeKey.of(subject, _RIVAL[relation], obj))
    return keys


def pending_quads(keys: Iterable[EdgeKey]) -> list[Quad]:
    """The quads marking ``keys`` pending: each edge's actors and relation, and its rival
    edge for backs and opposes. Write them with the claims, in the same transaction."""
    quads: list[Quad] = []
    for key in sorted(keys):
        edge = URIRef(key.iri)
        quads += [
            (edge, RDF.subject, URIRef(key.subject), PENDING_GRAPH),
            (edge, RDF.predicate, URIRef(key.relation), PENDING_GRAPH),
            (edge, RDF.object, URIRef(key.object), PENDING_GRAPH),
        ]
        relation = relation_type_of(key.relation)
        if relation in _RIVAL:
            rival = edge_iri(actor_id_of(key.subject), _RIVAL[relation], actor_id_of(key.object))
            quads.append((edge, KG.rival, rival, PENDING_GRAPH))
    return quads


def pending_update(keys: Iterable[EdgeKey]) -> str:
    """``pending_quads`` as a SPARQL ``INSERT DATA`` ("" for no keys); every term is an IRI
    minted by ``kg.vocab``, so none needs escaping."""
    lines = [f"GRAPH <{g}> {{ <{s}> <{p}> <{o}> }}" for s, p, o, g in pending_quads(keys)]
    return "INSERT DATA {\n" + "\n".join(lines) + "\n}" if lines else ""


def stored_edge_keys(store: GraphStore, graphs: Iterable[URIRef]) -> set[EdgeKey]:
    """The edges whose summaries the claims stored in these document graphs touch."""
    values = " ".join(f"<{g}>" for g in graphs)
    if not values:
        return set()
    rows = store.query(_STORED % values)
    return edge_keys(
        (
            actor_id_of(str(r["subject"])),
            relation_type_of(str(r["relation"])),
            actor_id_of(str(r["object"])),
        )
        for r in rows
    )


def join_updates(parts: list[str]) -> str:
    """SPARQL updates as one request (one transaction), their PREFIX lines moved to the
    front, where every engine accepts them; empty parts are skipped.

    >>> print(join_updates(["PREFIX a: <x:>\\nDROP GRAPH a:g", "", "CLEAR ALL"]))
    PREFIX a: <x:>
    DROP GRAPH a:g ;
    CLEAR ALL
    """
    prefixes: list[str] = []
    bodies = []
    for part in filter(None, parts):
        lines = part.split("\n")  # not splitlines(): literals may hold U+0085 or U+2028
        prefixes += [line for line in lines if line.startswith("PREFIX ") and line not in prefixes]
        bodies.append("\n".join(line for line in lines if not line.startswith("PREFIX ")))
    return "\n".join([*prefixes, " ;\n".join(bodies)])
