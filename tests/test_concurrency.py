"""Several processes on one store: any number read it, or one writes it, and whoever
comes second gets a one-line "store is locked" error (exit code 2), never a wrong answer
or a damaged store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from kgproc import ARTICLES, Corpus, check_whole_or_absent, kg_command, run_kg, shared_corpus

import kg
from kg.errors import StoreError
from kg.store import Store

pytestmark = pytest.mark.model

_HOLD = """import sys
from kg.store import Store
store = Store.open(sys.argv[1], read_only=sys.argv[2] == "read")
print("open", flush=True)
sys.stdin.readline()
store.close()
"""
"""A child process that opens a store (to read or to write) and holds it until told."""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return shared_corpus(tmp_path_factory)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding two articles, closed."""
    store = tmp_path_factory.mktemp("seeded") / "store"
    with kg.open_graph(store) as graph:
        assert graph.ingest(ARTICLES[:2]).written == 2
    return store


class _Holder:
    """Another process holding the store open, to read or to write, until ``release``."""

    def __init__(self, store: Path, mode: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _HOLD, str(store), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline() if self.process.stdout else ""
        assert line == "open\n", self.process.communicate()[1]

    def release(self) -> None:
        if self.process.poll() is None:
            self.process.communicate("\n", timeout=30)
        assert self.process.returncode == 0


@pytest.fixture
def holders() -> Iterator[list[_Holder]]:
    held: list[_Holder] = []
    yield held
    for holder in held:
        if holder.process.poll() is None:
            holder.process.kill()
            holder.process.wait()


def _locked_line(result: subprocess.CompletedProcess, store: Path) -> None:
    """The run failed with exit code 2 and one line saying the store is locked."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"kg: error: the store {store} is locked: "), lines[0]
    assert "wait for it to finish" in lines[0] and "Traceback" not in result.stderr


# --- the library: many readers or one writer ---------------------------------------------


def test_readers_share_a_store_and_keep_a_writer_out(
    seeded: Path, holders: list[_Holder], tmp_path: Path
) -> None:
    holders.append(_Holder(seeded, "read"))
    with Store.open(seeded, read_only=True) as reader:  # a second reader, here
        documents = reader.stats().documents
        assert documents == 2
        with pytest.raises(StoreError, match="open read-only in this process; close it"):
            Store.open(seeded)  # nor in this process while it reads
        writer = run_kg("ingest", ARTICLES[2], "--store", seeded, cwd=tmp_path)
        _locked_line(writer, seeded)
        assert reader.stats().documents == documents
    holders[0].release()
    writer = run_kg("ingest", ARTICLES[2], "--store", seeded, cwd=tmp_path)
    assert writer.returncode == 0, writer.stderr
    with Store.open(seeded, read_only=True) as reader:
        assert reader.stats().documents == 3


def test_a_writer_keeps_readers_out(seeded: Path, holders: list[_Holder]) -> None:
    holders.append(_Holder(seeded, "write"))
    with pytest.raises(StoreError, match="is locked: another process is writing it"):
        Store.open(seeded, read_only=True)
    with pytest.raises(StoreError, match="is locked: another process is reading or writing"):
        Store.open(seeded)
    holders[0].release()
    with Store.open(seeded, read_only=True) as reader:
        assert reader.stats().documents >= 2


def test_a_process_keeps_its_shared_lock_until_its_last_reader_closes(
    seeded: Path, holders: list[_Holder]
) -> None:
    # POSIX drops a process's locks when it closes any descriptor of the lock file:
    # closing one of two readers must not let a writer in under the other
    first = Store.open(seeded, read_only=True)
    second = Store.open(seeded, read_only=True)
    first.close()
    writer = subprocess.run(
        [sys.executable, "-c", _HOLD, str(seeded), "write"],
        input="\n",
        capture_output=True,
        text=True,
    )
    assert writer.returncode == 1 and "is locked" in writer.stderr, writer.stderr
    assert second.stats().documents >= 2
    second.close()
    holders.append(_Holder(seeded, "write"))
    holders[0].release()


def test_a_read_only_store_refuses_changes(seeded: Path) -> None:
    with Store.open(seeded, read_only=True) as reader:
        before = reader.stats()
        with pytest.raises(StoreError, match="open read-only"):
            reader.update("DROP ALL")
        with pytest.raises(StoreError, match="open read-only"):
            reader.remove(reader.documents()[0].id)
        assert reader.stats() == before


def test_reading_a_folder_without_a_store_creates_it(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new", read_only=True) as store:
        assert store.stats().documents == 0 and not store.read_only
    assert (tmp_path / "new" / "CURRENT").is_file()


# --- the command line, during a real ingest -------------------------------------------


def _start(*args: str | Path, cwd: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    return subprocess.Popen(
        kg_command(*args),
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_readers_and_a_second_writer_during_an_ingest(tmp_path: Path, corpus: Corpus) -> None:
    store = tmp_path / "store"
    writer = _start("ingest", corpus.folder, "--store", store, "--quiet", cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while not (store / "CURRENT").is_file() and time.monotonic() < deadline:
            time.sleep(0.05)
        others = [
            ("query", "actors", "--format", "json"),
            ("query", "actors", "--format", "json"),
            ("stats",),
            ("export", "--format", "nq", "-o", tmp_path / "out.nq"),
            ("view", "-o", tmp_path / "out.html"),
            ("ingest", ARTICLES[0]),
        ]
        runs = [_start(*args, "--store", store, cwd=tmp_path) for args in others]
        results = [(run.args, *run.communicate(timeout=60), run.returncode) for run in runs]
        assert writer.poll() is None, "the ingest ended before the others ran; use more copies"
    finally:
        _, writer_err = writer.communicate(timeout=120)
    assert writer.returncode == 0, writer_err
    for args, out, err, code in results:
        assert code == 2 and out == "", (args, code, err)
        _locked_line(subprocess.CompletedProcess(args, code, out, err), store)
    assert not (tmp_path / "out.nq").exists() and not (tmp_path / "out.html").exists()
    # the store the writer finished is whole, and readers now agree with it
    assert check_whole_or_absent(store, corpus.expected) == set(corpus.expected)
    with kg.open_graph(store) as graph:
        actors = graph.query("actors")
    answer = run_kg("query", "actors", "-f", "json", "--store", store, cwd=tmp_path)
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout) == json.loads(json.dumps(actors, default=str))


# Depends on the kg/cli.py patch "readers open the store read-only" (see the hand-over
# report): without it two readers at once lock each other out.
def test_two_readers_at_once_both_answer(seeded: Path, tmp_path: Path) -> None:
    with Store.open(seeded, read_only=True) as reader:  # holds the store while they run
        wanted = reader.stats().documents
        runs = [
            _start("query", "actors", "-f", "json", "--store", seeded, cwd=tmp_path),
            _start("stats", "--store", seeded, cwd=tmp_path),
            _start("export", "-f", "nq", "-o", tmp_path / "x.nq", "--store", seeded, cwd=tmp_path),
        ]
        outputs = [(*run.communicate(timeout=60), run.returncode) for run in runs]
    for _, err, code in outputs:
        assert code == 0, err
    assert f"articles: {wanted}" in outputs[1][0]
    assert json.loads(outputs[0][0])
    assert (tmp_path / "x.nq").stat().st_size > 0
