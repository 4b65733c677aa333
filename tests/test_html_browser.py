"""The view in a real headless Chromium: offline, complete, searchable, clickable, inert."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from browser import CHROMIUM, PageLog, chromium, open_view, syria_graph
from playwright.sync_api import Browser, Page

from kg.html import render_html, subgraph

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"no Chromium at {CHROMIUM}: install Debian's chromium (CI does)",
    ),
]

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
OpenView = Callable[..., tuple[Page, PageLog, Path]]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


@pytest.fixture
def view(browser: Browser, tmp_path: Path) -> Iterator[OpenView]:
    """Render a graph and open it; pages are closed after the test."""
    pages: list[Page] = []

    def open_graph(G: nx.MultiDiGraph, *, bypass_csp: bool = False, **options: Any):
        html = render_html(G, tmp_path / f"view{len(pages)}.html", **options)
        page, log = open_view(browser, html, bypass_csp=bypass_csp)
        pages.append(page)
        return page, log, html

    yield open_graph
    for page in pages:
        page.close()


def assert_clean(log: PageLog, html: Path) -> None:
    assert log.console_errors == [] and log.page_errors == []
    assert log.requests == [html.resolve().as_uri()]


def wait_still(page: Page) -> None:
    """Wait out a focus or fit animation, so canvas positions hold until the click lands."""
    view = "() => [window.kg.network.getViewPosition(), window.kg.network.getScale()]"
    before = page.evaluate(view)
    for _ in range(50):
        page.wait_for_timeout(100)
        now = page.evaluate(view)
        if now == before:
            return
        before = now
    raise AssertionError("the view never stopped moving")


def click_edge(page: Page, edge_id: str) -> None:
    """A real mouse click on the drawn edge, at a point of its curve that no node covers."""
    wait_still(page)
    point = page.evaluate(
        """id => {
            const net = window.kg.network;
            const rect = document.getElementById("kg-network").getBoundingClientRect();
            for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
                const dom = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(t));
                if (net.getEdgeAt(dom) === id && net.getNodeAt(dom) === undefined) {
                    return {x: dom.x + rect.left, y: dom.y + rect.top};
                }
            }
            return null;
        }""",
        edge_id,
    )
    assert point is not None, f"no free point on edge {edge_id}"
    page.mouse.click(point["x"], point["y"])


def node_point(page: Page, node_id: str) -> dict[str, float]:
    wait_still(page)
    return page.evaluate(
        """id => {
            const net = window.kg.network;
            const rect = document.getElementById("kg-network").getBoundingClientRect();
            const dom = net.canvasToDOM(net.getPositions([id])[id]);
            return {x: dom.x + rect.left, y: dom.y + rect.top};
        }""",
        node_id,
    )


def test_page_loads_offline_without_errors(view: OpenView) -> None:
    page, log, html = view(syria_graph())
    page.wait_for_timeout(300)
    assert_clean(log, html)
    assert page.locator("#kg-legend li").count() == 11


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"focus": "iran"},
        {"focus": "Hezbollah", "depth": 2},
        {"relations": ["backs", "leads"]},
        {"since": "2024-12-01", "until": "2024-12-06"},
        {"min_sources": 2},
    ],
)
def test_drawn_nodes_and_edges_are_the_graphs(view: OpenView, options: dict) -> None:
    G = syria_graph()
    H = subgraph(G, **options)
    page, log, html = view(G, **options)
    drawn = page.evaluate(
        "() => ({nodes: window.kg.nodes.getIds(), edges: window.kg.edges.get()"
        ".map(e => [e.from, e.to, e.relation])})"
    )
    assert sorted(drawn["nodes"]) == sorted(H.nodes)
    assert sorted(map(tuple, drawn["edges"])) == sorted(H.edges(keys=True))
    assert_clean(log, html)


def test_physics_stops_once_the_layout_settles(view: OpenView) -> None:
    page, _, _ = view(syria_graph())
    before = page.evaluate("() => window.kg.network.getPositions()")
    point = node_point(page, "turkey")  # drag one actor: with physics on, the rest would follow
    page.mouse.move(point["x"], point["y"])
    page.mouse.down()
    page.mouse.move(point["x"] + 150, point["y"] + 100, steps=10)
    page.mouse.up()
    page.wait_for_timeout(700)
    after = page.evaluate("() => window.kg.network.getPositions()")
    assert after.pop("turkey") != before.pop("turkey")
    assert after == before


@pytest.mark.parametrize(("query", "actor"), [("Jolani", "al-jolani"), ("hayat", "hts")])
def test_search_box_finds_and_selects_an_actor(view: OpenView, query: str, actor: str) -> None:
    page, _, _ = view(syria_graph())
    page.fill("#kg-search", query)
    page.press("#kg-search", "Enter")
    assert page.evaluate("() => window.kg.network.getSelectedNodes()") == [actor]
    label = syria_graph().nodes[actor]["label"]
    assert page.locator("#kg-panel h2").inner_text() == label


def test_search_box_says_when_nothing_matches(view: OpenView) -> None:
    page, _, _ = view(syria_graph())
    page.fill("#kg-search", "Atlantis")
    page.press("#kg-search", "Enter")
    assert "No actor matches" in page.locator("#kg-search-status").inner_text()
    assert page.evaluate("() => window.kg.network.getSelectedNodes()") == []


def test_clicking_an_edge_shows_its_evidence(view: OpenView) -> None:
    G = syria_graph()
    page, log, html = view(G)
    click_edge(page, "russia|backs|syrian-government")
    panel = page.locator("#kg-panel")
    assert panel.locator("h2").inner_text() == "Russia backs Syrian government"
    quotes = panel.locator("blockquote").all_inner_texts()
    evidence = G.edges["russia", "syrian-government", "backs"]["evidence"]
    assert quotes == [e["quote"] for e in evidence]
    first = panel.locator(".kg-evidence li").first
    assert first.locator("a").get_attribute("href") == evidence[0]["url"]
    source = first.locator(".kg-source").first.inner_text()
    assert evidence[0]["title"] in source and "Al Jazeera" in source and "2024-11-30" in source
    assert_clean(log, html)


def test_edge_panel_shows_the_attribution(view: OpenView) -> None:
    page, _, _ = view(syria_graph())
    click_edge(page, "geir-pedersen|meets_with|qatar")
    assert "Attributed to a UN spokesperson" in page.locator("#kg-panel").inner_text()


def test_clicking_a_node_shows_its_profile(view: OpenView) -> None:
    page, _, _ = view(syria_graph())
    point = node_point(page, "turkey")
    page.mouse.click(point["x"], point["y"])
    panel = page.locator("#kg-panel")
    assert panel.locator("h2").inner_text() == "Turkey"
    text = panel.inner_text()
    assert "Ankara; Türkiye" in text and "state" in text
    assert panel.locator(".kg-edge-list li").count() == syria_graph().degree("turkey")
    panel.locator(".kg-edge-list button", has_text="opposes").first.click()
    assert panel.locator("h2").inner_text() == "Turkey opposes Syrian Democratic Forces"


def test_a_capped_view_says_it_shows_the_best_sourced_links(view: OpenView) -> None:
    G = syria_graph()
    page, log, html = view(G, max_edges=2)
    assert_clean(log, html)
    counts = page.locator("#kg-counts").inner_text()
    assert f"2 links (the best sourced; {G.number_of_edges() - 2} more left out" in counts


def test_relation_filter_hides_that_type(view: OpenView) -> None:
    G = syria_graph()
    page, _, _ = view(G)
    page.locator("#kg-relation-filter input[value=opposes]").uncheck()
    hidden = page.evaluate(
        "() => window.kg.edges.get({filter: e => e.hidden}).map(e => e.relation)"
    )
    assert sorted(hidden) == sorted(k for *_, k in G.edges(keys=True) if k == "opposes")
    shown = len(subgraph(G, relations=["backs", "meets_with", "leads", "member_of"]))
    assert f"showing {shown} of {len(G)} actors" in page.locator("#kg-counts").inner_text()


def test_date_filter_agrees_with_subgraph(view: OpenView) -> None:
    G = syria_graph()
    page, _, _ = view(G)
    page.fill("#kg-since", "2024-12-05")
    page.fill("#kg-until", "2024-12-06")
    shown = page.evaluate(
        "() => window.kg.edges.get({filter: e => !e.hidden}).map(e => [e.from, e.to, e.relation])"
    )
    H = subgraph(G, since="2024-12-05", until="2024-12-06")
    assert sorted(map(tuple, shown)) == sorted(H.edges(keys=True))
    visible = page.evaluate("() => window.kg.nodes.get({filter: n => !n.hidden}).map(n => n.id)")
    assert sorted(visible) == sorted(H.nodes)
    page.click("#kg-dates-clear")
    assert page.evaluate("() => window.kg.edges.get({filter: e => e.hidden}).length") == 0


def test_an_empty_graph_still_opens(view: OpenView) -> None:
    page, log, html = view(nx.MultiDiGraph())
    assert page.evaluate("() => window.kg.nodes.length") == 0
    assert_clean(log, html)


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_hostile_article_text_is_shown_never_run(view: OpenView, bypass_csp: bool) -> None:
    G = syria_graph()
    G.nodes["iran"]["label"] = HOSTILE
    G.nodes["iran"]["aliases"] = [HOSTILE]
    edge = G.edges["iran", "hezbollah", "backs"]
    edge["subtypes"] = [HOSTILE]
    edge["evidence"][0].update(
        quote=HOSTILE,
        title=HOSTILE,
        publisher=HOSTILE,
        attribution=HOSTILE,
        url="javascript:window.__pwned=1",
    )
    page, log, html = view(G, bypass_csp=bypass_csp, title=HOSTILE)
    assert page.title() == HOSTILE
    assert page.locator("#kg-title").inner_text() == HOSTILE

    page.fill("#kg-search", HOSTILE)  # search, profile
    page.press("#kg-search", "Enter")
    assert page.locator("#kg-panel h2").inner_text() == HOSTILE
    assert HOSTILE in page.locator("#kg-panel dl").inner_text()

    click_edge(page, "iran|backs|hezbollah")  # evidence
    item = page.locator("#kg-panel .kg-evidence li").first
    assert item.locator("blockquote").inner_text() == HOSTILE
    assert item.locator("a").count() == 0  # a javascript: URL gets no link
    assert f"Attributed to {HOSTILE}" in item.inner_text()

    point = node_point(page, "iran")  # tooltip on hover
    page.mouse.move(point["x"] - 40, point["y"] - 40)
    page.mouse.move(point["x"], point["y"], steps=5)
    tooltip = page.locator(".vis-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().startswith(HOSTILE)

    page.wait_for_timeout(200)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("#kg-side img, #kg-graph-pane img").count() == 0
    assert log.requests == [html.resolve().as_uri()]
    assert log.page_errors == [] and log.console_errors == []
