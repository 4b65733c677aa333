"""kg.query: every named query on the fixture store, with answers worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import ACTORS
from rdflib import URIRef

from kg.errors import OntologyError, QueryError
from kg.model import Actor, ActorType, Document, Extraction
from kg.query import (
    bind_edge,
    list_queries,
    load_query,
    parse_query,
    resolve_actor,
    run_query,
    sort_rows,
)
from kg.resources import queries_dir
from kg.store import Store

A = "https://w3id.org/kg/id/actor/"
KG = "https://w3id.org/kg/ontology#"
INJECTION = '"} ; DROP ALL ; {"'

# name -> (parameters, columns to compare, expected rows in the query's order)
EXPECTED: dict[str, tuple[dict[str, str], tuple[str, ...], list[tuple[object, ...]]]] = {
    "backers": (
        {"actor": "Damascus"},
        ("backer", "label", "claims", "documents"),
        [(A + "russia", "Russia", 3, 3), (A + "iran", "Iran", 1, 1)],
    ),
    "opponents": (
        {"actor": "HTS"},
        ("opponent", "direction", "claims"),
        [(A + "russia", "opposed-by", 1), (A + "syrian-government", "opposes", 1)],
    ),
    "meetings": (
        {"actor": "Ankara", "from": "2024-12-03"},
        ("other", "claims", "first", "last"),
        [(A + "russia", 1, "2024-12-05", "2024-12-05")],
    ),
    "edge-evidence": (
        {"subject": "russia", "relation": "backs", "object": "syrian government"},
        ("doc", "start", "end", "quote", "publisher"),
        [
            ("d1", 0, 34, "Russia backs the Syrian government", "Reuters"),
            ("d1-copy", 0, 34, "Russia backs the Syrian government", "AFP"),
            ("d2", 0, 42, "Russia and Iran support Assad's government", "AP"),
        ],
    ),
    "edges": (
        {},
        ("subject", "relation", "object", "claims", "documents"),
        [
            (A + "iran", KG + "backs", A + "hezbollah", 2, 2),
            (A + "iran", KG + "backs", A + "syrian-government", 1, 1),
            (A + "russia", KG + "backs", A + "syrian-government", 3, 3),
            (A + "russia", KG + "meetsWith", A + "turkey", 2, 2),
            (A + "hts", KG + "opposes", A + "syrian-government", 1, 1),
            (A + "russia", KG + "opposes", A + "hts", 1, 1),
            (A + "russia", KG + "opposes", A + "syrian-government", 1, 1),
        ],
    ),
    "actors": (
        {},
        ("id", "type", "wikidata", "documents"),
        [
            ("hezbollah", "armed_group", None, 2),
            ("hts", "armed_group", None, 4),
            ("iran", "state", "Q794", 4),
            ("russia", "state", "Q159", 4),
            ("syrian-government", "government", None, 4),
            ("turkey", "state", "Q43", 4),
        ],
    ),
    "profile": (
        {"actor": "kremlin"},
        ("id", "label", "type", "wikidata", "documents", "claims", "edges"),
        [("russia", "Russia", "state", "Q159", 4, 7, 4)],
    ),
    "claims": (
        {},
        ("doc", "quote", "polarity", "modality"),
        sorted(
            [
                ("d1", "Russia backs the Syrian government", "positive", "asserted"),
                ("d1", "Iran arms Hezbollah", "positive", "asserted"),
                ("d1", "Turkey denied backing HTS", "negative", "asserted"),
                ("d1-copy", "Russia backs the Syrian government", "positive", "asserted"),
                ("d1-copy", "Iran arms Hezbollah", "positive", "asserted"),
                ("d1-copy", "Turkey denied backing HTS", "negative", "asserted"),
                ("d2", "Russia and Iran support Assad's government", "positive", "asserted"),
                ("d2", "Russia and Iran support Assad's government", "positive", "asserted"),
                ("d2", "HTS attacked government forces", "positive", "asserted"),
                ("d2", "Turkey and Russia met in Doha", "positive", "asserted"),
                ("d2", "Russian jets bombed HTS positions", "positive", "asserted"),
                ("d3", "Russia will meet Turkey", "positive", "planned"),
                ("d3", "If Iran backed HTS", "positive", "hypothetical"),
                ("d3", "Russia condemned Damascus", "positive", "reported"),
            ]
        ),
    ),
}
UNORDERED = {"claims"}  # ordered by claim IRI, a hash


def _names() -> list[str]:
    return [q.name for q in list_queries()]


def test_the_required_queries_exist() -> None:
    required = {"backers", "opponents", "meetings", "edge-evidence", "edges", "actors", "profile"}
    assert required <= set(_names())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_named_query_gives_its_known_answer(store: Store, name: str) -> None:
    """The first queries on the four-document world; tests/test_query_library.py
    checks every query in queries/ on a larger fixture."""
    info = load_query(name)
    assert info.description
    params, columns, expected = EXPECTED[name]
    rows = run_query(store, name, params)
    for row in rows:
        assert tuple(row) == info.columns
    got = [tuple(row[c] for c in columns) for row in rows]
    assert (sorted(got) if name in UNORDERED else got) == expected


def test_every_query_runs_on_an_empty_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty") as empty:
        for info in (load_query(name) for name in EXPECTED):
            if any(p.kind == "actor" for p in info.params):
                with pytest.raises(QueryError, match="no actor"):
                    run_query(empty, info.name, EXPECTED[info.name][0])
            else:
                assert run_query(empty, info.name, EXPECTED[info.name][0]) == []


def test_meetings_date_range(store: Store) -> None:
    def others(**dates: str) -> list[tuple[object, ...]]:
        rows = run_query(store, "meetings", {"actor": "turkey", **dates})
        return [(r["other"], r["claims"], r["first"], r["last"]) for r in rows]

    assert others() == [(A + "russia", 2, "2024-12-02", "2024-12-05")]
    assert others(to="2024-12-03") == [(A + "russia", 1, "2024-12-02", "2024-12-02")]
    assert others(**{"from": "2024-12-03", "to": "2024-12-04"}) == []


def test_edge_evidence_of_meetings_ignores_direction(store: Store) -> None:
    rows = run_query(
        store, "edge-evidence", {"subject": "russia", "relation": "meets_with", "object": "turkey"}
    )
    assert [(r["doc"], r["modality"]) for r in rows] == [("d2", "asserted"), ("d3", "planned")]


def test_edge_evidence_lists_denials_too(store: Store) -> None:
    rows = run_query(
        store, "edge-evidence", {"subject": "turkey", "relation": "backs", "object": "hts"}
    )
    assert {(r["doc"], r["polarity"]) for r in rows} == {
        ("d1", "negative"),
        ("d1-copy", "negative"),
    }


def test_parameters_are_checked(store: Store) -> None:
    with pytest.raises(QueryError, match="needs the parameter actor"):
        run_query(store, "backers", {})
    with pytest.raises(QueryError, match="no parameter colour"):
        run_query(store, "backers", {"actor": "iran", "colour": "red"})
    with pytest.raises(QueryError, match="date"):
        run_query(store, "meetings", {"actor": "iran", "from": "last week"})
    with pytest.raises(QueryError, match="unknown relation"):
        run_query(store, "edge-evidence", {"subject": "iran", "relation": "likes", "object": "hts"})
    with pytest.raises(QueryError, match="no query"):
        run_query(store, "nonesuch")


def test_an_injected_parameter_is_only_a_value(store: Store) -> None:
    before = store.stats()
    with pytest.raises(QueryError, match="no actor"):
        run_query(store, "backers", {"actor": INJECTION})
    assert store.stats() == before


def test_an_actor_named_like_an_injection_is_found(tmp_path: Path) -> None:
    odd = Actor("odd", INJECTION, ActorType.ORGANIZATION)
    with Store.open(tmp_path / "odd") as store:
        store.write(Extraction(Document("x", "text"), (odd, ACTORS["iran"]), ()))
        before = store.stats()
        assert resolve_actor(store, INJECTION) == URIRef(A + "odd")
        rows = run_query(store, "profile", {"actor": INJECTION})
        assert [r["label"] for r in rows] == [INJECTION]
        assert store.stats() == before


def test_resolve_actor(store: Store, tmp_path: Path) -> None:
    assert resolve_actor(store, "syrian-government") == URIRef(A + "syrian-government")
    assert resolve_actor(store, "  SYRIAN   Government ") == URIRef(A + "syrian-government")
    assert resolve_actor(store, "türkiye") == URIRef(A + "turkey")
    assert resolve_actor(store, A + "hts") == URIRef(A + "hts")
    with pytest.raises(QueryError, match="no actor"):
        resolve_actor(store, "Atlantis")
    namesakes = [
        Extraction(
            Document("t", "text"),
            (
                Actor("bashar", "Bashar al-Assad", ActorType.PERSON, ("Assad",)),
                Actor("syrian-government", "Syrian government", ActorType.GOVERNMENT, ("Assad",)),
            ),
            (),
        ),
        Extraction(Document("u", "text"), (Actor("hafez", "Assad", ActorType.PERSON),), ()),
        Extraction(Document("v", "text"), (Actor("assad", "Asma", ActorType.PERSON),), ()),
    ]
    with Store.open(tmp_path / "namesakes") as names:
        names.write(namesakes[0])
        with pytest.raises(QueryError, match="could be any of: bashar, syrian-government"):
            resolve_actor(names, "ASSAD ")
        names.write(namesakes[1])  # a label beats an alias
        assert resolve_actor(names, "Assad") == URIRef(A + "hafez")
        names.write(namesakes[2])  # an id beats a label
        assert resolve_actor(names, "Assad") == URIRef(A + "assad")


def test_query_headers_are_parsed() -> None:
    info = load_query("meetings")
    assert info.name == "meetings"
    assert [(p.name, p.kind, p.optional) for p in info.params] == [
        ("actor", "actor", False),
        ("from", "date", True),
        ("to", "date", True),
    ]
    assert info.columns[:3] == ("actor", "other", "label")
    assert "without a date" in info.notes
    assert info.path == queries_dir() / "meetings.rq"


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("# columns: a\n", "name"),
        ("# name: q\n", "columns"),
        ("# name: other\n# columns: a\n", "differs from the file name"),
        ("# name: q\n# columns: a\n# param: x actor - who\n", "expected 'NAME"),
        ("# name: q\n# columns: a\n# param: x (colour) - who\n", "unknown kind"),
        ("# name: q\n# columns: a\n# param: y (actor) - who\n", "does not occur"),
        ("# name: q\n# columns: a\n# order: -b\n", "not among the columns"),
        ("# name: q\n# columns: a\n# rows: all\n", "rows.*not a"),
        ("# name: q\n# columns: claims\n# rows: sources > 1\n", "rows.*'sources > 1'"),
        ("# name: q\n# columns: claims\n# rows: colour = 1\n", "rows.*not colour"),
    ],
)
def test_malformed_headers_are_ontology_errors(tmp_path: Path, header: str, message: str) -> None:
    path = tmp_path / "q.rq"
    path.write_text(header + "SELECT ?a ?x WHERE {}\n", "utf-8")
    with pytest.raises(OntologyError, match=message):
        load_query(path)


def test_a_query_file_outside_queries_dir(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "labels.rq"
    path.write_text(
        "# name: labels\n# description: d\n# param: who (actor) - whom\n# columns: who, label\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT DISTINCT ?who ?label WHERE { ?who rdfs:label ?label }\n",
        "utf-8",
    )
    assert run_query(store, path, {"who": "tehran"}) == [{"who": A + "iran", "label": "Iran"}]
    assert parse_query(path.read_text("utf-8")).name == "labels"


def test_rows_come_in_the_declared_order(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "sorted.rq"
    path.write_text(
        "# name: sorted\n# columns: n, word\n# order: -n, word\n"
        'SELECT ?n ?word WHERE { VALUES (?n ?word) { (1 "b") (2 "z") (1 "a") (2 "y") } }\n',
        "utf-8",
    )
    rows = run_query(store, path)
    assert [(r["n"], r["word"]) for r in rows] == [(2, "y"), (2, "z"), (1, "a"), (1, "b")]


def test_an_edge_header_binds_the_edge_the_parameters_name() -> None:
    info = load_query("edge-evidence")
    assert info.edge == ("subject", "relation", "object")
    meets = "https://w3id.org/kg/ontology#meetsWith"
    one_way = bind_edge(
        info, {"subject": A + "russia", "relation": URIRef(meets), "object": A + "turkey"}
    )
    other_way = bind_edge(
        info, {"subject": A + "turkey", "relation": URIRef(meets), "object": A + "russia"}
    )
    assert (
        one_way["edge"]
        == other_way["edge"]
        != bind_edge(
            info,
            {"subject": A + "russia", "relation": URIRef(KG + "backs"), "object": A + "turkey"},
        )["edge"]
    )


@pytest.mark.parametrize(
    "header",
    ["# edge: subject, object\n", "# edge: relation, subject, object\n"],
)
def test_an_edge_header_must_name_actor_relation_actor(header: str) -> None:
    text = (
        "# name: q\n# columns: edge\n# param: subject (actor) - s\n"
        "# param: relation (relation) - r\n# param: object (actor) - o\n"
        + header
        + "SELECT ?edge ?subject ?relation ?object {}"
    )
    with pytest.raises(OntologyError, match="edge"):
        parse_query(text)


@pytest.mark.parametrize(
    "values",
    [["b", "a", "c", "a"], [3, 1.5, 2, 1], ["b", None, 2, "a", 1.0]],
    ids=["text", "numbers", "mixed"],
)
def test_rows_sort_as_sparql_orders_whatever_the_columns_hold(values: list) -> None:
    """Columns of one kind are sorted by their values, mixed ones by rank: same order."""
    rows = [{"x": value, "i": i} for i, value in enumerate(values)]
    expected = sorted(
        rows,
        key=lambda r: (
            (0, 0)
            if r["x"] is None
            else ((1, r["x"]) if isinstance(r["x"], (int, float)) else (2, r["x"])),
            -r["i"],
        ),
    )
    assert sort_rows(list(rows), ["x", "-i"]) == expected
