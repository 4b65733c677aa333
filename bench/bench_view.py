"""How long a large graph view takes to become usable in headless Chromium.

Builds a synthetic graph (2,000 actors and ~6,000 edges by default, hubs included), renders
it with kg.html.render_html, opens it in /usr/bin/chromium and reports the render time, the
file size, DOMContentLoaded and the moment vis-network's stabilization finished (the page
then stops physics and hides its "laying out" overlay). Prints a table, then JSON.

    .venv/bin/python bench/bench_view.py [--actors 2000 500] [--edges-per-actor 3] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from browser import chromium, open_view

from kg.html import render_html
from kg.model import ActorType, RelationType

PUBLISHERS = ["Reuters", "AP", "Al Jazeera", "BBC", "AFP", "Le Monde"]


def synthetic_graph(n_actors: int, n_edges: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """A random graph by the NetworkX contract; a few actors are hubs, as in news coverage."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    kinds = list(ActorType)
    for i in range(n_actors):
        G.add_node(
            f"a{i}",
            label=f"Actor {i}",
            type=kinds[i % len(kinds)].value,
            aliases=[f"A{i}"],
            wikidata=None,
        )
    ids = list(G)
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(n_actors)]
    relations = list(RelationType)
    while G.number_of_edges() < n_edges:
        u, v = rng.choices(ids, weights, k=2)
        relation = rng.choice(relations)
        if u == v:
            continue
        if relation.symmetric and v < u:
            u, v = v, u
        if G.has_edge(u, v, key=relation.value):
            continue
        claims = rng.randint(1, 4)
        days = sorted(
            f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(claims)
        )
        publishers = [rng.choice(PUBLISHERS) for _ in range(claims)]
        evidence = [
            {
                "doc": f"doc-{u}-{v}-{j}",
                "start": 0,
                "end": 40,
                "quote": f"{u} and {v}: a sentence that supports the claim",
                "title": f"Report {j} on {u}",
                "publisher": publishers[j],
                "published": days[j],
                "url": f"https://news.example.org/{u}-{v}-{j}",
                "attribution": None,
                "modality": "asserted",
            }
            for j in range(claims)
        ]
        G.add_edge(
            u,
            v,
            key=relation.value,
            relation=relation.value,
            subtypes=[],
            claims=claims,
            documents=[e["doc"] for e in evidence],
            sources=len(set(publishers)),
            first_seen=days[0],
            last_seen=days[-1],
            contested=rng.random() < 0.05,
            evidence=evidence,
        )
    return G


def measure(n_actors: int, edges_per_actor: float, runs: int) -> dict[str, float | int]:
    G = synthetic_graph(n_actors, round(n_actors * edges_per_actor))
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        t0 = time.perf_counter()
        html = render_html(G, Path(tmp) / "view.html", title=f"{n_actors} actors")
        render_s = time.perf_counter() - t0
        file_mb = html.stat().st_size / 1e6
        dcl, started, built, ready, wall = [], [], [], [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            page, log = open_view(browser, html, timeout_ms=600_000)
            wall.append(time.perf_counter() - t0)
            timings = page.evaluate(
                """() => ({
                    dcl: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
                    started: window.kg.startedAt,
                    built: window.kg.builtAt,
                    ready: window.kg.readyAt,
                })"""
            )
            if log.page_errors or log.console_errors:
                raise RuntimeError(f"page errors: {log.page_errors + log.console_errors}")
            dcl.append(timings["dcl"])
            started.append(timings["started"])
            built.append(timings["built"])
            ready.append(timings["ready"])
            page.close()
    return {
        "actors": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "render_s": round(render_s, 3),
        "file_mb": round(file_mb, 2),
        "script_start_ms": round(statistics.median(started)),
        "network_built_ms": round(statistics.median(built)),
        "dom_content_loaded_ms": round(statistics.median(dcl)),
        "interactive_ms": round(statistics.median(ready)),
        "goto_to_interactive_s": round(statistics.median(wall), 2),
        "runs": runs,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, nargs="+", default=[2000])
    parser.add_argument("--edges-per-actor", type=float, default=3.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = [measure(n, args.edges_per_actor, args.runs) for n in args.actors]
    columns = list(rows[0])
    print(" | ".join(columns))
    print(" | ".join("---" for _ in columns))
    for row in rows:
        print(" | ".join(str(row[c]) for c in columns))
    print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
