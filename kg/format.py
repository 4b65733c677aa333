"""Plain-text rendering for the terminal: tables of rows and lists of edges."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import networkx as nx

__all__ = ["edge_lines", "excerpt", "table"]

_MAX_CELL = 60


_SHORT = (
    ("https://w3id.org/kg/id/actor/", ""),
    ("https://w3id.org/kg/id/doc/", "doc:"),
    ("https://w3id.org/kg/ontology#", "kg:"),
)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    for prefix, short in _SHORT:
        if text.startswith(prefix):
            text = short + text[len(prefix) :]
            break
    text = " ".join(text.split())
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def table(rows: Sequence[dict[str, Any]]) -> str:
    """Rows as an aligned text table, columns in the order of the first row; IRIs of
    kg's namespaces are shortened and columns empty in every row left out.

    >>> print(table([{"actor": "Iran", "claims": 3}, {"actor": "Russia", "claims": 12}]))
    actor   claims
    ------  ------
    Iran    3
    Russia  12
    """
    if not rows:
        return ""
    columns = [c for c in rows[0] if any(row.get(c) not in (None, "") for row in rows)]
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def edge_lines(G: nx.MultiDiGraph, *, limit: int = 10) -> list[str]:
    """The best-sourced edges, one line each with a quote of their first evidence."""
    edges = sorted(
        G.edges(keys=True, data=True),
        key=lambda e: (-e[3].get("sources", 0), -e[3].get("claims", 0), e[0], e[2], e[1]),
    )
    lines = []
    for u, v, _, d in edges[:limit]:
        arrow = "<->" if d["relation"] == "meets_with" else "->"
        quote = d["evidence"][0]["quote"] if d.get("evidence") else ""
        names = [*G.nodes[u].get("aliases", []), *G.nodes[v].get("aliases", [])]
        quote = excerpt(quote, names, width=70)
        lines.append(
            f"  {G.nodes[u].get('label', u)} {arrow} {G.nodes[v].get('label', v)}"
            f'  [{d["relation"]}]  {d.get("sources", 0)}/{d.get("claims", 0)}  "{quote}"'
        )
    return lines


def excerpt(quote: str, names: list[str], *, width: int = 70) -> str:
    """At most ``width`` characters of ``quote``, whole words, around the longest of
    ``names`` it contains, so a long sentence shows the part that names the actors.

    >>> excerpt("Thousands fled the city as rebel forces pushed their offensive.",
    ...         ["rebel forces", "city"], width=32)
    '…city as rebel forces pushed…'
    """
    if len(quote) <= width:
        return quote
    lowered = quote.lower()
    found = sorted(
        ((len(name), lowered.find(name.lower())) for name in names if name),
        key=lambda item: (-item[0], item[1]),
    )
    centre = next((i + n // 2 for n, i in found if i >= 0), 0)
    start = max(0, min(centre - width // 2, len(quote) - width))
    end = start + width
    if start:
        start = quote.find(" ", start) + 1 or start
    if end < len(quote):
        end = quote.rfind(" ", start, end) if quote.rfind(" ", start, end) > start else end
    return ("…" if start else "") + quote[start:end].strip() + ("…" if end < len(quote) else "")
