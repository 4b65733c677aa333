"""One exception tree for everything kg raises on purpose.

    KgError
    ├── InputError      a file or record cannot be read as an article
    ├── OntologyError   a data file in ontology/ or queries/ is malformed
    ├── StoreError      the store cannot be opened, is locked, or refused a write
    ├── QueryError      a query is unknown, malformed, or given bad parameters
    └── ModelError      the spaCy pipeline named in the settings is not installed

Every message names the file or thing, the problem and, where there is one, the fix.
"""

from __future__ import annotations

__all__ = ["InputError", "KgError", "ModelError", "OntologyError", "QueryError", "StoreError"]


class KgError(Exception):
    """Base of every error kg raises on purpose; the CLI prints it as one line."""


class InputError(KgError):
    """An input file or record cannot be read as an article."""


class OntologyError(KgError):
    """A data file in ontology/ or queries/ is malformed."""


class StoreError(KgError):
    """The store cannot be opened, is locked, or refused a write."""


class QueryError(KgError):
    """A query is unknown, malformed, or was given bad parameters."""


class ModelError(KgError):
    """The spaCy pipeline named in the settings cannot be loaded."""
