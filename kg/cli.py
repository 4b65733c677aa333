"""The ``kg`` command line: a thin layer over :mod:`kg.api`.

Every command calls one library function and formats its result. Errors kg raises on
purpose print as one line on stderr with exit code 2 (``--debug`` shows the traceback);
``ingest`` exits 1 when some inputs failed and the rest went in.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import click
import typer

from . import api
from .config import VIEW_EDGES, Settings
from .errors import KgError
from .evaluate import format_report, load_gold, report_to_json, score
from .export import EXPORT_FORMATS
from .format import edge_lines, table
from .io import iter_documents
from .model import Document, Extraction

app = typer.Typer(
    help="Turn news articles into a sourced actor-relationship knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        "-s",
        envvar="KG_STORE",
        help="Store folder (default ./kg-store) or SPARQL endpoint URL.",
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", envvar="KG_MODEL", help="Installed spaCy pipeline to use."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extraction processes.")]


def _settings(store: str | None, model: str | None) -> Settings:
    defaults = Settings()
    return Settings(model=model or defaults.model, store=store or defaults.store)


def _out(text: str = "") -> None:
    typer.echo(text)


class _ProgressBar:
    """Articles done, rate and time left, redrawn on one stderr line."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, state: api.IngestProgress) -> None:
        rate = state.done / state.elapsed if state.elapsed > 0 else 0.0
        if state.total:
            width = 24
            filled = min(width, int(width * state.done / state.total))
            left = (state.total - state.done) / rate if rate > 0 else 0.0
            line = (
                f"[{'#' * filled}{'.' * (width - filled)}] {state.done}/{state.total} articles"
                f"  {rate:.1f}/s  {_clock(state.elapsed)} elapsed  ~{_clock(left)} left"
            )
        else:
            line = f"{state.done} articles  {rate:.1f}/s  {_clock(state.elapsed)} elapsed"
        sys.stderr.write("\r" + line.ljust(78))
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def _ingest(graph: api.Graph, paths: list[Path], quiet: bool, jobs: int) -> api.IngestReport:
    bar = None if quiet or not sys.stderr.isatty() else _ProgressBar()
    try:
        report = graph.ingest(paths, progress=bar, jobs=jobs)
    finally:
        if bar is not None:
            bar.close()
    for failure in report.failures:
        typer.echo(f"kg: skipped {failure}", err=True)
    typer.echo(
        f"ingested {report.written} article(s), {report.unchanged} unchanged, "
        f"{len(report.failures)} failed, {report.claims} claims in {report.seconds:.1f}s",
        err=True,
    )
    return report


@app.command("ingest")
def ingest_cli(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    store: StoreOption = None,
    model: ModelOption = None,
    quiet: QuietOption = False,
    jobs: JobsOption = 1,
) -> None:
    """Read articles (.txt, .html, .json, .jsonl) into the store."""
    settings = _settings(store, model)
    with api.open_graph(settings.store, settings=settings) as graph:
        report = _ingest(graph, paths, quiet, jobs)
    raise typer.Exit(0 if report.ok else 1)


@app.command("build")
def build_cli(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The view to write.")] = Path(
        "graph.html"
    ),
    store: StoreOption = None,
    model: ModelOption = None,
    quiet: QuietOption = False,
    jobs: JobsOption = 1,
) -> None:
    """Ingest articles, print a summary of the graph and write its interactive view."""
    settings = _settings(store, model)
    with api.open_graph(settings.store, settings=settings) as graph:
        report = _ingest(graph, paths, quiet, jobs)
        G = graph.to_networkx()
        _out(_summary(G, graph.stats().documents))
        graph.render_html(output)
    _out(f"\nwrote {output} - open it in a browser")
    raise typer.Exit(0 if report.ok else 1)


@app.command("stats")
def stats_cli(store: StoreOption = None, model: ModelOption = None) -> None:
    """Summarise the store: articles, actors, edges by type, the best-sourced edges."""
    settings = _settings(store, model)
    with api.open_graph(settings.store, settings=settings, read_only=True) as graph:
        _out(_summary(graph.to_networkx(), graph.stats().documents))


def _summary(G: Any, documents: int) -> str:
    by_type = Counter(d["relation"] for _, _, d in G.edges(data=True))
    lines = [
        f"articles: {documents}",
        f"actors:   {G.number_of_nodes()}",
        f"edges:    {G.number_of_edges()}  ("
        + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items()))
        + ")",
        "",
        "best-sourced edges (sources / claims):",
    ]
    lines += edge_lines(G, limit=12)
    return "\n".join(lines)


@app.command("extract")
def extract_cli(
    file: Annotated[Path, typer.Argument(help="One article file.")],
    format: Annotated[str, typer.Option("--format", "-f", help="json or table.")] = "json",
    model: ModelOption = None,
) -> None:
    """Extract one article and print its actors and edges, without touching any store."""
    if format not in {"json", "table"}:
        raise KgError(f"unknown format {format!r}; use json or table")
    extraction = api.extract_file(file, settings=_settings(None, model))
    if format == "json":
        _out(json.dumps(extraction_json(extraction), indent=1, ensure_ascii=False))
    else:
        labels = {a.id: a.label for a in extraction.actors}
        rows = [
            {
                "subject": labels[r.subject],
                "relation": r.relation.value,
                "object": labels[r.object],
                "polarity": r.polarity.value,
                "modality": r.modality.value,
                "quote": r.evidence[0].quote,
            }
            for r in extraction.relations
        ]
        _out(table(rows))


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """The extraction contract: {doc, actors, edges}, evidence with spans and quotes."""
    return {
        "doc": extraction.document.id,
        "actors": [
            {
                "id": a.id,
                "label": a.label,
                "type": a.type.value,
                "aliases": list(a.aliases),
                **({"wikidata": a.wikidata} if a.wikidata else {}),
            }
            for a in extraction.actors
        ],
        "edges": [
            {
                "subject": r.subject,
                "relation": r.relation.value,
                "subtype": r.subtype,
                "object": r.object,
                "polarity": r.polarity.value,
                "modality": r.modality.value,
                "confidence": r.confidence,
                **({"attribution": r.attribution} if r.attribution else {}),
                "evidence": [
                    {"doc": e.doc_id, "start": e.start, "end": e.end, "quote": e.quote}
                    for e in r.evidence
                ],
            }
            for r in extraction.relations
        ],
    }


def _params(values: list[str]) -> dict[str, str]:
    params = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep or not key:
            raise KgError(f"--param takes key=value, got {value!r}")
        params[key.strip()] = text
    return params


@app.command("query")
def query_cli(
    name: Annotated[str | None, typer.Argument(help="A named query or an .rq file.")] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable.")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    store: StoreOption = None,
) -> None:
    """Run a named SPARQL query (see --list) with bound parameters."""
    from .query import list_queries

    if list_ or name is None:
        for info in list_queries():
            params = " ".join(f"--param {p.name}=..." for p in info.params)
            _out(f"{info.name:22} {info.description}")
            if params:
                _out(f"{'':22}   {params}")
        return
    if format not in {"table", "csv", "json"}:
        raise KgError(f"unknown format {format!r}; use table, csv or json")
    settings = _settings(store, None)
    with api.open_graph(settings.store, settings=settings, read_only=True) as graph:
        rows = graph.query(name, **_params(param or []))
    if format == "json":
        _out(json.dumps(rows, indent=1, ensure_ascii=False, default=str))
    elif format == "csv":
        import csv

        columns = list(rows[0]) if rows else []
        writer = csv.DictWriter(sys.stdout, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    else:
        _out(table(rows) if rows else "(no rows)")


@app.command("export")
def export_cli(
    format: Annotated[str, typer.Option("--format", "-f", help=", ".join(EXPORT_FORMATS))],
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    store: StoreOption = None,
) -> None:
    """Write the graph as RDF (ttl, trig, nq, nt, jsonld) or for Gephi (graphml, gexf, csv)."""
    settings = _settings(store, None)
    target = output or Path(f"graph.{format}")
    with api.open_graph(settings.store, settings=settings, read_only=True) as graph:
        graph.export(target, format)
    typer.echo(f"wrote {target}", err=True)


@app.command("view")
def view_cli(
    output: Annotated[Path, typer.Option("--output", "-o")] = Path("graph.html"),
    format: Annotated[str, typer.Option("--format", "-f", help="html, png or svg.")] = "html",
    focus: Annotated[str | None, typer.Option(help="Only this actor's neighbourhood.")] = None,
    depth: Annotated[int, typer.Option(help="Hops around --focus.")] = 1,
    relation: Annotated[list[str] | None, typer.Option(help="Keep these types.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Edges reported on or after YYYY-MM-DD.")
    ] = None,
    until: Annotated[str | None, typer.Option(help="Edges reported until YYYY-MM-DD.")] = None,
    min_sources: Annotated[int, typer.Option(help="Edges with at least N sources.")] = 1,
    max_edges: Annotated[
        int, typer.Option(help="Draw at most N edges, the best sourced.")
    ] = VIEW_EDGES,
    store: StoreOption = None,
) -> None:
    """Write the interactive view (one offline HTML file) or a static PNG/SVG picture."""
    if format not in {"html", "png", "svg"}:
        raise KgError(f"unknown format {format!r}; use html, png or svg")
    settings = _settings(store, None)
    with api.open_graph(settings.store, settings=settings, read_only=True) as graph:
        G = graph.view_graph(
            focus=focus,
            depth=depth,
            relations=relation,
            since=since,
            until=until,
            min_sources=min_sources,
            max_edges=max_edges,
        )
    if format == "html":
        from .html import render_html

        render_html(G, output)
    else:
        from .static_view import render_static

        if output.suffix != f".{format}":
            output = output.with_suffix(f".{format}")
        render_static(G, output, format=format)
    typer.echo(f"wrote {output}", err=True)


@app.command("analyze")
def analyze_cli(
    top: Annotated[int, typer.Option(help="Rows per ranking.")] = 10,
    chain: Annotated[
        list[str] | None,
        typer.Option("--chain", help="Two actors, the option given twice: support chains."),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    store: StoreOption = None,
) -> None:
    """Most backed and opposed actors, brokers, structural balance, coalitions, chains."""
    from .analysis import format_analysis

    if format not in {"table", "json"}:
        raise KgError(f"unknown format {format!r}; use table or json")
    if chain is not None and len(chain) != 2:
        raise KgError("--chain takes two actors: --chain Iran --chain Assad")
    settings = _settings(store, None)
    with api.open_graph(settings.store, settings=settings, read_only=True) as graph:
        report = graph.analyze(top=top, chain=(chain[0], chain[1]) if chain else None)
    if format == "json":
        _out(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        _out(format_analysis(report))


@app.command("serve")
def serve_cli(
    store: StoreOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 7878,
) -> None:
    """Serve the store as a SPARQL endpoint (Oxigraph server) for YASGUI, curl or kg itself.

    The store folder must not be open in another process while it is served.
    """
    from .server import serve

    raise typer.Exit(serve(_settings(store, None).store, host=host, port=port))


@app.command("load-shards")
def load_shards_cli(
    shards: Annotated[list[Path], typer.Argument(help="N-Quads files from kg.shard.")],
    store: StoreOption = None,
) -> None:
    """Bulk-load N-Quads shards written by kg.shard.write_shard (see docs/SCALE.md)."""
    from .shard import load_shards
    from .sources import link_sources

    result = load_shards(_settings(store, None).store, shards)
    with api.open_graph(_settings(store, None).store) as graph:
        link_sources(graph.store)
    typer.echo(
        f"loaded {result.quads} quads of {result.documents} documents ({result.replaced} replaced)",
        err=True,
    )


@app.command("eval")
def eval_cli(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of <article>.gold.json files.")],
    articles_dir: Annotated[
        Path | None, typer.Argument(help="Folder of the articles (default: the gold folder).")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    model: ModelOption = None,
) -> None:
    """Score extraction against gold annotations: P/R/F1 per type, misses, false positives."""
    golds = sorted(gold_dir.glob("*.gold.json"))
    if not golds:
        raise KgError(f"{gold_dir}: no *.gold.json files")
    articles = articles_dir or gold_dir
    documents: dict[str, Document] = {}
    for item in iter_documents([articles]):
        if isinstance(item, Document):
            documents[Path(item.id).name] = item
    pairs = []
    extractor = api.extractor(_settings(None, model))
    for path in golds:
        gold = load_gold(path)
        document = documents.get(Path(gold.doc).name)
        if document is None:
            raise KgError(f"{path}: its article {gold.doc!r} is not in {articles}")
        pairs.append((gold, extractor.extract(document)))
    report = score(pairs)
    if format == "json":
        _out(json.dumps(report_to_json(report), indent=1, ensure_ascii=False))
    else:
        _out(format_report(report))


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning kg's errors into one line and exit code 2."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or bool(os.environ.get("KG_DEBUG"))
    args = [a for a in args if a != "--debug"]
    try:
        code = app(args=args, prog_name="kg", standalone_mode=False)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        typer.echo("kg: aborted", err=True)
        sys.exit(130)
    except KgError as err:
        if debug:
            raise
        typer.echo(f"kg: error: {err}", err=True)
        sys.exit(2)
    except Exception as err:
        if debug:
            raise
        typer.echo(f"kg: internal error: {type(err).__name__}: {err} (run with --debug)", err=True)
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else 0)
