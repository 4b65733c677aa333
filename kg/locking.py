"""Many readers or one writer per store folder, across processes and within one.

Oxigraph keeps a store in RocksDB, which holds an exclusive POSIX lock on the store's
``LOCK`` file while a process has the store open for writing, and no lock at all for a
read-only open; pyoxigraph calls reading a store that another process writes undefined
behaviour. So a reader takes a *shared* lock on that same file for as long as it reads:
no writer (kg, or any other Oxigraph program) can open the store meanwhile, and no
reader can open it while a writer has it. Whoever comes second gets a StoreError that
says the store is locked; nothing waits and nothing is damaged.

POSIX locks belong to a process, and closing any descriptor of the file releases all of
them, so a process keeps one descriptor per store for all its readers, and never opens a
store for writing while it reads it (or the reverse). POSIX only (``fcntl``).
"""

from __future__ import annotations

import errno
import fcntl
import os
import threading
from pathlib import Path

from .errors import StoreError

__all__ = ["ReadLock", "claim_writer", "locked_message", "read_lock", "release_writer"]

LOCK_FILE = "LOCK"
"""RocksDB's lock file inside the store folder."""

_guard = threading.Lock()
_readers: dict[Path, tuple[int, int]] = {}  # store folder -> (descriptor, open readers)
_writers: set[Path] = set()


def locked_message(path: str | Path, *, reading: bool) -> str:
    """The one-line error for a store another process holds, with the way out."""
    if reading:
        holder = "another process is writing it (a kg ingest or kg build?)"
    else:
        holder = "another process is reading or writing it (kg query, view, ingest...?)"
    return (
        f"the store {path} is locked: {holder}; wait for it to finish and run this again, "
        "or use another --store"
    )


class ReadLock:
    """A shared lock on one store folder, held until ``release`` (idempotent)."""

    def __init__(self, key: Path) -> None:
        self._key = key
        self._held = True

    def release(self) -> None:
        with _guard:
            if not self._held:
                return
            self._held = False
            descriptor, readers = _readers[self._key]
            if readers > 1:
                _readers[self._key] = (descriptor, readers - 1)
            else:
                del _readers[self._key]
                os.close(descriptor)  # drops this process's lock


def read_lock(path: Path) -> ReadLock:
    """Take a shared lock on the store in ``path`` (which must exist) for reading it.

    Raises:
        StoreError: a process (this one included) has the store open for writing, or
            the lock file cannot be opened.
    """
    key = path.resolve()
    with _guard:
        if key in _writers:
            raise StoreError(
                f"the store {path} is open for writing in this process; "
                "close it before opening it read-only"
            )
        if key in _readers:
            descriptor, readers = _readers[key]
            _readers[key] = (descriptor, readers + 1)
            return ReadLock(key)
        try:
            descriptor = os.open(key / LOCK_FILE, os.O_RDONLY | os.O_CREAT, 0o644)
        except OSError as err:
            raise StoreError(f"cannot lock the store {path}: {err.strerror or err}") from err
        try:
            fcntl.lockf(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as err:
            os.close(descriptor)
            if err.errno in (errno.EAGAIN, errno.EACCES):
                raise StoreError(locked_message(path, reading=True)) from err
            raise StoreError(f"cannot lock the store {path}: {err.strerror or err}") from err
        _readers[key] = (descriptor, 1)
        return ReadLock(key)


def claim_writer(path: Path) -> None:
    """Note that this process is about to open ``path`` for writing.

    Raises:
        StoreError: this process has the store open already, for writing or read-only
            (a reader's shared lock would be lost when the writer's closes).
    """
    key = path.resolve()
    with _guard:
        if key in _writers:
            raise StoreError(f"the store {path} is already in use in this process; close it first")
        if key in _readers:
            raise StoreError(
                f"the store {path} is open read-only in this process; "
                "close it before opening it for writing"
            )
        _writers.add(key)


def release_writer(path: Path) -> None:
    """Forget a writer noted by ``claim_writer`` (its store is closed, or failed to open)."""
    with _guard:
        _writers.discard(path.resolve())
