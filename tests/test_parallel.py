"""kg.parallel: extraction in worker processes gives what one process gives, in order,
pulling only a bounded number of documents ahead."""

from __future__ import annotations

import itertools
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.config import Settings
from kg.errors import ModelError
from kg.io import iter_documents
from kg.model import Document, Extraction
from kg.parallel import extract_parallel, write_behind

ARTICLES = Path(__file__).parent / "data" / "articles"


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    found = [d for d in iter_documents([ARTICLES]) if isinstance(d, Document)]
    assert len(found) >= 10
    return found


@pytest.fixture(scope="module")
def serial(documents: list[Document]) -> list[Extraction]:
    return list(extract_parallel(documents, settings=Settings(), jobs=1))


def test_extractions_pickle_unchanged(extractions: list[Extraction]) -> None:
    assert pickle.loads(pickle.dumps(extractions)) == extractions


def test_two_jobs_give_the_same_extractions_in_order(
    documents: list[Document], serial: list[Extraction]
) -> None:
    parallel = list(extract_parallel(documents, settings=Settings(), jobs=2, chunk=3))
    assert [e.document.id for e in parallel] == [d.id for d in documents]
    assert parallel == serial
    assert sum(len(e.relations) for e in serial) > 10


def test_workers_pull_a_bounded_number_of_documents(documents: list[Document]) -> None:
    pulled = 0

    def endless() -> Iterator[Document]:
        nonlocal pulled
        for n in itertools.count():
            pulled += 1
            yield Document(f"doc-{n}", documents[n % len(documents)].text)

    stream = extract_parallel(endless(), settings=Settings(), jobs=2, chunk=2)
    first = next(stream)
    stream.close()
    assert first.document.id == "doc-0"
    assert pulled <= 2 * 2 * 2 + 2


def test_a_missing_model_is_a_model_error_from_the_workers(documents: list[Document]) -> None:
    settings = Settings(model="no_such_spacy_model")
    with pytest.raises(ModelError, match="no_such_spacy_model"):
        list(extract_parallel(documents[:2], settings=settings, jobs=2, chunk=1))


@pytest.mark.parametrize(("jobs", "chunk"), [(0, 16), (2, 0)])
def test_jobs_and_chunk_must_be_positive(jobs: int, chunk: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(extract_parallel([], settings=Settings(), jobs=jobs, chunk=chunk))


class _Recorder:
    """A store that records the order of its writes and fails on one document."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.written: list[str] = []
        self.fail_on = fail_on

    def write(self, extraction: Extraction) -> int:
        if extraction.document.id == self.fail_on:
            raise OSError("disk full")
        self.written.append(extraction.document.id)
        return 1


def _empty(n: int) -> list[Extraction]:
    return [Extraction(Document(f"d{i}", ""), (), ()) for i in range(n)]


def test_write_behind_writes_everything_in_order_and_yields_only_what_is_written() -> None:
    store = _Recorder()
    seen = []
    for extraction in write_behind(store, _empty(50), ahead=3):
        seen.append(extraction.document.id)
        assert extraction.document.id in store.written
    assert seen == store.written == [f"d{i}" for i in range(50)]


def test_write_behind_pulls_a_bounded_number_ahead() -> None:
    pulled = 0

    def endless() -> Iterator[Extraction]:
        nonlocal pulled
        for n in itertools.count():
            pulled += 1
            yield Extraction(Document(f"d{n}", ""), (), ())

    stream = write_behind(_Recorder(), endless(), ahead=4)
    assert next(stream).document.id == "d0"
    stream.close()
    assert pulled <= 4 + 2


def test_a_failed_write_is_raised_and_nothing_after_it_is_written() -> None:
    store = _Recorder(fail_on="d5")
    seen = []
    with pytest.raises(OSError, match="disk full"):
        for extraction in write_behind(store, _empty(20), ahead=8):
            seen.append(extraction.document.id)
    assert store.written == seen == [f"d{i}" for i in range(5)]
