"""Locate the data directories: ontology/ and queries/.

In a checkout they sit beside the package; in an installed wheel they are shipped
inside it as ``kg/_data``. A ``Settings`` value may point elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from .errors import OntologyError

__all__ = ["data_dir", "ontology_dir", "queries_dir"]

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The first existing ``name`` directory: beside the package, then inside it.

    >>> data_dir("ontology").name
    'ontology'
    """
    for candidate in (_PACKAGE.parent / name, _PACKAGE / "_data" / name):
        if candidate.is_dir():
            return candidate
    raise OntologyError(f"cannot find the {name}/ directory beside or inside {_PACKAGE}")


def ontology_dir(override: Path | None = None) -> Path:
    """Where the schema, shapes, gazetteer and lexicon live."""
    return override if override is not None else data_dir("ontology")


def queries_dir(override: Path | None = None) -> Path:
    """Where the named SPARQL queries live."""
    return override if override is not None else data_dir("queries")
