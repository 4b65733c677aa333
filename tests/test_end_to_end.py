"""The whole product on the seed article, with the real model, store, queries and shapes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_html import page_data
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.io import iter_documents
from kg.model import Document
from kg.rdf import extraction_to_rdflib
from kg.validate import validate

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[kg.Graph]:
    store = tmp_path_factory.mktemp("seed") / "store"
    with kg.open_graph(store) as graph:
        report = graph.ingest([SEEDS])
        assert report.written == 1 and report.ok
        yield graph


def _backers(graph: kg.Graph, actor: str) -> set[str]:
    return {str(row["backer"]).rsplit("/", 1)[-1] for row in graph.query("backers", actor=actor)}


def test_russia_iran_and_hezbollah_back_assads_government_in_sparql(seed_graph: kg.Graph) -> None:
    backers = _backers(seed_graph, "Syrian government") | _backers(seed_graph, "Assad")
    assert {"russia", "iran", "hezbollah"} <= backers


def test_us_backs_the_sdf_and_turkey_the_rebels(seed_graph: kg.Graph) -> None:
    assert "united-states" in _backers(seed_graph, "SDF")
    assert "turkey" in _backers(seed_graph, "Syrian rebels")


def test_the_doha_meeting_in_sparql(seed_graph: kg.Graph) -> None:
    met = {
        str(row["other"]).rsplit("/", 1)[-1] for row in seed_graph.query("meetings", actor="Turkey")
    }
    assert {"iran", "russia"} <= met


def test_the_same_edges_in_networkx_with_their_sentences(seed_graph: kg.Graph) -> None:
    G = seed_graph.to_networkx()
    text = next(d for d in iter_documents([SEEDS]) if isinstance(d, Document)).text
    for subject in ("russia", "iran", "hezbollah"):
        assert any(
            G.has_edge(subject, target, "backs") for target in ("syrian-government", "assad")
        )
    assert G.has_edge("united-states", "sdf", "backs")
    for a, b in (("iran", "russia"), ("iran", "turkey"), ("russia", "turkey")):
        assert G.has_edge(a, b, "meets_with")
    for _, _, data in G.edges(data=True):
        assert data["evidence"], "every edge cites its sentence"
        for evidence in data["evidence"]:
            assert text[evidence["start"] : evidence["end"]] == evidence["quote"]


def test_every_written_graph_passes_the_shapes() -> None:
    extraction = kg.extract_file(next(SEEDS.glob("*.txt")))
    report = validate(extraction_to_rdflib(extraction))
    assert report.conforms, report.text


def test_reingesting_leaves_the_store_unchanged(tmp_path: Path) -> None:
    with kg.open_graph(tmp_path / "store") as graph:
        graph.ingest([SEEDS])
        before = graph.stats()
        copy = tmp_path / "copy"
        copy.mkdir()
        shutil.copy(next(SEEDS.glob("*.txt")), copy / "renamed.txt")
        report = graph.ingest([SEEDS, copy])
        assert (report.written, report.unchanged) == (0, 2)
        assert graph.stats() == before


def test_extract_command_prints_the_contract(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(next(SEEDS.glob("*.txt")))])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"doc", "actors", "edges"}
    types = {"state", "government", "armed_group", "organization", "person"}
    assert all(a["type"] in types for a in data["actors"])
    ids = {a["id"] for a in data["actors"]}
    text = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    for edge in data["edges"]:
        assert {edge["subject"], edge["object"]} <= ids
        for evidence in edge["evidence"]:
            assert text[evidence["start"] : evidence["end"]] == evidence["quote"]


def test_build_command_summarises_and_writes_the_view(tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    result = CliRunner().invoke(
        app, ["build", str(SEEDS), "--store", str(tmp_path / "store"), "-o", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert "articles: 1" in result.output
    assert "Hezbollah" in result.output
    assert out.stat().st_size > 10_000


def test_view_command_draws_the_best_sourced_edges_with_their_evidence(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(SEEDS), "--store", store, "-q"]).exit_code == 0
    with kg.open_graph(store, read_only=True) as graph:
        full = graph.to_networkx()
    views = {}
    for cap in ("3", str(full.number_of_edges())):
        out = tmp_path / f"view-{cap}.html"
        result = runner.invoke(app, ["view", "-o", str(out), "--max-edges", cap, "--store", store])
        assert result.exit_code == 0, result.output
        views[cap] = page_data(out.read_text(encoding="utf-8"))
    assert len(views["3"]["edges"]) == 3
    assert len(views[str(full.number_of_edges())]["edges"]) == full.number_of_edges() > 3
    for edge in views["3"]["edges"]:
        assert edge["evidence"], "a capped view still cites every edge's sentences"


def test_query_command_answers_a_named_question(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(SEEDS), "--store", store, "-q"]).exit_code == 0
    result = runner.invoke(
        app,
        ["query", "backers", "--param", "actor=Hezbollah", "--store", store, "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    assert any(row["backer"].endswith("/iran") for row in json.loads(result.output))


def test_errors_are_one_line_without_traceback(tmp_path: Path, capsys) -> None:
    from kg.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["query", "no-such-query", "--store", str(tmp_path / "store")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("kg: error:") and "no query" in err
    assert "Traceback" not in err
