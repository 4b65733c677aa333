"""kg.endpoint and kg.server: a real Oxigraph server on a loopback port, compared with the
embedded store holding the same fixture documents."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from fixtures import world
from rdflib import URIRef

from kg.endpoint import SparqlEndpointStore, bind_values, open_any, sparql_term
from kg.errors import QueryError, StoreError
from kg.graph import to_networkx
from kg.model import Extraction
from kg.query import run_query
from kg.server import ServerHandle, free_port, start_server
from kg.store import GraphStore, Row, Store
from kg.summary import stored_summaries

INJECTION = '"} ; DROP ALL ; {"'

# Every named query, with parameters that give it rows on the fixture documents.
PARAMS: dict[str, dict[str, str]] = {
    "actors": {},
    "backers": {"actor": "Damascus"},
    "claims": {},
    "edge-evidence": {"subject": "russia", "relation": "backs", "object": "syrian government"},
    "edges": {},
    "meetings": {"actor": "Ankara", "from": "2024-12-03"},
    "opponents": {"actor": "HTS"},
    "profile": {"actor": "kremlin"},
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerHandle]:
    with start_server(tmp_path_factory.mktemp("served") / "store") as handle:
        yield handle


@pytest.fixture
def remote(server: ServerHandle, extractions: list[Extraction]) -> SparqlEndpointStore:
    """The server's store, emptied and holding the fixture documents."""
    store = SparqlEndpointStore.from_url(server.url, timeout=30)
    store.update("DROP SILENT ALL")
    for extraction in extractions:
        store.write(extraction)
    return store


@pytest.fixture
def local(extractions: list[Extraction]) -> Store:
    store = Store.in_memory()
    for extraction in extractions:
        store.write(extraction)
    return store


def test_endpoint_store_is_a_graph_store(remote: SparqlEndpointStore) -> None:
    assert isinstance(remote, GraphStore)


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_named_queries_answer_as_the_embedded_store(
    name: str, remote: SparqlEndpointStore, local: Store
) -> None:
    expected = _canonical(run_query(local, name, PARAMS[name]))
    assert expected, f"{name} should have rows on the fixtures"
    assert _canonical(run_query(remote, name, PARAMS[name])) == expected


def _canonical(rows: list[Row]) -> list[Row]:
    """Rows with GROUP_CONCAT'ed aliases sorted: SPARQL leaves their order to the engine."""
    return [
        {k: "|".join(sorted(v.split("|"))) if k == "aliases" and v else v for k, v in r.items()}
        for r in rows
    ]


def test_binding_reaches_filters_inside_union_branches(
    remote: SparqlEndpointStore, local: Store
) -> None:
    # edge-evidence lists meets_with claims written either way round: the reversed branch
    # filters on ?relation, so the bound value must be visible inside the branch.
    params = {"subject": "turkey", "relation": "meets_with", "object": "russia"}
    rows = run_query(remote, "edge-evidence", params)
    assert {r["doc"] for r in rows} == {"d2", "d3"}
    assert rows == run_query(local, "edge-evidence", params)


def test_stats_documents_and_has_document_match(remote: SparqlEndpointStore, local: Store) -> None:
    assert remote.stats() == local.stats()
    assert remote.documents() == local.documents()
    checksum = local.documents()[0].checksum
    assert remote.has_document("d1") and remote.has_document("d1", checksum)
    assert not remote.has_document("d1", "0" * 16)
    assert not remote.has_document("nowhere")


def test_hostile_value_is_bound_as_a_literal(remote: SparqlEndpointStore) -> None:
    before = remote.stats()
    assert remote.query("SELECT ?x WHERE {}", {"x": INJECTION}) == [{"x": INJECTION}]
    with pytest.raises(QueryError, match="no actor"):
        run_query(remote, "backers", {"actor": INJECTION})
    assert remote.stats() == before


@pytest.mark.parametrize(
    "value",
    ["line\nbreak\ttab\r", 'quote " and \\ backslash', '"""', "x\x00\x1f\x7fy", "Türkiye 北京", ""],
)
def test_awkward_strings_survive_binding(remote: SparqlEndpointStore, value: str) -> None:
    assert remote.query("SELECT ?x WHERE {}", {"x": value}) == [{"x": value}]


def test_typed_values_come_back_as_the_embedded_store_gives_them(
    remote: SparqlEndpointStore, local: Store
) -> None:
    text = "SELECT ?i ?f ?b ?iri WHERE {}"
    bindings = {"i": 41, "f": 0.5, "b": True, "iri": URIRef("https://example.org/a")}
    assert (
        remote.query(text, bindings)
        == local.query(text, bindings)
        == [{"i": 41, "f": 0.5, "b": True, "iri": "https://example.org/a"}]
    )


def test_iri_with_forbidden_characters_is_refused() -> None:
    with pytest.raises(QueryError, match="IRI"):
        sparql_term(URIRef("https://example.org/> } DROP ALL {"))


def test_write_replaces_the_document_graph(
    remote: SparqlEndpointStore, local: Store, extractions: list[Extraction]
) -> None:
    d2 = next(e for e in extractions if e.document.id == "d2")
    fewer = replace(d2, relations=d2.relations[:1])
    assert remote.write(fewer) == local.write(fewer)
    assert remote.stats() == local.stats()
    assert remote.stats().claims == 14 - 5 + 1


def test_remove_drops_one_graph(remote: SparqlEndpointStore, local: Store) -> None:
    assert remote.remove("d3") and local.remove("d3")
    assert not remote.remove("d3")
    assert remote.stats() == local.stats()
    assert run_query(remote, "edges") == run_query(local, "edges")


@pytest.mark.parametrize("format", ["nq", "trig", "nt"])
def test_dump_holds_the_same_quads(remote: SparqlEndpointStore, local: Store, format: str) -> None:
    dumps = []
    for store in (remote, local):
        buffer = io.BytesIO()
        store.dump(buffer, format)
        rdf_format = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}.get(
            format, ox.RdfFormat.N_TRIPLES
        )
        dumps.append(set(ox.parse(buffer.getvalue(), rdf_format)))
    assert dumps[0] == dumps[1]
    assert len(dumps[0]) > 100


def test_update_refuses_a_query_and_query_refuses_an_update(
    remote: SparqlEndpointStore,
) -> None:
    with pytest.raises(QueryError):
        remote.query("DROP ALL")
    with pytest.raises(QueryError):
        remote.update("SELECT * WHERE { ?s ?p ?o }")
    assert remote.stats().documents == 4


def test_unreachable_endpoint_is_a_store_error() -> None:
    store = SparqlEndpointStore.from_url(f"http://127.0.0.1:{free_port()}", timeout=5)
    with pytest.raises(StoreError, match="cannot reach"):
        store.stats()


def test_open_any_dispatches_on_the_scheme(tmp_path: Path) -> None:
    endpoint = open_any("http://127.0.0.1:7878/query")
    assert isinstance(endpoint, SparqlEndpointStore)
    assert endpoint.update_url == "http://127.0.0.1:7878/update"
    with open_any(tmp_path / "store") as store:
        assert isinstance(store, Store)


def test_server_serves_what_the_embedded_store_wrote(tmp_path: Path, local: Store) -> None:
    folder = tmp_path / "store"
    with Store.open(folder) as store:
        for extraction in world():
            store.write(extraction)
    with start_server(folder) as handle:
        served = SparqlEndpointStore.from_url(handle.url, timeout=30)
        assert served.stats() == local.stats()
        assert run_query(served, "backers", PARAMS["backers"]) == run_query(
            local, "backers", PARAMS["backers"]
        )


def test_server_cannot_open_a_store_held_by_another_process(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store"), pytest.raises(StoreError, match="exited"):
        start_server(tmp_path / "store", wait=10).stop()


class TestBindValues:
    """The VALUES rewrite on its own: which braces open group patterns."""

    def test_every_group_gets_the_block(self) -> None:
        text = "SELECT ?a WHERE { { ?a ?p ?o } UNION { ?o ?p ?a FILTER(?a = ?a) } }"
        assert bind_values(text, {"a": 1}).count("VALUES (?a)") == 3

    def test_a_group_that_does_not_use_a_variable_gets_no_block_for_it(self) -> None:
        text = "SELECT ?a ?b WHERE { ?a ?p ?o OPTIONAL { ?o ?q ?r } OPTIONAL { ?o ?q ?b } }"
        bound = bind_values(text, {"a": 1, "b": 2})
        # the WHERE clause binds both (?b is also projected), the last group only ?b
        assert bound.count("VALUES (?a ?b)") == 1 and bound.count("VALUES (?b)") == 1
        assert "OPTIONAL { ?o ?q ?r }" in bound

    def test_braces_in_strings_iris_comments_and_values_data_are_left_alone(self) -> None:
        text = (
            "# a comment { \nSELECT ?a WHERE { VALUES ?p { <urn:x> } "
            '?a ?p "{" . ?a ?q """}{""" FILTER(?a != <urn:y#z>) # }\n}'
        )
        bound = bind_values(text, {"a": "v"})
        assert bound.count("VALUES (?a)") == 1
        assert bound.startswith("# a comment { \nSELECT ?a WHERE { VALUES (?a)")

    def test_sub_select_gets_it_inside_not_before(self) -> None:
        text = "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?o } } }"
        bound = bind_values(text, {"a": 1})
        assert bound.count("VALUES (?a)") == 2
        assert ") } { SELECT ?a WHERE { VALUES (?a)" in bound

    def test_construct_template_is_not_a_group(self) -> None:
        bound = bind_values("CONSTRUCT { ?a ?p ?o } WHERE { ?a ?p ?o }", {"a": 1})
        assert bound.startswith("CONSTRUCT { ?a ?p ?o } WHERE { VALUES (?a)")

    def test_a_bad_variable_name_is_refused(self) -> None:
        with pytest.raises(QueryError, match="variable"):
            bind_values("SELECT * WHERE {}", {"a) {} DROP": 1})


def test_the_graph_reads_the_same_from_the_server(
    remote: SparqlEndpointStore, local: Store
) -> None:
    """Whole-graph readers take the edge rows through the endpoint as they do embedded."""
    rows = stored_summaries(remote)
    assert rows is not None and sorted(rows, key=str) == sorted(stored_summaries(local), key=str)
    light = to_networkx(remote, evidence=False)
    assert light.number_of_edges() > 3
    assert sorted(light.edges(keys=True, data=True)) == sorted(
        to_networkx(local, evidence=False).edges(keys=True, data=True)
    )
