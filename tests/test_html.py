"""The view without a browser: filtering, the page's data and markup, the static picture."""

from __future__ import annotations

import doctest
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest
from browser import syria_graph

import kg.html
import kg.static_view
from kg.errors import QueryError
from kg.html import ACTOR_STYLES, RELATION_COLOURS, generate_html, render_html, subgraph
from kg.static_view import render_static

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'


def page_data(text: str) -> dict:
    """The JSON block the page script reads."""
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', text, re.S)
    assert match is not None
    return json.loads(match.group(1))


class Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse_tags(text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(text)
    return parser.tags


@pytest.fixture
def G() -> nx.MultiDiGraph:
    return syria_graph()


def edge_set(H: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return set(H.edges(keys=True))


# ---- subgraph ---------------------------------------------------------------------------------


def test_subgraph_without_filters_is_an_equal_copy(G: nx.MultiDiGraph) -> None:
    H = subgraph(G)
    assert edge_set(H) == edge_set(G) and set(H) == set(G)
    H.nodes["iran"]["label"] = "changed"
    H.remove_edge("iran", "hezbollah", key="backs")
    assert G.nodes["iran"]["label"] == "Iran" and G.has_edge("iran", "hezbollah", key="backs")


def test_subgraph_by_relation_drops_actors_left_without_edges(G: nx.MultiDiGraph) -> None:
    H = subgraph(G, relations=["backs"])
    assert {k for _, _, k in H.edges(keys=True)} == {"backs"}
    assert edge_set(H) == {e for e in edge_set(G) if e[2] == "backs"}
    assert "sergei-lavrov" not in H and "iran" in H


def test_subgraph_keeps_actors_that_never_had_edges(G: nx.MultiDiGraph) -> None:
    G.add_node("loner", label="Loner", type="person", aliases=[], wikidata=None)
    assert "loner" in subgraph(G, relations=["backs"])
    assert "loner" not in subgraph(G, focus="iran")


def test_subgraph_min_sources(G: nx.MultiDiGraph) -> None:
    H = subgraph(G, min_sources=3)
    assert edge_set(H) == {
        ("russia", "syrian-government", "backs"),
        ("x-syrian-rebels", "syrian-government", "opposes"),
    }


def test_subgraph_period_overlap_and_undated_edges(G: nx.MultiDiGraph) -> None:
    G.add_edge("un", "qatar", key="meets_with", relation="meets_with", sources=1)  # undated
    H = subgraph(G, since="2024-12-05", until="2024-12-06")
    for u, v, k in H.edges(keys=True):
        d = G.edges[u, v, k]
        assert d["first_seen"] <= "2024-12-06" and d["last_seen"] >= "2024-12-05"
    # the rebels' offensive runs 11-27 to 12-05, so it overlaps; Israel-Hezbollah ends in October
    assert ("x-syrian-rebels", "syrian-government", "opposes") in edge_set(H)
    assert ("israel", "hezbollah", "opposes") not in edge_set(H)
    assert not H.has_edge("qatar", "un") and not H.has_edge("un", "qatar")
    assert G.has_edge("un", "qatar")


def test_subgraph_accepts_dates_and_open_periods(G: nx.MultiDiGraph) -> None:
    from datetime import date

    assert edge_set(subgraph(G, since=date(2024, 12, 7))) == {
        e for e in edge_set(G) if G.edges[e]["last_seen"] >= "2024-12-07"
    }
    assert edge_set(subgraph(G, until="2024-10-31")) == {
        ("israel", "hezbollah", "opposes"),
        ("hezbollah", "israel", "opposes"),
        ("iran", "hezbollah", "backs"),
        ("naim-qassem", "hezbollah", "leads"),
    }


def test_subgraph_focus_by_id_label_or_alias(G: nx.MultiDiGraph) -> None:
    near_iran = {"iran"} | set(G.successors("iran")) | set(G.predecessors("iran"))
    for name in ["iran", "Iran", "tehran"]:
        assert set(subgraph(G, focus=name)) == near_iran
    assert set(subgraph(G, focus="iran", depth=0)) == {"iran"}
    two = set(subgraph(G, focus="iran", depth=2))
    assert "assad" in two and "assad" not in near_iran


def test_subgraph_focus_follows_only_kept_edges(G: nx.MultiDiGraph) -> None:
    H = subgraph(G, focus="hezbollah", relations=["opposes"])
    assert set(H) == {"hezbollah", "israel"}
    assert set(subgraph(G, focus="hakan-fidan", relations=["backs"])) == {"hakan-fidan"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"focus": "atlantis"}, "not an actor"),
        ({"relations": ["befriends"]}, "unknown relation"),
        ({"since": "last week"}, "YYYY-MM-DD"),
        ({"since": "2024-12-08", "until": "2024-12-01"}, "before it starts"),
        ({"depth": -1}, "depth"),
        ({"max_edges": 0}, "at least one edge"),
    ],
)
def test_subgraph_rejects_bad_parameters(G: nx.MultiDiGraph, options: dict, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        subgraph(G, **options)


def test_subgraph_keeps_the_best_sourced_edges_and_their_actors(G: nx.MultiDiGraph) -> None:
    def strength(edge: tuple) -> tuple[int, int]:
        return edge[3]["sources"], edge[3]["claims"]

    edges = sorted(G.edges(keys=True, data=True), key=strength, reverse=True)
    assert strength(edges[1]) > strength(edges[2])  # the graph must have a clear top two
    H = subgraph(G, max_edges=2)
    assert edge_set(H) == {(u, v, k) for u, v, k, _ in edges[:2]}
    assert set(H) == {n for u, v, _, _ in edges[:2] for n in (u, v)}
    assert subgraph(G, max_edges=G.number_of_edges()).number_of_nodes() == len(G)


def test_a_capped_view_tells_how_many_edges_it_left_out(G: nx.MultiDiGraph) -> None:
    assert page_data(generate_html(subgraph(G), title="t"))["leftOut"] == 0
    capped = subgraph(G, max_edges=2)
    assert page_data(generate_html(capped, title="t"))["leftOut"] == G.number_of_edges() - 2
    assert subgraph(capped).graph["edges_left_out"] == G.number_of_edges() - 2


def test_subgraph_keeps_the_focus_among_the_best_sourced(G: nx.MultiDiGraph) -> None:
    H = subgraph(G, focus="hezbollah", max_edges=1)
    assert H.number_of_edges() == 1 and "hezbollah" in H


def test_subgraph_rejects_an_ambiguous_focus(G: nx.MultiDiGraph) -> None:
    G.nodes["qatar"]["aliases"] = ["Tehran"]
    with pytest.raises(QueryError, match="several actors"):
        subgraph(G, focus="tehran")


# ---- the page ---------------------------------------------------------------------------------


def test_page_carries_every_node_and_edge_with_its_style(G: nx.MultiDiGraph) -> None:
    data = page_data(generate_html(G, title="t"))
    nodes = {n["id"]: n for n in data["nodes"]}
    edges = {(e["from"], e["to"], e["relation"]): e for e in data["edges"]}
    assert set(nodes) == set(G) and set(edges) == edge_set(G)
    for n, attrs in G.nodes(data=True):
        style = ACTOR_STYLES[attrs["type"]]
        assert (nodes[n]["shape"], nodes[n]["color"]) == (style.shape, style.colour)
        assert nodes[n]["value"] == G.degree(n) and nodes[n]["label"] == attrs["label"]
        assert nodes[n]["aliases"] == attrs["aliases"]
    for (u, v, k), e in edges.items():
        d = G.edges[u, v, k]
        assert e["color"]["color"] == RELATION_COLOURS[k]
        assert e["arrows"]["to"]["enabled"] is (k != "meets_with")
        assert e["dashes"] is (d["contested"] or d["sources"] <= 1)
        assert e["evidence"] == d["evidence"] and e["sources"] == d["sources"]


def test_edge_width_grows_with_sources(G: nx.MultiDiGraph) -> None:
    data = page_data(generate_html(G, title="t"))
    width = {e["sources"]: e["width"] for e in data["edges"]}
    assert width[1] < width[2] < width[3]


def test_parallel_edges_bend_apart(G: nx.MultiDiGraph) -> None:
    data = page_data(generate_html(G, title="t"))
    pair = [e for e in data["edges"] if {e["from"], e["to"]} == {"israel", "hezbollah"}]
    assert len(pair) == 2 and all("smooth" in e for e in pair)
    lone = next(e for e in data["edges"] if e["id"] == "iran|backs|hezbollah")
    assert "smooth" not in lone


def test_page_is_self_contained(
    G: nx.MultiDiGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = render_html(G, tmp_path / "view.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.html"]
    text = out.read_text(encoding="utf-8")
    for tag, attrs in parse_tags(text):
        assert tag not in {"link", "iframe", "img", "object", "embed"}
        assert "src" not in attrs and "href" not in attrs, (tag, attrs)
    assert "sourceMappingURL" not in text and "cdn." not in text
    csp = next(a for t, a in parse_tags(text) if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in (csp["content"] or "")


def test_hostile_text_never_reaches_the_markup(G: nx.MultiDiGraph) -> None:
    G.nodes["iran"]["label"] = HOSTILE
    G.nodes["iran"]["aliases"] = [HOSTILE]
    ev = G.edges["iran", "hezbollah", "backs"]["evidence"][0]
    ev.update(quote=HOSTILE, title=HOSTILE, publisher=HOSTILE, url="javascript:window.__pwned=1")
    text = generate_html(G, title=HOSTILE)
    # only our three scripts (the data block, vis-network, the view) and nothing the text opened
    tags = parse_tags(text)
    assert [t for t, _ in tags if t == "script"] == ["script"] * 3
    assert len(re.findall(r"</script", text, re.I)) == 3
    assert "img" not in {t for t, _ in tags}
    assert not any(name.startswith("on") for _, attrs in tags for name in attrs)
    # and the text itself arrives intact
    data = page_data(text)
    assert next(n for n in data["nodes"] if n["id"] == "iran")["label"] == HOSTILE
    assert data["title"] == HOSTILE
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in text.split("</title>")[0]


def test_doctests() -> None:
    for module in (kg.html, kg.static_view):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__


# ---- the static picture -----------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("svg", b"<?xml")])
def test_render_static(G: nx.MultiDiGraph, tmp_path: Path, fmt: str, magic: bytes) -> None:
    G.nodes["iran"]["label"] = HOSTILE + " $5bn $"
    out = render_static(G, tmp_path / f"g.{fmt}", format=fmt, title="Syria", relations=["backs"])
    body = out.read_bytes()
    assert body.startswith(magic) and len(body) > 10_000
    if fmt == "svg":  # the label survives only as escaped text, never as an element
        elements = ElementTree.fromstring(body).iter()
        assert not [e for e in elements if e.tag.split("}")[-1] in {"script", "img"}]


def test_render_static_large_graph_without_scipy_layout(tmp_path: Path) -> None:
    G = nx.MultiDiGraph()
    kinds = list(ACTOR_STYLES)
    for i in range(600):
        G.add_node(f"a{i}", label=f"A{i}", type=kinds[i % len(kinds)], aliases=[], wikidata=None)
    for i in range(600):
        G.add_edge(f"a{i}", f"a{(i * 7 + 1) % 600}", key="backs", relation="backs", sources=1)
    out = render_static(G, tmp_path / "big.png")
    assert out.read_bytes().startswith(b"\x89PNG")


def test_render_static_rejects_unknown_format(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="png"):
        render_static(G, tmp_path / "g.gif", format="gif")  # type: ignore[arg-type]
    assert not (tmp_path / "g.gif").exists()
