"""Helpers for driving the graph view in Debian's headless Chromium, and a realistic graph.

Shared by tests/test_html_browser.py, bench/bench_view.py and the docs screenshot
(``python tests/browser.py docs/graph.png``). Never downloads a browser: it uses
/usr/bin/chromium or fails.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium from /usr/bin/chromium, closed on exit."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageLog:
    """Everything a page did that a test may object to."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def open_view(
    browser: Browser,
    html_path: Path,
    *,
    width: int = 1400,
    height: int = 900,
    timeout_ms: float = 60_000,
    bypass_csp: bool = False,
) -> tuple[Page, PageLog]:
    """Open a rendered view, recording requests and errors, and wait until the layout settled.

    ``bypass_csp`` switches the page's Content-Security-Policy off, to show that escaping
    alone keeps article text inert.
    """
    page = browser.new_page(viewport={"width": width, "height": height}, bypass_csp=bypass_csp)
    log = PageLog()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            log.console_errors.append(message.text)

    def on_request(request: Request) -> None:
        log.requests.append(request.url)

    page.on("console", on_console)
    page.on("request", on_request)
    page.on("pageerror", lambda err: log.page_errors.append(str(err)))
    page.goto(html_path.resolve().as_uri())
    # A selector, not wait_for_function: the page's CSP forbids the eval that would need.
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=timeout_ms)
    return page, log


def screenshot(
    html_path: Path,
    png_path: Path,
    *,
    width: int = 1400,
    height: int = 900,
    actor: str | None = None,
    edge: str | None = None,
) -> Path:
    """A PNG of the view once its layout has settled, with an actor's profile or an edge's evidence.

    ``edge`` is a vis edge id, ``"<subject>|<relation>|<object>"``.
    """
    with chromium() as browser:
        page, _ = open_view(browser, html_path, width=width, height=height)
        if actor is not None:
            page.evaluate("id => window.kg.selectActor(id)", actor)
        if edge is not None:
            page.evaluate(
                "id => { window.kg.network.selectEdges([id]); window.kg.showEdge(id); }", edge
            )
        page.wait_for_timeout(600)  # the fit and focus animations
        page.screenshot(path=str(png_path))
        page.close()
    return png_path


def _add(
    G: nx.MultiDiGraph,
    subject: str,
    relation: str,
    obj: str,
    quotes: list[tuple[str, str, str, str]],
    *,
    contested: bool = False,
    subtypes: tuple[str, ...] = (),
    attribution: str | None = None,
) -> None:
    """One edge by the NetworkX contract; ``quotes`` are (quote, title, publisher, date)."""
    if relation == "meets_with" and obj < subject:
        subject, obj = obj, subject
    evidence = []
    for i, (quote, title, publisher, published) in enumerate(quotes):
        doc = f"{publisher.lower().replace(' ', '-')}-{published}-{i}"
        evidence.append(
            {
                "doc": doc,
                "start": 0,
                "end": len(quote),
                "quote": quote,
                "title": title,
                "publisher": publisher,
                "published": published,
                "url": f"https://news.example.org/{doc}",
                "attribution": attribution,
                "modality": "asserted",
            }
        )
    dates = sorted(q[3] for q in quotes)
    G.add_edge(
        subject,
        obj,
        key=relation,
        relation=relation,
        subtypes=list(subtypes),
        claims=len(quotes),
        documents=[e["doc"] for e in evidence],
        sources=len({q[2] for q in quotes}),
        first_seen=dates[0],
        last_seen=dates[-1],
        contested=contested,
        evidence=evidence,
    )


def syria_graph() -> nx.MultiDiGraph:
    """A hand-built graph shaped like the Syria coverage of late 2024: backers, fronts, talks."""
    G = nx.MultiDiGraph()
    actors = [
        ("russia", "Russia", "state", ["Moscow", "the Kremlin"], "Q159"),
        ("iran", "Iran", "state", ["Tehran"], "Q794"),
        ("turkey", "Turkey", "state", ["Ankara", "Türkiye"], "Q43"),
        ("united-states", "United States", "state", ["Washington", "the US"], "Q30"),
        ("israel", "Israel", "state", [], "Q801"),
        ("qatar", "Qatar", "state", ["Doha"], "Q846"),
        ("syrian-government", "Syrian government", "government", ["the regime"], None),
        ("hezbollah", "Hezbollah", "armed_group", ["Hizbollah"], "Q41053"),
        ("hts", "Hayat Tahrir al-Sham", "armed_group", ["HTS"], "Q28136940"),
        ("x-syrian-rebels", "Syrian rebels", "armed_group", ["the rebels", "opposition"], None),
        ("sdf", "Syrian Democratic Forces", "armed_group", ["SDF"], "Q21015453"),
        ("un", "United Nations", "organization", ["UN"], "Q1065"),
        ("assad", "Bashar al-Assad", "person", ["Assad"], "Q44329"),
        ("al-jolani", "Abu Mohammed al-Jolani", "person", ["Jolani"], None),
        ("naim-qassem", "Naim Qassem", "person", ["Qassem"], None),
        ("hakan-fidan", "Hakan Fidan", "person", ["Fidan"], None),
        ("abbas-araghchi", "Abbas Araghchi", "person", ["Araghchi"], None),
        ("sergei-lavrov", "Sergei Lavrov", "person", ["Lavrov"], None),
        ("geir-pedersen", "Geir Pedersen", "person", ["Pedersen"], None),
    ]
    for actor_id, label, kind, aliases, wikidata in actors:
        G.add_node(actor_id, label=label, type=kind, aliases=aliases, wikidata=wikidata)
    aj, rt, ap = "Al Jazeera", "Reuters", "AP"
    t1 = "Syrian rebels launch major offensive on Aleppo"
    t2 = "Assad's allies rush to his support as rebels advance"
    t3 = "Turkey, Iran and Russia to meet in Doha on Syria"
    t4 = "US-backed SDF holds the north-east"
    t5 = "Hezbollah names new leader"
    _add(
        G,
        "russia",
        "backs",
        "syrian-government",
        [
            (
                "his key allies - Russia, Iran and Hezbollah - came to his support",
                t2,
                aj,
                "2024-11-30",
            ),
            ("Russia has backed Assad's government since 2015", t1, rt, "2024-11-28"),
            (
                "Russian warplanes struck rebel positions in support of government forces",
                t2,
                ap,
                "2024-12-01",
            ),
        ],
        subtypes=("military-support",),
    )
    _add(
        G,
        "iran",
        "backs",
        "syrian-government",
        [
            (
                "his key allies - Russia, Iran and Hezbollah - came to his support",
                t2,
                aj,
                "2024-11-30",
            ),
            ("Iran pledged to stand by Damascus", t2, rt, "2024-12-02"),
        ],
    )
    _add(
        G,
        "hezbollah",
        "backs",
        "syrian-government",
        [
            ("elite forces from Iran-backed Hezbollah were sent to help", t2, aj, "2024-11-30"),
        ],
    )
    _add(
        G,
        "iran",
        "backs",
        "hezbollah",
        [
            ("elite forces from Iran-backed Hezbollah", t2, aj, "2024-11-30"),
            ("Tehran funds and arms the group", t5, rt, "2024-10-29"),
        ],
        subtypes=("funds",),
    )
    _add(
        G,
        "turkey",
        "backs",
        "x-syrian-rebels",
        [
            ("Turkey backs the opposition", t1, aj, "2024-11-28"),
        ],
        contested=True,
    )
    _add(
        G,
        "united-states",
        "backs",
        "sdf",
        [
            ("the US-backed Syrian Kurdish force", t4, aj, "2024-12-05"),
            ("Washington has armed the SDF for years", t4, ap, "2024-12-06"),
        ],
    )
    _add(
        G,
        "qatar",
        "backs",
        "x-syrian-rebels",
        [
            ("Qatar has long supported the Syrian opposition", t3, rt, "2024-12-06"),
        ],
    )
    _add(
        G,
        "x-syrian-rebels",
        "opposes",
        "syrian-government",
        [
            ("an offensive against government forces", t1, aj, "2024-11-27"),
            ("rebels pushed into Aleppo city", t1, rt, "2024-11-29"),
            ("the fighters seized Hama", t2, ap, "2024-12-05"),
        ],
        subtypes=("attacks",),
    )
    _add(
        G,
        "syrian-government",
        "opposes",
        "x-syrian-rebels",
        [
            ("government forces shelled rebel-held towns", t1, rt, "2024-11-29"),
        ],
    )
    _add(
        G,
        "russia",
        "opposes",
        "x-syrian-rebels",
        [
            ("Russian bombing of rebel-held Idlib", t1, aj, "2024-11-28"),
            ("Russian jets pounded opposition fighters", t2, ap, "2024-12-01"),
        ],
    )
    _add(
        G,
        "israel",
        "opposes",
        "hezbollah",
        [
            ("top leaders killed by Israel", t5, aj, "2024-10-29"),
            ("Israel's war with Hezbollah", t5, rt, "2024-10-30"),
        ],
    )
    _add(
        G,
        "hezbollah",
        "opposes",
        "israel",
        [
            ("its war with Israel", t5, aj, "2024-10-29"),
        ],
    )
    _add(
        G,
        "turkey",
        "opposes",
        "sdf",
        [
            ("Turkey considers the SDF a terrorist group", t4, aj, "2024-12-05"),
            ("Turkish drones struck SDF positions", t4, rt, "2024-12-07"),
        ],
    )
    _add(
        G,
        "x-syrian-rebels",
        "opposes",
        "sdf",
        [
            ("Turkish-backed factions clashed with the SDF", t4, aj, "2024-12-06"),
        ],
        contested=True,
    )
    _add(
        G,
        "hts",
        "leads",
        "x-syrian-rebels",
        [
            ("rebels led by HTS", t1, aj, "2024-11-28"),
            ("the HTS-led offensive", t2, rt, "2024-12-02"),
        ],
    )
    _add(
        G,
        "al-jolani",
        "leads",
        "hts",
        [
            ("HTS leader Abu Mohammed al-Jolani", t1, aj, "2024-11-28"),
            ("Jolani, who heads the group", t2, ap, "2024-12-06"),
        ],
    )
    _add(
        G,
        "assad",
        "leads",
        "syrian-government",
        [
            ("Syrian President Bashar al-Assad", t2, aj, "2024-11-30"),
            ("President Assad vowed to crush the rebels", t1, rt, "2024-11-29"),
        ],
    )
    _add(
        G,
        "naim-qassem",
        "leads",
        "hezbollah",
        [
            ("Hezbollah's new leader, Naim Qassem", t5, aj, "2024-10-29"),
        ],
    )
    _add(
        G,
        "hakan-fidan",
        "member_of",
        "turkey",
        [
            ("Turkish Foreign Minister Hakan Fidan", t3, aj, "2024-12-06"),
        ],
    )
    _add(
        G,
        "abbas-araghchi",
        "member_of",
        "iran",
        [
            ("Iranian Foreign Minister Abbas Araghchi", t3, aj, "2024-12-06"),
            ("Araghchi, Iran's top diplomat", t3, rt, "2024-12-07"),
        ],
    )
    _add(
        G,
        "sergei-lavrov",
        "member_of",
        "russia",
        [
            ("Russian Foreign Minister Sergei Lavrov", t3, aj, "2024-12-06"),
        ],
    )
    _add(
        G,
        "geir-pedersen",
        "member_of",
        "un",
        [
            ("UN special envoy Geir Pedersen", t3, rt, "2024-12-07"),
        ],
    )
    doha = ("the foreign ministers of Turkey, Iran and Russia will meet", t3, aj, "2024-12-06")
    doha2 = ("Turkey, Iran and Russia to meet in Doha", t3, rt, "2024-12-07")
    for a, b in [("turkey", "iran"), ("turkey", "russia"), ("iran", "russia")]:
        _add(G, a, "meets_with", b, [doha, doha2], attribution=None)
    _add(
        G,
        "hakan-fidan",
        "meets_with",
        "abbas-araghchi",
        [
            ("Fidan held talks with Araghchi in Doha", t3, aj, "2024-12-07"),
        ],
    )
    _add(
        G,
        "geir-pedersen",
        "meets_with",
        "qatar",
        [
            ("Pedersen met Qatari officials on the sidelines", t3, rt, "2024-12-07"),
        ],
        attribution="a UN spokesperson",
    )
    return G


def main(argv: list[str]) -> int:
    """Write the docs screenshot of :func:`syria_graph`: ``python tests/browser.py [out.png]``."""
    from kg.html import render_html

    out = Path(argv[1]) if len(argv) > 1 else Path("docs/graph.png")
    with tempfile.TemporaryDirectory() as tmp:
        html = render_html(syria_graph(), Path(tmp) / "view.html", title="Syria, late 2024")
        screenshot(html, out, edge="russia|backs|syrian-government")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
