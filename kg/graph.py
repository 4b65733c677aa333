"""Claims -> a networkx ``MultiDiGraph``, following the contract in CONTRIBUTING.md.

The graph comes from a store (two named queries run on the engine: ``actors`` and
``claims``) or straight from extractions; both feed the same builder, so both give the
same graph for the same documents. Only claims that count as edges (positive, not
hypothetical) make edges; negative claims still mark an edge as contested. An edge's
``sources`` counts independent sources: syndicated and near-duplicate copies of one story
count once (``kg.sources``); its dates are the claims' own ("on Nov. 27") where the
sentence gives one, else their articles'.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from .bulk import collector_paused
from .model import (
    Actor,
    ActorType,
    Evidence,
    Extraction,
    Modality,
    Polarity,
    Relation,
    RelationType,
)
from .query import run_query
from .sources import event_date, fingerprint, group_sources
from .store import GraphStore, Row, Value
from .summary import stored_summaries
from .vocab import KG, actor_id_of, actor_iri, edge_iri, relation_iri, relation_type_of

__all__ = ["claims_graph", "to_networkx", "with_evidence"]

_Key = tuple[str, RelationType, str]
_CLAIM_LEVEL = ("subtypes", "documents", "evidence")
"""Edge attributes only the claims give: ``to_networkx(..., evidence=False)`` leaves them out."""
_RIVALS = {RelationType.BACKS: RelationType.OPPOSES, RelationType.OPPOSES: RelationType.BACKS}

# One edge's claims with their evidence, the edge's IRI written in: Oxigraph then starts
# from that edge's claims (a value bound afterwards, or a VALUES list, it joins at the end,
# after visiting every claim). The documents' metadata is read per document, by IRI, for
# the same reason: an OPTIONAL over all documents costs 0.4 s at 100,000 of them.
_EDGE_CLAIMS = f"""PREFIX kg: <{KG}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?claim ?subject ?relation ?object ?subtype ?polarity ?modality ?confidence
       ?attribution ?document ?doc ?start ?end ?quote
WHERE {{{{
  ?claim kg:edge <{{edge}}> ; kg:subject ?subject ; kg:relation ?relation ;
         kg:object ?object ; kg:polarity ?polarity ; kg:modality ?modality ;
         kg:confidence ?confidence ; prov:wasDerivedFrom ?evidence .
  ?evidence kg:document ?document ; kg:start ?start ; kg:end ?end ; kg:quote ?quote .
  ?document dcterms:identifier ?doc .
  OPTIONAL {{{{ ?claim kg:subtype ?subtype }}}}
  OPTIONAL {{{{ ?claim kg:attribution ?attribution }}}}
}}}}"""
_DOCUMENT = f"""PREFIX kg: <{KG}>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?title ?publisher ?published ?url ?story WHERE {{{{
  <{{document}}> kg:checksum ?checksum .
  OPTIONAL {{{{ <{{document}}> dcterms:title ?title }}}}
  OPTIONAL {{{{ <{{document}}> dcterms:publisher ?publisher }}}}
  OPTIONAL {{{{ <{{document}}> dcterms:date ?published }}}}
  OPTIONAL {{{{ <{{document}}> schema:url ?url }}}}
  OPTIONAL {{{{ <{{document}}> kg:story ?linked }}}}
  BIND(COALESCE(?linked, ?checksum) AS ?story)
}}}}"""


@dataclass(frozen=True, slots=True)
class _Source:
    """What an edge needs to know about a document: its metadata, not its text."""

    id: str
    story: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(slots=True)
class _Edge:
    subtypes: set[str] = field(default_factory=set)
    claims: int = 0
    documents: set[str] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    evidence: dict[tuple[Any, ...], dict[str, Any]] = field(default_factory=dict)


def to_networkx(
    source: GraphStore | Iterable[Extraction], *, evidence: bool = True
) -> nx.MultiDiGraph:
    """The actor graph of a store or of extractions.

    Nodes are actor ids; there is one edge per (subject, relation type, object), keyed by
    the type, with ``meets_with`` once, subject < object. When documents describe an
    actor differently, the smallest label, type and Wikidata id win and aliases are
    merged, so the result does not depend on document order.

    ``evidence=False`` leaves out what only the claims give (each edge's ``subtypes``,
    ``documents`` and ``evidence``), keeping its counts, dates and ``contested``: what
    analyses need. From a store it then reads one row per edge from the edge summaries
    instead of one per claim, several times faster on a large store.

    >>> from kg.model import Document
    >>> to_networkx([Extraction(Document("d", "No news."), (), ())]).number_of_nodes()
    0
    """
    with collector_paused():  # a large graph is millions of small dicts
        if isinstance(source, GraphStore):
            if not evidence:
                return _from_summaries(source)
            actors, claims = _from_store(source)
        else:
            actors, claims = _from_extractions(source)
        graph = _build(actors, claims)
        if not evidence:
            for _, _, data in graph.edges(data=True):
                for name in _CLAIM_LEVEL:
                    del data[name]
        return graph


def with_evidence(
    store: GraphStore, light: nx.MultiDiGraph, *, claims_per_edge: int | None = None
) -> nx.MultiDiGraph:
    """``light`` (from ``to_networkx(store, evidence=False)``, or part of it) with the
    claim-level attributes of its edges (``subtypes``, ``documents``, ``evidence``), read
    from those edges' claims only: what a view of a few thousand edges of a large store
    needs. ``claims_per_edge`` reads at most that many claims of each edge (a view shows a
    few sentences, not an edge's five hundred); the counts, sources and dates stay those
    of all its claims. A new graph.
    """
    limit = f" LIMIT {claims_per_edge}" if claims_per_edge is not None else ""
    rows_by_claim: dict[str, list[Row]] = defaultdict(list)
    documents: dict[str, Row] = {}
    for u, v, k in light.edges(keys=True):
        edge = edge_iri(u, RelationType(k), v)
        for row in store.query(_EDGE_CLAIMS.format(edge=edge) + limit):
            document = str(row["document"])
            if document not in documents:
                (documents[document],) = store.query(_DOCUMENT.format(document=document))
            rows_by_claim[str(row["claim"])].append({**row, **documents[document]})
    claimed = _build((), (_claim(rows) for rows in rows_by_claim.values()))
    graph = light.copy()
    for u, v, k, data in graph.edges(keys=True, data=True):
        found = claimed.get_edge_data(u, v, k) or {}
        data.update({name: found.get(name, []) for name in _CLAIM_LEVEL})
    return graph


def claims_graph(source: GraphStore | Iterable[Extraction]) -> nx.MultiDiGraph:
    """The claim-level graph: one edge per claim, negative and hypothetical ones included,
    so an analyst can weigh each report on its own.

    Nodes are as in :func:`to_networkx`; edge keys are ``relation:n``. Edge attributes:
    ``relation``, ``subtype``, ``polarity``, ``modality``, ``confidence``,
    ``attribution``, ``doc``, ``story`` (the independent source), ``date``, ``quote``,
    ``start``, ``end``.

    >>> from kg.model import Document
    >>> claims_graph([Extraction(Document("d", "No news."), (), ())]).number_of_edges()
    0
    """
    actors, claims = (
        _from_store(source) if isinstance(source, GraphStore) else (_from_extractions(source))
    )
    graph = _build(actors, ())
    for n, (relation, info) in enumerate(sorted(claims, key=_claim_order)):
        published = date.fromisoformat(info.published) if info.published else None
        day = event_date(relation, published) or published
        evidence = relation.evidence[0]
        graph.add_edge(
            relation.subject,
            relation.object,
            key=f"{relation.relation.value}:{n}",
            relation=relation.relation.value,
            subtype=relation.subtype,
            polarity=relation.polarity.value,
            modality=relation.modality.value,
            confidence=relation.confidence,
            attribution=relation.attribution,
            doc=info.id,
            story=info.story,
            date=day.isoformat() if day else None,
            quote=evidence.quote,
            start=evidence.start,
            end=evidence.end,
        )
    return graph


def _claim_order(item: tuple[Relation, _Source]) -> tuple[Any, ...]:
    relation, info = item
    return (info.id, relation.evidence[0].start, relation.key, relation.polarity, relation.modality)


def _from_extractions(
    extractions: Iterable[Extraction],
) -> tuple[list[Actor], list[tuple[Relation, _Source]]]:
    latest = {e.document.id: e for e in extractions}  # a later version replaces an earlier one
    groups = group_sources({i: fingerprint(e.document.text) for i, e in latest.items()})
    actors: list[Actor] = []
    claims: list[tuple[Relation, _Source]] = []
    for extraction in latest.values():
        doc = extraction.document
        info = _Source(
            doc.id,
            latest[groups[doc.id]].document.checksum,
            doc.title,
            doc.publisher,
            None if doc.published is None else doc.published.isoformat(),
            doc.url,
        )
        actors.extend(extraction.actors)
        claims.extend((relation, info) for relation in dict.fromkeys(extraction.relations))
    return actors, claims


def _stored_actors(store: GraphStore) -> list[Actor]:
    return [
        Actor(
            str(row["id"]),
            str(row["label"]),
            ActorType(str(row["type"])),
            tuple(str(row["aliases"]).split("|")) if row["aliases"] else (),
            wikidata=_opt(row["wikidata"]),
        )
        for row in run_query(store, "actors")
    ]


def _from_summaries(store: GraphStore) -> nx.MultiDiGraph:
    """The graph without claim-level attributes, from the edge summaries: their rows in
    one scan, or the ``edges`` query on a store whose rows an older kg wrote (``kg.summary``)."""
    graph = _build(_stored_actors(store), ())
    # each actor's id as the one string object its node has: a million edge ends that
    # are the same objects make every later lookup an identity check
    ids = {str(actor_iri(node)): node for node in graph}
    kinds = {str(relation_iri(kind)): kind for kind in RelationType}
    for subject, relation, obj, claims, sources, first, last, contested in _edge_lines(store):
        kind = kinds.get(relation) or relation_type_of(relation)
        graph.add_edge(
            ids.get(subject) or actor_id_of(subject),
            ids.get(obj) or actor_id_of(obj),
            key=kind.value,
            relation=kind.value,
            claims=claims,
            sources=sources,
            first_seen=first,
            last_seen=last,
            contested=contested,
        )
    return graph


_EdgeLine = tuple[str, str, str, int, int, str | None, str | None, bool]


def _edge_lines(store: GraphStore) -> Iterator[_EdgeLine]:
    """Each edge's actors, relation, claims, sources, dates and whether it is contested."""
    summaries = stored_summaries(store)
    if summaries is not None:
        for s in summaries:
            yield s.subject, s.relation, s.object, s.claims, s.sources, s.first, s.last, s.contested
        return
    for row in run_query(store, "edges"):
        yield (
            str(row["subject"]),
            str(row["relation"]),
            str(row["object"]),
            _int(row["claims"]),
            _int(row["sources"]),
            _opt(row["first"]),
            _opt(row["last"]),
            bool(row["contested"]),
        )


def _from_store(store: GraphStore) -> tuple[list[Actor], list[tuple[Relation, _Source]]]:
    actors = _stored_actors(store)
    rows_by_claim: dict[str, list[Row]] = defaultdict(list)
    for row in run_query(store, "claims"):
        rows_by_claim[str(row["claim"])].append(row)
    claims = [_claim(rows) for rows in rows_by_claim.values()]
    return actors, claims


def _claim(rows: Sequence[Row]) -> tuple[Relation, _Source]:
    first = rows[0]
    relation = Relation(
        subject=actor_id_of(str(first["subject"])),
        relation=relation_type_of(str(first["relation"])),
        object=actor_id_of(str(first["object"])),
        evidence=tuple(
            Evidence(str(r["doc"]), _int(r["start"]), _int(r["end"]), str(r["quote"])) for r in rows
        ),
        subtype=_opt(first["subtype"]),
        polarity=Polarity(str(first["polarity"])),
        modality=Modality(str(first["modality"])),
        confidence=_float(first["confidence"]),
        attribution=_opt(first["attribution"]),
    )
    source = _Source(
        str(first["doc"]),
        str(first["story"]),
        _opt(first["title"]),
        _opt(first["publisher"]),
        _opt(first["published"]),
        _opt(first["url"]),
    )
    return relation, source


def _build(actors: Iterable[Actor], claims: Iterable[tuple[Relation, _Source]]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for actor_id, versions in _group(actors).items():
        wikidata = sorted(a.wikidata for a in versions if a.wikidata)
        graph.add_node(
            actor_id,
            label=min(a.label for a in versions),
            type=min(a.type.value for a in versions),
            aliases=sorted({alias for a in versions for alias in a.aliases}),
            wikidata=wikidata[0] if wikidata else None,
        )
    edges: dict[_Key, _Edge] = defaultdict(_Edge)
    denied: set[_Key] = set()
    for relation, source in claims:
        if relation.polarity is Polarity.NEGATIVE:
            denied.add(relation.key)
        if relation.counts_as_edge:
            _add_claim(edges[relation.key], relation, source)
    for (subject, kind, obj), edge in sorted(edges.items()):
        contested = (subject, kind, obj) in denied or (
            kind in _RIVALS and (subject, _RIVALS[kind], obj) in edges
        )
        dates = sorted(edge.dates)
        graph.add_edge(
            subject,
            obj,
            key=kind.value,
            relation=kind.value,
            subtypes=sorted(edge.subtypes),
            claims=edge.claims,
            documents=sorted(edge.documents),
            sources=len(edge.stories),
            first_seen=dates[0] if dates else None,
            last_seen=dates[-1] if dates else None,
            contested=contested,
            evidence=[edge.evidence[k] for k in sorted(edge.evidence)],
        )
    return graph


def _add_claim(edge: _Edge, relation: Relation, source: _Source) -> None:
    edge.claims += 1
    if relation.subtype:
        edge.subtypes.add(relation.subtype)
    edge.documents.add(source.id)
    edge.stories.add(source.story)
    published = date.fromisoformat(source.published) if source.published else None
    day = event_date(relation, published) or published
    if day is not None:
        edge.dates.add(day.isoformat())
    for evidence in relation.evidence:
        item = {
            "doc": evidence.doc_id,
            "start": evidence.start,
            "end": evidence.end,
            "quote": evidence.quote,
            "title": source.title,
            "publisher": source.publisher,
            "published": source.published,
            "url": source.url,
            "attribution": relation.attribution,
            "modality": relation.modality.value,
        }
        sort_key = (
            evidence.doc_id,
            evidence.start,
            evidence.end,
            relation.modality.value,
            relation.attribution or "",
        )
        edge.evidence[sort_key] = item


def _group(actors: Iterable[Actor]) -> dict[str, list[Actor]]:
    grouped: dict[str, list[Actor]] = defaultdict(list)
    for actor in actors:
        grouped[actor.id].append(actor)
    return grouped


def _int(value: Value) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(f"expected an integer from the store, got {value!r}")


def _float(value: Value) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise ValueError(f"expected a number from the store, got {value!r}")


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
