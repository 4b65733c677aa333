"""The query library: every query in queries/ on the library fixture (tests/fixtures.py,
``library_world``), with answers worked out by hand from the six documents.

The store is linked (``kg.sources.link_sources``), so d2 and its syndicated copy d4 are
one independent source, as d1 and d1-copy are.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fixtures import ACTORS, library_world, relation
from rdflib import URIRef

from kg.errors import QueryError
from kg.model import Document, Extraction, RelationType
from kg.query import QueryInfo, list_queries, load_query, run_query, sort_rows
from kg.sources import link_sources
from kg.store import Store
from kg.vocab import relation_iri

A = "https://w3id.org/kg/id/actor/"
KG = "https://w3id.org/kg/ontology#"
INJECTION = '"} ; DROP ALL ; {"'
D1, D2 = "1f38bc7ca71c4633", "4955615dccaf9bc0"  # checksums naming the two shared stories

# (query, parameters, columns compared, expected rows in the query's order)
Case = tuple[str, dict[str, str], tuple[str, ...], list[tuple[object, ...]]]
CASES: list[Case] = [
    (
        "backers",
        {"actor": "Damascus"},
        ("backer", "claims", "documents", "sources", "first", "last"),
        [
            (A + "russia", 4, 4, 2, "2024-11-30", "2024-12-03"),
            (A + "iran", 2, 2, 1, "2024-12-02", "2024-12-03"),
        ],
    ),
    (
        "backers",  # as of a date
        {"actor": "syrian-government", "to": "2024-12-01"},
        ("backer", "claims", "sources", "to"),
        [(A + "russia", 2, 1, "2024-12-01")],
    ),
    (
        "backers",  # between two dates
        {"actor": "syrian-government", "from": "2024-12-02", "to": "2024-12-02"},
        ("backer", "claims", "sources"),
        [(A + "iran", 1, 1), (A + "russia", 1, 1)],
    ),
    (
        "opponents",
        {"actor": "HTS"},
        ("opponent", "direction", "claims", "sources", "first", "last"),
        [
            (A + "syrian-government", "opposes", 3, 2, "2024-11-27", "2024-12-03"),
            (A + "russia", "opposed-by", 2, 1, "2024-12-02", "2024-12-03"),
            (A + "turkey", "opposed-by", 1, 1, "2024-12-20", "2024-12-20"),
        ],
    ),
    (
        "opponents",  # "on Nov. 27" dates d5's claim before the period, d5 itself inside it
        {"actor": "hts", "from": "2024-12-10"},
        ("opponent", "direction", "claims"),
        [(A + "turkey", "opposed-by", 1)],
    ),
    (
        "meetings",
        {"actor": "Türkiye", "from": "2024-12-03"},
        ("other", "claims", "documents", "first", "last"),
        [(A + "russia", 2, 2, "2024-12-03", "2024-12-05")],
    ),
    (
        "edge-evidence",
        {"subject": "hts", "relation": "opposes", "object": "Damascus"},
        ("doc", "quote", "published"),
        [
            ("d2", "HTS attacked government forces", "2024-12-02"),
            ("d4", "HTS attacked government forces", "2024-12-03"),
            ("d5", "HTS seized Aleppo from government forces on Nov. 27", "2024-12-20"),
        ],
    ),
    (
        "edges",
        {},
        ("subject", "relation", "object", "claims", "documents", "sources", "first", "last"),
        [
            (A + "hezbollah", KG + "backs", A + "assad", 1, 1, 1, "2024-12-20", "2024-12-20"),
            (A + "iran", KG + "backs", A + "hezbollah", 2, 2, 1, "2024-11-30", "2024-11-30"),
            (
                A + "iran",
                KG + "backs",
                A + "syrian-government",
                2,
                2,
                1,
                "2024-12-02",
                "2024-12-03",
            ),
            (
                A + "russia",
                KG + "backs",
                A + "syrian-government",
                4,
                4,
                2,
                "2024-11-30",
                "2024-12-03",
            ),
            (
                A + "assad",
                KG + "leads",
                A + "syrian-government",
                1,
                1,
                1,
                "2024-12-20",
                "2024-12-20",
            ),
            (A + "russia", KG + "meetsWith", A + "turkey", 3, 3, 2, "2024-12-02", "2024-12-05"),
            (
                A + "hts",
                KG + "opposes",
                A + "syrian-government",
                3,
                3,
                2,
                "2024-11-27",
                "2024-12-03",
            ),
            (A + "russia", KG + "opposes", A + "hts", 2, 2, 1, "2024-12-02", "2024-12-03"),
            (
                A + "russia",
                KG + "opposes",
                A + "syrian-government",
                1,
                1,
                1,
                "2024-12-05",
                "2024-12-05",
            ),
            (A + "turkey", KG + "opposes", A + "hts", 1, 1, 1, "2024-12-20", "2024-12-20"),
        ],
    ),
    (
        "contested",
        {},
        ("subject", "relation", "object", "claims", "sources", "denials", "rivals"),
        [
            (A + "russia", KG + "backs", A + "syrian-government", 4, 2, 0, 1),
            (A + "russia", KG + "opposes", A + "syrian-government", 1, 1, 0, 4),
        ],
    ),
    (
        "changes",
        {},
        ("subject", "object", "stance", "day", "claims", "sources"),
        [
            (A + "russia", A + "syrian-government", "backs", "2024-11-30", 2, 1),
            (A + "russia", A + "syrian-government", "backs", "2024-12-02", 1, 1),
            (A + "russia", A + "syrian-government", "backs", "2024-12-03", 1, 1),
            (A + "russia", A + "syrian-government", "opposes", "2024-12-05", 1, 1),
            (A + "turkey", A + "hts", "not backs", "2024-11-30", 2, 1),
            (A + "turkey", A + "hts", "opposes", "2024-12-20", 1, 1),
        ],
    ),
    (
        "changes",
        {"actor": "Ankara"},
        ("subject", "object", "stance", "day", "quote"),
        [
            (A + "turkey", A + "hts", "not backs", "2024-11-30", "Turkey denied backing HTS"),
            (A + "turkey", A + "hts", "opposes", "2024-12-20", "Turkey now opposes HTS"),
        ],
    ),
    (
        "allies-of-allies",
        {"actor": "Tehran"},
        ("via", "other", "label", "ally", "enemy"),
        [
            (A + "hezbollah", A + "assad", "Bashar al-Assad", False, False),
            (A + "syrian-government", A + "russia", "Russia", False, False),
        ],
    ),
    (
        "enemies-of-enemies",
        {"actor": "russia"},
        ("via", "other", "ally", "enemy"),
        [
            (A + "syrian-government", A + "hts", False, True),
            (A + "hts", A + "syrian-government", True, True),
            (A + "hts", A + "turkey", False, False),
        ],
    ),
    (
        "enemies-of-enemies",
        {"actor": "turkey"},
        ("via", "other", "ally", "enemy"),
        [
            (A + "hts", A + "russia", False, False),
            (A + "hts", A + "syrian-government", False, False),
        ],
    ),
    (
        "single-source",
        {},
        ("subject", "relation", "object", "claims", "documents", "doc"),
        [
            (A + "hezbollah", KG + "backs", A + "assad", 1, 1, "d5"),
            (A + "iran", KG + "backs", A + "hezbollah", 2, 2, "d1"),
            (A + "iran", KG + "backs", A + "syrian-government", 2, 2, "d2"),
            (A + "assad", KG + "leads", A + "syrian-government", 1, 1, "d5"),
            (A + "russia", KG + "opposes", A + "hts", 2, 2, "d2"),
            (A + "russia", KG + "opposes", A + "syrian-government", 1, 1, "d3"),
            (A + "turkey", KG + "opposes", A + "hts", 1, 1, "d5"),
        ],
    ),
    (
        "single-source",
        {"relation": "backs"},
        ("subject", "object"),
        [
            (A + "hezbollah", A + "assad"),
            (A + "iran", A + "hezbollah"),
            (A + "iran", A + "syrian-government"),
        ],
    ),
    (
        "actor-edges",
        {"actor": "HTS"},
        ("relation", "direction", "other", "claims", "sources", "first", "last"),
        [
            (KG + "opposes", "in", A + "russia", 2, 1, "2024-12-02", "2024-12-03"),
            (KG + "opposes", "in", A + "turkey", 1, 1, "2024-12-20", "2024-12-20"),
            (KG + "opposes", "out", A + "syrian-government", 3, 2, "2024-11-27", "2024-12-03"),
        ],
    ),
    (
        "actor-edges",
        {"actor": "Turkey"},
        ("relation", "direction", "other", "claims"),
        [(KG + "meetsWith", "mutual", A + "russia", 3), (KG + "opposes", "out", A + "hts", 1)],
    ),
    (
        "profile",
        {"actor": "Damascus"},
        ("id", "type", "leaders", "documents", "claims", "edges"),
        [("syrian-government", "government", "Bashar al-Assad", 6, 11, 5)],
    ),
    (
        "sources",
        {},
        ("source", "doc", "publisher", "copies"),
        [
            (D1, "d1", "Reuters", 2),
            (D1, "d1-copy", "AFP", 2),
            (D2, "d2", "AP", 2),
            (D2, "d4", "Yahoo News", 2),
            ("8a22c8072bf69f34", "d3", "Reuters", 1),
            ("af65f2cc1d820497", "d5", "BBC", 1),
        ],
    ),
    (
        "actors",
        {},
        ("id", "type", "wikidata", "documents"),
        [
            ("assad", "person", "Q44461", 1),
            ("hezbollah", "armed_group", None, 3),
            ("hts", "armed_group", None, 6),
            ("iran", "state", "Q794", 5),
            ("russia", "state", "Q159", 5),
            ("syrian-government", "government", None, 6),
            ("turkey", "state", "Q43", 6),
        ],
    ),
    (
        "claims",
        {},
        ("doc", "stated", "story"),
        sorted(
            [("d1", None, D1)] * 3
            + [("d1-copy", None, D1)] * 3
            + [("d2", None, D2)] * 5
            + [("d3", None, "8a22c8072bf69f34")] * 3
            + [("d4", None, D2)] * 5
            + [("d5", None, "af65f2cc1d820497")] * 3
            + [("d5", "2024-11-27", "af65f2cc1d820497")],
            key=repr,
        ),
    ),
]
UNORDERED = {"claims"}  # ordered by claim IRI, a hash


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """An on-disk store with the six library documents, linked into four sources."""
    with Store.open(tmp_path_factory.mktemp("library") / "store") as store:
        for extraction in library_world():
            store.write(extraction)
        assert link_sources(store) == 4
        yield store


def _case_id(case: Case) -> str:
    return f"{case[0]}-{'-'.join(f'{k}={v}' for k, v in case[1].items())}".rstrip("-")


def test_every_query_has_a_case() -> None:
    assert {q.name for q in list_queries()} <= {case[0] for case in CASES}


def test_the_issue_queries_exist() -> None:
    wanted = {
        "backers",
        "opponents",
        "profile",
        "actor-edges",
        "edge-evidence",
        "meetings",
        "changes",
        "contested",
        "allies-of-allies",
        "enemies-of-enemies",
        "single-source",
        "sources",
    }
    assert wanted <= {q.name for q in list_queries()}


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_query_gives_its_known_answer(library: Store, case: Case) -> None:
    name, params, columns, expected = case
    info = load_query(name)
    assert info.description and info.columns
    rows = run_query(library, name, params)
    for row in rows:
        assert tuple(row) == info.columns
    got = [tuple(row[c] for c in columns) for row in rows]
    assert (sorted(got, key=repr) if name in UNORDERED else got) == expected


@pytest.mark.parametrize("info", list_queries(), ids=lambda q: q.name)
def test_query_runs_on_an_empty_store(tmp_path: Path, info: QueryInfo) -> None:
    name = info.name
    params = next(case[1] for case in CASES if case[0] == name)
    with Store.open(tmp_path / "empty") as empty:
        if any(p.kind == "actor" and p.name in params for p in info.params):
            with pytest.raises(QueryError, match="no actor"):
                run_query(empty, name, params)
        else:
            assert run_query(empty, name, params) == []


@pytest.mark.parametrize(
    "info",
    [q for q in list_queries() if any(p.kind == "actor" for p in q.params)],
    ids=lambda q: q.name,
)
def test_an_injected_actor_is_only_a_value(library: Store, info: QueryInfo) -> None:
    before = library.stats()
    actor = next(p.name for p in info.params if p.kind == "actor")
    params = {**next(c[1] for c in CASES if c[0] == info.name), actor: INJECTION}
    with pytest.raises(QueryError, match="no actor"):
        run_query(library, info.name, params)
    assert library.stats() == before


def test_unlinked_copies_count_as_separate_sources(tmp_path: Path) -> None:
    with Store.open(tmp_path / "unlinked") as store:
        for extraction in library_world():
            store.write(extraction)
        rows = run_query(store, "single-source", {"relation": "backs"})
        assert (A + "iran", A + "syrian-government") not in {
            (r["subject"], r["object"]) for r in rows
        }
        link_sources(store)
        rows = run_query(store, "single-source", {"relation": "backs"})
        assert (A + "iran", A + "syrian-government") in {(r["subject"], r["object"]) for r in rows}


def test_an_undated_claim_leaves_the_dates_of_the_others() -> None:
    """A document without a date must not blank an edge's first and last dates (SPARQL's
    MIN and MAX give nothing when one value is unbound)."""
    dated = Document("dated", "Iran backs Hezbollah.", published=date(2024, 5, 1))
    undated = Document("undated", "Iran backs Hezbollah, again.")
    store = Store.in_memory()
    for doc in (dated, undated):
        store.write(
            Extraction(
                doc,
                (ACTORS["iran"], ACTORS["hezbollah"]),
                (relation(doc, "iran", RelationType.BACKS, "hezbollah", "Iran backs Hezbollah"),),
            )
        )
    for name, params in [("edges", {}), ("backers", {"actor": "hezbollah"})]:
        (row,) = run_query(store, name, params)
        assert (row["claims"], row["first"], row["last"]) == (2, "2024-05-01", "2024-05-01")


_FORMS = [(q, q.undated) for q in list_queries() if q.undated] + [
    (q, q.centred) for q in list_queries() if q.centred
]


@pytest.mark.parametrize(("info", "form"), _FORMS, ids=lambda x: getattr(x, "name", x))
def test_a_faster_form_gives_what_the_query_itself_gives(
    library: Store, info: QueryInfo, form: str
) -> None:
    """A query's ``undated`` form (read from the edge summaries) or ``centred`` form
    (starting from the actor) must answer exactly as its own text does, for every actor."""
    assert info.path is not None
    faster = load_query(info.path.parent / form)
    assert faster.columns == info.columns and faster.order == info.order
    assert [(p.name, p.kind) for p in info.params if p.kind != "date"] == [
        (p.name, p.kind) for p in faster.params
    ]
    answered = 0
    actors = library.query(f"SELECT DISTINCT ?a WHERE {{ ?a <{KG}actorType> ?type }}")
    for actor in sorted(str(row["a"]) for row in actors):
        counted = sort_rows(library.query(info.text, {"actor": URIRef(actor)}), info.order)
        assert run_query(library, info.name, {"actor": actor}) == counted, actor
        answered += bool(counted)
    assert answered >= 2


@pytest.mark.parametrize("info", [q for q in list_queries() if q.rows], ids=lambda q: q.name)
def test_a_query_read_from_the_summary_rows_gives_what_its_sparql_gives(
    library: Store, info: QueryInfo
) -> None:
    """``run_query`` answers a query with a ``# rows:`` line from the summaries' kg:row
    literals; its SPARQL, over the summary properties, must give the same rows, for every
    value of its parameters."""
    assert all(param.kind == "relation" for param in info.params)
    choices = [{}] + [
        {param.name: relation.value} for param in info.params for relation in RelationType
    ]
    for params in choices:
        bound = {name: relation_iri(RelationType(value)) for name, value in params.items()}
        counted = sort_rows(library.query(info.text, bound), info.order)
        assert run_query(library, info.name, params) == counted, params
        assert counted or params, "the library world must give the query some rows"
