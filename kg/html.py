"""The interactive view: one self-contained HTML file that opens offline and runs no article text.

The page is built from pyvis's node and edge records and vis-network 9.1.2 as bundled by
pyvis for ``cdn_resources="in_line"``, but through our own template: pyvis's template links
bootstrap from a CDN and fills tooltips with ``innerHTML``. Graph data travels as one JSON
block (``<script type="application/json">``, with ``<``, ``>`` and ``&`` escaped) that the
page's own script reads and shows with ``textContent`` only, so text from an article can
never become markup or code. A Content-Security-Policy forbids every network request.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment
from markupsafe import Markup
from pyvis.network import Network

from kg.errors import QueryError
from kg.model import ActorType, RelationType

__all__ = [
    "ACTOR_STYLES",
    "RELATION_COLOURS",
    "ActorStyle",
    "generate_html",
    "render_html",
    "subgraph",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ActorStyle:
    """How one actor type is drawn: a vis-network shape, its matplotlib marker and a colour."""

    shape: str
    marker: str
    colour: str
    glyph: str


# Shape and colour both encode the type, so the legend still reads in greyscale.
ACTOR_STYLES: dict[str, ActorStyle] = {
    ActorType.STATE: ActorStyle("dot", "o", "#f2b134", "●"),
    ActorType.GOVERNMENT: ActorStyle("square", "s", "#6fa8dc", "■"),
    ActorType.ARMED_GROUP: ActorStyle("triangle", "^", "#e06666", "▲"),
    ActorType.ORGANIZATION: ActorStyle("diamond", "D", "#93c47d", "◆"),
    ActorType.PERSON: ActorStyle("hexagon", "h", "#b4a7d6", "⬢"),
}
UNKNOWN_STYLE = ActorStyle("dot", "o", "#cccccc", "●")

RELATION_COLOURS: dict[str, str] = {
    RelationType.BACKS: "#2e7d32",
    RelationType.OPPOSES: "#c62828",
    RelationType.MEETS_WITH: "#1565c0",
    RelationType.LEADS: "#6a1b9a",
    RelationType.MEMBER_OF: "#8d6e63",
}
UNKNOWN_COLOUR = "#888888"

_ASSETS = files("kg") / "assets"
_VIS = files("pyvis") / "templates" / "lib" / "vis-9.1.2"
# Above this many actors the page skips vis's slow "improved layout" and hides edges while dragging.
_LARGE = 150


def subgraph(
    G: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 1,
    relations: Iterable[str] | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    min_sources: int = 1,
    max_edges: int | None = None,
) -> nx.MultiDiGraph:
    """The part of ``G`` a reader asked to see; a new graph, ``G`` is left untouched.

    Edges are kept when their type is in ``relations``, they have at least ``min_sources``
    independent sources and their ``first_seen``..``last_seen`` period meets
    ``since``..``until`` (an undated edge cannot be placed in a period, so a period drops
    it). ``focus`` (an actor id, label or alias) then keeps the actors within ``depth``
    kept edges of it, in either direction. Actors whose every edge was filtered out are
    dropped; actors that had no edge to begin with stay unless a focus is given. Of more
    than ``max_edges`` edges, the ``max_edges`` with the most sources (then claims) stay,
    with their actors and the focus.

    Raises:
        QueryError: an unknown focus actor or relation type, a malformed date, a period
            that ends before it starts, or a negative depth.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("iran", "hezbollah", key="backs", relation="backs", sources=2)
    'backs'
    >>> G.add_edge("israel", "hezbollah", key="opposes", relation="opposes", sources=1)
    'opposes'
    >>> sorted(subgraph(G, relations=["backs"]).nodes)
    ['hezbollah', 'iran']
    >>> sorted(subgraph(G, min_sources=2).edges(keys=True))
    [('iran', 'hezbollah', 'backs')]
    >>> sorted(subgraph(G, max_edges=1).nodes)
    ['hezbollah', 'iran']
    """
    if depth < 0:
        raise QueryError(f"view depth must be 0 or more, got {depth}")
    if max_edges is not None and max_edges < 1:
        raise QueryError(f"a view needs at least one edge, got max_edges={max_edges}")
    wanted = _relation_set(relations)
    start = _iso_date(since, "since")
    end = _iso_date(until, "until")
    if start and end and end < start:
        raise QueryError(f"view period ends ({end}) before it starts ({start}); swap the dates")

    def keep(data: dict[str, Any], key: object) -> bool:
        relation = str(data.get("relation", key))
        if wanted is not None and relation not in wanted:
            return False
        if int(data.get("sources") or 0) < min_sources:
            return False
        first = _day(data.get("first_seen")) or _day(data.get("last_seen"))
        last = _day(data.get("last_seen")) or first
        if start and (last is None or last < start):
            return False
        return not (end and (first is None or first > end))

    edges = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if keep(d, k)]
    touched = {n for u, v, _, _ in edges for n in (u, v)}
    nodes = [n for n in G if n in touched or G.degree(n) == 0]
    centre = None
    if focus is not None:
        centre = _resolve_actor(G, focus)
        near = _neighbourhood(centre, edges, depth)
        nodes = [n for n in nodes if n in near] or [centre]
        edges = [e for e in edges if e[0] in near and e[1] in near]
    left_out = 0
    if max_edges is not None and len(edges) > max_edges:
        log.warning(
            "the view shows the %d best-sourced of %d edges (max_edges)", max_edges, len(edges)
        )
        left_out = len(edges) - max_edges
        edges = sorted(edges, key=_strength)[:max_edges]
        touched = {n for u, v, _, _ in edges for n in (u, v)}
        nodes = [n for n in nodes if n in touched or n == centre]
    H = nx.MultiDiGraph(**G.graph)
    if left_out:
        H.graph["edges_left_out"] = left_out  # the page says it shows the best sourced
    H.add_nodes_from((n, dict(G.nodes[n])) for n in nodes)
    H.add_edges_from((u, v, k, dict(d)) for u, v, k, d in edges)
    return H


def render_html(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    focus: str | None = None,
    depth: int = 1,
    relations: Iterable[str] | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    min_sources: int = 1,
    max_edges: int | None = None,
    title: str = "kg: actor graph",
) -> Path:
    """Write the interactive view of ``G`` (filtered as in :func:`subgraph`) to ``path``.

    Writes that one file and nothing else: no ``lib/`` folder, nothing fetched at view time.

    Raises:
        QueryError: as :func:`subgraph`.

    >>> import tempfile
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("iran", label="Iran", type="state", aliases=["Tehran"], wikidata="Q794")
    >>> G.add_node("hezbollah", label="Hezbollah", type="armed_group", aliases=[], wikidata=None)
    >>> _ = G.add_edge("iran", "hezbollah", key="backs", relation="backs", sources=2, evidence=[])
    >>> out = render_html(G, Path(tempfile.mkdtemp()) / "view.html", title="Iran's allies")
    >>> "<title>Iran&#39;s allies</title>" in out.read_text(encoding="utf-8")
    True
    """
    H = subgraph(
        G,
        focus=focus,
        depth=depth,
        relations=relations,
        since=since,
        until=until,
        min_sources=min_sources,
        max_edges=max_edges,
    )
    out = Path(path)
    out.write_text(generate_html(H, title=title), encoding="utf-8")
    log.info("wrote %s: %d actors, %d edges", out, H.number_of_nodes(), H.number_of_edges())
    return out


def generate_html(G: nx.MultiDiGraph, *, title: str) -> str:
    """The page for ``G`` as a string: the pure half of :func:`render_html`."""
    nodes, edges = _vis_records(G)
    payload = {
        "title": title,
        "leftOut": int(G.graph.get("edges_left_out", 0)),
        "nodes": nodes,
        "edges": edges,
        "options": _vis_options(G.number_of_nodes()),
        "actorTypes": [
            {"type": str(t), "colour": s.colour, "glyph": s.glyph} for t, s in ACTOR_STYLES.items()
        ],
        "relations": [
            {"relation": str(r), "colour": RELATION_COLOURS[r], "directed": not r.symmetric}
            for r in RelationType
        ],
    }
    vis_js = (_VIS / "vis-network.min.js").read_text(encoding="utf-8")
    # Drop the source-map comment so even an open DevTools fetches nothing.
    vis_js = re.sub(r"^//# sourceMappingURL=.*$", "", vis_js, flags=re.MULTILINE)
    template = Environment(autoescape=True).from_string(
        (_ASSETS / "view.html.j2").read_text(encoding="utf-8")
    )
    return template.render(
        title=title,
        vis_css=Markup((_VIS / "vis-network.css").read_text(encoding="utf-8")),
        vis_js=Markup(vis_js),
        view_css=Markup((_ASSETS / "view.css").read_text(encoding="utf-8")),
        view_js=Markup((_ASSETS / "view.js").read_text(encoding="utf-8")),
        data=Markup(_script_json(payload)),
    )


def _script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survive.

    >>> _script_json({"q": "</script><b>&"})
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, default=str)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _vis_records(G: nx.MultiDiGraph) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """pyvis node and edge records: styling for vis-network plus the data the side panel shows."""
    net = Network(directed=True, cdn_resources="in_line")
    for n, data in G.nodes(data=True):
        label = str(data.get("label") or n)
        kind = str(data.get("type") or "")
        style = ACTOR_STYLES.get(kind, UNKNOWN_STYLE)
        degree = G.degree(n)
        net.add_node(
            n,
            label=label,
            shape=style.shape,
            color=style.colour,
            value=degree,
            title=f"{label} · {kind or 'unknown type'} · {degree} link{'s' * (degree != 1)}",
            kind=kind,
            aliases=[str(a) for a in data.get("aliases") or []],
            wikidata=data.get("wikidata"),
        )
    offsets = _parallel_offsets(G)
    for u, v, key, data in G.edges(keys=True, data=True):
        relation = str(data.get("relation", key))
        colour = RELATION_COLOURS.get(relation, UNKNOWN_COLOUR)
        sources = int(data.get("sources") or 0)
        record: dict[str, Any] = {
            "id": f"{u}|{key}|{v}",
            "color": {"color": colour, "highlight": colour, "hover": colour, "inherit": False},
            "arrows": {"to": {"enabled": relation != RelationType.MEETS_WITH}},
            "width": min(1.5 + 1.5 * (max(sources, 1) - 1), 9.0),
            "dashes": bool(data.get("contested")) or sources <= 1,
            "title": _edge_tooltip(G, u, v, relation, data),
            "relation": relation,
            "subtypes": [str(s) for s in data.get("subtypes") or []],
            "claims": int(data.get("claims") or 0),
            "sources": sources,
            "documents": [str(d) for d in data.get("documents") or []],
            "first_seen": _day(data.get("first_seen")),
            "last_seen": _day(data.get("last_seen")),
            "contested": bool(data.get("contested")),
            "evidence": [dict(e) for e in data.get("evidence") or []],
        }
        offset = offsets.get((u, v, key), 0.0)
        if offset:
            # Parallel edges between one pair bend to either side instead of overlapping.
            clockwise = (offset > 0) == (str(u) < str(v))
            record["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": abs(offset),
            }
        net.add_edge(u, v, **record)
    nodes, edges, *_ = net.get_network_data()
    return nodes, edges


def _parallel_offsets(G: nx.MultiDiGraph) -> dict[tuple[Any, Any, Any], float]:
    """A signed bend for each edge that shares its pair of actors with another edge."""
    pairs: dict[tuple[str, str], list[tuple[Any, Any, Any]]] = defaultdict(list)
    for u, v, key in G.edges(keys=True):
        a, b = sorted((str(u), str(v)))
        pairs[a, b].append((u, v, key))
    offsets = {}
    for group in pairs.values():
        if len(group) > 1:
            for i, edge in enumerate(sorted(group, key=str)):
                offsets[edge] = 0.25 * (i - (len(group) - 1) / 2)
    return offsets


def _edge_tooltip(G: nx.MultiDiGraph, u: Any, v: Any, relation: str, data: dict[str, Any]) -> str:
    subject = G.nodes[u].get("label") or u
    obj = G.nodes[v].get("label") or v
    sources = int(data.get("sources") or 0)
    text = f"{subject} {relation.replace('_', ' ')} {obj} · {sources} source{'s' * (sources != 1)}"
    first, last = _day(data.get("first_seen")), _day(data.get("last_seen"))
    if first or last:
        text += f" · {first or '?'} to {last or '?'}" if first != last else f" · {first}"
    return text + (" · contested" if data.get("contested") else "")


def _vis_options(n_nodes: int) -> dict[str, Any]:
    """vis-network options: physics runs only until the layout settles (the page then stops it)."""
    large = n_nodes > _LARGE
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": not large},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -90,
                "centralGravity": 0.01,
                "springLength": 140,
                "springConstant": 0.06,
                "avoidOverlap": 0.4,
                # a coarser Barnes-Hut approximation halves each step on large graphs
                "theta": 1.0 if large else 0.5,
            },
            "stabilization": {
                "enabled": True,
                # ~20 ms a step at 2,000 actors on two cores (bench/bench_view.py)
                "iterations": max(100, 150_000 // n_nodes) if large else 1000,
                "updateInterval": 25,
                "fit": True,
            },
            "minVelocity": 0.75,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large},
        "nodes": {
            "borderWidth": 1.5,
            "scaling": {
                "min": 10,
                "max": 36,
                "label": {"enabled": True, "min": 13, "max": 22, "drawThreshold": 6},
            },
            "font": {"face": "system-ui, sans-serif", "strokeWidth": 4, "strokeColor": "#ffffff"},
        },
        "edges": {
            "smooth": {"enabled": not large, "type": "continuous", "roundness": 0.2},
            "arrows": {"to": {"scaleFactor": 0.6}},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
    }


def _strength(edge: tuple[Any, Any, Any, dict[str, Any]]) -> tuple[int, int, str, str, str]:
    """Sorts the edges with the most sources, then claims, first; ties in a fixed order."""
    u, v, k, data = edge
    return (-int(data.get("sources") or 0), -int(data.get("claims") or 0), str(u), str(v), str(k))


def _relation_set(relations: Iterable[str] | None) -> frozenset[str] | None:
    if relations is None:
        return None
    wanted = frozenset(str(r) for r in ([relations] if isinstance(relations, str) else relations))
    unknown = sorted(wanted - {str(r) for r in RelationType})
    if unknown:
        known = ", ".join(r.value for r in RelationType)
        raise QueryError(f"unknown relation type(s) {', '.join(unknown)}; use one of {known}")
    return wanted


def _iso_date(value: date | str | None, name: str) -> str | None:
    if value is None or isinstance(value, date):
        return value.isoformat()[:10] if value else None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError as err:
        raise QueryError(f"view {name}={value!r} is not a date; write it as YYYY-MM-DD") from err


def _day(value: object) -> str | None:
    """The YYYY-MM-DD part of an ISO date or datetime attribute, so dates compare as strings."""
    return str(value)[:10] if value else None


def _resolve_actor(G: nx.MultiDiGraph, name: str) -> Any:
    """An actor id from an id, or from a label or alias that names exactly one actor."""
    if name in G:
        return name
    wanted = name.casefold()
    matches = {
        n
        for n, d in G.nodes(data=True)
        if wanted in {str(s).casefold() for s in [d.get("label") or "", *(d.get("aliases") or [])]}
    }
    if len(matches) == 1:
        return matches.pop()
    if matches:
        raise QueryError(f"focus {name!r} names several actors ({', '.join(sorted(matches))})")
    raise QueryError(f"focus {name!r} is not an actor of this graph; give an actor id or label")


def _neighbourhood(centre: Any, edges: Collection[tuple[Any, Any, Any, Any]], depth: int) -> set:
    """Actors within ``depth`` of ``centre`` over ``edges``, ignoring direction."""
    adjacent: dict[Any, set] = defaultdict(set)
    for u, v, _, _ in edges:
        adjacent[u].add(v)
        adjacent[v].add(u)
    seen, frontier = {centre}, {centre}
    for _ in range(depth):
        frontier = {m for n in frontier for m in adjacent[n]} - seen
        seen |= frontier
    return seen
