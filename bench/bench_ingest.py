"""Ingest throughput against bare spaCy, with --jobs 1 and 2, and memory as the corpus grows.

The corpus is synthetic: the paragraphs of the seed article and of tests/data/articles
pooled, and each synthetic article made of 12 of them drawn at random (seeded), so
articles look like the real ones in length and in how often actors appear. It is
generated while it is read; nothing holds the corpus.

Each configuration runs in its own Python process, so its peak RSS is its own:
``spacy`` (bare ``nlp.pipe`` over the article texts, batch 64, the model as
``spacy.load`` gives it), ``spacy-kg`` (the same with the model as kg loads it, its
attribute ruler indexed, see kg.ruler), ``kg-1`` and ``kg-2``
(kg's full extraction through ``kg.parallel.extract_parallel`` with jobs 1 and 2, each
document written to an on-disk store, one transaction per document, from a thread as
``kg ingest`` does (``kg.parallel.write_behind``), with the default ``Settings``; the
timing includes the recount of the edge summaries at the end). Modifiers after a colon:
``kg-1:inline`` writes in the loop instead,
``kg-1:nostore`` extracts only (what kg adds to the parse, without the store),
``kg-1:prefilter`` and ``kg-1:noprefilter`` turn the cheap pass (``Settings.prefilter``)
on or off whatever the default; they combine (``kg-1:nostore:noprefilter``).

Figures: articles/s, words/s, the ratio to bare spaCy, peak RSS of the main process
(getrusage), the RSS of the whole process tree (main, forkserver, workers) sampled ten
times along the run (flat is the goal; the largest sample is "tree MB"), and the CPU
seconds of the main process (its threads included, its children not) with their ratio
to bare spaCy's, which other load on a shared machine disturbs less than the wall clock
(for ``kg-2`` the work is in the workers, so its CPU figure means little). Prints a
table, then JSON.

    .venv/bin/python bench/bench_ingest.py [--articles 200] [--configs spacy kg-1 kg-1:nostore]
        [--memory 1000 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARAGRAPHS_PER_ARTICLE = 12


def paragraphs() -> list[str]:
    """Every paragraph (non-blank line) of the seed and the test articles."""
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "data" / "articles").glob("*.txt")
    )
    return [
        line.strip()
        for file in files
        for line in file.read_text("utf-8").splitlines()
        if line.strip()
    ]


def synthetic_texts(count: int, *, seed: int = 7) -> Iterator[str]:
    """``count`` articles of shuffled real paragraphs, generated lazily."""
    pool = paragraphs()
    rng = random.Random(seed)
    for _ in range(count):
        yield "\n\n".join(rng.sample(pool, PARAGRAPHS_PER_ARTICLE))


def _tree_rss_mb() -> float:
    """The resident set size of this process and all its descendants (the forkserver and
    its workers included), in MB, read from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree = {os.getpid()}
    grew = True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        grew = bool(found)
        tree |= found
    pages = 0
    for pid in tree:
        try:
            pages += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except OSError:
            continue
    return pages * resource.getpagesize() / 2**20


def run_one(config: str, articles: int) -> dict[str, object]:
    """Run one configuration in this process and measure it."""
    import spacy

    from kg.config import Settings
    from kg.model import Document
    from kg.nlp import load_pipeline

    name, *modifiers = config.split(":")
    settings = Settings()
    if "prefilter" in modifiers or "noprefilter" in modifiers:
        settings = replace(settings, prefilter="prefilter" in modifiers)
    behind = "inline" not in modifiers
    nostore = "nostore" in modifiers
    words = 0
    samples: list[tuple[int, float]] = []
    every = max(1, articles // 10)

    def documents() -> Iterator[Document]:
        nonlocal words
        for n, text in enumerate(synthetic_texts(articles)):
            words += len(text.split())
            yield Document(f"synthetic-{n}", text)

    if name in {"spacy", "spacy-kg"}:
        nlp = load_pipeline(settings.model) if name == "spacy-kg" else spacy.load(settings.model)
        started, cpu = time.perf_counter(), time.process_time()
        for n, _ in enumerate(nlp.pipe((d.text for d in documents()), batch_size=64), start=1):
            if n % every == 0:
                samples.append((n, round(_tree_rss_mb())))
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
    else:
        from kg.parallel import extract_parallel, write_behind
        from kg.pipeline import Extractor
        from kg.store import Store

        jobs = int(name.removeprefix("kg-"))
        extractor = Extractor(settings) if jobs == 1 else None
        with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s") as store:
            started, cpu = time.perf_counter(), time.process_time()
            stream = extract_parallel(
                documents(), settings=settings, jobs=jobs, extractor=extractor
            )
            if behind and not nostore:
                stream = write_behind(store, stream)
            for n, extraction in enumerate(stream, start=1):
                if not (behind or nostore):
                    store.write(extraction)
                if n % every == 0:
                    samples.append((n, round(_tree_rss_mb())))
            store.query("ASK {}")  # the pending edge summaries are recomputed here
            seconds = time.perf_counter() - started
            cpu = time.process_time() - cpu
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "config": config,
        "articles": articles,
        "words": words,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "articles_per_s": round(articles / seconds, 2),
        "words_per_s": round(words / seconds),
        "peak_rss_mb": round(own),
        "peak_tree_rss_mb": max((mb for _, mb in samples), default=0),
        "tree_rss_samples_mb": samples,
    }


def measure(config: str, articles: int) -> dict[str, object]:
    """Run ``config`` in a fresh process, so its memory and start-up are its own."""
    output = subprocess.run(
        [sys.executable, __file__, "--run", config, "--articles", str(articles)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="articles for throughput")
    parser.add_argument(
        "--memory", type=int, nargs="*", default=[], help="article counts for kg-1 memory runs"
    )
    parser.add_argument("--configs", nargs="*", default=["spacy", "kg-1", "kg-2"])
    parser.add_argument("--run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_one(args.run, args.articles)))
        return 0

    throughput = [measure(config, args.articles) for config in args.configs]
    base = next((r for r in throughput if r["config"] == "spacy"), None)
    for row in throughput:
        if base is not None:
            row["vs_spacy"] = round(float(row["words_per_s"]) / float(base["words_per_s"]), 2)
            row["vs_spacy_cpu"] = round(float(base["cpu_seconds"]) / float(row["cpu_seconds"]), 2)
    memory = [measure("kg-1", n) for n in args.memory]

    print(
        f"{'config':15} {'articles':>8} {'art/s':>7} {'words/s':>8} {'vs spaCy':>8} "
        f"{'cpu s':>7} {'cpu vs':>7} {'peak MB':>8} {'tree MB':>8}"
    )
    for row in throughput + memory:
        print(
            f"{row['config']:15} {row['articles']:8} {row['articles_per_s']:7} "
            f"{row['words_per_s']:8} {row.get('vs_spacy', ''):>8} {row['cpu_seconds']:7} "
            f"{row.get('vs_spacy_cpu', ''):>7} {row['peak_rss_mb']:8} {row['peak_tree_rss_mb']:8}"
        )
    print(json.dumps({"throughput": throughput, "memory": memory}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
