"""Store size and query latency at scale: every named query, embedded and through the server.

The claim graph is synthetic, built by ``synthetic_extractions``: 2,000 actors whose
popularity follows a Zipf law (actor a0 is in the most claims, as a few actors are in the
news), documents of 10 claims each with a date (2020-2025) and one of six publishers,
relation types drawn with news-like weights (backs 30 %, opposes 35 %, meets_with 20 %,
leads 10 %, member_of 5 %), 10 % denied, 5 % hypothetical and 10 % reported claims.
Each claim's evidence is its own sentence of the document, so the quads are exactly
what ``kg.rdf`` writes for real extractions. They go to N-Quads shards
(``kg.shard.write_shard``) and into an on-disk store with the bulk loader
(``kg.shard.load_shards``).

Then each query of queries/ runs with its parameters bound (actor-centred queries once per
actor of --actors, given as its IRI: a0, the most connected, in 12 % of the claims, the
worst case; a100 and a1000, in 0.15 % and 0.015 %, nearer what a query about an actor
usually meets; edge-evidence asks for "a1 backs ACTOR"; resolving a name to an actor with
``kg.query.resolve_actor`` is timed on its own) on the embedded store and through ``oxigraph serve``
(``kg.endpoint.SparqlEndpointStore``). A query with optional dates runs twice: without
them (its ``undated`` form, if it has one, as ``kg query`` runs it) and, as
``NAME:dated``, between 2023-01-01 and 2024-12-31. Median and p95 latency over --runs runs after one
warm-up; on the embedded store also ``kg.graph.to_networkx`` with and without evidence
(``to_networkx:summaries``, the analyses' input) and ``kg.analysis.analyze`` on that graph.
Each measurement runs in its own process and is stopped after --timeout seconds
(the server gets the same query timeout). Prints a table, then JSON.

    .venv/bin/python bench/bench_queries.py [--claims 100000 1000000] [--runs 20]
        [--actors a0 a100 a1000] [--keep DIR]

``--keep DIR`` builds the store in DIR/CLAIMS (or reuses the one there) and keeps it, so
a second run measures without building again.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from kg.analysis import analyze
from kg.endpoint import open_any
from kg.graph import to_networkx
from kg.model import (
    Actor,
    ActorType,
    Document,
    Evidence,
    Extraction,
    Modality,
    Polarity,
    Relation,
    RelationType,
)
from kg.query import QueryInfo, list_queries, query_form, resolve_actor, run_bound
from kg.server import start_server
from kg.shard import load_shards, write_shard
from kg.store import Binding
from kg.vocab import actor_iri, relation_iri

CLAIMS_PER_DOC = 10
ACTORS = 2000
PUBLISHERS = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "Le Monde"]
RELATIONS = {
    RelationType.BACKS: 30,
    RelationType.OPPOSES: 35,
    RelationType.MEETS_WITH: 20,
    RelationType.LEADS: 10,
    RelationType.MEMBER_OF: 5,
}
VERBS = {
    RelationType.BACKS: "backs",
    RelationType.OPPOSES: "attacked",
    RelationType.MEETS_WITH: "met",
    RelationType.LEADS: "leads",
    RelationType.MEMBER_OF: "belongs to",
}
PARAMS = {
    "actor": "a0",
    "subject": "a1",
    "relation": "backs",
    "object": "a0",
    "from": "2023-01-01",
    "to": "2024-12-31",
}


def actors() -> list[Actor]:
    kinds = list(ActorType)
    return [
        Actor(
            f"a{i}",
            f"Actor {i}",
            kinds[i % len(kinds)],
            (f"A{i}", f"Alias {i}"),
            wikidata=f"Q{i + 1}" if i % 3 == 0 else None,
        )
        for i in range(ACTORS)
    ]


def synthetic_extractions(claims: int, *, seed: int = 11) -> Iterator[Extraction]:
    """Documents of ``CLAIMS_PER_DOC`` claims each, ``claims`` claims in all, lazily."""
    rng = random.Random(seed)
    pool = actors()
    weights = [1 / (rank + 1) for rank in range(ACTORS)]
    types = list(RELATIONS)
    type_weights = list(RELATIONS.values())
    start = date(2020, 1, 1)
    for n in range(claims // CLAIMS_PER_DOC):
        triples = []
        while len(triples) < CLAIMS_PER_DOC:
            a, b = rng.choices(pool, weights, k=2)
            if a.id != b.id:
                triples.append((a, rng.choices(types, type_weights)[0], b))
        sentences = [f"{a.label} {VERBS[kind]} {b.label}." for a, kind, b in triples]
        document = Document(
            f"synthetic-{n}",
            " ".join(sentences),
            title=f"Report {n}",
            published=start + timedelta(days=rng.randrange(6 * 365)),
            publisher=rng.choice(PUBLISHERS),
        )
        relations = []
        offset = 0
        for (a, kind, b), sentence in zip(triples, sentences, strict=True):
            roll = rng.random()
            relations.append(
                Relation(
                    a.id,
                    kind,
                    b.id,
                    (Evidence.from_span(document, offset, offset + len(sentence)),),
                    polarity=Polarity.NEGATIVE if roll < 0.10 else Polarity.POSITIVE,
                    modality=(
                        Modality.HYPOTHETICAL
                        if roll > 0.95
                        else Modality.REPORTED
                        if roll > 0.85
                        else Modality.ASSERTED
                    ),
                )
            )
            offset += len(sentence) + 1
        used = sorted({a.id for a, _, _ in triples} | {b.id for _, _, b in triples})
        by_id = {a.id: a for a in pool}
        yield Extraction(document, tuple(by_id[i] for i in used), tuple(relations))


def build_store(folder: Path, claims: int) -> dict[str, float]:
    """Generate, shard (one N-Quads file per 100k claims) and bulk-load the graph."""
    started = time.perf_counter()
    stream = synthetic_extractions(claims)
    shards = []
    quads = 0
    per_shard = 100_000 // CLAIMS_PER_DOC
    for n in itertools.count():
        batch = list(itertools.islice(stream, per_shard))
        if not batch:
            break
        shards.append(folder / f"part-{n}.nq")
        quads += write_shard(batch, shards[-1])
    generated = time.perf_counter() - started
    started = time.perf_counter()
    load_shards(folder / "store", shards)
    loaded = time.perf_counter() - started
    for shard in shards:
        shard.unlink()
    size = sum(f.stat().st_size for f in (folder / "store").rglob("*") if f.is_file())
    return {
        "quads": quads,
        "generate_and_shard_s": round(generated, 1),
        "bulk_load_s": round(loaded, 1),
        "store_mb": round(size / 2**20),
    }


def latency(call: Callable[[], object], runs: int) -> dict[str, float]:
    """Median and p95 of ``runs`` timed calls after one warm-up, in milliseconds."""
    call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(times, n=20)[18] if runs >= 20 else max(times)
    return {"median_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1)}


def bindings_for(info: QueryInfo, actor: str, *, dated: bool = False) -> dict[str, Binding]:
    """The query's parameters as bound values, ``actor`` as the actor (or the object of the
    edge), actors given as IRIs: name resolution (``kg.query.resolve_actor``) is timed on
    its own. Optional dates only when ``dated``."""
    values: dict[str, Binding] = {}
    for param in info.params:
        if param.kind == "date" and param.optional and not dated:
            continue
        text = actor if param.name in ("actor", "object") else PARAMS[param.name]
        if param.kind == "actor":
            values[param.name] = actor_iri(text)
        elif param.kind == "relation":
            values[param.name] = relation_iri(RelationType(text))
        else:
            values[param.name] = date.fromisoformat(text)
    return values


def measure_one(location: str, name: str, runs: int, whole_runs: int) -> dict[str, object]:
    """Time one named query (``NAME[:dated][@ACTOR]``, or ``resolve_actor``,
    ``to_networkx``, ``to_networkx:summaries``, ``analyze``) on the store at ``location``,
    a folder or a server URL."""
    with open_any(location, read_only=True) as store:
        if name == "resolve_actor":
            return {
                "kind": "lookup",
                "rows": 1,
                **latency(lambda: resolve_actor(store, "Actor 7"), min(runs, 5)),
            }
        if name in ("to_networkx", "to_networkx:summaries"):
            evidence = name == "to_networkx"
            G = to_networkx(store, evidence=evidence)
            return {
                "kind": "whole",
                "rows": G.number_of_edges(),
                **latency(lambda: to_networkx(store, evidence=evidence), whole_runs),
            }
        if name == "analyze":  # the analyses alone, on the graph read from the summaries
            G = to_networkx(store, evidence=False)
            return {
                "kind": "whole",
                "rows": G.number_of_edges(),
                **latency(lambda: analyze(G), whole_runs),
            }
        name, _, actor = name.partition("@")
        query_name, _, variant = name.partition(":")
        info = next(q for q in list_queries() if q.name == query_name)
        bindings = bindings_for(info, actor or PARAMS["actor"], dated=variant == "dated")
        centred = any(p.kind == "actor" for p in query_form(info, bindings).params)

        def run() -> list:
            return run_bound(store, info, bindings)

        rows = len(run())
        figures = latency(run, runs if centred else whole_runs)
        return {"kind": "actor" if centred else "whole", "rows": rows, **figures}


def time_queries(location: str, args: argparse.Namespace, names: list[str]) -> dict:
    """Each measurement in its own process, stopped after ``args.timeout`` seconds."""
    results: dict[str, dict] = {}
    for name in names:
        command = [
            sys.executable,
            __file__,
            "--one",
            name,
            "--location",
            location,
            "--runs",
            str(args.runs),
            "--whole-runs",
            str(args.whole_runs),
        ]
        try:
            run = subprocess.run(
                command, capture_output=True, text=True, check=True, timeout=args.timeout
            )
            results[name] = json.loads(run.stdout.strip().splitlines()[-1])
        except subprocess.CalledProcessError as err:
            error = err.stderr.strip().splitlines()[-1] if err.stderr.strip() else "failed"
            results[name] = {"kind": "?", "rows": "-", "median_ms": "error", "p95_ms": error}
        except subprocess.TimeoutExpired:
            results[name] = {
                "kind": "?",
                "rows": "-",
                "median_ms": f">{args.timeout:.0f}s",
                "p95_ms": "-",
            }
        log(f"  {name} {results[name]}")
    return results


def log(text: str) -> None:
    """Progress on stderr, so a long run shows where it is."""
    print(text, file=sys.stderr, flush=True)


def measure(claims: int, args: argparse.Namespace) -> dict[str, object]:
    names = ["resolve_actor"]
    for query in (q for q in list_queries() if q.name not in args.skip):
        forms = [query.name]
        if any(p.kind == "date" for p in query.params):
            forms.append(f"{query.name}:dated")
        centred = any(p.kind == "actor" for p in query.params)
        names += [f"{f}@{a}" for f in forms for a in args.actors] if centred else forms
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        folder = Path(args.keep) / str(claims) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if (folder / "built.json").is_file():
            built = json.loads((folder / "built.json").read_text())
        else:
            built = build_store(folder, claims)
            (folder / "built.json").write_text(json.dumps(built))
        figures: dict[str, object] = {"claims": claims, **built}
        log(f"{claims} claims: {figures}")
        log("embedded")
        readers = ["to_networkx", "to_networkx:summaries", "analyze"]
        figures["embedded"] = time_queries(str(folder / "store"), args, [*names, *readers])
        with start_server(folder / "store", query_timeout=args.timeout) as server:
            log("server")
            figures["server"] = time_queries(server.url, args, names)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, nargs="*", default=[100_000])
    parser.add_argument("--runs", type=int, default=20, help="runs of actor-centred queries")
    parser.add_argument("--whole-runs", type=int, default=5, help="runs of whole-graph queries")
    parser.add_argument("--skip", nargs="*", default=[], help="named queries to leave out")
    parser.add_argument(
        "--actors", nargs="*", default=["a0", "a100", "a1000"], help="actors to centre on"
    )
    parser.add_argument("--keep", help="build the stores in this folder and keep them")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per measurement")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--location", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.location, args.one, args.runs, args.whole_runs)))
        return 0
    results = [measure(n, args) for n in args.claims]
    for figures in results:
        print(
            f"\n{figures['claims']:,} claims: {figures['quads']:,} quads, "
            f"store {figures['store_mb']} MB, generated+sharded in "
            f"{figures['generate_and_shard_s']} s, bulk-loaded in {figures['bulk_load_s']} s"
        )
        print(
            f"{'query':24} {'kind':6} {'rows':>8} {'embedded ms (median/p95)':>26} "
            f"{'server ms (median/p95)':>24}"
        )
        for name, local in figures["embedded"].items():
            remote = figures["server"].get(name, {"median_ms": "-", "p95_ms": "-"})
            print(
                f"{name:24} {local['kind']:6} {local['rows']:>8} "
                f"{local['median_ms']:>12} / {local['p95_ms']:<11} "
                f"{remote['median_ms']:>10} / {remote['p95_ms']:<11}"
            )
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
