"""Fixtures shared by the test modules. Helpers that build data live in plain modules
beside this one (``fixtures.py``), imported by name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures import world

from kg.model import Extraction
from kg.store import Store


@pytest.fixture
def extractions() -> list[Extraction]:
    """The four hand-built fixture documents (see tests/fixtures.py)."""
    return world()


@pytest.fixture
def store(tmp_path: Path, extractions: list[Extraction]) -> Iterator[Store]:
    """A real on-disk Oxigraph store holding the fixture documents."""
    with Store.open(tmp_path / "store") as opened:
        for extraction in extractions:
            opened.write(extraction)
        yield opened
