"""Helpers for the crash, concurrency and hostile-text tests: a corpus of distinct
articles, real ``kg`` processes, and stores compared quad by quad."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from rdflib import Dataset

from kg.store import Store
from kg.vocab import doc_id_of

__all__ = [
    "ARTICLES",
    "kg_command",
    "make_corpus",
    "quads_by_document",
    "run_kg",
    "store_dataset",
]

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests/data/articles").glob("*.txt")])
"""The seed article and our development articles: real news, about 2 kB each."""

_IRI = r"<[^<>]*>"
_QUAD = re.compile(  # one line of N-Quads as Oxigraph writes it: s p o [g] .
    rf'({_IRI}|_:\S+) ({_IRI}) ({_IRI}|_:\S+|"(?:[^"\\]|\\.)*"(?:\^\^{_IRI}|@[\w-]+)?)'
    rf"(?: <([^<>]*)>)? \.$"
)


def make_corpus(folder: Path, copies: int) -> list[Path]:
    """``copies`` copies of every article in ``folder``, each with its own closing line,
    so every file is a distinct document (its own checksum and id)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for copy in range(copies):
        for article in ARTICLES:
            text = article.read_text("utf-8").rstrip()
            path = folder / f"{article.stem}_{copy}.txt"
            path.write_text(f"{text}\n\nThis is copy {copy} of the story.\n", encoding="utf-8")
            paths.append(path)
    return paths


def kg_command(*args: str | Path) -> list[str]:
    """The real command line: this interpreter running ``python -m kg``."""
    return [sys.executable, "-m", "kg", *map(str, args)]


def run_kg(*args: str | Path, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``kg`` to the end in a child process; stdout and stderr as text."""
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("KG_STORE", None)
    return subprocess.run(
        kg_command(*args), cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def _nquads(store: Store) -> list[str]:
    buffer = io.BytesIO()
    store.dump(buffer, "nq")
    return buffer.getvalue().decode("utf-8").splitlines()


def quads_by_document(store: Store) -> dict[str, frozenset[str]]:
    """The store's N-Quads lines grouped by document (every kg quad is in a document's
    graph; a quad outside one is grouped under the empty string)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for line in _nquads(store):
        match = _QUAD.fullmatch(line)
        assert match is not None, f"not an N-Quads line: {line!r}"
        groups[doc_id_of(match[4]) if match[4] else ""].add(line)
    return {doc: frozenset(lines) for doc, lines in groups.items()}


def store_dataset(store: Store) -> Dataset:
    """The whole store as an rdflib Dataset (for SHACL)."""
    buffer = io.BytesIO()
    store.dump(buffer, "trig")
    dataset = Dataset()
    dataset.parse(data=buffer.getvalue(), format="trig")
    return dataset
