"""kg.analysis: signed graph, rankings, brokers, balance, coalitions, support chains.

Hand-built graphs and the library fixture (tests/fixtures.py), with answers worked out
by hand; one test on the seed with the real model and store.
"""

from __future__ import annotations

import doctest
import itertools
import json
import random
from pathlib import Path

import networkx as nx
import pytest
from fixtures import library_world

import kg
import kg.analysis
from kg.analysis import (
    ALIGNED,
    analyze,
    balance,
    brokers,
    coalitions,
    format_analysis,
    frustration,
    most_backed,
    most_opposed,
    signed_graph,
    support_chains,
)
from kg.graph import to_networkx

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def library() -> nx.MultiDiGraph:
    return to_networkx(library_world())


def _signed(*edges: tuple[str, str, int, int]) -> nx.DiGraph:
    S = nx.DiGraph()
    for u, v, sign, weight in edges:
        S.add_edge(u, v, sign=sign, weight=weight)
    return S


def test_doctests() -> None:
    assert doctest.testmod(kg.analysis).failed == 0


def test_signed_graph_of_the_library(library: nx.MultiDiGraph) -> None:
    S = signed_graph(library)
    assert sorted((u, v, d["sign"], d["weight"]) for u, v, d in S.edges(data=True)) == [
        ("hezbollah", "assad", 1, 1),
        ("hts", "syrian-government", -1, 2),
        ("iran", "hezbollah", 1, 1),
        ("iran", "syrian-government", 1, 1),
        ("russia", "hts", -1, 1),
        ("russia", "syrian-government", 1, 2),  # backs (2 sources) beats opposes (1)
        ("turkey", "hts", -1, 1),
    ]
    edge = S["russia"]["syrian-government"]
    assert (edge["positive"], edge["negative"], edge["contested"]) == (2, 1, True)
    assert edge["relations"] == ["backs", "opposes"]
    assert (edge["first_seen"], edge["last_seen"]) == ("2024-11-30", "2024-12-05")
    assert S.nodes["russia"]["label"] == "Russia"
    assert "assad" in S and not S.has_edge("assad", "syrian-government")
    aligned = signed_graph(library, positive=ALIGNED)
    assert aligned["assad"]["syrian-government"]["sign"] == 1


@pytest.mark.parametrize(
    ("backs", "opposes", "sign"),
    [
        (("2024-01-01", 1), ("2024-02-01", 1), -1),  # equal sources: the later report wins
        (("2024-03-01", 1), ("2024-02-01", 1), 1),
        ((None, 1), (None, 1), -1),  # a full tie: hostility
        ((None, 1), (None, 3), -1),
        (("2024-01-01", 2), ("2024-02-01", 1), 1),
    ],
)
def test_signed_graph_breaks_ties(
    backs: tuple[str | None, int], opposes: tuple[str | None, int], sign: int
) -> None:
    G = nx.MultiDiGraph()
    for kind, (day, sources) in (("backs", backs), ("opposes", opposes)):
        G.add_edge("a", "b", key=kind, relation=kind, sources=sources, last_seen=day)
    assert signed_graph(G)["a"]["b"]["sign"] == sign


def test_most_backed_and_opposed(library: nx.MultiDiGraph) -> None:
    S = signed_graph(library)
    assert [(r["actor"], r["count"], r["sources"], r["by"]) for r in most_backed(S)] == [
        ("syrian-government", 2, 3, ["russia", "iran"]),
        ("assad", 1, 1, ["hezbollah"]),
        ("hezbollah", 1, 1, ["iran"]),
    ]
    assert [(r["actor"], r["count"], r["sources"]) for r in most_opposed(S)] == [
        ("hts", 2, 2),
        ("syrian-government", 1, 2),
    ]
    assert [r["actor"] for r in most_backed(S, top=1)] == ["syrian-government"]


def test_brokers_find_the_bridge() -> None:
    G = nx.MultiDiGraph(
        [("a", "b"), ("b", "c"), ("c", "a"), ("c", "bridge"), ("bridge", "x"), ("x", "y")]
    )
    G.add_edge("y", "z")
    G.add_edge("z", "x")
    rows = brokers(G)
    assert [r["actor"] for r in rows] == ["bridge", "c", "x"]
    assert rows[0]["betweenness"] > rows[1]["betweenness"] == rows[2]["betweenness"]
    assert brokers(G, samples=3) == brokers(G, samples=3)  # sampled, but seeded


def test_balance_lists_the_triads_that_break_it() -> None:
    S = _signed(
        ("a", "b", 1, 1),
        ("b", "c", 1, 1),
        ("a", "c", -1, 1),  # a friend's friend is an enemy: unbalanced
        ("c", "d", -1, 1),
        ("b", "d", -1, 1),  # b, c friends with a common enemy d: balanced
        ("e", "f", -1, 1),
        ("f", "g", -1, 1),
        ("e", "g", -1, 1),  # three enemies: unbalanced
        ("g", "e", 1, 1),  # ... but g's backing of e cancels e's opposition: no tie
    )
    report = balance(S)
    assert (report["triads"], report["balanced"], report["ratio"]) == (2, 1, 0.5)
    assert report["unbalanced"] == [
        {"actors": ["a", "b", "c"], "signs": {"a-b": "+", "a-c": "-", "b-c": "+"}, "sources": 1}
    ]


def _random_signed(seed: int, size: int) -> nx.DiGraph:
    rng = random.Random(seed)
    S = nx.DiGraph()
    for _ in range(size * 4):
        u, v = rng.sample(range(size), 2)
        S.add_edge(f"n{u:02}", f"n{v:02}", sign=rng.choice((1, -1)), weight=rng.randint(1, 5))
    return S


def _triads_by_brute_force(S: nx.DiGraph) -> list[tuple[int, tuple[str, ...], bool]]:
    """Every triangle of the undirected net ties: (weakest tie, actors, balanced)."""
    net: dict[frozenset[str], int] = {}
    for u, v, d in S.edges(data=True):
        net[frozenset((u, v))] = net.get(frozenset((u, v)), 0) + d["sign"] * d["weight"]
    found = []
    for trio in itertools.combinations(sorted(S), 3):
        ties = [net.get(frozenset(pair), 0) for pair in itertools.combinations(trio, 2)]
        if all(ties):
            found.append((min(map(abs, ties)), trio, ties[0] * ties[1] * ties[2] > 0))
    return found


@pytest.mark.parametrize("seed", range(6))
def test_balance_counts_every_triad_and_keeps_the_best_sourced(seed: int) -> None:
    S = _random_signed(seed, 14)
    triads = _triads_by_brute_force(S)
    broken = sorted((-weakest, trio) for weakest, trio, ok in triads if not ok)
    report = balance(S)
    assert (report["triads"], report["balanced"]) == (len(triads), sum(ok for *_, ok in triads))
    assert [(-t["sources"], tuple(t["actors"])) for t in report["unbalanced"]] == broken
    top = balance(S, top=3)
    assert (top["triads"], top["balanced"]) == (report["triads"], report["balanced"])
    assert top["unbalanced"] == report["unbalanced"][:3]
    assert balance(S, top=0)["unbalanced"] == []


@pytest.mark.parametrize("seed", range(6))
def test_coalitions_end_where_no_single_move_lowers_frustration(seed: int) -> None:
    S = _random_signed(seed, 14)
    blocs = coalitions(S)
    current = frustration(S, blocs)
    for i, bloc in enumerate(blocs):
        for node in bloc:
            rest = [[n for n in b if n != node] for b in blocs]
            for j in range(len(blocs)):
                if j != i:
                    moved = [[*b, node] if k == j else b for k, b in enumerate(rest)]
                    assert frustration(S, moved) >= current
            assert frustration(S, [*rest, [node]]) >= current


def test_balance_of_the_library(library: nx.MultiDiGraph) -> None:
    report = balance(signed_graph(library, positive=ALIGNED))
    assert (report["triads"], report["balanced"], report["unbalanced"]) == (1, 1, [])


def test_coalitions_of_the_library(library: nx.MultiDiGraph) -> None:
    aligned = signed_graph(library, positive=ALIGNED)
    blocs = coalitions(aligned)
    assert blocs == [
        ["assad", "hezbollah", "iran", "russia", "syrian-government"],
        ["hts"],
        ["turkey"],
    ]
    assert frustration(aligned, blocs) == 0


def test_coalitions_split_camps_joined_by_one_tie() -> None:
    camps = [("a1", "a2"), ("a2", "a3"), ("a1", "a3"), ("b1", "b2"), ("b2", "b3"), ("b1", "b3")]
    S = _signed(
        *((u, v, 1, 1) for u, v in camps),
        ("a1", "b1", 1, 1),
        ("a2", "b2", -1, 1),
        ("a3", "b3", -1, 1),
        ("a2", "b3", -1, 1),
    )
    blocs = coalitions(S)
    assert blocs == [["a1", "a2", "a3"], ["b1", "b2", "b3"]]
    assert frustration(S, blocs) == 1 < frustration(S, [[n for b in blocs for n in b]])


def test_coalitions_move_a_turncoat() -> None:
    # t is tied to camp a by one old backing, to camp b by three
    S = _signed(
        ("a1", "a2", 1, 3),
        ("b1", "b2", 1, 3),
        ("a1", "b1", -1, 3),
        ("t", "a1", 1, 1),
        ("t", "b1", 1, 2),
        ("t", "b2", 1, 1),
    )
    assert coalitions(S) == [["b1", "b2", "t"], ["a1", "a2"]]


def test_coalitions_do_not_depend_on_edge_order() -> None:
    edges = [("a", "b", 1, 1), ("b", "c", -1, 2), ("c", "d", 1, 1), ("d", "a", -1, 1)]
    assert coalitions(_signed(*edges)) == coalitions(_signed(*reversed(edges)))


def test_support_chains(library: nx.MultiDiGraph) -> None:
    S = signed_graph(library)
    assert support_chains(S, "iran", "assad") == [
        {"path": ["iran", "hezbollah", "assad"], "sources": 1}
    ]
    assert support_chains(S, "assad", "iran") == []  # backing has a direction
    assert support_chains(S, "iran", "nobody") == []
    S2 = _signed(("a", "b", 1, 3), ("b", "d", 1, 2), ("a", "c", 1, 1), ("c", "d", 1, 5))
    S2.add_edge("a", "d", sign=-1, weight=1)
    assert [(c["path"], c["sources"]) for c in support_chains(S2, "a", "d")] == [
        (["a", "b", "d"], 2),
        (["a", "c", "d"], 1),
    ]
    assert support_chains(S2, "a", "d", cutoff=1) == []


def test_analyze_is_plain_data_and_formats(library: nx.MultiDiGraph) -> None:
    report = analyze(library, top=2, chain=("iran", "assad"))
    assert json.loads(json.dumps(report)) == report
    assert (report["actors"], report["edges"]) == (7, 10)
    assert [r["actor"] for r in report["most_backed"]] == ["syrian-government", "assad"]
    assert report["coalitions"][0]["labels"][0] == "Bashar al-Assad"
    assert report["chains"][0]["path"] == ["iran", "hezbollah", "assad"]
    text = format_analysis(report)
    assert "most backed:" in text and "Syrian government" in text
    assert "coalitions (frustration 0):" in text
    assert "iran -> hezbollah -> assad  (1)" in text


@pytest.mark.model
def test_the_seed_blocs_and_backers(tmp_path: Path) -> None:
    """Done-when of issue 4 on the seed article, with the real model and store."""
    with kg.open_graph(tmp_path / "store") as graph:
        graph.ingest([ROOT / "seeds"])
        backers = {row["backer"] for row in graph.query("backers", actor="Hezbollah")}
        G = graph.to_networkx()
    assert "https://w3id.org/kg/id/actor/iran" in backers
    blocs = coalitions(signed_graph(G, positive=ALIGNED))
    side = {actor: i for i, bloc in enumerate(blocs) for actor in bloc}
    government = {side[a] for a in ("russia", "iran", "hezbollah", "syrian-government")}
    rebels = {side[a] for a in ("syrian-rebels", "hts", "turkey")}
    assert len(government) == 1 and len(rebels) == 1 and government != rebels
    report = analyze(G)
    assert report["balance"]["unbalanced"] == []
    assert "Russia" in format_analysis(report)


@pytest.mark.parametrize("seed", range(4))
def test_analyze_reports_what_each_analysis_gives_on_the_signed_graphs(seed: int) -> None:
    """``analyze`` reads the aligned ties straight from the multigraph, without building
    their signed digraph: the answers must be those of the public functions."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    for _ in range(120):
        u, v = rng.sample([f"n{i:02}" for i in range(25)], 2)
        kind = rng.choice(["backs", "opposes", "meets_with", "leads", "member_of"])
        day = rng.choice([None, "2023-04-01", "2024-09-30"])
        G.add_edge(u, v, key=kind, relation=kind, sources=rng.randint(0, 3), last_seen=day)
    aligned = signed_graph(G, positive=ALIGNED)
    report = analyze(G, top=5)
    assert report["balance"] == balance(aligned, top=5)
    blocs = coalitions(aligned)
    assert [c["actors"] for c in report["coalitions"]] == blocs
    assert report["frustration"] == frustration(aligned, blocs)
    assert report["most_backed"] == most_backed(signed_graph(G), top=5)
    assert report["balance"]["triads"] > 0 and len(blocs) > 1
