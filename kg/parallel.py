"""Extraction across processes: ``--jobs N``.

spaCy holds the GIL while it parses, so threads do not help; processes do. Each worker
loads one ``Extractor`` (model, gazetteer, lexicon) once, then takes chunks of documents
and sends back their extractions, which are frozen dataclasses and pickle as they are.
Chunks are submitted a few at a time and collected in submission order, so the output
keeps the input's order and memory holds only the chunks in flight, whatever the corpus.

``write_behind`` overlaps the other half of an ingest: a thread writes each extraction
to the store while the next document is parsed. Oxigraph releases the GIL while it
writes, so with one extraction process most of the writing leaves the wall clock
(docs/SCALE.md). The caller must not change the store from another thread meanwhile.
"""

from __future__ import annotations

import itertools
import multiprocessing
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Protocol

from .config import Settings
from .errors import KgError
from .model import Document, Extraction
from .pipeline import Extractor

__all__ = ["extract_parallel", "write_behind"]

_IN_FLIGHT_PER_JOB = 2
_WRITES_AHEAD = 8
_worker: Extractor | KgError | None = None


def _start_worker(settings: Settings) -> None:
    """Load the pipeline once per worker process; keep a kg error (a missing model) to
    raise with the first chunk, as an exception in an initializer only breaks the pool."""
    global _worker
    try:
        _worker = Extractor(settings)
    except KgError as err:
        _worker = err


def _extract_chunk(documents: list[Document]) -> list[Extraction]:
    if isinstance(_worker, KgError):
        raise _worker
    if _worker is None:
        raise RuntimeError("worker started without its extractor")
    return list(_worker.extract_many(documents))


def extract_parallel(
    documents: Iterable[Document],
    *,
    settings: Settings,
    jobs: int,
    chunk: int = 16,
    extractor: Extractor | None = None,
) -> Iterator[Extraction]:
    """Extract ``documents`` in ``jobs`` processes, yielding extractions in input order.

    With ``jobs=1`` it runs in this process with ``extractor`` (or a new one for
    ``settings``): no pickling, no start-up. Workers start
    with "forkserver" where available (never plain fork: the parent may hold threads and
    open stores), else "spawn", and each loads the model once. At most
    ``2 * jobs`` chunks of ``chunk`` documents are in flight, so memory stays flat.

    Raises:
        ValueError: ``jobs`` or ``chunk`` is below 1.
        KgError: a worker could not load its extractor (a ModelError for a missing model).

    >>> from kg.model import Document
    >>> docs = [Document(f"d{i}", "Iran backs Hezbollah.") for i in range(3)]
    >>> [e.document.id for e in extract_parallel(docs, settings=Settings(), jobs=2)]
    ... # doctest: +SKIP
    ['d0', 'd1', 'd2']
    """
    if jobs < 1 or chunk < 1:
        raise ValueError(f"jobs and chunk must be at least 1, got jobs={jobs}, chunk={chunk}")
    if jobs == 1:
        yield from (extractor or Extractor(settings)).extract_many(documents)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    source = iter(documents)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(settings,)
    ) as pool:
        pending: deque[Future[list[Extraction]]] = deque()
        try:
            while True:
                while len(pending) < jobs * _IN_FLIGHT_PER_JOB:
                    batch = list(itertools.islice(source, chunk))
                    if not batch:
                        break
                    pending.append(pool.submit(_extract_chunk, batch))
                if not pending:
                    return
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


class _Writable(Protocol):
    def write(self, extraction: Extraction) -> int: ...


def write_behind(
    store: _Writable, extractions: Iterable[Extraction], *, ahead: int = _WRITES_AHEAD
) -> Iterator[Extraction]:
    """Write ``extractions`` to ``store`` in one background thread, in order, while the
    next ones are produced; yield each once it is written. At most ``ahead`` wait to be
    written. A write's error is raised here, and nothing after it is written.

    >>> class Log:
    ...     def __init__(self): self.ids = []
    ...     def write(self, extraction): self.ids.append(extraction.document.id); return 0
    >>> from kg.model import Document
    >>> log = Log()
    >>> done = [e.document.id for e in write_behind(log, [Extraction(Document(i, ""), (), ())
    ...                                                   for i in "abc"])]
    >>> done == log.ids == ["a", "b", "c"]
    True
    """
    failed = threading.Event()

    def write(extraction: Extraction) -> int:
        if failed.is_set():
            raise RuntimeError("not written: an earlier write failed")
        try:
            return store.write(extraction)
        except BaseException:
            failed.set()
            raise

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-writer") as writer:
        pending: deque[tuple[Extraction, Future[int]]] = deque()
        try:
            for extraction in extractions:
                pending.append((extraction, writer.submit(write, extraction)))
                while len(pending) > ahead or (pending and pending[0][1].done()):
                    done, future = pending.popleft()
                    future.result()
                    yield done
            while pending:
                done, future = pending.popleft()
                future.result()
                yield done
        finally:
            for _, future in pending:
                future.cancel()
