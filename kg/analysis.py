"""Network analysis of the actor graph, networkx style: a graph in, plain data out.

Most questions are about sides, so they run on a signed digraph built from the
``to_networkx`` multigraph by ``signed_graph``: ``backs`` is a positive tie, ``opposes``
a negative one, and the weight is the number of independent sources, so a claim
syndicated to ten papers weighs what one report weighs. For sides as a whole
(``balance``, ``coalitions``) ``ALIGNED`` also counts ``leads`` and ``member_of`` as
positive ties: a leader and the group it leads, a member and its alliance, stand on
one side.

Every function returns lists and dicts of strings and numbers, ready for JSON, and
gives the same answer for the same graph whatever the order its edges were added in.

>>> G = nx.MultiDiGraph()
>>> G.add_edge("iran", "hezbollah", key="backs", relation="backs", sources=2)
'backs'
>>> G.add_edge("israel", "hezbollah", key="opposes", relation="opposes", sources=1)
'opposes'
>>> coalitions(signed_graph(G))
[['hezbollah', 'iran'], ['israel']]
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable
from typing import Any

import networkx as nx

from .bulk import collector_paused
from .format import table

__all__ = [
    "ALIGNED",
    "analyze",
    "balance",
    "brokers",
    "coalitions",
    "format_analysis",
    "frustration",
    "most_backed",
    "most_opposed",
    "signed_graph",
    "support_chains",
]

ALIGNED = ("backs", "leads", "member_of")
"""Relation types that put two actors on one side, for ``balance`` and ``coalitions``."""

_HOSTILE = ("opposes",)
_ROUNDS = 50  # of single moves in ``coalitions``: a local optimum comes in a few
_SIGN = {1: "+", -1: "-"}


def signed_graph(
    G: nx.MultiDiGraph,
    *,
    positive: Iterable[str] = ("backs",),
    negative: Iterable[str] = _HOSTILE,
) -> nx.DiGraph:
    """The aggregated signed digraph: one edge per ordered pair of actors.

    Edge attributes: ``sign`` (+1 or -1), ``weight`` (independent sources of the
    winning sign), ``positive`` and ``negative`` (independent sources of each sign,
    the largest over the relation types of that sign), ``relations`` (the types
    seen), ``contested`` (both signs, or a contested underlying edge), ``first_seen``
    and ``last_seen``. When both signs have as many sources, the one reported last
    wins, and hostility wins a full tie. Nodes are the actors with a signed edge,
    with their attributes.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="backs", relation="backs", sources=1)
    >>> _ = G.add_edge("a", "b", key="opposes", relation="opposes", sources=3)
    >>> S = signed_graph(G)
    >>> S["a"]["b"]["sign"], S["a"]["b"]["weight"], S["a"]["b"]["contested"]
    (-1, 3, True)
    """
    pairs = _signed_pairs(G, positive, negative)
    S = nx.DiGraph()
    for u, v in pairs:
        for node in (u, v):
            if node not in S:
                S.add_node(node, **G.nodes[node])
    S.add_edges_from((u, v, tie) for (u, v), tie in pairs.items())
    return S


def _signed_pairs(
    G: nx.MultiDiGraph, positive: Iterable[str], negative: Iterable[str]
) -> dict[tuple[str, str], dict[str, Any]]:
    """``signed_graph``'s edges: each ordered pair's attributes, pairs in sorted order.

    One pass over the multigraph keeping a few numbers and dates a pair (the latest date
    of each sign decides an even contest), then one dict a pair: at a million claims the
    graph has hundreds of thousands of edges."""
    sides = {kind: 1 for kind in positive} | {kind: -1 for kind in negative}
    # per pair: positive, negative, relations, contested, latest + date, latest - date,
    # first date, last date ("" for none)
    acc: dict[tuple[str, str], list[Any]] = {}
    for u, v, key, data in G.edges(keys=True, data=True):
        relation = data.get("relation", key)
        sign = sides.get(relation)
        if sign is None:
            continue
        entry = acc.get((u, v))
        if entry is None:
            entry = acc[u, v] = [0, 0, [], False, "", "", "", ""]
        sources = int(data.get("sources") or 0) or 1
        side = 0 if sign > 0 else 1
        if sources > entry[side]:
            entry[side] = sources
        entry[2].append(relation)
        if data.get("contested"):
            entry[3] = True
        first, last = data.get("first_seen") or "", data.get("last_seen") or ""
        if first or last:
            # plain comparisons, not max() and min(): this loop runs once an edge
            earliest, latest = (
                (first, last) if first and (not last or first <= last) else (last, first)
            )
            latest = latest or earliest
            if latest > entry[4 + side]:
                entry[4 + side] = latest
            if latest > entry[7]:
                entry[7] = latest
            if not entry[6] or earliest < entry[6]:
                entry[6] = earliest
    pairs = {}
    for pair in sorted(acc):
        up, down, relations, contested, up_date, down_date, first, last = acc[pair]
        sign = (1 if up > down else -1) if up != down else (1 if up_date > down_date else -1)
        pairs[pair] = {
            "positive": up,
            "negative": down,
            "relations": sorted(set(relations)) if len(relations) > 1 else relations,
            "contested": contested or (up > 0 and down > 0),
            "sign": sign,
            "weight": up if sign > 0 else down,
            "first_seen": first or None,
            "last_seen": last or None,
        }
    return pairs


def most_backed(S: nx.DiGraph, *, top: int = 10) -> list[dict[str, Any]]:
    """The actors with the most backers (positive in-edges), then the most sources.

    >>> S = nx.DiGraph()
    >>> S.add_edge("iran", "assad", sign=1, weight=2)
    >>> S.add_edge("russia", "assad", sign=1, weight=1)
    >>> [(r["actor"], r["count"], r["sources"], r["by"]) for r in most_backed(S)]
    [('assad', 2, 3, ['iran', 'russia'])]
    """
    return _ranked_in_edges(S, 1, top)


def most_opposed(S: nx.DiGraph, *, top: int = 10) -> list[dict[str, Any]]:
    """The actors with the most opponents (negative in-edges), then the most sources.

    >>> S = nx.DiGraph()
    >>> S.add_edge("israel", "hezbollah", sign=-1, weight=1)
    >>> [(r["actor"], r["by"]) for r in most_opposed(S)]
    [('hezbollah', ['israel'])]
    """
    return _ranked_in_edges(S, -1, top)


def brokers(
    G: nx.Graph, *, top: int = 10, samples: int = 300, budget: int = 5_000_000
) -> list[dict[str, Any]]:
    """The actors most often on the shortest paths between two others (normalised
    betweenness of the undirected graph of every relation), those with none left out.

    Exact up to ``samples`` actors; on larger graphs estimated from the shortest paths
    out of ``samples`` actors drawn with a fixed seed (exact betweenness takes minutes
    from a few thousand actors on), and out of fewer on a dense graph, so that the
    search visits at most ``budget`` edges (each source visits them all).

    >>> G = nx.MultiDiGraph([("iran", "hezbollah"), ("hezbollah", "assad")])
    >>> brokers(G)
    [{'actor': 'hezbollah', 'label': 'hezbollah', 'betweenness': 1.0}]
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes))
    H.add_edges_from(sorted({(min(u, v), max(u, v)) for u, v in G.edges() if u != v}))
    pivots = min(samples, max(1, budget // max(1, H.number_of_edges())))
    pivots = pivots if H.number_of_nodes() > pivots else None
    scores = nx.betweenness_centrality(H, k=pivots, normalized=True, seed=0)
    ranked = sorted((-round(b, 4), n) for n, b in scores.items() if b > 0)
    return [{"actor": n, "label": _label(G, n), "betweenness": -score} for score, n in ranked[:top]]


def balance(S: nx.DiGraph, *, top: int | None = None) -> dict[str, Any]:
    """Structural balance: the triangles of the signed graph and those that break it.

    A triad is balanced when it has an even number of negative ties (the friend of a
    friend is a friend, the enemy of an enemy a friend). Ties are undirected: both
    directions add up, and a pair whose directions cancel out is no tie. ``unbalanced``
    lists the triads that break balance, each with its three signs and ``sources``, the
    weight of its weakest tie: best sourced first, then by actor ids. ``top`` keeps that
    many of them (a dense graph has millions); ``triads`` and ``balanced`` count all.

    >>> S = nx.DiGraph()
    >>> S.add_edge("a", "b", sign=1, weight=1); S.add_edge("b", "c", sign=1, weight=1)
    >>> S.add_edge("a", "c", sign=-1, weight=1)
    >>> report = balance(S)
    >>> report["triads"], report["balanced"], report["unbalanced"][0]["signs"]
    (1, 0, {'a-b': '+', 'a-c': '-', 'b-c': '+'})
    """
    return _balance(_ties(S), top)


def _balance(ties: dict[str, dict[str, int]], top: int | None) -> dict[str, Any]:
    later = {a: {n for n in of_a if n > a} for a, of_a in ties.items()}
    ups = {a: {n for n in above if ties[a][n] > 0} for a, above in later.items()}
    downs = {a: later[a] - ups[a] for a in later}
    triads = balanced = 0
    kept: list[tuple[int, int, tuple[str, str, str]]] = []  # min-heap: the worst kept first
    order = itertools.count()
    for a in sorted(ties):
        for b in sorted(later[a]):
            ab, common = ties[a][b], later[a] & later[b]
            # counted with set operations: a dense graph has millions of triads
            same = len(ups[a] & ups[b]) + len(downs[a] & downs[b])
            good = same if ab > 0 else len(common) - same
            triads += len(common)
            balanced += good
            full = top is not None and len(kept) >= top
            if good == len(common) or (full and (not kept or abs(ab) <= kept[0][0])):
                continue  # no triad of this pair can be kept: its weakest tie is at most ab
            for c in sorted(common):
                ac, bc = ties[a][c], ties[b][c]
                if ab * ac * bc > 0:
                    continue
                item = (min(abs(ab), abs(ac), abs(bc)), -next(order), (a, b, c))
                if top is None or len(kept) < top:
                    heapq.heappush(kept, item)
                elif kept and item[0] > kept[0][0]:
                    heapq.heapreplace(kept, item)
    unbalanced = []
    for weakest, _, (a, b, c) in sorted(kept, key=lambda item: (-item[0], -item[1])):
        pairs = ((a, b), (a, c), (b, c))
        signs = {f"{x}-{y}": _SIGN[1 if ties[x][y] > 0 else -1] for x, y in pairs}
        unbalanced.append({"actors": [a, b, c], "signs": signs, "sources": weakest})
    return {
        "triads": triads,
        "balanced": balanced,
        "ratio": round(balanced / triads, 4) if triads else None,
        "unbalanced": unbalanced,
    }


def coalitions(S: nx.DiGraph, *, rounds: int = _ROUNDS) -> list[list[str]]:
    """A partition of the signed graph into blocs with low frustration.

    Frustration is the weight of positive ties between blocs plus negative ties within
    one (``frustration``). The number of blocs is not fixed. Each actor starts in a bloc
    of its own; the two blocs with the heaviest net positive tie merge, again and again,
    while some pair has one. Then actors move one at a time, in id order, to the bloc
    (or a new bloc of their own) that lowers frustration most, until no move helps.
    Deterministic; a local optimum, found in seconds where an exact answer would take
    hours on a few thousand actors. Blocs are sorted by size, then first id; actors
    without a signed tie are left out.

    >>> S = nx.DiGraph()
    >>> S.add_edge("russia", "assad", sign=1, weight=1)
    >>> S.add_edge("turkey", "rebels", sign=1, weight=1)
    >>> S.add_edge("rebels", "assad", sign=-1, weight=2)
    >>> coalitions(S)
    [['assad', 'russia'], ['rebels', 'turkey']]
    """
    return _coalitions(_ties(S), rounds)


def _coalitions(ties: dict[str, dict[str, int]], rounds: int) -> list[list[str]]:
    bloc = _agglomerate(ties)
    fresh = itertools.count(len(bloc))
    for _ in range(rounds):
        moved = False
        for node in sorted(ties):
            costs = _move_costs(ties[node], bloc, node)
            new = next(fresh)
            costs.setdefault(new, _cost_apart(ties[node]))
            best = min(costs, key=lambda b: (costs[b], b != bloc[node], b))
            if best != bloc[node] and costs[best] < costs[bloc[node]]:
                bloc[node] = best
                moved = True
        if not moved:
            break
    groups: dict[int, list[str]] = {}
    for node in sorted(bloc):
        groups.setdefault(bloc[node], []).append(node)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def frustration(S: nx.DiGraph, blocs: Iterable[Iterable[str]]) -> int:
    """The weight of ties a partition contradicts: positive between blocs, negative
    within one. Actors in no bloc count as blocs of their own.

    >>> S = nx.DiGraph()
    >>> S.add_edge("a", "b", sign=-1, weight=2)
    >>> frustration(S, [["a", "b"]]), frustration(S, [["a"], ["b"]])
    (2, 0)
    """
    return _frustration(_ties(S), blocs)


def _frustration(ties: dict[str, dict[str, int]], blocs: Iterable[Iterable[str]]) -> int:
    where = {node: number for number, members in enumerate(blocs) for node in members}
    total = 0
    for u, of_u in ties.items():
        for v, tie in of_u.items():
            same = u in where and v in where and where[u] == where[v]
            if u < v and (tie > 0) != same:
                total += abs(tie)
    return total


def support_chains(
    S: nx.DiGraph, source: str, target: str, *, cutoff: int = 4
) -> list[dict[str, Any]]:
    """Chains of backing from ``source`` to ``target``: A backs B backs ... backs target.

    At most ``cutoff`` hops. Each chain has its path and ``sources``, the independent
    sources of its weakest link; shortest first, then best sourced.

    >>> S = nx.DiGraph()
    >>> S.add_edge("iran", "hezbollah", sign=1, weight=2)
    >>> S.add_edge("hezbollah", "assad", sign=1, weight=1)
    >>> support_chains(S, "iran", "assad")
    [{'path': ['iran', 'hezbollah', 'assad'], 'sources': 1}]
    """
    P = nx.DiGraph((u, v, d) for u, v, d in S.edges(data=True) if d["sign"] > 0)
    if source not in P or target not in P or source == target:
        return []
    chains = [
        {"path": path, "sources": min(P[u][v]["weight"] for u, v in itertools.pairwise(path))}
        for path in nx.all_simple_paths(P, source, target, cutoff=cutoff)
    ]
    return sorted(chains, key=lambda c: (len(c["path"]), -c["sources"], c["path"]))


def analyze(
    G: nx.MultiDiGraph, *, top: int = 10, chain: tuple[str, str] | None = None
) -> dict[str, Any]:
    """Everything ``kg analyze`` reports, as plain data (JSON-ready).

    ``most_backed``, ``most_opposed`` and support chains read backs and opposes;
    ``brokers`` every relation; ``balance`` and ``coalitions`` the ``ALIGNED`` graph.
    ``chain`` names two actor ids to find support chains between.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("iran", "hezbollah", key="backs", relation="backs", sources=1)
    >>> report = analyze(G, chain=("iran", "hezbollah"))
    >>> report["coalitions"][0]["actors"], report["chains"][0]["path"]
    (['hezbollah', 'iran'], ['iran', 'hezbollah'])
    """
    with collector_paused():  # millions of small dicts and sets on a large graph
        S = signed_graph(G)
        # the aligned ties straight from the multigraph: no signed digraph is built for them
        pairs = _signed_pairs(G, ALIGNED, _HOSTILE)
        aligned = _net_ties((u, v, tie["sign"] * tie["weight"]) for (u, v), tie in pairs.items())
        blocs = _coalitions(aligned, _ROUNDS)
        report: dict[str, Any] = {
            "actors": G.number_of_nodes(),
            "edges": G.number_of_edges(),
            "most_backed": most_backed(S, top=top),
            "most_opposed": most_opposed(S, top=top),
            "brokers": brokers(G, top=top),
            "balance": _balance(aligned, top),
            "coalitions": [
                {"bloc": i, "actors": members, "labels": [_label(G, n) for n in members]}
                for i, members in enumerate(blocs, start=1)
            ],
            "frustration": _frustration(aligned, blocs),
        }
        if chain is not None:
            report["chains"] = support_chains(S, *chain)
    return report


def format_analysis(report: dict[str, Any]) -> str:
    """``analyze``'s report as text tables for the terminal.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("iran", "hezbollah", key="backs", relation="backs", sources=1)
    >>> print(format_analysis(analyze(G)).splitlines()[0])
    actors: 2   edges: 1
    """
    parts = [f"actors: {report['actors']}   edges: {report['edges']}"]
    for key, title in (("most_backed", "most backed"), ("most_opposed", "most opposed")):
        rows = [
            {"actor": r["label"], "count": r["count"], "sources": r["sources"], "by": r["by"]}
            for r in report[key]
        ]
        parts.append(_section(title, [{**r, "by": ", ".join(r["by"])} for r in rows]))
    brokered = [{"actor": r["label"], "betweenness": r["betweenness"]} for r in report["brokers"]]
    parts.append(_section("brokers (betweenness)", brokered))
    bal = report["balance"]
    parts.append(
        f"structural balance: {bal['balanced']} of {bal['triads']} triads balanced"
        + _shown(len(bal["unbalanced"]), bal["triads"] - bal["balanced"])
        + "".join(
            "\n  breaks balance: "
            + ", ".join(f"{pair} {sign}" for pair, sign in t["signs"].items())
            + f"  ({t['sources']})"
            for t in bal["unbalanced"]
        )
    )
    parts.append(
        f"coalitions (frustration {report['frustration']}):"
        + "".join(f"\n  {b['bloc']}. {', '.join(b['labels'])}" for b in report["coalitions"])
    )
    if "chains" in report:
        parts.append(
            "support chains (weakest link's sources):"
            + "".join(f"\n  {' -> '.join(c['path'])}  ({c['sources']})" for c in report["chains"])
            + ("" if report["chains"] else "\n  (none)")
        )
    return "\n\n".join(parts)


def _ranked_in_edges(S: nx.DiGraph, sign: int, top: int) -> list[dict[str, Any]]:
    rows = []
    for node in S:
        by = sorted(
            ((-d["weight"], u) for u, _, d in S.in_edges(node, data=True) if d["sign"] == sign)
        )
        if by:
            rows.append(
                {
                    "actor": node,
                    "label": _label(S, node),
                    "count": len(by),
                    "sources": -sum(w for w, _ in by),
                    "by": [u for _, u in by],
                }
            )
    rows.sort(key=lambda r: (-r["count"], -r["sources"], r["actor"]))
    return rows[:top]


def _ties(S: nx.DiGraph) -> dict[str, dict[str, int]]:
    return _net_ties((u, v, data["sign"] * data["weight"]) for u, v, data in S.edges(data=True))


def _net_ties(signed: Iterable[tuple[str, str, int]]) -> dict[str, dict[str, int]]:
    """The undirected signed ties, both directions of a pair summed (sign times weight),
    as an adjacency of plain dicts; pairs that cancel out, and actors left without a
    tie, are dropped. Plain dicts: triads and moves look ties up millions of times on a
    large graph."""
    net: dict[tuple[str, str], int] = {}
    for u, v, tie in signed:
        if u != v:
            pair = (min(u, v), max(u, v))
            net[pair] = net.get(pair, 0) + tie
    ties: dict[str, dict[str, int]] = {}
    for (u, v), tie in sorted(net.items()):
        if tie:
            ties.setdefault(u, {})[v] = ties.setdefault(v, {})[u] = tie
    return ties


def _agglomerate(ties: dict[str, dict[str, int]]) -> dict[str, int]:
    """Greedy merging: join the two blocs with the heaviest net positive tie until none
    is left; ties between equal candidates go to the smallest bloc numbers."""
    numbers = {node: i for i, node in enumerate(sorted(ties))}
    bloc = dict(numbers)
    members: dict[int, list[str]] = {i: [node] for node, i in numbers.items()}
    net: dict[int, dict[int, int]] = {
        numbers[u]: {numbers[v]: tie for v, tie in of_u.items()} for u, of_u in ties.items()
    }
    heap = [(-w, a, b) for a, of_a in net.items() for b, w in of_a.items() if a < b and w > 0]
    heapq.heapify(heap)
    while heap:
        weight, keep, gone = heapq.heappop(heap)
        if gone not in members or keep not in members or net[keep].get(gone) != -weight:
            continue  # stale: one of the blocs merged since, or their tie changed
        for node in members.pop(gone):
            bloc[node] = keep
            members[keep].append(node)
        for other, tie in net.pop(gone).items():
            del net[other][gone]
            if other != keep:
                total = net[keep][other] = net[other][keep] = net[keep].get(other, 0) + tie
                if total > 0:  # the other ties of the merged bloc keep their valid entries
                    heapq.heappush(heap, (-total, min(keep, other), max(keep, other)))
    return bloc


def _cost_apart(ties: dict[str, int]) -> int:
    """The frustration of an actor's ties in a bloc of its own: its positive ties."""
    return sum(tie for tie in ties.values() if tie > 0)


def _move_costs(ties: dict[str, int], bloc: dict[str, int], node: str) -> dict[int, int]:
    """The frustration of ``node``'s ties in its bloc and in each of its neighbours'.

    In bloc t it is its positive ties to other blocs plus its negative ties within t:
    the positive total less the net tie into t, found in one pass over its ties."""
    into = {bloc[node]: 0}
    for other, tie in ties.items():
        into[bloc[other]] = into.get(bloc[other], 0) + tie
    apart = _cost_apart(ties)
    return {b: apart - tie for b, tie in into.items()}


def _shown(listed: int, total: int) -> str:
    return f"; {total} break it, the {listed} best sourced below" if listed < total else ""


def _label(G: nx.Graph, node: str) -> str:
    return str(G.nodes[node].get("label") or node) if node in G else node


def _section(title: str, rows: list[dict[str, Any]]) -> str:
    return f"{title}:\n" + (table(rows) if rows else "  (none)")
