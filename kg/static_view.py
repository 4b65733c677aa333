"""A static picture of the graph for reports: PNG or SVG through matplotlib, no browser.

It draws with the same colours and shapes as the interactive view and filters with the
same :func:`kg.html.subgraph`. It uses matplotlib's ``Figure`` and Agg canvas directly, so
it needs no display and leaves pyplot's global state alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx

if TYPE_CHECKING:  # matplotlib loads in the functions that draw: importing kg stays fast
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

from kg.errors import QueryError
from kg.html import ACTOR_STYLES, RELATION_COLOURS, UNKNOWN_COLOUR, UNKNOWN_STYLE, subgraph
from kg.model import ActorType, RelationType

__all__ = ["render_static"]

log = logging.getLogger(__name__)

# spring_layout needs scipy from 500 nodes on; beyond that, rings by actor type.
_SPRING_LIMIT = 500
# Each relation type bends by its own amount, so parallel edges of one pair stay apart.
_BEND = {r: 0.08 * i for i, r in enumerate(RelationType)}


def render_static(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    format: Literal["png", "svg"] = "png",
    title: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    relations: Iterable[str] | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    min_sources: int = 1,
) -> Path:
    """Draw ``G`` (filtered as in :func:`kg.html.subgraph`) to a PNG or SVG file at ``path``.

    Meant for report-sized graphs; a graph of hundreds of actors is drawn in rings by
    type, legible only once filtered down.

    Raises:
        QueryError: an unknown format, or a filter :func:`kg.html.subgraph` rejects.

    >>> import tempfile
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("iran", label="Iran", type="state")
    >>> G.add_node("hezbollah", label="Hezbollah", type="armed_group")
    >>> _ = G.add_edge("iran", "hezbollah", key="backs", relation="backs", sources=2)
    >>> out = render_static(G, Path(tempfile.mkdtemp()) / "g.svg", format="svg")
    >>> out.read_text(encoding="utf-8").startswith("<?xml")
    True
    """
    if format not in ("png", "svg"):
        raise QueryError(f"static view format must be 'png' or 'svg', got {format!r}")
    H = subgraph(
        G,
        focus=focus,
        depth=depth,
        relations=relations,
        since=since,
        until=until,
        min_sources=min_sources,
    )
    fig = draw(H, title=title)
    out = Path(path)
    fig.savefig(out, format=format, bbox_inches="tight")
    log.info("wrote %s: %d actors, %d edges", out, H.number_of_nodes(), H.number_of_edges())
    return out


def draw(G: nx.MultiDiGraph, *, title: str | None = None) -> Figure:
    """A matplotlib Figure of ``G`` with a legend: the pure half of :func:`render_static`."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(12, 9), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_axis_off()
    if title:
        ax.set_title(_text(title), fontsize=14)
    pos = _layout(G)
    order = list(G)
    sizes = {n: 250 + 90 * min(G.degree(n), 20) for n in order}
    simple = nx.DiGraph(G)  # one edge per pair per call is all draw_networkx_edges handles
    for relation in {str(d.get("relation", k)) for _, _, k, d in G.edges(keys=True, data=True)}:
        chosen = [
            (u, v, d)
            for u, v, k, d in G.edges(keys=True, data=True)
            if str(d.get("relation", k)) == relation
        ]
        directed = relation != RelationType.MEETS_WITH
        nx.draw_networkx_edges(
            simple,
            pos,
            edgelist=[(u, v) for u, v, _ in chosen],
            width=[
                min(0.8 + 0.8 * (max(int(d.get("sources") or 0), 1) - 1), 5.0) for *_, d in chosen
            ],
            style=[_dashed(d) for *_, d in chosen],
            edge_color=RELATION_COLOURS.get(relation, UNKNOWN_COLOUR),
            arrows=True,  # FancyArrowPatch for every type, so all of them can bend
            arrowstyle="-|>" if directed else "-",
            arrowsize=12,
            connectionstyle=f"arc3,rad={_BEND.get(relation, 0.3)}",
            node_size=[sizes[n] for n in order],
            nodelist=order,
            ax=ax,
        )
    for kind in {str(d.get("type") or "") for _, d in G.nodes(data=True)}:
        style = ACTOR_STYLES.get(kind, UNKNOWN_STYLE)
        members = [n for n in order if str(G.nodes[n].get("type") or "") == kind]
        nx.draw_networkx_nodes(
            G,
            pos,
            nodelist=members,
            node_size=[sizes[n] for n in members],
            node_shape=style.marker,
            node_color=style.colour,
            edgecolors="#555555",
            linewidths=0.8,
            ax=ax,
        )
    ys = [float(y) for _, y in pos.values()] or [0.0]
    drop = 0.035 * ((max(ys) - min(ys)) or 1.0)  # labels sit under their node, not on it
    nx.draw_networkx_labels(
        G,
        {n: (x, y - drop) for n, (x, y) in pos.items()},
        labels={n: _text(str(G.nodes[n].get("label") or n)) for n in order},
        font_size=8,
        verticalalignment="top",
        bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.7},
        ax=ax,
    )
    ax.legend(handles=_legend(), loc="lower left", fontsize=7, frameon=True, framealpha=0.9)
    ax.margins(0.08)
    return fig


def _layout(G: nx.MultiDiGraph) -> dict[Any, Any]:
    if len(G) < _SPRING_LIMIT:
        return nx.spring_layout(nx.Graph(G), seed=7, k=2.2 / max(len(G), 1) ** 0.5)
    shells = [
        [n for n in G if str(G.nodes[n].get("type") or "") == str(kind)] for kind in ActorType
    ]
    rest = [n for n in G if str(G.nodes[n].get("type") or "") not in set(ActorType)]
    return nx.shell_layout(G, nlist=[s for s in [*shells, rest] if s])


def _dashed(data: dict[str, Any]) -> str:
    return "dashed" if data.get("contested") or int(data.get("sources") or 0) <= 1 else "solid"


def _legend() -> list[Line2D]:
    from matplotlib.lines import Line2D

    handles = [
        Line2D(
            [],
            [],
            linestyle="",
            marker=s.marker,
            markersize=8,
            color=s.colour,
            markeredgecolor="#555555",
            label=str(kind).replace("_", " "),
        )
        for kind, s in ACTOR_STYLES.items()
    ]
    handles += [
        Line2D(
            [],
            [],
            color=RELATION_COLOURS[r],
            linewidth=2,
            label=str(r).replace("_", " ") + ("" if r.symmetric else " →"),
        )
        for r in RelationType
    ]
    handles.append(
        Line2D([], [], color="#333333", linestyle="dashed", label="contested or single source")
    )
    return handles


def _text(value: str) -> str:
    """Plain text for matplotlib: a ``$`` in a name must not start mathtext."""
    return value.replace("$", r"\$")
