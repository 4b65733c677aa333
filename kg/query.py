"""Named SPARQL queries: queries/*.rq, run with their parameters bound, never pasted.

Each file starts with a header naming the query and its parameters::

    # name: backers
    # description: Who backs an actor ...
    # param: actor (actor) - the actor being backed
    # param: from (date, optional) - earliest document date
    # columns: actor, backer, label, claims, documents

A query may name faster forms of itself, giving the same rows: ``# undated: FILE`` (run
when no date parameter is given, e.g. read from the edge summaries) and ``# centred: FILE``
(run when its optional actor is given, starting from that actor's claims); a test checks
each answers as the query itself does.

A query whose rows are edges with what their claims add up to may add ``# rows: all``, ``#
rows: COLUMN`` or ``# rows: COLUMN = NUMBER``: its answer is also stored, as the edge
summaries' rows (``kg.summary``, ``kg:row``), and kg reads it from them in one scan,
keeping the rows where the column is true or equals the number and where each column
named like a bound parameter equals it. The SPARQL stays the definition, run where the
rows are not current; a test checks both give the same rows. Its columns and parameters
must be row columns (``kg.summary.ROW_COLUMNS``).

A query about one edge may add ``# edge: subject, relation, object``: kg then also binds
``?edge`` to the IRI of the edge those three parameters name (``kg.vocab.edge_iri``, what
each claim's ``kg:edge`` points to), so the query can start from that edge's claims.

Other comment lines in the header are notes. A parameter's kind says how its text
becomes a value: ``actor`` (an id, label or alias, resolved to the actor's IRI),
``relation`` (one of the five relation types), ``date`` (YYYY-MM-DD), ``integer``,
``string``. Every parameter must appear in the query's SELECT clause (that is how
the engine binds it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import URIRef

from .bulk import collector_paused
from .errors import OntologyError, QueryError
from .model import RelationType
from .resources import queries_dir
from .store import Binding, GraphStore, Row
from .summary import ROW_COLUMNS, EdgeSummary, stored_summaries
from .vocab import (
    ACTOR,
    ACTORS_GRAPH,
    KG,
    actor_id_of,
    edge_iri,
    relation_iri,
    relation_type_of,
)

__all__ = [
    "PARAM_KINDS",
    "QueryInfo",
    "QueryParam",
    "bind_edge",
    "list_queries",
    "load_query",
    "parse_query",
    "resolve_actor",
    "run_bound",
    "run_query",
]

PARAM_KINDS = ("actor", "relation", "date", "integer", "string")

_HEADER = re.compile(
    r"#\s*(name|description|param|columns|order|undated|centred|edge|rows):\s*(.*)"
)
_ROWS = re.compile(r"all|(\w+)(?:\s*=\s*(\d+))?")
_PARAM = re.compile(r"(\w+)\s+\((\w+)(\s*,\s*optional)?\)\s+-\s+(\S.*)")

_RESOLVE = f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?actor ?rank ?text WHERE {{
  GRAPH <{ACTORS_GRAPH}> {{
    {{ ?actor dcterms:identifier ?name BIND(0 AS ?rank) }}
    UNION {{ ?actor rdfs:label ?name BIND(1 AS ?rank) }}
    UNION {{ ?actor skos:altLabel ?name BIND(2 AS ?rank) }}
  }}
  FILTER(LCASE(STR(?name)) = LCASE(STR(?text)))
}}
ORDER BY ?rank ?actor"""


@dataclass(frozen=True, slots=True)
class QueryParam:
    """One declared parameter of a named query."""

    name: str
    kind: str
    description: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """A named query: its header, parsed, and its text."""

    name: str
    description: str
    params: tuple[QueryParam, ...]
    columns: tuple[str, ...]
    text: str
    path: Path | None = None
    notes: str = ""
    order: tuple[str, ...] = ()
    """The columns to sort rows by ("-claims": descending). kg sorts in Python: Oxigraph
    compares IRIs by decoding them on every comparison, seconds for 50,000 rows."""
    undated: str = ""
    """A query file (relative to this one) giving the same rows when no date parameter is
    given, faster: read from the edge summaries instead of counted from the claims."""
    centred: str = ""
    """A query file (relative to this one) giving the same rows when its optional actor
    parameter is given, faster: it starts from that actor's claims instead of filtering
    the whole graph's."""
    edge: tuple[str, ...] = ()
    """The subject, relation and object parameters whose edge's IRI kg binds to ``?edge``.
    Oxigraph plans a query before it applies bound values, so a query that names the edge
    by computing its IRI in SPARQL starts from every claim of the relation instead."""
    rows: str = ""
    """Which edge summaries' rows answer the query (``all``, a column that must be true,
    or ``column = number``); "" when they do not. At a million claims the engine takes
    seconds to join the summary properties that one scan of the rows gives."""


def parse_query(text: str, *, path: Path | None = None) -> QueryInfo:
    """Parse a named query's header.

    Raises:
        OntologyError: the header lacks a name or columns, or a line is malformed.

    >>> text = "# name: n\\n# columns: a, b\\n# order: -b, a\\n# param: x (actor) - who\\n"
    >>> text += "SELECT ?a ?b ?x {}"
    >>> info = parse_query(text)
    >>> info.columns, info.order, info.params[0].kind
    (('a', 'b'), ('-b', 'a'), 'actor')
    """
    where = str(path) if path is not None else "<query>"
    fields: dict[str, str] = {}
    params: list[QueryParam] = []
    notes: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        match = _HEADER.fullmatch(stripped)
        if match is None:
            notes.append(stripped.lstrip("#").strip())
        elif match[1] == "param":
            params.append(_parse_param(match[2], f"{where}:{number}"))
        else:
            fields[match[1]] = match[2].strip()
    for key in ("name", "columns"):
        if not fields.get(key):
            raise OntologyError(f"[{where} -> {key}] the header needs a '# {key}:' line")
    if path is not None and fields["name"] != path.stem:
        raise OntologyError(f"[{where} -> name] {fields['name']!r} differs from the file name")
    for param in params:
        if f"?{param.name}" not in text:
            raise OntologyError(f"[{where} -> param] ?{param.name} does not occur in the query")
    columns = tuple(c.strip() for c in fields["columns"].split(",") if c.strip())
    order = tuple(c.strip() for c in fields.get("order", "").split(",") if c.strip())
    unknown = [c for c in order if c.lstrip("-") not in columns]
    if unknown:
        raise OntologyError(f"[{where} -> order] {', '.join(unknown)} not among the columns")
    edge = tuple(c.strip() for c in fields.get("edge", "").split(",") if c.strip())
    kinds = tuple(next((p.kind for p in params if p.name == name), "") for name in edge)
    if edge and (kinds != ("actor", "relation", "actor") or "?edge" not in text):
        raise OntologyError(
            f"[{where} -> edge] name an actor, a relation and an actor parameter, "
            "and use ?edge in the query"
        )
    rows = fields.get("rows", "")
    if rows:
        _check_rows(rows, columns, params, where)
    return QueryInfo(
        name=fields["name"],
        description=fields.get("description", ""),
        params=tuple(params),
        columns=columns,
        text=text,
        path=path,
        notes=" ".join(n for n in notes if n),
        order=order,
        undated=fields.get("undated", ""),
        centred=fields.get("centred", ""),
        edge=edge,
        rows=rows,
    )


def _check_rows(
    rows: str, columns: Sequence[str], params: Sequence[QueryParam], where: str
) -> None:
    match = _ROWS.fullmatch(rows)
    named = [*columns, *(p.name for p in params), *([match[1]] if match and match[1] else [])]
    outside = [name for name in named if name not in ROW_COLUMNS]
    if match is None:
        raise OntologyError(
            f"[{where} -> rows] expected 'all', COLUMN or 'COLUMN = NUMBER', not {rows!r}"
        )
    if outside:
        raise OntologyError(
            f"[{where} -> rows] the rows hold {', '.join(ROW_COLUMNS)}; "
            f"not {', '.join(outside)}, named by the columns, parameters or rows line"
        )


def list_queries(directory: Path | None = None) -> list[QueryInfo]:
    """Every named query in ``directory`` (queries/ by default), sorted by name."""
    return [
        parse_query(p.read_text("utf-8"), path=p)
        for p in sorted(queries_dir(directory).glob("*.rq"))
    ]


def load_query(name_or_path: str | Path, directory: Path | None = None) -> QueryInfo:
    """A named query by name (``backers``) or by the path of an .rq file.

    Raises:
        QueryError: no such query.
    """
    path = Path(name_or_path)
    if path.suffix != ".rq":
        path = queries_dir(directory) / f"{name_or_path}.rq"
    if not path.is_file():
        known = ", ".join(q.name for q in list_queries(directory))
        raise QueryError(f"no query {str(name_or_path)!r}; the named queries are: {known}")
    return parse_query(path.read_text("utf-8"), path=path)


def run_query(
    store: GraphStore,
    name_or_path: str | Path,
    params: Mapping[str, str] | None = None,
    *,
    directory: Path | None = None,
) -> list[Row]:
    """Run a named query with its parameters, given as text, bound as typed values.

    Raises:
        QueryError: unknown query, unknown or missing parameter, or a value that does not
            parse (an actor that matches nothing, a malformed date).
    """
    info = load_query(name_or_path, directory)
    given = dict(params or {})
    declared = {p.name: p for p in info.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise QueryError(
            f"query {info.name} has no parameter {', '.join(unknown)}; "
            f"it takes: {', '.join(declared) or 'none'}"
        )
    missing = [p.name for p in info.params if not p.optional and not given.get(p.name)]
    if missing:
        raise QueryError(f"query {info.name} needs the parameter {', '.join(missing)}")
    bindings = {
        name: _convert(store, declared[name], value) for name, value in given.items() if value
    }
    return run_bound(store, info, bindings)


def run_bound(store: GraphStore, info: QueryInfo, bindings: Mapping[str, Binding]) -> list[Row]:
    """A query's rows with its parameters given as values: in its faster form if it has
    one for them, read from the edge summaries' rows if they answer it, sorted."""
    bindings = bind_edge(info, bindings)
    info = query_form(info, bindings)
    with collector_paused():  # a whole-graph answer is a few hundred thousand dicts
        summaries = stored_summaries(store) if info.rows else None
        if summaries is not None:
            return sort_rows(_summary_rows(summaries, info, bindings), info.order)
        return sort_rows(store.query(info.text, bindings), info.order)


def _summary_rows(
    summaries: list[EdgeSummary], info: QueryInfo, bindings: Mapping[str, Binding]
) -> list[Row]:
    """The rows of a query with a ``# rows:`` line, read from the edge summaries."""
    match = _ROWS.fullmatch(info.rows)
    wanted: dict[str, object] = {
        name: str(value) if isinstance(value, URIRef) else value for name, value in bindings.items()
    }
    if match and match[1]:
        wanted[match[1]] = int(match[2]) if match[2] else True
    rows = []
    for summary in summaries:
        if all(getattr(summary, name) == value for name, value in wanted.items()):
            rows.append({column: getattr(summary, column) for column in info.columns})
    return rows


def bind_edge(info: QueryInfo, bindings: Mapping[str, Binding]) -> dict[str, Binding]:
    """``bindings`` with ``edge`` bound to the IRI of the edge the query's ``# edge:``
    parameters name, if it has that header line."""
    bound = dict(bindings)
    if info.edge:
        subject, relation, obj = (str(bindings[name]) for name in info.edge)
        bound["edge"] = edge_iri(actor_id_of(subject), relation_type_of(relation), actor_id_of(obj))
    return bound


def query_form(info: QueryInfo, bound: Collection[str]) -> QueryInfo:
    """The query to run with the parameters named in ``bound``: its ``centred`` form when
    an optional actor is among them, its ``undated`` form when no date is, else ``info``."""
    kinds = {p.kind for p in info.params if p.name in bound}
    optional_actor = any(p.optional and p.kind == "actor" for p in info.params if p.name in bound)
    form = ""
    if info.centred and optional_actor:
        form = info.centred
    elif info.undated and "date" not in kinds:
        form = info.undated
    if not form or info.path is None:
        return info
    return parse_query((info.path.parent / form).read_text("utf-8"))


def sort_rows(rows: list[Row], order: Sequence[str]) -> list[Row]:
    """``rows`` sorted by the ``order`` columns as SPARQL's ORDER BY would ("-x":
    descending): unbound first, then numbers, then text.

    >>> sort_rows([{"a": "y", "n": 1}, {"a": "x", "n": 1}, {"a": None, "n": 2}], ["-n", "a"])
    [{'a': None, 'n': 2}, {'a': 'x', 'n': 1}, {'a': 'y', 'n': 1}]
    """
    # one stable sort per run of columns sorted the same way, the last run first
    runs: list[tuple[bool, list[str]]] = []
    for column in order:
        descending = column.startswith("-")
        if not runs or runs[-1][0] != descending:
            runs.append((descending, []))
        runs[-1][1].append(column.lstrip("-"))
    for descending, names in reversed(runs):
        rows.sort(key=_sort_key(rows, names), reverse=descending)
    return rows


def _sort_key(rows: list[Row], names: list[str]) -> Callable[[Row], tuple]:
    """The values themselves where each column holds only text or only numbers (sorting
    370,000 rows takes half the time), else their ``_rank``."""
    if all(_uniform(rows, name) for name in names):
        return lambda row: tuple([row.get(n) for n in names])
    return lambda row: tuple([_rank(row.get(n)) for n in names])


def _uniform(rows: list[Row], name: str) -> bool:
    kinds = {type(row.get(name)) for row in rows}
    return kinds <= {str} or kinds <= {int, float}


def _rank(value: object) -> tuple[int, float | str]:
    if value is None:
        return (0, 0)
    if isinstance(value, (int, float)):
        return (1, value)
    return (2, str(value))


def resolve_actor(store: GraphStore, text: str) -> URIRef:
    """The actor whose id, label or alias is ``text`` (case-insensitive), or an actor IRI.

    An id match beats a label match, which beats an alias match.

    Raises:
        QueryError: nothing matches, or several actors match equally well.
    """
    wanted = " ".join(text.split())
    if wanted.startswith(str(ACTOR)):
        wanted = actor_id_of(wanted)
    rows = store.query(_RESOLVE, {"text": wanted})
    if not rows:
        raise QueryError(f"no actor is called {text!r}; list them with the 'actors' query")
    best = rows[0]["rank"]
    matches = sorted({str(r["actor"]) for r in rows if r["rank"] == best})
    if len(matches) > 1:
        names = ", ".join(actor_id_of(m) for m in matches)
        raise QueryError(f"{text!r} could be any of: {names}; give the actor's id")
    return URIRef(matches[0])


def _convert(store: GraphStore, param: QueryParam, value: str) -> Binding:
    if param.kind == "actor":
        return resolve_actor(store, value)
    if param.kind == "relation":
        return _relation(value)
    if param.kind == "date":
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise QueryError(f"{param.name} must be a date YYYY-MM-DD, got {value!r}") from None
    if param.kind == "integer":
        try:
            return int(value)
        except ValueError:
            raise QueryError(f"{param.name} must be an integer, got {value!r}") from None
    return value


def _relation(value: str) -> URIRef:
    text = value.strip()
    if text.startswith(str(KG)) or text.startswith("kg:"):
        text = text.rsplit("#", 1)[-1].removeprefix("kg:")
    key = re.sub(r"[-_\s]", "", text).lower()
    for relation in RelationType:
        if key == relation.value.replace("_", ""):
            return relation_iri(relation)
    options = ", ".join(r.value for r in RelationType)
    raise QueryError(f"unknown relation {value!r}; use one of {options}")


def _parse_param(text: str, where: str) -> QueryParam:
    match = _PARAM.fullmatch(text.strip())
    if match is None:
        raise OntologyError(f"[{where} -> param] expected 'NAME (KIND[, optional]) - description'")
    name, kind, optional, description = match.groups()
    if kind not in PARAM_KINDS:
        raise OntologyError(f"[{where} -> param] unknown kind {kind!r}; use one of {PARAM_KINDS}")
    return QueryParam(name, kind, description, optional=optional is not None)
