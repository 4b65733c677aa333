"""``kg serve``: an Oxigraph SPARQL server over a local store folder.

The PyPI package ``oxigraph`` ships the ``oxigraph`` binary; ``oxigraph serve`` answers
SPARQL query, update and graph store protocol requests over HTTP, so YASGUI, curl or
``--store http://127.0.0.1:7878`` can use the graph. The server opens the store folder
itself and Oxigraph lets one process at a time open a store: while it runs, no other
``kg`` command may open the same folder (point them at the server's URL instead), and
it cannot start while another process has the folder open.
"""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import StoreError

__all__ = [
    "ServerHandle",
    "free_port",
    "oxigraph_binary",
    "serve",
    "server_command",
    "start_server",
]

log = logging.getLogger(__name__)


def oxigraph_binary() -> str:
    """The path of the ``oxigraph`` executable: next to this Python first, then on PATH.

    Raises:
        StoreError: it is not installed.
    """
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        raise StoreError("the oxigraph server is not installed: pip install oxigraph")
    return found


def server_command(
    location: str | Path | None, host: str, port: int, *, query_timeout: float | None = None
) -> list[str]:
    """The ``oxigraph serve`` command line: the store folder (in memory when None), the
    union of the named graphs as default graph (as the embedded store queries), CORS on
    for browser tools such as YASGUI, and a limit on query time when given.

    >>> server_command("kg-store", "127.0.0.1", 7878)[1:4]
    ['serve', '--bind', '127.0.0.1:7878']
    """
    command = [
        oxigraph_binary(),
        "serve",
        "--bind",
        f"{host}:{port}",
        "--union-default-graph",
        "--cors",
    ]
    if location is not None:
        command += ["--location", str(location)]
    if query_timeout is not None:
        command += ["--timeout-s", str(max(1, round(query_timeout)))]
    return command


def serve(store_path: str | Path, *, host: str = "127.0.0.1", port: int = 7878) -> int:
    """Serve the store folder until interrupted (Ctrl-C); return the server's exit code.

    The server writes its own errors (folder locked by another process, port taken) to
    stderr and exits with a non-zero code.

    Raises:
        StoreError: the oxigraph binary is not installed.
    """
    command = server_command(store_path, host, port)
    log.info("starting %s", " ".join(command))
    with subprocess.Popen(command) as process:
        try:
            return process.wait()
        except KeyboardInterrupt:
            process.terminate()
            return process.wait()


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@dataclass
class ServerHandle:
    """A running ``oxigraph serve`` process, its address and its stderr log; stop it with
    ``stop()`` (or use it as a context manager)."""

    process: subprocess.Popen[bytes]
    url: str
    log: IO[bytes]

    def stop(self, timeout: float = 10.0) -> None:
        """Terminate the server and wait for it, killing it if it hangs."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def __enter__(self) -> ServerHandle:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start_server(
    location: str | Path | None = None,
    port: int | None = None,
    *,
    host: str = "127.0.0.1",
    wait: float = 30.0,
    query_timeout: float | None = None,
) -> ServerHandle:
    """Start ``oxigraph serve`` on ``host`` (loopback by default) and a free port, and return
    once it answers queries. ``query_timeout`` (seconds) stops longer queries.

    Raises:
        StoreError: the server exited or did not answer within ``wait`` seconds.

    >>> with start_server() as server:                     # doctest: +SKIP
    ...     SparqlEndpointStore.from_url(server.url).stats().quads
    0
    """
    port = port or free_port(host)
    url = f"http://{host}:{port}"
    errors = tempfile.TemporaryFile()  # noqa: SIM115 - the handle closes it with the server
    process = subprocess.Popen(
        server_command(location, host, port, query_timeout=query_timeout),
        stdout=subprocess.DEVNULL,
        stderr=errors,
    )
    handle = ServerHandle(process, url, errors)
    deadline = time.monotonic() + wait
    probe = urllib.request.Request(f"{url}/query?query=ASK%7B%7D", method="GET")
    while time.monotonic() < deadline:
        if process.poll() is not None:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace").strip()
            handle.stop()
            raise StoreError(f"oxigraph serve exited with code {process.returncode}: {message}")
        try:
            with urllib.request.urlopen(probe, timeout=1.0):
                return handle
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    handle.stop()
    raise StoreError(f"oxigraph serve did not answer on {url} within {wait:.0f}s")
