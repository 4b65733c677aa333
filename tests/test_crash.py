"""Crashes and re-runs: ingest is idempotent by content, a changed document replaces its
claims, and a real ``kg ingest`` killed with SIGKILL at any moment leaves a store that
opens, passes the shapes, holds each document wholly or not at all, and that a re-run
completes."""

from __future__ import annotations

import os
import pty
import random
import re
import select
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from kgproc import (
    ARTICLES,
    Corpus,
    check_whole_or_absent,
    ingested,
    kg_command,
    quads_by_document,
    run_kg,
    shared_corpus,
)

import kg
from kg.store import Store
from kg.vocab import actor_iri, claim_iri

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return shared_corpus(tmp_path_factory)


_PROGRESS = re.compile(rb"(\d+)/(\d+) articles")
# --- idempotency by content ----------------------------------------------------------


@pytest.fixture
def two_articles() -> tuple[str, str]:
    """Two articles about different conflicts, with different actors and claims."""
    return ARTICLES[1].read_text("utf-8"), ARTICLES[9].read_text("utf-8")


def _dump(graph: kg.Graph) -> dict[str, frozenset[str]]:
    return quads_by_document(graph.store)  # type: ignore[arg-type]


def test_the_same_document_again_changes_nothing(tmp_path: Path, two_articles) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(two_articles[0], encoding="utf-8")
    (folder / "b.txt").write_text(two_articles[1], encoding="utf-8")
    with kg.open_graph(tmp_path / "store") as graph:
        first = graph.ingest([folder])
        before = _dump(graph)
        again = graph.ingest([folder])
        assert (first.written, again.written, again.unchanged) == (2, 0, 2)
        assert _dump(graph) == before
    with kg.open_graph(tmp_path / "store") as graph:  # and after closing and reopening
        assert graph.ingest([folder / "a.txt"]).unchanged == 1
        assert _dump(graph) == before


def test_the_same_content_under_another_name_changes_nothing(tmp_path: Path, two_articles) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(two_articles[0], encoding="utf-8")
    renamed = tmp_path / "elsewhere" / "deeper"
    renamed.mkdir(parents=True)
    shutil.copy(tmp_path / "in" / "a.txt", renamed / "copy-of-a.txt")
    shutil.copy(tmp_path / "in" / "a.txt", renamed / "another-copy.txt")
    with kg.open_graph(tmp_path / "store") as graph:
        graph.ingest([tmp_path / "in"])
        before = _dump(graph)
        report = graph.ingest([tmp_path / "elsewhere"])
        assert (report.read, report.written, report.unchanged) == (2, 0, 2)
        assert _dump(graph) == before
        assert [d.id for d in graph.store.documents()] == ["a.txt"]


def test_a_changed_document_replaces_its_claims_leaving_no_orphans(
    tmp_path: Path, two_articles
) -> None:
    old_text, new_text = two_articles
    path = tmp_path / "in" / "story.txt"
    path.parent.mkdir()
    path.write_text(old_text, encoding="utf-8")
    with kg.open_graph(tmp_path / "store") as graph:
        graph.ingest([path.parent])
        old = kg.extract_file(path)
        path.write_text(new_text, encoding="utf-8")
        new = kg.extract_file(path)
        report = graph.ingest([path.parent])
        assert (report.written, report.unchanged) == (1, 0)
        after = _dump(graph)
        store = graph.store
        gone_claims = {claim_iri("story.txt", r) for r in old.relations} - {
            claim_iri("story.txt", r) for r in new.relations
        }
        gone_actors = {a.id for a in old.actors} - {a.id for a in new.actors}
        assert gone_claims and gone_actors, "the two versions must differ for this test"
        for claim in gone_claims:
            assert store.query(f"ASK {{ <{claim}> ?p ?o }}") == [{"result": False}]
            assert store.query(f"ASK {{ ?s ?p <{claim}> }}") == [{"result": False}]
        for actor in gone_actors:
            iri = actor_iri(actor)
            assert store.query(f"ASK {{ <{iri}> ?p ?o }}") == [{"result": False}], actor
        old_quotes = {e.quote for r in old.relations for e in r.evidence} - {
            e.quote for r in new.relations for e in r.evidence
        }
        quotes = {
            str(r["q"])
            for r in store.query("SELECT ?q WHERE { ?e <https://w3id.org/kg/ontology#quote> ?q }")
        }
        assert not quotes & old_quotes, "evidence of the old version remains"
        (stored,) = store.documents()
        assert stored.checksum == new.document.checksum
    # the store is exactly what ingesting only the new version gives
    assert after == ingested([path.parent])


def test_a_document_changed_into_a_copy_of_another_drops_its_old_claims(
    tmp_path: Path, two_articles
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(two_articles[0], encoding="utf-8")
    (folder / "b.txt").write_text(two_articles[1], encoding="utf-8")
    with kg.open_graph(tmp_path / "store") as graph:
        graph.ingest([folder])
        shutil.copy(folder / "a.txt", folder / "b.txt")
        report = graph.ingest([folder])
        assert (report.written, report.unchanged) == (0, 2)
        assert _dump(graph) == ingested([folder / "a.txt"]), "b.txt's old claims must go"


# --- store creation cut short -----------------------------------------------------------

# What RocksDB leaves when a process dies while it creates a store (seen by killing a
# process at 0.3 ms steps into ``Store.open``): no CURRENT file yet.
_CREATION_STATES = [
    ("LOG",),
    ("LOCK", "LOG"),
    ("IDENTITY", "LOCK", "LOG"),
    ("000000.dbtmp", "LOCK", "LOG"),
    ("IDENTITY", "LOCK", "LOG", "MANIFEST-000001"),
    ("000001.dbtmp", "IDENTITY", "LOCK", "LOG", "MANIFEST-000001"),
]


# Depends on the kg/store.py change "a store whose creation was cut short opens".
@pytest.mark.parametrize("names", _CREATION_STATES, ids="+".join)
def test_a_store_whose_creation_was_killed_opens_and_ingests(
    tmp_path: Path, names: tuple[str, ...]
) -> None:
    model = tmp_path / "model"
    with Store.open(model):
        pass
    store = tmp_path / "store"
    store.mkdir()
    for name in names:
        source = next(model.glob(re.sub(r"\d{6}", "??????", name)), None)
        (store / name).write_bytes(source.read_bytes()[:40] if source else b"")
    with kg.open_graph(store) as graph:
        assert graph.ingest([ARTICLES[0]]).written == 1
    with Store.open(store) as again:
        assert again.stats().documents == 1


# A kill after the last document is written but before the copies of one story are
# linked (``kg.sources.link_sources``, one update at the end of an ingest) leaves every
# document stored and none linked: the re-run has nothing to write and must still link.
# Depends on the api.py patch "link what a killed run left unlinked" (see the hand-over
# report): without it the re-run writes nothing and so never links.
def test_a_rerun_links_what_a_killed_ingest_wrote_but_did_not_link(
    tmp_path: Path, corpus: Corpus
) -> None:
    store = tmp_path / "store"
    with Store.open(store) as opened:
        for extraction in corpus.expected.values():
            opened.write(extraction)  # what Graph.ingest writes, document by document
    finished = run_kg("ingest", corpus.folder, "--store", store, cwd=tmp_path)
    assert finished.returncode == 0, finished.stderr
    assert f"0 article(s), {len(corpus.expected)} unchanged" in finished.stderr
    with Store.open(store) as opened:
        assert quads_by_document(opened) == corpus.clean


# --- SIGKILL at any moment --------------------------------------------------------------


class _Ingest:
    """A real ``kg ingest`` whose stderr is a terminal, so it draws its progress bar."""

    def __init__(self, corpus: Path, store: Path) -> None:
        self.master, slave = pty.openpty()
        env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
        self.process = subprocess.Popen(
            kg_command("ingest", corpus, "--store", store),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=slave,
            env=env,
            cwd=store.parent,
        )
        os.close(slave)
        self.started = time.monotonic()
        self.done = 0

    def wait_for(self, documents: int, limit: float = 60) -> None:
        """Read the progress bar until it shows ``documents`` done (or the run ends)."""
        while self.done < documents and time.monotonic() - self.started < limit:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                if self.process.poll() is not None:
                    return
                continue
            try:
                chunk = os.read(self.master, 4096)
            except OSError:  # the child closed the terminal
                return
            for match in _PROGRESS.finditer(chunk):
                self.done = max(self.done, int(match[1]))

    def kill(self) -> int:
        self.process.send_signal(signal.SIGKILL)
        code = self.process.wait()
        os.close(self.master)
        return code


@pytest.fixture
def killed_runs() -> Iterator[list[_Ingest]]:
    runs: list[_Ingest] = []
    yield runs
    for run in runs:  # a failed assertion must not leave a child behind
        if run.process.poll() is None:
            run.kill()


def test_sigkill_at_any_moment_then_a_rerun_completes_the_job(
    tmp_path: Path, corpus: Corpus, killed_runs: list[_Ingest]
) -> None:
    store = tmp_path / "store"
    jitter = random.Random(6)
    held: set[str] = set()
    # kill while starting (opening or creating the store), then after 3, 12 and 30 of the
    # 44 documents are written (the count includes those already stored), a few ms late
    # so that some kills land inside the next write
    for seconds, documents in ((0.5, 0), (0.0, 3), (0.0, 12), (0.0, 30)):
        run = _Ingest(corpus.folder, store)
        killed_runs.append(run)
        if documents:
            run.wait_for(documents)
        time.sleep(seconds + jitter.uniform(0, 0.05))
        assert run.process.poll() is None, "the run ended before it could be killed"
        assert run.kill() == -signal.SIGKILL
        if not store.exists():
            continue  # killed before it created the store: nothing to check
        now = check_whole_or_absent(store, corpus.expected)
        assert held <= now, "a kill lost documents an earlier run had written"
        assert len(now) >= min(documents, len(corpus.expected))
        held = now
    finished = run_kg("ingest", corpus.folder, "--store", store, cwd=tmp_path)
    assert finished.returncode == 0, finished.stderr
    total = len(corpus.expected)
    assert f"{total - len(held)} article(s), {len(held)} unchanged" in finished.stderr
    assert check_whole_or_absent(store, corpus.expected) == set(corpus.expected)
    with Store.open(store) as opened:
        assert quads_by_document(opened) == corpus.clean
