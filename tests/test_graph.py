"""kg.graph.to_networkx: the NetworkX contract of CONTRIBUTING.md, on hand-built data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from fixtures import ACTORS, D1_TEXT, relation, world

from kg.graph import to_networkx, with_evidence
from kg.model import Document, Extraction, Polarity, RelationType
from kg.query import load_query, run_query
from kg.sources import link_sources
from kg.store import Store
from kg.summary import ROW_COLUMNS, stored_summaries
from kg.vocab import KG, SUMMARY_GRAPH

NODE_ATTRS = {"label", "type", "aliases", "wikidata"}
EDGE_ATTRS = {
    "relation",
    "subtypes",
    "claims",
    "documents",
    "sources",
    "first_seen",
    "last_seen",
    "contested",
    "evidence",
}
EVIDENCE_KEYS = {
    "doc",
    "start",
    "end",
    "quote",
    "title",
    "publisher",
    "published",
    "url",
    "attribution",
    "modality",
}


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return to_networkx(world())


def _edges(graph: nx.MultiDiGraph) -> list[tuple[object, ...]]:
    return sorted(graph.edges(keys=True, data=True))


def test_store_and_extractions_give_the_same_graph(store: Store, graph: nx.MultiDiGraph) -> None:
    from_store = to_networkx(store)
    assert dict(from_store.nodes(data=True)) == dict(graph.nodes(data=True))
    assert _edges(from_store) == _edges(graph)


def test_evidence_read_for_the_edges_of_a_light_graph_is_the_whole_graphs(
    store: Store, graph: nx.MultiDiGraph
) -> None:
    light = to_networkx(store, evidence=False)
    full = with_evidence(store, light)
    assert dict(full.nodes(data=True)) == dict(graph.nodes(data=True))
    assert _edges(full) == _edges(graph)
    assert _edges(light) != _edges(full)  # a new graph: the light one keeps no evidence
    part = light.copy()
    part.remove_edges_from([e for e in light.edges(keys=True) if e[2] != "backs"])
    assert _edges(with_evidence(store, part)) == [e for e in _edges(graph) if e[2] == "backs"]


def test_evidence_read_for_one_claim_an_edge_keeps_the_counts_of_all(store: Store) -> None:
    light = to_networkx(store, evidence=False)
    capped = with_evidence(store, light, claims_per_edge=1)
    assert max(d["claims"] for _, _, d in light.edges(data=True)) > 1
    for u, v, k, data in capped.edges(keys=True, data=True):
        assert len({(e["doc"], e["start"]) for e in data["evidence"]}) == 1
        assert data["claims"] == light.edges[u, v, k]["claims"]


def test_without_evidence_the_store_reads_the_same_edges_from_the_summaries(
    store: Store, graph: nx.MultiDiGraph
) -> None:
    light = to_networkx(store, evidence=False)
    assert dict(light.nodes(data=True)) == dict(graph.nodes(data=True))
    assert _edges(light) == _edges(to_networkx(world(), evidence=False))
    stripped = [
        (u, v, k, {n: x for n, x in d.items() if n not in {"subtypes", "documents", "evidence"}})
        for u, v, k, d in _edges(graph)
    ]
    assert _edges(light) == stripped
    assert any(d["contested"] for *_, d in stripped) and any(d["first_seen"] for *_, d in stripped)


def test_nodes_follow_the_contract(graph: nx.MultiDiGraph) -> None:
    assert set(graph) == set(ACTORS)
    for _, attrs in graph.nodes(data=True):
        assert set(attrs) == NODE_ATTRS
    assert graph.nodes["russia"] == {
        "label": "Russia",
        "type": "state",
        "aliases": ["Kremlin", "Moscow"],
        "wikidata": "Q159",
    }
    assert graph.nodes["hts"]["wikidata"] is None


def test_edges_follow_the_contract(graph: nx.MultiDiGraph) -> None:
    assert sorted(graph.edges(keys=True)) == [
        ("hts", "syrian-government", "opposes"),
        ("iran", "hezbollah", "backs"),
        ("iran", "syrian-government", "backs"),
        ("russia", "hts", "opposes"),
        ("russia", "syrian-government", "backs"),
        ("russia", "syrian-government", "opposes"),
        ("russia", "turkey", "meets_with"),
    ]
    for _, _, key, attrs in graph.edges(keys=True, data=True):
        assert set(attrs) == EDGE_ATTRS
        assert attrs["relation"] == key
        for item in attrs["evidence"]:
            assert set(item) == EVIDENCE_KEYS


def test_edge_attributes(graph: nx.MultiDiGraph) -> None:
    backs = graph.edges["russia", "syrian-government", "backs"]
    assert backs["subtypes"] == ["supports"]
    assert backs["claims"] == 3
    assert backs["documents"] == ["d1", "d1-copy", "d2"]
    assert backs["sources"] == 2  # d1 and d1-copy are one text
    assert (backs["first_seen"], backs["last_seen"]) == ("2024-11-30", "2024-12-02")
    assert backs["contested"]  # Russia also opposes the Syrian government (d3)
    assert backs["evidence"][0] == {
        "doc": "d1",
        "start": 0,
        "end": 34,
        "quote": "Russia backs the Syrian government",
        "title": "Allies",
        "publisher": "Reuters",
        "published": "2024-11-30",
        "url": "https://news.example/d1",
        "attribution": None,
        "modality": "asserted",
    }
    assert [e["doc"] for e in backs["evidence"]] == ["d1", "d1-copy", "d2"]
    condemns = graph.edges["russia", "syrian-government", "opposes"]
    assert condemns["evidence"][0]["attribution"] == "A monitoring group"
    assert condemns["evidence"][0]["modality"] == "reported"
    assert not graph.edges["iran", "hezbollah", "backs"]["contested"]


def test_meetings_appear_once_from_the_smaller_id(graph: nx.MultiDiGraph) -> None:
    assert not graph.has_edge("turkey", "russia")
    meets = graph.edges["russia", "turkey", "meets_with"]
    assert meets["claims"] == 2  # one asserted, one planned, written in both orders
    assert [e["modality"] for e in meets["evidence"]] == ["asserted", "planned"]


def test_denied_and_hypothetical_claims_make_no_edge(graph: nx.MultiDiGraph) -> None:
    assert not graph.has_edge("turkey", "hts")  # denied in d1
    assert not graph.has_edge("iran", "hts")  # hypothetical in d3


def test_a_denial_makes_an_edge_contested() -> None:
    doc = Document("d9", D1_TEXT, published=date(2024, 1, 1))
    both = Extraction(
        doc,
        (ACTORS["turkey"], ACTORS["hts"]),
        (
            relation(
                doc,
                "turkey",
                RelationType.BACKS,
                "hts",
                "Turkey denied backing HTS",
                polarity=Polarity.NEGATIVE,
            ),
            relation(doc, "turkey", RelationType.BACKS, "hts", "backing HTS"),
        ),
    )
    edge = to_networkx([both]).edges["turkey", "hts", "backs"]
    assert edge["contested"] and edge["claims"] == 1


def test_a_later_version_of_a_document_replaces_the_earlier() -> None:
    first, *_ = world()
    emptied = Extraction(first.document, first.actors, ())
    assert to_networkx([first, emptied]).number_of_edges() == 0
    assert to_networkx([emptied, first]).number_of_edges() == 2


def test_undated_documents_leave_dates_empty() -> None:
    doc = Document("nodate", "Iran arms Hezbollah.")
    extraction = Extraction(
        doc,
        (ACTORS["iran"], ACTORS["hezbollah"]),
        (relation(doc, "iran", RelationType.BACKS, "hezbollah", "Iran arms Hezbollah"),),
    )
    edge = to_networkx([extraction]).edges["iran", "hezbollah", "backs"]
    assert edge["first_seen"] is None and edge["last_seen"] is None
    assert edge["subtypes"] == []


def test_claims_graph_keeps_every_claim_with_its_stance(extractions) -> None:
    from kg.graph import claims_graph

    G = claims_graph(extractions)
    latest = {e.document.id: e for e in extractions}
    assert G.number_of_edges() == sum(len(e.relations) for e in latest.values())
    negatives = [d for _, _, d in G.edges(data=True) if d["polarity"] == "negative"]
    expected = [r for e in latest.values() for r in e.relations if r.polarity.value == "negative"]
    assert expected, "the fixture world holds a denied claim"
    assert len(negatives) == len(expected)
    for _, _, data in G.edges(data=True):
        document = latest[data["doc"]].document
        assert document.text[data["start"] : data["end"]] == data["quote"]


def test_claims_graph_is_the_same_from_the_store_and_from_extractions(store, extractions) -> None:
    from networkx.utils import edges_equal

    from kg.graph import claims_graph

    from_store = claims_graph(store)
    direct = claims_graph(extractions)
    assert sorted(from_store.nodes) == sorted(direct.nodes)
    assert edges_equal(from_store.edges(keys=True, data=True), direct.edges(keys=True, data=True))


def _rows_as_queried(store: Store) -> list[tuple[object, ...]]:
    """Every edge's line of the ``edges`` query, as its SPARQL (over the summary
    properties) gives it."""
    info = load_query("edges")
    return sorted((tuple(row.values()) for row in store.query(info.text)), key=str)


def _rows_stored(store: Store) -> list[tuple[object, ...]]:
    rows = stored_summaries(store)
    assert rows is not None
    columns = load_query("edges").columns
    return sorted((tuple(getattr(s, c) for c in columns) for s in rows), key=str)


def test_edge_rows_hold_the_edges_query_line_of_every_edge(store: Store) -> None:
    assert list(load_query("edges").columns) == list(
        ROW_COLUMNS[: len(load_query("edges").columns)]
    )
    link_sources(store)  # d1-copy is a copy of d1: the rows must follow the recount
    assert len(_rows_stored(store)) > 3
    assert _rows_stored(store) == _rows_as_queried(store)


def test_summaries_an_older_kg_wrote_read_the_same_and_are_recomputed_on_reopening(
    tmp_path: Path, extractions: list[Extraction]
) -> None:
    """Rows with other columns (or none) are not read; the first writer recomputes them."""
    path = tmp_path / "old"
    with Store.open(path) as store:
        for extraction in extractions:
            store.write(extraction)
        expected = _edges(to_networkx(store, evidence=False))
        listed = run_query(store, "edges")
    engine = ox.Store(str(path))  # as an older kg left it: no rows, no row format
    for pattern in (f"<{SUMMARY_GRAPH}> <{KG.rowColumns}> ?columns", f"?edge <{KG.row}> ?row"):
        engine.update(f"DELETE WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ {pattern} }} }}")
    del engine
    with Store.open(path, read_only=True) as store:
        assert stored_summaries(store) is None  # a reader does not write
        assert _edges(to_networkx(store, evidence=False)) == expected  # property by property
        assert run_query(store, "edges") == listed  # from the SPARQL
    with Store.open(path) as store:
        assert stored_summaries(store) is not None
        assert _edges(to_networkx(store, evidence=False)) == expected
        assert run_query(store, "edges") == listed
        assert _rows_stored(store) == _rows_as_queried(store)


def test_a_new_store_marks_its_row_format(tmp_path: Path, extractions: list[Extraction]) -> None:
    with Store.open(tmp_path / "new") as store:
        assert store.stats().edges == 0  # the first refresh, with nothing to mark
        store.write(extractions[0])
        assert stored_summaries(store)
