"""kg: turn news articles into a sourced actor-relationship knowledge graph."""

from .api import Graph, IngestReport, extract, extract_file, open_graph
from .config import Settings
from .errors import InputError, KgError, ModelError, OntologyError, QueryError, StoreError
from .graph import to_networkx
from .html import render_html, subgraph
from .model import (
    Actor,
    ActorType,
    Document,
    Evidence,
    Extraction,
    Mention,
    Modality,
    Polarity,
    Relation,
    RelationType,
)
from .static_view import render_static

__all__ = [
    "Actor",
    "ActorType",
    "Document",
    "Evidence",
    "Extraction",
    "Graph",
    "IngestReport",
    "InputError",
    "KgError",
    "Mention",
    "Modality",
    "ModelError",
    "OntologyError",
    "Polarity",
    "QueryError",
    "Relation",
    "RelationType",
    "Settings",
    "StoreError",
    "extract",
    "extract_file",
    "open_graph",
    "render_html",
    "render_static",
    "subgraph",
    "to_networkx",
]
