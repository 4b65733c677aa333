"""Hostile text never becomes code: not SPARQL (values are bound), not HTML (escaped), not
file names (ids cannot leave the output folder); and user queries cannot change the
store. Real stores, real ``kg`` processes."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fixtures import ACTORS
from kgproc import quads_by_document, run_kg

import kg
from kg.errors import QueryError
from kg.export import EXPORT_FORMATS
from kg.model import Actor, ActorType, Document, Evidence, Extraction, Relation, RelationType
from kg.store import Store
from kg.vocab import actor_iri

NAMES = (
    "} ; DROP ALL ; {",
    '" } ; DROP ALL ; { "',
    '"""',
    "O'Brien's \"Brigade\" {x} <b>",
    "?actor <urn:x> . ?s ?p ?o # }",
    "Ωmega \u202eBrigade 🚀 \\ $x",
)
"""Names of actors in a hand-built store: each must come back exactly, and find itself."""

INJECTIONS = (
    "} ; DROP ALL ; { #",
    '"} ; DROP ALL ; {"',
    "'} ; DROP ALL ; {'",
    '"""} ; DROP ALL ; {"""',
    'x" . } DELETE WHERE { ?s ?p ?o } ; SELECT * { "',
    "Iran\n} ; DROP ALL ; {\r\n",
    "<https://w3id.org/kg/id/actor/iran>",
    "?actor",
    "\\u0022 } DROP ALL { \\u0022",
)
"""Parameter values that name no actor and must change nothing."""


def _hostile_extraction() -> Extraction:
    """Each hostile actor backs Iran, and Iran opposes it, each in its own sentence."""
    lines = [f"{name} backs Iran. Iran attacked {name}." for name in NAMES]
    doc = Document("hostile", "\n".join(lines), title=NAMES[0], publisher=NAMES[1])
    actors = [Actor(f"x-hostile-{n}", name, ActorType.ARMED_GROUP) for n, name in enumerate(NAMES)]
    relations = []
    start = 0
    for actor, line in zip(actors, lines, strict=True):
        middle = line.index(" Iran attacked")
        backs = Evidence.from_span(doc, start, start + middle)
        opposes = Evidence.from_span(doc, start + middle + 1, start + len(line))
        relations.append(Relation(actor.id, RelationType.BACKS, "iran", (backs,)))
        relations.append(Relation("iran", RelationType.OPPOSES, actor.id, (opposes,)))
        start += len(line) + 1
    return Extraction(doc, (ACTORS["iran"], *actors), tuple(relations))


@pytest.fixture
def hostile_store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with Store.open(path) as store:
        store.write(_hostile_extraction())
    return path


def _snapshot(path: Path) -> dict[str, frozenset[str]]:
    with Store.open(path, read_only=True) as store:
        return quads_by_document(store)


def _one_line_error(result, *fragments: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


# --- SPARQL: values are bound, never pasted ---------------------------------------------


def test_hostile_actor_names_round_trip_and_find_themselves(hostile_store: Path) -> None:
    before = _snapshot(hostile_store)
    with kg.Graph(Store.open(hostile_store, read_only=True)) as graph:
        backers = graph.query("backers", actor="Iran")
        assert sorted(str(r["label"]) for r in backers) == sorted(NAMES)
        for n, name in enumerate(NAMES):
            rows = graph.query("opponents", actor=name)
            assert [(r["actor"], r["opponent"], r["direction"]) for r in rows] == [
                (str(actor_iri(f"x-hostile-{n}")), str(actor_iri("iran")), "opposed-by")
            ]
        labelled = graph.sparql(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "SELECT DISTINCT ?actor ?name WHERE { ?actor rdfs:label ?name }",
            {"name": NAMES[1]},
        )
        assert labelled == [{"actor": str(actor_iri("x-hostile-1")), "name": NAMES[1]}]
    assert _snapshot(hostile_store) == before


def test_hostile_parameter_values_change_nothing(hostile_store: Path, tmp_path: Path) -> None:
    before = _snapshot(hostile_store)
    rq = tmp_path / "labelled.rq"
    rq.write_text(
        "# name: labelled\n# columns: actor, text\n# param: text (string) - a label\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT DISTINCT ?actor ?text WHERE { ?actor rdfs:label ?text }\n",
        encoding="utf-8",
    )
    with kg.Graph(Store.open(hostile_store, read_only=True)) as graph:
        for value in INJECTIONS:
            with pytest.raises(QueryError, match="no actor is called"):
                graph.query("backers", actor=value)
            with pytest.raises(QueryError, match="must be a date"):
                graph.query("backers", actor="Iran", **{"from": value})
            assert graph.query(rq, text=value) == []
        for n, name in enumerate(NAMES):  # a string parameter matches the text literally
            assert graph.query(rq, text=name) == [
                {"actor": str(actor_iri(f"x-hostile-{n}")), "text": name}
            ]
    for value in INJECTIONS[:3]:
        result = run_kg(
            "query", "backers", "--param", f"actor={value}", "--store", hostile_store, cwd=tmp_path
        )
        _one_line_error(result, "no actor is called")
    result = run_kg(
        "query",
        rq,
        "--param",
        f"text={NAMES[0]}",
        "-f",
        "json",
        "--store",
        hostile_store,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"actor": str(actor_iri("x-hostile-0")), "text": NAMES[0]}]
    result = run_kg(
        "query", "backers", "-p", "actor=Iran", "-f", "json", "--store", hostile_store, cwd=tmp_path
    )
    assert sorted(row["label"] for row in json.loads(result.stdout)) == sorted(NAMES)
    assert _snapshot(hostile_store) == before


# --- queries from users are read-only ------------------------------------------------------

UPDATES = {
    "drop": "DROP ALL",
    "clear": "CLEAR ALL",
    "insert": "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "delete": "DELETE WHERE { ?s ?p ?o }",
    "load": "LOAD <file:///etc/hostname>",
    "smuggled": "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
}


def test_a_query_file_that_updates_fails_and_changes_nothing(
    hostile_store: Path, tmp_path: Path
) -> None:
    before = _snapshot(hostile_store)
    files = {}
    for name, text in UPDATES.items():
        files[name] = tmp_path / f"{name}.rq"
        files[name].write_text(f"# name: {name}\n# columns: x\n{text}\n", encoding="utf-8")
    with kg.open_graph(hostile_store) as graph:  # even with the store open for writing
        for path in files.values():
            with pytest.raises(QueryError, match="invalid SPARQL query"):
                graph.query(path)
            with pytest.raises(QueryError, match="invalid SPARQL query"):
                graph.sparql(path.read_text("utf-8"))
    for name in ("drop", "smuggled"):
        result = run_kg("query", files[name], "--store", hostile_store, cwd=tmp_path)
        _one_line_error(result, "invalid SPARQL query")
    assert _snapshot(hostile_store) == before


# --- articles: text in, the same text out, never markup or paths ---------------------------

SCRIPT = "</script><script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
ARTICLE = (
    f"Iran armed Hezbollah {SCRIPT} in Lebanon.\n\n"
    f"Israel attacked Hezbollah {IMG} on Monday.\n\n"
    "Russia supports the Syrian government } ; DROP ALL ; { \"\"\" ''' \\ said a source.\n"
)


def _records(folder: Path) -> Path:
    """A JSON Lines file of hostile records: ids and titles that climb out of folders."""
    path = folder / "hostile.jsonl"
    folder.mkdir(parents=True, exist_ok=True)
    records = [
        {"id": "../../etc/kg-pwned", "title": f"../../../tmp/kg-pwned {SCRIPT}", "text": ARTICLE},
        {"id": "/etc/kg-pwned-abs", "title": IMG, "publisher": SCRIPT, "text": ARTICLE + "1"},
        {"id": "..\\..\\kg-pwned-win", "place": "../..", "text": ARTICLE + "2"},
        {"id": "a/../../../kg-pwned-mid", "url": "javascript:alert(1)", "text": ARTICLE + "3"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _files(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file()}


@pytest.mark.model
def test_hostile_articles_round_trip_and_stay_in_the_output_folder(tmp_path: Path) -> None:
    work = tmp_path / "work"
    source = _records(work / "in")
    store = work / "store"
    ingest = run_kg("ingest", source, "--store", store, cwd=work)
    assert ingest.returncode == 0, ingest.stderr
    before = _files(tmp_path)

    out = work / "out"
    out.mkdir()
    written = {Path("out") / f"graph.{fmt}" for fmt in EXPORT_FORMATS} | {Path("out/view.html")}
    for fmt in EXPORT_FORMATS:
        result = run_kg("export", "-f", fmt, "-o", out / f"graph.{fmt}", "--store", store, cwd=work)
        assert result.returncode == 0, result.stderr
    result = run_kg("view", "-o", out / "view.html", "--store", store, cwd=work)
    assert result.returncode == 0, result.stderr
    assert _files(out) == {p.relative_to("out") for p in written}
    new = {p for p in _files(tmp_path) - before if p.parts[:2] != ("work", "store")}
    assert new == {Path("work") / p for p in written}, "files outside the output folder"
    for folder in (Path("/"), Path("/etc"), Path("/tmp"), tmp_path.parent, work.parent):
        assert not list(folder.glob("*kg-pwned*")), folder

    with kg.Graph(Store.open(store, read_only=True)) as graph:
        documents = {d.id: d for d in graph.store.documents()}
        assert sorted(documents) == [
            "_/_/etc/kg-pwned",
            "_/_/kg-pwned-win",
            "a/_/_/_/kg-pwned-mid",
            "etc/kg-pwned-abs",
        ]
        assert documents["_/_/etc/kg-pwned"].title == f"../../../tmp/kg-pwned {SCRIPT}"
        assert documents["etc/kg-pwned-abs"].publisher == SCRIPT
        texts = {
            "_/_/etc/kg-pwned": ARTICLE,
            "etc/kg-pwned-abs": ARTICLE + "1",
            "_/_/kg-pwned-win": ARTICLE + "2",
            "a/_/_/_/kg-pwned-mid": ARTICLE + "3",
        }
        rows = graph.sparql(
            "PREFIX kg: <https://w3id.org/kg/ontology#>\n"
            "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
            "SELECT ?id ?start ?end ?quote WHERE { ?e kg:quote ?quote ; kg:start ?start ;"
            " kg:end ?end ; kg:document ?d . ?d dcterms:identifier ?id }"
        )
    quotes = {str(r["quote"]) for r in rows}
    assert any(SCRIPT in q for q in quotes) and any(IMG in q for q in quotes)
    assert any('} ; DROP ALL ; { """' in q for q in quotes)
    for row in rows:  # every quote is still exactly the text over its span
        assert texts[str(row["id"])][int(row["start"]) : int(row["end"])] == row["quote"]

    page = (out / "view.html").read_text("utf-8")
    tags = _tags(page)
    assert [t for t, _ in tags if t == "script"] == ["script"] * 3, "only the page's own scripts"
    assert len(re.findall(r"</script", page, re.IGNORECASE)) == 3
    assert "img" not in {t for t, _ in tags}
    assert not any(name.startswith("on") for _, attrs in tags for name in attrs)
    data = json.loads(re.search(r'<script id="kg-data"[^>]*>(.*?)</script>', page, re.S)[1])
    strings = set(_strings(data))  # and the text arrives intact, as data
    assert any(SCRIPT in text for text in strings) and any(IMG in text for text in strings)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for item in value for s in _strings(item)] if isinstance(value, list) else []


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every start tag of a page, as a browser's tokenizer sees it."""
    parser = _Tags()
    parser.feed(page)
    return parser.tags
